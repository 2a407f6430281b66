//! The options a playground fence may carry after `elixir,playground`.
//!
//! Adding an option is three steps: a field here, a match arm in [`EmbedOptions::set`],
//! and the matching field in the playground's `EmbedSettings`.

use serde::Serialize;

/// The views a fence may ask for with `views=diagram+mailbox+table`.
const VIEWS: [&str; 3] = ["diagram", "mailbox", "table"];

/// Options of one embedded editor, handed to the playground as JSON.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedOptions {
    /// Visible height of the editor in lines (default: fit the code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// The example is meant to end with an uncaught error (`crash`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub crash: bool,
    /// The example is an exercise with a Check button (`exercise`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub exercise: bool,
    /// Trace views shown under the console (`views=diagram+mailbox`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<String>,
}

/// What the loader receives: the options plus the code the fence carries beside
/// the editor's own.
#[derive(Serialize)]
struct Json<'a> {
    #[serde(flatten)]
    options: &'a EmbedOptions,
    #[serde(skip_serializing_if = "str::is_empty")]
    setup: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    check: Option<&'a str>,
}

impl EmbedOptions {
    /// Parses the tokens of a fence's info string that follow `elixir` and
    /// `playground` (`height=12`, `crash`, ...).
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
            ("crash", None) => {
                self.crash = true;
                Ok(())
            }
            ("exercise", None) => {
                self.exercise = true;
                Ok(())
            }
            ("views", Some(value)) => {
                for view in value.split('+') {
                    if !VIEWS.contains(&view) {
                        return Err(format!(
                            "unknown view `{view}` (known: {})",
                            VIEWS.join(", ")
                        ));
                    }
                    self.views.push(view.to_owned());
                }
                Ok(())
            }
            ("views", None) => Err("`views` needs a value, e.g. `views=diagram+mailbox`".to_owned()),
            (key, _) => Err(format!(
                "unknown playground option `{key}` (known: height=N, crash, exercise, views=A+B, setup)"
            )),
        }
    }

    /// The options as the JSON object the embed loader passes to the playground,
    /// with the example's hidden setup code and an exercise's checks.
    pub fn to_json(&self, setup: &str, check: Option<&str>) -> String {
        let json = Json {
            options: self,
            setup,
            check,
        };
        // Serialising plain fields and strings cannot fail.
        serde_json::to_string(&json).unwrap_or_else(|_| "{}".to_owned())
    }
}
