// Every chapter of the book: each placeholder becomes an editor, the chapter's
// first example prints in the browser what real Elixir printed for it (the
// recording in book/expected/), every example whose fence asks for views draws
// them after Run, and an exercise's Check passes with the solution and fails
// with the starting code.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

import { assertNoErrors, browserPerFile, open, waitForText } from "./support.mjs";

const browser = browserPerFile();
const BOOK = new URL("../../book/", import.meta.url);

/** The chapters' file stems, in the order SUMMARY.md lists them. */
function chapters() {
    const summary = readFileSync(new URL("chapters/SUMMARY.md", BOOK), "utf8");
    return [...summary.matchAll(/\]\(([\w-]+)\.md\)/g)].map((match) => match[1]);
}

/** How many examples of `chapter` book/record.sh recorded (`<n>.out`). */
function recordedExamples(chapter) {
    return readdirSync(new URL(`expected/${chapter}/`, BOOK)).filter((name) => /^\d+\.out$/.test(name)).length;
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
        // One placeholder per example recorded from real Elixir, included ones too.
        assert.equal(count, recordedExamples(chapter), "placeholders and recorded examples");
        await page.locator(".callcast-embed [data-testid=editor]").nth(count - 1).waitFor();
        assert.equal(await page.locator(".callcast-embed [data-testid=editor]").count(), count);
        // Each one copies as a file `elixir` runs unchanged.
        assert.equal(await page.locator(".callcast-embed [data-testid=copy]").count(), count);

        const first = embeds.first();
        await first.getByTestId("run").click();
        await waitForPhase(first, "finished");
        const expected = readFileSync(new URL(`expected/${chapter}/1.out`, BOOK), "utf8");
        const printed = await first.getByTestId("console").textContent();
        assert.equal(normalize(printed), normalize(expected));
        assertNoErrors(page);
    });
}

/** The test hook of each view a fence may ask for. */
const VIEW_TEST_IDS = { diagram: "sequence-diagram", mailbox: "mailbox-chart", table: "process-table" };

/** Chapters with an example whose fence (or include line) asks for views. */
const withViews = list.filter((chapter) =>
    /views=/.test(readFileSync(new URL(`chapters/${chapter}.md`, BOOK), "utf8")),
);

test("some chapters draw views", () => {
    assert.ok(withViews.length >= 5, `chapters with views: ${withViews}`);
});

for (const chapter of withViews) {
    test(`${chapter}: every example with views= draws them after Run`, async () => {
        const page = await open(browser(), `book/${chapter}.html`);
        const embeds = page.locator(".callcast-embed");
        await page.locator(".callcast-embed [data-testid=editor]").first().waitFor();
        const asked = await embeds.evaluateAll((nodes) =>
            nodes.map((node) => JSON.parse(node.dataset.callcastOptions).views ?? []),
        );
        assert.ok(asked.some((views) => views.length > 0), "an example asks for views");
        for (const [index, views] of asked.entries()) {
            if (views.length === 0) {
                continue;
            }
            const embed = embeds.nth(index);
            await embed.getByTestId("run").click();
            await waitForPhase(embed, "finished");
            for (const view of views) {
                const drawn = embed.getByTestId(VIEW_TEST_IDS[view]);
                await drawn.waitFor();
                assert.equal(await drawn.locator(".cc-empty").count(), 0, `${view} of example ${index + 1} is empty`);
            }
            const others = Object.keys(VIEW_TEST_IDS).filter((view) => !views.includes(view));
            for (const view of others) {
                assert.equal(await embed.getByTestId(VIEW_TEST_IDS[view]).count(), 0, `${view} was not asked for`);
            }
        }
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
