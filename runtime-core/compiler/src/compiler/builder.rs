//! The function under construction: its instructions, constants, imports, local
//! slots and variable scopes.

use crate::atom::Atom;
use crate::bytecode::{DynamicCall, FunctionId, Import, Label, Op};
use crate::diagnostic::Span;
use crate::term_order::strict_equal;
use crate::value::Value;

use super::sorted_map::SortedMap;

/// Placeholder target of a jump whose label is not placed yet.
const UNPLACED: Label = u32::MAX;

/// A forward-declared jump target.
#[derive(Clone, Copy, Debug)]
pub struct LabelId(usize);

/// One function being compiled.
pub struct FnBuilder {
    pub module: Atom,
    pub name: String,
    pub fun_name: Option<Atom>,
    pub arity: usize,
    pub code: Vec<Op>,
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub imports: Vec<Import>,
    pub dynamic: Vec<DynamicCall>,
    import_index: SortedMap<(u32, u32, u32), u32>,
    pub lambdas: Vec<FunctionId>,
    /// Variable scopes, innermost last: name → slot.
    scopes: Vec<SortedMap<String, u32>>,
    /// How many slots the frame needs (the most ever in use at once).
    pub locals: u32,
    /// The next free slot.
    next_slot: u32,
    /// Operand-stack depth above the locals, tracked statically.
    pub depth: u32,
    /// Slots known to hold a constant (bound by `var = constant`), for the
    /// compile-time warnings Elixir gives about calls that must fail.
    pub known: SortedMap<u32, Value>,
    /// Variables captured from the enclosing function: (slot there, slot here).
    pub captures: Vec<(u32, u32)>,
    labels: Vec<Option<Label>>,
    /// Jumps waiting for a label: (instruction index, label).
    patches: Vec<(usize, LabelId)>,
    pub span: Span,
    /// How many lambdas were created inside, for naming them.
    pub lambda_counter: usize,
    /// Each variable a pattern binds, with the slot it had before (if any in
    /// this function), newest last: a pin in the same pattern (`{x, ^x}`)
    /// reads the value from before the match.
    pub pre_match: Vec<(String, Option<u32>)>,
}

impl FnBuilder {
    pub fn new(module: Atom, name: String, fun_name: Option<Atom>, arity: usize) -> FnBuilder {
        FnBuilder {
            module,
            name,
            fun_name,
            arity,
            code: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            imports: Vec::new(),
            dynamic: Vec::new(),
            import_index: SortedMap::default(),
            lambdas: Vec::new(),
            scopes: vec![SortedMap::default()],
            locals: arity as u32,
            next_slot: arity as u32,
            depth: 0,
            known: SortedMap::default(),
            captures: Vec::new(),
            labels: Vec::new(),
            patches: Vec::new(),
            span: Span::default(),
            lambda_counter: 0,
            pre_match: Vec::new(),
        }
    }

    /// Emits an instruction and updates the tracked stack depth.
    pub fn emit(&mut self, op: Op) {
        self.depth = (self.depth as i64 + stack_effect(op)).max(0) as u32;
        self.code.push(op);
        self.spans.push(self.span);
    }

    /// Emits a jump-carrying instruction whose target is `label`.
    pub fn emit_jump(&mut self, make: impl FnOnce(Label) -> Op, label: LabelId) {
        let target = self.labels[label.0].unwrap_or(UNPLACED);
        if target == UNPLACED {
            self.patches.push((self.code.len(), label));
        }
        self.emit(make(target));
    }

    pub fn new_label(&mut self) -> LabelId {
        self.labels.push(None);
        LabelId(self.labels.len() - 1)
    }

    /// Whether a jump to `label` (not placed yet) was emitted.
    pub fn is_referenced(&self, label: LabelId) -> bool {
        self.patches.iter().any(|(_, l)| l.0 == label.0)
    }

