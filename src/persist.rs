//! Keeps the store saved and in step with other open tabs: the rules are
//! `domain::layout::Tab`'s; this wires them to the store signal and to the
//! `storage` events other tabs fire.

use leptos::ev;
use leptos::prelude::*;

use crate::domain::layout::{Synced, Tab};
use crate::domain::load_problem::LoadProblem;
use crate::state::AppState;
use crate::web::clock;
use crate::web::marks::mark;
use crate::web::pwa;
use crate::web::storage::{self, Loaded};

/// What this device saved, read at start-up (in a task before the app is
/// drawn, src/main.rs).
pub fn load() -> Loaded {
    let loaded = storage::load(clock::today());
    mark("spinewise:loaded");
    loaded
}

/// The app's state from what [`load`] read, with a routine left running
/// for hours closed, kept saved from now on.
pub fn keep_saved(loaded: Loaded) -> AppState {
    let tab = loaded.tab();
    let mut store = loaded.store;
    store.close_stale_session(clock::now_ms(), clock::day_of);
    let state = AppState::new(store);
    let kept_apart = storage::kept_apart_from().map(|owner| LoadProblem::KeptApart {
        here: pwa::base_path(),
        owner,
    });
    state.load_problem.set(loaded.problem.or(kept_apart));
    use_persistence(state, tab, loaded.read_only);
    if !loaded.read_only {
        storage::ask_to_persist();
    }
    state
}

/// Saves after every change and merges what other tabs save. Saving stops
/// for good if data from a newer app version (or an unreadable document with
/// no room for a copy) is found: nothing is ever written over it.
fn use_persistence(state: AppState, tab: Tab, read_only: bool) {
    let read_only = StoredValue::new(read_only);
    let tab = StoredValue::new(tab);

    let apply = move |synced: Synced| match synced {
        Synced::Unchanged => {}
        // The effect runs again and saves the merged data.
        Synced::TookIn(merged) => state.store.set(*merged),
        Synced::Saved { revision, .. } => {
            state.store.update_untracked(|s| s.revision = revision);
            if state.save_problem.with_untracked(Option::is_some) {
                state.save_problem.set(None);
            }
        }
        // Kept in memory; the next change tries again.
        Synced::Refused(err) => state.save_problem.set(Some(err)),
        Synced::Newer => {
            read_only.set_value(true);
            state.load_problem.set(Some(LoadProblem::Newer));
        }
    };

    Effect::new(move |_| {
        state.store.track();
        if read_only.get_value() {
            return;
        }
        let synced = state.store.with_untracked(|current| {
            tab.try_update_value(|tab| storage::save(tab, current, clock::today()))
        });
        apply(synced.unwrap_or(Synced::Unchanged));
    });

    let handle = window_event_listener(ev::storage, move |event| {
        if event.key() != Some(storage::layout().index_key()) || read_only.get_value() {
            return;
        }
        let synced = state
            .store
            .with_untracked(|current| tab.try_update_value(|tab| storage::take_in(tab, current)));
        apply(synced.unwrap_or(Synced::Unchanged));
    });
    on_cleanup(move || handle.remove());
}
