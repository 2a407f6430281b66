//! Every live example of the book runs under callcast exactly as it ran under
//! real Elixir.
//!
//! `book/record.sh` runs each example (and each exercise's starting code and
//! solution, with the exercise's checks appended) under `elixir` and stores what
//! it printed in `book/expected/<chapter>/`. This test runs the same programs
//! through `runtime_core::Session` and compares, after the normalization the
//! runtime's conformance tests use (pids, references, stack lines).
//!
//! A second test re-runs every program under real `elixir` when it is installed,
//! so an example edited without re-recording is caught too. Examples whose code
//! lives in a file (`{{#playground FILE}}`) are examples like any other; a third
//! test makes sure no `.exs` file beside the chapters is left out of the book.

#[path = "../../runtime-core/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use callcast_book::{book_examples, Example};

/// One program the book asks to run, and what it must do.
struct Program {
    /// `<chapter>/<name>`, e.g. `one-process/2.solution`.
    id: String,
    source: String,
    /// The recorded output, `<name>.out`, and exit status, `<name>.status`
    /// (absent when 0), share this path without their extension.
    expected: PathBuf,
    /// What the program must end with.
    ending: Ending,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ending {
    /// Exit status 0.
    Success,
    /// An uncaught error (the example is marked `crash`).
    Crash,
    /// An exercise's solution with its checks: status 0 and "check passed".
    CheckPasses,
    /// An exercise's starting code with its checks: the checks fail.
    CheckFails,
}

fn book_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn programs() -> Vec<Program> {
    let chapters = book_examples(&book_dir().join("chapters")).expect("the chapters parse");
    let mut out = Vec::new();
    for (chapter, examples) in chapters {
        let dir = book_dir().join("expected").join(&chapter);
        for (index, example) in examples.iter().enumerate() {
            let n = index + 1;
            let mut push = |name: String, source: String, ending: Ending| {
                out.push(Program {
                    id: format!("{chapter}/{name}"),
                    source,
                    expected: dir.join(&name),
                    ending,
                });
            };
            let ending = if example.options.crash {
                Ending::Crash
            } else {
                Ending::Success
            };
            push(n.to_string(), example.program(), ending);
            add_exercise(n, example, &mut push);
        }
    }
    out
}

fn add_exercise(n: usize, example: &Example, push: &mut impl FnMut(String, String, Ending)) {
    if let Some(start) = example.checked_program(&example.code) {
        push(format!("{n}.start"), start, Ending::CheckFails);
    }
    let solution = example
        .solution
        .as_deref()
        .and_then(|solution| example.checked_program(solution));
    if let Some(solution) = solution {
        push(format!("{n}.solution"), solution, Ending::CheckPasses);
    }
}

/// `path` with `extension` appended (`2.start` → `2.start.out`): the names carry
/// dots, so `Path::with_extension` would replace the `start`.
fn with_suffix(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

fn file_name(program: &Program) -> String {
    let name = program.id.rsplit('/').next().unwrap_or("example");
    format!("{name}.exs")
}

fn ending_problem(ending: Ending, output: &str, status: i32) -> Option<String> {
    let passed = output.lines().any(|line| line.starts_with("check passed"));
    match ending {
        Ending::Success if status != 0 => Some(format!("exit status {status}, expected 0")),
        Ending::Crash if status == 0 => {
            Some("exit status 0, but the example is marked `crash`".to_owned())
        }
        Ending::CheckPasses if status != 0 || !passed => Some(format!(
            "the solution does not pass its checks (status {status})"
        )),
        Ending::CheckFails if status == 0 => {
            Some("the starting code already passes the checks".to_owned())
        }
        _ => None,
    }
}

#[test]
fn every_example_prints_what_elixir_printed() {
    let programs = programs();
    assert!(
        programs.len() >= 20,
        "expected the book's examples, found {}",
        programs.len()
    );
    let mut failures = Vec::new();
    for program in &programs {
        let expected_out = with_suffix(&program.expected, "out");
        let Ok(expected) = std::fs::read_to_string(&expected_out) else {
            failures.push(format!(
                "{}: nothing recorded; run book/record.sh",
                program.id
            ));
            continue;
        };
        let expected_status = std::fs::read_to_string(with_suffix(&program.expected, "status"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let run = support::run(&program.source, &file_name(program));
        let got = support::normalize(&run.output);
        let want = support::normalize(&expected);
        if got != want || run.status != expected_status {
            failures.push(format!(
                "{} (status {}, recorded {expected_status}):\n--- elixir\n{want}\n--- callcast\n{got}",
                program.id, run.status
            ));
        }
        if let Some(problem) = ending_problem(program.ending, &run.output, run.status) {
            failures.push(format!("{}: {problem}", program.id));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_recordings_are_what_elixir_prints_today() {
    if Command::new("elixir").arg("--version").output().is_err() {
        println!("skipped: `elixir` is not installed, so the recordings cannot be re-checked");
        return;
    }
    let work = std::env::temp_dir().join(format!("callcast-book-{}", std::process::id()));
    let mut failures = Vec::new();
    for program in programs() {
        let dir = work.join(program.id.replace('/', "_"));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let name = file_name(&program);
        std::fs::write(dir.join(&name), &program.source).expect("a temporary file");
        let expected =
            std::fs::read_to_string(with_suffix(&program.expected, "out")).unwrap_or_default();
        // The BEAM runs these with real time and several schedulers, so on a
        // loaded machine an example about timing can print another order once
        // in a while: a recording is stale only if three runs in a row differ.
        let mut attempts = 0;
        let result = loop {
            attempts += 1;
            // One stream for both, in the order printed, as record.sh captures it.
            let Ok(result) = Command::new("sh")
                .arg("-c")
                .arg(format!("elixir '{name}' 2>&1"))
                .current_dir(&dir)
                .output()
            else {
                break None;
            };
            let output = String::from_utf8_lossy(&result.stdout);
            let same = support::normalize(&output) == support::normalize(&expected);
            if same || program.ending == Ending::CheckFails || attempts == 3 {
                break Some(result);
            }
        };
        let Some(result) = result else {
            failures.push(format!("{}: elixir did not start", program.id));
            continue;
        };
        let output = String::from_utf8_lossy(&result.stdout);
        if program.ending == Ending::CheckFails {
            // An exercise's starting code only has to fail its check; on the
            // BEAM the numbers a failing check reports (how many messages were
            // still queued) vary from run to run.
            if result.status.success() {
                failures.push(format!(
                    "{}: the starting code now passes its check under elixir",
                    program.id
                ));
            }
            continue;
        }
        if support::normalize(&output) != support::normalize(&expected) {
            failures.push(format!(
                "{}: elixir now prints\n{output}\n--- recorded\n{expected}",
                program.id
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    assert!(
        failures.is_empty(),
        "re-run book/record.sh:\n{}",
        failures.join("\n\n")
    );
}

/// Every `.exs` file under `dir`, relative to `root`, with `/` separators.
fn exs_files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|entry| entry.ok().map(|e| e.path())) {
        if path.is_dir() {
            exs_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "exs") {
            if let Ok(relative) = path.strip_prefix(root) {
                let parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
}

#[test]
fn every_exs_file_beside_the_chapters_is_an_example() {
    let chapters = book_dir().join("chapters");
    let mut files = Vec::new();
    exs_files(&chapters, &chapters, &mut files);
    files.sort();
    let mut included: Vec<String> = book_examples(&chapters)
        .expect("the chapters parse")
        .into_iter()
        .flat_map(|(_, examples)| examples)
        .filter_map(|example| example.included)
        .collect();
    included.sort();
    included.dedup();
    assert!(
        !included.is_empty(),
        "some examples are included from files"
    );
    assert_eq!(
        files, included,
        "each .exs file under book/chapters/ is included by a chapter, so it is tested and recorded"
    );
}
