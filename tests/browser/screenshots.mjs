// Photographs the landing page, the playground after a run (scrubbed back to
// the middle of it too, and after the flood and the supervisor examples) and
// the first book chapter, in light and dark, and a book chapter whose example draws a view, after a run, in each of mdBook's
// themes, into the directory given as the first argument.
// Run through `cargo xtask screenshots [DIR]`.

import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { BOOK_THEMES, launch, open, openInTheme, waitForText } from "./support.mjs";

const out = process.argv[2];
if (!out) {
    throw new Error("usage: node screenshots.mjs OUTPUT_DIR");
}
mkdirSync(out, { recursive: true });

const browser = await launch();
try {
    for (const colorScheme of ["light", "dark"]) {
        const options = { colorScheme, viewport: { width: 1280, height: 800 } };

        const landing = await open(browser, "", options);
        await landing.screenshot({ path: join(out, `landing-${colorScheme}.png`) });

        const play = await open(browser, "play/index.html", options);
        await play.getByTestId("editor").waitFor();
        await play.getByTestId("examples").selectOption("counter");
        await play.getByTestId("run").click();
        await waitForText(play.getByTestId("console"), "count: 3\n");
        await play.screenshot({ path: join(out, `playground-${colorScheme}.png`) });
        const scrubber = play.getByTestId("scrubber");
        await scrubber.fill(String(Math.floor(Number(await scrubber.getAttribute("max")) / 2)));
        await play.locator('.cc-workbench[data-phase="paused"]').waitFor();
        await play.screenshot({ path: join(out, `playground-scrubbed-${colorScheme}.png`) });

        await play.getByTestId("examples").selectOption("call_vs_cast");
        await play.getByTestId("run").click();
        await play.locator('.cc-workbench[data-phase="finished"]').waitFor();
        await play.screenshot({ path: join(out, `playground-flood-${colorScheme}.png`), fullPage: true });

        await play.getByTestId("examples").selectOption("supervisor");
        await play.getByTestId("run").click();
        await waitForText(play.getByTestId("console"), "next: 1\nnext: 2\nafter the restart: 1\n");
        await play.screenshot({ path: join(out, `playground-supervisor-${colorScheme}.png`), fullPage: true });

        const book = await open(browser, "book/index.html", options);
        const embed = book.locator(".callcast-embed").first();
        await embed.getByTestId("run").click();
        await waitForText(embed.getByTestId("console"), "hello from callcast\n");
        await embed.scrollIntoViewIfNeeded();
        await book.screenshot({ path: join(out, `book-${colorScheme}.png`) });
    }
    for (const theme of BOOK_THEMES) {
        const page = await openInTheme(browser, "book/cast.html", theme, {
            viewport: { width: 1280, height: 900 },
        });
        // The mailbox build-up, the chapter's second example.
        const embed = page.locator(".callcast-embed").nth(1);
        await embed.getByTestId("run").click();
        await embed.getByTestId("mailbox-chart").waitFor();
        await embed.getByTestId("views").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(out, `book-views-${theme}.png`) });
    }
} finally {
    await browser.close();
}
