//! The preprocessor as mdBook runs it: `{{#playground FILE}}` is read relative to
//! the chapter's own file, and a file that is not there fails the build with the
//! chapter and the path.

use std::path::{Path, PathBuf};

use callcast_book::Playgrounds;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

/// A context whose book sources are `tests/fences/`.
fn context() -> PreprocessorContext {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut config = Config::default();
    config.book.src = PathBuf::from("fences");
    PreprocessorContext::new(root, config, "html".to_owned())
}

fn run(chapter_path: &str, content: &str) -> Result<String, String> {
    let mut book = Book::new();
    book.push_item(Chapter::new(
        "A chapter",
        content.to_owned(),
        chapter_path,
        Vec::new(),
    ));
    let book = Playgrounds
        .run(&context(), book)
        .map_err(|error| error.to_string())?;
    match book.iter().next() {
        Some(BookItem::Chapter(chapter)) => Ok(chapter.content.clone()),
        _ => Err("the chapter is gone".to_owned()),
    }
}

#[test]
fn an_included_file_is_read_beside_its_chapter() {
    // A chapter in `examples/` names the file relative to that directory.
    let page =
        run("examples/chapter.md", "{{#playground ping.exs}}\n").expect("the build succeeds");
    assert!(page.contains("<div class=\"callcast-embed\""), "{page}");
    assert!(page.contains(":ping -> IO.puts(\"pong\")"), "{page}");
}

#[test]
fn a_missing_file_fails_the_build_naming_chapter_and_path() {
    let error = run(
        "flood.md",
        "# Flood\n\n{{#playground examples/flood.exs views=mailbox}}\n",
    )
    .expect_err("the build fails");
    assert!(
        error.starts_with("flood.md:3: cannot read `examples/flood.exs`"),
        "{error}"
    );
}
