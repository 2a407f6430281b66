//! The interpreter: runs one process for a budget of reductions, stopping when it
//! blocks in `receive`, spends its budget, or ends.

use std::rc::Rc;

use crate::atom::Atom;
use crate::bytecode::{BinaryOp, Callee, DynamicCall, FailKind, Function, Op, Program, UnaryOp};
use crate::elixir_frames;
use crate::exception::{self, Class, Exception};
use crate::native::{Control, Ctx};
use crate::ops;
use crate::process::{Frame, Handler, Process};
use crate::scheduler::Core;
use crate::term_order::strict_equal;
use crate::value::{Closure, Env, Value};

/// How a slice of execution ended.
#[derive(Debug)]
pub enum Outcome {
    /// The budget is spent; the process can run again.
    Yield,
    /// The process waits in `receive`.
    Wait,
    /// The process's first function returned this value.
    Return(Value),
    /// An exception escaped every handler.
    Raise(Exception),
    /// An exit signal (or `:kill`) ended the process with this reason.
    Killed(Value),
    /// `System.halt/1` was called.
    Halt(i32),
}

impl Outcome {
    /// The exit reason of a process that ended this way.
    pub fn exit_reason(&self) -> Value {
        match self {
            Outcome::Return(_) | Outcome::Halt(_) | Outcome::Yield | Outcome::Wait => {
                Value::Atom(Atom::NORMAL)
            }
            Outcome::Raise(e) => e.exit_reason(),
            Outcome::Killed(r) => r.clone(),
        }
    }
}

/// Runs `p` for at most `budget` reductions. Returns how it stopped and how many
/// reductions it used.
pub fn run(program: &Program, core: &mut Core, p: &mut Process, budget: u32) -> (Outcome, u32) {
    let mut vm = Vm {
        program,
        budget: budget as i64,
        start: budget as i64,
        reduction_ns: core.config.reduction_ns,
        max_stack: core.config.max_stack,
    };
    let outcome = vm.exec(core, p);
    let used = (vm.start - vm.budget).max(0) as u32;
    (outcome, used)
}

struct Vm<'a> {
    program: &'a Program,
    budget: i64,
    start: i64,
    reduction_ns: u64,
    max_stack: usize,
}

/// What to do after a step that may have raised.
enum Flow {
    Continue,
    Stop(Outcome),
}

/// How a native call ended.
enum NativeFlow {
    /// Its result is on the stack.
    Pushed,
    /// It asked to call a function, whose frame is now on top.
    Entered,
    /// It raised and a handler took over.
    Caught,
    /// The process stops.
    Stop(Outcome),
}