    /// Turns a final `Dup, Store(x)` into `Store(x)` when nothing jumps to or
    /// past the `Store`: `x = e` as a statement leaves no value to pop. Returns
    /// whether it did (the value is then consumed).
    pub fn fold_dup_store(&mut self) -> bool {
        let n = self.code.len();
        if n < 2 || !matches!(self.code[n - 2..], [Op::Dup, Op::Store(_)]) {
            return false;
        }
        if self.labels.iter().flatten().any(|&t| t as usize >= n - 1) {
            return false;
        }
        self.code.remove(n - 2);
        self.spans.remove(n - 2);
        self.depth = self.depth.saturating_sub(1);
        true
    }

    pub fn place(&mut self, label: LabelId) {
        self.labels[label.0] = Some(self.code.len() as Label);
    }

    pub fn constant(&mut self, value: Value) -> u32 {
        if let Some(i) = self.consts.iter().position(|c| same_const(c, &value)) {
            return i as u32;
        }
        self.consts.push(value);
        (self.consts.len() - 1) as u32
    }

    pub fn push_const(&mut self, value: Value) {
        match value {
            Value::Atom(a) if a == Atom::NIL => self.emit(Op::Nil),
            Value::Atom(a) => self.emit(Op::Atom(a)),
            Value::Int(n) if i32::try_from(n).is_ok() => self.emit(Op::Int(n as i32)),
            _ => {
                let i = self.constant(value);
                self.emit(Op::Const(i));
            }
        }
    }

    pub fn import(&mut self, module: Atom, name: Atom, arity: u32) -> u32 {
        let key = (module.index(), name.index(), arity);
        if let Some(&i) = self.import_index.get(&key) {
            return i;
        }
        self.imports.push(Import {
            module,
            name,
            arity,
            resolved: Default::default(),
        });
        let i = (self.imports.len() - 1) as u32;
        self.import_index.insert(key, i);
        i
    }

    /// An import that is undefined whatever the program defines: a remote
    /// call of a private function (`Mod.secret()`), which fails as a call
    /// of an undefined one, even from inside `Mod`.
    pub fn import_undefined(&mut self, module: Atom, name: Atom, arity: u32) -> u32 {
        self.imports.push(Import {
            module,
            name,
            arity,
            resolved: crate::bytecode::Callee::Undefined.into(),
        });
        (self.imports.len() - 1) as u32
    }

    /// A slot for a new variable or temporary: the next one not in use.
    pub fn new_slot(&mut self) -> u32 {
        loop {
            let slot = self.next_slot;
            self.next_slot += 1;
            self.locals = self.locals.max(self.next_slot);
            // A captured variable's slot is written on every entry and read
            // anywhere in the function: it is never shared.
            if !self.captures.iter().any(|&(_, own)| own == slot) {
                return slot;
            }
        }
    }

    /// A slot for a captured variable: one no other code of the function uses.
    pub fn capture_slot(&mut self) -> u32 {
        self.locals += 1;
        self.locals - 1
    }

    /// Emits a tail call of import `imp` whose arguments were compiled
    /// starting at the instruction indices `arg_starts`. The leading
    /// arguments that only load the caller's slot of the same position (a
    /// loop passing its state on unchanged) are taken out again: the call
    /// keeps them in place (`Op::TailCallKeep`) instead of pushing each and
    /// moving it back down. Only when the later arguments cannot write those
    /// slots or jump (so no instruction index they hold changes).
    pub fn emit_tail_call(&mut self, imp: u32, arg_starts: &[usize]) {
        let argc = arg_starts.len();
        let end = self.code.len();
        let first = arg_starts.first().copied().unwrap_or(end);
        let mut keep = 0;
        while keep < argc && keep < u16::MAX as usize {
            let next = arg_starts.get(keep + 1).copied().unwrap_or(end);
            if arg_starts[keep] != first + keep
                || next != first + keep + 1
                || self.code[first + keep] != Op::Load(keep as u32)
            {
                break;
            }
            keep += 1;
        }
        let rest_is_plain = self.code[first + keep..].iter().all(|op| {
            jump_target(*op).is_none() && !matches!(op, Op::Store(s) if (*s as usize) < keep)
        });
        let labels_past = self.labels.iter().flatten().any(|&t| t as usize > first);
        if keep == 0 || !rest_is_plain || labels_past || argc > u16::MAX as usize {
            self.emit(Op::TailCall(imp, argc as u32));
            return;
        }
        self.code.drain(first..first + keep);
        self.spans.drain(first..first + keep);
        self.depth = self.depth.saturating_sub(keep as u32);
        self.emit(Op::TailCallKeep {
            imp,
            argc: argc as u16,
            keep: keep as u16,
        });
    }

