//! Syntax highlighting for the playground's editor: classifies every token,
//! and never fails — text that does not tokenize is classed [`HighlightClass::Error`].

use serde::Serialize;

use super::{starts_no_parens_argument, tokenize, StrPiece, Token, TokenKind};
use crate::diagnostic::Span;

/// How a piece of source text is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum HighlightClass {
    /// `def`, `do`, `end`, `fn`, `case`, `and`, `when` ...
    Keyword,
    /// `:ok`, `true`, `nil`, keyword keys `name:`.
    Atom,
    /// Strings, charlists, sigils (interpolated code is classed on its own).
    String,
    /// Integers, floats, `?a`.
    Number,
    /// `# ...`
    Comment,
    /// Aliases: `GenServer`, `Foo.Bar`.
    Module,
    /// The name of a called function.
    Function,
    /// Variables and `&1`.
    Variable,
    /// Operators.
    Operator,
    /// Brackets, commas, `#{` and its `}`.
    Punctuation,
    /// Text that does not tokenize (an unterminated string runs to the end).
    Error,
}

/// A classified span of source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HighlightToken {
    /// Where (byte offsets).
    pub span: Span,
    /// How to colour it.
    pub class: HighlightClass,
}

/// Names that read as keywords although the language treats them as calls.
const KEYWORD_CALLS: &[&str] = &[
    "def",
    "defp",
    "defmodule",
    "defstruct",
    "defmacro",
    "defmacrop",
    "defguard",
    "defimpl",
    "defprotocol",
    "defexception",
    "defdelegate",
    "if",
    "unless",
    "case",
    "cond",
    "with",
    "for",
    "receive",
    "try",
    "raise",
    "reraise",
    "throw",
    "import",
    "alias",
    "require",
    "use",
    "quote",
    "unquote",
    "super",
];

/// Classifies the tokens of `source`, in order; whitespace is not covered.
pub fn highlight(source: &str) -> Vec<HighlightToken> {
    let lexed = tokenize(source, true);
    let mut out = Vec::with_capacity(lexed.tokens.len());
    classify(&lexed.tokens, &mut out);
    out
}

fn classify(tokens: &[Token], out: &mut Vec<HighlightToken>) {
    for (i, token) in tokens.iter().enumerate() {
        let after_dot = i > 0 && matches!(tokens[i - 1].kind, TokenKind::Op("."));
        let class = match &token.kind {
            TokenKind::Int(_) | TokenKind::BigInt(_) | TokenKind::Float(_) => {
                HighlightClass::Number
            }
            TokenKind::Atom(_) | TokenKind::KwKey(_) | TokenKind::Unsupported(_) => {
                HighlightClass::Atom
            }
            TokenKind::Ident(name) => {
                if !after_dot && KEYWORD_CALLS.contains(&name.as_str()) {
                    HighlightClass::Keyword
                } else if is_called(tokens, i) {
                    HighlightClass::Function
                } else {
                    HighlightClass::Variable
                }
            }
            TokenKind::Alias(_) => HighlightClass::Module,
            TokenKind::Str(pieces)
            | TokenKind::InterpolatedAtom(pieces)
            | TokenKind::Charlist(pieces)
            | TokenKind::Sigil { pieces, .. } => {
                quoted(token.span, pieces, out);
                continue;
            }
            TokenKind::CaptureArg(_) => HighlightClass::Variable,
            TokenKind::Reserved(_) => HighlightClass::Keyword,
            TokenKind::Op("and" | "or" | "not" | "in" | "not in" | "when") => {
                HighlightClass::Keyword
            }
            TokenKind::Op("(" | ")" | "[" | "]" | "{" | "}" | "," | ";") => {
                HighlightClass::Punctuation
            }
            TokenKind::Op(_) => HighlightClass::Operator,
            TokenKind::Newline => continue,
            TokenKind::Comment => HighlightClass::Comment,
            TokenKind::Error => HighlightClass::Error,
        };
        out.push(HighlightToken {
            span: token.span,
            class,
        });
    }
}

/// Whether the identifier at `i` names a function being called.
fn is_called(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let next = tokens.get(i + 1);
    let paren_follows = next
        .is_some_and(|n| matches!(n.kind, TokenKind::Op("(")) && n.span.start == token.span.end);
    paren_follows
        || (i > 0 && matches!(tokens[i - 1].kind, TokenKind::Op(".")))
        || starts_no_parens_argument(token, next, tokens.get(i + 2))
}

/// A quoted literal: string-coloured text around interpolations, whose code is
/// classified like any other.
fn quoted(span: Span, pieces: &[StrPiece], out: &mut Vec<HighlightToken>) {
    let mut cursor = span.start;
    for piece in pieces {
        let StrPiece::Interp(tokens, interp) = piece else {
            continue;
        };
        if interp.start > cursor {
            out.push(HighlightToken {
                span: Span {
                    start: cursor,
                    end: interp.start,
                },
                class: HighlightClass::String,
            });
        }
        out.push(HighlightToken {
            span: Span {
                start: interp.start,
                end: interp.start + 2,
            },
            class: HighlightClass::Punctuation,
        });
        classify(tokens, out);
        out.push(HighlightToken {
            span: Span {
                start: interp.end.saturating_sub(1),
                end: interp.end,
            },
            class: HighlightClass::Punctuation,
        });
        cursor = interp.end;
    }
    if span.end > cursor {
        out.push(HighlightToken {
            span: Span {
                start: cursor,
                end: span.end,
            },
            class: HighlightClass::String,
        });
    }
}