impl<'a> Vm<'a> {
    fn exec(&mut self, core: &mut Core, p: &mut Process) -> Outcome {
        if let Some(reason) = p.pending_exit.take() {
            return Outcome::Killed(reason);
        }
        let Some(top) = p.frames.last().copied() else {
            return Outcome::Return(Value::NIL_ATOM);
        };
        let mut fun: &'a Rc<Function> = self.program.function(top.fun);
        // The instructions, kept at hand: every step reads one.
        let mut code: &'a [Op] = &fun.code;
        let mut pc = top.pc as usize;
        let mut base = top.base as usize;

        macro_rules! save_pc {
            () => {
                if let Some(fr) = p.frames.last_mut() {
                    fr.pc = pc as u32;
                }
            };
        }
        // Reload the current frame after calls, returns and handlers.
        macro_rules! load_frame {
            () => {{
                let fr = *p.frames.last().expect("a frame is active");
                fun = self.program.function(fr.fun);
                code = &fun.code;
                pc = fr.pc as usize;
                base = fr.base as usize;
            }};
        }
        macro_rules! raise {
            ($e:expr) => {{
                save_pc!();
                match self.handle(p, $e) {
                    Flow::Continue => {
                        load_frame!();
                        continue;
                    }
                    Flow::Stop(o) => return o,
                }
            }};
        }
        // A reduction also advances the virtual clock, so events inside one
        // slice get distinct, increasing timestamps.
        macro_rules! spend {
            () => {{
                self.budget -= 1;
                core.clock += self.reduction_ns;
            }};
        }
        // Not `unwrap_or(Value::Nil)`: its unused default is dropped through
        // the out-of-line drop code on every pop.
        macro_rules! pop {
            () => {
                match p.stack.pop() {
                    Some(v) => v,
                    None => Value::Nil,
                }
            };
        }

        loop {
            let op: &Op = &code[pc];
            pc += 1;
            match *op {
                Op::Const(i) => p.stack.push(fun.consts[i as usize].clone()),
                Op::Nil => p.stack.push(Value::NIL_ATOM),
                Op::Atom(a) => p.stack.push(Value::Atom(a)),
                Op::Int(n) => p.stack.push(Value::Int(n as i64)),
                Op::Load(s) => {
                    let v = p.stack[base + s as usize].clone();
                    p.stack.push(v);
                }
                Op::Move(s) => {
                    let v = std::mem::replace(&mut p.stack[base + s as usize], Value::Nil);
                    p.stack.push(v);
                }
                Op::Store(s) => {
                    let v = pop!();
                    std::mem::replace(&mut p.stack[base + s as usize], v).discard();
                }
                Op::Pop => {
                    if let Some(v) = p.stack.pop() {
                        v.discard();
                    }
                }
                Op::Dup => {
                    let v = match p.stack.last() {
                        Some(v) => v.clone(),
                        None => Value::Nil,
                    };
                    p.stack.push(v);
                }
                Op::Truncate(n) => {
                    Value::truncate_stack(&mut p.stack, base + fun.locals as usize + n as usize)
                }
                Op::MakeTuple(n) => {
                    // Small tuples in one allocation (collecting a drain
                    // allocates a vector first, then copies it).
                    let items: Rc<[Value]> = match n {
                        2 => {
                            let b = pop!();
                            let a = pop!();
                            Rc::new([a, b])
                        }
                        3 => {
                            let c = pop!();
                            let b = pop!();
                            let a = pop!();
                            Rc::new([a, b, c])
                        }
                        _ => {
                            let at = p.stack.len() - n as usize;
                            p.stack.drain(at..).collect()
                        }
                    };
                    p.stack.push(Value::Tuple(items));
                }
                Op::MakeList(n) => {
                    let mut list = pop!();
                    // Cons the cells straight off the stack, last element first.
                    for _ in 0..n {
                        let head = pop!();
                        list = Value::cons(head, list);
                    }
                    p.stack.push(list);
                }
                Op::MakeMap(n) => {
                    let at = p.stack.len() - 2 * n as usize;
                    let items: Vec<Value> = p.stack.drain(at..).collect();
                    p.stack.push(ops::make_map(items));
                }
                Op::UpdateMap(n) => {
                    let at = p.stack.len() - 2 * n as usize;
                    let items: Vec<Value> = p.stack.drain(at..).collect();
                    let base_map = pop!();
                    match ops::update_map(base_map, items) {
                        Ok(v) => p.stack.push(v),
                        Err(e) => raise!(e),
                    }
                }
                Op::Interpolate(n) => {
                    let at = p.stack.len() - n as usize;
                    let mut out = String::new();
                    let mut failed = None;
                    for v in p.stack.drain(at..) {
                        match ops::to_string(&v) {
                            Ok(s) => out.push_str(&s),
                            Err(e) => {
                                failed = Some(e);
                                break;
                            }
                        }
                    }
                    match failed {
                        Some(e) => raise!(e),
                        None => p.stack.push(Value::string(&out)),
                    }
                }
                Op::MakeClosure(i, n) => {
                    let env = match n {
                        0 => Env::Empty,
                        1 => Env::One(pop!()),
                        _ => {
                            let at = p.stack.len() - n as usize;
                            Env::Many(p.stack.drain(at..).collect())
                        }
                    };
                    let f = self.program.function(fun.lambdas[i as usize]).clone();
                    p.stack
                        .push(Value::Fun(Rc::new(Closure::Lambda { function: f, env })));
                }
                Op::Binary(b) | Op::BinaryInline(b) => {
                    let r = pop!();
                    let l = pop!();
                    // Small-integer fast paths; everything else in `ops`.
                    if let (Value::Int(x), Value::Int(y)) = (&l, &r) {
                        let fast = match b {
                            BinaryOp::Add => x.checked_add(*y).map(Value::Int),
                            BinaryOp::Sub => x.checked_sub(*y).map(Value::Int),
                            BinaryOp::Mul => x.checked_mul(*y).map(Value::Int),
                            BinaryOp::Lt => Some(Value::bool(x < y)),
                            BinaryOp::LtEq => Some(Value::bool(x <= y)),
                            BinaryOp::Gt => Some(Value::bool(x > y)),
                            BinaryOp::GtEq => Some(Value::bool(x >= y)),
                            BinaryOp::Eq | BinaryOp::StrictEq => Some(Value::bool(x == y)),
                            BinaryOp::NotEq | BinaryOp::StrictNotEq => Some(Value::bool(x != y)),
                            _ => None,
                        };
                        if let Some(v) = fast {
                            l.discard();
                            r.discard();
                            p.stack.push(v);
                            continue;
                        }
                    }
                    // `pid == self()`, `a == :ok`: identity, without the
                    // general term comparison.
                    let same = match (&l, &r) {
                        (Value::Atom(x), Value::Atom(y)) => Some(x == y),
                        (Value::Pid(x), Value::Pid(y)) => Some(x == y),
                        _ => None,
                    };
                    if let Some(same) = same {
                        let result = match b {
                            BinaryOp::Eq | BinaryOp::StrictEq => Some(same),
                            BinaryOp::NotEq | BinaryOp::StrictNotEq => Some(!same),
                            _ => None,
                        };
                        if let Some(result) = result {
                            l.discard();
                            r.discard();
                            p.stack.push(Value::bool(result));
                            continue;
                        }
                    }
                    let operands = bif_name(b)
                        .filter(|_| matches!(op, Op::Binary(_)))
                        .map(|name| (name, l.clone(), r.clone()));
                    match ops::binary(b, l, r) {
                        Ok(v) => p.stack.push(v),
                        Err(e) => match operands {
                            Some((name, l, r)) => raise!(exception::in_bif(e, name, vec![l, r])),
                            None => raise!(e),
                        },
                    }
                }
                Op::Unary(u) => {
                    let v = pop!();
                    let operand = v.clone();
                    match ops::unary(u, v) {
                        Ok(v) => p.stack.push(v),
                        Err(e) => {
                            let e = match u {
                                UnaryOp::Neg => exception::in_bif(e, "-", vec![operand]),
                                UnaryOp::Pos => exception::in_bif(e, "+", vec![operand]),
                                _ => e,
                            };
                            raise!(e)
                        }
                    }
                }
                Op::GetField(i) => {
                    let key = fun.consts[i as usize].clone();
                    let v = pop!();
                    match v {
                        Value::Atom(module) if module != Atom::NIL => {
                            // `mod.fun` on a module held in a variable: a zero-arity call.
                            let name = key.as_atom().unwrap_or(Atom::NIL);
                            match self.program.lookup(module, name, 0) {
                                Callee::Function(id) => {
                                    save_pc!();
                                    spend!();
                                    if let Err(e) = self.push_frame(p, id, 0) {
                                        raise!(e);
                                    }
                                    load_frame!();
                                }
                                Callee::Native(nf) => {
                                    save_pc!();
                                    match self.native(core, p, nf, 0, false) {
                                        NativeFlow::Stop(o) => return o,
                                        _ => load_frame!(),
                                    }
                                }
                                Callee::Undefined => {
                                    raise!(exception::undefined_function(module, name, Vec::new()))
                                }
                            }
                        }
                        other => match ops::get_field(other, key) {
                            Ok(v) => p.stack.push(v),
                            Err(e) => raise!(e),
                        },
                    }
                }
                Op::Access => {
                    let key = pop!();
                    let c = pop!();
                    match ops::access(c, &key) {
                        Ok(v) => p.stack.push(v),
                        Err(e) => raise!(e),
                    }
                }
                Op::Jump(t) => pc = t as usize,
                Op::JumpIfFalsy(t) => {
                    let v = pop!();
                    if !v.is_truthy() {
                        pc = t as usize;
                    }
                    v.discard();
                }
                Op::JumpIfTruthy(t) => {
                    let v = pop!();
                    if v.is_truthy() {
                        pc = t as usize;
                    }
                    v.discard();
                }
                Op::CheckBool(i) => {
                    let top = match p.stack.last() {
                        Some(v) => v.clone(),
                        None => Value::Nil,
                    };
                    if !matches!(top, Value::Atom(a) if a == Atom::TRUE || a == Atom::FALSE) {
                        raise!(exception::bad_boolean(top, fun.consts[i as usize].clone()));
                    }
                }
                Op::Call(..) | Op::CallPop(..) | Op::TailCall(..) | Op::TailCallKeep { .. } => {
                    let (imp, argc, keep) = match *op {
                        Op::Call(imp, argc) | Op::CallPop(imp, argc) | Op::TailCall(imp, argc) => {
                            (imp, argc, 0)
                        }
                        Op::TailCallKeep { imp, argc, keep } => (imp, argc as u32, keep as usize),
                        // Not reached: this arm matched one of the above.
                        _ => continue,
                    };
                    let tail = matches!(op, Op::TailCall(..) | Op::TailCallKeep { .. });
                    let callee = self.program.resolve(&fun.imports[imp as usize]);
                    if keep > 0 && !matches!(callee, Callee::Function(_)) {
                        // A native or an undefined function takes all its
                        // arguments from the stack: push the kept ones.
                        let at = p.stack.len() - (argc as usize - keep);
                        let kept: Vec<Value> = p.stack[base..base + keep].to_vec();
                        p.stack.splice(at..at, kept);
                    }
                    match callee {
                        Callee::Function(id) => {
                            if self.budget <= 0 {
                                pc -= 1;
                                save_pc!();
                                return Outcome::Yield;
                            }
                            spend!();
                            if tail {
                                self.tail_frame(p, id, argc as usize, keep);
                            } else {
                                save_pc!();
                                if let Err(e) = self.push_frame(p, id, argc as usize) {
                                    raise!(e);
                                }
                            }
                            load_frame!();
                        }
                        Callee::Native(nf) => {
                            spend!();
                            save_pc!();
                            match self.native(core, p, nf, argc as usize, tail) {
                                NativeFlow::Pushed if tail => {
                                    if let Some(o) = self.ret(p) {
                                        return o;
                                    }
                                    load_frame!();
                                }
                                // The result is pushed and the frame is as it was.
                                NativeFlow::Pushed => {
                                    if matches!(op, Op::CallPop(..)) {
                                        if let Some(v) = p.stack.pop() {
                                            v.discard();
                                        }
                                        pc += 1;
                                    }
                                }
                                NativeFlow::Entered | NativeFlow::Caught => load_frame!(),
                                NativeFlow::Stop(o) => return o,
                            }
                        }
                        Callee::Undefined => {
                            let i = &fun.imports[imp as usize];
                            let args = p.stack[p.stack.len() - i.arity as usize..].to_vec();
                            let mut e = exception::undefined_function(i.module, i.name, args);
                            if tail {
                                // The call would have replaced the caller's frame.
                                self.record_stack(p, &mut e, 1);
                            }
                            raise!(e)
                        }
                    }
                }
                Op::CallDynamic(site, argc) | Op::TailCallDynamic(site, argc) => {
                    let tail = matches!(op, Op::TailCallDynamic(..));
                    let argc = argc as usize;
                    let at = p.stack.len() - argc - 1;
                    let callee = match p.stack[at] {
                        Value::Atom(module) => {
                            Some(self.dynamic_callee(&fun.dynamic[site as usize], module, argc))
                        }
                        _ => None,
                    };
                    // A reduction, as for the call of `:erlang.apply/3` this stands for.
                    spend!();
                    save_pc!();
                    if let Some(Callee::Function(id)) = callee {
                        p.stack.remove(at).discard();
                        if tail {
                            self.tail_frame(p, id, argc, 0);
                        } else if let Err(e) = self.push_frame(p, id, argc) {
                            raise!(e);
                        }
                        load_frame!();
                        continue;
                    }
                    // Anything else (a native, an undefined function, a module
                    // that is not an atom) goes through `apply/3` itself, for
                    // its errors.
                    let args = Value::list(p.stack.drain(at + 1..).collect());
                    p.stack.push(Value::Atom(fun.dynamic[site as usize].name));
                    p.stack.push(args);
                    match self.native(core, p, crate::native::apply3, 3, tail) {
                        NativeFlow::Pushed if tail => {
                            if let Some(o) = self.ret(p) {
                                return o;
                            }
                            load_frame!();
                        }
                        NativeFlow::Pushed | NativeFlow::Entered | NativeFlow::Caught => {
                            load_frame!()
                        }
                        NativeFlow::Stop(o) => return o,
                    }
                }
                Op::CallFun(argc) | Op::TailCallFun(argc) => {
                    let tail = matches!(op, Op::TailCallFun(_));
                    if self.budget <= 0 {
                        pc -= 1;
                        save_pc!();
                        return Outcome::Yield;
                    }
                    save_pc!();
                    match self.call_fun(core, p, argc as usize, tail) {
                        Ok(Flow::Continue) => load_frame!(),
                        Ok(Flow::Stop(o)) => return o,
                        Err(e) => raise!(e),
                    }
                }
                Op::Return => {
                    if let Some(o) = self.ret(p) {
                        return o;
                    }
                    load_frame!();
                }
                Op::MatchConst(i, t) => {
                    let v = pop!();
                    if !same_as_const(&v, &fun.consts[i as usize]) {
                        pc = t as usize;
                    }
                    v.discard();
                }
                Op::MatchSlotConst { slot, c, fail } => {
                    if same_as_const(&p.stack[base + slot as usize], &fun.consts[c as usize]) {
                        pc += 1;
                    } else {
                        pc = fail as usize;
                    }
                }
                Op::MatchSlotTuple { slot, n, fail } => match &p.stack[base + slot as usize] {
                    Value::Tuple(items) if items.len() == n as usize => {
                        let items = items.clone();
                        p.stack.extend(items.iter().rev().cloned());
                        pc += 1;
                    }
                    _ => pc = fail as usize,
                },
                Op::MatchTagged { n, c, fail } => {
                    let v = pop!();
                    match &v {
                        Value::Tuple(items)
                            if items.len() == n as usize
                                && same_as_const(&items[0], &fun.consts[c as usize]) =>
                        {
                            p.stack.extend(items[1..].iter().rev().cloned());
                            pc += 1;
                        }
                        _ => pc = fail as usize,
                    }
                    v.discard();
                }
                Op::MatchTaggedPeek { n, c, fail } => match p.stack.last() {
                    Some(Value::Tuple(items))
                        if items.len() == n as usize
                            && same_as_const(&items[0], &fun.consts[c as usize]) =>
                    {
                        let items = items.clone();
                        p.stack.extend(items[1..].iter().rev().cloned());
                        pc += 2;
                    }
                    _ => pc = fail as usize,
                },
                Op::MatchTaggedSlot { slot, n, c, fail } => match &p.stack[base + slot as usize] {
                    Value::Tuple(items)
                        if items.len() == n as usize
                            && same_as_const(&items[0], &fun.consts[c as usize]) =>
                    {
                        let items = items.clone();
                        p.stack.extend(items[1..].iter().rev().cloned());
                        pc += 2;
                    }
                    _ => pc = fail as usize,
                },
                Op::TestExported { slot, fail } => {
                    match self.exported(fun, &code[pc..], &p.stack[base + slot as usize]) {
                        Some(exported) => {
                            // The reduction of the native call this stands for.
                            spend!();
                            pc = if exported { pc + 4 } else { fail as usize };
                        }
                        // The `Load` it replaces; the call follows.
                        None => {
                            let v = p.stack[base + slot as usize].clone();
                            p.stack.push(v);
                        }
                    }
                }
                Op::MatchSlot(s, t) => {
                    let v = pop!();
                    if !strict_equal(&v, &p.stack[base + s as usize]) {
                        pc = t as usize;
                    }
                }
                Op::MatchNil(t) => {
                    if !matches!(pop!(), Value::Nil) {
                        pc = t as usize;
                    }
                }
                Op::MatchCons(t) => match pop!() {
                    Value::Cons(c) => {
                        p.stack.push(c.tail.clone());
                        p.stack.push(c.head.clone());
                    }
                    _ => pc = t as usize,
                },
                Op::MatchTuple(n, t) => match pop!() {
                    Value::Tuple(items) if items.len() == n as usize => {
                        p.stack.extend(items.iter().rev().cloned());
                    }
                    _ => pc = t as usize,
                },
                Op::MatchMap(t) => {
                    if !matches!(p.stack.last(), Some(Value::Map(_))) {
                        pc = t as usize;
                    }
                }
                Op::MatchMapKey(t) => {
                    let key = pop!();
                    let found = p.stack.last().and_then(|m| m.map_get(&key)).cloned();
                    match found {
                        Some(v) => p.stack.push(v),
                        None => pc = t as usize,
                    }
                }
                Op::MatchPrefix(i, t) => {
                    let v = pop!();
                    let prefix = &fun.consts[i as usize];
                    match (&v, prefix) {
                        (Value::Str(s), Value::Str(pre)) if s.starts_with(&**pre) => {
                            p.stack.push(Value::string(&s[pre.len()..]));
                        }
                        _ => pc = t as usize,
                    }
                }
                Op::RecvStart => p.cursor = 0,
                Op::RecvNext(t) => {
                    spend!();
                    match p.mailbox.get(p.cursor) {
                        Some(m) => {
                            let v = m.value.clone();
                            p.stack.push(v);
                        }
                        None => pc = t as usize,
                    }
                }
                Op::RecvAccept => {
                    // Most receives take the oldest message.
                    let taken = if p.cursor == 0 {
                        p.mailbox.pop_front()
                    } else {
                        p.mailbox.remove(p.cursor)
                    };
                    if let Some(m) = taken {
                        core.received(p.pid, m.id, p.mailbox.len());
                    }
                    p.cursor = 0;
                    if let Some(id) = p.recv_timer.take() {
                        core.forget_receive_timer(id);
                    }
                    p.timed_out = false;
                }
                Op::RecvTake(slot, t) => {
                    // `RecvNext`'s reduction, then `Store` and `RecvAccept`
                    // without copying the message out and dropping it again.
                    spend!();
                    let taken = if p.cursor == 0 {
                        p.mailbox.pop_front()
                    } else {
                        p.mailbox.remove(p.cursor)
                    };
                    match taken {
                        Some(m) => {
                            core.received(p.pid, m.id, p.mailbox.len());
                            std::mem::replace(&mut p.stack[base + slot as usize], m.value)
                                .discard();
                            p.cursor = 0;
                            if let Some(id) = p.recv_timer.take() {
                                core.forget_receive_timer(id);
                            }
                            p.timed_out = false;
                            pc += 2;
                        }
                        None => pc = t as usize,
                    }
                }
                Op::RecvSkip => p.cursor += 1,
                Op::RecvWait(t) => {
                    let timeout = pop!();
                    if p.timed_out {
                        p.timed_out = false;
                        p.recv_timer = None;
                        pc = t as usize;
                        continue;
                    }
                    let ms = match timeout {
                        Value::Int(ms) if ms >= 0 => Some(ms as u64),
                        Value::Atom(a) if a == Atom::INFINITY => None,
                        other => raise!(exception::Exception::error(exception::exception_struct(
                            "ArgumentError",
                            vec![(
                                "message",
                                Value::string(&format!(
                                    "timeout value in receive must be a non-negative integer or :infinity, got: {}",
                                    crate::inspect::inspect(&other)
                                ))
                            )]
                        ))),
                    };
                    if ms == Some(0) {
                        pc = t as usize;
                        continue;
                    }
                    if let (Some(ms), None) = (ms, p.recv_timer) {
                        p.recv_timer = Some(core.receive_timeout(p.pid, ms));
                    }
                    save_pc!();
                    return Outcome::Wait;
                }
                Op::Try(t) => p.handlers.push(Handler {
                    frames: p.frames.len() as u32,
                    height: p.stack.len() as u32,
                    pc: t,
                }),
                Op::EndTry => {
                    p.handlers.pop();
                }
                Op::Reraise => {
                    let stacktrace = pop!();
                    let reason = pop!();
                    let class = pop!()
                        .as_atom()
                        .and_then(Class::from_atom)
                        .unwrap_or(Class::Error);
                    raise!(Exception {
                        class,
                        reason,
                        stacktrace,
                        stack_complete: true,
                    })
                }
                Op::Fail(kind) => {
                    let v = pop!();
                    let e = match kind {
                        FailKind::Match => exception::tagged("badmatch", v),
                        FailKind::CaseClause => exception::tagged("case_clause", v),
                        FailKind::WithClause => exception::tagged("with_clause", v),
                        FailKind::TryClause => exception::tagged("try_clause", v),
                        FailKind::CondClause => exception::erlang(Value::atom("cond_clause")),
                        FailKind::FunctionClause => {
                            let args = p.stack[base..base + fun.arity].to_vec();
                            exception::function_clause_in(fun, args)
                        }
                    };
                    raise!(e)
                }
            }
        }
    }

