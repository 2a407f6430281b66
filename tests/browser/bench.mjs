// Browser benchmarks of the built site, printed as figures (not pass/fail):
// what /play/ transfers, how soon a first run shows its output, how smoothly a
// 100 000-event sequence diagram scrolls, how long the million senders take in the
// playground (and whether the page stays responsive, while the trace fills and
// after), how smoothly Play goes late in a long run, how soon the scrubber
// shows a moment, whether Stop answers, and
// the benchmark programs of runtime-core run through the wasm build.
//
// Run through `cargo xtask bench --browser`, which builds and serves the site.
// `node bench.mjs [NAME...]` runs only the named parts: transfer, first-run,
// scroll, million, play, scrub, stop, programs.

import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launch, encodeSource, SITE } from "./support.mjs";

const PROGRAMS = new URL("../../runtime-core/benches/programs/", import.meta.url);
const EXAMPLES = new URL("../../playground/examples/", import.meta.url);

const wanted = process.argv.slice(2);
const runs = (name) => wanted.length === 0 || wanted.includes(name);

const browser = await launch();
const version = browser.version();
console.log(`Chromium ${version}, site ${SITE}`);

/** A fresh page of the site; `init` runs in the page before its scripts. */
async function page(path, init) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    if (init) {
        await page.addInitScript(init);
    }
    await page.goto(new URL(path, SITE).href);
    return page;
}

function ms(value) {
    return `${value.toFixed(0)} ms`;
}

function kb(bytes) {
    return `${(bytes / 1024).toFixed(1)} KB`;
}

/** What the playground page transfers, gzip-compressed as a static host would. */
async function transfer() {
    const context = await browser.newContext();
    const p = await context.newPage();
    const bodies = [];
    p.on("response", (response) => bodies.push(response));
    await p.goto(new URL("play/index.html", SITE).href);
    await p.getByTestId("editor").waitFor();
    let total = 0;
    const rows = [];
    for (const response of bodies) {
        const url = new URL(response.url());
        if (!/\.(wasm|js|css)$/.test(url.pathname)) {
            continue;
        }
        const body = await response.body();
        const gzip = gzipSync(body, { level: 9 }).length;
        total += gzip;
        rows.push(`  ${url.pathname.split("/").pop()}: ${kb(body.length)} raw, ${kb(gzip)} gzip -9`);
    }
    console.log(`transfer: /play/ loads ${kb(total)} gzip of wasm+JS+CSS (target ≤ 400 KB)`);
    rows.forEach((row) => console.log(row));
    await context.close();
}

/**
 * Records, in the page, when the console first shows text and when the
 * workbench's phase changes (milliseconds since navigation).
 */
function watchPage() {
    window.__marks = {};
    const observer = new MutationObserver(() => {
        const now = performance.now();
        const console_ = document.querySelector("[data-testid=console]");
        if (console_ && console_.textContent && !window.__marks.output) {
            window.__marks.output = now;
        }
        if (document.querySelector("[data-testid=editor]") && !window.__marks.editor) {
            window.__marks.editor = now;
        }
        const workbench = document.querySelector("[data-phase]");
        if (workbench) {
            const phase = workbench.getAttribute("data-phase");
            if (!window.__marks[phase]) {
                window.__marks[phase] = now;
            }
        }
    });
    document.addEventListener("DOMContentLoaded", () =>
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }),
    );
}

async function firstRun() {
    const source = 'IO.puts("hello")\n';
    const samples = [];
    for (let i = 0; i < 5; i++) {
        const p = await page(`play/index.html#code=${encodeSource(source)}&run=1`, watchPage);
        await p.waitForFunction(() => window.__marks.finished);
        samples.push(await p.evaluate(() => window.__marks));
        await p.context().close();
    }
    const best = (key) => Math.min(...samples.map((s) => s[key]));
    const median = (key) => samples.map((s) => s[key]).sort((a, b) => a - b)[2];
    console.log(
        `first run: a run=1 link shows its output ${ms(median("output"))} after navigation (median of 5, best ${ms(best("output"))}; editor shown at ${ms(median("editor"))}) (target ≤ 500 ms)`,
    );
}

/** A program whose trace has about 100 000 events: 20 000 ping-pong round trips. */
const HUNDRED_THOUSAND_EVENTS = `
defmodule PingPong do
  def loop(0, peer), do: send(peer, :done)
  def loop(n, peer) do
    send(peer, {:ping, self()})
    receive do
      :pong -> loop(n - 1, peer)
    end
  end

  def echo do
    receive do
      {:ping, from} ->
        send(from, :pong)
        echo()
      :done -> :ok
    end
  end
end

peer = spawn(&PingPong.echo/0)
PingPong.loop(20_000, peer)
`;

