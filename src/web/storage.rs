//! The only module that touches localStorage: it puts the browser's
//! storage behind the domain's [`Shelf`] and reads the data at start-up.
//! Saved data is never destroyed: unreadable data is copied aside before
//! anything new is written, data from a newer app version is left
//! untouched, and what another tab saved is merged in before saving over it
//! (`domain::layout`).

use chrono::NaiveDate;
use gloo_storage::{LocalStorage, Storage};
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::commits::Index;
pub use crate::domain::layout::SaveError;
use crate::domain::layout::{Layout, Saved, Shelf, Synced, Tab};
use crate::domain::load_problem::LoadProblem;
use crate::domain::shards;
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
    let base = crate::web::pwa::base_path();
    let Some(mut shelf) = local() else {
        return (ROOT_PREFIX.into(), None);
    };
    match shelf.get(OWNER_KEY) {
        Some(owner) if owner != base => (format!("spinewise@{base}/"), Some(owner)),
        Some(_) => (ROOT_PREFIX.into(), None),
        None => {
            let _ = shelf.set(OWNER_KEY, &base);
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

/// Where the handle of this deployment's backup folder is kept (in
/// IndexedDB, which can hold one).
pub fn folder_key() -> String {
    key("folder")
}

/// Where this deployment's parts, copies and index live.
pub fn layout() -> Layout {
    Layout::new(key(""))
}

/// The single document every version before 6 kept; read once, to move it
/// into parts, then replaced by a marker that keeps those versions read-only.
fn legacy_key() -> String {
    key("v1")
}

/// What a version-5 app finds under its key once the data has moved: a
/// document from a newer version, so it changes nothing.
const MOVED_MARKER: &str =
    "{\"schema_version\":6,\"moved\":\"the data is kept in parts under v2/\"}";

/// Where unreadable data is kept for recovery.
fn recovery_key() -> String {
    key("recovery")
}

/// The data as it was before the latest import, restore or delete, on the
/// line after the day it was taken: the patient can undo that day.
fn undo_key() -> String {
    key("undo")
}

/// The undo point's day on its own, so Settings can tell whether there is
/// one without reading ten years of data.
fn undo_day_key() -> String {
    key("undo-day")
}

thread_local! {
    /// This tab's name in the commits it writes, new on every page load.
    static WRITER: String = radix36((js_sys::Math::random() * 36f64.powi(6)) as u32);
}

fn radix36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(std::char::from_digit(n % 36, 36).expect("below 36"));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The result of reading saved data at start-up.
pub struct Loaded {
    /// What is saved, as stored (tidied data is stored tidied at once).
    pub store: Store,
    /// Which versions of the parts `store` is.
    pub saved: Saved,
    pub problem: Option<LoadProblem>,
    /// Saving would overwrite data this version cannot read.
    pub read_only: bool,
}

impl Loaded {
    /// This tab's view of the saved data, to keep it saved from now on.
    pub fn tab(&self) -> Tab {
        Tab::new(
            self.store.clone(),
            self.saved.clone(),
            WRITER.with(String::clone),
        )
    }
}

/// The browser's localStorage as a [`Shelf`].
struct Local(web_sys::Storage);

#[wasm_bindgen]
extern "C" {
    /// The browser's `Storage`, for the one method bound differently.
    #[wasm_bindgen(js_name = Storage)]
    type StorageText;
    /// `getItem`, with the text left in JavaScript.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_text(this: &StorageText, key: &str) -> Result<Option<JsString>, JsValue>;

    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Writes `text` as UTF-8 into `into`, as far as it fits.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsString, into: &Uint8Array) -> Encoded;

    /// What one `encodeInto` did.
    type Encoded;
    /// UTF-16 units of the text taken.
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    /// Bytes written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// `text` as a Rust string, copied by the browser's encoder in one call.
/// wasm-bindgen's own conversion copies character by character in
/// JavaScript: at ten years that took 24 ms of the start-up read, this 10.
fn to_string(text: &JsString) -> String {
    let units = text.length() as usize;
    // Stored data is nearly all ASCII, one byte a unit; what does not fit
    // goes in a second call with room for the most UTF-8 can need.
    let mut bytes = Vec::new();
    let mut taken = 0;
    let mut rest = text.clone();
    while taken < units {
        let start = bytes.len();
        let room = if taken == 0 {
            units
        } else {
            3 * (units - taken)
        };
        bytes.resize(start + room, 0);
        let done = ENCODER.with(|encoder| {
            let buffer = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
            // No allocation from here to the call, so the view stays valid.
            let view = Uint8Array::new_with_byte_offset_and_length(
                &buffer.buffer(),
                bytes.as_ptr() as u32 + start as u32,
                room as u32,
            );
            encoder.encode_into(&rest, &view)
        });
        bytes.truncate(start + done.written() as usize);
        taken += done.read() as usize;
        rest = text.slice(taken as u32, units as u32);
    }
    String::from_utf8(bytes).unwrap_or_else(|_| String::from(text))
}

impl Shelf for Local {
    fn get(&self, key: &str) -> Option<String> {
        let storage: &StorageText = self.0.unchecked_ref();
        storage.get_text(key).ok().flatten().as_ref().map(to_string)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.set_item(key, value).map_err(|err| save_error(&err))
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let len = self.0.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

fn local() -> Option<Local> {
    // gloo's handle panics where storage is blocked (private modes, disabled
    // site data), so ask the window first.
    let available = web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))));
    available.then(|| Local(LocalStorage::raw()))
}

