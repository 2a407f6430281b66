//! The compiler: syntax tree → bytecode. Modules are collected first (so calls can
//! be checked against every module's functions), then each function's clauses
//! are compiled into one [`Function`] with pattern matching as jumps.

mod builder;
mod definitions;
mod directives;
mod expr;
mod fuse;
mod ignored;
mod liveness;
mod loop_frames;
mod pattern;
mod sorted_map;
mod unreachable;
mod unused;

use std::rc::Rc;

use crate::ast::{BinOp, Clause, Expr, ExprKind};
use crate::atom::Atom;
use crate::bytecode::{FailKind, Function, FunctionId, MainFile, Op, Program};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::value::Value;

use builder::FnBuilder;
use definitions::{duplicate_defaults_message, DefaultsCheck, Definitions};
use sorted_map::SortedMap;

/// A compile result.
pub type CResult<T> = Result<T, Diagnostic>;

fn err<T>(kind: DiagnosticKind, message: impl Into<String>, span: Span) -> CResult<T> {
    Err(Diagnostic::new(kind, message, span))
}

fn unsupported<T>(what: impl Into<String>, span: Span) -> CResult<T> {
    err(DiagnosticKind::Unsupported, what, span)
}

/// Whether a function is public.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Visibility {
    Public,
    Private,
}

/// What pass 1 learned about a module: which functions it defines.
#[derive(Default, Clone)]
struct ModuleSig {
    defs: SortedMap<(String, u32), Visibility>,
    struct_fields: Option<Vec<(Atom, Expr)>>,
    is_exception: bool,
}

/// One function clause as written, with the module attributes in force where it was.
struct ClauseDef {
    params: Vec<Expr>,
    guard: Option<Expr>,
    body: Expr,
    attrs: Rc<SortedMap<String, Expr>>,
    span: Span,
}

/// Per-module context during pass 2.
#[derive(Clone, Default)]
struct ModuleCtx {
    module: Option<Atom>,
    aliases: SortedMap<String, Vec<String>>,
    attrs: Rc<SortedMap<String, Expr>>,
    imports: Vec<Atom>,
}

/// The behaviour a `use` names whose `__using__` defines `child_spec/1`.
fn child_spec_behaviour(args: &[Expr]) -> Option<&'static str> {
    match &args.first()?.kind {
        ExprKind::Alias(parts) => match parts.join(".").as_str() {
            "GenServer" => Some("GenServer"),
            "Agent" => Some("Agent"),
            "Task" => Some("Task"),
            "Supervisor" => Some("Supervisor"),
            _ => None,
        },
        _ => None,
    }
}

/// The `child_spec/1` that `use GenServer` (or Agent, Task, Supervisor)
/// defines: the behaviour's default specification, with the options given to
/// `use` laid over it by `Supervisor.child_spec/2`.
fn child_spec_clause(
    behaviour: &str,
    options: Option<&Expr>,
    span: Span,
    attrs: Rc<SortedMap<String, Expr>>,
) -> ClauseDef {
    let e = |kind| Expr::new(kind, span);
    let atom = |a: &str| e(ExprKind::Atom(a.into()));
    let module = || e(ExprKind::Var("__MODULE__".into()));
    let arg = || e(ExprKind::Var("init_arg".into()));
    let start = e(ExprKind::Tuple(vec![
        module(),
        atom("start_link"),
        e(ExprKind::List(vec![arg()], None)),
    ]));
    let mut entries = vec![(atom("id"), module()), (atom("start"), start)];
    match behaviour {
        "Task" => entries.push((atom("restart"), atom("temporary"))),
        "Supervisor" => entries.push((atom("type"), atom("supervisor"))),
        _ => {}
    }
    let default = e(ExprKind::Map {
        struct_name: None,
        base: None,
        entries,
    });
    let options = options
        .cloned()
        .unwrap_or_else(|| e(ExprKind::List(Vec::new(), None)));
    let supervisor = e(ExprKind::Alias(vec!["Elixir".into(), "Supervisor".into()]));
    let body = e(ExprKind::Call {
        target: crate::ast::CallTarget::Remote(Box::new(supervisor), "child_spec".into()),
        args: vec![default, options],
        parens: true,
    });
    ClauseDef {
        params: vec![arg()],
        guard: None,
        body,
        attrs,
        span,
    }
}

/// A source file to compile: its name (for messages) and syntax tree.
pub struct SourceFile<'a> {
    /// Name shown in messages.
    pub name: &'a str,
    /// The parsed file (a `Block`).
    pub ast: &'a Expr,
    /// Whether its top-level code is the program's main script (else only modules).
    pub is_main: bool,
    /// Its text (to place errors in files other than the main one).
    pub text: &'a str,
    /// Where its lines start, indexed the first time a warning needs one
    /// (`SourceFile::line`).
    pub lines: std::cell::OnceCell<crate::diagnostic::LineStarts>,
}

impl SourceFile<'_> {
    /// The 1-based line of byte `offset` in the file's text.
    pub fn line(&self, offset: u32) -> usize {
        self.lines
            .get_or_init(|| crate::diagnostic::LineStarts::new(self.text))
            .line(offset as usize)
    }
}

/// An error in a library file is the runtime's fault, not the reader's: say
/// where it is instead of pointing into the reader's code.
fn internal(file: &SourceFile<'_>, d: Diagnostic) -> Diagnostic {
    if file.is_main {
        return d;
    }
    let (line, col) = d.line_col(file.text);
    Diagnostic::new(
        DiagnosticKind::CompileError,
        format!(
            "internal error in the prelude ({}:{line}:{col}): {}",
            file.name, d.message
        ),
        Span::default(),
    )
}

