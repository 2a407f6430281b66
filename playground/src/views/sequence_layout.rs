//! Where every shape of the sequence diagram goes, computed from the trace alone:
//! one lane per process, time flowing down, one arrow per message from the moment
//! it was sent to the moment it was received. Pure, so it is tested natively; the
//! drawing in `sequence_diagram.rs` only turns these shapes into SVG.

use std::collections::BTreeMap;
use std::rc::Rc;

use runtime_core::inspect::inspect;
use runtime_core::trace::Nanos;
use runtime_core::value::{Pid, Value};
use runtime_core::{MessageKind, TraceEvent};

use super::model::{display_name, pid_text};

/// Horizontal distance between two lanes.
pub const LANE_WIDTH: i32 = 150;
/// Height of the lane headers above the first event.
pub const HEADER_HEIGHT: i32 = 40;
/// Room left of the first lane for the time axis.
pub const AXIS_WIDTH: i32 = 64;
/// Smallest vertical step between two events, so simultaneous ones stay apart.
const MIN_STEP: f64 = 16.0;
/// The most extra room a long pause gets.
const MAX_PAUSE: f64 = 48.0;
/// Fewest pixels between two labels of the time axis.
const TICK_SPACING: f64 = 48.0;
/// Events drawn one by one; a longer trace is summarised past this many.
pub const MAX_DRAWN: usize = 2_000;

/// What an arrow stands for, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ArrowKind {
    /// A process started another.
    Spawn,
    /// `send/2`.
    Send,
    /// A `GenServer.call` request.
    Call,
    /// The reply to a call.
    Reply,
    /// A `GenServer.cast`.
    Cast,
    /// A timer's message.
    Timer,
    /// An exit signal delivered as a message (`:DOWN`, `:EXIT`).
    Signal,
}

impl ArrowKind {
    /// The word a reader knows it by (used in titles and the summary).
    pub fn noun(self) -> &'static str {
        match self {
            ArrowKind::Spawn => "spawn",
            ArrowKind::Send => "send",
            ArrowKind::Call => "call",
            ArrowKind::Reply => "reply",
            ArrowKind::Cast => "cast",
            ArrowKind::Timer => "timer",
            ArrowKind::Signal => "signal",
        }
    }

    fn of(kind: MessageKind) -> ArrowKind {
        match kind {
            MessageKind::Send => ArrowKind::Send,
            MessageKind::Call => ArrowKind::Call,
            MessageKind::Reply => ArrowKind::Reply,
            MessageKind::Cast => ArrowKind::Cast,
            MessageKind::Timer => ArrowKind::Timer,
            MessageKind::Signal => ArrowKind::Signal,
        }
    }
}

/// Where an arrow ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Taken out of the mailbox at the arrow's end.
    Received,
    /// Still in the mailbox when the drawn part of the trace ends.
    Waiting,
    /// Sent to a process that did not exist.
    Lost,
}

/// One arrow: a message (or a spawn) from one lane to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// What it stands for.
    pub kind: ArrowKind,
    /// Start (the sender's lane, when it was sent).
    pub x1: i32,
    /// Start height.
    pub y1: f64,
    /// End (the receiver's lane, when it was received).
    pub x2: i32,
    /// End height.
    pub y2: f64,
    /// Whether and how it arrived.
    pub arrival: Arrival,
    /// The message, shortened to fit beside the arrow.
    pub label: String,
    /// Everything a hover shows: kind, ends, times and the whole message.
    pub detail: String,
    /// The call a call or reply belongs to, to pair them.
    pub call: Option<u64>,
    /// Where the label goes (its centre's baseline); `None`: no room beside
    /// the arrow without covering another label, so only a hover shows it.
    pub label_at: Option<(f64, f64)>,
}

/// A mark on a lane.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// The process exited with this reason; `abnormal` unless it is `:normal`.
    Exit {
        /// Lane.
        x: i32,
        /// When.
        y: f64,
        /// The reason, inspected.
        reason: String,
        /// Whether the reason is anything but `:normal`.
        abnormal: bool,
    },
    /// The process printed text.
    Output {
        /// Lane.
        x: i32,
        /// When.
        y: f64,
        /// The text.
        text: String,
    },
}

