//! The built-ins ("natives", the BEAM's BIFs) that no message passes through:
//! the pure data functions of Kernel, Enum, Map, List, String, Integer, ...,
//! `:math`, `:rand`, IO and `:lists.sort`. The primitives that touch the
//! scheduler (spawn, send, monitor, timers) and the table every native is
//! looked up in stay in `runtime-core` (`runtime_core::native`).
//!
//! A crate of its own (above the runtime, whose values and errors its
//! functions take and make) so that the browser build can optimise these for
//! size while the interpreter is optimised for speed: opt-level applies per
//! crate (see the workspace's `Cargo.toml`). [`install`] adds them to the
//! runtime's table.

// Map keys hold terms whose functions point at compiled code with lazily
// resolved call targets (a `OnceCell`); key order never depends on that state.
#![allow(clippy::mutable_key_type)]

// The natives name the runtime's modules, and the helpers of its `native`
// module, as their own (`crate::value`, `super::badarg`), as they did when they
// lived in `runtime-core`.
pub(crate) use runtime_core::native::{
    apply3, argument_error, badarg, bif_badarg, int, list, module_exists, process, register,
    str_arg, Args, BadArg, Control, Ctx, NResult, NativeFn, Table,
};
pub(crate) use runtime_core::{
    atom, bigint, bytecode, decimal, erts_errors, exception, inspect, ops, term_order, trace, value,
};

mod case;
mod data;
mod grapheme;
mod integer;
mod io;
mod kernel;
mod lists_sort;
mod math;
mod rand;
mod string;

pub use case::{install_case_mapping, Case, CaseMapper};

fn register_all(t: &mut Table) {
    kernel::register_all(t);
    math::register_all(t);
    integer::register_all(t);
    data::register_all(t);
    string::register_all(t);
    io::register_all(t);
    rand::natives(t);
}

/// Adds these natives to the runtime's table (`runtime_core::native`); call it
/// before compiling a program. Calls after the first do nothing.
pub fn install() {
    runtime_core::native::install(register_all);
}
