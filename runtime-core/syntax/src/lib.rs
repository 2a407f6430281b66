//! The front end of callcast's language (a subset of Elixir): the lexer, the
//! parser and the syntax tree it builds, and compile-time diagnostics.
//!
//! A crate of its own so that the browser build can optimise it for size
//! while the runtime that `runtime-core` builds on top of it is optimised for
//! speed (opt-level applies per crate; see the workspace's `Cargo.toml`).
//! `runtime-core` re-exports every module, so its paths are unchanged.

pub mod ast;
pub mod bigint;
pub mod decimal;
pub mod diagnostic;
pub mod lexer;
pub mod parser;
