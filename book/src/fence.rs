//! Finding code fences in a chapter's Markdown and grouping the book's own ones
//! into examples.
//!
//! The scan follows CommonMark's fence rules (up to three spaces of indentation,
//! a run of three or more backticks or tildes, closed by a run of the same
//! character at least as long) so that a playground fence shown *inside* a longer
//! fence, as an example, stays text.
//!
//! Four kinds of fence belong to the book:
//!
//! - ```` ```elixir,playground ```` — a live example (options in [`EmbedOptions`]);
//! - ```` ```elixir,playground,setup ```` — code that runs before the *next*
//!   example but is not in its editor;
//! - ```` ```elixir,check ```` — hidden checks appended to the reader's code when
//!   they press Check, for the *previous* example, which must be an `exercise`;
//! - ```` ```elixir,solution ```` — that exercise's solution.
//!
//! A line `{{#playground FILE OPTIONS}}` is the fence ```` ```elixir,playground
//! OPTIONS ```` with the text of FILE (relative to the chapter) as its body; see
//! [`crate::include`].

use std::fmt;
use std::path::Path;

use crate::include::{self, Line};
use crate::options::EmbedOptions;

/// A playground fence that could not be turned into an editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedError {
    /// 1-based line of the fence's opening line.
    pub line: usize,
    /// What is wrong, for the book's author.
    pub message: String,
}

impl fmt::Display for EmbedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

impl std::error::Error for EmbedError {}

/// One live example of a chapter, with everything attached to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// 1-based line of the example's fence.
    pub line: usize,
    /// Code that runs before the example, not shown in its editor.
    pub setup: String,
    /// The code in the editor.
    pub code: String,
    /// The fence's options.
    pub options: EmbedOptions,
    /// The hidden checks of an exercise.
    pub check: Option<String>,
    /// The solution of an exercise.
    pub solution: Option<String>,
    /// The file the code was read from (`{{#playground FILE}}`), as written.
    pub included: Option<String>,
}

impl Example {
    /// What the example runs: the setup, then the code.
    pub fn program(&self) -> String {
        format!("{}{}", self.setup, self.code)
    }

    /// What Check runs with `code` in the editor: setup, code, then the checks.
    pub fn checked_program(&self, code: &str) -> Option<String> {
        let check = self.check.as_ref()?;
        let mut program = format!("{}{}", self.setup, code);
        if !program.ends_with('\n') {
            program.push('\n');
        }
        program.push_str(check);
        Some(program)
    }
}

/// An opening fence line.
struct Fence<'a> {
    indent: &'a str,
    marker: char,
    len: usize,
    info: &'a str,
}

impl Fence<'_> {
    fn is_closed_by(&self, line: &str) -> bool {
        let Some((_, rest)) = split_indent(line) else {
            return false;
        };
        let run = rest.chars().take_while(|&c| c == self.marker).count();
        run >= self.len && rest[run..].trim().is_empty()
    }

    fn fence_text(&self) -> String {
        self.marker.to_string().repeat(self.len)
    }

    /// A body line without the fence's own indentation, as CommonMark reads it.
    fn unindent<'l>(&self, line: &'l str) -> &'l str {
        let spaces = line
            .bytes()
            .take(self.indent.len())
            .take_while(|&b| b == b' ')
            .count();
        &line[spaces..]
    }
}

/// Splits off at most three spaces of indentation; `None` when the line is
/// indented further (an indented code block, not a fence).
fn split_indent(line: &str) -> Option<(&str, &str)> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    (spaces <= 3).then(|| line.split_at(spaces))
}

fn opening_fence(line: &str) -> Option<Fence<'_>> {
    let (indent, rest) = split_indent(line)?;
    let marker = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.chars().take_while(|&c| c == marker).count();
    if len < 3 {
        return None;
    }
    let info = rest[len..].trim();
    if marker == '`' && info.contains('`') {
        return None;
    }
    Some(Fence {
        indent,
        marker,
        len,
        info,
    })
}

/// What a fence's info string makes of it.
enum Kind<'a> {
    /// Not the book's: copied through.
    Other,
    /// A live example with these option tokens.
    Playground(Vec<&'a str>),
    /// Setup for the next example.
    Setup,
    /// Checks for the previous exercise.
    Check,
    /// The previous exercise's solution.
    Solution,
}

fn kind(info: &str) -> Kind<'_> {
    kind_of(
        info.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty()),
    )
}

/// The kind of a fence whose info string splits into `tokens`.
fn kind_of<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Kind<'a> {
    if tokens.next() != Some("elixir") {
        return Kind::Other;
    }
    let rest: Vec<&str> = tokens.collect();
    if rest.contains(&"playground") {
        let options: Vec<&str> = rest.into_iter().filter(|t| *t != "playground").collect();
        if options == ["setup"] {
            return Kind::Setup;
        }
        return Kind::Playground(options);
    }
    match rest.as_slice() {
        ["check"] => Kind::Check,
        ["solution"] => Kind::Solution,
        _ => Kind::Other,
    }
}