    /// What `module.name/argc` resolves to from outside the module, remembered
    /// at the call site for the next call with the same module.
    fn dynamic_callee(&self, site: &DynamicCall, module: Atom, argc: usize) -> Callee {
        if let Some((m, callee)) = site.last.get() {
            if m == module {
                return callee;
            }
        }
        let callee = self.program.lookup_public(module, site.name, argc as u32);
        site.last.set(Some((module, callee)));
        callee
    }

    /// What `function_exported?/3` answers at an [`Op::TestExported`] whose
    /// unfused instructions are `rest`, for `module`; `None` when the native
    /// would not be called as the fused form assumes (not an atom, or another
    /// function behind the import). Out of line: `exec`'s loop stays small.
    #[inline(never)]
    fn exported(&self, fun: &Function, rest: &[Op], module: &Value) -> Option<bool> {
        let (Some(m), [Op::Atom(f), Op::Int(n), Op::Call(i, _), ..]) = (module.as_atom(), rest)
        else {
            return None;
        };
        let import = fun.imports.get(*i as usize)?;
        match self.program.resolve(import) {
            Callee::Native(_) => Some(self.program.exported(m, *f, *n as u32)),
            _ => None,
        }
    }

    /// Pushes a frame for `id` whose `argc` arguments are on top of the stack.
    fn push_frame(&mut self, p: &mut Process, id: u32, argc: usize) -> Result<(), Exception> {
        let f = self.program.function(id);
        if p.stack.len() > self.max_stack {
            return Err(exception::system_limit(&format!(
                "callcast: the process stack grew past {} values ({} nested calls); a recursion that is not a tail call is probably too deep",
                self.max_stack,
                p.frames.len()
            )));
        }
        let base = p.stack.len() - argc;
        // Not `resize`, which clones its value through `Value::clone`; a
        // mapped range reserves once and writes without a capacity test each.
        p.stack
            .extend((argc..f.locals as usize).map(|_| Value::Nil));
        p.frames.push(Frame {
            fun: id,
            pc: 0,
            base: base as u32,
        });
        Ok(())
    }

