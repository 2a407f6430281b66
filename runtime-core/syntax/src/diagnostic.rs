//! Compile-time errors as values with a span, and the one place they are rendered.

use serde::Serialize;

/// A byte range in the source text.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// What kind of compile error, named as Elixir names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub enum DiagnosticKind {
    /// `** (SyntaxError)`: the text does not parse.
    SyntaxError,
    /// `** (TokenMissingError)`: the text ends inside an unfinished construct.
    TokenMissingError,
    /// `** (CompileError)`: it parses, but cannot be compiled (undefined function, ...).
    CompileError,
    /// A construct Elixir has that callcast does not support yet.
    Unsupported,
}

/// A compile-time error.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Diagnostic {
    /// The kind of error.
    pub kind: DiagnosticKind,
    /// The message, without location.
    pub message: String,
    /// Where in the source.
    pub span: Span,
    /// What Elixir prints before the error: the warnings about the code it
    /// had expanded (or run) by then. Empty for most errors.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub warnings: String,
    /// Whether Elixir raises this error while it expands the script (an
    /// undefined local call there), so that `elixir` prints the stack entry
    /// of `Code.require_file/2` under it rather than a blank line.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub while_expanding: bool,
}

impl Diagnostic {
    /// A diagnostic of the given kind.
    pub fn new(kind: DiagnosticKind, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            span,
            warnings: String::new(),
            while_expanding: false,
        }
    }

    /// 1-based line and column of the span's start.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.span.start as usize)
    }

    /// Renders the error as Elixir would print it (after the warnings printed
    /// before it), followed by an excerpt of the offending line with a caret
    /// under the span.
    pub fn render(&self, source: &str, file: &str) -> String {
        let (line, col) = self.line_col(source);
        let head = self.banner(source, file);
        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let width = {
            let start = self.span.start as usize;
            let end = (self.span.end as usize).min(start + text.len().saturating_sub(col - 1));
            source
                .get(start..end.max(start))
                .map(|s| s.chars().count())
                .unwrap_or(1)
                .max(1)
        };
        let gutter = line.to_string();
        let pad = " ".repeat(gutter.len());
        format!(
            "{}{head}\n{pad} |\n{gutter} | {text}\n{pad} | {}{}\n",
            self.warnings,
            " ".repeat(col - 1),
            "^".repeat(width)
        )
    }

    /// The error alone as Elixir prints it (`** (CompileError) file:line:
    /// message`, which may span several lines), without the warnings before
    /// it or callcast's excerpt of the source.
    pub fn banner(&self, source: &str, file: &str) -> String {
        let (line, col) = self.line_col(source);
        match self.kind {
            DiagnosticKind::SyntaxError => {
                format!("** (SyntaxError) {file}:{line}:{col}: {}", self.message)
            }
            DiagnosticKind::TokenMissingError => {
                format!(
                    "** (TokenMissingError) {file}:{line}:{col}: {}",
                    self.message
                )
            }
            DiagnosticKind::CompileError => {
                format!("** (CompileError) {file}:{line}: {}", self.message)
            }
            DiagnosticKind::Unsupported => format!(
                "** (CompileError) {file}:{line}:{col}: not supported by callcast yet: {}",
                self.message
            ),
        }
    }
}

/// Where each line of a text starts: the lines of many offsets in one text
/// (a module's warnings) without counting from the start for each.
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    /// Indexes `text`'s lines.
    pub fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts)
    }

    /// The 1-based line of byte `offset`, as [`line_col`] gives it.
    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_agree_with_line_col() {
        let text = "a\n\nbc\né\n";
        let starts = LineStarts::new(text);
        for offset in 0..=text.len() + 2 {
            if text.is_char_boundary(offset.min(text.len())) {
                assert_eq!(
                    starts.line(offset),
                    line_col(text, offset).0,
                    "offset {offset}"
                );
            }
        }
    }

    #[test]
    fn renders_with_caret_under_span() {
        let src = "x = 1\ny = )\n";
        let d = Diagnostic::new(
            DiagnosticKind::SyntaxError,
            "syntax error before: ')'",
            Span::new(10, 11),
        );
        assert_eq!(
            d.render(src, "demo.exs"),
            "** (SyntaxError) demo.exs:2:5: syntax error before: ')'\n  |\n2 | y = )\n  |     ^\n"
        );
    }
}
