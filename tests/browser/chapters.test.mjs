// Every chapter of the book: each placeholder becomes an editor, the chapter's
// first example prints in the browser what real Elixir printed for it (the
// recording in book/expected/), and an exercise's Check passes with the
// solution and fails with the starting code.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { assertNoErrors, browserPerFile, open, waitForText } from "./support.mjs";

const browser = browserPerFile();
const BOOK = new URL("../../book/", import.meta.url);

/** The chapters' file stems, in the order SUMMARY.md lists them. */
function chapters() {
    const summary = readFileSync(new URL("chapters/SUMMARY.md", BOOK), "utf8");
    return [...summary.matchAll(/\]\(([\w-]+)\.md\)/g)].map((match) => match[1]);
}

/** Pids and references differ between runs; stack lines only Elixir prints. */
function normalize(text) {
    return text
        .replace(/#PID<[\d.]+>/g, "#PID<>")
        .replace(/#Reference<[\d.]+>/g, "#Reference<>")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .trim();
}

async function waitForPhase(workbench, phase, timeout = 60_000) {
    await workbench.locator(`.cc-workbench[data-phase="${phase}"]`).waitFor({ timeout });
}

const list = chapters();

test("the summary lists the chapters", () => {
    assert.ok(list.length >= 10, `chapters: ${list}`);
});

for (const chapter of list) {
    test(`${chapter}: every editor mounts and the first example prints what Elixir printed`, async () => {
        const page = await open(browser(), `book/${chapter}.html`);
        const embeds = page.locator(".callcast-embed");
        const count = await embeds.count();
        assert.ok(count >= 1, "the chapter has a live example");
        await page.locator(".callcast-embed [data-testid=editor]").nth(count - 1).waitFor();
        assert.equal(await page.locator(".callcast-embed [data-testid=editor]").count(), count);

        const first = embeds.first();
        await first.getByTestId("run").click();
        await waitForPhase(first, "finished");
        const expected = readFileSync(new URL(`expected/${chapter}/1.out`, BOOK), "utf8");
        const printed = await first.getByTestId("console").textContent();
        assert.equal(normalize(printed), normalize(expected));
        assertNoErrors(page);
    });
}

test("an exercise's Check fails with the starting code and passes with the solution", async () => {
    const page = await open(browser(), "book/one-process.html");
    const exercise = page.locator(".callcast-embed", { has: page.getByTestId("check") });
    await exercise.getByTestId("check").click();
    await waitForPhase(exercise, "finished");
    const verdict = exercise.getByTestId("verdict");
    assert.match(await verdict.textContent(), /^Not yet/);
    assert.match(await exercise.getByTestId("console").textContent(), /one server still handles every call/);

    const solution = await page.locator("details.callcast-solution pre code").textContent();
    await exercise.getByTestId("editor").fill(solution);
    await exercise.getByTestId("check").click();
    await waitForText(verdict, "Check passed.", 60_000);
    assertNoErrors(page);
});
