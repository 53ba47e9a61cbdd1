//! Page titles and focus on navigation, so screen-reader and keyboard users
//! know a new page has opened and start reading at its heading.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
}

/// Sets the document title to "`title` · Spinewise" and, on every page after
/// the first, moves focus to the page's main heading.
pub fn use_page(title: &str) {
    document().set_title(&format!("{title} · Spinewise"));
    if FIRST_PAGE.replace(false) {
        return;
    }
    // After the next paint the new page has replaced the old one.
    request_animation_frame(|| {
        let heading = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
    });
}
