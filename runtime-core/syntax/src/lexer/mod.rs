//! The tokenizer: source text to [`Token`]s with byte spans. Like Elixir's own
//! tokenizer it also checks that brackets and `do`/`fn` ... `end` pair up, so a
//! missing `end` is reported where Elixir reports it (at the end of the file).

mod highlight;
mod strings;

pub use highlight::{highlight, HighlightClass, HighlightToken};

use crate::bigint::BigInt;
use crate::diagnostic::{line_col, Diagnostic, DiagnosticKind, Span};

/// How deeply string interpolations may nest (`"#{"#{...}"}"`) before the
/// tokenizer gives up; it recurses once per level.
pub(crate) const MAX_NESTING: usize = 64;

/// A token and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is (byte offsets into the whole source).
    pub span: Span,
}

/// The kinds of token.
#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An integer (also `?a` character literals) that fits in 64 bits.
    Int(i64),
    /// A larger integer.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// `:name`, `:"quoted"`, `:+`, and the words `true`, `false`, `nil`.
    Atom(String),
    /// A keyword-list key: `name:` or `"quoted name":` (the colon included in the span).
    KwKey(String),
    /// An identifier: `name`, `valid?`, `put!`, `_`, `__MODULE__`.
    Ident(String),
    /// One segment of an alias: `GenServer` (the parser joins `Foo.Bar`).
    Alias(String),
    /// A double-quoted string or `"""` heredoc.
    Str(Vec<StrPiece>),
    /// `:"key_#{n}"`: an atom built with interpolation.
    InterpolatedAtom(Vec<StrPiece>),
    /// A single-quoted charlist or `'''` heredoc.
    Charlist(Vec<StrPiece>),
    /// `~w(...)a` and friends.
    Sigil {
        /// The sigil's letter (`w` in `~w`).
        letter: char,
        /// The contents.
        pieces: Vec<StrPiece>,
        /// The modifier letters after the closing delimiter.
        modifiers: String,
    },
    /// `&1`, `&2` ...
    CaptureArg(u32),
    /// A reserved word that is not an operator: `fn do end else after rescue catch`.
    Reserved(&'static str),
    /// An operator or punctuation, including the word operators
    /// `and or not in when` and the two-word `not in`.
    Op(&'static str),
    /// One or more line breaks (comments and blank lines included).
    Newline,
    /// A `#` comment (only produced for syntax highlighting).
    Comment,
    /// Text that could not be tokenized (only kept for syntax highlighting).
    Error,
    /// Something recognised but outside the language callcast supports; the
    /// parser reports the message if it reaches it.
    Unsupported(String),
}

/// A part of a quoted literal.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPiece {
    /// Text, escapes already processed.
    Lit(String),
    /// `#{...}`: its tokens and the span from `#{` to `}` inclusive.
    Interp(Vec<Token>, Span),
}

/// Operators and punctuation, longest first so that the first prefix match wins.
const OPERATORS: &[&str] = &[
    "===", "!==", "<<<", ">>>", "<<~", "~>>", "<~>", "|||", "&&&", "^^^", "~~~", "+++", "---",
    "...", "==", "!=", "<=", ">=", "&&", "||", "<>", "++", "--", "..", "**", "|>", "->", "=>",
    "::", "\\\\", "<-", "=~", "//", "<<", ">>", "~>", "<~", "+", "-", "*", "/", "=", "<", ">", "!",
    "^", "&", "@", "|", ".", ",", ";", "(", ")", "[", "]", "{", "}", "%",
];

/// The longest operator at the start of `text`.
fn operator_at(text: &str) -> Option<&'static str> {
    // Operators are at most three bytes long; look the prefix up by length
    // instead of trying every operator in turn.
    (1..=3).rev().find_map(|len| {
        let prefix = text.get(..len)?;
        OPERATORS.iter().copied().find(|op| *op == prefix)
    })
}

/// Operators that may follow `:` to form an atom (`:+`, `:==`).
const OPERATOR_ATOMS: &[&str] = &[
    "%{}", "{}", "<<>>", "...", "<<<", ">>>", "<-", "\\\\", "===", "!==", "==", "!=", "<=", ">=",
    "&&", "||", "<>", "++", "--", "..", "**", "|>", "=~", "+", "-", "*", "/", "<", ">", "!", "^",
    "&", "@", "|", ".", "%", "=",
];

