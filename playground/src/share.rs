//! Share links: the program and its settings in the URL fragment.
//!
//! The contract (kept stable, since links outlive releases):
//! `play/#code=<payload>&key=value...`, where the payload is the base64url (no
//! padding) of the raw-DEFLATE-compressed UTF-8 source. `run=1` runs the program
//! as soon as the page opens; `seed=N` (a decimal `u64`, left out when 0) is the
//! seed of its runs. Unknown keys and unreadable values are ignored, so older
//! pages open newer links.

use std::fmt;

use miniz_oxide::inflate::TINFLStatus;

use crate::base64url::{self, Base64Error};

/// The largest source a link may expand to; guards against a tiny link that
/// inflates to gigabytes.
pub const MAX_SOURCE_BYTES: usize = 1 << 20;

/// Why the code of a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The payload is not base64url.
    NotBase64(Base64Error),
    /// The bytes are not raw DEFLATE data.
    NotDeflate,
    /// The code would be larger than [`MAX_SOURCE_BYTES`].
    TooLarge,
    /// The code is not UTF-8 text.
    NotUtf8,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotBase64(error) => write!(f, "the code is not valid base64url: {error}"),
            ShareError::NotDeflate => write!(
                f,
                "the code is damaged (it does not decompress); the link may have been cut off"
            ),
            ShareError::TooLarge => {
                write!(f, "the code is larger than {} KiB", MAX_SOURCE_BYTES / 1024)
            }
            ShareError::NotUtf8 => write!(f, "the code is not UTF-8 text"),
        }
    }
}

/// The payload of `code=` for a source text.
pub fn encode_source(source: &str) -> String {
    base64url::encode(&miniz_oxide::deflate::compress_to_vec(source.as_bytes(), 9))
}

/// The source text of a `code=` payload.
pub fn decode_source(payload: &str) -> Result<String, ShareError> {
    let compressed = base64url::decode(payload).map_err(ShareError::NotBase64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_SOURCE_BYTES)
        .map_err(|error| match error.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge,
        _ => ShareError::NotDeflate,
    })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)
}

/// What a URL fragment asks the playground to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The shared source, if the link has `code=`, or why it cannot be read.
    pub code: Option<Result<String, ShareError>>,
    /// `run=1`: run the program as soon as the page opens.
    pub run: bool,
    /// `seed=N`: the seed of the program's runs.
    pub seed: Option<u64>,
}

impl Link {
    /// Reads a fragment such as `#code=...&run=1` (the `#` is optional).
    pub fn parse(fragment: &str) -> Link {
        let mut link = Link::default();
        for pair in fragment.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "code" => link.code = Some(decode_source(value)),
                "run" => link.run = value == "1",
                "seed" => link.seed = value.parse().ok(),
                _ => {}
            }
        }
        link
    }

    /// The fragment (without `#`) that shares `source`, run with `seed`.
    pub fn fragment_for(source: &str, run: bool, seed: u64) -> String {
        let mut fragment = format!("code={}", encode_source(source));
        if run {
            fragment.push_str("&run=1");
        }
        if seed != 0 {
            fragment.push_str(&format!("&seed={seed}"));
        }
        fragment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Payloads made by another DEFLATE implementation (zlib, level 9, raw),
    // so the contract is checked against more than our own round trip.
    const FROM_ZLIB: &[(&str, &str)] = &[
        (
            "8_TXKygtKdZQykjNyclXSCvKz1VITszJSU4sLlHS5AIA",
            "IO.puts(\"hello from callcast\")\n",
        ),
        (
            "8_TXKygtKdZQyji8MicnX0fhyY5pz6f2KGlyecJkEtMTM_OIEgAA",
            "IO.puts(\"héllo, 世界\")\nIO.puts(\"again\")\nIO.puts(\"again\")\nIO.puts(\"again\")\n",
        ),
    ];

    #[test]
    fn reads_payloads_from_another_implementation() {
        for (payload, source) in FROM_ZLIB {
            assert_eq!(decode_source(payload).as_deref(), Ok(*source));
        }
    }

    #[test]
    fn round_trips_sources() {
        for source in [
            "",
            "IO.puts(\"hi\")",
            "defmodule A do\n  def f, do: :ok\nend\n",
        ] {
            assert_eq!(decode_source(&encode_source(source)).as_deref(), Ok(source));
        }
    }

    #[test]
    fn parses_fragments_and_ignores_unknown_keys() {
        let fragment = format!("#theme=dark&code={}&run=1&x", FROM_ZLIB[0].0);
        assert_eq!(
            Link::parse(&fragment),
            Link {
                code: Some(Ok(FROM_ZLIB[0].1.to_owned())),
                run: true,
                seed: None,
            }
        );
        assert_eq!(Link::parse(""), Link::default());
        assert!(!Link::parse("#run=0").run);
        assert_eq!(Link::parse("#seed=42").seed, Some(42));
        assert_eq!(Link::parse("#seed=-1").seed, None, "not a seed: ignored");
    }

    #[test]
    fn fragment_for_is_read_back() {
        let fragment = Link::fragment_for("IO.puts(\"x\")\n", true, 7);
        assert!(fragment.ends_with("&run=1&seed=7"), "{fragment}");
        assert_eq!(
            Link::parse(&fragment),
            Link {
                code: Some(Ok("IO.puts(\"x\")\n".to_owned())),
                run: true,
                seed: Some(7),
            }
        );
        assert!(!Link::fragment_for("x", false, 0).contains("seed"));
    }

    #[test]
    fn explains_broken_payloads() {
        let broken = [
            ("abc!", "the code is not valid base64url: it contains '!' at position 3, which base64url does not use"),
            ("AAAAAAAA", "the code is damaged (it does not decompress); the link may have been cut off"),
            // Cut in the middle of a valid payload.
            ("8_TXKygtKdZQykjN", "the code is damaged (it does not decompress); the link may have been cut off"),
        ];
        for (payload, message) in broken {
            let error = decode_source(payload).expect_err(payload);
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn refuses_to_inflate_past_the_limit() {
        let huge = " ".repeat(MAX_SOURCE_BYTES + 1);
        assert_eq!(
            decode_source(&encode_source(&huge)),
            Err(ShareError::TooLarge)
        );
    }
}
