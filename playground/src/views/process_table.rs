//! The process table: every process of the run and where it stands.

use runtime_core::TraceEvent;
use yew::{html, Html};

use super::model::{pid_text, processes, ProcessStatus};
use super::{empty, frame};

const CLASS: &str = "cc-processes";
const TEST_ID: &str = "process-table";

/// Lists the processes of the trace.
pub fn view(trace: &[TraceEvent]) -> Html {
    let rows = processes(trace);
    if rows.is_empty() {
        return frame(
            CLASS,
            TEST_ID,
            empty("Run the program to list its processes."),
        );
    }
    let body = rows.iter().map(|row| {
        let status = match &row.status {
            ProcessStatus::Alive => "alive".to_owned(),
            ProcessStatus::Exited(reason) => format!("exited {reason}"),
        };
        html! {
            <tr>
                <td class="cc-mono">{ pid_text(row.pid) }</td>
                <td>{ row.label.clone() }</td>
                <td>{ status }</td>
                <td class="cc-num">{ row.received.to_string() }</td>
                <td class="cc-num">{ row.mailbox.to_string() }</td>
            </tr>
        }
    });
    let table = html! {
        <table>
                <thead>
                    <tr>
                        <th>{ "Process" }</th><th>{ "Label" }</th><th>{ "Status" }</th>
                        <th class="cc-num">{ "Received" }</th><th class="cc-num">{ "Mailbox" }</th>
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
        </table>
    };
    frame(CLASS, TEST_ID, table)
}
