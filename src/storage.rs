//! The only module that touches localStorage. Saved data is never destroyed:
//! unreadable data is copied aside before anything new is written, data from
//! a newer app version is left untouched, and a newer copy written by
//! another tab is merged in before saving over it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

use crate::domain::backup::MAX_SAVED_CHARS;
use crate::domain::commits::{self, Commit, Index, Version};
use crate::domain::shards::{self, Part};
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

/// The single document every version before 6 kept; read once, to move it
/// into parts, then replaced by a marker that keeps those versions read-only.
fn legacy_key() -> String {
    key("v1")
}

/// What a version-5 app finds under its key once the data has moved: a
/// document from a newer version, so it changes nothing.
const MOVED_MARKER: &str =
    "{\"schema_version\":6,\"moved\":\"the data is kept in parts under v2/\"}";

/// The commit record of the parts layout (see `domain::commits`).
pub fn index_key() -> String {
    key("v2")
}

/// Each part's versions live under this prefix plus `part@commit`.
fn part_prefix() -> String {
    key("v2/")
}

/// A daily copy: the revision it keeps, under this prefix plus the date.
fn copy_prefix() -> String {
    key("copy/")
}

/// Where an unreadable document is kept for recovery.
fn recovery_key() -> String {
    key("recovery")
}

/// Daily copies written before version 6, whole documents under this
/// prefix plus the date; still listed and restored until dropped.
fn legacy_copy_prefix() -> String {
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
    /// The data of an earlier version could not be moved into this
    /// version's layout for lack of room; it is untouched.
    NoRoomToMove,
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
            LoadProblem::NoRoomToMove => "This phone has no room left for Spinewise to store \
                 your data the new way, so nothing new will be saved until space is freed. Your \
                 data is all here and untouched: export a backup, free some space, then reload."
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
    /// What is saved, as stored (tidied data is stored tidied at once).
    pub store: Store,
    /// Which versions of the parts `store` is.
    pub saved: Saved,
    pub problem: Option<LoadProblem>,
    /// Saving would overwrite data this version cannot read.
    pub read_only: bool,
}

/// What this tab knows is saved: the index it last read or wrote, and the
/// commit of each part then.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    index: Option<Index>,
    parts: BTreeMap<Part, Commit>,
}

impl Saved {
    /// Whether `index` names the commit this tab knows of.
    pub fn is_current(&self, index: Option<&Index>) -> bool {
        self.index.as_ref().map(Index::current) == index.map(Index::current)
    }

    /// The revision of the commit this tab knows of.
    pub fn revision(&self) -> u64 {
        self.index.as_ref().map_or(0, |i| i.current().revision)
    }
}

thread_local! {
    /// This tab's name in the commits it writes, new on every page load.
    static WRITER: String = {
        let n = (js_sys::Math::random() * 36f64.powi(6)) as u32;
        radix36(n)
    };
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

fn local() -> Option<web_sys::Storage> {
    // gloo's handle panics where storage is blocked (private modes, disabled
    // site data), so ask the window first.
    let available = web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))));
    available.then(LocalStorage::raw)
}

