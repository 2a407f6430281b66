//! `cargo xtask build`: the static site in `dist/`.
//!
//! ```text
//! dist/index.html, site.css, callcast.css, ...   copied from www/ (except www/book/)
//! dist/pkg/callcast.js, callcast_bg.wasm         the playground crate, wasm-bindgen'ed
//! dist/play/index.html                           boots pkg/ and mounts the playground
//! dist/book/                                     mdBook output; its pages load www/book/embed.js
//! ```

use std::fs;
use std::path::Path;

use callcast_book::Playgrounds;
use mdbook_driver::builtin_preprocessors::{IndexPreprocessor, LinkPreprocessor};
use mdbook_driver::config::Config;
use mdbook_driver::MDBook;
use wasm_bindgen_cli_support::Bindgen;

use crate::process::{self, step};
use crate::workspace::Workspace;
use crate::Result;
use crate::{dedupe, minify};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The name of the generated module: `pkg/callcast.js` and `pkg/callcast_bg.wasm`.
const MODULE_NAME: &str = "callcast";

/// Builds the whole site into `dist/`, replacing what was there.
pub fn site(workspace: &Workspace) -> Result {
    let dist = workspace.dist();
    if dist.exists() {
        fs::remove_dir_all(&dist)
            .map_err(|error| format!("could not clear {}: {error}", dist.display()))?;
    }
    step("static shell (www/)", || {
        copy_dir(&workspace.www(), &dist, &|path| {
            path != workspace.www().join("book")
        })
    })?;
    step("wasm app (playground/)", || {
        wasm_app(workspace, &dist.join("pkg"))
    })?;
    step("book (book/)", || book(workspace, &dist.join("book")))?;
    minify_tree(&dist, false)?;
    println!("\nThe site is in {}", dist.display());
    Ok(())
}

fn wasm_app(workspace: &Workspace, out: &Path) -> Result {
    ensure_wasm_target()?;
    process::run(process::cargo(workspace)().args([
        "build",
        "--package",
        "playground",
        "--lib",
        "--target",
        WASM_TARGET,
        "--profile",
        "wasm-release",
    ]))?;
    let wasm = workspace
        .target_dir()
        .join(WASM_TARGET)
        .join("wasm-release")
        .join("playground.wasm");
    Bindgen::new()
        .input_path(&wasm)
        .out_name(MODULE_NAME)
        .web(true)?
        .typescript(false)
        // Without this the library (unlike the CLI) leaves `init()` unable to find
        // the .wasm file next to the .js file.
        .omit_default_module_path(false)
        // Function names would add a third to the download; panic messages keep
        // their text and source location without them. A profile needs them:
        // `CALLCAST_WASM_NAMES=1` keeps them.
        .remove_name_section(std::env::var_os("CALLCAST_WASM_NAMES").is_none())
        .generate(out)
        .map_err(|error| format!("wasm-bindgen on {}: {error:#}", wasm.display()))?;
    minify_tree(out, true)?;
    let module = out.join(format!("{MODULE_NAME}_bg.wasm"));
    let bytes = fs::read(&module)?;
    let (smaller, removed) = dedupe::remove_duplicates(&bytes).map_err(|error| {
        format!(
            "removing duplicate functions from {}: {error}",
            module.display()
        )
    })?;
    fs::write(&module, &smaller)?;
    println!("{removed} duplicate functions removed");
    let size = fs::metadata(&module)?.len();
    println!("{MODULE_NAME}_bg.wasm: {} KiB", size / 1024);
    Ok(())
}

fn ensure_wasm_target() -> Result {
    let installed = process::output(std::process::Command::new("rustup").args([
        "target",
        "list",
        "--installed",
    ]));
    match installed {
        Some(list) if list.lines().any(|line| line.trim() == WASM_TARGET) => Ok(()),
        Some(_) => {
            process::run(std::process::Command::new("rustup").args(["target", "add", WASM_TARGET]))
        }
        // No rustup: the toolchain may still have the target; cargo will say if not.
        None => Ok(()),
    }
}

/// Builds the book with the `callcast` preprocessor registered in-process.
///
/// mdBook only serves assets from inside the book's root, so the book is staged
/// in the scratch directory together with the assets it borrows from `www/`.
fn book(workspace: &Workspace, out: &Path) -> Result {
    let source = workspace.root().join("book");
    let stage = workspace.scratch().join("book");
    if stage.exists() {
        fs::remove_dir_all(&stage)?;
    }
    fs::create_dir_all(&stage)?;
    fs::copy(source.join("book.toml"), stage.join("book.toml"))?;
    copy_dir(&source.join("chapters"), &stage.join("chapters"), &|_| true)?;
    let assets = stage.join("callcast");
    copy_dir(&workspace.www().join("book"), &assets, &|_| true)?;
    fs::copy(
        workspace.www().join("callcast.css"),
        assets.join("callcast.css"),
    )?;
    minify_tree(&assets, true)?;

    let mut config = Config::from_disk(stage.join("book.toml"))?;
    config.build.build_dir = out.to_path_buf();
    // `callcast` must run before mdBook's `links`, which would read the book's
    // `{{#playground FILE}}` lines as Rust playgrounds; registered by hand,
    // preprocessors run in the order they are added.
    config.build.use_default_preprocessors = false;
    let mut book = MDBook::load_with_config(&stage, config)?;
    book.with_preprocessor(Playgrounds)
        .with_preprocessor(LinkPreprocessor::new())
        .with_preprocessor(IndexPreprocessor::new());
    book.build().map_err(|error| format!("mdBook: {error:#}"))?;
    Ok(())
}

/// Rewrites the CSS and JavaScript files in `dir` (and below it, if
/// `recursive`) without comments and indentation (see `minify.rs`).
fn minify_tree(dir: &Path, recursive: bool) -> Result {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if recursive {
                minify_tree(&path, true)?;
            }
            continue;
        }
        let minify: fn(&str) -> String = match path.extension().and_then(|e| e.to_str()) {
            Some("css") => minify::css,
            Some("js") => minify::js,
            _ => continue,
        };
        let text = fs::read_to_string(&path)?;
        fs::write(&path, minify(&text))?;
    }
    Ok(())
}

/// Copies the tree at `from` into `to`, skipping paths for which `keep` is false.
fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result {
    fs::create_dir_all(to)?;
    for entry in
        fs::read_dir(from).map_err(|error| format!("could not read {}: {error}", from.display()))?
    {
        let path = entry?.path();
        if !keep(&path) {
            continue;
        }
        let Some(name) = path.file_name() else {
            continue;
        };
        let target = to.join(name);
        if path.is_dir() {
            copy_dir(&path, &target, keep)?;
        } else {
            fs::copy(&path, &target)?;
        }
    }
    Ok(())
}
