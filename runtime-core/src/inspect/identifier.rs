//! How Elixir writes atoms (`:ok`, `:"hello world"`, `Foo.Bar`, keyword keys `"my key":`)
//! and escapes text inside quotes: ports of `Macro.inspect_atom/2`,
//! `Macro.classify_atom/1` and `Code.Identifier.escape/3`.

/// What kind of name an atom is, as `Macro`'s private `inner_classify/1` decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AtomClass {
    /// `Elixir`, `Elixir.Foo.Bar`.
    Alias,
    /// A variable or function name: `ok`, `ok?`, `_x`.
    Identifier,
    /// An operator written bare: `:+`, `:when`.
    UnquotedOperator,
    /// An operator that needs quotes: `:"::"`.
    QuotedOperator,
    /// Written bare though not callable: `:%{}`, `:Foo`, `:foo@bar`.
    NotCallable,
    /// Anything else, which needs quotes.
    Other,
}

const NOT_CALLABLE: &[&str] = &["%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"];
const QUOTED_OPERATORS: &[&str] = &["::", "^^^", "~~~", "<|>"];
const UNARY_OPERATORS: &[&str] = &["&", "!", "^", "not", "+", "-", "~~~", "@"];
const BINARY_OPERATORS: &[&str] = &[
    "<-", "\\\\", "when", "::", "|", "=", "||", "|||", "or", "&&", "&&&", "and", "==", "!=", "=~",
    "===", "!==", "<", "<=", ">=", ">", "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "<|>",
    "in", "^^^", "++", "--", "..", "<>", "+++", "---", "+", "-", "*", "/", "**", ".",
];

fn classify(name: &str) -> AtomClass {
    if NOT_CALLABLE.contains(&name) {
        AtomClass::NotCallable
    } else if QUOTED_OPERATORS.contains(&name) {
        AtomClass::QuotedOperator
    } else if UNARY_OPERATORS.contains(&name) || BINARY_OPERATORS.contains(&name) {
        AtomClass::UnquotedOperator
    } else if is_alias(name) {
        AtomClass::Alias
    } else {
        classify_identifier(name)
    }
}

