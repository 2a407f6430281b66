//! Compiled code: functions as flat instruction lists that the VM executes.

use crate::atom::Atom;

/// One compiled function body (a named function's clauses, or an anonymous function).
pub struct Function {
    /// The module the code belongs to.
    pub module: Atom,
    /// A display name: `fun/2`, or `-fun/2-fun-0-` style for anonymous functions.
    pub name: String,
    /// How many arguments it takes.
    pub arity: usize,
}
