//! The workbench: editor, Run/Stop/Share, console, error panel and, in the full
//! layout, the playback controls (Step, Play/Pause at a speed, Reset, seed),
//! the time scrubber and the trace views. The playground page and every book
//! embed are one each.

use gloo_timers::callback::Interval;
use runtime_core::trace::Nanos;
use yew::prelude::*;

use super::console;
use super::editor::Editor;
use super::embed_views::View;
use crate::runner::{Progress, Runner};
use crate::share::{self, Link};
use crate::state::{Action, Phase, Problem, Speed, Start, Workbench as State};
use crate::views::model;
use crate::views::sequence_diagram::grouped;
use crate::views::sequence_layout::time_text;
use crate::views::trace_views::{Arrangement, TraceViews};

/// While playing, the run keeps this many events recorded ahead of the
/// moment shown, so the animation never waits on it.
const AHEAD: usize = 64;

/// Which parts a workbench shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The playground page: code on one side, every view on the other.
    Full,
    /// A book embed: editor and console, and the views its fence asks for.
    Compact,
}

/// What the Share control does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Share {
    /// Put a share link for the code into this page's address (the playground).
    ThisPage,
    /// Link to the playground page at this URL, with the code (a book embed).
    Playground(AttrValue),
    /// No share control.
    Hidden,
}

/// Properties of [`Workbench`].
#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    /// The text the editor opens with.
    pub source: AttrValue,
    /// A problem to show from the start (e.g. a broken share link).
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// Run as soon as it is shown.
    #[prop_or_default]
    pub autorun: bool,
    /// The file name compile errors mention.
    pub file_name: AttrValue,
    /// Which parts to show.
    pub layout: Layout,
    /// What Share does.
    pub share: Share,
    /// Editor height in lines.
    pub rows: u32,
    /// The text "Reset to original" brings back (when it differs from `source`,
    /// e.g. after an autosave was restored).
    pub original: AttrValue,
    /// Where the text is autosaved (localStorage key); `None`: not saved.
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    /// Code that runs before the editor's text but is not shown in the editor
    /// (a book example's setup).
    #[prop_or_default]
    pub setup: AttrValue,
    /// An exercise's hidden checks: when present, a Check button runs setup,
    /// the editor's text and these, and says whether they passed.
    #[prop_or_default]
    pub check: Option<AttrValue>,
    /// The example is meant to end with an uncaught error (said in the status).
    #[prop_or_default]
    pub expect_crash: bool,
    /// The views a compact workbench draws under its console after a run.
    #[prop_or_default]
    pub views: Vec<View>,
    /// The seed runs start with (a share link's `seed=`).
    #[prop_or_default]
    pub seed: u64,
}

/// The line a passing check prints; anything else (an error, a missing line)
/// is a failure whose output explains it.
const CHECK_PASSED: &str = "check passed";

/// The program a run executes: the setup, then `source`, then `tail` if any.
fn program(setup: &str, source: &str, tail: Option<&str>) -> String {
    let mut program = format!("{setup}{source}");
    if let Some(tail) = tail {
        if !program.ends_with('\n') {
            program.push('\n');
        }
        program.push_str(tail);
    }
    program
}

/// A compile error's span in the combined program, moved into the editor's text
/// (`None` when it points into the setup or the checks).
fn editor_span(
    span: runtime_core::Span,
    setup_len: usize,
    source_len: usize,
) -> Option<runtime_core::Span> {
    let start = (span.start as usize).checked_sub(setup_len)?;
    let end = (span.end as usize).checked_sub(setup_len)?;
    (end <= source_len).then(|| runtime_core::Span::new(start, end))
}

