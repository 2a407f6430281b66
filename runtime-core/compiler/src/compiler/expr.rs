//! Expressions: values, operators, calls and the special forms (`if`, `case`,
//! `cond`, `receive`, `try`, `with`, `for`, `fn`, `&`).

use crate::ast::{BinOp, CallTarget, Clause, Expr, ExprKind, StrPart, UnOp};
use crate::atom::Atom;
use crate::bytecode::{BinaryOp, FailKind, Op, UnaryOp};
use crate::diagnostic::{DiagnosticKind, Span};
use crate::value::{Closure, Value};

use super::builder::{FnBuilder, LabelId};
use super::{err, keyword_get, keyword_pairs, unsupported, CResult, Compiler};

fn kernel() -> Atom {
    Atom::intern("Elixir.Kernel")
}

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr::new(kind, span)
}

fn var(name: &str, span: Span) -> Expr {
    mk(ExprKind::Var(name.to_string()), span)
}

fn remote(module: &str, fun: &str, args: Vec<Expr>, span: Span) -> Expr {
    mk(
        ExprKind::Call {
            target: CallTarget::Remote(
                Box::new(mk(
                    ExprKind::Alias(module.split('.').map(String::from).collect()),
                    span,
                )),
                fun.to_string(),
            ),
            args,
            parens: true,
        },
        span,
    )
}

fn clause(patterns: Vec<Expr>, guard: Option<Expr>, body: Expr, span: Span) -> Clause {
    Clause {
        patterns,
        guard,
        body,
        span,
    }
}

fn case_expr(subject: Expr, clauses: Vec<Clause>, span: Span) -> Expr {
    mk(
        ExprKind::Call {
            target: CallTarget::Local("case".into()),
            args: vec![
                subject,
                mk(
                    ExprKind::List(
                        vec![mk(
                            ExprKind::Tuple(vec![
                                mk(ExprKind::Atom("do".into()), span),
                                mk(ExprKind::Clauses(clauses), span),
                            ]),
                            span,
                        )],
                        None,
                    ),
                    span,
                ),
            ],
            parens: false,
        },
        span,
    )
}

/// Whether a guard can be evaluated without any risk of raising (so it needs no
/// exception handler around it).
fn guard_is_safe(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Str(_)
        | ExprKind::Var(_) => true,
        ExprKind::BinOp(
            BinOp::Eq
            | BinOp::NotEq
            | BinOp::StrictEq
            | BinOp::StrictNotEq
            | BinOp::Lt
            | BinOp::LtEq
            | BinOp::Gt
            | BinOp::GtEq,
            a,
            b,
        ) => guard_is_safe(a) && guard_is_safe(b),
        ExprKind::BinOp(BinOp::And | BinOp::Or, a, b) => guard_is_boolean(a) && guard_is_boolean(b),
        ExprKind::UnOp(UnOp::Not, a) => guard_is_boolean(a),
        ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            ..
        } => {
            // `self()` cannot fail (`pid when pid == self()` in `GenServer.call/3`).
            (name.starts_with("is_") && args.iter().all(guard_is_safe))
                || (name == "self" && args.is_empty())
        }
        _ => false,
    }
}

fn guard_is_boolean(e: &Expr) -> bool {
    guard_is_safe(e)
        && matches!(
            &e.kind,
            ExprKind::BinOp(_, _, _) | ExprKind::UnOp(UnOp::Not, _) | ExprKind::Call { .. }
        )
}

impl Compiler {
    /// The slot of a variable, capturing it from enclosing functions if needed.
    pub(super) fn var_slot(&mut self, name: &str, span: Span) -> CResult<u32> {
        self.var_slot_from(name, span, self.fns.len())
    }

    /// The slot of an enclosing function's variable `name`, captured into
    /// this function, skipping this function's own variables (a pin of a
    /// name its own pattern has just bound). The capture is not bound to the
    /// name here, where the name means the new variable.
    pub(super) fn outer_var_slot(&mut self, name: &str, span: Span) -> CResult<u32> {
        let n = self.fns.len();
        self.var_slot_from(name, span, n.saturating_sub(1))
    }

    /// `var_slot`, looking for the variable in the functions below `upto`.
    fn var_slot_from(&mut self, name: &str, span: Span, upto: usize) -> CResult<u32> {
        let n = self.fns.len();
        let mut found = None;
        for k in (0..upto).rev() {
            if let Some(slot) = self.fns[k].lookup(name) {
                found = Some((k, slot));
                break;
            }
        }
        let Some((k, mut slot)) = found else {
            return Err(self.undefined_function(name, 0, span));
        };
        for j in k + 1..n {
            let own = self.fns[j].capture_slot();
            self.fns[j].captures.push((slot, own));
            if j < upto {
                self.fns[j].bind_root(name, own);
            }
            slot = own;
        }
        Ok(slot)
    }

    fn undefined_function(&self, name: &str, arity: usize, span: Span) -> crate::Diagnostic {
        let message = match self.ctx.module {
            Some(m) => format!(
                "undefined function {name}/{arity} (expected {} to define such a function or for it to be imported, but none are available)",
                m.name().trim_start_matches("Elixir.")
            ),
            None => format!("undefined function {name}/{arity} (there is no such import)"),
        };
        crate::Diagnostic::new(DiagnosticKind::CompileError, message, span)
    }

    /// Compiles an expression whose value is discarded.
    pub(super) fn statement(&mut self, e: &Expr) -> CResult<()> {
        self.expr(e)?;
        if !self.f().fold_dup_store() {
            self.f().emit(Op::Pop);
        }
        Ok(())
    }

