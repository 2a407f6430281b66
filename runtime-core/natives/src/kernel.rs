//! Kernel's built-ins and the `:erlang` functions they stand on: type tests,
//! arithmetic helpers, tuples, raising, `apply`.

use std::rc::Rc;

use super::{apply3, badarg, bif_badarg, int, list, register, Args, Control, Ctx, NResult, Table};
use crate::atom::Atom;
use crate::bigint::BigInt;
use crate::bytecode::BinaryOp;
use crate::exception::{self, Class, Exception};
use crate::ops;
use crate::value::Value;

pub(super) fn register_all(t: &mut Table) {
    let k: &[(&str, u32, super::NativeFn)] = &[
        ("is_integer", 1, |_, a| {
            Ok(Value::bool(matches!(
                a[0],
                Value::Int(_) | Value::BigInt(_)
            )))
        }),
        ("is_float", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Float(_))))
        }),
        ("is_number", 1, |_, a| {
            Ok(Value::bool(matches!(
                a[0],
                Value::Int(_) | Value::BigInt(_) | Value::Float(_)
            )))
        }),
        ("is_atom", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Atom(_))))
        }),
        ("is_binary", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Str(_))))
        }),
        ("is_bitstring", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Str(_))))
        }),
        ("is_list", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Nil | Value::Cons(_))))
        }),
        ("is_tuple", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Tuple(_))))
        }),
        ("is_map", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Map(_))))
        }),
        ("is_pid", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Pid(_))))
        }),
        ("is_reference", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Ref(_))))
        }),
        ("is_function", 1, |_, a| {
            Ok(Value::bool(matches!(a[0], Value::Fun(_))))
        }),
        ("is_function", 2, |_, a| {
            let n = int(&a[1])?;
            Ok(Value::bool(
                matches!(&a[0], Value::Fun(f) if f.arity() as i64 == n),
            ))
        }),
        ("is_nil", 1, |_, a| {
            Ok(Value::bool(
                matches!(a[0], Value::Atom(x) if x == Atom::NIL),
            ))
        }),
        ("is_boolean", 1, |_, a| {
            Ok(Value::bool(
                matches!(a[0], Value::Atom(x) if x == Atom::TRUE || x == Atom::FALSE),
            ))
        }),
        ("is_struct", 1, |_, a| {
            Ok(Value::bool(a[0].struct_name().is_some()))
        }),
        ("is_struct", 2, |_, a| {
            Ok(Value::bool(a[0].struct_name().is_some_and(|s| {
                Value::Atom(s).as_atom() == a[1].as_atom()
            })))
        }),
        ("is_exception", 1, |_, a| {
            Ok(Value::bool(is_exception(&a[0])))
        }),
        ("is_map_key", 2, |_, a| match &a[0] {
            Value::Map(_) => Ok(Value::bool(a[0].map_get(&a[1]).is_some())),
            _ => Err(exception::bad_map(a[0].clone()).into()),
        }),
        ("length", 1, |_, a| match a[0].list_to_vec() {
            Some(v) => Ok(Value::Int(v.len() as i64)),
            None => bif_badarg("length", a),
        }),
        ("hd", 1, |_, a| match &a[0] {
            Value::Cons(c) => Ok(c.head.clone()),
            _ => bif_badarg("hd", a),
        }),
        ("tl", 1, |_, a| match &a[0] {
            Value::Cons(c) => Ok(c.tail.clone()),
            _ => bif_badarg("tl", a),
        }),
        // Kernel's `elem(tuple, i)` is `:erlang.element(i + 1, tuple)`: the
        // BEAM's stack names that call.
        ("elem", 2, |_, a| match (&a[0], &a[1]) {
            (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
                Ok(t[*i as usize].clone())
            }
            _ => Err(Control::Raise(one_based("element", a, 1)?)),
        }),
        ("put_elem", 3, |_, a| {
            let i = match (&a[0], &a[1]) {
                (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
                    *i as usize
                }
                _ => return Err(Control::Raise(one_based("setelement", a, 1)?)),
            };
            let v = std::mem::replace(&mut a[2], Value::Nil);
            if let Value::Tuple(t) = &mut a[0] {
                // In place when the caller passed the tuple's last reference.
                match Rc::get_mut(t) {
                    Some(items) => items[i] = v,
                    None => {
                        let mut items = t.to_vec();
                        items[i] = v;
                        *t = Rc::from(items);
                    }
                }
            }
            Ok(std::mem::replace(&mut a[0], Value::Nil))
        }),
        ("tuple_size", 1, |_, a| match &a[0] {
            Value::Tuple(t) => Ok(Value::Int(t.len() as i64)),
            _ => bif_badarg("tuple_size", a),
        }),
        ("map_size", 1, |_, a| match &a[0] {
            Value::Map(m) => Ok(Value::Int(m.len() as i64)),
            _ => Err(exception::bad_map(a[0].clone()).into()),
        }),
        ("byte_size", 1, |_, a| match &a[0] {
            Value::Str(s) => Ok(Value::Int(s.len() as i64)),
            _ => bif_badarg("byte_size", a),
        }),
        ("abs", 1, |_, a| match &a[0] {
            Value::Int(i) => Ok(match i.checked_abs() {
                Some(v) => Value::Int(v),
                None => Value::from_bigint(BigInt::from(*i).abs()),
            }),
            Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
            Value::Float(f) => Ok(Value::Float(f.abs())),
            _ => bif_badarg("abs", a),
        }),
        ("div", 2, |_, a| {
            ops::int_div(&a[0], &a[1]).map_err(|e| exception::in_bif(e, "div", a.to_vec()).into())
        }),
        ("rem", 2, |_, a| {
            ops::int_rem(&a[0], &a[1]).map_err(|e| exception::in_bif(e, "rem", a.to_vec()).into())
        }),
        ("max", 2, |_, a| {
            Ok(if crate::term_order::compare(&a[0], &a[1]).is_lt() {
                a[1].clone()
            } else {
                a[0].clone()
            })
        }),
        ("min", 2, |_, a| {
            Ok(if crate::term_order::compare(&a[1], &a[0]).is_lt() {
                a[1].clone()
            } else {
                a[0].clone()
            })
        }),
        ("round", 1, |_, a| float_to_int(a, "round", f64::round)),
        ("trunc", 1, |_, a| float_to_int(a, "trunc", f64::trunc)),
        ("floor", 1, |_, a| float_to_int(a, "floor", f64::floor)),
        ("ceil", 1, |_, a| float_to_int(a, "ceil", f64::ceil)),
        ("**", 2, |_, a| pow(&a[0], &a[1])),
        (
            "throw",
            1,
            |_, a| Err(Exception::throw(a[0].clone()).into()),
        ),
        ("exit", 1, |_, a| Err(Exception::exit(a[0].clone()).into())),
        ("make_ref", 0, |c, _| Ok(Value::Ref(c.core.make_ref()))),
        ("node", 0, |_, _| Ok(Value::atom("nonode@nohost"))),
        ("apply", 2, |_, a| {
            Err(Control::Call(a[0].clone(), list(&a[1])?))
        }),
        ("apply", 3, apply3),
        ("function_exported?", 3, |c, a| {
            let (Some(m), Some(f), Value::Int(n)) = (a[0].as_atom(), a[1].as_atom(), &a[2]) else {
                return badarg();
            };
            Ok(Value::bool(c.program.exported(m, f, *n as u32)))
        }),
        ("__exception_in__", 2, |_, a| {
            let name = a[0].struct_name();
            Ok(Value::bool(
                is_exception(&a[0]) && a[1].list_iter().any(|m| m.as_atom() == name),
            ))
        }),
        ("+", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Add, a[0].clone(), a[1].clone())?)
        }),
        ("-", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Sub, a[0].clone(), a[1].clone())?)
        }),
        ("*", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Mul, a[0].clone(), a[1].clone())?)
        }),
        ("/", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Div, a[0].clone(), a[1].clone())?)
        }),
        ("-", 1, |_, a| {
            Ok(ops::unary(crate::bytecode::UnaryOp::Neg, a[0].clone())?)
        }),
        ("==", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Eq, a[0].clone(), a[1].clone())?)
        }),
        ("!=", 2, |_, a| {
            Ok(ops::binary(BinaryOp::NotEq, a[0].clone(), a[1].clone())?)
        }),
        ("===", 2, |_, a| {
            Ok(ops::binary(BinaryOp::StrictEq, a[0].clone(), a[1].clone())?)
        }),
        ("!==", 2, |_, a| {
            Ok(ops::binary(
                BinaryOp::StrictNotEq,
                a[0].clone(),
                a[1].clone(),
            )?)
        }),
        ("<", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Lt, a[0].clone(), a[1].clone())?)
        }),
        ("<=", 2, |_, a| {
            Ok(ops::binary(BinaryOp::LtEq, a[0].clone(), a[1].clone())?)
        }),
        (">", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Gt, a[0].clone(), a[1].clone())?)
        }),
        (">=", 2, |_, a| {
            Ok(ops::binary(BinaryOp::GtEq, a[0].clone(), a[1].clone())?)
        }),
        ("<>", 2, |_, a| {
            Ok(ops::binary(BinaryOp::Concat, a[0].clone(), a[1].clone())?)
        }),
        ("++", 2, |_, a| {
            Ok(ops::binary(
                BinaryOp::ListConcat,
                a[0].clone(),
                a[1].clone(),
            )?)
        }),
        ("--", 2, |_, a| {
            Ok(ops::binary(
                BinaryOp::ListSubtract,
                a[0].clone(),
                a[1].clone(),
            )?)
        }),
        ("not", 1, |_, a| {
            Ok(ops::unary(crate::bytecode::UnaryOp::Not, a[0].clone())?)
        }),
        ("sigil_w", 2, sigil_w),
        ("sigil_W", 2, sigil_w),
        ("sigil_s", 2, |_, a| Ok(a[0].clone())),
        ("sigil_S", 2, |_, a| Ok(a[0].clone())),
        ("sigil_c", 2, |_, a| Ok(charlist(&a[0]))),
        ("sigil_C", 2, |_, a| Ok(charlist(&a[0]))),
    ];
    register(t, "Elixir.Kernel", k);
    register(
        t,
        "Elixir.Function",
        &[
            ("info", 1, |_, a| fun_info(&a[0])),
            ("info", 2, |_, a| {
                let info = fun_info(&a[0])?;
                let wanted = a[1].as_atom();
                Ok(info
                    .list_iter()
                    .find(|kv| matches!(kv, Value::Tuple(t) if t[0].as_atom() == wanted))
                    .cloned()
                    .unwrap_or(Value::NIL_ATOM))
            }),
        ],
    );
    register(t, "erl_erts_errors", &[("format_error", 2, format_error)]);
    register(
        t,
        "Elixir.Code",
        &[("ensure_loaded?", 1, |c, a| {
            Ok(Value::bool(a[0].as_atom().is_some_and(|m| {
                c.program.modules.contains_key(&m) || super::module_exists(m)
            })))
        })],
    );
    register(
        t,
        "erlang",
        &[
            (
                "error",
                1,
                |_, a| Err(Exception::error(a[0].clone()).into()),
            ),
            (
                "error",
                2,
                |_, a| Err(Exception::error(a[0].clone()).into()),
            ),
            (
                "throw",
                1,
                |_, a| Err(Exception::throw(a[0].clone()).into()),
            ),
            ("exit", 1, |_, a| Err(Exception::exit(a[0].clone()).into())),
            ("raise", 3, |_, a| {
                let class = a[0]
                    .as_atom()
                    .and_then(Class::from_atom)
                    .ok_or_else(|| Control::Raise(exception::badarg()))?;
                Err(Exception {
                    class,
                    reason: a[1].clone(),
                    stacktrace: a[2].clone(),
                    stack_complete: true,
                }
                .into())
            }),
            ("apply", 2, |_, a| {
                Err(Control::Call(a[0].clone(), list(&a[1])?))
            }),
            ("apply", 3, apply3),
            ("make_ref", 0, |c, _| Ok(Value::Ref(c.core.make_ref()))),
            ("element", 2, |_, a| match (&a[0], &a[1]) {
                (Value::Int(i), Value::Tuple(t)) if *i >= 1 && (*i as usize) <= t.len() => {
                    Ok(t[*i as usize - 1].clone())
                }
                _ => bif_badarg("element", a),
            }),
            ("fun_info", 1, |_, a| fun_info(&a[0])),
            ("fun_info", 2, |_, a| {
                let info = fun_info(&a[0])?;
                let wanted = a[1].as_atom();
                Ok(info
                    .list_iter()
                    .find(|kv| matches!(kv, Value::Tuple(t) if t[0].as_atom() == wanted))
                    .cloned()
                    .unwrap_or_else(|| Value::tuple(vec![a[1].clone(), Value::atom("undefined")])))
            }),
            ("list_to_atom", 1, |_, a| {
                let Some(codes) = a[0].list_to_vec() else {
                    return bif_badarg("list_to_atom", a);
                };
                let text: Option<String> = codes
                    .iter()
                    .map(|c| match c {
                        Value::Int(i) => char::from_u32(*i as u32),
                        _ => None,
                    })
                    .collect();
                match text {
                    Some(t) if t.chars().count() > 255 => Err(Control::Raise(
                        exception::system_limit("a system limit has been reached"),
                    )),
                    Some(t) => Ok(Value::atom(&t)),
                    None => bif_badarg("list_to_atom", a),
                }
            }),
            ("atom_to_binary", 1, |_, a| match a[0].as_atom() {
                Some(x) => Ok(Value::string(x.name())),
                None => bif_badarg("atom_to_binary", a),
            }),
            ("binary_to_atom", 1, |_, a| match &a[0] {
                Value::Str(s) => Ok(Value::atom(s)),
                _ => bif_badarg("binary_to_atom", a),
            }),
            ("binary_to_atom", 2, |_, a| match (&a[0], a[1].as_atom()) {
                (Value::Str(s), Some(e)) if matches!(e.name(), "latin1" | "utf8" | "unicode") => {
                    Ok(Value::atom(s))
                }
                _ => bif_badarg("binary_to_atom", a),
            }),
            ("tuple_to_list", 1, |_, a| match &a[0] {
                Value::Tuple(t) => Ok(Value::list(t.to_vec())),
                _ => bif_badarg("tuple_to_list", a),
            }),
            ("list_to_tuple", 1, |_, a| match a[0].list_to_vec() {
                Some(items) => Ok(Value::tuple(items)),
                None => bif_badarg("list_to_tuple", a),
            }),
            ("+", 2, |_, a| {
                Ok(ops::binary(BinaryOp::Add, a[0].clone(), a[1].clone())?)
            }),
            ("is_atom", 1, |_, a| {
                Ok(Value::bool(matches!(a[0], Value::Atom(_))))
            }),
        ],
    );
}

