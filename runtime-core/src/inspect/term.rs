//! Terms to documents: the `Inspect` protocol's implementations for each kind of term
//! (`Inspect.List`, `Inspect.Map`, `Inspect.Tuple`, `Inspect.BitString`, `Inspect.Any`
//! for structs, `Inspect.Range`, …), ported to build [`Doc`]s.

use std::cmp::Ordering;

use super::algebra::{
    concat, container_doc, flex_glue, group, nest, text, ContainerBreak, ContainerItems, Doc,
    INFINITY,
};
use super::float::inspect_float;
use super::identifier::{
    escape, inspect_atom_key, inspect_atom_literal, inspect_atom_remote_call, string_printable,
};
use super::{Charlists, InspectOpts};
use crate::atom::Atom;
use crate::term_order::{compare, MapKey};
use crate::value::{Closure, Map, Value};

/// One less, except that an unbounded limit stays unbounded.
fn decrement(limit: usize) -> usize {
    if limit == INFINITY {
        INFINITY
    } else {
        limit.saturating_sub(1)
    }
}

/// `Inspect.Algebra.to_doc/2`.
pub fn to_doc(value: &Value, opts: &InspectOpts) -> Doc {
    match value {
        Value::Int(_) | Value::BigInt(_) if opts.base != 10 => {
            text(integer_in_base(value, opts.base))
        }
        Value::Int(i) => text(i.to_string()),
        Value::BigInt(b) => text(b.to_string()),
        Value::Str(s) if opts.binaries_as_bytes => {
            let bytes: Vec<String> = s.bytes().map(|b| b.to_string()).collect();
            text(format!("<<{}>>", bytes.join(", ")))
        }
        Value::Float(f) => text(inspect_float(*f)),
        Value::Atom(a) => text(inspect_atom_literal(a.name())),
        Value::Str(s) => string_doc(s, opts),
        Value::Nil => text("[]"),
        Value::Cons(_) => list_doc(value, opts),
        Value::Tuple(items) => {
            let docs = items_docs(items.iter(), opts, to_doc);
            container_doc("{", docs, "}", ContainerBreak::Flex, ",")
        }
        Value::Map(map) => match value.struct_name() {
            Some(name) if opts.structs => struct_doc(map, name, opts),
            _ => map_doc(map, opts),
        },
        Value::Fun(closure) => text(function_text(closure)),
        Value::Pid(pid) => text(format!("#PID<0.{}.0>", pid.0)),
        Value::Ref(r) => text(format!("#Reference<0.0.0.{}>", r.0)),
    }
}

/// `container_each/6` for a proper sequence: renders at most `limit` elements, each with
/// the limit lowered by one for everything nested inside it.
fn items_docs<'a, T: 'a>(
    items: impl Iterator<Item = T>,
    opts: &InspectOpts,
    render: impl Fn(T, &InspectOpts) -> Doc,
) -> ContainerItems {
    let mut limit = opts.limit;
    let mut docs = Vec::new();
    let mut truncated = false;
    for item in items {
        if limit == 0 {
            truncated = true;
            break;
        }
        limit = decrement(limit);
        let inner = InspectOpts { limit, ..*opts };
        docs.push(render(item, &inner));
    }
    ContainerItems {
        docs,
        truncated,
        improper_tail: false,
    }
}

fn string_doc(s: &str, opts: &InspectOpts) -> Doc {
    if string_printable(s, opts.printable_limit) {
        let (escaped, cut) = escape(s, '"', opts.printable_limit);
        let suffix = if cut { " <> ..." } else { "" };
        text(format!("\"{escaped}\"{suffix}"))
    } else {
        binary_doc(s.as_bytes(), opts.limit)
    }
}

/// A binary that is not printable text, byte by byte: `<<104, 1>>`.
fn binary_doc(bytes: &[u8], limit: usize) -> Doc {
    // Built from the end, as Elixir's `each_bit/3` nests each byte's glue around the rest.
    let shown = bytes.len().min(limit);
    let mut inner = if limit < bytes.len() || limit == 0 {
        text("...")
    } else {
        Doc::Nil
    };
    for (i, b) in bytes[..shown].iter().enumerate().rev() {
        let is_last = i + 1 == bytes.len();
        inner = if is_last {
            text(b.to_string())
        } else {
            flex_glue(text(format!("{b},")), " ", inner)
        };
    }
    group(concat(vec![text("<<"), nest(inner, 2), text(">>")]))
}

