//! The tokenizer and parser on hostile input: random text, mutated programs,
//! deep nesting and large files must give a result or a diagnostic — never a
//! panic, a hang or a stack overflow.

mod support;

use std::time::{Duration, Instant};
use support::Rng;

use runtime_core::lexer::highlight;
use runtime_core::parser::{parse, MAX_DEPTH};

/// Characters and fragments that exercise every corner of the tokenizer.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "%{",
    "<<",
    ">>",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "#{",
    "}",
    "#",
    "\n",
    " ",
    "\t",
    ":",
    "::",
    "?",
    "?\\",
    "\\",
    "~w(",
    "~s[",
    "~r/",
    "&",
    "&1",
    "@",
    "^",
    "|",
    "|>",
    "->",
    "=>",
    "<-",
    "\\\\",
    ".",
    "..",
    "//",
    "..//",
    ",",
    ";",
    "do",
    "end",
    "fn",
    "else",
    "after",
    "rescue",
    "catch",
    "when",
    "not in",
    "not",
    "and",
    "x",
    "Foo",
    "Foo.Bar",
    "f(",
    "a:",
    "\"k\":",
    ":ok",
    ":\"q",
    "0x",
    "0b1",
    "1_000",
    "1.0e",
    "1.5e-3",
    "9999999999999999999999",
    "-",
    "+",
    "*",
    "**",
    "/",
    "=",
    "==",
    "!",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
    "if",
    "case",
    "def",
];

fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(40);
    (0..len)
        .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
        .collect()
}

/// Deletes, duplicates or inserts a random slice (at char boundaries).
fn mutate(rng: &mut Rng, source: &str) -> String {
    let boundaries: Vec<usize> = source
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(source.len()))
        .collect();
    let a = boundaries[rng.below(boundaries.len())];
    let b = boundaries[rng.below(boundaries.len())];
    let (start, end) = (a.min(b), a.max(b).min(a.min(b) + 60));
    let end = boundaries
        .iter()
        .copied()
        .find(|i| *i >= end)
        .unwrap_or(source.len());
    let mut out = String::with_capacity(source.len() + 64);
    match rng.below(3) {
        0 => {
            out.push_str(&source[..start]);
            out.push_str(&source[end..]);
        }
        1 => {
            out.push_str(&source[..end]);
            out.push_str(&source[start..]);
        }
        _ => {
            out.push_str(&source[..start]);
            out.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            out.push_str(&source[start..]);
        }
    }
    out
}

fn conformance_programs() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/conformance");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped the conformance programs: {dir} not found");
        return Vec::new();
    };
    let mut programs: Vec<(String, String)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    programs.sort();
    programs.into_iter().map(|(_, source)| source).collect()
}

/// Parses and highlights; every highlighted span must lie inside the text.
fn exercise(source: &str) {
    let _ = parse(source);
    for token in highlight(source) {
        assert!(token.span.start <= token.span.end, "{source:?}");
        assert!(token.span.end as usize <= source.len(), "{source:?}");
    }
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        exercise(&random_text(&mut rng));
    }
}

#[test]
fn mutated_programs_never_panic() {
    let programs = conformance_programs();
    let mut rng = Rng(42);
    for program in &programs {
        let mut source = program.clone();
        for _ in 0..150 {
            source = mutate(&mut rng, &source);
            exercise(&source);
            if source.len() > 4 * program.len() + 200 {
                source = program.clone();
            }
        }
    }
}

fn assert_too_deep(source: &str) {
    let error = parse(source).expect_err("nesting beyond the limit must be refused");
    assert!(
        error.message.contains("nested too deeply"),
        "{}",
        error.message
    );
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    // Unoptimised builds use several times the stack per level that release
    // builds do, so this runs on a thread with a main thread's usual stack.
    let worker = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(deep_nesting_cases)
        .expect("spawn");
    if let Err(panic) = worker.join() {
        std::panic::resume_unwind(panic);
    }
}

fn deep_nesting_cases() {
    let n = 100_000;
    assert_too_deep(&format!("{}1{}", "(".repeat(n), ")".repeat(n)));
    assert_too_deep(&format!("{}1{}", "[".repeat(n), "]".repeat(n)));
    assert_too_deep(&format!("{}1{}", "{".repeat(n), "}".repeat(n)));
    assert_too_deep(&format!("{}1{}", "%{a: ".repeat(n), "}".repeat(n)));
    assert_too_deep(&format!("{}1", "- ".repeat(n)));
    assert_too_deep(&format!("{}x", "not ".repeat(n)));
    assert_too_deep(&format!("{}1", "a = ".repeat(n)));
    assert_too_deep(&format!("{}1{}", "fn -> ".repeat(n), " end".repeat(n)));
    assert_too_deep(&format!("{}1{}", "if x do ".repeat(n), " end".repeat(n)));
    assert_too_deep(&format!("{}1{}", "f(".repeat(n), ")".repeat(n)));
    assert_too_deep(&format!("{}1", "& ".repeat(n)));
    // Interpolations nest through the tokenizer, which has its own limit.
    let nested = format!("{}1{}", "\"#{".repeat(n), "}\"".repeat(n));
    assert!(parse(&nested).is_err());
    let _ = highlight(&nested);
    // Just under the limit still parses.
    let depth = MAX_DEPTH / 4;
    let ok = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&ok).is_ok());
}

#[test]
fn large_files_parse_in_linear_time() {
    let programs = conformance_programs();
    let unit = if programs.is_empty() {
        "defmodule M do\n  def f(x) when x > 0, do: x |> g() |> h(\"#{x}\")\nend\n".to_string()
    } else {
        programs.join("\n")
    };
    let lines = unit.lines().count().max(1);
    let source = unit.repeat(10_000 / lines + 1);
    let started = Instant::now();
    let ast = parse(&source);
    let elapsed = started.elapsed();
    assert!(ast.is_ok());
    println!("parsed {} lines in {elapsed:?}", source.lines().count());
    // Generous enough for an unoptimised build on a slow machine.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}
