//! The scheduler: one run queue, processes run a slice of reductions each, a
//! virtual clock, timers, message delivery, links, monitors and exit signals.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use crate::fxhash::FxHashMap;

use crate::api::OutputChunk;
use crate::atom::Atom;
use crate::bytecode::{FunctionId, Program};
use crate::process::{Frame, Message, Process, Status};
use crate::trace::{MessageKind, Stream, TraceEvent};
use crate::value::{Pid, Ref, Value};

/// What a timer does when it fires.
#[derive(Clone, Debug)]
enum TimerKind {
    /// `Process.send_after`: deliver a message (`reference` is the timer's ref).
    Send {
        to: Pid,
        message: Value,
        from: Pid,
        reference: u64,
    },
    /// A `receive ... after` deadline.
    ReceiveTimeout { pid: Pid },
}

/// Tunables of the scheduler.
#[derive(Clone, Debug)]
pub struct SchedulerConfig {
    /// Reductions a process may run before it must yield (the BEAM uses 4000).
    pub slice: u32,
    /// Virtual nanoseconds one reduction takes.
    pub reduction_ns: u64,
    /// Largest stack (values) one process may grow to.
    pub max_stack: usize,
    /// Most processes alive at once.
    pub max_processes: usize,
    /// Most trace events recorded; later events are dropped (and the run says so).
    pub trace_limit: usize,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            slice: 4000,
            reduction_ns: 20,
            max_stack: 10_000_000,
            max_processes: 2_000_000,
            trace_limit: 2_000_000,
        }
    }
}

/// Everything the runtime holds except the program: processes, clock, timers,
/// names, output and trace.
pub struct Core {
    /// Virtual time, nanoseconds.
    pub clock: u64,
    /// Processes by pid number; `None` once exited.
    pub procs: Vec<Option<Box<Process>>>,
    /// Processes ready to run.
    pub run_queue: VecDeque<Pid>,
    timers: BinaryHeap<Reverse<(u64, u64)>>,
    timer_kinds: FxHashMap<u64, TimerKind>,
    /// Timers started by `send_after`, by reference: (timer id, deadline).
    send_timers: FxHashMap<u64, (u64, u64)>,
    /// Registered names.
    pub registry: HashMap<Atom, Pid>,
    /// Active process aliases (references that route to a process).
    pub aliases: FxHashMap<u64, Pid>,
    /// Whether to record the trace.
    pub tracing: bool,
    /// Set when the trace hit its limit and stopped recording.
    pub trace_truncated: bool,
    /// The trace.
    pub trace: Vec<TraceEvent>,
    /// Printed output.
    pub output: Vec<OutputChunk>,
    next_ref: u64,
    next_msg: u64,
    next_timer: u64,
    /// State of the seeded random generator.
    pub rng: u64,
    /// Set by `System.halt/1`.
    pub halted: Option<i32>,
    /// Tunables.
    pub config: SchedulerConfig,
    /// Processes alive now.
    pub alive: usize,
    /// The main process (the run ends when it does).
    pub main: Option<Pid>,
    /// Set when an exit signal killed the main process: its reason.
    pub main_killed: Option<Value>,
    /// A process whose slice the caller's budget cut short, and what is left of
    /// that slice: the next tick goes on with it, before anything else, so the
    /// schedule and the trace do not depend on how a run is divided into
    /// `run_for` calls.
    resume: Option<(Pid, u32)>,
    /// Set by the VM when a process asks to yield (`:erlang.yield/0`), with
    /// the reductions it had used: that ends its slice for good, even one the
    /// budget had cut short, and counts only what it used.
    pub(crate) yielded: Option<u32>,
    /// The reason a script that ends on an uncaught error halts with, so the
    /// trace shows its main process crashing rather than exiting `:normal`.
    pub halt_reason: Option<Value>,
    /// Processes killed by exit signals, to be ended by [`Core::drain_kills`].
    kills: Vec<(Pid, Value)>,
    /// Logger reports not printed yet: the logger prints them when it gets its
    /// turn in the run queue, so a report can be lost if the run ends first,
    /// as with Elixir's asynchronous logger.
    pending_logs: Vec<(Pid, String)>,
    logger_scheduled: bool,
    /// Crash reports of plain processes, which the BEAM's emulator hands to
    /// the logger by a slower path: they print once no process can run (or
    /// when the script ends), as Elixir's do.
    idle_logs: Vec<(Pid, String)>,
    /// Ended processes, emptied, whose memory the next spawns reuse (at most
    /// [`SPARE_PROCESSES`]). Boxed, as in `procs`, where they go back: a
    /// spawn then moves a pointer, not a whole process.
    #[allow(clippy::vec_box)]
    spare: Vec<Box<Process>>,
}

