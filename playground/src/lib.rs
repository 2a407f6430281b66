//! The callcast web app. Everything the browser calls is in this file: two
//! functions, one to mount the playground page and one to mount an editor into
//! any element (the book's loader calls it for every placeholder on a page),
//! and two that run a program to its end without drawing, for the browser
//! benchmarks and the native-vs-wasm determinism test.
//! The rest of the crate draws; `runtime-core` does the work.

pub mod base64url;
#[cfg(target_arch = "wasm32")]
mod case;
pub mod components;
mod crash;
pub mod examples;
pub mod highlight;
pub mod runner;
pub mod share;
pub mod state;
pub mod storage;
pub mod views;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use components::embed::{Embed, EmbedProps, EmbedSettings};
use components::playground::Playground;

/// What every entry point needs first: the panic report, and strings that
/// change case with the browser's Unicode tables.
fn setup() {
    crash::install_panic_hook();
    #[cfg(target_arch = "wasm32")]
    case::install();
}

/// Mounts the playground page into `root`, replacing its contents.
#[wasm_bindgen]
pub fn mount_playground(root: Element) {
    setup();
    root.set_text_content(None);
    yew::Renderer::<Playground>::with_root(root).render();
}

/// Mounts an editor into `element`, replacing its contents (the fallback code
/// block). `options_json` is an object: `source` (the code), `height` (lines),
/// `playground` (URL of the playground page), `setup` (code run before the
/// editor's), `check` (an exercise's checks, run by a Check button), `crash`
/// (the example ends with an error on purpose); unknown fields are ignored.
#[wasm_bindgen]
pub fn mount_editor(element: Element, options_json: &str) -> Result<(), JsError> {
    setup();
    let options = js_sys::JSON::parse(options_json)
        .map_err(|_| JsError::new("callcast: bad editor options: not JSON"))?;
    let settings = EmbedSettings::from_js(&options);
    element.set_text_content(None);
    yew::Renderer::<Embed>::with_root_and_props(element, EmbedProps { settings }).render();
    Ok(())
}

/// Runs `source` to its end in one call, with the browser's limits and the
/// given seed, and returns a JSON object: `exit_code`, `output` (stdout and
/// stderr as printed), `reductions` and `events` (trace events recorded;
/// `trace` says whether to record them). It blocks the page until the program
/// ends: it exists to time the runtime itself, not for readers.
#[wasm_bindgen]
pub fn run_to_end(source: &str, seed: u64, trace: bool) -> Result<String, JsError> {
    setup();
    let session = runner::run_to_end(source, seed, trace)
        .map_err(|diagnostic| JsError::new(&diagnostic.render(source, "bench.exs")))?;
    let output: String = session.output().iter().map(|c| c.text.as_str()).collect();
    let exit_code = match session.status() {
        runtime_core::RunStatus::Finished { exit_code } => exit_code,
        runtime_core::RunStatus::Running => -1,
    };
    Ok(format!(
        r#"{{"exit_code":{exit_code},"output":{},"reductions":{},"events":{}}}"#,
        serde_json::to_string(&output)?,
        session.reductions(),
        session.trace().len(),
    ))
}

/// Runs `source` to its end with the given seed and returns its trace as
/// `callcast trace --seed SEED` prints it: one JSON object per line.
#[wasm_bindgen]
pub fn trace_lines(source: &str, seed: u64) -> Result<String, JsError> {
    setup();
    let session = runner::run_to_end(source, seed, true)
        .map_err(|diagnostic| JsError::new(&diagnostic.render(source, "trace.exs")))?;
    let mut lines = String::new();
    for event in session.trace() {
        lines.push_str(&serde_json::to_string(event)?);
        lines.push('\n');
    }
    Ok(lines)
}