/// Compiles source files (the prelude first, then the user's file) into one program.
pub fn compile(files: &[SourceFile<'_>]) -> CResult<Program> {
    // The compiler checks remote calls against the natives, and the program
    // it makes calls them: the runtime's table must hold them all.
    callcast_natives::install();
    let mut c = Compiler {
        program: Program::default(),
        sigs: SortedMap::default(),
        fns: Vec::new(),
        ctx: ModuleCtx::default(),
        gensym: 0,
        in_main_file: false,
        module_warnings: SortedMap::default(),
        failed_module: None,
    };
    let mut modules = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let ctx = ModuleCtx::default();
        let mut found = Vec::new();
        c.collect_modules(file.ast, &ctx, &mut found)
            .map_err(|d| internal(file, d))?;
        modules.extend(found.into_iter().map(|(n, b, ctx)| (i, n, b, ctx)));
    }
    for (i, name, body, ctx) in &modules {
        c.in_main_file = files[*i].is_main;
        let before = c.program.warnings.len();
        if let Err(d) = c.compile_module(*name, body, ctx) {
            let file = &files[*i];
            if !file.is_main {
                return Err(internal(file, d));
            }
            match c.failed_top_level_module(*name, d, file) {
                // The modules after it are never reached: they are not compiled.
                Ok(failed) => {
                    c.failed_module = Some(failed);
                    break;
                }
                Err(d) => return Err(d),
            }
        }
        let found: Vec<_> = c
            .program
            .warnings
            .drain(before..)
            .filter_map(|(message, span)| Some((message, span?)))
            .collect();
        if !found.is_empty() {
            c.module_warnings
                .get_or_insert(name.index(), Vec::new())
                .extend(found);
        }
    }
    loop_frames::share_loop_frames(&mut c.program);
    for file in files.iter().filter(|f| f.is_main) {
        c.in_main_file = true;
        c.program.main_file = MainFile::new(file.name, file.text);
        let id = c
            .compile_main(file)
            .map_err(|d| warnings_before_script_error(d, file))?;
        c.program.main = Some(id);
        c.program.compile_error = c.failed_module.take().map(|f| f.error);
    }
    Ok(c.program)
}

/// A warning as Elixir prints it: the text, then where (the file alone when
/// there is no line), then a blank line.
fn render_warning(message: &str, span: Option<Span>, file: &SourceFile<'_>) -> String {
    match span {
        Some(span) => {
            let line = file.line(span.start);
            format!("warning: {message}\n  {}:{line}\n\n", file.name)
        }
        None => format!("warning: {message}\n  {}\n\n", file.name),
    }
}

/// A compile error in the script's own code: Elixir stops expanding the file
/// there, having printed the warnings it gave on the way.
fn warnings_before_script_error(mut d: Diagnostic, file: &SourceFile<'_>) -> Diagnostic {
    if d.kind == DiagnosticKind::CompileError {
        let items = body_exprs(file.ast);
        for w in unused::VarCheck::script_before_error(&items, d.span.start) {
            d.warnings
                .push_str(&render_warning(&w.message, w.span, file));
        }
    }
    d
}

/// Orders warnings as the Erlang compiler prints a module's: by line, then as
/// it sorts the warnings of one line ([`ignored::Rank`]), then by text.
fn sort_erlang(warnings: &mut [(String, Span, ignored::Rank)], file: &SourceFile<'_>) {
    let mut lines: Vec<usize> = warnings
        .iter()
        .map(|(_, span, _)| file.line(span.start))
        .collect();
    // An insertion sort, stable: the lists are short, and a library sort
    // costs kilobytes of code per element type in the browser download.
    for i in 1..warnings.len() {
        let mut j = i;
        while j > 0 {
            let (a, b) = (&warnings[j - 1], &warnings[j]);
            if (lines[j - 1], &a.2, &a.0) <= (lines[j], &b.2, &b.0) {
                break;
            }
            warnings.swap(j - 1, j);
            lines.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Adds the values computed and dropped to a list of Erlang warnings.
fn push_ignored(warnings: &mut Vec<(String, Span, ignored::Rank)>, found: Vec<ignored::Ignored>) {
    for i in found {
        warnings.push((i.message, i.span, i.rank));
    }
}

/// A division by a known zero, as the Erlang compiler ranks it.
fn eval_failure((message, span): (String, Span)) -> (String, Span, ignored::Rank) {
    (
        message,
        span,
        ignored::Rank::of(ignored::Class::EvalFailure),
    )
}

/// The compiler's state across a whole program.
struct Compiler {
    program: Program,
    sigs: SortedMap<u32, ModuleSig>,
    /// Functions being compiled, innermost (the current one) last.
    fns: Vec<FnBuilder>,
    ctx: ModuleCtx,
    gensym: u32,
    /// Whether the code being compiled is the main file's (warnings are kept
    /// for it only; the prelude is known not to warn).
    in_main_file: bool,
    /// The warnings found while compiling each module of the main file; they
    /// print when the script reaches the module's definition.
    module_warnings: SortedMap<u32, Vec<(String, Span)>>,
    /// A main-file module that does not compile: the script raises its error
    /// where the module's `defmodule` stands.
    failed_module: Option<FailedModule>,
}

/// A module of the script whose compile error Elixir meets only when the
/// script reaches its `defmodule`, after running the code above it.
struct FailedModule {
    /// Which of the script's top-level expressions the `defmodule` is.
    item: usize,
    /// What Elixir prints while it compiles the module, up to the error.
    warnings: String,
    /// The error.
    error: Diagnostic,
}

/// The module a `defmodule` names, written inside `outer` (if any): a nested
/// module's name is prefixed by its parent's.
fn module_atom(name: &Expr, outer: Option<Atom>) -> Option<Atom> {
    match &name.kind {
        ExprKind::Atom(erlang_name) => Some(Atom::intern(erlang_name)),
        ExprKind::Alias(parts) => {
            let mut full = match outer {
                Some(m) => vec![m.name().trim_start_matches("Elixir.").to_string()],
                None => Vec::new(),
            };
            full.extend(parts.iter().cloned());
            Some(alias_atom(&full))
        }
        _ => None,
    }
}

/// The atom an alias names (`Foo.Bar` → `Elixir.Foo.Bar`).
pub fn alias_atom(parts: &[String]) -> Atom {
    // `Elixir.Enum` names the same module as `Enum`.
    match parts {
        [first, rest @ ..] if first == "Elixir" && !rest.is_empty() => {
            Atom::intern(&parts.join("."))
        }
        _ => Atom::intern(&format!("Elixir.{}", parts.join("."))),
    }
}

/// The keyword list of a `do` block argument: `[do: ..., else: ...]`.
fn keyword_pairs(e: &Expr) -> Option<Vec<(&str, &Expr)>> {
    match &e.kind {
        ExprKind::List(items, None) => {
            let mut pairs = Vec::with_capacity(items.len());
            for item in items {
                let ExprKind::Tuple(kv) = &item.kind else {
                    return None;
                };
                match kv.as_slice() {
                    [Expr {
                        kind: ExprKind::Atom(k),
                        ..
                    }, v] => pairs.push((k.as_str(), v)),
                    _ => return None,
                }
            }
            Some(pairs)
        }
        _ => None,
    }
}

fn keyword_get<'a>(pairs: &[(&str, &'a Expr)], key: &str) -> Option<&'a Expr> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The expressions of a body (a `Block` or a single expression).
fn body_exprs(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Block(items) => items.iter().collect(),
        _ => vec![e],
    }
}

