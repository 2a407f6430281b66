//! The console: what the program printed, standard error in its own colour.

use runtime_core::{OutputChunk, Stream};
use yew::prelude::*;

/// Draws printed output. An empty console shows a hint through CSS only, so the
/// element's text is always exactly the program's output.
pub fn view(output: &[OutputChunk]) -> Html {
    let chunks = output.iter().map(|chunk| {
        let class = match chunk.stream {
            Stream::Stdout => "cc-stdout",
            Stream::Stderr => "cc-stderr",
        };
        html! { <span class={class}>{ chunk.text.clone() }</span> }
    });
    html! {
        <pre class="cc-console" data-testid="console" aria-live="polite" aria-label="Output">
            { for chunks }
        </pre>
    }
}
