//! `lists:sort/1` exactly as OTP 25 merges: `Enum.sort/1` is this function on
//! the BEAM, and its order of elements that compare equal without being the
//! same term (`1` and `1.0`) follows from the way it splits runs and merges
//! them, two or three at a time. A stable sort gives the same list whenever no
//! such pair exists, so [`sort`] only takes this path when one does.
//!
//! Each Erlang function is a state of a loop (they call each other in tail
//! position, and a Rust call per element would grow the host stack with the list).

use std::cmp::Ordering;

use crate::term_order::{compare, strict_equal};
use crate::value::Value;

/// Sorts as `lists:sort/1` does.
pub fn sort(mut items: Vec<Value>) -> Value {
    let original = Value::list(items.clone());
    items.sort_by(compare);
    let ambiguous = items
        .windows(2)
        .any(|w| compare(&w[0], &w[1]) == Ordering::Equal && !strict_equal(&w[0], &w[1]));
    if ambiguous {
        lists_sort(original)
    } else {
        Value::list(items)
    }
}

fn le(a: &Value, b: &Value) -> bool {
    compare(a, b) != Ordering::Greater
}

fn lt(a: &Value, b: &Value) -> bool {
    compare(a, b) == Ordering::Less
}

fn cons(h: Value, t: Value) -> Value {
    Value::cons(h, t)
}

fn uncons(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Cons(c) => Some((c.head.clone(), c.tail.clone())),
        _ => None,
    }
}

/// `lists:reverse(l, tail)`.
fn reverse(l: Value, mut tail: Value) -> Value {
    for x in l.list_iter() {
        tail = cons(x.clone(), tail);
    }
    tail
}

fn list2(a: Value, b: Value, tail: Value) -> Value {
    cons(a, cons(b, tail))
}

/// The split and merge-list phases.
enum Phase {
    Sort1(Value, Value, Value),
    Split1(Value, Value, Value, Value, Value),
    Split11(Value, Value, Value, Value, Value, Value),
    Split2(Value, Value, Value, Value, Value),
    Split21(Value, Value, Value, Value, Value, Value),
    Mergel(Value, Value),
    Rmergel(Value, Value),
}

