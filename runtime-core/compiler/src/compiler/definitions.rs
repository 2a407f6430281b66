//! The checks Elixir makes as a module body stores each definition
//! (`elixir_def:store_definition`): default arguments declared on more than
//! one clause, a clause without defaults after one with them, a bodiless head
//! written after its function's clauses, a head no clause implements; and
//! the module attributes read before they are set.
//!
//! Both the warning pass (`unused::module_reports`) and code generation
//! (which raises the compile errors) walk a module's definitions in order and
//! ask a [`Definitions`] about each, so the two agree on what Elixir saw.

use super::sorted_map::{SortedMap, SortedSet};

use crate::ast::{Expr, ExprKind};
use crate::diagnostic::Span;

/// What Elixir remembers about one function while its module body runs.
struct Stored {
    /// The most defaults any of its definitions declared.
    max_defaults: usize,
    /// The defaults of its latest definition.
    last_defaults: usize,
    /// Whether its latest definition had a body.
    last_has_body: bool,
    /// Whether any definition had a body (a head alone is an error).
    implemented: bool,
    /// Its first definition.
    first: Span,
    /// `def` or `defp`, as first written.
    kind: String,
}

/// What Elixir says about a definition's default arguments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DefaultsCheck {
    /// Nothing.
    Fine,
    /// The warning `has multiple clauses and also declares default values`.
    Mixed,
    /// The compile error `defines defaults multiple times`.
    Duplicate,
}

/// The functions of one module body, as its definitions are stored.
#[derive(Default)]
pub struct Definitions {
    stored: SortedMap<(String, usize), Stored>,
    order: Vec<(String, usize)>,
}

impl Definitions {
    /// Stores one definition of `name/arity` (a clause, or a bodiless head
    /// when `has_body` is false) declaring `defaults` default arguments, and
    /// says what Elixir's `check_valid_defaults` makes of it.
    pub fn store(
        &mut self,
        kind: &str,
        name: &str,
        arity: usize,
        defaults: usize,
        has_body: bool,
        span: Span,
    ) -> DefaultsCheck {
        let key = (name.to_string(), arity);
        let Some(s) = self.stored.get_mut(&key) else {
            self.order.push(key.clone());
            self.stored.insert(
                key,
                Stored {
                    max_defaults: defaults,
                    last_defaults: defaults,
                    last_has_body: has_body,
                    implemented: has_body,
                    first: span,
                    kind: kind.to_string(),
                },
            );
            return DefaultsCheck::Fine;
        };
        let check = if defaults > 0 && s.max_defaults > 0 {
            DefaultsCheck::Duplicate
        } else if defaults > 0 || (has_body && s.last_has_body && s.last_defaults > 0) {
            DefaultsCheck::Mixed
        } else {
            DefaultsCheck::Fine
        };
        s.max_defaults = s.max_defaults.max(defaults);
        s.last_defaults = defaults;
        s.last_has_body = has_body;
        s.implemented |= has_body;
        check
    }

    /// The first function (in the order first defined) that has a head and
    /// no clause: Elixir's compile error once the module body has run.
    pub fn unimplemented(&self) -> Option<(String, Span)> {
        self.order.iter().find_map(|key| {
            let s = self.stored.get(key)?;
            (!s.implemented).then(|| {
                let (name, arity) = key;
                (
                    format!(
                        "implementation not provided for predefined {} {name}/{arity}",
                        s.kind
                    ),
                    s.first,
                )
            })
        })
    }
}

/// Elixir's warning for a clause without defaults after one with them, or
/// for defaults on a later clause.
pub fn mixed_defaults_message(kind: &str, name: &str, arity: usize) -> String {
    format!(
        "{kind} {name}/{arity} has multiple clauses and also declares default values. \
         In such cases, the default values should be defined in a header. Instead of:\n\
         \n    def foo(:first_clause, b \\\\ :default) do ... end\
         \n    def foo(:second_clause, b) do ... end\n\
         \none should write:\n\
         \n    def foo(a, b \\\\ :default)\
         \n    def foo(:first_clause, b) do ... end\
         \n    def foo(:second_clause, b) do ... end\n"
    )
}

/// Elixir's compile error for defaults declared by two clauses. (Elixir's
/// text ends in a line break, which its stack trace follows; callcast's
/// error has no stack trace, and prints the blank line after it anyway.)
pub fn duplicate_defaults_message(kind: &str, name: &str, arity: usize) -> String {
    format!(
        "{kind} {name}/{arity} defines defaults multiple times. \
         Elixir allows defaults to be declared once per definition. Instead of:\n\
         \n    def foo(:first_clause, b \\\\ :default) do ... end\
         \n    def foo(:second_clause, b \\\\ :default) do ... end\n\
         \none should write:\n\
         \n    def foo(a, b \\\\ :default)\
         \n    def foo(:first_clause, b) do ... end\
         \n    def foo(:second_clause, b) do ... end"
    )
}

/// Elixir's warning for a bodiless head written after its function's clauses.
pub fn late_head_message(kind: &str, name: &str, arity: usize) -> String {
    format!(
        "function head for {kind} {name}/{arity} must come at the top of its direct \
         implementation. Instead of:\n\
         \n    def add(a, b), do: a + b\
         \n    def add(a, b)\n\
         \none should write:\n\
         \n    def add(a, b)\
         \n    def add(a, b), do: a + b\n"
    )
}

/// The module attributes set so far in a module body, to find the ones read
/// before they are set (Elixir warns, and the read gives `nil`).
#[derive(Default)]
pub struct Attributes {
    set: SortedSet<String>,
}

impl Attributes {
    /// Notes `@name value`.
    pub fn set(&mut self, name: &str) {
        self.set.add(name.to_string());
    }

    /// Elixir's warnings for the attributes `e` reads that are not set yet,
    /// in source order.
    pub fn undefined_reads(&self, e: &Expr) -> Vec<(String, Span)> {
        let mut out = Vec::new();
        self.collect(e, &mut out);
        out
    }

    fn collect(&self, e: &Expr, out: &mut Vec<(String, Span)>) {
        if let ExprKind::ModuleAttr(name, None) = &e.kind {
            if !self.set.contains_key(name) {
                out.push((
                    format!(
                        "undefined module attribute @{name}, please remove access to @{name} \
                         or explicitly set it before access"
                    ),
                    e.span,
                ));
            }
            return;
        }
        e.for_each_child(|child| self.collect(child, out));
    }
}
