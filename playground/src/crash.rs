//! Reporting a crash of the WebAssembly module in the page, not only in the console:
//! after a panic the module is dead, and a reader must know why nothing responds.

use std::sync::Once;

use wasm_bindgen::JsCast;

/// Installs the panic hook; later calls do nothing.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            report(&info.to_string());
        }));
    });
}

fn report(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let text = format!(
        "callcast stopped working because of a bug: {message}. Reload the page to start again."
    );
    let targets = document.query_selector_all(".cc-workbench").ok();
    let count = targets.as_ref().map_or(0, |t| t.length());
    let mut reported = false;
    for i in 0..count {
        if let Some(node) = targets.as_ref().and_then(|t| t.item(i)) {
            if let Ok(element) = node.dyn_into::<web_sys::Element>() {
                reported |= append_alert(&document, &element, &text);
            }
        }
    }
    if !reported {
        if let Some(body) = document.body() {
            append_alert(&document, &body, &text);
        }
    }
}

fn append_alert(document: &web_sys::Document, parent: &web_sys::Element, text: &str) -> bool {
    let Ok(alert) = document.create_element("div") else {
        return false;
    };
    alert.set_class_name("cc-crash");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(text));
    parent.prepend_with_node_1(&alert).is_ok()
}
