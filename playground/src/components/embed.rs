//! An editor embedded in a book page, mounted by the book's loader through
//! `mount_editor`.

use serde::Deserialize;
use yew::prelude::*;

use super::embed_views::View;
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
    /// Code run before the editor's text, not shown in the editor.
    pub setup: String,
    /// An exercise's hidden checks, run after the editor's text by Check.
    pub check: Option<String>,
    /// The example ends with an uncaught error on purpose.
    pub crash: bool,
    /// The views drawn under the console after a run (`diagram`, `mailbox`,
    /// `table`); names this module does not know are left out.
    pub views: Vec<String>,
}

impl EmbedSettings {
    fn rows(&self) -> u32 {
        let lines = self.source.lines().count() as u32;
        self.height.unwrap_or(lines + 1).clamp(2, 40)
    }

    fn views(&self) -> Vec<View> {
        self.views
            .iter()
            .filter_map(|name| View::from_name(name))
            .collect()
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
                   rows={settings.rows()}
                   setup={settings.setup.clone()}
                   check={settings.check.clone().map(AttrValue::from)}
                   expect_crash={settings.crash}
                   views={settings.views()} />
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

    #[test]
    fn views_in_the_order_asked_for_unknown_ones_left_out() {
        let settings: EmbedSettings =
            serde_json::from_str(r#"{"views":["table","flamegraph","diagram"]}"#).expect("valid");
        assert_eq!(settings.views(), vec![View::Table, View::Diagram]);
    }

    #[test]
    fn exercise_settings_from_the_book() {
        let settings: EmbedSettings = serde_json::from_str(
            r#"{"source":"x = 1\n","setup":"y = 2\n","check":"IO.puts(\"check passed\")\n","exercise":true,"crash":true}"#,
        )
        .expect("valid settings");
        assert_eq!(settings.setup, "y = 2\n");
        assert_eq!(
            settings.check.as_deref(),
            Some("IO.puts(\"check passed\")\n")
        );
        assert!(settings.crash);
        assert!(settings.views().is_empty());
        // Setup lines are not the editor's: the height fits the visible code.
        assert_eq!(settings.rows(), 2);
    }
}
