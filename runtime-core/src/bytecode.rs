//! Compiled code: functions as flat instruction lists that the VM executes, and the
//! program (every function of every module) they belong to.

use crate::fxhash::FxHashMap;
use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use crate::atom::Atom;
use crate::diagnostic::Span;
use crate::native::NativeFn;
use crate::value::Value;

/// Index of a function in [`Program::functions`].
pub type FunctionId = u32;

/// A jump target: an index into [`Function::code`].
pub type Label = u32;

/// One instruction. The VM is a stack machine: a function's locals live in slots
/// at the bottom of its frame, operands above them.
// `repr(u8)`: the variant is a plain byte at the start, which the dispatch
// loop reads in one load. Left to itself the compiler may encode it in a
// niche of some variant's field instead (it did once a variant held an enum
// with data), which costs every instruction a few more machine instructions.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
pub enum Op {
    /// Push `consts[i]`.
    Const(u32),
    /// Push `nil`.
    Nil,
    /// Push this atom (most constants are atoms: pushed without reading and
    /// cloning an entry of `consts`).
    Atom(Atom),
    /// Push this integer.
    Int(i32),
    /// Push local slot `i`.
    Load(u32),
    /// Push local slot `i`, leaving `[]` in it: the variable's last use (see
    /// `compiler/liveness.rs`), so the value is not shared for nothing.
    Move(u32),
    /// Pop into local slot `i`.
    Store(u32),
    /// Drop the top of the stack.
    Pop,
    /// Duplicate the top of the stack.
    Dup,
    /// Drop operands until `n` are left above the locals (used at clause-failure
    /// labels, where a half-done match may have left values behind).
    Truncate(u32),

    /// Pop `n` values, push a tuple of them.
    MakeTuple(u32),
    /// Pop a tail and then `n` values, push the list `[v1, ..., vn | tail]`.
    MakeList(u32),
    /// Pop `2n` values (key, value, ...), push a map.
    MakeMap(u32),
    /// Pop `2n` values and a map, push the map with those keys replaced
    /// (`%{m | k: v}`: every key must exist, or KeyError).
    UpdateMap(u32),
    /// Pop `n` values, convert each with `String.Chars`, push their concatenation.
    Interpolate(u32),
    /// Create a closure of `lambdas[i]`, capturing the top `n` values.
    MakeClosure(u32, u32),

    /// Pop the right and left operands of a binary operator, push the result.
    Binary(BinaryOp),
    /// As `Binary`, for arithmetic the BEAM compiles inline (with a literal
    /// operand): when it fails, no `:erlang` call tops the stack trace.
    BinaryInline(BinaryOp),
    /// Pop an operand, push the result of a unary operator.
    Unary(UnaryOp),
    /// `expr.field`: field access on a map, or a zero-arity remote call on an atom.
    GetField(u32),
    /// `map[key]` (pops key and container).
    Access,

    /// Unconditional jump.
    Jump(Label),
    /// Pop; jump if `false` or `nil`.
    JumpIfFalsy(Label),
    /// Pop; jump if anything but `false` or `nil`.
    JumpIfTruthy(Label),
    /// Peek a boolean; raise BadBooleanError (for `and`/`or`) unless it is one.
    CheckBool(u32),

    /// Call import `i` with `argc` arguments from the stack.
    Call(u32, u32),
    /// `Call(i, argc), Pop` fused (see `compiler/fuse.rs`): a call whose
    /// result is discarded. A native's result is dropped at once and the `Pop`
    /// after it skipped; a compiled function returns to the `Pop`.
    CallPop(u32, u32),
    /// As `Call`, but reusing the current frame.
    TailCall(u32, u32),
    /// As `TailCall`, with the first `keep` arguments not pushed: each is
    /// already in the local slot it goes to (`loop(a, b, x + 1)` in
    /// `def loop(a, b, n)`), so the call leaves them where they are and
    /// pushes only the rest.
    TailCallKeep {
        /// The import.
        imp: u32,
        /// Number of arguments, the kept ones included.
        argc: u16,
        /// How many leading arguments stay in their slots.
        keep: u16,
    },
    /// `module.fun(args)` with the module known only at run time: call
    /// `dynamic[i]`'s function of the module below `argc` arguments (as
    /// `:erlang.apply/3` would, without building the argument list).
    CallDynamic(u32, u32),
    /// As `CallDynamic`, reusing the current frame.
    TailCallDynamic(u32, u32),
    /// Call the function value below `argc` arguments.
    CallFun(u32),
    /// As `CallFun`, reusing the current frame.
    TailCallFun(u32),
    /// Return the top of the stack to the caller.
    Return,

