//! The sequence diagram: draws the shapes `sequence_layout` placed. Only the
//! shapes near the visible part of the scrolling box are drawn, down and
//! across, so a long diagram scrolls as smoothly as a short one and a run
//! with hundreds of lanes draws only the few in view; hovering a call or a reply
//! highlights both. The lane headers stay in view while the diagram scrolls
//! down; a line marks the moment the views show (the scrubber's) and another
//! the moment hovered in the mailbox chart.

use std::rc::Rc;

use runtime_core::trace::Nanos;
use web_sys::Element;
use yew::prelude::*;

use super::model::pid_text;
use super::sequence_layout::{
    shorten, Arrival, Arrow, ArrowKind, Layout, Mark, HEADER_HEIGHT, MAX_DRAWN,
};
use super::{empty, frame};

const CLASS: &str = "cc-sequence";
const TEST_ID: &str = "sequence-diagram";
/// Shapes this far outside the visible box are drawn too, so a quick scroll
/// shows no blank band before the next render.
const OVERSCAN: f64 = 400.0;
/// How far right of its anchor a mark's text reaches (20 characters), and
/// either side of its lane a header's.
const TEXT_REACH: f64 = 140.0;

/// The part of the diagram in view: the scrolling box's scroll offsets and size.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Window {
    /// Before the box is measured: wider and taller than it is on most
    /// screens, so the first render already draws what is in view.
    const GUESS: Window = Window {
        left: 0.0,
        top: 0.0,
        width: 1600.0,
        height: 640.0,
    };

    fn of(element: &Element) -> Window {
        Window {
            left: f64::from(element.scroll_left()),
            top: f64::from(element.scroll_top()),
            width: f64::from(element.client_width()),
            height: f64::from(element.client_height()),
        }
    }

    /// Whether a shape spanning `y1..=y2` is near enough to be drawn.
    fn down(&self, y1: f64, y2: f64) -> bool {
        y2 >= self.top - OVERSCAN && y1 <= self.top + self.height + OVERSCAN
    }

    /// Whether a shape spanning `x1..=x2` is near enough to be drawn.
    fn across(&self, x1: f64, x2: f64) -> bool {
        x2 >= self.left - OVERSCAN && x1 <= self.left + self.width + OVERSCAN
    }

    /// The box around the window in which shapes are drawn:
    /// `(left, top, right, bottom)`.
    fn reach(&self) -> (f64, f64, f64, f64) {
        (
            self.left - OVERSCAN,
            self.top - OVERSCAN,
            self.left + self.width + OVERSCAN,
            self.top + self.height + OVERSCAN,
        )
    }

    /// Whether moving from `self` to `next` changes the drawn part enough
    /// to draw again.
    fn moved(&self, next: &Window) -> bool {
        (next.top - self.top).abs() > OVERSCAN / 4.0
            || (next.left - self.left).abs() > OVERSCAN / 4.0
            || next.height != self.height
            || next.width != self.width
    }
}

/// Properties of [`SequenceDiagram`].
#[derive(Properties, PartialEq)]
pub struct SequenceDiagramProps {
    /// What to draw.
    pub layout: Rc<Layout>,
    /// Events in the trace, drawn or not.
    pub events: usize,
    /// The trace was cut at an earlier moment: mark where.
    #[prop_or_default]
    pub cut: bool,
    /// A moment to mark (hovered elsewhere), in virtual time.
    #[prop_or_default]
    pub hover_at: Option<Nanos>,
}

