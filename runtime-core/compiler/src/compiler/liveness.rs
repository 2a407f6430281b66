//! Last uses of local variables: a `Load` after which its slot is never read
//! again becomes a `Move`, which hands the value over instead of sharing it.
//!
//! Why: terms are reference-counted and immutable, so `Map.put(acc, k, v)` may
//! update `acc` in place only when nothing else holds it. Without moves the
//! caller's slot always does, every update copies, and building a map (or a
//! tuple with `put_elem`) key by key in a loop is quadratic.
//!
//! The analysis is the classic backward data flow over the function's
//! instructions. An exception may jump from any instruction inside a `try` to
//! its handler, so a slot the handler (or code after it) reads is never moved
//! anywhere in the function.

use crate::bytecode::{FailKind, Op};

/// A set of local slots (a bit set; most functions need one word).
#[derive(Clone, PartialEq)]
struct Slots(Vec<u64>);

impl Slots {
    fn new(words: usize) -> Slots {
        Slots(vec![0; words])
    }

    fn contains(&self, slot: u32) -> bool {
        self.0
            .get(slot as usize / 64)
            .is_some_and(|w| w & (1 << (slot % 64)) != 0)
    }

    fn insert(&mut self, slot: u32) {
        if let Some(w) = self.0.get_mut(slot as usize / 64) {
            *w |= 1 << (slot % 64);
        }
    }

    fn remove(&mut self, slot: u32) {
        if let Some(w) = self.0.get_mut(slot as usize / 64) {
            *w &= !(1 << (slot % 64));
        }
    }

    fn union_with(&mut self, other: &[u64]) {
        for (a, b) in self.0.iter_mut().zip(other) {
            *a |= b;
        }
    }
}

/// The sets live before each instruction, in one allocation.
struct LiveIn {
    words: usize,
    bits: Vec<u64>,
}

impl LiveIn {
    fn at(&self, at: usize) -> &[u64] {
        &self.bits[at * self.words..(at + 1) * self.words]
    }

    fn at_mut(&mut self, at: usize) -> &mut [u64] {
        &mut self.bits[at * self.words..(at + 1) * self.words]
    }
}

/// Where control may go after `code[at]` (exceptions aside).
fn successors(code: &[Op], at: usize) -> impl Iterator<Item = usize> {
    let next = (at + 1 < code.len()).then_some(at + 1);
    let op = code[at];
    let fall = match op {
        Op::Jump(_)
        | Op::Return
        | Op::TailCall(..)
        | Op::TailCallKeep { .. }
        | Op::TailCallFun(_)
        | Op::TailCallDynamic(..)
        | Op::Reraise
        | Op::Fail(_) => None,
        _ => next,
    };
    let target = super::builder::jump_target(op);
    fall.into_iter()
        .chain(target.map(|t| t as usize).filter(|&t| t < code.len()))
}

/// Applies `code[at]`'s reads and writes to the set live after it, giving the
/// set live before it.
fn transfer(op: Op, arity: usize, live: &mut Slots) {
    match op {
        Op::Store(s) => live.remove(s),
        Op::Load(s) | Op::Move(s) | Op::MatchSlot(s, _) => live.insert(s),
        // The kept arguments are read where they lie.
        Op::TailCallKeep { keep, .. } => (0..keep as u32).for_each(|s| live.insert(s)),
        // The function-clause error reports the arguments.
        Op::Fail(FailKind::FunctionClause) => (0..arity as u32).for_each(|s| live.insert(s)),
        _ => {}
    }
}

/// Rewrites every `Load` that is the last read of its slot into a `Move`.
pub fn mark_last_uses(code: &mut [Op], arity: usize, locals: u32) {
    let n = code.len();
    if !code.iter().any(|op| matches!(op, Op::Load(_))) {
        return;
    }
    let words = (locals as usize).div_ceil(64).max(1);
    let mut live_in = LiveIn {
        words,
        bits: vec![0; n * words],
    };
    let mut live = Slots::new(words);
    // Without a backward jump (a `receive` loop), one pass from the end sees
    // every successor before its predecessors: no second pass is needed.
    let loops = (0..n).any(|at| successors(code, at).any(|s| s <= at));
    let mut changed = true;
    while changed {
        changed = false;
        for at in (0..n).rev() {
            live_out(code, &live_in, at, &mut live);
            transfer(code[at], arity, &mut live);
            if live.0 != live_in.at(at) {
                live_in.at_mut(at).copy_from_slice(&live.0);
                changed = loops;
            }
        }
    }
    let mut pinned = Slots::new(words);
    for op in code.iter() {
        if let Op::Try(t) = op {
            if (*t as usize) < n {
                pinned.union_with(live_in.at(*t as usize));
            }
        }
    }
    for at in 0..n {
        if let Op::Load(s) = code[at] {
            live_out(code, &live_in, at, &mut live);
            if !pinned.contains(s) && !live.contains(s) {
                code[at] = Op::Move(s);
            }
        }
    }
}

/// Sets `live` to the slots live after `code[at]`.
fn live_out(code: &[Op], live_in: &LiveIn, at: usize, live: &mut Slots) {
    live.0.iter_mut().for_each(|w| *w = 0);
    for s in successors(code, at) {
        live.union_with(live_in.at(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(mut code: Vec<Op>, arity: usize, locals: u32) -> Vec<Op> {
        mark_last_uses(&mut code, arity, locals);
        code
    }

    #[test]
    fn the_last_read_moves_and_earlier_ones_share() {
        let code = vec![
            Op::Load(0),
            Op::Load(0),
            Op::Binary(crate::bytecode::BinaryOp::Add),
            Op::Return,
        ];
        assert_eq!(
            moved(code, 1, 1),
            vec![
                Op::Load(0),
                Op::Move(0),
                Op::Binary(crate::bytecode::BinaryOp::Add),
                Op::Return
            ]
        );
    }

    #[test]
    fn a_read_on_another_branch_keeps_the_value() {
        // 0: Load 0; 1: MatchNil -> 4; 2: Load 1; 3: Return; 4: Load 0 (via the
        // failure branch the argument is read again); 5: Fail(FunctionClause)
        let code = vec![
            Op::Load(0),
            Op::MatchNil(4),
            Op::Load(1),
            Op::Return,
            Op::Nil,
            Op::Fail(FailKind::FunctionClause),
        ];
        assert_eq!(
            moved(code, 2, 2),
            vec![
                Op::Load(0),
                Op::MatchNil(4),
                Op::Move(1),
                Op::Return,
                Op::Nil,
                Op::Fail(FailKind::FunctionClause),
            ]
        );
    }

    #[test]
    fn a_slot_the_handler_reads_is_never_moved() {
        // 0: Try -> 4; 1: Load 0; 2: EndTry; 3: Return; 4: Load 0; 5: Return
        let code = vec![
            Op::Try(4),
            Op::Load(0),
            Op::EndTry,
            Op::Return,
            Op::Load(0),
            Op::Return,
        ];
        let out = moved(code.clone(), 1, 1);
        assert_eq!(out, code);
    }

    #[test]
    fn a_loop_keeps_what_its_next_turn_reads() {
        // 0: Load 0; 1: Pop; 2: RecvNext -> 5; 3: Pop; 4: Jump 0; 5: Load 0; 6: Return
        let code = vec![
            Op::Load(0),
            Op::Pop,
            Op::RecvNext(5),
            Op::Pop,
            Op::Jump(0),
            Op::Load(0),
            Op::Return,
        ];
        let out = moved(code, 1, 1);
        assert_eq!(out[0], Op::Load(0));
        assert_eq!(out[5], Op::Move(0));
    }
}
