//! The parser: tokens to the [`crate::ast`] tree, by recursive descent with
//! Elixir's operator precedence. Split by what each part reads: [`expr`]
//! (operators, calls, attributes), [`collections`] (lists, tuples, maps,
//! keyword lists, strings), [`clauses`] (`do` blocks, `fn`, `->` clauses).
//!
//! Shapes the compiler should expect, following Elixir's quoted form:
//! - A `do ... end` block is the call's last argument, a keyword list whose
//!   values are `Block`s (plain bodies, even of one expression) or `Clauses`.
//!   The values of `do:`, `else:`, `after:`, `rescue:`, `catch:` written as
//!   keyword arguments are wrapped in a `Block` too, so `if c, do: a` and
//!   `if c do a end` are the same tree. Keyword arguments before a `do` block
//!   stay a separate list: `for x <- xs, into: %{} do ... end` has the
//!   arguments `x <- xs`, `[into: %{}]`, `[do: ...]`, as in Elixir.
//! - A function head without arguments is a variable: `def run do` gives
//!   `def(Var("run"), [do: ...])`; with a guard it is `BinOp(When, head, guard)`.
//! - `&name/2` is `Capture(BinOp(Div, Var("name"), 2))`, `&Mod.f/2` has a
//!   `Remote` call without parentheses on the left, and `&+/2` names the
//!   operator as `Var("+")`.
//! - `-` directly before a number literal is folded into the literal.
//! - Sigils are calls: `~w(a b)a` is `sigil_w("a b", 'a')`.
//! - `a -1` (space before the minus, none after) calls `a` with `-1`, and
//!   `f [1]` calls `f` with a list, as Elixir reads them.

mod clauses;
mod collections;
mod expr;
mod sexpr;

pub use sexpr::sexpr;

use crate::ast::{Expr, ExprKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::lexer::{self, Token, TokenKind};

/// How deeply expressions may nest before parsing stops with an error. The
/// parser recurses a few frames per level and the browser gives WebAssembly a
/// 1 MiB stack; an optimised build stays well inside it at this depth (real
/// programs nest a few dozen levels at most).
pub const MAX_DEPTH: usize = 256;

/// Parses a whole source file into one `Block` of its top-level expressions.
pub fn parse(source: &str) -> Result<Expr, Diagnostic> {
    let tokens = lexer::lex(source)?;
    let end = source.len();
    let mut parser = Parser {
        src: source,
        tokens: &tokens,
        pos: 0,
        depth: 0,
        last_end: 0,
        end: Span::new(end, end),
    };
    let exprs = parser.statements(|_| false)?;
    if parser.peek().is_some() {
        return Err(parser.error_here());
    }
    Ok(Expr::new(ExprKind::Block(exprs), Span::new(0, end)))
}

type PResult<T> = Result<T, Diagnostic>;

/// A cursor over a token slice (the file's, or one interpolation's).
struct Parser<'t> {
    src: &'t str,
    tokens: &'t [Token],
    pos: usize,
    /// Current nesting, checked against [`MAX_DEPTH`].
    depth: usize,
    /// End of the last consumed token: where "expression is incomplete" points.
    last_end: u32,
    /// Where the token slice ends.
    end: Span,
}

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<&'t Token> {
        self.tokens.get(self.pos)
    }

    fn peek_nth(&self, n: usize) -> Option<&'t Token> {
        self.tokens.get(self.pos + n)
    }

    fn peek_kind(&self) -> Option<&'t TokenKind> {
        self.peek().map(|t| &t.kind)
    }

    fn bump(&mut self) -> Option<&'t Token> {
        let token = self.tokens.get(self.pos)?;
        self.pos += 1;
        // Errors at the end of the input point just after the last real token.
        if token.kind != TokenKind::Newline {
            self.last_end = token.span.end;
        }
        Some(token)
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek_kind(), Some(TokenKind::Op(o)) if *o == op)
    }

    fn at_kw_key(&self) -> bool {
        matches!(self.peek_kind(), Some(TokenKind::KwKey(_)))
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.at_op(op);
        if found {
            self.bump();
        }
        found
    }

    fn expect_op(&mut self, op: &str) -> PResult<Span> {
        match self.peek() {
            Some(token) if matches!(token.kind, TokenKind::Op(o) if o == op) => {
                self.bump();
                Ok(token.span)
            }
            _ => Err(self.error_here()),
        }
    }

    fn skip_newlines(&mut self) {
        while self.peek_kind() == Some(&TokenKind::Newline) {
            self.bump();
        }
    }

    fn skip_separators(&mut self) {
        while matches!(
            self.peek_kind(),
            Some(TokenKind::Newline | TokenKind::Op(";"))
        ) {
            self.bump();
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let span = self.peek().map_or(self.end, |t| t.span);
            return Err(Diagnostic::new(
                DiagnosticKind::SyntaxError,
                "expression nested too deeply",
                span,
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Expressions separated by newlines or `;`, up to a token `stop` accepts
    /// (not consumed) or the end of the tokens.
    fn statements(&mut self, stop: fn(&TokenKind) -> bool) -> PResult<Vec<Expr>> {
        let mut exprs = Vec::new();
        loop {
            self.skip_separators();
            match self.peek_kind() {
                None => break,
                Some(kind) if stop(kind) => break,
                Some(_) => {}
            }
            exprs.push(self.expr(0, true)?);
            match self.peek_kind() {
                None | Some(TokenKind::Newline | TokenKind::Op(";")) => {}
                Some(kind) if stop(kind) => break,
                Some(_) => return Err(self.error_here()),
            }
        }
        Ok(exprs)
    }

    /// The error for the current token: it cannot come next.
    fn error_here(&self) -> Diagnostic {
        let Some(token) = self.peek() else {
            return self.incomplete();
        };
        let text = self
            .src
            .get(token.span.start as usize..token.span.end as usize)
            .unwrap_or("");
        let message = match &token.kind {
            TokenKind::Unsupported(what) => {
                return Diagnostic::new(DiagnosticKind::Unsupported, what.clone(), token.span)
            }
            TokenKind::Int(_) | TokenKind::BigInt(_) | TokenKind::Float(_) => {
                format!("syntax error before: \"{text}\"")
            }
            TokenKind::Atom(name) | TokenKind::Ident(name) => {
                format!("syntax error before: {name}")
            }
            TokenKind::Alias(_) | TokenKind::KwKey(_) | TokenKind::Op(_) => {
                format!("syntax error before: '{text}'")
            }
            TokenKind::Reserved("end") => "unexpected reserved word: end".to_string(),
            TokenKind::Reserved(word @ ("do" | "fn")) => format!("syntax error before: {word}"),
            TokenKind::Reserved(word) => format!(
                "syntax error before: {word}. \"{word}\" is a reserved word in Elixir and \
                 therefore its usage is limited. For instance, it can't be used as a variable \
                 or be defined nor invoked as a regular function"
            ),
            TokenKind::Newline => "syntax error before: newline".to_string(),
            _ => format!("syntax error before: {text}"),
        };
        Diagnostic::new(DiagnosticKind::SyntaxError, message, token.span)
    }

    fn incomplete(&self) -> Diagnostic {
        let at = if self.tokens.is_empty() || self.last_end == 0 {
            self.end
        } else {
            Span {
                start: self.last_end,
                end: self.last_end,
            }
        };
        Diagnostic::new(
            DiagnosticKind::TokenMissingError,
            "syntax error: expression is incomplete",
            at,
        )
    }

    fn unsupported(what: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::new(DiagnosticKind::Unsupported, what, span)
    }
}

#[cfg(test)]
mod tests;
