//! Runs one program at a time in slices, each on its own timer tick, so a long or
//! endless program never freezes the tab and Stop answers at once.
//!
//! A slice runs the program for [`TARGET_MS`] of real time, in chunks of
//! reductions whose size adapts (it grows while chunks are quick and shrinks
//! when one takes too long) so that each chunk takes about [`CHUNK_MS`]: a
//! slice then ends close to its time on any machine, even when the machine's
//! load makes the same work take twice as long from one moment to the next,
//! and no slice is much shorter than it could be (each costs a task switch
//! and maybe a frame).
//!
//! Slices follow one another through a message the page posts to itself, not
//! `setTimeout(0)`: browsers delay nested timeouts by at least 4 ms, which
//! left a third of a long run idle, while a message runs as soon as the event
//! loop has handled input and drawn its frame.
//!
//! A run may have a goal, a number of trace events: Step and Play need the run
//! only a little ahead of the moment they show, so it pauses there until
//! [`Runner::advance`] moves the goal on.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use runtime_core::scheduler::SchedulerConfig;
use runtime_core::{Diagnostic, RunConfig, RunStatus, Session};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Reductions of the first chunk: about a millisecond on a slow machine.
const FIRST_CHUNK: u64 = 5_000;
/// Bounds of the adaptive chunk.
const CHUNK_RANGE: (u64, u64) = (500, 5_000_000);
/// The time one chunk aims for: short, so that a slice can stop close to
/// [`TARGET_MS`].
const CHUNK_MS: f64 = 2.0;
/// The time one slice runs for, well under a 16 ms frame.
const TARGET_MS: f64 = 8.0;
/// Reductions per call into the session when a run goes to its end in one go.
const WHOLE_RUN_CHUNK: u64 = 20_000_000;
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

/// Runs `source` to its end in one go, with the browser's limits, `seed`, and
/// the trace recorded or not; for benchmarks and tests, since it never yields.
pub fn run_to_end(source: &str, seed: u64, trace: bool) -> Result<Session, Diagnostic> {
    let config = RunConfig {
        seed,
        trace,
        ..browser_config()
    };
    let mut session = callcast_compiler::start(source, "main.exs", config)?;
    while session.run_for(WHOLE_RUN_CHUNK) == RunStatus::Running {}
    Ok(session)
}

#[cfg(target_arch = "wasm32")]
fn memory_probe() -> Option<fn() -> usize> {
    Some(|| core::arch::wasm32::memory_size(0) * 65536)
}

#[cfg(not(target_arch = "wasm32"))]
fn memory_probe() -> Option<fn() -> usize> {
    None
}

thread_local! {
    // Looked up once: finding it again costs two calls into JavaScript.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|window| window.performance());
}

/// Milliseconds on a monotonic clock (0 where there is none, e.g. native tests).
fn now_ms() -> f64 {
    PERFORMANCE.with(|performance| performance.as_ref().map_or(0.0, |p| p.now()))
}

/// The next chunk size, given how long the last one took.
pub fn next_chunk(current: u64, took_ms: f64) -> u64 {
    let next = if took_ms < CHUNK_MS / 2.0 {
        current.saturating_mul(2)
    } else if took_ms > CHUNK_MS * 2.0 {
        current / 4
    } else if took_ms > CHUNK_MS {
        current / 2
    } else {
        current
    };
    next.clamp(CHUNK_RANGE.0, CHUNK_RANGE.1)
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
    /// Runs started so far: the number of the current run, so a view can tell
    /// a new run from the same run with a longer trace.
    started: Rc<Cell<u64>>,
}

struct Run {
    session: Session,
    /// Hears where the run stands (see [`Runner::start`]).
    on_slice: Callback<Progress>,
    /// Pause once the trace holds this many events (Step and Play need no more).
    goal: Option<usize>,
    /// Posts the run's next slice while the run goes on; dropping it cancels
    /// the slice it posted, which is how a run is stopped or paused (and
    /// frees the run's callback). [`Runner::advance`] makes a new one.
    ticker: Option<Ticker>,
    /// Reductions per call into the session (see [`next_chunk`]).
    chunk: u64,
    /// The status line and the views have their own pace: the status is cheap
    /// and shows progress often, the views may be slow to draw (a big table,
    /// many shapes), so they are drawn again only as often as they can be.
    status: Pace,
    views: Pace,
    /// The trace length the views were last asked to draw (see [`Runner::views_events`]).
    views_events: usize,
    /// When the last render was asked for and whether it drew the views,
    /// until the next slice measures it.
    render_asked: Option<(f64, bool)>,
}

