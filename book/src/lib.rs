//! The book's mdBook preprocessor: every ```` ```elixir,playground ```` fence becomes a
//! placeholder that the embed loader (`www/embed.js`) turns into a live editor, with
//! the plain code block kept inside it as the fallback when JavaScript is off.
//!
//! All behaviour lives in the playground; this crate only marks where editors go and
//! with which options.

mod fence;
mod include;
mod options;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::errors::{Error, Result};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

pub use fence::{embed_playgrounds, examples, EmbedError, Example};
pub use options::EmbedOptions;

/// The preprocessor, registered in-process by the build (`cargo xtask build`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Playgrounds;

impl Playgrounds {
    /// The name mdBook knows this preprocessor by.
    pub const NAME: &'static str = "callcast";
}

impl Preprocessor for Playgrounds {
    fn name(&self) -> &str {
        Self::NAME
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let src = ctx.root.join(&ctx.config.book.src);
        let mut first_error = None;
        book.for_each_mut(|item| {
            let BookItem::Chapter(chapter) = item else {
                return;
            };
            if first_error.is_some() {
                return;
            }
            // Included files are found relative to the chapter's own file.
            let base = chapter
                .source_path
                .as_ref()
                .and_then(|path| path.parent())
                .map_or_else(|| src.clone(), |dir| src.join(dir));
            match embed_playgrounds(&chapter.content, &base) {
                Ok(content) => chapter.content = content,
                Err(error) => {
                    let file = chapter
                        .source_path
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| chapter.name.clone());
                    first_error = Some(Error::msg(format!("{file}:{error}")));
                }
            }
        });
        match first_error {
            Some(error) => Err(error),
            None => Ok(book),
        }
    }

    // Other renderers (e.g. a future linkcheck) see the fences untouched.
    fn supports_renderer(&self, renderer: &str) -> Result<bool> {
        Ok(renderer == "html")
    }
}

/// Every chapter of the book in `chapters_dir` (each `.md` but `SUMMARY.md`, by
/// file name) with its live examples, included files read; the chapter is named
/// by its file stem.
pub fn book_examples(
    chapters_dir: &std::path::Path,
) -> std::result::Result<Vec<(String, Vec<Example>)>, String> {
    let entries =
        std::fs::read_dir(chapters_dir).map_err(|e| format!("{}: {e}", chapters_dir.display()))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|e| e == "md")
                && path.file_name().is_some_and(|n| n != "SUMMARY.md")
        })
        .collect();
    paths.sort();
    let mut chapters = Vec::new();
    for path in paths {
        let markdown =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let examples =
            examples(&markdown, chapters_dir).map_err(|e| format!("{}:{e}", path.display()))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        chapters.push((stem, examples));
    }
    Ok(chapters)
}
