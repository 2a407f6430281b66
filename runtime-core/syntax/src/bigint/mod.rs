//! Arbitrary-precision integers: Elixir's integers once they overflow 64
//! bits, integer literals of any size, and the exact arithmetic of the float
//! parser.
//!
//! A crate for this exists (`num-bigint`); this one is ours for the browser
//! download: it holds only the operations the language needs, with simple
//! algorithms (schoolbook multiplication, Knuth's long division, quadratic
//! radix conversion), since big integers are rare and small. Where Erlang's
//! meaning differs from Rust's it follows Erlang: `/` and `%` truncate like
//! `div` and `rem`, the bitwise operators treat negative numbers as infinite
//! two's complement, `>>` rounds towards negative infinity like `bsr`, and
//! [`BigInt::to_f64`] rounds to nearest, ties to even.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, BitAnd, BitOr, BitXor, Mul, Neg, Not, Shl, Shr, Sub};

#[cfg(test)]
mod tests;

/// An integer of any size.
///
/// Its magnitude is kept as 32-bit limbs, least significant first, without
/// zero limbs at the top, so that every number has one representation (zero
/// has no limbs and is never negative) and the derived equality is numeric.
/// 32-bit limbs keep every product and quotient of two limbs within `u64`,
/// which WebAssembly computes natively.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct BigInt {
    negative: bool,
    magnitude: Vec<u32>,
}

impl BigInt {
    /// A number from its sign and magnitude, in the one representation.
    fn new(negative: bool, mut magnitude: Vec<u32>) -> BigInt {
        while magnitude.last() == Some(&0) {
            magnitude.pop();
        }
        BigInt {
            negative: negative && !magnitude.is_empty(),
            magnitude,
        }
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.magnitude.is_empty()
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The absolute value.
    pub fn abs(&self) -> BigInt {
        BigInt {
            negative: false,
            magnitude: self.magnitude.clone(),
        }
    }

    /// The number of bits of the absolute value (0 for zero).
    pub fn bits(&self) -> u64 {
        match self.magnitude.last() {
            Some(top) => self.magnitude.len() as u64 * 32 - u64::from(top.leading_zeros()),
            None => 0,
        }
    }

    /// The number as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        let m = self.to_u128()?;
        if self.negative {
            // -2^63 fits although 2^63 does not.
            0i64.checked_sub_unsigned(u64::try_from(m).ok()?)
        } else {
            i64::try_from(m).ok()
        }
    }

    /// The absolute value as a `u128`, if it fits.
    pub fn to_u128(&self) -> Option<u128> {
        if self.magnitude.len() > 4 {
            return None;
        }
        Some(
            self.magnitude
                .iter()
                .rev()
                .fold(0u128, |acc, &limb| acc << 32 | u128::from(limb)),
        )
    }

    /// The number modulo 2^64, as the low 64 bits of its two's complement.
    pub fn wrapping_to_u64(&self) -> u64 {
        let low = to_u64(&self.magnitude);
        if self.negative {
            low.wrapping_neg()
        } else {
            low
        }
    }

