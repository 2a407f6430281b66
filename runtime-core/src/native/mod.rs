//! Functions implemented in Rust ("natives", the BEAM's BIFs): the pure data
//! functions of Kernel, Enum, Map, List, String, ... and the primitives that
//! touch the scheduler (spawn, send, monitor, timers). Everything that takes a
//! function argument or may block is written in Elixir in the prelude instead.
//!
//! Only the primitives that touch the scheduler live here (`process`), with the
//! table every native is looked up in. The rest — data, strings, numbers, io,
//! sorting, `:rand` — are in the crate `callcast-natives` above this one, which
//! the browser build optimises for size while this crate is optimised for
//! speed (opt-level applies per crate); it adds them to the table through
//! [`install`] before any program is compiled.

pub mod process;

use crate::fxhash::FxHashMap;
use std::sync::OnceLock;

use crate::atom::Atom;
use crate::bytecode::{Callee, Program};
use crate::exception::{self, Exception};
use crate::process::Process;
use crate::scheduler::Core;
use crate::value::Value;

/// What a native can ask of the VM besides returning a value.
pub enum Control {
    /// Raise this.
    Raise(Exception),
    /// Call this function value with these arguments; its result is the native's.
    Call(Value, Vec<Value>),
    /// Call `module.function(args)`; its result is the native's.
    CallMfa(Atom, Atom, Vec<Value>),
    /// Return this value, then let other processes run.
    Yield(Value),
    /// Stop the whole run with this exit status (`System.halt/1`).
    Halt(i32),
}

impl From<Exception> for Control {
    fn from(e: Exception) -> Control {
        Control::Raise(e)
    }
}

/// A native's result.
pub type NResult = Result<Value, Control>;

/// A process's `:rand` state (OTP's exsss; the functions are in `callcast-natives`).
pub type RandState = [u64; 2];

/// A native function.
pub type NativeFn = fn(&mut Ctx<'_>, &mut Args<'_>) -> NResult;

/// A native's arguments: the caller's stack slots, lent for the call.
///
/// `a[i]` past the end reads `nil`, and `a[i..]` an empty slice, instead of
/// panicking. The VM only calls a
/// native with the arity it is registered under, so the index is always in
/// range; a bounds check that cannot fail would still cost every native a
/// panic call and its source location in the browser download. As a slice
/// (`Deref`) the arguments are checked as usual, and so is `&mut a[i]`, which
/// few natives take.
pub struct Args<'a>(&'a mut [Value]);

impl<'a> Args<'a> {
    /// Lends `values` to a native as its arguments.
    pub fn new(values: &'a mut [Value]) -> Args<'a> {
        Args(values)
    }
}

impl std::ops::Index<usize> for Args<'_> {
    type Output = Value;

    // Inlined so that the caller's location, which `Index` passes along for a
    // panic message, is dropped with the panic it is not needed for.
    #[inline(always)]
    fn index(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Nil)
    }
}

impl std::ops::Index<std::ops::RangeFrom<usize>> for Args<'_> {
    type Output = [Value];

    // Inlined for the same reason as indexing by position; past the end the
    // rest is empty.
    #[inline(always)]
    fn index(&self, from: std::ops::RangeFrom<usize>) -> &[Value] {
        self.0.get(from).unwrap_or_default()
    }
}

impl std::ops::IndexMut<usize> for Args<'_> {
    fn index_mut(&mut self, i: usize) -> &mut Value {
        &mut self.0[i]
    }
}

impl std::ops::Deref for Args<'_> {
    type Target = [Value];

    fn deref(&self) -> &[Value] {
        self.0
    }
}

impl std::ops::DerefMut for Args<'_> {
    fn deref_mut(&mut self) -> &mut [Value] {
        self.0
    }
}

/// What a native can reach: the program, the scheduler and the calling process.
pub struct Ctx<'a> {
    /// The program (to resolve functions).
    pub program: &'a Program,
    /// The scheduler.
    pub core: &'a mut Core,
    /// The process that called.
    pub proc: &'a mut Process,
}

/// Raises `ArgumentError` ("argument error"), the BEAM's `badarg`.
pub fn badarg<T>() -> Result<T, Control> {
    Err(Control::Raise(exception::badarg()))
}

/// Raises `:badarg` from the built-in `:erlang.<function>(args)` (the BIF
/// the BEAM would call for the native), whose call is kept at the top of the
/// stack trace for Elixir to explain.
pub fn bif_badarg<T>(function: &str, args: &[Value]) -> Result<T, Control> {
    Err(Control::Raise(exception::bif_badarg(
        function,
        args.to_vec(),
    )))
}

