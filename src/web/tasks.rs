//! Start-up work cut into tasks of its own, so that no one task holds the
//! main thread long: Lighthouse counts each task over 50 ms (at 4× CPU) as
//! blocking, and V8 compiles each wasm function the first time it runs, in
//! the task that runs it (performance review §0). Leptos effects and
//! `spawn_local` run as microtasks inside the current task, so they do not
//! yield; a message posted to a fresh channel does.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Runs `work` in a new task, after the browser has had its turn. A
/// message rather than `setTimeout`: no 4 ms clamp after a few nested
/// calls, and a test's fake clock does not hold it back.
pub fn next_task(work: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        work();
        return;
    };
    let receiver = channel.port1();
    let run = Closure::once_into_js(move |_: JsValue| work());
    receiver.set_onmessage(Some(run.unchecked_ref()));
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        // Never expected; the work still runs, only without the yield.
        receiver.set_onmessage(None);
        let _ = run
            .unchecked_ref::<js_sys::Function>()
            .call0(&JsValue::NULL);
    }
}

/// Runs `work` in a task of its own once the page has loaded: for what the
/// first screen does not need, such as registering the service worker,
/// which web.dev advises doing after `load` so it does not compete with the
/// first visit's own downloads.
pub fn after_load(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window
        .document()
        .is_some_and(|document| document.ready_state() == "complete")
    {
        next_task(work);
        return;
    }
    let run = Closure::once_into_js(move |_: JsValue| next_task(work));
    let _ = window.add_event_listener_with_callback("load", run.unchecked_ref());
}
