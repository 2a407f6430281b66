//! Decimal text to `f64`: the standard library's `str::parse::<f64>`, the same
//! grammar and the same correctly rounded result, computed exactly with big
//! integers.
//!
//! It exists for the browser download: the standard library's parser carries
//! a 10 KB table of powers of five (its fast path), which gzip cannot shrink,
//! while the big integers are in the module anyway. Float literals and
//! `String.to_float/1` are rare enough that exact arithmetic costs nothing
//! that shows.

use crate::bigint::BigInt;

/// Significant digits kept: more than any value halfway between two `f64`s
/// has (767), so a digit standing for the ones dropped decides every rounding
/// as all of them would.
const MAX_DIGITS: usize = 800;

/// The `f64` nearest to `text` (ties to even), or `None` where
/// `text.parse::<f64>()` is an error: an optional sign, then digits with an
/// optional `.` (at least one digit) and an optional exponent (`e` or `E`, an
/// optional sign, digits), or `inf`, `infinity` or `nan` in any case.
pub fn parse_float(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let magnitude = match number(rest) {
        Some(n) => n.value(),
        None => inf_or_nan(rest)?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn inf_or_nan(text: &[u8]) -> Option<f64> {
    if text.eq_ignore_ascii_case(b"inf") || text.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if text.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// `digits × 10^exponent`, `digits` without leading zeros.
struct Decimal {
    digits: Vec<u8>,
    exponent: i64,
}

/// Reads the whole of `text` as digits, `.`, digits, exponent.
fn number(text: &[u8]) -> Option<Decimal> {
    let mut digits = Vec::new();
    let mut any_digit = false;
    let mut exponent: i64 = 0;
    let mut i = 0;
    let mut in_fraction = false;
    while i < text.len() {
        match text[i] {
            d @ b'0'..=b'9' => {
                any_digit = true;
                if in_fraction {
                    exponent -= 1;
                }
                if !(digits.is_empty() && d == b'0') {
                    digits.push(d);
                }
            }
            b'.' if !in_fraction => in_fraction = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if i < text.len() {
        if !matches!(text[i], b'e' | b'E') {
            return None;
        }
        exponent += scientific(&text[i + 1..])?;
    }
    Some(Decimal { digits, exponent })
}

/// The exponent after `e`: the standard library stops adding digits once it
/// reaches 65 536, far beyond where every value is infinite or zero.
fn scientific(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut exponent: i64 = 0;
    for d in digits {
        if exponent < 0x10000 {
            exponent = 10 * exponent + i64::from(d - b'0');
        }
    }
    Some(if negative { -exponent } else { exponent })
}

impl Decimal {
    fn value(mut self) -> f64 {
        while self.digits.last() == Some(&b'0') {
            self.digits.pop();
            self.exponent += 1;
        }
        if self.digits.is_empty() {
            return 0.0;
        }
        if self.digits.len() > MAX_DIGITS {
            let dropped = self.digits.len() - MAX_DIGITS;
            // The digits dropped are not all zeros (trailing zeros are gone).
            self.digits.truncate(MAX_DIGITS);
            self.digits.push(b'1');
            self.exponent += dropped as i64 - 1;
        }
        let n = self.digits.len() as i64;
        // The value is at least 10^(n - 1 + exponent) and below 10^(n + exponent).
        if n - 1 + self.exponent > 309 {
            return f64::INFINITY;
        }
        if n + self.exponent < -324 {
            return 0.0;
        }
        let digits = BigInt::parse_radix(&self.digits, 10).unwrap_or_default();
        let ten = BigInt::from(10u32);
        if self.exponent >= 0 {
            let power = ten.pow(self.exponent as u64);
            nearest(digits * power, BigInt::from(1u32))
        } else {
            nearest(digits, ten.pow((-self.exponent) as u64))
        }
    }
}

/// The `f64` nearest to `num / den` (both positive), ties to even.
fn nearest(num: BigInt, den: BigInt) -> f64 {
    // num / den lies in [2^(e - 1), 2^(e + 1)); scaled by 2^shift it lies in
    // [2^63, 2^65), so the quotient has 64 or 65 bits: more than the 53 kept
    // plus a rounding bit, with the remainder as the sticky bit below them.
    let e = num.bits() as i64 - den.bits() as i64;
    let shift = 64 - e;
    let (num, den) = if shift >= 0 {
        (num << shift as u64, den)
    } else {
        (num, den << (-shift) as u64)
    };
    let (q, rest) = num.div_rem(&den).unwrap_or_default();
    let inexact = !rest.is_zero();
    let q = q.to_u128().unwrap_or(0);
    let bits = 128 - i64::from(q.leading_zeros());
    // The value is q × 2^-shift; its leading bit's weight is 2^exponent.
    let exponent = bits - 1 - shift;
    if exponent > 1023 {
        return f64::INFINITY;
    }
    // Bits of q below the last one kept: 53 are kept in the normal range; in
    // the subnormal range, those down to 2^-1074.
    let dropped = if exponent >= -1022 {
        bits - 53
    } else {
        shift - 1074
    };
    if dropped > bits {
        return 0.0;
    }
    let dropped = dropped as u32;
    let mut mantissa = q >> dropped;
    let rest = q & ((1u128 << dropped) - 1);
    let half = 1u128 << (dropped - 1);
    if rest > half || (rest == half && (inexact || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    if exponent >= -1022 {
        let (mantissa, exponent) = if mantissa == 1 << 53 {
            (mantissa >> 1, exponent + 1)
        } else {
            (mantissa, exponent)
        };
        if exponent > 1023 {
            return f64::INFINITY;
        }
        let fraction = mantissa as u64 & ((1 << 52) - 1);
        f64::from_bits(((exponent + 1023) as u64) << 52 | fraction)
    } else {
        // A subnormal's bits are its mantissa; one rounded up to 2^52 reads
        // as the smallest normal number, which it is.
        f64::from_bits(mantissa as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_float;

    /// Both parsers' results, as bits (NaN's sign included).
    fn check(text: &str) {
        let ours = parse_float(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text:?}");
    }

    #[test]
    fn the_grammar_of_the_standard_library() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "..",
            "1.",
            ".5",
            "+.5",
            "-.5e3",
            "1.2.3",
            "e1",
            "1e",
            "1e+",
            "1e-",
            "1E5",
            "1e+5",
            "1e-5",
            "1_0",
            " 1",
            "1 ",
            "0x10",
            "inf",
            "-Infinity",
            "INF",
            "infinit",
            "NaN",
            "-nan",
            "nan.",
            "inf.",
            "+-1",
            "--1",
            "1e5.0",
            "1.e5",
            "00012.3400",
            "0",
            "-0",
            "-0.0e7",
            "0e99999999999",
            "1e99999999999",
            "1e-99999999999",
            "٣",
            "1.5x",
            "1.0e١",
        ] {
            check(text);
        }
    }

    #[test]
    fn the_hard_roundings() {
        for text in [
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000000000000001",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "2.225073858507201136057409796709131975934819546351645648e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405301e276",
            "1e308",
            "1e309",
            "1e-324",
            "1e-323",
            "0.1",
            "0.3",
            "123456789012345678901234567890e-30",
            "7.038531e-26",
            "3.14159265358979323846264338327950288419716939937510582097494459",
        ] {
            check(text);
        }
    }

    #[test]
    fn many_generated_numbers() {
        // A fixed pseudo-random sequence (xorshift), so a failure repeats.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for _ in 0..20_000 {
            let digits = match next(10) {
                0 => 1 + next(3),
                1..=6 => 1 + next(20),
                7 | 8 => 15 + next(10),
                _ => 1 + next(900),
            };
            let mut text = String::new();
            for i in 0..digits {
                // Runs of 9s and 0s make halfway and carry cases.
                let d = match next(4) {
                    0 => 0,
                    1 => 9,
                    _ => next(10),
                };
                if i == 0 && d == 0 && next(2) == 0 {
                    text.push('1');
                } else {
                    text.push(char::from(b'0' + d as u8));
                }
            }
            if next(2) == 0 {
                let at = next(digits + 1) as usize;
                text.insert(at, '.');
            }
            if next(3) != 0 {
                let exponent = next(700) as i64 - 350 - digits as i64 / 2;
                text.push_str(&format!("e{exponent}"));
            }
            check(&text);
        }
    }

    #[test]
    fn the_points_halfway_between_two_floats_and_their_neighbours() {
        use num_bigint::BigUint;
        let mut state: u64 = 0xd1b5_4a32_d192_ed03;
        for i in 0..3_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Every few, a subnormal or one at the top of the range.
            let bits = match i % 5 {
                0 => state % (1 << 52),
                1 => 0x7fe0_0000_0000_0000 | (state % (1 << 52)),
                _ => state % 0x7ff0_0000_0000_0000,
            };
            // x = m × 2^e exactly; halfway to the next float is (2m + 1) × 2^(e - 1).
            let exponent_field = (bits >> 52) as i64;
            let fraction = bits & ((1 << 52) - 1);
            let (m, e) = if exponent_field == 0 {
                (fraction, -1074)
            } else {
                (fraction | (1 << 52), exponent_field - 1075)
            };
            let odd = BigUint::from(2 * m + 1);
            let (digits, exponent) = if e >= 1 {
                (odd << (e - 1) as usize, 0)
            } else {
                (odd * BigUint::from(5u32).pow((1 - e) as u32), e - 1)
            };
            let below = &digits * BigUint::from(10u32) - BigUint::from(1u32);
            check(&format!("{digits}e{exponent}"));
            check(&format!("{digits}1e{}", exponent - 1));
            check(&format!("{below}e{}", exponent - 1));
        }
    }

    #[test]
    fn every_float_printed_reads_back() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let f = f64::from_bits(state);
            if f.is_finite() {
                for text in [format!("{f:e}"), format!("{f:?}")] {
                    check(&text);
                }
            }
        }
    }
}
