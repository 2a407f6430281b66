//! The models the views draw, kept from one render to the next: a run's trace
//! only grows, so following it means folding in the events recorded since the
//! last render ([`Models::follow`]), not reading the whole trace again. A
//! moment earlier than the one folded (the scrubber moved back) or another
//! run starts the fold over.

use std::rc::Rc;

use runtime_core::TraceEvent;

use super::model::{Mailboxes, Processes};
use super::sequence_layout::{Layout, LayoutBuilder};

/// The process table, the mailbox series and the diagram's layout of one run,
/// as of its first [`Models::fed`] events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Models {
    run: u64,
    /// The process rows.
    pub processes: Processes,
    /// The mailbox lengths over time.
    pub mailboxes: Mailboxes,
    /// The sequence diagram.
    pub layout: LayoutBuilder,
    /// The last layout made ([`Models::diagram`]), with the builder's
    /// [`LayoutBuilder::shapes`] when it was made.
    finished: Option<(u64, Rc<Layout>)>,
}

impl Models {
    /// Brings the models to the end of `trace`, the trace of run number `run`
    /// (any number that tells runs apart) cut at the moment to show.
    pub fn follow(&mut self, run: u64, trace: &[TraceEvent]) {
        if run != self.run || trace.len() < self.fed() {
            *self = Models {
                run,
                ..Models::default()
            };
        }
        self.processes.follow(trace);
        self.mailboxes.follow(trace);
        self.layout.follow(trace);
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

    #[test]
    fn folding_event_by_event_equals_building_from_scratch() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut programs: Vec<_> = ["examples", "tests/moments"]
            .iter()
            .flat_map(|sub| std::fs::read_dir(dir.join(sub)).expect("the folder exists"))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "exs"))
            .collect();
        programs.sort();
        assert!(programs.len() > 5, "found {programs:?}");
        for path in programs {
            let source = std::fs::read_to_string(&path).expect("readable program");
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            // The million senders are scaled down: a native debug build
            // checking a trace of 200 000 events takes minutes.
            let source = source.replace("n = 1_000_000", "n = 2_000");
            let trace = trace_of(&source);
            check_moments(&name, &trace, &[1, 2, 3, 5, 8, 13, 1, 1], 60);
            check_moments(&name, &trace, &[97, 1, 31], 60);
        }
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