    /// Pop; jump to `fail` unless it is strictly equal to `consts[i]`.
    MatchConst(u32, Label),
    /// Pop; jump to `fail` unless it strictly equals local `slot`.
    MatchSlot(u32, Label),
    /// Pop; jump unless it is `[]`.
    MatchNil(Label),
    /// Pop; unless a list cell, jump; else push tail, then head.
    MatchCons(Label),
    /// Pop; unless a tuple of `n` elements, jump; else push them, last first.
    MatchTuple(u32, Label),
    /// Peek; jump unless it is a map.
    MatchMap(Label),
    /// Pop a key, peek a map; jump unless the key is present; else push its value.
    MatchMapKey(Label),
    /// Pop; unless a binary starting with `consts[i]`, jump; else push the rest.
    MatchPrefix(u32, Label),

    // Fused matches (see `compiler/fuse.rs`): each stands for the instructions
    // it replaces, which stay after it (jumps may still land on them); on
    // success it skips them.
    /// `Load(slot), MatchConst(c, fail)`: jump unless local `slot` strictly
    /// equals `consts[c]`; else skip one instruction.
    MatchSlotConst {
        /// The local slot.
        slot: u16,
        /// Index into `consts`.
        c: u16,
        /// Where to go when it differs.
        fail: Label,
    },
    /// `Load(slot), MatchTuple(n, fail)`: jump unless local `slot` is a tuple
    /// of `n` elements; else push them, last first, and skip one instruction.
    MatchSlotTuple {
        /// The local slot.
        slot: u16,
        /// The tuple size.
        n: u16,
        /// Where to go when it does not match.
        fail: Label,
    },
    /// `MatchTuple(n, fail), MatchConst(c, fail)`: pop; jump unless it is a
    /// tuple of `n` elements whose first strictly equals `consts[c]`; else
    /// push the other elements, last first, and skip one instruction. `fail`
    /// must start with a `Truncate` (it may find fewer operands than the
    /// unfused code left); so must the two below's.
    MatchTagged {
        /// The tuple size.
        n: u16,
        /// Index into `consts` of the first element.
        c: u16,
        /// Where to go when it does not match.
        fail: Label,
    },
    /// `Dup, MatchTuple(n, fail), MatchConst(c, fail)`: as `MatchTagged` on
    /// the top of the stack, left there; skips two instructions.
    MatchTaggedPeek {
        /// The tuple size.
        n: u16,
        /// Index into `consts` of the first element.
        c: u16,
        /// Where to go when it does not match.
        fail: Label,
    },
    /// `Load(slot), MatchTuple(n, fail), MatchConst(c, fail)`: as
    /// `MatchTagged` on local `slot`; skips two instructions.
    MatchTaggedSlot {
        /// The local slot.
        slot: u16,
        /// The tuple size.
        n: u16,
        /// Index into `consts` of the first element.
        c: u16,
        /// Where to go when it does not match.
        fail: Label,
    },
    /// `Load(slot), Atom(f), Int(n), Call(i, 3), JumpIfFalsy(fail)` where
    /// import `i` is `function_exported?/3` (GenServer asks it before every
    /// callback): spend the call's reduction and jump unless the module in
    /// local `slot` exports `f/n`; else skip four instructions. Anything the
    /// native would treat otherwise (not an atom, another function behind
    /// the import) runs the unfused instructions.
    TestExported {
        /// The local slot holding the module.
        slot: u16,
        /// Where `JumpIfFalsy` goes.
        fail: Label,
    },

    /// Start scanning the mailbox from its first message.
    RecvStart,
    /// Push the message at the scan position, or jump when none is left.
    RecvNext(Label),
    /// Remove the message at the scan position (a clause matched it).
    RecvAccept,
    /// `RecvNext(fail), Store(slot), RecvAccept` fused (see
    /// `compiler/fuse.rs`), a clause that takes any message: move the message
    /// at the scan position out of the mailbox into local `slot` and skip the
    /// two instructions, or jump when none is left.
    RecvTake(u32, Label),
    /// Move the scan position past the current message.
    RecvSkip,
    /// Pop a timeout (ms, `:infinity`); wait for a new message (continue at the
    /// `RecvNext` just before) or the timeout (jump to the label).
    RecvWait(Label),

