//! The compile-time warnings Elixir gives about variables — one bound and never
//! read ("variable "x" is unused"), an underscored one that is read or
//! repeated in a match, a name that is no variable but a call without
//! parentheses, a literal or a variable whose value a block drops — about
//! private functions nothing reaches, clauses of one function written apart,
//! and (for the Erlang compiler) about clauses after one that always matches
//! and values computed and dropped (`ignored.rs`).
//!
//! This is a pass of its own over the syntax tree, before code generation,
//! because Elixir's warnings follow Elixir's own bookkeeping (`elixir_expand`,
//! `elixir_env`), not the shape of the code callcast generates (`for` is
//! rewritten into `Enum.reduce`, `if` into jumps). That bookkeeping, which the
//! text and order of the warnings depend on:
//!
//! - Every binding gets a new *version*, numbered from 0 per function clause
//!   (or per script). A scope keeps a map from (name, version) to "unused since
//!   this binding" or "used"; reading a variable marks its current version used.
//! - A binding that replaces a variable already visible (`x = 1; x = 2`, or a
//!   clause pattern that shadows an outer `x`) is *overridden*: its warning
//!   suggests the pin operator instead of an underscore.
//! - A name bound twice in one match (`{x, x}`) is read the second time.
//! - `^x` reads the `x` visible before the match.
//! - Clauses (`case`, `receive`, `cond`, `fn`, `rescue`, `catch`, `else`,
//!   `after`, the bodies of `if` and `unless`, the `do` of `try`) and the
//!   whole of a `with` or a `for` are scopes: at their end, the unused
//!   variables bound inside are reported, and the uses of outer variables are
//!   handed up. Variables bound inside do not outlive the scope.
//! - A function clause (or the script) reports what is left at its end.
//! - Each report lists its variables in the order of Erlang's `maps:to_list`
//!   on `{{name, nil}, version}` keys: by name, then by version. (Erlang lists
//!   maps of more than 32 keys in hash order instead; that order is not
//!   reproduced.)
//! - `if c do a else b end` is a `case` whose `else` clause comes first;
//!   `unless` swaps the two back.
//! - At the top of a script, `defmodule` reads every variable visible there
//!   (a module body may use them), so none of them is reported.

use crate::ast::{BinOp, CallTarget, Clause, Expr, ExprKind, StrPart, UnOp};
use crate::atom::Atom;
use crate::diagnostic::Span;

use super::definitions::{
    late_head_message, mixed_defaults_message, Attributes, DefaultsCheck, Definitions,
};
use super::ignored::{self, Ignored};
use super::sorted_map::{SortedMap, SortedSet};
use super::unreachable::{unreachable_clauses, ClauseShape};
use super::{
    body_exprs, def_parts, keyword_get, keyword_pairs, module_atom, parse_head, without_defaults,
};

/// One warning: its text (after `warning: `) and the span of the variable.
#[derive(Clone, Debug, PartialEq)]
pub struct VarWarning {
    /// What Elixir says.
    pub message: String,
    /// Where the variable is; `None` for a literal, which Elixir's syntax
    /// tree gives no line, so the warning names the file alone.
    pub span: Option<Span>,
}

/// What a scope knows about one version of a variable.
#[derive(Clone, Copy, Debug)]
enum Use {
    /// Bound here and not read yet.
    Unused { span: Span, overridden: bool },
    /// Read.
    Used,
}

/// The variables of a match being walked.
struct Prematch {
    /// The version counter when the match began: versions from here on were
    /// bound by this match.
    version: u32,
    /// The variables this match rebinds, with what they were before it (what
    /// a pin reads); the others still read as before the match. Recorded as
    /// they are rebound, not copied whole at each match: a copy per match made
    /// a function of many variables quadratic to check.
    shadowed: Vec<(String, Option<u32>)>,
}

/// The walk over one function clause or script.
#[derive(Default)]
pub struct VarCheck {
    /// The next version to hand out.
    version: u32,
    /// The variables visible here and their current versions.
    read: SortedMap<String, u32>,
    /// The current scope's bookkeeping, ordered as Erlang's small maps are.
    unused: SortedMap<(String, u32), Use>,
    /// Set while walking a pattern.
    prematch: Option<Prematch>,
    /// The warnings so far, in the order Elixir prints them.
    warnings: Vec<VarWarning>,
    /// The local calls seen (name and arity), for the unused private
    /// function check.
    calls: Vec<(String, usize)>,
    /// Whether this is a module's function (whose code the Erlang compiler
    /// checks for clauses that cannot match; a script's is not).
    in_function: bool,
    /// Variable versions bound to a literal (`k = 5`): the Erlang compiler
    /// folds a `case` on them, and says nothing about its clauses.
    constants: SortedSet<(String, u32)>,
    /// Clauses that cannot match, as the Erlang compiler reports them.
    shadowed: Vec<Shadowed>,
    /// Values computed and dropped, as the Erlang compiler reports them.
    ignored: Vec<Ignored>,
}

/// What walking a function clause found.
pub struct ClauseFindings {
    /// Variable warnings, in order.
    pub warnings: Vec<VarWarning>,
    /// Local calls (name, arity).
    pub calls: Vec<(String, usize)>,
    /// Clauses of a `case`, `fn` or `receive` that cannot match.
    pub shadowed: Vec<Shadowed>,
    /// Values computed and dropped.
    pub ignored: Vec<Ignored>,
}

