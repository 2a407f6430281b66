//! Pure data functions of Enum, List, Map, Keyword, Tuple, Integer, Float and
//! Atom that take no function arguments (those live in the prelude).

use std::rc::Rc;

use super::kernel::one_based;
use super::{badarg, bif_badarg, int, list, register, Control, NResult, Table};
use crate::atom::Atom;
use crate::bigint::BigInt;
use crate::exception::{self, Exception};
use crate::ops::{self, range_bounds};
use crate::term_order::{compare, strict_equal, MapKey};
use crate::value::{Map, Value};

/// Most elements a range may expand to in one go.
const MAX_EXPAND: i64 = 10_000_000;

/// The elements of an enumerable: a list, a range, or a map (as `{k, v}` tuples).
pub fn enumerate(v: &Value) -> Result<Vec<Value>, Box<Exception>> {
    if let Some((first, last, step)) = range_bounds(v) {
        let count = if (step > 0 && first > last) || (step < 0 && first < last) {
            0
        } else {
            (last - first) / step + 1
        };
        if count > MAX_EXPAND {
            return Err(Box::new(exception::system_limit(&format!(
                "callcast: a range of {count} elements is too large to enumerate in memory"
            ))));
        }
        return Ok((0..count).map(|i| Value::Int(first + i * step)).collect());
    }
    match v {
        Value::Nil | Value::Cons(_) => v.list_to_vec().ok_or_else(|| Box::new(exception::badarg())),
        Value::Map(m) if v.struct_name().is_none() => Ok(m
            .iter()
            .map(|(k, x)| Value::tuple(vec![k.0.clone(), x.clone()]))
            .collect()),
        Value::Map(_) => match map_set_members(v) {
            Some(members) => Ok(members.keys().map(|k| k.0.clone()).collect()),
            None => Err(Box::new(not_enumerable(v))),
        },
        _ => Err(Box::new(not_enumerable(v))),
    }
}

/// The members of a `MapSet` (the keys of its `map` field), which
/// enumerates as `Enumerable.MapSet` does.
fn map_set_members(v: &Value) -> Option<&crate::value::Map> {
    if v.struct_name()? != Atom::intern("Elixir.MapSet") {
        return None;
    }
    match v.map_get(&Value::atom("map"))? {
        Value::Map(m) => Some(m),
        _ => None,
    }
}

fn not_enumerable(v: &Value) -> Exception {
    Exception::error(exception::exception_struct(
        "Protocol.UndefinedError",
        vec![
            ("protocol", Value::atom("Elixir.Enumerable")),
            ("value", v.clone()),
            ("description", Value::string("")),
        ],
    ))
}

pub(super) fn empty_error() -> Control {
    Control::Raise(Exception::error(exception::exception_struct(
        "Enum.EmptyError",
        vec![("message", Value::string("empty error"))],
    )))
}

fn sum(items: &[Value]) -> NResult {
    let mut acc = Value::Int(0);
    for x in items {
        acc = ops::binary(crate::bytecode::BinaryOp::Add, acc, x.clone())?;
    }
    Ok(acc)
}

fn map_of(v: &Value) -> Result<&Map, Box<Exception>> {
    match v {
        Value::Map(m) => Ok(m),
        _ => Err(Box::new(exception::bad_map(v.clone()))),
    }
}

/// Takes the map argument out of the argument list, so that when nothing else
/// holds it (the caller's variable was at its last use) it is updated in place
/// instead of copied.
fn take_map(a: &mut [Value], i: usize) -> Result<Rc<Map>, Box<Exception>> {
    match std::mem::replace(&mut a[i], Value::Nil) {
        Value::Map(m) => Ok(m),
        other => Err(Box::new(exception::bad_map(other))),
    }
}

fn key(v: &Value) -> MapKey {
    MapKey(v.clone())
}

fn ok(v: Value) -> Value {
    Value::tuple(vec![Value::OK, v])
}

fn index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { len + i } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

/// Keyword-list lookup: the value of the first `{key, value}`.
fn kw_get(list: &Value, k: &Value) -> Option<Value> {
    list.list_iter().find_map(|item| match item {
        Value::Tuple(kv) if kv.len() == 2 && strict_equal(&kv[0], k) => Some(kv[1].clone()),
        _ => None,
    })
}

