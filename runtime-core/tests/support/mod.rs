//! Helpers shared by the data-driven tests: running a program to completion and
//! normalizing its output the way the recorded outputs were normalized.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use runtime_core::{RunConfig, RunStatus};

/// What running a program printed, and its exit status.
pub struct Run {
    /// Standard output and standard error, interleaved as printed.
    pub output: String,
    /// The exit status.
    pub status: i32,
}

/// Runs `source` to completion (bounded, so a runaway program fails the test
/// instead of hanging it).
pub fn run(source: &str, file: &str) -> Run {
    let config = RunConfig {
        trace: false,
        max_reductions: Some(300_000_000),
        ..RunConfig::default()
    };
    let mut session = match callcast_compiler::start(source, file, config) {
        Ok(s) => s,
        Err(d) => {
            // Elixir 1.14 prints the error's line alone, then a blank line;
            // callcast adds an excerpt of the source under it for the reader.
            // An error raised while expanding the script has the stack
            // entry of `Code.require_file/2` under it instead.
            let after = if d.while_expanding {
                "\n    (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2\n"
            } else {
                "\n\n"
            };
            return Run {
                output: format!("{}{}{after}", d.warnings, d.banner(source, file)),
                status: 1,
            };
        }
    };
    let status = loop {
        if let RunStatus::Finished { exit_code } = session.run_for(1_000_000) {
            break exit_code;
        }
    };
    let output = session.output().iter().map(|c| c.text.as_str()).collect();
    Run { output, status }
}

/// Rewrites what differs from run to run (pids, references, functions), drops
/// logger timestamps and stack-trace lines, and trailing spaces.
pub fn normalize(text: &str) -> String {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        if is_stack_line(line) {
            continue;
        }
        let line = drop_timestamp(line);
        let line = replace_ids(line, "#PID<", "0.0.0");
        let line = replace_ids(&line, "#Reference<", "0.0.0.0");
        let line = replace_function(&line);
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

fn is_stack_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("    ") else {
        return false;
    };
    // "(app 1.2.3) " is optional.
    let rest = match rest.strip_prefix('(') {
        Some(r) => match r.find(") ") {
            Some(i) => {
                let inner = &r[..i];
                let mut parts = inner.splitn(2, ' ');
                let app = parts.next().unwrap_or("");
                let version = parts.next().unwrap_or("");
                if app.is_empty()
                    || !app.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    || version.is_empty()
                    || !version.chars().all(|c| c.is_ascii_digit() || c == '.')
                {
                    return false;
                }
                &r[i + 2..]
            }
            None => return false,
        },
        None => rest,
    };
    // "path/file.ext:123: anything"
    let Some(colon) = rest.find(':') else {
        return false;
    };
    let (path, after) = rest.split_at(colon);
    if path.is_empty()
        || !path
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '/' || c == '-')
    {
        return false;
    }
    let after = &after[1..];
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && after[digits..].starts_with(": ")
}

fn drop_timestamp(line: &str) -> &str {
    let b = line.as_bytes();
    let shape = b"00:00:00.000 ";
    if b.len() >= shape.len()
        && shape.iter().zip(b).all(|(s, c)| {
            if *s == b'0' {
                c.is_ascii_digit()
            } else {
                s == c
            }
        })
    {
        &line[shape.len()..]
    } else {
        line
    }
}

fn replace_ids(line: &str, prefix: &str, replacement: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i + prefix.len()]);
        let after = &rest[i + prefix.len()..];
        let body = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .count();
        if body > 0 && after[body..].starts_with('>') {
            out.push_str(replacement);
            rest = &after[body..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn replace_function(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("#Function<") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "#Function<".len()..];
        match after.find('>') {
            Some(j) => {
                out.push_str("#Function<>");
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// One program with its recorded output.
pub struct Case {
    /// The `.exs` file.
    pub path: PathBuf,
    /// Its expected (normalized) output.
    pub expected: String,
    /// Its expected exit status.
    pub status: i32,
}

/// Every `NN_name.exs` in `dir` that has a recorded `.out`, sorted by name.
pub fn cases(dir: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "exs") {
            let expected = match std::fs::read_to_string(path.with_extension("out")) {
                Ok(t) => t,
                Err(_) => continue,
            };
            let status = std::fs::read_to_string(path.with_extension("status"))
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0);
            out.push(Case {
                path,
                expected,
                status,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Runs every case; returns the names of those whose output or status differ,
/// with a description of the first difference.
pub fn failures(cases: &[Case]) -> Vec<(String, String)> {
    let mut failed = Vec::new();
    for case in cases {
        let name = case
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(&case.path).unwrap_or_default();
        let run = run(&source, &name);
        let got = normalize(&run.output);
        let want = normalize(&case.expected);
        if got != want || run.status != case.status {
            failed.push((name, first_difference(&got, &want, run.status, case.status)));
        }
    }
    failed
}

fn first_difference(got: &str, want: &str, got_status: i32, want_status: i32) -> String {
    if got == want {
        return format!("exit status {got_status}, expected {want_status}");
    }
    let g: Vec<&str> = got.lines().collect();
    let w: Vec<&str> = want.lines().collect();
    let i = g.iter().zip(&w).take_while(|(a, b)| a == b).count();
    format!(
        "line {}:\n      got: {:?}\n expected: {:?}",
        i + 1,
        g.get(i).copied().unwrap_or("<end of output>"),
        w.get(i).copied().unwrap_or("<end of output>")
    )
}

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
