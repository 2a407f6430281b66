//! Benchmarks: the workloads in `benches/programs/` run in-process through the
//! public `Session` API, with tracing off and on. Each prints the best of a few
//! runs; `cargo xtask bench` compares the same programs with the real BEAM.
//!
//! `cargo bench -p runtime-core [-- NAME...]`

use std::path::Path;
use std::time::{Duration, Instant};

use runtime_core::{RunConfig, RunStatus};

fn run_once(source: &str, trace: bool) -> (Duration, String, usize) {
    let config = RunConfig {
        trace,
        ..RunConfig::default()
    };
    let start = Instant::now();
    let mut session = match callcast_compiler::start(source, "bench.exs", config) {
        Ok(s) => s,
        Err(d) => panic!("{}", d.render(source, "bench.exs")),
    };
    while let RunStatus::Running = session.run_for(10_000_000) {}
    let elapsed = start.elapsed();
    let output = session.output().iter().map(|c| c.text.as_str()).collect();
    (elapsed, output, session.trace().len())
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("benches/programs exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    names.sort();
    println!(
        "{:<16} {:>12} {:>14} {:>12}",
        "program", "best (s)", "traced (s)", "events"
    );
    for path in names {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable program");
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap_or_default();
        let mut best = Duration::MAX;
        for _ in 0..runs {
            let (t, output, _) = run_once(&source, false);
            assert_eq!(
                output.trim_end(),
                expected.trim_end(),
                "{name}: wrong output"
            );
            best = best.min(t);
        }
        let (traced, _, events) = run_once(&source, true);
        println!(
            "{:<16} {:>12.3} {:>14.3} {:>12}",
            name,
            best.as_secs_f64(),
            traced.as_secs_f64(),
            events
        );
    }
}