/// `:erl_erts_errors.format_error(reason, stacktrace)`: what was wrong with
/// each argument of the built-in at the top of the stack trace, as a map from
/// argument positions to text, which Elixir's normalizer turns into the
/// message of the `ArgumentError`.
fn format_error(_: &mut Ctx<'_>, a: &mut Args<'_>) -> NResult {
    let mut reasons = std::collections::BTreeMap::new();
    if let Some(Value::Tuple(entry)) = a[1].list_iter().next() {
        if let (Some(function), Some(args)) = (
            entry.get(1).and_then(Value::as_atom),
            entry.get(2).and_then(Value::list_to_vec),
        ) {
            for (position, text) in crate::erts_errors::explain(function.name(), &args) {
                reasons.insert(
                    crate::term_order::MapKey(Value::Int(position as i64)),
                    Value::string(text),
                );
            }
        }
    }
    Ok(Value::map(reasons))
}

/// `:erlang.fun_info/1`: what callcast knows of a function value.
fn fun_info(f: &Value) -> NResult {
    let Value::Fun(closure) = f else {
        return bif_badarg("fun_info", std::slice::from_ref(f));
    };
    let pair = |k: &str, v: Value| Value::tuple(vec![Value::atom(k), v]);
    let (module, name, kind) = match &**closure {
        crate::value::Closure::Lambda { function, .. } => {
            (function.module, Atom::intern(&function.name), "local")
        }
        crate::value::Closure::External {
            module, function, ..
        } => (*module, *function, "external"),
    };
    Ok(Value::list(vec![
        pair("module", Value::Atom(module)),
        pair("name", Value::Atom(name)),
        pair("arity", Value::Int(closure.arity() as i64)),
        pair("env", Value::Nil),
        pair("type", Value::atom(kind)),
    ]))
}

