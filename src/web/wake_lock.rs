//! Keeps the screen on while a routine runs (Screen Wake Lock API, reached
//! through `Reflect` because web-sys marks it unstable).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use_document_visibility::use_document_visibility;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::VisibilityState;

/// What became of the request to keep the screen on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WakeLockState {
    /// Not asked for (setting off, or nothing running).
    Off,
    Held,
    /// This browser has no Wake Lock API.
    Unsupported,
    /// The browser said no (battery saver, or an older iOS home-screen app).
    Refused,
}

fn wake_lock_api() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"wakeLock".into())
        .ok()
        .filter(|api| !api.is_undefined() && !api.is_null())
}

async fn request(api: JsValue) -> Result<JsValue, JsValue> {
    let request: js_sys::Function = js_sys::Reflect::get(&api, &"request".into())?.into();
    let promise: js_sys::Promise = request.call1(&api, &"screen".into())?.into();
    JsFuture::from(promise).await
}

fn release(sentinel: &JsValue) {
    if let Ok(release) = js_sys::Reflect::get(sentinel, &"release".into()) {
        let release: js_sys::Function = release.into();
        let _ = release.call0(sentinel);
    }
}

/// Holds a screen wake lock while `wanted` is true. The browser drops the
/// lock whenever the page is hidden, so it is asked for again on return.
pub fn use_wake_lock(wanted: Signal<bool>) -> ReadSignal<WakeLockState> {
    let (state, set_state) = signal(WakeLockState::Off);
    let sentinel = StoredValue::new_local(None::<JsValue>);
    let visibility = use_document_visibility();
    let drop_lock = move || {
        if let Some(lock) = sentinel.try_update_value(Option::take).flatten() {
            release(&lock);
        }
    };
    Effect::new(move |_| {
        let visible = visibility.get() == VisibilityState::Visible;
        if !wanted.get() {
            drop_lock();
            set_state.set(WakeLockState::Off);
            return;
        }
        if !visible {
            return;
        }
        let Some(api) = wake_lock_api() else {
            set_state.set(WakeLockState::Unsupported);
            return;
        };
        spawn_local(async move {
            match request(api).await {
                Ok(lock) => {
                    // The routine may have ended while the request was pending.
                    if wanted.get_untracked() {
                        drop_lock();
                        sentinel.set_value(Some(lock));
                        set_state.set(WakeLockState::Held);
                    } else {
                        release(&lock);
                    }
                }
                Err(_) => set_state.set(WakeLockState::Refused),
            }
        });
    });
    on_cleanup(drop_lock);
    state
}
