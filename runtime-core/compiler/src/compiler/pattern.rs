//! Patterns: code that tests the value on top of the stack, binds variables, and
//! jumps to a failure label when it does not match.

use crate::ast::{BinOp, CallTarget, Expr, ExprKind, UnOp};
use crate::atom::Atom;
use crate::bytecode::Op;
use crate::diagnostic::{DiagnosticKind, Span};
use crate::value::Value;

use super::builder::LabelId;
use super::{err, unsupported, CResult, Compiler};

impl Compiler {
    /// Compiles a pattern that consumes the value on top of the stack.
    /// `bound` collects the variables bound so far in this pattern, so that a
    /// variable repeated within it (`{x, x}`) must match the same value.
    /// `first..last` or `first..last//step` as a pattern: a `%Range{}` whose
    /// fields match the parts.
    fn range_pattern(
        &mut self,
        first: &Expr,
        last: &Expr,
        step: Option<&Expr>,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        self.f().emit_jump(Op::MatchMap, fail);
        let mut parts = vec![
            ("__struct__", None),
            ("first", Some(first)),
            ("last", Some(last)),
        ];
        if let Some(step) = step {
            parts.push(("step", Some(step)));
        }
        for (key, sub) in parts {
            self.f().push_const(Value::atom(key));
            self.f().emit_jump(Op::MatchMapKey, fail);
            match sub {
                Some(p) => self.pattern(p, fail, bound)?,
                None => {
                    let i = self.f().constant(Value::atom("Elixir.Range"));
                    self.f().emit_jump(|l| Op::MatchConst(i, l), fail);
                }
            }
        }
        self.f().emit(Op::Pop);
        Ok(())
    }

    pub(super) fn pattern(
        &mut self,
        pat: &Expr,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        self.f().span = pat.span;
        if let Some(v) = self.literal(pat)? {
            let i = self.f().constant(v);
            self.f().emit_jump(|l| Op::MatchConst(i, l), fail);
            return Ok(());
        }
        match &pat.kind {
            ExprKind::Var(name) if name == "_" => {
                self.f().emit(Op::Pop);
            }
            ExprKind::Var(name) if name == "__MODULE__" => {
                let m = Value::Atom(self.current_module());
                let i = self.f().constant(m);
                self.f().emit_jump(|l| Op::MatchConst(i, l), fail);
            }
            ExprKind::Var(name) => {
                if bound.contains(name) {
                    let slot = self.f().lookup(name).unwrap_or(0);
                    self.f().emit_jump(|l| Op::MatchSlot(slot, l), fail);
                } else {
                    let before = self.f().lookup(name);
                    self.f().pre_match.push((name.clone(), before));
                    let slot = self.f().bind(name);
                    self.f().emit(Op::Store(slot));
                    bound.push(name.clone());
                }
            }
            ExprKind::UnOp(UnOp::Pin, inner) => match &inner.kind {
                ExprKind::Var(name) => {
                    let slot = self.pinned_slot(name, inner.span, bound)?;
                    self.f().emit_jump(|l| Op::MatchSlot(slot, l), fail);
                }
                _ => return unsupported("pinning anything but a variable", pat.span),
            },
            ExprKind::Tuple(items) => {
                self.f()
                    .emit_jump(|l| Op::MatchTuple(items.len() as u32, l), fail);
                for item in items {
                    self.pattern(item, fail, bound)?;
                }
            }
            ExprKind::List(items, tail) => {
                for item in items {
                    self.f().emit_jump(Op::MatchCons, fail);
                    self.pattern(item, fail, bound)?;
                }
                match tail {
                    Some(t) => self.pattern(t, fail, bound)?,
                    None => self.f().emit_jump(Op::MatchNil, fail),
                }
            }
            ExprKind::Map {
                struct_name,
                base: None,
                entries,
            } => {
                self.f().emit_jump(Op::MatchMap, fail);
                if let Some(name) = struct_name {
                    let module = self.struct_module(name)?;
                    if let Some(m) = module {
                        self.f().push_const(Value::Atom(Atom::STRUCT));
                        self.f().emit_jump(Op::MatchMapKey, fail);
                        let i = self.f().constant(Value::Atom(m));
                        self.f().emit_jump(|l| Op::MatchConst(i, l), fail);
                    } else {
                        // `%name{}` with a variable binds the struct's module.
                        self.f().push_const(Value::Atom(Atom::STRUCT));
                        self.f().emit_jump(Op::MatchMapKey, fail);
                        self.pattern(name, fail, bound)?;
                    }
                }
                for (k, v) in entries {
                    self.map_key_in_pattern(k, bound)?;
                    self.f().emit_jump(Op::MatchMapKey, fail);
                    self.pattern(v, fail, bound)?;
                }
                self.f().emit(Op::Pop);
            }
            ExprKind::BinOp(BinOp::Concat, prefix, rest) => {
                let text = match &prefix.kind {
                    ExprKind::Str(s) => s.clone(),
                    _ => {
                        return unsupported(
                            "a binary pattern whose left side is not a string literal",
                            prefix.span,
                        )
                    }
                };
                let i = self.f().constant(Value::string(&text));
                self.f().emit_jump(|l| Op::MatchPrefix(i, l), fail);
                self.pattern(rest, fail, bound)?;
            }
            ExprKind::BinOp(BinOp::Match, left, right) => {
                self.f().emit(Op::Dup);
                self.pattern(left, fail, bound)?;
                self.pattern(right, fail, bound)?;
            }
            ExprKind::BinOp(BinOp::Range, first, last) => {
                self.range_pattern(first, last, None, fail, bound)?;
            }
            ExprKind::BinOp(BinOp::Step, range, step)
                if matches!(range.kind, ExprKind::BinOp(BinOp::Range, _, _)) =>
            {
                if let ExprKind::BinOp(BinOp::Range, first, last) = &range.kind {
                    self.range_pattern(first, last, Some(step), fail, bound)?;
                }
            }
            ExprKind::ModuleAttr(name, None) => {
                let value = self.ctx.attrs.get(name).cloned();
                match value {
                    Some(v) => self.pattern(&v, fail, bound)?,
                    None => {
                        let i = self.f().constant(Value::NIL_ATOM);
                        self.f().emit_jump(|l| Op::MatchConst(i, l), fail);
                    }
                }
            }
            ExprKind::Interpolated(_) => {
                return unsupported("string interpolation in a pattern", pat.span)
            }
            ExprKind::Call {
                target: CallTarget::Local(name),
                ..
            } => {
                return err(
                    DiagnosticKind::CompileError,
                    format!("cannot invoke local {name} inside match"),
                    pat.span,
                )
            }
            ExprKind::Call { .. } => {
                return err(
                    DiagnosticKind::CompileError,
                    "cannot invoke remote function inside match",
                    pat.span,
                )
            }
            _ => return unsupported("this kind of pattern", pat.span),
        }
        Ok(())
    }

