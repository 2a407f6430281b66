//! Autosave: each editor keeps its latest text in the browser's localStorage,
//! under a key of its own, so a reload (or a broken share link) loses nothing.
//!
//! Storage may be missing or refuse writes (private windows, quotas); every
//! function here then quietly does nothing, since autosave is a convenience.

/// The key of the playground page's editor.
pub const PLAYGROUND_KEY: &str = "callcast:play";

/// The key of the `index`-th editor on the book page at `path`.
pub fn embed_key(path: &str, index: usize) -> String {
    format!("callcast:book:{path}#{index}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text saved under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves `text` under `key`, or forgets the key when the text is the
/// original (so a later change of the original shows through).
pub fn save(key: &str, text: &str, original: &str) {
    let Some(storage) = local_storage() else {
        return;
    };
    // A failed write (quota, disabled storage) only loses the autosave.
    let _ = if text == original {
        storage.remove_item(key)
    } else {
        storage.set_item(key, text)
    };
}

/// The path of the current page, to key a book page's editors.
pub fn page_path() -> String {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_per_page_and_editor() {
        assert_eq!(
            embed_key("/book/calls.html", 2),
            "callcast:book:/book/calls.html#2"
        );
        assert_ne!(embed_key("/a.html", 0), embed_key("/b.html", 0));
        assert_ne!(embed_key("/a.html", 0), PLAYGROUND_KEY);
    }
}
