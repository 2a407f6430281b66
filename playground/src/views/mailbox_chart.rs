//! The mailbox chart: how many messages wait in each process's mailbox over
//! virtual time, each line's peak marked with its value. The time axis spans
//! the whole run, so moving the scrubber draws less of it rather than
//! rescaling it; hovering a time reports it, for the diagram to mark.

use runtime_core::trace::Nanos;
use runtime_core::TraceEvent;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::{html, Callback, Html, MouseEvent};

use super::model::{pid_text, MailboxSeries, Mailboxes, Processes};
use super::sequence_layout::time_text;
use super::{empty, frame};

const CLASS: &str = "cc-mailbox";
const TEST_ID: &str = "mailbox-chart";

const WIDTH: u64 = 480;
const HEIGHT: u64 = 160;
const PAD: u64 = 28;
/// More points than the chart has pixels is wasted work: a line keeps at most
/// this many, always including its peak.
const MAX_POINTS: usize = 2_000;

/// Draws one line per process that was sent a message, from the models of
/// `trace` (`trace` itself is read only for names), on a time axis from 0 to
/// `end` (at least the end of `trace`); `now` marks the moment shown when the
/// trace is cut there. `on_hover` hears the time under the pointer (`None`
/// when it leaves).
pub fn view(
    mailboxes: &Mailboxes,
    processes: &Processes,
    trace: &[TraceEvent],
    end: Nanos,
    now: Option<Nanos>,
    on_hover: &Callback<Option<Nanos>>,
) -> Html {
    if mailboxes.is_empty() {
        let text = if trace.is_empty() {
            "Run the program to chart its mailboxes."
        } else if now.is_some() {
            "No process has been sent a message yet."
        } else {
            "No process was sent a message in this run."
        };
        return frame(CLASS, TEST_ID, empty(text));
    }
    let series: Vec<&MailboxSeries> = mailboxes.series().collect();
    let end = series
        .iter()
        .flat_map(|s| s.points.last())
        .map(|p| p.0)
        .max()
        .unwrap_or(0)
        .max(end)
        .max(1);
    let top = series.iter().map(|s| s.peak.1).max().unwrap_or(0).max(1) as u64;
    let x = |at: u64| PAD + (at as u128 * u128::from(WIDTH - 2 * PAD) / u128::from(end)) as u64;
    let y = |len: usize| HEIGHT - PAD - len as u64 * (HEIGHT - 2 * PAD) / top;
    let lines = series.iter().enumerate().map(|(i, s)| {
        // A step line: the length holds until the next change.
        let mut points = String::new();
        let mut last = None;
        for (at, len) in kept_points(s) {
            if let Some(prev) = last {
                points.push_str(&format!("{},{} ", x(at), y(prev)));
            }
            points.push_str(&format!("{},{} ", x(at), y(len)));
            last = Some(len);
        }
        let (peak_at, peak_len) = s.peak;
        let (px, py) = (x(peak_at), y(peak_len));
        let series_class = format!("cc-series-{}", i % 6);
        html! {
            <g class={series_class}>
                <polyline class="cc-series" points={points} />
                if peak_len > 0 {
                    <g class="cc-peak" data-pid={pid_text(s.pid)} data-peak={peak_len.to_string()}>
                        <title>{ format!("peak: {peak_len} messages at {}", time_text(peak_at)) }</title>
                        <circle cx={px.to_string()} cy={py.to_string()} r="3.5" />
                        <text x={px.to_string()} y={(py.saturating_sub(7)).max(10).to_string()}>{ peak_len.to_string() }</text>
                    </g>
                }
            </g>
        }
    });
    let legend = series.iter().enumerate().map(|(i, s)| {
        let name = processes.name(trace, s.pid).unwrap_or_default();
        html! {
            <li class={format!("cc-series-{}", i % 6)} title={pid_text(s.pid)}>
                { format!("{name} (peak {})", s.peak.1) }
            </li>
        }
    });
    let now_line = now.map(|at| {
        let x = x(at.min(end)).to_string();
        html! {
            <line class="cc-now" data-testid="mailbox-now" x1={x.clone()} x2={x}
                  y1={PAD.to_string()} y2={(HEIGHT - PAD).to_string()} />
        }
    });
    let onmousemove = {
        let on_hover = on_hover.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(svg) = event
                .current_target()
                .and_then(|target| target.dyn_into::<Element>().ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return;
            }
            // The viewBox scales with the element: back to chart units, then time.
            // Whole chart units: moving within one reports the same time, which
            // spares the views a render.
            let fx =
                ((f64::from(event.client_x()) - rect.left()) / rect.width() * WIDTH as f64).round();
            let share = (fx - PAD as f64) / (WIDTH - 2 * PAD) as f64;
            let at = (share.clamp(0.0, 1.0) * end as f64) as Nanos;
            on_hover.emit(Some(at));
        })
    };
    let onmouseleave = on_hover.reform(|_: MouseEvent| None);
    let chart = html! {
        <>
            <svg class="cc-chart" role="img" viewBox={format!("0 0 {WIDTH} {HEIGHT}")}
                 {onmousemove} {onmouseleave}>
                <title>{ "Mailbox length over virtual time" }</title>
                <line class="cc-axis" x1={PAD.to_string()} y1={(HEIGHT - PAD).to_string()}
                      x2={(WIDTH - PAD).to_string()} y2={(HEIGHT - PAD).to_string()} />
                <line class="cc-axis" x1={PAD.to_string()} y1={PAD.to_string()}
                      x2={PAD.to_string()} y2={(HEIGHT - PAD).to_string()} />
                <text class="cc-axis-label" x="4" y={(PAD + 4).to_string()}>{ top.to_string() }</text>
                <text class="cc-axis-label" x="4" y={(HEIGHT - PAD).to_string()}>{ "0" }</text>
                <text class="cc-axis-label" x={PAD.to_string()} y={(HEIGHT - 8).to_string()}>{ "0 µs" }</text>
                <text class="cc-axis-label cc-axis-end" x={(WIDTH - PAD).to_string()} y={(HEIGHT - 8).to_string()}>
                    { time_text(end) }
                </text>
                <text class="cc-axis-label cc-axis-middle" x={(WIDTH / 2).to_string()} y={(HEIGHT - 8).to_string()}>
                    { "virtual time →" }
                </text>
                { for lines }
                { for now_line }
            </svg>
            <ul class="cc-legend">{ for legend }</ul>
        </>
    };
    frame(CLASS, TEST_ID, chart)
}

