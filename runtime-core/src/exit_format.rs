//! Exit reasons printed as `elixir` prints them when a linked process takes
//! the main script down (`** (EXIT from #PID<...>) ...`). The main process is
//! gone by then, so the prelude's `Exception.format_exit/1` cannot run: this is
//! its Rust twin for the reasons the runtime itself raises. Views can use
//! [`summary`] to name a crash in a few words.

use crate::bytecode::Program;
use crate::inspect::inspect;
use crate::value::Value;

/// `Exception.format_exit/1`: an error's reason (`{term, stacktrace}`) as its
/// banner with the stack indented under it; anything else inspected.
pub fn format_exit(reason: &Value) -> String {
    format_exit_in(reason, None)
}

/// [`format_exit`], knowing the program's modules (to say whether the module
/// of an undefined function exists, as `UndefinedFunctionError` does).
pub fn format_exit_in(reason: &Value, program: Option<&Program>) -> String {
    if let Value::Tuple(t) = reason {
        if let [error, stack @ Value::Cons(_)] = &t[..] {
            if let Some(lines) = stack_lines(stack) {
                // A message of several lines is not indented (as in Elixir).
                let banner = banner(error, stack, program);
                let mut text = format!("an exception was raised:\n    {banner}");
                for line in lines {
                    text.push_str("\n        ");
                    text.push_str(&line);
                }
                return text;
            }
        }
        if let [error @ Value::Map(_), Value::Nil] = &t[..] {
            if error.struct_name().is_some() {
                return format!(
                    "an exception was raised:\n    {}",
                    banner(error, &Value::Nil, program)
                );
            }
        }
    }
    match reason.as_atom().map(|a| a.name()) {
        Some("normal") => "normal".into(),
        Some("shutdown") => "shutdown".into(),
        Some("killed") => "killed".into(),
        _ => inspect(reason),
    }
}

/// A one-line name for an exit reason: `ArithmeticError: bad argument in
/// arithmetic expression` for an error's reason (`{:badarith, stack}`,
/// `{%RuntimeError{}, stack}`), the inspected reason otherwise (`:normal`,
/// `:killed`, `{:shutdown, :x}`).
pub fn summary(reason: &Value) -> String {
    if let Value::Tuple(t) = reason {
        if let [error, stack] = &t[..] {
            let is_stack = matches!(stack, Value::Nil | Value::Cons(_))
                && stack_lines(stack).is_some()
                && (!matches!(stack, Value::Nil) || error.struct_name().is_some());
            if is_stack {
                let (module, message) = exception_of(error, stack, None);
                return format!("{module}: {message}");
            }
        }
    }
    inspect(reason)
}

/// `** (Module) message` for an error reason: an exception struct, or the
/// Erlang term that `Exception.normalize/3` turns into one.
fn banner(error: &Value, stack: &Value, program: Option<&Program>) -> String {
    let (module, message) = exception_of(error, stack, program);
    format!("** ({module}) {message}")
}

