//! The operators and data operations compiled code performs directly: arithmetic,
//! comparison, concatenation, ranges, maps, field access, interpolation.

use std::rc::Rc;

use crate::atom::Atom;
use crate::bigint::BigInt;
use crate::bytecode::{BinaryOp, UnaryOp};
use crate::exception::{self, Exception};
use crate::term_order::{compare, equal, strict_equal, MapKey};
use crate::value::{Map, Value};

/// The largest integer an operation may make, in bits (about 79 000 decimal
/// digits). Big integers multiply and print in quadratic time, and one
/// operator or built-in cannot be interrupted: past this a single operation
/// (and printing its operands in the error) would hold the browser's tab for
/// seconds. Elixir has no such limit; past it callcast raises
/// `SystemLimitError`, as the BEAM does past its own.
pub const MAX_INTEGER_BITS: u64 = 1 << 18;

/// The bits of an integer's absolute value (0 for anything else).
pub fn integer_bits(v: &Value) -> u64 {
    match v {
        Value::Int(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
        Value::BigInt(b) => b.bits(),
        _ => 0,
    }
}

/// `Err(SystemLimitError)` when a result of about `bits` bits would pass
/// [`MAX_INTEGER_BITS`]; `op` names the operation in the message.
pub fn check_integer_size(bits: f64, op: &str) -> Result<(), Exception> {
    if bits > MAX_INTEGER_BITS as f64 {
        return Err(exception::system_limit(&format!(
            "callcast: the result of {op} would be too large"
        )));
    }
    Ok(())
}

/// `base` to the power `exponent` as integers, within [`MAX_INTEGER_BITS`].
pub fn integer_pow(base: &Value, exponent: u64, op: &str) -> Result<Value, Exception> {
    let bits = integer_bits(base);
    // The result has floor(exponent * log2(base)) + 1 bits; log2 of the
    // base is exact enough below 2^53, and the bit count above.
    let log2 = match base {
        Value::Int(i) => (i.unsigned_abs() as f64).log2(),
        _ => bits as f64,
    };
    if bits > 1 {
        check_integer_size((log2 * exponent as f64).floor() + 1.0, op)?;
    }
    let b = to_big(base).ok_or_else(exception::badarith)?;
    Ok(Value::from_bigint(b.pow(exponent)))
}

/// A number as a big integer (for the slow path).
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A number as a float.
pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::BigInt(b) => Some(b.to_f64()),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Float(_))
}

fn float_result(f: f64) -> Result<Value, Exception> {
    if f.is_finite() {
        Ok(Value::Float(f))
    } else {
        Err(exception::badarith())
    }
}

fn arith(
    l: &Value,
    r: &Value,
    int: fn(i64, i64) -> Option<i64>,
    big: fn(BigInt, BigInt) -> BigInt,
    float: fn(f64, f64) -> f64,
) -> Result<Value, Exception> {
    match (l, r) {
        (Value::Int(a), Value::Int(b)) => match int(*a, *b) {
            Some(v) => Ok(Value::Int(v)),
            None => Ok(Value::from_bigint(big(BigInt::from(*a), BigInt::from(*b)))),
        },
        (Value::Float(_), _) | (_, Value::Float(_)) => match (to_f64(l), to_f64(r)) {
            (Some(a), Some(b)) => float_result(float(a, b)),
            _ => Err(exception::badarith()),
        },
        _ => match (to_big(l), to_big(r)) {
            (Some(a), Some(b)) => Ok(Value::from_bigint(big(a, b))),
            _ => Err(exception::badarith()),
        },
    }
}

