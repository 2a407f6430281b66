//! The state of one workbench (editor, run, problem) and the reducer that changes it.

use std::rc::Rc;

use runtime_core::{RunStatus, Span};
use yew::Reducible;

/// Where the program stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not run yet.
    Idle,
    /// Running in slices.
    Running,
    /// Ran to the end.
    Finished {
        /// 0 on success, 1 after an uncaught error.
        exit_code: i32,
    },
    /// Stopped by the reader.
    Stopped,
}

/// Something the reader must be told about, shown in the `error` panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The message, ready to show (a compile error is rendered as Elixir does).
    pub message: String,
    /// Where in the editor's text, while the text is unchanged.
    pub span: Option<Span>,
}

/// One workbench: the source being edited and its latest run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workbench {
    /// The editor's text.
    pub source: String,
    /// The latest run.
    pub phase: Phase,
    /// What went wrong, if anything.
    pub problem: Option<Problem>,
    /// Counts slices, so each one renders the trace anew.
    pub slices: u64,
}

impl Workbench {
    /// A workbench with this text, possibly opening with a problem to show.
    pub fn new(source: String, problem: Option<Problem>) -> Workbench {
        Workbench {
            source,
            phase: Phase::Idle,
            problem,
            slices: 0,
        }
    }
}

/// What can happen to a workbench.
#[derive(Clone, Debug)]
pub enum Action {
    /// The reader changed the text.
    Edit(String),
    /// A run started.
    Started,
    /// The program did not compile.
    CompileFailed(Problem),
    /// A slice ran.
    Slice(RunStatus),
    /// The reader stopped the run.
    Stopped,
}

impl Reducible for Workbench {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(source) => {
                next.source = source;
                // The span points into the old text; the message stays useful.
                if let Some(problem) = &mut next.problem {
                    problem.span = None;
                }
            }
            Action::Started => {
                next.phase = Phase::Running;
                next.problem = None;
            }
            Action::CompileFailed(problem) => {
                next.phase = Phase::Idle;
                next.problem = Some(problem);
            }
            Action::Slice(status) => {
                next.slices += 1;
                if next.phase == Phase::Running {
                    if let RunStatus::Finished { exit_code } = status {
                        next.phase = Phase::Finished { exit_code };
                    }
                }
            }
            Action::Stopped => {
                if next.phase == Phase::Running {
                    next.phase = Phase::Stopped;
                }
            }
        }
        Rc::new(next)
    }
}
