//! `callcast run FILE` runs a program as `elixir FILE` would; `callcast check FILE`
//! reports compile errors; `callcast trace FILE` prints the trace as JSON lines.

use std::io::Write;
use std::process::ExitCode;

use runtime_core::{RunConfig, RunStatus, Stream};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, file) = match args.as_slice() {
        [cmd, file, ..] => (cmd.as_str(), file.as_str()),
        _ => {
            eprintln!("usage: callcast run|check|trace FILE [--max-reductions N] [--seed N]");
            return ExitCode::from(2);
        }
    };
    let mut config = RunConfig::default();
    let mut rest = args[2..].iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--max-reductions", Some(n)) => config.max_reductions = Some(n),
            ("--seed", Some(n)) => config.seed = n,
            _ => {
                eprintln!("callcast: bad option {flag}");
                return ExitCode::from(2);
            }
        }
    }
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("callcast: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let name = std::path::Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    config.trace = cmd == "trace";
    config.memory_limit = Some(4 << 30);
    config.memory_probe = Some(resident_bytes);
    let mut session = match callcast_compiler::start(&source, &name, config) {
        Ok(s) => s,
        Err(d) => {
            eprint!("{}", d.render(&source, &name));
            return ExitCode::from(1);
        }
    };
    if cmd == "check" {
        // A module's compile error is raised by the run when it reaches the
        // module; `check` reports it without running.
        if let Some(error) = session.compile_error() {
            eprint!("{}", error.render(&source, &name));
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    let code = loop {
        if let RunStatus::Finished { exit_code } = session.run_for(100_000) {
            break exit_code;
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    if cmd == "trace" {
        let mut out = stdout.lock();
        for event in session.trace() {
            if let Ok(line) = serde_json::to_string(event) {
                let _ = writeln!(out, "{line}");
            }
        }
    } else {
        for chunk in session.output() {
            let _ = match chunk.stream {
                Stream::Stdout => stdout.lock().write_all(chunk.text.as_bytes()),
                Stream::Stderr => stderr.lock().write_all(chunk.text.as_bytes()),
            };
        }
    }
    ExitCode::from(code as u8)
}

/// Resident memory of this process, from `/proc` where there is one (else 0,
/// which disables the memory limit).
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<usize>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}
