use expect_test::{expect, Expect};

use super::*;

/// One token per line: its kind, then the source text it covers.
fn check_tokens(source: &str, expected: Expect) {
    let lexed = tokenize(source, false);
    let mut out = String::new();
    for token in &lexed.tokens {
        let text = &source[token.span.start as usize..token.span.end as usize];
        let kind = match &token.kind {
            TokenKind::Str(pieces) | TokenKind::Charlist(pieces) => {
                format!("{:?}", pieces.iter().map(piece).collect::<Vec<_>>())
            }
            other => format!("{other:?}"),
        };
        out.push_str(&format!("{kind} {text:?}\n"));
    }
    for error in &lexed.errors {
        out.push_str(&error.render(source, "t.exs"));
    }
    expected.assert_eq(&out);
}

fn piece(piece: &StrPiece) -> String {
    match piece {
        StrPiece::Lit(text) => format!("{text:?}"),
        StrPiece::Interp(tokens, _) => format!("#{{{} tokens}}", tokens.len()),
    }
}

/// One highlighted span per line: its class and text.
fn check_highlight(source: &str, expected: Expect) {
    let mut out = String::new();
    for token in highlight(source) {
        let text = &source[token.span.start as usize..token.span.end as usize];
        out.push_str(&format!("{:?} {text:?}\n", token.class));
    }
    expected.assert_eq(&out);
}

#[test]
fn tokens_of_a_small_program() {
    check_tokens(
        "defmodule M do\n  def f(x) when x > 0, do: x.y[:k] |> g # hi\nend\nnot in_x not in y",
        expect![[r#"
            Ident("defmodule") "defmodule"
            Alias("M") "M"
            Reserved("do") "do"
            Newline "\n"
            Ident("def") "def"
            Ident("f") "f"
            Op("(") "("
            Ident("x") "x"
            Op(")") ")"
            Op("when") "when"
            Ident("x") "x"
            Op(">") ">"
            Int(0) "0"
            Op(",") ","
            KwKey("do") "do:"
            Ident("x") "x"
            Op(".") "."
            Ident("y") "y"
            Op("[") "["
            Atom("k") ":k"
            Op("]") "]"
            Op("|>") "|>"
            Ident("g") "g"
            Newline "\n"
            Reserved("end") "end"
            Newline "\n"
            Op("not") "not"
            Ident("in_x") "in_x"
            Op("not in") "not in"
            Ident("y") "y"
        "#]],
    );
}

#[test]
fn keyword_keys_atoms_and_operators() {
    check_tokens(
        "[a: 1, \"b c\": 2, ok?: 3] :a :\"b c\" :ok? :== a::b &1 & &2 \\\\ ..// |> -> => <- ?a ?\\s",
        expect![[r#"
            Op("[") "["
            KwKey("a") "a:"
            Int(1) "1"
            Op(",") ","
            KwKey("b c") "\"b c\":"
            Int(2) "2"
            Op(",") ","
            KwKey("ok?") "ok?:"
            Int(3) "3"
            Op("]") "]"
            Atom("a") ":a"
            Atom("b c") ":\"b c\""
            Atom("ok?") ":ok?"
            Atom("==") ":=="
            Ident("a") "a"
            Op("::") "::"
            Ident("b") "b"
            CaptureArg(1) "&1"
            Op("&") "&"
            CaptureArg(2) "&2"
            Op("\\\\") "\\\\"
            Op("..") ".."
            Op("//") "//"
            Op("|>") "|>"
            Op("->") "->"
            Op("=>") "=>"
            Op("<-") "<-"
            Int(97) "?a"
            Int(32) "?\\s"
        "#]],
    );
}

#[test]
fn strings_with_interpolation_and_escapes() {
    check_tokens(
        r#""a#{b <> "c#{d}"}e\x41\u{1F600}\e" 'x\'y' ~w(a b)a ~S(no #{x} \n)"#,
        expect![[r##"
            ["\"a\"", "#{3 tokens}", "\"eA😀\\u{1b}\""] "\"a#{b <> \"c#{d}\"}e\\x41\\u{1F600}\\e\""
            ["\"x'y\""] "'x\\'y'"
            Sigil { letter: 'w', pieces: [Lit("a b")], modifiers: "a" } "~w(a b)a"
            Sigil { letter: 'S', pieces: [Lit("no #{x} \\n")], modifiers: "" } "~S(no #{x} \\n)"
        "##]],
    );
}

#[test]
fn highlight_classes() {
    check_highlight(
        "defmodule Greeter do\n  def hello(name), do: IO.puts(\"hi #{name}!\") # greet\n  x = [a: 1.5, b: :ok]\nend",
        expect![[r##"
            Keyword "defmodule"
            Module "Greeter"
            Keyword "do"
            Keyword "def"
            Function "hello"
            Punctuation "("
            Variable "name"
            Punctuation ")"
            Punctuation ","
            Atom "do:"
            Module "IO"
            Operator "."
            Function "puts"
            Punctuation "("
            String "\"hi "
            Punctuation "#{"
            Variable "name"
            Punctuation "}"
            String "!\""
            Punctuation ")"
            Comment "# greet"
            Variable "x"
            Operator "="
            Punctuation "["
            Atom "a:"
            Number "1.5"
            Punctuation ","
            Atom "b:"
            Atom ":ok"
            Punctuation "]"
            Keyword "end"
        "##]],
    );
}

#[test]
fn highlight_never_fails_on_broken_text() {
    check_highlight(
        "x = \"open #{1 + $",
        expect![[r#"
        Variable "x"
        Operator "="
        Error "\"open #{1 + $"
    "#]],
    );
    check_highlight(
        "y = 0xZZ ) end \"\"\"",
        expect![[r#"
        Variable "y"
        Operator "="
        Error "0xZZ"
        Punctuation ")"
        Keyword "end"
        Error "\"\"\""
    "#]],
    );
}