/// What walking a script's own code found.
pub struct ScriptFindings {
    /// Elixir's warnings, in order.
    pub warnings: Vec<VarWarning>,
    /// The Erlang compiler's warnings about dropped values.
    pub ignored: Vec<Ignored>,
}

/// Whether a pattern matches anything (a variable, `_`, or `a = b` of such).
pub fn always_matches(p: &Expr) -> bool {
    match &p.kind {
        ExprKind::Var(name) => name != "__MODULE__",
        ExprKind::BinOp(BinOp::Match, a, b) => always_matches(a) && always_matches(b),
        _ => false,
    }
}

/// Whether `e` is a literal (a number, atom, string, or a tuple or list of them).
pub(super) fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Str(_)
        | ExprKind::Charlist(_) => true,
        ExprKind::Tuple(items) => items.iter().all(is_literal),
        ExprKind::List(items, tail) => {
            items.iter().all(is_literal) && tail.as_deref().is_none_or(is_literal)
        }
        _ => false,
    }
}

/// A clause that cannot match because an earlier one always does.
#[derive(Clone, Debug, PartialEq)]
pub struct Shadowed {
    /// The clause that cannot match.
    pub span: Span,
    /// The earlier clause that always matches.
    pub previous: Span,
    /// The function (`name/arity`) when the clauses are a function's.
    pub function: Option<String>,
}

impl Shadowed {
    /// The Erlang compiler's words, given how to find a span's line.
    pub fn message(&self, line_of: impl Fn(Span) -> usize) -> String {
        let which = match &self.function {
            Some(f) => format!("this clause for {f} cannot match"),
            None => "this clause cannot match".to_string(),
        };
        format!(
            "{which} because a previous clause at line {} always matches",
            line_of(self.previous)
        )
    }
}

/// The clauses after one that always matches (no guard, only variables),
/// which the Erlang compiler reports. `function` names the function when the
/// clauses are a function's.
pub fn shadowed_clauses<'a>(
    clauses: impl IntoIterator<Item = (&'a [Expr], bool, Span)>,
    function: Option<&str>,
) -> Vec<Shadowed> {
    let mut catch_all: Option<Span> = None;
    let mut out = Vec::new();
    let mut kept = Vec::new();
    for (patterns, guarded, span) in clauses {
        if let Some(previous) = catch_all {
            out.push(Shadowed {
                span,
                previous,
                function: function.map(String::from),
            });
            continue;
        }
        // The clauses after a catch-all are dropped (and reported, naming
        // the function) before the pattern-match compiler sees the others.
        kept.push(ClauseShape {
            patterns,
            guarded,
            span,
        });
        if !guarded && patterns.iter().all(always_matches) && !binds_twice(patterns) {
            catch_all = Some(span);
        }
    }
    for (span, previous) in unreachable_clauses(&kept) {
        out.push(Shadowed {
            span,
            previous,
            function: None,
        });
    }
    out
}

/// Whether patterns bind one variable twice (`f(x, x)`), which makes the
/// clause conditional.
fn binds_twice(patterns: &[Expr]) -> bool {
    fn walk<'a>(e: &'a Expr, seen: &mut SortedSet<&'a str>) -> bool {
        match &e.kind {
            ExprKind::Var(name) => name != "_" && !seen.add(name),
            _ => {
                let mut twice = false;
                e.for_each_child(|c| twice |= walk(c, seen));
                twice
            }
        }
    }
    let mut seen = SortedSet::default();
    patterns.iter().any(|p| walk(p, &mut seen))
}

/// Names that look like variables but are not (`__MODULE__`, ...).
fn is_pseudo_variable(name: &str) -> bool {
    matches!(
        name,
        "__MODULE__" | "__ENV__" | "__DIR__" | "__CALLER__" | "__STACKTRACE__"
    )
}

fn unused_message(name: &str, overridden: bool) -> String {
    if overridden {
        format!(
            "variable \"{name}\" is unused (there is a variable with the same name in the context, \
             use the pin operator (^) to match on it or prefix this variable with underscore if it \
             is not meant to be used)"
        )
    } else {
        format!(
            "variable \"{name}\" is unused (if the variable is not meant to be used, prefix it \
             with an underscore)"
        )
    }
}

impl VarCheck {
    /// The warnings for a script's top-level code (`items`, in order).
    pub fn script(items: &[&Expr]) -> ScriptFindings {
        let mut c = VarCheck::default();
        for (i, item) in items.iter().enumerate() {
            if is_local_call(item, "defmodule") {
                for key in c.read.clone() {
                    c.unused.insert(key, Use::Used);
                }
            } else if i + 1 < items.len() {
                c.statement(item);
            } else {
                c.expr(item);
            }
        }
        let ignored = std::mem::take(&mut c.ignored);
        ScriptFindings {
            warnings: c.finish(),
            ignored,
        }
    }

    /// The warnings Elixir prints while it expands a script's code (`items`)
    /// up to a compile error at byte `at`, where it stops: those it gives as
    /// it goes, not the unused variables it would report at the end.
    pub fn script_before_error(items: &[&Expr], at: u32) -> Vec<VarWarning> {
        let mut c = VarCheck::default();
        for (i, item) in items.iter().enumerate() {
            if item.span.start > at {
                break;
            }
            if is_local_call(item, "defmodule") {
                continue;
            }
            if i + 1 < items.len() {
                c.statement(item);
            } else {
                c.expr(item);
            }
        }
        c.warnings.retain(|w| w.span.is_none_or(|s| s.start <= at));
        c.warnings
    }

