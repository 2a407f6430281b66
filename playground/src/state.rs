//! The state of one workbench (editor, run, playback, problem) and the reducer
//! that changes it.
//!
//! A run records trace events; the views show the trace up to a *cursor*. At
//! full speed the cursor follows the end of the trace; Step, Play at a chosen
//! speed and the scrubber move it through the events one by one, and the run
//! itself only goes on when the cursor needs events it has not recorded yet.

use std::rc::Rc;

use runtime_core::{RunStatus, Span};
use yew::Reducible;

/// Where the program stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not run yet (or reset).
    Idle,
    /// Running at full speed, the views following the end of the trace.
    Running,
    /// Playing the trace back at [`Workbench::speed`], running on as needed.
    Playing,
    /// Waiting for the run to record the event a Step asked for.
    Stepping,
    /// Paused by the reader at [`Workbench::cursor`]; Play or Step go on.
    Paused,
    /// Ran to the end, and the views show the end.
    Finished {
        /// 0 on success, 1 after an uncaught error.
        exit_code: i32,
    },
    /// Stopped by the reader: the run cannot go on.
    Stopped,
}

impl Phase {
    /// Whether the run is going on (Stop and Pause apply).
    pub fn is_active(self) -> bool {
        matches!(self, Phase::Running | Phase::Playing | Phase::Stepping)
    }

    /// The `data-phase` attribute of the workbench, which tests wait on.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running | Phase::Stepping => "running",
            Phase::Playing => "playing",
            Phase::Paused => "paused",
            Phase::Finished { .. } => "finished",
            Phase::Stopped => "stopped",
        }
    }
}

/// How fast Play goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// Trace events shown per second of real time, as an animation.
    EventsPerSecond(u32),
    /// As fast as the program runs; the views follow the end of the trace.
    Full,
}

impl Speed {
    /// The choices of the speed menu, slowest first.
    pub const CHOICES: [Speed; 5] = [
        Speed::EventsPerSecond(2),
        Speed::EventsPerSecond(8),
        Speed::EventsPerSecond(30),
        Speed::EventsPerSecond(120),
        Speed::Full,
    ];

    /// The value of its `<option>` (and what [`Speed::parse`] reads back).
    pub fn value(self) -> String {
        match self {
            Speed::EventsPerSecond(n) => n.to_string(),
            Speed::Full => "full".to_owned(),
        }
    }

    /// What the menu says.
    pub fn label(self) -> String {
        match self {
            Speed::EventsPerSecond(n) => format!("{n} events/s"),
            Speed::Full => "full speed".to_owned(),
        }
    }

    /// Reads an `<option>` value; anything else is `None`.
    pub fn parse(value: &str) -> Option<Speed> {
        match value {
            "full" => Some(Speed::Full),
            n => n
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .map(Speed::EventsPerSecond),
        }
    }

    /// For an animation: the timer period (ms) and the events each tick shows.
    /// Ticks are at most 20 per second; faster speeds show more per tick.
    pub fn tick(self) -> Option<(u32, usize)> {
        match self {
            Speed::Full => None,
            Speed::EventsPerSecond(n) if n <= 20 => Some((1000 / n.max(1), 1)),
            Speed::EventsPerSecond(n) => Some((50, n.div_ceil(20) as usize)),
        }
    }
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
    /// How many trace events the views show; `None`: all of them.
    pub cursor: Option<usize>,
    /// Trace events the run had recorded at its latest slice.
    pub recorded: usize,
    /// The exit code, once the run has ended.
    pub ended: Option<i32>,
    /// How fast Play goes.
    pub speed: Speed,
    /// The seed of the next run.
    pub seed: u64,
}

/// How a run starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Run: full speed.
    Full,
    /// Play at the chosen speed, from the first event.
    Play,
    /// Step: pause after the first event.
    Step,
}

