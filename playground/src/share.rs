//! Share links: the program and its settings in the URL fragment.
//!
//! The contract (kept stable, since links outlive releases):
//! `play/#code=<payload>&key=value...`, where the payload is the base64url (no
//! padding) of the raw-DEFLATE-compressed UTF-8 source. `run=1` runs the program
//! as soon as the page opens; `seed=N` (a decimal `u64`, left out when 0) is the
//! seed of its runs. Unknown keys and unreadable values are ignored, so older
//! pages open newer links.
//!
//! The browser compresses and decompresses (`CompressionStream` and
//! `DecompressionStream`, format `deflate-raw`), which saves the download a
//! DEFLATE implementation of our own (about 10 KB gzip) but makes both
//! asynchronous. Links drawn into a page, which must be there when it renders,
//! carry the source uncompressed in DEFLATE's stored blocks instead
//! ([`encode_source_stored`]): any DEFLATE reader opens either.

use std::fmt;

use wasm_bindgen::prelude::*;

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

// `bytes` is a view into the module's memory, which an `await` may move: both
// functions copy it (into a `Blob`) before they first wait.
#[wasm_bindgen(inline_js = r#"
export async function deflateRaw(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function inflateRaw(bytes, limit) {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done) {
            break;
        }
        size += value.length;
        if (size > limit) {
            await reader.cancel();
            return undefined;
        }
        chunks.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
    }
    return out;
}
"#)]
extern "C" {
    /// Raw DEFLATE of `bytes`; rejects where the browser cannot compress.
    #[wasm_bindgen(catch, js_name = deflateRaw)]
    async fn deflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;

    /// The bytes `bytes` inflate to, `undefined` past `limit` bytes; rejects
    /// on data that is not raw DEFLATE.
    #[wasm_bindgen(catch, js_name = inflateRaw)]
    async fn inflate_raw(bytes: &[u8], limit: u32) -> Result<JsValue, JsValue>;
}

/// The payload of `code=` for a source text, compressed by the browser (or,
/// where it cannot compress, as [`encode_source_stored`] writes it).
pub async fn encode_source(source: &str) -> String {
    match deflate_raw(source.as_bytes()).await {
        Ok(bytes) => base64url::encode(&js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(_) => encode_source_stored(source),
    }
}

/// The payload of `code=` for a source text, at once: DEFLATE's stored
/// (uncompressed) blocks, so the link is about twice as long as a compressed one.
pub fn encode_source_stored(source: &str) -> String {
    // A stored block: a header byte (BFINAL in bit 0, BTYPE 00), then LEN and
    // its complement NLEN, little-endian, then LEN bytes as they are.
    let bytes = source.as_bytes();
    let mut deflate = Vec::with_capacity(bytes.len() + 5 * (bytes.len() / 0xffff + 1));
    let mut blocks = bytes.chunks(0xffff).peekable();
    if blocks.peek().is_none() {
        deflate.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(block) = blocks.next() {
        let last = blocks.peek().is_none();
        let len = block.len() as u16;
        deflate.push(u8::from(last));
        deflate.extend_from_slice(&len.to_le_bytes());
        deflate.extend_from_slice(&(!len).to_le_bytes());
        deflate.extend_from_slice(block);
    }
    base64url::encode(&deflate)
}

/// The source text of a `code=` payload.
pub async fn decode_source(payload: &str) -> Result<String, ShareError> {
    let compressed = base64url::decode(payload).map_err(ShareError::NotBase64)?;
    let inflated = inflate_raw(&compressed, MAX_SOURCE_BYTES as u32)
        .await
        .map_err(|_| ShareError::NotDeflate)?;
    if inflated.is_undefined() {
        return Err(ShareError::TooLarge);
    }
    String::from_utf8(js_sys::Uint8Array::new(&inflated).to_vec()).map_err(|_| ShareError::NotUtf8)
}

/// What a URL fragment asks the playground to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The payload of `code=`, if the link has one ([`decode_source`] reads it).
    pub code: Option<String>,
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
                "code" => link.code = Some(value.to_owned()),
                "run" => link.run = value == "1",
                "seed" => link.seed = value.parse().ok(),
                _ => {}
            }
        }
        link
    }

    /// The fragment (without `#`) that shares the source encoded as `payload`
    /// (see [`encode_source`]), run with `seed`.
    pub fn fragment_for(payload: &str, run: bool, seed: u64) -> String {
        let mut fragment = format!("code={payload}");
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

    /// What a DEFLATE reader makes of a payload.
    fn inflate(payload: &str) -> Vec<u8> {
        let bytes = base64url::decode(payload).expect("base64url");
        miniz_oxide::inflate::decompress_to_vec(&bytes).expect("raw DEFLATE")
    }

    #[test]
    fn stored_payloads_are_what_zlib_writes_at_level_0() {
        // zlib's `deflateRawSync(source, { level: 0 })`, in base64url.
        assert_eq!(
            encode_source_stored("IO.puts(\"hi\")\n"),
            "AQ4A8f9JTy5wdXRzKCJoaSIpCg"
        );
        assert_eq!(encode_source_stored(""), "AQAA__8");
    }

    #[test]
    fn stored_payloads_inflate_to_their_source() {
        let long = "héllo, 世界\n".repeat(20_000);
        assert!(long.len() > 2 * 0xffff, "spans three stored blocks");
        for source in ["", "IO.puts(\"hi\")", long.as_str()] {
            assert_eq!(inflate(&encode_source_stored(source)), source.as_bytes());
        }
    }

    #[test]
    fn parses_fragments_and_ignores_unknown_keys() {
        assert_eq!(
            Link::parse("#theme=dark&code=8_TXKygt&run=1&x"),
            Link {
                code: Some("8_TXKygt".to_owned()),
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
        let payload = encode_source_stored("IO.puts(\"x\")\n");
        let fragment = Link::fragment_for(&payload, true, 7);
        assert!(fragment.ends_with("&run=1&seed=7"), "{fragment}");
        assert_eq!(
            Link::parse(&fragment),
            Link {
                code: Some(payload),
                run: true,
                seed: Some(7),
            }
        );
        assert!(!Link::fragment_for("x", false, 0).contains("seed"));
    }
}
