//! Operators (Elixir's precedence table), unary operators, module attributes,
//! identifiers and calls: with parentheses, without, remote, anonymous.

use super::{PResult, Parser};
use crate::ast::{BinOp, CallTarget, Expr, ExprKind, UnOp};
use crate::bigint::BigInt;
use crate::diagnostic::Span;
use crate::lexer::{starts_no_parens_argument, Token, TokenKind};

/// A binary operator as read: one callcast knows, or one it recognises only
/// to report it.
#[derive(Clone, Copy)]
enum Binary {
    Known(BinOp),
    Unsupported(&'static str),
}

/// Binding power of `&` (captures): its operand binds tighter.
const CAPTURE_PRECEDENCE: u8 = 90;

/// Elixir's binary operators: what they build, their precedence (higher binds
/// tighter; the numbers are those of Elixir's grammar) and whether they are
/// right-associative. `=>` is absent: only maps read it.
fn binary_operator(kind: &TokenKind) -> Option<(Binary, u8, bool)> {
    use Binary::{Known, Unsupported};
    let TokenKind::Op(op) = kind else {
        return None;
    };
    Some(match *op {
        "<-" => (Known(BinOp::LeftArrow), 40, false),
        "\\\\" => (Known(BinOp::Default), 40, false),
        "when" => (Known(BinOp::When), 50, true),
        "::" => (Known(BinOp::Type), 60, true),
        "|" => (Known(BinOp::Pipe1), 70, true),
        "=" => (Known(BinOp::Match), 100, true),
        "||" => (Known(BinOp::OrElse), 120, false),
        "or" => (Known(BinOp::Or), 120, false),
        "|||" => (Unsupported("the ||| operator"), 120, false),
        "&&" => (Known(BinOp::AndAlso), 130, false),
        "and" => (Known(BinOp::And), 130, false),
        "&&&" => (Unsupported("the &&& operator"), 130, false),
        "==" => (Known(BinOp::Eq), 140, false),
        "!=" => (Known(BinOp::NotEq), 140, false),
        "===" => (Known(BinOp::StrictEq), 140, false),
        "!==" => (Known(BinOp::StrictNotEq), 140, false),
        "=~" => (
            Unsupported("the =~ operator (regular expressions)"),
            140,
            false,
        ),
        "<" => (Known(BinOp::Lt), 150, false),
        ">" => (Known(BinOp::Gt), 150, false),
        "<=" => (Known(BinOp::LtEq), 150, false),
        ">=" => (Known(BinOp::GtEq), 150, false),
        "|>" => (Known(BinOp::Pipe), 160, false),
        "<<<" | ">>>" | "<<~" | "~>>" | "<~" | "~>" | "<~>" => {
            (Unsupported("custom and bitwise operators"), 160, false)
        }
        "in" => (Known(BinOp::In), 170, false),
        "not in" => (Known(BinOp::NotIn), 170, false),
        "^^^" => (Unsupported("the ^^^ operator"), 180, false),
        "//" => (Known(BinOp::Step), 190, true),
        "++" => (Known(BinOp::ListConcat), 200, true),
        "--" => (Known(BinOp::ListSubtract), 200, true),
        "<>" => (Known(BinOp::Concat), 200, true),
        ".." => (Known(BinOp::Range), 200, true),
        "+++" | "---" => (Unsupported("custom operators"), 200, true),
        "+" => (Known(BinOp::Add), 210, false),
        "-" => (Known(BinOp::Sub), 210, false),
        "*" => (Known(BinOp::Mul), 220, false),
        "/" => (Known(BinOp::Div), 220, false),
        "**" => (Known(BinOp::Pow), 230, false),
        _ => return None,
    })
}

/// Whether a line starting with this token continues the previous line's
/// expression: binary operators do, except `+` and `-`, which may be unary.
fn continues_line(kind: &TokenKind) -> bool {
    !matches!(kind, TokenKind::Op("+" | "-")) && binary_operator(kind).is_some()
}

/// Names whose calls Elixir has but callcast does not support.
const UNSUPPORTED_CALLS: &[(&str, &str)] = &[
    ("defmacro", "macros (defmacro)"),
    ("defmacrop", "macros (defmacrop)"),
    ("quote", "quote"),
    ("unquote", "unquote"),
    ("unquote_splicing", "unquote_splicing"),
    ("defprotocol", "protocols (defprotocol)"),
    ("defimpl", "protocols (defimpl)"),
    ("defguard", "defguard"),
    ("defguardp", "defguardp"),
];

impl<'t> Parser<'t> {
    /// An expression whose binary operators all bind at least as tightly as
    /// `min` (0 reads everything). `allow_do` is false inside the arguments of
    /// a call without parentheses, so that a `do` block goes to that call.
    pub(super) fn expr(&mut self, min: u8, allow_do: bool) -> PResult<Expr> {
        self.enter()?;
        let result = self.binary(min, allow_do);
        self.leave();
        result
    }