    /// The slot a pin `^name` reads: the variable as it was before the
    /// pattern, even when the pattern has bound it already (`{x, ^x}`).
    fn pinned_slot(&mut self, name: &str, span: Span, bound: &[String]) -> CResult<u32> {
        if !bound.iter().any(|b| b == name) {
            return self.var_slot(name, span);
        }
        let before = self.f().pre_match.iter().rev().find(|(n, _)| n == name);
        match before.and_then(|(_, slot)| *slot) {
            Some(slot) => Ok(slot),
            // Not bound in this function before the match: an enclosing
            // function's variable, captured, or none at all.
            None => self.outer_var_slot(name, span),
        }
    }

    /// Pushes a map key used in a pattern: a literal or a pinned variable.
    fn map_key_in_pattern(&mut self, k: &Expr, bound: &[String]) -> CResult<()> {
        if let Some(v) = self.literal(k)? {
            self.f().push_const(v);
            return Ok(());
        }
        match &k.kind {
            ExprKind::UnOp(UnOp::Pin, inner) => match &inner.kind {
                ExprKind::Var(name) => {
                    let slot = self.pinned_slot(name, inner.span, bound)?;
                    self.f().emit(Op::Load(slot));
                    Ok(())
                }
                _ => unsupported("this map key in a pattern", k.span),
            },
            _ => err(
                DiagnosticKind::CompileError,
                "cannot use variable as map key inside a pattern; pin it with ^",
                k.span,
            ),
        }
    }

    /// The module of `%Name{}`: `Some(atom)` for an alias or `__MODULE__`,
    /// `None` for a variable (which the pattern then binds).
    pub(super) fn struct_module(&mut self, name: &Expr) -> CResult<Option<Atom>> {
        match &name.kind {
            ExprKind::Alias(parts) => Ok(Some(self.resolve_alias(parts))),
            ExprKind::Var(v) if v == "__MODULE__" => Ok(Some(self.current_module())),
            ExprKind::Var(_) => Ok(None),
            _ => unsupported("this struct name", name.span),
        }
    }

    /// The value of an expression made only of literals (used for patterns and
    /// constants), or `None` when it has variables or calls.
    pub(super) fn literal(&mut self, e: &Expr) -> CResult<Option<Value>> {
        Ok(match &e.kind {
            ExprKind::Int(i) => Some(Value::Int(*i)),
            ExprKind::BigInt(b) => Some(Value::from_bigint(b.clone())),
            ExprKind::Float(f) => Some(Value::Float(*f)),
            ExprKind::Atom(a) => Some(Value::atom(a)),
            ExprKind::Str(s) => Some(Value::string(s)),
            ExprKind::Charlist(s) => {
                let mut codes = Vec::with_capacity(s.len());
                for c in s.chars() {
                    codes.push(Value::Int(c as i64));
                }
                Some(Value::list(codes))
            }
            ExprKind::Alias(parts) => Some(Value::Atom(self.resolve_alias(parts))),
            ExprKind::UnOp(UnOp::Neg, inner) => match &inner.kind {
                ExprKind::Int(i) => Some(Value::Int(-*i)),
                ExprKind::BigInt(b) => Some(Value::from_bigint(-b.clone())),
                ExprKind::Float(f) => Some(Value::Float(-*f)),
                _ => None,
            },
            ExprKind::Tuple(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    match self.literal(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Some(Value::tuple(out))
            }
            ExprKind::List(items, None) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    match self.literal(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Some(Value::list(out))
            }
            _ => None,
        })
    }
}