/// One editor with its run controls and views.
#[function_component(Workbench)]
pub fn workbench(props: &WorkbenchProps) -> Html {
    let state = use_reducer(|| State {
        seed: props.seed,
        ..State::new(
            props.source.to_string(),
            props.problem.as_ref().map(|message| Problem {
                message: message.to_string(),
                span: None,
            }),
        )
    });
    let runner = (*use_state(Runner::default)).clone();
    // The output as of the moment shown, when that is not the end: kept with
    // its run's number, so moving the moment on folds in only the new events
    // (and moving it back, at most a few thousand).
    let cut_output = use_mut_ref(|| (0_u64, model::Output::default()));
    let share_note = use_state(|| None::<&'static str>);
    // Whether the latest run was a Check (its verdict is shown when it ends).
    let checking = use_state(|| false);

    // Runs the setup, the editor's text and, for a Check, the hidden checks.
    let start = {
        let state = state.clone();
        let runner = runner.clone();
        let file_name = props.file_name.clone();
        let share_note = share_note.clone();
        let checking = checking.clone();
        let setup = props.setup.clone();
        let check = props.check.clone();
        Callback::from(move |(how, with_check): (Start, bool)| {
            share_note.set(None);
            checking.set(with_check);
            let dispatcher = state.dispatcher();
            let on_slice = Callback::from(move |Progress { status, events }| {
                dispatcher.dispatch(Action::Slice { status, events });
            });
            let tail = if with_check { check.as_deref() } else { None };
            let source = program(&setup, &state.source, tail);
            let goal = match how {
                Start::Full => None,
                Start::Play => Some(AHEAD),
                Start::Step => Some(1),
            };
            match runner.start(&source, &file_name, state.seed, goal, on_slice) {
                Ok(met_later) => {
                    state.dispatch(Action::Started(how));
                    if let Some(diagnostic) = met_later {
                        state.dispatch(Action::Flagged(Problem {
                            message: diagnostic.render(&source, &file_name),
                            span: editor_span(diagnostic.span, setup.len(), state.source.len()),
                        }));
                    }
                }
                Err(diagnostic) => state.dispatch(Action::CompileFailed(Problem {
                    message: diagnostic.render(&source, &file_name),
                    span: editor_span(diagnostic.span, setup.len(), state.source.len()),
                })),
            }
        })
    };
    let run = start.reform(|()| (Start::Full, false));
    let stop = {
        let state = state.clone();
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.stop();
            state.dispatch(Action::Stopped);
        })
    };
    let playback = playback_controls(&state, &runner, &start);
    // The run goes on only as far as the moment shown needs.
    {
        let runner = runner.clone();
        use_effect_with(state.wanted(AHEAD), move |wanted| {
            if let Some(goal) = *wanted {
                runner.advance(goal);
            }
        });
    }
    // The animation: while playing, a timer moves the moment shown on.
    {
        let dispatcher = state.dispatcher();
        let playing = state.phase == Phase::Playing;
        use_effect_with((playing, state.speed), move |&(playing, speed)| {
            let timer = speed.tick().filter(|_| playing).map(|(period, events)| {
                Interval::new(period, move || dispatcher.dispatch(Action::Tick(events)))
            });
            move || drop(timer)
        });
    }
    {
        let key = props.storage_key.clone();
        let original = props.original.clone();
        use_effect_with(state.source.clone(), move |source| {
            if let Some(key) = key {
                crate::storage::save(&key, source, &original);
            }
        });
    }
    let reset = {
        let state = state.clone();
        let original = props.original.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(original.to_string())))
    };
    let edited = state.source != props.original.as_str();
    let on_change = {
        let state = state.clone();
        Callback::from(move |source: String| state.dispatch(Action::Edit(source)))
    };

    {
        let run = run.clone();
        let runner = runner.clone();
        let autorun = props.autorun;
        use_effect_with((), move |()| {
            if autorun {
                run.emit(());
            }
            move || runner.stop()
        });
    }

    let share = match &props.share {
        Share::ThisPage => {
            let source = state.source.clone();
            let seed = state.seed;
            let share_note = share_note.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                share_note.set(Some(share_this_page(&source, seed, share_note.clone())));
            });
            html! {
                <button class="cc-button" data-testid="share" {onclick}
                        title="Put a link to this code in the address bar and copy it">{ "Share" }</button>
            }
        }
        Share::Playground(url) => {
            let full = program(&props.setup, &state.source, None);
            let copy = {
                let share_note = share_note.clone();
                let full = full.clone();
                Callback::from(move |_: MouseEvent| {
                    share_note.set(Some(copy_text(&full, share_note.clone())));
                })
            };
            html! {
                <>
                    <a class="cc-button" data-testid="share" target="_blank" rel="noopener"
                       href={format!("{url}#{}", Link::fragment_for(&share::encode_source_stored(&full), false, 0))}>
                        { "Open in playground" }
                    </a>
                    <button class="cc-button" data-testid="copy" onclick={copy}
                            title="Copy the whole program, setup included, to run it with `elixir file.exs`">
                        { "Copy as .exs" }
                    </button>
                </>
            }
        }
        Share::Hidden => html! {},
    };

    // A finished run that the scrubber moved back is paused too, but has nothing to stop.
    let stoppable =
        state.phase.is_active() || (state.phase == Phase::Paused && state.ended.is_none());
    let phase = state.phase.name();
    let status = match state.phase {
        Phase::Idle => String::new(),
        Phase::Running | Phase::Playing | Phase::Stepping => "Running…".to_owned(),
        Phase::Paused => "Paused.".to_owned(),
        Phase::Finished { exit_code: 0 } => "Finished.".to_owned(),
        Phase::Finished { exit_code } if props.expect_crash && !*checking => format!(
            "Finished with exit code {exit_code}: this example ends with an error on purpose."
        ),
        Phase::Finished { exit_code } => format!("Finished with exit code {exit_code}."),
        Phase::Stopped => "Stopped.".to_owned(),
    };
    let error = state.problem.as_ref().map(|problem| {
        html! { <pre class="cc-error" data-testid="error" role="alert">{ problem.message.clone() }</pre> }
    });

    let check_button = props.check.as_ref().map(|_| {
        html! {
            <button class="cc-button" data-testid="check"
                    title="Run your code with the exercise's checks"
                    onclick={start.reform(|_: MouseEvent| (Start::Full, true))}>{ "Check" }</button>
        }
    });

    runner.with_session(|session| {
        let whole = session.map_or(&[][..], |s| s.trace());
        // The moment shown: the whole trace, or its first events (the scrubber's).
        let trace = match state.cursor {
            Some(cursor) if session.is_some() => model::until(whole, cursor),
            _ => whole,
        };
        let cut = trace.len() < whole.len();
        let kept_output;
        let output = match session {
            Some(_) if cut => {
                {
                    let mut kept = cut_output.borrow_mut();
                    let run = runner.run_number();
                    if kept.0 != run {
                        *kept = (run, model::Output::default());
                    }
                    kept.1.seek(trace);
                }
                kept_output = cut_output.borrow();
                kept_output.1.chunks()
            }
            Some(s) => s.output(),
            None => &[][..],
        };
        let moment = trace.last().map_or(0, |event| event.at());
        // The views follow the cursor; at full speed, the runner's own pace
        // for them, so they are not derived again after every slice.
        let views = |arrangement| {
            let events = match state.cursor {
                Some(_) => trace.len(),
                None => runner.views_events(),
            };
            let end = if cut { whole.last().map_or(0, |event| event.at()) } else { 0 };
            html! {
                <TraceViews runner={runner.clone()} run={runner.run_number()} {events} {cut} {end}
                            {arrangement} />
            }
        };
        let status = match (state.phase, session) {
            (Phase::Running | Phase::Stepping, Some(s)) => format!(
                "Running… {} of virtual time, {} events, {} reductions",
                time_text(s.now()),
                grouped(s.trace().len()),
                grouped(s.reductions() as usize)
            ),
            (Phase::Playing | Phase::Paused, Some(_)) | (Phase::Stopped, Some(_)) if cut => {
                format!(
                    "{} Event {} of {}, at {} of virtual time.",
                    if state.phase == Phase::Playing { "Playing…" } else { status.as_str() },
                    grouped(trace.len()),
                    grouped(whole.len()),
                    time_text(moment)
                )
            }
            _ => status.clone(),
        };
        let result = session
            .filter(|_| !cut)
            .and_then(|s| s.result())
            .map(runtime_core::inspect::inspect);
        let verdict = match state.phase {
            Phase::Finished { exit_code } if *checking => {
                let passed = exit_code == 0
                    && output
                        .iter()
                        .flat_map(|chunk| chunk.text.lines())
                        .any(|line| line.starts_with(CHECK_PASSED));
                let (class, text) = if passed {
                    ("cc-verdict cc-pass", "Check passed.")
                } else {
                    ("cc-verdict cc-fail", "Not yet: the console says what the check found.")
                };
                html! { <p class={class} data-testid="verdict" role="status">{ text }</p> }
            }
            _ => html! {},
        };
        let code = html! {
            <>
                <div class="cc-toolbar">
                    <button class="cc-button cc-primary" data-testid="run" title="Run (Ctrl+Enter)"
                            onclick={run.reform(|_: MouseEvent| ())}>{ "Run" }</button>
                    if stoppable {
                        <button class="cc-button" data-testid="stop" onclick={stop}>{ "Stop" }</button>
                    }
                    { for check_button }
                    { share }
                    if edited {
                        <button class="cc-button" data-testid="reset" onclick={reset}
                                title="Replace your edits with the original code">{ "Reset to original" }</button>
                    }
                    <span class="cc-status" role="status" data-testid="status">
                        { share_note.map(str::to_owned).unwrap_or(status) }
                    </span>
                </div>
                if props.layout == Layout::Full {
                    { playback.clone() }
                }
                <Editor value={AttrValue::from(state.source.clone())} {on_change} on_run={run.clone()}
                        rows={props.rows} marker={state.problem.as_ref().and_then(|p| p.span)}
                        label="Elixir code" />
                { for error }
                { verdict }
                { console::view(output, result, cut) }
            </>
        };
        match props.layout {
            Layout::Compact => html! {
                <div class="cc-workbench cc-compact" data-phase={phase}>
                    { code }
                    if !props.views.is_empty() {
                        { views(Arrangement::Compact(props.views.clone())) }
                    }
                </div>
            },
            Layout::Full => html! {
                <div class="cc-workbench cc-full" data-phase={phase}>
                    <section class="cc-code" aria-label="Code and output">{ code }</section>
                    <section class="cc-views" aria-label="What happened">
                        { scrubber(&state, trace.len(), whole.len(), moment, &runner) }
                        { views(Arrangement::Full) }
                    </section>
                </div>
            },
        }
    })
}

