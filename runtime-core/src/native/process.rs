//! The process primitives: spawn, send, self, monitors, links, exit signals,
//! names, timers, flags and the virtual clock.

use super::{badarg, bif_badarg, int, register, Args, Control, Ctx, NResult, Table};
use crate::atom::Atom;
use crate::bytecode::Callee;
use crate::exception::{self, Exception};
use crate::trace::{MessageKind, TraceEvent};
use crate::value::{Pid, Ref, Value};

pub(super) fn register_all(t: &mut Table) {
    register(
        t,
        "Elixir.Kernel",
        &[
            ("self", 0, |c, _| Ok(Value::Pid(c.proc.pid))),
            ("spawn", 1, |c, a| spawn(c, &a[0], false)),
            ("spawn_link", 1, |c, a| spawn(c, &a[0], true)),
            ("spawn", 3, |c, a| spawn_mfa(c, a, false)),
            ("spawn_link", 3, |c, a| spawn_mfa(c, a, true)),
            ("spawn_monitor", 1, |c, a| {
                let pid = spawn(c, &a[0], false)?;
                let r = monitor(c, &pid)?;
                Ok(Value::tuple(vec![pid, r]))
            }),
            ("send", 2, |c, a| {
                send(c, &a[0], a[1].clone(), MessageKind::Send)
            }),
        ],
    );
    register(
        t,
        "erlang",
        &[
            ("send", 2, |c, a| {
                send(c, &a[0], a[1].clone(), MessageKind::Send)
            }),
            ("self", 0, |c, _| Ok(Value::Pid(c.proc.pid))),
            ("monitor", 2, |c, a| monitor(c, &a[1])),
            ("demonitor", 1, |c, a| demonitor(c, &a[0], &Value::Nil)),
            ("demonitor", 2, |c, a| demonitor(c, &a[0], &a[1])),
            ("alias", 0, |c, _| {
                let r = c.core.make_ref();
                c.core.aliases.insert(r.0, c.proc.pid);
                Ok(Value::Ref(r))
            }),
            ("unalias", 1, |c, a| match &a[0] {
                Value::Ref(r) => Ok(Value::bool(c.core.aliases.remove(&r.0).is_some())),
                _ => badarg(),
            }),
        ],
    );
    register(
        t,
        "Elixir.Process",
        &[
            ("monitor", 1, |c, a| monitor(c, &a[0])),
            ("demonitor", 1, |c, a| demonitor(c, &a[0], &Value::Nil)),
            ("demonitor", 2, |c, a| demonitor(c, &a[0], &a[1])),
            ("link", 1, |c, a| link(c, &a[0])),
            ("unlink", 1, |c, a| {
                let Value::Pid(other) = a[0] else {
                    return bif_badarg("unlink", a);
                };
                c.proc.links.retain(|p| *p != other);
                let me = c.proc.pid;
                if let Some(o) = c.core.process(c.proc, other) {
                    o.links.retain(|p| *p != me);
                }
                Ok(Value::TRUE)
            }),
            ("exit", 2, |c, a| {
                let Some(target) = resolve(c, &a[0]) else {
                    return bif_badarg("exit", a);
                };
                let me = c.proc.pid;
                c.core.exit_signal(c.proc, me, target, a[1].clone(), false);
                Ok(Value::TRUE)
            }),
            ("alive?", 1, |c, a| match a[0] {
                Value::Pid(p) => Ok(Value::bool(c.core.is_alive(c.proc, p))),
                _ => bif_badarg("is_process_alive", a),
            }),
            ("register", 2, |c, a| {
                let Some(name) = a[1].as_atom() else {
                    return badarg();
                };
                let refused = || {
                    super::argument_error(&format!(
                        "could not register {} with name {} because it is not alive, the name is already taken, or it has already been given another name",
                        crate::inspect::inspect(&a[0]),
                        crate::inspect::inspect(&a[1])
                    ))
                };
                let Value::Pid(pid) = &a[0] else {
                    return refused();
                };
                if c.core.registry.contains_key(&name) || !c.core.is_alive(c.proc, *pid) {
                    return refused();
                }
                let Some(p) = c.core.process(c.proc, *pid) else {
                    return refused();
                };
                if p.name.is_some() {
                    return refused();
                }
                p.name = Some(name);
                c.core.registry.insert(name, *pid);
                let at = c.core.clock;
                c.core.record(TraceEvent::Register {
                    at,
                    pid: *pid,
                    name: crate::inspect::inspect(&a[1]),
                });
                Ok(Value::TRUE)
            }),
            ("unregister", 1, |c, a| {
                let Some(name) = a[0].as_atom() else {
                    return bif_badarg("unregister", a);
                };
                match c.core.registry.remove(&name) {
                    Some(pid) => {
                        if let Some(p) = c.core.process(c.proc, pid) {
                            p.name = None;
                        }
                        Ok(Value::TRUE)
                    }
                    None => bif_badarg("unregister", a),
                }
            }),
            ("whereis", 1, |c, a| {
                let Some(name) = a[0].as_atom() else {
                    return bif_badarg("whereis", a);
                };
                Ok(c.core
                    .registry
                    .get(&name)
                    .map_or(Value::NIL_ATOM, |p| Value::Pid(*p)))
            }),
            ("registered", 0, |c, _| {
                let mut names: Vec<Value> =
                    c.core.registry.keys().map(|a| Value::Atom(*a)).collect();
                names.sort_by(crate::term_order::compare);
                Ok(Value::list(names))
            }),
            ("list", 0, |c, _| {
                let mut pids: Vec<Value> = c
                    .core
                    .procs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.is_some())
                    .map(|(i, _)| Value::Pid(Pid(i as u32)))
                    .collect();
                pids.push(Value::Pid(c.proc.pid));
                pids.sort_by(crate::term_order::compare);
                Ok(Value::list(pids))
            }),
            ("send_after", 3, |c, a| {
                if !matches!(a[0], Value::Pid(_) | Value::Atom(_)) {
                    // `:erlang.send_after(time, dest, message)`.
                    return bif_badarg("send_after", &[a[2].clone(), a[0].clone(), a[1].clone()]);
                }
                let to = resolve(c, &a[0]).ok_or_else(|| Control::Raise(exception::badarg()))?;
                let ms = int(&a[2])?;
                if ms < 0 {
                    let call = vec![a[2].clone(), a[0].clone(), a[1].clone()];
                    let e = exception::bif_badarg_because(
                        exception::bif_badarg("send_after", call),
                        "time",
                    );
                    return Err(Control::Raise(e));
                }
                let me = c.proc.pid;
                Ok(Value::Ref(c.core.send_after(
                    me,
                    to,
                    a[1].clone(),
                    ms as u64,
                )))
            }),
            ("cancel_timer", 1, |c, a| match a[0] {
                Value::Ref(r) => Ok(c
                    .core
                    .cancel_timer(r)
                    .map_or(Value::FALSE, |ms| Value::Int(ms as i64))),
                _ => bif_badarg("cancel_timer", a),
            }),
            ("cancel_timer", 2, |c, a| match a[0] {
                Value::Ref(r) => {
                    let left = c
                        .core
                        .cancel_timer(r)
                        .map_or(Value::FALSE, |ms| Value::Int(ms as i64));
                    let asynchronous = a[1].list_iter().any(|o| {
                        matches!(o, Value::Tuple(kv) if kv.len() == 2
                            && kv[0].as_atom().map(|x| x.name()) == Some("async")
                            && kv[1].is_true())
                    });
                    Ok(if asynchronous { Value::OK } else { left })
                }
                _ => bif_badarg("cancel_timer", a),
            }),
            ("read_timer", 1, |c, a| match a[0] {
                Value::Ref(r) => Ok(c
                    .core
                    .read_timer(r)
                    .map_or(Value::FALSE, |ms| Value::Int(ms as i64))),
                _ => bif_badarg("read_timer", a),
            }),
            ("flag", 2, |c, a| {
                match (a[0].as_atom().map(|x| x.name()), &a[1]) {
                    (Some("trap_exit"), Value::Atom(b))
                        if *b == Atom::TRUE || *b == Atom::FALSE =>
                    {
                        let old = c.proc.trap_exit;
                        c.proc.trap_exit = *b == Atom::TRUE;
                        Ok(Value::bool(old))
                    }
                    (Some("message_queue_data"), _) => Ok(Value::atom("on_heap")),
                    _ => bif_badarg("process_flag", a),
                }
            }),
            ("info", 2, info),
            ("info", 1, |c, a| {
                let Value::Pid(pid) = a[0] else {
                    return bif_badarg("process_info", a);
                };
                if !c.core.is_alive(c.proc, pid) {
                    return Ok(Value::NIL_ATOM);
                }
                let mut items = Vec::new();
                for key in [
                    "registered_name",
                    "status",
                    "message_queue_len",
                    "links",
                    "trap_exit",
                    "reductions",
                ] {
                    let v = info(c, &mut Args::new(&mut [a[0].clone(), Value::atom(key)]))?;
                    if !matches!(v, Value::Nil) {
                        items.push(v);
                    }
                }
                Ok(Value::list(items))
            }),
            ("put", 2, |c, a| {
                let d = &mut c.proc.dictionary;
                let old = match d
                    .iter_mut()
                    .find(|(k, _)| crate::term_order::strict_equal(k, &a[0]))
                {
                    Some((_, v)) => std::mem::replace(v, a[1].clone()),
                    None => {
                        d.push((a[0].clone(), a[1].clone()));
                        Value::NIL_ATOM
                    }
                };
                Ok(old)
            }),
            ("get", 1, |c, a| {
                Ok(c.proc
                    .dictionary
                    .iter()
                    .find(|(k, _)| crate::term_order::strict_equal(k, &a[0]))
                    .map_or(Value::NIL_ATOM, |(_, v)| v.clone()))
            }),
            ("get", 2, |c, a| {
                Ok(c.proc
                    .dictionary
                    .iter()
                    .find(|(k, _)| crate::term_order::strict_equal(k, &a[0]))
                    .map_or(a[1].clone(), |(_, v)| v.clone()))
            }),
            ("delete", 1, |c, a| {
                let d = &mut c.proc.dictionary;
                match d
                    .iter()
                    .position(|(k, _)| crate::term_order::strict_equal(k, &a[0]))
                {
                    Some(i) => Ok(d.remove(i).1),
                    None => Ok(Value::NIL_ATOM),
                }
            }),
        ],
    );
    register(
        t,
        "Elixir.System",
        &[
            ("monotonic_time", 0, |c, _| {
                Ok(Value::Int(c.core.clock as i64))
            }),
            ("monotonic_time", 1, |c, a| time_in(c.core.clock, &a[0])),
            ("system_time", 0, |c, _| Ok(Value::Int(c.core.clock as i64))),
            ("system_time", 1, |c, a| time_in(c.core.clock, &a[0])),
            ("os_time", 1, |c, a| time_in(c.core.clock, &a[0])),
            ("halt", 0, |_, _| Err(Control::Halt(0))),
            ("halt", 1, |_, a| Err(Control::Halt(int(&a[0])? as i32))),
            ("schedulers_online", 0, |_, _| Ok(Value::Int(1))),
            ("convert_time_unit", 3, |_, a| {
                let n = int(&a[0])?;
                let per_second = |u: &Value| match u.as_atom().map(|x| x.name()) {
                    Some("second") => Ok(1i128),
                    Some("millisecond") => Ok(1_000),
                    Some("microsecond") => Ok(1_000_000),
                    Some("nanosecond" | "native") => Ok(1_000_000_000),
                    _ => badarg(),
                };
                let (from, to) = (per_second(&a[1])?, per_second(&a[2])?);
                Ok(Value::Int((i128::from(n) * to).div_euclid(from) as i64))
            }),
        ],
    );
    register(
        t,
        "erlang",
        &[("yield", 0, |_, _| Err(Control::Yield(Value::TRUE)))],
    );
}

