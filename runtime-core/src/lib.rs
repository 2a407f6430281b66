//! callcast's language (a subset of Elixir) and its deterministic, single-threaded
//! actor runtime. Pure Rust, no web dependencies: the playground and the CLI both
//! drive it through [`api`].

// Map keys hold terms whose functions point at compiled code with lazily
// resolved call targets (a `OnceCell`); key order never depends on that state.
#![allow(clippy::mutable_key_type)]

// The front end is its own crate (built for size in the browser); its modules
// keep their paths here.
pub use callcast_syntax::{ast, bigint, decimal, diagnostic, lexer, parser};

pub mod api;
pub mod atom;
pub mod bytecode;
pub mod elixir_frames;
pub mod erts_errors;
pub mod exception;
pub mod exit_format;
pub mod fxhash;
pub mod inspect;
pub mod native;
pub mod ops;
pub mod process;
pub mod scheduler;
pub mod term_order;
pub mod trace;
pub mod value;
pub mod vm;

pub use api::{OutputChunk, RunConfig, RunStatus, Session};
pub use diagnostic::{Diagnostic, DiagnosticKind, Span};
pub use trace::{MessageKind, Stream, TraceEvent};