fn list_doc(list: &Value, opts: &InspectOpts) -> Doc {
    if opts.charlists == Charlists::Infer {
        if let Some(chars) = printable_charlist(list, opts.printable_limit) {
            let (escaped, cut) = escape(&chars, '\'', opts.printable_limit);
            let suffix = if cut { " ++ ..." } else { "" };
            return text(format!("'{escaped}'{suffix}"));
        }
    }
    if is_keyword(list) {
        let docs = items_docs(list.list_iter(), opts, keyword_pair_doc);
        return container_doc("[", docs, "]", ContainerBreak::Strict, ",");
    }
    let mut limit = opts.limit;
    let mut docs = Vec::new();
    let mut truncated = false;
    let mut improper_tail = false;
    let mut cur = list;
    while let Value::Cons(cell) = cur {
        if limit == 0 {
            truncated = true;
            break;
        }
        limit = decrement(limit);
        let inner = InspectOpts { limit, ..*opts };
        docs.push(to_doc(&cell.head, &inner));
        match &cell.tail {
            Value::Nil | Value::Cons(_) => cur = &cell.tail,
            tail => {
                docs.push(to_doc(tail, &inner));
                improper_tail = true;
                break;
            }
        }
    }
    container_doc(
        "[",
        ContainerItems {
            docs,
            truncated,
            improper_tail,
        },
        "]",
        ContainerBreak::Maybe,
        ",",
    )
}

/// The text of a list that `List.ascii_printable?/2` accepts (checking the first
/// `limit` elements) and that converts to a string, or `None`.
fn printable_charlist(list: &Value, limit: usize) -> Option<String> {
    let mut out = String::new();
    let mut iter = list.list_iter();
    for (i, item) in iter.by_ref().enumerate() {
        let Value::Int(n) = item else { return None };
        let printable = matches!(n, 7..=13 | 27 | 32..=126);
        if i < limit && !printable {
            return None;
        }
        out.push(char::from_u32(u32::try_from(*n).ok()?)?);
    }
    matches!(iter.rest(), Value::Nil).then_some(out)
}

/// `Inspect.List.keyword?/1`: a proper list of `{atom, value}` pairs whose atoms are
/// not aliases.
fn is_keyword(list: &Value) -> bool {
    let mut iter = list.list_iter();
    let all_pairs = iter.by_ref().all(|item| match item {
        Value::Tuple(t) if t.len() == 2 => match &t[0] {
            Value::Atom(a) => !a.name().starts_with("Elixir."),
            _ => false,
        },
        _ => false,
    });
    all_pairs && matches!(iter.rest(), Value::Nil)
}

fn keyword_pair_doc(pair: &Value, opts: &InspectOpts) -> Doc {
    match pair {
        Value::Tuple(t) if t.len() == 2 => match &t[0] {
            Value::Atom(key) => keyword_doc(*key, &t[1], opts),
            _ => to_doc(pair, opts),
        },
        _ => to_doc(pair, opts),
    }
}

/// `Inspect.List.keyword/2`: `key: value`.
fn keyword_doc(key: Atom, value: &Value, opts: &InspectOpts) -> Doc {
    concat(vec![
        text(inspect_atom_key(key.name())),
        text(" "),
        to_doc(value, opts),
    ])
}

/// `Inspect.Map.inspect/2`: `%{a: 1}` when every key is a non-alias atom, else
/// `%{1 => :a, "k" => 2}`.
fn map_doc(map: &Map, opts: &InspectOpts) -> Doc {
    // Maps of more than 32 keys print in the BEAM's hash order, which is not
    // reproducible; they print in key order here.
    let keyword = map.keys().all(|k| match &k.0 {
        Value::Atom(a) => !a.name().starts_with("Elixir."),
        _ => false,
    });
    let docs = if keyword {
        items_docs(map.iter(), opts, |(k, v), o| match &k.0 {
            Value::Atom(a) => keyword_doc(*a, v, o),
            other => to_doc(other, o),
        })
    } else {
        items_docs(map.iter(), opts, |(k, v), o| {
            concat(vec![to_doc(&k.0, o), text(" => "), to_doc(v, o)])
        })
    };
    container_doc("%{", docs, "}", ContainerBreak::Strict, ",")
}