    /// Replaces the current frame with one for `id` (a tail call). The first
    /// `keep` arguments are already in their slots, the others on top.
    fn tail_frame(&mut self, p: &mut Process, id: u32, argc: usize, keep: usize) {
        let f = self.program.function(id);
        let Some(frame) = p.frames.last_mut() else {
            return;
        };
        let base = frame.base as usize;
        let args_at = p.stack.len() - (argc - keep);
        let dest = base + keep;
        if argc - keep == 1 && args_at > dest {
            // One argument to move (most tail calls that keep the others in
            // their slots): it takes its slot's place, and the slot's old
            // value goes at once instead of being swapped up for the
            // truncation below.
            if let Some(arg) = p.stack.pop() {
                std::mem::replace(&mut p.stack[dest], arg).discard();
            }
        } else if args_at >= base + argc {
            // Move the arguments down over the old frame (the common case:
            // the two ranges do not overlap).
            let (old, args) = p.stack.split_at_mut(args_at);
            for (slot, arg) in old[dest..base + argc].iter_mut().zip(args) {
                std::mem::swap(slot, arg);
            }
        } else if args_at != dest {
            for i in 0..argc - keep {
                p.stack.swap(dest + i, args_at + i);
            }
        }
        // Slots past the arguments keep stale values until the new code writes
        // them (it always writes a slot before reading it): cheaper than
        // dropping and refilling them on every tail call.
        let len = base + f.locals as usize;
        if p.stack.len() > len {
            Value::truncate_stack(&mut p.stack, len);
        } else {
            // A few slots at most: pushing them is cheaper than `resize`.
            while p.stack.len() < len {
                p.stack.push(Value::Nil);
            }
        }
        *frame = Frame {
            fun: id,
            pc: 0,
            base: base as u32,
        };
    }

