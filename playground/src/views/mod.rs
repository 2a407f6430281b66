//! The views of a run. Each reads the trace (and nothing else) and draws it:
//! [`model`] derives plain data from the trace, the other modules draw that data.

pub mod chunked;
pub mod mailbox_chart;
pub mod model;
pub mod models;
pub mod process_table;
pub mod sequence_diagram;
pub mod sequence_layout;
pub mod trace_views;

use yew::{classes, html, Html};

/// The box a view draws in, carrying its test hook.
fn frame(class: &'static str, test_id: &'static str, content: Html) -> Html {
    html! { <div class={classes!("cc-view", class)} data-testid={test_id}>{ content }</div> }
}

/// What a view shows when the trace has nothing for it.
fn empty(text: &'static str) -> Html {
    html! { <p class="cc-empty">{ text }</p> }
}