/// Reads the saved data, or explains why the app starts without it.
/// Records that cannot be used on `today` (damaged, repeated, impossible
/// dates) are left out, after the data as it was is copied aside, and the
/// tidied data is stored at once. Data of an earlier version, kept as one
/// document, is moved into parts first.
pub fn load(today: NaiveDate) -> Loaded {
    let Some(storage) = local() else {
        return fresh(LoadProblem::NoStorage, true);
    };
    match read_index(&storage) {
        Ok(Some(index)) => load_parts(&storage, index, today),
        Ok(None) => load_legacy(&storage, today),
        Err(LoadError::NewerSchema(_)) => fresh(LoadProblem::Newer, true),
        Err(LoadError::Corrupt(why)) => {
            // The parts are there; the newest versions of each are the best guess.
            leptos::logging::warn!("unreadable index ({why}); reading the newest parts");
            let newest = versions(&storage).into_iter().map(|v| v.commit).max();
            match newest {
                Some(commit) => load_parts(&storage, Index::first(0, commit), today),
                None => fresh(LoadProblem::NoStorage, true),
            }
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

fn read_index(storage: &web_sys::Storage) -> Result<Option<Index>, LoadError> {
    match storage.get_item(&index_key()) {
        Ok(Some(raw)) => Index::parse(&raw).map(Some),
        Ok(None) => Ok(None),
        Err(_) => Err(LoadError::Corrupt("storage refused to read".into())),
    }
}

/// The current index, to tell whether another tab has saved.
pub fn index() -> Result<Option<Index>, LoadError> {
    local().map_or(Ok(None), |storage| read_index(&storage))
}

/// Every stored version of every part, from the key names alone.
fn versions(storage: &web_sys::Storage) -> Vec<Version> {
    let prefix = part_prefix();
    let len = storage.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| Version::parse(key.strip_prefix(&prefix)?))
        .collect()
}

fn read_parts<'a>(
    storage: &web_sys::Storage,
    chosen: impl Iterator<Item = (&'a Part, &'a Commit)>,
) -> Vec<(Part, String)> {
    chosen
        .filter_map(|(part, commit)| {
            let version = Version {
                part: *part,
                commit: commit.clone(),
            };
            let raw = storage
                .get_item(&format!("{}{version}", part_prefix()))
                .ok()??;
            Some((*part, raw))
        })
        .collect()
}

/// The data as of the `revision` (the current one, or a kept copy's).
fn read_at(
    storage: &web_sys::Storage,
    index: &Index,
    revision: u64,
) -> (Vec<(Part, String)>, BTreeMap<Part, Commit>) {
    let versions = versions(storage);
    let unfinished = commits::unfinished(&versions, index);
    if unfinished > 0 {
        leptos::logging::warn!("{unfinished} part versions of an unfinished save are ignored");
    }
    let chosen = commits::chosen(&versions, index, revision);
    (read_parts(storage, chosen.iter()), chosen)
}

fn load_parts(storage: &web_sys::Storage, index: Index, today: NaiveDate) -> Loaded {
    let revision = index.current().revision;
    let (raw, chosen) = read_at(storage, &index, revision);
    let saved = Saved {
        index: Some(index),
        parts: chosen,
    };
    match shards::assemble(raw.clone(), revision) {
        Ok((store, left_out)) => settle(storage, store, left_out, saved, today, || {
            shards::document(&raw)
        }),
        Err(LoadError::NewerSchema(_)) => fresh(LoadProblem::Newer, true),
        Err(LoadError::Corrupt(why)) => {
            leptos::logging::warn!("{why}");
            unreadable(storage, &shards::document(&raw))
        }
    }
}

fn unreadable(storage: &web_sys::Storage, raw: &str) -> Loaded {
    match keep_for_recovery(storage, raw) {
        Ok(key) => fresh(LoadProblem::Unreadable(key), false),
        // Without a safe copy, the original must not be overwritten.
        Err(_) => fresh(LoadProblem::UnreadableNoRoom, true),
    }
}

/// Tidies what was read; when anything is left out, keeps the data as it
/// was (`as_it_was`) for download and stores the tidied data in its place.
fn settle(
    storage: &web_sys::Storage,
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
    let kept = keep_for_recovery(storage, &as_it_was());
    match kept.map(|key| (key, rewrite(&saved, &store))) {
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
fn load_legacy(storage: &web_sys::Storage, today: NaiveDate) -> Loaded {
    let raw = match storage.get_item(&legacy_key()) {
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                store: Store::default(),
                saved: Saved::default(),
                problem: None,
                read_only: false,
            };
        }
        Err(_) => return fresh(LoadProblem::NoStorage, true),
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
                Err(_) => return unreadable(storage, &raw),
            }
        }
    };
    let mut loaded = settle(storage, store, left_out, Saved::default(), today, || {
        raw.clone()
    });
    if loaded.read_only {
        return loaded;
    }
    if loaded.saved.index.is_none() {
        match rewrite(&Saved::default(), &loaded.store) {
            Ok(saved) => loaded.saved = saved,
            Err(_) => {
                loaded.problem = Some(LoadProblem::NoRoomToMove);
                loaded.read_only = true;
                return loaded;
            }
        }
    }
    let read_back = read_index(storage).ok().flatten().and_then(|index| {
        let revision = index.current().revision;
        let (raw, _) = read_at(storage, &index, revision);
        shards::assemble(raw, revision).ok()
    });
    let same =
        read_back.is_some_and(|(back, left_out)| left_out == 0 && back.same_data(&loaded.store));
    if same {
        let _ = storage.set_item(&legacy_key(), MOVED_MARKER);
    } else {
        leptos::logging::warn!("the moved data did not read back the same; the old copy stays");
    }
    loaded
}

