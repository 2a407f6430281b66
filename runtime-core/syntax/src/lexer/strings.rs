//! Quoted literals: strings, charlists, heredocs, sigils, quoted atoms; their
//! escapes and `#{...}` interpolation (lexed by a nested tokenizer).

use super::{plain_text, Lexer, Stop, StrPiece, TokenKind, MAX_NESTING};
use crate::diagnostic::{DiagnosticKind, Span};

/// How the body of a quoted literal is read.
struct QuoteStyle {
    /// The closing delimiter (unused for heredocs, which end at a line).
    close: u8,
    /// Whether escapes and `#{}` are processed (strings and lowercase sigils).
    escapes: bool,
    /// How a missing terminator is described: the terminator ...
    terminator: String,
    /// ... and what it would terminate (`string`, `heredoc`, `sigil ~w(`).
    what: String,
}

/// The character a one-letter escape (`\n`) stands for.
pub(super) fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'e' => '\u{1b}',
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'd' => '\u{7f}',
        'f' => '\u{c}',
        's' => ' ',
        'v' => '\u{b}',
        _ => return None,
    })
}

impl Lexer<'_> {
    /// `"..."`, `'...'` and their heredocs; a keyword key when `: ` follows.
    pub(super) fn quoted(&mut self, quote: u8) {
        let start = self.pos;
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let pieces = if triple {
            self.pos += 3;
            self.heredoc(quote, true, start)
        } else {
            self.pos += 1;
            self.quoted_body(quote, start, true)
        };
        let Some(pieces) = pieces else {
            return self.push(TokenKind::Error, start);
        };
        if !triple && self.at_keyword_colon() {
            self.pos += 1;
            let kind = match plain_text(&pieces) {
                Some(key) => TokenKind::KwKey(key),
                None => TokenKind::Unsupported("keyword keys built with interpolation".into()),
            };
            return self.push(kind, start);
        }
        let kind = if quote == b'"' {
            TokenKind::Str(pieces)
        } else {
            TokenKind::Charlist(pieces)
        };
        self.push(kind, start);
    }

    /// The body of a one-line-delimited string whose opening quote was just consumed.
    pub(super) fn quoted_body(
        &mut self,
        quote: u8,
        start: usize,
        escapes: bool,
    ) -> Option<Vec<StrPiece>> {
        let style = QuoteStyle {
            close: quote,
            escapes,
            terminator: (quote as char).to_string(),
            what: "string".into(),
        };
        self.scan_body(&style, start, None)
    }

    /// A heredoc whose opening `"""` was just consumed: lines up to a line
    /// holding only the closing `"""`, whose indentation is removed from every line.
    fn heredoc(&mut self, quote: u8, escapes: bool, start: usize) -> Option<Vec<StrPiece>> {
        let delimiter = if quote == b'"' { "\"\"\"" } else { "'''" };
        while let Some(b' ' | b'\t' | b'\r') = self.peek_at(0) {
            self.pos += 1;
        }
        if self.peek_at(0) != Some(b'\n') {
            self.syntax_error(
                format!(
                    "heredoc allows only zero or more whitespace characters followed by a new \
                     line after {delimiter}"
                ),
                start,
            );
            while !matches!(self.peek_at(0), None | Some(b'\n')) {
                self.pos += 1;
            }
            return None;
        }
        self.pos += 1;
        let mut line_start = self.pos;
        let closing = loop {
            if line_start >= self.src.len() {
                break None;
            }
            let line_end = self.src[line_start..]
                .find('\n')
                .map_or(self.src.len(), |i| line_start + i);
            let line = &self.src[line_start..line_end];
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed.starts_with(delimiter) {
                break Some((line_start, line.len() - trimmed.len()));
            }
            line_start = line_end + 1;
        };
        let Some((closing_line, indent)) = closing else {
            let line = self.line_of(start as u32);
            let end = self.src.len();
            self.pos = end;
            self.error(
                DiagnosticKind::TokenMissingError,
                format!("missing terminator: {delimiter} (for heredoc starting at line {line})"),
                Span::new(end, end),
            );
            return None;
        };
        let style = QuoteStyle {
            close: quote,
            escapes,
            terminator: delimiter.into(),
            what: "heredoc".into(),
        };
        let pieces = self.scan_body(&style, start, Some((closing_line, indent)));
        self.pos = closing_line + indent + 3;
        pieces
    }

    /// `~w(...)`, `~s"..."`, `~S"""...""" ` and other sigils, with their modifiers.
    pub(super) fn sigil(&mut self) {
        let start = self.pos;
        let letter = self.peek_at(1).map_or('w', char::from);
        self.pos += 2;
        let escapes = letter.is_ascii_lowercase();
        let open = self.peek_at(0);
        let pieces = match open {
            Some(q @ (b'"' | b'\''))
                if self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) =>
            {
                self.pos += 3;
                self.heredoc(q, escapes, start)
            }
            Some(open @ (b'(' | b'[' | b'{' | b'<' | b'/' | b'|' | b'"' | b'\'')) => {
                let close = match open {
                    b'(' => b')',
                    b'[' => b']',
                    b'{' => b'}',
                    b'<' => b'>',
                    other => other,
                };
                self.pos += 1;
                let style = QuoteStyle {
                    close,
                    escapes,
                    terminator: (close as char).to_string(),
                    what: format!("sigil ~{letter}{}", open as char),
                };
                self.scan_body(&style, start, None)
            }
            _ => {
                self.syntax_error(format!("invalid sigil delimiter after ~{letter}"), start);
                None
            }
        };
        let Some(pieces) = pieces else {
            return self.push(TokenKind::Error, start);
        };
        let modifiers_start = self.pos;
        while self.peek_at(0).is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        let modifiers = self.src[modifiers_start..self.pos].to_string();
        self.push(
            TokenKind::Sigil {
                letter,
                pieces,
                modifiers,
            },
            start,
        );
    }

    /// Reads a literal's body up to its terminator (consumed), or for a heredoc
    /// up to `(closing line start, indentation)`. `None` after reporting an error.
    fn scan_body(
        &mut self,
        style: &QuoteStyle,
        start: usize,
        heredoc: Option<(usize, usize)>,
    ) -> Option<Vec<StrPiece>> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        if let Some((_, indent)) = heredoc {
            self.skip_indent(indent, heredoc);
        }
        loop {
            if let Some((end, _)) = heredoc {
                if self.pos >= end {
                    break;
                }
            }
            let Some(byte) = self.peek_at(0) else {
                self.unterminated(style, start);
                return None;
            };
            if heredoc.is_none() && byte == style.close {
                self.pos += 1;
                break;
            }
            match byte {
                b'\\' if style.escapes => self.escape(&mut lit),
                b'\\' => {
                    // Without escapes only the terminator (and a backslash before it) is escaped.
                    match self.peek_at(1) {
                        Some(next) if next == style.close || next == b'\\' => {
                            lit.push(next as char);
                            self.pos += 2;
                        }
                        _ => {
                            lit.push('\\');
                            self.pos += 1;
                        }
                    }
                }
                b'#' if style.escapes && self.peek_at(1) == Some(b'{') => {
                    if !lit.is_empty() {
                        pieces.push(StrPiece::Lit(std::mem::take(&mut lit)));
                    }
                    if !self.interpolation(&mut pieces) {
                        self.unterminated(style, start);
                        return None;
                    }
                }
                b'\n' => {
                    lit.push('\n');
                    self.pos += 1;
                    if let Some((_, indent)) = heredoc {
                        self.skip_indent(indent, heredoc);
                    }
                }
                _ => {
                    let run_end = self.src[self.pos..]
                        .bytes()
                        .position(|b| b == b'\\' || b == b'#' || b == b'\n' || b == style.close)
                        .map_or(self.src.len(), |i| self.pos + i)
                        .max(self.pos + 1);
                    let run_end = match heredoc {
                        Some((end, _)) => run_end.min(end).max(self.pos + 1),
                        None => run_end,
                    };
                    // Every stop byte is ASCII, so `run_end` is a char boundary,
                    // unless the run is the lone first byte of a multi-byte char.
                    let run_end = (run_end..=self.src.len())
                        .find(|i| self.src.is_char_boundary(*i))
                        .unwrap_or(self.src.len());
                    lit.push_str(&self.src[self.pos..run_end]);
                    self.pos = run_end;
                }
            }
        }
        if !lit.is_empty() {
            pieces.push(StrPiece::Lit(lit));
        }
        Some(pieces)
    }

    fn skip_indent(&mut self, indent: usize, heredoc: Option<(usize, usize)>) {
        let end = heredoc.map_or(self.src.len(), |(end, _)| end);
        let mut skipped = 0;
        while skipped < indent && self.pos < end && matches!(self.peek_at(0), Some(b' ' | b'\t')) {
            self.pos += 1;
            skipped += 1;
        }
    }

    fn unterminated(&mut self, style: &QuoteStyle, start: usize) {
        let line = self.line_of(start as u32);
        let end = self.src.len();
        self.pos = end;
        self.error(
            DiagnosticKind::TokenMissingError,
            format!(
                "missing terminator: {} (for {} starting at line {line})",
                style.terminator, style.what
            ),
            Span::new(end, end),
        );
    }

    /// A backslash escape in a string; appends what it stands for.
    fn escape(&mut self, lit: &mut String) {
        self.pos += 1;
        let Some(c) = self.rest().chars().next() else {
            lit.push('\\');
            return;
        };
        self.pos += c.len_utf8();
        match c {
            // A backslash before a line break joins the lines.
            '\n' => {}
            'x' | 'u' => {
                let braced = self.peek_at(0) == Some(b'{');
                if braced {
                    self.pos += 1;
                }
                let max = if braced {
                    6
                } else if c == 'x' {
                    2
                } else {
                    4
                };
                let digits_start = self.pos;
                while self.pos - digits_start < max
                    && self.peek_at(0).is_some_and(|b| b.is_ascii_hexdigit())
                {
                    self.pos += 1;
                }
                let digits = &self.src[digits_start..self.pos];
                if braced && self.peek_at(0) == Some(b'}') {
                    self.pos += 1;
                }
                match u32::from_str_radix(digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                {
                    Some(decoded) => lit.push(decoded),
                    None => {
                        self.syntax_error(
                            format!("invalid escape sequence \\{c}{digits}"),
                            digits_start.saturating_sub(2),
                        );
                    }
                }
            }
            other => lit.push(simple_escape(other).unwrap_or(other)),
        }
    }

    /// `#{...}` at the current position; false when the input ends inside it.
    fn interpolation(&mut self, pieces: &mut Vec<StrPiece>) -> bool {
        let start = self.pos;
        self.pos += 2;
        if self.depth >= MAX_NESTING {
            self.syntax_error("expression nested too deeply", start);
            self.pos = self.src.len();
            return false;
        }
        let mut inner = Lexer::new(self.src, self.pos, self.keep_comments, self.depth + 1);
        let stop = inner.run(true);
        self.errors.append(&mut inner.errors);
        self.pos = inner.pos;
        if stop != Stop::InterpolationEnd {
            return false;
        }
        self.pos += 1;
        pieces.push(StrPiece::Interp(inner.tokens, Span::new(start, self.pos)));
        true
    }
}