fn time_in(clock_ns: u64, unit: &Value) -> NResult {
    let ns = clock_ns as i64;
    match unit.as_atom().map(|a| a.name()) {
        Some("second") => Ok(Value::Int(ns / 1_000_000_000)),
        Some("millisecond") => Ok(Value::Int(ns / 1_000_000)),
        Some("microsecond") => Ok(Value::Int(ns / 1_000)),
        Some("nanosecond" | "native") => Ok(Value::Int(ns)),
        _ => badarg(),
    }
}

/// The pid a destination names: a pid, or a registered name.
fn resolve(c: &Ctx<'_>, dest: &Value) -> Option<Pid> {
    match dest {
        Value::Pid(p) => Some(*p),
        Value::Atom(a) => c.core.registry.get(a).copied(),
        _ => None,
    }
}

/// Spawns through `Kernel.__quiet_entry__/1`: no crash report of its own.
pub fn spawn_quiet(c: &mut Ctx<'_>, fun: &Value, link: bool) -> NResult {
    spawn_via(c, fun, link, true)
}

fn spawn(c: &mut Ctx<'_>, fun: &Value, link: bool) -> NResult {
    spawn_via(c, fun, link, false)
}

/// Spawns `fun` to start in `Kernel.__quiet_entry__/1` when `quiet`, else in
/// `Kernel.__spawn_entry__/1` (which reports a crash).
fn spawn_via(c: &mut Ctx<'_>, fun: &Value, link: bool, quiet: bool) -> NResult {
    let Value::Fun(f) = fun else {
        let bif = if link { "spawn_link" } else { "spawn" };
        return bif_badarg(bif, std::slice::from_ref(fun));
    };
    if f.arity() != 0 {
        return badarg();
    }
    if c.core.alive + 1 > c.core.config.max_processes {
        return Err(Control::Raise(exception::system_limit(&format!(
            "callcast: too many processes (the limit is {})",
            c.core.config.max_processes
        ))));
    }
    // Spawning is hot (a million senders): look the entry points up once.
    let (loud_entry, quiet_entry) = *c.program.spawn_entries.get_or_init(|| {
        let kernel = Atom::intern("Elixir.Kernel");
        (
            c.program.lookup(kernel, Atom::intern("__spawn_entry__"), 1),
            c.program.lookup(kernel, Atom::intern("__quiet_entry__"), 1),
        )
    });
    let Callee::Function(id) = (if quiet { quiet_entry } else { loud_entry }) else {
        return badarg();
    };
    // The label only matters to the trace: skip building it otherwise.
    let label = if !c.core.tracing {
        String::new()
    } else {
        match &**f {
            crate::value::Closure::Lambda { function, .. } => function.name.clone(),
            crate::value::Closure::External {
                module, function, ..
            } => format!(
                "{}.{}",
                module.name().trim_start_matches("Elixir."),
                function.name()
            ),
        }
    };
    let me = c.proc.pid;
    let pid = c.core.spawn(c.program, Some(me), id, [fun.clone()], label);
    if link {
        link_new(c, me, pid);
    }
    Ok(Value::Pid(pid))
}

