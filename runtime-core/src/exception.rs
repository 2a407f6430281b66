//! Raised errors, throws and exits as values, and the errors the runtime
//! itself raises. As on the BEAM, those are Erlang terms (`:badarith`,
//! `{:badmatch, v}`, `:function_clause`, ...) with the failing built-in at the
//! top of the stack trace: `catch`, exit reasons and `:DOWN`/`:EXIT` messages
//! see the term, while `rescue` and the crash reports see the exception struct
//! the prelude's `Exception.normalize/3` makes of it. Errors that Elixir code
//! raises as structs (`ArgumentError` with a message, `KeyError` from
//! `Keyword.fetch!/2`, ...) stay structs.

use std::collections::BTreeMap;

use crate::atom::Atom;
use crate::term_order::MapKey;
use crate::value::Value;

/// The class of a raised value, as `catch kind, value` sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    /// `raise` and runtime errors.
    Error,
    /// `throw`.
    Throw,
    /// `exit`.
    Exit,
}

impl Class {
    /// The class as an atom (`:error`, `:throw`, `:exit`).
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => Atom::ERROR,
            Class::Throw => Atom::THROW,
            Class::Exit => Atom::EXIT,
        }
    }

    /// The class named by an atom.
    pub fn from_atom(a: Atom) -> Option<Class> {
        match a {
            a if a == Atom::ERROR => Some(Class::Error),
            a if a == Atom::THROW => Some(Class::Throw),
            a if a == Atom::EXIT => Some(Class::Exit),
            _ => None,
        }
    }
}

/// Something raised and not (yet) caught.
#[derive(Clone, Debug)]
pub struct Exception {
    /// Error, throw or exit.
    pub class: Class,
    /// The exception struct, the thrown value, or the exit reason.
    pub reason: Value,
    /// The stack trace: a list of `{module, function, arity or args, location}`.
    /// Until the exception is raised it holds only the entries the raiser
    /// knows (the built-in that failed); the VM adds the frames of the reader's
    /// code when it raises it.
    pub stacktrace: Value,
    /// Whether `stacktrace` is complete: a re-raise (`:erlang.raise/3`,
    /// `reraise`) keeps the stack trace it was given.
    pub stack_complete: bool,
}

impl Exception {
    /// An error with an exception struct as its reason.
    pub fn error(reason: Value) -> Exception {
        Exception {
            class: Class::Error,
            reason,
            stacktrace: Value::Nil,
            stack_complete: false,
        }
    }

    /// An exit.
    pub fn exit(reason: Value) -> Exception {
        Exception {
            class: Class::Exit,
            reason,
            stacktrace: Value::Nil,
            stack_complete: false,
        }
    }

    /// A throw.
    pub fn throw(value: Value) -> Exception {
        Exception {
            class: Class::Throw,
            reason: value,
            stacktrace: Value::Nil,
            stack_complete: false,
        }
    }

    /// The exit reason of a process that let this escape (as the BEAM computes it).
    pub fn exit_reason(&self) -> Value {
        match self.class {
            Class::Exit => self.reason.clone(),
            Class::Error => Value::tuple(vec![self.reason.clone(), self.stacktrace.clone()]),
            Class::Throw => Value::tuple(vec![
                Value::tuple(vec![Value::atom("nocatch"), self.reason.clone()]),
                self.stacktrace.clone(),
            ]),
        }
    }
}

/// An exception struct `%Elixir.<module>{fields}` with `__exception__: true`.
pub fn exception_struct(module: &str, fields: Vec<(&str, Value)>) -> Value {
    let mut map = BTreeMap::new();
    map.insert(MapKey(Value::atom("__exception__")), Value::TRUE);
    map.insert(
        MapKey(Value::Atom(Atom::STRUCT)),
        Value::atom(&format!("Elixir.{module}")),
    );
    for (k, v) in fields {
        map.insert(MapKey(Value::atom(k)), v);
    }
    Value::map(map)
}

/// An error with a message field (`RuntimeError`, `ArgumentError`, ...).
pub fn with_message(module: &str, message: &str) -> Exception {
    Exception::error(exception_struct(
        module,
        vec![("message", Value::string(message))],
    ))
}

/// `ArgumentError` with a message.
pub fn argument_error(message: &str) -> Exception {
    with_message("ArgumentError", message)
}

/// `:badarg`, a bad argument to a built-in.
pub fn badarg() -> Exception {
    erlang(Value::atom("badarg"))
}

/// `:badarg` from the built-in `:erlang.<function>(args)`: the call goes at
/// the top of the stack trace, where Elixir finds it to explain which
/// argument was wrong (`crate::erts_errors`) when the error is rescued or
/// printed.
pub fn bif_badarg(function: &str, args: Vec<Value>) -> Exception {
    in_bif(badarg(), function, args)
}

/// `e` (from [`bif_badarg`]) with a `cause` in its `error_info`, as some
/// built-ins add one (`:erlang.send_after/3` says `cause: :time`).
pub fn bif_badarg_because(mut e: Exception, cause: &str) -> Exception {
    let Some(Value::Tuple(entry)) = e.stacktrace.list_iter().next().cloned() else {
        return e;
    };
    let mut info = BTreeMap::new();
    info.insert(
        MapKey(Value::atom("module")),
        Value::atom("erl_erts_errors"),
    );
    info.insert(MapKey(Value::atom("cause")), Value::atom(cause));
    let mut items = entry.to_vec();
    if let Some(location) = items.get_mut(3) {
        *location = Value::list(vec![Value::tuple(vec![
            Value::atom("error_info"),
            Value::map(info),
        ])]);
    }
    e.stacktrace = Value::list(vec![Value::tuple(items)]);
    e
}

