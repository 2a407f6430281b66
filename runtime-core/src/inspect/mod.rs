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
pub use identifier::inspect_atom_literal;

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
#[derive(Clone, Debug, PartialEq, Eq)]
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