    /// Where the next slot would go; pass it to [`FnBuilder::release_slots`] once
    /// the variables bound from here on are out of scope.
    pub fn slot_mark(&self) -> u32 {
        self.next_slot
    }

    /// Lets later code reuse the slots taken since `mark`. Clauses of a function,
    /// a `case` or a `receive` bind their variables in turn, never together, so
    /// they can share slots: a frame's size is the largest clause's need, not
    /// the sum, and a call or return has fewer slots to fill and drop.
    pub fn release_slots(&mut self, mark: u32) {
        self.next_slot = mark;
        self.known.retain(|&slot, _| slot < mark);
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(SortedMap::default());
    }

    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Binds `name` to a fresh slot in the innermost scope.
    pub fn bind(&mut self, name: &str) -> u32 {
        let slot = self.new_slot();
        self.bind_to(name, slot);
        slot
    }

    /// Binds `name` in the outermost scope (captured variables live there).
    pub fn bind_root(&mut self, name: &str, slot: u32) {
        if let Some(scope) = self.scopes.first_mut() {
            scope.insert(name.to_string(), slot);
        }
    }

    pub fn bind_to(&mut self, name: &str, slot: u32) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name.to_string(), slot);
        }
    }

    /// The slot of a variable visible here, if any (not looking at enclosing functions).
    pub fn lookup(&self, name: &str) -> Option<u32> {
        self.scopes.iter().rev().find_map(|s| s.get(name).copied())
    }

    /// Resolves every forward jump; call once the code is complete.
    pub fn finish_code(&mut self) {
        for (at, label) in std::mem::take(&mut self.patches) {
            let target = self.labels[label.0].unwrap_or(0);
            self.code[at] = retarget(self.code[at], target);
        }
        self.fold_store_pops();
    }

    /// Turns `Dup, Store(x), Pop` into `Store(x)` wherever nothing jumps to the
    /// `Store` or the `Pop`: a binding whose value is then discarded (a
    /// `receive` clause's variable, `x = call()` before a `case`), which
    /// `fold_dup_store` cannot see while the code is still being emitted.
    fn fold_store_pops(&mut self) {
        let targeted = self.jump_targets();
        let n = self.code.len();
        let mut removed = vec![false; n];
        let mut i = 0;
        while i + 2 < n {
            if matches!(self.code[i..i + 3], [Op::Dup, Op::Store(_), Op::Pop])
                && !targeted[i + 1]
                && !targeted[i + 2]
            {
                removed[i] = true;
                removed[i + 2] = true;
                i += 3;
            } else {
                i += 1;
            }
        }
        self.remove(&removed);
    }

    /// Removes `Store(x), Move(x)` wherever nothing jumps to the `Move`: a
    /// value bound to a variable that is then passed on at once, as
    /// `result = try_dispatch(...)` is to `handle_common(..., result)` in
    /// GenServer's loop, on every message. Once the `Move` is the variable's
    /// last use (after the liveness pass) the pair only parks the value in
    /// a slot and takes it back; the slot is dead, so its older content can
    /// stay until the frame goes.
    pub fn fold_store_moves(&mut self) {
        let pair = |w: &[Op]| matches!(w, [Op::Store(a), Op::Move(b)] if a == b);
        if !self.code.windows(2).any(pair) {
            return;
        }
        let targeted = self.jump_targets();
        let n = self.code.len();
        let mut removed = vec![false; n];
        let mut i = 0;
        while i + 1 < n {
            if pair(&self.code[i..i + 2]) && !targeted[i + 1] {
                removed[i] = true;
                removed[i + 1] = true;
                i += 2;
            } else {
                i += 1;
            }
        }
        self.remove(&removed);
    }

    /// Whether each instruction (and the end of the code) is a jump target.
    fn jump_targets(&self) -> Vec<bool> {
        let mut targeted = vec![false; self.code.len() + 1];
        for op in &self.code {
            if let Some(t) = jump_target(*op) {
                if let Some(flag) = targeted.get_mut(t as usize) {
                    *flag = true;
                }
            }
        }
        targeted
    }

    /// Drops the instructions marked `removed` and their spans; a jump to a
    /// removed instruction lands on the next one kept.
    fn remove(&mut self, removed: &[bool]) {
        if !removed.contains(&true) {
            return;
        }
        let mut new_at = Vec::with_capacity(removed.len() + 1);
        let mut kept = 0;
        for &gone in removed {
            new_at.push(kept as Label);
            if !gone {
                kept += 1;
            }
        }
        new_at.push(kept as Label);
        let code = std::mem::take(&mut self.code);
        let spans = std::mem::take(&mut self.spans);
        for ((op, span), &gone) in code.into_iter().zip(spans).zip(removed) {
            if gone {
                continue;
            }
            let op = match jump_target(op) {
                Some(t) => retarget(op, new_at[t as usize]),
                None => op,
            };
            self.code.push(op);
            self.spans.push(span);
        }
    }
}