async function scroll() {
    const p = await page(`play/index.html#code=${encodeSource(HUNDRED_THOUSAND_EVENTS)}&run=1`, watchPage);
    await p.waitForFunction(() => window.__marks.finished, null, { timeout: 120_000 });
    const status = await p.getByTestId("status").textContent();
    const summary = await p.getByTestId("sequence-summary").textContent().catch(() => "");
    const frames = await p.evaluate(async () => {
        const box = document.querySelector(".cc-seq-scroll");
        const gaps = [];
        let last = performance.now();
        const end = last + 4000;
        await new Promise((resolve) => {
            const step = (now) => {
                gaps.push(now - last);
                last = now;
                // Down and back up again, 150 px a frame.
                const top = box.scrollTop;
                const down = Math.floor((now - end + 4000) / 2000) % 2 === 0;
                box.scrollTop = down ? top + 150 : Math.max(0, top - 150);
                if (now < end) {
                    requestAnimationFrame(step);
                } else {
                    resolve();
                }
            };
            requestAnimationFrame(step);
        });
        return { gaps, height: box.scrollHeight };
    });
    const sorted = [...frames.gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const over = frames.gaps.filter((gap) => gap > 50).length;
    console.log(
        `scroll: ${status.trim()} ${summary.trim()} — scrolling ${frames.height} px: ${frames.gaps.length} frames, p95 ${ms(p95)}, worst ${ms(sorted[sorted.length - 1])}, ${over} over 50 ms (target: none)`,
    );
    await p.context().close();
}

/**
 * Records, in the page, the gaps between animation frames (each gap over
 * 20 ms with when it ended), the long tasks (over 50 ms, as Chromium reports
 * them), and when the status first said the trace held 200 000 events (the
 * browser's cap), so a run shows whether the page stayed responsive while
 * the trace filled and after.
 */
function watchFrames() {
    window.__frames = { worst: 0, count: 0, over50: 0, gaps: [], tasks: [], filled: null };
    let last = performance.now();
    const step = (now) => {
        const gap = now - last;
        last = now;
        window.__frames.count += 1;
        window.__frames.worst = Math.max(window.__frames.worst, gap);
        if (gap > 50) {
            window.__frames.over50 += 1;
        }
        if (gap > 20) {
            window.__frames.gaps.push({ end: now, gap });
        }
        requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            window.__frames.tasks.push({ start: entry.startTime, duration: entry.duration });
        }
    }).observe({ type: "longtask" });
    const status = document.querySelector("[data-testid=status]");
    new MutationObserver(() => {
        const events = /([\d\u202f]+) events/.exec(status.textContent);
        if (events && window.__frames.filled === null && Number(events[1].replace(/\u202f/g, "")) >= 200_000) {
            window.__frames.filled = performance.now();
        }
    }).observe(status, { subtree: true, childList: true, characterData: true });
}

/** Frame gaps and long tasks up to `until` (ms, page time) and after it. */
function responsiveness(frames, since, until) {
    const before = (t) => t >= since && (until === null || t <= until);
    const worst = (values) => (values.length === 0 ? 0 : Math.max(...values));
    const gapsBefore = frames.gaps.filter((g) => before(g.end)).map((g) => g.gap);
    const gapsAfter = frames.gaps.filter((g) => !before(g.end) && g.end >= since).map((g) => g.gap);
    const tasksBefore = frames.tasks.filter((t) => before(t.start)).map((t) => t.duration);
    const tasksAfter = frames.tasks.filter((t) => !before(t.start) && t.start >= since).map((t) => t.duration);
    return {
        filling: `worst frame gap ${ms(worst(gapsBefore))}, ${tasksBefore.length} long tasks, longest ${ms(worst(tasksBefore))}`,
        full: `worst frame gap ${ms(worst(gapsAfter))}, ${tasksAfter.length} long tasks, longest ${ms(worst(tasksAfter))}`,
    };
}

