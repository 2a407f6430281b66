//! Plain data derived from a trace: who ran, what they sent, how full their
//! mailboxes were. Pure functions, so every view can be tested without a browser.
//!
//! Every function reads the trace it is given to its end, so the state *as of
//! event i* is the same function over [`until`]`(trace, i)`: the scrubber and
//! Step need nothing else. Each is a fold ([`Output`], [`Processes`],
//! [`Mailboxes`]) that can also be kept and fed only the events recorded
//! since ([`Processes::follow`]): a trace only grows, so a view following a
//! run does not read its whole trace again on every render.

use std::borrow::Cow;

use runtime_core::inspect::inspect;
use runtime_core::trace::Nanos;
use runtime_core::value::{Pid, Value};
use runtime_core::{OutputChunk, TraceEvent};

use super::chunked::Chunked;

/// How a pid is printed everywhere in the views: `#PID<0.N.0>`, the form the
/// runtime documents for [`Pid`].
pub fn pid_text(pid: Pid) -> String {
    format!("#PID<0.{}.0>", pid.0)
}

/// Anonymous functions of the prelude that processes are spawned with, and
/// what a reader knows those processes as.
const PRELUDE_FUNS: &[(&str, &str)] = &[
    ("-body/3-fun-0-", "Task"),
    ("-do_start/4-fun-0-", "GenServer"),
];

/// The name a process is shown with before it has a better one (a registered
/// name, a GenServer module): its spawn label, made readable. The runtime
/// labels an anonymous function as the BEAM names it, `-run/1-fun-0-`; shown
/// here as `fn in run/1`, or just `fn` for one written at the top of the
/// script or inside another `fn` (the views print the pid beside it).
/// Borrowed unless it must be built (`fn in …`), so a million rows copy no text.
pub fn display_name(label: &str) -> Cow<'_, str> {
    if let Some(&(_, name)) = PRELUDE_FUNS.iter().find(|(fun, _)| *fun == label) {
        return Cow::Borrowed(name);
    }
    let Some(inner) = label.strip_prefix('-').and_then(|l| l.strip_suffix('-')) else {
        return Cow::Borrowed(label);
    };
    match inner.split_once("-fun-") {
        // At the top of the script, or inside another anonymous function.
        Some(("__FILE__/1" | "", _)) => Cow::Borrowed("fn"),
        Some((owner, _)) => Cow::Owned(format!("fn in {owner}")),
        None => Cow::Borrowed(label),
    }
}

/// The first `events` events of the trace (all of them when it is shorter):
/// the run as it stood after its `events`-th event.
pub fn until(trace: &[TraceEvent], events: usize) -> &[TraceEvent] {
    &trace[..events.min(trace.len())]
}

/// What the program had printed by the end of the trace, merged as the
/// console shows it (one chunk per run of the same stream).
pub fn output(trace: &[TraceEvent]) -> Vec<OutputChunk> {
    let mut output = Output::default();
    output.follow(trace);
    output.chunks
}

/// The printed output, folded event by event (see [`output`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    chunks: Vec<OutputChunk>,
    fed: usize,
    /// How much had been printed after every [`MARK_EVERY`]-th event folded:
    /// the number of chunks and the length of the last one's text.
    marks: Vec<(usize, usize)>,
}

/// Events between two of [`Output`]'s marks.
const MARK_EVERY: usize = 8_192;

impl Output {
    /// Folds in the events of `trace` past those folded so far; `trace` must
    /// begin with the events already folded (the same run, not cut earlier).
    pub fn follow(&mut self, trace: &[TraceEvent]) {
        let start = self.fed.min(trace.len());
        for (i, event) in trace.iter().enumerate().skip(start) {
            if let TraceEvent::Output { stream, text, .. } = event {
                match self.chunks.last_mut() {
                    Some(last) if last.stream == *stream => last.text.push_str(text),
                    _ => self.chunks.push(OutputChunk {
                        stream: *stream,
                        text: text.clone(),
                    }),
                }
            }
            if (i + 1) % MARK_EVERY == 0 && self.marks.len() < (i + 1) / MARK_EVERY {
                let last = self.chunks.last().map_or(0, |chunk| chunk.text.len());
                self.marks.push((self.chunks.len(), last));
            }
        }
        self.fed = self.fed.max(trace.len());
    }