/// Splits `def` arguments into head and keyword body.
fn def_parts(args: &[Expr], span: Span) -> CResult<(&Expr, Option<&Expr>)> {
    match args {
        [head] => Ok((head, None)),
        [head, body] => Ok((head, Some(body))),
        _ => err(DiagnosticKind::SyntaxError, "invalid def", span),
    }
}

/// A function head: name, parameters (defaults still inside), guard.
fn parse_head(head: &Expr) -> CResult<(String, Vec<Expr>, Option<Expr>)> {
    match &head.kind {
        ExprKind::BinOp(BinOp::When, call, guard) => {
            let (name, params, _) = parse_head(call)?;
            Ok((name, params, Some((**guard).clone())))
        }
        ExprKind::Call {
            target: crate::ast::CallTarget::Local(name),
            args,
            ..
        } => Ok((name.clone(), args.clone(), None)),
        ExprKind::Var(name) => Ok((name.clone(), Vec::new(), None)),
        _ => err(
            DiagnosticKind::CompileError,
            "invalid function head",
            head.span,
        ),
    }
}

/// How many parameters have defaults, and the arity range of a head.
fn arities(params: &[Expr]) -> (u32, u32) {
    let defaults = params
        .iter()
        .filter(|p| matches!(p.kind, ExprKind::BinOp(BinOp::Default, _, _)))
        .count() as u32;
    let n = params.len() as u32;
    (n - defaults, n)
}

impl Compiler {
    fn f(&mut self) -> &mut FnBuilder {
        self.fns.last_mut().expect("a function is being compiled")
    }

    fn gensym(&mut self, base: &str) -> String {
        self.gensym += 1;
        format!("{base} {}", self.gensym)
    }

    fn current_module(&self) -> Atom {
        self.ctx.module.unwrap_or(Atom::ELIXIR)
    }

    /// Resolves an alias through `alias` declarations.
    fn resolve_alias(&self, parts: &[String]) -> Atom {
        if let Some(first) = parts.first() {
            if let Some(full) = self.ctx.aliases.get(first) {
                let mut all = full.clone();
                all.extend(parts[1..].iter().cloned());
                return alias_atom(&all);
            }
        }
        alias_atom(parts)
    }

    // ---- pass 1: modules and their functions ------------------------------

    fn collect_modules(
        &mut self,
        file: &Expr,
        outer: &ModuleCtx,
        out: &mut Vec<(Atom, Expr, ModuleCtx)>,
    ) -> CResult<()> {
        for e in body_exprs(file) {
            if let ExprKind::Call {
                target: crate::ast::CallTarget::Local(name),
                args,
                ..
            } = &e.kind
            {
                if name == "defmodule" {
                    self.collect_module(e, args, outer, out)?;
                }
            }
        }
        Ok(())
    }