fn spawn_mfa(c: &mut Ctx<'_>, a: &Args<'_>, link: bool) -> NResult {
    let (Some(module), Some(function)) = (a[0].as_atom(), a[1].as_atom()) else {
        return bif_badarg(if link { "spawn_link" } else { "spawn" }, a);
    };
    let args = a[2]
        .list_to_vec()
        .ok_or_else(|| Control::Raise(exception::badarg()))?;
    // Wrap as a zero-arity function value: `fn -> apply(m, f, args) end`.
    let f = Value::Fun(std::rc::Rc::new(crate::value::Closure::External {
        module,
        function,
        arity: args.len(),
    }));
    if args.is_empty() {
        return spawn(c, &f, link);
    }
    let apply = match c.program.lookup(
        Atom::intern("Elixir.Kernel"),
        Atom::intern("__apply_entry__"),
        2,
    ) {
        Callee::Function(id) => id,
        _ => return badarg(),
    };
    let me = c.proc.pid;
    let label = format!(
        "{}.{}",
        module.name().trim_start_matches("Elixir."),
        function.name()
    );
    let pid = c
        .core
        .spawn(c.program, Some(me), apply, [f, Value::list(args)], label);
    if link {
        link_new(c, me, pid);
    }
    Ok(Value::Pid(pid))
}