async function million() {
    const source = readFileSync(new URL("million_senders.exs", EXAMPLES), "utf8");
    const p = await page("play/index.html", watchPage);
    await p.getByTestId("editor").waitFor();
    // Start the clock at the click, so page load is not counted.
    await p.getByTestId("editor").fill(source);
    await p.evaluate(watchFrames);
    const started = await p.evaluate(() => {
        window.__marks = {};
        document.querySelector("[data-testid=run]").click();
        return performance.now();
    });
    const progress = [];
    for (;;) {
        const state = await p.evaluate(() => ({
            phase: document.querySelector("[data-phase]").getAttribute("data-phase"),
            status: document.querySelector("[data-testid=status]").textContent,
            now: performance.now(),
        }));
        if (state.phase !== "running") {
            break;
        }
        if (progress.length === 0 || state.status !== progress[progress.length - 1].status) {
            progress.push(state);
        }
        await p.waitForTimeout(100);
    }
    const ended = await p.evaluate(() => window.__marks.finished || window.__marks.stopped);
    const frames = await p.evaluate(() => window.__frames);
    const output = await p.getByTestId("console").textContent();
    // The same program run bare, in one call, in the same page: the playground's
    // own cost is the difference (and the machine's load hits both alike).
    const bare = await p.evaluate(async (source) => {
        const { run_to_end } = await import("../pkg/callcast.js");
        const started = performance.now();
        run_to_end(source, 0n, true);
        return performance.now() - started;
    }, source);
    console.log(
        `million senders: ${ms(ended - started)} from Run to the end (target ≤ 3 s; the runtime alone, in one call: ${ms(bare)}); ${progress.length} progress updates seen; frames: worst gap ${ms(frames.worst)}, ${frames.over50} of ${frames.count} over 50 ms`,
    );
    const phases = responsiveness(frames, started, frames.filled);
    const filledAfter = frames.filled === null ? "never" : ms(frames.filled - started);
    console.log(`  while the trace fills (to ${filledAfter}): ${phases.filling}; after: ${phases.full}`);
    console.log(`  output: ${JSON.stringify(output)}`);
    if (process.env.BENCH_VERBOSE) {
        progress.forEach((state) => console.log(`  ${ms(state.now - started)} ${state.status}`));
    }
    await p.context().close();
}

/**
 * Play at 120 events/s from late in a 120 000-event run (the scrubber moved to
 * event 100 000): each tick shows 6 more events, and should cost in
 * proportion to them, not to the 100 000 before.
 */
