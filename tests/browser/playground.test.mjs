// The playground page (play/): typing and running, keyboard shortcut, share links
// in both directions, broken links, compile errors, and the trace views.

import assert from "node:assert/strict";
import { test } from "node:test";

import { assertNoErrors, decodeSource, encodeSource, browserPerFile, open, waitForText } from "./support.mjs";

const browser = browserPerFile();

/** Opens the playground and waits until the app has replaced the loading text. */
async function openPlayground(fragment = "") {
    const page = await open(browser(), `play/index.html${fragment}`);
    await page.getByTestId("editor").waitFor();
    return page;
}

test("typing a program and pressing Run prints to the console", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill('IO.puts("hello from callcast")');
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "hello from callcast\n");
    assert.equal(await page.getByTestId("error").count(), 0);
    assertNoErrors(page);
});

test("Ctrl+Enter in the editor runs the program", async () => {
    const page = await openPlayground();
    const editor = page.getByTestId("editor");
    await editor.fill('IO.puts("from the keyboard")\nIO.puts("second line")');
    await editor.press("Control+Enter");
    await waitForText(page.getByTestId("console"), "from the keyboard\nsecond line\n");
    assert.equal(await editor.inputValue(), 'IO.puts("from the keyboard")\nIO.puts("second line")');
    assertNoErrors(page);
});

test("a share link with run=1 shows the output without a click", async () => {
    const source = 'IO.puts("shared")\nIO.puts("and run on open")\n';
    const page = await openPlayground(`#code=${encodeSource(source)}&run=1&someday=ignored`);
    await waitForText(page.getByTestId("console"), "shared\nand run on open\n");
    assert.equal(await page.getByTestId("editor").inputValue(), source);
    assertNoErrors(page);
});

test("a share link without run=1 opens the code but does not run it", async () => {
    const source = 'IO.puts("not yet")\n';
    const page = await openPlayground(`#code=${encodeSource(source)}`);
    assert.equal(await page.getByTestId("editor").inputValue(), source);
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("console").textContent(), "");
    assertNoErrors(page);
});

test("links written by earlier releases open the same code", async () => {
    // Payloads as the playground wrote them when it compressed with its own
    // DEFLATE encoder (miniz_oxide, level 9); the browser's decompressor must
    // read them.
    for (const [payload, source] of [
        ["8_TXKygtKdZQykjNyclXSCvKz1VITszJSU4sLlHS5AIA", 'IO.puts("hello from callcast")\n'],
        [
            "RYyxCgIxEAX7fMWWCYRgHbCyECsLP-AQ952EOzdHshFE7t8NeHDlwMwwxlfmNoNOuYmiEGdD1CroDLmhvFE6M0ZKktSK892I9I158iSrgbD5w5J4peOehar3osOcZLLb3NPBmcs1JKkLHmpj_dTwhA5dVdh-cM78AA",
            "defmodule Counter do\n  use GenServer\n  def init(n), do: {:ok, n}\nend\n" +
                "{:ok, pid} = GenServer.start_link(Counter, 0)\nIO.inspect(:sys.get_state(pid))\n",
        ],
    ]) {
        const page = await openPlayground(`#code=${payload}`);
        assert.equal(await page.getByTestId("editor").inputValue(), source);
        assertNoErrors(page);
    }
});

test("Share writes a link that opens the same code and runs it", async () => {
    const source = 'IO.puts("round trip")';
    const page = await openPlayground();
    await page.getByTestId("editor").fill(source);
    await page.getByTestId("share").click();
    await page.waitForFunction(() => location.hash.startsWith("#code="));
    const link = page.url();
    const fragment = new URLSearchParams(new URL(link).hash.slice(1));
    assert.equal(decodeSource(fragment.get("code")), source);
    assert.equal(fragment.get("run"), "1");
    const status = page.getByRole("status");
    assert.match(await status.textContent(), /^(The link is in the address bar|Link copied to the clipboard)\.$/);
    await page.getByTestId("run").click();
    await waitForText(status, "Finished.");

    const reopened = await open(browser(), link);
    await waitForText(reopened.getByTestId("console"), "round trip\n");
    assert.equal(await reopened.getByTestId("editor").inputValue(), source);
    assertNoErrors(page);
    assertNoErrors(reopened);
});