    fn collect_module(
        &mut self,
        e: &Expr,
        args: &[Expr],
        outer: &ModuleCtx,
        out: &mut Vec<(Atom, Expr, ModuleCtx)>,
    ) -> CResult<()> {
        let (name_expr, body) = match args {
            [n, kw] => match keyword_pairs(kw).and_then(|p| keyword_get(&p, "do").cloned()) {
                Some(body) => (n, body),
                None => {
                    return err(
                        DiagnosticKind::SyntaxError,
                        "defmodule needs a do block",
                        e.span,
                    )
                }
            },
            _ => return err(DiagnosticKind::SyntaxError, "invalid defmodule", e.span),
        };
        let Some(atom) = module_atom(name_expr, outer.module) else {
            return unsupported("a module name that is not an alias", name_expr.span);
        };
        let parts: Vec<String> = atom
            .name()
            .trim_start_matches("Elixir.")
            .split('.')
            .map(String::from)
            .collect();
        let mut ctx = outer.clone();
        if outer.module.is_some() {
            // Inside the parent, the nested module is reachable by its short name.
            if let (ExprKind::Alias(short), Some(first)) = (&name_expr.kind, parts.first()) {
                let _ = first;
                if let Some(s) = short.first() {
                    ctx.aliases
                        .insert(s.clone(), parts[..parts.len() - short.len() + 1].to_vec());
                }
            }
        }
        ctx.module = Some(atom);
        let mut sig = ModuleSig::default();
        let mut uses_child_spec = false;
        for item in body_exprs(&body) {
            if let ExprKind::Call {
                target: crate::ast::CallTarget::Local(kind),
                args,
                ..
            } = &item.kind
            {
                match kind.as_str() {
                    "def" | "defp" => {
                        let (head, _) = def_parts(args, item.span)?;
                        let (name, params, _) = parse_head(head)?;
                        let (lo, hi) = arities(&params);
                        let vis = if kind == "def" {
                            Visibility::Public
                        } else {
                            Visibility::Private
                        };
                        for a in lo..=hi {
                            sig.defs.insert((name.clone(), a), vis);
                        }
                    }
                    "defstruct" | "defexception" => {
                        sig.is_exception = kind == "defexception";
                        let fields = struct_fields(args, item.span)?;
                        let mut names: Vec<Atom> = fields.iter().map(|(f, _)| *f).collect();
                        if kind == "defexception" {
                            names.insert(0, Atom::intern("__exception__"));
                        }
                        crate::inspect::declare_struct(atom, names);
                        sig.struct_fields = Some(fields);
                    }
                    "defmodule" => self.collect_module(item, args, &ctx, out)?,
                    "use" if child_spec_behaviour(args).is_some() => {
                        uses_child_spec = true;
                    }
                    "defmacro" | "defmacrop" | "defguard" | "defguardp" | "defdelegate"
                    | "defimpl" | "defprotocol" | "defoverridable" => {
                        return unsupported(kind.clone(), item.span)
                    }
                    _ => {}
                }
            }
        }
        if sig.struct_fields.is_some() {
            sig.defs
                .insert(("__struct__".into(), 0), Visibility::Public);
        }
        if uses_child_spec {
            sig.defs
                .get_or_insert(("child_spec".into(), 1), Visibility::Public);
        }
        if sig.is_exception {
            // `defexception` defines `exception/1` unless the module does.
            sig.defs
                .get_or_insert(("exception".into(), 1), Visibility::Public);
        }
        self.sigs.insert(atom.index(), sig);
        out.push((atom, body, ctx));
        Ok(())
    }

    // ---- pass 2: compiling modules ----------------------------------------

    fn compile_module(&mut self, module: Atom, body: &Expr, ctx: &ModuleCtx) -> CResult<()> {
        self.ctx = ctx.clone();
        self.ctx.module = Some(module);
        let mut attrs: SortedMap<String, Expr> = SortedMap::default();
        let mut groups: Vec<((String, u32), Visibility, Vec<ClauseDef>)> = Vec::new();
        let mut declared_defaults: SortedMap<(String, u32), Vec<Expr>> = SortedMap::default();
        let mut snapshot = Rc::new(attrs.clone());
        let mut definitions = Definitions::default();
        // The `child_spec/1` a `use` defines, unless the module does.
        let mut child_spec: Option<ClauseDef> = None;
        self.program.modules.entry(module).or_default();
        for item in body_exprs(body) {
            match &item.kind {
                ExprKind::ModuleAttr(name, Some(value)) => match name.as_str() {
                    "impl" | "doc" | "moduledoc" | "spec" | "behaviour" | "type" | "typep"
                    | "opaque" | "callback" | "typedoc" => {}
                    _ => {
                        attrs.insert(name.clone(), (**value).clone());
                        snapshot = Rc::new(attrs.clone());
                        self.ctx.attrs = snapshot.clone();
                    }
                },
                ExprKind::Call {
                    target: crate::ast::CallTarget::Local(kind),
                    args,
                    ..
                } => match kind.as_str() {
                    "def" | "defp" => {
                        let (head, body_kw) = def_parts(args, item.span)?;
                        let (name, params, guard) = parse_head(head)?;
                        let arity = params.len() as u32;
                        let (required, all) = arities(&params);
                        let defaults = (all - required) as usize;
                        let check = definitions.store(
                            kind,
                            &name,
                            params.len(),
                            defaults,
                            body_kw.is_some(),
                            item.span,
                        );
                        if check == DefaultsCheck::Duplicate {
                            return err(
                                DiagnosticKind::CompileError,
                                duplicate_defaults_message(kind, &name, params.len()),
                                item.span,
                            );
                        }
                        // The definition that declares defaults (a bodiless
                        // head, or any one clause) gives the function its
                        // lower arities, wherever it is written.
                        if defaults > 0 {
                            declared_defaults.insert((name.clone(), arity), params.clone());
                        }
                        let body = match body_kw {
                            Some(kw) => def_body(kw, item.span)?,
                            None => continue,
                        };
                        let vis = if kind == "def" {
                            Visibility::Public
                        } else {
                            Visibility::Private
                        };
                        let clause = ClauseDef {
                            params,
                            guard,
                            body,
                            attrs: snapshot.clone(),
                            span: item.span,
                        };
                        match groups
                            .iter_mut()
                            .find(|(k, _, _)| k.0 == name && k.1 == arity)
                        {
                            Some((_, _, clauses)) => clauses.push(clause),
                            None => groups.push(((name, arity), vis, vec![clause])),
                        }
                    }
                    "defmodule" | "defstruct" | "defexception" => {}
                    "use" => {
                        self.compile_use(args, item.span)?;
                        if let Some(behaviour) = child_spec_behaviour(args) {
                            child_spec = Some(child_spec_clause(
                                behaviour,
                                args.get(1),
                                item.span,
                                snapshot.clone(),
                            ));
                        }
                    }
                    "alias" => self.declare_alias(args, item.span)?,
                    "import" => {
                        if let Some(Expr {
                            kind: ExprKind::Alias(parts),
                            ..
                        }) = args.first()
                        {
                            let m = self.resolve_alias(parts);
                            self.ctx.imports.push(m);
                        }
                    }
                    "require" | "@" => {}
                    _ => {
                        return unsupported(
                            "code that runs in a module body (other than definitions)",
                            item.span,
                        )
                    }
                },
                _ => {
                    return unsupported(
                        "code that runs in a module body (other than definitions)",
                        item.span,
                    )
                }
            }
        }
        if let Some((message, span)) = definitions.unimplemented() {
            return err(DiagnosticKind::CompileError, message, span);
        }
        let sig = self.sigs.get(&module.index()).cloned().unwrap_or_default();
        if let Some(fields) = &sig.struct_fields {
            self.compile_struct_function(module, fields, sig.is_exception)?;
        }
        let defines_exception = groups
            .iter()
            .any(|((name, arity), _, _)| name == "exception" && *arity == 1);
        if sig.is_exception && !defines_exception {
            self.compile_default_exception_function(module);
        }
        if let Some(clause) = child_spec {
            if !groups
                .iter()
                .any(|((n, a), _, _)| n == "child_spec" && *a == 1)
            {
                groups.push((("child_spec".into(), 1), Visibility::Public, vec![clause]));
            }
        }
        for ((name, arity), _vis, mut clauses) in groups {
            if let (Some(first), Some(head)) = (
                clauses.first_mut(),
                declared_defaults.get(&(name.clone(), arity)),
            ) {
                first.params = with_head_defaults(std::mem::take(&mut first.params), head);
            }
            self.compile_defaults(module, &name, &clauses)?;
            let id = self.compile_function(module, &name, arity, &clauses)?;
            let info = self.program.modules.entry(module).or_default();
            info.functions.insert((Atom::intern(&name), arity), id);
        }
        let info = self.program.modules.entry(module).or_default();
        for ((name, arity), vis) in &sig.defs {
            if *vis == Visibility::Private {
                info.private.push((Atom::intern(name), *arity));
            }
        }
        Ok(())
    }

