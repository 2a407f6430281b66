//! Every operation compared with `num-bigint` (a dev-dependency only), on edge
//! values and on pseudo-random operands: a wrong division would otherwise go
//! unnoticed.

use super::BigInt;
use num_bigint::{BigInt as Reference, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// Xorshift64: deterministic operands without a dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A limb, often one of the values that carries, borrows and the
    /// quotient estimate of long division go wrong on.
    fn limb(&mut self) -> u32 {
        const SPECIAL: [u32; 7] = [0, 1, 2, 0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 0xffff_ffff];
        if self.below(3) == 0 {
            SPECIAL[self.below(SPECIAL.len() as u64) as usize]
        } else {
            self.next() as u32
        }
    }

    /// A number of up to `max_limbs` limbs, either sign.
    fn number(&mut self, max_limbs: u64) -> (bool, Vec<u32>) {
        let len = self.below(max_limbs + 1) as usize;
        let limbs = (0..len).map(|_| self.limb()).collect();
        (self.below(2) == 0, limbs)
    }
}

/// The same number in both representations.
fn both(negative: bool, limbs: &[u32]) -> (BigInt, Reference) {
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    (
        BigInt::new(negative, limbs.to_vec()),
        Reference::from_slice(sign, limbs),
    )
}

/// Ours as the reference type, after checking it is in its one form.
fn to_reference(n: &BigInt) -> Reference {
    assert_ne!(n.magnitude.last(), Some(&0), "a zero top limb in {n:?}");
    assert!(!(n.negative && n.is_zero()), "a negative zero");
    let sign = if n.negative { Sign::Minus } else { Sign::Plus };
    Reference::from_slice(sign, &n.magnitude)
}

/// Edge values: zero, ones, limb boundaries, powers of two and of ten, long
/// runs of ones, and very long numbers.
fn edge_values() -> Vec<(bool, Vec<u32>)> {
    let mut magnitudes: Vec<Vec<u32>> = vec![
        vec![],
        vec![1],
        vec![2],
        vec![3],
        vec![10],
        vec![0x7fff_ffff],
        vec![0x8000_0000],
        vec![0xffff_ffff],
        vec![0, 1],
        vec![1, 1],
        vec![0xffff_ffff, 0xffff_ffff],
        vec![0xffff_ffff, 0x7fff_ffff],
        vec![0, 0x8000_0000],
        vec![1, 0x8000_0000],
        vec![0, 0, 1],
        vec![1, 0, 1],
        vec![0xffff_ffff; 3],
        vec![0, 0, 0x8000_0000],
        vec![0xffff_ffff; 4],
        vec![0, 0, 0, 0, 1],
        vec![0xffff_ffff; 40],
        vec![0x8000_0000; 40],
    ];
    for shift in [31, 32, 33, 63, 64, 65, 95, 96, 127, 128, 200, 1000] {
        let power = super::shl_magnitude(&[1], shift);
        magnitudes.push(power.clone());
        magnitudes.push(super::sub_magnitude(&power, &[1]));
        magnitudes.push(super::add_magnitude(&power, &[1]));
    }
    let mut ten = vec![1u32];
    for _ in 0..60 {
        super::mul_add_limb(&mut ten, 10, 0);
        magnitudes.push(ten.clone());
    }
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    magnitudes.push((0..150).map(|_| random.next() as u32).collect());
    let mut values = Vec::new();
    for m in magnitudes {
        let mut m = m;
        while m.last() == Some(&0) {
            m.pop();
        }
        values.push((false, m.clone()));
        values.push((true, m));
    }
    values
}

