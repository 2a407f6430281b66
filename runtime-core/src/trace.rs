//! The trace: everything a run did, as a list of events with virtual timestamps.
//! It is the only thing the views read.

use serde::{Serialize, Serializer};

use crate::value::{Pid, Value};

/// Virtual time in nanoseconds since the run started.
pub type Nanos = u64;

/// Which output stream a piece of printed text went to.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stream {
    /// Standard output (`IO.puts`, `IO.inspect`).
    Stdout,
    /// Standard error (uncaught errors, logger reports).
    Stderr,
}

/// How a message was sent, so a diagram can draw calls, replies and casts apart.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// `send/2`.
    Send,
    /// A `GenServer.call` request.
    Call,
    /// A `GenServer.reply` / `{:reply, ...}` answer.
    Reply,
    /// A `GenServer.cast`.
    Cast,
    /// A timer firing (`Process.send_after`).
    Timer,
    /// An exit signal turned into a message (`:DOWN`, `:EXIT`).
    Signal,
}

/// One thing that happened during a run.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum TraceEvent {
    /// A process started.
    Spawn {
        /// When.
        at: Nanos,
        /// The new process.
        pid: Pid,
        /// Who spawned it (`None` for the main process).
        parent: Option<Pid>,
        /// A label: the module of a GenServer, or the function it runs.
        label: String,
    },
    /// A message was sent.
    Send {
        /// When.
        at: Nanos,
        /// Unique id of this message, to pair it with its `Receive`.
        id: u64,
        /// Sender.
        from: Pid,
        /// Receiver, if it exists (`None`: sent to a dead pid or unknown name).
        to: Option<Pid>,
        /// What kind of message.
        kind: MessageKind,
        /// For a GenServer call and its reply: the call's reference, the same
        /// number on both, so the two arrows can be paired.
        #[serde(skip_serializing_if = "Option::is_none")]
        call: Option<u64>,
        /// The message.
        #[serde(serialize_with = "serialize_term")]
        message: Value,
    },
    /// A process took a message out of its mailbox.
    Receive {
        /// When.
        at: Nanos,
        /// The receiver.
        pid: Pid,
        /// The id from the matching `Send`.
        id: u64,
        /// How many messages are left in its mailbox.
        mailbox_len: usize,
    },
    /// A process printed text.
    Output {
        /// When.
        at: Nanos,
        /// Who printed.
        pid: Pid,
        /// Where it went.
        stream: Stream,
        /// The text, including its newline.
        text: String,
    },
    /// A process ended.
    Exit {
        /// When.
        at: Nanos,
        /// The process.
        pid: Pid,
        /// Its exit reason.
        #[serde(serialize_with = "serialize_term")]
        reason: Value,
        /// Reductions it ran in its life.
        reductions: u64,
    },
    /// A process blocked in `receive` (nothing in its mailbox matched).
    Wait {
        /// When.
        at: Nanos,
        /// The process.
        pid: Pid,
        /// Its mailbox length.
        mailbox_len: usize,
        /// Reductions it ran so far.
        reductions: u64,
    },
    /// A process registered a name.
    Register {
        /// When.
        at: Nanos,
        /// The process.
        pid: Pid,
        /// The name (an atom, printed as Elixir prints it).
        name: String,
    },
    /// A link between two processes.
    Link {
        /// When.
        at: Nanos,
        /// One end.
        from: Pid,
        /// The other end.
        to: Pid,
    },
    /// A monitor.
    Monitor {
        /// When.
        at: Nanos,
        /// The process watching.
        watcher: Pid,
        /// The process watched (`None` if it did not exist).
        watched: Option<Pid>,
    },
    /// `Process.send_after`: a timer set.
    Timer {
        /// When it was set.
        at: Nanos,
        /// Who set it.
        pid: Pid,
        /// Who will receive the message.
        to: Pid,
        /// Milliseconds until it fires.
        ms: u64,
    },
    /// A GenServer is about to wait for its next message, in this state.
    GenState {
        /// When.
        at: Nanos,
        /// The server.
        pid: Pid,
        /// Its callback module, printed as Elixir prints it.
        module: String,
        /// Its state.
        #[serde(serialize_with = "serialize_term")]
        state: Value,
    },
}

impl TraceEvent {
    /// The virtual time of the event.
    pub fn at(&self) -> Nanos {
        match self {
            TraceEvent::Spawn { at, .. }
            | TraceEvent::Send { at, .. }
            | TraceEvent::Receive { at, .. }
            | TraceEvent::Output { at, .. }
            | TraceEvent::Exit { at, .. }
            | TraceEvent::Wait { at, .. }
            | TraceEvent::Register { at, .. }
            | TraceEvent::Link { at, .. }
            | TraceEvent::Monitor { at, .. }
            | TraceEvent::Timer { at, .. }
            | TraceEvent::GenState { at, .. } => *at,
        }
    }
}

fn serialize_term<S: Serializer>(value: &Value, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::inspect::inspect(value))
}
