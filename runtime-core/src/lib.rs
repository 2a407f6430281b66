//! callcast's language (a subset of Elixir) and its deterministic, single-threaded
//! actor runtime. Pure Rust, no web dependencies: the playground and the CLI both
//! drive it through [`api`].

pub mod api;
pub mod ast;
pub mod atom;
pub mod bytecode;
pub mod diagnostic;
pub mod inspect;
pub mod lexer;
pub mod parser;
pub mod term_order;
pub mod trace;
pub mod value;

pub use api::{check, OutputChunk, RunConfig, RunStatus, Session};
pub use diagnostic::{Diagnostic, DiagnosticKind, Span};
pub use trace::{MessageKind, Stream, TraceEvent};
