// Records a CPU profile of one program run in the playground, and prints where
// the time went (self and inclusive, by function). Build with function names
// for a readable profile, serve the site, then:
//
//   CALLCAST_WASM_NAMES=1 cargo xtask build
//   CALLCAST_URL=http://127.0.0.1:8000/ node profile.mjs PROGRAM.exs [SECONDS] [OUT.cpuprofile]
//
// (`cargo xtask serve` serves dist/ at that address.) The .cpuprofile file opens
// in Chromium's DevTools, Performance panel.

import { readFileSync, writeFileSync } from "node:fs";
import { launch, SITE } from "./support.mjs";

const [file, seconds = "10", out] = process.argv.slice(2);
if (!file) {
    throw new Error("usage: node profile.mjs PROGRAM.exs [SECONDS] [OUT.cpuprofile]");
}
const source = readFileSync(file, "utf8");
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(new URL("play/index.html", SITE).href);
await page.getByTestId("editor").fill(source);
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
await page.getByTestId("run").click();
await page.waitForTimeout(Number(seconds) * 1000);
const { profile } = await cdp.send("Profiler.stop");
console.log(`after ${seconds} s: ${await page.getByTestId("status").textContent()}`);
if (out) {
    writeFileSync(out, JSON.stringify(profile));
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
        parents.set(child, node.id);
    }
}
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, time] of sampled) {
    total += time;
    const name = (id) => nodes.get(id).callFrame.functionName || "(anonymous)";
    self.set(name(id), (self.get(name(id)) ?? 0) + time);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parents.get(at)) {
        if (!seen.has(name(at))) {
            seen.add(name(at));
            inclusive.set(name(at), (inclusive.get(name(at)) ?? 0) + time);
        }
    }
}
const top = (times) =>
    [...times]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([name, time]) => `${((100 * time) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`)
        .join("\n");
console.log(`self time:\n${top(self)}\n\ninclusive time:\n${top(inclusive)}`);
await browser.close();