/// One lane: a process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    /// The process.
    pub pid: Pid,
    /// Its centre.
    pub x: i32,
    /// The name it is shown with: registered name, GenServer module, or label.
    pub name: String,
    /// Where its lifeline starts and ends (end of the diagram while it lives).
    pub top: i64,
    /// Where it ends.
    pub bottom: i64,
}

/// A label of the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Height.
    pub y: f64,
    /// The virtual time there, e.g. `12.4 µs`.
    pub label: String,
}

/// The whole diagram. Its shapes are shared, so a layout that differs from
/// another only in its summary is made without copying them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The lanes, left to right in spawn order.
    pub lanes: Rc<Vec<Lane>>,
    /// Every arrow.
    pub arrows: Rc<Vec<Arrow>>,
    /// Exits and output.
    pub marks: Rc<Vec<Mark>>,
    /// Labels of the time axis.
    pub ticks: Rc<Vec<Tick>>,
    /// Total width.
    pub width: i32,
    /// Total height.
    pub height: f64,
    /// How many events of the trace were drawn.
    pub drawn: usize,
    /// Events past those, by kind (`"casts"`, `"receives"` ...), when summarised.
    pub summary: Vec<(String, usize)>,
    /// The virtual time and height of every drawn event, in order, so that a
    /// moment chosen elsewhere (the mailbox chart) can be marked here.
    pub moments: Rc<Vec<(Nanos, f64)>>,
}

impl Layout {
    /// How many arrows of a kind the diagram has.
    pub fn count(&self, kind: ArrowKind) -> usize {
        self.arrows.iter().filter(|a| a.kind == kind).count()
    }

    /// The height of the last drawn event at or before virtual time `at`.
    pub fn y_at(&self, at: Nanos) -> Option<f64> {
        let after = self.moments.partition_point(|&(t, _)| t <= at);
        after.checked_sub(1).map(|i| self.moments[i].1)
    }

    /// The height of the last drawn event: where the run stands.
    pub fn now(&self) -> Option<f64> {
        self.moments.last().map(|&(_, y)| y)
    }

    /// The same shapes with another summary.
    pub fn with_summary(&self, summary: Vec<(String, usize)>) -> Layout {
        Layout {
            summary,
            ..self.clone()
        }
    }
}

/// Lays out the trace. Only its first [`MAX_DRAWN`] drawable events are placed;
/// the rest are counted in `summary`, so even a huge trace lays out quickly.
pub fn layout(trace: &[TraceEvent]) -> Layout {
    let mut builder = LayoutBuilder::default();
    builder.follow(trace);
    builder.finish()
}

/// An arrow as placed when its message was sent: everything but what depends
/// on later events (the receiver's name, where a waiting message ends, where
/// its label fits), which [`LayoutBuilder::finish`] works out.
#[derive(Clone, Debug, PartialEq)]
struct Placed {
    kind: ArrowKind,
    x1: i32,
    y1: f64,
    x2: i32,
    y2: f64,
    arrival: Arrival,
    label: String,
    call: Option<u64>,
    at: Nanos,
    /// What was sent to whom, or who was spawned.
    what: Sent,
    /// When it was received.
    received: Option<Nanos>,
}

#[derive(Clone, Debug, PartialEq)]
enum Sent {
    Spawn(Pid),
    Message {
        from: Pid,
        to: Option<Pid>,
        /// The whole message, inspected.
        text: String,
    },
}

/// A lane as placed at its spawn; its name and end come later.
#[derive(Clone, Debug, PartialEq)]
struct PlacedLane {
    pid: Pid,
    x: i32,
    /// The label made readable, for a lane that is never named.
    label: String,
    top: i64,
    /// Where it exited, if it did.
    bottom: Option<i64>,
}

/// The sequence diagram's layout, built event by event: [`LayoutBuilder::follow`]
/// places the events recorded since the last call, [`LayoutBuilder::finish`]
/// makes the [`Layout`] as of the last event placed. A view following a run
/// therefore places each event once, however often it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutBuilder {
    fed: usize,
    /// Registered names (rank 2) and GenServer modules (rank 1), the first of
    /// the highest rank winning.
    names: Rc<Names>,
    /// The drawn events' shapes.
    drawing: Rc<Drawing>,
    drawn: usize,
    /// Counts the changes to anything but the summary (see [`LayoutBuilder::shapes`]).
    shapes: u64,
    /// Events past those drawn, by [`SUMMARY_NOUNS`] index.
    summary: [usize; SUMMARY_NOUNS.len()],
}

