//! The trace: snapshot tests of what a few scenarios record (call, cast, early
//! reply, reply later, timeout, crash with a monitor), and determinism —
//! including the seeded runs of `tests/determinism/`, whose recorded traces the
//! browser test `tests/browser/determinism.test.mjs` also compares with the
//! wasm build's, so both builds are checked against the same file.
//!
//! The expected `.trace` files are written by the runtime itself and reviewed:
//! `UPDATE_TRACES=1 cargo test -p runtime-core --test trace` rewrites them.

use std::path::{Path, PathBuf};

use runtime_core::{RunConfig, RunStatus, TraceEvent};

fn run(source: &str, seed: u64) -> Vec<TraceEvent> {
    run_in_chunks(source, seed, 100_000)
}

/// Runs `source` in `run_for` calls of `chunk` reductions each, as the
/// playground does with chunks sized by time.
fn run_in_chunks(source: &str, seed: u64, chunk: u64) -> Vec<TraceEvent> {
    let config = RunConfig {
        seed,
        max_reductions: Some(50_000_000),
        ..RunConfig::default()
    };
    let mut session = callcast_compiler::start(source, "scenario.exs", config)
        .unwrap_or_else(|d| panic!("{}", d.render(source, "scenario.exs")));
    while let RunStatus::Running = session.run_for(chunk) {}
    session.trace().to_vec()
}

/// One line per event, as JSON (the same form `callcast trace` prints).
fn render(trace: &[TraceEvent]) -> String {
    trace
        .iter()
        .map(|e| serde_json::to_string(e).unwrap_or_default() + "\n")
        .collect()
}

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traces");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/traces exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    files.sort();
    files
}

#[test]
fn scenario_traces_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_TRACES").is_some();
    let mut differ = Vec::new();
    for path in scenarios() {
        let source = std::fs::read_to_string(&path).expect("readable scenario");
        let got = render(&run(&source, 0));
        let expected_path = path.with_extension("trace");
        if update {
            std::fs::write(&expected_path, &got).expect("writable snapshot");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            differ.push(path.display().to_string());
        }
    }
    assert!(
        differ.is_empty(),
        "traces differ from their snapshots (rerun with UPDATE_TRACES=1 and review the diff): {differ:?}"
    );
}

#[test]
fn same_program_and_seed_give_the_same_trace() {
    for path in scenarios() {
        let source = std::fs::read_to_string(&path).expect("readable scenario");
        assert_eq!(
            render(&run(&source, 7)),
            render(&run(&source, 7)),
            "{}",
            path.display()
        );
    }
    let random = "IO.inspect(for _ <- 1..5, do: :rand.uniform(100))";
    assert_eq!(render(&run(random, 42)), render(&run(random, 42)));
    assert_ne!(render(&run(random, 1)), render(&run(random, 2)));
}

#[test]
fn a_call_and_its_reply_share_a_correlation_id() {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traces/call.exs"),
    )
    .expect("readable scenario");
    let trace = run(&source, 0);
    let calls: Vec<u64> = trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Send {
                kind: runtime_core::MessageKind::Call,
                call,
                ..
            } => *call,
            _ => None,
        })
        .collect();
    let replies: Vec<u64> = trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Send {
                kind: runtime_core::MessageKind::Reply,
                call,
                ..
            } => *call,
            _ => None,
        })
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls, replies);
}

/// The seed a `tests/determinism/` program names in its first line (`# seed: N`).
fn seed_of(source: &str) -> u64 {
    source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# seed: "))
        .and_then(|seed| seed.trim().parse().ok())
        .unwrap_or_else(|| panic!("a determinism program starts with `# seed: N`"))
}

#[test]
fn seeded_runs_match_their_recorded_traces() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/determinism");
    let update = std::env::var_os("UPDATE_TRACES").is_some();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/determinism exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no programs in {}", dir.display());
    for path in programs {
        let source = std::fs::read_to_string(&path).expect("readable program");
        let seed = seed_of(&source);
        let got = render(&run(&source, seed));
        let expected_path = path.with_extension("trace");
        if update {
            std::fs::write(&expected_path, &got).expect("writable recording");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert!(
            got == expected,
            "{} differs from its recording (rerun with UPDATE_TRACES=1 and review the diff)",
            path.display()
        );
        assert_ne!(
            got,
            render(&run(&source, seed + 1)),
            "{}: another seed should give another trace",
            path.display()
        );
    }
}

/// The playground divides a run into `run_for` calls by time, so where they
/// end varies from run to run: the trace must not depend on it.
#[test]
fn the_trace_does_not_depend_on_how_the_run_is_divided() {
    let ping_pong = "\
defmodule PingPong do
  def loop(0), do: :done
  def loop(n) do
    receive do
      {:ping, from} ->
        send(from, :pong)
        loop(n - 1)
    end
  end
end

pid = spawn(fn -> PingPong.loop(2_000) end)
for _ <- 1..2_000 do
  send(pid, {:ping, self()})
  receive do
    :pong -> :ok
  end
end
Process.sleep(10)
:erlang.yield()
IO.puts(\"done\")
";
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/determinism");
    let mut programs: Vec<(String, String)> = vec![("ping_pong".into(), ping_pong.into())];
    for path in scenarios().into_iter().chain(
        std::fs::read_dir(dir)
            .expect("tests/determinism exists")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "exs")),
    ) {
        let source = std::fs::read_to_string(&path).expect("readable program");
        programs.push((path.display().to_string(), source));
    }
    for (name, source) in programs {
        let whole = render(&run_in_chunks(&source, 3, u64::MAX));
        for chunk in [1, 7, 777, 3_999, 4_001] {
            let got = render(&run_in_chunks(&source, 3, chunk));
            let first_difference = got.lines().zip(whole.lines()).position(|(a, b)| a != b);
            assert!(
                got == whole,
                "{name}: the trace changes when the run goes in chunks of {chunk} reductions \
                 (event {first_difference:?}: {:?} where one run records {:?})",
                first_difference.and_then(|i| got.lines().nth(i)),
                first_difference.and_then(|i| whole.lines().nth(i)),
            );
        }
    }
}