/// How often something is drawn while a program runs.
struct Pace {
    /// When it was last drawn (ms).
    last: f64,
    /// Milliseconds to wait after drawing it before drawing it again.
    gap: f64,
}

impl Pace {
    fn new(now: f64) -> Pace {
        Pace {
            last: now,
            gap: RENDER_EVERY_MS,
        }
    }

    fn due(&self, now: f64) -> bool {
        now - self.last >= self.gap
    }

    /// A render took `cost` ms, up to `now`: a slow one makes the next wait
    /// longer, so rendering never takes more than [`RENDER_SHARE`] of the time.
    fn drawn(&mut self, now: f64, cost: f64) {
        self.last = now;
        self.gap = RENDER_EVERY_MS.max(cost / RENDER_SHARE);
    }
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
    /// reaches its goal (see [`Runner::advance`]). [`Runner::views_events`]
    /// says when views following the end of the trace should be drawn again.
    /// A module's compile error, which the run raises only when the script
    /// gets to that module, comes back for the editor to mark.
    pub fn start(
        &self,
        source: &str,
        file_name: &str,
        seed: u64,
        goal: Option<usize>,
        on_slice: Callback<Progress>,
    ) -> Result<Option<Diagnostic>, Diagnostic> {
        self.current.replace(None);
        self.started.set(self.started.get() + 1);
        let config = RunConfig {
            seed,
            ..browser_config()
        };
        let session = callcast_compiler::start(source, file_name, config)?;
        let met_later = session.compile_error().cloned();
        self.current.replace(Some(Run {
            session,
            on_slice,
            goal,
            ticker: None,
            chunk: FIRST_CHUNK,
            status: Pace::new(now_ms()),
            views: Pace::new(now_ms()),
            views_events: 0,
            render_asked: None,
        }));
        // The first slice runs even when the goal is already met (the spawn of
        // the main process is recorded before it): it reports the run's start.
        self.go_on();
        Ok(met_later)
    }

    /// Stops the run where it is; its output and trace stay readable, and
    /// [`Runner::advance`] lets it go on (a Pause).
    pub fn stop(&self) {
        if let Some(run) = self.current.borrow_mut().as_mut() {
            run.ticker = None;
            run.views_events = run.session.trace().len();
        }
    }

    /// Lets the run go on until its trace holds `goal` events (`None`: to its
    /// end), unless it already has them or has ended. A run already going on
    /// only gets the new goal.
    pub fn advance(&self, goal: Option<usize>) {
        let mut current = self.current.borrow_mut();
        let Some(run) = current.as_mut() else {
            return;
        };
        run.goal = goal;
        let needed = goal.is_none_or(|g| run.session.trace().len() < g);
        let paused = run.ticker.is_none() && run.session.status() == RunStatus::Running;
        drop(current);
        if paused && needed {
            self.go_on();
        }
    }

    /// Posts the next slice of a run that has none coming.
    fn go_on(&self) {
        if let Some(run) = self.current.borrow_mut().as_mut() {
            if run.ticker.is_some() {
                return;
            }
            // A render asked for before a pause was not followed by a slice:
            // the time since is the pause, not the render's cost.
            run.render_asked = None;
            let runner = self.clone();
            run.ticker = Ticker::new(move || runner.slice());
            if let Some(ticker) = &run.ticker {
                ticker.post();
            }
        }
    }

    /// Forgets the run: the views go blank.
    pub fn clear(&self) {
        self.current.replace(None);
        // Like a new run: views keyed by run number must not keep the old one.
        self.started.set(self.started.get() + 1);
    }

    /// How much of the trace views following its end should show: all of it
    /// once the run ended, stopped or reached its goal; while it runs, the
    /// length at the latest slice whose render was to include the views
    /// (their own, slower pace).
    pub fn views_events(&self) -> usize {
        self.current
            .borrow()
            .as_ref()
            .map_or(0, |run| run.views_events)
    }

