//! Puts the Elixir prelude into the build with its comment lines blanked. The
//! compiler never reads comments, and the browser downloads the prelude's
//! text with the interpreter (about 2.6 KB gzip of comments). The lines stay,
//! empty, so every position in the prelude is where the source has it.

use std::env;
use std::fs;
use std::path::Path;

/// The prelude's files, as `api::PRELUDE` lists them.
const FILES: &[&str] = &[
    "kernel.ex",
    "exception.ex",
    "enum.ex",
    "genserver.ex",
    "task.ex",
    "supervisor.ex",
];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in FILES {
        let source = Path::new("prelude").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let mut stripped = String::with_capacity(text.len());
        for line in text.lines() {
            if !line.trim_start().starts_with('#') {
                stripped.push_str(line);
            }
            stripped.push('\n');
        }
        let target = Path::new(&out).join(name);
        fs::write(&target, stripped)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
    }
}