/// The maps of this module all have this one type, keyed by a pid, a message
/// id or a band, with an index into a vector as value: each map type costs
/// its own copy of the map's code in the download.
type Slots = BTreeMap<u64, usize>;

fn pid_key(pid: &Pid) -> u64 {
    u64::from(pid.0)
}

/// The processes' names by pid, each with its rank.
#[derive(Clone, Debug, Default, PartialEq)]
struct Names {
    slot: Slots,
    names: Vec<(u8, String)>,
}

impl Names {
    fn get(&self, pid: &Pid) -> Option<&(u8, String)> {
        self.slot
            .get(&pid_key(pid))
            .and_then(|&i| self.names.get(i))
    }

    fn insert(&mut self, pid: &Pid, name: (u8, String)) {
        match self
            .slot
            .get(&pid_key(pid))
            .and_then(|&i| self.names.get_mut(i))
        {
            Some(old) => *old = name,
            None => {
                self.slot.insert(pid_key(pid), self.names.len());
                self.names.push(name);
            }
        }
    }
}

/// The part of a [`LayoutBuilder`] that only the first [`MAX_DRAWN`] events
/// change. It is shared between the copies of the models kept at moments of a
/// run (see `models.rs`): past those events, a copy costs nothing for it.
#[derive(Clone, Debug, PartialEq)]
struct Drawing {
    lanes: Vec<PlacedLane>,
    /// Pid → lane index.
    lane_of: Slots,
    arrows: Vec<Placed>,
    marks: Vec<Mark>,
    ticks: Vec<Tick>,
    moments: Vec<(Nanos, f64)>,
    /// Sends waiting for their receive: message id → arrow index.
    pending: Slots,
    y: f64,
    last_at: Option<Nanos>,
    next_tick: f64,
}

impl Default for LayoutBuilder {
    fn default() -> Self {
        LayoutBuilder {
            fed: 0,
            names: Rc::default(),
            drawing: Rc::new(Drawing {
                lanes: Vec::new(),
                lane_of: Slots::new(),
                arrows: Vec::new(),
                marks: Vec::new(),
                ticks: Vec::new(),
                moments: Vec::new(),
                pending: Slots::new(),
                y: f64::from(HEADER_HEIGHT),
                last_at: None,
                next_tick: f64::MIN,
            }),
            drawn: 0,
            shapes: 0,
            summary: [0; SUMMARY_NOUNS.len()],
        }
    }
}

fn x_for(index: usize) -> i32 {
    AXIS_WIDTH + LANE_WIDTH * index as i32 + LANE_WIDTH / 2
}

impl LayoutBuilder {
    /// Places the events of `trace` past those placed so far; `trace` must
    /// begin with the events already placed (the same run, not cut earlier).
    pub fn follow(&mut self, trace: &[TraceEvent]) {
        for event in trace.get(self.fed..).unwrap_or_default() {
            self.place(event);
        }
        self.fed = self.fed.max(trace.len());
    }

    /// Bytes on the heap whose address is not in `seen`, roughly: the shapes'
    /// vectors and maps by their items' size, not the text they hold.
    #[cfg(test)]
    pub fn heap_bytes(&self, seen: &mut std::collections::HashSet<usize>) -> usize {
        use std::mem::size_of;
        let mut bytes = 0;
        if seen.insert(Rc::as_ptr(&self.names) as usize) {
            bytes += self.names.names.len() * size_of::<(Pid, (u8, String))>();
        }
        if seen.insert(Rc::as_ptr(&self.drawing) as usize) {
            let d = &self.drawing;
            bytes += d.lanes.capacity() * size_of::<PlacedLane>()
                + d.arrows.capacity() * size_of::<Placed>()
                + d.marks.capacity() * size_of::<Mark>()
                + d.ticks.capacity() * size_of::<Tick>()
                + d.moments.capacity() * size_of::<(Nanos, f64)>()
                + (d.lane_of.len() + d.pending.len()) * size_of::<(u64, usize)>();
        }
        bytes
    }

