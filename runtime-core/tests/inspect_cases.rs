//! The printer against real Elixir: every case of `tests/inspect/expected.txt` (recorded
//! by `tests/inspect/record.sh` from `cases.txt`) must print exactly what Elixir printed.

#[path = "support/term_reader.rs"]
mod term_reader;

use runtime_core::inspect::{
    inspect_labelled, inspect_with, to_string, Charlists, InspectOpts, INFINITY,
};
use runtime_core::value::Value;
use term_reader::read_term;

const EXPECTED: &str = include_str!("inspect/expected.txt");

struct Case<'a> {
    line: &'a str,
    kind: &'a str,
    options: &'a str,
    term: &'a str,
    output: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    EXPECTED
        .split("#### ")
        .filter(|block| !block.is_empty())
        .map(|block| {
            let (line, rest) = block.split_once('\n').expect("case line");
            let (term, output) = rest.split_once("\n----\n").expect("separator");
            let output = output.strip_suffix('\n').unwrap_or(output);
            let (kind, after_kind) = line.split_once(" |").expect("kind");
            let (options, _expression) = after_kind.split_once("| ").expect("options");
            Case {
                line,
                kind,
                options: options.trim(),
                term,
                output,
            }
        })
        .collect()
}

/// The options of a case, and its `label:`.
fn options(source: &str) -> Result<(InspectOpts, Option<String>), String> {
    let mut opts = InspectOpts::default();
    let mut label = None;
    let list = read_term(&format!("[{source}]"))?;
    for pair in list.list_iter() {
        let Value::Tuple(kv) = pair else {
            return Err(format!("not an option: {pair}"));
        };
        let (key, value) = (kv[0].as_atom().ok_or("option key")?.name(), &kv[1]);
        let number = || match value {
            Value::Int(n) => Ok(*n as usize),
            v if v.as_atom().map(|a| a.name()) == Some("infinity") => Ok(INFINITY),
            v => Err(format!("not a limit: {v}")),
        };
        match key {
            "limit" => opts.limit = number()?,
            "width" => opts.width = number()?,
            "printable_limit" => opts.printable_limit = number()?,
            "pretty" => opts.pretty = value.is_true(),
            "structs" => opts.structs = value.is_true(),
            "charlists" => {
                opts.charlists = match value.as_atom().map(|a| a.name()) {
                    Some("as_lists") => Charlists::AsLists,
                    _ => Charlists::Infer,
                }
            }
            "label" => label = Some(to_string(value).map_err(|e| e.to_string())?),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok((opts, label))
}

fn run(case: &Case<'_>) -> Result<String, String> {
    let term = read_term(case.term)?;
    let (opts, label) = options(case.options)?;
    Ok(match case.kind {
        "inspect" => inspect_with(&term, &opts),
        "io_inspect" => inspect_labelled(&term, label.as_deref(), &opts),
        "to_string" => match to_string(&term) {
            Ok(s) => format!("ok {s}"),
            Err(e) => format!("error {} {}", e.exception, e.message),
        },
        other => return Err(format!("unknown kind {other}")),
    })
}

fn has_large_map(value: &Value) -> bool {
    match value {
        Value::Map(m) => {
            m.len() > 32
                || m.iter()
                    .any(|(k, v)| has_large_map(&k.0) || has_large_map(v))
        }
        Value::Tuple(items) => items.iter().any(has_large_map),
        Value::Cons(_) => {
            let mut cells = value.list_iter();
            cells.by_ref().any(has_large_map) || has_large_map(cells.rest())
        }
        _ => false,
    }
}

#[test]
fn prints_what_elixir_printed() {
    let cases = cases();
    assert!(
        cases.len() > 500,
        "expected.txt holds {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        match run(case) {
            Ok(got) if got == case.output => {}
            Ok(got) => failures.push(format!(
                "{}\n--- elixir\n{}\n--- callcast\n{}\n",
                case.line, case.output, got
            )),
            Err(e) => failures.push(format!("{}\n  cannot run: {e}\n", case.line)),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The term line of each case is itself `inspect` output (no limits, charlists as
/// lists, structs as maps), so printing the rebuilt term must give it back.
#[test]
fn reprints_the_recorded_terms() {
    let opts = InspectOpts {
        limit: INFINITY,
        printable_limit: INFINITY,
        charlists: Charlists::AsLists,
        structs: false,
        ..InspectOpts::default()
    };
    let mut failures = Vec::new();
    for case in cases() {
        let term = match read_term(case.term) {
            Ok(term) => term,
            Err(e) => {
                failures.push(format!("{}: {e}", case.line));
                continue;
            }
        };
        // Elixir prints maps of more than 32 keys in hash order; callcast sorts them.
        if has_large_map(&term) {
            continue;
        }
        let got = inspect_with(&term, &opts);
        if got != case.term {
            failures.push(format!(
                "{}\n  elixir:   {}\n  callcast: {}",
                case.line, case.term, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
