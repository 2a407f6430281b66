//! Changing the case of text as Elixir 1.14's `String.upcase/1`,
//! `String.downcase/1` and `String.capitalize/1` do: every character on its
//! own, with Unicode's full mappings (`ß` becomes `SS`, `ŉ` becomes `ʼN`) and
//! no context (a final `Σ` becomes `σ`, not `ς`), and the first character of
//! a capitalized text in title case (`ǆ` becomes `ǅ`, `ﬁ` becomes `Fi`).
//!
//! The mapping tables are about 10 KB of the browser's download, and the
//! browser has the same tables already: with the `host-case-mapping` feature
//! this crate leaves them out and the embedder installs the browser's mapping
//! ([`install_case_mapping`]); without it, the standard library's tables do
//! the work.

use std::sync::OnceLock;

/// Which way a [`CaseMapper`] changes the case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Case {
    /// To upper case.
    Upper,
    /// To lower case.
    Lower,
}

/// Maps every character of the text on its own to its full upper- or
/// lower-case mapping (Unicode's `SpecialCasing` without its conditional
/// rules: no final sigma, no language-specific mappings).
pub type CaseMapper = fn(&str, Case) -> String;

static MAPPER: OnceLock<CaseMapper> = OnceLock::new();

/// Makes `mapper` change the case of text from now on. Only the first call
/// counts. Without the `host-case-mapping` feature there is no need to call
/// it; with it and without a call, only ASCII letters change case.
pub fn install_case_mapping(mapper: CaseMapper) {
    let _ = MAPPER.set(mapper);
}

/// `text` in upper or lower case.
pub(crate) fn map_case(text: &str, case: Case) -> String {
    match MAPPER.get() {
        Some(mapper) => mapper(text, case),
        None => built_in(text, case),
    }
}

/// `text` with its first character in title case and the rest in lower case.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = match titlecase(first) {
        Some(title) => title,
        None => map_case(first.encode_utf8(&mut [0; 4]), Case::Upper),
    };
    out.push_str(&map_case(chars.as_str(), Case::Lower));
    out
}

#[cfg(not(feature = "host-case-mapping"))]
fn built_in(text: &str, case: Case) -> String {
    match case {
        Case::Upper => text.chars().flat_map(char::to_uppercase).collect(),
        Case::Lower => text.chars().flat_map(char::to_lowercase).collect(),
    }
}

#[cfg(feature = "host-case-mapping")]
fn built_in(text: &str, case: Case) -> String {
    match case {
        Case::Upper => text.to_ascii_uppercase(),
        Case::Lower => text.to_ascii_lowercase(),
    }
}

/// The characters whose title case is not their upper case (Unicode 14, the
/// version of Elixir 1.14), as their title case.
fn titlecase(c: char) -> Option<String> {
    let code = u32::from(c);
    let same = Some(c.to_string());
    let shifted = |to: u32| char::from_u32(to).map(String::from);
    match code {
        // Georgian: Mkhedruli letters have upper-case forms but are their own
        // title case.
        0x10D0..=0x10FA | 0x10FD..=0x10FF => same,
        // Greek with ypogegrammeni: the title case keeps it as prosgegrammeni.
        0x1F80..=0x1FAF if code & 0xF < 8 => shifted(code + 8),
        0x1F80..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC => same,
        0x1FB3 | 0x1FC3 | 0x1FF3 => shifted(code + 9),
        // Latin digraphs.
        0x01C4..=0x01C6 => shifted(0x01C5),
        0x01C7..=0x01C9 => shifted(0x01C8),
        0x01CA..=0x01CC => shifted(0x01CB),
        0x01F1..=0x01F3 => shifted(0x01F2),
        _ => TITLECASE_STRINGS
            .iter()
            .find(|(from, _)| *from == c)
            .map(|(_, to)| (*to).to_string()),
    }
}

/// Title cases of more than one character.
const TITLECASE_STRINGS: &[(char, &str)] = &[
    ('ß', "Ss"),
    ('և', "Եւ"),
    ('ᾲ', "Ὰ\u{345}"),
    ('ᾴ', "Ά\u{345}"),
    ('ᾷ', "Α\u{342}\u{345}"),
    ('ῂ', "Ὴ\u{345}"),
    ('ῄ', "Ή\u{345}"),
    ('ῇ', "Η\u{342}\u{345}"),
    ('ῲ', "Ὼ\u{345}"),
    ('ῴ', "Ώ\u{345}"),
    ('ῷ', "Ω\u{342}\u{345}"),
    ('ﬀ', "Ff"),
    ('ﬁ', "Fi"),
    ('ﬂ', "Fl"),
    ('ﬃ', "Ffi"),
    ('ﬄ', "Ffl"),
    ('ﬅ', "St"),
    ('ﬆ', "St"),
    ('ﬓ', "Մն"),
    ('ﬔ', "Մե"),
    ('ﬕ', "Մի"),
    ('ﬖ', "Վն"),
    ('ﬗ', "Մխ"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_exceptions_follow_unicode() {
        for (c, title) in [
            ('ǆ', "ǅ"),
            ('Ǆ', "ǅ"),
            ('ǳ', "ǲ"),
            ('ﬁ', "Fi"),
            ('ß', "Ss"),
            ('ა', "ა"),
            ('ᾀ', "ᾈ"),
            ('ᾈ', "ᾈ"),
            ('ᾳ', "ᾼ"),
            ('ῷ', "Ω\u{342}\u{345}"),
        ] {
            assert_eq!(capitalize(&c.to_string()), title, "{c}");
        }
        assert_eq!(capitalize("élan ÉLAN"), "Élan élan");
        assert_eq!(capitalize(""), "");
    }
}
