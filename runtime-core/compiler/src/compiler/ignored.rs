//! The Erlang compiler's warnings about values computed and then thrown away:
//! an operator or a built-in whose result nothing uses (`x + 1` in the middle
//! of a block, "the result of evaluating operator '+'/2 is ignored"), or a
//! call that cannot fail and so does nothing at all (`self()`, `x == 1`, "...
//! has no effect").
//!
//! Elixir compiles a module's functions, and a script's own code, to Erlang,
//! whose optimiser (`sys_core_fold`) looks at every expression whose value is
//! dropped: one that is not the last of its block — and, from there, the last
//! expression of each branch of an `if`, `case`, `cond`, `receive` or `with`,
//! the right side of `&&`, `||`, `and`, `or`, the elements of a tuple, list
//! or map, and the arguments of a call it removes. The warnings print with
//! the module's other Erlang warnings, sorted by line; [`Rank`] is how they
//! sort within a line.

use crate::ast::{BinOp, CallTarget, Expr, ExprKind, UnOp};
use crate::diagnostic::Span;

use super::unused::is_literal;
use super::{keyword_get, keyword_pairs};

/// What kind of warning the Erlang compiler gives, in the order it sorts
/// them: by the compiler pass (`sys_core_fold` before `v3_kernel`), then by
/// the warning's own term (`eval_failure` < `no_effect` < `result_ignored`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// A call that will fail (a division by a known zero).
    EvalFailure,
    /// A call that cannot fail, whose result is dropped.
    NoEffect,
    /// An operator or a built-in that may fail, whose result is dropped.
    ResultIgnored,
    /// A clause that cannot match (reported by a later pass).
    Shadowed,
}

/// Where a warning sorts among the Erlang compiler's warnings of one line:
/// the compiler sorts `{Line, Module, Description}` terms, and a description
/// names the function (an atom, compared by its text) and its arity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank {
    /// The kind of warning.
    pub class: Class,
    /// The Erlang function, for the warnings that name one.
    pub function: String,
    /// Its arity.
    pub arity: usize,
}

impl Rank {
    /// The rank of a warning that names no function.
    pub fn of(class: Class) -> Rank {
        Rank {
            class,
            function: String::new(),
            arity: 0,
        }
    }
}

/// One warning about a dropped value.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    /// What the compiler says.
    pub message: String,
    /// The expression.
    pub span: Span,
    /// How it sorts within its line.
    pub rank: Rank,
}

/// The Erlang operators Elixir's arithmetic and list operators become.
fn erlang_operator(op: BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::ListConcat => "++",
        BinOp::ListSubtract => "--",
        _ => return None,
    })
}

/// The comparison operators (which cannot fail), as Elixir writes them.
fn comparison(op: BinOp) -> Option<&'static str> {
    Some(match op {
        BinOp::Eq => "==",
        BinOp::NotEq => "!=",
        BinOp::StrictEq => "===",
        BinOp::StrictNotEq => "!==",
        BinOp::Lt => "<",
        BinOp::LtEq => "<=",
        BinOp::Gt => ">",
        BinOp::GtEq => ">=",
        _ => return None,
    })
}

