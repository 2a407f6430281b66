//! Unicode's extended grapheme clusters (UAX #29), the units Elixir's
//! `String` functions count, index, slice and reverse: a letter with its
//! combining marks, a flag, a family emoji, `"\r\n"`.
//!
//! The rules are those of Unicode 15.0, before 15.1 added the Indic conjunct
//! rule (GB9c), so a Devanagari conjunct splits as in Elixir 1.14 (Unicode 14;
//! what 15.0 changed there is new emoji). The property table is the
//! `unicode-segmentation` crate's at 1.10.1 (Unicode 15.0), packed: 2 KB of
//! varints instead of that crate's 17 KB of `(char, char, category)` rows,
//! for the download. The tests check every code point against the crate.

use std::sync::OnceLock;

/// A character's `Grapheme_Cluster_Break` value, with `Extended_Pictographic`
/// (which only `Any` characters have) as one more.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cat {
    Cr,
    Lf,
    Control,
    Extend,
    Zwj,
    RegionalIndicator,
    Prepend,
    SpacingMark,
    L,
    V,
    T,
    Lv,
    Lvt,
    Pictographic,
    Any,
}

/// The table's category bytes, in order.
const CATS: [Cat; 14] = [
    Cat::Cr,
    Cat::Lf,
    Cat::Control,
    Cat::Extend,
    Cat::Zwj,
    Cat::RegionalIndicator,
    Cat::Prepend,
    Cat::SpacingMark,
    Cat::L,
    Cat::V,
    Cat::T,
    Cat::Lv,
    Cat::Lvt,
    Cat::Pictographic,
];