    /// An expression of a block that is not its last, whose value is dropped:
    /// Elixir warns about a literal or a variable there (looking at the code
    /// as written, after expanding it), and the Erlang compiler about an
    /// operator or a built-in.
    fn statement(&mut self, e: &Expr) {
        let is_variable = matches!(&e.kind, ExprKind::Var(name)
            if !is_pseudo_variable(name) && self.read.contains_key(name));
        self.expr(e);
        let literal = |text: String| {
            format!(
                "code block contains unused literal {text} (remove the literal or assign it to _ \
                 to avoid warnings)"
            )
        };
        let (message, span) = match &e.kind {
            ExprKind::Int(n) if *n >= 0 => (literal(n.to_string()), None),
            ExprKind::BigInt(n) if !n.to_string().starts_with('-') => {
                (literal(n.to_string()), None)
            }
            ExprKind::Float(f) if *f >= 0.0 => (
                literal(crate::inspect::inspect(&crate::value::Value::Float(*f))),
                None,
            ),
            ExprKind::Str(s) => (
                literal(crate::inspect::inspect(&crate::value::Value::string(s))),
                None,
            ),
            ExprKind::Var(name) if is_variable => (
                format!(
                    "variable {name} in code block has no effect as it is never returned (remove \
                     the variable or assign it to _ to avoid warnings)"
                ),
                Some(e.span),
            ),
            ExprKind::ModuleAttr(name, None) => (
                format!(
                    "module attribute @{name} in code block has no effect as it is never returned \
                     (remove the attribute or assign it to _ to avoid warnings)"
                ),
                Some(e.span),
            ),
            _ => {
                ignored::dropped(e, &mut self.ignored);
                return;
            }
        };
        self.warnings.push(VarWarning { message, span });
    }

    /// The warnings for one function clause, and the local calls it makes:
    /// its parameters (defaults still attached), guard and `do` block keyword
    /// list (`do:` and, for a body with `rescue`/`catch`/`after`, those
    /// sections too).
    pub fn function_clause(params: &[Expr], guard: Option<&Expr>, body: &Expr) -> ClauseFindings {
        let mut c = VarCheck {
            in_function: true,
            ..VarCheck::default()
        };
        // Default values are evaluated by the functions of lower arity, apart
        // from the clause: only their calls count.
        for p in params {
            if let ExprKind::BinOp(BinOp::Default, _, default) = &p.kind {
                let mut d = VarCheck::default();
                d.expr(default);
                c.calls.append(&mut d.calls);
            }
        }
        let patterns: Vec<&Expr> = params
            .iter()
            .map(|p| match &p.kind {
                ExprKind::BinOp(BinOp::Default, pat, _) => &**pat,
                _ => p,
            })
            .collect();
        c.head(&patterns);
        if let Some(g) = guard {
            c.expr(g);
        }
        match keyword_pairs(body) {
            Some(pairs) if pairs.len() == 1 => {
                if let Some(b) = keyword_get(&pairs, "do") {
                    c.expr(b);
                }
            }
            Some(pairs) => c.try_sections(&pairs),
            None => c.expr(body),
        }
        let calls = std::mem::take(&mut c.calls);
        let shadowed = std::mem::take(&mut c.shadowed);
        let ignored = std::mem::take(&mut c.ignored);
        ClauseFindings {
            warnings: c.finish(),
            calls,
            shadowed,
            ignored,
        }
    }

    /// Notes the clauses of a `case`, `fn` or `receive` that cannot match.
    fn check_shadowing(&mut self, clauses: &[Clause]) {
        if !self.in_function {
            return;
        }
        let found = shadowed_clauses(
            clauses
                .iter()
                .map(|c| (c.patterns.as_slice(), c.guard.is_some(), c.span)),
            None,
        );
        self.shadowed.extend(found);
    }

    /// Reports what the outermost scope left unused.
    fn finish(mut self) -> Vec<VarWarning> {
        for ((name, _), entry) in std::mem::take(&mut self.unused) {
            if let Use::Unused { span, overridden } = entry {
                self.warn_unused(&name, span, overridden);
            }
        }
        self.warnings
    }

    fn warn_unused(&mut self, name: &str, span: Span, overridden: bool) {
        if name.starts_with('_') {
            return;
        }
        self.warnings.push(VarWarning {
            message: unused_message(name, overridden),
            span: Some(span),
        });
    }

    /// Runs `body` in a scope of its own (see the module doc).
    fn scope(&mut self, body: &mut dyn FnMut(&mut VarCheck)) {
        let outer_read = self.read.clone();
        let outer_unused = std::mem::take(&mut self.unused);
        body(self);
        let inner = std::mem::replace(&mut self.unused, outer_unused);
        for ((name, version), entry) in inner {
            match entry {
                Use::Used => {
                    if outer_read.get(&name).is_some_and(|&v| version <= v) {
                        self.unused.insert((name, version), Use::Used);
                    }
                }
                Use::Unused { span, overridden } => self.warn_unused(&name, span, overridden),
            }
        }
        self.read = outer_read;
    }

