//! The mailbox chart: how many messages wait in each process's mailbox over
//! (virtual) time.

use runtime_core::TraceEvent;
use yew::{html, Html};

use super::model::{mailbox_series, pid_text};
use super::{empty, frame};

const CLASS: &str = "cc-mailbox";
const TEST_ID: &str = "mailbox-chart";

const WIDTH: u64 = 480;
const HEIGHT: u64 = 140;
const PAD: u64 = 24;

/// Draws one line per process that was ever sent a message.
pub fn view(trace: &[TraceEvent]) -> Html {
    let series = mailbox_series(trace);
    if series.is_empty() {
        let text = if trace.is_empty() {
            "Run the program to chart its mailboxes."
        } else {
            "No process was sent a message in this run."
        };
        return frame(CLASS, TEST_ID, empty(text));
    }
    let end = series
        .iter()
        .flat_map(|s| s.points.last())
        .map(|p| p.0)
        .max()
        .unwrap_or(0)
        .max(1);
    let top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .max()
        .unwrap_or(0)
        .max(1) as u64;
    let x = |at: u64| PAD + at * (WIDTH - 2 * PAD) / end;
    let y = |len: usize| HEIGHT - PAD - len as u64 * (HEIGHT - 2 * PAD) / top;
    let lines = series.iter().enumerate().map(|(i, s)| {
        // A step line: the length holds until the next change.
        let mut points = String::new();
        let mut last = None;
        for &(at, len) in &s.points {
            if let Some(prev) = last {
                points.push_str(&format!("{},{} ", x(at), y(prev)));
            }
            points.push_str(&format!("{},{} ", x(at), y(len)));
            last = Some(len);
        }
        html! { <polyline class={format!("cc-series cc-series-{}", i % 6)} points={points} /> }
    });
    let legend = series.iter().enumerate().map(|(i, s)| {
        html! { <li class={format!("cc-series-{}", i % 6)}>{ pid_text(s.pid) }</li> }
    });
    let chart = html! {
        <>
            <svg class="cc-chart" role="img" viewBox={format!("0 0 {WIDTH} {HEIGHT}")}>
                <title>{ "Mailbox length over time" }</title>
                <line class="cc-axis" x1={PAD.to_string()} y1={(HEIGHT - PAD).to_string()}
                      x2={(WIDTH - PAD).to_string()} y2={(HEIGHT - PAD).to_string()} />
                <line class="cc-axis" x1={PAD.to_string()} y1={PAD.to_string()}
                      x2={PAD.to_string()} y2={(HEIGHT - PAD).to_string()} />
                <text class="cc-axis-label" x="4" y={(PAD + 4).to_string()}>{ top.to_string() }</text>
                <text class="cc-axis-label" x={(WIDTH - PAD).to_string()} y={(HEIGHT - 6).to_string()}>
                    { format!("{end} µs") }
                </text>
                { for lines }
            </svg>
            <ul class="cc-legend">{ for legend }</ul>
        </>
    };
    frame(CLASS, TEST_ID, chart)
}
