// The site as a whole: the landing page leads to the book and the playground, and
// every URL in every page and stylesheet is relative and resolves, so dist/ works
// under any sub-path (the tests serve it under one).

import assert from "node:assert/strict";
import { test } from "node:test";

import { SITE, assertNoErrors, browserPerFile, open } from "./support.mjs";

const browser = browserPerFile();

test("the landing page leads to the book and to the playground", async () => {
    const page = await open(browser(), "");
    assert.match(await page.locator("h1").textContent(), /Elixir processes/);

    await page.getByTestId("landing-book").click();
    await page.waitForURL(/\/book\/index\.html$/);
    await page.locator(".callcast-embed [data-testid=editor]").first().waitFor();

    await page.goBack();
    await page.getByTestId("landing-playground").click();
    await page.waitForURL(/\/play\/index\.html$/);
    await page.getByTestId("editor").waitFor();
    assertNoErrors(page);
});

// Attributes and CSS `url()`s that name another resource.
const HTML_REFERENCE = /\s(?:href|src)\s*=\s*"([^"]*)"/g;
const CSS_REFERENCE = /url\(\s*["']?([^"')]+)["']?\s*\)/g;
// The book cites the Elixir and Erlang documentation: links a reader follows
// (`<a href="https://…">`) may leave the site; nothing the page loads may.
const CITATION = /<a\s[^>]*href\s*=\s*"(https:\/\/[^"]*)"/g;

test("every URL in the site is relative and resolves under the sub-path", async () => {
    const start = new URL(SITE);
    const seen = new Set([start.href]);
    const queue = [start.href];
    const problems = [];
    while (queue.length > 0 && seen.size < 2000) {
        const url = queue.shift();
        const response = await fetch(url);
        if (!response.ok) {
            problems.push(`${url}: HTTP ${response.status}`);
            continue;
        }
        const type = response.headers.get("content-type") ?? "";
        const pattern = type.startsWith("text/html") ? HTML_REFERENCE : type.startsWith("text/css") ? CSS_REFERENCE : null;
        if (!pattern) {
            continue;
        }
        const text = await response.text();
        const citations = new Set([...text.matchAll(CITATION)].map((match) => match[1]));
        for (const [, reference] of text.matchAll(pattern)) {
            if (reference.startsWith("#") || reference.startsWith("data:") || reference.startsWith("mailto:")) {
                continue;
            }
            if (pattern === HTML_REFERENCE && citations.has(reference)) {
                continue;
            }
            if (reference.startsWith("/") || /^[a-z]+:/i.test(reference)) {
                problems.push(`${url}: not relative: ${reference}`);
                continue;
            }
            const target = new URL(reference, url);
            target.hash = "";
            if (!target.href.startsWith(start.href)) {
                problems.push(`${url}: leaves the site: ${reference}`);
            } else if (!seen.has(target.href)) {
                seen.add(target.href);
                queue.push(target.href);
            }
        }
    }
    assert.deepEqual(problems, []);
    for (const page of ["play/index.html", "book/index.html", "callcast.css", "favicon.svg"]) {
        assert.ok(seen.has(new URL(page, start).href), `the crawl reached ${page}`);
    }
});
