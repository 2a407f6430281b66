//! Finding code fences in a chapter's Markdown and rewriting the playground ones.
//!
//! The scan follows CommonMark's fence rules (up to three spaces of indentation,
//! a run of three or more backticks or tildes, closed by a run of the same
//! character at least as long) so that a playground fence shown *inside* a longer
//! fence, as an example, stays text.

use std::fmt;

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

/// The option tokens of a playground fence's info string, or `None` when the fence
/// is not a playground (`elixir,playground,height=8` gives `["height=8"]`).
fn playground_options(info: &str) -> Option<Vec<&str>> {
    let mut tokens = info
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty());
    if tokens.next() != Some("elixir") {
        return None;
    }
    let rest: Vec<&str> = tokens.collect();
    rest.contains(&"playground")
        .then(|| rest.into_iter().filter(|t| *t != "playground").collect())
}

/// Rewrites every playground fence of `markdown` into an embed placeholder and
/// leaves everything else byte for byte as it was.
///
/// The placeholder is an HTML block holding a plain ```` ```elixir ```` fence, which
/// mdBook renders as an ordinary code block: what a reader without JavaScript sees,
/// and where the loader reads the source from.
pub fn embed_playgrounds(markdown: &str) -> Result<String, EmbedError> {
    let mut out = String::with_capacity(markdown.len() + 256);
    let mut lines = markdown.split_inclusive('\n').enumerate();
    while let Some((index, line)) = lines.next() {
        let Some(fence) = opening_fence(line) else {
            out.push_str(line);
            continue;
        };
        let line_no = index + 1;
        let options = match playground_options(fence.info) {
            Some(tokens) => Some(EmbedOptions::parse(tokens).map_err(|message| EmbedError {
                line: line_no,
                message,
            })?),
            None => None,
        };
        let mut body = String::new();
        let mut closing = None;
        for (_, inner) in lines.by_ref() {
            if fence.is_closed_by(inner) {
                closing = Some(inner);
                break;
            }
            body.push_str(inner);
        }
        match options {
            None => {
                // Not ours: copy the fence back unchanged (a missing closing line
                // stays missing, as CommonMark allows).
                out.push_str(line);
                out.push_str(&body);
                out.push_str(closing.unwrap_or(""));
            }
            Some(options) if closing.is_some() => {
                write_placeholder(&mut out, &fence, &options, &body);
            }
            Some(_) => {
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

fn write_placeholder(out: &mut String, fence: &Fence<'_>, options: &EmbedOptions, body: &str) {
    let indent = fence.indent;
    let fence_text = fence.fence_text();
    // Blank lines around the inner fence end the HTML block, so mdBook parses the
    // fence as Markdown and highlights it like any other code block.
    out.push_str(&format!(
        "{indent}<div class=\"callcast-embed\" data-callcast-options=\"{}\">\n\n",
        escape_attribute(&options.to_json())
    ));
    out.push_str(&format!("{indent}{fence_text}elixir\n"));
    out.push_str(body);
    out.push_str(&format!("{indent}{fence_text}\n\n{indent}</div>\n"));
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
