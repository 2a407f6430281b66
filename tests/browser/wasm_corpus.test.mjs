// The wasm build must print what real Elixir printed for the corpus programs
// whose output goes through what the browser build does differently from the
// native one: strings change case with the browser's Unicode tables there
// (callcast-natives' `host-case-mapping`), with Rust's natively; and the
// grapheme tables, the same in both, are checked in the wasm too.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { assertNoErrors, browserPerFile, open } from "./support.mjs";

const DIR = new URL("../../runtime-core/tests/programs/", import.meta.url);
const PROGRAMS = [
    "006_string_functions.exs",
    "162_string_functions.exs",
    "174_unicode_case.exs",
    "176_graphemes.exs",
];
const browser = browserPerFile();

/** Trailing spaces dropped from every line, as the corpus' own check does. */
function trimLines(text) {
    return text
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n");
}

for (const name of PROGRAMS) {
    test(`${name}: the wasm build prints what Elixir printed`, async () => {
        const source = readFileSync(new URL(name, DIR), "utf8");
        const expected = readFileSync(new URL(name.replace(/\.exs$/, ".out"), DIR), "utf8");
        const page = await open(browser(), "play/index.html");
        await page.getByTestId("editor").waitFor();
        const result = await page.evaluate(async (source) => {
            const { run_to_end } = await import("../pkg/callcast.js");
            return JSON.parse(run_to_end(source, 1n, false));
        }, source);
        assert.equal(result.exit_code, 0);
        const got = trimLines(result.output).split("\n");
        const want = trimLines(expected).split("\n");
        for (let i = 0; i < Math.max(got.length, want.length); i++) {
            assert.equal(got[i], want[i], `${name}: line ${i + 1} differs`);
        }
        assertNoErrors(page);
    });
}
