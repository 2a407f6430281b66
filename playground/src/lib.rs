//! The callcast web app. Everything the browser calls is in this file: two
//! functions, one to mount the playground page and one to mount an editor into
//! any element (the book's loader calls it for every placeholder on a page).
//! The rest of the crate draws; `runtime-core` does the work.

pub mod base64url;
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

/// Mounts the playground page into `root`, replacing its contents.
#[wasm_bindgen]
pub fn mount_playground(root: Element) {
    crash::install_panic_hook();
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
    crash::install_panic_hook();
    let settings: EmbedSettings = serde_json::from_str(options_json)
        .map_err(|error| JsError::new(&format!("callcast: bad editor options: {error}")))?;
    element.set_text_content(None);
    yew::Renderer::<Embed>::with_root_and_props(element, EmbedProps { settings }).render();
    Ok(())
}
