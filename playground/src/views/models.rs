//! The models the views draw, kept from one render to the next: a run's trace
//! only grows, so following it means folding in the events recorded since the
//! last render ([`Models::follow`]), not reading the whole trace again. The
//! scrubber moves the moment anywhere, back as well as forward: a copy of the
//! models is kept every [`EVERY`] events as the fold passes there, so any
//! moment is the nearest copy at or before it plus at most that many events
//! folded in. The copies are cheap because the models share what did not
//! change between two moments (see `chunked.rs`). Another run starts over.

use std::rc::Rc;

use runtime_core::TraceEvent;

use super::model::{Mailboxes, Processes};
use super::sequence_layout::{Layout, LayoutBuilder};

/// Events between two kept copies of the models. Folding this many takes
/// about a millisecond in the browser; a copy of the million senders' models
/// shares all but a few chunks with the next (see `docs/benchmarks.md`).
pub const EVERY: usize = 8_192;

/// The process table, the mailbox series and the diagram's layout of one run,
/// as of its first [`Models::fed`] events.
#[derive(Debug)]
pub struct Models {
    run: u64,
    /// Events between two kept copies ([`EVERY`] but in tests).
    every: usize,
    /// The process rows.
    pub processes: Processes,
    /// The mailbox lengths over time.
    pub mailboxes: Mailboxes,
    /// The sequence diagram.
    pub layout: LayoutBuilder,
    /// The last layout made ([`Models::diagram`]), with the builder's
    /// [`LayoutBuilder::shapes`] when it was made.
    finished: Option<(u64, Rc<Layout>)>,
    /// The models as of event `(j + 1) * every` of this run, at `j`, for
    /// every such moment the fold has passed.
    kept: Vec<Models>,
}

impl Default for Models {
    fn default() -> Self {
        Models::keeping_every(EVERY)
    }
}

impl Models {
    /// No models yet, to keep a copy every `every` events (at least one).
    pub fn keeping_every(every: usize) -> Models {
        Models {
            run: 0,
            every: every.max(1),
            processes: Processes::default(),
            mailboxes: Mailboxes::default(),
            layout: LayoutBuilder::default(),
            finished: None,
            kept: Vec::new(),
        }
    }

    /// Brings the models to the end of `trace`, the trace of run number `run`
    /// (any number that tells runs apart) cut at the moment to show.
    pub fn follow(&mut self, run: u64, trace: &[TraceEvent]) {
        let every = self.every;
        if run != self.run {
            *self = Models {
                run,
                ..Models::keeping_every(every)
            };
        }
        let moment = trace.len();
        // The nearest copy at or before the moment, when it is nearer than
        // what is folded (which cannot go back).
        let nearest = (moment / every).min(self.kept.len());
        if nearest > 0 && (moment < self.fed() || nearest * every > self.fed()) {
            let copy = self.kept[nearest - 1].copy();
            self.take(copy);
        } else if moment < self.fed() {
            self.take(Models::keeping_every(every));
        }
        while self.fed() < moment {
            let next = (self.fed() / every + 1) * every;
            let cut = &trace[..next.min(moment)];
            self.processes.follow(cut);
            self.mailboxes.follow(cut);
            self.layout.follow(cut);
            if cut.len() == next && self.kept.len() < next / every {
                let copy = self.copy();
                self.kept.push(copy);
            }
        }
    }

    /// The models as they stand, without the kept copies.
    fn copy(&self) -> Models {
        // A layout made for other shapes will not be used again.
        let finished = self
            .finished
            .clone()
            .filter(|(made, _)| *made == self.layout.shapes());
        Models {
            run: self.run,
            every: self.every,
            processes: self.processes.clone(),
            mailboxes: self.mailboxes.clone(),
            layout: self.layout.clone(),
            finished,
            kept: Vec::new(),
        }
    }

    /// Becomes `other`'s models, keeping the copies.
    fn take(&mut self, other: Models) {
        // Equal counts of shape changes mean the same shapes (the same run
        // folded to two moments between which only the summary changed): a
        // layout made since for them serves the copy too, and spares making
        // one again.
        let shapes = other.layout.shapes();
        self.finished = other
            .finished
            .or(self.finished.take())
            .filter(|(made, _)| *made == shapes);
        self.processes = other.processes;
        self.mailboxes = other.mailboxes;
        self.layout = other.layout;
    }