    /// Returns the value on top of the stack from the current frame. `Some` when
    /// the process's outermost function returned.
    fn ret(&mut self, p: &mut Process) -> Option<Outcome> {
        let frame = p.frames.pop()?;
        let base = frame.base as usize;
        if p.frames.is_empty() || p.stack.len() <= base {
            // As `pop!` in `exec`: no default to drop.
            let v = match p.stack.pop() {
                Some(v) => v,
                None => Value::Nil,
            };
            Value::truncate_stack(&mut p.stack, base);
            if p.frames.is_empty() {
                return Some(Outcome::Return(v));
            }
            p.stack.push(v);
            return None;
        }
        // The result takes the frame's first slot and the rest goes: no pop
        // and push of the result around the truncation.
        let top = p.stack.len() - 1;
        p.stack.swap(base, top);
        Value::truncate_stack(&mut p.stack, base + 1);
        None
    }

    /// Calls the function value below `argc` arguments.
    fn call_fun(
        &mut self,
        core: &mut Core,
        p: &mut Process,
        argc: usize,
        tail: bool,
    ) -> Result<Flow, Exception> {
        let fpos = p.stack.len() - argc - 1;
        let f = p.stack[fpos].clone();
        let Value::Fun(closure) = &f else {
            return Err(exception::bad_function(f));
        };
        if closure.arity() != argc {
            let args = p.stack[fpos + 1..].to_vec();
            return Err(exception::bad_arity(f.clone(), args));
        }
        p.stack.remove(fpos);
        self.budget -= 1;
        core.clock += self.reduction_ns;
        match &**closure {
            Closure::Lambda { function, env } => {
                let id = function.id;
                if tail {
                    self.tail_frame(p, id, argc, 0);
                } else {
                    self.push_frame(p, id, argc)?;
                }
                let base = p.frames.last().map_or(0, |fr| fr.base as usize);
                for (slot, v) in function.capture_slots.iter().zip(env.iter()) {
                    p.stack[base + *slot as usize] = v.clone();
                }
                Ok(Flow::Continue)
            }
            Closure::External {
                module,
                function,
                arity,
            } => match self.program.lookup(*module, *function, *arity as u32) {
                Callee::Function(id) => {
                    if tail {
                        self.tail_frame(p, id, argc, 0);
                    } else {
                        self.push_frame(p, id, argc)?;
                    }
                    Ok(Flow::Continue)
                }
                Callee::Native(nf) => match self.native(core, p, nf, argc, tail) {
                    NativeFlow::Pushed if tail => match self.ret(p) {
                        Some(o) => Ok(Flow::Stop(o)),
                        None => Ok(Flow::Continue),
                    },
                    NativeFlow::Stop(o) => Ok(Flow::Stop(o)),
                    _ => Ok(Flow::Continue),
                },
                Callee::Undefined => {
                    let args = p.stack[p.stack.len() - argc..].to_vec();
                    Err(exception::undefined_function(*module, *function, args))
                }
            },
        }
    }

