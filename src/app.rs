//! Loads the store, keeps it saved, and routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::components::notice::NoticeBar;
use crate::pages::{
    not_found::NotFoundPage, routine::RoutinePage, settings::SettingsPage, today::TodayPage,
};
use crate::state::AppState;
use crate::storage;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let state = AppState::new(loaded.store);
    state.load_problem.set(loaded.problem);
    provide_context(state);
    let read_only = loaded.read_only;
    // Sole writer to localStorage; runs after every change to the store.
    Effect::new(move |first: Option<()>| {
        state.store.track();
        // Nothing changed yet on the first run, and a read-only start must not write.
        if first.is_none() || read_only {
            return;
        }
        let problem = state.store.with_untracked(storage::save).err();
        if state.save_problem.with_untracked(|p| *p != problem) {
            state.save_problem.set(problem);
        }
    });
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
