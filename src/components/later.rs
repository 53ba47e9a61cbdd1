//! Parts of a page drawn in a task after the rest (src/web/tasks.rs), for
//! what is below the first screen or cannot show before then: the first
//! screen's task stays short.

use leptos::prelude::*;

use crate::web::tasks::next_task;

/// Draws `children` in the next task. Only for content below what the
/// first screen shows, or that has nothing to show by then (the update
/// banner), so nothing on the first screen moves when it appears.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The page may be gone by then (a quick tap away): nothing to draw.
    next_task(move || {
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
