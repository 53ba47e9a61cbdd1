//! Page titles and focus on navigation, so screen-reader and keyboard users
//! know a new page has opened and start reading at its heading.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static FIRST_PAGE: Cell<bool> = const { Cell::new(true) };
}

/// Sets the document title to "`title` · Spinewise" and, on every page after
/// the first, moves focus to the page's main heading; a link to a section
/// (`/settings#your-data`) brings that section into view and focus instead,
/// which the browser cannot do for a page drawn after it loaded.
pub fn use_page(title: &str) {
    document().set_title(&format!("{title} · Spinewise"));
    let first = FIRST_PAGE.replace(false);
    // After the next paint the new page has replaced the old one.
    request_animation_frame(move || {
        let section = location()
            .hash()
            .ok()
            .and_then(|hash| document().get_element_by_id(hash.strip_prefix('#')?));
        let focus = |element: web_sys::Element| {
            let element = element.dyn_into::<web_sys::HtmlElement>().ok()?;
            let _ = element.set_attribute("tabindex", "-1");
            element.focus().ok()
        };
        if let Some(section) = section {
            section.scroll_into_view();
            focus(section);
        } else if !first && let Some(heading) = document().query_selector("main h1").ok().flatten()
        {
            focus(heading);
        }
    });
}
