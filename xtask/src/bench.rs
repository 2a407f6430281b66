//! `cargo xtask bench`: the benchmark programs under callcast (natively, release
//! build) and, where `elixir` is installed, under the real BEAM with one
//! scheduler, side by side. Prints a Markdown table with the ratios.
//!
//! callcast: wall-clock time of the whole command, best of a few runs, minus the
//! time of an empty program (start-up and compiling the prelude). The BEAM: the
//! time `:timer.tc` reports around `Code.require_file` of the program, best of a
//! few runs (its start-up varies too much under load to be subtracted). Peak
//! memory of the whole command from `/usr/bin/time` when it is installed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process;
use crate::workspace::Workspace;
use crate::Result;

/// One measured run: wall time, the time the program reported for its own
/// work (see [`beam_timed`]), and peak resident memory (kB), if known.
struct Sample {
    wall: Duration,
    inner: Option<Duration>,
    max_rss_kb: Option<u64>,
}

/// The line a timed BEAM run prints on stderr: `bench-us: MICROSECONDS`.
const INNER_PREFIX: &str = "bench-us: ";

/// `elixir` arguments that run `file` inside `:timer.tc` and report its time:
/// the BEAM's start-up (about 0.4 s, varying by a tenth of that on a loaded
/// machine) is then not part of the figure, instead of being subtracted.
fn beam_timed(file: &str) -> Vec<String> {
    let quoted = file.replace('\\', "\\\\").replace('"', "\\\"");
    vec![
        "--erl".into(),
        "+S 1 +P 2000000".into(),
        "-e".into(),
        format!(
            "{{us, _}} = :timer.tc(fn -> Code.require_file(\"{quoted}\") end); IO.puts(:stderr, \"{INNER_PREFIX}#{{us}}\")"
        ),
    ]
}

fn measure(program: &str, args: &[&str]) -> Option<Sample> {
    let has_time = Path::new("/usr/bin/time").exists();
    let mut command = if has_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(program);
        c
    } else {
        Command::new(program)
    };
    command.args(args);
    let start = Instant::now();
    let out = command.output().ok()?;
    let wall = start.elapsed();
    if !out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let max_rss_kb = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse().ok());
    let inner = stderr
        .lines()
        .find_map(|l| l.strip_prefix(INNER_PREFIX))
        .and_then(|v| v.trim().parse().ok())
        .map(Duration::from_micros);
    Some(Sample {
        wall,
        inner,
        max_rss_kb,
    })
}

fn best(program: &str, args: &[&str], runs: usize) -> Option<Sample> {
    let mut best: Option<Sample> = None;
    for _ in 0..runs {
        let s = measure(program, args)?;
        let time = |s: &Sample| s.inner.unwrap_or(s.wall);
        let better = best.as_ref().is_none_or(|b| time(&s) < time(b));
        let rss = best.as_ref().and_then(|b| b.max_rss_kb).max(s.max_rss_kb);
        if better {
            best = Some(Sample {
                wall: s.wall,
                inner: s.inner,
                max_rss_kb: rss,
            });
        } else if let Some(b) = best.as_mut() {
            b.max_rss_kb = rss;
        }
    }
    best
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Runs the comparison; `filters` restricts it to programs whose name contains one.
pub fn compare(workspace: &Workspace, filters: &[String]) -> Result {
    let cargo = process::cargo(workspace);
    process::run(cargo().args([
        "build",
        "--release",
        "-p",
        "callcast-compiler",
        "--bin",
        "callcast",
    ]))?;
    let callcast = workspace.target_dir().join("release/callcast");
    let callcast = callcast.to_string_lossy().into_owned();
    let dir = workspace.root().join("runtime-core/benches/programs");
    let scratch = workspace.scratch();
    std::fs::create_dir_all(&scratch)?;
    let empty = scratch.join("empty.exs");
    std::fs::write(&empty, "IO.puts(:ok)\n")?;
    let empty = empty.to_string_lossy().into_owned();
    let elixir = Command::new("elixir")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let runs = 3;

    let base_cc = best(&callcast, &["run", &empty], runs).map_or(0.0, |s| secs(s.wall));
    if !elixir {
        println!("elixir is not installed: only callcast is measured (apt-get install -y elixir)");
    }
    println!(
        "start-up subtracted: callcast {base_cc:.3} s; the BEAM is timed inside the VM (:timer.tc around Code.require_file)\n"
    );
    println!("| program | callcast (s) | BEAM +S 1 (s) | callcast / BEAM | callcast RSS (MB) | BEAM RSS (MB) |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut names: Vec<_> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "exs"))
        .collect();
    names.sort();
    for path in names {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let file = path.to_string_lossy().into_owned();
        let cc = best(&callcast, &["run", &file], runs);
        let beam = if elixir {
            let args = beam_timed(&file);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            best("elixir", &args, runs)
        } else {
            None
        };
        let cc_s = cc.as_ref().map(|s| (secs(s.wall) - base_cc).max(0.001));
        let beam_s = beam
            .as_ref()
            .and_then(|s| s.inner)
            .map(|d| secs(d).max(0.001));
        let mb = |s: &Option<Sample>| {
            s.as_ref()
                .and_then(|s| s.max_rss_kb)
                .map_or("?".to_string(), |kb| format!("{:.0}", kb as f64 / 1024.0))
        };
        let fmt = |v: Option<f64>| v.map_or("failed".to_string(), |v| format!("{v:.3}"));
        let ratio = match (cc_s, beam_s) {
            (Some(c), Some(b)) => format!("{:.2}×", c / b),
            _ => "–".to_string(),
        };
        println!(
            "| {name} | {} | {} | {ratio} | {} | {} |",
            fmt(cc_s),
            fmt(beam_s),
            mb(&cc),
            mb(&beam)
        );
    }
    Ok(())
}