    /// The number of the current run: it changes whenever a run starts (or
    /// is cleared).
    pub fn run_number(&self) -> u64 {
        self.started.get()
    }

    /// Reads the current session, if a program was started.
    pub fn with_session<T>(&self, read: impl FnOnce(Option<&Session>) -> T) -> T {
        let current = self.current.borrow();
        read(current.as_ref().map(|run| &run.session))
    }

    fn slice(&self) {
        let progress = match self.current.borrow_mut().as_mut() {
            Some(run) => {
                let started = now_ms();
                // Yew renders after the callback returns (in a microtask), so a
                // render's cost shows as the time from asking for it to this
                // slice. A slow render makes renders rarer, so a huge trace
                // leaves the time to the run.
                if let Some((asked, with_views)) = run.render_asked.take() {
                    let pace = if with_views {
                        &mut run.views
                    } else {
                        &mut run.status
                    };
                    pace.drawn(started, started - asked);
                    run.status.last = started;
                }
                let (mut status, mut events, mut reached);
                let mut ended = started;
                loop {
                    let before = ended;
                    status = run.session.run_for(run.chunk);
                    ended = now_ms();
                    let took = ended - before;
                    run.chunk = next_chunk(run.chunk, took);
                    events = run.session.trace().len();
                    // Step and Play need no more events: pause until `advance`.
                    reached = run.goal.is_some_and(|goal| events >= goal);
                    // Stop when another chunk as long as the last would end
                    // past the slice's time.
                    if status != RunStatus::Running || reached || ended + took > started + TARGET_MS
                    {
                        break;
                    }
                }
                let ends = status != RunStatus::Running;
                let render = ends || reached || run.status.due(ended);
                if render {
                    let with_views = ends || reached || run.views.due(ended);
                    if with_views {
                        run.views_events = events;
                    }
                    run.render_asked = Some((ended, with_views));
                }
                match &run.ticker {
                    Some(ticker) if !ends && !reached => ticker.post(),
                    _ => run.ticker = None,
                }
                render.then(|| (run.on_slice.clone(), Progress { status, events }))
            }
            None => return,
        };
        // After the borrow ends: the callback re-renders, which reads the session.
        if let Some((on_slice, progress)) = progress {
            on_slice.emit(progress);
        }
    }
}

/// Runs a callback as the page's next task each time it is posted; dropping
/// it cancels a posted run.
struct Ticker {
    channel: web_sys::MessageChannel,
    _callback: Closure<dyn FnMut()>,
}

impl Ticker {
    /// `None` if the browser has no message channels, which leaves the run
    /// where it is (every browser that runs WebAssembly has them).
    fn new(callback: impl FnMut() + 'static) -> Option<Ticker> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let callback: Closure<dyn FnMut()> = Closure::new(callback);
        channel
            .port1()
            .set_onmessage(Some(callback.as_ref().unchecked_ref()));
        Some(Ticker {
            channel,
            _callback: callback,
        })
    }

    fn post(&self) {
        // Posting to an open port does not fail.
        let _ = self.channel.port2().post_message(&JsValue::UNDEFINED);
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        // A message already on its way must find no handler once the closure is gone.
        let port = self.channel.port1();
        port.set_onmessage(None);
        port.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_grow_when_quick_and_shrink_when_slow() {
        assert_eq!(next_chunk(20_000, 0.5), 40_000);
        assert_eq!(next_chunk(20_000, 1.5), 20_000);
        assert_eq!(next_chunk(20_000, 3.0), 10_000);
        assert_eq!(next_chunk(20_000, 10.0), 5_000);
        assert_eq!(next_chunk(CHUNK_RANGE.1, 0.0), CHUNK_RANGE.1);
        assert_eq!(next_chunk(CHUNK_RANGE.0, 100.0), CHUNK_RANGE.0);
    }

    #[test]
    fn the_browser_limits_end_an_endless_program() {
        let mut config = browser_config();
        config.max_reductions = Some(200_000);
        let mut session = callcast_compiler::start(
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
