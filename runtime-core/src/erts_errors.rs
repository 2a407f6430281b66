//! Why a built-in rejected its arguments, worded as OTP's `erl_erts_errors`
//! words it. A built-in that gets a bad argument raises only the term
//! `:badarg`, with its call (`{:erlang, :element, [6, {1}], [error_info: ...]}`)
//! at the top of the stack trace; the explanation is made from that call when
//! the error is normalized (`rescue`, the banners, the crash reports), so
//! `catch`, exit reasons and `:DOWN` messages see what the BEAM's do.
//!
//! Only the built-ins the runtime has are covered. The wording was taken from
//! OTP 25 by running each case; an argument whose type is right is blamed
//! with the reason the built-in's own check implies (an index in a tuple is
//! "out of range", a binary that `binary_to_integer` refused is "not a
//! textual representation of an integer").

use crate::value::Value;

/// The explanations for the arguments of `:erlang.<function>(args)` that
/// made it raise `:badarg`, as `(position, text)` pairs in argument order.
/// Empty when the built-in is not one the runtime explains.
pub fn explain(function: &str, args: &[Value]) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut blame = |position: usize, text: &'static str| out.push((position, text));
    match (function, args) {
        ("element" | "setelement" | "insert_element" | "delete_element", [index, tuple, ..]) => {
            match (index, tuple) {
                (i, Value::Tuple(_)) if is_integer(i) => blame(1, "out of range"),
                _ => {
                    if !is_integer(index) {
                        blame(1, "not an integer");
                    }
                    if !matches!(tuple, Value::Tuple(_)) {
                        blame(2, "not a tuple");
                    }
                }
            }
        }
        ("append_element" | "tuple_size" | "tuple_to_list", [_, ..]) => blame(1, "not a tuple"),
        ("hd" | "tl", [_]) => blame(1, "not a nonempty list"),
        ("length" | "list_to_tuple", [_]) => blame(1, "not a list"),
        ("byte_size", [_]) => blame(1, "not a bitstring"),
        ("abs" | "float" | "round" | "trunc" | "floor" | "ceil", [_]) => blame(1, "not a number"),
        ("atom_to_binary" | "atom_to_list", [_, ..]) => blame(1, "not an atom"),
        ("list_to_atom", [list]) => blame(
            1,
            if list.list_to_vec().is_some() {
                "not a list of characters"
            } else {
                "not a list"
            },
        ),
        ("binary_to_atom", [text, rest @ ..]) => {
            if !matches!(text, Value::Str(_)) {
                blame(1, "not a binary");
            }
            if let [encoding] = rest {
                if !is_encoding(encoding) {
                    blame(2, "not one of the atoms: latin1, utf8, or unicode");
                }
            }
        }
        ("binary_to_existing_atom", [text, ..]) => blame(
            1,
            if matches!(text, Value::Str(_)) {
                "not an already existing atom"
            } else {
                "not a binary"
            },
        ),
        ("binary_to_integer", [text, rest @ ..]) => {
            let base_ok = rest.iter().all(is_base);
            match text {
                Value::Str(_) if base_ok => blame(1, "not a textual representation of an integer"),
                Value::Str(_) => {}
                _ => blame(1, "not a binary"),
            }
            if !base_ok {
                blame(2, "not an integer in the range 2 through 36");
            }
        }
        ("binary_to_float", [text]) => blame(
            1,
            if matches!(text, Value::Str(_)) {
                "not a textual representation of a float"
            } else {
                "not a binary"
            },
        ),
        ("integer_to_binary" | "integer_to_list", [n, rest @ ..]) => {
            if !is_integer(n) {
                blame(1, "not an integer");
            }
            if !rest.iter().all(is_base) {
                blame(2, "not an integer in the range 2 through 36");
            }
        }
        ("send", [_, _]) => blame(1, "invalid destination"),
        ("fun_info", [_, ..]) | ("spawn" | "spawn_link", [_]) => blame(1, "not a fun"),
        ("spawn" | "spawn_link", [module, _, _]) if module.as_atom().is_none() => {
            blame(1, "not an atom")
        }
        ("whereis", [_]) => blame(1, "not an atom"),
        ("is_process_alive" | "process_info", [_, ..]) => blame(1, "not a pid"),
        ("monitor", [_, _]) => blame(2, "not a pid"),
        ("demonitor" | "cancel_timer" | "read_timer", [_, ..]) => blame(1, "not a reference"),
        ("send_after", [time, destination, _]) => {
            if matches!(time, Value::Int(t) if *t < 0) {
                blame(1, "out of range");
            }
            if !matches!(destination, Value::Pid(_) | Value::Atom(_)) {
                blame(2, "not a pid or an atom");
            }
        }
        ("process_flag", [_, _]) => blame(2, "invalid value for this process flag"),
        // OTP 25 says "not a pid" even for an atom that names nothing.
        ("exit" | "link" | "unlink" | "unregister", [_, ..]) => blame(1, "not a pid"),
        ("apply", [module, function, arguments]) => {
            if module.as_atom().is_none() {
                blame(1, "not an atom");
            }
            if function.as_atom().is_none() {
                blame(2, "not an atom");
            }
            match arguments {
                Value::Nil => {}
                Value::Cons(_) if arguments.list_to_vec().is_some() => {}
                Value::Cons(_) => blame(3, "not a proper list"),
                _ => blame(3, "not a list"),
            }
        }
        _ => {}
    }
    out
}

fn is_integer(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_))
}

fn is_encoding(v: &Value) -> bool {
    v.as_atom()
        .is_some_and(|a| matches!(a.name(), "latin1" | "utf8" | "unicode"))
}

fn is_base(v: &Value) -> bool {
    matches!(v, Value::Int(b) if (2..=36).contains(b))
}

/// The message Elixir gives the `ArgumentError` of a `:badarg` whose stack
/// trace starts at a built-in the runtime explains ("errors were found at the
/// given arguments: ..."), from the top entry of the stack trace.
pub fn badarg_message(stacktrace: &Value) -> Option<String> {
    let Some(Value::Tuple(entry)) = stacktrace.list_iter().next() else {
        return None;
    };
    let [module, function, Value::Cons(_) | Value::Nil, location] = &entry[..] else {
        return None;
    };
    if module.as_atom().map(|m| m.name()) != Some("erlang") || !has_error_info(location) {
        return None;
    }
    let args = entry[2].list_to_vec()?;
    let reasons = explain(function.as_atom()?.name(), &args);
    if reasons.is_empty() {
        return None;
    }
    let mut message = String::from("errors were found at the given arguments:\n\n");
    for (position, text) in reasons {
        message.push_str(&format!("  * {} argument: {text}\n", ordinal(position)));
    }
    Some(message)
}

fn has_error_info(location: &Value) -> bool {
    location.list_iter().any(|item| {
        matches!(item, Value::Tuple(pair)
            if pair.len() == 2 && pair[0].as_atom().map(|a| a.name()) == Some("error_info"))
    })
}

/// `1st`, `2nd`, `3rd`, `4th`, ... as Elixir numbers the arguments.
fn ordinal(position: usize) -> String {
    match position {
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}