/// A piece of a chapter: text copied as it is, or one of the book's fences.
enum Piece<'a> {
    Text(String),
    Book {
        line: usize,
        fence: Fence<'a>,
        kind: Kind<'a>,
        /// The body as written (with the fence's indentation).
        raw: String,
        /// The body as code (indentation removed).
        code: String,
        /// The file the body was read from, for `{{#playground FILE}}`.
        included: Option<&'a str>,
    },
}

/// Splits `markdown` into text and the book's fences; `{{#playground FILE}}`
/// lines read FILE relative to `base`.
fn pieces<'a>(markdown: &'a str, base: &Path) -> Result<Vec<Piece<'a>>, EmbedError> {
    let mut out = Vec::new();
    let mut lines = markdown.split_inclusive('\n').enumerate();
    while let Some((index, line)) = lines.next() {
        let line_no = index + 1;
        let Some(fence) = opening_fence(line) else {
            out.push(included(line, line_no, base)?);
            continue;
        };
        let kind = kind(fence.info);
        let mut raw = String::new();
        let mut code = String::new();
        let mut closing = None;
        for (_, inner) in lines.by_ref() {
            if fence.is_closed_by(inner) {
                closing = Some(inner);
                break;
            }
            raw.push_str(inner);
            code.push_str(fence.unindent(inner));
        }
        match (kind, closing) {
            (Kind::Other, closing) => {
                // Not ours: copy the fence back unchanged (a missing closing line
                // stays missing, as CommonMark allows).
                out.push(Piece::Text(format!("{line}{raw}{}", closing.unwrap_or(""))));
            }
            (kind, Some(_)) => out.push(Piece::Book {
                line: line_no,
                fence,
                kind,
                raw,
                code,
                included: None,
            }),
            (_, None) => {
                return Err(EmbedError {
                    line: line_no,
                    message: format!(
                        "this playground fence is never closed (expected a line of {})",
                        fence.fence_text()
                    ),
                })
            }
        }
    }
    Ok(out)
}

/// A line outside fences: text, or the example a `{{#playground FILE}}` line
/// stands for.
fn included<'a>(line: &'a str, line_no: usize, base: &Path) -> Result<Piece<'a>, EmbedError> {
    let error = |message: String| EmbedError {
        line: line_no,
        message,
    };
    let directive = match include::classify(line) {
        Line::Plain => return Ok(Piece::Text(line.to_owned())),
        Line::Stray => {
            return Err(error(
                "`{{#playground FILE OPTIONS}}` must stand on a line of its own \
                 (write `\\{{#playground ...}}` to show it as text)"
                    .to_owned(),
            ))
        }
        Line::Directive(directive) => directive,
    };
    let code = directive.read(base).map_err(error)?;
    // Indented as the directive, so the block stays in its list item; blank
    // lines stay blank.
    let raw = code
        .split_inclusive('\n')
        .map(|body_line| {
            if body_line.trim().is_empty() {
                body_line.to_owned()
            } else {
                format!("{}{body_line}", directive.indent)
            }
        })
        .collect();
    let kind = kind_of(
        ["elixir", "playground"]
            .into_iter()
            .chain(directive.options.iter().copied()),
    );
    Ok(Piece::Book {
        line: line_no,
        fence: Fence {
            indent: directive.indent,
            marker: '`',
            len: include::fence_length(&code),
            info: "",
        },
        kind,
        raw,
        code,
        included: Some(directive.path),
    })
}

/// What the rewriting and the example list both need: the pieces, with setup,
/// check and solution fences attached to their example.
enum Item<'a> {
    Text(String),
    Example {
        fence: Fence<'a>,
        example: Box<Example>,
        /// The visible code as written in the chapter (indentation kept).
        raw: String,
        /// The solution as written, when there is one.
        raw_solution: Option<String>,
        raw_setup: Option<String>,
    },
}