    /// How many events were placed (or counted).
    pub fn fed(&self) -> usize {
        self.fed
    }

    /// A number that changes whenever an event changes the layout's shapes,
    /// not only its summary: past [`MAX_DRAWN`] events most change nothing
    /// but the summary, and a layout made before can be reused
    /// ([`Layout::with_summary`]).
    pub fn shapes(&self) -> u64 {
        self.shapes
    }

    /// The summary as of the last event placed (see [`Layout::summary`]).
    pub fn summary(&self) -> Vec<(String, usize)> {
        SUMMARY_NOUNS
            .iter()
            .zip(self.summary)
            .filter(|&(_, n)| n > 0)
            .map(|(noun, n)| ((*noun).to_owned(), n))
            .collect()
    }

    fn place(&mut self, event: &TraceEvent) {
        let (pid, rank, name) = match event {
            TraceEvent::Register { pid, name, .. } => (pid, 2, name),
            TraceEvent::GenState { pid, module, .. } => (pid, 1, module),
            _ => return self.draw(event),
        };
        if self.names.get(pid).is_none_or(|(r, _)| *r < rank) {
            Rc::make_mut(&mut self.names).insert(pid, (rank, name.clone()));
            self.shapes += 1;
        }
    }

    fn draw(&mut self, event: &TraceEvent) {
        let drawable = matches!(
            event,
            TraceEvent::Spawn { .. }
                | TraceEvent::Send { .. }
                | TraceEvent::Receive { .. }
                | TraceEvent::Exit { .. }
                | TraceEvent::Output { .. }
        );
        if !drawable {
            return;
        }
        if self.drawn >= MAX_DRAWN {
            // Every event of a long run passes here: an array, not a map.
            self.summary[summary_noun(event)] += 1;
            return;
        }
        self.drawn += 1;
        self.shapes += 1;
        // Copied here only if a kept copy of the models shares it (see [`Drawing`]).
        let d = Rc::make_mut(&mut self.drawing);
        let at = event.at();
        d.y += step(d.last_at, at);
        let y = d.y;
        d.last_at = Some(at);
        d.moments.push((at, y));
        if y >= d.next_tick {
            d.ticks.push(Tick {
                y,
                label: time_text(at),
            });
            d.next_tick = y + TICK_SPACING;
        }
        let lane_of = &d.lane_of;
        let lane_x = |pid: &Pid| lane_of.get(&pid_key(pid)).map(|&i| x_for(i));
        match event {
            TraceEvent::Spawn {
                pid, parent, label, ..
            } => {
                let index = d.lanes.len();
                let parent_x = parent.as_ref().and_then(lane_x);
                d.lane_of.insert(pid_key(pid), index);
                d.lanes.push(PlacedLane {
                    pid: *pid,
                    x: x_for(index),
                    label: display_name(label).into_owned(),
                    top: y as i64,
                    bottom: None,
                });
                if let Some(px) = parent_x {
                    d.arrows.push(Placed {
                        kind: ArrowKind::Spawn,
                        x1: px,
                        y1: y,
                        x2: x_for(index),
                        y2: y,
                        arrival: Arrival::Received,
                        label: "spawn".to_owned(),
                        call: None,
                        at,
                        what: Sent::Spawn(*pid),
                        received: None,
                    });
                }
            }
            TraceEvent::Send {
                id,
                from,
                to,
                kind,
                call,
                message,
                ..
            } => {
                let x1 = lane_x(from).unwrap_or(AXIS_WIDTH);
                let kind = ArrowKind::of(*kind);
                let (x2, arrival) = match to.as_ref().and_then(lane_x) {
                    Some(x2) => (x2, Arrival::Waiting),
                    None => (x1 + LANE_WIDTH / 2, Arrival::Lost),
                };
                if arrival == Arrival::Waiting {
                    d.pending.insert(*id, d.arrows.len());
                }
                d.arrows.push(Placed {
                    kind,
                    x1,
                    y1: y,
                    x2,
                    y2: y + MIN_STEP,
                    arrival,
                    label: shorten(&payload(kind, message), 20),
                    call: *call,
                    at,
                    what: Sent::Message {
                        from: *from,
                        to: *to,
                        text: inspect(message),
                    },
                    received: None,
                });
            }
            TraceEvent::Receive { id, .. } => {
                if let Some(arrow) = d.pending.remove(id).and_then(|i| d.arrows.get_mut(i)) {
                    arrow.y2 = y;
                    arrow.arrival = Arrival::Received;
                    arrow.received = Some(at);
                }
            }
            TraceEvent::Exit { pid, reason, .. } => {
                if let Some(&index) = d.lane_of.get(&pid_key(pid)) {
                    d.lanes[index].bottom = Some(y as i64);
                    d.marks.push(Mark::Exit {
                        x: x_for(index),
                        y,
                        reason: inspect(reason),
                        abnormal: !matches!(reason, Value::Atom(a) if a.name() == "normal"),
                    });
                }
            }
            TraceEvent::Output { pid, text, .. } => {
                if let Some(x) = lane_x(pid) {
                    d.marks.push(Mark::Output {
                        x,
                        y,
                        text: text.trim_end().to_owned(),
                    });
                }
            }
            _ => {}
        }
    }

