//! The syntax tree the parser produces and the compiler consumes. Shaped like
//! Elixir's own quoted form: `def`, `if`, `case`, `receive`, `defmodule` ... are
//! ordinary calls whose trailing `do ... end` block arrives as a keyword list
//! (`[do: ..., else: ...]`), so `if c, do: a` and `if c do a end` parse the same.

use crate::bigint::BigInt;

use crate::diagnostic::Span;

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// One `pattern(s) [when guard] -> body` clause of `case`, `fn`, `receive`,
/// `cond`, `rescue`, `catch`, `with ... else`, `after`.
#[derive(Clone, Debug, PartialEq)]
pub struct Clause {
    /// The left-hand side: one pattern for `case`, several for `fn a, b ->` and
    /// `catch kind, value ->`, none for `fn -> ... end`.
    pub patterns: Vec<Expr>,
    /// The `when` guard, if any.
    pub guard: Option<Expr>,
    /// The right-hand side (a `Block` when it has several expressions).
    pub body: Expr,
    /// The whole clause.
    pub span: Span,
}

/// A part of an interpolated string.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    /// Literal text, escapes already processed.
    Lit(String),
    /// `#{expr}`.
    Expr(Expr),
}

/// Binary operators, named after what they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `**`
    Pow,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNotEq,
    /// `<`
    Lt,
    /// `<=`
    LtEq,
    /// `>`
    Gt,
    /// `>=`
    GtEq,
    /// `and`
    And,
    /// `or`
    Or,
    /// `&&`
    AndAlso,
    /// `||`
    OrElse,
    /// `<>`
    Concat,
    /// `++`
    ListConcat,
    /// `--`
    ListSubtract,
    /// `..`
    Range,
    /// `//` (only after a range: `1..10//2`)
    Step,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `|>`
    Pipe,
    /// `=`
    Match,
    /// `<-` (in `for` and `with`)
    LeftArrow,
    /// `when` (in function heads: `def f(x) when x > 0`)
    When,
    /// `\\` (default arguments)
    Default,
    /// `::` (type annotations; only parsed so it can be reported)
    Type,
    /// `|` outside lists and maps (only parsed so it can be reported)
    Pipe1,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `!x`
    Bang,
    /// `^x` (pin, in patterns)
    Pin,
}

/// Whom a call calls.
#[derive(Clone, Debug, PartialEq)]
pub enum CallTarget {
    /// `name(args)` or `name args`: a local function, a Kernel function, or a
    /// special form (`def`, `if`, `case`, ...).
    Local(String),
    /// `expr.name(args)`: `Mod.fun(args)`, `:erlang_mod.fun(args)`, and also
    /// `map.field` (no parens, no args) — the compiler tells them apart.
    Remote(Box<Expr>, String),
    /// `fun.(args)`.
    Anonymous(Box<Expr>),
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A larger integer.
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// `:name`, `:"quoted name"`, `true`, `false`, `nil`, and keyword keys.
    Atom(String),
    /// A string without interpolation.
    Str(String),
    /// A string with `#{...}` parts.
    Interpolated(Vec<StrPart>),
    /// A single-quoted charlist `'abc'` (without interpolation).
    Charlist(String),
    /// A variable (also `_` and `_name`), and `__MODULE__`.
    Var(String),
    /// An alias: `GenServer`, `Foo.Bar` (the parts, without `Elixir.`).
    Alias(Vec<String>),
    /// `[a, b]`, `[a | tail]`, `[key: v]` (keyword entries are 2-tuples with an atom key).
    List(Vec<Expr>, Option<Box<Expr>>),
    /// `{a, b}`.
    Tuple(Vec<Expr>),
    /// `%{k => v, k2: v2}`, `%{base | k: v}`, `%Name{k: v}`.
    Map {
        /// `%Name{...}`: the struct's alias (or `__MODULE__`).
        struct_name: Option<Box<Expr>>,
        /// `%{base | ...}`: the map being updated.
        base: Option<Box<Expr>>,
        /// Key/value pairs, in source order.
        entries: Vec<(Expr, Expr)>,
    },
    /// A binary operator.
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    /// A unary operator.
    UnOp(UnOp, Box<Expr>),
    /// A call. A trailing `do ... end` block is the last argument, as a keyword
    /// list whose values are `Block`s or `Clauses`.
    Call {
        /// The callee.
        target: CallTarget,
        /// Arguments, a trailing keyword list included.
        args: Vec<Expr>,
        /// Whether it was written with parentheses (`map.field` has none).
        parens: bool,
    },
    /// `expr[key]`.
    Access(Box<Expr>, Box<Expr>),
    /// `fn clauses end`.
    Fn(Vec<Clause>),
    /// `&expr`: `&Mod.fun/2`, `&fun/1`, `&(&1 + 1)`.
    Capture(Box<Expr>),
    /// `&1`, `&2` inside a capture.
    CaptureArg(u32),
    /// `@name value` (definition) or `@name` (read).
    ModuleAttr(String, Option<Box<Expr>>),
    /// A sequence of expressions (`do ... end` bodies, `(a; b)`).
    Block(Vec<Expr>),
    /// The `->` clauses of a `do` block section (`case`, `receive`, `cond`, ...).
    Clauses(Vec<Clause>),
}

impl Expr {
    /// An expression from its kind and span.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Calls `f` on each expression directly inside this one, in source
    /// order (a clause's patterns, then its guard, then its body), so that
    /// analyses need only spell out the kinds they treat specially.
    pub fn for_each_child<'a>(&'a self, mut f: impl FnMut(&'a Expr)) {
        match &self.kind {
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Charlist(_)
            | ExprKind::Var(_)
            | ExprKind::Alias(_)
            | ExprKind::CaptureArg(_) => {}
            ExprKind::Interpolated(parts) => {
                for part in parts {
                    if let StrPart::Expr(x) = part {
                        f(x);
                    }
                }
            }
            ExprKind::List(items, tail) => {
                items.iter().for_each(&mut f);
                if let Some(t) = tail {
                    f(t);
                }
            }
            ExprKind::Tuple(items) | ExprKind::Block(items) => items.iter().for_each(f),
            ExprKind::Map {
                struct_name,
                base,
                entries,
            } => {
                for x in struct_name.iter().chain(base) {
                    f(x);
                }
                for (k, v) in entries {
                    f(k);
                    f(v);
                }
            }
            ExprKind::BinOp(_, l, r) | ExprKind::Access(l, r) => {
                f(l);
                f(r);
            }
            ExprKind::UnOp(_, x) | ExprKind::Capture(x) => f(x),
            ExprKind::Call { target, args, .. } => {
                match target {
                    CallTarget::Remote(on, _) => f(on),
                    CallTarget::Anonymous(fun) => f(fun),
                    CallTarget::Local(_) => {}
                }
                args.iter().for_each(f);
            }
            ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
                for c in clauses {
                    c.patterns.iter().for_each(&mut f);
                    if let Some(g) = &c.guard {
                        f(g);
                    }
                    f(&c.body);
                }
            }
            ExprKind::ModuleAttr(_, value) => {
                if let Some(v) = value {
                    f(v);
                }
            }
        }
    }
}
