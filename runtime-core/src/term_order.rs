//! Erlang's term order (`number < atom < reference < function < port < pid < tuple <
//! map < list < bitstring`), `==` versus `===`, and the key order of maps.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::bigint::BigInt;
use crate::value::{Closure, Value};

/// Compares two terms as `<`, `>`, `==` do: numbers by value, so `1 == 1.0`.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    cmp(a, b, false)
}

/// Compares two terms as `===` and map keys do: like [`compare`], but integers and
/// floats never compare equal, and every integer sorts before every float (Erlang's
/// map-key order).
pub fn compare_exact(a: &Value, b: &Value) -> Ordering {
    cmp(a, b, true)
}

/// `==`
pub fn equal(a: &Value, b: &Value) -> bool {
    same_scalar(a, b).unwrap_or_else(|| compare(a, b) == Ordering::Equal)
}

/// `===`
pub fn strict_equal(a: &Value, b: &Value) -> bool {
    same_scalar(a, b).unwrap_or_else(|| compare_exact(a, b) == Ordering::Equal)
}

/// Equality of two terms of the same immediate kind (the usual case when a
/// pattern pins a reference or a pid), where `==` and `===` agree; `None` for
/// anything else.
#[inline]
fn same_scalar(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Atom(x), Value::Atom(y)) => Some(x == y),
        (Value::Pid(x), Value::Pid(y)) => Some(x == y),
        (Value::Ref(x), Value::Ref(y)) => Some(x == y),
        _ => None,
    }
}

/// A map key: a term ordered by [`compare_exact`].
#[derive(Clone)]
pub struct MapKey(pub Value);

impl PartialEq for MapKey {
    fn eq(&self, other: &Self) -> bool {
        compare_exact(&self.0, &other.0) == Ordering::Equal
    }
}
impl Eq for MapKey {}
impl PartialOrd for MapKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for MapKey {
    fn cmp(&self, other: &Self) -> Ordering {
        compare_exact(&self.0, &other.0)
    }
}

fn rank(v: &Value) -> u8 {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) => 0,
        Value::Atom(_) => 1,
        Value::Ref(_) => 2,
        Value::Fun(_) => 3,
        Value::Pid(_) => 5,
        Value::Tuple(_) => 6,
        Value::Map(_) => 7,
        Value::Nil | Value::Cons(_) => 8,
        Value::Str(_) => 9,
    }
}

fn cmp(a: &Value, b: &Value, exact: bool) -> Ordering {
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Int(_) | Value::BigInt(_), Value::Int(_) | Value::BigInt(_)) => {
            to_big(a).cmp(&to_big(b))
        }
        // In the exact order (map keys) every integer sorts before every float, at
        // any depth: `%{1.5 => :f, 2 => :i}` prints `%{2 => :i, 1.5 => :f}`.
        (Value::Float(_), _) if exact => Ordering::Greater,
        (_, Value::Float(_)) if exact => Ordering::Less,
        (Value::Float(x), _) => cmp_float_int(*x, b),
        (_, Value::Float(y)) => cmp_float_int(*y, a).reverse(),
        (Value::Atom(x), Value::Atom(y)) => {
            if x == y {
                Ordering::Equal
            } else {
                x.name().cmp(y.name())
            }
        }
        (Value::Ref(x), Value::Ref(y)) => x.cmp(y),
        (Value::Pid(x), Value::Pid(y)) => x.cmp(y),
        (Value::Fun(x), Value::Fun(y)) => cmp_funs(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => x
            .len()
            .cmp(&y.len())
            .then_with(|| cmp_seq(x.iter(), y.iter(), exact)),
        (Value::Map(x), Value::Map(y)) => x
            .len()
            .cmp(&y.len())
            .then_with(|| cmp_seq(x.keys().map(|k| &k.0), y.keys().map(|k| &k.0), true))
            .then_with(|| cmp_seq(x.values(), y.values(), exact)),
        (Value::Nil | Value::Cons(_), Value::Nil | Value::Cons(_)) => cmp_lists(a, b, exact),
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        _ => Ordering::Equal,
    }
}