/// What can happen to a workbench.
#[derive(Clone, Debug)]
pub enum Action {
    /// The reader changed the text.
    Edit(String),
    /// A run started.
    Started(Start),
    /// The program did not compile.
    CompileFailed(Problem),
    /// A module of the program does not compile, and the run just started
    /// raises its error when the script reaches it (Elixir runs the code
    /// above first): the editor marks it meanwhile.
    Flagged(Problem),
    /// A slice ran; the trace now holds `events` events.
    Slice {
        /// Where the run stands.
        status: RunStatus,
        /// Events recorded so far.
        events: usize,
    },
    /// The reader stopped the run.
    Stopped,
    /// The reader paused; the trace holds `events` events.
    Paused {
        /// Events recorded so far.
        events: usize,
    },
    /// Play from the cursor (after a pause or a move of the scrubber).
    Resume,
    /// Show one more event.
    Step,
    /// The animation's timer: show this many more events.
    Tick(usize),
    /// The scrubber moved: show the first `n` events.
    Seek(usize),
    /// Forget the run: back to before it started.
    Reset,
    /// The speed menu changed.
    SetSpeed(Speed),
    /// The seed field changed.
    SetSeed(u64),
}

impl Workbench {
    /// A workbench with this text, possibly opening with a problem to show.
    pub fn new(source: String, problem: Option<Problem>) -> Workbench {
        Workbench {
            source,
            phase: Phase::Idle,
            problem,
            slices: 0,
            cursor: None,
            recorded: 0,
            ended: None,
            speed: Speed::EventsPerSecond(8),
            seed: 0,
        }
    }

    /// How many events the views show.
    pub fn shown(&self) -> usize {
        self.cursor.map_or(self.recorded, |c| c.min(self.recorded))
    }

    /// Whether Play and Step go on with this run, rather than start a new one:
    /// it is paused or playing, or it ended but the views show an earlier moment.
    pub fn can_continue(&self) -> bool {
        match self.phase {
            Phase::Idle | Phase::Stopped => false,
            Phase::Finished { .. } => self.shown() < self.recorded,
            Phase::Running | Phase::Playing | Phase::Stepping | Phase::Paused => {
                self.ended.is_none() || self.shown() < self.recorded
            }
        }
    }

    /// Events the run should have recorded for the views to go on, when it
    /// must run further to get them (`Some(None)`: run freely, full speed).
    pub fn wanted(&self, ahead: usize) -> Option<Option<usize>> {
        if self.ended.is_some() {
            return None;
        }
        let shown = self.shown();
        match self.phase {
            Phase::Running => Some(None),
            Phase::Stepping if shown >= self.recorded => Some(Some(shown + 1)),
            Phase::Playing if shown + ahead > self.recorded => Some(Some(shown + ahead)),
            _ => None,
        }
    }

    /// Moves the cursor to `n` (at most the recorded events); at the end of an
    /// ended run the views follow the end again and the run reads as finished.
    fn show(&mut self, n: usize, otherwise: Phase) {
        let n = n.min(self.recorded);
        match self.ended {
            Some(exit_code) if n >= self.recorded => {
                self.cursor = None;
                self.phase = Phase::Finished { exit_code };
            }
            _ => {
                self.cursor = Some(n);
                self.phase = otherwise;
            }
        }
    }
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
            Action::Started(start) => {
                next.problem = None;
                next.recorded = 0;
                next.ended = None;
                (next.phase, next.cursor) = match start {
                    Start::Full => (Phase::Running, None),
                    Start::Play => (Phase::Playing, Some(0)),
                    Start::Step => (Phase::Stepping, Some(0)),
                };
            }
            Action::CompileFailed(problem) => {
                next.phase = Phase::Idle;
                next.problem = Some(problem);
            }
            Action::Flagged(problem) => next.problem = Some(problem),
            Action::Slice { status, events } => {
                next.slices += 1;
                next.recorded = events;
                if let RunStatus::Finished { exit_code } = status {
                    next.ended = Some(exit_code);
                }
                let shown = next.shown();
                match next.phase {
                    Phase::Running => {
                        if let Some(exit_code) = next.ended {
                            next.phase = Phase::Finished { exit_code };
                        }
                    }
                    Phase::Stepping if events > shown => next.show(shown + 1, Phase::Paused),
                    // The run ended with nothing more to show: the end.
                    Phase::Stepping | Phase::Playing if next.ended.is_some() && shown >= events => {
                        next.show(events, Phase::Paused);
                    }
                    _ => {}
                }
            }
            Action::Stopped => {
                if next.phase.is_active() || next.phase == Phase::Paused {
                    next.phase = Phase::Stopped;
                }
            }
            Action::Paused { events } => {
                if next.phase.is_active() {
                    next.recorded = next.recorded.max(events);
                    let shown = next.shown();
                    next.cursor = Some(shown);
                    next.phase = Phase::Paused;
                }
            }
            Action::Resume => {
                if next.can_continue() {
                    match next.speed {
                        Speed::Full => {
                            next.cursor = None;
                            next.phase = Phase::Running;
                            if let Some(exit_code) = next.ended {
                                next.phase = Phase::Finished { exit_code };
                            }
                        }
                        Speed::EventsPerSecond(_) => {
                            next.cursor = Some(next.shown());
                            next.phase = Phase::Playing;
                        }
                    }
                }
            }
            Action::Step => {
                if next.can_continue() {
                    let shown = next.shown();
                    if shown < next.recorded {
                        next.show(shown + 1, Phase::Paused);
                    } else {
                        next.cursor = Some(shown);
                        next.phase = Phase::Stepping;
                    }
                }
            }
            Action::Tick(n) => {
                if next.phase == Phase::Playing {
                    let shown = next.shown();
                    next.show(shown + n, Phase::Playing);
                }
            }
            Action::Seek(n) => match next.phase {
                Phase::Idle => {}
                Phase::Stopped => next.cursor = Some(n.min(next.recorded)),
                _ => next.show(n, Phase::Paused),
            },
            Action::Reset => {
                next.phase = Phase::Idle;
                next.cursor = None;
                next.recorded = 0;
                next.ended = None;
            }
            Action::SetSpeed(speed) => {
                next.speed = speed;
                match (next.phase, speed) {
                    (Phase::Playing, Speed::Full) => {
                        next.cursor = None;
                        next.phase = Phase::Running;
                    }
                    (Phase::Running, Speed::EventsPerSecond(_)) => {
                        next.cursor = Some(next.recorded);
                        next.phase = Phase::Playing;
                    }
                    _ => {}
                }
            }
            Action::SetSeed(seed) => next.seed = seed,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUNNING: RunStatus = RunStatus::Running;
    const DONE: RunStatus = RunStatus::Finished { exit_code: 0 };