/// The code point ranges that are not `Any`, in order, each as three fields:
/// the gap since the previous range's end and the range's length minus one
/// (base-128 varints, low bits first), then the category's index in
/// [`CATS`]. Hangul syllables are left out: [`category`] computes them.
const TABLE: &[u8] = &[
    0, 9, 2, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 17, 2, 95, 32, 2, 9, 0, 13, 3, 0, 2, 0, 0, 13, 209, 4,
    111, 3, 147, 2, 6, 3, 135, 2, 44, 3, 1, 0, 3, 1, 1, 3, 1, 1, 3, 1, 0, 3, 56, 5, 6, 10, 10, 3,
    1, 0, 2, 46, 20, 3, 16, 0, 3, 101, 6, 3, 0, 0, 6, 1, 5, 3, 2, 1, 3, 1, 3, 3, 33, 0, 6, 1, 0, 3,
    30, 26, 3, 91, 10, 3, 58, 8, 3, 9, 0, 3, 24, 3, 3, 1, 8, 3, 1, 2, 3, 1, 4, 3, 43, 2, 3, 52, 1,
    6, 6, 7, 3, 42, 23, 3, 0, 0, 6, 0, 31, 3, 0, 0, 7, 54, 0, 3, 0, 0, 7, 0, 0, 3, 1, 2, 7, 0, 7,
    3, 0, 3, 7, 0, 0, 3, 0, 1, 7, 1, 6, 3, 10, 1, 3, 29, 0, 3, 0, 1, 7, 56, 0, 3, 1, 0, 3, 0, 1, 7,
    0, 3, 3, 2, 1, 7, 2, 1, 7, 0, 0, 3, 9, 0, 3, 10, 1, 3, 26, 0, 3, 2, 1, 3, 0, 0, 7, 56, 0, 3, 1,
    2, 7, 0, 1, 3, 4, 1, 3, 2, 2, 3, 3, 0, 3, 30, 1, 3, 3, 0, 3, 11, 1, 3, 0, 0, 7, 56, 0, 3, 1, 2,
    7, 0, 4, 3, 1, 1, 3, 0, 0, 7, 1, 1, 7, 0, 0, 3, 20, 1, 3, 22, 5, 3, 1, 0, 3, 0, 1, 7, 56, 0, 3,
    1, 1, 3, 0, 0, 7, 0, 3, 3, 2, 1, 7, 2, 1, 7, 0, 0, 3, 7, 2, 3, 10, 1, 3, 30, 0, 3, 59, 0, 3, 0,
    0, 7, 0, 0, 3, 0, 1, 7, 3, 2, 7, 1, 2, 7, 0, 0, 3, 9, 0, 3, 40, 0, 3, 0, 2, 7, 0, 0, 3, 55, 0,
    3, 1, 2, 3, 0, 3, 7, 1, 2, 3, 1, 3, 3, 7, 1, 3, 11, 1, 3, 29, 0, 3, 0, 1, 7, 56, 0, 3, 1, 0, 7,
    0, 0, 3, 0, 1, 7, 0, 0, 3, 0, 1, 7, 1, 0, 3, 0, 1, 7, 1, 1, 7, 0, 1, 3, 7, 1, 3, 11, 1, 3, 15,
    0, 7, 12, 1, 3, 0, 1, 7, 55, 1, 3, 1, 0, 3, 0, 1, 7, 0, 3, 3, 1, 2, 7, 1, 2, 7, 0, 0, 3, 0, 0,
    6, 8, 0, 3, 10, 1, 3, 29, 0, 3, 0, 1, 7, 70, 0, 3, 4, 0, 3, 0, 1, 7, 0, 2, 3, 1, 0, 3, 1, 6, 7,
    0, 0, 3, 18, 1, 7, 61, 0, 3, 1, 0, 7, 0, 6, 3, 12, 7, 3, 98, 0, 3, 1, 0, 7, 0, 8, 3, 11, 6, 3,
    73, 1, 3, 27, 0, 3, 1, 0, 3, 1, 0, 3, 4, 1, 7, 49, 13, 3, 0, 0, 7, 0, 4, 3, 1, 1, 3, 5, 10, 3,
    1, 35, 3, 9, 0, 3, 102, 3, 3, 0, 0, 7, 0, 5, 3, 1, 1, 3, 0, 1, 7, 0, 1, 3, 23, 1, 7, 0, 1, 3,
    4, 2, 3, 16, 3, 3, 13, 0, 3, 1, 0, 7, 0, 1, 3, 6, 0, 3, 15, 0, 3, 98, 95, 8, 0, 71, 9, 0, 87,
    10, 221, 2, 2, 3, 178, 7, 2, 3, 0, 0, 7, 28, 1, 3, 0, 0, 7, 29, 1, 3, 30, 1, 3, 64, 1, 3, 0, 0,
    7, 0, 6, 3, 0, 7, 7, 0, 0, 3, 0, 1, 7, 0, 10, 3, 9, 0, 3, 45, 2, 3, 0, 0, 2, 0, 0, 3, 117, 1,
    3, 34, 0, 3, 118, 2, 3, 0, 3, 7, 0, 1, 3, 0, 2, 7, 4, 1, 7, 0, 0, 3, 0, 5, 7, 0, 2, 3, 219, 1,
    1, 3, 0, 1, 7, 0, 0, 3, 57, 0, 7, 0, 0, 3, 0, 0, 7, 0, 6, 3, 1, 0, 3, 1, 0, 3, 2, 7, 3, 0, 5,
    7, 0, 9, 3, 2, 0, 3, 48, 30, 3, 49, 3, 3, 0, 0, 7, 47, 6, 3, 0, 0, 7, 0, 0, 3, 0, 4, 7, 0, 0,
    3, 0, 1, 7, 38, 8, 3, 12, 1, 3, 0, 0, 7, 30, 0, 7, 0, 3, 3, 0, 1, 7, 0, 1, 3, 0, 0, 7, 0, 2, 3,
    56, 0, 3, 0, 0, 7, 0, 1, 3, 0, 2, 7, 0, 0, 3, 0, 0, 7, 0, 2, 3, 0, 1, 7, 48, 7, 7, 0, 7, 3, 0,
    1, 7, 0, 1, 3, 152, 1, 2, 3, 1, 12, 3, 0, 0, 7, 0, 6, 3, 4, 0, 3, 6, 0, 3, 2, 0, 7, 0, 1, 3,
    198, 1, 63, 3, 139, 4, 0, 2, 0, 0, 3, 0, 0, 4, 0, 1, 2, 24, 6, 2, 13, 0, 13, 12, 0, 13, 22, 15,
    2, 96, 32, 3, 49, 0, 13, 22, 0, 13, 90, 5, 13, 15, 1, 13, 239, 2, 1, 13, 12, 0, 13, 95, 0, 13,
    70, 0, 13, 25, 10, 13, 4, 2, 13, 199, 1, 0, 13, 231, 1, 1, 13, 10, 0, 13, 9, 0, 13, 58, 3, 13,
    1, 5, 13, 1, 11, 13, 1, 113, 13, 10, 117, 13, 2, 10, 13, 1, 0, 13, 1, 0, 13, 6, 0, 13, 3, 0,
    13, 6, 0, 13, 10, 1, 13, 15, 0, 13, 2, 0, 13, 4, 0, 13, 1, 0, 13, 4, 2, 13, 1, 0, 13, 11, 4,
    13, 45, 2, 13, 9, 0, 13, 14, 0, 13, 14, 0, 13, 244, 2, 1, 13, 207, 3, 2, 13, 19, 1, 13, 51, 0,
    13, 4, 0, 13, 153, 3, 2, 3, 141, 1, 0, 3, 96, 31, 3, 170, 4, 5, 3, 0, 0, 13, 12, 0, 13, 91, 1,
    3, 252, 3, 0, 13, 1, 0, 13, 213, 231, 1, 3, 3, 1, 9, 3, 32, 1, 3, 80, 1, 3, 144, 2, 0, 3, 3, 0,
    3, 4, 0, 3, 23, 1, 7, 0, 1, 3, 0, 0, 7, 4, 0, 3, 83, 1, 7, 50, 15, 7, 0, 1, 3, 26, 17, 3, 13,
    0, 3, 38, 7, 3, 25, 10, 3, 0, 1, 7, 12, 28, 8, 3, 2, 3, 0, 0, 7, 47, 0, 3, 0, 1, 7, 0, 3, 3, 0,
    1, 7, 0, 1, 3, 0, 2, 7, 36, 0, 3, 67, 5, 3, 0, 1, 7, 0, 1, 3, 0, 1, 7, 0, 1, 3, 12, 0, 3, 8, 0,
    3, 0, 0, 7, 46, 0, 3, 51, 0, 3, 1, 2, 3, 2, 1, 3, 5, 1, 3, 1, 0, 3, 41, 0, 7, 0, 1, 3, 0, 1, 7,
    5, 0, 7, 0, 0, 3, 236, 1, 1, 7, 0, 0, 3, 0, 1, 7, 0, 0, 3, 0, 1, 7, 1, 0, 7, 0, 0, 3, 194, 87,
    22, 9, 4, 48, 10, 162, 70, 0, 3, 225, 5, 15, 3, 16, 15, 3, 207, 1, 0, 2, 158, 1, 1, 3, 80, 11,
    2, 129, 4, 0, 3, 226, 1, 0, 3, 149, 1, 4, 3, 134, 13, 2, 3, 1, 1, 3, 5, 3, 3, 40, 2, 3, 4, 0,
    3, 165, 1, 1, 3, 189, 4, 3, 3, 131, 3, 1, 3, 80, 2, 3, 70, 10, 3, 49, 3, 3, 122, 0, 7, 0, 0, 3,
    0, 0, 7, 53, 14, 3, 41, 0, 3, 2, 1, 3, 10, 2, 3, 0, 0, 7, 45, 2, 7, 0, 3, 3, 0, 1, 7, 0, 1, 3,
    2, 0, 6, 4, 0, 3, 10, 0, 6, 50, 2, 3, 36, 4, 3, 0, 0, 7, 0, 7, 3, 16, 1, 7, 44, 0, 3, 12, 1, 3,
    0, 0, 7, 48, 2, 7, 0, 8, 3, 0, 1, 7, 1, 1, 6, 5, 3, 3, 1, 0, 7, 0, 0, 3, 92, 2, 7, 0, 2, 3, 0,
    1, 7, 0, 0, 3, 0, 0, 7, 0, 1, 3, 6, 0, 3, 2, 0, 3, 157, 1, 0, 3, 0, 2, 7, 0, 7, 3, 21, 1, 3, 0,
    1, 7, 55, 1, 3, 1, 0, 3, 0, 0, 7, 0, 0, 3, 0, 3, 7, 2, 1, 7, 2, 2, 7, 9, 0, 3, 10, 1, 7, 2, 6,
    3, 3, 4, 3, 192, 1, 2, 7, 0, 7, 3, 0, 1, 7, 0, 2, 3, 0, 0, 7, 0, 0, 3, 23, 0, 3, 81, 0, 3, 0,
    1, 7, 0, 5, 3, 0, 0, 7, 0, 0, 3, 0, 1, 7, 0, 0, 3, 0, 0, 7, 0, 1, 3, 0, 0, 7, 0, 1, 3, 235, 1,
    0, 3, 0, 1, 7, 0, 3, 3, 2, 3, 7, 0, 1, 3, 0, 0, 7, 0, 1, 3, 27, 1, 3, 82, 2, 7, 0, 7, 3, 0, 1,
    7, 0, 0, 3, 0, 0, 7, 0, 1, 3, 106, 0, 3, 0, 0, 7, 0, 0, 3, 0, 1, 7, 0, 5, 3, 0, 0, 7, 0, 0, 3,
    101, 2, 3, 2, 3, 3, 0, 0, 7, 0, 4, 3, 128, 2, 2, 7, 0, 8, 3, 0, 0, 7, 0, 1, 3, 245, 1, 0, 3, 0,
    4, 7, 1, 1, 7, 2, 1, 3, 0, 0, 7, 0, 0, 3, 0, 0, 6, 0, 0, 7, 0, 0, 6, 0, 0, 7, 0, 0, 3, 141, 1,
    2, 7, 0, 3, 3, 2, 1, 3, 0, 3, 7, 0, 0, 3, 3, 0, 7, 28, 9, 3, 40, 5, 3, 0, 0, 7, 0, 0, 6, 0, 3,
    3, 8, 0, 3, 9, 5, 3, 0, 1, 7, 0, 2, 3, 40, 5, 6, 0, 12, 3, 0, 0, 7, 0, 1, 3, 149, 3, 0, 7, 0,
    6, 3, 1, 5, 3, 0, 0, 7, 0, 0, 3, 82, 21, 3, 1, 0, 7, 0, 6, 3, 0, 0, 7, 0, 1, 3, 0, 0, 7, 0, 1,
    3, 122, 5, 3, 3, 0, 3, 1, 1, 3, 1, 6, 3, 0, 0, 6, 0, 0, 3, 66, 4, 7, 1, 1, 3, 1, 1, 7, 0, 0, 3,
    0, 0, 7, 0, 0, 3, 219, 2, 1, 3, 0, 1, 7, 9, 1, 3, 0, 0, 6, 0, 0, 7, 48, 1, 7, 0, 4, 3, 3, 1, 7,
    0, 0, 3, 0, 0, 7, 0, 0, 3, 237, 41, 15, 2, 0, 0, 3, 6, 14, 3, 154, 109, 4, 3, 59, 6, 3, 152, 8,
    0, 3, 1, 54, 7, 7, 3, 3, 81, 0, 3, 11, 1, 7, 171, 153, 1, 1, 3, 1, 3, 2, 220, 36, 45, 3, 2, 22,
    3, 158, 4, 0, 3, 0, 0, 7, 0, 2, 3, 3, 0, 7, 0, 4, 3, 0, 7, 2, 0, 7, 3, 2, 6, 3, 30, 3, 3, 148,
    1, 2, 3, 187, 15, 54, 3, 4, 49, 3, 8, 0, 3, 14, 0, 3, 22, 4, 3, 1, 14, 3, 208, 10, 6, 3, 1, 16,
    3, 2, 6, 3, 1, 1, 3, 1, 4, 3, 100, 0, 3, 160, 1, 6, 3, 247, 2, 0, 3, 61, 3, 3, 252, 3, 3, 3,
    224, 7, 6, 3, 109, 6, 3, 181, 13, 255, 1, 13, 13, 2, 13, 31, 0, 13, 60, 5, 13, 12, 1, 13, 14,
    0, 13, 2, 9, 13, 18, 56, 13, 0, 25, 5, 1, 14, 13, 10, 0, 13, 20, 0, 13, 2, 8, 13, 1, 3, 13, 9,
    177, 3, 13, 0, 4, 3, 0, 189, 2, 13, 8, 137, 2, 13, 48, 127, 13, 116, 11, 13, 85, 42, 13, 12, 3,
    13, 56, 7, 13, 10, 5, 13, 40, 7, 13, 30, 81, 13, 12, 46, 13, 1, 9, 13, 1, 184, 3, 13, 128, 2,
    253, 7, 13, 130, 128, 48, 31, 2, 0, 95, 3, 0, 127, 2, 0, 239, 1, 3, 0, 143, 28, 2,
];

