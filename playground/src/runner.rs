//! Runs one program at a time in slices, each on its own timer tick, so a long or
//! endless program never freezes the tab and Stop answers at once.
//!
//! The slice size adapts: it grows while slices are quick and shrinks when one
//! takes too long, so each tick stays near [`TARGET_MS`] on any machine.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use runtime_core::scheduler::SchedulerConfig;
use runtime_core::{Diagnostic, RunConfig, RunStatus, Session};
use yew::Callback;

/// Reductions of the first slice: a few milliseconds on a slow machine.
const FIRST_SLICE: u64 = 20_000;
/// Bounds of the adaptive slice.
const SLICE_RANGE: (u64, u64) = (2_000, 20_000_000);
/// The time one slice aims for, well under a 16 ms frame.
const TARGET_MS: f64 = 8.0;
/// How often, at most, a running program re-renders the views (ms): rendering a
/// large trace after every slice would cost more than the run itself.
const RENDER_EVERY_MS: f64 = 120.0;
/// A render may take at most this share of the time while running: a huge
/// trace renders slowly, so it renders less often.
const RENDER_SHARE: f64 = 0.1;

/// Trace events kept in the browser; a run with more says its trace was cut.
pub const TRACE_LIMIT: usize = 200_000;

/// The limits of a run in the browser: generous, but a runaway program ends
/// with a message before it takes the tab down with it.
pub fn browser_config() -> RunConfig {
    RunConfig {
        max_reductions: Some(2_000_000_000),
        scheduler: SchedulerConfig {
            max_stack: 4_000_000,
            trace_limit: TRACE_LIMIT,
            ..SchedulerConfig::default()
        },
        memory_limit: Some(1536 * 1024 * 1024),
        memory_probe: memory_probe(),
        ..RunConfig::default()
    }
}

#[cfg(target_arch = "wasm32")]
fn memory_probe() -> Option<fn() -> usize> {
    Some(|| core::arch::wasm32::memory_size(0) * 65536)
}

#[cfg(not(target_arch = "wasm32"))]
fn memory_probe() -> Option<fn() -> usize> {
    None
}

/// Milliseconds on a monotonic clock (0 where there is none, e.g. native tests).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The next slice size, given how long the last one took.
pub fn next_slice(current: u64, took_ms: f64) -> u64 {
    let next = if took_ms < TARGET_MS / 2.0 {
        current.saturating_mul(2)
    } else if took_ms > TARGET_MS * 2.0 {
        current / 4
    } else if took_ms > TARGET_MS {
        current / 2
    } else {
        current
    };
    next.clamp(SLICE_RANGE.0, SLICE_RANGE.1)
}

/// What a run reports after a slice: where it stands and how many trace
/// events it has recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Running or finished.
    pub status: RunStatus,
    /// Events in the trace.
    pub events: usize,
}

/// The running (or last) program. Cloning gives another handle to the same run.
#[derive(Clone, Default)]
pub struct Runner {
    current: Rc<RefCell<Option<Run>>>,
}

struct Run {
    session: Session,
    on_slice: Callback<Progress>,
    /// Pause once the trace holds this many events (Step and Play need no more).
    goal: Option<usize>,
    // Dropping the timer cancels the next slice, which is how a run is stopped.
    next_slice: Option<Timeout>,
    slice: u64,
    last_render: f64,
    /// Milliseconds to wait after a render before the next one.
    render_gap: f64,
}

