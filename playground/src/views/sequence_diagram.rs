//! The sequence diagram: one lane per process, one row per event, arrows for
//! messages. A first version: it draws what the trace has today (spawns, sends,
//! receives, output, exits); pairing calls with replies comes with the OTP layer.

use std::collections::BTreeMap;

use runtime_core::inspect::inspect;
use runtime_core::value::Pid;
use runtime_core::{MessageKind, TraceEvent};
use yew::{html, Html};

use super::model::{pid_text, processes};
use super::{empty, frame};

const CLASS: &str = "cc-sequence";
const TEST_ID: &str = "sequence-diagram";

const LANE_WIDTH: i32 = 150;
const ROW_HEIGHT: i32 = 24;
const HEADER_HEIGHT: i32 = 46;
const MARGIN: i32 = 16;
/// Room right of the last lane for the labels drawn beside it.
const LABEL_ROOM: i32 = 130;
/// More rows than a reader can follow; the rest is summarised in one line.
const MAX_ROWS: usize = 400;

/// Draws the trace as a sequence diagram.
pub fn view(trace: &[TraceEvent]) -> Html {
    let lanes = processes(trace);
    if lanes.is_empty() {
        return frame(
            CLASS,
            TEST_ID,
            empty("Run the program to draw its processes."),
        );
    }
    let column: BTreeMap<Pid, i32> = lanes
        .iter()
        .enumerate()
        .map(|(i, row)| (row.pid, MARGIN + LANE_WIDTH * i as i32 + LANE_WIDTH / 2))
        .collect();
    let x_of = |pid: &Pid| column.get(pid).copied().unwrap_or(MARGIN);

    let mut shapes = Vec::new();
    let mut lifelines: BTreeMap<Pid, (i32, Option<i32>)> = BTreeMap::new();
    let mut row = 0;
    for event in trace.iter().take(MAX_ROWS) {
        let y = HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT / 2;
        row += 1;
        match event {
            TraceEvent::Spawn { pid, parent, .. } => {
                let x = x_of(pid);
                lifelines.insert(*pid, (y, None));
                if let Some(parent) = parent {
                    shapes.push(arrow(x_of(parent), x, y, "cc-seq-spawn", "spawn"));
                }
                shapes.push(html! { <circle class="cc-seq-start" cx={x.to_string()} cy={y.to_string()} r="4" /> });
            }
            TraceEvent::Send {
                from,
                to,
                kind,
                message,
                ..
            } => {
                let x1 = x_of(from);
                let label = shorten(&inspect(message), 18);
                match to {
                    Some(to) => shapes.push(arrow(x1, x_of(to), y, kind_class(*kind), &label)),
                    None => {
                        shapes.push(arrow(x1, x1 + LANE_WIDTH / 2, y, "cc-seq-lost", &label));
                        shapes.push(cross(x1 + LANE_WIDTH / 2 + 6, y, "cc-seq-lost"));
                    }
                }
            }
            TraceEvent::Receive { pid, .. } => {
                shapes.push(html! { <circle class="cc-seq-receive" cx={x_of(pid).to_string()} cy={y.to_string()} r="3" /> });
            }
            TraceEvent::Output { pid, text, .. } => {
                let x = x_of(pid);
                shapes.push(html! {
                    <g class="cc-seq-output">
                        <rect x={(x - 3).to_string()} y={(y - 3).to_string()} width="6" height="6" />
                        <text x={(x + 8).to_string()} y={(y + 4).to_string()}>{ shorten(text.trim_end(), 16) }</text>
                    </g>
                });
            }
            TraceEvent::Exit { pid, reason, .. } => {
                if let Some(line) = lifelines.get_mut(pid) {
                    line.1 = Some(y);
                }
                let x = x_of(pid);
                shapes.push(cross(x, y, "cc-seq-exit"));
                shapes.push(html! {
                    <text class="cc-seq-reason" x={(x + 10).to_string()} y={(y + 4).to_string()}>{ shorten(&inspect(reason), 16) }</text>
                });
            }
            _ => {}
        }
    }
    let bottom = HEADER_HEIGHT + ROW_HEIGHT * row + 8;
    let width = 2 * MARGIN + LANE_WIDTH * lanes.len() as i32 + LABEL_ROOM;
    let hidden = trace.len().saturating_sub(MAX_ROWS);

    let heads = lanes.iter().map(|lane| {
        let x = x_of(&lane.pid);
        let (top, end) = lifelines
            .get(&lane.pid)
            .copied()
            .unwrap_or((HEADER_HEIGHT, None));
        html! {
            <g class="cc-seq-lane">
                <text class="cc-seq-label" x={x.to_string()} y="18">{ shorten(&lane.label, 18) }</text>
                <text class="cc-seq-pid" x={x.to_string()} y="34">{ pid_text(lane.pid) }</text>
                <line class="cc-seq-lifeline" x1={x.to_string()} y1={top.to_string()}
                      x2={x.to_string()} y2={end.unwrap_or(bottom).to_string()} />
            </g>
        }
    });
    let diagram = html! {
        <>
            <svg class="cc-seq" role="img" width={width.to_string()} height={(bottom + 8).to_string()}
                 viewBox={format!("0 0 {width} {}", bottom + 8)}>
                <title>{ format!("Sequence diagram of {} processes", lanes.len()) }</title>
                { for heads }
                { for shapes }
            </svg>
            if hidden > 0 {
                <p class="cc-note">{ format!("{hidden} later events are not drawn.") }</p>
            }
        </>
    };
    frame(CLASS, TEST_ID, diagram)
}

fn kind_class(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Send => "cc-seq-send",
        MessageKind::Call => "cc-seq-call",
        MessageKind::Reply => "cc-seq-reply",
        MessageKind::Cast => "cc-seq-cast",
        MessageKind::Timer => "cc-seq-timer",
        MessageKind::Signal => "cc-seq-signal",
    }
}

/// A horizontal arrow from `x1` to `x2` at height `y`, labelled above its middle.
fn arrow(x1: i32, x2: i32, y: i32, class: &'static str, label: &str) -> Html {
    let dir = if x2 >= x1 { 1 } else { -1 };
    let head = format!(
        "{},{} {},{} {},{}",
        x2,
        y,
        x2 - 7 * dir,
        y - 4,
        x2 - 7 * dir,
        y + 4
    );
    html! {
        <g class={class}>
            <line x1={x1.to_string()} y1={y.to_string()} x2={(x2 - 6 * dir).to_string()} y2={y.to_string()} />
            <polygon points={head} />
            <text x={((x1 + x2) / 2).to_string()} y={(y - 5).to_string()}>{ label.to_owned() }</text>
        </g>
    }
}

fn cross(x: i32, y: i32, class: &'static str) -> Html {
    let d = format!(
        "M{} {} L{} {} M{} {} L{} {}",
        x - 5,
        y - 5,
        x + 5,
        y + 5,
        x - 5,
        y + 5,
        x + 5,
        y - 5
    );
    html! { <path class={class} d={d} /> }
}

/// Cuts `text` to `max` characters, with an ellipsis when it was longer.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