/// `Elixir` followed by zero or more `.Segment`s, each an ASCII capital then ASCII
/// letters, digits or underscores.
fn is_alias(name: &str) -> bool {
    let Some(mut rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    while !rest.is_empty() {
        let mut chars = rest.chars();
        if chars.next() != Some('.') || !matches!(chars.next(), Some('A'..='Z')) {
            return false;
        }
        rest = chars
            .as_str()
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    }
    true
}

/// `String.Tokenizer.tokenize/1` reduced to what classification needs: an identifier
/// (`foo`, `foo?`, `_x1`), an alias-like name (`Foo`), a name with `@`, or none.
/// Non-ASCII letters are judged by Unicode's alphabetic property, an approximation of
/// the tokenizer's UAX #31 tables and mixed-script rules.
fn classify_identifier(name: &str) -> AtomClass {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return AtomClass::Other;
    };
    let starts_upper = first.is_ascii_uppercase() || (!first.is_ascii() && first.is_uppercase());
    let starts_ident =
        first.is_ascii_lowercase() || first == '_' || (!first.is_ascii() && first.is_alphabetic());
    if !starts_upper && !starts_ident {
        return AtomClass::Other;
    }
    let mut has_at = false;
    let mut rest = chars.as_str();
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            '?' | '!' => {
                // Punctuation ends the name: anything after it makes it a non-identifier.
                if !after.is_empty() {
                    return AtomClass::Other;
                }
                rest = after;
                break;
            }
            '@' => has_at = true,
            c if c.is_ascii_alphanumeric() || c == '_' => {}
            c if !c.is_ascii() && (c.is_alphanumeric() || is_combining(c)) => {}
            _ => return AtomClass::Other,
        }
        rest = after;
    }
    debug_assert!(rest.is_empty());
    if starts_upper || has_at {
        AtomClass::NotCallable
    } else {
        AtomClass::Identifier
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// An atom as a literal: `:ok`, `:"hello world"`, `Foo.Bar`, `nil`, `:+`.
pub fn inspect_atom_literal(name: &str) -> String {
    if matches!(name, "nil" | "true" | "false") {
        return name.to_string();
    }
    match classify(name) {
        AtomClass::Alias => {
            if name == "Elixir" || name == "Elixir.Elixir" || name.starts_with("Elixir.Elixir.") {
                name.to_string()
            } else {
                name.strip_prefix("Elixir.").unwrap_or(name).to_string()
            }
        }
        AtomClass::Identifier | AtomClass::UnquotedOperator | AtomClass::NotCallable => {
            format!(":{name}")
        }
        AtomClass::QuotedOperator | AtomClass::Other => {
            format!(":\"{}\"", escape(name, '"', usize::MAX).0)
        }
    }
}

/// An atom as a keyword key, colon included: `a:`, `"my key":`, `"Elixir.Foo":`.
pub fn inspect_atom_key(name: &str) -> String {
    match classify(name) {
        AtomClass::Alias => format!("\"{name}\":"),
        AtomClass::Identifier | AtomClass::UnquotedOperator | AtomClass::NotCallable => {
            format!("{name}:")
        }
        AtomClass::QuotedOperator | AtomClass::Other => {
            format!("\"{}\":", escape(name, '"', usize::MAX).0)
        }
    }
}

/// A function name after `Mod.` in `&Mod.fun/1`: bare when it can be called that way.
pub fn inspect_atom_remote_call(name: &str) -> String {
    match classify(name) {
        AtomClass::Identifier | AtomClass::UnquotedOperator | AtomClass::QuotedOperator => {
            name.to_string()
        }
        AtomClass::NotCallable | AtomClass::Alias => format!("\"{name}\""),
        AtomClass::Other => format!("\"{}\"", escape(name, '"', usize::MAX).0),
    }
}

/// Escapes `text` for printing between `quote` characters, as
/// `Code.Identifier.escape/3` does, stopping after `limit` characters. Returns the
/// escaped text and whether it stopped early.
pub fn escape(text: &str, quote: char, limit: usize) -> (String, bool) {
    let mut out = String::with_capacity(text.len() + 2);
    let mut count = 0usize;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if count == limit {
            return (out, true);
        }
        count += 1;
        if c == quote {
            out.push('\\');
            out.push(c);
            rest = &rest[1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("#{") {
            out.push_str("\\#{");
            rest = after;
            continue;
        }
        escape_char(c, &mut out);
        rest = &rest[c.len_utf8()..];
    }
    (out, false)
}

fn escape_char(c: char, out: &mut String) {
    let mapped = match c {
        '\u{7}' => "\\a",
        '\u{8}' => "\\b",
        '\u{7f}' => "\\d",
        '\u{1b}' => "\\e",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{b}' => "\\v",
        '\\' => "\\\\",
        '\0' => "\\0",
        '\u{feff}' => "\\uFEFF",
        _ => "",
    };
    if !mapped.is_empty() {
        out.push_str(mapped);
        return;
    }
    let n = c as u32;
    if (32..=126).contains(&n)
        || (160..=0xD7FF).contains(&n)
        || (0xE000..=0xFFFD).contains(&n)
        || n >= 0x10000
    {
        out.push(c);
    } else if n < 256 {
        out.push_str(&format!("\\x{n:02X}"));
    } else {
        out.push_str(&format!("\\x{{{n:04X}}}"));
    }
}

/// Whether `String.printable?/2` holds for the first `limit` characters: text and the
/// common control characters, nothing else below space or in 0x80–0x9F.
pub fn string_printable(text: &str, limit: usize) -> bool {
    text.chars().take(limit).all(|c| {
        let n = c as u32;
        matches!(n, 7..=13 | 27 | 32..=127 | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_follows_the_tokenizer() {
        assert_eq!(classify("ok?"), AtomClass::Identifier);
        assert_eq!(classify("9lives"), AtomClass::Other);
        assert_eq!(classify("Foo"), AtomClass::NotCallable);
        assert_eq!(classify("Elixir.Foo.Bar"), AtomClass::Alias);
        assert_eq!(classify("Elixir.foo"), AtomClass::Other);
        assert_eq!(classify("a?b"), AtomClass::Other);
        assert_eq!(classify("foo@bar"), AtomClass::NotCallable);
    }
}
