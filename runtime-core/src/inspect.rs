//! Printing terms exactly as Elixir's `inspect/2` does.

use crate::value::Value;

/// Renders a term as `inspect/1` does (placeholder until the printer lands).
pub fn inspect(value: &Value) -> String {
    match value {
        Value::Int(i) => i.to_string(),
        Value::Str(s) => format!("{s:?}"),
        Value::Atom(a) => format!(":{}", a.name()),
        _ => "#Term<>".to_string(),
    }
}

/// `String.Chars.to_string/1` (placeholder until the printer lands).
pub fn to_string(value: &Value) -> Result<String, ()> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Atom(a) if *a == crate::atom::Atom::NIL => Ok(String::new()),
        Value::Atom(a) => Ok(a.name().to_string()),
        Value::Int(i) => Ok(i.to_string()),
        _ => Err(()),
    }
}

/// Options of `inspect/2` (placeholder).
#[derive(Clone, Debug)]
pub struct InspectOpts {
    /// Most items shown per collection.
    pub limit: usize,
    /// Line width for pretty printing.
    pub width: usize,
    /// Whether to pretty print.
    pub pretty: bool,
}

impl Default for InspectOpts {
    fn default() -> Self {
        InspectOpts {
            limit: 50,
            width: 80,
            pretty: false,
        }
    }
}

/// Renders with options (placeholder).
pub fn inspect_with(value: &Value, _opts: &InspectOpts) -> String {
    inspect(value)
}

/// `IO.inspect(value, label: label)` (placeholder).
pub fn inspect_labelled(value: &Value, label: &str, opts: &InspectOpts) -> String {
    format!("{label}: {}", inspect_with(value, opts))
}