impl PartialEq for Runner {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

impl Runner {
    /// Compiles `source` and starts running it with `seed`, replacing any
    /// earlier run; `on_slice` hears where the run stands, after a slice, at
    /// most every [`RENDER_EVERY_MS`] while it runs, and always when it ends or
    /// reaches its goal (see [`Runner::advance`]).
    pub fn start(
        &self,
        source: &str,
        file_name: &str,
        seed: u64,
        goal: Option<usize>,
        on_slice: Callback<Progress>,
    ) -> Result<(), Diagnostic> {
        self.current.replace(None);
        let config = RunConfig {
            seed,
            ..browser_config()
        };
        let session = Session::start(source, file_name, config)?;
        self.current.replace(Some(Run {
            session,
            on_slice: on_slice.clone(),
            goal,
            next_slice: None,
            slice: FIRST_SLICE,
            last_render: now_ms(),
            render_gap: RENDER_EVERY_MS,
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

    /// Lets the run go on until its trace holds `goal` events (`None`: to its
    /// end), unless it already has them or has ended. A run already going on
    /// only gets the new goal.
    pub fn advance(&self, goal: Option<usize>) {
        let on_slice = match self.current.borrow_mut().as_mut() {
            Some(run) => {
                run.goal = goal;
                let needed = goal.is_none_or(|g| run.session.trace().len() < g);
                let go = run.next_slice.is_none()
                    && needed
                    && run.session.status() == RunStatus::Running;
                go.then(|| run.on_slice.clone())
            }
            None => None,
        };
        if let Some(on_slice) = on_slice {
            self.schedule(on_slice);
        }
    }

    /// Forgets the run: the views go blank.
    pub fn clear(&self) {
        self.current.replace(None);
    }

    /// Reads the current session, if a program was started.
    pub fn with_session<T>(&self, read: impl FnOnce(Option<&Session>) -> T) -> T {
        let current = self.current.borrow();
        read(current.as_ref().map(|run| &run.session))
    }

    fn schedule(&self, on_slice: Callback<Progress>) {
        let runner = self.clone();
        let timer = Timeout::new(0, move || runner.slice(on_slice));
        if let Some(run) = self.current.borrow_mut().as_mut() {
            run.next_slice = Some(timer);
        }
    }

    fn slice(&self, on_slice: Callback<Progress>) {
        let (status, render, reached) = match self.current.borrow_mut().as_mut() {
            Some(run) => {
                let started = now_ms();
                let status = run.session.run_for(run.slice);
                let ended = now_ms();
                run.slice = next_slice(run.slice, ended - started);
                let reached = run
                    .goal
                    .is_some_and(|goal| run.session.trace().len() >= goal);
                let render = status != RunStatus::Running
                    || reached
                    || ended - run.last_render >= RENDER_EVERY_MS;
                if render {
                    run.last_render = ended;
                }
                run.next_slice = None;
                (status, render, reached)
            }
            None => return,
        };
        if status == RunStatus::Running && !reached {
            self.schedule(on_slice.clone());
        }
        // After the borrow ends: the callback re-renders, which reads the session.
        if render {
            // Yew renders during the emit, so this measures the render.
            let started = now_ms();
            let events = self.with_session(|session| session.map_or(0, |s| s.trace().len()));
            on_slice.emit(Progress { status, events });
            let ended = now_ms();
            if let Some(run) = self.current.borrow_mut().as_mut() {
                run.last_render = ended;
                run.render_gap = RENDER_EVERY_MS.max((ended - started) / RENDER_SHARE);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_grow_when_quick_and_shrink_when_slow() {
        assert_eq!(next_slice(20_000, 1.0), 40_000);
        assert_eq!(next_slice(20_000, 6.0), 20_000);
        assert_eq!(next_slice(20_000, 12.0), 10_000);
        assert_eq!(next_slice(20_000, 40.0), 5_000);
        assert_eq!(next_slice(SLICE_RANGE.1, 0.0), SLICE_RANGE.1);
        assert_eq!(next_slice(SLICE_RANGE.0, 100.0), SLICE_RANGE.0);
    }

    #[test]
    fn the_browser_limits_end_an_endless_program() {
        let mut config = browser_config();
        config.max_reductions = Some(200_000);
        let mut session = Session::start(
            "defmodule L do\n  def loop, do: loop()\nend\nL.loop()\n",
            "t.exs",
            config,
        )
        .expect("compiles");
        let mut slices = 0;
        while session.run_for(50_000) == RunStatus::Running {
            slices += 1;
            assert!(slices < 100, "the limit did not stop the loop");
        }
        let stderr: String = session.output().iter().map(|c| c.text.as_str()).collect();
        assert!(
            stderr.contains("stopped after 200000 reductions"),
            "{stderr}"
        );
    }
}
