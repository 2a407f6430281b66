//! An editor embedded in a book page, mounted by the book's loader through
//! `mount_editor`.

use serde::Deserialize;
use yew::prelude::*;

use super::workbench::{Layout, Share, Workbench};

/// The options the loader passes as JSON: the fence's options (see the book
/// preprocessor's `EmbedOptions`) plus what only the page knows. Unknown fields
/// are ignored, so a newer book works with an older module.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct EmbedSettings {
    /// The code, read from the fallback code block.
    pub source: String,
    /// Editor height in lines; by default it fits the code.
    pub height: Option<u32>,
    /// URL of the playground page, for "Open in playground".
    pub playground: Option<String>,
    /// Which editor of its page this is (0, 1, ...), to key its autosave.
    pub index: Option<usize>,
}

impl EmbedSettings {
    fn rows(&self) -> u32 {
        let lines = self.source.lines().count() as u32;
        self.height.unwrap_or(lines + 1).clamp(2, 40)
    }
}

/// Properties of [`Embed`].
#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// Its settings.
    pub settings: EmbedSettings,
}

/// A compact workbench for a book page.
#[function_component(Embed)]
pub fn embed(props: &EmbedProps) -> Html {
    let settings = &props.settings;
    let share = settings
        .playground
        .clone()
        .map_or(Share::Hidden, |url| Share::Playground(url.into()));
    let key = settings
        .index
        .map(|index| crate::storage::embed_key(&crate::storage::page_path(), index));
    let source = key
        .as_deref()
        .and_then(crate::storage::load)
        .unwrap_or_else(|| settings.source.clone());
    html! {
        <Workbench source={source}
                   original={settings.source.clone()}
                   storage_key={key.map(AttrValue::from)}
                   file_name="example.exs"
                   layout={Layout::Compact}
                   {share}
                   rows={settings.rows()} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_the_loader() {
        let settings: EmbedSettings = serde_json::from_str(
            r#"{"source":"IO.puts(\"a\")\nIO.puts(\"b\")","playground":"https://x.test/play/","later":true}"#,
        )
        .expect("valid settings");
        assert_eq!(settings.playground.as_deref(), Some("https://x.test/play/"));
        assert_eq!(settings.rows(), 3);
        let tall: EmbedSettings = serde_json::from_str(r#"{"height":12}"#).expect("valid");
        assert_eq!(tall.rows(), 12);
    }
}
