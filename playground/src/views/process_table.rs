//! The process table: every process of the run and where it stands, with a
//! GenServer's latest state.

use runtime_core::inspect::inspect;
use runtime_core::TraceEvent;
use yew::{html, Html};

use super::model::{pid_text, ProcessStatus, Processes};
use super::{empty, frame};

const CLASS: &str = "cc-processes";
const TEST_ID: &str = "process-table";
/// Rows drawn; a run with a million processes lists its first ones and says
/// how many more there are (drawing them all would freeze the tab).
const MAX_ROWS: usize = 300;

/// Lists the processes of the trace, from its folded `processes`.
pub fn view(processes: &Processes, trace: &[TraceEvent]) -> Html {
    if processes.is_empty() {
        return frame(
            CLASS,
            TEST_ID,
            empty("Run the program to list its processes."),
        );
    }
    let hidden = processes.len().saturating_sub(MAX_ROWS);
    let body = processes.rows(trace).take(MAX_ROWS).map(|row| {
        let (status, class) = match row.status {
            ProcessStatus::Running => ("running".to_owned(), "cc-status-running"),
            ProcessStatus::Waiting => ("waiting".to_owned(), "cc-status-waiting"),
            ProcessStatus::Exited(reason) => match inspect(reason) {
                normal if normal == ":normal" => ("exited :normal".to_owned(), "cc-status-exited"),
                reason => (format!("exited {reason}"), "cc-status-crashed"),
            },
        };
        html! {
            <tr>
                <td class="cc-mono">{ pid_text(row.pid) }</td>
                <td title={row.label.to_owned()}>{ row.name.to_string() }</td>
                <td class={class}>{ status }</td>
                <td class="cc-num">{ row.mailbox.to_string() }</td>
                <td class="cc-num">{ row.reductions.to_string() }</td>
                { state_cell(row.state_text()) }
            </tr>
        }
    });
    let table = html! {
        <>
        <table>
                <thead>
                    <tr>
                        <th>{ "Process" }</th><th>{ "Name" }</th><th>{ "Status" }</th>
                        <th class="cc-num">{ "Mailbox" }</th><th class="cc-num">{ "Reductions" }</th>
                        <th>{ "GenServer state" }</th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
        </table>
        if hidden > 0 {
            <p class="cc-note">{ format!("…and {hidden} more processes, not listed.") }</p>
        }
        </>
    };
    frame(CLASS, TEST_ID, table)
}

/// How much of a GenServer's state the table shows, in characters: a small
/// state whole; a bigger one (a supervisor's children, a long list) is cut,
/// and the whole of it shows on hover.
const STATE_CHARS: usize = 120;

/// The state column: the state as Elixir prints it, cut to [`STATE_CHARS`]
/// with the full text as the cell's tooltip.
fn state_cell(state: Option<String>) -> Html {
    let full = state.unwrap_or_default();
    match cut_state(&full) {
        Some(shown) => html! { <td class="cc-mono cc-state" title={full}>{ shown }</td> },
        None => html! { <td class="cc-mono cc-state">{ full }</td> },
    }
}

/// The first [`STATE_CHARS`] characters of a longer state and an ellipsis;
/// `None` when the whole state fits.
fn cut_state(full: &str) -> Option<String> {
    let (cut, _) = full.char_indices().nth(STATE_CHARS)?;
    Some(format!("{}…", &full[..cut]))
}

#[cfg(test)]
mod state_tests {
    use super::*;

    #[test]
    fn a_long_state_is_cut_at_a_character_boundary_and_a_short_one_kept() {
        assert_eq!(cut_state("%{count: 3}"), None);
        let long = format!("[{}]", "\"é\", ".repeat(60));
        let shown = cut_state(&long).expect("a long state is cut");
        assert_eq!(shown.chars().count(), STATE_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert!(long.starts_with(shown.trim_end_matches('…')));
        let exact: String = "x".repeat(STATE_CHARS);
        assert_eq!(cut_state(&exact), None);
    }
}