    /// Moves to the end of `trace`, the same run's trace cut at any moment,
    /// earlier than the one folded too: what was printed by then is a prefix
    /// of what is held, found from the nearest mark at or before it, so going
    /// back folds at most [`MARK_EVERY`] events again.
    pub fn seek(&mut self, trace: &[TraceEvent]) {
        if trace.len() < self.fed {
            let marks = (trace.len() / MARK_EVERY).min(self.marks.len());
            let (chunks, last) = marks.checked_sub(1).map_or((0, 0), |m| self.marks[m]);
            self.chunks.truncate(chunks);
            if let Some(chunk) = self.chunks.last_mut() {
                chunk.text.truncate(last);
            }
            self.marks.truncate(marks);
            self.fed = marks * MARK_EVERY;
        }
        self.follow(trace);
    }

    /// The output as of the last event folded in.
    pub fn chunks(&self) -> &[OutputChunk] {
        &self.chunks
    }

    /// How many events were folded in.
    pub fn fed(&self) -> usize {
        self.fed
    }
}

/// Where a process stands, as of the end of the trace.
#[derive(Clone, Copy, Debug)]
pub enum ProcessStatus<'t> {
    /// Runnable: it has work to do.
    Running,
    /// Blocked in `receive`: nothing in its mailbox matched.
    Waiting,
    /// Exited with this reason.
    Exited(&'t Value),
}

/// One process of a run. It borrows from the trace, so listing a million
/// processes copies no text: only the rows a view shows are printed.
#[derive(Clone, Debug)]
pub struct ProcessRow<'t> {
    /// Its pid.
    pub pid: Pid,
    /// The label the runtime gave it (module of a GenServer, or function).
    pub label: &'t str,
    /// Who spawned it.
    pub parent: Option<Pid>,
    /// Running, waiting or exited.
    pub status: ProcessStatus<'t>,
    /// Messages it took out of its mailbox.
    pub received: usize,
    /// Messages waiting in its mailbox.
    pub mailbox: usize,
    /// The name it is shown with: registered name, else GenServer module, else
    /// its label made readable ([`display_name`]).
    pub name: Cow<'t, str>,
    /// Reductions it ran, as of its latest wait or its exit.
    pub reductions: u64,
    /// For a GenServer: its latest state.
    pub state: Option<&'t Value>,
}

impl ProcessRow<'_> {
    /// The exit reason, inspected, once the process exited.
    pub fn exit_reason(&self) -> Option<String> {
        match self.status {
            ProcessStatus::Exited(reason) => Some(inspect(reason)),
            _ => None,
        }
    }

    /// A GenServer's latest state, inspected.
    pub fn state_text(&self) -> Option<String> {
        self.state.map(inspect)
    }
}

/// Row numbers by pid: pids are small consecutive numbers, so a vector indexed
/// by pid finds a row in one step (a map lookup per event would dominate).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct RowIndex(Chunked<u32>);

impl RowIndex {
    const NONE: u32 = u32::MAX;

    fn insert(&mut self, pid: Pid, row: usize) {
        let slot = pid.0 as usize;
        while self.0.len() <= slot {
            self.0.push(Self::NONE);
        }
        if let Some(entry) = self.0.get_mut(slot) {
            *entry = u32::try_from(row).unwrap_or(Self::NONE);
        }
    }

    fn get(&self, pid: Pid) -> Option<usize> {
        match self.0.get(pid.0 as usize) {
            Some(&row) if row != Self::NONE => Some(row as usize),
            _ => None,
        }
    }

