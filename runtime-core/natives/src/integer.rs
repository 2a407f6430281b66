//! Integer conversions in any base, digits, and the bitwise operators, for
//! small and big integers alike.

use super::{
    badarg, bif_badarg, int, list, register, str_arg, Args, Control, NResult, NativeFn, Table,
};
use crate::bigint::BigInt;
use crate::exception;
use crate::ops::{self, to_big};
use crate::value::Value;

/// An integer argument of any size, or `ArithmeticError` (the bitwise operators).
fn big_arith(v: &Value) -> Result<BigInt, Control> {
    to_big(v).ok_or_else(|| Control::Raise(exception::badarith()))
}

/// The integer first argument of `:erlang.<bif>(args)`, or its `badarg`.
fn big_arg(bif: &str, args: &Args<'_>) -> Result<BigInt, Control> {
    match to_big(&args[0]) {
        Some(n) => Ok(n),
        None => bif_badarg(bif, args),
    }
}

/// The base (2..=36), second argument of `:erlang.<bif>(args)`, or its `badarg`.
fn base_arg(bif: &str, args: &Args<'_>) -> Result<u32, Control> {
    match args[1] {
        Value::Int(b) if (2..=36).contains(&b) => Ok(b as u32),
        _ => bif_badarg(bif, args),
    }
}

/// A base argument (2..=36) of an Elixir function that checks it itself.
fn base(v: &Value) -> Result<u32, Control> {
    match v {
        Value::Int(b) if (2..=36).contains(b) => Ok(*b as u32),
        _ => badarg(),
    }
}

/// `Integer.parse/2`: the longest prefix that is an integer in `base`.
fn parse(text: &str, base: u32) -> Value {
    let bytes = text.as_bytes();
    let sign_len = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    let digits = text[sign_len..]
        .chars()
        .take_while(|c| c.is_digit(base))
        .count();
    if digits == 0 {
        return Value::atom("error");
    }
    let end = sign_len + digits;
    match BigInt::parse_radix(&bytes[..end], base) {
        Some(n) => Value::tuple(vec![Value::from_bigint(n), Value::string(&text[end..])]),
        None => Value::atom("error"),
    }
}

/// `Integer.digits/2`: a negative number's digits are all negative, as
/// Elixir's `rem` leaves them.
fn digits(n: &Value, base: u32) -> NResult {
    let n = to_big(n).ok_or_else(|| Control::Raise(exception::badarg()))?;
    let sign = if n.is_negative() { -1 } else { 1 };
    let text = n.abs().to_str_radix(base);
    Ok(Value::list(
        text.chars()
            .map(|c| Value::Int(sign * i64::from(c.to_digit(base).unwrap_or(0))))
            .collect(),
    ))
}

fn undigits(digits: &Value, base: u32) -> NResult {
    let mut n = BigInt::default();
    for d in list(digits)? {
        let d = int(&d)?;
        // Elixir checks only the upper bound: negative digits count.
        if d >= i64::from(base) {
            return super::argument_error(&format!("invalid digit {d} in base {base}"));
        }
        n = n * BigInt::from(base) + BigInt::from(d);
    }
    Ok(Value::from_bigint(n))
}

/// Extended Euclid: `{gcd, s, t}` with `gcd == a * s + b * t`.
fn extended_gcd(a: i64, b: i64) -> Value {
    let (mut old_r, mut r) = (a as i128, b as i128);
    let (mut old_s, mut s) = (1i128, 0i128);
    let (mut old_t, mut t) = (0i128, 1i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
        (old_t, t) = (t, old_t - q * t);
    }
    if old_r < 0 {
        (old_r, old_s, old_t) = (-old_r, -old_s, -old_t);
    }
    let v = |x: i128| Value::from_bigint(BigInt::from(x));
    Value::tuple(vec![v(old_r), v(old_s), v(old_t)])
}

fn shift(n: &Value, by: &Value, left: bool) -> NResult {
    let n = big_arith(n)?;
    let by = match by {
        Value::Int(b) if b.unsigned_abs() <= 1 << 24 => *b,
        _ => return Err(Control::Raise(exception::badarith())),
    };
    let left = if by < 0 { !left } else { left };
    let by = by.unsigned_abs();
    if left {
        let bits = n.bits() + by;
        ops::check_integer_size(bits as f64, "bsl")?;
    }
    // `>>` on a negative BigInt rounds towards negative infinity, like `bsr`.
    Ok(Value::from_bigint(if left { n << by } else { n >> by }))
}