    /// Applies `actions` in order and describes the state after each one as
    /// `phase shown/recorded`, so a scenario reads as a table.
    fn play(speed: Speed, actions: &[Action]) -> Vec<String> {
        let mut state = Rc::new(Workbench::new(String::new(), None));
        state = state.reduce(Action::SetSpeed(speed));
        actions
            .iter()
            .map(|action| {
                state = state.clone().reduce(action.clone());
                format!(
                    "{} {}/{}",
                    state.phase.name(),
                    state.shown(),
                    state.recorded
                )
            })
            .collect()
    }

    fn slice(status: RunStatus, events: usize) -> Action {
        Action::Slice { status, events }
    }

    #[test]
    fn a_full_speed_run_follows_the_end_and_finishes() {
        assert_eq!(
            play(
                Speed::Full,
                &[
                    Action::Started(Start::Full),
                    slice(RUNNING, 40),
                    slice(DONE, 90),
                ]
            ),
            ["running 0/0", "running 40/40", "finished 90/90"]
        );
    }

    #[test]
    fn a_module_error_met_later_is_marked_while_the_run_goes_on() {
        let problem = Problem {
            message: "** (CompileError) x.exs:7: undefined function f/0".into(),
            span: None,
        };
        let mut state = Rc::new(Workbench::new(String::new(), None));
        for action in [
            Action::Started(Start::Full),
            Action::Flagged(problem.clone()),
            slice(DONE, 12),
        ] {
            state = state.reduce(action);
        }
        assert_eq!(state.phase.name(), "finished");
        assert_eq!(
            state.problem.as_ref().map(|p| p.message.as_str()),
            Some(problem.message.as_str())
        );
        // The next run starts without it, until that run flags it again.
        state = state.reduce(Action::Started(Start::Full));
        assert_eq!(state.problem, None);
    }

    #[test]
    fn step_shows_exactly_one_more_event_even_when_a_slice_recorded_many() {
        assert_eq!(
            play(
                Speed::EventsPerSecond(8),
                &[
                    Action::Started(Start::Step),
                    slice(RUNNING, 30),
                    Action::Step,
                    Action::Step,
                    Action::Seek(29),
                    Action::Step,
                    Action::Step,
                    slice(DONE, 31),
                    Action::Step,
                ]
            ),
            [
                "running 0/0",
                "paused 1/30",
                "paused 2/30",
                "paused 3/30",
                "paused 29/30",
                "paused 30/30",
                // Nothing more recorded: Step waits for the run.
                "running 30/30",
                "finished 31/31",
                // The end: Step starts nothing here (the workbench starts a new run).
                "finished 31/31",
            ]
        );
    }