    /// The rows, in pid order.
    fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .filter(|&&row| row != Self::NONE)
            .map(|&row| row as usize)
    }
}

/// The position of an event in the trace. A kept row points into the trace
/// instead of borrowing from it, because the trace it was folded from grows
/// (and moves) while the run goes on.
type EventIndex = u32;

fn event_index(i: usize) -> EventIndex {
    // No trace that fits in memory has 4 billion events; an index past the
    // trace reads as nothing.
    EventIndex::try_from(i).unwrap_or(EventIndex::MAX)
}

/// [`ProcessStatus`], with the exit as the index of the `Exit` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Running,
    Waiting,
    Exited(EventIndex),
}

/// One process as kept by [`Processes`]: a [`ProcessRow`] with indices of the
/// events its text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Kept {
    pid: Pid,
    /// Its `Spawn` event (the label).
    spawn: EventIndex,
    parent: Option<Pid>,
    standing: Standing,
    received: usize,
    mailbox: usize,
    /// The `Register` or `GenState` event its name comes from; `None`: the label.
    name: Option<EventIndex>,
    reductions: u64,
    /// Its latest `GenState` event.
    state: Option<EventIndex>,
}

impl Kept {
    fn label<'t>(&self, trace: &'t [TraceEvent]) -> &'t str {
        match trace.get(self.spawn as usize) {
            Some(TraceEvent::Spawn { label, .. }) => label,
            _ => "",
        }
    }

    fn name<'t>(&self, trace: &'t [TraceEvent]) -> Cow<'t, str> {
        match self.name.and_then(|i| trace.get(i as usize)) {
            Some(TraceEvent::Register { name, .. }) => Cow::Borrowed(name),
            Some(TraceEvent::GenState { module, .. }) => Cow::Borrowed(module),
            _ => display_name(self.label(trace)),
        }
    }

    fn row<'t>(&self, trace: &'t [TraceEvent]) -> ProcessRow<'t> {
        let status = match self.standing {
            Standing::Running => ProcessStatus::Running,
            Standing::Waiting => ProcessStatus::Waiting,
            Standing::Exited(i) => match trace.get(i as usize) {
                Some(TraceEvent::Exit { reason, .. }) => ProcessStatus::Exited(reason),
                _ => ProcessStatus::Running,
            },
        };
        let state = match self.state.and_then(|i| trace.get(i as usize)) {
            Some(TraceEvent::GenState { state, .. }) => Some(state),
            _ => None,
        };
        ProcessRow {
            pid: self.pid,
            label: self.label(trace),
            parent: self.parent,
            status,
            received: self.received,
            mailbox: self.mailbox,
            name: self.name(trace),
            reductions: self.reductions,
            state,
        }
    }
}

/// Every process of the trace, in spawn order.
pub fn processes(trace: &[TraceEvent]) -> Vec<ProcessRow<'_>> {
    let mut processes = Processes::default();
    processes.follow(trace);
    processes.rows(trace).collect()
}

/// The processes of a run, folded event by event (see [`processes`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Processes {
    rows: Chunked<Kept>,
    index: RowIndex,
    fed: usize,
}

impl Processes {
    /// Folds in the events of `trace` past those folded so far; `trace` must
    /// begin with the events already folded (the same run, not cut earlier).
    pub fn follow(&mut self, trace: &[TraceEvent]) {
        let start = self.fed.min(trace.len());
        for (i, event) in trace.iter().enumerate().skip(start) {
            self.fold(trace, i, event);
        }
        self.fed = self.fed.max(trace.len());
    }