    /// The layout as of the last event placed.
    pub fn finish(&self) -> Layout {
        let d = &*self.drawing;
        let names = &self.names;
        let name_of = |pid: &Pid| names.get(pid).map(|(_, name)| name);
        let bottom = d.y + 2.0 * MIN_STEP;
        let mut arrows: Vec<Arrow> = d
            .arrows
            .iter()
            .map(|placed| {
                let detail = match &placed.what {
                    Sent::Spawn(pid) => {
                        let lane = d.lane_of.get(&pid_key(pid)).and_then(|&i| d.lanes.get(i));
                        let name = name_of(pid)
                            .map(String::as_str)
                            .or(lane.map(|lane| lane.label.as_str()))
                            .unwrap_or_default();
                        format!(
                            "spawn {} ({name}) at {}",
                            pid_text(*pid),
                            time_text(placed.at)
                        )
                    }
                    Sent::Message { from, to, text } => {
                        let target = to.map_or_else(
                            || "a process that does not exist".to_owned(),
                            |p| {
                                name_of(&p)
                                    .map_or_else(|| pid_text(p), |n| format!("{n} {}", pid_text(p)))
                            },
                        );
                        format!(
                            "{} from {} to {target}, sent at {}\n{text}",
                            placed.kind.noun(),
                            pid_text(*from),
                            time_text(placed.at)
                        )
                    }
                };
                let detail = match placed.received {
                    Some(at) => format!("{detail}, received at {}", time_text(at)),
                    None => detail,
                };
                Arrow {
                    kind: placed.kind,
                    x1: placed.x1,
                    y1: placed.y1,
                    x2: placed.x2,
                    y2: placed.y2,
                    arrival: placed.arrival,
                    label: placed.label.clone(),
                    detail,
                    call: placed.call,
                    label_at: None,
                }
            })
            .collect();
        // Messages still waiting point down to the end of the drawn part.
        for &i in d.pending.values() {
            if let Some(arrow) = arrows.get_mut(i) {
                arrow.y2 = bottom - MIN_STEP / 2.0;
                arrow.detail.push_str(", still in the mailbox");
            }
        }
        place_labels(&mut arrows);
        let lanes: Vec<Lane> = d
            .lanes
            .iter()
            .map(|lane| Lane {
                pid: lane.pid,
                x: lane.x,
                name: name_of(&lane.pid).unwrap_or(&lane.label).clone(),
                top: lane.top,
                bottom: lane.bottom.unwrap_or(bottom as i64),
            })
            .collect();
        Layout {
            // Room right of the last lane for its exit reasons and output
            // (labels of up to 20 characters start just right of the lane).
            width: AXIS_WIDTH + LANE_WIDTH * lanes.len() as i32 + 100,
            height: bottom,
            lanes: Rc::new(lanes),
            arrows: Rc::new(arrows),
            marks: Rc::new(d.marks.clone()),
            ticks: Rc::new(d.ticks.clone()),
            drawn: self.drawn,
            summary: self.summary(),
            moments: Rc::new(d.moments.clone()),
        }
    }
}