/// Every operation of one number.
fn check_unary(negative: bool, limbs: &[u32]) {
    let (a, r) = both(negative, limbs);
    assert_eq!(to_reference(&a), r);
    assert_eq!(to_reference(&-&a), -&r, "-{r}");
    assert_eq!(to_reference(&-a.clone()), -&r, "-{r}");
    assert_eq!(to_reference(&a.abs()), r.abs(), "abs {r}");
    assert_eq!(to_reference(&!&a), !&r, "bnot {r}");
    assert_eq!(a.is_zero(), r.is_zero());
    assert_eq!(a.is_negative(), r.is_negative());
    assert_eq!(a.bits(), r.bits(), "bits {r}");
    assert_eq!(a.to_i64(), r.to_i64(), "to_i64 {r}");
    assert_eq!(a.to_u128(), r.abs().to_u128(), "to_u128 {r}");
    let low = (&r & Reference::from(u64::MAX)).to_u64();
    assert_eq!(Some(a.wrapping_to_u64()), low, "{r} modulo 2^64");
    let (ours, theirs) = (a.to_f64(), r.to_f64().unwrap_or(f64::NAN));
    assert_eq!(
        ours.to_bits(),
        theirs.to_bits(),
        "to_f64 {r}: {ours} {theirs}"
    );
    assert_eq!(a.to_string(), r.to_string());
    assert_eq!(format!("{a:?}"), r.to_string());
    for radix in [2, 3, 7, 8, 10, 16, 36] {
        let text = a.to_str_radix(radix);
        assert_eq!(
            text,
            r.to_str_radix(radix).to_uppercase(),
            "{r} in base {radix}"
        );
        assert_eq!(BigInt::parse_radix(text.as_bytes(), radix), Some(a.clone()));
        let lower = text.to_lowercase();
        assert_eq!(
            BigInt::parse_radix(lower.as_bytes(), radix),
            Some(a.clone())
        );
    }
    for shift in [0, 1, 5, 31, 32, 33, 64, 65, 100, 1000] {
        assert_eq!(to_reference(&(&a << shift)), &r << shift, "{r} << {shift}");
        assert_eq!(to_reference(&(&a >> shift)), &r >> shift, "{r} >> {shift}");
    }
    if limbs.len() <= 8 {
        for exponent in [0u32, 1, 2, 3, 7, 20] {
            let ours = to_reference(&a.pow(u64::from(exponent)));
            assert_eq!(ours, r.pow(exponent), "{r} ** {exponent}");
        }
    }
}

/// Every operation of two numbers.
fn check_binary(a_parts: &(bool, Vec<u32>), b_parts: &(bool, Vec<u32>)) {
    let (a, ra) = both(a_parts.0, &a_parts.1);
    let (b, rb) = both(b_parts.0, &b_parts.1);
    let case = format!("{ra} and {rb}");
    assert_eq!(to_reference(&(&a + &b)), &ra + &rb, "sum of {case}");
    assert_eq!(to_reference(&(&a - &b)), &ra - &rb, "difference of {case}");
    assert_eq!(to_reference(&(&a * &b)), &ra * &rb, "product of {case}");
    assert_eq!(to_reference(&(&a & &b)), &ra & &rb, "band of {case}");
    assert_eq!(to_reference(&(&a | &b)), &ra | &rb, "bor of {case}");
    assert_eq!(to_reference(&(&a ^ &b)), &ra ^ &rb, "bxor of {case}");
    assert_eq!(a.cmp(&b), ra.cmp(&rb), "order of {case}");
    assert_eq!(a == b, ra == rb, "equality of {case}");
    match a.div_rem(&b) {
        None => assert!(rb.is_zero(), "no quotient of {case}"),
        Some((q, r)) => {
            // num-bigint's `/` and `%` truncate, as `div` and `rem` do.
            assert_eq!(to_reference(&q), &ra / &rb, "quotient of {case}");
            assert_eq!(to_reference(&r), &ra % &rb, "remainder of {case}");
        }
    }
}

#[test]
fn every_operation_on_edge_values_matches_num_bigint() {
    let values = edge_values();
    for (negative, limbs) in &values {
        check_unary(*negative, limbs);
    }
    for a in &values {
        for b in &values {
            check_binary(a, b);
        }
    }
}