/// Tokens and every error found on the way (the tokenizer recovers so that
/// syntax highlighting can colour broken code).
pub(crate) struct Lexed {
    pub(crate) tokens: Vec<Token>,
    pub(crate) errors: Vec<Diagnostic>,
}

/// Tokenizes a whole source file, or returns its first error.
pub fn lex(source: &str) -> Result<Vec<Token>, Diagnostic> {
    let lexed = tokenize(source, false);
    match lexed.errors.into_iter().next() {
        Some(error) => Err(error),
        None => Ok(lexed.tokens),
    }
}

/// Tokenizes, recovering from errors; `keep_comments` keeps `#` comments as tokens.
pub(crate) fn tokenize(source: &str, keep_comments: bool) -> Lexed {
    let mut lexer = Lexer::new(source, 0, keep_comments, 0);
    lexer.run(false);
    Lexed {
        tokens: lexer.tokens,
        errors: lexer.errors,
    }
}

/// Why the main loop stopped.
#[derive(PartialEq, Eq)]
enum Stop {
    EndOfInput,
    /// At the `}` closing an interpolation (not consumed).
    InterpolationEnd,
}

/// An opened bracket, `do` or `fn` waiting for its terminator.
struct Opener {
    text: &'static str,
    span: Span,
}

struct Lexer<'s> {
    src: &'s str,
    bytes: &'s [u8],
    pos: usize,
    tokens: Vec<Token>,
    errors: Vec<Diagnostic>,
    openers: Vec<Opener>,
    keep_comments: bool,
    depth: usize,
}

impl<'s> Lexer<'s> {
    fn new(src: &'s str, pos: usize, keep_comments: bool, depth: usize) -> Lexer<'s> {
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos,
            tokens: Vec::new(),
            errors: Vec::new(),
            openers: Vec::new(),
            keep_comments,
            depth,
        }
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn rest(&self) -> &'s str {
        self.src.get(self.pos..).unwrap_or("")
    }

    fn push(&mut self, kind: TokenKind, start: usize) {
        self.tokens.push(Token {
            kind,
            span: Span::new(start, self.pos),
        });
    }

    fn error(&mut self, kind: DiagnosticKind, message: impl Into<String>, span: Span) {
        self.errors.push(Diagnostic::new(kind, message, span));
    }

    fn syntax_error(&mut self, message: impl Into<String>, start: usize) {
        let span = Span::new(
            start,
            self.pos.max(start + 1).min(self.src.len().max(start)),
        );
        self.error(DiagnosticKind::SyntaxError, message, span);
    }

    fn line_of(&self, offset: u32) -> usize {
        line_col(self.src, offset as usize).0
    }

    fn last_is_dot(&self) -> bool {
        matches!(
            self.tokens.last(),
            Some(Token {
                kind: TokenKind::Op("."),
                ..
            })
        )
    }