/// Applies a binary operator.
pub fn binary(op: BinaryOp, l: Value, r: Value) -> Result<Value, Exception> {
    match op {
        BinaryOp::Add => arith(&l, &r, i64::checked_add, |a, b| a + b, |a, b| a + b),
        BinaryOp::Sub => arith(&l, &r, i64::checked_sub, |a, b| a - b, |a, b| a - b),
        BinaryOp::Mul => {
            if matches!(l, Value::BigInt(_)) || matches!(r, Value::BigInt(_)) {
                check_integer_size((integer_bits(&l) + integer_bits(&r)) as f64, "*")?;
            }
            arith(&l, &r, i64::checked_mul, |a, b| a * b, |a, b| a * b)
        }
        BinaryOp::Div => match (to_f64(&l), to_f64(&r)) {
            (Some(_), Some(0.0)) => Err(exception::badarith()),
            (Some(a), Some(b)) => float_result(a / b),
            _ => Err(exception::badarith()),
        },
        BinaryOp::Eq => Ok(Value::bool(equal(&l, &r))),
        BinaryOp::NotEq => Ok(Value::bool(!equal(&l, &r))),
        BinaryOp::StrictEq => Ok(Value::bool(strict_equal(&l, &r))),
        BinaryOp::StrictNotEq => Ok(Value::bool(!strict_equal(&l, &r))),
        BinaryOp::Lt => Ok(Value::bool(compare_fast(&l, &r).is_lt())),
        BinaryOp::LtEq => Ok(Value::bool(compare_fast(&l, &r).is_le())),
        BinaryOp::Gt => Ok(Value::bool(compare_fast(&l, &r).is_gt())),
        BinaryOp::GtEq => Ok(Value::bool(compare_fast(&l, &r).is_ge())),
        BinaryOp::Concat => match (&l, &r) {
            (Value::Str(a), Value::Str(b)) => {
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                Ok(Value::string(&s))
            }
            _ => {
                let (segment, bad) = if matches!(l, Value::Str(_)) {
                    (2, &r)
                } else {
                    (1, &l)
                };
                Err(exception::argument_error(&format!(
                    "construction of binary failed: segment {segment} of type 'binary': \
                     expected a binary but got: {}",
                    crate::inspect::inspect(bad)
                )))
            }
        },
        BinaryOp::ListConcat => list_concat(l, r),
        BinaryOp::ListSubtract => list_subtract(&l, &r),
        BinaryOp::Cons => Ok(Value::cons(l, r)),
        BinaryOp::Range => range(l, r, None),
        BinaryOp::In => Ok(Value::bool(member(&l, &r)?)),
    }
}

fn compare_fast(l: &Value, r: &Value) -> std::cmp::Ordering {
    match (l, r) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        _ => compare(l, r),
    }
}

/// Applies a unary operator.
pub fn unary(op: UnaryOp, v: Value) -> Result<Value, Exception> {
    match op {
        UnaryOp::Neg => match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-BigInt::from(i)),
            }),
            Value::BigInt(b) => Ok(Value::from_bigint(-(*b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => Err(exception::badarith()),
        },
        UnaryOp::Pos => {
            if is_number(&v) {
                Ok(v)
            } else {
                Err(exception::badarith())
            }
        }
        UnaryOp::Not => match v {
            Value::Atom(a) if a == Atom::TRUE => Ok(Value::FALSE),
            Value::Atom(a) if a == Atom::FALSE => Ok(Value::TRUE),
            _ => Err(exception::badarg()),
        },
        UnaryOp::Bang => Ok(Value::bool(!v.is_truthy())),
    }
}

/// `left ++ right`.
pub fn list_concat(l: Value, r: Value) -> Result<Value, Exception> {
    match l.list_to_vec() {
        Some(items) => Ok(Value::list_with_tail(items, r)),
        None => Err(exception::badarg()),
    }
}

/// `left -- right`: removes the first occurrence of each element of `right`.
pub fn list_subtract(l: &Value, r: &Value) -> Result<Value, Exception> {
    let (Some(mut items), Some(remove)) = (l.list_to_vec(), r.list_to_vec()) else {
        return Err(exception::badarg());
    };
    for x in &remove {
        if let Some(i) = items.iter().position(|y| strict_equal(x, y)) {
            items.remove(i);
        }
    }
    Ok(Value::list(items))
}