#[test]
fn every_operation_on_random_operands_matches_num_bigint() {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    for i in 0..4_000 {
        // Mostly short numbers, some long ones, and divisors both shorter
        // and longer than the dividend.
        let max_limbs = if i % 10 == 0 { 40 } else { 6 };
        let a = random.number(max_limbs);
        let b = random.number(if i % 3 == 0 { 3 } else { max_limbs });
        check_unary(a.0, &a.1);
        check_binary(&a, &b);
    }
}

#[test]
fn long_division_adds_back_where_the_estimate_is_too_large() {
    // Dividends built as q × v + r from a divisor whose top limbs make the
    // two-limb estimate of some quotient limb one too large.
    let mut random = Random(0xd1b5_4a32_d192_ed03);
    for _ in 0..3_000 {
        let v_len = 2 + random.below(4) as usize;
        let mut v: Vec<u32> = (0..v_len).map(|_| random.limb()).collect();
        v[v_len - 1] |= 0x8000_0000 >> random.below(3);
        let q: Vec<u32> = (0..1 + random.below(4)).map(|_| random.limb()).collect();
        let (divisor, rv) = both(false, &v);
        let (quotient, _) = both(false, &q);
        let remainder = BigInt::from(random.next()).abs();
        let remainder = match remainder.div_rem(&divisor) {
            Some((_, r)) => r,
            None => BigInt::default(),
        };
        let dividend = &(&quotient * &divisor) + &remainder;
        let (q2, r2) = dividend.div_rem(&divisor).unwrap_or_default();
        assert_eq!(q2, quotient, "quotient of {dividend} by {rv}");
        assert_eq!(r2, remainder, "remainder of {dividend} by {rv}");
        check_binary(&(false, dividend.magnitude.clone()), &(true, v));
    }
}

#[test]
fn parsing_accepts_one_sign_then_digits_only() {
    let parse =
        |text: &str, radix| BigInt::parse_radix(text.as_bytes(), radix).map(|n| n.to_string());
    assert_eq!(parse("-0", 10).as_deref(), Some("0"));
    assert_eq!(parse("+0017", 10).as_deref(), Some("17"));
    assert_eq!(parse("zZ", 36).as_deref(), Some("1295"));
    assert_eq!(parse("-ff", 16).as_deref(), Some("-255"));
    for bad in [
        "", "-", "+", "+-1", "-+1", "--1", "1_0", "_1", "12a", "1 ", " 1", "é",
    ] {
        assert_eq!(parse(bad, 10), None, "{bad:?}");
    }
    assert_eq!(parse("2", 2), None);
    assert_eq!(parse("1", 37), None);
    assert_eq!(
        "-123".parse::<BigInt>().map(|n| n.to_string()),
        Ok("-123".to_string())
    );
}

#[test]
fn conversion_to_float_rounds_halfway_to_even() {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: it rounds to the even
    // one, 2^53; 2^53 + 3 rounds to 2^53 + 4. Beyond 64 bits, a one far below
    // the halfway point decides.
    let big = |text: &str| BigInt::parse_radix(text.as_bytes(), 10).unwrap_or_default();
    assert_eq!(big("9007199254740993").to_f64(), 9007199254740992.0);
    assert_eq!(big("9007199254740995").to_f64(), 9007199254740996.0);
    let half = &(&BigInt::from(1u32) << 100) + &(&BigInt::from(1u32) << 47);
    assert_eq!(half.to_f64(), 2f64.powi(100));
    let above = &half + &BigInt::from(1u32);
    assert_eq!(above.to_f64(), 2f64.powi(100) + 2f64.powi(48));
    assert_eq!((-above).to_f64(), -(2f64.powi(100) + 2f64.powi(48)));
    assert_eq!((&BigInt::from(1u32) << 1024).to_f64(), f64::INFINITY);
}
