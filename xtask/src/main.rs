//! callcast's build orchestration, run as `cargo xtask <command>`:
//!
//! - `build`: the static site in `dist/` (wasm app, book, landing page);
//! - `serve [--port N] [--base /sub/path/]`: build, then serve `dist/` locally;
//! - `test`: formatting, lints, native tests, the site build and the browser tests;
//! - `screenshots [DIR]`: build, then photograph the pages in light and dark;
//! - `bench [NAME...]`: the benchmark programs under callcast and the real BEAM;
//! - `bench --browser [PART...]`: build, then time the site in headless Chromium.

mod bench;
mod browser;
mod build;
mod dedupe;
mod minify;
mod process;
mod serve;
mod workspace;

use std::process::ExitCode;

use workspace::Workspace;

/// Errors end the task with their message; there is nothing to recover.
type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build                              build the static site into dist/
  serve [--port N] [--base PATH]     build, then serve dist/ on 127.0.0.1 (port 8000, base /)
  test                               fmt, clippy, native tests, site build, browser tests
  screenshots [DIR]                  build, then save page screenshots (default target/screenshots)
  bench [NAME...]                    time the benchmark programs under callcast and the BEAM
  bench --browser [PART...]          build, then time the playground in headless Chromium
                                     (parts: transfer first-run scroll million stop programs)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result {
    let workspace = Workspace::locate();
    let (command, rest) = args.split_first().ok_or(USAGE)?;
    match command.as_str() {
        "build" => no_more_args(rest).and_then(|()| build::site(&workspace)),
        "serve" => {
            let options = serve::Options::parse(rest)?;
            build::site(&workspace)?;
            serve::forever(&workspace.dist(), &options)
        }
        "test" => no_more_args(rest).and_then(|()| test(&workspace)),
        "screenshots" => {
            let dir = match rest {
                [] => workspace.target_dir().join("screenshots"),
                [dir] => dir.into(),
                _ => return Err(USAGE.into()),
            };
            build::site(&workspace)?;
            browser::screenshots(&workspace, &dir)
        }
        "bench" => match rest.split_first() {
            Some((flag, parts)) if flag == "--browser" => {
                build::site(&workspace)?;
                browser::bench(&workspace, parts)
            }
            _ => bench::compare(&workspace, rest),
        },
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}").into()),
    }
}

fn no_more_args(rest: &[String]) -> Result {
    match rest {
        [] => Ok(()),
        _ => Err(format!("unexpected arguments {rest:?}\n\n{USAGE}").into()),
    }
}

/// Everything CI checks, cheapest first so a mistake fails fast.
fn test(workspace: &Workspace) -> Result {
    let cargo = process::cargo(workspace);
    process::step("cargo fmt --check", || {
        process::run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    process::step("cargo clippy", || {
        process::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    process::step("native tests", || {
        process::run(cargo().args(["test", "--workspace"]))
    })?;
    build::site(workspace)?;
    process::step("browser tests", || browser::tests(workspace))
}
