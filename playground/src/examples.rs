//! The examples menu of the playground page: the book's scenarios, one click
//! away. Each is a file in `playground/examples/` that prints the same under
//! real `elixir` as here.

/// One example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Stable id (the file name without `.exs`).
    pub id: &'static str,
    /// What the menu shows.
    pub title: &'static str,
    /// The code.
    pub source: &'static str,
}

/// Every example, in menu order.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "counter",
        title: "Counter GenServer",
        source: include_str!("../examples/counter.exs"),
    },
    Example {
        id: "call_vs_cast",
        title: "Call vs cast: a mailbox fills up",
        source: include_str!("../examples/call_vs_cast.exs"),
    },
    Example {
        id: "early_reply",
        title: "Early reply: GenServer.reply before the work",
        source: include_str!("../examples/early_reply.exs"),
    },
    Example {
        id: "reply_later",
        title: "Reply later: keep from, reply from handle_cast",
        source: include_str!("../examples/reply_later.exs"),
    },
    Example {
        id: "call_timeout",
        title: "Call timeout",
        source: include_str!("../examples/call_timeout.exs"),
    },
    Example {
        id: "proxy_task",
        title: "Proxy Task and a stale reply",
        source: include_str!("../examples/proxy_task.exs"),
    },
    Example {
        id: "supervisor",
        title: "A supervisor restarts a server",
        source: include_str!("../examples/supervisor.exs"),
    },
    Example {
        id: "million_senders",
        title: "A million senders",
        source: include_str!("../examples/million_senders.exs"),
    },
];

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|example| example.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime_core::{RunConfig, RunStatus};

    /// The small examples run to the end here with the output real Elixir
    /// printed for them (recorded in `examples/*.out`). The million senders
    /// only compiles here: running it is the browser's and the CLI's job.
    #[test]
    fn examples_print_what_elixir_prints() {
        for example in EXAMPLES {
            let mut session =
                callcast_compiler::start(example.source, "example.exs", RunConfig::default())
                    .unwrap_or_else(|d| panic!("{} does not compile: {}", example.id, d.message));
            if example.id == "million_senders" {
                continue;
            }
            while session.run_for(1_000_000) == RunStatus::Running {}
            let printed: String = session.output().iter().map(|c| c.text.as_str()).collect();
            let expected = std::fs::read_to_string(format!(
                "{}/examples/{}.out",
                env!("CARGO_MANIFEST_DIR"),
                example.id
            ))
            .unwrap_or_else(|e| panic!("{}.out: {e}", example.id));
            assert_eq!(printed, expected, "{}", example.id);
        }
    }
}
