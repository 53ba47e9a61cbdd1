//! Installable, offline app: the service worker, updates, the install prompt,
//! and where on the host the app lives.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::web::tasks;

thread_local! {
    static BASE: String = find_base_path();
}

/// The path the app is served under, without a trailing slash ("" at the
/// host's root, "/spinewise" under a sub-path).
pub fn base_path() -> String {
    BASE.with(Clone::clone)
}

/// An app route ("/settings") as a link on this host ("/spinewise/settings").
/// The router leaves absolute links alone, so every link goes through here.
pub fn href(route: &str) -> String {
    BASE.with(|base| format!("{base}{route}"))
}

/// Read from the manifest link, which the browser has resolved against the
/// page's address (every route is one level deep, so it sits at the base).
fn find_base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=manifest]").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href());
    let path = href
        .and_then(|href| web_sys::Url::new(&href).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    path.rsplit_once('/')
        .map_or(String::new(), |(dir, _)| dir.to_string())
}

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on insecure origins and in some private modes.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Adds a listener that lives as long as the page.
fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Registers the service worker; the signal turns true when a new version
/// has been downloaded and waits for the patient's go-ahead.
pub fn use_service_worker() -> ReadSignal<bool> {
    let (update_ready, set_update_ready) = signal(false);
    let Some(container) = container() else {
        return update_ready;
    };
    let url = format!("{}/sw.js", base_path());
    tasks::after_load(move || {
        spawn_local(async move {
            // Some browsers (and blocked test contexts) resolve to nothing.
            let Some(registration) = JsFuture::from(container.register(&url))
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            else {
                return;
            };
            // Without a controller this is the first install, not an update.
            let is_update = move || container.controller().is_some();
            if registration.waiting().is_some() && is_update() {
                set_update_ready.set(true);
            }
            let watched = registration.clone();
            listen(&registration, "updatefound", move || {
                let Some(worker) = watched.installing() else {
                    return;
                };
                let seen = worker.clone();
                let is_update = is_update.clone();
                listen(&worker, "statechange", move || {
                    if seen.state() == ServiceWorkerState::Installed && is_update() {
                        set_update_ready.set(true);
                    }
                });
            });
            REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        })
    });
    update_ready
}

/// Switches to the waiting version and reloads once it has taken over.
pub fn apply_update() {
    let Some(container) = container() else { return };
    listen(&container, "controllerchange", || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    REGISTRATION.with(|r| {
        if let Some(waiting) = r.borrow().as_ref().and_then(|reg| reg.waiting()) {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}

thread_local! {
    static INSTALL_PROMPT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// True while the browser offers its own install dialog (Chrome, Edge,
/// Samsung Internet); it must be caught as soon as the page loads.
pub fn use_install_prompt() -> ReadSignal<bool> {
    let (can_install, set_can_install) = signal(false);
    let Some(window) = web_sys::window() else {
        return can_install;
    };
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Keep the browser's mini-bar away; the app offers its own button.
        event.prevent_default();
        INSTALL_PROMPT.with(|p| *p.borrow_mut() = Some(event.into()));
        set_can_install.set(true);
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", closure.as_ref().unchecked_ref());
    closure.forget();
    listen(&window, "appinstalled", move || set_can_install.set(false));
    can_install
}

/// Opens the browser's install dialog caught by [`use_install_prompt`].
pub fn prompt_install() {
    INSTALL_PROMPT.with(|p| {
        if let Some(event) = p.borrow_mut().take()
            && let Ok(prompt) = js_sys::Reflect::get(&event, &"prompt".into())
        {
            let _ = prompt.unchecked_into::<js_sys::Function>().call0(&event);
        }
    });
}

/// Running from the home screen rather than in a browser tab.
pub fn is_installed() -> bool {
    let window = web_sys::window();
    let standalone = window
        .as_ref()
        .and_then(|w| w.match_media("(display-mode: standalone)").ok().flatten())
        .is_some_and(|m| m.matches());
    let ios_standalone = window
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"standalone".into()).ok())
        .is_some_and(|v| v.is_truthy());
    standalone || ios_standalone
}

/// An iPhone or iPad, where installing is "Share → Add to Home Screen".
pub fn is_ios() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("iPhone") || ua.contains("iPad"))
}