/// How many ended processes [`Core`] keeps for reuse: enough for the
/// processes one slice of a spawning loop starts (about 2 000 at two
/// reductions a spawn); about 1.7 MB at the usual size (a stack of 16
/// values), about 7 MB if every one is as large as kept ones can be.
const SPARE_PROCESSES: usize = 2048;

/// A process whose stack grew past this many values, or whose frames,
/// handlers, mailbox or dictionary grew past `SPARE_MAX_ENTRIES` entries, is
/// not kept for reuse: the next one would hold on to memory it most likely
/// does not need.
const SPARE_MAX_STACK: usize = 64;
/// See [`SPARE_MAX_STACK`].
const SPARE_MAX_ENTRIES: usize = 16;

/// The run-queue entry that stands for the logger.
const LOGGER: Pid = Pid(u32::MAX - 1);

impl Core {
    /// An empty runtime.
    pub fn new(seed: u64, tracing: bool, config: SchedulerConfig) -> Core {
        Core {
            clock: 0,
            procs: Vec::new(),
            run_queue: VecDeque::new(),
            timers: BinaryHeap::new(),
            timer_kinds: FxHashMap::default(),
            send_timers: FxHashMap::default(),
            registry: HashMap::new(),
            aliases: FxHashMap::default(),
            tracing,
            trace_truncated: false,
            trace: Vec::new(),
            output: Vec::new(),
            next_ref: 1,
            next_msg: 0,
            next_timer: 0,
            rng: seed ^ 0x9E37_79B9_7F4A_7C15,
            halted: None,
            config,
            alive: 0,
            main: None,
            main_killed: None,
            resume: None,
            yielded: None,
            halt_reason: None,
            kills: Vec::new(),
            pending_logs: Vec::new(),
            idle_logs: Vec::new(),
            logger_scheduled: false,
            spare: Vec::new(),
        }
    }

    /// A fresh reference.
    pub fn make_ref(&mut self) -> Ref {
        self.next_ref += 1;
        Ref(self.next_ref)
    }