/// A string's code points as a charlist.
fn charlist(v: &Value) -> Value {
    match v {
        Value::Str(s) => Value::list(s.chars().map(|c| Value::Int(c as i64)).collect()),
        other => other.clone(),
    }
}

/// `~w(a b c)`: the words, as strings, atoms (`a` modifier) or charlists (`c`).
fn sigil_w(_: &mut Ctx<'_>, a: &mut Args<'_>) -> NResult {
    let Value::Str(text) = &a[0] else {
        return badarg();
    };
    let modifier = a[1].list_iter().next().and_then(|m| match m {
        Value::Int(c) => char::from_u32(*c as u32),
        _ => None,
    });
    let words = text.split_whitespace().map(|w| match modifier {
        Some('a') => Value::atom(w),
        Some('c') => charlist(&Value::string(w)),
        _ => Value::string(w),
    });
    Ok(Value::list(words.collect()))
}

/// Whether a value is an exception struct.
pub fn is_exception(v: &Value) -> bool {
    v.struct_name().is_some()
        && v.map_get(&Value::atom("__exception__"))
            .is_some_and(Value::is_true)
}

/// `round/1` and friends: `name` is the BIF, for the stack entry of a bad argument.
fn float_to_int(a: &Args<'_>, name: &str, f: fn(f64) -> f64) -> NResult {
    let v = &a[0];
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Float(x) => {
            let r = f(*x);
            Ok(if r.abs() < 9.0e18 {
                Value::Int(r as i64)
            } else {
                Value::from_bigint(BigInt::from(r as i128))
            })
        }
        _ => bif_badarg(name, a),
    }
}