/// What a Kernel function that is an Erlang built-in is, for this check:
/// its Erlang name and whether it can fail. (The compiler folds none of
/// them, even on literals; `map_size/1` it never reports.)
fn builtin(name: &str, arity: usize) -> Option<(&'static str, Class)> {
    use Class::{NoEffect, ResultIgnored};
    Some(match (name, arity) {
        ("is_atom", 1) => ("is_atom", NoEffect),
        ("is_binary", 1) => ("is_binary", NoEffect),
        ("is_bitstring", 1) => ("is_bitstring", NoEffect),
        ("is_boolean", 1) => ("is_boolean", NoEffect),
        ("is_float", 1) => ("is_float", NoEffect),
        ("is_function", 1) => ("is_function", NoEffect),
        ("is_integer", 1) => ("is_integer", NoEffect),
        ("is_list", 1) => ("is_list", NoEffect),
        ("is_map", 1) => ("is_map", NoEffect),
        ("is_number", 1) => ("is_number", NoEffect),
        ("is_pid", 1) => ("is_pid", NoEffect),
        ("is_reference", 1) => ("is_reference", NoEffect),
        ("is_tuple", 1) => ("is_tuple", NoEffect),
        ("self", 0) => ("self", NoEffect),
        ("node", 0) => ("node", NoEffect),
        ("max", 2) => ("max", NoEffect),
        ("min", 2) => ("min", NoEffect),
        ("length", 1) => ("length", ResultIgnored),
        ("elem", 2) => ("element", ResultIgnored),
        ("abs", 1) => ("abs", ResultIgnored),
        ("hd", 1) => ("hd", ResultIgnored),
        ("tl", 1) => ("tl", ResultIgnored),
        ("tuple_size", 1) => ("tuple_size", ResultIgnored),
        ("byte_size", 1) => ("byte_size", ResultIgnored),
        ("trunc", 1) => ("trunc", ResultIgnored),
        ("round", 1) => ("round", ResultIgnored),
        ("div", 2) => ("div", ResultIgnored),
        ("rem", 2) => ("rem", ResultIgnored),
        _ => return None,
    })
}

fn operator_ignored(op: &str, arity: usize, span: Span) -> Ignored {
    Ignored {
        message: format!(
            "the result of evaluating operator '{op}'/{arity} is ignored (suppress the warning by \
             assigning the expression to the _ variable)"
        ),
        span,
        rank: Rank {
            class: Class::ResultIgnored,
            function: op.to_string(),
            arity,
        },
    }
}

/// The warnings for `e`, whose value is dropped, in the order the compiler
/// finds them (it visits an expression before the parts it evaluates).
pub fn dropped(e: &Expr, out: &mut Vec<Ignored>) {
    walk(e, false, out);
}

/// Whether the compiler computes `e` itself: an operator or a built-in on
/// literals. It does so only for a part of a dropped expression (an element
/// of a tuple, an operand of a comparison), which it has bound to a variable
/// first; a dropped expression of its own is reported before anything is
/// folded.
fn folded(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::BigInt(_) => true,
        ExprKind::UnOp(UnOp::Neg | UnOp::Pos | UnOp::Not, x) => is_literal(x),
        ExprKind::BinOp(op, l, r)
            if erlang_operator(*op).is_some() || comparison(*op).is_some() =>
        {
            is_literal(l) && is_literal(r)
        }
        // The length of a list written out is known whatever its elements.
        ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            ..
        } if name == "length"
            && matches!(
                args.as_slice(),
                [Expr {
                    kind: ExprKind::List(_, None),
                    ..
                }]
            ) =>
        {
            true
        }
        ExprKind::Call { args, .. } => !args.is_empty() && args.iter().all(is_literal),
        _ => false,
    }
}

