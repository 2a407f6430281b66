//! An editor embedded in a book page, mounted by the book's loader through
//! `mount_editor`.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::embed_views::View;
use super::workbench::{Layout, Share, Workbench};

/// The options the loader passes as JSON: the fence's options (see the book
/// preprocessor's `EmbedOptions`) plus what only the page knows. Unknown fields
/// are ignored, so a newer book works with an older module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// Reads the loader's options object. A field that is missing, or not of
    /// its type, keeps its default. The browser's own JSON reader and property
    /// lookups do the work: a JSON library of our own would add about 7 KB
    /// (gzip) to the download for these few fields.
    pub fn from_js(options: &JsValue) -> EmbedSettings {
        let field = |name: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        };
        let string = |name: &str| field(name).as_string();
        let count = |name: &str| {
            field(name)
                .as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX))
                .map(|n| n as u32)
        };
        let views = field("views");
        let views = if js_sys::Array::is_array(&views) {
            js_sys::Array::from(&views)
                .iter()
                .filter_map(|view| view.as_string())
                .collect()
        } else {
            Vec::new()
        };
        EmbedSettings {
            source: string("source").unwrap_or_default(),
            height: count("height"),
            playground: string("playground"),
            index: count("index").map(|index| index as usize),
            setup: string("setup").unwrap_or_default(),
            check: string("check"),
            crash: field("crash").as_bool().unwrap_or(false),
            views,
        }
    }

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
    fn rows_fit_the_code_unless_a_height_is_given() {
        let settings = EmbedSettings {
            source: "IO.puts(\"a\")\nIO.puts(\"b\")".to_owned(),
            ..EmbedSettings::default()
        };
        assert_eq!(settings.rows(), 3);
        let tall = EmbedSettings {
            height: Some(12),
            ..EmbedSettings::default()
        };
        assert_eq!(tall.rows(), 12);
    }

    #[test]
    fn views_in_the_order_asked_for_unknown_ones_left_out() {
        let settings = EmbedSettings {
            views: vec!["table".into(), "flamegraph".into(), "diagram".into()],
            ..EmbedSettings::default()
        };
        assert_eq!(settings.views(), vec![View::Table, View::Diagram]);
    }

    #[test]
    fn setup_lines_do_not_count_in_the_height() {
        let settings = EmbedSettings {
            source: "x = 1\n".to_owned(),
            setup: "y = 2\n".to_owned(),
            ..EmbedSettings::default()
        };
        assert_eq!(settings.rows(), 2);
    }
}
