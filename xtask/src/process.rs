//! Running commands: each is echoed before it runs, and a failure names it.

use std::process::Command;
use std::time::Instant;

use crate::workspace::Workspace;
use crate::Result;

/// A `cargo` command (the same cargo that runs the xtask) in the workspace root.
pub fn cargo(workspace: &Workspace) -> impl Fn() -> Command + '_ {
    move || {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command.current_dir(workspace.root());
        command
    }
}

/// Runs `command` to completion; an exit status other than success is an error.
pub fn run(command: &mut Command) -> Result {
    println!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)).into())
    }
}

/// Runs `command` and returns its standard output, or `None` if it cannot run
/// or fails (used to probe for tools).
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs one named step of a longer task and reports how long it took.
pub fn step(name: &str, body: impl FnOnce() -> Result) -> Result {
    println!("\n==> {name}");
    let started = Instant::now();
    let result = body();
    let seconds = started.elapsed().as_secs_f32();
    match &result {
        Ok(()) => println!("==> {name}: ok ({seconds:.1} s)"),
        Err(_) => println!("==> {name}: FAILED ({seconds:.1} s)"),
    }
    result.map_err(|error| format!("{name}: {error}").into())
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Whether this process runs as root (so it may install system packages).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}
