//! `cargo xtask bench`: the benchmark programs under callcast (natively, release
//! build) and, where `elixir` is installed, under the real BEAM with one
//! scheduler, side by side. Prints a Markdown table with the ratios.
//!
//! Wall-clock time of the whole command, best of a few runs, minus the time of
//! an empty program under the same runtime (VM start-up and compiling); peak
//! memory from `/usr/bin/time` when it is installed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process;
use crate::workspace::Workspace;
use crate::Result;

/// One measured run: wall time and peak resident memory (kB), if known.
struct Sample {
    wall: Duration,
    max_rss_kb: Option<u64>,
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
    Some(Sample { wall, max_rss_kb })
}

fn best(program: &str, args: &[&str], runs: usize) -> Option<Sample> {
    let mut best: Option<Sample> = None;
    for _ in 0..runs {
        let s = measure(program, args)?;
        let better = best.as_ref().is_none_or(|b| s.wall < b.wall);
        let rss = best.as_ref().and_then(|b| b.max_rss_kb).max(s.max_rss_kb);
        if better {
            best = Some(Sample {
                wall: s.wall,
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
        "runtime-core",
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
    let beam_args = ["--erl", "+S 1 +P 2000000"];
    let runs = 3;

    let base_cc = best(&callcast, &["run", &empty], runs).map_or(0.0, |s| secs(s.wall));
    let base_beam = if elixir {
        best("elixir", &[beam_args[0], beam_args[1], &empty], runs).map_or(0.0, |s| secs(s.wall))
    } else {
        println!("elixir is not installed: only callcast is measured (apt-get install -y elixir)");
        0.0
    };
    println!("start-up subtracted: callcast {base_cc:.3} s, BEAM {base_beam:.3} s\n");
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
            best("elixir", &[beam_args[0], beam_args[1], &file], runs)
        } else {
            None
        };
        let cc_s = cc.as_ref().map(|s| (secs(s.wall) - base_cc).max(0.001));
        let beam_s = beam.as_ref().map(|s| (secs(s.wall) - base_beam).max(0.001));
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
