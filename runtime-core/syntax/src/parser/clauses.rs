//! `do ... end` blocks with their `else`/`after`/`rescue`/`catch` sections,
//! `fn ... end`, and the `patterns [when guard] -> body` clauses both hold.

use super::collections::keyword_pair;
use super::{PResult, Parser};
use crate::ast::{BinOp, Clause, Expr, ExprKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::lexer::TokenKind;

/// A section body as read, before clauses are assembled.
enum Item {
    /// `patterns ->`: starts a clause.
    Head { patterns: Vec<Expr>, arrow: Span },
    /// An expression: a plain body's, or the current clause's.
    Expr(Expr),
}

/// Whether the token ends a section of a `do` block or `fn`.
fn ends_section(kind: &TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Reserved("end" | "else" | "after" | "rescue" | "catch")
    )
}

impl<'t> Parser<'t> {
    /// `do ... end` as the keyword list `[do: body, else: body, ...]`.
    pub(super) fn do_block(&mut self) -> PResult<Expr> {
        let Some(do_token) = self.bump() else {
            return Err(self.incomplete());
        };
        let mut pairs = Vec::new();
        let mut section = ("do", do_token.span);
        loop {
            let body = self.section_body()?;
            pairs.push(keyword_pair(section.0, section.1, body));
            let Some(token) = self.peek() else {
                return Err(self.missing_end("do", do_token.span));
            };
            match token.kind {
                TokenKind::Reserved("end") => {
                    self.bump();
                    break;
                }
                TokenKind::Reserved(word @ ("else" | "after" | "rescue" | "catch")) => {
                    self.bump();
                    section = (word, token.span);
                }
                _ => return Err(self.error_here()),
            }
        }
        let span = Span::new(do_token.span.start as usize, self.last_end as usize);
        Ok(Expr::new(ExprKind::List(pairs, None), span))
    }

    /// `fn clauses end`.
    pub(super) fn fn_expr(&mut self) -> PResult<Expr> {
        let Some(fn_token) = self.bump() else {
            return Err(self.incomplete());
        };
        let body = self.section_body()?;
        match self.peek_kind() {
            Some(TokenKind::Reserved("end")) => {
                self.bump();
            }
            Some(_) => return Err(self.error_here()),
            None => return Err(self.missing_end("fn", fn_token.span)),
        }
        let span = Span::new(fn_token.span.start as usize, self.last_end as usize);
        match body.kind {
            ExprKind::Clauses(clauses) => Ok(Expr::new(ExprKind::Fn(clauses), span)),
            _ => Err(Diagnostic::new(
                DiagnosticKind::SyntaxError,
                "expected anonymous functions to be defined with -> inside: 'fn'",
                fn_token.span,
            )),
        }
    }

    fn missing_end(&self, opener: &str, span: Span) -> Diagnostic {
        let (line, _) = crate::diagnostic::line_col(self.src, span.start as usize);
        Diagnostic::new(
            DiagnosticKind::TokenMissingError,
            format!("missing terminator: end (for \"{opener}\" starting at line {line})"),
            self.end,
        )
    }

    /// One section's contents up to `end`/`else`/`after`/`rescue`/`catch`:
    /// `Clauses` if it holds `->` clauses, else a `Block`.
    fn section_body(&mut self) -> PResult<Expr> {
        let start = self.last_end;
        self.enter()?;
        let items = self.section_items(ends_section);
        self.leave();
        let items = items?;
        let end = self.peek().map_or(self.end.start, |t| t.span.start);
        let span = Span {
            start,
            end: end.max(start),
        };
        assemble(items, span)
    }

    /// `(pattern -> body; ...)`: clauses in parentheses, as in
    /// `receive(do: (msg -> msg))`. `None` when the parentheses hold no `->`.
    pub(super) fn paren_clauses(&mut self) -> PResult<Option<Expr>> {
        let start = self.last_end;
        let items = self.section_items(|k| *k == TokenKind::Op(")"))?;
        if !items.iter().any(|i| matches!(i, Item::Head { .. })) {
            return Ok(None);
        }
        let end = self.peek().map_or(self.end.start, |t| t.span.start);
        let span = Span {
            start,
            end: end.max(start),
        };
        assemble(items, span).map(Some)
    }

