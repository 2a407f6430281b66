//! `String.upcase/1` and `String.downcase/1` through the browser's Unicode
//! tables, so the wasm carries no copy of its own (`callcast-natives` is
//! built with `host-case-mapping` for the browser).

use callcast_natives::Case;
use js_sys::JsString;

/// Installs the browser's case mapping; later calls do nothing.
pub fn install() {
    callcast_natives::install_case_mapping(map_case);
}

/// The browser's full case mappings, character by character. JavaScript's
/// `toLowerCase` has one rule that looks at the neighbours, a final `Σ`
/// becoming `ς`; Elixir has none, so each `Σ` is mapped alone.
fn map_case(text: &str, case: Case) -> String {
    let map = |part: &str| -> String {
        let part = JsString::from(part);
        String::from(match case {
            Case::Upper => part.to_upper_case(),
            Case::Lower => part.to_lower_case(),
        })
    };
    if text.is_ascii() {
        return match case {
            Case::Upper => text.to_ascii_uppercase(),
            Case::Lower => text.to_ascii_lowercase(),
        };
    }
    if case == Case::Upper || !text.contains('Σ') {
        return map(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('Σ').enumerate() {
        if i > 0 {
            out.push('σ');
        }
        out.push_str(&map(part));
    }
    out
}
