//! One frame size for the functions of a process's receive loop.
//!
//! Why: a GenServer goes round `loop/4` (5 slots), `handle_message/4` (10)
//! and `handle_common/5` (8) by tail calls for every message, and a tail
//! call resizes the frame to the callee's slots: it dropped three slots one
//! by one on the way back to `loop/4` and refilled five on the way out of
//! it. Given the largest slot count of the functions that tail-call each
//! other, the frame keeps its size and a tail call only moves arguments.
//! Nothing else changes: a function writes a slot before it reads one, so
//! the slots past its own are never read, and they are dropped with the
//! frame or by the next function that uses them.
//!
//! Only the prelude's functions, and only groups of them with a `receive`:
//! the frames of a reader's recursion keep their size, so a deep recursion
//! reaches the stack's limit at the same depth as before.

use std::rc::Rc;

use crate::bytecode::{Callee, Op, Program};

/// Gives every prelude function the largest slot count of the functions it
/// is joined to by tail calls within its module, where one of them receives.
pub fn share_loop_frames(program: &mut Program) {
    let count = program.functions.len();
    let mut group: Vec<usize> = (0..count).collect();
    for (id, f) in program.functions.iter().enumerate() {
        if f.in_main_file {
            continue;
        }
        for op in &f.code {
            let (Op::TailCall(imp, _) | Op::TailCallKeep { imp, .. }) = *op else {
                continue;
            };
            let Some(import) = f.imports.get(imp as usize) else {
                continue;
            };
            if import.module != f.module {
                continue;
            }
            if let Callee::Function(callee) =
                program.lookup(import.module, import.name, import.arity)
            {
                let callee = callee as usize;
                if callee < count && !program.functions[callee].in_main_file {
                    let (a, b) = (root(&mut group, id), root(&mut group, callee));
                    group[a] = b;
                }
            }
        }
    }
    let mut slots = vec![0u32; count];
    let mut receives = vec![false; count];
    for (id, f) in program.functions.iter().enumerate() {
        let r = root(&mut group, id);
        slots[r] = slots[r].max(f.locals);
        receives[r] |= f.code.iter().any(|op| matches!(op, Op::RecvStart));
    }
    for id in 0..count {
        let r = root(&mut group, id);
        if receives[r] && program.functions[id].locals < slots[r] {
            // The program holds the only reference while it is compiled.
            if let Some(f) = Rc::get_mut(&mut program.functions[id]) {
                f.locals = slots[r];
            }
        }
    }
}

/// The representative of `id`'s group (union-find with path halving).
fn root(group: &mut [usize], mut id: usize) -> usize {
    while group[id] != id {
        group[id] = group[group[id]];
        id = group[id];
    }
    id
}

#[cfg(test)]
mod tests {
    use crate::bytecode::Program;

    fn slots(program: &Program, module: &str, name: &str) -> Option<u32> {
        program
            .functions
            .iter()
            .find(|f| f.module.name() == module && f.name == name)
            .map(|f| f.locals)
    }

    #[test]
    fn genserver_loop_shares_one_frame_size() {
        let program = crate::compile("", "empty.exs").expect("an empty script compiles");
        let sizes: Vec<_> = ["loop/4", "handle_message/4", "handle_common/5"]
            .iter()
            .map(|name| slots(&program, "Elixir.GenServer", name))
            .collect();
        assert!(sizes[0].is_some(), "GenServer.loop/4 is in the prelude");
        assert!(sizes.iter().all(|s| *s == sizes[0]), "{sizes:?}");
    }

    #[test]
    fn a_readers_loop_keeps_its_frame_sizes() {
        let source = "defmodule Loop do\n  def wait(n) do\n    receive do\n      m -> handle(n, m)\n    end\n  end\n\n  defp handle(n, {a, b, c}), do: wait(n + a + b + c)\n  defp handle(n, _), do: wait(n)\nend\n";
        let program = crate::compile(source, "loop.exs").expect("the loop compiles");
        let wait = slots(&program, "Elixir.Loop", "wait/1");
        let handle = slots(&program, "Elixir.Loop", "handle/2");
        assert!(wait.is_some() && handle.is_some());
        assert_ne!(wait, handle);
    }
}
