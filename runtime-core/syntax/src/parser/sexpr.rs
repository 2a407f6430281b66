//! A compact S-expression rendering of the syntax tree, for snapshot tests and
//! debugging. Spans are left out.
//!
//! Notation: `(name args)` a local call; `(Mod.name args)` a remote call on an
//! alias, atom or variable and `(. expr name args)` on anything else;
//! `Mod.name` / `map.key` (no parentheses, no arguments) bare; `(f. args)` an
//! anonymous call; `(op lhs rhs)` operators; `[a b | t]` lists; `{a b}` tuples;
//! `%Name{base | k => v}` maps; `(-> (patterns) when guard body)` clauses;
//! `(block ...)`, `(clauses ...)` and `(fn ...)` put their children on
//! indented lines.

use std::fmt::Write;

use crate::ast::{BinOp, CallTarget, Clause, Expr, ExprKind, StrPart, UnOp};

/// Renders an expression as an S-expression.
pub fn sexpr(expr: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, expr, 0);
    out
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(indent));
}

fn write_all(out: &mut String, exprs: &[Expr], indent: usize) {
    for expr in exprs {
        out.push(' ');
        write_expr(out, expr, indent);
    }
}

fn write_expr(out: &mut String, expr: &Expr, indent: usize) {
    match &expr.kind {
        ExprKind::Int(n) => {
            let _ = write!(out, "{n}");
        }
        ExprKind::BigInt(n) => {
            let _ = write!(out, "{n}");
        }
        ExprKind::Float(f) => {
            let _ = write!(out, "{f:?}");
        }
        ExprKind::Atom(name) => write_atom(out, name),
        ExprKind::Str(text) => {
            let _ = write!(out, "{text:?}");
        }
        ExprKind::Interpolated(parts) => {
            out.push_str("(<<>>");
            for part in parts {
                out.push(' ');
                match part {
                    StrPart::Lit(text) => {
                        let _ = write!(out, "{text:?}");
                    }
                    StrPart::Expr(expr) => write_expr(out, expr, indent),
                }
            }
            out.push(')');
        }
        ExprKind::Charlist(text) => {
            let _ = write!(out, "'{}'", text.escape_debug());
        }
        ExprKind::Var(name) => out.push_str(name),
        ExprKind::Alias(parts) => out.push_str(&parts.join(".")),
        ExprKind::List(items, tail) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_expr(out, item, indent);
            }
            if let Some(tail) = tail {
                out.push_str(" | ");
                write_expr(out, tail, indent);
            }
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write_expr(out, item, indent);
            }
            out.push('}');
        }
        ExprKind::Map {
            struct_name,
            base,
            entries,
        } => {
            out.push('%');
            if let Some(name) = struct_name {
                write_expr(out, name, indent);
            }
            out.push('{');
            if let Some(base) = base {
                write_expr(out, base, indent);
                out.push_str(" |");
                if !entries.is_empty() {
                    out.push(' ');
                }
            }
            for (i, (key, value)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(out, key, indent);
                out.push_str(" => ");
                write_expr(out, value, indent);
            }
            out.push('}');
        }
        ExprKind::BinOp(op, lhs, rhs) => {
            let _ = write!(out, "({}", binop_symbol(*op));
            out.push(' ');
            write_expr(out, lhs, indent);
            out.push(' ');
            write_expr(out, rhs, indent);
            out.push(')');
        }
        ExprKind::UnOp(op, operand) => {
            let symbol = match op {
                UnOp::Neg => "-",
                UnOp::Pos => "+",
                UnOp::Not => "not",
                UnOp::Bang => "!",
                UnOp::Pin => "^",
            };
            let _ = write!(out, "({symbol} ");
            write_expr(out, operand, indent);
            out.push(')');
        }
        ExprKind::Call {
            target,
            args,
            parens,
        } => write_call(out, target, args, *parens, indent),
        ExprKind::Access(container, key) => {
            out.push_str("(access ");
            write_expr(out, container, indent);
            out.push(' ');
            write_expr(out, key, indent);
            out.push(')');
        }
        ExprKind::Fn(clauses) => {
            out.push_str("(fn");
            write_clauses(out, clauses, indent);
            out.push(')');
        }
        ExprKind::Capture(inner) => {
            out.push_str("(& ");
            write_expr(out, inner, indent);
            out.push(')');
        }
        ExprKind::CaptureArg(n) => {
            let _ = write!(out, "&{n}");
        }
        ExprKind::ModuleAttr(name, None) => {
            let _ = write!(out, "@{name}");
        }
        ExprKind::ModuleAttr(name, Some(value)) => {
            let _ = write!(out, "(@{name} ");
            write_expr(out, value, indent);
            out.push(')');
        }
        ExprKind::Block(exprs) => {
            out.push_str("(block");
            for expr in exprs {
                newline(out, indent + 1);
                write_expr(out, expr, indent + 1);
            }
            out.push(')');
        }
        ExprKind::Clauses(clauses) => {
            out.push_str("(clauses");
            write_clauses(out, clauses, indent);
            out.push(')');
        }
    }
}

