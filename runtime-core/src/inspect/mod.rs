//! Printing terms exactly as Elixir 1.14 does: `inspect/2`, `IO.inspect/2` and
//! `to_string/1` (which string interpolation uses).
//!
//! The printer is a port of Elixir's own: each term becomes a document of the
//! [`algebra`] (`Inspect.Algebra`), which is then laid out in the width. `inspect/2`
//! lays out without a width unless `pretty: true`; `IO.inspect/2` always uses the
//! width (80 columns by default), which is why long terms wrap only there.

pub mod algebra;
mod chars;
mod float;
mod identifier;
mod term;

use std::fmt;

use crate::value::Value;

pub use algebra::INFINITY;
pub use chars::protocol_type_name;
pub use float::{float_to_string, inspect_float};
pub use identifier::{inspect_atom_literal, inspect_atom_remote_call};
pub use term::declare_struct;

/// Whether lists of printable character codes print as charlists (`'hi'`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Charlists {
    /// `charlists: :infer` (the default): `[104, 105]` prints `'hi'`.
    #[default]
    Infer,
    /// `charlists: :as_lists`: always `[104, 105]`.
    AsLists,
}

/// The options of `inspect/2` and `IO.inspect/2` that callcast supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InspectOpts {
    /// How many elements of a collection to show before `...` (`limit:`, default 50;
    /// [`INFINITY`] for `:infinity`). Each nesting level counts against it too.
    pub limit: usize,
    /// The width to lay out in (`width:`, default 80; [`INFINITY`] for `:infinity`).
    pub width: usize,
    /// `pretty: true`: `inspect/2` lays out in `width` (it never wraps otherwise).
    /// `IO.inspect` always uses `width` and ignores this.
    pub pretty: bool,
    /// `charlists:`.
    pub charlists: Charlists,
    /// How many characters of a string or charlist to show (`printable_limit:`,
    /// default 4096).
    pub printable_limit: usize,
    /// `structs: false` prints structs as the maps they are.
    pub structs: bool,
    /// `base:` for integers: 2, 8, 10 or 16 (`0b101`, `0o7`, `0xFF`).
    pub base: u32,
    /// `binaries: :as_binaries`: strings print as `<<97, 98>>`.
    pub binaries_as_bytes: bool,
}

impl Default for InspectOpts {
    fn default() -> Self {
        InspectOpts {
            limit: 50,
            width: 80,
            pretty: false,
            charlists: Charlists::Infer,
            printable_limit: 4096,
            structs: true,
            base: 10,
            binaries_as_bytes: false,
        }
    }
}

/// Renders a term as `inspect/1` does.
pub fn inspect(value: &Value) -> String {
    inspect_with(value, &InspectOpts::default())
}

/// Renders a term as `inspect/2` does with the given options.
pub fn inspect_with(value: &Value, opts: &InspectOpts) -> String {
    let width = if opts.pretty { opts.width } else { INFINITY };
    algebra::format(&algebra::group(term::to_doc(value, opts)), width)
}

/// The line `IO.inspect/2` prints, without its newline: the label and `": "` when
/// there is a label, then the term laid out in `opts.width` columns. The label does
/// not count towards the width (Elixir lays the term out on its own and prepends the
/// label).
pub fn inspect_labelled(value: &Value, label: Option<&str>, opts: &InspectOpts) -> String {
    let body = algebra::format(&algebra::group(term::to_doc(value, opts)), opts.width);
    match label {
        Some(label) => format!("{label}: {body}"),
        None => body,
    }
}

/// Why `to_string/1` failed: the exception Elixir raises and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToStringError {
    /// The exception's module without `Elixir.`: `Protocol.UndefinedError` for terms
    /// without `String.Chars` (tuples, maps, pids, …), `ArgumentError` for lists that
    /// are not text, `UnicodeConversionError` for invalid code points.
    pub exception: &'static str,
    /// The exception's message, e.g. `protocol String.Chars not implemented for {1, 2}
    /// of type Tuple`.
    pub message: String,
}

impl fmt::Display for ToStringError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "** ({}) {}", self.exception, self.message)
    }
}

impl std::error::Error for ToStringError {}

/// `to_string/1` and `"#{...}"`: strings as they are, atoms by name (`nil` is empty),
/// numbers, and lists of code points and strings as their text.
pub fn to_string(value: &Value) -> Result<String, ToStringError> {
    chars::to_string(value)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use super::*;
    use crate::atom::Atom;
    use crate::bytecode::Function;
    use crate::term_order::MapKey;
    use crate::value::{Closure, Env, Ref};

    fn lambda(module: &str, name: &str, arity: usize) -> Value {
        Value::Fun(Rc::new(Closure::Lambda {
            function: Rc::new(Function::empty(Atom::intern(module), name, arity)),
            env: Env::Empty,
        }))
    }

    // Elixir's own identifiers here differ from run to run (conformance output
    // normalizes them to `#Function<>` and `#Reference<0.0.0.0>`); callcast's are
    // stable.
    #[test]
    fn anonymous_functions_and_references_have_stable_text() {
        assert_eq!(
            inspect(&lambda("Elixir.Worker", "-loop/2-fun-0-", 1)),
            "#Function<0.0/1 in Worker.loop/2>"
        );
        assert_eq!(
            inspect(&lambda("Elixir.Worker", "handle_call", 0)),
            "#Function<0.0/0 in Worker.handle_call>"
        );
        assert_eq!(inspect(&Value::Ref(Ref(7))), "#Reference<0.0.0.7>");
    }

    #[test]
    fn to_string_errors_render_like_elixir_exceptions() {
        let err = to_string(&Value::tuple(vec![Value::Int(1), Value::Int(2)]));
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err(
                "** (Protocol.UndefinedError) protocol String.Chars not implemented for {1, 2} \
                 of type Tuple"
                    .to_string()
            )
        );
    }

    // FIXME: Elixir prints maps of more than 32 keys in the BEAM's hash order
    // (`:k11, :k16, :k18, ...` for `:k1..:k40`), which callcast cannot reproduce; they
    // print in key order.
    #[test]
    fn large_maps_print_in_key_order() {
        let map: BTreeMap<MapKey, Value> = (1..=33)
            .map(|i| (MapKey(Value::Int(i)), Value::Int(i)))
            .collect();
        let text = inspect(&Value::map(map));
        assert!(text.starts_with("%{1 => 1, 2 => 2, 3 => 3,"), "{text}");
    }

    // A struct of a module Elixir does not know prints as a plain map in Elixir
    // (`%{__struct__: Point, x: 1}`); in callcast such a value comes from the
    // program's own `defstruct`, which Elixir prints as a struct. Fields follow key
    // order, where Elixir would follow the `defstruct` order.
    #[test]
    fn program_structs_print_as_structs_in_key_order() {
        let map: BTreeMap<MapKey, Value> = [
            (Value::Atom(Atom::STRUCT), Value::atom("Elixir.Point")),
            (Value::atom("y"), Value::Int(2)),
            (Value::atom("x"), Value::Int(1)),
        ]
        .into_iter()
        .map(|(k, v)| (MapKey(k), v))
        .collect();
        assert_eq!(inspect(&Value::map(map)), "%Point{x: 1, y: 2}");
    }

    #[test]
    fn long_lists_lay_out_in_linear_time() {
        let list = Value::list((0..100_000).map(Value::Int).collect());
        let opts = InspectOpts {
            limit: INFINITY,
            ..InspectOpts::default()
        };
        let text = inspect_labelled(&list, None, &opts);
        assert!(text.ends_with("99998, 99999]"));
        assert!(text.lines().all(|line| line.len() <= 80));
    }
}