/// The sequence diagram of a run.
#[function_component(SequenceDiagram)]
pub fn sequence_diagram(props: &SequenceDiagramProps) -> Html {
    let window = use_state(|| Window::GUESS);
    let hot_call = use_state(|| None::<u64>);
    let scroller = use_node_ref();
    {
        // Step and Play move the moment down the diagram: keep it in view.
        let scroller = scroller.clone();
        let now = props.cut.then(|| props.layout.now()).flatten();
        use_effect_with(now.map(|y| y as i32), move |now| {
            if let (Some(y), Some(element)) = (*now, scroller.cast::<Element>()) {
                let (top, height) = (element.scroll_top(), element.client_height());
                if y < top + HEADER_HEIGHT || y > top + height - 24 {
                    element.set_scroll_top((y - height * 2 / 3).max(0));
                }
            }
        });
    }
    {
        // Measure the box once it is drawn, in case it is larger than guessed.
        let scroller = scroller.clone();
        let window = window.clone();
        use_effect_with(props.layout.lanes.is_empty(), move |&empty| {
            if let (false, Some(element)) = (empty, scroller.cast::<Element>()) {
                let now = Window::of(&element);
                if window.moved(&now) {
                    window.set(now);
                }
            }
        });
    }
    let layout = &props.layout;
    if layout.lanes.is_empty() {
        return frame(
            CLASS,
            TEST_ID,
            empty("Run the program to draw its processes."),
        );
    }
    let onscroll = {
        let window = window.clone();
        Callback::from(move |event: Event| {
            let scroller: Element = event.target_unchecked_into();
            let next = Window::of(&scroller);
            // Re-render only when the drawn part would change noticeably.
            if window.moved(&next) {
                window.set(next);
            }
        })
    };
    let now = props.cut.then(|| layout.now()).flatten();
    let hover = props.hover_at.and_then(|at| layout.y_at(at));

    let summary = (!layout.summary.is_empty()).then(|| {
        let rest: Vec<String> = layout
            .summary
            .iter()
            .map(|(noun, n)| format!("{} {noun}", grouped(*n)))
            .collect();
        html! {
            <p class="cc-note" data-testid="sequence-summary">
                { format!(
                    "Showing the first {} of {} events. Not drawn: {}.",
                    grouped(MAX_DRAWN),
                    grouped(props.events),
                    rest.join(", ")
                ) }
            </p>
        }
    });
    let legend = [
        ("cc-seq-call", "call"),
        ("cc-seq-reply", "reply"),
        ("cc-seq-cast", "cast"),
        ("cc-seq-send", "send"),
        ("cc-seq-timer", "timer"),
        ("cc-seq-signal", "signal (DOWN/EXIT)"),
        ("cc-seq-spawn", "spawn"),
    ]
    .into_iter()
    .map(|(class, name)| {
        html! {
            <span class={classes!("cc-seq-arrow", class)}>
                <svg width="26" height="8" aria-hidden="true">
                    <path class="cc-seq-line" d="M1 4 L25 4" />
                </svg>
                { name }
            </span>
        }
    });
    let diagram = html! {
        <>
            { for summary }
            <p class="cc-seq-legend">
                { for legend }
                <span>{ "○ still in the mailbox" }</span>
                <span class="cc-seq-crash-key">{ "✕ exit (red: crash)" }</span>
            </p>
            <div class="cc-seq-scroll" ref={scroller} {onscroll}>
                <Shapes layout={layout.clone()} window={*window} {now} {hover}
                        hot={*hot_call} set_hot={hot_call.clone()} />
            </div>
        </>
    };
    frame(CLASS, TEST_ID, diagram)
}

/// Properties of [`Shapes`].
#[derive(Properties)]
struct ShapesProps {
    layout: Rc<Layout>,
    window: Window,
    /// Where to mark the moment shown, if the run went further.
    now: Option<f64>,
    /// Where to mark the moment hovered in the mailbox chart.
    hover: Option<f64>,
    /// The call whose arrows are highlighted.
    hot: Option<u64>,
    set_hot: UseStateHandle<Option<u64>>,
}

impl PartialEq for ShapesProps {
    /// Past the events drawn, a moment changes only the layout's summary: the
    /// shapes are the same ones (shared), and the scrubber's moves do not
    /// draw them again.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.layout, &other.layout);
        Rc::ptr_eq(&a.lanes, &b.lanes)
            && Rc::ptr_eq(&a.arrows, &b.arrows)
            && Rc::ptr_eq(&a.marks, &b.marks)
            && Rc::ptr_eq(&a.ticks, &b.ticks)
            && (a.width, a.height) == (b.width, b.height)
            && (self.window, self.now, self.hover, self.hot)
                == (other.window, other.now, other.hover, other.hot)
    }
}