/// Step, Play/Pause, the speed menu, Reset and the seed field.
fn playback_controls(
    state: &UseReducerHandle<State>,
    runner: &Runner,
    start: &Callback<(Start, bool)>,
) -> Html {
    let events = {
        let runner = runner.clone();
        move || runner.with_session(|session| session.map_or(0, |s| s.trace().len()))
    };
    let step = {
        let state = state.clone();
        let start = start.clone();
        Callback::from(move |_: MouseEvent| {
            if state.can_continue() {
                state.dispatch(Action::Step);
            } else {
                start.emit((Start::Step, false));
            }
        })
    };
    let playing = state.phase.is_active() && state.phase != Phase::Stepping;
    let toggle = {
        let state = state.clone();
        let start = start.clone();
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            if playing {
                runner.stop();
                state.dispatch(Action::Paused { events: events() });
            } else if state.can_continue() {
                // Paused, rewound, or waiting for a Step's event: play on from there.
                state.dispatch(Action::Resume);
            } else {
                let how = match state.speed {
                    Speed::Full => Start::Full,
                    Speed::EventsPerSecond(_) => Start::Play,
                };
                start.emit((how, false));
            }
        })
    };
    let reset = {
        let state = state.clone();
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.clear();
            state.dispatch(Action::Reset);
        })
    };
    let on_speed = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(speed) = Speed::parse(&select.value()) {
                state.dispatch(Action::SetSpeed(speed));
            }
        })
    };
    let on_seed = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            match input.value().trim().parse::<u64>() {
                Ok(seed) => state.dispatch(Action::SetSeed(seed)),
                // Not a seed: show the one that will be used.
                Err(_) => input.set_value(&state.seed.to_string()),
            }
        })
    };
    let speeds = Speed::CHOICES.iter().map(|speed| {
        html! {
            <option value={speed.value()} selected={*speed == state.speed}>{ speed.label() }</option>
        }
    });
    html! {
        <div class="cc-toolbar cc-playback" role="group" aria-label="Playback">
            <button class="cc-button" data-testid="step" onclick={step}
                    title="Show one more event of the run (starting it if needed)">{ "Step" }</button>
            if playing {
                <button class="cc-button" data-testid="pause" onclick={toggle}
                        title="Pause here; Play or Step go on">{ "Pause" }</button>
            } else {
                <button class="cc-button" data-testid="play" onclick={toggle}
                        title="Play the run back at the chosen speed">{ "Play" }</button>
            }
            <label class="cc-field">
                { "Speed " }
                <select data-testid="speed" onchange={on_speed}>{ for speeds }</select>
            </label>
            <button class="cc-button" data-testid="reset-run" onclick={reset}
                    title="Forget the run: clear the output and the views">{ "Reset" }</button>
            <label class="cc-field" title="Seeds :rand and the scheduler: the same seed gives the same run">
                { "Seed " }
                <input type="number" min="0" step="1" class="cc-seed" data-testid="seed"
                       value={state.seed.to_string()} onchange={on_seed} />
            </label>
        </div>
    }
}