/// The label an instruction may jump to.
pub(super) fn jump_target(op: Op) -> Option<Label> {
    match op {
        Op::Jump(t)
        | Op::JumpIfFalsy(t)
        | Op::JumpIfTruthy(t)
        | Op::MatchConst(_, t)
        | Op::MatchSlot(_, t)
        | Op::MatchNil(t)
        | Op::MatchCons(t)
        | Op::MatchTuple(_, t)
        | Op::MatchMap(t)
        | Op::MatchMapKey(t)
        | Op::MatchPrefix(_, t)
        | Op::MatchSlotConst { fail: t, .. }
        | Op::MatchSlotTuple { fail: t, .. }
        | Op::MatchTagged { fail: t, .. }
        | Op::MatchTaggedPeek { fail: t, .. }
        | Op::MatchTaggedSlot { fail: t, .. }
        | Op::TestExported { fail: t, .. }
        | Op::RecvNext(t)
        | Op::RecvTake(_, t)
        | Op::RecvWait(t)
        | Op::Try(t) => Some(t),
        _ => None,
    }
}

fn same_const(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Atom(x), Value::Atom(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Float(_), _) | (_, Value::Float(_)) => false,
        (Value::Fun(_), _) | (_, Value::Fun(_)) => false,
        _ => strict_equal(a, b),
    }
}

/// `op` with its jump target replaced by `t`.
pub(super) fn retarget(op: Op, t: Label) -> Op {
    match op {
        Op::Jump(_) => Op::Jump(t),
        Op::JumpIfFalsy(_) => Op::JumpIfFalsy(t),
        Op::JumpIfTruthy(_) => Op::JumpIfTruthy(t),
        Op::MatchConst(i, _) => Op::MatchConst(i, t),
        Op::MatchSlot(i, _) => Op::MatchSlot(i, t),
        Op::MatchNil(_) => Op::MatchNil(t),
        Op::MatchCons(_) => Op::MatchCons(t),
        Op::MatchTuple(n, _) => Op::MatchTuple(n, t),
        Op::MatchMap(_) => Op::MatchMap(t),
        Op::MatchMapKey(_) => Op::MatchMapKey(t),
        Op::MatchPrefix(i, _) => Op::MatchPrefix(i, t),
        Op::MatchSlotConst { slot, c, .. } => Op::MatchSlotConst { slot, c, fail: t },
        Op::MatchSlotTuple { slot, n, .. } => Op::MatchSlotTuple { slot, n, fail: t },
        Op::MatchTagged { n, c, .. } => Op::MatchTagged { n, c, fail: t },
        Op::MatchTaggedPeek { n, c, .. } => Op::MatchTaggedPeek { n, c, fail: t },
        Op::MatchTaggedSlot { slot, n, c, .. } => Op::MatchTaggedSlot {
            slot,
            n,
            c,
            fail: t,
        },
        Op::TestExported { slot, .. } => Op::TestExported { slot, fail: t },
        Op::RecvNext(_) => Op::RecvNext(t),
        Op::RecvTake(s, _) => Op::RecvTake(s, t),
        Op::RecvWait(_) => Op::RecvWait(t),
        Op::Try(_) => Op::Try(t),
        other => other,
    }
}