test("a link pasted into the address bar of an open playground loads its code", async () => {
    const page = await openPlayground();
    const source = 'IO.puts("pasted link")\n';
    await page.evaluate((hash) => {
        location.hash = hash;
    }, `code=${encodeSource(source)}&run=1`);
    await waitForText(page.getByTestId("console"), "pasted link\n");
    assert.equal(await page.getByTestId("editor").inputValue(), source);
    assertNoErrors(page);
});

for (const [name, payload, reason] of [
    ["not base64url", "not*base64", "the code is not valid base64url: it contains '*' at position 3"],
    ["cut off", encodeSource('IO.puts("a longer program, cut in the middle")').slice(0, 12), "the code is damaged"],
    ["inflates past 1 MiB", encodeSource(" ".repeat(2 ** 20 + 1)), "the code is larger than 1024 KiB"],
]) {
    test(`a broken #code= payload (${name}) explains itself and leaves a usable editor`, async () => {
        const page = await openPlayground(`#code=${payload}&run=1`);
        const error = page.getByTestId("error");
        await error.waitFor();
        const message = await error.textContent();
        assert.match(message, /^Could not open the code in this link: /);
        assert.ok(message.includes(reason), message);
        assert.equal(await page.getByTestId("console").textContent(), "", "nothing ran");

        await page.getByTestId("editor").fill('IO.puts("still works")');
        await page.getByTestId("run").click();
        await waitForText(page.getByTestId("console"), "still works\n");
        assert.equal(await page.getByTestId("error").count(), 0, "running clears the message");
        assertNoErrors(page);
    });
}

test("a compile error is shown with its line and a caret, and nothing runs", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill('IO.puts("fine")\nnot elixir we know');
    await page.getByTestId("run").click();
    const error = page.getByTestId("error");
    await error.waitFor();
    const message = await error.textContent();
    assert.match(message, /^\*\* \(\w+Error\) playground\.exs:2/);
    assert.ok(message.includes("2 | not elixir we know"), message);
    assert.ok(message.includes("^"), message);
    assert.equal(await page.getByTestId("console").textContent(), "");
    assert.equal(await page.locator(".cc-error-mark").count(), 1, "the editor marks the span");
    assertNoErrors(page);
});

test("a module that does not compile fails when the script reaches it, after the code above runs", async () => {
    const page = await openPlayground();
    await page
        .getByTestId("editor")
        .fill('IO.puts("before")\ndefmodule Broken do\n  def f, do: missing()\nend\nIO.puts("never")');
    await page.getByTestId("run").click();
    await page.locator('.cc-workbench[data-phase="finished"]').waitFor();
    const printed = await page.getByTestId("console").textContent();
    assert.ok(printed.startsWith("before\n** (CompileError) playground.exs:3: undefined function missing/0"), printed);
    assert.ok(!printed.includes("never"), printed);
    assert.match(await page.getByTestId("error").textContent(), /playground\.exs:3: undefined function missing\/0/);
    const marked = (await page.locator(".cc-error-mark").allTextContents()).join("");
    assert.equal(marked, "missing()", "the editor marks the call");
    assertNoErrors(page);
});

test("the views draw the processes of a run", async () => {
    const page = await openPlayground();
    for (const hook of ["sequence-diagram", "mailbox-chart", "process-table"]) {
        assert.equal(await page.getByTestId(hook).count(), 1, `${hook} is on the page before a run`);
    }
    await page.getByTestId("editor").fill('IO.puts("one")\nIO.puts("two")');
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "one\ntwo\n");

    const diagram = page.getByTestId("sequence-diagram");
    await diagram.locator("svg.cc-seq").waitFor();
    assert.ok((await diagram.locator(".cc-seq-label").allTextContents()).includes("main"));
    assert.equal(await diagram.locator(".cc-seq-output").count(), 2, "one mark per printed line");
    assert.equal(await diagram.locator(".cc-seq-exit").count(), 1, "main exits");

    const rows = page.getByTestId("process-table").locator("tbody tr");
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().textContent(), /main.*exited :normal/);
    assert.match(await page.getByTestId("mailbox-chart").textContent(), /No process was sent a message/);
    assertNoErrors(page);
});

test("the value of the last expression shows under the console, as iex shows it", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill('IO.puts("sum")\n%{total: 1 + 2, list: [1, 2]}');
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "sum\n");
    await waitForText(page.getByTestId("result"), "%{list: [1, 2], total: 3}");
    assertNoErrors(page);
});