    /// The `f64` nearest to the number, ties to even (as the BEAM converts
    /// an integer to a float); infinite beyond `f64::MAX`.
    pub fn to_f64(&self) -> f64 {
        let bits = self.bits();
        let magnitude = if bits <= 64 {
            // Exact up to here, and `as` rounds to nearest, ties to even.
            to_u64(&self.magnitude) as f64
        } else {
            // The top 64 bits, the last of them set when any bit below them
            // is: 11 bits more than an f64 keeps, so the rounding of this
            // u64 is the rounding of the whole number.
            let dropped = bits - 64;
            let shifted = shr_magnitude(&self.magnitude, dropped);
            let top = to_u64(&shifted);
            let sticky = any_bit_below(&self.magnitude, dropped);
            let top = (top | u64::from(sticky)) as f64;
            // top × 2^dropped: exact, because top (up to 2^64) is a float
            // whose exponent stays in range until the result overflows.
            if dropped > 1023 {
                f64::INFINITY
            } else {
                top * f64::from_bits((dropped + 1023) << 52)
            }
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }

    /// `self` raised to `exponent` (`0^0` is 1).
    pub fn pow(&self, mut exponent: u64) -> BigInt {
        let mut base = self.clone();
        let mut result = BigInt::from(1u32);
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = &result * &base;
            }
            exponent >>= 1;
            if exponent > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// Quotient truncated towards zero, and the remainder with the sign of
    /// `self` (Erlang's `div` and `rem`); `None` when `divisor` is zero.
    pub fn div_rem(&self, divisor: &BigInt) -> Option<(BigInt, BigInt)> {
        if divisor.is_zero() {
            return None;
        }
        let (q, r) = div_rem_magnitude(&self.magnitude, &divisor.magnitude);
        Some((
            BigInt::new(self.negative != divisor.negative, q),
            BigInt::new(self.negative, r),
        ))
    }

    /// The number written in `radix` (2..=36), digits above 9 as capital
    /// letters, `-` before a negative one (`Integer.to_string/2`).
    pub fn to_str_radix(&self, radix: u32) -> String {
        let radix = radix.clamp(2, 36);
        // Divide by the largest power of the radix that fits in a limb, and
        // write each remainder as that many digits.
        let (chunk, chunk_digits) = chunk_base(radix);
        let mut rest = self.magnitude.clone();
        let mut digits: Vec<u8> = Vec::new();
        while !rest.is_empty() {
            let mut r = div_rem_limb(&mut rest, chunk);
            for _ in 0..chunk_digits {
                if rest.is_empty() && r == 0 {
                    break;
                }
                digits.push(DIGITS[(r % radix) as usize]);
                r /= radix;
            }
        }
        if digits.is_empty() {
            digits.push(b'0');
        }
        if self.negative {
            digits.push(b'-');
        }
        digits.reverse();
        String::from_utf8(digits).unwrap_or_default()
    }

    /// An optional `+` or `-`, then one or more digits of `radix` (2..=36,
    /// letters in either case), and nothing else; `None` otherwise.
    pub fn parse_radix(text: &[u8], radix: u32) -> Option<BigInt> {
        let (negative, digits) = match text {
            [b'-', rest @ ..] => (true, rest),
            [b'+', rest @ ..] => (false, rest),
            _ => (false, text),
        };
        if digits.is_empty() || !(2..=36).contains(&radix) {
            return None;
        }
        let (chunk, chunk_digits) = chunk_base(radix);
        let mut magnitude: Vec<u32> = Vec::new();
        for group in digits.chunks(chunk_digits as usize) {
            let mut value = 0u32;
            for &b in group {
                value = value * radix + (b as char).to_digit(radix)?;
            }
            let scale = if group.len() == chunk_digits as usize {
                chunk
            } else {
                radix.pow(group.len() as u32)
            };
            mul_add_limb(&mut magnitude, scale, value);
        }
        Some(BigInt::new(negative, magnitude))
    }

    /// The number as infinite two's complement, cut to `len` limbs.
    fn twos_complement(&self, len: usize) -> Vec<u32> {
        let mut limbs = self.magnitude.clone();
        limbs.resize(len, 0);
        if self.negative {
            negate_limbs(&mut limbs);
        }
        limbs
    }

    /// The number whose two's complement, sign-extended, is `limbs`.
    fn from_twos_complement(mut limbs: Vec<u32>) -> BigInt {
        let negative = limbs.last().is_some_and(|top| top >> 31 == 1);
        if negative {
            negate_limbs(&mut limbs);
        }
        BigInt::new(negative, limbs)
    }

    /// A bitwise operator on the two's complements, one limb wider than the
    /// wider operand so that the sign bit survives.
    fn bitwise(&self, other: &BigInt, op: fn(u32, u32) -> u32) -> BigInt {
        let len = self.magnitude.len().max(other.magnitude.len()) + 1;
        let (a, b) = (self.twos_complement(len), other.twos_complement(len));
        BigInt::from_twos_complement(a.iter().zip(&b).map(|(&x, &y)| op(x, y)).collect())
    }
}

/// Digits of every radix up to 36, as `Integer.to_string/2` writes them.
const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The largest power of `radix` that fits in a limb, and its exponent.
fn chunk_base(radix: u32) -> (u32, u32) {
    let (mut power, mut count) = (radix, 1);
    while let Some(next) = power.checked_mul(radix) {
        power = next;
        count += 1;
    }
    (power, count)
}

/// The low 64 bits of a magnitude.
fn to_u64(limbs: &[u32]) -> u64 {
    let low = limbs.first().copied().unwrap_or(0);
    let high = limbs.get(1).copied().unwrap_or(0);
    u64::from(high) << 32 | u64::from(low)
}

/// Two's complement negation in place: invert, then add one.
fn negate_limbs(limbs: &mut [u32]) {
    let mut carry = true;
    for limb in limbs {
        let (sum, overflow) = (!*limb).overflowing_add(u32::from(carry));
        *limb = sum;
        carry = overflow;
    }
}

/// `limbs × factor + addend`, in place.
fn mul_add_limb(limbs: &mut Vec<u32>, factor: u32, addend: u32) {
    let mut carry = u64::from(addend);
    for limb in limbs.iter_mut() {
        let t = u64::from(*limb) * u64::from(factor) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        limbs.push(carry as u32);
    }
}

/// Divides `limbs` by `divisor` (not zero) in place, without zero limbs left
/// at the top; returns the remainder.
fn div_rem_limb(limbs: &mut Vec<u32>, divisor: u32) -> u32 {
    let mut rem = 0u64;
    for limb in limbs.iter_mut().rev() {
        let t = rem << 32 | u64::from(*limb);
        *limb = (t / u64::from(divisor)) as u32;
        rem = t % u64::from(divisor);
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    rem as u32
}

fn cmp_magnitude(a: &[u32], b: &[u32]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

fn add_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(long.len() + 1);
    let mut carry = 0u64;
    for (i, &x) in long.iter().enumerate() {
        let t = u64::from(x) + u64::from(short.get(i).copied().unwrap_or(0)) + carry;
        out.push(t as u32);
        carry = t >> 32;
    }
    out.push(carry as u32);
    out
}

/// `a - b`, where `a >= b`.
fn sub_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = false;
    for (i, &x) in a.iter().enumerate() {
        let (t, o1) = x.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (t, o2) = t.overflowing_sub(u32::from(borrow));
        out.push(t);
        borrow = o1 || o2;
    }
    out
}

fn mul_magnitude(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            // At most (2^32 - 1)^2 + 2 × (2^32 - 1) = 2^64 - 1: no overflow.
            let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        out[i + b.len()] = carry as u32;
    }
    out
}