/// Links the calling process `me` with the process it just spawned.
fn link_new(c: &mut Ctx<'_>, me: Pid, pid: Pid) {
    c.proc.links.push(pid);
    if let Some(Some(p)) = c.core.procs.get_mut(pid.0 as usize) {
        p.links.push(me);
    }
    let at = c.core.clock;
    c.core.record(TraceEvent::Link {
        at,
        from: me,
        to: pid,
    });
}

fn send(c: &mut Ctx<'_>, dest: &Value, msg: Value, kind: MessageKind) -> NResult {
    send_with_call(c, dest, msg, kind, None)
}

/// `send/2` as GenServer uses it: the kind of message and the call it belongs
/// to are recorded for the diagram.
pub fn send_with_call(
    c: &mut Ctx<'_>,
    dest: &Value,
    msg: Value,
    kind: MessageKind,
    call: Option<u64>,
) -> NResult {
    let me = c.proc.pid;
    match dest {
        Value::Pid(p) => {
            c.core.send_tagged(c.proc, me, *p, msg.clone(), kind, call);
        }
        Value::Atom(a) => match c.core.registry.get(a).copied() {
            Some(p) => {
                c.core.send_tagged(c.proc, me, p, msg.clone(), kind, call);
            }
            None => return bif_badarg("send", &[dest.clone(), msg]),
        },
        Value::Ref(r) => {
            // An alias: delivered while its owner keeps it active, dropped after.
            let kind = if matches!(kind, MessageKind::Send) {
                MessageKind::Reply
            } else {
                kind
            };
            match c.core.aliases.get(&r.0).copied() {
                Some(p) => {
                    c.core.send_tagged(c.proc, me, p, msg.clone(), kind, call);
                }
                None => c.core.dropped(me, &msg, kind, call),
            }
        }
        Value::Tuple(t) if t.len() == 2 => {
            // `{name, node}`: only the local node exists.
            return send_with_call(c, &t[0], msg, kind, call);
        }
        _ => return bif_badarg("send", &[dest.clone(), msg]),
    }
    Ok(msg)
}

