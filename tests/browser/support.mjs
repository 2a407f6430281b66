// Shared by the browser tests: launching Debian's Chromium through playwright-core,
// opening pages of the site under test, and the share-link encoding done with
// node's own zlib (an implementation independent of the playground's).

import assert from "node:assert/strict";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

/** Where `cargo xtask test` serves dist/ (always under a sub-path). */
export const SITE = process.env.CALLCAST_URL;
if (!SITE) {
    throw new Error("CALLCAST_URL is not set: run the browser tests with `cargo xtask test`");
}

// The machine has no internet: keep Chromium from trying. As root it needs --no-sandbox.
const CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/** Starts headless Chromium. */
export function launch() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: CHROMIUM_ARGS,
        headless: true,
    });
}

/**
 * Starts one Chromium for the calling test file (closed after its last test) and
 * returns a function that gives it.
 */
export function browserPerFile() {
    let browser;
    before(async () => {
        browser = await launch();
    });
    after(async () => {
        await browser?.close();
    });
    return () => browser;
}

// Messages a page may log without the test failing: highlight.js has no Elixir
// grammar and says so for the fallback code blocks of the book.
const EXPECTED_CONSOLE_ERRORS = [/Could not find the language 'elixir'/];

/**
 * Opens `path` (relative to the site) in a new page and records uncaught errors
 * and console errors; `assertNoErrors(page)` checks them at the end of a test.
 */
export async function open(browser, path, contextOptions = {}) {
    return openIn(await browser.newContext(contextOptions), path);
}

/** `open` in a context made by the caller (e.g. with permissions or scripts). */
export async function openIn(context, path) {
    const page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (error) => page.errors.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" && !EXPECTED_CONSOLE_ERRORS.some((re) => re.test(text))) {
            page.errors.push(`console: ${text}`);
        }
    });
    await page.goto(new URL(path, SITE).href);
    return page;
}

/** mdBook's themes, as its theme picker stores them in localStorage. */
export const BOOK_THEMES = ["light", "rust", "coal", "navy", "ayu"];

/**
 * Opens a book page in one of mdBook's themes: the theme is put into
 * localStorage before the page's scripts run, where mdBook's picker keeps it.
 */
export async function openInTheme(browser, path, theme, contextOptions = {}) {
    const context = await browser.newContext(contextOptions);
    await context.addInitScript((name) => localStorage.setItem("mdbook-theme", name), theme);
    return openIn(context, path);
}

/** Fails if the page logged an error or threw. */
export function assertNoErrors(page) {
    assert.deepEqual(page.errors, [], "the page logged errors");
}

/** Waits until `locator`'s text content is exactly `text`. */
export async function waitForText(locator, text, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
        last = await locator.textContent({ timeout }).catch(() => undefined);
        if (last === text) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(last, text, `text of ${locator}`);
}

/** The share-link payload of `source`: base64url (no padding) of raw DEFLATE. */
export function encodeSource(source) {
    return deflateRawSync(Buffer.from(source, "utf8")).toString("base64url");
}

/** The source text of a share-link payload. */
export function decodeSource(payload) {
    return inflateRawSync(Buffer.from(payload, "base64url")).toString("utf8");
}