/// An error whose reason is an Erlang term, as the BEAM raises it (`:badarith`,
/// `{:badmatch, v}`, ...). `rescue` and the crash reports see the exception
/// struct `Exception.normalize/3` makes of it; `catch`, exit reasons, `:DOWN`
/// and `:EXIT` messages see the term itself.
pub fn erlang(reason: Value) -> Exception {
    Exception::error(reason)
}

/// `:badarith`, as raised by `1 + :a` or `1 / 0`.
pub fn badarith() -> Exception {
    erlang(Value::atom("badarith"))
}

/// Records that `:erlang.<function>(args)` raised `e`: the BEAM puts the
/// built-in's call, with its arguments, at the top of the stack trace.
pub fn in_bif(mut e: Exception, function: &str, args: Vec<Value>) -> Exception {
    if e.class == Class::Error && matches!(e.stacktrace, Value::Nil) {
        let mut info = BTreeMap::new();
        info.insert(
            MapKey(Value::atom("module")),
            Value::atom("erl_erts_errors"),
        );
        let meta = Value::list(vec![Value::tuple(vec![
            Value::atom("error_info"),
            Value::map(info),
        ])]);
        e.stacktrace = Value::list(vec![Value::tuple(vec![
            Value::atom("erlang"),
            Value::atom(function),
            Value::list(args),
            meta,
        ])]);
    }
    e
}

/// `{tag, term}`: `{:badmatch, v}`, `{:case_clause, v}`, ...
pub fn tagged(tag: &str, term: Value) -> Exception {
    erlang(Value::tuple(vec![Value::atom(tag), term]))
}

/// `{:badkey, key, map}` for `map.key` on a map without it.
pub fn key_error(key: Value, term: Value) -> Exception {
    erlang(Value::tuple(vec![Value::atom("badkey"), key, term]))
}

/// `{:badkey, key}` (a failed `%{map | key: v}` or `:erlang.map_get/2`).
pub fn bad_key(key: Value) -> Exception {
    tagged("badkey", key)
}

/// The `KeyError` struct, raised by Elixir code such as `Keyword.fetch!/2`.
pub fn key_error_struct(key: Value, term: Value) -> Exception {
    Exception::error(exception_struct(
        "KeyError",
        vec![("key", key), ("term", term), ("message", Value::NIL_ATOM)],
    ))
}

/// `{:badmap, term}`.
pub fn bad_map(term: Value) -> Exception {
    tagged("badmap", term)
}

/// `FunctionClauseError` for `module.function/arity`, as raised by Elixir
/// code that has no stack entry with the arguments.
pub fn function_clause(module: Atom, function: Value, arity: usize) -> Exception {
    Exception::error(exception_struct(
        "FunctionClauseError",
        vec![
            ("module", Value::Atom(module)),
            ("function", function),
            ("arity", Value::Int(arity as i64)),
            ("kind", Value::NIL_ATOM),
            ("args", Value::NIL_ATOM),
            ("clauses", Value::NIL_ATOM),
        ],
    ))
}

/// `:function_clause` for a call of `fun` with `args` that no clause matched;
/// the arguments go in the stack trace's top entry, where Elixir finds the
/// module, function and arity (and prints "The following arguments were given").
pub fn function_clause_in(fun: &crate::bytecode::Function, args: Vec<Value>) -> Exception {
    let mut e = erlang(Value::atom("function_clause"));
    e.stacktrace = stack_entry(beam_module(fun), beam_name(fun), args);
    e
}

/// The module the BEAM names for a function's code: the script's top-level
/// code is `:elixir_compiler_0`.
pub fn beam_module(fun: &crate::bytecode::Function) -> Atom {
    if fun.module == Atom::ELIXIR {
        Atom::intern("elixir_compiler_0")
    } else {
        fun.module
    }
}

/// The function's name as the BEAM records it (`-run/0-fun-0-` for an
/// anonymous function).
pub fn beam_name(fun: &crate::bytecode::Function) -> Atom {
    fun.fun_name.unwrap_or_else(|| Atom::intern(&fun.name))
}

/// A one-entry stack trace `[{module, function, args, []}]`.
pub fn stack_entry(module: Atom, function: Atom, args: Vec<Value>) -> Value {
    Value::list(vec![Value::tuple(vec![
        Value::Atom(module),
        Value::Atom(function),
        Value::list(args),
        Value::Nil,
    ])])
}

/// `:undef` for `module.function(args)`: the call goes in the stack trace,
/// where Elixir finds it to make the `UndefinedFunctionError` and to print
/// `Mod.fun(1, 2)`.
pub fn undefined_function(module: Atom, function: Atom, args: Vec<Value>) -> Exception {
    let mut e = erlang(Value::atom("undef"));
    e.stacktrace = stack_entry(module, function, args);
    e
}

/// `{:badarity, {fun, args}}`: a function called with the wrong number of arguments.
pub fn bad_arity(function: Value, args: Vec<Value>) -> Exception {
    tagged("badarity", Value::tuple(vec![function, Value::list(args)]))
}

/// `{:badfun, term}`: calling something that is not a function.
pub fn bad_function(term: Value) -> Exception {
    tagged("badfun", term)
}

/// `{:badbool, operator, term}` for `and`/`or` with a non-boolean left side.
pub fn bad_boolean(term: Value, operator: Value) -> Exception {
    erlang(Value::tuple(vec![Value::atom("badbool"), operator, term]))
}

/// `SystemLimitError` with callcast's explanation of which limit was hit.
pub fn system_limit(message: &str) -> Exception {
    with_message("SystemLimitError", message)
}