/// Stores every part of `store` as a new commit, and empties every part
/// `saved` names that `store` no longer has.
pub fn rewrite(saved: &Saved, store: &Store) -> Result<Saved, SaveError> {
    let mut parts: Vec<Part> = saved.parts.keys().copied().collect();
    parts.extend(shards::all_parts(store));
    parts.sort_unstable();
    parts.dedup();
    let storage = local().ok_or(SaveError::Failed)?;
    let on_disk = read_index(&storage).ok().flatten();
    write_commit(&storage, saved, on_disk.as_ref(), store, &parts)
}

/// Saves the `changed` parts of `current` on top of the data `saved`
/// names, which is what `on_disk` names too (the caller has taken in other
/// tabs' saves); every part when nothing is stored (after Delete everything).
pub fn commit(
    saved: &Saved,
    on_disk: Option<&Index>,
    current: &Store,
    changed: &[Part],
    today: NaiveDate,
) -> Result<Saved, SaveError> {
    let storage = local().ok_or(SaveError::Failed)?;
    snapshot_daily(&storage, saved, today);
    match on_disk {
        Some(_) => write_commit(&storage, saved, on_disk, current, changed),
        None => write_commit(&storage, saved, None, current, &shards::all_parts(current)),
    }
}

/// Writes `parts` of `store` as one new commit on top of `on_disk`, then
/// removes the versions nothing needs. A full storage drops daily copies,
/// oldest first, before giving up, unless the data could never fit.
fn write_commit(
    storage: &web_sys::Storage,
    saved: &Saved,
    on_disk: Option<&Index>,
    store: &Store,
    parts: &[Part],
) -> Result<Saved, SaveError> {
    let known = |index: Option<&Index>| index.map_or(0, |i| i.current().revision);
    let commit = Commit {
        revision: known(saved.index.as_ref())
            .max(known(on_disk))
            .max(store.revision)
            + 1,
        writer: WRITER.with(String::clone),
    };
    let mut written = 0;
    let mut write = |key: String, value: &str| -> Result<(), SaveError> {
        written += value.len();
        loop {
            match storage.set_item(&key, value) {
                Ok(()) => return Ok(()),
                Err(err)
                    if is_quota(&err) && written <= MAX_SAVED_CHARS && drop_oldest(storage) =>
                {
                    collect_garbage(storage, on_disk);
                }
                Err(err) => return Err(save_error(&err)),
            }
        }
    };
    for part in parts {
        let version = Version {
            part: *part,
            commit: commit.clone(),
        };
        write(
            format!("{}{version}", part_prefix()),
            &shards::encode(store, *part),
        )?;
    }
    let index = match on_disk {
        Some(index) => index.then(commit.clone(), store.generation),
        None => Index::first(store.generation, commit.clone()),
    };
    write(index_key(), &index.to_json())?;
    collect_garbage(storage, Some(&index));
    let mut known_parts = if on_disk.is_some() {
        saved.parts.clone()
    } else {
        BTreeMap::new()
    };
    known_parts.extend(parts.iter().map(|part| (*part, commit.clone())));
    Ok(Saved {
        index: Some(index),
        parts: known_parts,
    })
}

/// Removes the versions neither the data `index` names nor a daily copy uses.
fn collect_garbage(storage: &web_sys::Storage, index: Option<&Index>) {
    let Some(index) = index else { return };
    let kept: Vec<u64> = copies(storage)
        .into_iter()
        .filter_map(|(_, copy)| match copy {
            Copy::At(revision) => Some(revision),
            Copy::Whole => None,
        })
        .collect();
    for version in commits::garbage(&versions(storage), index, &kept) {
        let _ = storage.remove_item(&format!("{}{version}", part_prefix()));
    }
}

