// Turns every editor placeholder on a book page into a live callcast editor.
//
// The book's preprocessor writes each `elixir,playground` fence as
//   <div class="callcast-embed" data-callcast-options="{...}"> <pre><code>…</code></pre> </div>
// This script loads the WebAssembly module once and hands each placeholder to
// `mount_editor`, with the code read from the fallback block. If anything fails,
// the fallback block stays, so the page still reads well.
(function () {
    "use strict";

    const placeholders = document.querySelectorAll(".callcast-embed[data-callcast-options]");
    if (placeholders.length === 0) {
        return;
    }
    // mdBook serves this file from <book>/callcast/, so the site root is two up.
    // Resolving against the script's own URL keeps every URL relative to where
    // the site is hosted.
    const here = document.currentScript.src;
    const moduleUrl = new URL("../../pkg/callcast.js", here).href;
    const playgroundUrl = new URL("../../play/index.html", here).href;

    function options(placeholder, index) {
        let parsed = {};
        try {
            parsed = JSON.parse(placeholder.dataset.callcastOptions || "{}");
        } catch (error) {
            console.warn("callcast: unreadable editor options", error);
        }
        const code = placeholder.querySelector("pre code");
        parsed.source = code ? code.textContent : "";
        parsed.playground = playgroundUrl;
        // Keys the editor's autosave: one per editor of this page.
        parsed.index = index;
        return JSON.stringify(parsed);
    }

    function explain(placeholder, error) {
        console.error("callcast:", error);
        const note = document.createElement("p");
        note.className = "cc-embed-unavailable";
        note.textContent = `Live editing is unavailable here (${error}); the code is shown as text.`;
        placeholder.append(note);
    }

    import(moduleUrl)
        .then(async (callcast) => {
            await callcast.default();
            for (const [index, placeholder] of placeholders.entries()) {
                try {
                    callcast.mount_editor(placeholder, options(placeholder, index));
                } catch (error) {
                    explain(placeholder, error);
                }
            }
        })
        .catch((error) => {
            for (const placeholder of placeholders) {
                explain(placeholder, error);
            }
        });
})();
