// The wasm build runs the seeded programs of runtime-core/tests/determinism/ and
// must record exactly the trace the native build recorded there (the native test
// `seeded_runs_match_their_recorded_traces` checks the same files), event for
// event, in the JSON-lines form `callcast trace --seed N` prints.

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { assertNoErrors, browserPerFile, open } from "./support.mjs";

const DIR = new URL("../../runtime-core/tests/determinism/", import.meta.url);
const browser = browserPerFile();

const programs = readdirSync(DIR).filter((name) => name.endsWith(".exs")).sort();

test("there are seeded programs to compare", () => {
    assert.ok(programs.length > 0, `no .exs in ${DIR.pathname}`);
});

for (const name of programs) {
    test(`${name}: the wasm build records the native trace for its seed`, async () => {
        const source = readFileSync(new URL(name, DIR), "utf8");
        const seed = /^# seed: (\d+)/.exec(source)?.[1];
        assert.ok(seed, `${name} starts with "# seed: N"`);
        const expected = readFileSync(new URL(name.replace(/\.exs$/, ".trace"), DIR), "utf8");
        const page = await open(browser(), "play/index.html");
        await page.getByTestId("editor").waitFor();
        const got = await page.evaluate(
            async ([source, seed]) => {
                const { trace_lines } = await import("../pkg/callcast.js");
                return trace_lines(source, BigInt(seed));
            },
            [source, seed],
        );
        // Compare line by line first, so a difference names its event.
        const gotLines = got.split("\n");
        const expectedLines = expected.split("\n");
        for (let i = 0; i < Math.max(gotLines.length, expectedLines.length); i++) {
            assert.equal(gotLines[i], expectedLines[i], `${name}: event ${i + 1} differs`);
        }
        assert.equal(got, expected);
        assertNoErrors(page);
    });
}
