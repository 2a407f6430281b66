//! The code editor: a textarea over a layer that draws the same text highlighted,
//! with the error marker underlined. The textarea's own text is transparent, so
//! the reader sees the layer and edits the textarea.

use runtime_core::Span;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::highlight;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text.
    pub value: AttrValue,
    /// Called with the new text on every edit.
    pub on_change: Callback<String>,
    /// Called on Ctrl+Enter (Cmd+Enter on a Mac).
    pub on_run: Callback<()>,
    /// Visible height in lines.
    pub rows: u32,
    /// The span to underline as an error.
    #[prop_or_default]
    pub marker: Option<Span>,
    /// Accessible name of the text field.
    pub label: AttrValue,
}

/// The editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let layer = use_node_ref();

    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_change.emit(area.value());
        })
    };
    let onkeydown = {
        let on_run = props.on_run.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                on_run.emit(());
            }
        })
    };
    // The layer cannot scroll by itself; it follows the textarea.
    let onscroll = {
        let layer = layer.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(layer) = layer.cast::<web_sys::Element>() {
                layer.set_scroll_top(area.scroll_top());
                layer.set_scroll_left(area.scroll_left());
            }
        })
    };

    let source = props.value.as_str();
    let marker = props
        .marker
        .map(|span| span.start as usize..span.end as usize);
    let runs = highlight::runs(source, &highlight::tokens(source), marker);
    let drawn = runs.iter().map(|run| {
        let class = classes!(run.class, run.marked.then_some("cc-error-mark"));
        html! { <span class={class}>{ run.text.to_owned() }</span> }
    });

    html! {
        <div class="cc-editor" style={format!("--cc-rows: {}", props.rows)}>
            <pre class="cc-editor-layer" ref={layer} aria-hidden="true">
                { for drawn }
                // A trailing newline in a textarea shows an empty last line; the
                // extra space makes the layer as tall.
                { " " }
            </pre>
            <textarea
                class="cc-editor-input"
                data-testid="editor"
                aria-label={props.label.clone()}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
                {onscroll}
            />
        </div>
    }
}
