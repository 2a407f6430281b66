//! Comments and indentation out of the site's CSS and of the JavaScript glue
//! that wasm-bindgen writes: they are about a tenth of those files' gzip size,
//! and no reader needs them (the sources in `www/` keep theirs).
//!
//! Line-based on purpose, not a parser: a line that could hold a comment
//! marker inside a string, or a template literal spanning lines, makes the
//! whole file stay as it is, so the worst case is a file that is not smaller.

/// `css` without its comments, indentation and blank lines. Quoted strings
/// are kept as they are; an unclosed comment or string leaves the file as it
/// is.
pub fn css(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                text.push(c);
                loop {
                    match chars.next() {
                        Some('\\') => {
                            text.push('\\');
                            text.extend(chars.next());
                        }
                        Some(end) if end == c => {
                            text.push(end);
                            break;
                        }
                        Some(other) => text.push(other),
                        None => return css.to_string(),
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                loop {
                    match chars.next() {
                        Some('/') if last == '*' => break,
                        Some(other) => last = other,
                        None => return css.to_string(),
                    }
                }
            }
            _ => text.push(c),
        }
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `js` without its whole-line comments (`// ...` and `/** ... */` blocks),
/// indentation and blank lines; unchanged when a line has an odd number of
/// backticks (a template literal that spans lines, whose text would change).
pub fn js(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        // A string continued on the next line keeps that line's indentation.
        if line.ends_with('\\') {
            return js.to_string();
        }
        let line = line.trim();
        let opens = line.starts_with("/*");
        if in_block || opens {
            match line.find("*/") {
                None => in_block = true,
                Some(end) if end + 2 == line.len() => in_block = false,
                // Code after a comment that started the line, or a block
                // closed mid-line: not a whole-line comment, leave the file.
                Some(_) => return js.to_string(),
            }
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.matches('`').count() % 2 == 1 {
            return js.to_string();
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_indentation_and_blank_lines() {
        let source = "/* The editor. */\n.cc-editor {\n    color: red; /* why */\n\n    margin: 0;\n}\n/* two\n   lines */\na::before { content: \"x\"; }\n";
        assert_eq!(
            css(source),
            ".cc-editor {\ncolor: red;\nmargin: 0;\n}\na::before { content: \"x\"; }\n"
        );
    }

    #[test]
    fn css_keeps_comment_markers_inside_strings() {
        let source = "/* \"quoted\" */\na::before {\n    content: \"/* not a comment */\";\n}\n";
        assert_eq!(
            css(source),
            "a::before {\ncontent: \"/* not a comment */\";\n}\n"
        );
    }

    #[test]
    fn js_loses_whole_line_comments_and_indentation() {
        let source = "/**\n * Mounts.\n * @param {Element} root\n */\nexport function f(root) {\n    // a note\n    return `${root}`; // kept\n}\n";
        assert_eq!(
            js(source),
            "export function f(root) {\nreturn `${root}`; // kept\n}\n"
        );
    }

    #[test]
    fn js_with_code_after_a_comment_stays() {
        let source = "/* note */ import(x);\n";
        assert_eq!(js(source), source);
    }

    #[test]
    fn js_with_a_template_literal_across_lines_stays() {
        let source = "const a = `one\n    two`;\n";
        assert_eq!(js(source), source);
    }
}
