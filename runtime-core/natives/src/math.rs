//! `:math` and the float functions that round to a number of digits.

use super::{register, Args, Control, NResult, Table};
use crate::bigint::BigInt;
use crate::decimal::parse_float;
use crate::exception::{self, Exception};
use crate::ops::to_f64;
use crate::value::Value;

/// The argument as a float; `:math` functions raise `ArithmeticError` for
/// anything that is not a number, as the BEAM does.
fn num(v: &Value) -> Result<f64, Box<Exception>> {
    to_f64(v).ok_or_else(|| Box::new(exception::badarith()))
}

fn finite(f: f64) -> NResult {
    if f.is_finite() {
        Ok(Value::Float(f))
    } else {
        Err(Control::Raise(exception::badarith()))
    }
}

fn unary(a: &Args<'_>, f: fn(f64) -> f64) -> NResult {
    finite(f(num(&a[0])?))
}

/// The exact decimal expansion of a finite, non-negative `f`, as its integer
/// part and its fraction's digits (no trailing zeros needed): every `f64` is
/// `m * 2^e`, and for a negative `e` that is `m * 5^-e / 10^-e`. Big
/// integers instead of `format!("{:.1100}")`, whose exact formatting code
/// would otherwise be in the browser's download for this one use.
fn exact_decimal(f: f64) -> (String, String) {
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    let mantissa = BigInt::from(mantissa);
    if exponent >= 0 {
        return ((mantissa << exponent as u64).to_string(), String::new());
    }
    let places = exponent.unsigned_abs() as usize;
    let digits = (&mantissa * &BigInt::from(5u32).pow(places as u64)).to_string();
    let digits = format!(
        "{}{digits}",
        "0".repeat((places + 1).saturating_sub(digits.len()))
    );
    let (int_part, frac) = digits.split_at(digits.len() - places);
    (int_part.to_string(), frac.to_string())
}

/// Which way [`round_digits`] goes.
#[derive(Clone, Copy)]
enum Mode {
    /// Half away from zero (`Float.round/2`).
    Half,
    /// Towards positive infinity.
    Ceil,
    /// Towards negative infinity.
    Floor,
}

/// Rounds `f` to `digits` decimals working on its exact decimal expansion, as
/// Elixir does, so `Float.round(2.675, 2)` is `2.67` (the float is just below
/// 2.675) while `Float.ceil(1.231, 2)` is `1.24`.
fn round_digits(f: f64, digits: usize, mode: Mode) -> f64 {
    let negative = f.is_sign_negative();
    let (int_part, frac) = exact_decimal(f.abs());
    let (int_part, frac) = (int_part.as_str(), frac.as_str());
    let kept = &frac[..digits.min(frac.len())];
    let rest = &frac[kept.len()..];
    let rest_nonzero = rest.bytes().any(|b| b != b'0');
    let up = match mode {
        Mode::Half => rest.as_bytes().first().is_some_and(|d| *d >= b'5'),
        Mode::Ceil => rest_nonzero && !negative,
        Mode::Floor => rest_nonzero && negative,
    };
    let mut value = parse_float(&format!("{int_part}.{kept}0")).unwrap_or(f.abs());
    if up {
        let scale = 10f64.powi(digits as i32);
        let scaled = parse_float(&format!("{int_part}{kept}")).unwrap_or(value * scale);
        value = (scaled + 1.0) / scale;
    }
    if negative {
        -value
    } else {
        value
    }
}

fn float_digits(a: &Args<'_>, mode: Mode) -> NResult {
    match (&a[0], &a[1]) {
        (Value::Float(f), Value::Int(d)) if (0..=15).contains(d) => {
            Ok(Value::Float(round_digits(*f, *d as usize, mode)))
        }
        _ => super::badarg(),
    }
}

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "math",
        &[
            ("sqrt", 1, |_, a| unary(a, f64::sqrt)),
            ("pi", 0, |_, _| Ok(Value::Float(std::f64::consts::PI))),
            ("e", 0, |_, _| Ok(Value::Float(std::f64::consts::E))),
            ("pow", 2, |_, a| finite(num(&a[0])?.powf(num(&a[1])?))),
            ("exp", 1, |_, a| unary(a, f64::exp)),
            ("log", 1, |_, a| unary(a, f64::ln)),
            ("log2", 1, |_, a| unary(a, f64::log2)),
            ("log10", 1, |_, a| unary(a, f64::log10)),
            ("sin", 1, |_, a| unary(a, f64::sin)),
            ("cos", 1, |_, a| unary(a, f64::cos)),
            ("tan", 1, |_, a| unary(a, f64::tan)),
            ("atan", 1, |_, a| unary(a, f64::atan)),
            ("atan2", 2, |_, a| finite(num(&a[0])?.atan2(num(&a[1])?))),
            ("floor", 1, |_, a| unary(a, f64::floor)),
            ("ceil", 1, |_, a| unary(a, f64::ceil)),
            ("fmod", 2, |_, a| finite(num(&a[0])? % num(&a[1])?)),
        ],
    );
    register(
        t,
        "Elixir.Float",
        &[
            ("round", 2, |_, a| float_digits(a, Mode::Half)),
            ("ceil", 2, |_, a| float_digits(a, Mode::Ceil)),
            ("floor", 2, |_, a| float_digits(a, Mode::Floor)),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's exact formatting, as the reference.
    fn reference(f: f64) -> (String, String) {
        let text = format!("{f:.1100}");
        let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
        (int_part.to_string(), frac.trim_end_matches('0').to_string())
    }

    #[test]
    fn exact_decimal_agrees_with_the_standard_library() {
        let mut cases = vec![
            0.0,
            1.0,
            0.1,
            2.675,
            1.231,
            123456789.125,
            f64::MIN_POSITIVE,
            f64::MIN_POSITIVE / 3.0,
            5e-324,
            f64::MAX,
            2f64.powi(52) + 0.5,
            2f64.powi(60),
        ];
        // A deterministic spread over the exponents.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x & 0x7FEF_FFFF_FFFF_FFFF);
            cases.push(f);
        }
        for f in cases {
            let (int_part, frac) = exact_decimal(f);
            assert_eq!(
                (int_part, frac.trim_end_matches('0').to_string()),
                reference(f),
                "{f:e}"
            );
        }
    }
}
