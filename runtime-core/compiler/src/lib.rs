//! The compiler of callcast's language: a parsed program and the prelude to the
//! bytecode `runtime-core` runs, with the warnings Elixir prints about it; and
//! [`start`], which compiles a source text and hands it to a [`Session`].
//!
//! A crate of its own (above the runtime, whose types it produces) so that the
//! browser build can optimise it for size while the runtime is optimised for
//! speed: opt-level applies per crate (see the workspace's `Cargo.toml`).

use std::rc::Rc;

use runtime_core::api::PRELUDE;
use runtime_core::ast::Expr;
use runtime_core::bytecode::Program;
use runtime_core::{Diagnostic, RunConfig, Session};

// The compiler's modules name the runtime's as their own (`crate::bytecode`),
// as they did when they lived in `runtime-core`.
#[cfg(test)]
pub(crate) use runtime_core::api;
pub(crate) use runtime_core::{
    ast, atom, bytecode, diagnostic, inspect, native, parser, term_order, value,
};

pub mod compiler;

use compiler::SourceFile;

thread_local! {
    static PRELUDE_AST: Rc<Vec<(&'static str, Expr)>> = Rc::new(
        PRELUDE
            .iter()
            .map(|(name, text)| {
                let ast = parser::parse(text).unwrap_or_else(|d| {
                    panic!("the prelude file {name} does not parse: {}", d.render(text, name))
                });
                (*name, ast)
            })
            .collect(),
    );
}

/// Compiles `source` and prepares to run it. `file` names it in messages.
pub fn start(source: &str, file: &str, config: RunConfig) -> Result<Session, Diagnostic> {
    Session::new(compile(source, file)?, source, file, config)
}

/// Compiles without running and returns the first error, if any (a module's
/// compile error included, which a run meets only when it gets there).
pub fn check(source: &str, file: &str) -> Result<(), Diagnostic> {
    match compile(source, file)?.compile_error {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Compiles `source` (named `file` in messages) together with the prelude.
pub fn compile(source: &str, file: &str) -> Result<Program, Diagnostic> {
    let user = parser::parse(source)?;
    PRELUDE_AST.with(|prelude| {
        let mut files: Vec<SourceFile<'_>> = prelude
            .iter()
            .map(|(name, ast)| SourceFile {
                name,
                ast,
                is_main: false,
                text: PRELUDE
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or("", |(_, t)| t),
                lines: Default::default(),
            })
            .collect();
        files.push(SourceFile {
            name: file,
            ast: &user,
            is_main: true,
            text: source,
            lines: Default::default(),
        });
        compiler::compile(&files)
    })
}
