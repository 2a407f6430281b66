//! What the editor's overlay draws under the text: highlighted tokens and the
//! marker under an error's span.
//!
//! The tokens come from the runtime's own lexer ([`runtime_core::lexer::highlight`]),
//! so the colours follow exactly what the language accepts; this module only maps
//! its classes to CSS classes and fills the gaps (whitespace) with plain text.

use std::ops::Range;

use runtime_core::lexer::{highlight, HighlightClass};

/// A piece of the source and the CSS class it is drawn with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the source.
    pub range: Range<usize>,
    /// CSS class (`cc-tok-*`).
    pub class: &'static str,
}

/// The CSS class a lexer class is drawn with (colours in `callcast.css`).
pub fn css_class(class: HighlightClass) -> &'static str {
    match class {
        HighlightClass::Keyword => "cc-tok-keyword",
        HighlightClass::Atom => "cc-tok-atom",
        HighlightClass::String => "cc-tok-string",
        HighlightClass::Number => "cc-tok-number",
        HighlightClass::Comment => "cc-tok-comment",
        HighlightClass::Module => "cc-tok-module",
        HighlightClass::Function => "cc-tok-function",
        HighlightClass::Variable => "cc-tok-variable",
        HighlightClass::Operator => "cc-tok-operator",
        HighlightClass::Punctuation => "cc-tok-punctuation",
        HighlightClass::Error => "cc-tok-error",
    }
}

/// Splits the source into highlighted tokens covering all of it, in order.
///
/// The lexer's tokens leave whitespace out and, in principle, could overlap or
/// point past a character boundary; the overlay must still show every byte once,
/// so gaps become `cc-tok-plain` and anything out of order is skipped.
pub fn tokens(source: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    let plain = |range: Range<usize>| Token {
        range,
        class: "cc-tok-plain",
    };
    for token in highlight(source) {
        let start = token.span.start as usize;
        let end = (token.span.end as usize).min(source.len());
        if start < at
            || start >= end
            || !source.is_char_boundary(start)
            || !source.is_char_boundary(end)
        {
            continue;
        }
        if start > at {
            out.push(plain(at..start));
        }
        out.push(Token {
            range: start..end,
            class: css_class(token.class),
        });
        at = end;
    }
    if at < source.len() {
        out.push(plain(at..source.len()));
    }
    out
}

/// A run of text drawn one way: a token, or the part of one under the error marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run<'a> {
    /// The text.
    pub text: &'a str,
    /// The token's CSS class.
    pub class: &'static str,
    /// Whether the error marker underlines it.
    pub marked: bool,
}

/// Cuts `tokens` where the error `marker` (a byte range) starts and ends. An empty
/// marker widens to the character after it, so an error at a point stays visible.
pub fn runs<'a>(source: &'a str, tokens: &[Token], marker: Option<Range<usize>>) -> Vec<Run<'a>> {
    let marker = marker.map(|m| widen_to_chars(source, m));
    let mut runs = Vec::new();
    for token in tokens {
        // In order: the token's start, the marker's ends inside the token,
        // the token's end.
        let mut cuts = vec![token.range.start];
        if let Some(m) = &marker {
            for cut in [m.start.min(m.end), m.start.max(m.end)] {
                if token.range.contains(&cut) {
                    cuts.push(cut);
                }
            }
        }
        cuts.push(token.range.end);
        cuts.dedup();
        for pair in cuts.windows(2) {
            let range = pair[0]..pair[1];
            if let Some(text) = source.get(range.clone()) {
                let marked = marker
                    .as_ref()
                    .is_some_and(|m| m.start <= range.start && range.end <= m.end);
                runs.push(Run {
                    text,
                    class: token.class,
                    marked,
                });
            }
        }
    }
    runs
}

fn widen_to_chars(source: &str, marker: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(marker.start);
    let mut end = floor(marker.end.max(start));
    if end == start {
        end = source[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(runs: &[Run<'_>]) -> String {
        runs.iter()
            .map(|r| {
                if r.marked {
                    format!("[{}]", r.text)
                } else {
                    r.text.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn tokens_cover_the_source() {
        let source = "IO.puts(\"hi\")\n";
        let covered: String = tokens(source)
            .iter()
            .map(|t| &source[t.range.clone()])
            .collect();
        assert_eq!(covered, source);
    }

    /// Each token as `class:text`, whitespace left out, for readable expectations.
    fn classed(source: &str) -> Vec<String> {
        tokens(source)
            .iter()
            .filter(|t| t.class != "cc-tok-plain")
            .map(|t| format!("{}:{}", &t.class[7..], &source[t.range.clone()]))
            .collect()
    }

    #[test]
    fn maps_the_lexer_classes() {
        let source = "defmodule Counter do\n  # state\n  def start(n), do: GenServer.call(:c, {n, 1.5, \"x\"})\nend\n";
        assert_eq!(
            classed(source),
            [
                "keyword:defmodule",
                "module:Counter",
                "keyword:do",
                "comment:# state",
                "keyword:def",
                "function:start",
                "punctuation:(",
                "variable:n",
                "punctuation:)",
                "punctuation:,",
                "atom:do:",
                "module:GenServer",
                "operator:.",
                "function:call",
                "punctuation:(",
                "atom::c",
                "punctuation:,",
                "punctuation:{",
                "variable:n",
                "punctuation:,",
                "number:1.5",
                "punctuation:,",
                "string:\"x\"",
                "punctuation:}",
                "punctuation:)",
                "keyword:end",
            ]
        );
    }

    #[test]
    fn broken_text_still_covers_the_source() {
        for source in ["\"unterminated", "x = \"a#{1 +", "é ~ ß", "", "<<>>"] {
            let covered: String = tokens(source)
                .iter()
                .map(|t| &source[t.range.clone()])
                .collect();
            assert_eq!(covered, source);
        }
    }

    #[test]
    fn marks_the_span() {
        let source = "x = 1\ny = )\n";
        let runs = runs(source, &tokens(source), Some(10..11));
        assert_eq!(show(&runs), "x = 1\ny = [)]\n");
    }

    #[test]
    fn a_marker_inside_one_token_cuts_it_in_three() {
        let source = "hello_world = 1";
        let runs = runs(source, &tokens(source), Some(2..5));
        assert_eq!(show(&runs), "he[llo]_world = 1");
    }

    #[test]
    fn empty_and_out_of_range_markers_stay_on_characters() {
        let source = "é = )";
        assert_eq!(show(&runs(source, &tokens(source), Some(1..1))), "[é] = )");
        assert_eq!(show(&runs(source, &tokens(source), Some(40..50))), "é = )");
    }
}