test("an endless loop shows its progress and Stop ends it within 100 ms", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill("defmodule L do\n  def loop, do: loop()\nend\nL.loop()\n");
    await page.getByTestId("run").click();
    await page.waitForTimeout(1500);
    const workbench = page.locator(".cc-workbench");
    assert.equal(await workbench.getAttribute("data-phase"), "running");
    assert.match(await page.getByTestId("status").textContent(), /^Running… .+ of virtual time, .+ events, .+ reductions$/);
    // The click is queued as a task behind whatever slice runs now, as a
    // person's click would be; the time counts from when it was queued.
    const ms = await page.evaluate(
        () =>
            new Promise((resolve) => {
                const workbench = document.querySelector(".cc-workbench");
                const observer = new MutationObserver(() => {
                    if (workbench.dataset.phase === "stopped") {
                        observer.disconnect();
                        resolve(performance.now() - queued);
                    }
                });
                observer.observe(workbench, { attributes: true });
                const queued = performance.now();
                setTimeout(() => document.querySelector('[data-testid="stop"]').click(), 0);
            }),
    );
    assert.ok(ms < 100, `Stop took ${ms} ms`);
    const reductions = await page.getByTestId("status").textContent();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId("status").textContent(), reductions, "nothing runs after Stop");
    assertNoErrors(page);
});

const COUNTER = `defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, _} = GenServer.start_link(Counter, 0, name: :counter)
GenServer.cast(:counter, :inc)
GenServer.cast(:counter, :inc)
GenServer.cast(:counter, :inc)
IO.puts(GenServer.call(:counter, :get))
`;

test("the diagram of a counter draws its calls, replies and casts; the table shows its state", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(COUNTER);
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "3\n");
    const diagram = page.getByTestId("sequence-diagram");
    const arrows = (kind) => diagram.locator(`g.cc-seq-arrow[data-kind="${kind}"]`).count();
    assert.equal(await arrows("call"), 1);
    assert.equal(await arrows("reply"), 1);
    assert.equal(await arrows("cast"), 3);
    assert.deepEqual(await diagram.locator(".cc-seq-label").allTextContents(), ["main", ":counter"]);
    // A call and its reply share a colour.
    const call = await diagram.locator('g[data-kind="call"]').getAttribute("class");
    const reply = await diagram.locator('g[data-kind="reply"]').getAttribute("class");
    assert.equal(call.match(/cc-pair-\d/)[0], reply.match(/cc-pair-\d/)[0]);
    // Beside the arrow, what the program asked; on hover, the whole message.
    assert.equal(await diagram.locator('g[data-kind="call"] text').textContent(), ":get");
    assert.equal(await diagram.locator('g[data-kind="reply"] text').textContent(), "3");
    assert.match(
        await diagram.locator('g[data-kind="call"] title').textContent(),
        /^call from #PID<0\.\d+\.0> to :counter #PID<0\.\d+\.0>, sent at .+ µs\n\{:"\$gen_call", .*:get\}, received at .+ µs$/,
    );

    const server = page.getByTestId("process-table").locator("tbody tr", { hasText: ":counter" });
    const cells = await server.locator("td").allTextContents();
    assert.equal(cells[2], "waiting");
    assert.equal(cells[5], "3", "the GenServer's latest state");
    assertNoErrors(page);
});

test("the mailbox chart marks the peak of a cast flood", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(`defmodule Sink do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:block, n) do
    Process.sleep(100)
    {:noreply, n}
  end
  def handle_cast(:work, n), do: {:noreply, n + 1}
  def handle_call(:count, _from, n), do: {:reply, n, n}
end

{:ok, sink} = GenServer.start_link(Sink, 0, name: :sink)
GenServer.cast(sink, :block)
Process.sleep(1)
Enum.each(1..50, fn _ -> GenServer.cast(sink, :work) end)
IO.puts(GenServer.call(sink, :count))
`);
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "50\n");
    const peak = page.getByTestId("mailbox-chart").locator(".cc-peak");
    assert.equal(await peak.count(), 2, "the sink's and main's mailboxes");
    const peaks = await peak.evaluateAll((marks) => marks.map((m) => m.dataset.peak));
    // The fifty casts and then the call wait behind the sleeping :block.
    assert.ok(peaks.includes("51"), `peaks: ${peaks}`);
    assertNoErrors(page);
});