/// The points of a series that are drawn: every `stride`-th one so that at
/// most [`MAX_POINTS`] are, the last one, and those at the peak. Only those
/// are visited, so a long series costs no more to draw than a short one.
fn kept_points(s: &MailboxSeries) -> impl Iterator<Item = (Nanos, usize)> + '_ {
    let count = s.points.len();
    let stride = count.div_ceil(MAX_POINTS).max(1);
    // Points are in time order: those equal to the peak share its time.
    let peak_from = s.points.partition_point(|p| p.0 < s.peak.0);
    let peak_to = s.points.partition_point(|p| p.0 <= s.peak.0);
    // In order, each once: the strides before the peak's time, every point
    // at its time that is a stride or the peak, the strides after it, the last.
    let mut indices = Vec::new();
    let mut j = 0;
    while j < peak_from {
        indices.push(j);
        j += stride;
    }
    for j in peak_from..peak_to {
        if j % stride == 0 || s.points.get(j) == Some(&s.peak) {
            indices.push(j);
        }
    }
    let mut j = peak_to.div_ceil(stride) * stride;
    while j < count {
        indices.push(j);
        j += stride;
    }
    if let Some(last) = count.checked_sub(1) {
        if indices.last() != Some(&last) {
            indices.push(last);
        }
    }
    indices
        .into_iter()
        .filter_map(move |j| s.points.get(j).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime_core::value::Pid;

    /// The points the chart kept before it skipped to them: every one
    /// visited, kept by the same rule.
    fn kept_by_visiting_all(s: &MailboxSeries) -> Vec<(Nanos, usize)> {
        let stride = s.points.len().div_ceil(MAX_POINTS).max(1);
        s.points
            .iter()
            .enumerate()
            .filter(|&(j, &p)| j % stride == 0 || j + 1 == s.points.len() || p == s.peak)
            .map(|(_, &p)| p)
            .collect()
    }

    #[test]
    fn a_long_series_keeps_its_stride_its_end_and_its_peak() {
        for len in [1_usize, 2, 1_999, 2_000, 2_001, 4_001, 10_007] {
            // Up by one at a time, then, at the peak's time, down and up
            // again (the same point twice), then down.
            let mut points = vec![(0, 0)];
            let top = len / 3;
            for i in 1..=top {
                points.push((i as Nanos * 10, i));
            }
            points.push((top as Nanos * 10, top.saturating_sub(1)));
            points.push((top as Nanos * 10, top));
            while points.len() < len {
                let (at, n) = points[points.len() - 1];
                points.push((at + 10, n.saturating_sub(1)));
            }
            let peak = (top as Nanos * 10, top);
            let series = MailboxSeries {
                pid: Pid(1),
                points: points.into_iter().collect(),
                peak,
            };
            let kept: Vec<_> = kept_points(&series).collect();
            assert_eq!(kept, kept_by_visiting_all(&series), "{len} points");
            assert!(
                kept.len() <= MAX_POINTS + 3,
                "{len} points keep {}",
                kept.len()
            );
        }
    }
}
