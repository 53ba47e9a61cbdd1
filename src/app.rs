//! Loads the store, keeps it saved, and routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::components::notice::NoticeBar;
use crate::pages::{
    not_found::NotFoundPage, routine::RoutinePage, settings::SettingsPage, today::TodayPage,
};
use crate::persist::use_persistence;
use crate::state::AppState;
use crate::storage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    mark("spinewise:loaded");
    let state = AppState::new(loaded.store);
    state.load_problem.set(loaded.problem);
    provide_context(state);
    use_persistence(state, loaded.read_only);
    view! {
        <Router>
            <header class="app-header">
                <A href="/" attr:class="brand">"Spinewise"</A>
                <nav aria-label="Main">
                    <A href="/settings">"Settings"</A>
                </nav>
            </header>
            <NoticeBar />
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=TodayPage />
                    <Route path=path!("/routine") view=RoutinePage />
                    <Route path=path!("/settings") view=SettingsPage />
                </Routes>
            </main>
        </Router>
    }
}

/// A User Timing mark, read by the benchmark and the load-time test.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
