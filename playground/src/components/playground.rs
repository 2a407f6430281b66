//! The playground page (`play/`): one full workbench, opened from the share link in
//! the URL fragment if there is one.

use gloo_events::EventListener;
use yew::prelude::*;

use super::workbench::{Layout, Share, Workbench};
use crate::share::{self, Link, ShareError};

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
    /// What to open for `fragment`, once the code of its link (if it has
    /// `code=`) is read, given the autosaved text: a link's code wins; without
    /// one (or with a damaged one) the autosave comes back.
    fn new(
        fragment: String,
        link: &Link,
        code: Option<Result<String, ShareError>>,
        saved: Option<String>,
    ) -> Opened {
        let fallback = saved.unwrap_or_else(|| WELCOME_SOURCE.to_owned());
        let original = match &code {
            Some(Ok(source)) => source.clone(),
            _ => WELCOME_SOURCE.to_owned(),
        };
        let (source, problem) = match code {
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

    /// The page's fragment and what it asks for.
    fn location() -> (String, Link) {
        let fragment = web_sys::window()
            .and_then(|window| window.location().hash().ok())
            .unwrap_or_default();
        let link = Link::parse(&fragment);
        (fragment, link)
    }

    /// What to open for the page's fragment, if that can be known at once: not
    /// when its link has code, which the browser decompresses asynchronously.
    fn at_once() -> Option<Opened> {
        let (fragment, link) = Opened::location();
        link.code.is_none().then(|| {
            Opened::new(
                fragment,
                &link,
                None,
                crate::storage::load(crate::storage::PLAYGROUND_KEY),
            )
        })
    }

    /// Opens the page's fragment into `opened`, reading its link's code first.
    /// A fragment that changed while its code was read is left to the next call.
    fn open_location(opened: UseStateHandle<Option<Opened>>) {
        let (fragment, link) = Opened::location();
        let Some(payload) = link.code.clone() else {
            opened.set(Opened::at_once());
            return;
        };
        yew::platform::spawn_local(async move {
            let code = share::decode_source(&payload).await;
            if Opened::location().0 == fragment {
                let saved = crate::storage::load(crate::storage::PLAYGROUND_KEY);
                opened.set(Some(Opened::new(fragment, &link, Some(code), saved)));
            }
        });
    }
}

/// The playground page.
#[function_component(Playground)]
pub fn playground() -> Html {
    // `None` while a link's code is being read.
    let opened = use_state(Opened::at_once);
    // Counts example loads, so loading one remounts the workbench afresh.
    let loads = use_state(|| 0_u32);
    let on_example = {
        let opened = opened.clone();
        let loads = loads.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(example) = crate::examples::find(&select.value()) {
                opened.set(Some(Opened {
                    fragment: opened
                        .as_ref()
                        .map(|opened| opened.fragment.clone())
                        .unwrap_or_default(),
                    source: example.source.to_owned(),
                    original: example.source.to_owned(),
                    problem: None,
                    autorun: false,
                    seed: 0,
                }));
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
            if opened.is_none() {
                Opened::open_location(opened.clone());
            }
            // A pasted link changes only the fragment: no reload, so listen.
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    Opened::open_location(opened.clone());
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
        {
            match &*opened {
                // The fragment (and example loads) as key: a new link mounts a fresh workbench.
                Some(opened) => html! {
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
                },
                None => html! { <p class="cc-loading">{ "Opening the link…" }</p> },
            }
        }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(fragment: &str, code: Option<Result<&str, ShareError>>, saved: Option<&str>) -> Opened {
        Opened::new(
            fragment.to_owned(),
            &Link::parse(fragment),
            code.map(|code| code.map(str::to_owned)),
            saved.map(str::to_owned),
        )
    }

    #[test]
    fn a_broken_link_opens_the_welcome_code_with_a_message() {
        let opened = open("#code=AAAA&run=1", Some(Err(ShareError::NotDeflate)), None);
        assert_eq!(opened.source, WELCOME_SOURCE);
        assert!(!opened.autorun, "a broken link must not run anything");
        assert_eq!(
            opened.problem.as_deref(),
            Some(
                "Could not open the code in this link: the code is damaged (it does not \
                 decompress); the link may have been cut off.\n\
                 The editor below still works: write code and press Run."
            )
        );
    }

    #[test]
    fn a_broken_link_keeps_the_autosaved_code_and_a_good_link_wins() {
        let saved = Some("IO.puts(:mine)\n");
        let broken = open("#code=AAAA", Some(Err(ShareError::NotUtf8)), saved);
        assert_eq!(broken.source, "IO.puts(:mine)\n");
        assert!(broken.problem.is_some());
        let good = open("#code=AAAA", Some(Ok("x = 1")), saved);
        assert_eq!(
            (good.source.as_str(), good.original.as_str()),
            ("x = 1", "x = 1")
        );
    }

    #[test]
    fn a_link_sets_the_seed() {
        let opened = open("#code=AAAA&run=1&seed=42", Some(Ok("x")), None);
        assert_eq!((opened.seed, opened.autorun), (42, true));
        assert_eq!(open("", None, None).seed, 0);
    }

    #[test]
    fn no_fragment_opens_the_welcome_code() {
        let opened = open("", None, None);
        assert_eq!(
            (opened.source.as_str(), opened.autorun),
            (WELCOME_SOURCE, false)
        );
    }
}