/// Whether any of the `count` lowest bits of `limbs` is set.
fn any_bit_below(limbs: &[u32], count: u64) -> bool {
    let whole = usize::try_from(count / 32).unwrap_or(usize::MAX);
    let bits = (count % 32) as u32;
    match limbs.get(..whole) {
        Some(low) => {
            low.iter().any(|&limb| limb != 0)
                || limbs
                    .get(whole)
                    .is_some_and(|&limb| limb & ((1 << bits) - 1) != 0)
        }
        None => limbs.iter().any(|&limb| limb != 0),
    }
}

/// `limbs × 2^shift`.
fn shl_magnitude(limbs: &[u32], shift: u64) -> Vec<u32> {
    if limbs.is_empty() {
        return Vec::new();
    }
    let (whole, bits) = ((shift / 32) as usize, (shift % 32) as u32);
    let mut out = vec![0u32; whole];
    if bits == 0 {
        out.extend_from_slice(limbs);
    } else {
        let mut carry = 0u32;
        for &limb in limbs {
            out.push(limb << bits | carry);
            carry = limb >> (32 - bits);
        }
        out.push(carry);
    }
    out
}

/// `limbs / 2^shift`, rounded down.
fn shr_magnitude(limbs: &[u32], shift: u64) -> Vec<u32> {
    let whole = usize::try_from(shift / 32).unwrap_or(usize::MAX);
    let bits = (shift % 32) as u32;
    let Some(kept) = limbs.get(whole..) else {
        return Vec::new();
    };
    if bits == 0 {
        return kept.to_vec();
    }
    (0..kept.len())
        .map(|i| kept[i] >> bits | kept.get(i + 1).map_or(0, |next| next << (32 - bits)))
        .collect()
}