/// The time scrubber: a range over the events of the run; moving it shows the
/// run as it stood after that event (and pauses a run that is going on).
fn scrubber(
    state: &UseReducerHandle<State>,
    shown: usize,
    recorded: usize,
    moment: Nanos,
    runner: &Runner,
) -> Html {
    if recorded == 0 {
        return html! {};
    }
    let oninput = {
        let state = state.clone();
        let runner = runner.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Ok(n) = input.value().parse::<usize>() else {
                return;
            };
            if state.phase.is_active() {
                runner.stop();
                let events = runner.with_session(|s| s.map_or(0, |s| s.trace().len()));
                state.dispatch(Action::Paused { events });
            }
            state.dispatch(Action::Seek(n));
        })
    };
    html! {
        <div class="cc-scrubber">
            <input type="range" min="0" max={recorded.to_string()} value={shown.to_string()}
                   data-testid="scrubber" aria-label="Moment of the run shown by the views"
                   {oninput} />
            <span class="cc-moment" data-testid="moment">
                { format!("event {} of {} · {}", grouped(shown), grouped(recorded), time_text(moment)) }
            </span>
        </div>
    }
}

/// Copies `text` to the clipboard; returns the note to show now and updates it
/// once the copy is done.
fn copy_text(text: &str, note: UseStateHandle<Option<&'static str>>) -> &'static str {
    let Some(window) = web_sys::window() else {
        return "Copying needs a browser window.";
    };
    let copy = window.navigator().clipboard().write_text(text);
    yew::platform::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(copy).await.is_ok();
        note.set(Some(if done {
            "Copied: paste it into a file and run `elixir file.exs`."
        } else {
            "The browser did not allow copying."
        }));
    });
    "Copying…"
}

