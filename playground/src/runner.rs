//! Runs one program at a time in slices, each on its own timer tick, so a long or
//! endless program never freezes the tab.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use runtime_core::{Diagnostic, RunConfig, RunStatus, Session};
use yew::Callback;

/// Reductions per slice: small enough that a slice takes a few milliseconds.
const SLICE_REDUCTIONS: u64 = 20_000;

/// The running (or last) program. Cloning gives another handle to the same run.
#[derive(Clone, Default)]
pub struct Runner {
    current: Rc<RefCell<Option<Run>>>,
}

struct Run {
    session: Session,
    // Dropping the timer cancels the next slice, which is how a run is stopped.
    next_slice: Option<Timeout>,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

impl Runner {
    /// Compiles `source` and starts running it, replacing any earlier run;
    /// `on_slice` hears where the run stands after every slice.
    pub fn start(
        &self,
        source: &str,
        file_name: &str,
        on_slice: Callback<RunStatus>,
    ) -> Result<(), Diagnostic> {
        self.current.replace(None);
        let session = Session::start(source, file_name, RunConfig::default())?;
        self.current.replace(Some(Run {
            session,
            next_slice: None,
        }));
        self.schedule(on_slice);
        Ok(())
    }

    /// Stops the run where it is; its output and trace stay readable.
    pub fn stop(&self) {
        if let Some(run) = self.current.borrow_mut().as_mut() {
            run.next_slice = None;
        }
    }

    /// Reads the current session, if a program was started.
    pub fn with_session<T>(&self, read: impl FnOnce(Option<&Session>) -> T) -> T {
        let current = self.current.borrow();
        read(current.as_ref().map(|run| &run.session))
    }

    fn schedule(&self, on_slice: Callback<RunStatus>) {
        let runner = self.clone();
        let timer = Timeout::new(0, move || runner.slice(on_slice));
        if let Some(run) = self.current.borrow_mut().as_mut() {
            run.next_slice = Some(timer);
        }
    }

    fn slice(&self, on_slice: Callback<RunStatus>) {
        let status = match self.current.borrow_mut().as_mut() {
            Some(run) => run.session.run_for(SLICE_REDUCTIONS),
            None => return,
        };
        if status == RunStatus::Running {
            self.schedule(on_slice.clone());
        }
        // After the borrow ends: the callback re-renders, which reads the session.
        on_slice.emit(status);
    }
}