    fn binary(&mut self, min: u8, allow_do: bool) -> PResult<Expr> {
        let mut lhs = self.unary(allow_do)?;
        loop {
            let (newline, token) = match self.peek() {
                Some(t) if t.kind == TokenKind::Newline => match self.peek_nth(1) {
                    Some(next) if continues_line(&next.kind) => (true, next),
                    _ => break,
                },
                Some(t) => (false, t),
                None => break,
            };
            let Some((op, precedence, right)) = binary_operator(&token.kind) else {
                break;
            };
            if precedence < min {
                break;
            }
            if newline {
                self.bump();
            }
            self.bump();
            let op = match op {
                Binary::Known(op) => op,
                Binary::Unsupported(what) => return Err(Self::unsupported(what, token.span)),
            };
            self.skip_newlines();
            let next_min = if right { precedence } else { precedence + 1 };
            let rhs = self.expr(next_min, allow_do)?;
            let span = lhs.span.to(rhs.span);
            lhs = Expr::new(ExprKind::BinOp(op, Box::new(lhs), Box::new(rhs)), span);
        }
        Ok(lhs)
    }

    fn unary(&mut self, allow_do: bool) -> PResult<Expr> {
        let Some(token) = self.peek() else {
            return Err(self.incomplete());
        };
        let TokenKind::Op(op) = token.kind else {
            let primary = self.primary(allow_do)?;
            return self.postfix(primary, allow_do);
        };
        // `&+/2` names the operator `+` as a function.
        let nameable = binary_operator(&token.kind).is_some() || matches!(op, "!" | "not");
        if nameable
            && op != "/"
            && matches!(self.peek_nth(1), Some(t) if t.kind == TokenKind::Op("/"))
        {
            self.bump();
            return Ok(Expr::new(ExprKind::Var(op.to_string()), token.span));
        }
        let unary = match op {
            "-" => UnOp::Neg,
            "+" => UnOp::Pos,
            "!" => UnOp::Bang,
            "^" => UnOp::Pin,
            "not" => UnOp::Not,
            "&" => {
                self.bump();
                self.skip_newlines();
                let operand = self.expr(CAPTURE_PRECEDENCE + 1, allow_do)?;
                let span = token.span.to(operand.span);
                return Ok(Expr::new(ExprKind::Capture(Box::new(operand)), span));
            }
            "@" => {
                let attribute = self.module_attribute()?;
                return self.postfix(attribute, allow_do);
            }
            _ => {
                let primary = self.primary(allow_do)?;
                return self.postfix(primary, allow_do);
            }
        };
        self.bump();
        self.skip_newlines();
        self.enter()?;
        let operand = self.unary(allow_do);
        self.leave();
        let operand = operand?;
        let span = token.span.to(operand.span);
        // A minus glued to a number literal is the negative number, so that
        // patterns such as `def f(-1)` see a literal.
        let kind = match (unary, operand.kind) {
            (UnOp::Neg, ExprKind::Int(n)) => match n.checked_neg() {
                Some(negated) => ExprKind::Int(negated),
                None => ExprKind::BigInt(-BigInt::from(n)),
            },
            (UnOp::Neg, ExprKind::BigInt(n)) => int_kind(-n),
            (UnOp::Neg, ExprKind::Float(f)) => ExprKind::Float(-f),
            (unary, kind) => ExprKind::UnOp(unary, Box::new(Expr::new(kind, operand.span))),
        };
        Ok(Expr::new(kind, span))
    }

