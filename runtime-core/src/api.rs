//! The runtime's public surface: load a program, run it in slices, read its output
//! and trace. The playground and the CLI use only this.

use std::rc::Rc;

use crate::atom::Atom;
use crate::bytecode::{Callee, Program};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::scheduler::{self, Core, SchedulerConfig, Tick};
use crate::trace::{Nanos, Stream, TraceEvent};
use crate::value::{Closure, Env, Pid, Value};
use crate::vm::Outcome;

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Seeds every choice that could vary (`:rand`, schedule perturbation).
    pub seed: u64,
    /// Ends the run with an error once this many reductions were spent in total.
    pub max_reductions: Option<u64>,
    /// Whether to record the trace (output is always recorded).
    pub trace: bool,
    /// Scheduler tunables (slice length, cost of a reduction, limits).
    pub scheduler: SchedulerConfig,
    /// Ends the run once the host reports more memory in use than this (bytes).
    pub memory_limit: Option<usize>,
    /// How the host measures its memory use (e.g. resident set size, or the
    /// size of WebAssembly memory); checked between slices.
    pub memory_probe: Option<fn() -> usize>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            seed: 0,
            max_reductions: None,
            trace: true,
            scheduler: SchedulerConfig::default(),
            memory_limit: None,
            memory_probe: None,
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

/// The prelude: GenServer, Task, Agent, Supervisor, Enum's higher-order
/// functions, exceptions... written in Elixir and compiled with every program
/// (`build.rs` blanks its comment lines; `prelude/` has the commented source).
pub const PRELUDE: &[(&str, &str)] = &[
    (
        "kernel.ex",
        include_str!(concat!(env!("OUT_DIR"), "/kernel.ex")),
    ),
    (
        "exception.ex",
        include_str!(concat!(env!("OUT_DIR"), "/exception.ex")),
    ),
    (
        "enum.ex",
        include_str!(concat!(env!("OUT_DIR"), "/enum.ex")),
    ),
    (
        "genserver.ex",
        include_str!(concat!(env!("OUT_DIR"), "/genserver.ex")),
    ),
    (
        "task.ex",
        include_str!(concat!(env!("OUT_DIR"), "/task.ex")),
    ),
    (
        "supervisor.ex",
        include_str!(concat!(env!("OUT_DIR"), "/supervisor.ex")),
    ),
];

/// A program being run.
pub struct Session {
    program: Program,
    core: Core,
    main: Pid,
    status: RunStatus,
    result: Option<Value>,
    reductions: u64,
    max_reductions: Option<u64>,
    memory: Option<(usize, fn() -> usize)>,
    /// The reduction count at which to ask the memory probe next.
    next_probe: u64,
}

/// How many reductions run between two memory probes: 32 full slices. Counting
/// reductions rather than slices keeps a probe (a system call natively) rare
/// when processes pass messages in slices of a few reductions each.
const PROBE_EVERY: u64 = 32 * 4000;

impl Session {
    /// Prepares to run a compiled `program` (the compiler's `start` compiles
    /// and calls this). `source` and `file` place its warnings.
    pub fn new(
        program: Program,
        source: &str,
        file: &str,
        config: RunConfig,
    ) -> Result<Session, Diagnostic> {
        let internal = |what: &str| {
            Diagnostic::new(
                DiagnosticKind::CompileError,
                format!("internal error: {what}"),
                Span::default(),
            )
        };
        let runner = match program.lookup(
            Atom::intern("Elixir.Callcast.Runner"),
            Atom::intern("main"),
            1,
        ) {
            Callee::Function(id) => id,
            _ => return Err(internal("the prelude has no runner")),
        };
        let main_fn = program
            .main
            .map(|id| program.function(id).clone())
            .ok_or_else(|| internal("no main function"))?;
        let mut core = Core::new(config.seed, config.trace, config.scheduler.clone());
        for (message, span) in &program.warnings {
            let place = match span {
                Some(span) => {
                    let (line, _) = crate::diagnostic::line_col(source, span.start as usize);
                    format!("{file}:{line}")
                }
                None => file.to_string(),
            };
            core.print(
                Pid(0),
                Stream::Stderr,
                format!("warning: {message}\n  {place}\n\n"),
            );
        }
        let closure = Value::Fun(Rc::new(Closure::Lambda {
            function: main_fn,
            env: Env::Empty,
        }));
        let main = core.spawn(&program, None, runner, [closure], "main".to_string());
        core.main = Some(main);
        Ok(Session {
            program,
            core,
            main,
            status: RunStatus::Running,
            result: None,
            reductions: 0,
            max_reductions: config.max_reductions,
            memory: config.memory_limit.zip(config.memory_probe),
            next_probe: PROBE_EVERY,
        })
    }

