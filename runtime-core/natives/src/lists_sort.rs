//! `lists:sort/1` exactly as OTP 25 merges: `Enum.sort/1` is this function on
//! the BEAM, and its order of elements that compare equal without being the
//! same term (`1` and `1.0`) follows from the way it splits runs and merges
//! them, two or three at a time. A stable sort gives the same list whenever no
//! such pair exists, so [`sort`] only takes this path when one does.
//!
//! The Erlang functions call each other in tail position; here each is a loop
//! (a Rust call per element would grow the host stack with the list), and the
//! states that only spare comparisons are folded together: the result depends
//! only on what the comparisons answer, which is tested against OTP's output
//! in the program corpus.

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

/// The merge-list phases; a step that is not one is the sorted list.
enum Phase {
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
    let mut step = if le(&x, &y) {
        match single {
            None if matches!(l, Value::Nil) => return l0,
            Some((z, _)) if le(&y, &z) => return l0,
            Some((z, _)) if le(&x, &z) => return Value::list(vec![x, z, y]),
            Some((z, _)) => return Value::list(vec![z, x, y]),
            None if compare(&x, &y) == Ordering::Equal => sort1(y, l, Value::list(vec![x])),
            None => Ok(split(x, y, l, Value::Nil, false)),
        }
    } else {
        match single {
            None if matches!(l, Value::Nil) => return Value::list(vec![y, x]),
            Some((z, _)) if le(&x, &z) => return list2(y, x, l),
            Some((z, _)) if le(&y, &z) => return Value::list(vec![y, z, x]),
            Some((z, _)) => return Value::list(vec![z, y, x]),
            None => Ok(split(x, y, l, Value::Nil, true)),
        }
    };
    loop {
        step = match step {
            Ok(Phase::Mergel(l, acc)) => mergel(l, acc),
            Ok(Phase::Rmergel(l, acc)) => rmergel(l, acc),
            Err(sorted) => return sorted,
        };
    }
}

/// `sort_1/3`: the equal elements the list starts with, then the split.
fn sort1(mut x: Value, mut l: Value, mut r: Value) -> Result<Phase, Value> {
    loop {
        let Some((y, rest)) = uncons(&l) else {
            return Err(reverse(r, Value::list(vec![x])));
        };
        if compare(&x, &y) != Ordering::Equal {
            let desc = !lt(&x, &y);
            return Ok(split(x, y, rest, r, desc));
        }
        r = cons(x, r);
        x = y;
        l = rest;
    }
}

/// `split_1/5` with `split_1_1/6`, which cut the list into ascending runs, or
/// `split_2/5` with `split_2_1/6` (`desc`), into descending ones: `x` and `y`
/// are the run's last two elements in its order, `r` the rest of it reversed,
/// `s` an element held back while `r` may still grow.
fn split(mut x: Value, mut y: Value, mut l: Value, mut r: Value, desc: bool) -> Phase {
    // Whether `b` may follow `a` in the run.
    let follows = |a: &Value, b: &Value| if desc { le(b, a) } else { le(a, b) };
    let mut rs = Value::Nil;
    let mut s: Option<Value> = None;
    loop {
        let Some((z, rest)) = uncons(&l) else {
            let mut runs = cons(list2(y, x, r), rs);
            if let Some(s) = s {
                runs = cons(Value::list(vec![s]), runs);
            }
            return if desc {
                Phase::Mergel(runs, Value::Nil)
            } else {
                Phase::Rmergel(runs, Value::Nil)
            };
        };
        l = rest;
        if follows(&y, &z) {
            r = cons(std::mem::replace(&mut x, y), r);
            y = z;
        } else if follows(&x, &z) {
            r = cons(std::mem::replace(&mut x, z), r);
        } else if let Some(s) = s.take() {
            rs = cons(list2(y, x, r), rs);
            r = Value::Nil;
            // The two start the next run; equal ones in a different order
            // each way, as OTP has it.
            let s_first = if desc { lt(&z, &s) } else { le(&s, &z) };
            (x, y) = if s_first { (s, z) } else { (z, s) };
        } else if matches!(r, Value::Nil) {
            r = Value::list(vec![z]);
        } else {
            s = Some(z);
        }
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

/// Whether the list has a first element.
fn full(l: &Value) -> bool {
    matches!(l, Value::Cons(_))
}

/// One step of `mergel/2`: the next phase, or `Err(result)` when done.
fn mergel(l: Value, acc: Value) -> Result<Phase, Value> {
    let items: Vec<Value> = l.list_iter().take(3).cloned().collect();
    match items.as_slice() {
        [Value::Nil, ..] => Ok(Phase::Mergel(drop(&l, 1), acc)),
        [_, b, c] if full(b) && full(c) => {
            Ok(Phase::Mergel(drop(&l, 3), cons(merge(&items, false), acc)))
        }
        [_, b] if full(b) => Ok(Phase::Rmergel(cons(merge(&items, false), acc), Value::Nil)),
        [single] if matches!(acc, Value::Nil) => Err(single.clone()),
        [single] => Ok(Phase::Rmergel(
            cons(reverse(single.clone(), Value::Nil), acc),
            Value::Nil,
        )),
        [] if matches!(acc, Value::Nil) => Err(Value::Nil),
        [] => Ok(Phase::Rmergel(acc, Value::Nil)),
        [a, Value::Nil, ..] => Ok(Phase::Mergel(cons(a.clone(), drop(&l, 2)), acc)),
        [a, b, Value::Nil] => Ok(Phase::Mergel(
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
    match items.as_slice() {
        [a, b, _] if full(a) && full(b) => {
            Ok(Phase::Rmergel(drop(&l, 3), cons(merge(&items, true), acc)))
        }
        [a, _] if full(a) => Ok(Phase::Mergel(cons(merge(&items, true), acc), Value::Nil)),
        [single] => Ok(Phase::Mergel(
            cons(reverse(single.clone(), Value::Nil), acc),
            Value::Nil,
        )),
        [] => Ok(Phase::Mergel(acc, Value::Nil)),
        // `rmergel/2` has no other clause: the split phases never build one.
        _ => Err(Value::Nil),
    }
}

/// OTP's `merge3_1`, `merge2_1` and their descending twins `rmerge3_1`,
/// `rmerge2_1`, which all come to one rule: each step moves the least head
/// of the runs (the greatest when `desc`), the earlier run's of equal ones,
/// onto the front of the result, so the merged run comes out the other way
/// round, ready for the next pass. Their many states only save comparisons.
fn merge(runs: &[Value], desc: bool) -> Value {
    let mut rest: Vec<&Value> = runs.iter().collect();
    let mut out = Value::Nil;
    loop {
        let mut pick: Option<(usize, &Value)> = None;
        for (i, run) in rest.iter().enumerate() {
            if let Value::Cons(c) = *run {
                let before = match pick {
                    None => true,
                    Some((_, best)) if desc => lt(best, &c.head),
                    Some((_, best)) => lt(&c.head, best),
                };
                if before {
                    pick = Some((i, &c.head));
                }
            }
        }
        let Some((i, head)) = pick else {
            return out;
        };
        out = cons(head.clone(), out);
        if let Value::Cons(c) = rest[i] {
            rest[i] = &c.tail;
        }
    }
}
