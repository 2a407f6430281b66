//! The clauses the Erlang compiler's pattern-match compiler (`v3_kernel`)
//! finds it can never select: "this clause cannot match because a previous
//! clause at line N always matches", for `{:ok, 1}` after `{:ok, v}`.
//!
//! The warning is a by-product of how `v3_kernel` builds its decision tree
//! (after Wadler's algorithm), not a general test of one pattern covering
//! another, so this module follows the same steps and reports what they meet:
//!
//! - The clauses are split into runs whose first pattern is a variable (a
//!   *variable run*) or a constructor (a *constructor run*), in order; the
//!   runs are compiled last to first, each getting the tree of the runs after
//!   it as its default.
//! - A constructor run groups its clauses by type and value (a tuple of one
//!   arity, one atom, one integer, a list cell, ...) and compiles each group's
//!   sub-patterns on its own, with no default: a clause of one run never
//!   shadows a clause of another through a constructor.
//! - A variable run drops its first column and goes on with the default it
//!   was given.
//! - When no column is left (a leaf), the first clause without a guard wins;
//!   the next clause that reached the same leaf, and the default (the first
//!   clause of the next constructor run), can never be selected: each is
//!   reported against the winning clause.
//!
//! A guard makes a clause conditional; so do a pinned variable (`^x`) and a
//! variable bound twice (`{x, x}`), which the compiler turns into guards. Map
//! and bitstring patterns are grouped by rules not reproduced here, so they
//! never shadow anything.

use super::sorted_map::SortedSet;

use crate::ast::{BinOp, Expr, ExprKind, UnOp};
use crate::diagnostic::Span;

/// One clause to check: its patterns (one per argument), whether a guard
/// makes it conditional, and its span.
pub struct ClauseShape<'a> {
    /// The patterns, defaults stripped.
    pub patterns: &'a [Expr],
    /// Whether it has a `when` guard.
    pub guarded: bool,
    /// The clause.
    pub span: Span,
}

/// The clauses that cannot be selected, each with the earlier clause that
/// always matches in its place, in the order found.
pub fn unreachable_clauses(clauses: &[ClauseShape<'_>]) -> Vec<(Span, Span)> {
    let mut rows = Vec::with_capacity(clauses.len());
    for c in clauses {
        let mut seen = SortedSet::default();
        let mut guarded = c.guarded;
        let mut pats = Vec::with_capacity(c.patterns.len());
        for p in c.patterns {
            pats.push(Pat::of(p, &mut seen, &mut guarded));
        }
        rows.push(Row {
            pats,
            guarded,
            span: c.span,
        });
    }
    let mut found = Vec::new();
    compile(rows, None, &mut found);
    let mut reported = SortedSet::default();
    found.retain(|(span, _): &(Span, Span)| reported.add(span.start));
    found
}

/// A pattern as `v3_kernel` sees it.
#[derive(Clone, Debug)]
enum Pat {
    /// Matches anything.
    Var,
    /// An atom, number or string.
    Literal(Literal),
    Tuple(Vec<Pat>),
    Cons(Box<Pat>, Box<Pat>),
    Nil,
    /// A pattern grouped by rules not modelled (maps, bitstrings, attributes):
    /// in a group of its own, of the type given.
    Apart(Type),
}

/// The value of a literal pattern.
#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Atom(String),
    Int(String),
    Float(u64),
    Binary(String),
}

/// The types `v3_kernel` selects on, in the order it lays them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Type {
    Binary,
    Cons,
    Tuple,
    Map,
    Atom,
    Float,
    Int,
    Nil,
}

impl Pat {
    /// The pattern `e`, noting the variables it binds in `seen` and setting
    /// `guarded` when it needs a guard (a pin, a variable bound twice).
    fn of(e: &Expr, seen: &mut SortedSet<String>, guarded: &mut bool) -> Pat {
        match &e.kind {
            ExprKind::Var(name) if name == "__MODULE__" => Pat::Apart(Type::Atom),
            ExprKind::Var(name) => {
                if name != "_" && !seen.add(name.clone()) {
                    *guarded = true;
                }
                Pat::Var
            }
            ExprKind::UnOp(UnOp::Pin, _) => {
                *guarded = true;
                Pat::Var
            }
            ExprKind::Atom(a) => Pat::Literal(Literal::Atom(a.clone())),
            ExprKind::Alias(parts) => {
                Pat::Literal(Literal::Atom(super::alias_atom(parts).name().to_string()))
            }
            ExprKind::Int(i) => Pat::Literal(Literal::Int(i.to_string())),
            ExprKind::BigInt(i) => Pat::Literal(Literal::Int(i.to_string())),
            ExprKind::Float(f) => Pat::Literal(Literal::Float(f.to_bits())),
            ExprKind::UnOp(UnOp::Neg, inner) => match &inner.kind {
                ExprKind::Int(i) => Pat::Literal(Literal::Int((-(*i as i128)).to_string())),
                ExprKind::BigInt(i) => Pat::Literal(Literal::Int(format!("-{i}"))),
                ExprKind::Float(f) => Pat::Literal(Literal::Float((-f).to_bits())),
                _ => Pat::Apart(Type::Int),
            },
            ExprKind::Str(s) => Pat::Literal(Literal::Binary(s.clone())),
            ExprKind::Charlist(s) => s.chars().rev().fold(Pat::Nil, |tail, c| {
                Pat::Cons(
                    Box::new(Pat::Literal(Literal::Int((c as u32).to_string()))),
                    Box::new(tail),
                )
            }),
            ExprKind::Tuple(items) => {
                let mut pats = Vec::with_capacity(items.len());
                for i in items {
                    pats.push(Pat::of(i, seen, guarded));
                }
                Pat::Tuple(pats)
            }
            ExprKind::List(items, tail) => {
                let end = match tail {
                    Some(t) => Pat::of(t, seen, guarded),
                    None => Pat::Nil,
                };
                let mut heads = Vec::with_capacity(items.len());
                for i in items {
                    heads.push(Pat::of(i, seen, guarded));
                }
                let mut list = end;
                while let Some(head) = heads.pop() {
                    list = Pat::Cons(Box::new(head), Box::new(list));
                }
                list
            }
            ExprKind::BinOp(BinOp::Match, a, b) => {
                match (Pat::of(a, seen, guarded), Pat::of(b, seen, guarded)) {
                    (Pat::Var, p) | (p, Pat::Var) => p,
                    _ => Pat::Apart(Type::Tuple),
                }
            }
            ExprKind::Map { .. } => Pat::Apart(Type::Map),
            _ => Pat::Apart(Type::Binary),
        }
    }

