//! The views as of a moment of the run: each program in `tests/moments/` is
//! run, its trace cut after every event that changes what the process table
//! says in a way a reader looks for (a GenServer's new state, an exit), and
//! the table rows and mailbox peaks as of that cut are compared with the
//! `.moments` file beside it. This is what the scrubber and Step show.
//!
//! The `.moments` files are written by the views themselves and reviewed:
//! `UPDATE_MOMENTS=1 cargo test -p playground --test moments` rewrites them.

use std::fmt::Write;
use std::path::PathBuf;

use playground::views::model::{self, mailbox_series, pid_text, ProcessStatus};
use playground::views::sequence_layout::time_text;
use runtime_core::{RunConfig, RunStatus, TraceEvent};

fn trace_of(source: &str) -> Vec<TraceEvent> {
    let mut session = callcast_compiler::start(source, "moment.exs", RunConfig::default())
        .unwrap_or_else(|d| panic!("does not compile: {}", d.render(source, "moment.exs")));
    while session.run_for(100_000) == RunStatus::Running {}
    session.trace().to_vec()
}

/// What the views show after the first `events` events of `trace`.
fn moment(trace: &[TraceEvent], events: usize) -> String {
    let cut = model::until(trace, events);
    let mut out = String::new();
    let at = cut.last().map_or(0, TraceEvent::at);
    let _ = writeln!(
        out,
        "after event {events} of {} ({}):",
        trace.len(),
        time_text(at)
    );
    for row in model::processes(cut) {
        let status = match row.exit_reason() {
            Some(reason) => format!("exited {reason}"),
            None if matches!(row.status, ProcessStatus::Waiting) => "waiting".to_owned(),
            None => "running".to_owned(),
        };
        let _ = write!(
            out,
            "  {} {:<12} {:<16} mailbox={} received={}",
            pid_text(row.pid),
            row.name,
            status,
            row.mailbox,
            row.received
        );
        if let Some(state) = row.state_text() {
            let _ = write!(out, " state={state}");
        }
        out.push('\n');
    }
    let peaks: Vec<String> = mailbox_series(cut)
        .iter()
        .map(|s| format!("{}={}", pid_text(s.pid), s.peak.1))
        .collect();
    let _ = writeln!(out, "  mailbox peaks: {}", peaks.join(" "));
    out
}

/// The moments a reader scrubs to: right after each GenServer state and each
/// exit, and the very start.
fn moments(trace: &[TraceEvent]) -> String {
    let mut out = moment(trace, 1);
    for (i, event) in trace.iter().enumerate() {
        if matches!(event, TraceEvent::GenState { .. } | TraceEvent::Exit { .. }) {
            out.push('\n');
            out.push_str(&moment(trace, i + 1));
        }
    }
    out
}

#[test]
fn the_views_at_each_moment_match_their_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/moments");
    let update = std::env::var_os("UPDATE_MOMENTS").is_some();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/moments exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "exs"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no programs in {}", dir.display());
    let mut differ = Vec::new();
    for path in &programs {
        let source = std::fs::read_to_string(path).expect("readable program");
        let got = moments(&trace_of(&source));
        let expected_path = path.with_extension("moments");
        if update {
            std::fs::write(&expected_path, &got).expect("writable snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            eprintln!("--- {} differs; got:\n{got}", expected_path.display());
            differ.push(path.file_name().map(|n| n.to_string_lossy().into_owned()));
        }
    }
    assert!(
        differ.is_empty(),
        "moments differ from their snapshots (rerun with UPDATE_MOMENTS=1 and review the diff): {differ:?}"
    );
}

#[test]
fn a_cut_past_the_end_is_the_whole_run_and_a_cut_at_zero_is_nothing() {
    let trace = trace_of("send(self(), :hi)\nIO.puts(\"done\")\n");
    assert_eq!(model::until(&trace, usize::MAX).len(), trace.len());
    assert!(model::processes(model::until(&trace, 0)).is_empty());
    let printed: String = model::output(&trace)
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(printed, "done\n");
    let before_print = trace
        .iter()
        .position(|e| matches!(e, TraceEvent::Output { .. }))
        .expect("the run printed");
    assert!(model::output(model::until(&trace, before_print)).is_empty());
}