    fn compile_use(&mut self, args: &[Expr], span: Span) -> CResult<()> {
        let ex_unit = matches!(
            args.first().map(|a| &a.kind),
            Some(ExprKind::Alias(parts)) if parts.join(".") == "ExUnit.Case"
        );
        if ex_unit || child_spec_behaviour(args).is_some() {
            Ok(())
        } else {
            unsupported("`use` of this module", span)
        }
    }

    fn declare_alias(&mut self, args: &[Expr], span: Span) -> CResult<()> {
        let parts = match args.first().map(|a| &a.kind) {
            Some(ExprKind::Alias(parts)) => parts.clone(),
            _ => return unsupported("this form of alias", span),
        };
        let full: Vec<String> = self
            .resolve_alias(&parts)
            .name()
            .trim_start_matches("Elixir.")
            .split('.')
            .map(String::from)
            .collect();
        let short = match args.get(1).and_then(keyword_pairs) {
            Some(p) => match keyword_get(&p, "as").map(|e| &e.kind) {
                Some(ExprKind::Alias(a)) => a.join("."),
                _ => return unsupported("this form of alias", span),
            },
            None => parts.last().cloned().unwrap_or_default(),
        };
        self.ctx.aliases.insert(short, full);
        Ok(())
    }

    /// `__struct__/0` returning the struct with its defaults (and `__exception__`).
    fn compile_struct_function(
        &mut self,
        module: Atom,
        fields: &[(Atom, Expr)],
        exception: bool,
    ) -> CResult<()> {
        self.fns.push(FnBuilder::new(
            module,
            "__struct__/0".into(),
            Some(Atom::intern("__struct__")),
            0,
        ));
        let mut n = 0;
        if exception {
            self.f().push_const(Value::atom("__exception__"));
            self.f().push_const(Value::TRUE);
            n += 1;
        }
        self.f().push_const(Value::Atom(Atom::STRUCT));
        self.f().push_const(Value::Atom(module));
        n += 1;
        for (k, v) in fields {
            self.f().push_const(Value::Atom(*k));
            self.expr(v)?;
            n += 1;
        }
        self.f().emit(Op::MakeMap(n));
        self.f().emit(Op::Return);
        let id = self.finish_function();
        self.program
            .modules
            .entry(module)
            .or_default()
            .functions
            .insert((Atom::intern("__struct__"), 0), id);
        Ok(())
    }

    /// The `exception/1` that `defexception` defines: builds the struct from a
    /// keyword list or a message (`Exception.__default_exception__/2`).
    fn compile_default_exception_function(&mut self, module: Atom) {
        self.fns.push(FnBuilder::new(
            module,
            "exception/1".into(),
            Some(Atom::intern("exception")),
            1,
        ));
        self.f().push_const(Value::Atom(module));
        self.f().emit(Op::Load(0));
        let imp = self.f().import(
            Atom::intern("Elixir.Exception"),
            Atom::intern("__default_exception__"),
            2,
        );
        self.f().emit(Op::TailCall(imp, 2));
        let id = self.finish_function();
        self.program
            .modules
            .entry(module)
            .or_default()
            .functions
            .insert((Atom::intern("exception"), 1), id);
    }

    /// For `def f(a, b \\ 1)`, the lower-arity entry points that fill in defaults.
    fn compile_defaults(&mut self, module: Atom, name: &str, clauses: &[ClauseDef]) -> CResult<()> {
        let Some(first) = clauses.first() else {
            return Ok(());
        };
        let params = &first.params;
        let (lo, hi) = arities(params);
        for arity in lo..hi {
            let given = arity as usize;
            let required = lo as usize;
            let mut defaults_taken = given - required;
            self.fns.push(FnBuilder::new(
                module,
                format!("{name}/{arity}"),
                Some(Atom::intern(name)),
                given,
            ));
            let mut next_arg = 0u32;
            let mut starts = Vec::with_capacity(params.len());
            for p in params {
                starts.push(self.f().code.len());
                match &p.kind {
                    ExprKind::BinOp(BinOp::Default, _, default) => {
                        if defaults_taken > 0 {
                            defaults_taken -= 1;
                            self.f().emit(Op::Load(next_arg));
                            next_arg += 1;
                        } else {
                            self.expr(default)?;
                        }
                    }
                    _ => {
                        self.f().emit(Op::Load(next_arg));
                        next_arg += 1;
                    }
                }
            }
            let imp = self
                .f()
                .import(module, Atom::intern(name), params.len() as u32);
            self.f().emit_tail_call(imp, &starts);
            let id = self.finish_function();
            self.program
                .modules
                .entry(module)
                .or_default()
                .functions
                .insert((Atom::intern(name), arity), id);
        }
        Ok(())
    }

