//! The options a playground fence may carry after `elixir,playground`.
//!
//! Adding an option is three steps: a field here, a match arm in [`EmbedOptions::set`],
//! and the matching field in the playground's `EmbedSettings`.

use serde::Serialize;

/// Options of one embedded editor, handed to the playground as JSON.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedOptions {
    /// Visible height of the editor in lines (default: fit the code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

impl EmbedOptions {
    /// Parses the tokens of a fence's info string that follow `elixir` and
    /// `playground` (`height=12`, ...).
    pub fn parse<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Result<EmbedOptions, String> {
        let mut options = EmbedOptions::default();
        for token in tokens {
            let (key, value) = match token.split_once('=') {
                Some((key, value)) => (key, Some(value)),
                None => (token, None),
            };
            options.set(key, value)?;
        }
        Ok(options)
    }

    fn set(&mut self, key: &str, value: Option<&str>) -> Result<(), String> {
        match (key, value) {
            ("height", Some(value)) => {
                let lines = value
                    .parse::<u32>()
                    .ok()
                    .filter(|lines| (1..=200).contains(lines))
                    .ok_or_else(|| {
                        format!("`height` takes a number of lines from 1 to 200, not `{value}`")
                    })?;
                self.height = Some(lines);
                Ok(())
            }
            ("height", None) => Err("`height` needs a value, e.g. `height=12`".to_owned()),
            (key, _) => Err(format!(
                "unknown playground option `{key}` (known: height=N)"
            )),
        }
    }

    /// The options as the JSON object the embed loader passes to the playground.
    pub fn to_json(&self) -> String {
        // Serialising a struct of plain fields cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_owned())
    }
}