/// Reads the saved data, or explains why the app starts without it.
/// Records that cannot be used on `today` (damaged, repeated, impossible
/// dates) are left out, after the data as it was is copied aside, and the
/// tidied data is stored at once. Data of an earlier version, kept as one
/// document, is moved into parts first.
pub fn load(today: NaiveDate) -> Loaded {
    let Some(mut shelf) = local() else {
        return fresh(LoadProblem::NoStorage, true);
    };
    let layout = layout();
    let index = match layout.index(&shelf) {
        Ok(Some(index)) => index,
        Ok(None) => return load_legacy(&mut shelf, today),
        Err(LoadError::NewerSchema(_)) => return fresh(LoadProblem::Newer, true),
        Err(LoadError::Corrupt(why)) => {
            // The parts are there; the newest versions of each are the best guess.
            leptos::logging::warn!("unreadable index ({why}); reading the newest parts");
            match layout.newest_commit(&shelf) {
                Some(commit) => Index::first(0, commit),
                None => return fresh(LoadProblem::NoStorage, true),
            }
        }
    };
    let (read, as_stored, saved) = layout.read(&shelf, index);
    match read {
        Ok((store, left_out)) => settle(&mut shelf, store, left_out, saved, today, || {
            shards::document(&as_stored)
        }),
        Err(LoadError::NewerSchema(_)) => fresh(LoadProblem::Newer, true),
        Err(LoadError::Corrupt(why)) => {
            leptos::logging::warn!("{why}");
            unreadable(&mut shelf, &shards::document(&as_stored))
        }
    }
}

fn fresh(problem: LoadProblem, read_only: bool) -> Loaded {
    Loaded {
        store: Store::default(),
        saved: Saved::default(),
        problem: Some(problem),
        read_only,
    }
}

fn unreadable(shelf: &mut Local, raw: &str) -> Loaded {
    match keep_for_recovery(shelf, raw) {
        Ok(key) => fresh(LoadProblem::Unreadable(key), false),
        // Without a safe copy, the original must not be overwritten.
        Err(_) => fresh(LoadProblem::UnreadableNoRoom, true),
    }
}

/// Tidies what was read; when anything is left out, keeps the data as it
/// was for download and stores the tidied data in its place.
fn settle(
    shelf: &mut Local,
    mut store: Store,
    mut left_out: usize,
    saved: Saved,
    today: NaiveDate,
    as_it_was: impl FnOnce() -> String,
) -> Loaded {
    left_out += tidy(&mut store, today).set_aside();
    if left_out == 0 {
        return Loaded {
            store,
            saved,
            problem: None,
            read_only: false,
        };
    }
    // Put together only now: at every start it would cost a second parse.
    let kept = keep_for_recovery(shelf, &as_it_was()).map(|key| {
        let writer = WRITER.with(String::clone);
        (key, layout().rewrite(shelf, &saved, &store, &writer))
    });
    match kept {
        Ok((key, Ok(saved))) => Loaded {
            store,
            saved,
            problem: Some(LoadProblem::SetAside(key, left_out)),
            read_only: false,
        },
        // The rest is usable, but saving would lose what was left out.
        _ => Loaded {
            store,
            saved,
            problem: Some(LoadProblem::UnreadableNoRoom),
            read_only: true,
        },
    }
}

