//! Writes every live example of the book as runnable `.exs` files, for
//! `book/record.sh` to run under real Elixir:
//!
//! ```text
//! book-examples CHAPTERS_DIR OUT_DIR
//! OUT_DIR/<chapter>/<n>.exs           example n of the chapter (setup + code)
//! OUT_DIR/<chapter>/<n>.start.exs     an exercise's starting code + its checks
//! OUT_DIR/<chapter>/<n>.solution.exs  an exercise's solution + its checks
//! ```

use std::path::Path;
use std::process::ExitCode;

use callcast_book::{book_examples, Example};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [chapters, out] = args.as_slice() else {
        eprintln!("usage: book-examples CHAPTERS_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    match write_all(Path::new(chapters), Path::new(out)) {
        Ok(count) => {
            println!("{count} programs written to {out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("book-examples: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(chapters: &Path, out: &Path) -> Result<usize, String> {
    let mut count = 0;
    for (chapter, examples) in book_examples(chapters)? {
        let dir = out.join(&chapter);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (index, example) in examples.iter().enumerate() {
            for (name, program) in programs(index + 1, example) {
                let path = dir.join(name);
                std::fs::write(&path, program).map_err(|e| format!("{}: {e}", path.display()))?;
                count += 1;
            }
        }
    }
    Ok(count)
}

fn programs(n: usize, example: &Example) -> Vec<(String, String)> {
    let mut out = vec![(format!("{n}.exs"), example.program())];
    if let Some(start) = example.checked_program(&example.code) {
        out.push((format!("{n}.start.exs"), start));
    }
    if let Some(solution) = example.solution.as_deref() {
        if let Some(program) = example.checked_program(solution) {
            out.push((format!("{n}.solution.exs"), program));
        }
    }
    out
}