/// How an instruction changes the operand-stack depth (on its fall-through path).
fn stack_effect(op: Op) -> i64 {
    match op {
        Op::Const(_) | Op::Nil | Op::Atom(_) | Op::Int(_) | Op::Load(_) | Op::Move(_) | Op::Dup => {
            1
        }
        Op::Store(_) | Op::Pop => -1,
        Op::Truncate(_) => 0,
        Op::MakeTuple(n) => 1 - n as i64,
        Op::MakeList(n) => -(n as i64),
        Op::MakeMap(n) => 1 - 2 * n as i64,
        Op::UpdateMap(n) => -2 * n as i64,
        Op::Interpolate(n) => 1 - n as i64,
        Op::MakeClosure(_, n) => 1 - n as i64,
        Op::Binary(_) | Op::BinaryInline(_) => -1,
        Op::Unary(_) | Op::GetField(_) => 0,
        Op::Access => -1,
        Op::Jump(_) => 0,
        Op::JumpIfFalsy(_) | Op::JumpIfTruthy(_) => -1,
        Op::CheckBool(_) => 0,
        Op::Call(_, argc) | Op::TailCall(_, argc) => 1 - argc as i64,
        Op::CallPop(_, argc) => -(argc as i64),
        Op::TailCallKeep { argc, keep, .. } => 1 - (argc - keep) as i64,
        Op::CallFun(argc) | Op::TailCallFun(argc) => -(argc as i64),
        Op::CallDynamic(_, argc) | Op::TailCallDynamic(_, argc) => -(argc as i64),
        Op::Return => -1,
        Op::MatchConst(..) | Op::MatchSlot(..) | Op::MatchNil(_) => -1,
        Op::MatchCons(_) => 1,
        Op::MatchTuple(n, _) => n as i64 - 1,
        Op::MatchMap(_) => 0,
        Op::MatchMapKey(_) => 0,
        Op::MatchPrefix(..) => 0,
        Op::MatchSlotConst { .. } => 0,
        Op::MatchSlotTuple { n, .. } => n as i64,
        Op::MatchTagged { n, .. } => n as i64 - 2,
        Op::MatchTaggedPeek { n, .. } | Op::MatchTaggedSlot { n, .. } => n as i64 - 1,
        Op::TestExported { .. } => 0,
        Op::RecvStart | Op::RecvAccept | Op::RecvSkip => 0,
        Op::RecvNext(_) => 1,
        Op::RecvTake(..) => 0,
        Op::RecvWait(_) => -1,
        Op::Try(_) | Op::EndTry => 0,
        Op::Reraise => -3,
        Op::Fail(_) => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(build: impl FnOnce(&mut FnBuilder)) -> Vec<Op> {
        let mut b = FnBuilder::new(Atom::NIL, "f/1".to_string(), None, 1);
        build(&mut b);
        b.finish_code();
        assert_eq!(b.code.len(), b.spans.len());
        b.code
    }

    fn store_moves_folded(code: Vec<Op>) -> Vec<Op> {
        let mut b = FnBuilder::new(Atom::NIL, "f/1".to_string(), None, 1);
        b.spans = vec![Span::default(); code.len()];
        b.code = code;
        b.fold_store_moves();
        assert_eq!(b.code.len(), b.spans.len());
        b.code
    }

    #[test]
    fn a_tail_call_keeps_the_leading_arguments_already_in_their_slots() {
        // `loop(a, b, n - 1)` in `def loop(a, b, n)`: slots 0 and 1 stay.
        let code = finished(|b| {
            let starts = [0, 1, 2];
            b.emit(Op::Load(0));
            b.emit(Op::Load(1));
            b.emit(Op::Load(2));
            b.emit(Op::Const(0));
            b.emit(Op::BinaryInline(crate::bytecode::BinaryOp::Sub));
            b.emit_tail_call(7, &starts);
        });
        assert_eq!(
            code,
            [
                Op::Load(2),
                Op::Const(0),
                Op::BinaryInline(crate::bytecode::BinaryOp::Sub),
                Op::TailCallKeep {
                    imp: 7,
                    argc: 3,
                    keep: 2
                }
            ]
        );
        // `loop(b, a)` swaps them: nothing stays.
        let swapped = finished(|b| {
            b.emit(Op::Load(1));
            b.emit(Op::Load(0));
            b.emit_tail_call(7, &[0, 1]);
        });
        assert_eq!(swapped[2], Op::TailCall(7, 2));
    }

    #[test]
    fn a_discarded_binding_is_one_store_and_jumps_past_it_are_moved() {
        // `receive do x -> f(x) after ... end` in miniature: a loop back to
        // the `RecvNext`, a jump forward over the folded triple.
        let code = finished(|b| {
            let next = b.new_label();
            let done = b.new_label();
            b.place(next);
            b.emit_jump(Op::RecvNext, done);
            b.emit(Op::Dup);
            b.emit(Op::Store(1));
            b.emit(Op::Pop);
            b.emit_jump(Op::Jump, next);
            b.place(done);
            b.emit(Op::Nil);
            b.emit(Op::Return);
        });
        assert_eq!(
            code,
            vec![
                Op::RecvNext(3),
                Op::Store(1),
                Op::Jump(0),
                Op::Nil,
                Op::Return
            ]
        );
    }

    #[test]
    fn a_jump_into_the_triple_keeps_it() {
        let code = finished(|b| {
            let store = b.new_label();
            b.emit(Op::Load(0));
            b.emit_jump(|t| Op::MatchConst(0, t), store);
            b.emit(Op::Const(0));
            b.emit(Op::Dup);
            b.place(store);
            b.emit(Op::Store(1));
            b.emit(Op::Pop);
            b.emit(Op::Nil);
            b.emit(Op::Return);
        });
        assert_eq!(code[3..6], [Op::Dup, Op::Store(1), Op::Pop]);
    }
    #[test]
    fn a_value_stored_and_moved_on_at_once_stays_on_the_stack() {
        // `result = f(x); g(result)`, then a clause whose failure jumps past
        // the pair: the jump lands where the pair was.
        let code = finished(|b| {
            let fail = b.new_label();
            b.emit(Op::Load(0));
            b.emit_jump(|t| Op::MatchConst(0, t), fail);
            b.emit(Op::Move(0));
            b.emit(Op::Call(0, 1));
            b.emit(Op::Store(1));
            b.emit(Op::Move(1));
            b.place(fail);
            b.emit(Op::TailCall(1, 1));
        });
        assert_eq!(
            store_moves_folded(code),
            [
                Op::Load(0),
                Op::MatchConst(0, 4),
                Op::Move(0),
                Op::Call(0, 1),
                Op::TailCall(1, 1)
            ]
        );
    }

    #[test]
    fn a_move_that_a_jump_reaches_keeps_its_store() {
        let code = vec![
            Op::Load(0),
            Op::MatchConst(0, 3),
            Op::Store(1),
            Op::Move(1),
            Op::Return,
        ];
        assert_eq!(store_moves_folded(code.clone()), code);
    }
}
