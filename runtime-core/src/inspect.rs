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