/// Reads the single document of an earlier version and moves it into
/// parts. The document stays until the parts have been read back and found
/// equal, record by record; then a marker takes its place, so an older
/// version still open elsewhere changes nothing.
fn load_legacy(shelf: &mut Local, today: NaiveDate) -> Loaded {
    let Some(raw) = shelf.get(&legacy_key()) else {
        return Loaded {
            store: Store::default(),
            saved: Saved::default(),
            problem: None,
            read_only: false,
        };
    };
    let (store, left_out) = match Store::parse(&raw) {
        Ok(store) => (store, 0),
        Err(LoadError::NewerSchema(_)) => return fresh(LoadProblem::Newer, true),
        Err(err @ LoadError::Corrupt(_)) => {
            leptos::logging::warn!("{err}");
            let salvaged = serde_json::from_str(&raw)
                .map_err(|e| LoadError::Corrupt(e.to_string()))
                .and_then(Store::salvage);
            match salvaged {
                Ok(salvaged) => salvaged,
                Err(_) => return unreadable(shelf, &raw),
            }
        }
    };
    let mut loaded = settle(shelf, store, left_out, Saved::default(), today, || {
        raw.clone()
    });
    if loaded.read_only {
        return loaded;
    }
    let layout = layout();
    if loaded.saved == Saved::default() {
        let writer = WRITER.with(String::clone);
        match layout.rewrite(shelf, &Saved::default(), &loaded.store, &writer) {
            Ok(saved) => loaded.saved = saved,
            Err(_) => {
                loaded.problem = Some(LoadProblem::NoRoomToMove);
                loaded.read_only = true;
                return loaded;
            }
        }
    }
    let read_back = layout
        .index(shelf)
        .ok()
        .flatten()
        .map(|index| layout.read(shelf, index).0);
    let same = matches!(read_back, Some(Ok((back, 0))) if back.same_data(&loaded.store));
    if same {
        let _ = shelf.set(&legacy_key(), MOVED_MARKER);
    } else {
        leptos::logging::warn!("the moved data did not read back the same; the old copy stays");
    }
    loaded
}

/// Saves what changed in `current` for `tab`, or takes in another tab's
/// save first; on the first save of a day an old undo point goes.
pub fn save(tab: &mut Tab, current: &Store, today: NaiveDate) -> Synced {
    let Some(mut shelf) = local() else {
        return Synced::Refused(SaveError::Failed);
    };
    let synced = tab.save(&layout(), &mut shelf, current, today);
    if matches!(synced, Synced::Saved { new_day: true, .. }) {
        // An undo point from an earlier day has had its day.
        let _ = undo_point(today);
    }
    synced
}

/// Takes in what another tab saved, if anything.
pub fn take_in(tab: &mut Tab, current: &Store) -> Synced {
    match local() {
        Some(shelf) => tab.take_in(&layout(), &shelf, current),
        None => Synced::Unchanged,
    }
}

/// Copies unreadable data aside, never replacing an earlier kept copy.
fn keep_for_recovery(shelf: &mut Local, raw: &str) -> Result<String, SaveError> {
    let first = recovery_key();
    let mut key = first.clone();
    let mut n = 1;
    while let Some(kept) = shelf.get(&key) {
        if kept == raw {
            return Ok(key);
        }
        n += 1;
        key = format!("{first}/{n}");
    }
    shelf.set(&key, raw)?;
    Ok(key)
}

/// The raw text kept under `key`, for download.
pub fn read_raw(key: &str) -> Option<String> {
    local()?.get(key)
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

/// Dates of the daily copies kept, newest first.
pub fn backup_days() -> Vec<NaiveDate> {
    local().map_or_else(Vec::new, |shelf| layout().copy_days(&shelf))
}

/// The daily copy of `day`, as one document.
pub fn read_backup(day: NaiveDate) -> Option<String> {
    layout().read_copy(&local()?, day)
}

/// Keeps `store` as the undo point of `today`, replacing any earlier one.
/// The operation it guards must not go ahead when this fails.
pub fn keep_undo_point(store: &Store, today: NaiveDate) -> Result<(), SaveError> {
    let mut shelf = local().ok_or(SaveError::Failed)?;
    shelf.set(&undo_key(), &format!("{today}\n{}", store.to_json()))?;
    shelf
        .set(&undo_day_key(), &today.to_string())
        .inspect_err(|_| forget_undo_point())
}

/// Whether an undo point was taken on `today`; one from an earlier day is
/// removed (it is kept until the next day).
pub fn has_undo_point(today: NaiveDate) -> bool {
    let Some(shelf) = local() else { return false };
    match shelf.get(&undo_day_key()) {
        Some(day) if day == today.to_string() => true,
        Some(_) => {
            forget_undo_point();
            false
        }
        // One kept by version 5, which wrote no day key.
        None => undo_point(today).is_some(),
    }
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
    if let Some(mut shelf) = local() {
        shelf.remove(&undo_key());
        shelf.remove(&undo_day_key());
    }
}

/// Removes every key of this deployment (the data, copies and kept
/// copies) but the undo point, which lets the patient take the delete back
/// today. Another deployment's data, and who owns the main keys, stay.
pub fn delete_everything() {
    let Some(mut shelf) = local() else { return };
    let (prefix, undo, undo_day) = (key(""), undo_key(), undo_day_key());
    for key in shelf.keys() {
        if key.starts_with(&prefix) && key != undo && key != undo_day && key != OWNER_KEY {
            shelf.remove(&key);
        }
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
    // Nothing the first screen needs: once the page has loaded.
    crate::web::tasks::after_load(|| {
        leptos::task::spawn_local(async {
            if is_persistent().await == Some(false) {
                request_persistence().await;
            }
        })
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
