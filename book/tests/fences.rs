//! Data-driven tests of the fence rewriting: every `fences/NAME.md` is rewritten
//! and compared with `fences/NAME.expected.md`, or, for a chapter the preprocessor
//! must reject, with the error message in `fences/NAME.error`.
//!
//! `UPDATE_EXPECT=1 cargo test -p callcast-book` rewrites the expected files from
//! today's output; review the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

use callcast_book::embed_playgrounds;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fences");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/fences exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && !name.ends_with(".expected.md")
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_case_gives_its_expected_output() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = cases();
    assert!(
        cases.len() >= 5,
        "expected the fence cases, found {cases:?}"
    );
    let mut failures = Vec::new();
    for input in cases {
        let markdown = fs::read_to_string(&input).expect("readable case");
        let base = input.parent().unwrap_or(Path::new("."));
        let (expected_path, actual) = match embed_playgrounds(&markdown, base) {
            Ok(output) => (input.with_extension("expected.md"), output),
            Err(error) => (input.with_extension("error"), format!("{error}\n")),
        };
        if update {
            fs::write(&expected_path, &actual).expect("writable expected file");
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                input.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (got:\n{actual})",
                input.display(),
                expected_path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