/// `dropped`, for `e` that is a part of a dropped expression when `nested`.
fn walk(e: &Expr, nested: bool, out: &mut Vec<Ignored>) {
    if nested && folded(e) {
        return;
    }
    match &e.kind {
        ExprKind::Block(items) => {
            if let Some(last) = items.last() {
                dropped(last, out);
            }
        }
        // `-5` is the operator applied to 5, which the parser has folded.
        ExprKind::Int(n) if *n < 0 => out.push(operator_ignored("-", 1, e.span)),
        ExprKind::Float(f) if *f < 0.0 => out.push(operator_ignored("-", 1, e.span)),
        ExprKind::BigInt(n) if n.to_string().starts_with('-') => {
            out.push(operator_ignored("-", 1, e.span))
        }
        ExprKind::UnOp(UnOp::Neg, _) => out.push(operator_ignored("-", 1, e.span)),
        ExprKind::UnOp(UnOp::Pos, _) => out.push(operator_ignored("+", 1, e.span)),
        ExprKind::UnOp(UnOp::Not, _) => out.push(operator_ignored("not", 1, e.span)),
        ExprKind::BinOp(op, left, right) => {
            if let Some(name) = erlang_operator(*op) {
                out.push(operator_ignored(name, 2, e.span));
            } else if let Some(name) = comparison(*op) {
                let erlang = match *op {
                    BinOp::NotEq => "/=",
                    BinOp::StrictEq => "=:=",
                    BinOp::StrictNotEq => "=/=",
                    BinOp::LtEq => "=<",
                    _ => name,
                };
                out.push(Ignored {
                    message: format!("use of operator {name} has no effect"),
                    span: e.span,
                    rank: Rank {
                        class: Class::NoEffect,
                        function: erlang.to_string(),
                        arity: 2,
                    },
                });
                walk(left, true, out);
                walk(right, true, out);
            } else if matches!(op, BinOp::And | BinOp::Or | BinOp::AndAlso | BinOp::OrElse) {
                dropped(right, out);
            } else if *op == BinOp::Pipe {
                if let ExprKind::Call {
                    target,
                    args,
                    parens,
                } = &right.kind
                {
                    let mut args = args.clone();
                    args.insert(0, (**left).clone());
                    let call = ExprKind::Call {
                        target: target.clone(),
                        args,
                        parens: *parens,
                    };
                    walk(&Expr::new(call, right.span), nested, out);
                }
            }
        }
        ExprKind::Tuple(items) => items.iter().for_each(|i| walk(i, true, out)),
        ExprKind::List(items, tail) => {
            items.iter().for_each(|i| walk(i, true, out));
            if let Some(t) = tail {
                walk(t, true, out);
            }
        }
        ExprKind::Map {
            struct_name: None,
            base: None,
            entries,
        } => {
            for (k, v) in entries {
                walk(k, true, out);
                walk(v, true, out);
            }
        }
        ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            ..
        } => call(name, args, e.span, out),
        ExprKind::Call {
            target: CallTarget::Remote(on, name),
            args,
            ..
        } if is_kernel(on) && builtin(name, args.len()).is_some() => call(name, args, e.span, out),
        _ => {}
    }
}

/// Whether `on` is the alias `Kernel` (`Kernel.length(x)` is `length(x)`).
fn is_kernel(on: &Expr) -> bool {
    matches!(&on.kind, ExprKind::Alias(parts) if parts.len() == 1 && parts[0] == "Kernel")
}

/// A local call whose value is dropped: a special form's branches, or a
/// built-in.
fn call(name: &str, args: &[Expr], span: Span, out: &mut Vec<Ignored>) {
    let pairs = args.last().and_then(keyword_pairs);
    match (name, args, &pairs) {
        ("if" | "unless", [_, _], Some(pairs)) => {
            for key in ["do", "else"] {
                if let Some(body) = keyword_get(pairs, key) {
                    dropped(body, out);
                }
            }
        }
        ("case" | "cond" | "receive" | "with", [.., _], Some(pairs)) => {
            for (key, section) in pairs {
                match (*key, &section.kind) {
                    (_, ExprKind::Clauses(clauses)) => {
                        clauses.iter().for_each(|c| dropped(&c.body, out))
                    }
                    ("do", _) if name == "with" => dropped(section, out),
                    _ => {}
                }
            }
        }
        _ => {
            let Some((erlang, class)) = builtin(name, args.len()) else {
                return;
            };
            if matches!(erlang, "div" | "rem") {
                out.push(operator_ignored(erlang, 2, span));
                return;
            }
            let arity = args.len();
            let message = match class {
                Class::NoEffect => format!("the call to {erlang}/{arity} has no effect"),
                _ => format!(
                    "the result of calling {erlang}/{arity} is ignored (suppress the warning by \
                     assigning the expression to the _ variable)"
                ),
            };
            out.push(Ignored {
                message,
                span,
                rank: Rank {
                    class,
                    function: erlang.to_string(),
                    arity,
                },
            });
            if class == Class::NoEffect {
                args.iter().for_each(|a| walk(a, true, out));
            }
        }
    }
}
