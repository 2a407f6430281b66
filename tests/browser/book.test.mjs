// The book: its first chapter carries a live editor with the same test hooks as
// the playground, inside the placeholder the preprocessor wrote; an example
// draws the views its fence asks for; Copy as .exs copies what `elixir` runs;
// every mdBook theme works and stays readable; mdBook's search finds chapters.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
    BOOK_THEMES,
    assertNoErrors,
    browserPerFile,
    open,
    openIn,
    openInTheme,
    waitForText,
} from "./support.mjs";

const browser = browserPerFile();
const BOOK = new URL("../../book/", import.meta.url);

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

test("an example with views= draws them under its console after Run", async () => {
    // The cast chapter's mailbox build-up is included from a file with `views=mailbox`.
    const page = await open(browser(), "book/cast.html");
    const embed = page.locator(".callcast-embed").nth(1);
    const editor = embed.getByTestId("editor");
    await editor.waitFor();
    const file = readFileSync(new URL("chapters/examples/cast-mailbox-build-up.exs", BOOK), "utf8");
    assert.equal(await editor.inputValue(), file, "the included file is the editor's code");
    assert.equal(await embed.getByTestId("views").count(), 0, "no empty views before a run");

    await embed.getByTestId("run").click();
    await embed.locator('.cc-workbench[data-phase="finished"]').waitFor({ timeout: 60_000 });
    await embed.getByTestId("mailbox-chart").waitFor();
    assert.equal(await embed.getByTestId("sequence-diagram").count(), 0, "only the views asked for");
    // Twenty casts wait in the server's mailbox at once.
    const peaks = await embed.locator(".cc-peak").evaluateAll((nodes) =>
        nodes.map((node) => Number(node.dataset.peak)),
    );
    assert.ok(Math.max(...peaks) >= 20, `mailbox peaks: ${peaks}`);
    assertNoErrors(page);
});

test("Copy as .exs puts the setup and the code on the clipboard", async () => {
    const context = await browser().newContext({
        permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await openIn(context, "book/million-senders.html");
    const embed = page.locator(".callcast-embed").first();
    const editor = embed.getByTestId("editor");
    await editor.waitFor();
    await editor.fill('IO.puts("copied")\n');
    await embed.getByTestId("copy").click();
    await waitForText(embed.getByTestId("status"), "Copied: paste it into a file and run `elixir file.exs`.");

    const setup = await page.locator("details.callcast-setup pre code").first().textContent();
    assert.match(setup, /defmodule Counter do/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${setup}IO.puts("copied")\n`);
    assertNoErrors(page);
});

/** WCAG contrast ratio of two CSS colours as Chromium computes them. */
function contrast(foreground, background) {
    const channels = (css) => {
        const rgb = css.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/);
        if (rgb) {
            return rgb.slice(1, 4).map((c) => Number(c) / 255);
        }
        const srgb = css.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/);
        assert.ok(srgb, `a colour Chromium computed: ${css}`);
        return srgb.slice(1, 4).map(Number);
    };
    const luminance = (css) => {
        const [r, g, b] = channels(css).map((c) =>
            c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
        );
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}

/** Text colour and the first opaque background behind `locator`'s element. */
async function colours(locator) {
    return locator.evaluate((element) => {
        const opaque = (css) => !/^rgba\(.*,\s*0\)$/.test(css) && css !== "transparent";
        let node = element;
        let background = "rgb(255, 255, 255)";
        while (node) {
            const css = getComputedStyle(node).backgroundColor;
            if (opaque(css)) {
                background = css;
                break;
            }
            node = node.parentElement;
        }
        return { text: getComputedStyle(element).color, background };
    });
}

for (const theme of BOOK_THEMES) {
    test(`the ${theme} theme: an example runs and draws its views, readable, without errors`, async () => {
        const page = await openInTheme(browser(), "book/cast.html", theme);
        assert.match(await page.locator("html").getAttribute("class"), new RegExp(`\\b${theme}\\b`));
        const embed = page.locator(".callcast-embed").nth(1);
        await embed.getByTestId("run").click();
        await embed.getByTestId("mailbox-chart").waitFor({ timeout: 60_000 });

        // Text a reader must read, against what is behind it: at least WCAG's 4.5:1.
        const readable = {
            "the Run button": embed.getByTestId("run"),
            "the Copy button": embed.getByTestId("copy"),
            "the status": embed.getByTestId("status"),
            "the console": embed.getByTestId("console"),
            "a view's title": embed.locator(".cc-view-title").first(),
        };
        for (const [index, entry] of (await embed.locator(".cc-legend li").all()).entries()) {
            readable[`entry ${index + 1} of the chart's legend`] = entry;
        }
        for (const token of ["keyword", "atom", "number", "module", "function", "operator", "punctuation"]) {
            readable[`a ${token} in the editor`] = embed.locator(`.cc-tok-${token}`).first();
        }
        const problems = [];
        for (const [what, locator] of Object.entries(readable)) {
            const { text, background } = await colours(locator);
            const ratio = contrast(text, background);
            if (ratio < 4.5) {
                problems.push(`${what}: ${text} on ${background} is ${ratio.toFixed(2)}:1`);
            }
        }
        // The collapsed setup block above an example.
        const other = await openInTheme(browser(), "book/million-senders.html", theme);
        const summary = other.locator("details.callcast-setup > summary").first();
        const { text, background } = await colours(summary);
        const ratio = contrast(text, background);
        if (ratio < 4.5) {
            problems.push(`the setup block's summary: ${text} on ${background} is ${ratio.toFixed(2)}:1`);
        }
        assert.deepEqual(problems, [], `contrast in the ${theme} theme`);
        assertNoErrors(page);
        assertNoErrors(other);
    });
}

test("mdBook's search finds a chapter by a term of its text, not the editors' options", async () => {
    const page = await open(browser(), "book/index.html");
    await page.locator("#mdbook-search-toggle").click();
    const bar = page.locator("#mdbook-searchbar");
    // mdBook searches on keyup, as a reader types.
    await bar.pressSequentially("backpressure");
    const results = page.locator("#mdbook-searchresults a");
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    assert.ok(hrefs.some((href) => href.startsWith("call.html")), `results: ${hrefs}`);

    // The placeholders' JSON options are an attribute, never indexed text.
    await bar.fill("");
    await bar.pressSequentially("quot");
    await page.locator("#mdbook-searchresults-header").waitFor();
    assert.match(await page.locator("#mdbook-searchresults-header").textContent(), /^No search results/);
    assertNoErrors(page);
});