    fn compile_function(
        &mut self,
        module: Atom,
        name: &str,
        arity: u32,
        clauses: &[ClauseDef],
    ) -> CResult<FunctionId> {
        self.fns.push(FnBuilder::new(
            module,
            format!("{name}/{arity}"),
            Some(Atom::intern(name)),
            arity as usize,
        ));
        for clause in clauses {
            self.ctx.attrs = clause.attrs.clone();
            self.f().span = clause.span;
            let params = without_defaults(&clause.params);
            let c = Clause {
                patterns: params,
                guard: clause.guard.clone(),
                body: clause.body.clone(),
                span: clause.span,
            };
            let args: Vec<u32> = (0..arity).collect();
            self.function_clause(&c, &args)?;
        }
        self.f().emit(Op::Nil);
        self.f().emit(Op::Fail(FailKind::FunctionClause));
        Ok(self.finish_function())
    }

    /// One clause of a function whose arguments are in `arg_slots`: match,
    /// guard, body in tail position; falls through to the next clause on failure.
    fn function_clause(&mut self, c: &Clause, arg_slots: &[u32]) -> CResult<()> {
        let fail = self.f().new_label();
        let depth = self.f().depth;
        let mark = self.f().slot_mark();
        self.f().push_scope();
        let mut bound = Vec::new();
        for (pat, slot) in c.patterns.iter().zip(arg_slots) {
            let names_slot = |name: &String, bound: &[String]| {
                name != "_" && name != "__MODULE__" && !bound.contains(name)
            };
            // A plain variable parameter names the argument's own slot.
            if let ExprKind::Var(name) = &pat.kind {
                if names_slot(name, &bound) {
                    self.f().bind_to(name, *slot);
                    bound.push(name.clone());
                    continue;
                }
            }
            // So does the variable of `pattern = name` (or `name = pattern`),
            // and the pattern is matched against the argument where it lies.
            if let ExprKind::BinOp(BinOp::Match, left, right) = &pat.kind {
                let named = match (&left.kind, &right.kind) {
                    (_, ExprKind::Var(name)) if names_slot(name, &bound) => Some((name, left)),
                    (ExprKind::Var(name), _) if names_slot(name, &bound) => Some((name, right)),
                    _ => None,
                };
                if let Some((name, rest)) = named {
                    self.f().bind_to(name, *slot);
                    bound.push(name.clone());
                    self.f().emit(Op::Load(*slot));
                    self.pattern(rest, fail, &mut bound)?;
                    continue;
                }
            }
            self.f().emit(Op::Load(*slot));
            self.pattern(pat, fail, &mut bound)?;
        }
        if let Some(g) = &c.guard {
            self.guard(g, fail)?;
        }
        self.tail(&c.body)?;
        self.f().pop_scope();
        self.f().release_slots(mark);
        self.f().place(fail);
        self.f().depth = depth;
        self.f().emit(Op::Truncate(depth));
        Ok(())
    }

    /// Finishes the innermost function and adds it to the program.
    fn finish_function(&mut self) -> FunctionId {
        let mut b = self.fns.pop().expect("a function is being compiled");
        b.finish_code();
        liveness::mark_last_uses(&mut b.code, b.arity, b.locals);
        b.fold_store_moves();
        fuse::fuse_matches(&mut b.code);
        fuse::fuse_exported_tests(&mut b.code, &b.imports);
        fuse::skip_idle_truncates(&mut b.code);
        let id = self.program.functions.len() as FunctionId;
        let capture_slots = b.captures.iter().map(|(_, own)| *own).collect();
        self.program.functions.push(Rc::new(Function {
            id,
            module: b.module,
            name: b.name,
            fun_name: b.fun_name,
            arity: b.arity,
            locals: b.locals,
            code: b.code,
            spans: b.spans,
            consts: b.consts,
            imports: b.imports,
            dynamic: b.dynamic,
            lambdas: b.lambdas,
            capture_slots,
            in_main_file: self.in_main_file,
        }));
        id
    }

    /// The script's top-level code. Elixir expands the whole file before
    /// running it, so the file's own warnings print first (the session prints
    /// [`Program::warnings`] before running); a module's warnings print when
    /// its `defmodule` runs, after the output of the code above it.
    fn compile_main(&mut self, file: &SourceFile<'_>) -> CResult<FunctionId> {
        self.ctx = ModuleCtx::default();
        self.fns
            .push(FnBuilder::new(Atom::ELIXIR, "(file)".into(), None, 0));
        let items = body_exprs(file.ast);
        let value = items.iter().rposition(|e| !is_call_named(e, "defmodule"));
        // Unused aliases and imports are reported once the script has run.
        let unused = self.unused_directives_text(&items, file);
        let tail_value =
            unused.is_empty() && value.is_some() && value == items.len().checked_sub(1);
        for (i, item) in items.iter().enumerate() {
            if let Some(failed) = self.failed_module.as_ref().filter(|f| f.item == i) {
                let text = failed.warnings.clone();
                let raise = compile_error_raise(&failed.error, file, item.span);
                if !text.is_empty() {
                    self.statement(&stderr_write(text, item.span))?;
                }
                self.statement(&raise)?;
            } else if is_call_named(item, "defmodule") {
                let text = self.module_warning_text(item, file);
                if !text.is_empty() {
                    self.statement(&stderr_write(text, item.span))?;
                }
            } else if Some(i) == value && tail_value {
                // The script's last expression is in tail position, as in
                // the function the BEAM compiles a script into: a call there
                // leaves no `(file)` frame in a stack trace.
                self.tail(item)?;
            } else if Some(i) == value {
                self.expr(item)?;
            } else {
                self.statement(item)?;
            }
        }
        if !unused.is_empty() {
            let span = items.last().map_or_else(Span::default, |e| e.span);
            self.statement(&stderr_write(unused, span))?;
        }
        if value.is_none() {
            self.f().emit(Op::Nil);
        }
        if !tail_value {
            self.f().emit(Op::Return);
        }
        let id = self.finish_function();
        let found = unused::VarCheck::script(&items);
        let mut erlang = Vec::new();
        for (message, span) in std::mem::take(&mut self.program.warnings) {
            if let Some(span) = span {
                erlang.push(eval_failure((message, span)));
            }
        }
        push_ignored(&mut erlang, found.ignored);
        sort_erlang(&mut erlang, file);
        for w in found.warnings {
            self.program.warnings.push((w.message, w.span));
        }
        for (message, span, _) in erlang {
            self.program.warnings.push((message, Some(span)));
        }
        Ok(id)
    }