/// Quotient and remainder of two magnitudes, `v` not zero: Knuth's
/// algorithm D (The Art of Computer Programming, vol. 2, 4.3.1), in the form
/// of Hacker's Delight's `divmnu`.
fn div_rem_magnitude(u: &[u32], v: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_magnitude(u, v) == Ordering::Less {
        return (Vec::new(), u.to_vec());
    }
    if let [divisor] = v {
        let mut q = u.to_vec();
        let r = div_rem_limb(&mut q, *divisor);
        return (q, vec![r]);
    }
    // Normalise: shift both so that the divisor's top limb has its top bit
    // set, which makes each estimated quotient limb at most 2 too large.
    let shift = u64::from(v[v.len() - 1].leading_zeros());
    let vn = shl_magnitude(v, shift);
    let vn = &vn[..v.len()];
    let mut un = shl_magnitude(u, shift);
    un.resize(u.len() + 1, 0);
    let n = vn.len();
    let (v_top, v_next) = (u64::from(vn[n - 1]), u64::from(vn[n - 2]));
    let mut q = vec![0u32; u.len() - n + 1];
    for j in (0..q.len()).rev() {
        let top = u64::from(un[j + n]) << 32 | u64::from(un[j + n - 1]);
        let mut qhat = top / v_top;
        let mut rhat = top % v_top;
        // Correct the estimate from the top two limbs of the divisor: then it
        // is exact or one too large.
        while qhat >> 32 != 0 || qhat * v_next > (rhat << 32 | u64::from(un[j + n - 2])) {
            qhat -= 1;
            rhat += v_top;
            if rhat >> 32 != 0 {
                break;
            }
        }
        // un[j..=j + n] -= qhat × vn.
        let mut borrow = 0i64;
        for i in 0..n {
            let p = qhat * u64::from(vn[i]);
            let t = i64::from(un[i + j]) - borrow - (p & 0xffff_ffff) as i64;
            un[i + j] = t as u32;
            borrow = (p >> 32) as i64 - (t >> 32);
        }
        let t = i64::from(un[j + n]) - borrow;
        un[j + n] = t as u32;
        q[j] = qhat as u32;
        if t < 0 {
            // The estimate was one too large: add the divisor back once.
            q[j] = q[j].wrapping_sub(1);
            let mut carry = 0u64;
            for i in 0..n {
                let s = u64::from(un[i + j]) + u64::from(vn[i]) + carry;
                un[i + j] = s as u32;
                carry = s >> 32;
            }
            un[j + n] = un[j + n].wrapping_add(carry as u32);
        }
    }
    let r = shr_magnitude(&un[..n], shift);
    (q, r)
}

impl From<u128> for BigInt {
    fn from(n: u128) -> BigInt {
        BigInt::new(false, (0..4).map(|i| (n >> (32 * i)) as u32).collect())
    }
}

impl From<i128> for BigInt {
    fn from(n: i128) -> BigInt {
        let mut b = BigInt::from(n.unsigned_abs());
        b.negative = n < 0;
        b
    }
}

impl From<i64> for BigInt {
    fn from(n: i64) -> BigInt {
        BigInt::from(i128::from(n))
    }
}

impl From<u64> for BigInt {
    fn from(n: u64) -> BigInt {
        BigInt::from(u128::from(n))
    }
}

impl From<u32> for BigInt {
    fn from(n: u32) -> BigInt {
        BigInt::from(u128::from(n))
    }
}

impl Ord for BigInt {
    fn cmp(&self, other: &BigInt) -> Ordering {
        match (self.negative, other.negative) {
            (false, false) => cmp_magnitude(&self.magnitude, &other.magnitude),
            (true, true) => cmp_magnitude(&other.magnitude, &self.magnitude),
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
        }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, other: &BigInt) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_str_radix(10))
    }
}

