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

use super::builder::{jump_target, retarget};
use crate::bytecode::{Import, Op};

/// Fuses every sequence of `code` that has a fused form.
pub fn fuse_matches(code: &mut [Op]) {
    for at in 0..code.len() {
        // Fusing at `at` reads only instructions after it, still unfused.
        if let Some(op) = fused(code, at) {
            code[at] = op;
        }
    }
}

/// Fuses `function_exported?(module, :name, arity)` tested by an `if` into
/// one [`Op::TestExported`]: GenServer asks before every callback it runs.
pub fn fuse_exported_tests(code: &mut [Op], imports: &[Import]) {
    let is_exported_q = |i: u32| {
        imports.get(i as usize).is_some_and(|imp| {
            imp.arity == 3
                && imp.name.name() == "function_exported?"
                && imp.module.name() == "Elixir.Kernel"
        })
    };
    for at in 0..code.len() {
        if let [Op::Load(s), Op::Atom(_), Op::Int(_), Op::Call(i, 3), Op::JumpIfFalsy(fail), ..] =
            code[at..]
        {
            if let (Ok(slot), true) = (u16::try_from(s), is_exported_q(i)) {
                code[at] = Op::TestExported { slot, fail };
            }
        }
    }
}

/// Lets a clause's first test jump straight to the next clause when it fails.
/// Its failure label is a `Truncate(0)`, for the values a half-done match
/// leaves on the stack; but a test of a slot that starts a clause (the
/// function's first instruction, or one reached only from such a
/// `Truncate(0)`) pushes nothing, so there is nothing to drop: every
/// `GenServer` message and callback result that does not match a loop's first
/// clause passed through one.
pub fn skip_idle_truncates(code: &mut [Op]) {
    // Whether a jump lands on each instruction.
    let mut targets = vec![false; code.len()];
    for t in code.iter().filter_map(|op| jump_target(*op)) {
        if let Some(target) = targets.get_mut(t as usize) {
            *target = true;
        }
    }
    for at in 0..code.len() {
        let at_frame_height = at == 0 || (code[at - 1] == Op::Truncate(0) && !targets[at]);
        let fail = match code[at] {
            Op::MatchSlotConst { fail, .. }
            | Op::MatchSlotTuple { fail, .. }
            | Op::MatchTaggedSlot { fail, .. } => fail as usize,
            _ => continue,
        };
        if at_frame_height && code.get(fail) == Some(&Op::Truncate(0)) && fail + 1 < code.len() {
            code[at] = retarget(code[at], (fail + 1) as u32);
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
    fn an_if_on_function_exported_is_one_test_and_other_calls_are_not() {
        use crate::atom::Atom;
        let import = |module: &str, name: &str| Import {
            module: Atom::intern(module),
            name: Atom::intern(name),
            arity: 3,
            resolved: Default::default(),
        };
        let imports = [
            import("Elixir.Kernel", "function_exported?"),
            import("Elixir.Mine", "function_exported?"),
        ];
        // `if function_exported?(module, :f, 2)`, then the same shape
        // calling a function of another module.
        let mut code = vec![
            Op::Load(1),
            Op::Atom(Atom::intern("f")),
            Op::Int(2),
            Op::Call(0, 3),
            Op::JumpIfFalsy(11),
            Op::Load(1),
            Op::Atom(Atom::intern("f")),
            Op::Int(2),
            Op::Call(1, 3),
            Op::JumpIfFalsy(11),
            Op::Return,
            Op::Nil,
            Op::Return,
        ];
        let unfused = code.clone();
        fuse_exported_tests(&mut code, &imports);
        assert_eq!(code[0], Op::TestExported { slot: 1, fail: 11 });
        assert_eq!(code[1..], unfused[1..]);
    }

    #[test]
    fn a_clause_whose_first_test_fails_goes_straight_to_the_next_clause() {
        // `f(:a) -> 1; f({:ok, x}) -> x; f(_) -> 0`, the first two tests fused:
        // each starts its clause, so neither leaves anything to truncate.
        let mut code = fused_code(vec![
            Op::Load(0),
            Op::MatchConst(0, 4),
            Op::Int(1),
            Op::Return,
            Op::Truncate(0),
            Op::Load(0),
            Op::MatchTuple(2, 11),
            Op::MatchConst(1, 11),
            Op::Store(1),
            Op::Move(1),
            Op::Return,
            Op::Truncate(0),
            Op::Int(0),
            Op::Return,
        ]);
        skip_idle_truncates(&mut code);
        assert_eq!(
            [code[0], code[5]],
            [
                Op::MatchSlotConst {
                    slot: 0,
                    c: 0,
                    fail: 5
                },
                Op::MatchTaggedSlot {
                    slot: 0,
                    n: 2,
                    c: 1,
                    fail: 12
                },
            ]
        );
        // The instructions the fused tests skip keep their labels.
        assert_eq!(code[1], Op::MatchConst(0, 4));
    }

    #[test]
    fn a_test_that_a_jump_reaches_keeps_its_truncating_label() {
        // A jump may arrive at the second clause's test with values pushed.
        let mut code = vec![
            Op::Int(7),
            Op::Jump(3),
            Op::Truncate(0),
            Op::MatchSlotConst {
                slot: 0,
                c: 0,
                fail: 5,
            },
            Op::Return,
            Op::Truncate(0),
            Op::Nil,
            Op::Return,
        ];
        skip_idle_truncates(&mut code);
        assert_eq!(
            code[3],
            Op::MatchSlotConst {
                slot: 0,
                c: 0,
                fail: 5
            }
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
