//! Every view of a run, side by side. They are derived from the whole trace, so
//! they are drawn again only when the trace changed: a run whose trace is full
//! (or that prints nothing new) costs the views nothing while it goes on.

use std::rc::Rc;

use yew::prelude::*;

use super::sequence_diagram::{grouped, SequenceDiagram};
use super::{mailbox_chart, process_table, sequence_layout};
use crate::runner::{Runner, TRACE_LIMIT};

/// Properties of [`TraceViews`]: which run and how much of its trace, so equal
/// properties mean an unchanged trace (a run's trace only grows).
#[derive(Properties, PartialEq)]
pub struct TraceViewsProps {
    /// Holds the session whose trace is drawn.
    pub runner: Runner,
    /// The run's number ([`Runner::run_number`]).
    pub run: u64,
    /// Events in its trace so far, as far as the views should know: the
    /// runner holds it back while drawing the views would slow the run.
    pub events: usize,
}

/// The sequence diagram, mailbox chart and process table of the current run.
#[function_component(TraceViews)]
pub fn trace_views(props: &TraceViewsProps) -> Html {
    props.runner.with_session(|session| {
        let trace = session.map_or(&[][..], |s| s.trace());
        let truncated = trace.len() >= TRACE_LIMIT;
        html! {
            <>
                if truncated {
                    <p class="cc-note" data-testid="trace-truncated">
                        { format!(
                            "The trace was cut at its first {} events; the views show those.",
                            grouped(TRACE_LIMIT)
                        ) }
                    </p>
                }
                <h2>{ "Sequence diagram" }</h2>
                <SequenceDiagram layout={Rc::new(sequence_layout::layout(trace))}
                                 events={trace.len()} />
                <h2>{ "Mailboxes" }</h2>
                { mailbox_chart::view(trace) }
                <h2>{ "Processes" }</h2>
                { process_table::view(trace) }
            </>
        }
    })
}