    fn is_var(&self) -> bool {
        matches!(self, Pat::Var)
    }

    fn constructor_type(&self) -> Type {
        match self {
            Pat::Literal(Literal::Atom(_)) => Type::Atom,
            Pat::Literal(Literal::Int(_)) => Type::Int,
            Pat::Literal(Literal::Float(_)) => Type::Float,
            Pat::Literal(Literal::Binary(_)) => Type::Binary,
            Pat::Tuple(_) => Type::Tuple,
            Pat::Cons(..) => Type::Cons,
            Pat::Nil => Type::Nil,
            Pat::Apart(t) => *t,
            Pat::Var => Type::Binary,
        }
    }

    /// Whether two constructors of one type fall in the same group: one
    /// tuple arity, the one list cell, the same literal.
    fn same_group(&self, other: &Pat) -> bool {
        match (self, other) {
            (Pat::Tuple(a), Pat::Tuple(b)) => a.len() == b.len(),
            (Pat::Cons(..), Pat::Cons(..)) | (Pat::Nil, Pat::Nil) => true,
            (Pat::Literal(a), Pat::Literal(b)) => a == b,
            _ => false,
        }
    }

    /// The sub-patterns a group matches next.
    fn expand(self) -> Vec<Pat> {
        match self {
            Pat::Tuple(items) => items,
            Pat::Cons(head, tail) => vec![*head, *tail],
            _ => Vec::new(),
        }
    }
}

/// A clause on its way through the match compiler: the columns left.
struct Row {
    pats: Vec<Pat>,
    guarded: bool,
    span: Span,
}

/// Compiles `rows` with `default` (the first clause of what follows, or none
/// for a failure) and returns the span whose line the resulting tree carries.
fn compile(rows: Vec<Row>, default: Option<Span>, found: &mut Vec<(Span, Span)>) -> Option<Span> {
    if rows.first().is_none_or(|r| r.pats.is_empty()) {
        return leaf(&rows, default, found);
    }
    let mut runs: Vec<Vec<Row>> = Vec::new();
    for row in rows {
        let var = row.pats[0].is_var();
        match runs.last_mut() {
            Some(run) if run[0].pats[0].is_var() == var => run.push(row),
            _ => runs.push(vec![row]),
        }
    }
    let mut next = default;
    for run in runs.into_iter().rev() {
        next = if run[0].pats[0].is_var() {
            let rows = run
                .into_iter()
                .map(|mut r| {
                    r.pats.remove(0);
                    r
                })
                .collect();
            compile(rows, next, found)
        } else {
            constructors(run, found)
        };
    }
    next
}

/// A constructor run: each group of one type and value is compiled on its
/// own, with no default. The tree carries the line of the first clause of
/// the first group, in `v3_kernel`'s order of types.
fn constructors(run: Vec<Row>, found: &mut Vec<(Span, Span)>) -> Option<Span> {
    let mut groups: Vec<(Type, Pat, Vec<Row>)> = Vec::new();
    for mut row in run {
        let first = row.pats.remove(0);
        let ty = first.constructor_type();
        let group = groups
            .iter_mut()
            .find(|(t, key, _)| *t == ty && key.same_group(&first));
        let key = first.clone();
        let mut pats = first.expand();
        pats.append(&mut row.pats);
        row.pats = pats;
        match group {
            Some((_, _, rows)) => rows.push(row),
            None => groups.push((ty, key, vec![row])),
        }
    }
    // Stable: within a type, groups stay in the order of their first clause.
    // An insertion sort: there are few groups, and a library sort costs
    // kilobytes of code per element type in the browser download.
    for i in 1..groups.len() {
        let mut j = i;
        while j > 0 && groups[j - 1].0 > groups[j].0 {
            groups.swap(j - 1, j);
            j -= 1;
        }
    }
    let line = groups.first().map(|(_, _, rows)| rows[0].span);
    for (_, _, rows) in groups {
        compile(rows, None, found);
    }
    line
}

/// No column left: the first clause without a guard is selected whenever
/// the clauses before it fail their guards; what comes after it cannot be.
fn leaf(rows: &[Row], default: Option<Span>, found: &mut Vec<(Span, Span)>) -> Option<Span> {
    for (i, row) in rows.iter().enumerate() {
        if !row.guarded {
            if let Some(next) = rows.get(i + 1) {
                found.push((next.span, row.span));
            }
            if let Some(next) = default {
                found.push((next, row.span));
            }
            return Some(row.span);
        }
    }
    rows.first().map(|r| r.span).or(default)
}
