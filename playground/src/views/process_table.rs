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
                <td class="cc-mono cc-state">{ row.state_text().unwrap_or_default() }</td>
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
