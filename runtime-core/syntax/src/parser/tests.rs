use expect_test::{expect, Expect};

use super::{parse, sexpr};

fn check(source: &str, expected: Expect) {
    match parse(source) {
        Ok(ast) => expected.assert_eq(&sexpr(&ast)),
        Err(error) => panic!("{}", error.render(source, "test.exs")),
    }
}

fn check_error(source: &str, expected: Expect) {
    match parse(source) {
        Ok(ast) => panic!("expected an error, got {}", sexpr(&ast)),
        Err(error) => expected.assert_eq(&error.render(source, "test.exs")),
    }
}

#[test]
fn conformance_programs_parse() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/conformance");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: {dir} not found");
        return;
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "exs") {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            if let Err(error) = parse(&source) {
                panic!("{}", error.render(&source, &path.display().to_string()));
            }
            count += 1;
        }
    }
    assert!(count > 0, "no .exs files in {dir}");
}

#[test]
fn literals() {
    check(
        r##"42; -7; 1_000; 0x1F; 0b101; 0o17; 123_456_789_012_345_678_901_234_567_890
3.14; 1.0e20; 1.5e-3; -2.5; ?a; ?\n
:ok; :"hello world"; :ok?; :+; true; false; nil
"a \"q\"\n\t\\ \#{x}"; 'abc'; ~w(a b c); ~w[x y]a; ~s(it's "quoted")
"#{1 + 2} and #{inspect("in #{:nested}")}""##,
        expect![[r#"
            (block
              42
              -7
              1000
              31
              5
              15
              123456789012345678901234567890
              3.14
              1e20
              0.0015
              -2.5
              97
              10
              :ok
              :"hello world"
              :ok?
              :"+"
              :true
              :false
              :nil
              "a \"q\"\n\t\\ #{x}"
              'abc'
              (sigil_w "a b c" '')
              (sigil_w "x y" 'a')
              (sigil_s "it's \"quoted\"" '')
              (<<>> (+ 1 2) " and " (inspect (<<>> "in " :nested))))"#]],
    );
}

#[test]
fn heredoc_strips_closing_indentation() {
    check(
        "  x = \"\"\"\n    one\n      two #{n}\n    \"\"\"\n",
        expect![[r#"
            (block
              (= x (<<>> "one\n  two " n "\n")))"#]],
    );
}

#[test]
fn operator_precedence() {
    check(
        "1 + 2 * 3 - 4 / 2
2 ** 3 ** 2
-2 ** 2
a = b = c
a || b && c or d and e
x in [1] and y not in [2]
1..10//2
a <> b <> c
[1] ++ [2] -- [3]
not a == b
!a && b
x |> f() |> g(1)
a == b != c === d
x = &f/1
x = &(&1 + &2)
&+/2",
        expect![[r#"
            (block
              (- (+ 1 (* 2 3)) (/ 4 2))
              (** (** 2 3) 2)
              (** -2 2)
              (= a (= b c))
              (or (|| a (&& b c)) (and d e))
              (and (in x [1]) (not in y [2]))
              (// (.. 1 10) 2)
              (<> a (<> b c))
              (++ [1] (-- [2] [3]))
              (== (not a) b)
              (&& (! a) b)
              (|> (|> x (f)) (g 1))
              (=== (!= (== a b) c) d)
              (= x (& (/ f 1)))
              (= x (& (+ &1 &2)))
              (& (/ + 2)))"#]],
    );
}

#[test]
fn calls() {
    check(
        r#"f(a, b)
Mod.f(a)
Foo.Bar.baz()
:erlang.abs(-1)
f.(x)
map.key
map.key.other
Mod.f
f(a, b: 1, c: 2)
GenServer.start_link(M, 0, name: M)
IO.puts "x"
raise "boom"
raise ArgumentError, "bad"
use GenServer
alias Foo.Bar
assert x == 1
f -1
f - 1
m[:k][0]
@impl true
@attr
@attr[:x]
__MODULE__.f()
e.__struct__"#,
        expect![[r#"
            (block
              (f a b)
              (Mod.f a)
              (Foo.Bar.baz)
              (:erlang.abs -1)
              (f. x)
              map.key
              (. map.key other)
              Mod.f
              (f a [{:b 1} {:c 2}])
              (GenServer.start_link M 0 [{:name M}])
              (IO.puts "x")
              (raise "boom")
              (raise ArgumentError "bad")
              (use GenServer)
              (alias Foo.Bar)
              (assert (== x 1))
              (f -1)
              (- f 1)
              (access (access m :k) 0)
              (@impl :true)
              @attr
              (access @attr :x)
              (__MODULE__.f)
              e.__struct__)"#]],
    );
}

#[test]
fn collections() {
    check(
        r#"[1, [2, [3]], {4}]
[h | t]
[a, b | t]
[a: 1, b: "x"]
[1, a: 2]
[]
{}
{:ok, 1, "two"}
%{}
%{a: 1, b: %{c: [1, 2]}}
%{"k" => 1, 2 => :two}
%{m | a: 1}
%Name{a: 1}
%Foo.Bar{}
%__MODULE__{x | a: 1}
%{
  a: 1,
  b: 2,
}
[
  1,
  2
]"#,
        expect![[r#"
            (block
              [1 [2 [3]] {4}]
              [h | t]
              [a b | t]
              [{:a 1} {:b "x"}]
              [1 {:a 2}]
              []
              {}
              {:ok 1 "two"}
              %{}
              %{:a => 1, :b => %{:c => [1 2]}}
              %{"k" => 1, 2 => :two}
              %{m | :a => 1}
              %Name{:a => 1}
              %Foo.Bar{}
              %__MODULE__{x | :a => 1}
              %{:a => 1, :b => 2}
              [1 2])"#]],
    );
}

#[test]
fn keyword_and_do_block_forms_are_identical() {
    let keyword = parse("if c, do: a, else: b").map(|e| sexpr(&e));
    let block = parse("if c do\n  a\nelse\n  b\nend").map(|e| sexpr(&e));
    assert_eq!(keyword, block);
    let keyword = parse("def f(x), do: (a; b)").map(|e| sexpr(&e));
    let block = parse("def f(x) do\n  a\n  b\nend").map(|e| sexpr(&e));
    assert_eq!(keyword, block);
}

#[test]
fn do_blocks_attach_to_the_outermost_call_without_parentheses() {
    check(
        r#"if x do y end
def f(x) when x > 0 do
  x
end
def run do :ok end
case f(x) do
  {:ok, v} when v > 1 -> v
  _ -> nil
end
for x <- xs, into: %{} do
  {x, x}
end
foo bar(1) do 2 end
x = if a do b else c end
f(if a do b end)
unless false do 1 end"#,
        expect![[r#"
            (block
              (if x [{:do (block
                y)}])
              (def (when (f x) (> x 0)) [{:do (block
                x)}])
              (def run [{:do (block
                :ok)}])
              (case (f x) [{:do (clauses
                (-> ({:ok v}) when (> v 1) v)
                (-> (_) :nil))}])
              (for (<- x xs) [{:into %{}}] [{:do (block
                {x x})}])
              (foo (bar 1) [{:do (block
                2)}])
              (= x (if a [{:do (block
                b)} {:else (block
                c)}]))
              (f (if a [{:do (block
                b)}]))
              (unless :false [{:do (block
                1)}]))"#]],
    );
}

#[test]
fn special_forms() {
    check(
        r#"receive do
  {:a, v} -> v
  msg ->
    IO.inspect(msg)
    msg
after
  100 -> :timeout
end
try do
  raise "x"
rescue
  e in RuntimeError -> e
catch
  :exit, r -> r
else
  v -> v
after
  cleanup()
end
with {:ok, a} <- f(), b = g(a) do
  a + b
else
  :error -> 0
end
cond do
  x > 0 -> :pos
  true -> :other
end
fn -> 1 end
fn
  a, b when a > b -> a
  _, b -> b
end
for x <- 1..5, rem(x, 2) == 1, do: x * x
defmodule Counter do
  use GenServer
  @impl true
  def init(n), do: {:ok, n}
  defp with_default(a \\ 1), do: a
end"#,
        expect![[r#"
            (block
              (receive [{:do (clauses
                (-> ({:a v}) v)
                (-> (msg) (block
                  (IO.inspect msg)
                  msg)))} {:after (clauses
                (-> (100) :timeout))}])
              (try [{:do (block
                (raise "x"))} {:rescue (clauses
                (-> ((in e RuntimeError)) e))} {:catch (clauses
                (-> (:exit r) r))} {:else (clauses
                (-> (v) v))} {:after (block
                (cleanup))}])
              (with (<- {:ok a} (f)) (= b (g a)) [{:do (block
                (+ a b))} {:else (clauses
                (-> (:error) 0))}])
              (cond [{:do (clauses
                (-> ((> x 0)) :pos)
                (-> (:true) :other))}])
              (fn
                (-> () 1))
              (fn
                (-> (a b) when (> a b) a)
                (-> (_ b) b))
              (for (<- x (.. 1 5)) (== (rem x 2) 1) [{:do (block
                (* x x))}])
              (defmodule Counter [{:do (block
                (use GenServer)
                (@impl :true)
                (def (init n) [{:do (block
                  {:ok n})}])
                (defp (with_default (\\ a 1)) [{:do (block
                  a)}]))}]))"#]],
    );
}

#[test]
fn newlines_and_pipelines() {
    check(
        "1..10
|> Enum.map(&(&1 * 3))
|> Enum.sum()
x = 1
+ 2
y =
  3 *
  4
z
.f()
(a; b)
(
  c
  d
)",
        expect![[r#"
            (block
              (|> (|> (.. 1 10) (Enum.map (& (* &1 3)))) (Enum.sum))
              (= x 1)
              (+ 2)
              (= y (* 3 4))
              (z.f)
              (block
                a
                b)
              (block
                c
                d))"#]],
    );
}

/// Each message's first line was checked against Elixir 1.14.
#[test]
fn syntax_errors() {
    check_error(
        "x = foo(1, )\n",
        expect![[r#"
            ** (SyntaxError) test.exs:1:12: syntax error before: ')'
              |
            1 | x = foo(1, )
              |            ^
        "#]],
    );
    check_error(
        "x = 1\ny = )\n",
        expect![[r#"
        ** (SyntaxError) test.exs:2:5: unexpected token: )
          |
        2 | y = )
          |     ^
    "#]],
    );
    check_error(
        "x = 1 2\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:7: syntax error before: "2"
          |
        1 | x = 1 2
          |       ^
    "#]],
    );
    check_error(
        "x = 1\nend\n",
        expect![[r#"
        ** (SyntaxError) test.exs:2:1: unexpected reserved word: end
          |
        2 | end
          | ^^^
    "#]],
    );
    check_error(
        "x = {1, 2]\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:10: unexpected token: ]. The "{" at line 1 is missing terminator "}"
          |
        1 | x = {1, 2]
          |          ^
    "#]],
    );
    check_error(
        "(1 end\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:4: unexpected reserved word: end. The "(" at line 1 is missing terminator ")"
          |
        1 | (1 end
          |    ^^^
    "#]],
    );
    check_error(
        "foo(1 -> 2)\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:7: syntax error before: '->'
          |
        1 | foo(1 -> 2)
          |       ^^
    "#]],
    );
    check_error(
        "x = :a :b\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:8: syntax error before: b
          |
        1 | x = :a :b
          |        ^^
    "#]],
    );
    check_error(
        "x = {1 Foo}\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:8: syntax error before: 'Foo'
          |
        1 | x = {1 Foo}
          |        ^^^
    "#]],
    );
    check_error(
        "x = 1 y: 2\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:7: syntax error before: 'y:'
          |
        1 | x = 1 y: 2
          |       ^^
    "#]],
    );
    check_error(
        "x = 1 =>\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:7: syntax error before: '=>'
          |
        1 | x = 1 =>
          |       ^^
    "#]],
    );
    check_error(
        "x = 1 do 2 end\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:7: syntax error before: do
          |
        1 | x = 1 do 2 end
          |       ^^
    "#]],
    );
    check_error(
        "else\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:1: syntax error before: else. "else" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function
          |
        1 | else
          | ^^^^
    "#]],
    );
    check_error(
        "fn x end\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:1: expected anonymous functions to be defined with -> inside: 'fn'
          |
        1 | fn x end
          | ^^
    "#]],
    );
    check_error(
        "case 1 do\n  y\n  1 -> 2\nend\n",
        expect![[r#"
        ** (SyntaxError) test.exs:3:5: unexpected operator ->. If you want to define multiple clauses, the first expression must use ->. Syntax error before: '->'
          |
        3 |   1 -> 2
          |     ^^
    "#]],
    );
    check_error(
        "x = $\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:5: unexpected token: "$" (column 5, code point U+0024)
          |
        1 | x = $
          |     ^
    "#]],
    );
    check_error(
        "x = 0x\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:5: invalid character "x" after number 0. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: x
          |
        1 | x = 0x
          |     ^
    "#]],
    );
    check_error(
        "x = 1.0e400\n",
        expect![[r#"
        ** (SyntaxError) test.exs:1:5: invalid float number 1.0e400
          |
        1 | x = 1.0e400
          |     ^^^^^^^
    "#]],
    );
}

#[test]
fn incomplete_input() {
    check_error(
        "defmodule A do\n  def f do\n    1\n\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:5:1: missing terminator: end (for "do" starting at line 2)
          |
        5 | 
          | ^
    "#]],
    );
    check_error(
        "x = 1\nIO.puts(\"abc\nfoo\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:4:1: missing terminator: " (for string starting at line 2)
          |
        4 | 
          | ^
    "#]],
    );
    check_error(
        "x = [1, 2\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: ] (for "[" starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = %{a: 1\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: } (for "{" starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = fn x -> x\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: end (for "fn" starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = 'abc\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: ' (for string starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = \"\"\"\nabc\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:3:1: missing terminator: """ (for heredoc starting at line 1)
          |
        3 | 
          | ^
    "#]],
    );
    check_error(
        "x = ~w(a b\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: ) (for sigil ~w( starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = \"#{1\"\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:2:1: missing terminator: " (for string starting at line 1)
          |
        2 | 
          | ^
    "#]],
    );
    check_error(
        "x = 1 +\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:1:8: syntax error: expression is incomplete
          |
        1 | x = 1 +
          |        ^
    "#]],
    );
    check_error(
        "x = &\n",
        expect![[r#"
        ** (TokenMissingError) test.exs:1:6: syntax error: expression is incomplete
          |
        1 | x = &
          |      ^
    "#]],
    );
}

#[test]
fn unsupported_constructs() {
    check_error(
        "x = <<1, 2>>\n",
        expect![[r#"
        ** (CompileError) test.exs:1:5: not supported by callcast yet: binaries and bitstrings (<<...>>)
          |
        1 | x = <<1, 2>>
          |     ^^
    "#]],
    );
    check_error(
        "defmodule M do\n  defmacro m, do: 1\nend\n",
        expect![[r#"
        ** (CompileError) test.exs:2:3: not supported by callcast yet: macros (defmacro)
          |
        2 |   defmacro m, do: 1
          |   ^^^^^^^^
    "#]],
    );
    check_error(
        "q = quote do: x\n",
        expect![[r#"
        ** (CompileError) test.exs:1:5: not supported by callcast yet: quote
          |
        1 | q = quote do: x
          |     ^^^^^
    "#]],
    );
    check_error(
        "r = ~r/a+/\n",
        expect![[r#"
        ** (CompileError) test.exs:1:5: not supported by callcast yet: regular expressions (~r)
          |
        1 | r = ~r/a+/
          |     ^^^^^^
    "#]],
    );
    check_error(
        "x = a ||| b\n",
        expect![[r#"
        ** (CompileError) test.exs:1:7: not supported by callcast yet: the ||| operator
          |
        1 | x = a ||| b
          |       ^^^
    "#]],
    );
}

#[test]
fn interpolated_atoms_are_string_to_atom() {
    check(
        "x = :\"a#{b}\"",
        expect![[r#"
        (block
          (= x (String.to_atom (<<>> "a" b))))"#]],
    );
}

#[test]
fn operators_called_by_name_and_operator_atoms() {
    check(
        "Kernel.+(1, 2); 10 |> Kernel.<>(\"a\"); [:%{}, :{}, :%, :\\\\, :<-]",
        expect![[r#"
            (block
              (Kernel.+ 1 2)
              (|> 10 (Kernel.<> "a"))
              [:"%{}" :"{}" :"%" :"\\\\" :"<-"])"#]],
    );
}

#[test]
fn guards_chained_with_when() {
    check(
        "def f(x) when is_atom(x) when is_binary(x), do: x",
        expect![[r#"
        (block
          (def (when (f x) (when (is_atom x) (is_binary x))) [{:do (block
            x)}]))"#]],
    );
}
