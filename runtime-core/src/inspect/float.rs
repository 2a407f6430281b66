//! Floats as Erlang/OTP 25 and Elixir print them: the shortest digits that read back
//! exactly, laid out in decimal or scientific notation, whichever is shorter.

/// The shortest decimal digits of a finite, positive float and the power of ten of
/// the last digit: `value == digits × 10^place`, no trailing zeros in `digits`.
fn shortest_digits(a: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-tripping digits, closest to the value,
    // exactly the digits Ryu (which OTP uses) chooses.
    let s = format!("{a:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let place = exp - (digits.len() as i32 - 1);
    (digits, place)
}

/// `:erlang.float_to_binary(f, [:short])`, which is also `Float.to_string/1` and
/// `to_string/1` of a float: `1.0e3`, `0.0001`, `1.2345e-4`, `100.0`.
pub fn float_to_string(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    if !f.is_finite() {
        // The BEAM has no such floats; arithmetic that would make one raises first.
        return if f.is_nan() {
            "nan".to_string()
        } else if f > 0.0 {
            "inf".to_string()
        } else {
            "-inf".to_string()
        };
    }
    let sign = if f < 0.0 { "-" } else { "" };
    let a = f.abs();
    let (digits, place) = shortest_digits(a);
    let len = digits.len() as i32;
    let exp = place + len - 1;
    let scientific = if len == 1 {
        format!("{digits}.0e{exp}")
    } else {
        format!("{}.{}e{exp}", &digits[..1], &digits[1..])
    };
    let body = if place >= 0 {
        // Integers of 2^53 and more always print in scientific notation: beyond it not
        // every integer is a float, and the notation says so.
        let decimal_len = len + place + 2;
        if decimal_len <= scientific.len() as i32 && a < 9007199254740992.0 {
            format!("{digits}{}.0", "0".repeat(place as usize))
        } else {
            scientific
        }
    } else if exp >= 0 {
        let point = (len + place) as usize;
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        let decimal = format!("0.{}{digits}", "0".repeat((-place - len) as usize));
        if decimal.len() <= scientific.len() {
            decimal
        } else {
            scientific
        }
    };
    format!("{sign}{body}")
}

/// A float as `inspect/1` prints it: like [`float_to_string`], except that whole
/// numbers from 1.0 up to 1.0e16 print all their digits (`1000000000000000.0`).
pub fn inspect_float(f: f64) -> String {
    let a = f.abs();
    if (1.0..1.0e16).contains(&a) && f.trunc() == f {
        format!("{}.0", f as i64)
    } else {
        float_to_string(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_the_shorter_notation() {
        let cases = [
            (0.1 + 0.2, "0.30000000000000004", "0.30000000000000004"),
            (1000.0, "1000.0", "1.0e3"),
            (100.0, "100.0", "100.0"),
            (1.0e15, "1000000000000000.0", "1.0e15"),
            (1.0e16, "1.0e16", "1.0e16"),
            (
                9007199254740992.0,
                "9007199254740992.0",
                "9.007199254740992e15",
            ),
            (0.0001, "0.0001", "0.0001"),
            (1.2345e-4, "1.2345e-4", "1.2345e-4"),
            (-0.0, "-0.0", "-0.0"),
            (2.5, "2.5", "2.5"),
            (5.0e-324, "5.0e-324", "5.0e-324"),
        ];
        for (f, inspected, string) in cases {
            assert_eq!(inspect_float(f), inspected, "inspect {f:e}");
            assert_eq!(float_to_string(f), string, "to_string {f:e}");
        }
    }
}
