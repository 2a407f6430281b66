//! Literals and collections: numbers, atoms, strings (with interpolation),
//! sigils, lists, keyword lists, tuples, maps and structs, parenthesised blocks.

use super::{PResult, Parser};
use crate::ast::{CallTarget, Expr, ExprKind, StrPart};
use crate::diagnostic::Span;
use crate::lexer::{plain_text, StrPiece, TokenKind};

/// List elements bind tighter than `|` (which separates the tail).
const LIST_ELEMENT: u8 = 71;
/// Map keys and values bind tighter than `=>` and `|`.
const MAP_ELEMENT: u8 = 81;

/// Keyword keys whose values are bodies: `if c, do: a` must read like `if c do a end`.
const BLOCK_KEYS: &[&str] = &["do", "else", "after", "rescue", "catch"];

impl<'t> Parser<'t> {
    /// A literal, a variable or call, or a bracketed construct.
    pub(super) fn primary(&mut self, allow_do: bool) -> PResult<Expr> {
        let Some(token) = self.peek() else {
            return Err(self.incomplete());
        };
        let span = token.span;
        let kind = match &token.kind {
            TokenKind::Int(n) => ExprKind::Int(*n),
            TokenKind::BigInt(n) => ExprKind::BigInt(n.clone()),
            TokenKind::Float(f) => ExprKind::Float(*f),
            TokenKind::Atom(name) => ExprKind::Atom(name.clone()),
            TokenKind::Str(pieces) => self.string(pieces)?,
            // `:"key_#{n}"` is `String.to_atom("key_#{n}")`.
            TokenKind::InterpolatedAtom(pieces) => ExprKind::Call {
                target: CallTarget::Remote(
                    Box::new(Expr::new(ExprKind::Alias(vec!["String".into()]), span)),
                    "to_atom".into(),
                ),
                args: vec![Expr::new(self.string(pieces)?, span)],
                parens: true,
            },
            TokenKind::Charlist(pieces) => match plain_text(pieces) {
                Some(text) => ExprKind::Charlist(text),
                None => return Err(Self::unsupported("charlists with interpolation", span)),
            },
            TokenKind::Sigil {
                letter,
                pieces,
                modifiers,
            } => {
                if !matches!(letter, 'w' | 'W' | 's' | 'S' | 'c' | 'C') {
                    let what = match letter {
                        'r' | 'R' => "regular expressions (~r)".to_string(),
                        other => format!("the ~{other} sigil"),
                    };
                    return Err(Self::unsupported(what, span));
                }
                let contents = Expr::new(self.string(pieces)?, span);
                let modifiers = Expr::new(ExprKind::Charlist(modifiers.clone()), span);
                ExprKind::Call {
                    target: CallTarget::Local(format!("sigil_{letter}")),
                    args: vec![contents, modifiers],
                    parens: true,
                }
            }
            TokenKind::CaptureArg(n) => ExprKind::CaptureArg(*n),
            TokenKind::Ident(_) => return self.identifier(allow_do),
            TokenKind::Alias(name) => ExprKind::Alias(vec![name.clone()]),
            TokenKind::Op("(") => return self.parens(),
            TokenKind::Op("[") => return self.list(),
            TokenKind::Op("{") => return self.tuple(),
            TokenKind::Op("%") => return self.map(),
            TokenKind::Op("<<") => {
                return Err(Self::unsupported("binaries and bitstrings (<<...>>)", span))
            }
            TokenKind::Reserved("fn") => return self.fn_expr(),
            _ => return Err(self.error_here()),
        };
        self.bump();
        Ok(Expr::new(kind, span))
    }

    /// A string's pieces as `Str` or, with interpolation, `Interpolated`.
    fn string(&mut self, pieces: &'t [StrPiece]) -> PResult<ExprKind> {
        if let Some(text) = plain_text(pieces) {
            return Ok(ExprKind::Str(text));
        }
        let mut parts = Vec::with_capacity(pieces.len());
        for piece in pieces {
            parts.push(match piece {
                StrPiece::Lit(text) => StrPart::Lit(text.clone()),
                StrPiece::Interp(tokens, span) => StrPart::Expr(self.interpolation(tokens, *span)?),
            });
        }
        Ok(ExprKind::Interpolated(parts))
    }