fn monitor(c: &mut Ctx<'_>, target: &Value) -> NResult {
    let r = c.core.make_ref();
    let me = c.proc.pid;
    let pid = match target {
        Value::Pid(p) => Some(*p),
        Value::Atom(a) => c.core.registry.get(a).copied(),
        Value::Tuple(t) if t.len() == 2 => t[0]
            .as_atom()
            .and_then(|a| c.core.registry.get(&a).copied()),
        _ => return bif_badarg("monitor", &[Value::atom("process"), target.clone()]),
    };
    let watched = pid.filter(|p| c.core.is_alive(c.proc, *p));
    let at = c.core.clock;
    c.core.record(TraceEvent::Monitor {
        at,
        watcher: me,
        watched,
    });
    match pid.and_then(|p| c.core.process(c.proc, p).map(|_| p)) {
        Some(p) => {
            if let Some(t) = c.core.process(c.proc, p) {
                t.watchers.push((
                    r,
                    me,
                    match target {
                        Value::Atom(a) => Some(*a),
                        Value::Tuple(t) => t[0].as_atom(),
                        _ => None,
                    },
                ));
            }
            c.proc.watching.push((r, p));
        }
        None => {
            let dead = match target {
                Value::Atom(a) => Value::tuple(vec![Value::Atom(*a), Value::atom("nonode@nohost")]),
                other => other.clone(),
            };
            let msg = Value::tuple(vec![
                Value::Atom(Atom::DOWN),
                Value::Ref(r),
                Value::Atom(Atom::PROCESS),
                dead,
                Value::Atom(Atom::NOPROC),
            ]);
            c.core.send(c.proc, me, me, msg, MessageKind::Signal);
        }
    }
    Ok(Value::Ref(r))
}