/// The `Range` struct `first..last//step`.
pub fn range(first: Value, last: Value, step: Option<Value>) -> Result<Value, Exception> {
    let (Value::Int(f), Value::Int(l)) = (&first, &last) else {
        return Err(exception::argument_error(&format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            crate::inspect::inspect(&first),
            crate::inspect::inspect(&last)
        )));
    };
    let step = match step {
        Some(Value::Int(s)) if s != 0 => s,
        Some(other) => {
            return Err(exception::argument_error(&format!(
                "the step to be a non-zero integer, got: {}",
                crate::inspect::inspect(&other)
            )))
        }
        None => {
            if l >= f {
                1
            } else {
                -1
            }
        }
    };
    let mut m = Map::new();
    m.insert(
        MapKey(Value::Atom(Atom::STRUCT)),
        Value::atom("Elixir.Range"),
    );
    m.insert(MapKey(Value::atom("first")), first);
    m.insert(MapKey(Value::atom("last")), last);
    m.insert(MapKey(Value::atom("step")), Value::Int(step));
    Ok(Value::map(m))
}

/// `(first, last, step)` of a range struct.
pub fn range_bounds(v: &Value) -> Option<(i64, i64, i64)> {
    if v.struct_name()?.name() != "Elixir.Range" {
        return None;
    }
    let get = |k: &str| match v.map_get(&Value::atom(k)) {
        Some(Value::Int(i)) => Some(*i),
        _ => None,
    };
    Some((get("first")?, get("last")?, get("step")?))
}

/// `x in collection` for lists, ranges and maps.
pub fn member(x: &Value, coll: &Value) -> Result<bool, Exception> {
    if let Some((first, last, step)) = range_bounds(coll) {
        let Value::Int(i) = x else {
            return Ok(false);
        };
        let within = if step > 0 {
            *i >= first && *i <= last
        } else {
            *i <= first && *i >= last
        };
        return Ok(within && (i - first) % step == 0);
    }
    match coll {
        Value::Nil | Value::Cons(_) => Ok(coll.list_iter().any(|y| strict_equal(x, y))),
        Value::Map(m) => Ok(match x {
            Value::Tuple(kv) if kv.len() == 2 => m
                .get(&MapKey(kv[0].clone()))
                .is_some_and(|v| strict_equal(v, &kv[1])),
            _ => false,
        }),
        _ => Err(Exception::error(crate::exception::exception_struct(
            "Protocol.UndefinedError",
            vec![
                ("protocol", Value::atom("Elixir.Enumerable")),
                ("value", coll.clone()),
                ("description", Value::string("")),
            ],
        ))),
    }
}

/// Builds a map from alternating keys and values.
pub fn make_map(items: Vec<Value>) -> Value {
    let mut m = Map::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        m.insert(MapKey(k), v);
    }
    Value::map(m)
}

/// `%{map | k => v}`: every key must already exist.
pub fn update_map(base: Value, items: Vec<Value>) -> Result<Value, Exception> {
    let Value::Map(m) = base else {
        return Err(exception::bad_map(base));
    };
    let mut m = m;
    let map = Rc::make_mut(&mut m);
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let key = MapKey(k);
        match map.get_mut(&key) {
            Some(slot) => *slot = v,
            // The BEAM reports a failed `%{map | key: v}` without the map.
            None => return Err(exception::bad_key(key.0)),
        }
    }
    Ok(Value::Map(m))
}

/// `map.field`.
pub fn get_field(v: Value, key: Value) -> Result<Value, Exception> {
    match &v {
        Value::Map(m) => match m.get(&MapKey(key.clone())) {
            Some(x) => Ok(x.clone()),
            None => Err(exception::key_error(key, v.clone())),
        },
        Value::Atom(a) if *a == Atom::NIL => {
            Err(exception::Exception::error(exception::exception_struct(
                "KeyError",
                vec![
                    ("key", key.clone()),
                    ("term", Value::NIL_ATOM),
                    (
                        "message",
                        Value::string(&format!(
                            "key {} not found in: nil. If you are using the dot syntax, \
                             such as map.field, make sure the left-hand side of the dot is a map",
                            crate::inspect::inspect(&key)
                        )),
                    ),
                ],
            )))
        }
        _ => Err(exception::bad_map(v)),
    }
}