    /// The code inside `#{...}`, parsed by a parser over its own tokens.
    fn interpolation(&mut self, tokens: &'t [crate::lexer::Token], span: Span) -> PResult<Expr> {
        let close = span.end.saturating_sub(1);
        let mut inner = Parser {
            src: self.src,
            tokens,
            pos: 0,
            depth: self.depth,
            last_end: span.start + 2,
            end: Span {
                start: close,
                end: close,
            },
        };
        let mut exprs = inner.statements(|_| false)?;
        if inner.peek().is_some() {
            return Err(inner.error_here());
        }
        Ok(match exprs.len() {
            1 => exprs.remove(0),
            _ => Expr::new(ExprKind::Block(exprs), span),
        })
    }

    /// `(expr)` or a block `(a; b)`.
    fn parens(&mut self) -> PResult<Expr> {
        let Some(open) = self.bump() else {
            return Err(self.incomplete());
        };
        self.enter()?;
        // Clauses in parentheses (`(x -> x)`) are tried first; without a `->`
        // the same tokens are read again as statements.
        let checkpoint = self.pos;
        if let Ok(Some(clauses)) = self.paren_clauses() {
            self.leave();
            let close = self.expect_op(")")?;
            return Ok(Expr::new(clauses.kind, open.span.to(close)));
        }
        self.pos = checkpoint;
        let exprs = self.statements(|kind| *kind == TokenKind::Op(")"));
        self.leave();
        let mut exprs = exprs?;
        let close = self.expect_op(")")?;
        Ok(match exprs.len() {
            1 => exprs.remove(0),
            _ => Expr::new(ExprKind::Block(exprs), open.span.to(close)),
        })
    }