    /// A clause: its patterns as one match, its guard, its body.
    fn clause(&mut self, c: &Clause) {
        self.scope(&mut |s| {
            let patterns: Vec<&Expr> = c.patterns.iter().collect();
            s.head(&patterns);
            if let Some(g) = &c.guard {
                s.expr(g);
            }
            s.expr(&c.body);
        });
    }

    /// A clause whose left side is evaluated, not matched (`cond`, `after`).
    fn expr_clause(&mut self, c: &Clause) {
        self.scope(&mut |s| {
            for p in &c.patterns {
                s.expr(p);
            }
            s.expr(&c.body);
        });
    }

    fn clauses(&mut self, e: Option<&Expr>) {
        if let Some(ExprKind::Clauses(cs)) = e.map(|e| &e.kind) {
            for c in cs {
                self.clause(c);
            }
        }
    }

    /// Patterns matched together (the parameters of a clause, or `left = right`).
    fn head(&mut self, patterns: &[&Expr]) {
        let outer = self.prematch.replace(Prematch {
            version: self.version,
            shadowed: Vec::new(),
        });
        for p in patterns {
            match &p.kind {
                // `pattern when guard` (in `for` and `with` generators).
                ExprKind::BinOp(BinOp::When, pat, guard) => {
                    self.pattern(pat);
                    let inner = self.prematch.take();
                    self.expr(guard);
                    self.prematch = inner;
                }
                _ => self.pattern(p),
            }
        }
        self.prematch = outer;
    }

    fn mark_used(&mut self, name: &str, version: u32) {
        self.unused.insert((name.to_string(), version), Use::Used);
    }

    fn bind(&mut self, name: &str, span: Span) {
        if name == "_" || is_pseudo_variable(name) {
            return;
        }
        let since = self.prematch.as_ref().map_or(0, |p| p.version);
        match self.read.get(name).copied() {
            Some(v) if v >= since => {
                if name.starts_with('_') {
                    self.warnings.push(VarWarning {
                        message: format!(
                            "the underscored variable \"{name}\" appears more than once in a \
                             match. This means the pattern will only match if all \"{name}\" bind \
                             to the same value. If this is the intended behaviour, please remove \
                             the leading underscore from the variable name, otherwise give the \
                             variables different names"
                        ),
                        span: Some(span),
                    });
                }
                self.mark_used(name, v);
            }
            previous => {
                let v = self.version;
                self.version += 1;
                if let Some(m) = self.prematch.as_mut() {
                    m.shadowed.push((name.to_string(), previous));
                }
                self.read.insert(name.to_string(), v);
                self.unused.insert(
                    (name.to_string(), v),
                    Use::Unused {
                        span,
                        overridden: previous.is_some(),
                    },
                );
            }
        }
    }