    /// Calls a native function with the top `argc` values as arguments.
    fn native(
        &mut self,
        core: &mut Core,
        p: &mut Process,
        nf: crate::native::NativeFn,
        argc: usize,
        tail: bool,
    ) -> NativeFlow {
        let at = p.stack.len() - argc;
        // The native reads its arguments where they lie: the stack is lent out
        // for the call (no native looks at its caller's stack).
        let mut stack = std::mem::take(&mut p.stack);
        let result = {
            let mut ctx = Ctx {
                program: self.program,
                core,
                proc: p,
            };
            nf(&mut ctx, &mut crate::native::Args::new(&mut stack[at..]))
        };
        Value::truncate_stack(&mut stack, at);
        p.stack = stack;
        if let Some(reason) = p.pending_exit.take() {
            return NativeFlow::Stop(Outcome::Killed(reason));
        }
        let caught = |flow: Flow| match flow {
            Flow::Continue => NativeFlow::Caught,
            Flow::Stop(o) => NativeFlow::Stop(o),
        };
        match result {
            Ok(v) => {
                p.stack.push(v);
                NativeFlow::Pushed
            }
            Err(Control::Raise(e)) => caught(self.handle(p, e)),
            Err(Control::Halt(code)) => NativeFlow::Stop(Outcome::Halt(code)),
            Err(Control::Call(f, args)) => {
                let argc = args.len();
                p.stack.push(f);
                p.stack.extend(args);
                // In tail position the called function replaces the caller's frame.
                match self.call_fun(core, p, argc, tail) {
                    Ok(Flow::Continue) => NativeFlow::Entered,
                    Ok(Flow::Stop(o)) => NativeFlow::Stop(o),
                    Err(e) => caught(self.handle(p, e)),
                }
            }
            Err(Control::CallMfa(module, function, args)) => {
                let argc = args.len();
                match self.program.lookup(module, function, argc as u32) {
                    Callee::Function(id) => {
                        p.stack.extend(args);
                        if tail {
                            self.tail_frame(p, id, argc, 0);
                        } else if let Err(e) = self.push_frame(p, id, argc) {
                            return caught(self.handle(p, e));
                        }
                        NativeFlow::Entered
                    }
                    Callee::Native(nf) => {
                        p.stack.extend(args);
                        self.native(core, p, nf, argc, tail)
                    }
                    Callee::Undefined => caught(
                        self.handle(p, exception::undefined_function(module, function, args)),
                    ),
                }
            }
            Err(Control::Yield(v)) => {
                p.stack.push(v);
                core.yielded = Some((self.start - self.budget).max(0) as u32);
                self.budget = 0;
                NativeFlow::Pushed
            }
        }
    }

