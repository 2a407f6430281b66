//! Raised errors, throws and exits as values, and the exception structs the
//! runtime itself raises (`%MatchError{}`, `%ArgumentError{}`, ...).

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
    /// The stack trace (a list; callcast records none yet).
    pub stacktrace: Value,
}

impl Exception {
    /// An error with an exception struct as its reason.
    pub fn error(reason: Value) -> Exception {
        Exception {
            class: Class::Error,
            reason,
            stacktrace: Value::Nil,
        }
    }

    /// An exit.
    pub fn exit(reason: Value) -> Exception {
        Exception {
            class: Class::Exit,
            reason,
            stacktrace: Value::Nil,
        }
    }

    /// A throw.
    pub fn throw(value: Value) -> Exception {
        Exception {
            class: Class::Throw,
            reason: value,
            stacktrace: Value::Nil,
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

/// The `ArgumentError` the BEAM raises for a bad argument to a built-in.
pub fn badarg() -> Exception {
    argument_error("argument error")
}

/// The `ArgumentError` a BEAM built-in raises, explaining which argument was
/// wrong and why, worded as Erlang's error-info reports it.
pub fn badarg_at(position: usize, what: &str) -> Exception {
    let ordinal = match position {
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    };
    argument_error(&format!(
        "errors were found at the given arguments:\n\n  * {ordinal} argument: {what}\n"
    ))
}

/// `ArithmeticError` as raised by `1 + :a` or `1 / 0`.
pub fn badarith() -> Exception {
    with_message("ArithmeticError", "bad argument in arithmetic expression")
}

/// An error struct whose message is computed from a `term` field.
pub fn with_term(module: &str, term: Value) -> Exception {
    Exception::error(exception_struct(module, vec![("term", term)]))
}

/// `KeyError` for a missing key.
pub fn key_error(key: Value, term: Value) -> Exception {
    Exception::error(exception_struct(
        "KeyError",
        vec![("key", key), ("term", term), ("message", Value::NIL_ATOM)],
    ))
}

/// `BadMapError`.
pub fn bad_map(term: Value) -> Exception {
    with_term("BadMapError", term)
}

/// `FunctionClauseError` for `module.function/arity`.
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

/// `FunctionClauseError` for a call of `fun` with `args` that no clause
/// matched; the arguments go in the stack trace's top entry, where Elixir finds
/// them to print "The following arguments were given".
pub fn function_clause_in(fun: &crate::bytecode::Function, args: Vec<Value>) -> Exception {
    // The script's top-level code is the BEAM's `:elixir_compiler_0.__FILE__/1`.
    let module = if fun.module == Atom::ELIXIR {
        Atom::intern("elixir_compiler_0")
    } else {
        fun.module
    };
    let function = fun.fun_name.unwrap_or_else(|| Atom::intern(&fun.name));
    let mut e = function_clause(module, Value::Atom(function), fun.arity);
    e.stacktrace = stack_entry(module, function, args);
    e
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

/// `UndefinedFunctionError` for `module.function/arity`. As on the BEAM its
/// `reason` is nil: the message asks whether the module exists when it is
/// shown (`Code.ensure_loaded?/1`).
/// The arguments go in the stack trace, which Elixir prints as `Mod.fun(1, 2)`.
pub fn undefined_function(module: Atom, function: Atom, args: Vec<Value>) -> Exception {
    let arity = args.len();
    let mut e = Exception::error(exception_struct(
        "UndefinedFunctionError",
        vec![
            ("module", Value::Atom(module)),
            ("function", Value::Atom(function)),
            ("arity", Value::Int(arity as i64)),
            ("reason", Value::NIL_ATOM),
            ("message", Value::NIL_ATOM),
        ],
    ));
    e.stacktrace = stack_entry(module, function, args);
    e
}

/// `BadArityError`: a function called with the wrong number of arguments.
pub fn bad_arity(function: Value, args: Vec<Value>) -> Exception {
    Exception::error(exception_struct(
        "BadArityError",
        vec![("function", function), ("args", Value::list(args))],
    ))
}

/// `BadFunctionError`: calling something that is not a function.
pub fn bad_function(term: Value) -> Exception {
    with_term("BadFunctionError", term)
}

/// `BadBooleanError` for `and`/`or` with a non-boolean left side.
pub fn bad_boolean(term: Value, operator: Value) -> Exception {
    Exception::error(exception_struct(
        "BadBooleanError",
        vec![("term", term), ("operator", operator)],
    ))
}

/// `SystemLimitError` with callcast's explanation of which limit was hit.
pub fn system_limit(message: &str) -> Exception {
    with_message("SystemLimitError", message)
}