fn lists_sort(l0: Value) -> Value {
    let Some((x, rest)) = uncons(&l0) else {
        return l0;
    };
    let Some((y, l)) = uncons(&rest) else {
        return l0;
    };
    let single = uncons(&l).filter(|(_, t)| matches!(t, Value::Nil));
    let mut phase = if le(&x, &y) {
        match single {
            None if matches!(l, Value::Nil) => return l0,
            Some((z, _)) if le(&y, &z) => return l0,
            Some((z, _)) if le(&x, &z) => return Value::list(vec![x, z, y]),
            Some((z, _)) => return Value::list(vec![z, x, y]),
            None if compare(&x, &y) == Ordering::Equal => Phase::Sort1(y, l, Value::list(vec![x])),
            None => Phase::Split1(x, y, l, Value::Nil, Value::Nil),
        }
    } else {
        match single {
            None if matches!(l, Value::Nil) => return Value::list(vec![y, x]),
            Some((z, _)) if le(&x, &z) => return list2(y, x, l),
            Some((z, _)) if le(&y, &z) => return Value::list(vec![y, z, x]),
            Some((z, _)) => return Value::list(vec![z, y, x]),
            None => Phase::Split2(x, y, l, Value::Nil, Value::Nil),
        }
    };
    loop {
        phase = match phase {
            Phase::Sort1(x, l, r) => match uncons(&l) {
                Some((y, l)) if compare(&x, &y) == Ordering::Equal => {
                    Phase::Sort1(y, l, cons(x, r))
                }
                Some((y, l)) if lt(&x, &y) => Phase::Split1(x, y, l, r, Value::Nil),
                Some((y, l)) => Phase::Split2(x, y, l, r, Value::Nil),
                None => return reverse(r, Value::list(vec![x])),
            },
            Phase::Split1(x, y, l, r, rs) => match uncons(&l) {
                Some((z, l)) if le(&y, &z) => Phase::Split1(y, z, l, cons(x, r), rs),
                Some((z, l)) if le(&x, &z) => Phase::Split1(z, y, l, cons(x, r), rs),
                Some((z, l)) if matches!(r, Value::Nil) => {
                    Phase::Split1(x, y, l, Value::list(vec![z]), rs)
                }
                Some((z, l)) => Phase::Split11(x, y, l, r, rs, z),
                None => Phase::Rmergel(cons(list2(y, x, r), rs), Value::Nil),
            },
            Phase::Split11(x, y, l, r, rs, s) => match uncons(&l) {
                Some((z, l)) if le(&y, &z) => Phase::Split11(y, z, l, cons(x, r), rs, s),
                Some((z, l)) if le(&x, &z) => Phase::Split11(z, y, l, cons(x, r), rs, s),
                Some((z, l)) if le(&s, &z) => {
                    Phase::Split1(s, z, l, Value::Nil, cons(list2(y, x, r), rs))
                }
                Some((z, l)) => Phase::Split1(z, s, l, Value::Nil, cons(list2(y, x, r), rs)),
                None => Phase::Rmergel(
                    cons(Value::list(vec![s]), cons(list2(y, x, r), rs)),
                    Value::Nil,
                ),
            },
            Phase::Split2(x, y, l, r, rs) => match uncons(&l) {
                Some((z, l)) if le(&z, &y) => Phase::Split2(y, z, l, cons(x, r), rs),
                Some((z, l)) if le(&z, &x) => Phase::Split2(z, y, l, cons(x, r), rs),
                Some((z, l)) if matches!(r, Value::Nil) => {
                    Phase::Split2(x, y, l, Value::list(vec![z]), rs)
                }
                Some((z, l)) => Phase::Split21(x, y, l, r, rs, z),
                None => Phase::Mergel(cons(list2(y, x, r), rs), Value::Nil),
            },
            Phase::Split21(x, y, l, r, rs, s) => match uncons(&l) {
                Some((z, l)) if le(&z, &y) => Phase::Split21(y, z, l, cons(x, r), rs, s),
                Some((z, l)) if le(&z, &x) => Phase::Split21(z, y, l, cons(x, r), rs, s),
                Some((z, l)) if lt(&z, &s) => {
                    Phase::Split2(s, z, l, Value::Nil, cons(list2(y, x, r), rs))
                }
                Some((z, l)) => Phase::Split2(z, s, l, Value::Nil, cons(list2(y, x, r), rs)),
                None => Phase::Mergel(
                    cons(Value::list(vec![s]), cons(list2(y, x, r), rs)),
                    Value::Nil,
                ),
            },
            Phase::Mergel(l, acc) => match mergel(l, acc) {
                Ok(next) => next,
                Err(sorted) => return sorted,
            },
            Phase::Rmergel(l, acc) => match rmergel(l, acc) {
                Ok(next) => next,
                Err(sorted) => return sorted,
            },
        };
    }
}

/// The list without its first `n` elements.
fn drop(l: &Value, n: usize) -> Value {
    let mut cur = l;
    for _ in 0..n {
        match cur {
            Value::Cons(c) => cur = &c.tail,
            _ => break,
        }
    }
    cur.clone()
}

