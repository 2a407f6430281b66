//! `{{#playground FILE OPTIONS}}`: a live example whose code lives in a file
//! beside the chapter.
//!
//! The line is read as the fence ```` ```elixir,playground OPTIONS ```` with the
//! file's text as its body, so every option and rule of a fence holds for it
//! (`{{#playground setup.exs setup}}` is a setup block). The syntax is mdBook's
//! own `{{#playground}}` and `{{#include}}` link: a path relative to the
//! chapter, then space-separated options; a backslash (`\{{#playground ...}}`)
//! escapes it, and mdBook's `links` preprocessor, which runs after this one,
//! removes the backslash.
//!
//! Only a line of its own is a directive: anywhere else an unescaped one would
//! reach mdBook's `links` preprocessor, which would turn it into a Rust
//! playground, so it is an error instead.

use std::path::Path;

/// The name after `{{#`.
const NAME: &str = "playground";

/// What a line of Markdown outside fences holds, as far as includes go.
pub(crate) enum Line<'a> {
    /// Nothing of ours.
    Plain,
    /// A directive standing on its own line.
    Directive(Directive<'a>),
    /// A directive mixed with other text (or unclosed).
    Stray,
}

/// A `{{#playground FILE OPTIONS}}` line.
pub(crate) struct Directive<'a> {
    /// The line's indentation (at most three spaces).
    pub indent: &'a str,
    /// The file, relative to the chapter's directory.
    pub path: &'a str,
    /// The options, as they would follow `elixir,playground` in a fence.
    pub options: Vec<&'a str>,
}

impl Directive<'_> {
    /// The file's text, ending with a newline; the error names the path as
    /// written (the build error adds the chapter).
    pub fn read(&self, base: &Path) -> Result<String, String> {
        let mut text = std::fs::read_to_string(base.join(self.path)).map_err(|error| {
            format!(
                "cannot read `{}` (the file of `{{{{#{NAME} {}}}}}`, relative to the chapter): {error}",
                self.path, self.path
            )
        })?;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text)
    }
}

/// Reads one line (with or without its line ending).
pub(crate) fn classify(line: &str) -> Line<'_> {
    let Some(start) = unescaped_directive(line) else {
        return Line::Plain;
    };
    let body = line.trim_end();
    let spaces = body.bytes().take_while(|&b| b == b' ').count();
    if start != spaces || spaces > 3 {
        return Line::Stray;
    }
    let Some(inner) = body[spaces..]
        .strip_prefix("{{")
        .and_then(|rest| rest.strip_suffix("}}"))
    else {
        return Line::Stray;
    };
    if inner.contains(['{', '}']) {
        return Line::Stray;
    }
    let mut words = inner.split_whitespace();
    if words.next() != Some(&format!("#{NAME}")[..]) {
        return Line::Stray;
    }
    let Some(path) = words.next() else {
        return Line::Stray;
    };
    Line::Directive(Directive {
        indent: &body[..spaces],
        path,
        options: words.collect(),
    })
}

/// Where the first unescaped `{{#playground` of `line` starts.
fn unescaped_directive(line: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = line[from..].find("{{") {
        let at = from + offset;
        let rest = line[at + 2..].trim_start();
        let named = rest
            .strip_prefix('#')
            .and_then(|rest| rest.strip_prefix(NAME))
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t', '}']));
        let escaped = line[..at].ends_with('\\');
        if named && !escaped {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The shortest backtick fence that cannot be closed by a line of `text`.
pub(crate) fn fence_length(text: &str) -> usize {
    let longest = text
        .lines()
        .map(|line| line.trim_start().bytes().take_while(|&b| b == b'`').count())
        .max()
        .unwrap_or(0);
    (longest + 1).max(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive(line: &str) -> Option<(String, String, Vec<String>)> {
        match classify(line) {
            Line::Directive(d) => Some((
                d.indent.to_owned(),
                d.path.to_owned(),
                d.options.iter().map(|o| (*o).to_owned()).collect(),
            )),
            _ => None,
        }
    }

    #[test]
    fn a_line_of_its_own_is_a_directive() {
        assert_eq!(
            directive("{{#playground examples/flood.exs views=mailbox height=20}}\n"),
            Some((
                String::new(),
                "examples/flood.exs".to_owned(),
                vec!["views=mailbox".to_owned(), "height=20".to_owned()]
            ))
        );
        assert_eq!(
            directive("  {{ #playground a.exs }}"),
            Some(("  ".to_owned(), "a.exs".to_owned(), vec![]))
        );
    }

    #[test]
    fn escaped_and_other_links_are_plain() {
        assert!(matches!(
            classify("Write \\{{#playground a.exs}} on a line."),
            Line::Plain
        ));
        assert!(matches!(classify("{{#include a.exs}}"), Line::Plain));
        assert!(matches!(classify("{{#playgrounds a.exs}}"), Line::Plain));
    }

    #[test]
    fn a_directive_inside_text_is_stray() {
        assert!(matches!(
            classify("see {{#playground a.exs}} here"),
            Line::Stray
        ));
        assert!(matches!(classify("{{#playground}}"), Line::Stray));
        assert!(matches!(classify("{{#playground a.exs"), Line::Stray));
        assert!(matches!(classify("    {{#playground a.exs}}"), Line::Stray));
    }

    #[test]
    fn the_fence_outlasts_the_text() {
        assert_eq!(fence_length("IO.puts(1)\n"), 3);
        assert_eq!(fence_length("x = \"\"\"\n````\n"), 5);
    }
}