/// Fields of the structs Elixir defines that a callcast program can meet, in their
/// definition order (which is how `inspect` lists them), `__exception__` first where
/// the struct is an exception.
const KNOWN_STRUCTS: &[(&str, &[&str])] = &[
    ("Elixir.RuntimeError", &["__exception__", "message"]),
    ("Elixir.ArgumentError", &["__exception__", "message"]),
    ("Elixir.ArithmeticError", &["__exception__", "message"]),
    ("Elixir.SystemLimitError", &["__exception__", "message"]),
    ("Elixir.Enum.EmptyError", &["__exception__", "message"]),
    (
        "Elixir.Enum.OutOfBoundsError",
        &["__exception__", "message"],
    ),
    (
        "Elixir.KeyError",
        &["__exception__", "key", "term", "message"],
    ),
    ("Elixir.MatchError", &["__exception__", "term"]),
    ("Elixir.CaseClauseError", &["__exception__", "term"]),
    ("Elixir.TryClauseError", &["__exception__", "term"]),
    ("Elixir.WithClauseError", &["__exception__", "term"]),
    ("Elixir.BadMapError", &["__exception__", "term"]),
    ("Elixir.BadFunctionError", &["__exception__", "term"]),
    ("Elixir.CondClauseError", &["__exception__"]),
    (
        "Elixir.BadBooleanError",
        &["__exception__", "term", "operator"],
    ),
    (
        "Elixir.BadStructError",
        &["__exception__", "struct", "term"],
    ),
    (
        "Elixir.BadArityError",
        &["__exception__", "function", "args"],
    ),
    (
        "Elixir.ErlangError",
        &["__exception__", "original", "reason"],
    ),
    (
        "Elixir.FunctionClauseError",
        &[
            "__exception__",
            "module",
            "function",
            "arity",
            "kind",
            "args",
            "clauses",
        ],
    ),
    (
        "Elixir.UndefinedFunctionError",
        &[
            "__exception__",
            "module",
            "function",
            "arity",
            "reason",
            "message",
        ],
    ),
    (
        "Elixir.Protocol.UndefinedError",
        &["__exception__", "protocol", "value", "description"],
    ),
    ("Elixir.Task", &["mfa", "owner", "pid", "ref"]),
];

thread_local! {
    /// The `defstruct` field order of the structs the running program declares;
    /// the compiler records them, as a module's `__struct__/0` would tell.
    static STRUCT_FIELDS: std::cell::RefCell<crate::fxhash::FxHashMap<Atom, Vec<Atom>>> =
        std::cell::RefCell::default();
}

/// Records the declared field order of the struct `module`, so `inspect` prints
/// its fields in that order as Elixir does.
pub fn declare_struct(module: Atom, fields: Vec<Atom>) {
    STRUCT_FIELDS.with(|t| t.borrow_mut().insert(module, fields));
}

fn declared_fields(module: Atom) -> Option<Vec<Atom>> {
    STRUCT_FIELDS.with(|t| t.borrow().get(&module).cloned())
}