test("the editor's text survives a reload, and Reset to original brings the first code back", async () => {
    const page = await openPlayground();
    const welcome = await page.getByTestId("editor").inputValue();
    assert.equal(await page.getByTestId("reset").count(), 0, "nothing to reset yet");
    await page.getByTestId("editor").fill('IO.puts("kept across reloads")');
    await page.reload();
    await page.getByTestId("editor").waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), 'IO.puts("kept across reloads")');

    await page.getByTestId("reset").click();
    assert.equal(await page.getByTestId("editor").inputValue(), welcome);
    await page.reload();
    await page.getByTestId("editor").waitFor();
    assert.equal(await page.getByTestId("editor").inputValue(), welcome);
    assertNoErrors(page);
});

test("the examples menu loads an example that runs", async () => {
    const page = await openPlayground();
    await page.getByTestId("examples").selectOption("reply_later");
    assert.match(await page.getByTestId("editor").inputValue(), /defmodule Gate do/);
    await page.getByTestId("run").click();
    await waitForText(
        page.getByTestId("console"),
        "three callers are waiting at the gate\n[{1, :opened}, {2, :opened}, {3, :opened}]\n",
    );
    assert.equal(await page.getByTestId("sequence-diagram").locator('g[data-kind="reply"]').count(), 3);
    assertNoErrors(page);
});

/** The scrubber's reading: `[events shown, events recorded]`. */
async function moment(page) {
    const text = await page.getByTestId("moment").textContent();
    const match = text.match(/^event (\d+) of (\d+) · /);
    assert.ok(match, `moment reads "${text}"`);
    return [Number(match[1]), Number(match[2])];
}

/** The cells of the process table's row for `name`. */
async function rowOf(page, name) {
    return page.getByTestId("process-table").locator("tbody tr", { hasText: name }).locator("td").allTextContents();
}

test("Step shows one more event at a time; Reset forgets the run", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(COUNTER);
    const workbench = page.locator(".cc-workbench");
    await page.getByTestId("step").click();
    await page.locator('.cc-workbench[data-phase="paused"]').waitFor();
    const [first, recorded] = await moment(page);
    assert.equal(first, 1, "the first Step shows the first event");
    assert.ok(recorded >= 1);
    // One event: main was spawned, nothing else happened yet.
    assert.equal(await page.getByTestId("process-table").locator("tbody tr").count(), 1);
    assert.equal(await page.getByTestId("scrubber").inputValue(), "1");

    for (const expected of [2, 3, 4]) {
        await page.getByTestId("step").click();
        await page.waitForFunction(
            (n) => document.querySelector('[data-testid="moment"]')?.textContent.startsWith(`event ${n} of`),
            expected,
        );
        assert.equal(await workbench.getAttribute("data-phase"), "paused");
    }
    assert.equal((await moment(page))[0], 4);
    assert.equal(await page.getByTestId("console").textContent(), "", "nothing printed yet");

    // Stepping on reaches the end of the run, whose output then shows.
    while ((await workbench.getAttribute("data-phase")) !== "finished") {
        await page.getByTestId("step").click();
        await page.waitForTimeout(5);
    }
    await waitForText(page.getByTestId("console"), "3\n");
    const [shown, total] = await moment(page);
    assert.equal(shown, total);

    await page.getByTestId("reset-run").click();
    assert.equal(await workbench.getAttribute("data-phase"), "idle");
    assert.equal(await page.getByTestId("console").textContent(), "");
    assert.equal(await page.getByTestId("scrubber").count(), 0, "no run, no scrubber");
    assert.match(await page.getByTestId("process-table").textContent(), /Run the program/);
    assertNoErrors(page);
});

const TICKER = `for i <- 1..400 do
  send(self(), {:tick, i})
  Process.sleep(1)
end
IO.puts("done")
`;

test("Play animates the run at the chosen speed, Pause holds it, Play goes on", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(TICKER);
    await page.getByTestId("speed").selectOption("30");
    await page.getByTestId("play").click();
    await page.locator('.cc-workbench[data-phase="playing"]').waitFor();
    await page.waitForTimeout(600);
    const [playing] = await moment(page);
    assert.ok(playing > 0, "the animation moved on");
    // 30 events a second: far from the run's end (it records over a thousand).
    assert.ok(playing < 100, `played ${playing} events in 0.6 s at 30 events/s`);

    await page.getByTestId("pause").click();
    await page.locator('.cc-workbench[data-phase="paused"]').waitFor();
    const [paused] = await moment(page);
    await page.waitForTimeout(500);
    assert.equal((await moment(page))[0], paused, "nothing moves while paused");
    assert.match(await page.getByTestId("status").textContent(), new RegExp(`^Paused\\. Event ${paused} of `));

    await page.getByTestId("play").click();
    await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="scrubber"]').value) > n + 5,
        paused,
    );
    // Full speed from here: the run goes to its end.
    await page.getByTestId("speed").selectOption("full");
    await waitForText(page.getByTestId("console"), "done\n");
    assert.equal(await page.locator(".cc-workbench").getAttribute("data-phase"), "finished");
    assertNoErrors(page);
});