/// The diagram's shapes near the window: the lane headers' strip and the
/// lanes, arrows and marks below it.
#[function_component(Shapes)]
fn shapes(props: &ShapesProps) -> Html {
    let (layout, window, hot_call) = (&props.layout, props.window, &props.set_hot);

    // Every shape has a key (its place in the layout), so a scroll keeps the
    // shapes still in view as they are and only adds and removes at the edges,
    // instead of rewriting every drawn shape's attributes.
    let arrows = layout
        .arrows
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            let (x1, x2) = (f64::from(a.x1.min(a.x2)), f64::from(a.x1.max(a.x2)));
            // A message to oneself loops out to the right.
            window.down(a.y1.min(a.y2), a.y1.max(a.y2)) && window.across(x1, x2 + 48.0)
        })
        .map(|(i, a)| arrow(i, a, &window, props.hot, hot_call));
    let marks = layout
        .marks
        .iter()
        .enumerate()
        .filter(|(_, m)| match m {
            Mark::Exit { x, y, .. } | Mark::Output { x, y, .. } => {
                let x = f64::from(*x);
                window.down(*y, *y) && window.across(x - 8.0, x + TEXT_REACH)
            }
        })
        .map(|(i, m)| mark(i, m));
    let ticks = layout
        .ticks
        .iter()
        .enumerate()
        .filter(|(_, t)| window.down(t.y, t.y))
        .map(|(i, t)| {
            html! {
                <g class="cc-seq-tick" key={format!("t{i}")}>
                    <line x1="4" x2={(super::sequence_layout::AXIS_WIDTH - 8).to_string()}
                          y1={num(t.y)} y2={num(t.y)} />
                    <text x="4" y={num(t.y - 3.0)}>{ t.label.clone() }</text>
                </g>
            }
        });
    let lanes_in_view = || {
        layout.lanes.iter().enumerate().filter(|(_, lane)| {
            let x = f64::from(lane.x);
            window.across(x - TEXT_REACH / 2.0, x + TEXT_REACH / 2.0)
        })
    };
    let lifelines = lanes_in_view().map(|(i, lane)| {
        html! {
            <line class="cc-seq-lifeline" key={format!("l{i}")} x1={lane.x.to_string()} y1={lane.top.to_string()}
                  x2={lane.x.to_string()} y2={lane.bottom.to_string()} />
        }
    });
    // Headers live in their own strip, sticky at the top of the scrolling box.
    let headers = lanes_in_view().map(|(i, lane)| {
        let pid = pid_text(lane.pid);
        let short = short_pid(&pid);
        html! {
            <g class="cc-seq-lane" key={format!("h{i}")}>
                <title>{ format!("{} {pid}", lane.name) }</title>
                <text class="cc-seq-label" x={lane.x.to_string()} y="16">{ shorten(&lane.name, 20) }</text>
                if lane.name != short {
                    <text class="cc-seq-pid" x={lane.x.to_string()} y="30">{ short }</text>
                }
            </g>
        }
    });
    let line_across = |y: f64, class: &'static str, test_id: &'static str| {
        html! {
            <line class={class} data-testid={test_id} x1={super::sequence_layout::AXIS_WIDTH.to_string()}
                  x2={layout.width.to_string()} y1={num(y)} y2={num(y)} />
        }
    };
    let now_line = props.now.map(|y| line_across(y, "cc-now", "diagram-now"));
    let hover_line = props
        .hover
        .map(|y| line_across(y, "cc-seq-hover", "diagram-hover"));
    // The headers' strip spans only the part of the diagram near the window:
    // Chromium leaves a sticky strip as wide as a thousand lanes (150 000 px)
    // unpainted once the box scrolls down.
    let (reach_left, _, reach_right, _) = window.reach();
    let strip_left = (reach_left.max(0.0) as i32).min(layout.width);
    let strip_width = (reach_right.ceil() as i32).min(layout.width) - strip_left;
    html! {
        <>
            <svg class="cc-seq-headers" width={strip_width.max(0).to_string()}
                 height={HEADER_HEIGHT.to_string()} style={format!("margin-left: {strip_left}px")}
                 viewBox={format!("{strip_left} 0 {} {HEADER_HEIGHT}", strip_width.max(0))}>
                <text class="cc-seq-axis-title" x="4" y={(HEADER_HEIGHT - 22).to_string()}>{ "virtual" }</text>
                <text class="cc-seq-axis-title" x="4" y={(HEADER_HEIGHT - 10).to_string()}>{ "time ↓" }</text>
                { for headers }
            </svg>
            // Below the headers: the same coordinates, starting where they end.
            <svg class="cc-seq" role="img" width={layout.width.to_string()}
                 height={num(layout.height - f64::from(HEADER_HEIGHT))}
                 viewBox={format!("0 {HEADER_HEIGHT} {} {}", layout.width, num(layout.height - f64::from(HEADER_HEIGHT)))}>
                <title>{ format!("Sequence diagram of {} processes", layout.lanes.len()) }</title>
                { for lifelines }
                { for ticks }
                // Under the arrows, so a label's halo keeps it readable.
                { for now_line }
                { for hover_line }
                { for marks }
                { for arrows }
            </svg>
        </>
    }
}

