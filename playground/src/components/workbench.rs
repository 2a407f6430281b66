//! The workbench: editor, Run/Stop/Share, console, error panel and, in the full
//! layout, the trace views. The playground page and every book embed are one each.

use runtime_core::RunStatus;
use yew::prelude::*;

use super::console;
use super::editor::Editor;
use crate::runner::Runner;
use crate::share::Link;
use crate::state::{Action, Phase, Problem, Workbench as State};
use crate::views::sequence_diagram::grouped;
use crate::views::sequence_layout::time_text;
use crate::views::trace_views::TraceViews;

/// Which parts a workbench shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The playground page: code on one side, every view on the other.
    Full,
    /// A book embed: editor and console.
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
    let state = use_reducer(|| {
        State::new(
            props.source.to_string(),
            props.problem.as_ref().map(|message| Problem {
                message: message.to_string(),
                span: None,
            }),
        )
    });
    let runner = (*use_state(Runner::default)).clone();
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
        Callback::from(move |with_check: bool| {
            share_note.set(None);
            checking.set(with_check);
            let dispatcher = state.dispatcher();
            let on_slice = Callback::from(move |status: RunStatus| {
                dispatcher.dispatch(Action::Slice(status));
            });
            let tail = if with_check { check.as_deref() } else { None };
            let source = program(&setup, &state.source, tail);
            match runner.start(&source, &file_name, on_slice) {
                Ok(()) => state.dispatch(Action::Started),
                Err(diagnostic) => state.dispatch(Action::CompileFailed(Problem {
                    message: diagnostic.render(&source, &file_name),
                    span: editor_span(diagnostic.span, setup.len(), state.source.len()),
                })),
            }
        })
    };
    let run = start.reform(|()| false);
    let stop = {
        let state = state.clone();
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.stop();
            state.dispatch(Action::Stopped);
        })
    };
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
            let share_note = share_note.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                share_note.set(Some(share_this_page(&source, share_note.clone())));
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
                       href={format!("{url}#{}", Link::fragment_for(&full, false))}>
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

    let running = state.phase == Phase::Running;
    let (phase, status) = match state.phase {
        Phase::Idle => ("idle", String::new()),
        Phase::Running => ("running", "Running…".to_owned()),
        Phase::Finished { exit_code: 0 } => ("finished", "Finished.".to_owned()),
        Phase::Finished { exit_code } if props.expect_crash && !*checking => (
            "finished",
            format!(
                "Finished with exit code {exit_code}: this example ends with an error on purpose."
            ),
        ),
        Phase::Finished { exit_code } => {
            ("finished", format!("Finished with exit code {exit_code}."))
        }
        Phase::Stopped => ("stopped", "Stopped.".to_owned()),
    };
    let error = state.problem.as_ref().map(|problem| {
        html! { <pre class="cc-error" data-testid="error" role="alert">{ problem.message.clone() }</pre> }
    });

    let check_button = props.check.as_ref().map(|_| {
        html! {
            <button class="cc-button" data-testid="check"
                    title="Run your code with the exercise's checks"
                    onclick={start.reform(|_: MouseEvent| true)}>{ "Check" }</button>
        }
    });

    runner.with_session(|session| {
        let output = session.map_or(&[][..], |s| s.output());
        let status = match (state.phase, session) {
            (Phase::Running, Some(s)) => format!(
                "Running… {} of virtual time, {} events, {} reductions",
                time_text(s.now()),
                grouped(s.trace().len()),
                grouped(s.reductions() as usize)
            ),
            _ => status.clone(),
        };
        let result = session
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
                    if running {
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
                <Editor value={AttrValue::from(state.source.clone())} {on_change} on_run={run.clone()}
                        rows={props.rows} marker={state.problem.as_ref().and_then(|p| p.span)}
                        label="Elixir code" />
                { for error }
                { verdict }
                { console::view(output, result) }
            </>
        };
        match props.layout {
            Layout::Compact => html! {
                <div class="cc-workbench cc-compact" data-phase={phase}>{ code }</div>
            },
            Layout::Full => html! {
                <div class="cc-workbench cc-full" data-phase={phase}>
                    <section class="cc-code" aria-label="Code and output">{ code }</section>
                    <section class="cc-views" aria-label="What happened">
                        <TraceViews runner={runner.clone()} run={runner.run_number()}
                                    events={runner.views_events()} />
                    </section>
                </div>
            },
        }
    })
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
/// returns the note to show now and updates it once the copy is done.
fn share_this_page(source: &str, note: UseStateHandle<Option<&'static str>>) -> &'static str {
    let Some(window) = web_sys::window() else {
        return "Sharing needs a browser window.";
    };
    let hash = format!("#{}", Link::fragment_for(source, true));
    let written = window
        .history()
        .and_then(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash))
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