fn exception_of(error: &Value, stack: &Value, program: Option<&Program>) -> (String, String) {
    if let Some(name) = error.struct_name() {
        let module = name.name().trim_start_matches("Elixir.").to_string();
        let field = |k: &str| error.map_get(&Value::atom(k)).map(inspect);
        let message = match error.map_get(&Value::atom("message")) {
            Some(Value::Str(s)) => s.to_string(),
            _ => match module.as_str() {
                "MatchError" => format!(
                    "no match of right hand side value: {}",
                    field("term").unwrap_or_default()
                ),
                "CaseClauseError" => {
                    format!(
                        "no case clause matching: {}",
                        field("term").unwrap_or_default()
                    )
                }
                _ => inspect(error),
            },
        };
        return (module, message);
    }
    let pair = |m: &str, text: String| (m.to_string(), text);
    if let Some(a) = error.as_atom() {
        match a.name() {
            "badarith" => {
                return pair(
                    "ArithmeticError",
                    "bad argument in arithmetic expression".into(),
                )
            }
            "badarg" => {
                let message = crate::erts_errors::badarg_message(stack);
                return pair(
                    "ArgumentError",
                    message.unwrap_or_else(|| "argument error".into()),
                );
            }
            "undef" => {
                if let Some(text) = stack.list_iter().next().and_then(|e| undefined(e, program)) {
                    return pair("UndefinedFunctionError", text);
                }
            }
            "function_clause" => {
                if let Some(call) = stack.list_iter().next().and_then(function_name) {
                    return pair(
                        "FunctionClauseError",
                        format!("no function clause matching in {call}"),
                    );
                }
            }
            "cond_clause" => {
                return pair(
                    "CondClauseError",
                    "no cond clause evaluated to a truthy value".into(),
                )
            }
            _ => {}
        }
    }
    if let Value::Tuple(t) = error {
        let tag = t.first().and_then(Value::as_atom).map(|a| a.name());
        match (tag, &t[..]) {
            (Some("badmatch"), [_, v]) => {
                return pair(
                    "MatchError",
                    format!("no match of right hand side value: {}", inspect(v)),
                )
            }
            (Some("case_clause"), [_, v]) => {
                return pair(
                    "CaseClauseError",
                    format!("no case clause matching: {}", inspect(v)),
                )
            }
            (Some("with_clause"), [_, v]) => {
                return pair(
                    "WithClauseError",
                    format!("no with clause matching: {}", inspect(v)),
                )
            }
            (Some("badmap"), [_, v]) => {
                return pair(
                    "BadMapError",
                    format!("expected a map, got: {}", inspect(v)),
                )
            }
            (Some("badfun"), [_, v]) => {
                return pair(
                    "BadFunctionError",
                    format!("expected a function, got: {}", inspect(v)),
                )
            }
            (Some("badkey"), [_, k, term]) => {
                return pair(
                    "KeyError",
                    format!("key {} not found in: {}", inspect(k), inspect(term)),
                )
            }
            (Some("badkey"), [_, k]) => {
                return pair("KeyError", format!("key {} not found", inspect(k)))
            }
            _ => {}
        }
    }
    pair("ErlangError", format!("Erlang error: {}", inspect(error)))
}

/// The message of an `UndefinedFunctionError` for the call at the top of the
/// stack. Without the program, the module is taken to exist.
fn undefined(entry: &Value, program: Option<&Program>) -> Option<String> {
    let Value::Tuple(t) = entry else { return None };
    let module = t.first()?.as_atom()?;
    let call = function_name(entry)?;
    let exists = program
        .is_none_or(|p| p.modules.contains_key(&module) || crate::native::module_exists(module));
    Some(if exists {
        format!("function {call} is undefined or private")
    } else {
        let name = inspect(&Value::Atom(module));
        format!("function {call} is undefined (module {name} is not available)")
    })
}

/// `Mod.fun/arity` (or `anonymous fn/arity in Mod.outer`) for a stack entry,
/// as a FunctionClauseError names the function.
fn function_name(entry: &Value) -> Option<String> {
    let Value::Tuple(t) = entry else { return None };
    let [module, fun, args, _] = &t[..] else {
        return None;
    };
    let arity = match args {
        Value::Int(n) => *n as usize,
        args => args.list_iter().count(),
    };
    let module_text = inspect(module);
    let fun = fun.as_atom()?.name();
    Some(match fun.split('-').collect::<Vec<_>>()[..] {
        ["", outer, "fun", _, ""] => format!("anonymous fn/{arity} in {module_text}.{outer}"),
        _ => format!("{module_text}.{fun}/{arity}"),
    })
}

/// Each entry of a stack trace as `Exception.format_stacktrace_entry/1` prints
/// it, or `None` when the list is not a stack trace.
fn stack_lines(stack: &Value) -> Option<Vec<String>> {
    stack.list_iter().map(entry_line).collect()
}