fn arrow(
    key: usize,
    a: &Arrow,
    window: &Window,
    hot: Option<u64>,
    set_hot: &UseStateHandle<Option<u64>>,
) -> Html {
    let kind = match a.kind {
        ArrowKind::Spawn => "cc-seq-spawn",
        ArrowKind::Send => "cc-seq-send",
        ArrowKind::Call => "cc-seq-call",
        ArrowKind::Reply => "cc-seq-reply",
        ArrowKind::Cast => "cc-seq-cast",
        ArrowKind::Timer => "cc-seq-timer",
        ArrowKind::Signal => "cc-seq-signal",
    };
    let pair = a.call.map(|c| format!("cc-pair-{}", c % 6));
    let is_hot = a.call.is_some() && a.call == hot;
    let (x1, y1, x2, y2) = (f64::from(a.x1), a.y1, f64::from(a.x2), a.y2);
    // Where the drawn part starts along the dash pattern, when it does not
    // start at the sender, so the dashes stay where they would be.
    let mut dash_offset = None;
    // A message to oneself loops out to the right and back.
    let d = if a.x1 == a.x2 {
        format!(
            "M{} {} C{} {} {} {} {} {}",
            num(x1),
            num(y1),
            num(x1 + 48.0),
            num(y1),
            num(x2 + 48.0),
            num(y2),
            num(x2),
            num(y2)
        )
    } else {
        // Only the part near the window: the browser dashes a whole path
        // before clipping it, and a cast across a thousand lanes is 15 000
        // dashes, which took half a second to paint whenever anything near
        // the diagram changed.
        let reach = window.reach();
        let (from, to, along) =
            clip((x1, y1), (x2, y2), reach).unwrap_or(((x1, y1), (x2, y2), 0.0));
        dash_offset = (along > 0.0).then(|| num(along));
        format!(
            "M{} {} L{} {}",
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1)
        )
    };
    // The head points along the last stretch of the path.
    let (dx, dy) = if a.x1 == a.x2 {
        (-1.0, 0.0)
    } else {
        (x2 - x1, y2 - y1)
    };
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let end = match a.arrival {
        Arrival::Received => {
            let (bx, by) = (x2 - 8.0 * ux, y2 - 8.0 * uy);
            let points = format!(
                "{},{} {},{} {},{}",
                num(x2),
                num(y2),
                num(bx - 4.0 * uy),
                num(by + 4.0 * ux),
                num(bx + 4.0 * uy),
                num(by - 4.0 * ux)
            );
            html! { <polygon class="cc-seq-head" points={points} /> }
        }
        Arrival::Waiting => {
            html! { <circle class="cc-seq-open" cx={num(x2)} cy={num(y2)} r="4" /> }
        }
        Arrival::Lost => cross(x2 + 6.0, y2, "cc-seq-lost"),
    };
    let onmouseenter = {
        let set_hot = set_hot.clone();
        let call = a.call;
        Callback::from(move |_: MouseEvent| set_hot.set(call))
    };
    let onmouseleave = {
        let set_hot = set_hot.clone();
        Callback::from(move |_: MouseEvent| set_hot.set(None))
    };
    let open = (a.arrival != Arrival::Received).then_some("cc-seq-unreceived");
    html! {
        <g class={classes!("cc-seq-arrow", kind, pair, open, is_hot.then_some("cc-seq-hot"))}
           key={format!("a{key}")} data-kind={a.kind.noun()} {onmouseenter} {onmouseleave}>
            <title>{ a.detail.clone() }</title>
            <path class="cc-seq-hit" d={d.clone()} />
            <path class="cc-seq-line" d={d} stroke-dashoffset={dash_offset} />
            { end }
            if let Some((lx, ly)) = a.label_at {
                <text x={num(lx)} y={num(ly)}>{ a.label.clone() }</text>
            }
        </g>
    }
}