/// Raises `ArgumentError` with a message.
pub fn argument_error<T>(message: &str) -> Result<T, Control> {
    Err(Control::Raise(exception::argument_error(message)))
}

/// An argument of the wrong type; `?` turns it into the raise of `badarg`.
///
/// The argument helpers return it rather than the [`Control`] itself so that
/// each `?` on them builds the raise by one call where it returns, instead of
/// moving a whole `Control` out of the helper's result.
#[derive(Debug)]
pub struct BadArg;

impl From<BadArg> for Control {
    #[inline(never)]
    fn from(_: BadArg) -> Control {
        Control::Raise(exception::badarg())
    }
}

/// An exception out of a helper that checks an argument; `?` turns it into
/// the raise. Boxed, for the same reason as [`BadArg`]: the helper's result
/// stays small, and so does each `?` on it.
impl From<Box<Exception>> for Control {
    #[inline(never)]
    fn from(e: Box<Exception>) -> Control {
        Control::Raise(*e)
    }
}

/// The integer argument, or `badarg`.
pub fn int(v: &Value) -> Result<i64, BadArg> {
    match v {
        Value::Int(i) => Ok(*i),
        _ => Err(BadArg),
    }
}

/// The string argument, or `badarg`.
pub fn str_arg(v: &Value) -> Result<&str, BadArg> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(BadArg),
    }
}

/// The elements of a proper list argument, or `badarg`.
pub fn list(v: &Value) -> Result<Vec<Value>, BadArg> {
    v.list_to_vec().ok_or(BadArg)
}

/// Every native, by `(module, name, arity)`.
pub type Table = FxHashMap<(Atom, Atom, u32), NativeFn>;

/// Registers natives of one module: `(name, arity, function)`.
pub fn register(table: &mut Table, module: &str, entries: &[(&str, u32, NativeFn)]) {
    let m = Atom::intern(module);
    for (name, arity, f) in entries {
        table.insert((m, Atom::intern(name), *arity), *f);
    }
}

/// Registers the natives that live in crates above this one.
static INSTALLED: OnceLock<fn(&mut Table)> = OnceLock::new();

/// Adds the natives that `register_all` registers to the table. Only the first
/// call counts, and it must come before the first lookup: the compiler calls it
/// (with `callcast-natives`' natives) before it compiles anything, and only a
/// compiled program looks natives up.
pub fn install(register_all: fn(&mut Table)) {
    let _ = INSTALLED.set(register_all);
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        process::register_all(&mut t);
        debug_assert!(
            INSTALLED.get().is_some(),
            "natives looked up before callcast-natives installed its own"
        );
        if let Some(register_all) = INSTALLED.get() {
            register_all(&mut t);
        }
        t
    })
}

/// `:erlang.apply/3`; the VM calls it too, for a dynamic call it cannot
/// resolve itself (a native, an undefined function, a module that is not an
/// atom), for its errors.
pub fn apply3(c: &mut Ctx<'_>, a: &mut Args<'_>) -> NResult {
    let (Some(module), Some(function), Some(args)) =
        (a[0].as_atom(), a[1].as_atom(), a[2].list_to_vec())
    else {
        return bif_badarg("apply", a);
    };
    if let Callee::Undefined = c.program.lookup_public(module, function, args.len() as u32) {
        return Err(exception::undefined_function(module, function, args).into());
    }
    Err(Control::CallMfa(module, function, args))
}

/// The native `module.name/arity`, if there is one.
pub fn lookup(module: Atom, name: Atom, arity: u32) -> Option<NativeFn> {
    table().get(&(module, name, arity)).copied()
}

/// The natives of `module`, as (name, arity).
pub fn natives_of(module: Atom) -> Vec<(Atom, u32)> {
    table()
        .keys()
        .filter(|(m, _, _)| *m == module)
        .map(|(_, name, arity)| (*name, *arity))
        .collect()
}

/// Whether any native lives in `module`.
pub fn module_exists(module: Atom) -> bool {
    static MODULES: OnceLock<Vec<Atom>> = OnceLock::new();
    MODULES
        .get_or_init(|| {
            // A few dozen modules: no sort (and its code) needed to list them once.
            let mut v: Vec<Atom> = Vec::new();
            for (m, _, _) in table().keys() {
                if !v.contains(m) {
                    v.push(*m);
                }
            }
            v
        })
        .contains(&module)
}