    /// `@name`, `@name value`, `@name(value)`.
    fn module_attribute(&mut self) -> PResult<Expr> {
        let Some(at) = self.bump() else {
            return Err(self.incomplete());
        };
        let Some(
            name_token @ Token {
                kind: TokenKind::Ident(name),
                ..
            },
        ) = self.peek()
        else {
            return Err(self.error_here());
        };
        self.bump();
        let args = if self.paren_follows(name_token) {
            self.bump();
            Some(self.paren_args()?)
        } else if starts_no_parens_argument(name_token, self.peek(), self.peek_nth(1)) {
            Some(self.no_parens_args()?)
        } else {
            None
        };
        let value = match args {
            None => None,
            Some(mut args) if args.len() == 1 => args.pop().map(Box::new),
            Some(args) => {
                let span = args
                    .iter()
                    .map(|a| a.span)
                    .reduce(Span::to)
                    .unwrap_or(name_token.span);
                return Err(Self::unsupported(
                    format!("a module attribute @{name} given {} values", args.len()),
                    span,
                ));
            }
        };
        let span = Span::new(at.span.start as usize, self.last_end as usize);
        Ok(Expr::new(ExprKind::ModuleAttr(name.clone(), value), span))
    }

    /// Whether a `(` immediately follows the token (a call with parentheses).
    fn paren_follows(&self, token: &Token) -> bool {
        matches!(self.peek(), Some(t) if t.kind == TokenKind::Op("(") && t.span.start == token.span.end)
    }

    /// `.name`, `.Alias`, `.(args)` and `[key]` after an expression.
    fn postfix(&mut self, mut expr: Expr, allow_do: bool) -> PResult<Expr> {
        while let Some(token) = self.peek() {
            match token.kind {
                TokenKind::Op(".") => {
                    self.bump();
                    expr = self.after_dot(expr, allow_do)?;
                }
                TokenKind::Newline if matches!(self.peek_nth(1), Some(t) if t.kind == TokenKind::Op(".")) =>
                {
                    self.bump();
                    self.bump();
                    expr = self.after_dot(expr, allow_do)?;
                }
                TokenKind::Op("[") if token.span.start == self.last_end => {
                    self.bump();
                    self.skip_newlines();
                    let key = self.expr(0, true)?;
                    self.skip_newlines();
                    let close = self.expect_op("]")?;
                    let span = expr.span.to(close);
                    expr = Expr::new(ExprKind::Access(Box::new(expr), Box::new(key)), span);
                }
                _ => break,
            }
        }
        Ok(expr)
    }

    fn after_dot(&mut self, lhs: Expr, allow_do: bool) -> PResult<Expr> {
        self.skip_newlines();
        let Some(token) = self.peek() else {
            return Err(self.incomplete());
        };
        match &token.kind {
            TokenKind::Ident(name) => {
                self.bump();
                let start = lhs.span;
                let target = CallTarget::Remote(Box::new(lhs), name.clone());
                match self.call_rest(token, allow_do)? {
                    Some((args, parens)) => Ok(self.call(target, args, parens, start)),
                    None => Ok(self.call(target, Vec::new(), false, start)),
                }
            }
            TokenKind::Alias(segment) => {
                self.bump();
                match lhs.kind {
                    ExprKind::Alias(mut parts) => {
                        parts.push(segment.clone());
                        Ok(Expr::new(ExprKind::Alias(parts), lhs.span.to(token.span)))
                    }
                    _ => Err(Self::unsupported(
                        "aliases built from an expression (expr.Alias)",
                        lhs.span.to(token.span),
                    )),
                }
            }
            TokenKind::Op("(") => {
                self.bump();
                let args = self.paren_args()?;
                let start = lhs.span;
                Ok(self.call(CallTarget::Anonymous(Box::new(lhs)), args, true, start))
            }
            // `Kernel.+(1, 2)`: an operator called by name.
            TokenKind::Op(op)
                if matches!(
                    *op,
                    "+" | "-"
                        | "*"
                        | "/"
                        | "=="
                        | "!="
                        | "==="
                        | "!=="
                        | "<"
                        | ">"
                        | "<="
                        | ">="
                        | "<>"
                        | "++"
                        | "--"
                ) && matches!(self.peek_nth(1), Some(t) if t.kind == TokenKind::Op("(")) =>
            {
                let name = op.to_string();
                self.bump();
                self.bump();
                let args = self.paren_args()?;
                let start = lhs.span;
                Ok(self.call(CallTarget::Remote(Box::new(lhs), name), args, true, start))
            }
            TokenKind::Str(_) => Err(Self::unsupported(
                "calls to quoted function names",
                token.span,
            )),
            _ => Err(self.error_here()),
        }
    }