fn entry_line(entry: &Value) -> Option<String> {
    let Value::Tuple(t) = entry else { return None };
    let [module, fun, arity, location] = &t[..] else {
        return None;
    };
    let (module, fun) = (module.as_atom()?, fun.as_atom()?);
    let location = location_prefix(location)?;
    let arity = match arity {
        Value::Int(n) => format!("/{n}"),
        args @ (Value::Cons(_) | Value::Nil) => {
            let args: Vec<String> = args.list_iter().map(inspect).collect();
            format!("({})", args.join(", "))
        }
        _ => return None,
    };
    let module_text = inspect(&Value::Atom(module));
    let fun = fun.name();
    let call = match fun.split('-').collect::<Vec<_>>()[..] {
        ["", outer, "fun", _, ""] => format!("anonymous fn{arity} in {module_text}.{outer}"),
        _ if module.name() == "elixir_compiler_0" && fun == "__FILE__" => "(file)".into(),
        _ => format!(
            "{module_text}.{}{arity}",
            crate::inspect::inspect_atom_remote_call(fun)
        ),
    };
    // The OTP application of the stand-in frames for OTP's own code.
    let application = match module.name() {
        "gen_server" | "proc_lib" | "gen" | "maps" => "(stdlib 4.2) ",
        "Elixir.Task.Supervised"
        | "Elixir.Code"
        | "Elixir.Enum"
        | "Elixir.Enumerable.List"
        | "Elixir.Map"
        | "Elixir.List" => "(elixir 1.14.0) ",
        _ => "",
    };
    Some(format!("{application}{location}{call}"))
}

/// `file:line: ` from a location keyword list (empty without a file).
fn location_prefix(location: &Value) -> Option<String> {
    let mut file = None;
    let mut line = None;
    for item in location.list_iter() {
        let Value::Tuple(kv) = item else { return None };
        let [k, v] = &kv[..] else { return None };
        match k.as_atom().map(|a| a.name()) {
            Some("file") => {
                file = Some(
                    v.list_iter()
                        .filter_map(|c| match c {
                            Value::Int(c) => char::from_u32(*c as u32),
                            _ => None,
                        })
                        .collect::<String>(),
                )
            }
            Some("line") => line = Some(inspect(v)),
            _ => {}
        }
    }
    Some(match (file, line) {
        (Some(f), Some(l)) => format!("{f}:{l}: "),
        (Some(f), None) => format!("{f}: "),
        _ => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exception::{exception_struct, stack_entry};

    fn error_reason(error: Value, stack: Value) -> Value {
        Value::tuple(vec![error, stack])
    }

    fn entry(module: &str, fun: &str, args: Vec<Value>) -> Value {
        stack_entry(
            crate::atom::Atom::intern(module),
            crate::atom::Atom::intern(fun),
            args,
        )
    }

    #[test]
    fn summaries_name_the_exception() {
        let badarith = error_reason(
            Value::atom("badarith"),
            entry("erlang", "div", vec![Value::Int(1), Value::Int(0)]),
        );
        let raised = error_reason(
            exception_struct("RuntimeError", vec![("message", Value::string("boom"))]),
            Value::Nil,
        );
        let cases = [
            (
                badarith,
                "ArithmeticError: bad argument in arithmetic expression",
            ),
            (raised, "RuntimeError: boom"),
            (Value::atom("normal"), ":normal"),
            (
                Value::tuple(vec![Value::atom("shutdown"), Value::Nil]),
                "{:shutdown, []}",
            ),
        ];
        for (reason, expected) in cases {
            assert_eq!(summary(&reason), expected);
        }
    }

    #[test]
    fn an_error_exit_shows_its_stack_under_the_banner() {
        let reason = error_reason(
            Value::atom("function_clause"),
            entry("Elixir.Worker", "checked", vec![Value::atom("three")]),
        );
        assert_eq!(
            format_exit(&reason),
            "an exception was raised:\n    ** (FunctionClauseError) no function clause matching in Worker.checked/1\n        Worker.checked(:three)"
        );
    }
}
