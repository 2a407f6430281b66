//! The trace views a book example asks for with `views=diagram+mailbox+table`,
//! drawn under its console once it has run: the playground's own views in a
//! compact frame, so a chapter shows the one picture that makes its point.

use yew::{html, Html};

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

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            View::Diagram => "Sequence diagram",
            View::Mailbox => "Mailboxes",
            View::Table => "Processes",
        }
    }
}

/// The chosen views, in the order asked for, each in a titled box under a
/// `note` (the trace was cut); `draw` draws one view. The views themselves are
/// the playground's ([`TraceViews`](crate::views::trace_views::TraceViews)
/// calls this for its compact arrangement).
pub fn arrange(views: &[View], note: Html, draw: impl Fn(View) -> Html) -> Html {
    let drawn = views.iter().map(|&view| {
        html! {
            <section class="cc-embed-view" aria-label={view.title()}>
                <p class="cc-view-title">{ view.title() }</p>
                { draw(view) }
            </section>
        }
    });
    html! {
        <div class="cc-embed-views" data-testid="views">
            { note }
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