/// Width of one character of an arrow's label (11 px monospace), and the
/// height of a label, for telling whether two labels would overlap.
const CHAR_WIDTH: f64 = 6.7;
const LABEL_HEIGHT: f64 = 12.0;
/// Where along its arrow a label may sit, best first: the middle, then
/// staggered towards either end.
const LABEL_SPOTS: [f64; 5] = [0.5, 0.3, 0.7, 0.15, 0.85];

/// Gives each arrow's label a spot where it covers no earlier label, trying
/// [`LABEL_SPOTS`] in turn; a label with no free spot is left to the hover.
/// Labels are indexed by band of height so the check stays cheap on long runs.
fn place_labels(arrows: &mut [Arrow]) {
    // Boxes (left, top, right, bottom) by band, and band index → slot in `boxes`
    // (the index as bits: the map only tells bands apart).
    let mut boxes: Vec<Vec<(f64, f64, f64, f64)>> = Vec::new();
    let mut bands = Slots::new();
    let band = |y: f64| (y / LABEL_HEIGHT).floor() as i64;
    for arrow in arrows.iter_mut().filter(|a| a.kind != ArrowKind::Spawn) {
        let half = arrow.label.chars().count() as f64 * CHAR_WIDTH / 2.0 + 2.0;
        let (x1, x2) = (f64::from(arrow.x1), f64::from(arrow.x2));
        let spots: Vec<(f64, f64)> = if arrow.x1 == arrow.x2 {
            // A message to oneself loops out to the right; its label sits in the loop.
            vec![(x1 + 40.0, (arrow.y1 + arrow.y2) / 2.0 + 4.0)]
        } else {
            LABEL_SPOTS
                .iter()
                .map(|t| {
                    (
                        x1 + (x2 - x1) * t,
                        arrow.y1 + (arrow.y2 - arrow.y1) * t - 5.0,
                    )
                })
                .collect()
        };
        let free = spots.into_iter().find(|&(x, y)| {
            let bounds = (x - half, y - LABEL_HEIGHT + 2.0, x + half, y + 2.0);
            (band(bounds.1) - 1..=band(bounds.3) + 1).all(|b| {
                let placed = bands.get(&(b as u64)).and_then(|&i| boxes.get(i));
                placed.is_none_or(|placed| {
                    placed.iter().all(|o| {
                        bounds.2 <= o.0 || o.2 <= bounds.0 || bounds.3 <= o.1 || o.3 <= bounds.1
                    })
                })
            })
        });
        if let Some((x, y)) = free {
            let bounds = (x - half, y - LABEL_HEIGHT + 2.0, x + half, y + 2.0);
            let key = band(bounds.1) as u64;
            match bands.get(&key).and_then(|&i| boxes.get_mut(i)) {
                Some(placed) => placed.push(bounds),
                None => {
                    bands.insert(key, boxes.len());
                    boxes.push(vec![bounds]);
                }
            }
        }
        arrow.label_at = free;
    }
}

/// The vertical step from one event to the next: at least [`MIN_STEP`], more
/// for a longer pause (logarithmically, so a 1 s timer does not push the rest
/// off the screen while a wait still shows).
fn step(last: Option<Nanos>, at: Nanos) -> f64 {
    let Some(last) = last else { return MIN_STEP };
    let pause_us = at.saturating_sub(last) as f64 / 1_000.0;
    MIN_STEP + (8.0 * (1.0 + pause_us).log2()).min(MAX_PAUSE)
}

/// What the summary counts events as, in the order it lists them (by name).
const SUMMARY_NOUNS: [&str; 11] = [
    "calls",
    "casts",
    "exits",
    "other events",
    "outputs",
    "receives",
    "replies",
    "sends",
    "signals",
    "spawns",
    "timer messages",
];

/// The index in [`SUMMARY_NOUNS`] of what `event` counts as.
fn summary_noun(event: &TraceEvent) -> usize {
    match event {
        TraceEvent::Send { kind, .. } => match kind {
            MessageKind::Call => 0,
            MessageKind::Cast => 1,
            MessageKind::Reply => 6,
            MessageKind::Send => 7,
            MessageKind::Signal => 8,
            MessageKind::Timer => 10,
        },
        TraceEvent::Exit { .. } => 2,
        TraceEvent::Output { .. } => 4,
        TraceEvent::Receive { .. } => 5,
        TraceEvent::Spawn { .. } => 9,
        _ => 3,
    }
}

