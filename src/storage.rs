//! The only module that touches localStorage. Saved data is never destroyed:
//! unreadable data is copied aside before anything new is written, data from
//! a newer app version is left untouched, and a newer copy written by
//! another tab is merged in before saving over it.

use chrono::NaiveDate;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::domain::store::{LoadError, Store};
use crate::domain::tidy::tidy;

/// Which deployment's data the keys under [`ROOT_PREFIX`] are: the base
/// path ("" at the host's root) of the first one to run. localStorage is
/// shared by the whole origin, so a copy under /beta/ would otherwise read
/// and write the patient's real data (data review §1 finding 8).
const OWNER_KEY: &str = "spinewise/owner";
/// The owner's keys, as every earlier version wrote them.
const ROOT_PREFIX: &str = "spinewise/";

thread_local! {
    /// This deployment's key prefix, and the owner's base path when that is
    /// another deployment.
    static NAMESPACE: (String, Option<String>) = claim_namespace();
}

fn claim_namespace() -> (String, Option<String>) {
    let base = crate::pwa::base_path();
    let Some(storage) = local() else {
        return (ROOT_PREFIX.into(), None);
    };
    match storage.get_item(OWNER_KEY) {
        Ok(Some(owner)) if owner != base => (format!("spinewise@{base}/"), Some(owner)),
        Ok(Some(_)) | Err(_) => (ROOT_PREFIX.into(), None),
        Ok(None) => {
            let _ = storage.set_item(OWNER_KEY, &base);
            (ROOT_PREFIX.into(), None)
        }
    }
}

/// One of this deployment's keys.
fn key(name: &str) -> String {
    NAMESPACE.with(|(prefix, _)| format!("{prefix}{name}"))
}

/// The base path of the deployment whose data this origin's main keys
/// hold, when it is not this one: this one keeps its data apart.
pub fn kept_apart_from() -> Option<String> {
    NAMESPACE.with(|(_, owner)| owner.clone())
}

/// Where the document lives; the suffix changes only with a new storage layout.
pub fn document_key() -> String {
    key("v1")
}

/// Where an unreadable document is kept for recovery.
fn recovery_key() -> String {
    key("recovery")
}

/// Daily snapshots are kept under this prefix plus the date.
fn backup_prefix() -> String {
    key("backup/")
}

/// How many daily snapshots are kept.
const DAILY_BACKUPS: usize = 5;

/// The data as it was before the latest import, restore or delete, on the
/// line after the day it was taken: the patient can undo that day.
fn undo_key() -> String {
    key("undo")
}

/// Why saved data could not be used at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Unreadable; a copy is kept under this key.
    Unreadable(String),
    /// Some records could not be read, had impossible dates or were
    /// repeated: this many were left out, and the data as it was is kept
    /// under the key.
    SetAside(String, usize),
    /// Unreadable, and there was no room to keep a copy.
    UnreadableNoRoom,
    /// Another deployment on this site owns the main data (its base path);
    /// this one keeps its own.
    KeptApart(String),
    Newer,
    NoStorage,
}

impl LoadProblem {
    /// What to tell the patient.
    pub fn message(&self) -> String {
        match self {
            LoadProblem::Unreadable(_) => "Your saved data could not be read, so Spinewise \
                 started afresh. Nothing was deleted: a copy is kept on this phone and you can \
                 download it."
                .into(),
            LoadProblem::SetAside(_, 1) => {
                "One saved record could not be used (damaged, repeated, \
                 or with a date that cannot be right), so it was left out. Everything else is \
                 here, and a copy of your data as it was is kept on this phone to download."
                    .into()
            }
            LoadProblem::SetAside(_, count) => format!(
                "{count} saved records could not be used (damaged, repeated, or with a date that \
                 cannot be right), so they were left out. Everything else is here, and a copy of \
                 your data as it was is kept on this phone to download."
            ),
            LoadProblem::UnreadableNoRoom => "Your saved data could not all be read and there is \
                 no room to keep a copy, so nothing new will be saved until space is freed. Your \
                 old data is untouched."
                .into(),
            LoadProblem::KeptApart(owner) => format!(
                "This copy of Spinewise, at {}/, keeps its own data, apart from the copy at {owner}/ \
                 on this site: neither can change the other's.",
                crate::pwa::base_path()
            ),
            LoadProblem::Newer => "Your data was saved by a newer version of Spinewise. Reload \
                 the app while online to update it; until then nothing is changed or saved."
                .into(),
            LoadProblem::NoStorage => "This browser does not let Spinewise store anything \
                 (private mode?), so today's progress will not be kept."
                .into(),
        }
    }
}