    #[test]
    fn pause_holds_the_moment_and_play_goes_on_from_it() {
        assert_eq!(
            play(
                Speed::EventsPerSecond(8),
                &[
                    Action::Started(Start::Play),
                    slice(RUNNING, 50),
                    Action::Tick(1),
                    Action::Tick(1),
                    Action::Paused { events: 60 },
                    Action::Tick(1),
                    Action::Resume,
                    Action::Tick(5),
                    slice(DONE, 70),
                    Action::Tick(100),
                ]
            ),
            [
                "playing 0/0",
                "playing 0/50",
                "playing 1/50",
                "playing 2/50",
                "paused 2/60",
                // A late tick of the stopped animation changes nothing.
                "paused 2/60",
                "playing 2/60",
                "playing 7/60",
                "playing 7/70",
                "finished 70/70",
            ]
        );
    }

    #[test]
    fn play_while_a_step_waits_plays_on_from_there() {
        assert_eq!(
            play(
                Speed::EventsPerSecond(2),
                &[
                    Action::Started(Start::Step),
                    Action::Resume,
                    slice(RUNNING, 3),
                    Action::Tick(1),
                    Action::SetSpeed(Speed::Full),
                ]
            ),
            [
                "running 0/0",
                "playing 0/0",
                "playing 0/3",
                "playing 1/3",
                "running 3/3"
            ]
        );
    }

    #[test]
    fn pausing_a_full_speed_run_shows_what_it_recorded_and_stop_is_final() {
        assert_eq!(
            play(
                Speed::Full,
                &[
                    Action::Started(Start::Full),
                    slice(RUNNING, 10),
                    Action::Paused { events: 25 },
                    Action::Seek(5),
                    Action::Resume,
                    Action::Stopped,
                    Action::Resume,
                    Action::Step,
                    Action::Seek(3),
                ]
            ),
            [
                "running 0/0",
                "running 10/10",
                "paused 25/25",
                "paused 5/25",
                "running 25/25",
                "stopped 25/25",
                "stopped 25/25",
                "stopped 25/25",
                "stopped 3/25",
            ]
        );
    }

    #[test]
    fn the_scrubber_rewinds_a_finished_run_and_play_replays_it() {
        let state = play(
            Speed::EventsPerSecond(120),
            &[
                Action::Started(Start::Full),
                slice(DONE, 12),
                Action::Seek(4),
                Action::Resume,
                Action::Tick(6),
                Action::Tick(6),
                Action::Seek(99),
                Action::Reset,
                Action::Seek(3),
            ],
        );
        assert_eq!(
            state,
            [
                "running 0/0",
                "finished 12/12",
                "paused 4/12",
                "playing 4/12",
                "playing 10/12",
                "finished 12/12",
                "finished 12/12",
                "idle 0/0",
                "idle 0/0",
            ]
        );
    }

    #[test]
    fn the_run_goes_on_only_when_the_cursor_needs_events() {
        let mut state = Workbench::new(String::new(), None);
        state.phase = Phase::Playing;
        state.recorded = 100;
        state.cursor = Some(10);
        assert_eq!(state.wanted(64), None, "enough events ahead");
        state.cursor = Some(50);
        assert_eq!(state.wanted(64), Some(Some(114)));
        state.phase = Phase::Stepping;
        state.cursor = Some(100);
        assert_eq!(state.wanted(64), Some(Some(101)));
        state.phase = Phase::Running;
        assert_eq!(state.wanted(64), Some(None));
        state.ended = Some(0);
        assert_eq!(state.wanted(64), None, "an ended run has nothing more");
    }

    #[test]
    fn speeds_read_back_and_tick_at_most_twenty_times_a_second() {
        for speed in Speed::CHOICES {
            assert_eq!(Speed::parse(&speed.value()), Some(speed));
        }
        assert_eq!(Speed::parse("0"), None);
        assert_eq!(Speed::parse("fast"), None);
        assert_eq!(Speed::EventsPerSecond(2).tick(), Some((500, 1)));
        assert_eq!(Speed::EventsPerSecond(120).tick(), Some((50, 6)));
        assert_eq!(Speed::Full.tick(), None);
    }
}
