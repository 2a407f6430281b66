//! The playground page (`play/`): one full workbench, opened from the share link in
//! the URL fragment if there is one.

use gloo_events::EventListener;
use yew::prelude::*;

use super::workbench::{Layout, Share, Workbench};
use crate::share::Link;

/// What the page opens with when the URL has no code.
pub const WELCOME_SOURCE: &str = "IO.puts(\"hello from callcast\")\nIO.puts(\"Edit this code, then press Run or Ctrl+Enter.\")\n";

/// What the URL fragment asks for, read once per fragment.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    fragment: String,
    source: String,
    /// What "Reset to original" brings back: the link's code or the welcome code.
    original: String,
    problem: Option<String>,
    autorun: bool,
    /// The link's seed (0 without one).
    seed: u64,
}

impl Opened {
    /// What to open for this fragment, given the autosaved text: a link's code
    /// wins; without one (or with a damaged one) the autosave comes back.
    fn from_fragment(fragment: String, saved: Option<String>) -> Opened {
        let link = Link::parse(&fragment);
        let fallback = saved.unwrap_or_else(|| WELCOME_SOURCE.to_owned());
        let original = match &link.code {
            Some(Ok(source)) => source.clone(),
            _ => WELCOME_SOURCE.to_owned(),
        };
        let (source, problem) = match link.code {
            None => (fallback, None),
            Some(Ok(source)) => (source, None),
            Some(Err(error)) => (
                fallback,
                Some(format!(
                    "Could not open the code in this link: {error}.\n\
                     The editor below still works: write code and press Run."
                )),
            ),
        };
        Opened {
            autorun: link.run && problem.is_none(),
            seed: link.seed.unwrap_or(0),
            original,
            fragment,
            source,
            problem,
        }
    }

    fn from_location() -> Opened {
        let fragment = web_sys::window()
            .and_then(|window| window.location().hash().ok())
            .unwrap_or_default();
        Opened::from_fragment(
            fragment,
            crate::storage::load(crate::storage::PLAYGROUND_KEY),
        )
    }
}

/// The playground page.
#[function_component(Playground)]
pub fn playground() -> Html {
    let opened = use_state(Opened::from_location);
    // Counts example loads, so loading one remounts the workbench afresh.
    let loads = use_state(|| 0_u32);
    let on_example = {
        let opened = opened.clone();
        let loads = loads.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(example) = crate::examples::find(&select.value()) {
                opened.set(Opened {
                    fragment: opened.fragment.clone(),
                    source: example.source.to_owned(),
                    original: example.source.to_owned(),
                    problem: None,
                    autorun: false,
                    seed: 0,
                });
                loads.set(*loads + 1);
            }
            select.set_value("");
        })
    };
    let options = crate::examples::EXAMPLES.iter().map(|example| {
        html! { <option value={example.id}>{ example.title }</option> }
    });
    {
        let opened = opened.clone();
        use_effect_with((), move |()| {
            // A pasted link changes only the fragment: no reload, so listen.
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    opened.set(Opened::from_location());
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <>
        <div class="cc-examples">
            <label>
                { "Examples " }
                <select data-testid="examples" onchange={on_example}>
                    <option value="" selected=true>{ "Load an example…" }</option>
                    { for options }
                </select>
            </label>
        </div>
        // The fragment (and example loads) as key: a new link mounts a fresh workbench.
        <Workbench key={format!("{}|{}", opened.fragment, *loads)}
                   source={opened.source.clone()}
                   problem={opened.problem.clone().map(AttrValue::from)}
                   autorun={opened.autorun}
                   seed={opened.seed}
                   file_name="playground.exs"
                   layout={Layout::Full}
                   share={Share::ThisPage}
                   rows={18}
                   original={opened.original.clone()}
                   storage_key={crate::storage::PLAYGROUND_KEY} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_link_opens_the_welcome_code_with_a_message() {
        let opened = Opened::from_fragment("#code=%%%&run=1".to_owned(), None);
        assert_eq!(opened.source, WELCOME_SOURCE);
        assert!(!opened.autorun, "a broken link must not run anything");
        assert_eq!(
            opened.problem.as_deref(),
            Some(
                "Could not open the code in this link: the code is not valid base64url: \
                 it contains '%' at position 0, which base64url does not use.\n\
                 The editor below still works: write code and press Run."
            )
        );
    }

    #[test]
    fn a_broken_link_keeps_the_autosaved_code_and_a_good_link_wins() {
        let saved = Some("IO.puts(:mine)\n".to_owned());
        let broken = Opened::from_fragment("#code=%%%".to_owned(), saved.clone());
        assert_eq!(broken.source, "IO.puts(:mine)\n");
        assert!(broken.problem.is_some());
        let good =
            Opened::from_fragment(format!("#{}", Link::fragment_for("x = 1", false, 0)), saved);
        assert_eq!(
            (good.source.as_str(), good.original.as_str()),
            ("x = 1", "x = 1")
        );
    }

    #[test]
    fn a_link_sets_the_seed() {
        let opened = Opened::from_fragment(format!("#{}", Link::fragment_for("x", true, 42)), None);
        assert_eq!((opened.seed, opened.autorun), (42, true));
        assert_eq!(Opened::from_fragment(String::new(), None).seed, 0);
    }

    #[test]
    fn no_fragment_opens_the_welcome_code() {
        let opened = Opened::from_fragment(String::new(), None);
        assert_eq!(
            (opened.source.as_str(), opened.autorun),
            (WELCOME_SOURCE, false)
        );
    }
}
