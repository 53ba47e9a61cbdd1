//! Keeps the store saved and in step with other open tabs.

use leptos::ev;
use leptos::prelude::*;

use crate::clock;
use crate::domain::shards;
use crate::domain::store::{LoadError, Store};
use crate::state::AppState;
use crate::storage::{self, LoadProblem, Saved};

/// Saves after every change and merges what other tabs save. `on_disk` is
/// the data as loaded, `saved` which stored versions it is. Saving stops
/// for good if data from a newer app version (or an unreadable document with
/// no room for a copy) is found: nothing is ever written over it.
pub fn use_persistence(state: AppState, on_disk: Store, saved: Saved, read_only: bool) {
    let read_only = StoredValue::new(read_only);
    // What storage holds as far as this tab knows, and which versions that is.
    let persisted = StoredValue::new(on_disk);
    let saved = StoredValue::new(saved);

    // Takes in what another tab saved since this one last looked; true when
    // there was something (the store changes, and the effect saves again).
    let take_in = move || -> bool {
        let on_disk = match storage::index() {
            Ok(index) => index,
            Err(LoadError::NewerSchema(_)) => {
                read_only.set_value(true);
                state.load_problem.set(Some(LoadProblem::Newer));
                return true;
            }
            // An index another tab is about to replace; the next save writes one.
            Err(LoadError::Corrupt(_)) => return false,
        };
        // Nothing stored: a delete in progress; its new data follows.
        let Some(on_disk) = on_disk.filter(|i| !saved.with_value(|s| s.is_current(Some(i)))) else {
            return false;
        };
        let read = persisted.with_value(|base| {
            saved.with_value(|known| storage::read_changes(known, &on_disk, base))
        });
        match read {
            Ok((theirs, now_saved)) => {
                let merged = persisted.with_value(|base| {
                    state
                        .store
                        .with_untracked(|mine| mine.rebase(base, &theirs))
                });
                persisted.set_value(theirs);
                saved.set_value(now_saved);
                state.store.set(merged);
                true
            }
            Err(LoadError::NewerSchema(_)) => {
                read_only.set_value(true);
                state.load_problem.set(Some(LoadProblem::Newer));
                true
            }
            Err(LoadError::Corrupt(why)) => {
                leptos::logging::warn!("another tab's save could not be read: {why}");
                false
            }
        }
    };

    Effect::new(move |_| {
        state.store.track();
        if read_only.get_value() {
            return;
        }
        let changed = state
            .store
            .with_untracked(|current| persisted.with_value(|p| shards::changed(p, current)));
        if changed.is_empty() || take_in() {
            return;
        }
        let on_disk = storage::index().ok().flatten();
        let committed = state.store.with_untracked(|current| {
            saved.with_value(|known| {
                storage::commit(known, on_disk.as_ref(), current, &changed, clock::today())
            })
        });
        match committed {
            Ok(now_saved) => {
                let revision = now_saved.revision();
                state.store.update_untracked(|s| s.revision = revision);
                persisted.set_value(state.store.get_untracked());
                saved.set_value(now_saved);
                if state.save_problem.with_untracked(Option::is_some) {
                    state.save_problem.set(None);
                }
            }
            // Kept in memory; the next change tries again.
            Err(err) => state.save_problem.set(Some(err)),
        }
    });

    let handle = window_event_listener(ev::storage, move |event| {
        if event.key() == Some(storage::index_key()) && !read_only.get_value() {
            take_in();
        }
    });
    on_cleanup(move || handle.remove());
}