/// What a call, cast or reply carries, without the envelope GenServer wraps it
/// in (`{:"$gen_call", from, request}`, `{:"$gen_cast", request}`, `{tag, reply}`):
/// the part a reader wrote. The hover still shows the whole message.
fn payload(kind: ArrowKind, message: &Value) -> String {
    let inner = match (kind, message) {
        (ArrowKind::Call, Value::Tuple(t)) if t.len() == 3 && is_atom(&t[0], "$gen_call") => {
            Some(&t[2])
        }
        (ArrowKind::Cast, Value::Tuple(t)) if t.len() == 2 && is_atom(&t[0], "$gen_cast") => {
            Some(&t[1])
        }
        (ArrowKind::Reply, Value::Tuple(t)) if t.len() == 2 => Some(&t[1]),
        _ => None,
    };
    inspect(inner.unwrap_or(message))
}

fn is_atom(value: &Value, name: &str) -> bool {
    matches!(value, Value::Atom(a) if a.name() == name)
}

/// Virtual time as a reader wants it: `0 µs`, `12.4 µs`, `3.25 ms`, `1.5 s`.
pub fn time_text(at: Nanos) -> String {
    let us = at as f64 / 1_000.0;
    if at == 0 {
        "0 µs".to_owned()
    } else if us < 1_000.0 {
        format!("{} µs", trim(us))
    } else if us < 1_000_000.0 {
        format!("{} ms", trim(us / 1_000.0))
    } else {
        format!("{} s", trim(us / 1_000_000.0))
    }
}

