//! String functions (UTF-8 text; graphemes approximated by code points) and the
//! conversions between strings, numbers, atoms and charlists.

use super::{badarg, int, list, register, str_arg, Control, NResult, Table};
use crate::atom::Atom;
use crate::value::Value;

fn s(v: &str) -> NResult {
    Ok(Value::string(v))
}

fn chars_of(v: &Value) -> Result<Vec<char>, Control> {
    Ok(str_arg(v)?.chars().collect())
}

fn split_on(text: &str, pattern: &Value) -> Result<Vec<Value>, Control> {
    let parts: Vec<&str> = match pattern {
        Value::Str(p) if p.is_empty() => {
            let mut v: Vec<Value> = text
                .chars()
                .map(|c| Value::string(&c.to_string()))
                .collect();
            v.insert(0, Value::string(""));
            v.push(Value::string(""));
            return Ok(v);
        }
        Value::Str(p) => text.split(&**p).collect(),
        Value::Nil | Value::Cons(_) => {
            let pats: Vec<String> = list(pattern)?
                .iter()
                .map(|p| str_arg(p).map(str::to_string))
                .collect::<Result<_, _>>()?;
            let mut out = Vec::new();
            let mut rest = text;
            loop {
                let hit = pats
                    .iter()
                    .filter(|p| !p.is_empty())
                    .filter_map(|p| rest.find(p.as_str()).map(|i| (i, p.len())))
                    .min();
                match hit {
                    Some((i, n)) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + n..];
                    }
                    None => {
                        out.push(rest);
                        break;
                    }
                }
            }
            out
        }
        _ => return badarg(),
    };
    Ok(parts.into_iter().map(Value::string).collect())
}

fn to_integer(text: &str, base: u32) -> NResult {
    match num_bigint::BigInt::parse_bytes(text.as_bytes(), base) {
        Some(n) if !text.contains('_') => Ok(Value::from_bigint(n)),
        _ => badarg(),
    }
}

fn pad(text: &str, count: i64, padding: &str, leading: bool) -> NResult {
    let len = text.chars().count() as i64;
    if count <= len || padding.is_empty() {
        return s(text);
    }
    let fill: String = padding
        .chars()
        .cycle()
        .take((count - len) as usize)
        .collect();
    if leading {
        s(&format!("{fill}{text}"))
    } else {
        s(&format!("{text}{fill}"))
    }
}