    /// Unwinds to the innermost handler, or ends the process.
    fn handle(&mut self, p: &mut Process, mut e: Exception) -> Flow {
        if !e.stack_complete {
            self.record_stack(p, &mut e, 0);
        }
        match p.handlers.pop() {
            Some(h) => {
                p.frames.truncate(h.frames as usize);
                p.stack.truncate(h.height as usize);
                p.stack.push(Value::Atom(e.class.atom()));
                p.stack.push(e.reason);
                p.stack.push(e.stacktrace);
                if let Some(fr) = p.frames.last_mut() {
                    fr.pc = h.pc;
                }
                Flow::Continue
            }
            None => Flow::Stop(Outcome::Raise(e)),
        }
    }
}

impl Vm<'_> {
    /// Completes the stack trace of an exception being raised with the frames
    /// of the reader's code, innermost first, as the BEAM records them (at
    /// most its default depth of 8 entries). Prelude frames are left out: they
    /// stand for OTP and Elixir internals that the BEAM would name differently.
    /// `skip` frames at the top are left out (a tail call that failed had
    /// already replaced them).
    fn record_stack(&self, p: &Process, e: &mut Exception, skip: usize) {
        const DEPTH: usize = 8;
        let mut entries: Vec<Value> = e.stacktrace.list_iter().cloned().collect();
        let mut frames = p.frames.iter().rev().skip(skip).peekable();
        // A failed function clause names the function itself with its
        // arguments: that entry takes the place of the function's frame.
        let atoms = stack_atoms();
        if e.reason.as_atom() == Some(atoms.function_clause) {
            if let (Some(frame), Some(Value::Tuple(top))) = (frames.peek(), entries.first_mut()) {
                let f = self.program.function(frame.fun);
                if top.len() == 4 && matches!(top[3], Value::Nil) && f.in_main_file {
                    let mut entry = top.to_vec();
                    entry[3] = self.location(f, 0);
                    entries[0] = Value::tuple(entry);
                }
                frames.next();
            }
        }
        // `raise` is a macro on the BEAM: the raising function's entry carries
        // `error_info: %{module: Exception}`.
        let mut by_raise = false;
        // The BEAM records a return address only once when the next frame
        // returns to the same place (a body recursion shows up twice at most).
        let mut previous = None;
        // Prelude frames since the last frame of the reader's code: they show
        // as the frames of the Elixir function the reader called.
        let mut run: Option<elixir_frames::Run> = None;
        let end_run = |run: &mut Option<elixir_frames::Run>, entries: &mut Vec<Value>| {
            if let Some(run) = run.take() {
                let room = DEPTH.saturating_sub(entries.len());
                entries.extend(run.entries().into_iter().take(room));
            }
        };
        for frame in frames {
            if entries.len() >= DEPTH {
                break;
            }
            let f = self.program.function(frame.fun);
            let here = Some((frame.fun, frame.pc));
            if std::mem::replace(&mut previous, here) == here {
                continue;
            }
            if !f.in_main_file {
                previous = None;
                by_raise |= entries.is_empty() && f.module == atoms.kernel && f.name == "raise/1";
                if let Some(frames) = otp_frames(f) {
                    end_run(&mut run, &mut entries);
                    let room = DEPTH.saturating_sub(entries.len());
                    entries.extend(frames.iter().take(room).map(otp_entry));
                    continue;
                }
                let run = run.get_or_insert_with(Default::default);
                if let Some(finished) = run.see(f, frame.pc) {
                    let room = DEPTH.saturating_sub(entries.len());
                    entries.extend(finished.into_iter().take(room));
                }
                continue;
            }
            end_run(&mut run, &mut entries);
            if entries.len() >= DEPTH {
                break;
            }
            let marked = std::mem::take(&mut by_raise);
            entries.push(self.frame_entry(frame.fun, frame.pc, marked));
        }
        if entries.len() < DEPTH {
            end_run(&mut run, &mut entries);
        }
        e.stacktrace = Value::list(entries);
        e.stack_complete = true;
    }

    /// The stack entry of a frame of the reader's code,
    /// `{module, function, arity, [file: 'name.exs', line: n]}`. Entries are
    /// made once per call site: a loop that raises builds none.
    fn frame_entry(&self, id: u32, pc: u32, marked_by_raise: bool) -> Value {
        let cached = self.program.stack_entries.borrow().get(&(id, pc)).cloned();
        let entry = match cached {
            Some(entry) => entry,
            None => {
                let f = self.program.function(id);
                let atoms = stack_atoms();
                let (module, name, arity) = if f.name == "(file)" {
                    (atoms.elixir_compiler_0, atoms.file_fun, 1)
                } else {
                    (exception::beam_module(f), exception::beam_name(f), f.arity)
                };
                let entry = Value::tuple(vec![
                    Value::Atom(module),
                    Value::Atom(name),
                    Value::Int(arity as i64),
                    self.location(f, pc.saturating_sub(1) as usize),
                ]);
                self.program
                    .stack_entries
                    .borrow_mut()
                    .insert((id, pc), entry.clone());
                entry
            }
        };
        match &entry {
            Value::Tuple(t) if marked_by_raise && t.len() == 4 => {
                let mut items = t.to_vec();
                items[3] = with_error_info(items[3].clone());
                Value::tuple(items)
            }
            _ => entry,
        }
    }

    /// `[file: 'name.exs', line: n]` for instruction `pc` of a function of the
    /// main file.
    fn location(&self, f: &Function, pc: usize) -> Value {
        let main = &self.program.main_file;
        let line = f.spans.get(pc).map_or(1, |span| main.line(span.start));
        Value::list(vec![
            main.file_item.clone(),
            Value::tuple(vec![
                Value::Atom(stack_atoms().line),
                Value::Int(line as i64),
            ]),
        ])
    }
}

