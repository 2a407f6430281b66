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

test("the views draw the processes of a run", async () => {
    const page = await openPlayground();
    for (const hook of ["sequence-diagram", "mailbox-chart", "process-table"]) {
        assert.equal(await page.getByTestId(hook).count(), 1, `${hook} is on the page before a run`);
    }
    await page.getByTestId("editor").fill('IO.puts("one")\nIO.puts("two")');
    await page.getByTestId("run").click();
    await waitForText(page.getByTestId("console"), "one\ntwo\n");

    const diagram = page.getByTestId("sequence-diagram");
    await diagram.locator("svg").waitFor();
    assert.ok((await diagram.locator(".cc-seq-label").allTextContents()).includes("main"));
    assert.equal(await diagram.locator(".cc-seq-output").count(), 2, "one mark per printed line");
    assert.equal(await diagram.locator(".cc-seq-exit").count(), 1, "main exits");

    const rows = page.getByTestId("process-table").locator("tbody tr");
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().textContent(), /main.*exited :normal/);
    assert.match(await page.getByTestId("mailbox-chart").textContent(), /No process was sent a message/);
    assertNoErrors(page);
});