fn slice_chars(chars: &[char], start: i64, len: i64) -> String {
    let n = chars.len() as i64;
    let start = if start < 0 { (n + start).max(0) } else { start };
    if start >= n || len <= 0 {
        return String::new();
    }
    let end = (start + len).min(n);
    chars[start as usize..end as usize].iter().collect()
}

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.String",
        &[
            ("upcase", 1, |_, a| s(&str_arg(&a[0])?.to_uppercase())),
            ("downcase", 1, |_, a| s(&str_arg(&a[0])?.to_lowercase())),
            ("capitalize", 1, |_, a| {
                let text = str_arg(&a[0])?;
                let mut c = text.chars();
                match c.next() {
                    Some(f) => s(&format!(
                        "{}{}",
                        f.to_uppercase(),
                        c.as_str().to_lowercase()
                    )),
                    None => s(""),
                }
            }),
            ("length", 1, |_, a| {
                Ok(Value::Int(str_arg(&a[0])?.chars().count() as i64))
            }),
            ("split", 1, |_, a| {
                Ok(Value::list(
                    str_arg(&a[0])?
                        .split_whitespace()
                        .map(Value::string)
                        .collect(),
                ))
            }),
            ("split", 2, |_, a| {
                Ok(Value::list(split_on(str_arg(&a[0])?, &a[1])?))
            }),
            ("split", 3, |_, a| {
                let mut parts = split_on(str_arg(&a[0])?, &a[1])?;
                let trim = a[2].list_iter().any(|o| {
                    matches!(o, Value::Tuple(kv) if kv.len() == 2 && kv[0].as_atom() == Some(Atom::intern("trim")) && kv[1].is_true())
                });
                if trim {
                    parts.retain(|p| !matches!(p, Value::Str(x) if x.is_empty()));
                }
                Ok(Value::list(parts))
            }),
            ("trim", 1, |_, a| s(str_arg(&a[0])?.trim())),
            ("trim_leading", 1, |_, a| s(str_arg(&a[0])?.trim_start())),
            ("trim_trailing", 1, |_, a| s(str_arg(&a[0])?.trim_end())),
            ("replace", 3, |_, a| {
                let text = str_arg(&a[0])?;
                let pat = str_arg(&a[1])?;
                let with = str_arg(&a[2])?;
                s(&text.replace(pat, with))
            }),
            ("reverse", 1, |_, a| {
                s(&str_arg(&a[0])?.chars().rev().collect::<String>())
            }),
            ("contains?", 2, |_, a| {
                let text = str_arg(&a[0])?;
                match &a[1] {
                    Value::Str(p) => Ok(Value::bool(text.contains(&**p))),
                    other => {
                        Ok(Value::bool(list(other)?.iter().any(
                            |p| matches!(p, Value::Str(x) if text.contains(&**x)),
                        )))
                    }
                }
            }),
            ("starts_with?", 2, |_, a| {
                let text = str_arg(&a[0])?;
                match &a[1] {
                    Value::Str(p) => Ok(Value::bool(text.starts_with(&**p))),
                    other => {
                        Ok(Value::bool(list(other)?.iter().any(
                            |p| matches!(p, Value::Str(x) if text.starts_with(&**x)),
                        )))
                    }
                }
            }),
            ("ends_with?", 2, |_, a| {
                let text = str_arg(&a[0])?;
                match &a[1] {
                    Value::Str(p) => Ok(Value::bool(text.ends_with(&**p))),
                    other => {
                        Ok(Value::bool(list(other)?.iter().any(
                            |p| matches!(p, Value::Str(x) if text.ends_with(&**x)),
                        )))
                    }
                }
            }),
            ("to_integer", 1, |_, a| to_integer(str_arg(&a[0])?, 10)),
            ("to_integer", 2, |_, a| {
                let base = int(&a[1])?;
                if !(2..=36).contains(&base) {
                    return badarg();
                }
                to_integer(str_arg(&a[0])?, base as u32)
            }),
            ("to_float", 1, |_, a| match str_arg(&a[0])?.parse::<f64>() {
                Ok(f) if str_arg(&a[0])?.contains('.') => Ok(Value::Float(f)),
                _ => badarg(),
            }),
            ("to_atom", 1, |_, a| Ok(Value::atom(str_arg(&a[0])?))),
            ("to_existing_atom", 1, |_, a| {
                Ok(Value::atom(str_arg(&a[0])?))
            }),
            ("to_charlist", 1, |_, a| {
                Ok(Value::list(
                    str_arg(&a[0])?
                        .chars()
                        .map(|c| Value::Int(c as i64))
                        .collect(),
                ))
            }),
            ("duplicate", 2, |_, a| {
                let n = int(&a[1])?;
                let text = str_arg(&a[0])?;
                if n < 0 || (n as usize).saturating_mul(text.len()) > 64_000_000 {
                    return badarg();
                }
                s(&text.repeat(n as usize))
            }),
            ("pad_leading", 2, |_, a| {
                pad(str_arg(&a[0])?, int(&a[1])?, " ", true)
            }),
            ("pad_leading", 3, |_, a| {
                pad(str_arg(&a[0])?, int(&a[1])?, str_arg(&a[2])?, true)
            }),
            ("pad_trailing", 2, |_, a| {
                pad(str_arg(&a[0])?, int(&a[1])?, " ", false)
            }),
            ("pad_trailing", 3, |_, a| {
                pad(str_arg(&a[0])?, int(&a[1])?, str_arg(&a[2])?, false)
            }),
            ("at", 2, |_, a| {
                let c = chars_of(&a[0])?;
                let i = int(&a[1])?;
                let n = c.len() as i64;
                let i = if i < 0 { n + i } else { i };
                Ok(if (0..n).contains(&i) {
                    Value::string(&c[i as usize].to_string())
                } else {
                    Value::NIL_ATOM
                })
            }),
            ("first", 1, |_, a| {
                Ok(str_arg(&a[0])?
                    .chars()
                    .next()
                    .map_or(Value::NIL_ATOM, |c| Value::string(&c.to_string())))
            }),
            ("last", 1, |_, a| {
                Ok(str_arg(&a[0])?
                    .chars()
                    .last()
                    .map_or(Value::NIL_ATOM, |c| Value::string(&c.to_string())))
            }),
            ("slice", 3, |_, a| {
                s(&slice_chars(&chars_of(&a[0])?, int(&a[1])?, int(&a[2])?))
            }),
            ("slice", 2, |_, a| {
                let c = chars_of(&a[0])?;
                let Some((f, l, _)) = crate::ops::range_bounds(&a[1]) else {
                    return badarg();
                };
                let n = c.len() as i64;
                let f = if f < 0 { n + f } else { f };
                let l = if l < 0 { n + l } else { l };
                s(&slice_chars(&c, f, l - f + 1))
            }),
            ("graphemes", 1, |_, a| {
                Ok(Value::list(
                    str_arg(&a[0])?
                        .chars()
                        .map(|c| Value::string(&c.to_string()))
                        .collect(),
                ))
            }),
            ("codepoints", 1, |_, a| {
                Ok(Value::list(
                    str_arg(&a[0])?
                        .chars()
                        .map(|c| Value::string(&c.to_string()))
                        .collect(),
                ))
            }),
            ("split_at", 2, |_, a| {
                let c = chars_of(&a[0])?;
                let i = int(&a[1])?;
                let n = c.len() as i64;
                let at = if i < 0 { (n + i).max(0) } else { i.min(n) } as usize;
                Ok(Value::tuple(vec![
                    Value::string(&c[..at].iter().collect::<String>()),
                    Value::string(&c[at..].iter().collect::<String>()),
                ]))
            }),
            ("to_string", 1, |_, a| s(&crate::ops::to_string(&a[0])?)),
        ],
    );
    register(
        t,
        "Elixir.Kernel",
        &[
            ("to_string", 1, |_, a| s(&crate::ops::to_string(&a[0])?)),
            ("to_charlist", 1, |_, a| {
                let text = crate::ops::to_string(&a[0])?;
                Ok(Value::list(
                    text.chars().map(|c| Value::Int(c as i64)).collect(),
                ))
            }),
        ],
    );
    register(
        t,
        "Elixir.Float",
        &[
            ("round", 2, |_, a| {
                let Value::Float(f) = a[0] else {
                    return badarg();
                };
                let digits = int(&a[1])?;
                let m = 10f64.powi(digits as i32);
                Ok(Value::Float((f * m).round() / m))
            }),
            ("round", 1, |_, a| match a[0] {
                Value::Float(f) => Ok(Value::Float(f.round())),
                _ => badarg(),
            }),
            ("floor", 1, |_, a| match a[0] {
                Value::Float(f) => Ok(Value::Float(f.floor())),
                _ => badarg(),
            }),
            ("ceil", 1, |_, a| match a[0] {
                Value::Float(f) => Ok(Value::Float(f.ceil())),
                _ => badarg(),
            }),
            ("to_string", 1, |_, a| match a[0] {
                Value::Float(_) => s(&crate::ops::to_string(&a[0])?),
                _ => badarg(),
            }),
            ("parse", 1, |_, a| {
                let text = str_arg(&a[0])?;
                let end = text
                    .char_indices()
                    .find(|(i, c)| {
                        !(c.is_ascii_digit() || *c == '.' || *c == 'e' || (*i == 0 && *c == '-'))
                    })
                    .map_or(text.len(), |(i, _)| i);
                match text[..end].parse::<f64>() {
                    Ok(f) => Ok(Value::tuple(vec![
                        Value::Float(f),
                        Value::string(&text[end..]),
                    ])),
                    Err(_) => Ok(Value::atom("error")),
                }
            }),
        ],
    );
}