    fn section_items(&mut self, ends_section: fn(&TokenKind) -> bool) -> PResult<Vec<Item>> {
        let mut items = Vec::new();
        loop {
            self.skip_separators();
            let Some(token) = self.peek() else {
                break;
            };
            if ends_section(&token.kind) {
                break;
            }
            if token.kind == TokenKind::Op("->") {
                self.bump();
                self.skip_newlines();
                items.push(Item::Head {
                    patterns: Vec::new(),
                    arrow: token.span,
                });
                continue;
            }
            let first = self.expr(0, true)?;
            if self.at_op(",") || self.at_op("->") {
                let mut patterns = vec![first];
                while self.eat_op(",") {
                    self.skip_newlines();
                    patterns.push(self.expr(0, true)?);
                }
                let arrow = self.expect_op("->")?;
                self.skip_newlines();
                items.push(Item::Head { patterns, arrow });
                continue;
            }
            items.push(Item::Expr(first));
            match self.peek_kind() {
                None | Some(TokenKind::Newline | TokenKind::Op(";")) => {}
                Some(kind) if ends_section(kind) => {}
                Some(_) => return Err(self.error_here()),
            }
        }
        Ok(items)
    }
}

/// Groups section items into a `Block`, or into `Clauses` when any `->` appears.
fn assemble(items: Vec<Item>, span: Span) -> PResult<Expr> {
    let first_arrow = items.iter().find_map(|item| match item {
        Item::Head { arrow, .. } => Some(*arrow),
        Item::Expr(_) => None,
    });
    let Some(first_arrow) = first_arrow else {
        let exprs = items
            .into_iter()
            .filter_map(|item| match item {
                Item::Expr(expr) => Some(expr),
                Item::Head { .. } => None,
            })
            .collect();
        return Ok(Expr::new(ExprKind::Block(exprs), span));
    };
    if matches!(items.first(), Some(Item::Expr(_))) {
        return Err(Diagnostic::new(
            DiagnosticKind::SyntaxError,
            "unexpected operator ->. If you want to define multiple clauses, the first \
             expression must use ->. Syntax error before: '->'",
            first_arrow,
        ));
    }
    let mut clauses: Vec<Clause> = Vec::new();
    let mut body: Vec<Expr> = Vec::new();
    let mut head: Option<(Vec<Expr>, Span)> = None;
    for item in items {
        match item {
            Item::Expr(expr) => body.push(expr),
            Item::Head { patterns, arrow } => {
                if let Some((patterns, arrow)) = head.take() {
                    clauses.push(clause(patterns, arrow, std::mem::take(&mut body)));
                }
                head = Some((patterns, arrow));
            }
        }
    }
    if let Some((patterns, arrow)) = head {
        clauses.push(clause(patterns, arrow, body));
    }
    Ok(Expr::new(ExprKind::Clauses(clauses), span))
}

/// A clause from its head and body, the guard split off the last pattern.
fn clause(mut patterns: Vec<Expr>, arrow: Span, mut body: Vec<Expr>) -> Clause {
    let mut guard = None;
    if let Some(last) = patterns.pop() {
        match last.kind {
            ExprKind::BinOp(BinOp::When, pattern, condition) => {
                patterns.push(*pattern);
                guard = Some(*condition);
            }
            kind => patterns.push(Expr::new(kind, last.span)),
        }
    }
    let body = match body.len() {
        1 => body.remove(0),
        _ => {
            let span = body
                .iter()
                .map(|e| e.span)
                .reduce(Span::to)
                .unwrap_or(arrow);
            Expr::new(ExprKind::Block(body), span)
        }
    };
    let start = patterns.first().map_or(arrow, |p| p.span);
    let span = start.to(arrow).to(body.span);
    Clause {
        patterns,
        guard,
        body,
        span,
    }
}