/// The result of reading saved data at start-up.
pub struct Loaded {
    pub store: Store,
    pub problem: Option<LoadProblem>,
    /// Saving would overwrite data this version cannot read.
    pub read_only: bool,
}

fn local() -> Option<web_sys::Storage> {
    // gloo's handle panics where storage is blocked (private modes, disabled
    // site data), so ask the window first.
    let available = web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))));
    available.then(LocalStorage::raw)
}

/// Reads the saved document, or explains why the app starts without it.
/// Records that cannot be used on `today` (damaged, repeated, impossible
/// dates) are left out, after the document as it was is copied aside.
pub fn load(today: NaiveDate) -> Loaded {
    let fresh = |problem, read_only| Loaded {
        store: Store::default(),
        problem: Some(problem),
        read_only,
    };
    let Some(storage) = local() else {
        return fresh(LoadProblem::NoStorage, true);
    };
    let raw = match storage.get_item(&document_key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                store: Store::default(),
                problem: None,
                read_only: false,
            };
        }
        Err(_) => return fresh(LoadProblem::NoStorage, true),
    };
    let (mut store, mut left_out) = match Store::parse(&raw) {
        Ok(store) => (store, 0),
        Err(LoadError::NewerSchema(_)) => return fresh(LoadProblem::Newer, true),
        Err(err @ LoadError::Corrupt(_)) => {
            leptos::logging::warn!("{err}");
            let salvaged = serde_json::from_str(&raw)
                .map_err(|e| LoadError::Corrupt(e.to_string()))
                .and_then(Store::salvage);
            match salvaged {
                Ok(salvaged) => salvaged,
                Err(_) => {
                    return match keep_for_recovery(&storage, &raw) {
                        Ok(key) => fresh(LoadProblem::Unreadable(key), false),
                        // Without a safe copy, the original must not be overwritten.
                        Err(_) => fresh(LoadProblem::UnreadableNoRoom, true),
                    };
                }
            }
        }
    };
    left_out += tidy(&mut store, today).set_aside();
    if left_out == 0 {
        return Loaded {
            store,
            problem: None,
            read_only: false,
        };
    }
    match keep_for_recovery(&storage, &raw) {
        Ok(key) => Loaded {
            store,
            problem: Some(LoadProblem::SetAside(key, left_out)),
            read_only: false,
        },
        // The rest is usable, but saving would lose what was left out.
        Err(_) => Loaded {
            store,
            problem: Some(LoadProblem::UnreadableNoRoom),
            read_only: true,
        },
    }
}

/// Copies unreadable data aside, never replacing an earlier kept copy.
fn keep_for_recovery(storage: &web_sys::Storage, raw: &str) -> Result<String, JsValue> {
    let first = recovery_key();
    let mut key = first.clone();
    let mut n = 1;
    while let Some(kept) = storage.get_item(&key)? {
        if kept == raw {
            return Ok(key);
        }
        n += 1;
        key = format!("{first}/{n}");
    }
    storage.set_item(&key, raw)?;
    Ok(key)
}

