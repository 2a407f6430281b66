//! What the editor's overlay draws under the text: highlighted tokens and the
//! marker under an error's span.
//!
//! The plug point for syntax highlighting is [`tokens`]: today it returns the whole
//! source as plain text; once the runtime's lexer offers highlighting, map its
//! token kinds to CSS classes here and nothing else changes.

use std::ops::Range;

/// A piece of the source and the CSS class it is drawn with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the source.
    pub range: Range<usize>,
    /// CSS class (`cc-tok-*`).
    pub class: &'static str,
}

/// Splits the source into highlighted tokens covering all of it, in order.
pub fn tokens(source: &str) -> Vec<Token> {
    if source.is_empty() {
        return Vec::new();
    }
    vec![Token {
        range: 0..source.len(),
        class: "cc-tok-plain",
    }]
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
        let mut cuts = vec![token.range.start, token.range.end];
        if let Some(m) = &marker {
            cuts.extend(
                [m.start, m.end]
                    .into_iter()
                    .filter(|c| token.range.contains(c)),
            );
        }
        cuts.sort_unstable();
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

    #[test]
    fn marks_the_span() {
        let source = "x = 1\ny = )\n";
        let runs = runs(source, &tokens(source), Some(10..11));
        assert_eq!(show(&runs), "x = 1\ny = [)]\n");
    }

    #[test]
    fn empty_and_out_of_range_markers_stay_on_characters() {
        let source = "é = )";
        assert_eq!(show(&runs(source, &tokens(source), Some(1..1))), "[é] = )");
        assert_eq!(show(&runs(source, &tokens(source), Some(40..50))), "é = )");
    }
}