/// One step of `mergel/2`: the next phase, or `Err(result)` when done.
fn mergel(l: Value, acc: Value) -> Result<Phase, Value> {
    let items: Vec<Value> = l.list_iter().take(3).cloned().collect();
    let heads: Vec<Option<(Value, Value)>> = items.iter().map(uncons).collect();
    match (items.as_slice(), heads.as_slice()) {
        ([Value::Nil, ..], _) => Ok(Phase::Mergel(drop(&l, 1), acc)),
        ([t1, _, _], [_, Some((h2, t2)), Some((h3, t3))]) => {
            let m = Merge::M31(
                t1.clone(),
                Value::Nil,
                h2.clone(),
                t2.clone(),
                h3.clone(),
                t3.clone(),
            );
            Ok(Phase::Mergel(drop(&l, 3), cons(merge(m), acc)))
        }
        ([t1, _], [_, Some((h2, t2))]) => {
            let m = Merge::M21(t1.clone(), h2.clone(), t2.clone(), Value::Nil);
            Ok(Phase::Rmergel(cons(merge(m), acc), Value::Nil))
        }
        ([single], _) if matches!(acc, Value::Nil) => Err(single.clone()),
        ([single], _) => Ok(Phase::Rmergel(
            cons(reverse(single.clone(), Value::Nil), acc),
            Value::Nil,
        )),
        ([], _) if matches!(acc, Value::Nil) => Err(Value::Nil),
        ([], _) => Ok(Phase::Rmergel(acc, Value::Nil)),
        ([a, Value::Nil, ..], _) => Ok(Phase::Mergel(cons(a.clone(), drop(&l, 2)), acc)),
        ([a, b, Value::Nil], _) => Ok(Phase::Mergel(
            cons(a.clone(), cons(b.clone(), drop(&l, 3))),
            acc,
        )),
        // The split phases only build lists of lists.
        _ => Err(Value::Nil),
    }
}

/// One step of `rmergel/2`.
fn rmergel(l: Value, acc: Value) -> Result<Phase, Value> {
    let items: Vec<Value> = l.list_iter().take(3).cloned().collect();
    let heads: Vec<Option<(Value, Value)>> = items.iter().map(uncons).collect();
    match (items.as_slice(), heads.as_slice()) {
        ([_, _, t1], [Some((h3, t3)), Some((h2, t2)), _]) => {
            let m = Merge::R31(
                t1.clone(),
                Value::Nil,
                h2.clone(),
                t2.clone(),
                h3.clone(),
                t3.clone(),
            );
            Ok(Phase::Rmergel(drop(&l, 3), cons(merge(m), acc)))
        }
        ([_, t1], [Some((h2, t2)), _]) => {
            let m = Merge::R21(t1.clone(), h2.clone(), t2.clone(), Value::Nil);
            Ok(Phase::Mergel(cons(merge(m), acc), Value::Nil))
        }
        ([single], _) => Ok(Phase::Mergel(
            cons(reverse(single.clone(), Value::Nil), acc),
            Value::Nil,
        )),
        ([], _) => Ok(Phase::Mergel(acc, Value::Nil)),
        // `rmergel/2` has no other clause: the split phases never build one.
        _ => Err(Value::Nil),
    }
}

/// The merge functions, ascending (`merge*`) and descending (`rmerge*`).
enum Merge {
    M31(Value, Value, Value, Value, Value, Value),
    M32(Value, Value, Value, Value, Value, Value),
    M312(Value, Value, Value, Value, Value, Value, Value),
    M321(Value, Value, Value, Value, Value, Value, Value),
    M3123(Value, Value, Value, Value, Value, Value),
    M3213(Value, Value, Value, Value, Value, Value),
    M21(Value, Value, Value, Value),
    M22(Value, Value, Value, Value, Value),
    R31(Value, Value, Value, Value, Value, Value),
    R32(Value, Value, Value, Value, Value, Value),
    R312(Value, Value, Value, Value, Value, Value, Value),
    R321(Value, Value, Value, Value, Value, Value, Value),
    R3123(Value, Value, Value, Value, Value, Value),
    R3213(Value, Value, Value, Value, Value, Value),
    R21(Value, Value, Value, Value),
    R22(Value, Value, Value, Value, Value),
}

