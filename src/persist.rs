//! Keeps the store saved and in step with other open tabs.

use leptos::ev;
use leptos::prelude::*;

use crate::clock;
use crate::domain::backup::MAX_SAVED_CHARS;
use crate::domain::store::Store;
use crate::state::AppState;
use crate::storage::{self, LoadProblem, SaveError};

/// Saves after every change and merges what other tabs save. Saving stops
/// for good if data from a newer app version (or an unreadable document with
/// no room for a copy) is found: nothing is ever written over it.
pub fn use_persistence(state: AppState, read_only: bool) {
    let read_only = StoredValue::new(read_only);
    // What storage holds as far as this tab knows; the same data is not written twice.
    let persisted = StoredValue::new(state.store.get_untracked());

    Effect::new(move |first: Option<()>| {
        state.store.track();
        if first.is_none() || read_only.get_value() {
            return;
        }
        let current = state.store.get_untracked();
        if current.same_data(&persisted.get_value()) {
            return;
        }
        match storage::stored() {
            // Another tab saved since we last looked: take its records in first.
            Ok(Some(on_disk)) if !on_disk.same_data(&persisted.get_value()) => {
                let merged = persisted.with_value(|base| current.rebase(base, &on_disk));
                persisted.set_value(on_disk);
                state.store.set(merged);
                return;
            }
            Ok(_) => {}
            Err(_) => {
                read_only.set_value(true);
                state.load_problem.set(Some(LoadProblem::Newer));
                return;
            }
        }
        let revision = current.revision.max(persisted.with_value(|p| p.revision)) + 1;
        let doc = Store {
            revision,
            ..current
        };
        storage::snapshot_daily(clock::today());
        let json = doc.to_json();
        let mut saved = storage::save(&json);
        // The main document wins over the daily copies for space, but a
        // document too large to ever fit must not cost them.
        while saved == Err(SaveError::Full)
            && json.len() <= MAX_SAVED_CHARS
            && storage::drop_oldest_copy()
        {
            saved = storage::save(&json);
        }
        match saved {
            Ok(()) => {
                state.store.update_untracked(|s| s.revision = revision);
                persisted.set_value(doc);
                if state.save_problem.with_untracked(Option::is_some) {
                    state.save_problem.set(None);
                }
            }
            // Kept in memory; the next change tries again.
            Err(err) => state.save_problem.set(Some(err)),
        }
    });

    let handle = window_event_listener(ev::storage, move |event| {
        if event.key() != Some(storage::document_key()) || read_only.get_value() {
            return;
        }
        let Some(incoming) = event.new_value().and_then(|raw| Store::parse(&raw).ok()) else {
            return;
        };
        let merged = persisted.with_value(|base| {
            state
                .store
                .with_untracked(|local| local.rebase(base, &incoming))
        });
        persisted.set_value(incoming);
        state.store.set(merged);
    });
    on_cleanup(move || handle.remove());
}