/// The error of `elem/2`, `put_elem/3` and the Tuple functions whose index
/// Elixir turns one-based before calling the BIF: `:erlang.<bif>(i + 1,
/// tuple, ...)` fails, or, when the index is no number, the `+` before it.
/// `index_at` is the position of the index among the Elixir arguments.
pub(crate) fn one_based(bif: &str, a: &Args<'_>, index_at: usize) -> Result<Exception, Control> {
    let index = &a[index_at];
    let shifted = match index {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => {
            ops::binary(BinaryOp::Add, index.clone(), Value::Int(1))?
        }
        _ => {
            return Ok(exception::in_bif(
                exception::badarith(),
                "+",
                vec![index.clone(), Value::Int(1)],
            ))
        }
    };
    let mut args = vec![shifted, a[0].clone()];
    args.extend(a[index_at + 1..].iter().cloned());
    Ok(exception::bif_badarg(bif, args))
}

fn pow(base: &Value, exp: &Value) -> NResult {
    match (base, exp) {
        (Value::Int(_) | Value::BigInt(_), Value::Int(e)) if *e >= 0 => {
            Ok(ops::integer_pow(base, *e as u64, "**")?)
        }
        (Value::Int(_) | Value::BigInt(_), Value::Int(_)) => {
            Err(Control::Raise(exception::badarith()))
        }
        _ => match (ops::to_f64(base), ops::to_f64(exp)) {
            (Some(b), Some(e)) => {
                let r = b.powf(e);
                if r.is_finite() {
                    Ok(Value::Float(r))
                } else {
                    Err(Control::Raise(exception::badarith()))
                }
            }
            _ => Err(Control::Raise(exception::badarith())),
        },
    }
}