    /// `[a, b]`, `[h | t]`, `[a, key: v]`.
    fn list(&mut self) -> PResult<Expr> {
        let Some(open) = self.bump() else {
            return Err(self.incomplete());
        };
        let mut items = Vec::new();
        let mut tail = None;
        loop {
            self.skip_newlines();
            if self.at_op("]") {
                break;
            }
            if self.at_kw_key() {
                items.extend(self.keyword_pairs(LIST_ELEMENT, true, true, false)?);
                self.skip_newlines();
                break;
            }
            items.push(self.expr(LIST_ELEMENT, true)?);
            self.skip_newlines();
            if self.eat_op("|") {
                self.skip_newlines();
                tail = Some(Box::new(self.expr(0, true)?));
                self.skip_newlines();
                break;
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op("]")?;
        Ok(Expr::new(ExprKind::List(items, tail), open.span.to(close)))
    }

    /// `{a, b}`, `{:ok, key: v}`.
    fn tuple(&mut self) -> PResult<Expr> {
        let Some(open) = self.bump() else {
            return Err(self.incomplete());
        };
        let mut items = Vec::new();
        loop {
            self.skip_newlines();
            if self.at_op("}") {
                break;
            }
            if self.at_kw_key() {
                items.push(self.keyword_list(0, true, true, false)?);
                self.skip_newlines();
                break;
            }
            items.push(self.expr(0, true)?);
            self.skip_newlines();
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op("}")?;
        Ok(Expr::new(ExprKind::Tuple(items), open.span.to(close)))
    }

    /// `%{k => v, key: v}`, `%{base | key: v}`, `%Name{...}`, `%__MODULE__{...}`.
    fn map(&mut self) -> PResult<Expr> {
        let Some(percent) = self.bump() else {
            return Err(self.incomplete());
        };
        let struct_name = if self.at_op("{") {
            None
        } else {
            Some(Box::new(self.struct_name()?))
        };
        self.expect_op("{")?;
        let mut base = None;
        let mut entries = Vec::new();
        let mut first = true;
        loop {
            self.skip_newlines();
            if self.at_op("}") {
                break;
            }
            if let Some(
                key_token @ crate::lexer::Token {
                    kind: TokenKind::KwKey(key),
                    ..
                },
            ) = self.peek()
            {
                self.bump();
                self.skip_newlines();
                let value = self.expr(MAP_ELEMENT, true)?;
                entries.push((
                    Expr::new(ExprKind::Atom(key.clone()), key_token.span),
                    value,
                ));
            } else {
                let key = self.expr(MAP_ELEMENT, true)?;
                self.skip_newlines();
                if first && self.eat_op("|") {
                    base = Some(Box::new(key));
                    first = false;
                    continue;
                }
                self.expect_op("=>")?;
                self.skip_newlines();
                let value = self.expr(MAP_ELEMENT, true)?;
                entries.push((key, value));
            }
            first = false;
            self.skip_newlines();
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op("}")?;
        Ok(Expr::new(
            ExprKind::Map {
                struct_name,
                base,
                entries,
            },
            percent.span.to(close),
        ))
    }

    /// The `Name` of `%Name{}`: an alias or `__MODULE__`.
    fn struct_name(&mut self) -> PResult<Expr> {
        match self.peek() {
            Some(token) if matches!(&token.kind, TokenKind::Ident(n) if n == "__MODULE__") => {
                self.bump();
                Ok(Expr::new(ExprKind::Var("__MODULE__".into()), token.span))
            }
            Some(token) if matches!(token.kind, TokenKind::Alias(_)) => {
                let mut parts = Vec::new();
                let mut span = token.span;
                while let Some(segment) = self.peek() {
                    let TokenKind::Alias(name) = &segment.kind else {
                        break;
                    };
                    parts.push(name.clone());
                    span = span.to(segment.span);
                    self.bump();
                    let dotted = matches!(self.peek_nth(1), Some(t) if matches!(t.kind, TokenKind::Alias(_)));
                    if !(self.at_op(".") && dotted) {
                        break;
                    }
                    self.bump();
                }
                Ok(Expr::new(ExprKind::Alias(parts), span))
            }
            Some(token) => Err(Self::unsupported(
                "struct names other than an alias or __MODULE__",
                token.span,
            )),
            None => Err(self.incomplete()),
        }
    }

    /// A keyword list written without brackets (or the rest of a bracketed one)
    /// as one `List` expression.
    pub(super) fn keyword_list(
        &mut self,
        value_min: u8,
        allow_do: bool,
        in_brackets: bool,
        bodies: bool,
    ) -> PResult<Expr> {
        let pairs = self.keyword_pairs(value_min, allow_do, in_brackets, bodies)?;
        let span = pairs
            .iter()
            .map(|p| p.span)
            .reduce(Span::to)
            .unwrap_or(Span::new(self.last_end as usize, self.last_end as usize));
        Ok(Expr::new(ExprKind::List(pairs, None), span))
    }

    /// `key: value, ...` as `{:key, value}` tuples. Inside brackets newlines
    /// and a trailing comma are allowed. With `bodies`, the values of `do:`,
    /// `else:` ... are wrapped in a `Block` as a `do ... end` block's would be.
    pub(super) fn keyword_pairs(
        &mut self,
        value_min: u8,
        allow_do: bool,
        in_brackets: bool,
        bodies: bool,
    ) -> PResult<Vec<Expr>> {
        let mut pairs = Vec::new();
        loop {
            let Some(
                key_token @ crate::lexer::Token {
                    kind: TokenKind::KwKey(key),
                    ..
                },
            ) = self.peek()
            else {
                return Err(self.error_here());
            };
            self.bump();
            self.skip_newlines();
            let mut value = self.expr(value_min, allow_do)?;
            if bodies && BLOCK_KEYS.contains(&key.as_str()) {
                value = as_block(value);
            }
            pairs.push(keyword_pair(key, key_token.span, value));
            if in_brackets {
                self.skip_newlines();
            }
            if !self.eat_op(",") {
                break;
            }
            self.skip_newlines();
            if in_brackets && !self.at_kw_key() {
                break;
            }
        }
        Ok(pairs)
    }
}

/// `{:key, value}` with the key's span.
pub(super) fn keyword_pair(key: &str, key_span: Span, value: Expr) -> Expr {
    let span = key_span.to(value.span);
    let key = Expr::new(ExprKind::Atom(key.to_string()), key_span);
    Expr::new(ExprKind::Tuple(vec![key, value]), span)
}

/// A body as a `Block` (clauses and blocks stay as they are).
fn as_block(value: Expr) -> Expr {
    match value.kind {
        ExprKind::Block(_) | ExprKind::Clauses(_) => value,
        _ => {
            let span = value.span;
            Expr::new(ExprKind::Block(vec![value]), span)
        }
    }
}
