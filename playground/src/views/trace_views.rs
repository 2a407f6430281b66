//! Every view of a run, as of one moment: the playground's three side by side,
//! or the ones a book example asked for. They are derived from the trace up to
//! that moment, so they are drawn again only when the moment changed: at full
//! speed when the runner says the views are due (a run whose trace is full
//! costs the views nothing while it goes on), under Step, Play and the
//! scrubber when the cursor moved. Hovering the mailbox chart marks the
//! diagram without deriving anything again. What they draw comes from
//! [`Models`] kept between renders, which fold in only the events a moment
//! adds to the last one.

use std::rc::Rc;

use runtime_core::trace::Nanos;
use yew::prelude::*;

use super::models::Models;
use super::sequence_diagram::{grouped, SequenceDiagram};
use super::{mailbox_chart, model, process_table, sequence_layout};
use crate::components::embed_views::{self, View};
use crate::runner::{Runner, TRACE_LIMIT};

/// How the views are laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// The playground page: all three, under headings.
    Full,
    /// A book embed: these views, in this order, in shorter boxes, and
    /// nothing before the first event.
    Compact(Vec<View>),
}

impl Arrangement {
    fn shows(&self, view: View) -> bool {
        match self {
            Arrangement::Full => true,
            Arrangement::Compact(views) => views.contains(&view),
        }
    }
}

/// Properties of [`TraceViews`]: which run and how much of its trace, so equal
/// properties mean the same views (a run's trace only grows).
#[derive(Properties, PartialEq)]
pub struct TraceViewsProps {
    /// Holds the session whose trace is drawn.
    pub runner: Runner,
    /// The run's number ([`Runner::run_number`]).
    pub run: u64,
    /// The first `events` events of its trace are drawn: the moment Step, Play
    /// or the scrubber show, or, following the end of the trace, as much as
    /// the runner lets the views know ([`Runner::views_events`]) so that
    /// drawing them does not slow the run.
    pub events: usize,
    /// The run went further than the moment shown: mark the moment.
    #[prop_or_default]
    pub cut: bool,
    /// Where the mailbox chart's time axis ends at least (the run's latest
    /// event, so that moving the scrubber does not rescale it).
    #[prop_or_default]
    pub end: Nanos,
    /// Which views, laid out how.
    pub arrangement: Arrangement,
}

/// What the views derived from the trace, kept while the moment is the same.
struct Derived {
    /// No event yet.
    empty: bool,
    /// The trace reached [`TRACE_LIMIT`].
    truncated: bool,
    layout: Option<Rc<sequence_layout::Layout>>,
    events: usize,
    mailbox: Option<Html>,
    table: Option<Html>,
}

/// The views of the current run, as of its `events`-th event.
#[function_component(TraceViews)]
pub fn trace_views(props: &TraceViewsProps) -> Html {
    // The virtual time hovered in the mailbox chart, marked in the diagram.
    let hover_at = use_state_eq(|| None::<Nanos>);
    let on_hover = {
        let hover_at = hover_at.clone();
        use_callback((), move |at: Option<Nanos>, ()| hover_at.set(at))
    };
    // Kept from render to render: each render folds in only the new events.
    let models = use_mut_ref(Models::default);
    let derived = use_memo(
        (
            props.run,
            props.events,
            props.cut,
            props.end,
            props.arrangement.clone(),
        ),
        |_| {
            props.runner.with_session(|session| {
                let whole = session.map_or(&[][..], |s| s.trace());
                let trace = model::until(whole, props.events);
                let mut models = models.borrow_mut();
                models.follow(props.run, trace);
                let shows = |view| props.arrangement.shows(view);
                let end = end_of(trace).max(props.end);
                Derived {
                    empty: trace.is_empty(),
                    truncated: whole.len() >= TRACE_LIMIT,
                    layout: shows(View::Diagram).then(|| models.diagram()),
                    events: trace.len(),
                    mailbox: shows(View::Mailbox).then(|| {
                        mailbox_chart::view(
                            &models.mailboxes,
                            &models.processes,
                            trace,
                            end,
                            props.cut.then_some(end_of(trace)),
                            &on_hover,
                        )
                    }),
                    table: shows(View::Table)
                        .then(|| process_table::view(&models.processes, trace)),
                }
            })
        },
    );
    let truncated = derived.truncated.then(|| {
        html! {
            <p class="cc-note" data-testid="trace-truncated">
                { format!(
                    "The trace was cut at its first {} events; the views show those.",
                    grouped(TRACE_LIMIT)
                ) }
            </p>
        }
    });
    let draw = |view: View| match view {
        View::Diagram => match &derived.layout {
            Some(layout) => html! {
                <SequenceDiagram layout={layout.clone()} events={derived.events}
                                 cut={props.cut} hover_at={*hover_at} />
            },
            None => html! {},
        },
        View::Mailbox => derived.mailbox.clone().unwrap_or_default(),
        View::Table => derived.table.clone().unwrap_or_default(),
    };
    match &props.arrangement {
        Arrangement::Full => html! {
            <>
                { for truncated }
                <h2>{ View::Diagram.title() }</h2>
                { draw(View::Diagram) }
                <h2>{ View::Mailbox.title() }</h2>
                { draw(View::Mailbox) }
                <h2>{ View::Table.title() }</h2>
                { draw(View::Table) }
            </>
        },
        // An example does not open with empty frames.
        Arrangement::Compact(views) if !derived.empty => {
            embed_views::arrange(views, html! { { for truncated } }, draw)
        }
        Arrangement::Compact(_) => html! {},
    }
}

/// The virtual time of the trace's last event (0 before any).
fn end_of(trace: &[runtime_core::TraceEvent]) -> Nanos {
    trace.last().map_or(0, |event| event.at())
}