/// The raw text kept under `key`, for download.
pub fn read_raw(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// What is saved now (another tab may have written since we last looked).
/// Unreadable data found here is first kept aside, like at start-up.
pub fn stored() -> Result<Option<Store>, LoadError> {
    let Some(raw) = read_raw(&document_key()) else {
        return Ok(None);
    };
    match Store::parse(&raw) {
        Ok(store) => Ok(Some(store)),
        Err(LoadError::Corrupt(why)) => match local().map(|s| keep_for_recovery(&s, &raw)) {
            Some(Ok(_)) => Ok(None),
            _ => Err(LoadError::Corrupt(why)),
        },
        Err(newer) => Err(newer),
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    Full,
    Failed,
}

impl SaveError {
    /// What to tell the patient; the app retries on the next change.
    pub fn message(&self) -> &'static str {
        match self {
            SaveError::Full => {
                "This phone's storage for Spinewise is full, so your latest changes are kept only \
                 until you close the app. Free some space (or export a backup); Spinewise tries \
                 again with your next change."
            }
            SaveError::Failed => {
                "Your latest changes could not be saved yet. Spinewise tries again with your next \
                 change; keep the app open until then."
            }
        }
    }
}

fn is_quota(err: &JsValue) -> bool {
    let name = js_sys::Reflect::get(err, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

fn save_error(err: &JsValue) -> SaveError {
    if is_quota(err) {
        SaveError::Full
    } else {
        SaveError::Failed
    }
}

/// Writes the document, already as JSON.
pub fn save(json: &str) -> Result<(), SaveError> {
    let storage = local().ok_or(SaveError::Failed)?;
    storage
        .set_item(&document_key(), json)
        .map_err(|err| save_error(&err))
}

/// Dates of the daily snapshots kept, newest first.
pub fn backup_days() -> Vec<NaiveDate> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let prefix = backup_prefix();
    let mut days: Vec<NaiveDate> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(&prefix)?.parse().ok())
        .collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    days
}

/// The raw snapshot of `day`.
pub fn read_backup(day: NaiveDate) -> Option<String> {
    read_raw(&format!("{}{day}", backup_prefix()))
}

/// Before the first save of a day, keeps what was saved until then: the
/// last five such copies give a way back from a bad day (a wrong import, a
/// mistaken edit). A full storage drops the oldest copy first; the main
/// document always wins.
pub fn snapshot_daily(today: NaiveDate) {
    let Some(storage) = local() else { return };
    let mut days = backup_days();
    if days.first() == Some(&today) {
        return;
    }
    // The first save of a day: an undo point from an earlier day has had its day.
    let _ = undo_point(today);
    let Some(previous) = read_raw(&document_key()) else {
        return;
    };
    loop {
        while days.len() >= DAILY_BACKUPS {
            if let Some(oldest) = days.pop() {
                let _ = storage.remove_item(&format!("{}{oldest}", backup_prefix()));
            }
        }
        match storage.set_item(&format!("{}{today}", backup_prefix()), &previous) {
            Ok(()) => return,
            Err(err) if is_quota(&err) && !days.is_empty() => {
                let oldest = days.pop().expect("not empty");
                let _ = storage.remove_item(&format!("{}{oldest}", backup_prefix()));
            }
            Err(_) => return,
        }
    }
}

/// Deletes the oldest daily copy to make room; false when none is left.
pub fn drop_oldest_copy() -> bool {
    let (Some(storage), Some(oldest)) = (local(), backup_days().pop()) else {
        return false;
    };
    storage
        .remove_item(&format!("{}{oldest}", backup_prefix()))
        .is_ok()
}

/// Keeps `store` as the undo point of `today`, replacing any earlier one.
/// The operation it guards must not go ahead when this fails.
pub fn keep_undo_point(store: &Store, today: NaiveDate) -> Result<(), SaveError> {
    let storage = local().ok_or(SaveError::Failed)?;
    let kept = format!("{today}\n{}", store.to_json());
    storage
        .set_item(&undo_key(), &kept)
        .map_err(|err| save_error(&err))
}

/// The undo point taken on `today`, if any; one from an earlier day is
/// removed (it is kept until the next day).
pub fn undo_point(today: NaiveDate) -> Option<String> {
    let kept = read_raw(&undo_key())?;
    match kept.split_once('\n') {
        Some((day, raw)) if day.parse() == Ok(today) => Some(raw.to_string()),
        _ => {
            forget_undo_point();
            None
        }
    }
}

/// Removes the undo point, once used or out of date.
pub fn forget_undo_point() {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&undo_key());
    }
}

/// Removes every key of this deployment (the document, snapshots and kept
/// copies) but the undo point, which lets the patient take the delete back
/// today. Another deployment's data, and who owns the main keys, stay.
pub fn delete_everything() {
    let Some(storage) = local() else { return };
    let len = storage.length().unwrap_or(0);
    let (prefix, undo) = (key(""), undo_key());
    let keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(&prefix) && *key != undo && key != OWNER_KEY)
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing on older browsers and insecure origins.
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?)
        .await
        .ok()
}

/// Asks the browser not to evict our data under storage pressure (Safari
/// deletes script-written data after 7 days without a visit otherwise).
/// `None` when the browser has no such setting.
pub async fn request_persistence() -> Option<bool> {
    ask(storage_manager()?.persist()).await?.as_bool()
}

/// Asks for persistence again unless it is already granted: browsers
/// decide from engagement, so a refusal on day 1 may be a yes a week later
/// (data review §1 #1b). Called at every start and after each routine.
pub fn ask_to_persist() {
    leptos::task::spawn_local(async {
        if is_persistent().await == Some(false) {
            request_persistence().await;
        }
    });
}

/// Whether the browser has agreed to keep our data.
pub async fn is_persistent() -> Option<bool> {
    ask(storage_manager()?.persisted()).await?.as_bool()
}

/// (bytes used, bytes allowed) by this site across all browser storage.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate: web_sys::StorageEstimate = ask(storage_manager()?.estimate()).await?.into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
