//! `:rand` as OTP 25 implements its default algorithm, exsss (Xorshift116**,
//! 58-bit state words), so a seeded program draws the BEAM's numbers; and the
//! `Enum` functions that draw from it, written as Elixir 1.14 writes them (the
//! same calls in the same order). Each process has its own state, as in the
//! process dictionary's `rand_seed`; a process that never seeds is seeded from
//! the run's seed on its first draw (the BEAM would use the time).

use super::{badarg, int, register, Control, Ctx, NResult, Table};
use crate::term_order::compare;
use crate::value::Value;

const MASK58: u64 = (1 << 58) - 1;

/// An exsss state: the two 58-bit words `[s1 | s0]` of `rand.erl`.
pub type State = [u64; 2];

/// `rand:splitmix64_next/1`: the next value and the new splitmix64 state.
fn splitmix64_next(x: u64) -> (u64, u64) {
    let x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let z = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31), x)
}

/// `rand:seed58/1`: a non-zero 58-bit word and the new splitmix64 state.
fn seed58(mut x: u64) -> (u64, u64) {
    loop {
        let (z, next) = splitmix64_next(x);
        x = next;
        if z & MASK58 != 0 {
            return (z & MASK58, x);
        }
    }
}

/// `rand:exsss_seed/1` for an integer seed. Integers are taken modulo 2^64,
/// as `rand.erl`'s masking does.
pub fn seed_integer(x: u64) -> State {
    let (s0, x) = seed58(x);
    let (s1, _) = seed58(x);
    [s0, s1]
}

/// `rand:exsss_seed/1` for the traditional triple `{a1, a2, a3}`.
pub fn seed_triple(a1: u64, a2: u64, a3: u64) -> State {
    let (_, x0) = seed58(a1);
    let (s0, x1) = seed58(a2 ^ x0);
    let (s1, _) = seed58(a3 ^ x1);
    [s0, s1]
}

/// `rand:exsss_next/1`: a 58-bit output and the new state.
pub fn next(state: &mut State) -> u64 {
    let [s1, s0] = *state;
    let s1_b = (s1 ^ (s1 << 24)) & MASK58;
    let new_s1 = s1_b ^ s0 ^ (s1_b >> 11) ^ (s0 >> 41);
    *state = [s0, new_s1];
    // The "**" scrambler: rotl(s0 * 5, 7) * 9, in 58 bits.
    let v1 = s0.wrapping_mul(5) & MASK58;
    let v2 = ((v1 << 7) | (v1 >> (58 - 7))) & MASK58;
    v2.wrapping_mul(9) & MASK58
}

/// `rand:uniform/0`: a float in [0, 1) from the top 53 bits.
pub fn uniform_float(state: &mut State) -> f64 {
    (next(state) >> 5) as f64 * f64::powi(2.0, -53)
}

/// `rand:uniform/1`: an integer in 1..=n, without bias (values from the
/// truncated top of the range are drawn again, as OTP does).
pub fn uniform_int(state: &mut State, n: u64) -> u64 {
    loop {
        let v = next(state);
        if n <= 1 << 58 {
            let max_minus_n = (1u64 << 58) - n;
            if v < n {
                return v + 1;
            }
            let i = v % n;
            if v - i <= max_minus_n {
                return i + 1;
            }
        } else {
            return uniform_wide(state, n, v);
        }
    }
}

/// `rand:uniform_range/4` for ranges wider than 58 bits: words are shifted
/// together until there are two bits more than the range.
fn uniform_wide(state: &mut State, n: u64, mut v: u64) -> u64 {
    let n = u128::from(n);
    loop {
        let power_of_two = n & (n - 1) == 0;
        let mut range = if power_of_two { n >> 58 } else { n >> 56 };
        let mut acc = u128::from(v);
        let mut bits = 58u32;
        while range > 1 {
            acc = (acc << 58) | u128::from(next(state));
            range >>= 58;
            bits += 58;
        }
        if power_of_two {
            return ((acc & (n - 1)) + 1) as u64;
        }
        let i = acc % n;
        if acc - i <= (1u128 << bits) - n {
            return (i + 1) as u64;
        }
        v = next(state);
    }
}

/// This process's state, seeded from the run's seed on its first use.
pub fn state<'c>(c: &'c mut Ctx<'_>) -> &'c mut State {
    let core = &mut *c.core;
    c.proc
        .rand
        .get_or_insert_with(|| seed_integer(core.next_random()))
}

/// Elixir's `Enum.random_integer(0, upper)`: no draw when there is one choice.
fn index_upto(c: &mut Ctx<'_>, upper: usize) -> usize {
    if upper == 0 {
        0
    } else {
        uniform_int(state(c), upper as u64 + 1) as usize - 1
    }
}

