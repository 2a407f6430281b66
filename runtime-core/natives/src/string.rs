//! String functions (UTF-8 text, counted and indexed in graphemes as Elixir does) and the
//! conversions between strings, numbers, atoms and charlists.

use super::{
    badarg, bif_badarg, int, list, register, str_arg, Args, BadArg, Control, NResult, Table,
};
use crate::atom::Atom;
use crate::case::{capitalize, map_case, Case};
use crate::exception;
use crate::grapheme::graphemes;
use crate::value::Value;

/// The string argument of a String function whose Elixir clauses only accept
/// binaries, or the `FunctionClauseError` those clauses raise.
fn text_of<'v>(v: &'v Value, function: &str, arity: usize) -> Result<&'v str, Control> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(Control::Raise(exception::function_clause(
            Atom::intern("Elixir.String"),
            Value::atom(function),
            arity,
        ))),
    }
}

/// The string first argument of `:erlang.<bif>(args)`, or its `badarg`.
fn binary_arg<'a>(bif: &str, args: &'a Args<'_>) -> Result<&'a str, Control> {
    match &args[0] {
        Value::Str(s) => Ok(s),
        _ => bif_badarg(bif, args),
    }
}

/// The value of option `name` in a keyword list, if given.
fn option<'v>(opts: &'v Value, name: &str) -> Option<&'v Value> {
    let key = Atom::intern(name);
    opts.list_iter().find_map(|o| match o {
        Value::Tuple(kv) if kv.len() == 2 && kv[0].as_atom() == Some(key) => Some(&kv[1]),
        _ => None,
    })
}

/// Removes every leading (or trailing) repetition of `what` from `text`.
fn trim_repeated<'t>(mut text: &'t str, what: &str, leading: bool, trailing: bool) -> &'t str {
    if what.is_empty() {
        return text;
    }
    while leading && text.starts_with(what) {
        text = &text[what.len()..];
    }
    while trailing && text.ends_with(what) {
        text = &text[..text.len() - what.len()];
    }
    text
}

/// The largest table [`myers`] builds: 40 million `u32`s, 160 MB (two
/// strings of about 6 300 graphemes each).
const MYERS_CELLS: usize = 40_000_000;