    fn pattern(&mut self, p: &Expr) {
        match &p.kind {
            ExprKind::Var(name) => self.bind(name, p.span),
            ExprKind::UnOp(UnOp::Pin, inner) => {
                if let ExprKind::Var(name) = &inner.kind {
                    let pinned = self.prematch.as_ref().and_then(|m| {
                        match m.shadowed.iter().find(|(n, _)| n == name) {
                            Some((_, before)) => *before,
                            None => self.read.get(name).copied(),
                        }
                    });
                    if let Some(v) = pinned {
                        self.mark_used(name, v);
                    }
                }
            }
            ExprKind::UnOp(_, inner) => self.pattern(inner),
            ExprKind::BinOp(_, l, r) => {
                self.pattern(l);
                self.pattern(r);
            }
            ExprKind::Tuple(items) => items.iter().for_each(|i| self.pattern(i)),
            ExprKind::List(items, tail) => {
                items.iter().for_each(|i| self.pattern(i));
                if let Some(t) = tail {
                    self.pattern(t);
                }
            }
            ExprKind::Map {
                struct_name,
                base,
                entries,
            } => {
                if let Some(s) = struct_name {
                    self.pattern(s);
                }
                if let Some(b) = base {
                    self.pattern(b);
                }
                for (k, v) in entries {
                    self.pattern(k);
                    self.pattern(v);
                }
            }
            _ => {}
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Var(name) => {
                if is_pseudo_variable(name) {
                    return;
                }
                if let Some(v) = self.read.get(name).copied() {
                    if name.starts_with('_') {
                        self.warnings.push(VarWarning {
                            message: format!(
                                "the underscored variable \"{name}\" is used after being set. A \
                                 leading underscore indicates that the value of the variable \
                                 should be ignored. If this is intended please rename the \
                                 variable to remove the underscore"
                            ),
                            span: Some(e.span),
                        });
                    }
                    self.mark_used(name, v);
                } else if name != "_" {
                    // Not a variable: a call without parentheses (the
                    // compiler has checked that such a function exists).
                    self.warnings.push(VarWarning {
                        message: format!(
                            "variable \"{name}\" does not exist and is being expanded to \
                             \"{name}()\", please use parentheses to remove the ambiguity or \
                             change the variable name"
                        ),
                        span: Some(e.span),
                    });
                    self.calls.push((name.clone(), 0));
                }
            }
            ExprKind::BinOp(BinOp::Match, left, right) => {
                self.expr(right);
                self.head(&[&**left]);
                if let (ExprKind::Var(name), true) = (&left.kind, is_literal(right)) {
                    if let Some(&v) = self.read.get(name) {
                        self.constants.add((name.clone(), v));
                    }
                }
            }
            ExprKind::BinOp(BinOp::Pipe, left, right) => {
                self.expr(left);
                // The piped value becomes the first argument: a literal stands
                // in for it, so that `x |> case do ... end` reads as a `case`.
                match &right.kind {
                    ExprKind::Call {
                        target,
                        args,
                        parens,
                    } => {
                        let mut args = args.clone();
                        args.insert(0, Expr::new(ExprKind::Atom("nil".into()), left.span));
                        self.expr(&Expr::new(
                            ExprKind::Call {
                                target: target.clone(),
                                args,
                                parens: *parens,
                            },
                            right.span,
                        ));
                    }
                    // `x |> name` calls `name(x)`.
                    ExprKind::Var(name) if !self.read.contains_key(name) => {
                        self.calls.push((name.clone(), 1))
                    }
                    _ => self.expr(right),
                }
            }
            ExprKind::BinOp(_, l, r) => {
                self.expr(l);
                self.expr(r);
            }
            ExprKind::UnOp(_, x) => self.expr(x),
            ExprKind::Tuple(items) => items.iter().for_each(|i| self.expr(i)),
            ExprKind::Block(items) => {
                if let Some((last, rest)) = items.split_last() {
                    rest.iter().for_each(|i| self.statement(i));
                    self.expr(last);
                }
            }
            ExprKind::List(items, tail) => {
                items.iter().for_each(|i| self.expr(i));
                if let Some(t) = tail {
                    self.expr(t);
                }
            }
            ExprKind::Map {
                struct_name,
                base,
                entries,
            } => {
                if let Some(s) = struct_name {
                    self.expr(s);
                }
                if let Some(b) = base {
                    self.expr(b);
                }
                for (k, v) in entries {
                    self.expr(k);
                    self.expr(v);
                }
            }
            ExprKind::Interpolated(parts) => {
                for part in parts {
                    if let StrPart::Expr(x) = part {
                        self.expr(x);
                    }
                }
            }
            ExprKind::Access(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Fn(clauses) | ExprKind::Clauses(clauses) => {
                if matches!(e.kind, ExprKind::Fn(_)) {
                    self.check_shadowing(clauses);
                }
                clauses.iter().for_each(|c| self.clause(c))
            }
            ExprKind::Capture(inner) => match &inner.kind {
                // `&name/2` names a function, whatever variables exist.
                ExprKind::BinOp(BinOp::Div, f, arity) => {
                    let name = match &f.kind {
                        ExprKind::Var(name) => Some(name),
                        ExprKind::Call {
                            target: CallTarget::Local(name),
                            args,
                            ..
                        } if args.is_empty() => Some(name),
                        _ => None,
                    };
                    match (name, &arity.kind) {
                        (Some(name), ExprKind::Int(n)) => {
                            self.calls.push((name.clone(), *n as usize))
                        }
                        _ => self.expr(inner),
                    }
                }
                _ => self.expr(inner),
            },
            ExprKind::Call { target, args, .. } => self.call(target, args),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Str(_)
            | ExprKind::Charlist(_)
            | ExprKind::Alias(_)
            | ExprKind::CaptureArg(_)
            | ExprKind::ModuleAttr(..) => {}
        }
    }

    fn call(&mut self, target: &CallTarget, args: &[Expr]) {
        match target {
            CallTarget::Local(name) => {
                if !self.special_form(name, args) {
                    self.calls.push((name.clone(), args.len()));
                    args.iter().for_each(|a| self.expr(a));
                }
            }
            CallTarget::Remote(on, _) => {
                self.expr(on);
                args.iter().for_each(|a| self.expr(a));
            }
            CallTarget::Anonymous(f) => {
                self.expr(f);
                args.iter().for_each(|a| self.expr(a));
            }
        }
    }

    /// Walks the special forms that open scopes; returns whether `name` was one.
    fn special_form(&mut self, name: &str, args: &[Expr]) -> bool {
        let pairs = args.last().and_then(keyword_pairs);
        match (name, args, &pairs) {
            ("if" | "unless", [cond, _], Some(pairs)) => {
                self.expr(cond);
                let then = keyword_get(pairs, "do");
                let other = keyword_get(pairs, "else");
                // `if` is a `case` whose falsy clause comes first.
                let order = if name == "if" {
                    [other, then]
                } else {
                    [then, other]
                };
                for body in order.into_iter().flatten() {
                    self.scope(&mut |s| s.expr(body));
                }
            }
            ("case", [subject, _], Some(pairs)) => {
                self.expr(subject);
                let constant = is_literal(subject)
                    || matches!(&subject.kind, ExprKind::Var(name)
                        if self.read.get(name).is_some_and(|&v| self.constants.contains_key(&(name.clone(), v))));
                let was = self.in_function;
                self.in_function = was && !constant;
                let body = keyword_get(pairs, "do");
                if let Some(ExprKind::Clauses(cs)) = body.map(|e| &e.kind) {
                    self.check_shadowing(cs);
                }
                self.in_function = was;
                if let Some(ExprKind::Clauses(cs)) = body.map(|e| &e.kind) {
                    cs.iter().for_each(|c| self.clause(c));
                }
            }
            ("cond", [_], Some(pairs)) => {
                if let Some(ExprKind::Clauses(cs)) = keyword_get(pairs, "do").map(|e| &e.kind) {
                    cs.iter().for_each(|c| self.expr_clause(c));
                }
            }
            ("receive", [_], Some(pairs)) => {
                for (key, section) in pairs {
                    match (*key, &section.kind) {
                        ("do", ExprKind::Clauses(cs)) => {
                            self.check_shadowing(cs);
                            self.clauses(Some(section));
                        }
                        ("after", ExprKind::Clauses(cs)) => {
                            cs.iter().for_each(|c| self.expr_clause(c))
                        }
                        _ => {}
                    }
                }
            }
            ("try", [_], Some(pairs)) => self.try_sections(pairs),
            ("with", [quals @ .., _], Some(pairs)) => {
                self.scope(&mut |s| {
                    for q in quals {
                        s.qualifier(q);
                    }
                    if let Some(body) = keyword_get(pairs, "do") {
                        s.expr(body);
                    }
                });
                self.clauses(keyword_get(pairs, "else"));
            }
            ("for", [quals @ .., _], Some(pairs)) => self.comprehension(quals, pairs),
            ("match?", [pattern, subject], _) => {
                self.expr(subject);
                self.scope(&mut |s| s.head(&[pattern]));
            }
            _ => return false,
        }
        true
    }

    /// A `for` or `with` qualifier: `pattern <- expr`, or an expression.
    fn qualifier(&mut self, q: &Expr) {
        match &q.kind {
            ExprKind::BinOp(BinOp::LeftArrow, pattern, source) => {
                self.expr(source);
                self.head(&[&**pattern]);
            }
            _ => self.expr(q),
        }
    }

    fn comprehension(&mut self, quals: &[Expr], pairs: &[(&str, &Expr)]) {
        let mut pairs = pairs.to_vec();
        let mut quals = quals;
        // Options written before a `do` block come as a keyword list of their own.
        if let Some((opts, rest)) = quals.split_last() {
            if let Some(extra) = keyword_pairs(opts).filter(|p| !p.is_empty()) {
                pairs.extend(extra);
                quals = rest;
            }
        }
        self.scope(&mut |s| {
            for (key, value) in &pairs {
                if *key != "do" {
                    s.expr(value);
                }
            }
            for q in quals {
                s.qualifier(q);
            }
            if let Some(body) = keyword_get(&pairs, "do") {
                s.expr(body);
            }
        });
    }

    /// The sections of a `try` (or of a function body with `rescue`, ...), in
    /// the order they are written.
    fn try_sections(&mut self, pairs: &[(&str, &Expr)]) {
        for (key, section) in pairs {
            match *key {
                "do" | "after" => self.scope(&mut |s| s.expr(section)),
                "rescue" => {
                    if let ExprKind::Clauses(cs) = &section.kind {
                        for c in cs {
                            self.scope(&mut |s| {
                                for p in &c.patterns {
                                    s.rescue_head(p);
                                }
                                s.expr(&c.body);
                            });
                        }
                    }
                }
                _ => self.clauses(Some(section)),
            }
        }
    }

    /// `e in [A, B]`, `e` or `A` on the left of a `rescue` clause.
    fn rescue_head(&mut self, p: &Expr) {
        match &p.kind {
            ExprKind::BinOp(BinOp::In, var, _) => self.head(&[&**var]),
            ExprKind::Var(_) => self.head(&[p]),
            _ => {}
        }
    }
}

/// Whether `e` is a call to the local `name` (`defmodule`, `def`, ...).
pub fn is_local_call(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(n), .. } if n == name)
}