    /// Runs for at most `reductions` reductions and reports where the run stands.
    pub fn run_for(&mut self, reductions: u64) -> RunStatus {
        let mut left = reductions;
        while self.status == RunStatus::Running && left > 0 {
            if let Some(max) = self.max_reductions {
                if self.reductions >= max {
                    self.finish_with_error(&format!(
                        "callcast: stopped after {max} reductions (the limit of this run); is there an infinite loop?"
                    ));
                    break;
                }
            }
            if let Some((limit, probe)) = self.memory {
                let due = self.reductions >= self.next_probe;
                if due {
                    self.next_probe = self.reductions + PROBE_EVERY;
                }
                if due && probe() > limit {
                    self.finish_with_error(&format!(
                        "callcast: stopped: the program uses more than {} MB of memory (the limit of this run)",
                        limit / (1024 * 1024)
                    ));
                    break;
                }
            }
            let budget = left.min(u64::from(u32::MAX)) as u32;
            let main = self.main;
            let mut finished: Option<(Outcome, Pid)> = None;
            let (tick, used) = scheduler::tick(
                &self.program,
                &mut self.core,
                budget,
                &mut |_, pid, outcome| {
                    if pid == main || matches!(outcome, Outcome::Halt(_)) {
                        finished = Some((outcome, pid));
                    }
                },
            );
            left = left.saturating_sub(u64::from(used).max(1));
            self.reductions += u64::from(used);
            if let Some((outcome, pid)) = finished {
                self.finish(outcome, pid);
                break;
            }
            if let Some(reason) = self.core.main_killed.take() {
                self.finish(Outcome::Killed(reason), main);
                break;
            }
            if let Tick::Deadlock = tick {
                self.finish_with_error(
                    "callcast: the main process is waiting in receive, but no process can ever send it a message and no timer is pending (the program would wait forever)",
                );
            }
        }
        self.status
    }

    fn finish(&mut self, outcome: Outcome, pid: Pid) {
        let code = match outcome {
            Outcome::Return(v) => {
                // A script that ends normally lets the logger finish.
                self.core.flush_logs();
                self.core.flush_idle_logs();
                self.result = Some(v);
                0
            }
            Outcome::Halt(code) => code,
            Outcome::Killed(reason) => {
                // A GenServer logs its crash before its exit signal leaves,
                // and Elixir's logger prints the report before the script's
                // error: a linked server's report is not lost with the script.
                self.core.flush_logs();
                let text = format!(
                    "** (EXIT from {}) {}\n\n",
                    crate::inspect::inspect(&Value::Pid(pid)),
                    crate::exit_format::format_exit_in(&reason, Some(&self.program))
                );
                self.core.print(pid, Stream::Stderr, text);
                1
            }
            Outcome::Raise(e) => {
                let text = format!(
                    "** (EXIT) {}\n",
                    crate::exit_format::format_exit_in(&e.exit_reason(), Some(&self.program))
                );
                self.core.print(pid, Stream::Stderr, text);
                1
            }
            Outcome::Yield | Outcome::Wait => 0,
        };
        self.status = RunStatus::Finished { exit_code: code };
    }

    fn finish_with_error(&mut self, message: &str) {
        let main = self.main;
        self.core
            .print(main, Stream::Stderr, format!("{message}\n"));
        self.status = RunStatus::Finished { exit_code: 1 };
    }

    /// Everything printed so far, in order.
    pub fn output(&self) -> &[OutputChunk] {
        &self.core.output
    }

    /// The compile error in a module that the run raises when the script
    /// reaches the module's `defmodule` (see [`Program::compile_error`]).
    pub fn compile_error(&self) -> Option<&Diagnostic> {
        self.program.compile_error.as_ref()
    }

    /// The trace so far.
    pub fn trace(&self) -> &[TraceEvent] {
        &self.core.trace
    }

    /// The virtual clock, in nanoseconds.
    pub fn now(&self) -> Nanos {
        self.core.clock
    }

    /// Where the run stands.
    pub fn status(&self) -> RunStatus {
        self.status
    }

    /// The value of the program's last expression, once it finished normally.
    pub fn result(&self) -> Option<&Value> {
        self.result.as_ref()
    }

    /// Reductions spent so far, over all processes.
    pub fn reductions(&self) -> u64 {
        self.reductions
    }

    /// How many processes are alive.
    pub fn processes_alive(&self) -> usize {
        self.core.alive
    }
}