fn slice(items: Vec<Value>, start: i64, amount: i64) -> Value {
    let len = items.len() as i64;
    let start = if start < 0 {
        (len + start).max(0)
    } else {
        start
    };
    if start >= len || amount <= 0 {
        return Value::Nil;
    }
    let end = (start + amount).min(len);
    Value::list(items[start as usize..end as usize].to_vec())
}

/// `Keyword.keys/1` and `Keyword.values/1`: element `index` of each pair.
fn pair_elements(keywords: &Value, index: usize) -> NResult {
    Ok(Value::list(
        list(keywords)?
            .iter()
            .filter_map(|x| match x {
                Value::Tuple(t) if t.len() == 2 => Some(t[index].clone()),
                _ => None,
            })
            .collect(),
    ))
}

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.Enum",
        &[
            ("to_list", 1, |_, a| Ok(Value::list(enumerate(&a[0])?))),
            ("count", 1, |_, a| {
                if let Some((f, l, s)) = range_bounds(&a[0]) {
                    let n = if (s > 0 && f > l) || (s < 0 && f < l) {
                        0
                    } else {
                        (l - f) / s + 1
                    };
                    return Ok(Value::Int(n));
                }
                Ok(Value::Int(enumerate(&a[0])?.len() as i64))
            }),
            ("sum", 1, |_, a| {
                if let Some((f, l, s)) = range_bounds(&a[0]) {
                    if s == 1 && l >= f {
                        let n = BigInt::from(i128::from(l) - i128::from(f) + 1);
                        let ends = BigInt::from(i128::from(f) + i128::from(l));
                        // One of the two factors is even: halving is exact.
                        return Ok(Value::from_bigint((ends * n) >> 1));
                    }
                }
                sum(&enumerate(&a[0])?)
            }),
            ("product", 1, |_, a| {
                let mut acc = Value::Int(1);
                for x in enumerate(&a[0])? {
                    acc = ops::binary(crate::bytecode::BinaryOp::Mul, acc, x)?;
                }
                Ok(acc)
            }),
            ("reverse", 1, |_, a| {
                let mut v = enumerate(&a[0])?;
                v.reverse();
                Ok(Value::list(v))
            }),
            ("reverse", 2, |_, a| {
                let mut v = enumerate(&a[0])?;
                v.reverse();
                Ok(Value::list_with_tail(v, a[1].clone()))
            }),
            // A list is sorted by `:lists.sort/1`; anything else by a stable
            // merge sort with `<=`, as Elixir does.
            ("sort", 1, |_, a| {
                let mut v = enumerate(&a[0])?;
                if matches!(a[0], Value::Nil | Value::Cons(_)) {
                    return Ok(super::lists_sort::sort(v));
                }
                v.sort_by(compare);
                Ok(Value::list(v))
            }),
            // `Enum.sort(enumerable, :desc)`: a stable sort with `>=`.
            ("__sort_desc__", 1, |_, a| {
                // Reversed, sorted ascending, reversed back: descending, with
                // equal elements in their first order, through the one
                // instance of the standard sort the runtime has already.
                let mut v = enumerate(&a[0])?;
                v.reverse();
                v.sort_by(compare);
                v.reverse();
                Ok(Value::list(v))
            }),
            ("member?", 2, |_, a| {
                if range_bounds(&a[0]).is_some()
                    || matches!(a[0], Value::Nil | Value::Cons(_) | Value::Map(_))
                {
                    return Ok(Value::bool(ops::member(&a[1], &a[0])?));
                }
                Err(not_enumerable(&a[0]).into())
            }),
            ("at", 2, |_, a| {
                let v = enumerate(&a[0])?;
                Ok(index(int(&a[1])?, v.len()).map_or(Value::NIL_ATOM, |i| v[i].clone()))
            }),
            ("at", 3, |_, a| {
                let v = enumerate(&a[0])?;
                Ok(index(int(&a[1])?, v.len()).map_or(a[2].clone(), |i| v[i].clone()))
            }),
            ("fetch", 2, |_, a| {
                let v = enumerate(&a[0])?;
                Ok(index(int(&a[1])?, v.len()).map_or(Value::atom("error"), |i| ok(v[i].clone())))
            }),
            ("fetch!", 2, |_, a| {
                let v = enumerate(&a[0])?;
                let i = int(&a[1])?;
                match index(i, v.len()) {
                    Some(i) => Ok(v[i].clone()),
                    None => Err(Control::Raise(Exception::error(
                        exception::exception_struct(
                            "Enum.OutOfBoundsError",
                            vec![("message", Value::string("out of bounds error"))],
                        ),
                    ))),
                }
            }),
            ("join", 1, |_, a| join(&a[0], "")),
            ("join", 2, |_, a| join(&a[0], super::str_arg(&a[1])?)),
            ("take", 2, |_, a| {
                let n = int(&a[1])?;
                // The head of a range, however long, without expanding it.
                if let (Some((first, last, step)), true) = (range_bounds(&a[0]), n >= 0) {
                    let items = (0..n)
                        .map(|i| first.saturating_add(i.saturating_mul(step)))
                        .take_while(|x| if step > 0 { *x <= last } else { *x >= last })
                        .map(Value::Int)
                        .collect();
                    return Ok(Value::list(items));
                }
                let v = enumerate(&a[0])?;
                Ok(if n >= 0 {
                    Value::list(v.into_iter().take(n as usize).collect())
                } else {
                    let skip = (v.len() as i64 + n).max(0) as usize;
                    Value::list(v.into_iter().skip(skip).collect())
                })
            }),
            ("drop", 2, |_, a| {
                let v = enumerate(&a[0])?;
                let n = int(&a[1])?;
                Ok(if n >= 0 {
                    Value::list(v.into_iter().skip(n as usize).collect())
                } else {
                    let keep = (v.len() as i64 + n).max(0) as usize;
                    Value::list(v.into_iter().take(keep).collect())
                })
            }),
            ("max", 1, |_, a| {
                let v = enumerate(&a[0])?;
                v.into_iter()
                    .reduce(|m, x| if compare(&x, &m).is_gt() { x } else { m })
                    .ok_or_else(empty_error)
            }),
            ("min", 1, |_, a| {
                let v = enumerate(&a[0])?;
                v.into_iter()
                    .reduce(|m, x| if compare(&x, &m).is_lt() { x } else { m })
                    .ok_or_else(empty_error)
            }),
            ("uniq", 1, |_, a| {
                let mut seen = std::collections::BTreeSet::new();
                let v: Vec<Value> = enumerate(&a[0])?
                    .into_iter()
                    .filter(|x| seen.insert(key(x)))
                    .collect();
                Ok(Value::list(v))
            }),
            ("dedup", 1, |_, a| {
                let mut out: Vec<Value> = Vec::new();
                for x in enumerate(&a[0])? {
                    if out.last().is_none_or(|l| !strict_equal(l, &x)) {
                        out.push(x);
                    }
                }
                Ok(Value::list(out))
            }),
            ("zip", 2, |_, a| {
                let (x, y) = (enumerate(&a[0])?, enumerate(&a[1])?);
                Ok(Value::list(
                    x.into_iter()
                        .zip(y)
                        .map(|(p, q)| Value::tuple(vec![p, q]))
                        .collect(),
                ))
            }),
            ("with_index", 1, |_, a| {
                let v = enumerate(&a[0])?;
                Ok(Value::list(
                    v.into_iter()
                        .enumerate()
                        .map(|(i, x)| Value::tuple(vec![x, Value::Int(i as i64)]))
                        .collect(),
                ))
            }),
            ("with_index", 2, |_, a| {
                let v = enumerate(&a[0])?;
                let off = int(&a[1])?;
                Ok(Value::list(
                    v.into_iter()
                        .enumerate()
                        .map(|(i, x)| Value::tuple(vec![x, Value::Int(i as i64 + off)]))
                        .collect(),
                ))
            }),
            ("concat", 1, |_, a| {
                let mut out = Vec::new();
                for x in enumerate(&a[0])? {
                    out.extend(enumerate(&x)?);
                }
                Ok(Value::list(out))
            }),
            ("concat", 2, |_, a| {
                let mut out = enumerate(&a[0])?;
                out.extend(enumerate(&a[1])?);
                Ok(Value::list(out))
            }),
            ("empty?", 1, |_, a| {
                Ok(Value::bool(enumerate(&a[0])?.is_empty()))
            }),
            ("frequencies", 1, |_, a| {
                let mut m = Map::new();
                for x in enumerate(&a[0])? {
                    let e = m.entry(key(&x)).or_insert(Value::Int(0));
                    if let Value::Int(n) = e {
                        *n += 1;
                    }
                }
                Ok(Value::map(m))
            }),
            ("slice", 3, |_, a| {
                Ok(slice(enumerate(&a[0])?, int(&a[1])?, int(&a[2])?))
            }),
            ("slice", 2, |_, a| {
                let v = enumerate(&a[0])?;
                let Some((f, l, _)) = range_bounds(&a[1]) else {
                    return badarg();
                };
                let len = v.len() as i64;
                let f = if f < 0 { len + f } else { f };
                let l = if l < 0 { len + l } else { l };
                Ok(slice(v, f, l - f + 1))
            }),
            ("split", 2, |_, a| {
                let v = enumerate(&a[0])?;
                let n = int(&a[1])?;
                let at = if n >= 0 {
                    (n as usize).min(v.len())
                } else {
                    (v.len() as i64 + n).max(0) as usize
                };
                let (x, y) = v.split_at(at);
                Ok(Value::tuple(vec![
                    Value::list(x.to_vec()),
                    Value::list(y.to_vec()),
                ]))
            }),
            ("__enumerable__", 1, |_, a| {
                Ok(Value::list(enumerate(&a[0])?))
            }),
        ],
    );
    register(
        t,
        "Elixir.Map",
        &[
            ("get", 2, |_, a| {
                Ok(map_of(&a[0])?
                    .get(&key(&a[1]))
                    .cloned()
                    .unwrap_or(Value::NIL_ATOM))
            }),
            ("get", 3, |_, a| {
                Ok(map_of(&a[0])?
                    .get(&key(&a[1]))
                    .cloned()
                    .unwrap_or_else(|| a[2].clone()))
            }),
            ("fetch", 2, |_, a| {
                Ok(map_of(&a[0])?
                    .get(&key(&a[1]))
                    .map_or(Value::atom("error"), |v| ok(v.clone())))
            }),
            ("fetch!", 2, |_, a| match map_of(&a[0])?.get(&key(&a[1])) {
                Some(v) => Ok(v.clone()),
                None => {
                    // `Map.fetch!/2` is `:erlang.map_get/2`, whose call the BEAM
                    // reports as the top of the stack.
                    let e = exception::bad_key(a[1].clone());
                    Err(Control::Raise(exception::in_bif(
                        e,
                        "map_get",
                        vec![a[1].clone(), a[0].clone()],
                    )))
                }
            }),
            ("put", 3, |_, a| {
                let mut m = take_map(a, 0)?;
                let v = std::mem::replace(&mut a[2], Value::Nil);
                Rc::make_mut(&mut m).insert(key(&a[1]), v);
                Ok(Value::Map(m))
            }),
            ("put_new", 3, |_, a| {
                let mut m = take_map(a, 0)?;
                if !m.contains_key(&key(&a[1])) {
                    Rc::make_mut(&mut m).insert(key(&a[1]), a[2].clone());
                }
                Ok(Value::Map(m))
            }),
            ("delete", 2, |_, a| {
                let mut m = take_map(a, 0)?;
                if m.contains_key(&key(&a[1])) {
                    Rc::make_mut(&mut m).remove(&key(&a[1]));
                }
                Ok(Value::Map(m))
            }),
            ("merge", 2, |_, a| {
                // Both must be maps before either is taken apart.
                map_of(&a[1])?;
                map_of(&a[0])?;
                let mut m = take_map(a, 0)?;
                let right = map_of(&a[1])?;
                if m.is_empty() {
                    return Ok(a[1].clone());
                }
                let target = Rc::make_mut(&mut m);
                for (k, v) in right {
                    target.insert(k.clone(), v.clone());
                }
                Ok(Value::Map(m))
            }),
            ("keys", 1, |_, a| {
                Ok(Value::list(
                    map_of(&a[0])?.keys().map(|k| k.0.clone()).collect(),
                ))
            }),
            ("values", 1, |_, a| {
                Ok(Value::list(map_of(&a[0])?.values().cloned().collect()))
            }),
            ("to_list", 1, |_, a| {
                Ok(Value::list(
                    map_of(&a[0])?
                        .iter()
                        .map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()]))
                        .collect(),
                ))
            }),
            ("new", 0, |_, _| Ok(Value::map(Map::new()))),
            ("new", 1, |_, a| {
                let mut m = Map::new();
                for item in enumerate(&a[0])? {
                    match item {
                        Value::Tuple(kv) if kv.len() == 2 => {
                            m.insert(key(&kv[0]), kv[1].clone());
                        }
                        _ => return badarg(),
                    }
                }
                Ok(Value::map(m))
            }),
            ("has_key?", 2, |_, a| {
                Ok(Value::bool(map_of(&a[0])?.contains_key(&key(&a[1]))))
            }),
            ("take", 2, |_, a| {
                let m = map_of(&a[0])?;
                let mut out = Map::new();
                for k in list(&a[1])? {
                    if let Some(v) = m.get(&key(&k)) {
                        out.insert(key(&k), v.clone());
                    }
                }
                Ok(Value::map(out))
            }),
            ("drop", 2, |_, a| {
                let mut m = map_of(&a[0])?.clone();
                for k in list(&a[1])? {
                    m.remove(&key(&k));
                }
                Ok(Value::map(m))
            }),
            ("pop", 2, |_, a| pop(&a[0], &a[1], Value::NIL_ATOM)),
            ("pop", 3, |_, a| pop(&a[0], &a[1], a[2].clone())),
            ("replace!", 3, |_, a| {
                let items = vec![a[1].clone(), a[2].clone()];
                Ok(ops::update_map(
                    std::mem::replace(&mut a[0], Value::Nil),
                    items,
                )?)
            }),
            ("from_struct", 1, |_, a| {
                let mut m = map_of(&a[0])?.clone();
                m.remove(&MapKey(Value::Atom(Atom::STRUCT)));
                Ok(Value::map(m))
            }),
            ("equal?", 2, |_, a| {
                Ok(Value::bool(strict_equal(&a[0], &a[1])))
            }),
        ],
    );
    register(
        t,
        "Elixir.List",
        &[
            ("first", 1, |_, a| {
                Ok(list(&a[0])?.first().cloned().unwrap_or(Value::NIL_ATOM))
            }),
            ("first", 2, |_, a| {
                Ok(list(&a[0])?
                    .first()
                    .cloned()
                    .unwrap_or_else(|| a[1].clone()))
            }),
            ("last", 1, |_, a| {
                Ok(list(&a[0])?.last().cloned().unwrap_or(Value::NIL_ATOM))
            }),
            ("last", 2, |_, a| {
                Ok(list(&a[0])?.last().cloned().unwrap_or_else(|| a[1].clone()))
            }),
            ("flatten", 1, |_, a| {
                let mut out = Vec::new();
                flatten(&a[0], &mut out)?;
                Ok(Value::list(out))
            }),
            ("delete", 2, |_, a| {
                let mut v = list(&a[0])?;
                if let Some(i) = v.iter().position(|x| strict_equal(x, &a[1])) {
                    v.remove(i);
                }
                Ok(Value::list(v))
            }),
            ("delete_at", 2, |_, a| {
                let mut v = list(&a[0])?;
                if let Some(i) = index(int(&a[1])?, v.len()) {
                    v.remove(i);
                }
                Ok(Value::list(v))
            }),
            ("insert_at", 3, |_, a| {
                let mut v = list(&a[0])?;
                let i = int(&a[1])?;
                let len = v.len() as i64;
                let at = if i < 0 {
                    (len + i + 1).max(0)
                } else {
                    i.min(len)
                } as usize;
                v.insert(at, a[2].clone());
                Ok(Value::list(v))
            }),
            ("replace_at", 3, |_, a| {
                let mut v = list(&a[0])?;
                if let Some(i) = index(int(&a[1])?, v.len()) {
                    v[i] = a[2].clone();
                }
                Ok(Value::list(v))
            }),
            ("duplicate", 2, |_, a| {
                let n = int(&a[1])?;
                if !(0..=MAX_EXPAND).contains(&n) {
                    return badarg();
                }
                Ok(Value::list(vec![a[0].clone(); n as usize]))
            }),
            ("wrap", 1, |_, a| {
                Ok(match &a[0] {
                    Value::Nil | Value::Cons(_) => a[0].clone(),
                    Value::Atom(x) if *x == Atom::NIL => Value::Nil,
                    other => Value::list(vec![other.clone()]),
                })
            }),
            ("to_tuple", 1, |_, a| match a[0].list_to_vec() {
                Some(items) => Ok(Value::tuple(items)),
                None => bif_badarg("list_to_tuple", a),
            }),
            ("zip", 1, |_, a| {
                let lists: Vec<Vec<Value>> =
                    list(&a[0])?.iter().map(list).collect::<Result<_, _>>()?;
                let n = lists.iter().map(Vec::len).min().unwrap_or(0);
                Ok(Value::list(
                    (0..n)
                        .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
                        .collect(),
                ))
            }),
            ("keyfind", 3, |_, a| {
                let pos = int(&a[2])? as usize;
                Ok(list(&a[0])?
                    .into_iter()
                    .find(|x| matches!(x, Value::Tuple(t) if t.len() > pos && strict_equal(&t[pos], &a[1])))
                    .unwrap_or(Value::NIL_ATOM))
            }),
            ("to_string", 1, |_, a| {
                Ok(Value::string(&crate::ops::to_string(&a[0])?))
            }),
        ],
    );
    register(
        t,
        "Elixir.Keyword",
        &[
            ("get", 2, |_, a| {
                Ok(kw_get(&a[0], &a[1]).unwrap_or(Value::NIL_ATOM))
            }),
            ("get", 3, |_, a| {
                Ok(kw_get(&a[0], &a[1]).unwrap_or_else(|| a[2].clone()))
            }),
            ("fetch", 2, |_, a| {
                Ok(kw_get(&a[0], &a[1]).map_or(Value::atom("error"), ok))
            }),
            ("fetch!", 2, |_, a| {
                kw_get(&a[0], &a[1]).ok_or_else(|| {
                    Control::Raise(exception::key_error_struct(a[1].clone(), a[0].clone()))
                })
            }),
            ("has_key?", 2, |_, a| {
                Ok(Value::bool(kw_get(&a[0], &a[1]).is_some()))
            }),
            ("keys", 1, |_, a| pair_elements(&a[0], 0)),
            ("values", 1, |_, a| pair_elements(&a[0], 1)),
            ("delete", 2, |_, a| {
                Ok(Value::list(list(&a[0])?.into_iter().filter(|x| !matches!(x, Value::Tuple(t) if t.len() == 2 && strict_equal(&t[0], &a[1]))).collect()))
            }),
            ("put", 3, |_, a| {
                let mut v: Vec<Value> = list(&a[0])?.into_iter().filter(|x| !matches!(x, Value::Tuple(t) if t.len() == 2 && strict_equal(&t[0], &a[1]))).collect();
                v.insert(0, Value::tuple(vec![a[1].clone(), a[2].clone()]));
                Ok(Value::list(v))
            }),
            ("merge", 2, |_, a| {
                let right = list(&a[1])?;
                let mut v: Vec<Value> = list(&a[0])?
                    .into_iter()
                    .filter(|x| match x {
                        Value::Tuple(t) if t.len() == 2 => kw_get(&a[1], &t[0]).is_none(),
                        _ => true,
                    })
                    .collect();
                v.extend(right);
                Ok(Value::list(v))
            }),
            ("new", 0, |_, _| Ok(Value::Nil)),
        ],
    );
    register(
        t,
        "Elixir.Tuple",
        &[
            ("to_list", 1, |_, a| match &a[0] {
                Value::Tuple(t) => Ok(Value::list(t.to_vec())),
                _ => bif_badarg("tuple_to_list", a),
            }),
            ("insert_at", 3, |_, a| match (&a[0], &a[1]) {
                (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) <= t.len() => {
                    let mut v = t.to_vec();
                    v.insert(*i as usize, a[2].clone());
                    Ok(Value::tuple(v))
                }
                _ => Err(Control::Raise(one_based("insert_element", a, 1)?)),
            }),
            ("delete_at", 2, |_, a| match (&a[0], &a[1]) {
                (Value::Tuple(t), Value::Int(i)) if *i >= 0 && (*i as usize) < t.len() => {
                    let mut v = t.to_vec();
                    v.remove(*i as usize);
                    Ok(Value::tuple(v))
                }
                _ => Err(Control::Raise(one_based("delete_element", a, 1)?)),
            }),
            ("sum", 1, |_, a| match &a[0] {
                Value::Tuple(t) => sum(t),
                _ => bif_badarg("tuple_size", a),
            }),
            ("append", 2, |_, a| match &a[0] {
                Value::Tuple(t) => {
                    let mut v = t.to_vec();
                    v.push(a[1].clone());
                    Ok(Value::tuple(v))
                }
                _ => bif_badarg("append_element", a),
            }),
            ("duplicate", 2, |_, a| {
                Ok(Value::tuple(vec![
                    a[0].clone();
                    int(&a[1])?.max(0) as usize
                ]))
            }),
        ],
    );
    register(
        t,
        "Elixir.Integer",
        &[
            ("to_string", 1, |_, a| match &a[0] {
                Value::Int(_) | Value::BigInt(_) => {
                    Ok(Value::string(&crate::ops::to_string(&a[0])?))
                }
                _ => bif_badarg("integer_to_binary", a),
            }),
            ("is_even", 1, |_, a| Ok(Value::bool(int(&a[0])? % 2 == 0))),
            ("is_odd", 1, |_, a| Ok(Value::bool(int(&a[0])? % 2 != 0))),
            ("mod", 2, |_, a| {
                let (x, y) = (int(&a[0])?, int(&a[1])?);
                if y == 0 {
                    return Err(Control::Raise(exception::badarith()));
                }
                let r = x % y;
                Ok(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                }))
            }),
            ("floor_div", 2, |_, a| {
                let (x, y) = (int(&a[0])?, int(&a[1])?);
                if y == 0 {
                    return Err(Control::Raise(exception::badarith()));
                }
                let q = x / y;
                Ok(Value::Int(if x % y != 0 && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }))
            }),
            ("gcd", 2, |_, a| {
                let (mut x, mut y) = (int(&a[0])?.abs(), int(&a[1])?.abs());
                while y != 0 {
                    (x, y) = (y, x % y);
                }
                Ok(Value::Int(x))
            }),
            ("pow", 2, |_, a| {
                let e = int(&a[1])?;
                if e < 0 {
                    return Err(Control::Raise(exception::badarith()));
                }
                Ok(ops::integer_pow(&a[0], e as u64, "Integer.pow/2")?)
            }),
        ],
    );
    register(
        t,
        "lists",
        &[
            ("reverse", 1, |_, a| {
                let mut v = list(&a[0])?;
                v.reverse();
                Ok(Value::list(v))
            }),
            ("reverse", 2, |_, a| {
                let mut v = list(&a[0])?;
                v.reverse();
                Ok(Value::list_with_tail(v, a[1].clone()))
            }),
            ("sort", 1, |_, a| Ok(super::lists_sort::sort(list(&a[0])?))),
            ("member", 2, |_, a| {
                Ok(Value::bool(
                    list(&a[1])?.iter().any(|x| strict_equal(x, &a[0])),
                ))
            }),
            ("seq", 2, |_, a| {
                let (f, l) = (int(&a[0])?, int(&a[1])?);
                if l - f > MAX_EXPAND {
                    return badarg();
                }
                Ok(Value::list((f..=l).map(Value::Int).collect()))
            }),
        ],
    );
    register(
        t,
        "maps",
        &[
            ("get", 2, |_, a| {
                map_of(&a[1])?.get(&key(&a[0])).cloned().ok_or_else(|| {
                    let e = exception::bad_key(a[0].clone());
                    Control::Raise(exception::in_bif(e, "map_get", a.to_vec()))
                })
            }),
            ("put", 3, |_, a| {
                let mut m = take_map(a, 2)?;
                let v = std::mem::replace(&mut a[1], Value::Nil);
                Rc::make_mut(&mut m).insert(key(&a[0]), v);
                Ok(Value::Map(m))
            }),
        ],
    );
}

fn pop(m: &Value, k: &Value, default: Value) -> NResult {
    let mut map = map_of(m)?.clone();
    let v = map.remove(&key(k)).unwrap_or(default);
    Ok(Value::tuple(vec![v, Value::Map(Rc::new(map))]))
}

fn flatten(v: &Value, out: &mut Vec<Value>) -> Result<(), Control> {
    for x in list(v)? {
        match x {
            Value::Nil | Value::Cons(_) => flatten(&x, out)?,
            other => out.push(other),
        }
    }
    Ok(())
}

fn join(v: &Value, sep: &str) -> NResult {
    let mut out = String::new();
    for (i, x) in enumerate(v)?.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&crate::ops::to_string(x)?);
    }
    Ok(Value::string(&out))
}