/// A frame of OTP's own code: module, function, arity, file and line.
type OtpFrame = (&'static str, &'static str, i64, &'static str, i64);

/// The frames the BEAM shows under a GenServer callback or a task's function,
/// for the prelude function that runs it (as OTP 25's `gen_server.erl` and
/// Elixir 1.14's `Task.Supervised` run it).
fn otp_frames(f: &Function) -> Option<&'static [OtpFrame]> {
    const PROC_LIB: OtpFrame = ("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240);
    let atoms = stack_atoms();
    if f.module == atoms.task && f.name == "-async/1-fun-0-" {
        // The function a task runs (`Task.async/1`), under Task.Supervised.
        return Some(&[
            (
                "Elixir.Task.Supervised",
                "invoke_mfa",
                2,
                "lib/task/supervised.ex",
                89,
            ),
            (
                "Elixir.Task.Supervised",
                "reply",
                4,
                "lib/task/supervised.ex",
                34,
            ),
            PROC_LIB,
        ]);
    }
    if f.module == atoms.runner && f.name == "main/1" {
        // What `elixir file.exs` runs a script from (Elixir's CLI prunes all
        // but `Code.require_file/2` when it prints an uncaught error).
        return Some(&[
            (
                "elixir_compiler",
                "dispatch",
                4,
                "src/elixir_compiler.erl",
                65,
            ),
            (
                "elixir_compiler",
                "compile",
                3,
                "src/elixir_compiler.erl",
                50,
            ),
            ("elixir_lexical", "run", 3, "src/elixir_lexical.erl", 15),
            (
                "elixir_compiler",
                "quoted",
                3,
                "src/elixir_compiler.erl",
                17,
            ),
            (
                "Elixir.Module.ParallelChecker",
                "verify",
                1,
                "lib/module/parallel_checker.ex",
                100,
            ),
            ("Elixir.Code", "require_file", 2, "lib/code.ex", 1245),
            ("Elixir.Kernel.CLI", "wrapper", 1, "lib/kernel/cli.ex", 574),
        ]);
    }
    if f.module != atoms.gen_server {
        return None;
    }
    Some(match f.name.as_str() {
        "try_init/1" => &[
            ("gen_server", "init_it", 2, "gen_server.erl", 851),
            ("gen_server", "init_it", 6, "gen_server.erl", 814),
            PROC_LIB,
        ],
        "try_handle_call/4" => &[
            ("gen_server", "try_handle_call", 4, "gen_server.erl", 1149),
            ("gen_server", "handle_msg", 6, "gen_server.erl", 1178),
            PROC_LIB,
        ],
        "try_dispatch/4" => &[
            ("gen_server", "try_dispatch", 4, "gen_server.erl", 1123),
            ("gen_server", "handle_msg", 6, "gen_server.erl", 1200),
            PROC_LIB,
        ],
        "try_handle_continue/1" => &[
            ("gen_server", "try_dispatch", 4, "gen_server.erl", 1123),
            ("gen_server", "loop", 7, "gen_server.erl", 865),
            PROC_LIB,
        ],
        _ => return None,
    })
}

fn otp_entry(&(module, fun, arity, file, line): &OtpFrame) -> Value {
    let file = Value::list(file.chars().map(|c| Value::Int(c as i64)).collect());
    Value::tuple(vec![
        Value::atom(module),
        Value::atom(fun),
        Value::Int(arity),
        Value::list(vec![
            Value::tuple(vec![Value::atom("file"), file]),
            Value::tuple(vec![Value::atom("line"), Value::Int(line)]),
        ]),
    ])
}

/// Atoms stack traces use, interned once.
struct StackAtoms {
    function_clause: Atom,
    kernel: Atom,
    gen_server: Atom,
    task: Atom,
    runner: Atom,
    elixir_compiler_0: Atom,
    file_fun: Atom,
    line: Atom,
}

fn stack_atoms() -> &'static StackAtoms {
    static ATOMS: std::sync::OnceLock<StackAtoms> = std::sync::OnceLock::new();
    ATOMS.get_or_init(|| StackAtoms {
        function_clause: Atom::intern("function_clause"),
        kernel: Atom::intern("Elixir.Kernel"),
        gen_server: Atom::intern("Elixir.GenServer"),
        task: Atom::intern("Elixir.Task"),
        runner: Atom::intern("Elixir.Callcast.Runner"),
        elixir_compiler_0: Atom::intern("elixir_compiler_0"),
        file_fun: Atom::intern("__FILE__"),
        line: Atom::intern("line"),
    })
}

/// A location with `error_info: %{module: Exception}` added, as `raise` marks it.
fn with_error_info(location: Value) -> Value {
    let mut info = std::collections::BTreeMap::new();
    info.insert(
        crate::term_order::MapKey(Value::atom("module")),
        Value::atom("Elixir.Exception"),
    );
    let pair = Value::tuple(vec![Value::atom("error_info"), Value::map(info)]);
    let mut items: Vec<Value> = location.list_iter().cloned().collect();
    items.push(pair);
    Value::list(items)
}

/// Whether a value strictly equals a pattern's literal (integers and atoms,
/// the usual literals, without the general comparison).
#[inline]
fn same_as_const(v: &Value, c: &Value) -> bool {
    match (v, c) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Atom(x), Value::Atom(y)) => x == y,
        _ => strict_equal(v, c),
    }
}

/// The `:erlang` function the BEAM names at the top of the stack trace when
/// an operator fails. `/` is absent: compiled code divides without calling
/// `:erlang.//2`, so the BEAM's stack starts at the dividing function.
fn bif_name(op: BinaryOp) -> Option<&'static str> {
    match op {
        BinaryOp::Add => Some("+"),
        BinaryOp::Sub => Some("-"),
        BinaryOp::Mul => Some("*"),
        _ => None,
    }
}
