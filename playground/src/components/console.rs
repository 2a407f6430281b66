//! The console: what the program printed, standard error in its own colour, and
//! below it the value of the program's last expression, as iex shows a result.

use runtime_core::{OutputChunk, Stream};
use yew::prelude::*;

/// Draws printed output and, once the run ended normally, its result
/// (`inspect`ed). An empty console shows a hint through CSS only, so the
/// console element's text is always exactly the program's output; `cut`: the
/// output is as of a moment of the run (the scrubber's), whose hint says so.
pub fn view(output: &[OutputChunk], result: Option<String>, cut: bool) -> Html {
    let chunks = output.iter().map(|chunk| {
        let class = match chunk.stream {
            Stream::Stdout => "cc-stdout",
            Stream::Stderr => "cc-stderr",
        };
        html! { <span class={class}>{ chunk.text.clone() }</span> }
    });
    html! {
        <>
            <pre class={classes!("cc-console", cut.then_some("cc-cut"))} data-testid="console"
                 aria-live="polite" aria-label="Output">
                { for chunks }
            </pre>
            if let Some(result) = result {
                <pre class="cc-result" data-testid="result" aria-label="Value of the last expression">
                    { result }
                </pre>
            }
        </>
    }
}