/// What compiling a module body reports, in the order Elixir prints it.
#[derive(Clone, Debug, PartialEq)]
pub enum ModuleReport {
    /// A variable warning in a function clause, with the function's label
    /// (`Mod.fun/2`): printed when the `def` runs in the module body.
    Var(String, VarWarning),
    /// A private function no public one reaches (or defaults never used),
    /// at the module's first clause of it: printed once the body has run.
    Function(String, Span),
    /// A clause written apart from the earlier clauses of its function:
    /// printed when its `def` runs, after its variable warnings.
    Ungrouped(Ungrouped),
    /// What Elixir says as it stores a definition (defaults on several
    /// clauses, a head after the clauses): printed when its `def` runs,
    /// after its variable warnings.
    Definition(String, Span),
    /// The end of a module's body: the module is compiled to Erlang, whose
    /// own warnings (a division by a known zero, clauses that cannot match,
    /// values dropped) print then.
    End(Atom, Vec<Shadowed>, Vec<Ignored>),
}

/// A function clause separated from the function's earlier clauses by
/// another definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Ungrouped {
    /// `def` or `defp`, as this clause is written.
    pub kind: String,
    /// The function's name.
    pub name: String,
    /// Its arity.
    pub arity: usize,
    /// Whether the definition just before is of the same name (another arity).
    pub same_name: bool,
    /// This clause.
    pub span: Span,
    /// The function's first clause.
    pub previous: Span,
}

impl Ungrouped {
    /// Elixir's words; `file` and `line_of` place the first clause.
    pub fn message(&self, file: &str, line_of: impl Fn(Span) -> usize) -> String {
        let what = if self.same_name {
            "clauses with the same name"
        } else {
            "clauses with the same name and arity (number of arguments)"
        };
        format!(
            "{what} should be grouped together, \"{} {}/{}\" was previously defined ({file}:{})",
            self.kind,
            self.name,
            self.arity,
            line_of(self.previous)
        )
    }
}