    fn fold(&mut self, trace: &[TraceEvent], i: usize, event: &TraceEvent) {
        if let TraceEvent::Spawn { pid, parent, .. } = event {
            self.index.insert(*pid, self.rows.len());
            self.rows.push(Kept {
                pid: *pid,
                spawn: event_index(i),
                parent: *parent,
                standing: Standing::Running,
                received: 0,
                mailbox: 0,
                name: None,
                reductions: 0,
                state: None,
            });
            return;
        }
        let pid = match event {
            TraceEvent::Send { to: Some(to), .. } => to,
            TraceEvent::Receive { pid, .. }
            | TraceEvent::Exit { pid, .. }
            | TraceEvent::Wait { pid, .. }
            | TraceEvent::GenState { pid, .. }
            | TraceEvent::Register { pid, .. } => pid,
            _ => return,
        };
        let Some(row) = self.index.get(*pid).and_then(|r| self.rows.get_mut(r)) else {
            return;
        };
        match event {
            TraceEvent::Send { .. } => row.mailbox += 1,
            TraceEvent::Receive { mailbox_len, .. } => {
                row.received += 1;
                row.mailbox = *mailbox_len;
                row.standing = Standing::Running;
            }
            TraceEvent::Exit { reductions, .. } => {
                row.standing = Standing::Exited(event_index(i));
                row.reductions = *reductions;
            }
            TraceEvent::Wait {
                mailbox_len,
                reductions,
                ..
            } => {
                row.standing = Standing::Waiting;
                row.mailbox = *mailbox_len;
                row.reductions = *reductions;
            }
            TraceEvent::GenState { .. } => {
                row.state = Some(event_index(i));
                // The module names it unless a better name came first.
                if row.name(trace) == display_name(row.label(trace)) {
                    row.name = Some(event_index(i));
                }
            }
            TraceEvent::Register { .. } => row.name = Some(event_index(i)),
            _ => {}
        }
    }

    /// The rows, in spawn order, reading their text from `trace` (the trace
    /// they were folded from, or a longer one of the same run).
    pub fn rows<'s, 't: 's>(
        &'s self,
        trace: &'t [TraceEvent],
    ) -> impl ExactSizeIterator<Item = ProcessRow<'t>> + 's {
        self.rows.iter().map(move |kept| kept.row(trace))
    }

    /// Bytes on the heap not in `seen` (see [`Chunked::heap_bytes`]).
    #[cfg(test)]
    pub fn heap_bytes(&self, seen: &mut std::collections::HashSet<usize>) -> usize {
        self.rows.heap_bytes(seen, &mut |_, _| 0) + self.index.0.heap_bytes(seen, &mut |_, _| 0)
    }

    /// The name `pid` is shown with, if it was spawned.
    pub fn name<'t>(&self, trace: &'t [TraceEvent], pid: Pid) -> Option<Cow<'t, str>> {
        let row = self.rows.get(self.index.get(pid)?)?;
        Some(row.name(trace))
    }

    /// How many processes there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no process was spawned yet.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many events were folded in.
    pub fn fed(&self) -> usize {
        self.fed
    }
}

/// The length of one process's mailbox over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxSeries {
    /// The process.
    pub pid: Pid,
    /// `(time, length)` after every change, in time order.
    pub points: Chunked<(Nanos, usize)>,
    /// The first `(time, length)` where it was longest.
    pub peak: (Nanos, usize),
}

/// Mailbox lengths over time, for every process that was ever sent a message,
/// in pid order.
pub fn mailbox_series(trace: &[TraceEvent]) -> Vec<MailboxSeries> {
    let mut mailboxes = Mailboxes::default();
    mailboxes.follow(trace);
    mailboxes.series().cloned().collect()
}

/// The mailbox series of a run, folded event by event (see [`mailbox_series`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mailboxes {
    /// In the order of their first message.
    series: Chunked<MailboxSeries>,
    /// Where in `series` each pid's is.
    index: RowIndex,
    fed: usize,
}