fn items<'a>(markdown: &'a str, base: &Path) -> Result<Vec<Item<'a>>, EmbedError> {
    let mut items: Vec<Item<'_>> = Vec::new();
    let mut pending_setup: Option<(usize, String, String)> = None;
    for piece in pieces(markdown, base)? {
        let (line, fence, kind, raw, code, included) = match piece {
            Piece::Text(text) => {
                items.push(Item::Text(text));
                continue;
            }
            Piece::Book {
                line,
                fence,
                kind,
                raw,
                code,
                included,
            } => (line, fence, kind, raw, code, included),
        };
        let error = |message: &str| EmbedError {
            line,
            message: message.to_owned(),
        };
        match kind {
            // `pieces` copies foreign fences through as text.
            Kind::Other => {}
            Kind::Setup => {
                if pending_setup.is_some() {
                    return Err(error("two setup fences in a row: merge them into one"));
                }
                pending_setup = Some((line, raw, code));
            }
            Kind::Playground(tokens) => {
                let options =
                    EmbedOptions::parse(tokens).map_err(|message| EmbedError { line, message })?;
                let (setup, raw_setup) = match pending_setup.take() {
                    Some((_, raw, code)) => (code, Some(raw)),
                    None => (String::new(), None),
                };
                items.push(Item::Example {
                    fence,
                    example: Box::new(Example {
                        line,
                        setup,
                        code,
                        options,
                        check: None,
                        solution: None,
                        included: included.map(str::to_owned),
                    }),
                    raw,
                    raw_solution: None,
                    raw_setup,
                });
            }
            Kind::Check | Kind::Solution => {
                let is_check = matches!(kind, Kind::Check);
                let Some(Item::Example {
                    example,
                    raw_solution,
                    ..
                }) = last_example(&mut items)
                else {
                    return Err(error(
                        "a check or solution fence must follow an `elixir,playground,exercise` fence",
                    ));
                };
                if !example.options.exercise {
                    return Err(error(
                        "a check or solution fence must follow an `elixir,playground,exercise` fence",
                    ));
                }
                let slot = if is_check {
                    &mut example.check
                } else {
                    &mut example.solution
                };
                if slot.is_some() {
                    return Err(error("this exercise already has one of these"));
                }
                *slot = Some(code);
                if !is_check {
                    *raw_solution = Some(raw);
                }
            }
        }
    }
    if let Some((line, _, _)) = pending_setup {
        return Err(EmbedError {
            line,
            message: "a setup fence must be followed by an `elixir,playground` fence".to_owned(),
        });
    }
    for item in &items {
        if let Item::Example { example, .. } = item {
            if example.options.exercise && example.check.is_none() {
                return Err(EmbedError {
                    line: example.line,
                    message: "an exercise needs an `elixir,check` fence after it".to_owned(),
                });
            }
        }
    }
    Ok(items)
}

/// The last example, if nothing but whitespace follows it.
fn last_example<'i, 'a>(items: &'i mut [Item<'a>]) -> Option<&'i mut Item<'a>> {
    for item in items.iter_mut().rev() {
        match item {
            Item::Text(text) if text.trim().is_empty() => continue,
            Item::Text(_) => return None,
            example => return Some(example),
        }
    }
    None
}

/// Every live example of a chapter, in order, with its setup, checks and solution;
/// `base` is the chapter's directory, where `{{#playground FILE}}` finds FILE.
pub fn examples(markdown: &str, base: &Path) -> Result<Vec<Example>, EmbedError> {
    Ok(items(markdown, base)?
        .into_iter()
        .filter_map(|item| match item {
            Item::Example { example, .. } => Some(*example),
            Item::Text(_) => None,
        })
        .collect())
}

/// Rewrites every playground fence of `markdown` into an embed placeholder and
/// leaves everything else byte for byte as it was.
///
/// The placeholder is an HTML block holding a plain ```` ```elixir ```` fence, which
/// mdBook renders as an ordinary code block: what a reader without JavaScript sees,
/// and where the loader reads the source from. Setup code and solutions become
/// collapsed `<details>` blocks, readable without JavaScript too. `base` is the
/// chapter's directory, where `{{#playground FILE}}` finds FILE.
pub fn embed_playgrounds(markdown: &str, base: &Path) -> Result<String, EmbedError> {
    let mut out = String::with_capacity(markdown.len() + 256);
    for item in items(markdown, base)? {
        match item {
            Item::Text(text) => out.push_str(&text),
            Item::Example {
                fence,
                example,
                raw,
                raw_solution,
                raw_setup,
            } => {
                if let Some(setup) = raw_setup {
                    write_details(
                        &mut out,
                        &fence,
                        "callcast-setup",
                        "Setup code (runs before the example)",
                        &setup,
                    );
                }
                write_placeholder(&mut out, &fence, &example, &raw);
                if let Some(solution) = raw_solution {
                    write_details(
                        &mut out,
                        &fence,
                        "callcast-solution",
                        "Show solution",
                        &solution,
                    );
                }
            }
        }
    }
    Ok(out)
}

fn write_placeholder(out: &mut String, fence: &Fence<'_>, example: &Example, body: &str) {
    let indent = fence.indent;
    let fence_text = fence.fence_text();
    let options = example
        .options
        .to_json(&example.setup, example.check.as_deref());
    // Blank lines around the inner fence end the HTML block, so mdBook parses the
    // fence as Markdown and highlights it like any other code block.
    out.push_str(&format!(
        "{indent}<div class=\"callcast-embed\" data-callcast-options=\"{}\">\n\n",
        escape_attribute(&options)
    ));
    out.push_str(&format!("{indent}{fence_text}elixir\n"));
    out.push_str(body);
    out.push_str(&format!("{indent}{fence_text}\n\n{indent}</div>\n"));
}

fn write_details(out: &mut String, fence: &Fence<'_>, class: &str, summary: &str, body: &str) {
    let indent = fence.indent;
    let fence_text = fence.fence_text();
    out.push_str(&format!(
        "{indent}<details class=\"{class}\"><summary>{summary}</summary>\n\n"
    ));
    out.push_str(&format!("{indent}{fence_text}elixir\n"));
    out.push_str(body);
    out.push_str(&format!("{indent}{fence_text}\n\n{indent}</details>\n\n"));
}

fn escape_attribute(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}