/// The reports of the module `defmodule` defines (and of the modules nested
/// in it, where they are), `parent` being the module it is written in.
pub fn module_reports(defmodule: &Expr, parent: Option<Atom>) -> Vec<ModuleReport> {
    let mut out = Vec::new();
    collect_module_reports(defmodule, parent, &mut out);
    out
}

fn collect_module_reports(defmodule: &Expr, parent: Option<Atom>, out: &mut Vec<ModuleReport>) {
    let ExprKind::Call { args, .. } = &defmodule.kind else {
        return;
    };
    let [name, kw] = args.as_slice() else {
        return;
    };
    let (Some(module), Some(body)) = (
        module_atom(name, parent),
        keyword_pairs(kw).and_then(|p| keyword_get(&p, "do")),
    ) else {
        return;
    };
    let module_name = crate::inspect::inspect(&crate::value::Value::Atom(module));
    let mut functions = Functions::default();
    let mut shadowed = Vec::new();
    let mut ignored = Vec::new();
    // The function the last definition was of (Elixir's `last_def`).
    let mut last: Option<(String, usize)> = None;
    // Each function's clauses, in order.
    let mut clauses: Vec<((String, usize), Vec<HeadClause>)> = Vec::new();
    let mut definitions = Definitions::default();
    let mut attributes = Attributes::default();
    let attribute_label = format!("{module_name} (module)");
    let attribute_reports = |found: Vec<(String, Span)>| {
        found.into_iter().map(|(message, span)| {
            ModuleReport::Var(
                attribute_label.clone(),
                VarWarning {
                    message,
                    span: Some(span),
                },
            )
        })
    };
    for item in body_exprs(body) {
        if is_local_call(item, "defmodule") {
            collect_module_reports(item, Some(module), out);
            continue;
        }
        if let ExprKind::ModuleAttr(name, Some(value)) = &item.kind {
            out.extend(attribute_reports(attributes.undefined_reads(value)));
            attributes.set(name);
            continue;
        }
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
        let Ok((head, body)) = def_parts(args, item.span) else {
            continue;
        };
        let Ok((fun, params, guard)) = parse_head(head) else {
            continue;
        };
        let key = (fun.clone(), params.len());
        let previous = functions.defs.get(&key).map(|d| d.span);
        let this_last = last.replace(key.clone());
        let defaults = params
            .iter()
            .filter(|p| matches!(p.kind, ExprKind::BinOp(BinOp::Default, _, _)))
            .count();
        // Elixir expands a definition's default values, then its clause
        // (patterns, guard, body), then the clauses the defaults generate,
        // whose heads hold the defaults again.
        let mut reads = Vec::new();
        for p in &params {
            if let ExprKind::BinOp(BinOp::Default, _, value) = &p.kind {
                reads.extend(attributes.undefined_reads(value));
            }
        }
        for p in &params {
            match &p.kind {
                ExprKind::BinOp(BinOp::Default, pattern, _) => {
                    reads.extend(attributes.undefined_reads(pattern))
                }
                _ => reads.extend(attributes.undefined_reads(p)),
            }
        }
        if let Some(guard) = &guard {
            reads.extend(attributes.undefined_reads(guard));
        }
        if let Some(body) = body {
            reads.extend(attributes.undefined_reads(body));
        }
        if defaults > 0 {
            for p in &params {
                reads.extend(attributes.undefined_reads(p));
            }
        }
        out.extend(attribute_reports(reads));
        // Elixir checks the defaults, then where the definition stands.
        let mut stored = Vec::new();
        let check = definitions.store(
            kind,
            &fun,
            params.len(),
            defaults,
            body.is_some(),
            item.span,
        );
        if check == DefaultsCheck::Mixed {
            stored.push(ModuleReport::Definition(
                mixed_defaults_message(kind, &fun, params.len()),
                item.span,
            ));
        }
        match (previous, this_last) {
            (Some(previous), Some(last)) if last != key => {
                stored.push(ModuleReport::Ungrouped(Ungrouped {
                    kind: kind.clone(),
                    name: fun.clone(),
                    arity: params.len(),
                    same_name: last.0 == fun,
                    span: item.span,
                    previous,
                }))
            }
            (Some(_), Some(_)) if body.is_none() => stored.push(ModuleReport::Definition(
                late_head_message(kind, &fun, params.len()),
                item.span,
            )),
            _ => {}
        }
        let def = functions.defs.get_or_insert(
            key.clone(),
            Def {
                public: kind == "def",
                span: item.span,
                defaults: 0,
            },
        );
        def.defaults = def.defaults.max(defaults);
        // A head without a body only declares defaults: nothing is bound.
        let Some(body) = body else {
            out.extend(stored);
            continue;
        };
        let label = format!("{module_name}.{fun}/{}", params.len());
        let found = VarCheck::function_clause(&params, guard.as_ref(), body);
        for w in found.warnings {
            out.push(ModuleReport::Var(label.clone(), w));
        }
        out.extend(stored);
        shadowed.extend(found.shadowed);
        ignored.extend(found.ignored);
        let patterns = without_defaults(&params);
        let clause = (patterns, guard.is_some(), item.span);
        // A function's clauses usually stand together: look at the last one
        // first, so a module of many functions is not a scan per clause.
        let same = match clauses.last_mut() {
            Some((k, list)) if *k == key => Some(list),
            _ => clauses
                .iter_mut()
                .find(|(k, _)| *k == key)
                .map(|(_, list)| list),
        };
        match same {
            Some(list) => list.push(clause),
            None => clauses.push((key.clone(), vec![clause])),
        }
        functions
            .calls
            .get_or_insert(key, Vec::new())
            .extend(found.calls);
    }
    for ((name, arity), list) in &clauses {
        let function = format!("{name}/{arity}");
        shadowed.extend(shadowed_clauses(
            list.iter().map(|(p, g, s)| (p.as_slice(), *g, *s)),
            Some(&function),
        ));
    }
    for (message, span) in functions.unused() {
        out.push(ModuleReport::Function(message, span));
    }
    out.push(ModuleReport::End(module, shadowed, ignored));
}