    /// The diagram's layout as of the events followed. Once the diagram is
    /// full, new events only add to its summary: the shapes of the last
    /// layout are reused then, so following a long run costs no more per
    /// render than the events it adds.
    pub fn diagram(&mut self) -> Rc<Layout> {
        let shapes = self.layout.shapes();
        let layout = match &self.finished {
            Some((made, last)) if *made == shapes => {
                let summary = self.layout.summary();
                if summary == last.summary {
                    return last.clone();
                }
                Rc::new(last.with_summary(summary))
            }
            _ => Rc::new(self.layout.finish()),
        };
        self.finished = Some((shapes, layout.clone()));
        layout
    }

    /// How many events of the trace the models hold.
    pub fn fed(&self) -> usize {
        self.processes.fed()
    }

    /// Bytes the kept copies hold that the models as they stand do not share
    /// (roughly: see the `heap_bytes` of each model), and those of the models.
    #[cfg(test)]
    fn kept_bytes(&self) -> (usize, usize) {
        let mut seen = std::collections::HashSet::new();
        let live = self.heap_bytes(&mut seen);
        let kept = self
            .kept
            .iter()
            .map(|copy| copy.heap_bytes(&mut seen))
            .sum();
        (kept, live)
    }

    #[cfg(test)]
    fn heap_bytes(&self, seen: &mut std::collections::HashSet<usize>) -> usize {
        self.processes.heap_bytes(seen)
            + self.mailboxes.heap_bytes(seen)
            + self.layout.heap_bytes(seen)
    }