    /// A compile error in a module of the main file. Elixir meets it when
    /// the script reaches the module's `defmodule`: the script's own warnings
    /// have printed, and those of the modules defined before; then the
    /// failing module's, as far as Elixir got — all of its functions' for an
    /// undefined function (checked once the body has run), those written
    /// before the error otherwise. This is the whole text printed before the
    /// error, for a program reported as not compiling.
    fn warnings_before_module_error(
        &mut self,
        mut d: Diagnostic,
        file: &SourceFile<'_>,
    ) -> Diagnostic {
        if d.kind != DiagnosticKind::CompileError {
            return d;
        }
        let items = body_exprs(file.ast);
        let script = unused::VarCheck::script(&items);
        let mut text: String = script
            .warnings
            .iter()
            .map(|w| render_warning(&w.message, w.span, file))
            .collect();
        let mut erlang = Vec::new();
        push_ignored(&mut erlang, script.ignored);
        sort_erlang(&mut erlang, file);
        for (message, span, _) in erlang {
            text.push_str(&render_warning(&message, Some(span), file));
        }
        let at = d.span.start;
        for item in items.iter().filter(|e| is_call_named(e, "defmodule")) {
            if !(item.span.start..item.span.end).contains(&at) {
                text.push_str(&self.module_warning_text(item, file));
                continue;
            }
            text.push_str(&failing_module_text(item, &d, file));
            break;
        }
        d.warnings = text;
        d
    }

    /// A compile error in a module written at the top of the script: Elixir
    /// runs the script up to that module's `defmodule`, prints what it
    /// printed while compiling the module, and raises the error there. Any
    /// other compile error (in a nested module) stops the program before it
    /// runs, as before.
    fn failed_top_level_module(
        &mut self,
        module: Atom,
        d: Diagnostic,
        file: &SourceFile<'_>,
    ) -> Result<FailedModule, Diagnostic> {
        let items = body_exprs(file.ast);
        let found = items.iter().position(|item| match &item.kind {
            ExprKind::Call { args, .. } if is_call_named(item, "defmodule") => args
                .first()
                .and_then(|name| module_atom(name, None))
                .is_some_and(|m| m == module),
            _ => false,
        });
        match found {
            Some(index)
                if d.kind == DiagnosticKind::CompileError
                    && (items[index].span.start..items[index].span.end).contains(&d.span.start) =>
            {
                let warnings = failing_module_text(items[index], &d, file);
                let error = self.warnings_before_module_error(d, file);
                Ok(FailedModule {
                    item: index,
                    warnings,
                    error,
                })
            }
            _ => Err(self.warnings_before_module_error(d, file)),
        }
    }

    /// The warnings about unused aliases and imports, which Elixir prints
    /// once the script has run to its end.
    fn unused_directives_text(&self, items: &[&Expr], file: &SourceFile<'_>) -> String {
        let exports = |module: Atom, name: &str, arity: usize| {
            let arity = arity as u32;
            self.sigs.get(&module.index()).is_some_and(|s| {
                s.defs.get(&(name.to_string(), arity)) == Some(&Visibility::Public)
            }) || crate::native::lookup(module, Atom::intern(name), arity).is_some()
        };
        let mut text = String::new();
        for (message, span) in directives::unused(items, &exports) {
            let line = file.line(span.start);
            text.push_str(&format!("warning: {message}\n  {}:{line}\n\n", file.name));
        }
        text
    }

    /// Everything Elixir prints while it defines the module of `defmodule`.
    fn module_warning_text(&mut self, defmodule: &Expr, file: &SourceFile<'_>) -> String {
        let line = |span: Span| file.line(span.start);
        let mut text = String::new();
        for report in unused::module_reports(defmodule, None) {
            match report {
                unused::ModuleReport::End(module, shadowed, dropped) => {
                    let shadow = ignored::Rank::of(ignored::Class::Shadowed);
                    let mut found = Vec::new();
                    let failures = self.module_warnings.remove(&module.index());
                    for failure in failures.unwrap_or_default() {
                        found.push(eval_failure(failure));
                    }
                    for s in &shadowed {
                        found.push((s.message(line), s.span, shadow.clone()));
                    }
                    push_ignored(&mut found, dropped);
                    sort_erlang(&mut found, file);
                    for (message, span, _) in found {
                        text.push_str(&render_warning(&message, Some(span), file));
                    }
                }
                report => text.push_str(&report_text(&report, file)),
            }
        }
        text
    }
}