fn to_big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::default(),
    }
}

fn cmp_float_int(x: f64, int: &Value) -> Ordering {
    let y = match int {
        Value::Int(i) => *i as f64,
        Value::BigInt(b) => b.to_f64(),
        _ => 0.0,
    };
    x.partial_cmp(&y).unwrap_or(Ordering::Equal)
}

fn cmp_funs(x: &Rc<Closure>, y: &Rc<Closure>) -> Ordering {
    // Any fixed order will do; identity first so a function equals itself.
    if Rc::ptr_eq(x, y) {
        return Ordering::Equal;
    }
    match (&**x, &**y) {
        (
            Closure::External {
                module: m1,
                function: f1,
                arity: a1,
            },
            Closure::External {
                module: m2,
                function: f2,
                arity: a2,
            },
        ) => m1
            .name()
            .cmp(m2.name())
            .then_with(|| f1.name().cmp(f2.name()))
            .then_with(|| a1.cmp(a2)),
        (Closure::External { .. }, Closure::Lambda { .. }) => Ordering::Greater,
        (Closure::Lambda { .. }, Closure::External { .. }) => Ordering::Less,
        (
            Closure::Lambda {
                function: f1,
                env: e1,
            },
            Closure::Lambda {
                function: f2,
                env: e2,
            },
        ) => (Rc::as_ptr(f1) as usize)
            .cmp(&(Rc::as_ptr(f2) as usize))
            .then_with(|| cmp_seq(e1.iter(), e2.iter(), true)),
    }
}

fn cmp_seq<'a>(
    mut xs: impl Iterator<Item = &'a Value>,
    mut ys: impl Iterator<Item = &'a Value>,
    exact: bool,
) -> Ordering {
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let o = cmp(x, y, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

fn cmp_lists(mut a: &Value, mut b: &Value, exact: bool) -> Ordering {
    loop {
        match (a, b) {
            (Value::Cons(x), Value::Cons(y)) => {
                let o = cmp(&x.head, &y.head, exact);
                if o != Ordering::Equal {
                    return o;
                }
                a = &x.tail;
                b = &y.tail;
            }
            // The shorter list sorts first; improper tails compare as terms.
            (Value::Nil, Value::Nil) => return Ordering::Equal,
            (Value::Nil, Value::Cons(_)) => return Ordering::Less,
            (Value::Cons(_), Value::Nil) => return Ordering::Greater,
            _ => return cmp(a, b, exact),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_order_as_in_erlang() {
        let sorted = [
            Value::Int(3),
            Value::atom("atom"),
            Value::tuple(vec![Value::Int(1)]),
            Value::map(Default::default()),
            Value::Nil,
            Value::string("str"),
        ];
        for w in sorted.windows(2) {
            assert_eq!(compare(&w[0], &w[1]), Ordering::Less);
        }
    }

    #[test]
    fn int_and_float_equal_but_not_strictly() {
        assert!(equal(&Value::Int(1), &Value::Float(1.0)));
        assert!(!strict_equal(&Value::Int(1), &Value::Float(1.0)));
        assert_eq!(
            compare_exact(&Value::Int(1), &Value::Float(1.0)),
            Ordering::Less
        );
    }

    #[test]
    fn shorter_tuples_sort_first_and_lists_compare_elementwise() {
        let t1 = Value::tuple(vec![Value::Int(9)]);
        let t2 = Value::tuple(vec![Value::Int(1), Value::Int(2)]);
        assert_eq!(compare(&t1, &t2), Ordering::Less);
        let l1 = Value::list(vec![Value::Int(1), Value::Int(2)]);
        let l2 = Value::list(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        assert_eq!(compare(&l1, &l2), Ordering::Less);
    }
}