    /// How many copies are kept (one per `every` events folded so far).
    pub fn kept(&self) -> usize {
        self.kept.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::model::{mailbox_series, processes};
    use crate::views::sequence_layout::layout;
    use runtime_core::{RunConfig, RunStatus};

    /// Everything a view reads from the models, as text, so two models compare
    /// as the views would draw them.
    fn drawn(models: &mut Models, trace: &[TraceEvent]) -> String {
        let layout = models.diagram();
        let rows: Vec<String> = models
            .processes
            .rows(trace)
            .map(|row| format!("{row:?} {:?} {:?}", row.exit_reason(), row.state_text()))
            .collect();
        let series: Vec<_> = models.mailboxes.series().collect();
        format!("{rows:#?}\n{series:#?}\n{layout:#?}")
    }

    /// The same, derived from scratch by the functions over a whole trace.
    fn from_scratch(trace: &[TraceEvent]) -> String {
        let rows: Vec<String> = processes(trace)
            .iter()
            .map(|row| format!("{row:?} {:?} {:?}", row.exit_reason(), row.state_text()))
            .collect();
        let series = mailbox_series(trace);
        let series: Vec<_> = series.iter().collect();
        format!("{rows:#?}\n{series:#?}\n{:#?}", layout(trace))
    }

    fn trace_of(source: &str) -> Vec<TraceEvent> {
        let mut session = callcast_compiler::start(source, "main.exs", RunConfig::default())
            .expect("the program compiles");
        while session.run_for(100_000) == RunStatus::Running {}
        session.trace().to_vec()
    }

    /// Follows `trace` moving the moment on by each of `strides` in turn
    /// (repeating them, so the moments fall everywhere), and checks the
    /// models at about `checks` of those moments and at the end.
    fn check_moments(name: &str, trace: &[TraceEvent], strides: &[usize], checks: usize) {
        let mut models = Models::default();
        let mut moment = 0;
        let mut checked = 0;
        for &stride in strides.iter().cycle() {
            moment = (moment + stride).min(trace.len());
            let cut = &trace[..moment];
            models.follow(1, cut);
            // Checking every moment of a long trace would be quadratic.
            if moment % (trace.len() / checks).max(1) < stride || moment == trace.len() {
                assert_eq!(
                    drawn(&mut models, cut),
                    from_scratch(cut),
                    "{name}: the models folded up to event {moment} differ from a fresh build"
                );
                checked += 1;
            }
            if moment == trace.len() {
                break;
            }
        }
        assert!(checked > 0, "{name}: no moment checked");
    }

    /// Every example and `tests/moments` program, by file name, with its trace
    /// (the million senders scaled down: a native debug build checking a
    /// trace of 200 000 events takes minutes).
    fn program_traces() -> Vec<(String, Vec<TraceEvent>)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut programs: Vec<_> = ["examples", "tests/moments"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(dir.join(sub)).expect("the folder exists"))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "exs"))
            .collect();
        programs.sort();
        assert!(programs.len() > 5, "found {programs:?}");
        programs
            .into_iter()
            .map(|path| {
                let source = std::fs::read_to_string(&path).expect("readable program");
                let name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let source = source.replace("n = 1_000_000", "n = 2_000");
                (name, trace_of(&source))
            })
            .collect()
    }

    /// The scrubber's moves over a trace of `len` events with a copy kept
    /// every `every`: far back and forward, onto the copies, just before and
    /// just after them, and back past the first.
    fn scrubbed_moments(len: usize, every: usize) -> Vec<usize> {
        let mut moments = vec![len, 0, len / 2, len / 5, len];
        for copy in [len / every, 1, len / every / 2, 2] {
            let at = copy * every;
            moments.extend([at, at.saturating_sub(1), at + 1, at + every / 2]);
        }
        moments.extend([every - 1, len.saturating_sub(1), 3, len * 3 / 4, len / 3]);
        moments.into_iter().map(|m| m.min(len)).collect()
    }

    #[test]
    fn moving_to_any_moment_from_a_kept_copy_equals_building_from_scratch() {
        for (name, trace) in program_traces() {
            // Small enough that every program has a few copies.
            let every = (trace.len() / 7).clamp(3, 4_096);
            let mut models = Models::keeping_every(every);
            models.follow(1, &trace);
            assert_eq!(
                models.kept(),
                trace.len() / every,
                "{name}: one copy per {every} events"
            );
            for moment in scrubbed_moments(trace.len(), every) {
                let cut = &trace[..moment];
                models.follow(1, cut);
                assert_eq!(
                    drawn(&mut models, cut),
                    from_scratch(cut),
                    "{name}: the models moved to event {moment} (a copy every {every}) differ from a fresh build"
                );
            }
        }
    }

    #[test]
    fn folding_event_by_event_equals_building_from_scratch() {
        for (name, trace) in program_traces() {
            check_moments(&name, &trace, &[1, 2, 3, 5, 8, 13, 1, 1], 60);
            check_moments(&name, &trace, &[97, 1, 31], 60);
        }
    }

    #[test]
    fn the_copies_of_a_200_000_event_run_cost_a_few_megabytes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(dir.join("examples/million_senders.exs"))
            .expect("the example is there");
        // Enough senders to fill the browser's trace, few enough for a debug build.
        let source = source.replace("n = 1_000_000", "n = 60_000");
        let session = crate::runner::run_to_end(&source, 0, true).expect("the example compiles");
        let trace = session.trace();
        assert_eq!(trace.len(), crate::runner::TRACE_LIMIT, "the trace is full");
        let mut models = Models::default();
        models.follow(1, trace);
        let (kept, live) = models.kept_bytes();
        println!(
            "{} copies of the models of 200 000 events: {:.2} MB besides the models' {:.2} MB",
            models.kept(),
            kept as f64 / 1e6,
            live as f64 / 1e6
        );
        assert_eq!(models.kept(), trace.len() / EVERY);
        assert!(kept < 8_000_000, "the copies hold {kept} bytes");
    }

    #[test]
    fn going_back_or_another_run_starts_over() {
        let trace = trace_of(
            "defmodule C do\n  use GenServer\n  def init(n), do: {:ok, n}\n  def handle_cast(:inc, n), do: {:noreply, n + 1}\nend\n{:ok, c} = GenServer.start_link(C, 0, name: :c)\nGenServer.cast(c, :inc)\nIO.puts(:done)\n",
        );
        let mut models = Models::default();
        models.follow(1, &trace);
        let half = &trace[..trace.len() / 2];
        models.follow(1, half);
        assert_eq!(drawn(&mut models, half), from_scratch(half));
        // A new run whose trace happens to be as long starts over too.
        let other = trace_of("me = self()\nfor i <- 1..40, do: send(me, i)\n");
        let other = &other[..half.len().min(other.len())];
        models.follow(2, other);
        assert_eq!(drawn(&mut models, other), from_scratch(other));
    }
}