/// What Elixir prints while it compiles the module of `defmodule` up to its
/// compile error `d`: all of its functions' warnings for an undefined
/// function (checked once the body has run) or a head without clauses (once
/// every definition is stored), those written before the error otherwise.
fn failing_module_text(defmodule: &Expr, d: &Diagnostic, file: &SourceFile<'_>) -> String {
    let at = d.span.start;
    let whole_body = d.message.starts_with("undefined function");
    let all_definitions = whole_body || d.message.starts_with("implementation not provided");
    let mut text = String::new();
    for report in unused::module_reports(defmodule, None) {
        let printed = match &report {
            unused::ModuleReport::Var(_, w) => {
                all_definitions || w.span.is_some_and(|s| s.start <= at)
            }
            unused::ModuleReport::Definition(_, span) => all_definitions || span.start < at,
            unused::ModuleReport::Ungrouped(u) => all_definitions || u.span.start < at,
            unused::ModuleReport::Function(..) => whole_body,
            unused::ModuleReport::End(..) => false,
        };
        if printed {
            text.push_str(&report_text(&report, file));
        }
    }
    text
}

/// A report of a module's definitions as Elixir prints it (the module's
/// end, whose Erlang warnings are ranked together, prints nothing here).
fn report_text(report: &unused::ModuleReport, file: &SourceFile<'_>) -> String {
    let line = |span: Span| file.line(span.start);
    match report {
        unused::ModuleReport::Var(label, w) => {
            let place = match w.span {
                Some(span) => format!("{}:{}", file.name, line(span)),
                None => file.name.to_string(),
            };
            format!("warning: {}\n  {place}: {label}\n\n", w.message)
        }
        unused::ModuleReport::Ungrouped(u) => {
            render_warning(&u.message(file.name, line), Some(u.span), file)
        }
        unused::ModuleReport::Function(message, span)
        | unused::ModuleReport::Definition(message, span) => {
            render_warning(message, Some(*span), file)
        }
        unused::ModuleReport::End(..) => String::new(),
    }
}

/// The script's expression that raises a module's compile error where the
/// module's `defmodule` stands (`Callcast.Runner.__compile_error__/3`).
fn compile_error_raise(error: &Diagnostic, file: &SourceFile<'_>, span: Span) -> Expr {
    let mk = |kind| Expr::new(kind, span);
    let (line, _) = error.line_col(file.text);
    let runner = mk(ExprKind::Alias(vec![
        "Elixir".into(),
        "Callcast".into(),
        "Runner".into(),
    ]));
    mk(ExprKind::Call {
        target: crate::ast::CallTarget::Remote(Box::new(runner), "__compile_error__".into()),
        args: vec![
            mk(ExprKind::Str(file.name.to_string())),
            mk(ExprKind::Int(line as i64)),
            mk(ExprKind::Str(error.message.clone())),
        ],
        parens: true,
    })
}

/// `IO.write(:stderr, text)`.
fn stderr_write(text: String, span: Span) -> Expr {
    let mk = |kind| Expr::new(kind, span);
    mk(ExprKind::Call {
        target: crate::ast::CallTarget::Remote(
            Box::new(mk(ExprKind::Alias(vec!["IO".into()]))),
            "write".into(),
        ),
        args: vec![mk(ExprKind::Atom("stderr".into())), mk(ExprKind::Str(text))],
        parens: true,
    })
}

fn is_call_named(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Call { target: crate::ast::CallTarget::Local(n), .. } if n == name)
}

/// The body of a `def`: its `do:` expression, wrapped in `try` when the def
/// has `rescue`/`catch`/`after` sections.
fn def_body(kw: &Expr, span: Span) -> CResult<Expr> {
    let pairs = match keyword_pairs(kw) {
        Some(p) => p,
        None => return err(DiagnosticKind::SyntaxError, "expected a do block", span),
    };
    let body = match keyword_get(&pairs, "do") {
        Some(b) => b.clone(),
        None => return err(DiagnosticKind::SyntaxError, "expected a do block", span),
    };
    if pairs.len() == 1 {
        return Ok(body);
    }
    Ok(Expr::new(
        ExprKind::Call {
            target: crate::ast::CallTarget::Local("try".into()),
            args: vec![kw.clone()],
            parens: false,
        },
        span,
    ))
}

/// A clause's parameters with the defaults its bodiless head declared
/// (`def f(a, b \\ 1)` followed by clauses without defaults).
fn with_head_defaults(params: Vec<Expr>, head: &[Expr]) -> Vec<Expr> {
    let mut out = Vec::with_capacity(head.len());
    for (p, h) in params.into_iter().zip(head) {
        out.push(match (&p.kind, &h.kind) {
            (ExprKind::BinOp(BinOp::Default, _, _), _) => p,
            (_, ExprKind::BinOp(BinOp::Default, _, default)) => {
                let span = p.span;
                Expr::new(
                    ExprKind::BinOp(BinOp::Default, Box::new(p), default.clone()),
                    span,
                )
            }
            _ => p,
        });
    }
    out
}

/// The patterns of `params`, their defaults (`\\ value`) left out.
fn without_defaults(params: &[Expr]) -> Vec<Expr> {
    let mut patterns = Vec::with_capacity(params.len());
    for p in params {
        patterns.push(match &p.kind {
            ExprKind::BinOp(BinOp::Default, pattern, _) => (**pattern).clone(),
            _ => p.clone(),
        });
    }
    patterns
}

/// `defstruct [a: 1, b: nil]` or `defstruct [:a, :b]`.
fn struct_fields(args: &[Expr], span: Span) -> CResult<Vec<(Atom, Expr)>> {
    let list = match args.first().map(|a| &a.kind) {
        Some(ExprKind::List(items, None)) => items,
        _ => return unsupported("this form of defstruct", span),
    };
    let nil = Expr::new(ExprKind::Atom("nil".into()), span);
    let mut fields = Vec::with_capacity(list.len());
    for item in list {
        let field = match &item.kind {
            ExprKind::Atom(a) => (Atom::intern(a), nil.clone()),
            ExprKind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
                ExprKind::Atom(a) => (Atom::intern(a), kv[1].clone()),
                _ => return unsupported("this form of defstruct", item.span),
            },
            _ => return unsupported("this form of defstruct", item.span),
        };
        fields.push(field);
    }
    Ok(fields)
}