/// The data another tab saved (named by `on_disk`), read as far as it
/// differs from `persisted`, the data `saved` names.
pub fn read_changes(
    saved: &Saved,
    on_disk: &Index,
    persisted: &Store,
) -> Result<(Store, Saved), LoadError> {
    let storage = local().ok_or_else(|| LoadError::Corrupt("no storage".into()))?;
    let revision = on_disk.current().revision;
    let versions = versions(&storage);
    let chosen = commits::chosen(&versions, on_disk, revision);
    let same_generation = saved
        .index
        .as_ref()
        .is_some_and(|i| i.generation == on_disk.generation);
    let changed = chosen
        .iter()
        .filter(|(part, commit)| !same_generation || saved.parts.get(part) != Some(commit));
    let raw = read_parts(&storage, changed);
    let store = if same_generation {
        shards::replace(persisted, &raw).map(|store| Store { revision, ..store })
    } else {
        shards::assemble(raw, revision).map(|(store, _)| store)
    }?;
    let saved = Saved {
        index: Some(on_disk.clone()),
        parts: chosen,
    };
    Ok((store, saved))
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

/// What a daily copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    /// The data as of this revision; its versions are kept.
    At(u64),
    /// A whole document, as versions before 6 kept them.
    Whole,
}

/// The daily copies kept, newest first.
fn copies(storage: &web_sys::Storage) -> Vec<(NaiveDate, Copy)> {
    let (kept, whole) = (copy_prefix(), legacy_copy_prefix());
    let len = storage.length().unwrap_or(0);
    let mut copies: Vec<(NaiveDate, Copy)> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            if let Some(day) = key.strip_prefix(&kept) {
                let revision = storage.get_item(&key).ok()??.parse().ok()?;
                Some((day.parse().ok()?, Copy::At(revision)))
            } else {
                Some((key.strip_prefix(&whole)?.parse().ok()?, Copy::Whole))
            }
        })
        .collect();
    copies.sort_unstable_by_key(|(day, _)| std::cmp::Reverse(*day));
    copies.dedup_by_key(|(day, _)| *day);
    copies
}

fn copy_key(day: NaiveDate, copy: Copy) -> String {
    match copy {
        Copy::At(_) => format!("{}{day}", copy_prefix()),
        Copy::Whole => format!("{}{day}", legacy_copy_prefix()),
    }
}

/// Dates of the daily copies kept, newest first.
pub fn backup_days() -> Vec<NaiveDate> {
    local().map_or_else(Vec::new, |storage| {
        copies(&storage).into_iter().map(|(day, _)| day).collect()
    })
}

/// The daily copy of `day`, as one document.
pub fn read_backup(day: NaiveDate) -> Option<String> {
    let storage = local()?;
    let (_, copy) = copies(&storage).into_iter().find(|(d, _)| *d == day)?;
    match copy {
        Copy::Whole => read_raw(&copy_key(day, copy)),
        Copy::At(revision) => {
            let index = read_index(&storage).ok()??;
            let (raw, _) = read_at(&storage, &index, revision);
            Some(shards::assemble(raw, revision).ok()?.0.to_json())
        }
    }
}

/// Before the first save of a day, keeps the data as saved until then:
/// the last five such copies give a way back from a bad day (a wrong
/// import, a mistaken edit). A copy is only the revision it keeps, so it
/// costs the parts changed since, not the whole history again.
fn snapshot_daily(storage: &web_sys::Storage, saved: &Saved, today: NaiveDate) {
    let mut days = copies(storage);
    if days.first().is_some_and(|(day, _)| *day == today) {
        return;
    }
    // The first save of a day: an undo point from an earlier day has had its day.
    let _ = undo_point(today);
    let Some(index) = &saved.index else { return };
    while days.len() >= DAILY_BACKUPS {
        if let Some((day, copy)) = days.pop() {
            let _ = storage.remove_item(&copy_key(day, copy));
        }
    }
    let revision = index.current().revision.to_string();
    let _ = storage.set_item(&format!("{}{today}", copy_prefix()), &revision);
}

/// Deletes the oldest daily copy to make room; false when none is left.
fn drop_oldest(storage: &web_sys::Storage) -> bool {
    let Some((day, copy)) = copies(storage).pop() else {
        return false;
    };
    storage.remove_item(&copy_key(day, copy)).is_ok()
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