    /// Compiles an expression that pushes its value.
    pub(super) fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.compile(e, false)
    }

    /// Compiles an expression in tail position: every path returns.
    pub(super) fn tail(&mut self, e: &Expr) -> CResult<()> {
        self.compile(e, true)
    }

    fn ret_if(&mut self, tail: bool) {
        if tail {
            self.f().emit(Op::Return);
        }
    }

    fn compile(&mut self, e: &Expr, tail: bool) -> CResult<()> {
        self.f().span = e.span;
        if let Some(v) = self.literal(e)? {
            self.f().push_const(v);
            self.ret_if(tail);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Block(items) => return self.block(items, tail),
            ExprKind::Call {
                target,
                args,
                parens,
            } => return self.call(target, args, *parens, e.span, tail),
            ExprKind::BinOp(BinOp::Pipe, lhs, rhs) => {
                let call = pipe_into(lhs, rhs)?;
                return self.compile(&call, tail);
            }
            _ => {}
        }
        match &e.kind {
            ExprKind::Var(name) => self.variable(name, e.span)?,
            ExprKind::Interpolated(parts) => {
                for part in parts {
                    match part {
                        StrPart::Lit(s) => self.f().push_const(Value::string(s)),
                        StrPart::Expr(x) => self.expr(x)?,
                    }
                }
                self.f().emit(Op::Interpolate(parts.len() as u32));
            }
            ExprKind::List(items, tail_expr) => {
                for item in items {
                    self.expr(item)?;
                }
                match tail_expr {
                    Some(t) => self.expr(t)?,
                    None => self.f().push_const(Value::Nil),
                }
                self.f().emit(Op::MakeList(items.len() as u32));
            }
            ExprKind::Tuple(items) => {
                for item in items {
                    self.expr(item)?;
                }
                self.f().emit(Op::MakeTuple(items.len() as u32));
            }
            ExprKind::Map {
                struct_name,
                base,
                entries,
            } => self.map(struct_name.as_deref(), base.as_deref(), entries, e.span)?,
            ExprKind::BinOp(op, l, r) => self.binop(*op, l, r, e.span)?,
            ExprKind::UnOp(op, x) => self.unop(*op, x, e.span)?,
            ExprKind::Access(c, k) => {
                self.expr(c)?;
                self.expr(k)?;
                self.f().emit(Op::Access);
            }
            ExprKind::Fn(clauses) => self.lambda(clauses, e.span)?,
            ExprKind::Capture(inner) => self.capture(inner, e.span)?,
            ExprKind::CaptureArg(_) => {
                return err(
                    DiagnosticKind::CompileError,
                    "capture argument &N must be used within the capture operator &",
                    e.span,
                )
            }
            ExprKind::ModuleAttr(name, None) => {
                let value = self.ctx.attrs.get(name).cloned();
                match value {
                    Some(v) => self.expr(&v)?,
                    None => self.f().emit(Op::Nil),
                }
            }
            ExprKind::ModuleAttr(_, Some(_)) => {
                return unsupported("setting a module attribute inside a function", e.span)
            }
            ExprKind::Clauses(_) => {
                return err(
                    DiagnosticKind::SyntaxError,
                    "unexpected operator ->",
                    e.span,
                )
            }
            _ => return unsupported("this expression", e.span),
        }
        self.ret_if(tail);
        Ok(())
    }

    fn variable(&mut self, name: &str, span: Span) -> CResult<()> {
        if name == "__MODULE__" {
            let m = Value::Atom(self.current_module());
            self.f().push_const(m);
            return Ok(());
        }
        if name == "_" {
            return err(
                DiagnosticKind::CompileError,
                "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions",
                span,
            );
        }
        let visible = self.fns.iter().rev().any(|f| f.lookup(name).is_some());
        if !visible {
            // `name` with no binding is a zero-arity call written without
            // parens (`self`, a local function), as Elixir 1.14 still allows
            // with a warning; or an undefined function, reported as `name()` is.
            let call = Expr::new(
                ExprKind::Call {
                    target: CallTarget::Local(name.to_string()),
                    args: Vec::new(),
                    parens: true,
                },
                span,
            );
            // Elixir expands it to `name()` with a warning and reports it
            // missing only afterwards.
            return self.expr(&call).map_err(|mut d| {
                d.while_expanding = false;
                d
            });
        }
        let slot = self.var_slot(name, span)?;
        self.f().emit(Op::Load(slot));
        Ok(())
    }

    fn module_defines(&self, module: Atom, name: &str, arity: u32) -> bool {
        self.sigs
            .get(&module.index())
            .is_some_and(|s| s.defs.contains_key(&(name.to_string(), arity)))
    }

    fn block(&mut self, items: &[Expr], tail: bool) -> CResult<()> {
        if items.is_empty() {
            self.f().emit(Op::Nil);
            self.ret_if(tail);
            return Ok(());
        }
        for (i, item) in items.iter().enumerate() {
            if i + 1 == items.len() {
                self.compile(item, tail)?;
            } else {
                self.statement(item)?;
            }
        }
        Ok(())
    }

    /// Compiles a clause body in a scope of its own.
    fn scoped(&mut self, e: &Expr, tail: bool) -> CResult<()> {
        self.f().push_scope();
        let r = self.compile(e, tail);
        self.f().pop_scope();
        r
    }

    /// Compiles a guard: falls through when it is `true`, jumps to `fail`
    /// otherwise, including when it raises.
    pub(super) fn guard(&mut self, g: &Expr, fail: LabelId) -> CResult<()> {
        // `when a when b`: either guard may pass; an error in `a` only fails `a`.
        if let ExprKind::BinOp(BinOp::When, a, b) = &g.kind {
            let next = self.f().new_label();
            let ok = self.f().new_label();
            self.guard(a, next)?;
            self.f().emit_jump(Op::Jump, ok);
            self.f().place(next);
            self.guard(b, fail)?;
            self.f().place(ok);
            return Ok(());
        }
        let safe = guard_is_safe(g);
        let depth = self.f().depth;
        let handler = self.f().new_label();
        if !safe {
            self.f().emit_jump(Op::Try, handler);
        }
        self.expr(g)?;
        if !safe {
            self.f().emit(Op::EndTry);
        }
        let t = self.f().constant(Value::TRUE);
        self.f().emit_jump(|l| Op::MatchConst(t, l), fail);
        if !safe {
            let ok = self.f().new_label();
            self.f().emit_jump(Op::Jump, ok);
            self.f().place(handler);
            self.f().emit_jump(Op::Jump, fail);
            self.f().place(ok);
        }
        self.f().depth = depth;
        Ok(())
    }

    // ---- operators -----------------------------------------------------------

    fn binop(&mut self, op: BinOp, l: &Expr, r: &Expr, span: Span) -> CResult<()> {
        let simple = match op {
            BinOp::Add => Some(BinaryOp::Add),
            BinOp::Sub => Some(BinaryOp::Sub),
            BinOp::Mul => Some(BinaryOp::Mul),
            BinOp::Div => Some(BinaryOp::Div),
            BinOp::Eq => Some(BinaryOp::Eq),
            BinOp::NotEq => Some(BinaryOp::NotEq),
            BinOp::StrictEq => Some(BinaryOp::StrictEq),
            BinOp::StrictNotEq => Some(BinaryOp::StrictNotEq),
            BinOp::Lt => Some(BinaryOp::Lt),
            BinOp::LtEq => Some(BinaryOp::LtEq),
            BinOp::Gt => Some(BinaryOp::Gt),
            BinOp::GtEq => Some(BinaryOp::GtEq),
            BinOp::Concat => Some(BinaryOp::Concat),
            BinOp::ListConcat => Some(BinaryOp::ListConcat),
            BinOp::ListSubtract => Some(BinaryOp::ListSubtract),
            BinOp::Range => Some(BinaryOp::Range),
            BinOp::In => Some(BinaryOp::In),
            _ => None,
        };
        if let Some(b) = simple {
            if b == BinaryOp::Div {
                self.warn_if_zero(l, r, "//2", span);
            }
            self.expr(l)?;
            self.expr(r)?;
            if inline_arithmetic(b, l, r) {
                self.f().emit(Op::BinaryInline(b));
            } else {
                self.f().emit(Op::Binary(b));
            }
            return Ok(());
        }
        match op {
            BinOp::NotIn => {
                self.expr(l)?;
                self.expr(r)?;
                self.f().emit(Op::Binary(BinaryOp::In));
                self.f().emit(Op::Unary(UnaryOp::Not));
            }
            BinOp::Pow => self.kernel_call("**", &[l, r], span)?,
            BinOp::Step => match &l.kind {
                ExprKind::BinOp(BinOp::Range, first, last) => {
                    self.expr(first)?;
                    self.expr(last)?;
                    self.expr(r)?;
                    let imp = self
                        .f()
                        .import(Atom::intern("Elixir.Range"), Atom::intern("new"), 3);
                    self.f().emit(Op::Call(imp, 3));
                }
                _ => return unsupported("`//` outside a range", span),
            },
            BinOp::Match => {
                let constant = self.constant_of(r);
                self.expr(r)?;
                self.f().emit(Op::Dup);
                let fail = self.f().new_label();
                let ok = self.f().new_label();
                let depth = self.f().depth;
                let mut bound = Vec::new();
                self.pattern(l, fail, &mut bound)?;
                // A pattern that cannot fail (a variable) needs no failure path.
                if self.f().is_referenced(fail) {
                    self.f().emit_jump(Op::Jump, ok);
                    self.f().place(fail);
                    self.f().depth = depth;
                    self.f().emit(Op::Truncate(depth - 1));
                    self.f().emit(Op::Fail(FailKind::Match));
                }
                self.f().place(ok);
                self.f().depth = depth - 1;
                if let (ExprKind::Var(name), Some(v)) = (&l.kind, constant) {
                    if let Some(slot) = self.f().lookup(name) {
                        self.f().known.insert(slot, v);
                    }
                }
            }
            BinOp::And | BinOp::Or | BinOp::AndAlso | BinOp::OrElse => {
                self.expr(l)?;
                if matches!(op, BinOp::And | BinOp::Or) {
                    let which = if op == BinOp::And { "and" } else { "or" };
                    let i = self.f().constant(Value::atom(which));
                    self.f().emit(Op::CheckBool(i));
                }
                let end = self.f().new_label();
                self.f().emit(Op::Dup);
                if matches!(op, BinOp::And | BinOp::AndAlso) {
                    self.f().emit_jump(Op::JumpIfFalsy, end);
                } else {
                    self.f().emit_jump(Op::JumpIfTruthy, end);
                }
                self.f().emit(Op::Pop);
                self.expr(r)?;
                self.f().place(end);
            }
            BinOp::LeftArrow => {
                return err(
                    DiagnosticKind::CompileError,
                    "undefined function <-/2 (there is no such import)",
                    span,
                )
            }
            BinOp::When => {
                return err(
                    DiagnosticKind::CompileError,
                    "undefined function when/2 (there is no such import)",
                    span,
                )
            }
            BinOp::Default => {
                return err(
                    DiagnosticKind::CompileError,
                    "default arguments (\\\\) are only allowed in function heads",
                    span,
                )
            }
            BinOp::Type | BinOp::Pipe1 => return unsupported("this operator here", span),
            _ => return unsupported("this operator", span),
        }
        Ok(())
    }

    /// The value of an expression the compiler can evaluate: a literal, a
    /// variable bound to one, or `length/1` of a literal list.
    fn constant_of(&mut self, e: &Expr) -> Option<Value> {
        if let Ok(Some(v)) = self.literal(e) {
            return Some(v);
        }
        match &e.kind {
            ExprKind::Var(name) => {
                let slot = self.f().lookup(name)?;
                self.f().known.get(&slot).cloned()
            }
            ExprKind::Call {
                target: CallTarget::Local(name),
                args,
                ..
            } if name == "length" && args.len() == 1 => match self.constant_of(&args[0])? {
                v @ (Value::Nil | Value::Cons(_)) => {
                    v.list_to_vec().map(|items| Value::Int(items.len() as i64))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Elixir's compiler warns about a division whose divisor is a known zero,
    /// when the dividend is known too: the Erlang compiler evaluates the call
    /// and sees it fail.
    fn warn_if_zero(&mut self, dividend: &Expr, divisor: &Expr, call: &str, span: Span) {
        if !self.in_main_file
            || !matches!(
                self.constant_of(dividend),
                Some(Value::Int(_) | Value::Float(_))
            )
        {
            return;
        }
        let zero = matches!(self.constant_of(divisor), Some(Value::Int(0)))
            || matches!(self.constant_of(divisor), Some(Value::Float(f)) if f == 0.0);
        // A literal zero is reported by Elixir with another wording; only the
        // case a constant reaches through a variable is known to read this way.
        if zero && !matches!(divisor.kind, ExprKind::Int(_) | ExprKind::Float(_)) {
            self.program.warnings.push((
                format!("the call to {call} will fail with ArithmeticError"),
                Some(span),
            ));
        }
    }

    fn unop(&mut self, op: UnOp, x: &Expr, span: Span) -> CResult<()> {
        match op {
            UnOp::Neg => {
                self.expr(x)?;
                self.f().emit(Op::Unary(UnaryOp::Neg));
            }
            UnOp::Pos => {
                self.expr(x)?;
                self.f().emit(Op::Unary(UnaryOp::Pos));
            }
            UnOp::Not => {
                self.expr(x)?;
                self.f().emit(Op::Unary(UnaryOp::Not));
            }
            UnOp::Bang => {
                self.expr(x)?;
                self.f().emit(Op::Unary(UnaryOp::Bang));
            }
            UnOp::Pin => {
                return err(
                    DiagnosticKind::CompileError,
                    "misplaced operator ^/1: the ^ operator can only be used inside patterns",
                    span,
                )
            }
        }
        Ok(())
    }

    fn map(
        &mut self,
        struct_name: Option<&Expr>,
        base: Option<&Expr>,
        entries: &[(Expr, Expr)],
        span: Span,
    ) -> CResult<()> {
        let n = entries.len() as u32;
        match (struct_name, base) {
            (None, None) => {
                for (k, v) in entries {
                    self.expr(k)?;
                    self.expr(v)?;
                }
                self.f().emit(Op::MakeMap(n));
            }
            (None, Some(b)) | (Some(_), Some(b)) => {
                self.expr(b)?;
                for (k, v) in entries {
                    self.expr(k)?;
                    self.expr(v)?;
                }
                self.f().emit(Op::UpdateMap(n));
            }
            (Some(name), None) => {
                let module = match self.struct_module(name)? {
                    Some(m) => m,
                    None => return unsupported("a struct whose name is a variable", span),
                };
                let imp = self.f().import(module, Atom::intern("__struct__"), 0);
                self.f().emit(Op::Call(imp, 0));
                for (k, v) in entries {
                    self.expr(k)?;
                    self.expr(v)?;
                }
                self.f().emit(Op::UpdateMap(n));
            }
        }
        Ok(())
    }

    // ---- functions and captures ------------------------------------------------

    fn lambda(&mut self, clauses: &[Clause], span: Span) -> CResult<()> {
        let arity = clauses.first().map(|c| c.patterns.len()).unwrap_or(0);
        if clauses.iter().any(|c| c.patterns.len() != arity) {
            return err(
                DiagnosticKind::CompileError,
                "cannot mix clauses with different arities in anonymous functions",
                span,
            );
        }
        let module = self.f().module;
        self.fns
            .push(FnBuilder::new(module, String::new(), None, arity));
        let args: Vec<u32> = (0..arity as u32).collect();
        for c in clauses {
            self.f().span = c.span;
            self.function_clause(c, &args)?;
        }
        self.f().emit(Op::Nil);
        self.f().emit(Op::Fail(FailKind::FunctionClause));
        // Named as the BEAM names it, `-run/1-fun-0-`: after the enclosing named
        // function (`__FILE__/1` for the script), numbered in the order the
        // compiler finishes them, so inner functions come before outer ones.
        let owner = self
            .fns
            .iter_mut()
            .rev()
            .skip(1)
            // An enclosing anonymous function has no name yet (it gets one when
            // it is finished): the owner is the named function around them all.
            .find(|b| !b.name.is_empty() && !b.name.starts_with('-'));
        if let Some(owner) = owner {
            let index = owner.lambda_counter;
            owner.lambda_counter += 1;
            let owner_name = if owner.name == "(file)" {
                "__FILE__/1".to_string()
            } else {
                owner.name.clone()
            };
            self.f().name = format!("-{owner_name}-fun-{index}-");
        }
        let captures = self.f().captures.clone();
        let id = self.finish_function();
        for (parent_slot, _) in &captures {
            self.f().emit(Op::Load(*parent_slot));
        }
        let f = self.f();
        f.lambdas.push(id);
        let idx = (f.lambdas.len() - 1) as u32;
        f.emit(Op::MakeClosure(idx, captures.len() as u32));
        Ok(())
    }

    fn capture(&mut self, inner: &Expr, span: Span) -> CResult<()> {
        if let ExprKind::BinOp(BinOp::Div, target, arity) = &inner.kind {
            if let ExprKind::Int(n) = arity.kind {
                let arity = n as usize;
                match &target.kind {
                    ExprKind::Call {
                        target: CallTarget::Remote(m, name),
                        args,
                        ..
                    } if args.is_empty() => {
                        let module = match &m.kind {
                            ExprKind::Alias(parts) => Some(self.resolve_alias(parts)),
                            ExprKind::Atom(a) => Some(Atom::intern(a)),
                            _ => None,
                        };
                        if let Some(module) = module {
                            self.f()
                                .push_const(Value::Fun(std::rc::Rc::new(Closure::External {
                                    module,
                                    function: Atom::intern(name),
                                    arity,
                                })));
                            return Ok(());
                        }
                    }
                    ExprKind::Var(name)
                    | ExprKind::Call {
                        target: CallTarget::Local(name),
                        ..
                    } => {
                        let module = match self.ctx.module {
                            Some(m) if self.module_defines(m, name, arity as u32) => m,
                            _ => {
                                if !self.kernel_has(name, arity as u32) {
                                    return Err(self.undefined_function(name, arity, span));
                                }
                                kernel()
                            }
                        };
                        self.f()
                            .push_const(Value::Fun(std::rc::Rc::new(Closure::External {
                                module,
                                function: Atom::intern(name),
                                arity,
                            })));
                        return Ok(());
                    }
                    _ => {}
                }
            }
        }
        let mut max = 0;
        max_capture_arg(inner, &mut max);
        if max == 0 {
            return err(
                DiagnosticKind::CompileError,
                "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)",
                span,
            );
        }
        let body = replace_capture_args(inner);
        let mut params = Vec::with_capacity(max as usize);
        for i in 1..=max {
            params.push(var(&format!("&{i}"), span));
        }
        self.lambda(&[clause(params, None, body, span)], span)
    }

    fn kernel_has(&self, name: &str, arity: u32) -> bool {
        self.module_defines(kernel(), name, arity)
            || crate::native::lookup(kernel(), Atom::intern(name), arity).is_some()
    }

    fn kernel_call(&mut self, name: &str, args: &[&Expr], _span: Span) -> CResult<()> {
        for a in args {
            self.expr(a)?;
        }
        let imp = self
            .f()
            .import(kernel(), Atom::intern(name), args.len() as u32);
        self.f().emit(Op::Call(imp, args.len() as u32));
        Ok(())
    }

    // ---- calls -------------------------------------------------------------------

    fn emit_call(&mut self, module: Atom, name: &str, argc: usize, tail: bool) {
        self.emit_call_of(module, name, argc, tail, None);
    }

    /// `emit_call`, told where each argument's code starts (for a tail call
    /// that may keep some arguments in place).
    fn emit_call_of(
        &mut self,
        module: Atom,
        name: &str,
        argc: usize,
        tail: bool,
        arg_starts: Option<&[usize]>,
    ) {
        let imp = self.f().import(module, Atom::intern(name), argc as u32);
        // `raise` is a macro in Elixir: the function that raises stays on the
        // stack (and in the stack trace) even when it raises in tail position.
        let raises = module == kernel() && matches!(name, "raise" | "reraise");
        if tail && !raises {
            match arg_starts {
                Some(starts) if starts.len() == argc => self.f().emit_tail_call(imp, starts),
                _ => self.f().emit(Op::TailCall(imp, argc as u32)),
            }
        } else {
            self.f().emit(Op::Call(imp, argc as u32));
        }
    }

    fn call(
        &mut self,
        target: &CallTarget,
        args: &[Expr],
        parens: bool,
        span: Span,
        tail: bool,
    ) -> CResult<()> {
        match target {
            CallTarget::Local(name) => {
                if self.special_form(name, args, span, tail)? {
                    return Ok(());
                }
                if (name == "div" || name == "rem") && args.len() == 2 {
                    self.warn_if_zero(&args[0], &args[1], &format!("{name}/2"), span);
                }
                // In a script, Elixir resolves a local call as it expands it,
                // before its arguments (`elixir(know)` is an undefined
                // `elixir/1`); in a module, only once the module is defined.
                let early = match self.ctx.module {
                    None if parens || !args.is_empty() => Some(
                        self.resolve_local(name, args.len(), span)
                            .map_err(|mut d| {
                                d.while_expanding = true;
                                // The editor underlines the name alone.
                                d.span.end = d.span.end.min(d.span.start + name.len() as u32);
                                d
                            })?,
                    ),
                    _ => None,
                };
                let mut starts = Vec::with_capacity(args.len());
                for a in args {
                    starts.push(self.f().code.len());
                    self.expr(a)?;
                }
                self.f().span = span;
                let module = match early {
                    Some(module) => module,
                    None => self.resolve_local(name, args.len(), span)?,
                };
                self.emit_call_of(module, name, args.len(), tail, Some(&starts));
                Ok(())
            }
            CallTarget::Remote(m, name) => {
                let module = match &m.kind {
                    ExprKind::Alias(parts) => Some(self.resolve_alias(parts)),
                    ExprKind::Atom(a) => Some(Atom::intern(a)),
                    ExprKind::Var(v) if v == "__MODULE__" => Some(self.current_module()),
                    _ => None,
                };
                match module {
                    Some(module) => {
                        let mut starts = Vec::with_capacity(args.len());
                        for a in args {
                            starts.push(self.f().code.len());
                            self.expr(a)?;
                        }
                        self.f().span = span;
                        let private = self.sigs.get(&module.index()).is_some_and(|s| {
                            s.defs.get(&(name.clone(), args.len() as u32))
                                == Some(&super::Visibility::Private)
                        });
                        if private {
                            let argc = args.len() as u32;
                            let imp = self.f().import_undefined(module, Atom::intern(name), argc);
                            self.f().emit(if tail {
                                Op::TailCall(imp, argc)
                            } else {
                                Op::Call(imp, argc)
                            });
                        } else {
                            self.emit_call_of(module, name, args.len(), tail, Some(&starts));
                        }
                    }
                    None if !parens && args.is_empty() => {
                        self.expr(m)?;
                        let i = self.f().constant(Value::atom(name));
                        self.f().emit(Op::GetField(i));
                        self.ret_if(tail);
                    }
                    None => {
                        // `module.fun(args)` with a module known only at run time.
                        self.expr(m)?;
                        for a in args {
                            self.expr(a)?;
                        }
                        let site = self.f().dynamic.len() as u32;
                        self.f().dynamic.push(crate::bytecode::DynamicCall {
                            name: Atom::intern(name),
                            last: Default::default(),
                        });
                        let argc = args.len() as u32;
                        self.f().emit(if tail {
                            Op::TailCallDynamic(site, argc)
                        } else {
                            Op::CallDynamic(site, argc)
                        });
                    }
                }
                Ok(())
            }
            CallTarget::Anonymous(f) => {
                self.expr(f)?;
                for a in args {
                    self.expr(a)?;
                }
                self.f().span = span;
                if tail {
                    self.f().emit(Op::TailCallFun(args.len() as u32));
                } else {
                    self.f().emit(Op::CallFun(args.len() as u32));
                }
                Ok(())
            }
        }
    }

    /// Which module a local call `name/arity` refers to.
    fn resolve_local(&self, name: &str, arity: usize, span: Span) -> CResult<Atom> {
        let arity32 = arity as u32;
        if let Some(m) = self.ctx.module {
            if self.module_defines(m, name, arity32)
                || crate::native::lookup(m, Atom::intern(name), arity32).is_some()
            {
                return Ok(m);
            }
        }
        for imp in &self.ctx.imports {
            let public = self.sigs.get(&imp.index()).is_some_and(|s| {
                s.defs.get(&(name.to_string(), arity32)) == Some(&super::Visibility::Public)
            });
            if public || crate::native::lookup(*imp, Atom::intern(name), arity32).is_some() {
                return Ok(*imp);
            }
        }
        if self.kernel_has(name, arity32) {
            return Ok(kernel());
        }
        Err(self.undefined_function(name, arity, span))
    }

    /// Compiles `name(args)` if it is a special form; returns whether it was.
    fn special_form(&mut self, name: &str, args: &[Expr], span: Span, tail: bool) -> CResult<bool> {
        match name {
            "if" | "unless" => self.if_form(name == "unless", args, span, tail)?,
            "case" => self.case_form(args, span, tail)?,
            "cond" => self.cond_form(args, span, tail)?,
            "receive" => self.receive_form(args, span, tail)?,
            "try" => self.try_form(args, span, tail)?,
            "with" => self.with_form(args, span, tail)?,
            "for" => {
                let e = self.desugar_for(args, span)?;
                self.compile(&e, tail)?;
            }
            "put_in" | "update_in" if args.len() == 2 && access_path(&args[0]).is_some() => {
                let Some((root, keys)) = access_path(&args[0]) else {
                    return Ok(false);
                };
                let keys = mk(ExprKind::List(keys, None), span);
                let call = mk(
                    ExprKind::Call {
                        target: CallTarget::Local(name.to_string()),
                        args: vec![root, keys, args[1].clone()],
                        parens: true,
                    },
                    span,
                );
                self.compile(&call, tail)?;
            }
            "match?" if args.len() == 2 => {
                let e = desugar_match(&args[0], &args[1], span);
                self.compile(&e, tail)?;
            }
            "def" | "defp" | "defmacro" | "defmacrop" => {
                return err(
                    DiagnosticKind::CompileError,
                    format!("cannot invoke {name}/2 outside module"),
                    span,
                )
            }
            "defmodule" => return unsupported("defmodule inside an expression", span),
            "alias" => {
                self.declare_alias(args, span)?;
                self.f().push_const(Value::Atom(Atom::ELIXIR));
                self.ret_if(tail);
            }
            "import" | "require" => {
                if let Some(Expr {
                    kind: ExprKind::Alias(parts),
                    ..
                }) = args.first()
                {
                    let m = self.resolve_alias(parts);
                    if name == "import" {
                        self.ctx.imports.push(m);
                    }
                    self.f().push_const(Value::Atom(m));
                } else {
                    return unsupported(format!("this form of {name}"), span);
                }
                self.ret_if(tail);
            }
            "quote" | "unquote" | "unquote_splicing" | "super" | "__ENV__" | "__CALLER__"
            | "binding" | "var!" | "dbg" | "sigil_r" | "sigil_R" => {
                return unsupported(name.to_string(), span)
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn do_block<'a>(&self, kw: Option<&'a Expr>, span: Span) -> CResult<Vec<(&'a str, &'a Expr)>> {
        match kw.and_then(keyword_pairs) {
            Some(p) => Ok(p),
            None => err(DiagnosticKind::SyntaxError, "expected a do block", span),
        }
    }

    fn if_form(&mut self, negate: bool, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let [cond, kw] = args else {
            return err(
                DiagnosticKind::CompileError,
                format!(
                    "undefined function {}/{} (there is no such import)",
                    if negate { "unless" } else { "if" },
                    args.len()
                ),
                span,
            );
        };
        let pairs = self.do_block(Some(kw), span)?;
        let then = keyword_get(&pairs, "do");
        let other = keyword_get(&pairs, "else");
        let (a, b) = if negate { (other, then) } else { (then, other) };
        self.expr(cond)?;
        let depth = self.f().depth;
        let else_l = self.f().new_label();
        let end = self.f().new_label();
        self.f().emit_jump(Op::JumpIfFalsy, else_l);
        self.branch(a, tail)?;
        if !tail {
            self.f().emit_jump(Op::Jump, end);
        }
        self.f().place(else_l);
        self.f().depth = depth;
        self.branch(b, tail)?;
        self.f().place(end);
        self.f().depth = depth + u32::from(!tail);
        Ok(())
    }

    fn branch(&mut self, body: Option<&Expr>, tail: bool) -> CResult<()> {
        match body {
            Some(b) => self.scoped(b, tail),
            None => {
                self.f().emit(Op::Nil);
                self.ret_if(tail);
                Ok(())
            }
        }
    }

    fn clauses_of<'a>(&self, e: Option<&'a Expr>, what: &str, span: Span) -> CResult<&'a [Clause]> {
        match e.map(|e| &e.kind) {
            Some(ExprKind::Clauses(c)) => Ok(c),
            Some(ExprKind::Block(items)) if items.is_empty() => Ok(&[]),
            None => Ok(&[]),
            _ => err(
                DiagnosticKind::CompileError,
                format!("expected -> clauses for :do in \"{what}\""),
                span,
            ),
        }
    }

    /// Matches the value in `slot` against clauses, like `case`; jumps to `end`
    /// after a body (unless in tail position); falls through when none matched.
    /// A `slot` that is `unnamed` (a temporary no variable names) becomes the
    /// slot of a clause's plain variable pattern (`pid -> ...`), without a copy.
    fn match_clauses(
        &mut self,
        slot: u32,
        unnamed: bool,
        clauses: &[Clause],
        end: LabelId,
        tail: bool,
    ) -> CResult<()> {
        let depth = self.f().depth;
        for c in clauses {
            let fail = self.f().new_label();
            let mark = self.f().slot_mark();
            self.f().push_scope();
            let mut bound = Vec::new();
            for p in &c.patterns {
                if let (true, [_], ExprKind::Var(name)) = (unnamed, &c.patterns[..], &p.kind) {
                    if name != "_" && name != "__MODULE__" {
                        self.f().bind_to(name, slot);
                        bound.push(name.clone());
                        continue;
                    }
                }
                self.f().emit(Op::Load(slot));
                self.pattern(p, fail, &mut bound)?;
            }
            if let Some(g) = &c.guard {
                self.guard(g, fail)?;
            }
            self.compile(&c.body, tail)?;
            self.f().pop_scope();
            self.f().release_slots(mark);
            if !tail {
                self.f().emit_jump(Op::Jump, end);
            }
            self.f().place(fail);
            self.f().depth = depth;
            self.f().emit(Op::Truncate(depth));
        }
        Ok(())
    }

    fn case_form(&mut self, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let [subject, kw] = args else {
            return err(DiagnosticKind::CompileError, "invalid case", span);
        };
        let pairs = self.do_block(Some(kw), span)?;
        let clauses = self.clauses_of(keyword_get(&pairs, "do"), "case", span)?;
        // A variable of this function is matched where it lies.
        let own = match &subject.kind {
            ExprKind::Var(name) if name != "_" && name != "__MODULE__" => self.f().lookup(name),
            _ => None,
        };
        let slot = match own {
            Some(slot) => slot,
            None => {
                self.expr(subject)?;
                let slot = self.f().new_slot();
                self.f().emit(Op::Store(slot));
                slot
            }
        };
        let depth = self.f().depth;
        let end = self.f().new_label();
        self.match_clauses(slot, own.is_none(), clauses, end, tail)?;
        self.f().emit(Op::Load(slot));
        self.f().emit(Op::Fail(FailKind::CaseClause));
        self.f().place(end);
        self.f().depth = depth + u32::from(!tail);
        Ok(())
    }

    fn cond_form(&mut self, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let pairs = self.do_block(args.first(), span)?;
        let clauses = self.clauses_of(keyword_get(&pairs, "do"), "cond", span)?;
        let depth = self.f().depth;
        let end = self.f().new_label();
        for c in clauses {
            let [test] = c.patterns.as_slice() else {
                return err(
                    DiagnosticKind::CompileError,
                    "cond clauses take exactly one condition",
                    c.span,
                );
            };
            let next = self.f().new_label();
            self.expr(test)?;
            self.f().emit_jump(Op::JumpIfFalsy, next);
            self.scoped(&c.body, tail)?;
            if !tail {
                self.f().emit_jump(Op::Jump, end);
            }
            self.f().place(next);
            self.f().depth = depth;
        }
        self.f().emit(Op::Nil);
        self.f().emit(Op::Fail(FailKind::CondClause));
        self.f().place(end);
        self.f().depth = depth + u32::from(!tail);
        Ok(())
    }

    fn receive_form(&mut self, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let pairs = self.do_block(args.first(), span)?;
        let clauses = self.clauses_of(keyword_get(&pairs, "do"), "receive", span)?;
        let after = self.clauses_of(keyword_get(&pairs, "after"), "receive", span)?;
        let depth = self.f().depth;
        let lp = self.f().new_label();
        let no_more = self.f().new_label();
        let end = self.f().new_label();
        self.f().emit(Op::RecvStart);
        self.f().place(lp);
        self.f().emit_jump(Op::RecvNext, no_more);
        for c in clauses {
            let fail = self.f().new_label();
            let [p] = c.patterns.as_slice() else {
                return err(
                    DiagnosticKind::CompileError,
                    "receive clauses take exactly one pattern",
                    c.span,
                );
            };
            let mark = self.f().slot_mark();
            self.f().push_scope();
            self.f().emit(Op::Dup);
            let mut bound = Vec::new();
            self.pattern(p, fail, &mut bound)?;
            if let Some(g) = &c.guard {
                self.guard(g, fail)?;
            }
            self.f().emit(Op::Pop);
            self.f().emit(Op::RecvAccept);
            self.compile(&c.body, tail)?;
            self.f().pop_scope();
            self.f().release_slots(mark);
            if !tail {
                self.f().emit_jump(Op::Jump, end);
            }
            self.f().place(fail);
            self.f().depth = depth + 1;
            self.f().emit(Op::Truncate(depth + 1));
        }
        self.f().emit(Op::Pop);
        self.f().emit(Op::RecvSkip);
        self.f().emit_jump(Op::Jump, lp);
        self.f().place(no_more);
        self.f().depth = depth;
        match after {
            [] => {
                self.f().push_const(Value::Atom(Atom::INFINITY));
                self.f().emit_jump(Op::RecvWait, lp);
                self.f().emit_jump(Op::Jump, lp);
            }
            [a] => {
                let [timeout] = a.patterns.as_slice() else {
                    return err(
                        DiagnosticKind::CompileError,
                        "expected a single -> clause for :after in \"receive\"",
                        a.span,
                    );
                };
                let fired = self.f().new_label();
                self.expr(timeout)?;
                self.f().emit_jump(Op::RecvWait, fired);
                self.f().emit_jump(Op::Jump, lp);
                self.f().place(fired);
                self.f().depth = depth;
                self.scoped(&a.body, tail)?;
            }
            _ => {
                return err(
                    DiagnosticKind::CompileError,
                    "expected a single -> clause for :after in \"receive\"",
                    span,
                )
            }
        }
        self.f().place(end);
        self.f().depth = depth + u32::from(!tail);
        Ok(())
    }

    fn try_form(&mut self, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let pairs = self.do_block(args.first(), span)?;
        let body = keyword_get(&pairs, "do");
        let rescue = self.clauses_of(keyword_get(&pairs, "rescue"), "try", span)?;
        let catch = self.clauses_of(keyword_get(&pairs, "catch"), "try", span)?;
        let else_ = self.clauses_of(keyword_get(&pairs, "else"), "try", span)?;
        let after = keyword_get(&pairs, "after");
        let depth = self.f().depth;
        match after {
            None => self.try_inner(body, rescue, catch, else_, tail, span)?,
            Some(after) => {
                let handler = self.f().new_label();
                let end = self.f().new_label();
                self.f().emit_jump(Op::Try, handler);
                self.try_inner(body, rescue, catch, else_, false, span)?;
                self.f().emit(Op::EndTry);
                self.scoped(after, false)?;
                self.f().emit(Op::Pop);
                self.f().emit_jump(Op::Jump, end);
                self.f().place(handler);
                self.f().depth = depth + 3;
                self.scoped(after, false)?;
                self.f().emit(Op::Pop);
                self.f().emit(Op::Reraise);
                self.f().place(end);
                self.f().depth = depth + 1;
                self.ret_if(tail);
            }
        }
        Ok(())
    }

    fn try_inner(
        &mut self,
        body: Option<&Expr>,
        rescue: &[Clause],
        catch: &[Clause],
        else_: &[Clause],
        tail: bool,
        span: Span,
    ) -> CResult<()> {
        let depth = self.f().depth;
        let end = self.f().new_label();
        let protected = !rescue.is_empty() || !catch.is_empty();
        let handler = self.f().new_label();
        if protected {
            self.f().emit_jump(Op::Try, handler);
        }
        self.branch(body, false)?;
        if protected {
            self.f().emit(Op::EndTry);
        }
        if else_.is_empty() {
            self.ret_if(tail);
        } else {
            let slot = self.f().new_slot();
            self.f().emit(Op::Store(slot));
            self.match_clauses(slot, false, else_, end, tail)?;
            self.f().emit(Op::Load(slot));
            self.f().emit(Op::Fail(FailKind::TryClause));
        }
        if protected {
            if !tail || !else_.is_empty() {
                self.f().emit_jump(Op::Jump, end);
            }
            self.f().place(handler);
            self.f().depth = depth + 3;
            let (class, reason, stack) = (
                self.f().new_slot(),
                self.f().new_slot(),
                self.f().new_slot(),
            );
            self.f().emit(Op::Store(stack));
            self.f().emit(Op::Store(reason));
            self.f().emit(Op::Store(class));
            let hdepth = self.f().depth;
            self.f().push_scope();
            self.f().bind_to("__STACKTRACE__", stack);
            for c in rescue {
                self.rescue_clause(c, [class, reason, stack], end, tail, hdepth)?;
            }
            for c in catch {
                self.catch_clause(c, class, reason, end, tail, hdepth)?;
            }
            self.f().pop_scope();
            self.f().emit(Op::Load(class));
            self.f().emit(Op::Load(reason));
            self.f().emit(Op::Load(stack));
            self.f().emit(Op::Reraise);
        }
        let _ = span;
        self.f().place(end);
        self.f().depth = depth + 1;
        Ok(())
    }

    fn rescue_clause(
        &mut self,
        c: &Clause,
        [class, reason, stack]: [u32; 3],
        end: LabelId,
        tail: bool,
        depth: u32,
    ) -> CResult<()> {
        let [p] = c.patterns.as_slice() else {
            return err(
                DiagnosticKind::CompileError,
                "invalid rescue clause",
                c.span,
            );
        };
        let fail = self.f().new_label();
        self.f().push_scope();
        self.f().emit(Op::Load(class));
        let e = self.f().constant(Value::atom("error"));
        self.f().emit_jump(|l| Op::MatchConst(e, l), fail);
        let (binding, modules) = match &p.kind {
            ExprKind::BinOp(BinOp::In, v, mods) => (Some(v.as_ref()), Some(mods.as_ref())),
            ExprKind::Var(_) => (Some(p), None),
            _ => (None, Some(p)),
        };
        // `rescue` sees an Erlang error term as the exception Elixir makes of
        // it (`:badarith` is an ArithmeticError); `catch` sees it as raised.
        self.f().emit(Op::Load(reason));
        self.f().emit(Op::Load(stack));
        self.emit_call(
            Atom::intern("Elixir.Exception"),
            "normalize_error",
            2,
            false,
        );
        let reason = self.f().new_slot();
        self.f().emit(Op::Store(reason));
        if let Some(mods) = modules {
            let list: Vec<Value> = match &mods.kind {
                ExprKind::Alias(parts) => vec![Value::Atom(self.resolve_alias(parts))],
                ExprKind::List(items, None) => {
                    let mut list = Vec::with_capacity(items.len());
                    for i in items {
                        let ExprKind::Alias(parts) = &i.kind else {
                            return unsupported("this rescue pattern", i.span);
                        };
                        list.push(Value::Atom(self.resolve_alias(parts)));
                    }
                    list
                }
                _ => return unsupported("this rescue pattern", mods.span),
            };
            self.f().emit(Op::Load(reason));
            self.f().push_const(Value::list(list));
            self.emit_call(kernel(), "__exception_in__", 2, false);
            let t = self.f().constant(Value::TRUE);
            self.f().emit_jump(|l| Op::MatchConst(t, l), fail);
        }
        if let Some(b) = binding {
            self.f().emit(Op::Load(reason));
            let mut bound = Vec::new();
            self.pattern(b, fail, &mut bound)?;
        }
        self.handler_body(&c.body, tail, end, fail, depth)
    }

    /// The end of a `rescue` or `catch` clause whose patterns matched: its
    /// body, then a jump past the other clauses; `fail`, where the next clause
    /// starts, drops what the failed match pushed.
    fn handler_body(
        &mut self,
        body: &Expr,
        tail: bool,
        end: LabelId,
        fail: LabelId,
        depth: u32,
    ) -> CResult<()> {
        self.compile(body, tail)?;
        self.f().pop_scope();
        if !tail {
            self.f().emit_jump(Op::Jump, end);
        }
        self.f().place(fail);
        self.f().depth = depth;
        self.f().emit(Op::Truncate(depth));
        Ok(())
    }

    fn catch_clause(
        &mut self,
        c: &Clause,
        class: u32,
        reason: u32,
        end: LabelId,
        tail: bool,
        depth: u32,
    ) -> CResult<()> {
        let fail = self.f().new_label();
        self.f().push_scope();
        let mut bound = Vec::new();
        match c.patterns.as_slice() {
            [v] => {
                self.f().emit(Op::Load(class));
                let t = self.f().constant(Value::atom("throw"));
                self.f().emit_jump(|l| Op::MatchConst(t, l), fail);
                self.caught_pattern(v, reason, fail, &mut bound)?;
            }
            [k, v] => {
                self.caught_pattern(k, class, fail, &mut bound)?;
                self.caught_pattern(v, reason, fail, &mut bound)?;
            }
            _ => return err(DiagnosticKind::CompileError, "invalid catch clause", c.span),
        }
        if let Some(g) = &c.guard {
            self.guard(g, fail)?;
        }
        self.handler_body(&c.body, tail, end, fail, depth)
    }

    /// Matches the caught kind or reason in `slot` (a temporary no variable
    /// names) against a catch clause's pattern; a plain variable names the
    /// slot itself, without a copy (and the `try` needs fewer slots, which
    /// every call of it fills and drops).
    fn caught_pattern(
        &mut self,
        pat: &Expr,
        slot: u32,
        fail: LabelId,
        bound: &mut Vec<String>,
    ) -> CResult<()> {
        if let ExprKind::Var(name) = &pat.kind {
            if name != "_" && name != "__MODULE__" && !bound.contains(name) {
                self.f().bind_to(name, slot);
                bound.push(name.clone());
                return Ok(());
            }
        }
        self.f().emit(Op::Load(slot));
        self.pattern(pat, fail, bound)
    }

    fn with_form(&mut self, args: &[Expr], span: Span, tail: bool) -> CResult<()> {
        let Some((kw, steps)) = args.split_last() else {
            return err(DiagnosticKind::CompileError, "invalid with", span);
        };
        let pairs = self.do_block(Some(kw), span)?;
        let body = keyword_get(&pairs, "do");
        let else_ = self.clauses_of(keyword_get(&pairs, "else"), "with", span)?;
        let depth = self.f().depth;
        let slot = self.f().new_slot();
        let else_l = self.f().new_label();
        let end = self.f().new_label();
        self.f().push_scope();
        for step in steps {
            match &step.kind {
                ExprKind::BinOp(BinOp::LeftArrow, pat, value) => {
                    self.expr(value)?;
                    self.f().emit(Op::Store(slot));
                    self.f().emit(Op::Load(slot));
                    let mut bound = Vec::new();
                    match &pat.kind {
                        ExprKind::BinOp(BinOp::When, p, g) => {
                            self.pattern(p, else_l, &mut bound)?;
                            self.guard(g, else_l)?;
                        }
                        _ => self.pattern(pat, else_l, &mut bound)?,
                    }
                }
                _ => self.statement(step)?,
            }
        }
        self.branch(body, tail)?;
        self.f().pop_scope();
        if !tail {
            self.f().emit_jump(Op::Jump, end);
        }
        self.f().place(else_l);
        self.f().depth = depth;
        self.f().emit(Op::Truncate(depth));
        if else_.is_empty() {
            self.f().emit(Op::Load(slot));
            self.ret_if(tail);
        } else {
            self.match_clauses(slot, false, else_, end, tail)?;
            self.f().emit(Op::Load(slot));
            self.f().emit(Op::Fail(FailKind::WithClause));
        }
        self.f().place(end);
        self.f().depth = depth + u32::from(!tail);
        Ok(())
    }

    /// `for` as nested `Enum.reduce` calls that build the result list in reverse.
    fn desugar_for(&mut self, args: &[Expr], span: Span) -> CResult<Expr> {
        let Some((kw, mut quals)) = args.split_last() else {
            return err(DiagnosticKind::CompileError, "invalid for", span);
        };
        let mut pairs = self.do_block(Some(kw), span)?;
        // Options written before a `do` block (`for x <- xs, into: %{} do`) come
        // as a keyword list of their own.
        if let Some((opts, rest)) = quals.split_last() {
            if let Some(extra) = keyword_pairs(opts).filter(|p| !p.is_empty()) {
                pairs.extend(extra);
                quals = rest;
            }
        }
        let body = keyword_get(&pairs, "do")
            .cloned()
            .unwrap_or_else(|| mk(ExprKind::Atom("nil".into()), span));
        let into = keyword_get(&pairs, "into").cloned();
        let reduce = keyword_get(&pairs, "reduce").cloned();
        let uniq = keyword_get(&pairs, "uniq").cloned();
        let acc_name = self.gensym("for acc");
        let acc = var(&acc_name, span);
        let innermost = match &reduce {
            Some(_) => match &body.kind {
                ExprKind::Clauses(clauses) => case_expr(acc.clone(), clauses.clone(), span),
                _ => {
                    return err(
                        DiagnosticKind::CompileError,
                        "when using :reduce with comprehensions, the do block must be written using acc -> expr clauses",
                        span,
                    )
                }
            },
            None => mk(ExprKind::List(vec![body], Some(Box::new(acc.clone()))), span),
        };
        let mut inner = innermost;
        for q in quals.iter().rev() {
            inner = match &q.kind {
                ExprKind::BinOp(BinOp::LeftArrow, pat, coll) => {
                    let x = self.gensym("for x");
                    let (p, g) = match &pat.kind {
                        ExprKind::BinOp(BinOp::When, p, g) => ((**p).clone(), Some((**g).clone())),
                        _ => ((**pat).clone(), None),
                    };
                    let matched = case_expr(
                        var(&x, span),
                        vec![
                            clause(vec![p], g, inner, span),
                            clause(vec![var("_", span)], None, acc.clone(), span),
                        ],
                        span,
                    );
                    let f = mk(
                        ExprKind::Fn(vec![clause(
                            vec![var(&x, span), acc.clone()],
                            None,
                            matched,
                            span,
                        )]),
                        span,
                    );
                    remote(
                        "Enum",
                        "reduce",
                        vec![(**coll).clone(), acc.clone(), f],
                        span,
                    )
                }
                _ => mk(
                    ExprKind::Call {
                        target: CallTarget::Local("if".into()),
                        args: vec![
                            q.clone(),
                            mk(
                                ExprKind::List(
                                    vec![
                                        kw_pair("do", inner, span),
                                        kw_pair("else", acc.clone(), span),
                                    ],
                                    None,
                                ),
                                span,
                            ),
                        ],
                        parens: false,
                    },
                    span,
                ),
            };
        }
        // Bind the initial accumulator, then run the reductions.
        let init = match &reduce {
            Some(r) => r.clone(),
            None => mk(ExprKind::List(vec![], None), span),
        };
        let bind = mk(
            ExprKind::BinOp(BinOp::Match, Box::new(acc.clone()), Box::new(init)),
            span,
        );
        let mut result = mk(ExprKind::Block(vec![bind, inner]), span);
        if reduce.is_none() {
            result = remote("Enum", "reverse", vec![result], span);
            if let Some(u) = uniq {
                if matches!(&u.kind, ExprKind::Atom(a) if a == "true") {
                    result = remote("Enum", "uniq", vec![result], span);
                }
            }
            if let Some(into) = into {
                result = remote("Enum", "into", vec![result, into], span);
            }
        }
        Ok(result)
    }
}

/// The root and keys of a `put_in/2` path: `data.user.name` or
/// `data[:user][:name]`; `None` for a bare variable (no path).
fn access_path(e: &Expr) -> Option<(Expr, Vec<Expr>)> {
    let mut keys = Vec::new();
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Access(inner, key) => {
                keys.push((**key).clone());
                cur = inner;
            }
            ExprKind::Call {
                target: CallTarget::Remote(inner, field),
                args,
                parens: false,
            } if args.is_empty()
                && !matches!(inner.kind, ExprKind::Alias(_) | ExprKind::Atom(_)) =>
            {
                keys.push(mk(ExprKind::Atom(field.clone()), cur.span));
                cur = inner;
            }
            _ => break,
        }
    }
    if keys.is_empty() {
        return None;
    }
    keys.reverse();
    Some((cur.clone(), keys))
}

/// `match?(pattern, expr)` is Kernel's macro for
/// `case expr do pattern -> true; _ -> false end`.
fn desugar_match(pattern: &Expr, subject: &Expr, span: Span) -> Expr {
    let (pattern, guard) = match &pattern.kind {
        ExprKind::BinOp(BinOp::When, p, g) => ((**p).clone(), Some((**g).clone())),
        _ => (pattern.clone(), None),
    };
    let atom = |a: &str| mk(ExprKind::Atom(a.into()), span);
    case_expr(
        subject.clone(),
        vec![
            clause(vec![pattern], guard, atom("true"), span),
            clause(vec![var("_", span)], None, atom("false"), span),
        ],
        span,
    )
}

fn kw_pair(key: &str, value: Expr, span: Span) -> Expr {
    mk(
        ExprKind::Tuple(vec![mk(ExprKind::Atom(key.into()), span), value]),
        span,
    )
}

/// `lhs |> f(args)` → `f(lhs, args)`.
fn pipe_into(lhs: &Expr, rhs: &Expr) -> CResult<Expr> {
    match &rhs.kind {
        ExprKind::Call {
            target,
            args,
            parens,
        } => {
            let mut new_args = Vec::with_capacity(args.len() + 1);
            new_args.push(lhs.clone());
            new_args.extend(args.iter().cloned());
            let _ = parens;
            Ok(Expr::new(
                ExprKind::Call {
                    target: target.clone(),
                    args: new_args,
                    parens: true,
                },
                rhs.span,
            ))
        }
        ExprKind::Var(name) => Ok(Expr::new(
            ExprKind::Call {
                target: CallTarget::Local(name.clone()),
                args: vec![lhs.clone()],
                parens: true,
            },
            rhs.span,
        )),
        _ => err(
            DiagnosticKind::CompileError,
            "cannot pipe into this expression; only function calls can be piped into",
            rhs.span,
        ),
    }
}

fn max_capture_arg(e: &Expr, max: &mut u32) {
    walk(e, &mut |x| {
        if let ExprKind::CaptureArg(n) = x.kind {
            *max = (*max).max(n);
        }
    });
}

/// Visits every sub-expression except those inside nested captures.
fn walk(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Capture(_) => {}
        ExprKind::Interpolated(parts) => {
            for p in parts {
                if let StrPart::Expr(x) = p {
                    walk(x, f);
                }
            }
        }
        ExprKind::List(items, tail) => {
            items.iter().for_each(|i| walk(i, f));
            if let Some(t) = tail {
                walk(t, f);
            }
        }
        ExprKind::Tuple(items) | ExprKind::Block(items) => items.iter().for_each(|i| walk(i, f)),
        ExprKind::Map {
            struct_name: _,
            base,
            entries,
        } => {
            if let Some(b) = base {
                walk(b, f);
            }
            for (k, v) in entries {
                walk(k, f);
                walk(v, f);
            }
        }
        ExprKind::BinOp(_, a, b) | ExprKind::Access(a, b) => {
            walk(a, f);
            walk(b, f);
        }
        ExprKind::UnOp(_, a) => walk(a, f),
        ExprKind::Call { target, args, .. } => {
            match target {
                CallTarget::Remote(m, _) => walk(m, f),
                CallTarget::Anonymous(x) => walk(x, f),
                CallTarget::Local(_) => {}
            }
            args.iter().for_each(|a| walk(a, f));
        }
        ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
            for c in clauses {
                c.patterns.iter().for_each(|p| walk(p, f));
                if let Some(g) = &c.guard {
                    walk(g, f);
                }
                walk(&c.body, f);
            }
        }
        _ => {}
    }
}

