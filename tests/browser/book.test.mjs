// The book: its first chapter carries a live editor with the same test hooks as
// the playground, inside the placeholder the preprocessor wrote.

import assert from "node:assert/strict";
import { test } from "node:test";

import { assertNoErrors, browserPerFile, open, waitForText } from "./support.mjs";

const browser = browserPerFile();

test("the first chapter's editor runs its example", async () => {
    const page = await open(browser(), "book/index.html");
    const embed = page.locator(".callcast-embed").first();
    const editor = embed.getByTestId("editor");
    await editor.waitFor();
    assert.equal(await editor.inputValue(), 'IO.puts("hello from callcast")\n');
    assert.equal(await embed.locator("pre code").count(), 0, "the fallback block is replaced");

    await embed.getByTestId("run").click();
    await waitForText(embed.getByTestId("console"), "hello from callcast\n");
    assertNoErrors(page);
});

test("an embedded editor can be edited and run with Ctrl+Enter", async () => {
    const page = await open(browser(), "book/index.html");
    const embed = page.locator(".callcast-embed").first();
    const editor = embed.getByTestId("editor");
    await editor.fill('IO.puts("edited in the book")');
    await editor.press("Control+Enter");
    await waitForText(embed.getByTestId("console"), "edited in the book\n");
    assertNoErrors(page);
});

test("Open in playground carries the embedded code to the playground", async () => {
    const page = await open(browser(), "book/index.html");
    const embed = page.locator(".callcast-embed").first();
    await embed.getByTestId("editor").fill('IO.puts("taken along")');
    const href = await embed.getByTestId("share").getAttribute("href");
    const playground = await open(browser(), href);
    const editor = playground.getByTestId("editor");
    await editor.waitFor();
    assert.equal(await editor.inputValue(), 'IO.puts("taken along")');
    assertNoErrors(page);
    assertNoErrors(playground);
});

test("without JavaScript the chapter still shows the code", async () => {
    const page = await open(browser(), "book/index.html", { javaScriptEnabled: false });
    const code = page.locator(".callcast-embed pre code");
    assert.ok((await code.count()) >= 1);
    assert.equal(await code.first().textContent(), 'IO.puts("hello from callcast")\n');
});