impl fmt::Debug for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The text is not a decimal integer (see [`BigInt::parse_radix`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseBigIntError;

impl std::str::FromStr for BigInt {
    type Err = ParseBigIntError;

    fn from_str(text: &str) -> Result<BigInt, ParseBigIntError> {
        BigInt::parse_radix(text.as_bytes(), 10).ok_or(ParseBigIntError)
    }
}

impl Add for &BigInt {
    type Output = BigInt;

    fn add(self, other: &BigInt) -> BigInt {
        if self.negative == other.negative {
            return BigInt::new(
                self.negative,
                add_magnitude(&self.magnitude, &other.magnitude),
            );
        }
        match cmp_magnitude(&self.magnitude, &other.magnitude) {
            Ordering::Less => BigInt::new(
                other.negative,
                sub_magnitude(&other.magnitude, &self.magnitude),
            ),
            _ => BigInt::new(
                self.negative,
                sub_magnitude(&self.magnitude, &other.magnitude),
            ),
        }
    }
}

impl Neg for &BigInt {
    type Output = BigInt;

    fn neg(self) -> BigInt {
        BigInt::new(!self.negative, self.magnitude.clone())
    }
}

impl Sub for &BigInt {
    type Output = BigInt;

    fn sub(self, other: &BigInt) -> BigInt {
        self + &-other
    }
}

impl Mul for &BigInt {
    type Output = BigInt;

    fn mul(self, other: &BigInt) -> BigInt {
        BigInt::new(
            self.negative != other.negative,
            mul_magnitude(&self.magnitude, &other.magnitude),
        )
    }
}

impl BitAnd for &BigInt {
    type Output = BigInt;

    fn bitand(self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x & y)
    }
}

impl BitOr for &BigInt {
    type Output = BigInt;

    fn bitor(self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x | y)
    }
}

impl BitXor for &BigInt {
    type Output = BigInt;

    fn bitxor(self, other: &BigInt) -> BigInt {
        self.bitwise(other, |x, y| x ^ y)
    }
}

/// `-n - 1`, Erlang's `bnot`.
impl Not for &BigInt {
    type Output = BigInt;

    fn not(self) -> BigInt {
        &-self - &BigInt::from(1u32)
    }
}

/// `n × 2^shift`, Erlang's `bsl`.
impl Shl<u64> for &BigInt {
    type Output = BigInt;

    fn shl(self, shift: u64) -> BigInt {
        BigInt::new(self.negative, shl_magnitude(&self.magnitude, shift))
    }
}

/// `n / 2^shift` rounded towards negative infinity, Erlang's `bsr`.
impl Shr<u64> for &BigInt {
    type Output = BigInt;

    fn shr(self, shift: u64) -> BigInt {
        let magnitude = shr_magnitude(&self.magnitude, shift);
        let truncated = BigInt::new(self.negative, magnitude);
        // A negative number that lost a one bit rounds down, one further
        // from zero.
        if self.negative && any_bit_below(&self.magnitude, shift) {
            &truncated - &BigInt::from(1u32)
        } else {
            truncated
        }
    }
}

/// The operators on owned numbers, for arithmetic written as on integers.
macro_rules! by_value {
    ($($trait:ident $method:ident),*) => {$(
        impl $trait for BigInt {
            type Output = BigInt;

            fn $method(self, other: BigInt) -> BigInt {
                $trait::$method(&self, &other)
            }
        }
    )*};
}

by_value!(Add add, Sub sub, Mul mul, BitAnd bitand, BitOr bitor, BitXor bitxor);

impl Neg for BigInt {
    type Output = BigInt;

    fn neg(mut self) -> BigInt {
        self.negative = !self.negative && !self.is_zero();
        self
    }
}

impl Not for BigInt {
    type Output = BigInt;

    fn not(self) -> BigInt {
        !&self
    }
}

impl Shl<u64> for BigInt {
    type Output = BigInt;

    fn shl(self, shift: u64) -> BigInt {
        &self << shift
    }
}

impl Shr<u64> for BigInt {
    type Output = BigInt;

    fn shr(self, shift: u64) -> BigInt {
        &self >> shift
    }
}
