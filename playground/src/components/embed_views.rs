//! The trace views a book example asks for with `views=diagram+mailbox+table`,
//! drawn under its console once it has run: the playground's own views in a
//! compact frame, so a chapter shows the one picture that makes its point.

use std::rc::Rc;

use runtime_core::TraceEvent;
use yew::{html, Callback, Html};

use crate::views::sequence_diagram::{grouped, SequenceDiagram};
use crate::views::{mailbox_chart, process_table, sequence_layout};

/// One view an embed can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The sequence diagram (`diagram`).
    Diagram,
    /// The mailbox chart (`mailbox`).
    Mailbox,
    /// The process table (`table`).
    Table,
}

impl View {
    /// Reads a view's name as the book writes it; `None` for a name this
    /// module does not know (a newer book), which is then left out.
    pub fn from_name(name: &str) -> Option<View> {
        match name {
            "diagram" => Some(View::Diagram),
            "mailbox" => Some(View::Mailbox),
            "table" => Some(View::Table),
            _ => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            View::Diagram => "Sequence diagram",
            View::Mailbox => "Mailboxes",
            View::Table => "Processes",
        }
    }
}

/// The chosen views of `trace`, in the order asked for; nothing before the
/// first run, so an example does not open with empty frames.
pub fn view(views: &[View], trace: &[TraceEvent]) -> Html {
    if views.is_empty() || trace.is_empty() {
        return html! {};
    }
    let truncated = trace.len() >= crate::runner::TRACE_LIMIT;
    let drawn = views.iter().map(|&view| {
        let content = match view {
            View::Diagram => html! {
                <SequenceDiagram layout={Rc::new(sequence_layout::layout(trace))}
                                 events={trace.len()} />
            },
            View::Mailbox => mailbox_chart::view(
                trace,
                trace.last().map_or(0, |event| event.at()),
                None,
                &Callback::noop(),
            ),
            View::Table => process_table::view(trace),
        };
        html! {
            <section class="cc-embed-view" aria-label={view.title()}>
                <p class="cc-view-title">{ view.title() }</p>
                { content }
            </section>
        }
    });
    html! {
        <div class="cc-embed-views" data-testid="views">
            if truncated {
                <p class="cc-note" data-testid="trace-truncated">
                    { format!(
                        "The trace was cut at its first {} events; the views show those.",
                        grouped(crate::runner::TRACE_LIMIT)
                    ) }
                </p>
            }
            { for drawn }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_the_book_writes_them() {
        assert_eq!(View::from_name("diagram"), Some(View::Diagram));
        assert_eq!(View::from_name("mailbox"), Some(View::Mailbox));
        assert_eq!(View::from_name("table"), Some(View::Table));
        assert_eq!(View::from_name("flamegraph"), None);
    }
}
