//! Output: `IO.puts`, `IO.write`, `IO.inspect`, `inspect/1,2`, and the runtime's
//! own hooks the prelude uses to log reports and tag messages.

use super::{badarg, list, register, Control, Ctx, NResult, Table};
use crate::atom::Atom;
use crate::trace::{MessageKind, Stream};
use crate::value::Value;

/// Which stream a device argument names.
fn device(v: &Value) -> Result<Stream, Control> {
    match v.as_atom().map(|a| a.name()) {
        Some("stdio" | "standard_io") => Ok(Stream::Stdout),
        Some("stderr" | "standard_error") => Ok(Stream::Stderr),
        _ => badarg(),
    }
}

/// Chardata (a string, a list of strings and code points, or anything
/// `String.Chars` converts) as text.
pub fn chardata(v: &Value) -> Result<String, Control> {
    match v {
        Value::Nil | Value::Cons(_) => {
            let mut out = String::new();
            for item in list(v)? {
                match &item {
                    Value::Int(c) => match u32::try_from(*c).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => return badarg(),
                    },
                    Value::Str(s) => out.push_str(s),
                    Value::Nil | Value::Cons(_) => out.push_str(&chardata(&item)?),
                    _ => return badarg(),
                }
            }
            Ok(out)
        }
        other => Ok(crate::ops::to_string(other)?),
    }
}

fn puts(c: &mut Ctx<'_>, stream: Stream, v: &Value) -> NResult {
    let mut text = chardata(v)?;
    text.push('\n');
    let pid = c.proc.pid;
    c.core.print(pid, stream, text);
    Ok(Value::OK)
}

fn write(c: &mut Ctx<'_>, stream: Stream, v: &Value) -> NResult {
    let text = chardata(v)?;
    let pid = c.proc.pid;
    c.core.print(pid, stream, text);
    Ok(Value::OK)
}

/// `inspect/2` options from a keyword list.
fn inspect_opts(opts: &Value) -> Result<(crate::inspect::InspectOpts, Option<String>), Control> {
    let mut o = crate::inspect::InspectOpts::default();
    let mut label = None;
    for item in list(opts)? {
        let Value::Tuple(kv) = &item else {
            return badarg();
        };
        if kv.len() != 2 {
            return badarg();
        }
        match (kv[0].as_atom().map(|a| a.name()), &kv[1]) {
            (Some("label"), l) => label = Some(chardata(l)?),
            (Some("limit"), Value::Int(n)) => o.limit = (*n).max(0) as usize,
            (Some("limit"), Value::Atom(a)) if a.name() == "infinity" => o.limit = usize::MAX,
            (Some("width"), Value::Int(n)) => o.width = (*n).max(0) as usize,
            (Some("pretty"), Value::Atom(a)) => o.pretty = *a == Atom::TRUE,
            (Some("charlists"), Value::Atom(a)) => {
                o.charlists = match a.name() {
                    "as_lists" => crate::inspect::Charlists::AsLists,
                    _ => crate::inspect::Charlists::Infer,
                }
            }
            (Some("binaries"), Value::Atom(a)) => o.binaries_as_bytes = a.name() == "as_binaries",
            (Some("structs"), Value::Atom(a)) => o.structs = *a != Atom::FALSE,
            (Some("printable_limit"), Value::Int(n)) => o.printable_limit = (*n).max(0) as usize,
            (Some("base"), Value::Atom(a)) => {
                o.base = match a.name() {
                    "binary" => 2,
                    "octal" => 8,
                    "hex" => 16,
                    _ => 10,
                }
            }
            _ => {}
        }
    }
    Ok((o, label))
}

fn io_inspect(c: &mut Ctx<'_>, stream: Stream, v: &Value, opts: &Value) -> NResult {
    let (o, label) = inspect_opts(opts)?;
    let text = crate::inspect::inspect_labelled(v, label.as_deref(), &o);
    let pid = c.proc.pid;
    c.core.print(pid, stream, format!("{text}\n"));
    Ok(v.clone())
}