    fn run(&mut self, in_interpolation: bool) -> Stop {
        loop {
            while let Some(b' ' | b'\t' | b'\r') = self.peek_at(0) {
                self.pos += 1;
            }
            let Some(byte) = self.peek_at(0) else {
                if !in_interpolation {
                    self.report_unclosed();
                }
                return Stop::EndOfInput;
            };
            let start = self.pos;
            match byte {
                b'\n' => {
                    self.pos += 1;
                    if !matches!(self.tokens.last(), Some(t) if t.kind == TokenKind::Newline) {
                        self.push(TokenKind::Newline, start);
                    }
                }
                b'#' => {
                    while !matches!(self.peek_at(0), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                    if self.keep_comments {
                        self.push(TokenKind::Comment, start);
                    }
                }
                b'\\' if self.peek_at(1) == Some(b'\n') => {
                    // A backslash at the end of a line joins it to the next.
                    self.pos += 2;
                }
                b'0'..=b'9' => self.number(),
                b'"' | b'\'' => self.quoted(byte),
                b':' => self.colon(),
                b'?' => self.char_literal(),
                b'~' if self.peek_at(1).is_some_and(|b| b.is_ascii_alphabetic()) => self.sigil(),
                b'&' if self.peek_at(1).is_some_and(|b| b.is_ascii_digit()) => {
                    self.pos += 1;
                    while self.peek_at(0).is_some_and(|b| b.is_ascii_digit()) {
                        self.pos += 1;
                    }
                    let digits = &self.src[start + 1..self.pos];
                    match digits.parse::<u32>() {
                        Ok(n) => self.push(TokenKind::CaptureArg(n), start),
                        Err(_) => {
                            self.syntax_error(format!("invalid capture argument &{digits}"), start);
                            self.push(TokenKind::Error, start);
                        }
                    }
                }
                b'a'..=b'z' | b'_' | b'A'..=b'Z' => self.word(),
                b'}' if in_interpolation && self.openers.is_empty() => {
                    return Stop::InterpolationEnd;
                }
                _ if byte >= 0x80 => {
                    let c = self.rest().chars().next().unwrap_or('\u{FFFD}');
                    if c.is_alphabetic() {
                        self.word();
                    } else {
                        self.unexpected_char(c);
                    }
                }
                _ => match operator_at(self.rest()) {
                    Some(op) => {
                        self.pos += op.len();
                        self.operator(op, start);
                    }
                    None => {
                        let c = self.rest().chars().next().unwrap_or('\u{FFFD}');
                        self.unexpected_char(c);
                    }
                },
            }
        }
    }

    fn unexpected_char(&mut self, c: char) {
        let start = self.pos;
        let (_, col) = line_col(self.src, start);
        self.pos += c.len_utf8();
        self.syntax_error(
            format!(
                "unexpected token: \"{c}\" (column {col}, code point U+{:04X})",
                c as u32
            ),
            start,
        );
        self.push(TokenKind::Error, start);
    }

    /// Pushes an operator token, pairing brackets on the way.
    fn operator(&mut self, op: &'static str, start: usize) {
        let span = Span::new(start, self.pos);
        match op {
            "(" | "[" | "{" | "<<" => self.openers.push(Opener { text: op, span }),
            ")" | "]" | "}" | ">>" => self.close(op, span),
            _ => {}
        }
        self.push(TokenKind::Op(op), start);
    }

    /// Matches a closing bracket or `end` against the innermost opener.
    fn close(&mut self, closer: &'static str, span: Span) {
        let described = if closer == "end" {
            "unexpected reserved word: end".to_string()
        } else {
            format!("unexpected token: {closer}")
        };
        match self.openers.last() {
            Some(opener) if terminator_of(opener.text) == closer => {
                self.openers.pop();
            }
            Some(opener) => {
                let message = format!(
                    "{described}. The \"{}\" at line {} is missing terminator \"{}\"",
                    opener.text,
                    self.line_of(opener.span.start),
                    terminator_of(opener.text)
                );
                self.error(DiagnosticKind::SyntaxError, message, span);
                // Recover as if the opener had been closed, so one mistake gives one error.
                self.openers.pop();
            }
            None => self.error(DiagnosticKind::SyntaxError, described, span),
        }
    }

    fn report_unclosed(&mut self) {
        if let Some(opener) = self.openers.last() {
            let message = format!(
                "missing terminator: {} (for \"{}\" starting at line {})",
                terminator_of(opener.text),
                opener.text,
                self.line_of(opener.span.start)
            );
            let end = self.src.len();
            self.error(
                DiagnosticKind::TokenMissingError,
                message,
                Span::new(end, end),
            );
        }
    }

    fn number(&mut self) {
        let start = self.pos;
        let radix = match (self.peek_at(0), self.peek_at(1)) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), Some(b'o')) => 8,
            _ => 10,
        };
        if radix != 10 {
            self.pos += 2;
            let digits_start = self.pos;
            while self
                .peek_at(0)
                .is_some_and(|b| (b as char).is_digit(radix) || b == b'_')
            {
                self.pos += 1;
            }
            let digits: String = self.src[digits_start..self.pos]
                .chars()
                .filter(|c| *c != '_')
                .collect();
            if digits.is_empty() {
                self.pos = start + 1;
                return self.invalid_after_number(start);
            }
            return self.integer(&digits, radix, start);
        }
        self.digits();
        let mut is_float = false;
        if self.peek_at(0) == Some(b'.') && self.peek_at(1).is_some_and(|b| b.is_ascii_digit()) {
            is_float = true;
            self.pos += 1;
            self.digits();
            let exponent_digit_at = match self.peek_at(1) {
                Some(b'+' | b'-') => 2,
                _ => 1,
            };
            if matches!(self.peek_at(0), Some(b'e' | b'E'))
                && self
                    .peek_at(exponent_digit_at)
                    .is_some_and(|b| b.is_ascii_digit())
            {
                self.pos += exponent_digit_at;
                self.digits();
            }
        }
        let text: String = self.src[start..self.pos]
            .chars()
            .filter(|c| *c != '_')
            .collect();
        if self
            .peek_at(0)
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        {
            return self.invalid_after_number(start);
        }
        if is_float {
            match crate::decimal::parse_float(&text) {
                Some(value) if value.is_finite() => self.push(TokenKind::Float(value), start),
                _ => {
                    self.syntax_error(format!("invalid float number {text}"), start);
                    self.push(TokenKind::Error, start);
                }
            }
        } else {
            self.integer(&text, 10, start);
        }
    }

    fn digits(&mut self) {
        while let Some(b) = self.peek_at(0) {
            let underscore_between_digits =
                b == b'_' && self.peek_at(1).is_some_and(|n| n.is_ascii_digit());
            if b.is_ascii_digit() || underscore_between_digits {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn integer(&mut self, digits: &str, radix: u32, start: usize) {
        match BigInt::parse_radix(digits.as_bytes(), radix) {
            Some(value) => {
                let kind = match value.to_i64() {
                    Some(small) => TokenKind::Int(small),
                    None => TokenKind::BigInt(value),
                };
                self.push(kind, start);
            }
            None => {
                self.syntax_error(format!("invalid number {digits}"), start);
                self.push(TokenKind::Error, start);
            }
        }
    }

    fn invalid_after_number(&mut self, start: usize) {
        let number = self.src[start..self.pos].to_string();
        let c = self.rest().chars().next().unwrap_or(' ');
        self.syntax_error(
            format!(
                "invalid character \"{c}\" after number {number}. If you intended to write a \
                 number, make sure to separate the number from the character (using comma, \
                 space, etc). If you meant to write a function name or a variable, note that \
                 identifiers in Elixir cannot start with numbers. Unexpected token: {c}"
            ),
            start,
        );
        while self
            .rest()
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            self.pos += self.rest().chars().next().map_or(1, char::len_utf8);
        }
        self.push(TokenKind::Error, start);
    }

    /// Consumes `[A-Za-z0-9_]*` and other alphanumeric characters.
    fn identifier_chars(&mut self) {
        while let Some(c) = self.rest().chars().next() {
            if c.is_alphanumeric() || c == '_' {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
    }

    /// Whether a `:` at the current position ends a keyword key (`name: value`).
    fn at_keyword_colon(&self) -> bool {
        self.peek_at(0) == Some(b':')
            && matches!(self.peek_at(1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    /// Identifiers, aliases, keyword keys and reserved words.
    fn word(&mut self) {
        let start = self.pos;
        let is_alias = self.peek_at(0).is_some_and(|b| b.is_ascii_uppercase());
        self.identifier_chars();
        if !is_alias
            && matches!(self.peek_at(0), Some(b'?' | b'!'))
            && self.peek_at(1) != Some(b'=')
        {
            self.pos += 1;
        }
        let name = &self.src[start..self.pos];
        if self.at_keyword_colon() {
            self.pos += 1;
            return self.push(TokenKind::KwKey(name.to_string()), start);
        }
        if is_alias {
            return self.push(TokenKind::Alias(name.to_string()), start);
        }
        if self.last_is_dot() {
            return self.push(TokenKind::Ident(name.to_string()), start);
        }
        let span = Span::new(start, self.pos);
        let kind = match name {
            "true" | "false" | "nil" => TokenKind::Atom(name.to_string()),
            "fn" | "do" => {
                let text = if name == "fn" { "fn" } else { "do" };
                self.openers.push(Opener { text, span });
                TokenKind::Reserved(text)
            }
            "end" => {
                self.close("end", span);
                TokenKind::Reserved("end")
            }
            "else" => TokenKind::Reserved("else"),
            "after" => TokenKind::Reserved("after"),
            "rescue" => TokenKind::Reserved("rescue"),
            "catch" => TokenKind::Reserved("catch"),
            "when" => TokenKind::Op("when"),
            "and" => TokenKind::Op("and"),
            "or" => TokenKind::Op("or"),
            "in" => TokenKind::Op("in"),
            "not" => {
                if let Some(len) = self.not_in_suffix() {
                    self.pos += len;
                    TokenKind::Op("not in")
                } else {
                    TokenKind::Op("not")
                }
            }
            _ => TokenKind::Ident(name.to_string()),
        };
        self.push(kind, start);
    }

    /// After `not`: the length of ` in` if the two words form the `not in` operator.
    fn not_in_suffix(&self) -> Option<usize> {
        let rest = self.rest();
        let trimmed = rest.trim_start_matches([' ', '\t']);
        let spaces = rest.len() - trimmed.len();
        let after = trimmed.strip_prefix("in")?;
        let word_ends = !after
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '?' || c == '!' || c == ':');
        (spaces > 0 && word_ends).then_some(spaces + 2)
    }

    /// `:atom`, `:"quoted atom"`, `:+`, or the `::` operator.
    fn colon(&mut self) {
        let start = self.pos;
        match self.peek_at(1) {
            Some(b':') => {
                self.pos += 2;
                self.push(TokenKind::Op("::"), start);
            }
            Some(b'"') => {
                self.pos += 2;
                match self.quoted_body(b'"', start, true) {
                    Some(pieces) => match plain_text(&pieces) {
                        Some(name) => self.push(TokenKind::Atom(name), start),
                        None => self.push(TokenKind::InterpolatedAtom(pieces), start),
                    },
                    None => self.push(TokenKind::Error, start),
                }
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 => {
                self.pos += 1;
                self.identifier_chars();
                while self.peek_at(0) == Some(b'@') {
                    self.pos += 1;
                    self.identifier_chars();
                }
                if matches!(self.peek_at(0), Some(b'?' | b'!')) && self.peek_at(1) != Some(b'=') {
                    self.pos += 1;
                }
                let name = self.src[start + 1..self.pos].to_string();
                self.push(TokenKind::Atom(name), start);
            }
            _ => {
                let after = self.src.get(start + 1..).unwrap_or("");
                match OPERATOR_ATOMS.iter().find(|op| after.starts_with(**op)) {
                    Some(op) => {
                        self.pos += 1 + op.len();
                        self.push(TokenKind::Atom((*op).to_string()), start);
                    }
                    None => self.unexpected_char(':'),
                }
            }
        }
    }

    /// `?a`: the code point of a character.
    fn char_literal(&mut self) {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.rest().chars().next() else {
            self.syntax_error("unexpected token: \"?\"", start);
            return self.push(TokenKind::Error, start);
        };
        if c == '\\' {
            self.pos += 1;
            match self.rest().chars().next() {
                Some(escaped) => {
                    self.pos += escaped.len_utf8();
                    let value = strings::simple_escape(escaped).unwrap_or(escaped);
                    self.push(TokenKind::Int(i64::from(u32::from(value))), start);
                }
                None => {
                    self.syntax_error("unexpected token: \"?\"", start);
                    self.push(TokenKind::Error, start);
                }
            }
        } else {
            self.pos += c.len_utf8();
            self.push(TokenKind::Int(i64::from(u32::from(c))), start);
        }
    }
}

/// Elixir's rule for calls without parentheses: an identifier followed by a
/// space and the start of an expression is a call (`IO.puts "x"`, `raise Err, "m"`).
/// A `-` or `+` only starts an argument when it is glued to its operand
/// (`f -1` calls `f`, `f - 1` subtracts).
pub(crate) fn starts_no_parens_argument(
    callee: &Token,
    next: Option<&Token>,
    after: Option<&Token>,
) -> bool {
    let Some(next) = next else {
        return false;
    };
    if next.span.start == callee.span.end {
        return false;
    }
    match &next.kind {
        TokenKind::Int(_)
        | TokenKind::BigInt(_)
        | TokenKind::Float(_)
        | TokenKind::Atom(_)
        | TokenKind::KwKey(_)
        | TokenKind::Ident(_)
        | TokenKind::Alias(_)
        | TokenKind::Str(_)
        | TokenKind::InterpolatedAtom(_)
        | TokenKind::Charlist(_)
        | TokenKind::Sigil { .. }
        | TokenKind::CaptureArg(_)
        | TokenKind::Unsupported(_)
        | TokenKind::Reserved("fn")
        | TokenKind::Op("{" | "[" | "%" | "(" | "!" | "^" | "@" | "&" | "not" | "<<") => true,
        TokenKind::Op("-" | "+") => after.is_some_and(|operand| {
            operand.span.start == next.span.end && operand.kind != TokenKind::Newline
        }),
        _ => false,
    }
}

/// The terminator Elixir expects for an opener.
fn terminator_of(opener: &str) -> &'static str {
    match opener {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "<<" => ">>",
        _ => "end",
    }
}

/// The text of a literal without interpolation.
pub(crate) fn plain_text(pieces: &[StrPiece]) -> Option<String> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            StrPiece::Lit(lit) => text.push_str(lit),
            StrPiece::Interp(..) => return None,
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests;