fn bitwise(a: &Args<'_>, op: fn(BigInt, BigInt) -> BigInt) -> NResult {
    Ok(Value::from_bigint(op(big_arith(&a[0])?, big_arith(&a[1])?)))
}

/// The bitwise BIFs, which `Bitwise` exports under the same names.
const BITWISE: &[(&str, u32, NativeFn)] = &[
    ("band", 2, |_, a| bitwise(a, |x, y| x & y)),
    ("bor", 2, |_, a| bitwise(a, |x, y| x | y)),
    ("bxor", 2, |_, a| bitwise(a, |x, y| x ^ y)),
    ("bnot", 1, |_, a| Ok(Value::from_bigint(!big_arith(&a[0])?))),
    ("bsl", 2, |_, a| shift(&a[0], &a[1], true)),
    ("bsr", 2, |_, a| shift(&a[0], &a[1], false)),
];

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.Integer",
        &[
            ("to_string", 2, |_, a| {
                let n = big_arg("integer_to_binary", a)?;
                Ok(Value::string(
                    &n.to_str_radix(base_arg("integer_to_binary", a)?),
                ))
            }),
            ("to_charlist", 1, |_, a| {
                let n = big_arg("integer_to_list", a)?;
                Ok(Value::list(
                    n.to_string()
                        .chars()
                        .map(|c| Value::Int(c as i64))
                        .collect(),
                ))
            }),
            ("parse", 1, |_, a| Ok(parse(str_arg(&a[0])?, 10))),
            ("parse", 2, |_, a| {
                let base = match a[1] {
                    Value::Int(b) if (2..=36).contains(&b) => b as u32,
                    _ => return badarg(),
                };
                Ok(parse(str_arg(&a[0])?, base))
            }),
            ("digits", 1, |_, a| digits(&a[0], 10)),
            ("digits", 2, |_, a| digits(&a[0], base(&a[1])?)),
            ("undigits", 1, |_, a| undigits(&a[0], 10)),
            ("undigits", 2, |_, a| undigits(&a[0], base(&a[1])?)),
            ("extended_gcd", 2, |_, a| {
                Ok(extended_gcd(int(&a[0])?, int(&a[1])?))
            }),
        ],
    );
    register(
        t,
        "erlang",
        &[
            ("integer_to_binary", 1, |_, a| {
                Ok(Value::string(&big_arg("integer_to_binary", a)?.to_string()))
            }),
            ("integer_to_binary", 2, |_, a| {
                let n = big_arg("integer_to_binary", a)?;
                Ok(Value::string(
                    &n.to_str_radix(base_arg("integer_to_binary", a)?),
                ))
            }),
            ("binary_to_integer", 1, |_, a| {
                let text = match &a[0] {
                    Value::Str(s) => s,
                    _ => return bif_badarg("binary_to_integer", a),
                };
                match BigInt::parse_radix(text.as_bytes(), 10) {
                    Some(n) => Ok(Value::from_bigint(n)),
                    _ => bif_badarg("binary_to_integer", a),
                }
            }),
        ],
    );
    // `Bitwise` calls the BIFs of the same names.
    register(t, "erlang", BITWISE);
    register(t, "Elixir.Bitwise", BITWISE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_takes_the_longest_integer_prefix() {
        let show = |v: Value| crate::inspect::inspect(&v);
        assert_eq!(show(parse("-7 apples", 10)), "{-7, \" apples\"}");
        assert_eq!(show(parse("zz", 36)), "{1295, \"\"}");
        assert_eq!(show(parse("+", 10)), ":error");
    }

    #[test]
    fn extended_gcd_satisfies_bezout() {
        let show = crate::inspect::inspect(&extended_gcd(240, 46));
        assert_eq!(show, "{2, -9, 47}");
    }

    #[test]
    fn to_string_in_a_base_uses_upper_case_digits() {
        assert_eq!(BigInt::from(255u32).to_str_radix(16), "FF");
    }
}
