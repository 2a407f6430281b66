//! Fused instructions: the sequences a pattern compiles to most often (and a
//! call whose result is discarded, and a `receive` clause taking any
//! message), each turned into one instruction once the
//! function is complete (after the liveness pass, which decides which
//! `Load`s stay).
//!
//! Why: a GenServer's receive loop tests every message and every callback
//! result against tagged tuples (`{:"$gen_cast", request}`,
//! `{:ok, {:noreply, state}}`) and every function clause tests its
//! arguments against literals. Unfused, each test copies the value onto the
//! stack (a reference-count increment and decrement for a tuple) and takes
//! two or three trips through the dispatch loop.
//!
//! The fused instruction takes the place of the first instruction of its
//! sequence and the others stay where they were, so no jump moves and a jump
//! into the middle of a sequence still finds the instructions it expects; on
//! success the fused instruction skips them.

use crate::bytecode::Op;

/// Fuses every sequence of `code` that has a fused form.
pub fn fuse_matches(code: &mut [Op]) {
    for at in 0..code.len() {
        // Fusing at `at` reads only instructions after it, still unfused.
        if let Some(op) = fused(code, at) {
            code[at] = op;
        }
    }
}

/// The fused instruction standing for the sequence starting at `at`, if any.
fn fused(code: &[Op], at: usize) -> Option<Op> {
    // A tagged-tuple test fails with fewer operands on the stack than the
    // unfused code could leave, so its failure label must truncate.
    let truncates = |fail: u32| matches!(code.get(fail as usize), Some(Op::Truncate(_)));
    let small = |x: u32| u16::try_from(x).ok();
    match code[at..] {
        [Op::Load(s), Op::MatchTuple(n, fail), Op::MatchConst(c, f2), ..] if fail == f2 => {
            let (slot, n16) = (small(s)?, small(n)?);
            match small(c) {
                Some(c) if n >= 1 && truncates(fail) => Some(Op::MatchTaggedSlot {
                    slot,
                    n: n16,
                    c,
                    fail,
                }),
                _ => Some(Op::MatchSlotTuple { slot, n: n16, fail }),
            }
        }
        [Op::Dup, Op::MatchTuple(n, fail), Op::MatchConst(c, f2), ..]
            if fail == f2 && n >= 1 && truncates(fail) =>
        {
            Some(Op::MatchTaggedPeek {
                n: small(n)?,
                c: small(c)?,
                fail,
            })
        }
        [Op::MatchTuple(n, fail), Op::MatchConst(c, f2), ..]
            if fail == f2 && n >= 1 && truncates(fail) =>
        {
            Some(Op::MatchTagged {
                n: small(n)?,
                c: small(c)?,
                fail,
            })
        }
        [Op::Load(s), Op::MatchTuple(n, fail), ..] => Some(Op::MatchSlotTuple {
            slot: u16::try_from(s).ok()?,
            n: u16::try_from(n).ok()?,
            fail,
        }),
        [Op::Call(imp, argc), Op::Pop, ..] => Some(Op::CallPop(imp, argc)),
        [Op::RecvNext(fail), Op::Store(s), Op::RecvAccept, ..] => Some(Op::RecvTake(s, fail)),
        [Op::Load(s), Op::MatchConst(c, fail), ..] => Some(Op::MatchSlotConst {
            slot: u16::try_from(s).ok()?,
            c: u16::try_from(c).ok()?,
            fail,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fused_code(mut code: Vec<Op>) -> Vec<Op> {
        fuse_matches(&mut code);
        code
    }

    #[test]
    fn a_tagged_tuple_test_is_one_instruction_and_the_rest_stays_behind_it() {
        // `{:ok, x}` tested against slot 1, then popped from the stack.
        let code = fused_code(vec![
            Op::Load(1),
            Op::MatchTuple(2, 5),
            Op::MatchConst(0, 5),
            Op::Store(2),
            Op::Return,
            Op::Truncate(0),
        ]);
        assert_eq!(
            code[..3],
            [
                Op::MatchTaggedSlot {
                    slot: 1,
                    n: 2,
                    c: 0,
                    fail: 5
                },
                Op::MatchTagged {
                    n: 2,
                    c: 0,
                    fail: 5
                },
                Op::MatchConst(0, 5),
            ]
        );
    }

    #[test]
    fn a_failure_label_that_does_not_truncate_keeps_the_tuple_test_apart() {
        let code = fused_code(vec![
            Op::Load(1),
            Op::MatchTuple(2, 4),
            Op::MatchConst(0, 4),
            Op::Return,
            Op::Fail(crate::bytecode::FailKind::Match),
        ]);
        assert_eq!(
            code[0],
            Op::MatchSlotTuple {
                slot: 1,
                n: 2,
                fail: 4
            }
        );
        assert_eq!(
            code[1..],
            [
                Op::MatchTuple(2, 4),
                Op::MatchConst(0, 4),
                Op::Return,
                code[4]
            ]
        );
    }
}
