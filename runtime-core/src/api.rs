//! The runtime's public surface: load a program, run it in slices, read its output
//! and trace. The playground and the CLI use only this.

use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::trace::{Micros, Stream, TraceEvent};
use crate::value::{Pid, Value};

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Seeds every choice that could vary (`:rand`, schedule perturbation).
    pub seed: u64,
    /// Ends the run with an error once this many reductions were spent in total.
    pub max_reductions: Option<u64>,
    /// Whether to record the trace (output is always recorded).
    pub trace: bool,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            seed: 0,
            max_reductions: None,
            trace: true,
        }
    }
}

/// Where a run stands after a slice.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RunStatus {
    /// More work to do: call [`Session::run_for`] again.
    Running,
    /// The main program finished; the code is the exit status `elixir` would return.
    Finished {
        /// 0 on success, 1 after an uncaught error.
        exit_code: i32,
    },
}

/// A piece of printed output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputChunk {
    /// Which stream.
    pub stream: Stream,
    /// The text.
    pub text: String,
}

/// A program being run.
pub struct Session {
    // Placeholder runtime: prints the literal strings of `IO.puts("...")` lines
    // until the real pipeline lands.
    pending: Vec<String>,
    output: Vec<OutputChunk>,
    trace: Vec<TraceEvent>,
    status: RunStatus,
    now: Micros,
}

impl Session {
    /// Compiles `source` and prepares to run it. `file` names it in messages.
    pub fn start(source: &str, file: &str, config: RunConfig) -> Result<Session, Diagnostic> {
        let _ = (file, config);
        let mut pending = Vec::new();
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            let t = line.trim();
            if !t.is_empty() {
                let lit = t
                    .strip_prefix("IO.puts(\"")
                    .and_then(|r| r.strip_suffix("\")"))
                    .ok_or_else(|| {
                        Diagnostic::new(
                            DiagnosticKind::Unsupported,
                            "only IO.puts(\"...\") for now",
                            Span::new(offset, offset + line.trim_end().len()),
                        )
                    })?;
                pending.push(format!("{lit}\n"));
            }
            offset += line.len();
        }
        Ok(Session {
            pending,
            output: Vec::new(),
            trace: vec![TraceEvent::Spawn {
                at: 0,
                pid: Pid(0),
                parent: None,
                label: "main".into(),
            }],
            status: RunStatus::Running,
            now: 0,
        })
    }

    /// Runs for at most `reductions` reductions and reports where the run stands.
    pub fn run_for(&mut self, reductions: u64) -> RunStatus {
        let _ = reductions;
        for text in self.pending.drain(..) {
            self.now += 1;
            self.trace.push(TraceEvent::Output {
                at: self.now,
                pid: Pid(0),
                stream: Stream::Stdout,
                text: text.clone(),
            });
            self.output.push(OutputChunk {
                stream: Stream::Stdout,
                text,
            });
        }
        if self.status == RunStatus::Running {
            self.trace.push(TraceEvent::Exit {
                at: self.now,
                pid: Pid(0),
                reason: Value::atom("normal"),
            });
        }
        self.status = RunStatus::Finished { exit_code: 0 };
        self.status
    }

    /// Everything printed so far, in order.
    pub fn output(&self) -> &[OutputChunk] {
        &self.output
    }

    /// The trace so far.
    pub fn trace(&self) -> &[TraceEvent] {
        &self.trace
    }

    /// The virtual clock.
    pub fn now(&self) -> Micros {
        self.now
    }

    /// Where the run stands.
    pub fn status(&self) -> RunStatus {
        self.status
    }
}

/// Compiles without running and returns the first error, if any.
pub fn check(source: &str, file: &str) -> Result<(), Diagnostic> {
    Session::start(source, file, RunConfig::default()).map(|_| ())
}