/// The edit script turning `a` into `b` as `[eq: ..., del: ..., ins: ...]`,
/// following Myers' algorithm (deletions before insertions), as
/// `String.myers_difference/2` returns it.
fn myers(a: &[&str], b: &[&str]) -> Value {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut edits: Vec<(&str, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            edits.push(("eq", a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            edits.push(("del", a[i]));
            i += 1;
        } else {
            edits.push(("ins", b[j]));
            j += 1;
        }
    }
    // Within a changed stretch the deletions come first, then the insertions.
    let mut out: Vec<(&str, String)> = Vec::new();
    let mut k = 0;
    while k < edits.len() {
        if edits[k].0 == "eq" {
            let mut text = String::new();
            while k < edits.len() && edits[k].0 == "eq" {
                text.push_str(edits[k].1);
                k += 1;
            }
            out.push(("eq", text));
        } else {
            let (mut del, mut ins) = (String::new(), String::new());
            while k < edits.len() && edits[k].0 != "eq" {
                if edits[k].0 == "del" {
                    del.push_str(edits[k].1);
                } else {
                    ins.push_str(edits[k].1);
                }
                k += 1;
            }
            if !del.is_empty() {
                out.push(("del", del));
            }
            if !ins.is_empty() {
                out.push(("ins", ins));
            }
        }
    }
    Value::list(
        out.into_iter()
            .map(|(tag, text)| Value::tuple(vec![Value::atom(tag), Value::string(&text)]))
            .collect(),
    )
}

/// `String.contains?/2` and its kin: whether `test` holds for the text and
/// the pattern, or for any of a list of patterns.
fn any_pattern(a: &Args<'_>, test: fn(&str, &str) -> bool) -> NResult {
    let text = str_arg(&a[0])?;
    Ok(Value::bool(match &a[1] {
        Value::Str(p) => test(text, p),
        other => list(other)?
            .iter()
            .any(|p| matches!(p, Value::Str(x) if test(text, x))),
    }))
}

fn s(v: &str) -> NResult {
    Ok(Value::string(v))
}

/// A string's graphemes: what Elixir's `String` functions count, index and
/// reverse (`"e\u0301"` is one, and so is a flag or a family emoji).
fn graphemes_of(v: &Value) -> Result<Vec<&str>, BadArg> {
    Ok(graphemes(str_arg(v)?))
}

fn split_on(text: &str, pattern: &Value) -> Result<Vec<Value>, Control> {
    let parts: Vec<&str> = match pattern {
        Value::Str(p) if p.is_empty() => {
            let mut v: Vec<Value> = graphemes(text).into_iter().map(Value::string).collect();
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

/// `:erlang.binary_to_integer(args)`, `args[0]` being `text`.
fn to_integer(text: &str, base: u32, args: &[Value]) -> NResult {
    match crate::bigint::BigInt::parse_radix(text.as_bytes(), base) {
        Some(n) => Ok(Value::from_bigint(n)),
        _ => bif_badarg("binary_to_integer", args),
    }
}

fn pad(text: &str, count: i64, padding: &str, leading: bool) -> NResult {
    let len = graphemes(text).len() as i64;
    if count <= len || padding.is_empty() {
        return s(text);
    }
    let fill: String = graphemes(padding)
        .into_iter()
        .cycle()
        .take((count - len) as usize)
        .collect();
    if leading {
        s(&format!("{fill}{text}"))
    } else {
        s(&format!("{text}{fill}"))
    }
}

fn slice_graphemes(graphemes: &[&str], start: i64, len: i64) -> String {
    let n = graphemes.len() as i64;
    let start = if start < 0 { (n + start).max(0) } else { start };
    if start >= n || len <= 0 {
        return String::new();
    }
    let end = (start + len).min(n);
    graphemes[start as usize..end as usize].concat()
}

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.String",
        &[
            ("upcase", 1, |_, a| {
                s(&map_case(text_of(&a[0], "upcase", 2)?, Case::Upper))
            }),
            ("downcase", 1, |_, a| {
                s(&map_case(text_of(&a[0], "downcase", 2)?, Case::Lower))
            }),
            ("capitalize", 1, |_, a| s(&capitalize(str_arg(&a[0])?))),
            ("length", 1, |_, a| {
                Ok(Value::Int(graphemes(str_arg(&a[0])?).len() as i64))
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
                if option(&a[2], "trim").is_some_and(Value::is_true) {
                    parts.retain(|p| !matches!(p, Value::Str(x) if x.is_empty()));
                }
                if let Some(Value::Int(n)) = option(&a[2], "parts") {
                    let n = (*n).max(1) as usize;
                    if parts.len() > n {
                        // Rejoin the rest: the pattern is what split them apart.
                        let sep = match &a[1] {
                            Value::Str(p) => p.to_string(),
                            other => list(other)?
                                .first()
                                .map_or(Ok(String::new()), |p| str_arg(p).map(str::to_string))?,
                        };
                        let rest: Vec<&str> = parts[n - 1..]
                            .iter()
                            .map(|p| str_arg(p))
                            .collect::<Result<_, _>>()?;
                        let joined = rest.join(&sep);
                        parts.truncate(n - 1);
                        parts.push(Value::string(&joined));
                    }
                }
                Ok(Value::list(parts))
            }),
            ("trim", 1, |_, a| s(text_of(&a[0], "trim", 1)?.trim())),
            ("trim", 2, |_, a| {
                s(trim_repeated(str_arg(&a[0])?, str_arg(&a[1])?, true, true))
            }),
            ("trim_leading", 2, |_, a| {
                s(trim_repeated(str_arg(&a[0])?, str_arg(&a[1])?, true, false))
            }),
            ("trim_trailing", 2, |_, a| {
                s(trim_repeated(str_arg(&a[0])?, str_arg(&a[1])?, false, true))
            }),
            ("replace", 4, |_, a| {
                let text = str_arg(&a[0])?;
                let pat = str_arg(&a[1])?;
                let with = str_arg(&a[2])?;
                if option(&a[3], "global").is_some_and(|g| !g.is_truthy()) {
                    s(&text.replacen(pat, with, 1))
                } else {
                    s(&text.replace(pat, with))
                }
            }),
            ("replace_prefix", 3, |_, a| {
                let text = str_arg(&a[0])?;
                match text.strip_prefix(str_arg(&a[1])?) {
                    Some(rest) => s(&format!("{}{rest}", str_arg(&a[2])?)),
                    None => s(text),
                }
            }),
            ("replace_suffix", 3, |_, a| {
                let text = str_arg(&a[0])?;
                match text.strip_suffix(str_arg(&a[1])?) {
                    Some(rest) => s(&format!("{rest}{}", str_arg(&a[2])?)),
                    None => s(text),
                }
            }),
            ("equivalent?", 2, |_, a| {
                Ok(Value::bool(str_arg(&a[0])? == str_arg(&a[1])?))
            }),
            ("myers_difference", 2, |_, a| {
                let (x, y) = (graphemes_of(&a[0])?, graphemes_of(&a[1])?);
                // `myers` keeps a table of both lengths' product.
                if (x.len() + 1).saturating_mul(y.len() + 1) > MYERS_CELLS {
                    return Err(Control::Raise(exception::system_limit(
                        "callcast: String.myers_difference/2 of strings this long would take too much memory",
                    )));
                }
                Ok(myers(&x, &y))
            }),
            ("trim_leading", 1, |_, a| s(str_arg(&a[0])?.trim_start())),
            ("trim_trailing", 1, |_, a| s(str_arg(&a[0])?.trim_end())),
            ("replace", 3, |_, a| {
                let text = str_arg(&a[0])?;
                let pat = str_arg(&a[1])?;
                let with = str_arg(&a[2])?;
                s(&text.replace(pat, with))
            }),
            ("reverse", 1, |_, a| {
                s(&graphemes(str_arg(&a[0])?)
                    .into_iter()
                    .rev()
                    .collect::<String>())
            }),
            ("contains?", 2, |_, a| {
                any_pattern(a, |text, p| text.contains(p))
            }),
            ("starts_with?", 2, |_, a| {
                any_pattern(a, |text, p| text.starts_with(p))
            }),
            ("ends_with?", 2, |_, a| {
                any_pattern(a, |text, p| text.ends_with(p))
            }),
            ("to_integer", 1, |_, a| {
                to_integer(binary_arg("binary_to_integer", a)?, 10, a)
            }),
            ("to_integer", 2, |_, a| match (&a[0], &a[1]) {
                (Value::Str(text), Value::Int(base)) if (2..=36).contains(base) => {
                    to_integer(text, *base as u32, a)
                }
                _ => bif_badarg("binary_to_integer", a),
            }),
            ("to_float", 1, |_, a| {
                let text = binary_arg("binary_to_float", a)?;
                match crate::decimal::parse_float(text) {
                    Some(f) if text.contains('.') => Ok(Value::Float(f)),
                    _ => bif_badarg("binary_to_float", a),
                }
            }),
            // `:erlang.binary_to_atom(s, :utf8)` and its `existing` twin.
            ("to_atom", 1, |_, a| match &a[0] {
                Value::Str(s) => Ok(Value::atom(s)),
                _ => bif_badarg("binary_to_atom", &[a[0].clone(), Value::atom("utf8")]),
            }),
            ("to_existing_atom", 1, |_, a| {
                let call = [a[0].clone(), Value::atom("utf8")];
                match &a[0] {
                    Value::Str(s) => match Atom::existing(s) {
                        Some(atom) => Ok(Value::Atom(atom)),
                        None => bif_badarg("binary_to_existing_atom", &call),
                    },
                    _ => bif_badarg("binary_to_existing_atom", &call),
                }
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
                let c = graphemes_of(&a[0])?;
                let i = int(&a[1])?;
                let n = c.len() as i64;
                let i = if i < 0 { n + i } else { i };
                Ok(if (0..n).contains(&i) {
                    Value::string(c[i as usize])
                } else {
                    Value::NIL_ATOM
                })
            }),
            ("first", 1, |_, a| {
                Ok(graphemes(str_arg(&a[0])?)
                    .first()
                    .map_or(Value::NIL_ATOM, |g| Value::string(g)))
            }),
            ("last", 1, |_, a| {
                Ok(graphemes(str_arg(&a[0])?)
                    .last()
                    .map_or(Value::NIL_ATOM, |g| Value::string(g)))
            }),
            ("slice", 3, |_, a| {
                s(&slice_graphemes(
                    &graphemes_of(&a[0])?,
                    int(&a[1])?,
                    int(&a[2])?,
                ))
            }),
            ("slice", 2, |_, a| {
                let c = graphemes_of(&a[0])?;
                let Some((f, l, _)) = crate::ops::range_bounds(&a[1]) else {
                    return badarg();
                };
                let n = c.len() as i64;
                let f = if f < 0 { n + f } else { f };
                let l = if l < 0 { n + l } else { l };
                s(&slice_graphemes(&c, f, l - f + 1))
            }),
            ("graphemes", 1, |_, a| {
                Ok(Value::list(
                    graphemes_of(&a[0])?
                        .into_iter()
                        .map(Value::string)
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
                let c = graphemes_of(&a[0])?;
                let i = int(&a[1])?;
                let n = c.len() as i64;
                let at = if i < 0 { (n + i).max(0) } else { i.min(n) } as usize;
                Ok(Value::tuple(vec![
                    Value::string(&c[..at].concat()),
                    Value::string(&c[at..].concat()),
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
                match crate::decimal::parse_float(&text[..end]) {
                    Some(f) => Ok(Value::tuple(vec![
                        Value::Float(f),
                        Value::string(&text[end..]),
                    ])),
                    None => Ok(Value::atom("error")),
                }
            }),
        ],
    );
}
