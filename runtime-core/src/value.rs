//! Terms: the values a callcast program computes with, cheap to clone (`Rc`-shared,
//! immutable), exactly the kinds of term Elixir has.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::atom::Atom;
use crate::bigint::BigInt;
use crate::bytecode::Function;
use crate::term_order::MapKey;

/// A process identifier, printed `#PID<0.N.0>`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize)]
pub struct Pid(pub u32);

/// A reference (`make_ref/0`, monitors, timers), printed `#Reference<0.0.0.N>`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize)]
pub struct Ref(pub u64);

/// One term.
#[derive(Clone)]
pub enum Value {
    /// An integer that fits in 64 bits.
    Int(i64),
    /// An integer that does not fit in 64 bits (never holds a value that would).
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// An atom, including `nil`, `true` and `false`.
    Atom(Atom),
    /// A binary holding UTF-8 text (an Elixir string).
    Str(Rc<str>),
    /// The empty list `[]`.
    Nil,
    /// A list cell `[head | tail]`; `tail` need not be a list (improper lists).
    Cons(Rc<Cons>),
    /// A tuple.
    Tuple(Rc<[Value]>),
    /// A map (structs are maps with a `:__struct__` key).
    Map(Rc<Map>),
    /// A function value.
    Fun(Rc<Closure>),
    /// A process identifier.
    Pid(Pid),
    /// A reference.
    Ref(Ref),
}

/// A list cell.
pub struct Cons {
    /// The first element.
    pub head: Value,
    /// The rest of the list (`Value::Nil` ends a proper list).
    pub tail: Value,
}

impl Drop for Cons {
    // Dropping a long list must not recurse once per cell, or a list of a million
    // elements would overflow the host stack.
    fn drop(&mut self) {
        let mut tail = std::mem::replace(&mut self.tail, Value::Nil);
        while let Value::Cons(rc) = tail {
            match Rc::try_unwrap(rc) {
                Ok(mut cell) => tail = std::mem::replace(&mut cell.tail, Value::Nil),
                Err(_) => break,
            }
        }
    }
}

/// The contents of a map, ordered by Erlang's map-key order (which is how Elixir
/// prints small maps).
pub type Map = BTreeMap<MapKey, Value>;

/// The variables a closure captured. None or one is held inline, many in a
/// slice of their own: a closure over one variable (`spawn(fn -> ... end)`
/// around a pid) is then one allocation, not two.
pub enum Env {
    /// Nothing captured.
    Empty,
    /// One captured variable.
    One(Value),
    /// Two or more.
    Many(Box<[Value]>),
}

impl std::ops::Deref for Env {
    type Target = [Value];

    fn deref(&self) -> &[Value] {
        match self {
            Env::Empty => &[],
            Env::One(v) => std::slice::from_ref(v),
            Env::Many(vs) => vs,
        }
    }
}

/// A function value: an anonymous function with its captured variables, or a
/// capture of a named function (`&Mod.fun/2`).
pub enum Closure {
    /// `fn ... end` or `&(&1 + 1)`: compiled code plus the values it captured.
    Lambda {
        /// The compiled body.
        function: Rc<Function>,
        /// Captured variables, in the order the compiled code expects them.
        env: Env,
    },
    /// `&Mod.fun/arity`.
    External {
        /// The module.
        module: Atom,
        /// The function name.
        function: Atom,
        /// The arity.
        arity: usize,
    },
}

impl Closure {
    /// How many arguments the function takes.
    pub fn arity(&self) -> usize {
        match self {
            Closure::Lambda { function, .. } => function.arity,
            Closure::External { arity, .. } => *arity,
        }
    }
}

impl Value {
    /// `nil`
    pub const NIL_ATOM: Value = Value::Atom(Atom::NIL);
    /// `true`
    pub const TRUE: Value = Value::Atom(Atom::TRUE);
    /// `false`
    pub const FALSE: Value = Value::Atom(Atom::FALSE);
    /// `:ok`
    pub const OK: Value = Value::Atom(Atom::OK);

    /// An atom value from its name.
    pub fn atom(name: &str) -> Value {
        Value::Atom(Atom::intern(name))
    }

    /// A boolean atom.
    pub fn bool(b: bool) -> Value {
        Value::Atom(Atom::from_bool(b))
    }