/// `container[key]` for maps, keyword lists and `nil`.
pub fn access(c: Value, key: &Value) -> Result<Value, Exception> {
    match &c {
        Value::Map(m) if c.struct_name().is_none() => Ok(m
            .get(&MapKey(key.clone()))
            .cloned()
            .unwrap_or(Value::NIL_ATOM)),
        Value::Nil | Value::Cons(_) => {
            for item in c.list_iter() {
                if let Value::Tuple(kv) = item {
                    if kv.len() == 2 && strict_equal(&kv[0], key) {
                        return Ok(kv[1].clone());
                    }
                }
            }
            Ok(Value::NIL_ATOM)
        }
        Value::Atom(a) if *a == Atom::NIL => Ok(Value::NIL_ATOM),
        _ => Err(exception::Exception::error(exception::exception_struct(
            "UndefinedFunctionError",
            vec![
                ("module", Value::atom("Elixir.Access")),
                ("function", Value::atom("get")),
                ("arity", Value::Int(3)),
                ("reason", Value::NIL_ATOM),
                ("message", Value::NIL_ATOM),
            ],
        ))),
    }
}

/// `String.Chars.to_string/1`, as interpolation uses it.
pub fn to_string(v: &Value) -> Result<String, Exception> {
    crate::inspect::to_string(v).map_err(|e| match e.exception {
        "Protocol.UndefinedError" => Exception::error(crate::exception::exception_struct(
            "Protocol.UndefinedError",
            vec![
                ("protocol", Value::atom("Elixir.String.Chars")),
                ("value", v.clone()),
                ("description", Value::string("")),
            ],
        )),
        module => crate::exception::with_message(module, &e.message),
    })
}

/// Integer division truncating toward zero (`div/2`).
pub fn int_div(a: &Value, b: &Value) -> Result<Value, Exception> {
    match (a, b) {
        (Value::Int(_), Value::Int(0)) => Err(exception::badarith()),
        (Value::Int(x), Value::Int(y)) => Ok(match x.checked_div(*y) {
            Some(q) => Value::Int(q),
            // i64::MIN div -1, the one quotient that overflows.
            None => Value::from_bigint(-BigInt::from(*x)),
        }),
        _ => match (to_big(a), to_big(b)) {
            (Some(x), Some(y)) => match x.div_rem(&y) {
                Some((q, _)) => Ok(Value::from_bigint(q)),
                None => Err(exception::badarith()),
            },
            _ => Err(exception::badarith()),
        },
    }
}

/// Remainder with the sign of the dividend (`rem/2`).
pub fn int_rem(a: &Value, b: &Value) -> Result<Value, Exception> {
    match (a, b) {
        (Value::Int(_), Value::Int(0)) => Err(exception::badarith()),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.checked_rem(*y).unwrap_or(0))),
        _ => match (to_big(a), to_big(b)) {
            (Some(x), Some(y)) => match x.div_rem(&y) {
                Some((_, r)) => Ok(Value::from_bigint(r)),
                None => Err(exception::badarith()),
            },
            _ => Err(exception::badarith()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn power_of_two(bits: u64) -> Value {
        integer_pow(&Value::Int(2), bits, "**").expect("within the limit")
    }

    fn is_system_limit(result: Result<Value, Exception>) -> bool {
        match result {
            Err(e) => crate::inspect::inspect(&e.reason).contains("SystemLimitError"),
            Ok(_) => false,
        }
    }

    #[test]
    fn integers_stop_growing_at_the_limit() {
        // 2 ** (MAX - 1) has MAX bits: allowed; one bit more is not.
        let largest = power_of_two(MAX_INTEGER_BITS - 1);
        assert_eq!(integer_bits(&largest), MAX_INTEGER_BITS);
        assert!(is_system_limit(integer_pow(
            &Value::Int(2),
            MAX_INTEGER_BITS,
            "**"
        )));
        assert!(is_system_limit(integer_pow(
            &Value::Int(3),
            MAX_INTEGER_BITS,
            "**"
        )));
        // A product whose operands' bits add up past the limit.
        let half = power_of_two(MAX_INTEGER_BITS / 2);
        assert!(binary(BinaryOp::Mul, half.clone(), Value::Int(2)).is_ok());
        assert!(is_system_limit(binary(BinaryOp::Mul, half.clone(), half)));
        // 0, 1 and -1 never grow, whatever the exponent.
        for base in [0, 1, -1] {
            assert!(integer_pow(&Value::Int(base), u64::from(u32::MAX), "**").is_ok());
        }
    }
}