/// `Process.demonitor(ref, options)`: `:flush` drops a `:DOWN` already
/// delivered; `:info` returns whether the monitor was still active.
fn demonitor(c: &mut Ctx<'_>, r: &Value, options: &Value) -> NResult {
    let Value::Ref(r) = *r else {
        return bif_badarg("demonitor", std::slice::from_ref(r));
    };
    let has = |name: &str| {
        options
            .list_iter()
            .any(|o| o.as_atom().map(|a| a.name()) == Some(name))
    };
    let (flush, info) = (has("flush"), has("info"));
    let active = c.proc.watching.iter().any(|(x, _)| *x == r);
    if let Some(i) = c.proc.watching.iter().position(|(x, _)| *x == r) {
        let (_, watched) = c.proc.watching.remove(i);
        if let Some(t) = c.core.process(c.proc, watched) {
            t.watchers.retain(|(x, _, _)| *x != r);
        }
    }
    if flush {
        c.proc.mailbox.retain(|m| !is_down_for(&m.value, r));
    }
    Ok(if info {
        Value::bool(active)
    } else {
        Value::TRUE
    })
}

fn is_down_for(v: &Value, r: Ref) -> bool {
    matches!(v, Value::Tuple(t) if t.len() == 5 && t[0].as_atom() == Some(Atom::DOWN) && matches!(t[1], Value::Ref(x) if x == r))
}

fn link(c: &mut Ctx<'_>, target: &Value) -> NResult {
    let Value::Pid(other) = *target else {
        return bif_badarg("link", std::slice::from_ref(target));
    };
    let me = c.proc.pid;
    if other == me {
        return Ok(Value::TRUE);
    }
    if !c.core.is_alive(c.proc, other) {
        // Linking to a dead process: an exit signal with :noproc.
        if c.proc.trap_exit {
            let msg = Value::tuple(vec![
                Value::Atom(Atom::EXIT_TAG),
                Value::Pid(other),
                Value::Atom(Atom::NOPROC),
            ]);
            c.core.send(c.proc, other, me, msg, MessageKind::Signal);
            return Ok(Value::TRUE);
        }
        return Err(Control::Raise(Exception::error(
            crate::exception::exception_struct(
                "ErlangError",
                vec![
                    ("original", Value::Atom(Atom::NOPROC)),
                    ("reason", Value::NIL_ATOM),
                ],
            ),
        )));
    }
    if !c.proc.links.contains(&other) {
        c.proc.links.push(other);
        if let Some(o) = c.core.process(c.proc, other) {
            o.links.push(me);
        }
        let at = c.core.clock;
        c.core.record(TraceEvent::Link {
            at,
            from: me,
            to: other,
        });
    }
    Ok(Value::TRUE)
}

fn info(c: &mut Ctx<'_>, a: &mut Args<'_>) -> NResult {
    let Value::Pid(pid) = a[0] else {
        return bif_badarg("process_info", a);
    };
    if let Value::Nil | Value::Cons(_) = a[1] {
        // A list of items gives a keyword list (nil for a dead process).
        if !c.core.is_alive(c.proc, pid) {
            return Ok(Value::NIL_ATOM);
        }
        let mut items = Vec::new();
        for key in a[1].list_iter() {
            match info(c, &mut Args::new(&mut [a[0].clone(), key.clone()]))? {
                Value::Nil => items.push(Value::tuple(vec![key.clone(), Value::Nil])),
                other => items.push(other),
            }
        }
        return Ok(Value::list(items));
    }
    let Some(item) = a[1].as_atom() else {
        return badarg();
    };
    let Some(p) = c.core.process(c.proc, pid) else {
        return Ok(Value::NIL_ATOM);
    };
    let value = match item.name() {
        "message_queue_len" => Value::Int(p.mailbox.len() as i64),
        "messages" => Value::list(p.mailbox.iter().map(|m| m.value.clone()).collect()),
        "links" => Value::list(p.links.iter().map(|l| Value::Pid(*l)).collect()),
        "reductions" => Value::Int(p.reductions as i64),
        "trap_exit" => Value::bool(p.trap_exit),
        "registered_name" => match p.name {
            Some(n) => Value::Atom(n),
            None => return Ok(Value::Nil),
        },
        "status" => Value::atom(if pid == c.proc.pid {
            "running"
        } else {
            "waiting"
        }),
        _ => return badarg(),
    };
    Ok(Value::tuple(vec![Value::Atom(item), value]))
}