impl Mailboxes {
    /// Folds in the events of `trace` past those folded so far; `trace` must
    /// begin with the events already folded (the same run, not cut earlier).
    pub fn follow(&mut self, trace: &[TraceEvent]) {
        for event in trace.get(self.fed..).unwrap_or_default() {
            let (pid, at, len) = match event {
                TraceEvent::Send {
                    to: Some(to), at, ..
                } => {
                    let current = self
                        .index
                        .get(*to)
                        .and_then(|i| self.series.get(i))
                        .and_then(|s| s.points.last())
                        .map_or(0, |p| p.1);
                    (*to, *at, current + 1)
                }
                TraceEvent::Receive {
                    pid,
                    at,
                    mailbox_len,
                    ..
                } => (*pid, *at, *mailbox_len),
                _ => continue,
            };
            if self.index.get(pid).is_none() {
                self.index.insert(pid, self.series.len());
                self.series.push(MailboxSeries {
                    pid,
                    points: [(0, 0)].into_iter().collect(),
                    peak: (0, 0),
                });
            }
            let Some(entry) = self.index.get(pid).and_then(|i| self.series.get_mut(i)) else {
                continue;
            };
            entry.points.push((at, len));
            if len > entry.peak.1 {
                entry.peak = (at, len);
            }
        }
        self.fed = self.fed.max(trace.len());
    }

    /// Bytes on the heap not in `seen` (see [`Chunked::heap_bytes`]).
    #[cfg(test)]
    pub fn heap_bytes(&self, seen: &mut std::collections::HashSet<usize>) -> usize {
        let points = &mut |s: &MailboxSeries, seen: &mut std::collections::HashSet<usize>| {
            s.points.heap_bytes(seen, &mut |_, _| 0)
        };
        self.series.heap_bytes(seen, points) + self.index.0.heap_bytes(seen, &mut |_, _| 0)
    }

    /// The series, in pid order.
    pub fn series(&self) -> impl Iterator<Item = &MailboxSeries> {
        self.index.rows().filter_map(|i| self.series.get(i))
    }

