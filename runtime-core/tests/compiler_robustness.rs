//! The whole pipeline on hostile input: mutated programs are compiled and run
//! for a short budget. Whatever the mutation, the result must be a diagnostic,
//! some output or a clean end — never a panic of the host.

mod support;

use std::path::Path;
use support::Rng;

use runtime_core::{RunConfig, RunStatus};

/// Snippets that are valid in many places, to splice into programs.
const SPLICES: &[&str] = &[
    "x",
    "_",
    "^x",
    "1",
    "-1",
    "1.5",
    ":a",
    "\"s\"",
    "[]",
    "[1 | 2]",
    "{}",
    "%{}",
    "%{a: 1}",
    "fn -> :ok end",
    "&(&1 + 1)",
    "self()",
    "send(self(), :m)",
    "receive do m -> m after 0 -> :t end",
    "raise \"r\"",
    "throw(:t)",
    "exit(:e)",
    "1 / 0",
    "hd([])",
    "elem({}, 9)",
    "case 1 do 2 -> 3 end",
    "x = 1",
    "{a, b} = 1",
    "Enum.map(1, 2)",
    "GenServer.call(self(), :x, 1)",
    "spawn(fn -> :ok end)",
    "Process.sleep(1)",
    "for y <- 1..3, do: y",
    "%{x | a: 2}",
    "x.y",
    "Foo.bar()",
    "apply(:a, :b, [])",
];

fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut text: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(3) {
        if text.is_empty() {
            break;
        }
        let at = rng.below(text.len());
        match rng.below(4) {
            0 => {
                let end = (at + 1 + rng.below(12)).min(text.len());
                text.drain(at..end);
            }
            1 => {
                let splice = SPLICES[rng.below(SPLICES.len())];
                for (i, c) in splice.chars().enumerate() {
                    text.insert(at + i, c);
                }
            }
            2 => {
                let from = rng.below(text.len());
                let c = text[from];
                text.insert(at, c);
            }
            _ => {
                let end = (at + 1 + rng.below(40)).min(text.len());
                let copy: Vec<char> = text[at..end].to_vec();
                let to = rng.below(text.len());
                for (i, c) in copy.into_iter().enumerate() {
                    text.insert(to + i, c);
                }
            }
        }
    }
    text.into_iter().collect()
}

fn run_briefly(source: &str) {
    let config = RunConfig {
        trace: true,
        max_reductions: Some(200_000),
        ..RunConfig::default()
    };
    if let Ok(mut session) = callcast_compiler::start(source, "mutant.exs", config) {
        for _ in 0..50 {
            if let RunStatus::Finished { .. } = session.run_for(10_000) {
                break;
            }
        }
        // Reading what the views read must work too.
        for event in session.trace() {
            let _ = serde_json::to_string(event);
        }
    }
}

#[test]
fn mutated_programs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut sources: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/programs exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.sort();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let rounds: usize = std::env::var("MUTATION_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    for round in 0..rounds {
        let base = &sources[round % sources.len()];
        let mutant = mutate(&mut rng, base);
        let result = std::panic::catch_unwind(|| run_briefly(&mutant));
        assert!(result.is_ok(), "round {round} panicked on:\n{mutant}");
    }
}