/// Three significant digits at most, no trailing zeros.
fn trim(value: f64) -> String {
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Cuts `text` to `max` characters, with an ellipsis when it was longer.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime_core::{RunConfig, RunStatus};

    fn trace_of(source: &str) -> Vec<TraceEvent> {
        let mut session = callcast_compiler::start(source, "t.exs", RunConfig::default())
            .expect("the program compiles");
        let mut slices = 0;
        while session.run_for(100_000) == RunStatus::Running {
            slices += 1;
            assert!(slices < 1_000, "the program does not end");
        }
        session.trace().to_vec()
    }

    const COUNTER: &str = r#"
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

{:ok, pid} = GenServer.start_link(Counter, 0, name: :counter)
GenServer.cast(:counter, :inc)
GenServer.cast(pid, :inc)
IO.puts(GenServer.call(pid, :get))
send(self(), :hello)
"#;

    fn counts(layout: &Layout) -> String {
        [
            ArrowKind::Spawn,
            ArrowKind::Send,
            ArrowKind::Call,
            ArrowKind::Reply,
            ArrowKind::Cast,
            ArrowKind::Timer,
            ArrowKind::Signal,
        ]
        .iter()
        .map(|k| format!("{}={}", k.noun(), layout.count(*k)))
        .collect::<Vec<_>>()
        .join(" ")
    }

    #[test]
    fn a_counter_has_one_arrow_per_message_of_each_kind() {
        let layout = layout(&trace_of(COUNTER));
        // start_link's init handshake is a message of its own.
        assert_eq!(
            counts(&layout),
            "spawn=1 send=2 call=1 reply=1 cast=2 timer=0 signal=0"
        );
        let names: Vec<&str> = layout.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["main", ":counter"]);
    }

    #[test]
    fn a_reply_pairs_with_its_call_and_arrows_slope_down_to_their_receive() {
        let layout = layout(&trace_of(COUNTER));
        let call = layout.arrows.iter().find(|a| a.kind == ArrowKind::Call);
        let reply = layout.arrows.iter().find(|a| a.kind == ArrowKind::Reply);
        let (Some(call), Some(reply)) = (call, reply) else {
            panic!("no call or no reply: {layout:?}");
        };
        assert!(call.call.is_some());
        assert_eq!(call.call, reply.call);
        assert!(call.detail.contains(":\"$gen_call\""), "{}", call.detail);
        assert_eq!((call.label.as_str(), reply.label.as_str()), (":get", "2"));
        for arrow in layout.arrows.iter() {
            assert!(arrow.y2 >= arrow.y1, "{arrow:?} goes up");
        }
        // The message main sends itself is never received.
        let hello = layout
            .arrows
            .iter()
            .find(|a| a.label == ":hello")
            .map(|a| a.arrival);
        assert_eq!(hello, Some(Arrival::Waiting));
    }

    #[test]
    fn a_crash_is_an_abnormal_exit_and_a_monitor_a_signal() {
        let layout = layout(&trace_of(
            "pid = spawn(fn -> raise \"boom\" end)\nref = Process.monitor(pid)\nreceive do\n  {:DOWN, ^ref, :process, _, _} -> :ok\nend\n",
        ));
        let abnormal = layout
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Exit { abnormal: true, .. }))
            .count();
        assert_eq!(abnormal, 1);
        assert_eq!(layout.count(ArrowKind::Signal), 1);
    }

    #[test]
    fn labels_never_cover_each_other() {
        let sources = [
            COUNTER,
            // Fifty casts racing to a slow server: their arrows converge.
            "defmodule S do\n  use GenServer\n  def init(n), do: {:ok, n}\n  def handle_cast(:work, n) do\n    Process.sleep(5)\n    {:noreply, n + 1}\n  end\nend\n{:ok, s} = GenServer.start_link(S, 0)\nEnum.each(1..50, fn _ -> GenServer.cast(s, :work) end)\nProcess.sleep(400)\n",
        ];
        for source in sources {
            let layout = layout(&trace_of(source));
            let boxes: Vec<(f64, f64, f64, f64)> = layout
                .arrows
                .iter()
                .filter_map(|a| {
                    let (x, y) = a.label_at?;
                    let half = a.label.chars().count() as f64 * CHAR_WIDTH / 2.0;
                    Some((x - half, y - LABEL_HEIGHT + 2.0, x + half, y + 2.0))
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                    assert!(apart, "labels at {a:?} and {b:?} overlap");
                }
            }
            let labelled = layout
                .arrows
                .iter()
                .filter(|a| a.label_at.is_some())
                .count();
            assert!(labelled > 0, "some label found room");
        }
        // A short run has room for every label.
        let counter = layout(&trace_of(COUNTER));
        let unlabelled: Vec<&str> = counter
            .arrows
            .iter()
            .filter(|a| a.kind != ArrowKind::Spawn && a.label_at.is_none())
            .map(|a| a.label.as_str())
            .collect();
        assert!(unlabelled.is_empty(), "{unlabelled:?}");
    }

    #[test]
    fn a_moment_maps_to_the_height_of_its_last_event() {
        let layout = layout(&trace_of(COUNTER));
        let (first_at, first_y) = layout.moments[0];
        assert_eq!(layout.y_at(first_at), Some(first_y));
        assert_eq!(layout.now(), layout.moments.last().map(|m| m.1));
        let (last_at, last_y) = layout.moments[layout.moments.len() - 1];
        assert_eq!(layout.y_at(last_at + 1_000_000), Some(last_y));
    }

    #[test]
    fn a_long_trace_is_summarised() {
        let layout = layout(&trace_of(
            "me = self()\nfor i <- 1..3000, do: send(me, i)\n",
        ));
        assert_eq!(layout.drawn, MAX_DRAWN);
        // main's spawn, then its first sends.
        assert_eq!(layout.count(ArrowKind::Send), MAX_DRAWN - 1);
        assert_eq!(
            layout.summary,
            [
                ("exits".to_owned(), 1),
                ("sends".to_owned(), 3_000 - (MAX_DRAWN - 1))
            ]
        );
    }

    #[test]
    fn the_summary_lists_its_nouns_by_name() {
        let mut sorted = SUMMARY_NOUNS;
        sorted.sort_unstable();
        assert_eq!(sorted, SUMMARY_NOUNS);
    }

    #[test]
    fn times_read_in_their_unit() {
        let shown: Vec<String> = [0, 20, 1_500, 12_340, 999_000, 3_250_000, 1_500_000_000]
            .iter()
            .map(|&t| time_text(t))
            .collect();
        assert_eq!(
            shown,
            ["0 µs", "0.02 µs", "1.5 µs", "12.3 µs", "999 µs", "3.25 ms", "1.5 s"]
        );
    }
}