/// A function clause's head: its patterns, whether it has a guard, its span.
type HeadClause = (Vec<Expr>, bool, Span);

/// One function of a module (all arities its defaults give it).
struct Def {
    public: bool,
    /// Its first clause (or bodiless head).
    span: Span,
    defaults: usize,
}

/// A module's functions and the local calls each makes, for Elixir's check
/// of private functions: one that no public function reaches, through local
/// calls and captures, is reported at the end of the module body, sorted by
/// name and arity (as is one whose defaults are never used).
#[derive(Default)]
struct Functions {
    defs: SortedMap<(String, usize), Def>,
    calls: SortedMap<(String, usize), Vec<(String, usize)>>,
}

impl Functions {
    /// The function a call of `name/arity` reaches: the one defining that
    /// arity, directly or through defaults.
    fn target(&self, name: &str, arity: usize) -> Option<(String, usize)> {
        // The definitions of `name` stand together in key order.
        self.defs
            .from(&(name.to_string(), 0))
            .take_while(|((n, _), _)| n == name)
            .find(|((_, max), d)| (max - d.defaults..=*max).contains(&arity))
            .map(|(key, _)| key.clone())
    }

    fn unused(&self) -> Vec<(String, Span)> {
        // The arities reached, per function: (name, arity called).
        let mut reached: SortedSet<(String, usize)> = SortedSet::default();
        let mut stack: Vec<(String, usize)> = Vec::new();
        for ((name, max), d) in &self.defs {
            if d.public {
                for arity in max - d.defaults..=*max {
                    stack.push((name.clone(), arity));
                }
            }
        }
        while let Some((name, arity)) = stack.pop() {
            let Some(key) = self.target(&name, arity) else {
                continue;
            };
            if !reached.add((name, arity)) {
                continue;
            }
            // A lower arity calls the full one with the defaults filled in.
            stack.push(key.clone());
            for (callee, n) in self.calls.get(&key).into_iter().flatten() {
                if self.target(callee, *n).is_some() {
                    stack.push((callee.clone(), *n));
                }
            }
        }
        let mut out = Vec::new();
        for ((name, max), d) in &self.defs {
            if d.public {
                continue;
            }
            let min = max - d.defaults;
            let lowest = (min..=*max).find(|a| reached.contains_key(&(name.clone(), *a)));
            let message = match lowest {
                None => format!("function {name}/{max} is unused"),
                Some(a) if a == min => continue,
                Some(a) if a == *max => format!(
                    "default values for the optional arguments in {name}/{max} are never used"
                ),
                Some(1) => format!(
                    "the default value for the first optional argument in {name}/{max} is never used"
                ),
                Some(a) => format!(
                    "the default values for the first {a} optional arguments in {name}/{max} are never used"
                ),
            };
            out.push((message, d.span));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variable warning the modules of `source` give.
    fn module_warnings(source: &str) -> Vec<(String, String)> {
        let ast = crate::parser::parse(source).expect("parses");
        body_exprs(&ast)
            .into_iter()
            .filter(|e| is_local_call(e, "defmodule"))
            .flat_map(|m| module_reports(m, None))
            .filter_map(|r| match r {
                ModuleReport::Var(label, w) => Some((label, w.message)),
                ModuleReport::Function(message, _) | ModuleReport::Definition(message, _) => {
                    Some((String::new(), message))
                }
                ModuleReport::Ungrouped(u) => Some((String::new(), u.message("", |_| 0))),
                ModuleReport::End(_, shadowed, ignored) => shadowed
                    .first()
                    .map(|s| (String::new(), s.message(|_| 0)))
                    .or_else(|| ignored.first().map(|i| (String::new(), i.message.clone()))),
            })
            .collect()
    }

    // Elixir prints nothing when it compiles the prelude's modules, so
    // callcast must not either: a reader sees only their own program's warnings.
    #[test]
    fn the_prelude_gives_no_variable_warnings() {
        for (name, text) in crate::api::PRELUDE {
            assert_eq!(module_warnings(text), Vec::new(), "in {name}");
        }
    }

    // The walk must find what it is meant to find, or the test above proves nothing.
    #[test]
    fn a_module_with_an_unused_parameter_warns() {
        let found = module_warnings("defmodule A.B do\n  def f(x, _y), do: :ok\nend\n");
        assert_eq!(
            found,
            vec![("A.B.f/2".to_string(), unused_message("x", false))]
        );
    }
}
