//! Runs a program with tracing on and a trace limit, as the playground does,
//! and reports the time: `cargo run --release -p runtime-core --example traced_run FILE [LIMIT]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: traced_run FILE [LIMIT]");
    let limit: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let source = std::fs::read_to_string(&path).expect("readable file");
    let mut config = runtime_core::RunConfig::default();
    config.scheduler.trace_limit = limit;
    let start = std::time::Instant::now();
    let mut session = callcast_compiler::start(&source, "traced.exs", config).expect("compiles");
    let mut slices = 0u64;
    while let runtime_core::RunStatus::Running = session.run_for(20_000) {
        slices += 1;
    }
    println!(
        "{:?}, {} slices, {} events, {} reductions",
        start.elapsed(),
        slices,
        session.trace().len(),
        session.reductions()
    );
}