/// A point of the diagram, `(x, y)`.
type Point = (f64, f64);

/// The part of the segment `from`–`to` inside the box `(left, top, right,
/// bottom)`, with how far along the segment it starts; `None` when no part is
/// inside. (Liang–Barsky: the segment is `from + t·(to − from)`, and each side
/// of the box bounds `t` from one side.)
fn clip(
    from: Point,
    to: Point,
    (left, top, right, bottom): (f64, f64, f64, f64),
) -> Option<(Point, Point, f64)> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, from.0 - left),
        (dx, right - from.0),
        (-dy, from.1 - top),
        (dy, bottom - from.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (from.0 + t * dx, from.1 + t * dy);
    Some((at(t0), at(t1), t0 * (dx * dx + dy * dy).sqrt()))
}

fn mark(key: usize, m: &Mark) -> Html {
    match m {
        Mark::Exit {
            x,
            y,
            reason,
            abnormal,
        } => {
            let class = if *abnormal {
                "cc-seq-exit cc-seq-crash"
            } else {
                "cc-seq-exit"
            };
            let x = f64::from(*x);
            html! {
                <g class={class} key={format!("m{key}")}>
                    <title>{ format!("exit: {reason}") }</title>
                    { cross(x, *y, "cc-seq-cross") }
                    <text class="cc-seq-reason" x={num(x + 10.0)} y={num(y + 4.0)}>{ shorten(reason, 20) }</text>
                </g>
            }
        }
        Mark::Output { x, y, text } => {
            let x = f64::from(*x);
            html! {
                <g class="cc-seq-output" key={format!("m{key}")}>
                    <title>{ text.clone() }</title>
                    <rect x={num(x - 3.0)} y={num(y - 3.0)} width="6" height="6" />
                    <text x={num(x + 8.0)} y={num(y + 4.0)}>{ shorten(text, 16) }</text>
                </g>
            }
        }
    }
}

fn cross(x: f64, y: f64, class: &'static str) -> Html {
    let d = format!(
        "M{} {} L{} {} M{} {} L{} {}",
        num(x - 5.0),
        num(y - 5.0),
        num(x + 5.0),
        num(y + 5.0),
        num(x - 5.0),
        num(y + 5.0),
        num(x + 5.0),
        num(y - 5.0)
    );
    html! { <path class={class} d={d} /> }
}

/// `#PID<0.7.0>` as `<0.7.0>`: a pid under its lane's name.
fn short_pid(pid: &str) -> String {
    pid.trim_start_matches("#PID").to_owned()
}

/// A coordinate with one decimal: enough for the eye, short in the DOM.
fn num(v: f64) -> String {
    format!("{:.1}", v)
}

/// `1234567` as `1 234 567`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn an_arrow_is_cut_to_the_box_and_keeps_its_place_along_the_dashes() {
        let frame = (0.0, 0.0, 100.0, 100.0);
        let cases = [
            // Inside: as it is.
            (
                (10.0, 10.0),
                (90.0, 20.0),
                Some(((10.0, 10.0), (90.0, 20.0), 0.0)),
            ),
            // From far right to the left edge, level: starts 900 along.
            (
                (1000.0, 50.0),
                (-20.0, 50.0),
                Some(((100.0, 50.0), (0.0, 50.0), 900.0)),
            ),
            // Sloping down through the box's top edge.
            (
                (50.0, -30.0),
                (50.0, 30.0),
                Some(((50.0, 0.0), (50.0, 30.0), 30.0)),
            ),
            // Beside the box, or above it.
            ((150.0, 0.0), (300.0, 50.0), None),
            ((0.0, -10.0), (100.0, -5.0), None),
        ];
        for (from, to, expected) in cases {
            assert_eq!(clip(from, to, frame), expected, "{from:?} to {to:?}");
        }
    }
}
