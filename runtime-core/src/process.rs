//! A process: its own stack of frames and values (on the heap, so it can stop
//! anywhere), its mailbox, links and monitors.

use std::collections::VecDeque;

use crate::atom::Atom;
use crate::bytecode::FunctionId;
use crate::value::{Pid, Ref, Value};

/// One activation of a function.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// The function running.
    pub fun: FunctionId,
    /// The next instruction.
    pub pc: u32,
    /// Where its local slots start on the process stack.
    pub base: u32,
}

/// An installed exception handler (`try`).
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    /// How many frames were active when it was installed.
    pub frames: u32,
    /// Stack height to restore.
    pub height: u32,
    /// Where to continue.
    pub pc: u32,
}

/// A message waiting in a mailbox.
#[derive(Clone, Debug)]
pub struct Message {
    /// The id of its `Send` trace event.
    pub id: u64,
    /// The message.
    pub value: Value,
}

/// What a process is doing, from the scheduler's point of view.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// In the run queue or running.
    Runnable,
    /// Blocked in `receive` until a message (or its timeout) arrives.
    Waiting,
}

/// A process.
pub struct Process {
    /// Its identifier.
    pub pid: Pid,
    /// Locals and operands of every frame.
    pub stack: Vec<Value>,
    /// Active function calls, innermost last.
    pub frames: Vec<Frame>,
    /// Active exception handlers, innermost last.
    pub handlers: Vec<Handler>,
    /// Messages not yet received, oldest first.
    pub mailbox: VecDeque<Message>,
    /// Scan position of the current `receive`.
    pub cursor: usize,
    /// The pending `receive ... after` timer, if any.
    pub recv_timer: Option<u64>,
    /// Set when that timer fired.
    pub timed_out: bool,
    /// Scheduling status.
    pub status: Status,
    /// Linked processes.
    pub links: Vec<Pid>,
    /// Monitors others hold on this process: (reference, watcher, the name it
    /// was monitored by, if any — the `:DOWN` message then names it).
    pub watchers: Vec<(Ref, Pid, Option<Atom>)>,
    /// Monitors this process holds: (reference, watched).
    pub watching: Vec<(Ref, Pid)>,
    /// `Process.flag(:trap_exit, true)`.
    pub trap_exit: bool,
    /// Reductions spent so far.
    pub reductions: u64,
    /// Registered name.
    pub name: Option<Atom>,
    /// An exit signal that arrived while the process was running.
    pub pending_exit: Option<Value>,
    /// The process dictionary (`Process.put/get`).
    pub dictionary: Vec<(Value, Value)>,
    /// The `:rand` state, once the process seeds or draws.
    pub rand: Option<crate::native::RandState>,
}

impl Process {
    /// A new process that will start by calling `fun` with `args` already on its stack.
    pub fn new(pid: Pid) -> Process {
        Process {
            pid,
            stack: Vec::new(),
            frames: Vec::new(),
            handlers: Vec::new(),
            mailbox: VecDeque::new(),
            cursor: 0,
            recv_timer: None,
            timed_out: false,
            status: Status::Runnable,
            links: Vec::new(),
            watchers: Vec::new(),
            watching: Vec::new(),
            trap_exit: false,
            reductions: 0,
            name: None,
            pending_exit: None,
            dictionary: Vec::new(),
            rand: None,
        }
    }

    /// Empties an ended process for reuse by a later spawn: its values and
    /// messages are dropped and every field is as [`Process::new`] makes it,
    /// but the vectors keep their memory (spawning and ending a process is
    /// hot: a million short-lived senders). Field by field, which is cheaper
    /// than building a new process and dropping the old one; the pattern
    /// names every field so that a new one cannot be forgotten.
    pub fn clear_for_reuse(&mut self) {
        let Process {
            pid: _,
            stack,
            frames,
            handlers,
            mailbox,
            cursor,
            recv_timer,
            timed_out,
            status,
            links,
            watchers,
            watching,
            trap_exit,
            reductions,
            name,
            pending_exit,
            dictionary,
            rand,
        } = self;
        Value::truncate_stack(stack, 0);
        frames.clear();
        handlers.clear();
        mailbox.clear();
        *cursor = 0;
        *recv_timer = None;
        *timed_out = false;
        *status = Status::Runnable;
        links.clear();
        watchers.clear();
        watching.clear();
        *trap_exit = false;
        *reductions = 0;
        *name = None;
        *pending_exit = None;
        dictionary.clear();
        *rand = None;
    }
}