const RANDOM = "IO.puts(:rand.uniform(1_000_000_000))\n";

test("the seed goes into the run and round-trips through a share link", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(RANDOM);
    await page.getByTestId("run").click();
    await page.locator('.cc-workbench[data-phase="finished"]').waitFor();
    const withZero = await page.getByTestId("console").textContent();

    await page.getByTestId("seed").fill("42");
    await page.getByTestId("seed").press("Tab");
    await page.getByTestId("run").click();
    await page.waitForFunction(
        (before) => document.querySelector('[data-testid="console"]').textContent !== before,
        withZero,
    );
    const with42 = await page.getByTestId("console").textContent();
    assert.match(with42, /^\d+\n$/);

    await page.getByTestId("share").click();
    await page.waitForFunction(() => location.hash.includes("seed=42"));
    const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.equal(fragment.get("seed"), "42");
    assert.equal(decodeSource(fragment.get("code")), RANDOM);

    const reopened = await open(browser(), page.url());
    await waitForText(reopened.getByTestId("console"), with42);
    assert.equal(await reopened.getByTestId("seed").inputValue(), "42");
    assertNoErrors(page);
    assertNoErrors(reopened);
});

test("dragging the scrubber back shows an earlier moment in every view", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(COUNTER);
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "3\n");
    assert.equal((await rowOf(page, ":counter"))[5], "3");
    const peaks = () =>
        page.getByTestId("mailbox-chart").locator(".cc-peak").evaluateAll((marks) => marks.map((m) => m.dataset.peak).join(" "));
    const finalPeaks = await peaks();
    const finalCasts = await page.getByTestId("sequence-diagram").locator('g[data-kind="cast"]').count();
    assert.equal(await page.getByTestId("mailbox-now").count(), 0, "no moment marked at the end");

    // Drag the handle from the end to 40 % of the way.
    const scrubber = page.getByTestId("scrubber");
    const box = await scrubber.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 4 });
    await page.mouse.up();

    const [shown, total] = await moment(page);
    assert.ok(shown < total * 0.6, `shows event ${shown} of ${total}`);
    assert.match((await rowOf(page, ":counter"))[5], /^[0-2]$/, "the counter's state as it was then");
    assert.notEqual(await peaks(), finalPeaks, "the mailbox chart as it was then");
    assert.equal(await page.getByTestId("mailbox-now").count(), 1, "the chart marks the moment");
    assert.equal(await page.getByTestId("diagram-now").count(), 1, "and so does the diagram");
    assert.ok((await page.getByTestId("sequence-diagram").locator('g[data-kind="reply"]').count()) === 0, "no reply yet");
    assert.equal(await page.getByTestId("console").textContent(), "", "nothing printed yet");

    // Back to the end: the finished run again.
    await scrubber.focus();
    await scrubber.press("End");
    assert.equal((await rowOf(page, ":counter"))[5], "3");
    assert.equal(await peaks(), finalPeaks);
    assert.equal(await page.getByTestId("sequence-diagram").locator('g[data-kind="cast"]').count(), finalCasts);
    await waitForText(page.getByTestId("console"), "3\n");
    assertNoErrors(page);
});

// 100 blocks of a thousand sends to itself, each block followed by a line of
// output: after the spawn, the first thousand events of each run of 1 001 are
// its sends and the last its line, so every view's figures at any moment
// follow from its number.
const SENDS = `me = self()
for b <- 1..100 do
  for i <- 1..1000, do: send(me, {b, i})
  IO.puts(b * 1000)
end
`;

/** What the views show of SENDS after `shown` events: messages waiting, last line printed. */
function sendsAt(shown) {
    // Past the last line comes only main's exit.
    const after = Math.min(Math.max(shown - 1, 0), 100 * 1001);
    const [blocks, into] = [Math.floor(after / 1001), after % 1001];
    return { waiting: blocks * 1000 + into, printed: blocks * 1000 };
}