/// Writes a share link for `source` into the address bar and tries to copy it;
/// returns the note to show now and updates it as the link is made and copied.
fn share_this_page(
    source: &str,
    seed: u64,
    note: UseStateHandle<Option<&'static str>>,
) -> &'static str {
    let Some(window) = web_sys::window() else {
        return "Sharing needs a browser window.";
    };
    let source = source.to_owned();
    yew::platform::spawn_local(async move {
        let payload = share::encode_source(&source).await;
        let hash = format!("#{}", Link::fragment_for(&payload, true, seed));
        note.set(Some(write_link(&window, &hash, note.clone())));
    });
    "Making the link…"
}

/// Puts `hash` into the address bar and starts copying the page's address.
fn write_link(
    window: &web_sys::Window,
    hash: &str,
    note: UseStateHandle<Option<&'static str>>,
) -> &'static str {
    let written = window
        .history()
        .and_then(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        })
        .is_ok();
    if !written {
        return "Could not write the link into the address bar.";
    }
    let Ok(href) = window.location().href() else {
        return "The link is in the address bar.";
    };
    let copy = window.navigator().clipboard().write_text(&href);
    yew::platform::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(copy).await.is_ok() {
            note.set(Some("Link copied to the clipboard."));
        }
    });
    "The link is in the address bar."
}
