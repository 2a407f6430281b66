//! "unused alias Foo" and "unused import Foo": Elixir's lexical tracker
//! (`Kernel.LexicalTracker`) notes every `alias` and `import` of a file and
//! every use of one, and warns about those never used once the whole file
//! has run — after the script's last output, and not at all when the script
//! ends with an uncaught error.
//!
//! The tracker keys its notes by the alias (`C` for `alias Shop.Cart, as: C`)
//! or the imported module, for the whole file: a second `alias Shop.Cart` in
//! another module replaces the first one's note, used or not. It lists the
//! unused aliases, sorted by name, then the unused imports, sorted by module.
//!
//! The file's own code is expanded first, then each module's body, in
//! order, when its `defmodule` runs: the walk here follows that order.

use std::rc::Rc;

use crate::ast::{BinOp, CallTarget, Expr, ExprKind};
use crate::atom::Atom;
use crate::diagnostic::Span;

use super::sorted_map::{SortedMap, SortedSet};
use super::{alias_atom, body_exprs, def_parts, keyword_get, keyword_pairs, parse_head};

/// Whether a module exports a function (`module`, `name`, `arity`).
pub type Exports<'a> = &'a dyn Fn(Atom, &str, usize) -> bool;

/// The functions an `import ..., only: [...]` lets through (name, arity).
type Only = Option<Vec<(String, usize)>>;

/// What is visible at a point of the code.
#[derive(Clone, Default)]
struct Scope {
    /// Alias name to the module's name parts.
    aliases: SortedMap<String, Vec<String>>,
    /// Imported modules, latest last, with their `only:` list if any.
    imports: Vec<(Atom, Only)>,
    /// The functions of the module being walked (they take precedence).
    /// Shared: every `def` saves and restores the scope, and a copy of a
    /// module's function list per function made a large module quadratic.
    locals: Rc<SortedSet<(String, usize)>>,
}

/// The directive a note is about, in the order the tracker lists them.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// An alias, by the atom it defines (`Elixir.C`).
    Alias(String),
    /// An import, by the module's atom.
    Import(String),
}

struct Tracker<'a> {
    exports: Exports<'a>,
    /// `Some` (where it was written) while unused.
    notes: SortedMap<Key, (String, Option<Span>)>,
    scope: Scope,
    /// Modules written at the top of the file, walked after the file's code.
    modules: Vec<(&'a Expr, Scope)>,
}

/// The warnings for the unused aliases and imports of a file (`items`, its
/// top-level expressions), in the order Elixir prints them.
pub fn unused<'a>(items: &[&'a Expr], exports: Exports<'a>) -> Vec<(String, Span)> {
    let mut t = Tracker {
        exports,
        notes: SortedMap::default(),
        scope: Scope::default(),
        modules: Vec::new(),
    };
    for item in items {
        if is_call(item, "defmodule") {
            t.modules.push((item, t.scope.clone()));
        } else {
            t.walk(item);
        }
    }
    for (module, scope) in std::mem::take(&mut t.modules) {
        t.scope = scope;
        t.walk(module);
    }
    let mut warnings = Vec::new();
    for (key, (name, span)) in t.notes {
        let what = match key {
            Key::Alias(_) => "alias",
            Key::Import(_) => "import",
        };
        if let Some(span) = span {
            warnings.push((format!("unused {what} {name}"), span));
        }
    }
    warnings
}

fn is_call(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(n), .. } if n == name)
}

/// The functions a module body defines, every arity its defaults give.
fn definitions(body: &Expr) -> SortedSet<(String, usize)> {
    let mut out = SortedSet::default();
    for item in body_exprs(body) {
        let ExprKind::Call {
            target: CallTarget::Local(kind),
            args,
            ..
        } = &item.kind
        else {
            continue;
        };
        if kind != "def" && kind != "defp" {
            continue;
        }
        let Some((name, params, _)) = def_parts(args, item.span)
            .ok()
            .and_then(|(head, _)| parse_head(head).ok())
        else {
            continue;
        };
        let defaults = params
            .iter()
            .filter(|p| matches!(p.kind, ExprKind::BinOp(BinOp::Default, _, _)))
            .count();
        for arity in params.len() - defaults..=params.len() {
            out.add((name.clone(), arity));
        }
    }
    out
}

/// `only: [name: arity, ...]`.
fn only_list(options: Option<&Expr>) -> Only {
    let pairs = keyword_pairs(options?)?;
    let only = keyword_get(&pairs, "only")?;
    let list = keyword_pairs(only)?;
    let mut only = Vec::with_capacity(list.len());
    for (name, arity) in list {
        if let ExprKind::Int(n) = arity.kind {
            if let Ok(arity) = usize::try_from(n) {
                only.push((name.to_string(), arity));
            }
        }
    }
    Some(only)
}