async function play() {
    const p = await page(`play/index.html#code=${encodeSource(HUNDRED_THOUSAND_EVENTS)}&run=1`, watchPage);
    await p.waitForFunction(() => window.__marks.finished, null, { timeout: 120_000 });
    await p.getByTestId("speed").selectOption("120");
    await p.evaluate(() => {
        const scrubber = document.querySelector("[data-testid=scrubber]");
        scrubber.value = "100000";
        scrubber.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await p.getByTestId("moment").filter({ hasText: /^event 100\u202f000 of/ }).waitFor();
    await p.evaluate(watchFrames);
    const started = await p.evaluate(() => {
        document.querySelector("[data-testid=play]").click();
        return performance.now();
    });
    await p.waitForTimeout(3000);
    const result = await p.evaluate(() => {
        document.querySelector("[data-testid=pause]").click();
        return { frames: window.__frames, moment: document.querySelector("[data-testid=moment]").textContent };
    });
    const phases = responsiveness(result.frames, started, null);
    console.log(
        `play: 3 s at 120 events/s from event 100 000 of a 120 000-event run, reaching ${result.moment.trim()}: ${phases.filling} (${result.frames.over50} of ${result.frames.count} frames over 50 ms)`,
    );
    await p.context().close();
}

/**
 * The scrubber over the million senders' finished run (a full trace of
 * 200 000 events, some 40 000 processes): for moves back and forward, far and
 * near, the time from the move to the frame that shows it and the longest
 * task meanwhile; then a drag, one move a frame for a second from near the
 * end to near the start, with its worst frame gap and long tasks.
 */
async function scrub() {
    const source = readFileSync(new URL("million_senders.exs", EXAMPLES), "utf8");
    const p = await page(`play/index.html#code=${encodeSource(source)}&run=1`, watchPage);
    await p.waitForFunction(() => window.__marks.finished, null, { timeout: 120_000 });
    await p.evaluate(() => {
        window.__tasks = [];
        new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
                window.__tasks.push(entry.duration);
            }
        }).observe({ type: "longtask" });
    });
    const moves = [];
    for (const to of [100_000, 190_000, 180_000, 180_010, 20_000, 199_000, 50_000]) {
        const took = await p.evaluate(async (to) => {
            window.__tasks.length = 0;
            const scrubber = document.querySelector("[data-testid=scrubber]");
            const started = performance.now();
            scrubber.value = String(to);
            scrubber.dispatchEvent(new Event("input", { bubbles: true }));
            // Drawn: the frame after the one that follows the render.
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            const frame = performance.now() - started;
            // Long tasks are reported a little later.
            await new Promise((resolve) => setTimeout(resolve, 100));
            return { frame, task: Math.max(0, ...window.__tasks) };
        }, to);
        moves.push(`to ${to}: ${ms(took.frame)}${took.task > 0 ? ` (long task ${ms(took.task)})` : ""}`);
    }
    console.log(`scrub: the million senders' 200 000 events, from a move of the scrubber to the frame that shows it: ${moves.join(", ")}`);
    await p.evaluate(watchFrames);
    const drag = await p.evaluate(async () => {
        const scrubber = document.querySelector("[data-testid=scrubber]");
        const started = performance.now();
        for (let i = 0; i <= 60; i++) {
            scrubber.value = String(Math.round(190_000 - (180_000 * i) / 60));
            scrubber.dispatchEvent(new Event("input", { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return {
            took: performance.now() - started,
            frames: window.__frames,
            moment: document.querySelector("[data-testid=moment]").textContent,
        };
    });
    const tasks = drag.frames.tasks.map((t) => t.duration);
    console.log(
        `  a drag from event 190 000 to 10 000, one move a frame (61 moves): ${ms(drag.took)}, worst frame gap ${ms(drag.frames.worst)}, ${drag.frames.over50} of ${drag.frames.count} frames over 50 ms, ${tasks.length} long tasks${tasks.length ? `, longest ${ms(Math.max(...tasks))}` : ""}; shows ${drag.moment.trim()}`,
    );
    await p.context().close();
}

async function stop() {
    const source = "defmodule L do\n  def loop(n), do: loop(n + 1)\nend\nL.loop(0)\n";
    const p = await page(`play/index.html#code=${encodeSource(source)}&run=1`, watchPage);
    await p.waitForFunction(() => window.__marks.running);
    await p.waitForTimeout(1500);
    const latency = await p.evaluate(async () => {
        const clicked = performance.now();
        document.querySelector("[data-testid=stop]").click();
        await new Promise((resolve) => {
            const check = () =>
                document.querySelector("[data-phase]").getAttribute("data-phase") === "stopped"
                    ? resolve()
                    : setTimeout(check, 0);
            check();
        });
        return performance.now() - clicked;
    });
    console.log(`stop: an endless loop stops ${ms(latency)} after the click (target ≤ 100 ms)`);
    await p.context().close();
}

/** The benchmark programs through the exported `run_to_end`, best of three. */
async function programs() {
    const names = readdirSync(PROGRAMS)
        .filter((name) => name.endsWith(".exs"))
        .map((name) => name.replace(/\.exs$/, ""));
    const p = await page("play/index.html");
    await p.getByTestId("editor").waitFor();
    const has = await p.evaluate(async () => "run_to_end" in (await import("../pkg/callcast.js")));
    if (!has) {
        console.log("programs: this build has no run_to_end export");
        return;
    }
    console.log("programs (wasm, best of 3, tracing off / on):");
    for (const name of names) {
        const source = readFileSync(new URL(`${name}.exs`, PROGRAMS), "utf8");
        const expected = readFileSync(new URL(`${name}.out`, PROGRAMS), "utf8");
        const result = await p.evaluate(async (source) => {
            const { run_to_end } = await import("../pkg/callcast.js");
            const time = (trace) => {
                let best = Infinity;
                let summary;
                for (let i = 0; i < 3; i++) {
                    const started = performance.now();
                    summary = JSON.parse(run_to_end(source, 0n, trace));
                    best = Math.min(best, performance.now() - started);
                }
                return { best, summary };
            };
            return { off: time(false), on: time(true) };
        }, source);
        const ok = result.off.summary.output === expected ? "" : " OUTPUT DIFFERS";
        console.log(
            `  ${name}: ${(result.off.best / 1000).toFixed(3)} s / ${(result.on.best / 1000).toFixed(3)} s, ${result.off.summary.reductions} reductions, ${result.on.summary.events} events${ok}`,
        );
    }
    await p.context().close();
}

const parts = { transfer, "first-run": firstRun, scroll, million, play, scrub, stop, programs };
for (const [name, part] of Object.entries(parts)) {
    if (runs(name)) {
        await part();
    }
}
await browser.close();