    /// A call node spanning from `start` to the last consumed token.
    fn call(&self, target: CallTarget, args: Vec<Expr>, parens: bool, start: Span) -> Expr {
        let span = Span {
            start: start.start,
            end: self.last_end.max(start.end),
        };
        Expr::new(
            ExprKind::Call {
                target,
                args,
                parens,
            },
            span,
        )
    }

    /// After a function name: its arguments (with or without parentheses) and
    /// a trailing `do` block, or `None` when the name is not called.
    fn call_rest(&mut self, name: &Token, allow_do: bool) -> PResult<Option<(Vec<Expr>, bool)>> {
        let (mut args, parens) = if self.paren_follows(name) {
            self.bump();
            (self.paren_args()?, true)
        } else if starts_no_parens_argument(name, self.peek(), self.peek_nth(1)) {
            (self.no_parens_args()?, false)
        } else if allow_do && self.peek_kind() == Some(&TokenKind::Reserved("do")) {
            (Vec::new(), false)
        } else {
            return Ok(None);
        };
        if allow_do && self.peek_kind() == Some(&TokenKind::Reserved("do")) {
            args.push(self.do_block()?);
        }
        Ok(Some((args, parens)))
    }

    /// An identifier: a variable, or a local call.
    pub(super) fn identifier(&mut self, allow_do: bool) -> PResult<Expr> {
        let Some(
            token @ Token {
                kind: TokenKind::Ident(name),
                span,
            },
        ) = self.bump()
        else {
            return Err(self.error_here());
        };
        match self.call_rest(token, allow_do)? {
            Some((args, parens)) => {
                if let Some((_, what)) = UNSUPPORTED_CALLS.iter().find(|(n, _)| n == name) {
                    return Err(Self::unsupported(*what, *span));
                }
                Ok(self.call(CallTarget::Local(name.clone()), args, parens, *span))
            }
            None => Ok(Expr::new(ExprKind::Var(name.clone()), *span)),
        }
    }

    /// Arguments after `(` up to and including `)`; a trailing `key: value`
    /// list becomes the last argument.
    pub(super) fn paren_args(&mut self) -> PResult<Vec<Expr>> {
        let mut args = Vec::new();
        self.skip_newlines();
        if self.eat_op(")") {
            return Ok(args);
        }
        loop {
            if self.at_kw_key() {
                args.push(self.keyword_list(0, true, true, true)?);
                self.skip_newlines();
                self.expect_op(")")?;
                break;
            }
            args.push(self.expr(0, true)?);
            self.skip_newlines();
            if self.eat_op(",") {
                self.skip_newlines();
                continue;
            }
            self.expect_op(")")?;
            break;
        }
        Ok(args)
    }

    /// The arguments of a call without parentheses: to the end of the line
    /// (commas continue it), a trailing `key: value` list included.
    fn no_parens_args(&mut self) -> PResult<Vec<Expr>> {
        let mut args = Vec::new();
        loop {
            if self.at_kw_key() {
                args.push(self.keyword_list(0, false, false, true)?);
                break;
            }
            args.push(self.expr(0, false)?);
            if self.eat_op(",") {
                self.skip_newlines();
                continue;
            }
            break;
        }
        Ok(args)
    }
}

/// An integer literal's kind: `Int` when it fits in 64 bits.
pub(super) fn int_kind(n: BigInt) -> ExprKind {
    match n.to_i64() {
        Some(small) => ExprKind::Int(small),
        None => ExprKind::BigInt(n),
    }
}
