//! The only module that touches localStorage. Saved data is never destroyed:
//! unreadable data is copied aside before anything new is written, and data
//! from a newer app version is left untouched.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::domain::store::{LoadError, Store};

/// Where the document lives; the suffix changes only with a new storage layout.
pub const KEY: &str = "spinewise/v1";
/// Where an unreadable document is kept for recovery.
pub const RECOVERY_KEY: &str = "spinewise/recovery";

/// The result of reading saved data at start-up.
pub struct Loaded {
    pub store: Store,
    /// What went wrong, to tell the patient.
    pub problem: Option<String>,
    /// Saving would overwrite data this version cannot read.
    pub read_only: bool,
}

/// Reads the saved document, or explains why the app starts without it.
pub fn load() -> Loaded {
    let fresh = |problem: Option<String>, read_only| Loaded {
        store: Store::default(),
        problem,
        read_only,
    };
    let storage = LocalStorage::raw();
    let raw = match storage.get_item(KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, false),
        Err(_) => {
            return fresh(
                Some("This browser blocks storage, so today's progress will not be kept.".into()),
                true,
            );
        }
    };
    match Store::parse(&raw) {
        Ok(store) => Loaded {
            store,
            problem: None,
            read_only: false,
        },
        Err(LoadError::NewerSchema(_)) => fresh(
            Some(
                "Your data was saved by a newer version of Spinewise. Reload to update the app; \
                 nothing has been changed."
                    .into(),
            ),
            true,
        ),
        Err(err @ LoadError::Corrupt(_)) => {
            leptos::logging::warn!("{err}");
            match keep_for_recovery(&raw) {
                Ok(()) => fresh(
                    Some(
                        "Your saved data could not be read. A copy has been kept on this phone \
                         and Spinewise has started afresh."
                            .into(),
                    ),
                    false,
                ),
                // Without a safe copy, the original must not be overwritten.
                Err(_) => fresh(
                    Some(
                        "Your saved data could not be read and there is no room to keep a copy, \
                         so nothing new will be saved until space is freed."
                            .into(),
                    ),
                    true,
                ),
            }
        }
    }
}

/// Copies unreadable data aside, never replacing an earlier kept copy.
fn keep_for_recovery(raw: &str) -> Result<(), JsValue> {
    let storage = LocalStorage::raw();
    let mut key = RECOVERY_KEY.to_string();
    let mut n = 1;
    while let Some(kept) = storage.get_item(&key)? {
        if kept == raw {
            return Ok(());
        }
        n += 1;
        key = format!("{RECOVERY_KEY}/{n}");
    }
    storage.set_item(&key, raw)
}

/// Writes the document; the error says why it could not be kept.
pub fn save(store: &Store) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(KEY, &store.to_json())
        .map_err(|err| {
            let name = js_sys::Reflect::get(&err, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                "This phone's storage for Spinewise is full, so your latest changes are not saved \
                 yet. Free some space; Spinewise will try again on your next change."
                    .into()
            } else {
                "Your latest changes could not be saved. Spinewise will try again on your next \
                 change."
                    .into()
            }
        })
}