/// The reference a GenServer call is tagged with: in the request
/// `{:"$gen_call", {pid, [:alias | ref]}, request}`, or the alias a reply goes to.
fn call_ref(dest: &Value, msg: &Value, kind: MessageKind) -> Option<u64> {
    let tag_ref = |tag: &Value| match tag {
        Value::Cons(c) => match c.tail {
            Value::Ref(r) => Some(r.0),
            _ => None,
        },
        Value::Ref(r) => Some(r.0),
        _ => None,
    };
    match kind {
        MessageKind::Call => match msg {
            Value::Tuple(t) if t.len() == 3 => match &t[1] {
                Value::Tuple(from) if from.len() == 2 => tag_ref(&from[1]),
                _ => None,
            },
            _ => None,
        },
        MessageKind::Reply => match (dest, msg) {
            (Value::Ref(r), _) => Some(r.0),
            (_, Value::Tuple(t)) if t.len() == 2 => tag_ref(&t[0]),
            _ => None,
        },
        _ => None,
    }
}

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.IO",
        &[
            ("puts", 1, |c, a| puts(c, Stream::Stdout, &a[0])),
            ("puts", 2, |c, a| {
                let s = device(&a[0])?;
                puts(c, s, &a[1])
            }),
            ("write", 1, |c, a| write(c, Stream::Stdout, &a[0])),
            ("write", 2, |c, a| {
                let s = device(&a[0])?;
                write(c, s, &a[1])
            }),
            ("inspect", 1, |c, a| {
                io_inspect(c, Stream::Stdout, &a[0], &Value::Nil)
            }),
            ("inspect", 2, |c, a| {
                io_inspect(c, Stream::Stdout, &a[0], &a[1])
            }),
            ("inspect", 3, |c, a| {
                let s = device(&a[0])?;
                io_inspect(c, s, &a[1], &a[2])
            }),
            ("iodata_to_binary", 1, |_, a| {
                Ok(Value::string(&chardata(&a[0])?))
            }),
            ("chardata_to_string", 1, |_, a| {
                Ok(Value::string(&chardata(&a[0])?))
            }),
        ],
    );
    register(
        t,
        "Elixir.Kernel",
        &[
            ("inspect", 1, |_, a| {
                Ok(Value::string(&crate::inspect::inspect(&a[0])))
            }),
            ("inspect", 2, |_, a| {
                let (o, _) = inspect_opts(&a[1])?;
                Ok(Value::string(&crate::inspect::inspect_with(&a[0], &o)))
            }),
        ],
    );
    register(
        t,
        "Elixir.Macro",
        // Only the `:remote_call` form: how a stack entry names a function.
        &[("inspect_atom", 2, |_, a| {
            match (a[0].as_atom(), a[1].as_atom()) {
                (Some(kind), Some(name)) if kind.name() == "remote_call" => Ok(Value::string(
                    &crate::inspect::inspect_atom_remote_call(name.name()),
                )),
                _ => badarg(),
            }
        })],
    );
    register(
        t,
        "callcast",
        &[
            // send/3: like send/2, with the kind of message recorded for the diagram.
            ("send", 3, |c, a| {
                // Every GenServer message comes through here: compare atoms,
                // not their names.
                static KINDS: std::sync::OnceLock<[Atom; 3]> = std::sync::OnceLock::new();
                let [call, cast, reply] = *KINDS.get_or_init(|| {
                    [
                        Atom::intern("call"),
                        Atom::intern("cast"),
                        Atom::intern("reply"),
                    ]
                });
                let kind = match a[2] {
                    Value::Atom(k) if k == call => MessageKind::Call,
                    Value::Atom(k) if k == cast => MessageKind::Cast,
                    Value::Atom(k) if k == reply => MessageKind::Reply,
                    _ => MessageKind::Send,
                };
                let call = call_ref(&a[0], &a[1], kind);
                // The message is sent and returned: taken from the argument
                // rather than shared with it, which is dropped after the call.
                let msg = std::mem::replace(&mut a[1], Value::Nil);
                match &a[0] {
                    Value::Atom(name) if !c.core.registry.contains_key(name) => Ok(msg),
                    // No global registry exists here: nothing is registered there.
                    Value::Tuple(t)
                        if t.first().and_then(Value::as_atom).map(|x| x.name())
                            == Some("global")
                            || t.first().and_then(Value::as_atom).map(|x| x.name())
                                == Some("via") =>
                    {
                        Ok(msg)
                    }
                    dest => super::process::send_with_call(c, dest, msg, kind, call),
                }
            }),
            // A logger report: printed to stderr after a blank line, as Elixir's
            // console logger shows `[error]` reports.
            ("log_error", 1, |c, a| {
                let text = chardata(&a[0])?;
                let pid = c.proc.pid;
                c.core.log(pid, format!("\n[error] {text}\n"));
                Ok(Value::OK)
            }),
            // A plain process's crash report, which the logger gets late.
            ("log_crash", 1, |c, a| {
                let text = chardata(&a[0])?;
                let pid = c.proc.pid;
                c.core.log_when_idle(pid, format!("\n[error] {text}\n"));
                Ok(Value::OK)
            }),
            // monitor_as/2: a monitor whose reference is given (Task uses its reply tag).
            ("monitor_as", 2, |c, a| {
                let (Value::Pid(pid), Value::Ref(r)) = (&a[0], &a[1]) else {
                    return badarg();
                };
                let me = c.proc.pid;
                match c.core.process(c.proc, *pid) {
                    Some(t) => {
                        t.watchers.push((*r, me, None));
                        c.proc.watching.push((*r, *pid));
                    }
                    None => {
                        let msg = Value::tuple(vec![
                            Value::Atom(Atom::DOWN),
                            Value::Ref(*r),
                            Value::Atom(Atom::PROCESS),
                            Value::Pid(*pid),
                            Value::Atom(Atom::NOPROC),
                        ]);
                        c.core.send(c.proc, me, me, msg, MessageKind::Signal);
                    }
                }
                Ok(Value::Ref(*r))
            }),
            // halt_reason/1: the exit reason the trace gives a script that halts
            // on an uncaught error.
            ("halt_reason", 1, |c, a| {
                c.core.halt_reason = Some(a[0].clone());
                Ok(Value::OK)
            }),
            // exports/1: a module's public functions, sorted by name and arity
            // (what `__info__(:functions)` lists), for "did you mean" hints.
            ("exports", 1, |c, a| {
                let Some(module) = a[0].as_atom() else {
                    return badarg();
                };
                let mut found: Vec<(Atom, u32)> = runtime_core::native::natives_of(module);
                if let Some(info) = c.program.modules.get(&module) {
                    found.extend(
                        info.functions
                            .keys()
                            .filter(|key| !info.private.contains(key))
                            .copied(),
                    );
                }
                found.retain(|(name, _)| !name.name().starts_with("__"));
                found.sort_by(|x, y| x.0.name().cmp(y.0.name()).then(x.1.cmp(&y.1)));
                found.dedup();
                Ok(Value::list(
                    found
                        .into_iter()
                        .map(|(name, arity)| {
                            Value::tuple(vec![Value::Atom(name), Value::Int(i64::from(arity))])
                        })
                        .collect(),
                ))
            }),
            // gen_state/2: a GenServer records its state before waiting again.
            ("gen_state", 2, |c, a| {
                if c.core.tracing {
                    let at = c.core.clock;
                    let pid = c.proc.pid;
                    c.core.record(crate::trace::TraceEvent::GenState {
                        at,
                        pid,
                        module: crate::inspect::inspect(&a[0]),
                        state: a[1].clone(),
                    });
                }
                Ok(Value::OK)
            }),
            ("spawn_quiet", 2, |c, a| {
                super::process::spawn_quiet(c, &a[0], a[1].is_true())
            }),
            ("range", 3, |_, a| {
                Ok(crate::ops::range(
                    a[0].clone(),
                    a[1].clone(),
                    Some(a[2].clone()),
                )?)
            }),
            ("fun_info", 2, |_, a| {
                match (&a[0], a[1].as_atom().map(|x| x.name())) {
                    (Value::Fun(f), Some("arity")) => Ok(Value::tuple(vec![
                        a[1].clone(),
                        Value::Int(f.arity() as i64),
                    ])),
                    _ => badarg(),
                }
            }),
        ],
    );
}