fn write_call(out: &mut String, target: &CallTarget, args: &[Expr], parens: bool, indent: usize) {
    match target {
        CallTarget::Local(name) => {
            let _ = write!(out, "({name}");
        }
        CallTarget::Remote(receiver, name) => {
            let simple = matches!(
                receiver.kind,
                ExprKind::Alias(_) | ExprKind::Atom(_) | ExprKind::Var(_)
            );
            if args.is_empty() && !parens {
                if !simple {
                    out.push_str("(. ");
                    write_expr(out, receiver, indent);
                    let _ = write!(out, " {name})");
                    return;
                }
                write_expr(out, receiver, indent);
                let _ = write!(out, ".{name}");
                return;
            }
            if simple {
                out.push('(');
                write_expr(out, receiver, indent);
                let _ = write!(out, ".{name}");
            } else {
                out.push_str("(. ");
                write_expr(out, receiver, indent);
                let _ = write!(out, " {name}");
            }
        }
        CallTarget::Anonymous(fun) => {
            out.push('(');
            write_expr(out, fun, indent);
            out.push('.');
        }
    }
    write_all(out, args, indent);
    out.push(')');
}

fn write_clauses(out: &mut String, clauses: &[Clause], indent: usize) {
    for clause in clauses {
        newline(out, indent + 1);
        out.push_str("(-> (");
        for (i, pattern) in clause.patterns.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            write_expr(out, pattern, indent + 1);
        }
        out.push(')');
        if let Some(guard) = &clause.guard {
            out.push_str(" when ");
            write_expr(out, guard, indent + 1);
        }
        out.push(' ');
        write_expr(out, &clause.body, indent + 1);
        out.push(')');
    }
}

fn write_atom(out: &mut String, name: &str) {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '?' | '!' | '@'));
    if plain {
        let _ = write!(out, ":{name}");
    } else {
        let _ = write!(out, ":{name:?}");
    }
}

fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Pow => "**",
        BinOp::Eq => "==",
        BinOp::NotEq => "!=",
        BinOp::StrictEq => "===",
        BinOp::StrictNotEq => "!==",
        BinOp::Lt => "<",
        BinOp::LtEq => "<=",
        BinOp::Gt => ">",
        BinOp::GtEq => ">=",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::AndAlso => "&&",
        BinOp::OrElse => "||",
        BinOp::Concat => "<>",
        BinOp::ListConcat => "++",
        BinOp::ListSubtract => "--",
        BinOp::Range => "..",
        BinOp::Step => "//",
        BinOp::In => "in",
        BinOp::NotIn => "not in",
        BinOp::Pipe => "|>",
        BinOp::Match => "=",
        BinOp::LeftArrow => "<-",
        BinOp::When => "when",
        BinOp::Default => "\\\\",
        BinOp::Type => "::",
        BinOp::Pipe1 => "|",
    }
}