impl Tracker<'_> {
    /// The module an alias names here.
    fn resolve(&self, parts: &[String]) -> Vec<String> {
        match parts.split_first() {
            Some((first, rest)) => match self.scope.aliases.get(first) {
                Some(full) => full.iter().chain(rest).cloned().collect(),
                None => parts.to_vec(),
            },
            None => Vec::new(),
        }
    }

    fn use_alias(&mut self, parts: &[String]) {
        if let Some(first) = parts.first() {
            if self.scope.aliases.contains_key(first) {
                let key = Key::Alias(format!("Elixir.{first}"));
                if let Some(note) = self.notes.get_mut(&key) {
                    note.1 = None;
                }
            }
        }
    }

    /// A local call (`name/arity`): the import it reaches, if any, is used.
    fn use_import(&mut self, name: &str, arity: usize) {
        if self.scope.locals.contains_key(&(name.to_string(), arity)) {
            return;
        }
        let found = self
            .scope
            .imports
            .iter()
            .rev()
            .find(|(m, only)| match only {
                Some(list) => list.iter().any(|(n, a)| n == name && *a == arity),
                None => (self.exports)(*m, name, arity),
            });
        if let Some((m, _)) = found {
            let key = Key::Import(m.name().to_string());
            if let Some(note) = self.notes.get_mut(&key) {
                note.1 = None;
            }
        }
    }

    /// Runs `body` with the scope restored afterwards (a `def` or a module).
    fn nested(&mut self, body: impl FnOnce(&mut Self)) {
        let saved = self.scope.clone();
        body(self);
        self.scope = saved;
    }

    fn walk(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Alias(parts) => self.use_alias(parts),
            ExprKind::Var(name) => self.use_import(name, 0),
            ExprKind::Call {
                target: CallTarget::Local(name),
                args,
                ..
            } => self.local_call(e, name, args),
            ExprKind::BinOp(BinOp::Pipe, left, right) => {
                self.walk(left);
                if let ExprKind::Call {
                    target: CallTarget::Local(name),
                    args,
                    ..
                } = &right.kind
                {
                    self.use_import(name, args.len() + 1);
                }
                self.walk(right);
            }
            ExprKind::Capture(inner) => {
                if let ExprKind::BinOp(BinOp::Div, f, arity) = &inner.kind {
                    if let (ExprKind::Var(name), ExprKind::Int(n)) = (&f.kind, &arity.kind) {
                        if let Ok(n) = usize::try_from(*n) {
                            self.use_import(name, n);
                        }
                        return;
                    }
                }
                self.walk(inner);
            }
            _ => e.for_each_child(|child| self.walk(child)),
        }
    }

    fn local_call(&mut self, e: &Expr, name: &str, args: &[Expr]) {
        match (name, args) {
            ("alias", [target, rest @ ..]) => {
                self.walk(target);
                let ExprKind::Alias(parts) = &target.kind else {
                    return;
                };
                let full = self.resolve(parts);
                let options = rest.first().and_then(keyword_pairs);
                let short = match options.as_ref().and_then(|o| keyword_get(o, "as")) {
                    Some(Expr {
                        kind: ExprKind::Alias(a),
                        ..
                    }) => a.join("."),
                    _ => full.last().cloned().unwrap_or_default(),
                };
                let warn = !matches!(
                    options.as_ref().and_then(|o| keyword_get(o, "warn")).map(|w| &w.kind),
                    Some(ExprKind::Atom(a)) if a == "false"
                );
                // `alias Enum` names what `Enum` already names: nothing is noted.
                if full != [short.clone()] && warn {
                    self.notes.insert(
                        Key::Alias(format!("Elixir.{short}")),
                        (short.clone(), Some(e.span)),
                    );
                }
                self.scope.aliases.insert(short, full);
            }
            ("import", [target, rest @ ..]) => {
                self.walk(target);
                let module = match &target.kind {
                    ExprKind::Alias(parts) => alias_atom(&self.resolve(parts)),
                    ExprKind::Atom(a) => Atom::intern(a),
                    _ => return,
                };
                let shown = crate::inspect::inspect(&crate::value::Value::Atom(module));
                self.notes.insert(
                    Key::Import(module.name().to_string()),
                    (shown, Some(e.span)),
                );
                self.scope.imports.push((module, only_list(rest.first())));
            }
            ("defmodule", [name, body]) => {
                self.walk(name);
                let inner = keyword_pairs(body).and_then(|p| keyword_get(&p, "do"));
                self.nested(|t| {
                    if let Some(inner) = inner {
                        t.scope.locals = Rc::new(definitions(inner));
                        t.walk(inner);
                    }
                });
            }
            ("def" | "defp", _) => self.nested(|t| args.iter().for_each(|a| t.walk(a))),
            _ => {
                self.use_import(name, args.len());
                args.iter().for_each(|a| self.walk(a));
            }
        }
    }
}