    /// A string (binary) value.
    pub fn string(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    /// A tuple from its elements.
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(items))
    }

    /// A proper list from its elements.
    pub fn list(items: Vec<Value>) -> Value {
        Value::list_with_tail(items, Value::Nil)
    }

    /// A list from its elements and a final tail (`[a, b | tail]`).
    pub fn list_with_tail(items: Vec<Value>, tail: Value) -> Value {
        items
            .into_iter()
            .rev()
            .fold(tail, |tail, head| Value::Cons(Rc::new(Cons { head, tail })))
    }

    /// `[head | tail]`.
    pub fn cons(head: Value, tail: Value) -> Value {
        Value::Cons(Rc::new(Cons { head, tail }))
    }

    /// A map value.
    pub fn map(map: Map) -> Value {
        Value::Map(Rc::new(map))
    }

    /// An integer from a big integer, normalised to `Int` when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(n)),
        }
    }

    /// Whether this is the atom `true`.
    pub fn is_true(&self) -> bool {
        matches!(self, Value::Atom(a) if *a == Atom::TRUE)
    }

    /// Drops the value, skipping the out-of-line drop code for the kinds that
    /// own no heap memory: the interpreter drops many small values per
    /// instruction, and most of them are integers, atoms and `[]`.
    #[inline(always)]
    pub fn discard(self) {
        match self {
            Value::Int(_)
            | Value::Float(_)
            | Value::Atom(_)
            | Value::Nil
            | Value::Pid(_)
            | Value::Ref(_) => std::mem::forget(self),
            heap => drop(heap),
        }
    }

    /// Truncates a stack of values to `len`, dropping the rest with
    /// [`Value::discard`].
    #[inline]
    pub fn truncate_stack(stack: &mut Vec<Value>, len: usize) {
        while stack.len() > len {
            if let Some(v) = stack.pop() {
                v.discard();
            }
        }
    }

    /// Elixir truthiness: everything but `nil` and `false`.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Atom(a) if *a == Atom::NIL || *a == Atom::FALSE)
    }

    /// The atom, if this is one.
    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Value::Atom(a) => Some(*a),
            _ => None,
        }
    }

    /// The elements of a proper list, or `None` for anything else.
    pub fn list_to_vec(&self) -> Option<Vec<Value>> {
        let mut out = Vec::new();
        let mut cur = self;
        loop {
            match cur {
                Value::Nil => return Some(out),
                Value::Cons(cell) => {
                    out.push(cell.head.clone());
                    cur = &cell.tail;
                }
                _ => return None,
            }
        }
    }

    /// Iterates over the cells of a list, stopping at the first non-cell tail.
    pub fn list_iter(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// The struct name if this is a struct (a map with an atom `:__struct__`).
    pub fn struct_name(&self) -> Option<Atom> {
        match self {
            Value::Map(m) => match m.get(&MapKey(Value::Atom(Atom::STRUCT))) {
                Some(Value::Atom(a)) => Some(*a),
                _ => None,
            },
            _ => None,
        }
    }

    /// Looks up a key in a map value.
    pub fn map_get(&self, key: &Value) -> Option<&Value> {
        match self {
            Value::Map(m) => m.get(&MapKey(key.clone())),
            _ => None,
        }
    }

    /// A short name for the kind of term, for messages ("a list", "a map").
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Int(_) | Value::BigInt(_) => "integer",
            Value::Float(_) => "float",
            Value::Atom(_) => "atom",
            Value::Str(_) => "binary",
            Value::Nil | Value::Cons(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Map(_) => "map",
            Value::Fun(_) => "function",
            Value::Pid(_) => "pid",
            Value::Ref(_) => "reference",
        }
    }
}

/// Iterator over the heads of a list's cells; see [`Value::list_iter`].
pub struct ListIter<'a> {
    cur: &'a Value,
}

impl<'a> ListIter<'a> {
    /// What is left: `Value::Nil` after a proper list, the improper tail otherwise.
    pub fn rest(&self) -> &'a Value {
        self.cur
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Value;
    fn next(&mut self) -> Option<&'a Value> {
        match self.cur {
            Value::Cons(cell) => {
                self.cur = &cell.tail;
                Some(&cell.head)
            }
            _ => None,
        }
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<Atom> for Value {
    fn from(a: Atom) -> Value {
        Value::Atom(a)
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::inspect::inspect(self))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::inspect::inspect(self))
    }
}