/// A struct: `Inspect.Range` for ranges, `Inspect.MapSet` for sets,
/// `Inspect.Any` otherwise.
fn struct_doc(map: &Map, name: Atom, opts: &InspectOpts) -> Doc {
    let name_text = name.name();
    if name_text == "Elixir.Range" {
        if let Some(doc) = range_doc(map, opts) {
            return doc;
        }
        return map_doc(map, opts);
    }
    if name_text == "Elixir.MapSet" {
        if let Some(Value::Map(members)) = map.get(&key(Atom::intern("map"))) {
            // `MapSet.new([...])`, its members listed as `MapSet.to_list/1`
            // gives them, charlists as lists.
            let list = Value::list(members.keys().map(|k| k.0.clone()).collect());
            let opts = InspectOpts {
                charlists: Charlists::AsLists,
                ..*opts
            };
            return concat(vec![text("MapSet.new("), list_doc(&list, &opts), text(")")]);
        }
        return map_doc(map, opts);
    }
    let fields: Vec<Atom> = match KNOWN_STRUCTS.iter().find(|(n, _)| *n == name_text) {
        Some((_, known)) => {
            // `Inspect.Any` only trusts a struct whose keys are exactly the module's.
            let same_keys = map.len() == known.len() + 1
                && known
                    .iter()
                    .all(|f| map.contains_key(&key(Atom::intern(f))));
            if !same_keys {
                return map_doc(map, opts);
            }
            known
                .iter()
                .filter(|f| **f != "__exception__")
                .map(|f| Atom::intern(f))
                .collect()
        }
        // A struct from the program itself: its fields in `defstruct` order when
        // the program declared it, otherwise in key order.
        None => match declared_fields(name) {
            Some(declared) => {
                let own = map
                    .keys()
                    .filter(|k| k.0.as_atom() != Some(Atom::STRUCT))
                    .count();
                let same_keys =
                    own == declared.len() && declared.iter().all(|f| map.contains_key(&key(*f)));
                if !same_keys {
                    return map_doc(map, opts);
                }
                declared
                    .into_iter()
                    .filter(|a| a.name() != "__exception__")
                    .collect()
            }
            None => map
                .keys()
                .filter_map(|k| k.0.as_atom())
                .filter(|a| *a != Atom::STRUCT && a.name() != "__exception__")
                .collect(),
        },
    };
    if map.keys().any(|k| k.0.as_atom().is_none()) {
        return map_doc(map, opts);
    }
    let docs = items_docs(fields.iter(), opts, |field, o| {
        let value = map.get(&key(*field)).cloned().unwrap_or(Value::NIL_ATOM);
        keyword_doc(*field, &value, o)
    });
    let open = format!("%{}{{", inspect_atom_literal(name_text));
    container_doc(open, docs, "}", ContainerBreak::Strict, ",")
}

/// An integer as `inspect(n, base: :hex)` prints it: `0xFF`, `-0b101`.
fn integer_in_base(value: &Value, base: u32) -> String {
    let n = crate::ops::to_big(value).unwrap_or_default();
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if n.is_negative() { "-" } else { "" };
    let digits = n.abs().to_str_radix(base);
    format!("{sign}{prefix}{digits}")
}

fn key(a: Atom) -> MapKey {
    MapKey(Value::Atom(a))
}

/// `Inspect.Range`: `1..10`, `1..10//2`, `10..1//-1`.
fn range_doc(map: &Map, opts: &InspectOpts) -> Option<Doc> {
    let first = map.get(&key(Atom::intern("first")))?;
    let last = map.get(&key(Atom::intern("last")))?;
    let step = match map.get(&key(Atom::intern("step"))) {
        Some(step) => step.clone(),
        None if compare(first, last) != Ordering::Greater => Value::Int(1),
        None => Value::Int(-1),
    };
    let mut parts = vec![to_doc(first, opts), text(".."), to_doc(last, opts)];
    let step_is_one = matches!(step, Value::Int(1));
    if !(step_is_one && compare(last, first) != Ordering::Less) {
        parts.push(text("//"));
        parts.push(to_doc(&step, opts));
    }
    Some(concat(parts))
}

/// `Inspect.Function`: `&Mod.fun/2` for captures of named functions; anonymous
/// functions print `#Function<…>` with their defining function's name.
fn function_text(closure: &Closure) -> String {
    match closure {
        Closure::External {
            module,
            function,
            arity,
        } => format!(
            "&{}.{}/{arity}",
            inspect_atom_literal(module.name()),
            inspect_atom_remote_call(function.name())
        ),
        Closure::Lambda { function, .. } => format!(
            "#Function<0.0/{} in {}{}>",
            function.arity,
            inspect_atom_literal(function.module.name()),
            parent_name(&function.name)
        ),
    }
}

/// `.fun/2` for an anonymous function compiled inside `fun/2` (named
/// `-fun/2-fun-0-`), `.name` for other names, nothing for none.
fn parent_name(name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    if let Some(inner) = name.strip_prefix('-') {
        if let Some((parent, trailing)) = inner.rsplit_once('/') {
            let pieces: Vec<&str> = trailing.split('-').collect();
            if let [arity, _, _, ""] = pieces.as_slice() {
                return format!(".{}/{arity}", inspect_atom_remote_call(parent));
            }
        }
    }
    format!(".{}", inspect_atom_remote_call(name))
}
