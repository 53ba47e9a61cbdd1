//! State shared by every page through context.

use leptos::prelude::*;

use crate::clock;
use crate::domain::pain::Pain;
use crate::domain::plan::Plan;
use crate::domain::session::ActiveSession;
use crate::domain::store::Store;

/// Shared by all pages; `Copy` because signals are arena handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    /// Why saved data could not be used at start-up, until dismissed.
    pub load_problem: RwSignal<Option<String>>,
    /// Why the latest change is not saved; cleared by the next good save.
    pub save_problem: RwSignal<Option<String>>,
}

impl AppState {
    /// State around a loaded store, kept in memory only.
    pub fn new(store: Store) -> AppState {
        AppState {
            store: RwSignal::new(store),
            load_problem: RwSignal::new(None),
            save_problem: RwSignal::new(None),
        }
    }

    /// Starts the daily routine now, unless one is already running, with
    /// the pain score given just before, if any.
    pub fn start_routine(self, pain_before: Option<Pain>) {
        self.store.update(|store| {
            if store.active.is_none() {
                let pacing = store.settings.pacing();
                let mut session = ActiveSession::start(Plan::seed(), pacing, clock::now_ms());
                session.pain_before = pain_before;
                store.active = Some(session);
            }
        });
    }
}

/// The app's shared state; panics outside `App`.
pub fn use_app_state() -> AppState {
    expect_context()
}