fn merge(mut state: Merge) -> Value {
    use Merge::*;
    loop {
        state = match state {
            M31(t1, m, h2, t2, h3, t3) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => M312(t1, h1, h2, t2, h3, t3, m),
                Some((h1, t1)) => M321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h2, &h3) => M21(t2, h3, t3, cons(h2, m)),
                None => M22(t2, h3, t3, m, h2),
            },
            M32(t1, h1, m, t2, h3, t3) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => M312(t1, h1, h2, t2, h3, t3, m),
                Some((h2, t2)) => M321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h1, &h3) => M21(t1, h3, t3, cons(h1, m)),
                None => M22(t1, h3, t3, m, h1),
            },
            M312(t1, h1, h2, t2, h3, t3, m) => {
                if le(&h1, &h3) {
                    M31(t1, cons(h1, m), h2, t2, h3, t3)
                } else {
                    M3123(t1, h1, h2, t2, cons(h3, m), t3)
                }
            }
            M3123(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h1, &h3) => M31(t1, cons(h1, m), h2, t2, h3, t3),
                Some((h3, t3)) => M3123(t1, h1, h2, t2, cons(h3, m), t3),
                None => M21(t1, h2, t2, cons(h1, m)),
            },
            M321(t1, h1, h2, t2, h3, t3, m) => {
                if le(&h2, &h3) {
                    M32(t1, h1, cons(h2, m), t2, h3, t3)
                } else {
                    M3213(t1, h1, h2, t2, cons(h3, m), t3)
                }
            }
            M3213(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h2, &h3) => M32(t1, h1, cons(h2, m), t2, h3, t3),
                Some((h3, t3)) => M3213(t1, h1, h2, t2, cons(h3, m), t3),
                None => M22(t1, h2, t2, m, h1),
            },
            M21(t1, h2, t2, m) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => M21(t1, h2, t2, cons(h1, m)),
                Some((h1, t1)) => M22(t1, h2, t2, m, h1),
                None => return reverse(t2, cons(h2, m)),
            },
            M22(t1, hdm, t2, m, h1) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => M21(t1, h2, t2, list2(h1, hdm, m)),
                Some((h2, t2)) => M22(t1, h2, t2, cons(hdm, m), h1),
                None => return reverse(t1, list2(h1, hdm, m)),
            },
            R31(t1, m, h2, t2, h3, t3) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => R312(t1, h1, h2, t2, h3, t3, m),
                Some((h1, t1)) => R321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h2, &h3) => R22(t2, h3, t3, m, h2),
                None => R21(t2, h3, t3, cons(h2, m)),
            },
            R32(t1, h1, m, t2, h3, t3) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => R312(t1, h1, h2, t2, h3, t3, m),
                Some((h2, t2)) => R321(t1, h1, h2, t2, h3, t3, m),
                None if le(&h1, &h3) => R22(t1, h3, t3, m, h1),
                None => R21(t1, h3, t3, cons(h1, m)),
            },
            R312(t1, h1, h2, t2, h3, t3, m) => {
                if le(&h2, &h3) {
                    R3123(t1, h1, h2, t2, cons(h3, m), t3)
                } else {
                    R32(t1, h1, cons(h2, m), t2, h3, t3)
                }
            }
            R3123(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h2, &h3) => R3123(t1, h1, h2, t2, cons(h3, m), t3),
                Some((h3, t3)) => R32(t1, h1, cons(h2, m), t2, h3, t3),
                None => R22(t1, h2, t2, m, h1),
            },
            R321(t1, h1, h2, t2, h3, t3, m) => {
                if le(&h1, &h3) {
                    R3213(t1, h1, h2, t2, cons(h3, m), t3)
                } else {
                    R31(t1, cons(h1, m), h2, t2, h3, t3)
                }
            }
            R3213(t1, h1, h2, t2, m, t3) => match uncons(&t3) {
                Some((h3, t3)) if le(&h1, &h3) => R3213(t1, h1, h2, t2, cons(h3, m), t3),
                Some((h3, t3)) => R31(t1, cons(h1, m), h2, t2, h3, t3),
                None => R21(t1, h2, t2, cons(h1, m)),
            },
            R21(t1, h2, t2, m) => match uncons(&t1) {
                Some((h1, t1)) if le(&h1, &h2) => R22(t1, h2, t2, m, h1),
                Some((h1, t1)) => R21(t1, h2, t2, cons(h1, m)),
                None => return reverse(t2, cons(h2, m)),
            },
            R22(t1, hdm, t2, m, h1) => match uncons(&t2) {
                Some((h2, t2)) if le(&h1, &h2) => R22(t1, h2, t2, cons(hdm, m), h1),
                Some((h2, t2)) => R21(t1, h2, t2, list2(h1, hdm, m)),
                None => return reverse(t1, list2(h1, hdm, m)),
            },
        };
    }
}