/// An integer seed word: any integer, taken modulo 2^64.
fn word(v: &Value) -> Result<u64, Control> {
    match v {
        Value::Int(i) => Ok(*i as u64),
        Value::BigInt(b) => Ok(b.wrapping_to_u64()),
        _ => badarg(),
    }
}

pub(super) fn natives(t: &mut Table) {
    register(
        t,
        "rand",
        &[
            ("uniform", 0, |c, _| {
                Ok(Value::Float(uniform_float(state(c))))
            }),
            ("uniform", 1, |c, a| {
                let n = int(&a[0])?;
                if n < 1 {
                    return badarg();
                }
                Ok(Value::Int(uniform_int(state(c), n as u64) as i64))
            }),
            ("seed", 1, |c, a| {
                let seed = c.core.next_random();
                seed_with(c, &a[0], seed_integer(seed))
            }),
            ("seed", 2, |c, a| {
                let state = match &a[1] {
                    Value::Tuple(t) if t.len() == 3 => {
                        seed_triple(word(&t[0])?, word(&t[1])?, word(&t[2])?)
                    }
                    other => seed_integer(word(other)?),
                };
                seed_with(c, &a[0], state)
            }),
        ],
    );
    register(
        t,
        "Elixir.Enum",
        &[
            ("random", 1, |c, a| {
                let v = super::data::enumerate(&a[0])?;
                if v.is_empty() {
                    return Err(super::data::empty_error());
                }
                let i = index_upto(c, v.len() - 1);
                Ok(v[i].clone())
            }),
            ("shuffle", 1, |c, a| {
                // `[{:rand.uniform(), x} | acc]` over the elements, a stable
                // `:lists.keysort/2`, then unwrapped in reverse.
                let v = super::data::enumerate(&a[0])?;
                let mut keyed: Vec<(f64, Value)> = v
                    .into_iter()
                    .map(|x| (uniform_float(state(c)), x))
                    .collect();
                keyed.reverse();
                keyed.sort_by(|x, y| compare(&Value::Float(x.0), &Value::Float(y.0)));
                Ok(Value::list(
                    keyed.into_iter().rev().map(|(_, x)| x).collect(),
                ))
            }),
            ("take_random", 2, |c, a| {
                let count = int(&a[1])?;
                if count < 0 {
                    return badarg();
                }
                let v = super::data::enumerate(&a[0])?;
                take_random(c, v, count as usize)
            }),
        ],
    );
}

/// `:rand.seed/1,2`: the state is the process's from now on; the result is
/// the state (OTP returns its algorithm's handler map with it).
fn seed_with(c: &mut Ctx<'_>, alg: &Value, seed: State) -> NResult {
    match alg.as_atom().map(|a| a.name()) {
        Some("exsss" | "default") => {}
        _ => return badarg(),
    }
    c.proc.rand = Some(seed);
    let mut handler = std::collections::BTreeMap::new();
    handler.insert(
        crate::term_order::MapKey(Value::atom("type")),
        Value::atom("exsss"),
    );
    handler.insert(
        crate::term_order::MapKey(Value::atom("bits")),
        Value::Int(58),
    );
    Ok(Value::tuple(vec![
        Value::map(handler),
        Value::list_with_tail(vec![Value::Int(seed[0] as i64)], Value::Int(seed[1] as i64)),
    ]))
}

/// `Enum.take_random/2` as Elixir 1.14 draws it.
fn take_random(c: &mut Ctx<'_>, v: Vec<Value>, count: usize) -> NResult {
    if count == 0 || v.is_empty() {
        return Ok(Value::Nil);
    }
    if count == 1 {
        // Each later element replaces the pick with probability 1/(index + 1).
        let mut it = v.into_iter();
        let mut current = it.next().unwrap_or(Value::Nil);
        for (index, x) in it.enumerate() {
            if uniform_int(state(c), index as u64 + 2) == 1 {
                current = x;
            }
        }
        return Ok(Value::list(vec![current]));
    }
    // Reservoir sampling into `count` slots (a tuple or map in Elixir); slots
    // past the number of elements are never touched, so none are made.
    let size = v.len();
    let count = count.min(size);
    let mut sample = vec![Value::NIL_ATOM; count];
    for (idx, elem) in v.into_iter().enumerate() {
        let jdx = index_upto(c, idx);
        if idx < count {
            sample[idx] = sample[jdx].clone();
            sample[jdx] = elem;
        } else if jdx < count {
            sample[jdx] = elem;
        }
    }
    Ok(Value::list(sample))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triple_seed_draws_what_otp_draws() {
        // `:rand.seed(:exsss, {1, 2, 3})`, then `:rand.uniform(100)` five times.
        let mut s = seed_triple(1, 2, 3);
        let draws: Vec<u64> = (0..5).map(|_| uniform_int(&mut s, 100)).collect();
        assert_eq!(draws, [27, 41, 75, 39, 31]);
    }
}