    /// Whether no process was sent a message yet.
    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// How many events were folded in.
    pub fn fed(&self) -> usize {
        self.fed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime_core::MessageKind;

    fn spawn(at: Nanos, pid: u32, parent: Option<u32>, label: &str) -> TraceEvent {
        TraceEvent::Spawn {
            at,
            pid: Pid(pid),
            parent: parent.map(Pid),
            label: label.to_owned(),
        }
    }

    fn send(at: Nanos, id: u64, from: u32, to: u32) -> TraceEvent {
        TraceEvent::Send {
            at,
            id,
            from: Pid(from),
            to: Some(Pid(to)),
            kind: MessageKind::Cast,
            call: None,
            message: Value::atom("inc"),
        }
    }

    fn receive(at: Nanos, id: u64, pid: u32, mailbox_len: usize) -> TraceEvent {
        TraceEvent::Receive {
            at,
            pid: Pid(pid),
            id,
            mailbox_len,
        }
    }

    /// A main process casting two messages to a counter that handles one.
    fn two_casts() -> Vec<TraceEvent> {
        vec![
            spawn(0, 0, None, "main"),
            spawn(1, 1, Some(0), "Counter"),
            send(2, 1, 0, 1),
            send(3, 2, 0, 1),
            receive(5, 1, 1, 1),
            TraceEvent::Exit {
                at: 6,
                pid: Pid(0),
                reason: Value::atom("normal"),
                reductions: 0,
            },
        ]
    }

    #[test]
    fn process_rows_follow_the_trace() {
        let table: Vec<String> = processes(&two_casts())
            .iter()
            .map(|row| {
                let status = match row.exit_reason() {
                    Some(reason) => format!("exited {reason}"),
                    None => format!("{:?}", row.status),
                };
                format!(
                    "{} {} parent={:?} {status} received={} mailbox={}",
                    pid_text(row.pid),
                    row.name,
                    row.parent.map(pid_text),
                    row.received,
                    row.mailbox
                )
            })
            .collect();
        assert_eq!(
            table,
            [
                "#PID<0.0.0> main parent=None exited :normal received=0 mailbox=0",
                "#PID<0.1.0> Counter parent=Some(\"#PID<0.0.0>\") Running received=1 mailbox=1",
            ]
        );
    }

    #[test]
    fn a_genserver_row_has_its_name_state_and_reductions() {
        let source = "defmodule Stack do\n  use GenServer\n  def init(s), do: {:ok, s}\n  def handle_cast({:push, x}, s), do: {:noreply, [x | s]}\n  def handle_call(:peek, _from, s), do: {:reply, hd(s), s}\nend\n{:ok, pid} = GenServer.start_link(Stack, [])\nGenServer.cast(pid, {:push, 1})\nGenServer.cast(pid, {:push, :two})\nGenServer.call(pid, :peek)\n";
        let mut session =
            callcast_compiler::start(source, "t.exs", runtime_core::RunConfig::default())
                .expect("compiles");
        while session.run_for(100_000) == runtime_core::RunStatus::Running {}
        let rows = processes(session.trace());
        let server = rows.iter().find(|r| r.name == "Stack");
        let Some(server) = server else {
            panic!("no Stack row: {rows:?}");
        };
        assert_eq!(server.state_text().as_deref(), Some("[:two, 1]"));
        assert!(matches!(server.status, ProcessStatus::Waiting));
        assert!(server.reductions > 0);
        assert_eq!(server.received, 3, "two casts and a call");
    }

    #[test]
    fn spawn_labels_read_as_a_reader_knows_them() {
        let shown: Vec<String> = [
            "main",
            "-__FILE__/1-fun-0-",
            "--fun-0-",
            "-loop/2-fun-1-",
            "-body/3-fun-0-",
            "Worker.run",
            "-odd",
        ]
        .iter()
        .map(|label| display_name(label).into_owned())
        .collect();
        assert_eq!(
            shown,
            [
                "main",
                "fn",
                "fn",
                "fn in loop/2",
                "Task",
                "Worker.run",
                "-odd"
            ]
        );
    }

    #[test]
    fn mailbox_series_count_up_on_send_and_down_on_receive() {
        assert_eq!(
            mailbox_series(&two_casts()),
            [MailboxSeries {
                pid: Pid(1),
                points: [(0, 0), (2, 1), (3, 2), (5, 1)].into_iter().collect(),
                peak: (3, 2),
            }]
        );
    }

    #[test]
    fn output_sought_back_and_forth_equals_the_output_up_to_the_moment() {
        // Lines of both streams, a mark every 8 192 events, 30 000 events.
        let mut trace = vec![spawn(0, 0, None, "main")];
        for i in 1..30_000_u64 {
            trace.push(match i % 7 {
                0 => TraceEvent::Output {
                    at: i,
                    pid: Pid(0),
                    stream: runtime_core::Stream::Stderr,
                    text: format!("e{i}\n"),
                },
                1 | 2 => TraceEvent::Output {
                    at: i,
                    pid: Pid(0),
                    stream: runtime_core::Stream::Stdout,
                    text: format!("o{i}\n"),
                },
                _ => send(i, i, 0, 0),
            });
        }
        let mut sought = Output::default();
        let moments = [
            30_000, 8_192, 8_191, 8_193, 0, 16_384, 29_999, 16_383, 1, 24_577, 12_000, 30_000,
        ];
        for moment in moments {
            let cut = until(&trace, moment);
            sought.seek(cut);
            assert_eq!(sought.chunks(), output(cut), "the output at event {moment}");
        }
    }

    #[test]
    fn the_placeholder_runtime_trace_has_one_process() {
        let mut session = callcast_compiler::start(
            "IO.puts(\"hello\")\n",
            "t.exs",
            runtime_core::RunConfig::default(),
        )
        .expect("the placeholder runtime accepts IO.puts");
        while session.run_for(1000) == runtime_core::RunStatus::Running {}
        let rows = processes(session.trace());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].exit_reason().as_deref(), Some(":normal"));
        assert!(mailbox_series(session.trace()).is_empty());
    }
}