/// [`TABLE`] unpacked: `(first, last, category)`.
fn ranges() -> &'static [(u32, u32, Cat)] {
    static RANGES: OnceLock<Vec<(u32, u32, Cat)>> = OnceLock::new();
    RANGES.get_or_init(|| {
        let mut out = Vec::with_capacity(700);
        let mut bytes = TABLE.iter().copied();
        let varint = |bytes: &mut dyn Iterator<Item = u8>| {
            let mut value = 0u32;
            for shift in (0..32).step_by(7) {
                let byte = bytes.next()?;
                value |= u32::from(byte & 0x7F) << shift;
                if byte & 0x80 == 0 {
                    return Some(value);
                }
            }
            None
        };
        let mut next = 0u32;
        while let Some(gap) = varint(&mut bytes) {
            let (Some(len), Some(cat)) = (varint(&mut bytes), bytes.next()) else {
                break;
            };
            let first = next + gap;
            let last = first + len;
            out.push((first, last, CATS[usize::from(cat) % CATS.len()]));
            next = last + 1;
        }
        out
    })
}

fn category(c: char) -> Cat {
    let code = u32::from(c);
    match code {
        0x0D => return Cat::Cr,
        0x0A => return Cat::Lf,
        0x00..=0x1F | 0x7F => return Cat::Control,
        0x20..=0x7E => return Cat::Any,
        0xAC00..=0xD7A3 => {
            return if (code - 0xAC00) % 28 == 0 {
                Cat::Lv
            } else {
                Cat::Lvt
            }
        }
        _ => {}
    }
    let ranges = ranges();
    match ranges.binary_search_by(|&(first, last, _)| {
        if last < code {
            std::cmp::Ordering::Less
        } else if first > code {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => ranges[i].2,
        Err(_) => Cat::Any,
    }
}

/// Whether there is a boundary between a character of category `before` and
/// one of `after`. `regional_run` counts the regional indicators ending with
/// `before`; `emoji_zwj` says `before` is a ZWJ after a pictograph and its
/// extenders.
fn boundary(before: Cat, after: Cat, regional_run: usize, emoji_zwj: bool) -> bool {
    use Cat::*;
    match (before, after) {
        (Cr, Lf) => false,                                                        // GB3
        (Cr | Lf | Control, _) | (_, Cr | Lf | Control) => true,                  // GB4, GB5
        (L, L | V | Lv | Lvt) => false,                                           // GB6
        (Lv | V, V | T) => false,                                                 // GB7
        (Lvt | T, T) => false,                                                    // GB8
        (_, Extend | Zwj | SpacingMark) => false,                                 // GB9, GB9a
        (Prepend, _) => false,                                                    // GB9b
        (Zwj, Pictographic) => !emoji_zwj,                                        // GB11
        (RegionalIndicator, RegionalIndicator) => regional_run.is_multiple_of(2), // GB12, GB13
        _ => true,                                                                // GB999
    }
}

/// `text` cut into its grapheme clusters.
pub(crate) fn graphemes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut before: Option<Cat> = None;
    let mut regional_run = 0;
    let mut emoji_zwj = false;
    let mut in_emoji = false;
    for (at, c) in text.char_indices() {
        let cat = category(c);
        if let Some(before) = before {
            if boundary(before, cat, regional_run, emoji_zwj) {
                out.push(&text[start..at]);
                start = at;
            }
        }
        regional_run = if cat == Cat::RegionalIndicator {
            regional_run + 1
        } else {
            0
        };
        emoji_zwj = in_emoji && cat == Cat::Zwj;
        in_emoji = cat == Cat::Pictographic || (in_emoji && cat == Cat::Extend);
        before = Some(cat);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::graphemes;
    use unicode_segmentation::UnicodeSegmentation;

    fn reference(text: &str) -> Vec<&str> {
        text.graphemes(true).collect()
    }

    #[test]
    fn every_code_point_splits_as_unicode_segmentation_splits_it() {
        // Each code point between, before and after characters of the
        // categories that join: its category decides all three.
        let neighbours = [
            "a",
            "\u{301}",
            "\u{200d}",
            "\u{1f1e6}",
            "\u{1100}",
            "\u{1161}",
            "\u{11a8}",
            "\u{600}",
            "\u{903}",
            "\r",
        ];
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let c = c.to_string();
            for n in neighbours {
                for text in [format!("{n}{c}"), format!("{c}{n}")] {
                    assert_eq!(
                        graphemes(&text),
                        reference(&text),
                        "U+{code:04X} next to {n:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn mixed_sequences_split_as_unicode_segmentation_splits_them() {
        let pool = [
            "a",
            "\r",
            "\n",
            "\u{7}",
            "\u{301}",
            "\u{200d}",
            "\u{1f1e6}",
            "\u{1f1eb}",
            "\u{600}",
            "\u{903}",
            "\u{1100}",
            "\u{1161}",
            "\u{11a8}",
            "\u{ac00}",
            "\u{ac01}",
            "\u{1f468}",
            "\u{1f3fb}",
            "\u{fe0f}",
            "\u{2764}",
            "\u{94d}",
            "\u{915}",
            "\u{e9}",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..50_000 {
            let mut text = String::new();
            for _ in 0..1 + x % 9 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(pool[(x % pool.len() as u64) as usize]);
            }
            assert_eq!(graphemes(&text), reference(&text), "{text:?}");
        }
    }
}