/// Replaces `&N` with the variables the capture's generated `fn` binds.
fn replace_capture_args(e: &Expr) -> Expr {
    let kind = match &e.kind {
        ExprKind::CaptureArg(n) => ExprKind::Var(format!("&{n}")),
        ExprKind::Capture(_) => e.kind.clone(),
        ExprKind::Interpolated(parts) => ExprKind::Interpolated(
            parts
                .iter()
                .map(|p| match p {
                    StrPart::Expr(x) => StrPart::Expr(replace_capture_args(x)),
                    other => other.clone(),
                })
                .collect(),
        ),
        ExprKind::List(items, tail) => ExprKind::List(
            items.iter().map(replace_capture_args).collect(),
            tail.as_ref().map(|t| Box::new(replace_capture_args(t))),
        ),
        ExprKind::Tuple(items) => ExprKind::Tuple(items.iter().map(replace_capture_args).collect()),
        ExprKind::Block(items) => ExprKind::Block(items.iter().map(replace_capture_args).collect()),
        ExprKind::Map {
            struct_name,
            base,
            entries,
        } => ExprKind::Map {
            struct_name: struct_name.clone(),
            base: base.as_ref().map(|b| Box::new(replace_capture_args(b))),
            entries: entries
                .iter()
                .map(|(k, v)| (replace_capture_args(k), replace_capture_args(v)))
                .collect(),
        },
        ExprKind::BinOp(op, a, b) => ExprKind::BinOp(
            *op,
            Box::new(replace_capture_args(a)),
            Box::new(replace_capture_args(b)),
        ),
        ExprKind::Access(a, b) => ExprKind::Access(
            Box::new(replace_capture_args(a)),
            Box::new(replace_capture_args(b)),
        ),
        ExprKind::UnOp(op, a) => ExprKind::UnOp(*op, Box::new(replace_capture_args(a))),
        ExprKind::Call {
            target,
            args,
            parens,
        } => ExprKind::Call {
            target: match target {
                CallTarget::Remote(m, n) => {
                    CallTarget::Remote(Box::new(replace_capture_args(m)), n.clone())
                }
                CallTarget::Anonymous(x) => {
                    CallTarget::Anonymous(Box::new(replace_capture_args(x)))
                }
                other => other.clone(),
            },
            args: args.iter().map(replace_capture_args).collect(),
            parens: *parens,
        },
        ExprKind::Fn(clauses) => ExprKind::Fn(
            clauses
                .iter()
                .map(|c| Clause {
                    patterns: c.patterns.iter().map(replace_capture_args).collect(),
                    guard: c.guard.as_ref().map(replace_capture_args),
                    body: replace_capture_args(&c.body),
                    span: c.span,
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Expr::new(kind, e.span)
}

/// Whether the BEAM compiles this arithmetic inline, so that a failure names
/// the function doing it rather than an `:erlang` operator call: `+` and `-`
/// with a small non-negative integer literal, and `+`, `-`, `*` with a float
/// literal.
fn inline_arithmetic(op: BinaryOp, l: &Expr, r: &Expr) -> bool {
    let literal = |e: &Expr| match e.kind {
        ExprKind::Int(n) => {
            (0..1 << 59).contains(&n) && matches!(op, BinaryOp::Add | BinaryOp::Sub)
        }
        ExprKind::Float(_) => true,
        _ => false,
    };
    matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul) && (literal(l) || literal(r))
}