    /// Install an exception handler that jumps to the label.
    Try(Label),
    /// Remove the innermost handler (its body finished normally).
    EndTry,
    /// Pop class, reason and stack trace; raise them again.
    Reraise,
    /// Raise an error built from the top of the stack.
    Fail(FailKind),
}

// The dispatch loop loads one `Op` per step: keep it at three words.
const _: () = assert!(std::mem::size_of::<Op>() <= 12);

/// Binary operators the VM implements directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNotEq,
    /// `<`
    Lt,
    /// `<=`
    LtEq,
    /// `>`
    Gt,
    /// `>=`
    GtEq,
    /// `<>`
    Concat,
    /// `++`
    ListConcat,
    /// `--`
    ListSubtract,
    /// `[head | tail]` construction (pops tail, then head).
    Cons,
    /// `first..last` (pops last, then first).
    Range,
    /// `in` (pops the collection, then the element).
    In,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x` (strict)
    Not,
    /// `!x` (truthiness)
    Bang,
}

/// Errors raised by compiled code when nothing matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailKind {
    /// `=` failed: MatchError on the value.
    Match,
    /// `case` found no clause: CaseClauseError.
    CaseClause,
    /// `cond` found no true condition.
    CondClause,
    /// `with ... else` found no clause.
    WithClause,
    /// No clause of the current function matched its arguments.
    FunctionClause,
    /// `try ... else` found no clause.
    TryClause,
}

/// A call target named in code, resolved on first use.
pub struct Import {
    /// Module.
    pub module: Atom,
    /// Function name.
    pub name: Atom,
    /// Number of arguments.
    pub arity: u32,
    /// What it resolved to.
    pub resolved: OnceCell<Callee>,
}

/// A call site `module.name(...)` whose module is a value: the name, and the
/// module it last called with what that resolved to (a module seldom changes
/// from one call to the next, so this saves the lookup).
pub struct DynamicCall {
    /// The function name.
    pub name: Atom,
    /// The last module called and its resolution.
    pub last: Cell<Option<(Atom, Callee)>>,
}

/// A function's module, name and arity.
pub type Mfa = (Atom, Atom, u32);

/// What a call resolves to.
#[derive(Clone, Copy)]
pub enum Callee {
    /// A compiled function.
    Function(FunctionId),
    /// A function implemented in Rust.
    Native(NativeFn),
    /// Nothing: calling it raises UndefinedFunctionError.
    Undefined,
}

/// One compiled function body (a named function's clauses, or an anonymous function).
pub struct Function {
    /// Index in [`Program::functions`].
    pub id: FunctionId,
    /// The module the code belongs to.
    pub module: Atom,
    /// A display name: `fun/2`, or `-fun/2-fun-0-` for anonymous functions.
    pub name: String,
    /// The function's own name as an atom (for error messages), if named.
    pub fun_name: Option<Atom>,
    /// How many arguments it takes.
    pub arity: usize,
    /// How many local slots its frame needs (arguments and captures included).
    pub locals: u32,
    /// The instructions.
    pub code: Vec<Op>,
    /// Source spans, one per instruction (for stack traces and error positions).
    pub spans: Vec<Span>,
    /// Constants referenced by `Const` and friends.
    pub consts: Vec<Value>,
    /// Call targets referenced by `Call`.
    pub imports: Vec<Import>,
    /// Call sites of `CallDynamic`.
    pub dynamic: Vec<DynamicCall>,
    /// Anonymous functions created by `MakeClosure`.
    pub lambdas: Vec<FunctionId>,
    /// For anonymous functions: the slots that receive the captured values.
    pub capture_slots: Vec<u32>,
    /// Whether it was written by the reader (in the main file) rather than in
    /// the prelude: stack traces show only the reader's frames.
    pub in_main_file: bool,
}

impl Function {
    /// A function with no code, only its identity (for tests of printing).
    pub fn empty(module: Atom, name: &str, arity: usize) -> Function {
        Function {
            id: 0,
            module,
            name: name.to_string(),
            fun_name: None,
            arity,
            locals: arity as u32,
            code: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            imports: Vec::new(),
            dynamic: Vec::new(),
            lambdas: Vec::new(),
            capture_slots: Vec::new(),
            in_main_file: false,
        }
    }
}

/// A module's exported functions.
#[derive(Default)]
pub struct ModuleInfo {
    /// `(name, arity)` → function.
    pub functions: FxHashMap<(Atom, u32), FunctionId>,
    /// Struct fields with defaults, for modules with `defstruct`.
    pub struct_fields: Option<Vec<(Atom, Value)>>,
    /// The `defp` functions among `functions`: callable only from the module.
    pub private: Vec<(Atom, u32)>,
}

/// Every compiled function of a program, and the modules that name them.
#[derive(Default)]
pub struct Program {
    /// All functions, indexed by [`FunctionId`].
    pub functions: Vec<Rc<Function>>,
    /// Modules by name.
    pub modules: FxHashMap<Atom, ModuleInfo>,
    /// The top-level script code.
    pub main: Option<FunctionId>,
    /// Compile-time warnings about the main file, with where they point
    /// (nowhere for one that Elixir gives no line: the file alone is named).
    pub warnings: Vec<(String, Option<crate::diagnostic::Span>)>,
    /// The main file's name and lines, for the locations in stack traces.
    pub main_file: MainFile,
    /// Stack-trace entries already made, by function and return address.
    pub stack_entries: std::cell::RefCell<FxHashMap<(FunctionId, u32), Value>>,
    /// What `Kernel.__spawn_entry__/1` and `Kernel.__quiet_entry__/1`, where
    /// spawned processes start, resolve to: looked up once, as spawning is
    /// hot (a million senders).
    pub spawn_entries: OnceCell<(Callee, Callee)>,
    /// The last answer of [`Program::exported`].
    pub last_exported: Cell<Option<(Mfa, bool)>>,
    /// A compile error in a module of the main file, which Elixir meets only
    /// when the script reaches that module's `defmodule` (the code above it
    /// runs first): the script raises it there, and an editor underlines it.
    pub compile_error: Option<crate::diagnostic::Diagnostic>,
}

/// The reader's file as stack traces name it.
pub struct MainFile {
    /// The file name.
    pub name: String,
    /// `{:file, 'name'}`, the first item of every location in the file (made
    /// once: stack traces are built on every raise).
    pub file_item: Value,
    /// The byte offset where each line starts.
    pub line_starts: Vec<u32>,
}

impl Default for MainFile {
    fn default() -> MainFile {
        MainFile::new("", "")
    }
}

impl MainFile {
    /// Indexes the lines of `text`.
    pub fn new(name: &str, text: &str) -> MainFile {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
            .collect();
        let charlist = Value::list(name.chars().map(|c| Value::Int(c as i64)).collect());
        MainFile {
            name: name.to_string(),
            file_item: Value::tuple(vec![Value::atom("file"), charlist]),
            line_starts,
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: u32) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }
}

impl Program {
    /// The function with this id.
    pub fn function(&self, id: FunctionId) -> &Rc<Function> {
        &self.functions[id as usize]
    }

    /// Resolves an import to a callee: a compiled function of the program, a
    /// native function, or undefined.
    pub fn resolve(&self, import: &Import) -> Callee {
        *import
            .resolved
            .get_or_init(|| self.lookup(import.module, import.name, import.arity))
    }

    /// Finds `module.name/arity` as a call from outside the module sees it
    /// (`apply/3`, `function_exported?/3`): private functions are undefined.
    pub fn lookup_public(&self, module: Atom, name: Atom, arity: u32) -> Callee {
        let private = self
            .modules
            .get(&module)
            .is_some_and(|m| m.private.contains(&(name, arity)));
        if private {
            Callee::Undefined
        } else {
            self.lookup(module, name, arity)
        }
    }

    /// `function_exported?(module, name, arity)`. The last answer is kept:
    /// a GenServer asks the same question for every message (`handle_cast/2`
    /// of its module), and the answer cannot change during a run.
    pub fn exported(&self, module: Atom, name: Atom, arity: u32) -> bool {
        let key = (module, name, arity);
        if let Some((last, exported)) = self.last_exported.get() {
            if last == key {
                return exported;
            }
        }
        let exported = !matches!(self.lookup_public(module, name, arity), Callee::Undefined);
        self.last_exported.set(Some((key, exported)));
        exported
    }

    /// Finds `module.name/arity`.
    pub fn lookup(&self, module: Atom, name: Atom, arity: u32) -> Callee {
        if let Some(m) = self.modules.get(&module) {
            if let Some(&id) = m.functions.get(&(name, arity)) {
                return Callee::Function(id);
            }
        }
        match crate::native::lookup(module, name, arity) {
            Some(f) => Callee::Native(f),
            None => Callee::Undefined,
        }
    }
}