/** The moment a long run's scrubber reads, digits grouped with narrow spaces. */
async function longMoment(page) {
    const text = (await page.getByTestId("moment").textContent()).replace(/\u202f/g, "");
    const match = text.match(/^event (\d+) of (\d+) · /);
    assert.ok(match, `moment reads "${text}"`);
    return [Number(match[1]), Number(match[2])];
}

test("scrubbing far back and forth through a long run shows each moment in every view", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(SENDS);
    await page.getByTestId("run").click();
    await page.locator('.cc-workbench[data-phase="finished"]').waitFor({ timeout: 60_000 });
    const [, total] = await longMoment(page);
    assert.equal(total, 1 + 100 * 1001 + 1, "main's spawn, the sends and lines, its exit");
    const scrubber = page.getByTestId("scrubber");
    const check = async (shown) => {
        const expected = sendsAt(shown);
        assert.deepEqual(await longMoment(page), [shown, total]);
        assert.equal((await rowOf(page, "main"))[3], String(expected.waiting), `main's mailbox at event ${shown}`);
        const peak = page.getByTestId("mailbox-chart").locator(".cc-peak");
        assert.equal(await peak.getAttribute("data-peak"), String(expected.waiting), `the chart's peak at event ${shown}`);
        const lines = (await page.getByTestId("console").textContent()).split("\n").filter(Boolean);
        assert.equal(Number(lines.at(-1) ?? 0), expected.printed, `the console at event ${shown}`);
        assert.equal(lines.length, expected.printed / 1000);
    };
    // Far back, far forward, onto and beside the views' kept moments (every
    // 8 192 events), and back to the start.
    for (const shown of [50_000, 99_000, 1_500, 8_192, 8_191, 8_193, 100_000, 16_385, 70_070, 70_071, 3, 90_091]) {
        await scrubber.fill(String(shown));
        await check(shown);
    }
    // A drag from the end to a tenth of the way, through many moments.
    const box = await scrubber.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.1, y, { steps: 30 });
    await page.mouse.up();
    const [dragged] = await longMoment(page);
    assert.ok(dragged < total * 0.2, `the drag ended at event ${dragged}`);
    await check(dragged);
    await scrubber.focus();
    await scrubber.press("End");
    await check(total);
    assertNoErrors(page);
});

test("hovering the mailbox chart marks the same moment in the diagram", async () => {
    const page = await openPlayground();
    await page.getByTestId("editor").fill(COUNTER);
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "3\n");
    assert.equal(await page.getByTestId("diagram-hover").count(), 0);
    const chart = page.getByTestId("mailbox-chart").locator("svg.cc-chart");
    await chart.hover();
    // A horizontal line has no height, so it is never "visible" to playwright: attached.
    await page.getByTestId("diagram-hover").waitFor({ state: "attached" });
    await page.getByTestId("editor").hover();
    await page.getByTestId("diagram-hover").waitFor({ state: "detached" });
    assertNoErrors(page);
});

/** Relative luminance (0 black … 1 white) of a CSS `rgb(...)` colour. */
function luminance(color) {
    const [r, g, b] = color.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

for (const colorScheme of ["light", "dark"]) {
    test(`the playground renders in the ${colorScheme} theme with readable views`, async () => {
        const page = await open(browser(), `play/index.html#code=${encodeSource(COUNTER)}&run=1`, { colorScheme });
        await waitForText(page.getByTestId("console"), "3\n");
        const colors = await page.evaluate(() => {
            const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
            return {
                page: style("body", "backgroundColor"),
                panel: style(".cc-view", "backgroundColor"),
                lane: style(".cc-seq-label", "fill"),
                header: style(".cc-seq-headers", "backgroundColor"),
                cell: style(".cc-processes td", "color"),
            };
        });
        const dark = colorScheme === "dark";
        assert.equal(luminance(colors.page) < 0.5, dark, `page background ${colors.page}`);
        assert.equal(luminance(colors.panel) < 0.5, dark, `panel ${colors.panel}`);
        assert.equal(luminance(colors.header), luminance(colors.panel), "sticky headers hide what scrolls under them");
        for (const text of [colors.lane, colors.cell]) {
            assert.ok(Math.abs(luminance(text) - luminance(colors.panel)) > 0.5, `${text} on ${colors.panel}`);
        }
        assertNoErrors(page);
    });
}
