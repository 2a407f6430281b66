//! The conformance programs (Elixir programs with the output real Elixir
//! printed for them) and the project's own corpus, run through the runtime.

mod support;

use std::path::PathBuf;

fn check(dir: PathBuf, known_failures: &str) {
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let cases = support::cases(&dir);
    assert!(!cases.is_empty(), "no programs in {}", dir.display());
    let failures = support::failures(&cases);
    let known: Vec<&str> = known_failures
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    let unexpected: Vec<_> = failures
        .iter()
        .filter(|(name, _)| !known.contains(&name.as_str()))
        .collect();
    let fixed: Vec<_> = known
        .iter()
        .filter(|k| !failures.iter().any(|(n, _)| n == *k))
        .collect();
    for (name, diff) in &unexpected {
        println!("FAIL {name}: {diff}");
    }
    println!(
        "{} programs, {} pass, {} known failures",
        cases.len(),
        cases.len() - failures.len(),
        known.len()
    );
    assert!(
        unexpected.is_empty(),
        "{} programs differ from real Elixir",
        unexpected.len()
    );
    assert!(
        fixed.is_empty(),
        "these now pass; remove them from the known-failures list: {fixed:?}"
    );
}

#[test]
fn shared_conformance_programs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance");
    check(dir, include_str!("known_failures/shared.txt"));
}

#[test]
fn project_corpus() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    check(dir, include_str!("known_failures/corpus.txt"));
}