    /// The next pseudo-random 64-bit number (SplitMix64: small and deterministic).
    pub fn next_random(&mut self) -> u64 {
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Appends an event to the trace, unless tracing is off or the trace is full.
    pub fn record(&mut self, event: TraceEvent) {
        if self.tracing {
            if self.trace.len() >= self.config.trace_limit {
                self.tracing = false;
                self.trace_truncated = true;
                return;
            }
            self.trace.push(event);
        }
    }

    /// Queues a logger report; see [`Core::flush_logs`].
    pub fn log(&mut self, pid: Pid, text: String) {
        self.pending_logs.push((pid, text));
        if !self.logger_scheduled {
            self.logger_scheduled = true;
            self.run_queue.push_back(LOGGER);
        }
    }

    /// Queues a report that prints once no process can run; see `idle_logs`.
    pub fn log_when_idle(&mut self, pid: Pid, text: String) {
        self.idle_logs.push((pid, text));
    }

    /// Prints the reports waiting for the system to be idle; whether there
    /// were any.
    pub fn flush_idle_logs(&mut self) -> bool {
        let logs = std::mem::take(&mut self.idle_logs);
        let any = !logs.is_empty();
        for (pid, text) in logs {
            self.print(pid, Stream::Stderr, text);
        }
        any
    }

    /// Prints the queued logger reports.
    pub fn flush_logs(&mut self) {
        self.logger_scheduled = false;
        for (pid, text) in std::mem::take(&mut self.pending_logs) {
            self.print(pid, Stream::Stderr, text);
        }
    }

    /// Appends printed text to the output (and the trace).
    pub fn print(&mut self, pid: Pid, stream: Stream, text: String) {
        if self.tracing {
            let at = self.clock;
            self.record(TraceEvent::Output {
                at,
                pid,
                stream,
                text: text.clone(),
            });
        }
        match self.output.last_mut() {
            Some(last) if last.stream == stream => last.text.push_str(&text),
            _ => self.output.push(OutputChunk { stream, text }),
        }
    }

    /// The process `pid`, whether it is the running one (`cur`) or parked.
    pub fn process<'a>(&'a mut self, cur: &'a mut Process, pid: Pid) -> Option<&'a mut Process> {
        if cur.pid == pid {
            Some(cur)
        } else {
            self.procs
                .get_mut(pid.0 as usize)
                .and_then(|p| p.as_deref_mut())
        }
    }

    /// Whether `pid` is alive (the running process counts).
    pub fn is_alive(&self, cur: &Process, pid: Pid) -> bool {
        cur.pid == pid || self.procs.get(pid.0 as usize).is_some_and(|p| p.is_some())
    }

    /// Creates a process that will start by running `fun` with `args`.
    pub fn spawn(
        &mut self,
        program: &Program,
        parent: Option<Pid>,
        fun: FunctionId,
        args: impl IntoIterator<Item = Value>,
        label: String,
    ) -> Pid {
        let pid = Pid(self.procs.len() as u32);
        let f = program.function(fun);
        let mut p = match self.spare.pop() {
            Some(mut p) => {
                p.pid = pid;
                p
            }
            None => {
                let mut p = Box::new(Process::new(pid));
                // Room for a few frames up front: most processes never grow past it.
                p.stack = Vec::with_capacity(16.max(f.locals as usize));
                p.frames.reserve(4);
                p
            }
        };
        p.stack.extend(args);
        p.stack.resize(f.locals as usize, Value::Nil);
        p.frames.push(Frame {
            fun,
            pc: 0,
            base: 0,
        });
        self.procs.push(Some(p));
        self.run_queue.push_back(pid);
        self.alive += 1;
        self.record(TraceEvent::Spawn {
            at: self.clock,
            pid,
            parent,
            label,
        });
        pid
    }

    /// Sends `message` from `from` to `to`; returns whether a process received it.
    pub fn send(
        &mut self,
        cur: &mut Process,
        from: Pid,
        to: Pid,
        message: Value,
        kind: MessageKind,
    ) -> bool {
        self.send_tagged(cur, from, to, message, kind, None)
    }

    /// [`Core::send`], recording the GenServer call this message belongs to.
    pub fn send_tagged(
        &mut self,
        cur: &mut Process,
        from: Pid,
        to: Pid,
        message: Value,
        kind: MessageKind,
        call: Option<u64>,
    ) -> bool {
        self.next_msg += 1;
        let id = self.next_msg;
        let clock = self.clock;
        let traced = self.tracing.then(|| message.clone());
        let delivered = match self.process(cur, to) {
            Some(target) => {
                target.mailbox.push_back(Message { id, value: message });
                if target.status == Status::Waiting {
                    target.status = Status::Runnable;
                    self.run_queue.push_back(to);
                }
                true
            }
            None => false,
        };
        if let Some(message) = traced {
            self.record(TraceEvent::Send {
                at: clock,
                id,
                from,
                to: delivered.then_some(to),
                kind,
                call,
                message,
            });
        }
        delivered
    }

    /// Records a message that reached nobody: sent to an alias its owner has
    /// already deactivated (a reply that arrives after its call timed out). The
    /// BEAM drops it silently; the trace keeps it so a diagram can show it.
    pub fn dropped(&mut self, from: Pid, message: &Value, kind: MessageKind, call: Option<u64>) {
        self.next_msg += 1;
        if self.tracing {
            let (at, id) = (self.clock, self.next_msg);
            self.record(TraceEvent::Send {
                at,
                id,
                from,
                to: None,
                kind,
                call,
                message: message.clone(),
            });
        }
    }

    /// Records that `pid` took message `id` out of its mailbox.
    pub fn received(&mut self, pid: Pid, id: u64, mailbox_len: usize) {
        // Hot (every message): skip building an event nobody records.
        if !self.tracing {
            return;
        }
        let at = self.clock;
        self.record(TraceEvent::Receive {
            at,
            pid,
            id,
            mailbox_len,
        });
    }

    /// Starts a timer that sends `message` to `to` after `ms` milliseconds.
    pub fn send_after(&mut self, from: Pid, to: Pid, message: Value, ms: u64) -> Ref {
        let r = self.make_ref();
        let now = self.clock;
        self.record(TraceEvent::Timer {
            at: now,
            pid: from,
            to,
            ms,
        });
        let at = self.clock + ms * 1_000_000;
        let id = self.add_timer(
            at,
            TimerKind::Send {
                to,
                message,
                from,
                reference: r.0,
            },
        );
        self.send_timers.insert(r.0, (id, at));
        r
    }

    /// Cancels a `send_after` timer; returns the milliseconds it had left.
    pub fn cancel_timer(&mut self, r: Ref) -> Option<u64> {
        let (id, at) = self.send_timers.remove(&r.0)?;
        self.timer_kinds.remove(&id);
        Some(at.saturating_sub(self.clock) / 1_000_000)
    }

    /// Milliseconds left on a `send_after` timer.
    pub fn read_timer(&self, r: Ref) -> Option<u64> {
        self.send_timers
            .get(&r.0)
            .map(|(_, at)| at.saturating_sub(self.clock) / 1_000_000)
    }

    /// Arms the `receive ... after` deadline of `pid`; returns the timer's id.
    pub fn receive_timeout(&mut self, pid: Pid, ms: u64) -> u64 {
        let at = self.clock + ms * 1_000_000;
        self.add_timer(at, TimerKind::ReceiveTimeout { pid })
    }

    /// Forgets the `receive ... after` timer `id` of a receive that took a
    /// message, as the BEAM cancels it: a server answering calls with the
    /// default 5 s timeout would otherwise hold one pending timer per call.
    pub fn forget_receive_timer(&mut self, id: u64) {
        self.timer_kinds.remove(&id);
    }

    fn add_timer(&mut self, at: u64, kind: TimerKind) -> u64 {
        self.next_timer += 1;
        let id = self.next_timer;
        self.timer_kinds.insert(id, kind);
        // Forgotten timers leave their heap entry behind until it reaches the
        // top; rebuild the heap when they outnumber the live ones, so memory
        // stays proportional to the timers that can still fire. The order of
        // `(at, id)` entries does not depend on how the heap was built.
        if self.timers.len() >= 1024 && self.timers.len() > 2 * self.timer_kinds.len() {
            let kinds = &self.timer_kinds;
            self.timers
                .retain(|Reverse((_, id))| kinds.contains_key(id));
        }
        self.timers.push(Reverse((at, id)));
        id
    }

    /// The deadline of the next pending timer.
    fn next_deadline(&mut self) -> Option<u64> {
        while let Some(Reverse((at, id))) = self.timers.peek().copied() {
            if self.timer_kinds.contains_key(&id) {
                return Some(at);
            }
            self.timers.pop();
        }
        None
    }

    /// Fires every timer due at the current clock.
    fn fire_due_timers(&mut self) {
        while let Some(at) = self.next_deadline() {
            if at > self.clock {
                break;
            }
            let Some(Reverse((_, id))) = self.timers.pop() else {
                break;
            };
            let Some(kind) = self.timer_kinds.remove(&id) else {
                continue;
            };
            match kind {
                TimerKind::Send {
                    to,
                    message,
                    from,
                    reference,
                } => {
                    self.send_timers.remove(&reference);
                    let mut dummy = Process::new(Pid(u32::MAX));
                    self.send(&mut dummy, from, to, message, MessageKind::Timer);
                }
                TimerKind::ReceiveTimeout { pid } => {
                    if let Some(Some(p)) = self.procs.get_mut(pid.0 as usize) {
                        if p.recv_timer == Some(id) {
                            p.recv_timer = None;
                            p.timed_out = true;
                            if p.status == Status::Waiting {
                                p.status = Status::Runnable;
                                self.run_queue.push_back(pid);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Delivers an exit signal from `from` with `reason` to `to`.
    pub fn exit_signal(
        &mut self,
        cur: &mut Process,
        from: Pid,
        to: Pid,
        reason: Value,
        linked: bool,
    ) {
        let kill = !linked && matches!(reason, Value::Atom(a) if a == Atom::KILL);
        let normal = matches!(reason, Value::Atom(a) if a == Atom::NORMAL);
        let Some(target) = self.process(cur, to) else {
            return;
        };
        if linked {
            target.links.retain(|p| *p != from);
        }
        if kill {
            target.pending_exit = Some(Value::Atom(Atom::KILLED));
        } else if target.trap_exit {
            let msg = Value::tuple(vec![Value::Atom(Atom::EXIT_TAG), Value::Pid(from), reason]);
            self.send(cur, from, to, msg, MessageKind::Signal);
            return;
        } else if normal && from != to {
            return;
        } else {
            target.pending_exit = Some(reason);
        }
        // A parked process dies at once (see `drain_kills`); the running one
        // checks after its current step.
        if to != cur.pid {
            if let Some(Some(p)) = self.procs.get_mut(to.0 as usize) {
                if let Some(reason) = p.pending_exit.take() {
                    self.kills.push((to, reason));
                }
            }
        }
    }

    /// Ends the parked processes that exit signals killed (and those their
    /// deaths kill in turn), one at a time rather than recursively.
    pub fn drain_kills(&mut self) {
        while let Some((pid, reason)) = self.kills.pop() {
            let Some(p) = self.procs.get_mut(pid.0 as usize).and_then(|p| p.take()) else {
                continue;
            };
            if Some(pid) == self.main {
                self.main_killed = Some(reason.clone());
            }
            self.exit(p, reason);
        }
    }

    /// Ends process `p` with `reason`: notify links and monitors, free its name.
    pub fn exit(&mut self, mut p: Box<Process>, reason: Value) {
        let pid = p.pid;
        self.alive = self.alive.saturating_sub(1);
        if let Some(name) = p.name.take() {
            self.registry.remove(&name);
        }
        if !self.aliases.is_empty() {
            self.aliases.retain(|_, owner| *owner != pid);
        }
        if self.tracing {
            let at = self.clock;
            self.record(TraceEvent::Exit {
                at,
                pid,
                reason: reason.clone(),
                reductions: p.reductions,
            });
        }
        let links = std::mem::take(&mut p.links);
        if p.watchers.is_empty() && p.watching.is_empty() && links.is_empty() {
            // Most processes end unwatched and unlinked (a million senders).
            self.keep_for_reuse(p);
            self.drain_kills();
            return;
        }
        let mut dummy = Process::new(Pid(u32::MAX));
        for (r, watcher, name) in std::mem::take(&mut p.watchers) {
            if let Some(Some(w)) = self.procs.get_mut(watcher.0 as usize) {
                w.watching.retain(|(wr, _)| *wr != r);
            }
            let msg = Value::tuple(vec![
                Value::Atom(Atom::DOWN),
                Value::Ref(r),
                Value::Atom(Atom::PROCESS),
                match name {
                    Some(n) => Value::tuple(vec![Value::Atom(n), Value::atom("nonode@nohost")]),
                    None => Value::Pid(pid),
                },
                reason.clone(),
            ]);
            self.send(&mut dummy, pid, watcher, msg, MessageKind::Signal);
        }
        for (r, watched) in std::mem::take(&mut p.watching) {
            if let Some(Some(w)) = self.procs.get_mut(watched.0 as usize) {
                w.watchers.retain(|(wr, _, _)| *wr != r);
            }
        }
        self.keep_for_reuse(p);
        for l in links {
            self.exit_signal(&mut dummy, pid, l, reason.clone(), true);
        }
        self.drain_kills();
    }

    /// Empties an ended process (its values are dropped now, as when it was
    /// freed) and keeps its memory for a later spawn, unless enough are kept
    /// or it grew large.
    fn keep_for_reuse(&mut self, mut p: Box<Process>) {
        if self.spare.len() < SPARE_PROCESSES
            && p.stack.capacity() <= SPARE_MAX_STACK
            && p.frames.capacity() <= SPARE_MAX_ENTRIES
            && p.handlers.capacity() <= SPARE_MAX_ENTRIES
            && p.mailbox.capacity() <= SPARE_MAX_ENTRIES
            && p.dictionary.capacity() <= SPARE_MAX_ENTRIES
        {
            p.clear_for_reuse();
            self.spare.push(p);
        }
    }

    /// Advances the clock for `reductions` of work.
    pub fn spend(&mut self, reductions: u64) {
        self.clock += reductions * self.config.reduction_ns;
    }
}

/// What happened when the scheduler looked for work.
pub enum Tick {
    /// A process ran (or a timer fired); keep going.
    Progress,
    /// Nothing can ever happen again: every process waits with no timer pending.
    Deadlock,
}

/// Picks the next thing to do: fire due timers, run one slice of the next
/// runnable process, or jump the clock to the next timer.
pub fn tick(
    program: &Program,
    core: &mut Core,
    budget: u32,
    on_exit: &mut dyn FnMut(&mut Core, Pid, crate::vm::Outcome),
) -> (Tick, u32) {
    // A cut slice goes on as if it had not been cut: no timer fires in between.
    let (next, entitled) = match core.resume.take() {
        Some((pid, left)) => (Some(pid), left),
        None => {
            core.fire_due_timers();
            (core.run_queue.pop_front(), core.config.slice)
        }
    };
    if let Some(pid) = next {
        if pid == LOGGER {
            core.flush_logs();
            return (Tick::Progress, 0);
        }
        let Some(mut p) = core.procs.get_mut(pid.0 as usize).and_then(|p| p.take()) else {
            return (Tick::Progress, 0);
        };
        if p.status != Status::Runnable {
            core.procs[pid.0 as usize] = Some(p);
            return (Tick::Progress, 0);
        }
        let slice = budget.min(entitled).max(1);
        core.yielded = None;
        let (outcome, used) = crate::vm::run(program, core, &mut p, slice);
        let voluntary = core.yielded.take();
        let used = voluntary.unwrap_or(used);
        p.reductions += u64::from(used);
        if used == 0 {
            // Even a slice that did nothing takes a moment.
            core.spend(1);
        }
        match outcome {
            crate::vm::Outcome::Yield => {
                p.status = Status::Runnable;
                core.procs[pid.0 as usize] = Some(p);
                if slice < entitled && used < entitled && voluntary.is_none() {
                    core.resume = Some((pid, entitled - used));
                } else {
                    core.run_queue.push_back(pid);
                }
            }
            crate::vm::Outcome::Wait => {
                if core.tracing {
                    let at = core.clock;
                    core.record(TraceEvent::Wait {
                        at,
                        pid,
                        mailbox_len: p.mailbox.len(),
                        reductions: p.reductions,
                    });
                }
                p.status = Status::Waiting;
                core.procs[pid.0 as usize] = Some(p);
            }
            outcome => {
                let reason = match outcome {
                    crate::vm::Outcome::Halt(_) => core.halt_reason.take(),
                    _ => None,
                }
                .unwrap_or_else(|| outcome.exit_reason());
                core.exit(p, reason);
                on_exit(core, pid, outcome);
            }
        }
        // Signals sent during the slice may have killed parked processes.
        core.drain_kills();
        return (Tick::Progress, used.max(1));
    }
    if core.flush_idle_logs() {
        return (Tick::Progress, 0);
    }
    match core.next_deadline() {
        Some(at) => {
            core.clock = core.clock.max(at);
            (Tick::Progress, 0)
        }
        None => (Tick::Deadlock, 0),
    }
}
