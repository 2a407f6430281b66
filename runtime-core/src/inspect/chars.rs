//! `to_string/1` and string interpolation: Elixir's `String.Chars` protocol for the
//! kinds of term that implement it, and the exceptions the others raise.

use super::float::float_to_string;
use super::{inspect, ToStringError};
use crate::atom::Atom;
use crate::value::Value;

/// `String.Chars.to_string/1`.
pub fn to_string(value: &Value) -> Result<String, ToStringError> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Atom(a) if *a == Atom::NIL => Ok(String::new()),
        Value::Atom(a) => Ok(a.name().to_string()),
        Value::Int(i) => Ok(i.to_string()),
        Value::BigInt(b) => Ok(b.to_string()),
        Value::Float(f) => Ok(float_to_string(*f)),
        Value::Nil | Value::Cons(_) => {
            let mut out = String::new();
            chardata(value, &mut out)
                .map(|()| out)
                .map_err(|e| match e {
                    Bad::CodePoint(n) => ToStringError {
                        exception: "UnicodeConversionError",
                        message: format!("invalid code point {n}"),
                    },
                    Bad::Element => ToStringError {
                        exception: "ArgumentError",
                        message: format!(
                            "cannot convert the given list to a string.\n\n\
                         To be converted to a string, a list must either be empty or only\n\
                         contain the following elements:\n\n  \
                         * strings\n  \
                         * integers representing Unicode code points\n  \
                         * a list containing one of these three elements\n\n\
                         Please check the given list or call inspect/1 to get the list \
                         representation, got:\n\n{}\n",
                            inspect(value)
                        ),
                    },
                })
        }
        _ => Err(ToStringError {
            exception: "Protocol.UndefinedError",
            message: format!(
                "protocol String.Chars not implemented for {} of type {}",
                inspect(value),
                protocol_type_name(value)
            ),
        }),
    }
}

/// The type `Protocol.UndefinedError` names: `Tuple`, `Map`, `PID`, or
/// `Range (a struct)`.
pub fn protocol_type_name(value: &Value) -> String {
    if let Some(name) = value.struct_name() {
        return format!(
            "{} (a struct)",
            super::identifier::inspect_atom_literal(name.name())
        );
    }
    match value {
        Value::Atom(_) => "Atom",
        Value::Str(_) => "BitString",
        Value::Float(_) => "Float",
        Value::Fun(_) => "Function",
        Value::Int(_) | Value::BigInt(_) => "Integer",
        Value::Nil | Value::Cons(_) => "List",
        Value::Map(_) => "Map",
        Value::Pid(_) => "PID",
        Value::Ref(_) => "Reference",
        Value::Tuple(_) => "Tuple",
    }
    .to_string()
}

enum Bad {
    CodePoint(i128),
    Element,
}

/// `:unicode.characters_to_binary/1` on chardata: code points, strings and nested
/// lists of them, where a list may end in a string instead of `[]`.
fn chardata(value: &Value, out: &mut String) -> Result<(), Bad> {
    let mut iter = value.list_iter();
    for item in iter.by_ref() {
        match item {
            Value::Int(n) => {
                let c = u32::try_from(*n)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(Bad::CodePoint(i128::from(*n)))?;
                out.push(c);
            }
            Value::BigInt(_) => return Err(Bad::Element),
            Value::Str(s) => out.push_str(s),
            Value::Nil | Value::Cons(_) => chardata(item, out)?,
            _ => return Err(Bad::Element),
        }
    }
    match iter.rest() {
        Value::Nil => Ok(()),
        Value::Str(s) => {
            out.push_str(s);
            Ok(())
        }
        _ => Err(Bad::Element),
    }
}
