//! How the parts (`shards`) and their commits (`commits`) sit in a
//! key-value store, and how a tab keeps its data saved and in step with
//! other tabs. Pure over [`Shelf`], so saving, merging, cut-short saves and
//! a full storage are tested natively; `storage` puts localStorage behind it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::backup::MAX_SAVED_CHARS;
use super::commits::{self, Commit, Index, Version};
use super::shards::{self, Part};
use super::sort;
use super::store::{LoadError, Store};

/// A key-value store of text, like localStorage.
pub trait Shelf {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
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

/// How many daily copies are kept.
const DAILY_COPIES: usize = 5;

/// What a daily copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    /// The data as of this revision; its versions are kept.
    At(u64),
    /// A whole document, as versions before 6 kept them.
    Whole,
}

/// What a tab knows is saved: the index it last read or wrote, and the
/// commit of each part then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    index: Option<Index>,
    parts: BTreeMap<Part, Commit>,
}

impl Saved {
    /// Whether `index` names the commit this tab knows of.
    fn is_current(&self, index: &Index) -> bool {
        self.index.as_ref().map(Index::current) == Some(index.current())
    }

    /// Whether this tab is in step with `index`, or both know of nothing.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    fn is_current_or_none(&self, index: Option<&Index>) -> bool {
        index.map_or(self.index.is_none(), |i| self.is_current(i))
    }

    /// The revision of the commit this tab knows of.
    pub fn revision(&self) -> u64 {
        self.index.as_ref().map_or(0, |i| i.current().revision)
    }
}

/// Parts as read from the shelf, each with its text as stored.
pub type StoredParts = Vec<(Part, String)>;

/// The keys of one deployment's data, all under `prefix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    prefix: String,
}

impl Layout {
    pub fn new(prefix: impl Into<String>) -> Layout {
        Layout {
            prefix: prefix.into(),
        }
    }

    /// The commit record.
    pub fn index_key(&self) -> String {
        format!("{}v2", self.prefix)
    }

    fn part_key(&self, version: &Version) -> String {
        format!("{}v2/{version}", self.prefix)
    }

    fn copy_key(&self, day: NaiveDate, copy: Copy) -> String {
        match copy {
            Copy::At(_) => format!("{}copy/{day}", self.prefix),
            Copy::Whole => format!("{}backup/{day}", self.prefix),
        }
    }

    /// The current index; `None` when nothing is stored.
    pub fn index(&self, shelf: &impl Shelf) -> Result<Option<Index>, LoadError> {
        shelf
            .get(&self.index_key())
            .map(|raw| Index::parse(&raw))
            .transpose()
    }

    /// Every stored version of every part, from the key names alone.
    fn versions(&self, shelf: &impl Shelf) -> Vec<Version> {
        self.versions_in(&shelf.keys())
    }

    /// The part versions among `keys`.
    fn versions_in(&self, keys: &[String]) -> Vec<Version> {
        let prefix = format!("{}v2/", self.prefix);
        keys.iter()
            .filter_map(|key| Version::parse(key.strip_prefix(&prefix)?))
            .collect()
    }

    /// The newest version of any part: the best guess at the data when the
    /// index itself cannot be read.
    pub fn newest_commit(&self, shelf: &impl Shelf) -> Option<Commit> {
        self.versions(shelf).into_iter().map(|v| v.commit).max()
    }

    fn read_parts<'a>(
        &self,
        shelf: &impl Shelf,
        chosen: impl Iterator<Item = (&'a Part, &'a Commit)>,
    ) -> Vec<(Part, String)> {
        chosen
            .filter_map(|(part, commit)| {
                let version = Version {
                    part: *part,
                    commit: commit.clone(),
                };
                Some((*part, shelf.get(&self.part_key(&version))?))
            })
            .collect()
    }

    /// The parts as of `revision` (the current one, or a kept copy's).
    fn read_at(
        &self,
        shelf: &impl Shelf,
        index: &Index,
        revision: u64,
    ) -> (Vec<(Part, String)>, BTreeMap<Part, Commit>) {
        let chosen = commits::chosen(&self.versions(shelf), index, revision);
        (self.read_parts(shelf, chosen.iter()), chosen)
    }

    /// The data `index` names: the store with how many records could not
    /// be read, the parts as stored (to make a copy to download from, only
    /// when something could not be used), and which versions they are.
    pub fn read(
        &self,
        shelf: &impl Shelf,
        index: Index,
    ) -> (Result<(Store, usize), LoadError>, StoredParts, Saved) {
        let revision = index.current().revision;
        let (raw, chosen) = self.read_at(shelf, &index, revision);
        let store = shards::assemble(&raw, revision);
        let saved = Saved {
            index: Some(index),
            parts: chosen,
        };
        (store, raw, saved)
    }

    /// Stores every part of `store` as a new commit, and empties every part
    /// `saved` names that `store` no longer has.
    pub fn rewrite(
        &self,
        shelf: &mut impl Shelf,
        saved: &Saved,
        store: &Store,
        writer: &str,
    ) -> Result<Saved, SaveError> {
        let mut parts: Vec<Part> = saved.parts.keys().copied().collect();
        parts.extend(shards::all_parts(store));
        sort::sort(&mut parts);
        parts.dedup();
        let on_disk = self.index(shelf).ok().flatten();
        self.write_commit(shelf, saved, on_disk.as_ref(), store, &parts, writer)
    }

    /// Writes `parts` of `store` as one new commit on top of `on_disk`,
    /// then removes the versions nothing needs. A full storage drops daily
    /// copies, oldest first, before giving up, unless the data could never fit.
    fn write_commit(
        &self,
        shelf: &mut impl Shelf,
        saved: &Saved,
        on_disk: Option<&Index>,
        store: &Store,
        parts: &[Part],
        writer: &str,
    ) -> Result<Saved, SaveError> {
        let known = |index: Option<&Index>| index.map_or(0, |i| i.current().revision);
        let commit = Commit {
            revision: known(saved.index.as_ref())
                .max(known(on_disk))
                .max(store.revision)
                + 1,
            writer: writer.into(),
        };
        let mut written = 0;
        let mut write = |shelf: &mut _, key: String, value: &str| -> Result<(), SaveError> {
            written += value.len();
            loop {
                match Shelf::set(shelf, &key, value) {
                    Ok(()) => return Ok(()),
                    Err(SaveError::Full)
                        if written <= MAX_SAVED_CHARS && self.drop_oldest(shelf) =>
                    {
                        self.collect_garbage(shelf, on_disk);
                    }
                    Err(err) => return Err(err),
                }
            }
        };
        let index = match on_disk {
            Some(index) => index.then(commit.clone(), store.generation),
            None => Index::first(store.generation, commit.clone()),
        };
        let keys: Vec<String> = parts
            .iter()
            .map(|part| {
                self.part_key(&Version {
                    part: *part,
                    commit: commit.clone(),
                })
            })
            .collect();
        let written = parts
            .iter()
            .zip(&keys)
            .try_for_each(|(part, key)| write(shelf, key.clone(), &shards::encode(store, *part)))
            .and_then(|()| write(shelf, self.index_key(), &index.to_json()));
        if let Err(err) = written {
            // The next try is the same commit, so what this one wrote must
            // go: it would count then for parts that try no longer writes.
            for key in &keys {
                shelf.remove(key);
            }
            return Err(err);
        }
        self.collect_garbage(shelf, Some(&index));
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
    fn collect_garbage(&self, shelf: &mut impl Shelf, index: Option<&Index>) {
        let Some(index) = index else { return };
        // One walk over the keys serves both: this runs after every save.
        let keys = shelf.keys();
        let kept: Vec<u64> = self
            .copies_in(shelf, &keys)
            .into_iter()
            .filter_map(|(_, copy)| match copy {
                Copy::At(revision) => Some(revision),
                Copy::Whole => None,
            })
            .collect();
        for version in commits::garbage(&self.versions_in(&keys), index, &kept) {
            shelf.remove(&self.part_key(&version));
        }
    }

    /// The data another tab saved (named by `on_disk`), read as far as it
    /// differs from `persisted`, the data `saved` names.
    fn read_changes(
        &self,
        shelf: &impl Shelf,
        saved: &Saved,
        on_disk: &Index,
        persisted: &Store,
    ) -> Result<(Store, Saved), LoadError> {
        let revision = on_disk.current().revision;
        let chosen = commits::chosen(&self.versions(shelf), on_disk, revision);
        let same_generation = saved
            .index
            .as_ref()
            .is_some_and(|i| i.generation == on_disk.generation);
        let changed = chosen
            .iter()
            .filter(|(part, commit)| !same_generation || saved.parts.get(part) != Some(commit));
        let mut raw = self.read_parts(shelf, changed);
        // A part this tab knows that the other tab's commit does not have
        // (this tab's lost commit wrote it) is empty there.
        if same_generation {
            let gone = saved.parts.keys().filter(|part| !chosen.contains_key(part));
            raw.extend(gone.map(|part| (*part, shards::encode(&Store::default(), *part))));
        }
        let store = if same_generation {
            shards::replace(persisted, &raw).map(|store| Store { revision, ..store })
        } else {
            shards::assemble(&raw, revision).map(|(store, _)| store)
        }?;
        let saved = Saved {
            index: Some(on_disk.clone()),
            parts: chosen,
        };
        Ok((store, saved))
    }

    /// The daily copies kept, newest first.
    fn copies(&self, shelf: &impl Shelf) -> Vec<(NaiveDate, Copy)> {
        self.copies_in(shelf, &shelf.keys())
    }

    /// The daily copies among `keys`, newest first.
    fn copies_in(&self, shelf: &impl Shelf, keys: &[String]) -> Vec<(NaiveDate, Copy)> {
        let (kept, whole) = (
            format!("{}copy/", self.prefix),
            format!("{}backup/", self.prefix),
        );
        let mut copies: Vec<(NaiveDate, Copy)> = keys
            .iter()
            .filter_map(|key| {
                if let Some(day) = key.strip_prefix(&kept) {
                    let revision = shelf.get(key)?.parse().ok()?;
                    Some((day.parse().ok()?, Copy::At(revision)))
                } else {
                    Some((key.strip_prefix(&whole)?.parse().ok()?, Copy::Whole))
                }
            })
            .collect();
        sort::sort_by_key(&mut copies, |(day, _)| std::cmp::Reverse(*day));
        copies.dedup_by_key(|(day, _)| *day);
        copies
    }

    /// Dates of the daily copies kept, newest first.
    pub fn copy_days(&self, shelf: &impl Shelf) -> Vec<NaiveDate> {
        self.copies(shelf).into_iter().map(|(day, _)| day).collect()
    }

    /// The daily copy of `day`, as one document.
    pub fn read_copy(&self, shelf: &impl Shelf, day: NaiveDate) -> Option<String> {
        let (_, copy) = self.copies(shelf).into_iter().find(|(d, _)| *d == day)?;
        match copy {
            Copy::Whole => shelf.get(&self.copy_key(day, copy)),
            Copy::At(revision) => {
                let index = self.index(shelf).ok()??;
                let (raw, _) = self.read_at(shelf, &index, revision);
                Some(shards::assemble(&raw, revision).ok()?.0.to_json())
            }
        }
    }

    /// Before the first save of a day, keeps the data as saved until then:
    /// the last five such copies give a way back from a bad day (a wrong
    /// import, a mistaken edit). A copy is only the revision it keeps, so it
    /// costs the parts changed since, not the whole history again. True
    /// when this is the first save of the day.
    fn snapshot_daily(&self, shelf: &mut impl Shelf, saved: &Saved, today: NaiveDate) -> bool {
        let mut copies = self.copies(shelf);
        if copies.first().is_some_and(|(day, _)| *day == today) {
            return false;
        }
        let Some(index) = &saved.index else {
            return true;
        };
        while copies.len() >= DAILY_COPIES {
            if let Some((day, copy)) = copies.pop() {
                shelf.remove(&self.copy_key(day, copy));
            }
        }
        let revision = index.current().revision.to_string();
        let _ = shelf.set(&self.copy_key(today, Copy::At(0)), &revision);
        true
    }

    /// Deletes the oldest daily copy to make room; false when none is left.
    fn drop_oldest(&self, shelf: &mut impl Shelf) -> bool {
        let Some((day, copy)) = self.copies(shelf).pop() else {
            return false;
        };
        shelf.remove(&self.copy_key(day, copy));
        true
    }
}

/// One tab's view of the saved data: what it last read or wrote.
#[derive(Debug, Clone)]
pub struct Tab {
    /// The data as stored, as far as this tab knows.
    pub persisted: Store,
    /// The data this tab's latest commit was made on top of: the base to
    /// merge from should another tab's commit of the same revision win.
    ancestor: Option<Store>,
    saved: Saved,
    /// This tab's name in the commits it writes.
    writer: String,
}

/// What a save or a look at storage did.
#[derive(Debug, Clone, PartialEq)]
pub enum Synced {
    /// Nothing to save, or nothing new stored.
    Unchanged,
    /// Another tab had saved: its data merged with this tab's, to show and
    /// then save.
    TookIn(Box<Store>),
    /// Saved as this revision; `new_day` on the first save of a day.
    Saved { revision: u64, new_day: bool },
    /// Kept in memory only; the next change tries again.
    Refused(SaveError),
    /// A newer version of the app wrote the data: stop saving.
    Newer,
}

impl Tab {
    pub fn new(persisted: Store, saved: Saved, writer: impl Into<String>) -> Tab {
        Tab {
            persisted,
            ancestor: None,
            saved,
            writer: writer.into(),
        }
    }

    /// Saves the parts of `current` that changed, after taking in what
    /// another tab saved meanwhile (then nothing is written: the merged
    /// data comes back to be shown, and saved on the next call).
    pub fn save(
        &mut self,
        layout: &Layout,
        shelf: &mut impl Shelf,
        current: &Store,
        today: NaiveDate,
    ) -> Synced {
        let changed = shards::changed(&self.persisted, current);
        if changed.is_empty() {
            return Synced::Unchanged;
        }
        let read = layout.index(shelf);
        match self.take_in_from(layout, shelf, current, read.clone()) {
            Synced::Unchanged => {}
            other => return other,
        }
        let on_disk = read.ok().flatten();
        let new_day = layout.snapshot_daily(shelf, &self.saved, today);
        match self.commit(layout, shelf, current, on_disk.as_ref(), changed) {
            Ok(revision) => Synced::Saved { revision, new_day },
            Err(err) => Synced::Refused(err),
        }
    }

    /// Commits the `changed` parts of `current` on top of `on_disk` (every
    /// part when nothing is stored, after Delete everything).
    fn commit(
        &mut self,
        layout: &Layout,
        shelf: &mut impl Shelf,
        current: &Store,
        on_disk: Option<&Index>,
        changed: Vec<Part>,
    ) -> Result<u64, SaveError> {
        let parts = match on_disk {
            Some(_) => changed,
            None => shards::all_parts(current),
        };
        let saved =
            layout.write_commit(shelf, &self.saved, on_disk, current, &parts, &self.writer)?;
        let revision = saved.revision();
        let committed = Store {
            revision,
            ..current.clone()
        };
        self.ancestor = Some(std::mem::replace(&mut self.persisted, committed));
        self.saved = saved;
        Ok(revision)
    }

    /// Takes in what another tab saved since this one last looked, merged
    /// with this tab's `current` data.
    pub fn take_in(&mut self, layout: &Layout, shelf: &impl Shelf, current: &Store) -> Synced {
        self.take_in_from(layout, shelf, current, layout.index(shelf))
    }

    /// [`Tab::take_in`] with the index already read (`read`).
    fn take_in_from(
        &mut self,
        layout: &Layout,
        shelf: &impl Shelf,
        current: &Store,
        read: Result<Option<Index>, LoadError>,
    ) -> Synced {
        let on_disk = match read {
            Ok(Some(index)) if !self.saved.is_current(&index) => index,
            // Nothing stored is a delete in progress: its new data follows.
            // An unreadable index is replaced by the next save.
            Ok(_) | Err(LoadError::Corrupt(_)) => return Synced::Unchanged,
            Err(LoadError::NewerSchema(_)) => return Synced::Newer,
        };
        // This tab's latest commit lost to another tab's of the same
        // revision: what both started from is the data before it.
        let lost = self
            .saved
            .index
            .as_ref()
            .is_some_and(|i| !on_disk.committed(i.current()));
        match layout.read_changes(shelf, &self.saved, &on_disk, &self.persisted) {
            Ok((theirs, saved)) => {
                let base = match &self.ancestor {
                    Some(ancestor) if lost => ancestor,
                    _ => &self.persisted,
                };
                let merged = current.rebase(base, &theirs);
                self.persisted = theirs;
                self.ancestor = None;
                self.saved = saved;
                Synced::TookIn(Box::new(merged))
            }
            Err(LoadError::NewerSchema(_)) => Synced::Newer,
            Err(LoadError::Corrupt(_)) => Synced::Unchanged,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::journal::DayOff;
    use crate::domain::pain::Pain;
    use crate::domain::plan::Plan;
    use crate::domain::session::{ActiveSession, SessionRecord};

    /// localStorage in memory: a quota in characters, and a fault that
    /// makes every write after the next `crash_after` fail, as when the
    /// phone dies half-way through a save.
    #[derive(Debug, Clone, Default)]
    pub struct MemShelf {
        pub items: BTreeMap<String, String>,
        pub quota: Option<usize>,
        pub crash_after: Option<usize>,
        pub written: usize,
    }

    impl MemShelf {
        fn used(&self) -> usize {
            self.items.iter().map(|(k, v)| k.len() + v.len()).sum()
        }
    }

    impl Shelf for MemShelf {
        fn get(&self, key: &str) -> Option<String> {
            self.items.get(key).cloned()
        }

        fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
            if let Some(left) = self.crash_after.as_mut() {
                if *left == 0 {
                    return Err(SaveError::Failed);
                }
                *left -= 1;
            }
            let old = self.items.get(key).map_or(0, |v| key.len() + v.len());
            if self
                .quota
                .is_some_and(|q| self.used() - old + key.len() + value.len() > q)
            {
                return Err(SaveError::Full);
            }
            self.written += key.len() + value.len();
            self.items.insert(key.into(), value.into());
            Ok(())
        }

        fn remove(&mut self, key: &str) {
            self.items.remove(key);
        }

        fn keys(&self) -> Vec<String> {
            self.items.keys().cloned().collect()
        }
    }

    fn day(d: u32) -> NaiveDate {
        // Days 1..=60 from 1 December: two quarters, so parts split.
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap() + chrono::Days::new(u64::from(d))
    }

    fn check_in(d: u32, pain: u8, note: &str) -> CheckIn {
        CheckIn {
            day: day(d),
            pain: Pain::new(pain).unwrap(),
            stiffness: None,
            note: note.into(),
            updated_ms: 0,
            clock: 0,
        }
    }

    fn layout() -> Layout {
        Layout::new("spinewise/")
    }

    /// The data the shelf holds now, as a tab starting up reads it.
    fn on_shelf(shelf: &MemShelf) -> Store {
        let index = layout().index(shelf).unwrap().unwrap();
        layout().read(shelf, index).0.unwrap().0
    }

    fn fresh_tab(writer: &str) -> Tab {
        Tab::new(Store::default(), Saved::default(), writer)
    }

    /// Saves `store` through `tab` until nothing more is taken in, as the
    /// effect does (a merge is shown, then saved).
    fn save(tab: &mut Tab, shelf: &mut MemShelf, store: &mut Store) -> Synced {
        loop {
            match tab.save(&layout(), shelf, store, day(1)) {
                Synced::TookIn(merged) => *store = *merged,
                other => return other,
            }
        }
    }

    #[test]
    fn what_is_saved_reads_back_and_a_tap_writes_only_the_running_routine() {
        let (mut shelf, mut tab) = (MemShelf::default(), fresh_tab("a"));
        let mut store = Store::default();
        for d in 1..60 {
            store
                .journal
                .check_in(check_in(d, 4, "a note long enough to weigh something"));
            store.journal.record(SessionRecord::sample(day(d)));
        }
        assert!(matches!(
            save(&mut tab, &mut shelf, &mut store),
            Synced::Saved { .. }
        ));
        assert!(on_shelf(&shelf).same_data(&store));
        store.active = Some(ActiveSession::start(Plan::seed(), Default::default(), 0));
        save(&mut tab, &mut shelf, &mut store);
        let before = shelf.written;
        store.active.as_mut().unwrap().pain_before = Pain::new(3);
        save(&mut tab, &mut shelf, &mut store);
        let tap = shelf.written - before;
        assert!(tap < 2_048, "{tap}");
        assert!(on_shelf(&shelf).same_data(&store));
        // One version of each part is left, plus the index and the day's
        // copy; only the running routine, the part that changed, has older
        // versions (those of the recent commits).
        let parts = shards::all_parts(&store).len();
        let others = shelf.items.keys().filter(|key| !key.contains("/active@"));
        assert_eq!(others.count(), parts - 1 + 2, "{:?}", shelf.items.keys());
    }

    #[test]
    fn a_save_cut_short_keeps_the_last_whole_one_and_the_next_save_cleans_up() {
        let (mut shelf, mut tab) = (MemShelf::default(), fresh_tab("a"));
        let mut store = Store::default();
        store.journal.check_in(check_in(1, 4, "whole"));
        save(&mut tab, &mut shelf, &mut store);
        let whole = on_shelf(&shelf);
        // Two parts change; the phone dies after the first is written.
        store.journal.check_in(check_in(50, 6, "cut"));
        store.settings.sound = !store.settings.sound;
        shelf.crash_after = Some(1);
        assert_eq!(
            save(&mut tab, &mut shelf, &mut store),
            Synced::Refused(SaveError::Failed)
        );
        assert!(on_shelf(&shelf).same_data(&whole));
        // After a restart, a new tab saves a change of its own; the cut
        // save's version goes.
        shelf.crash_after = None;
        let mut again = fresh_tab("b");
        let mut store = Store::default();
        save(&mut again, &mut shelf, &mut store);
        assert!(on_shelf(&shelf).same_data(&whole));
        let mut store = on_shelf(&shelf);
        store.journal.mark_day(day(2), Some(DayOff::Rest));
        save(&mut again, &mut shelf, &mut store);
        assert!(
            shelf.items.keys().all(|key| !key.ends_with("@2.a")),
            "{:?}",
            shelf.items.keys()
        );
    }

    #[test]
    fn two_tabs_that_save_the_same_revision_both_keep_their_change() {
        let mut shelf = MemShelf::default();
        let (mut a, mut b) = (fresh_tab("a"), fresh_tab("b"));
        let (mut mine, mut theirs) = (Store::default(), Store::default());
        save(&mut a, &mut shelf, &mut mine);
        a.take_in(&layout(), &shelf, &mine);
        save(&mut b, &mut shelf, &mut theirs);
        // Both read the same index, then both commit the next revision:
        // b's index lands last.
        let index = layout().index(&shelf).unwrap();
        mine.journal.check_in(check_in(1, 3, "tab a"));
        theirs.journal.check_in(check_in(40, 7, "tab b"));
        let at = |tab: &Tab, store: &Store, shelf: &mut MemShelf| {
            let parts = shards::changed(&tab.persisted, store);
            layout()
                .write_commit(
                    shelf,
                    &tab.saved,
                    index.as_ref(),
                    store,
                    &parts,
                    &tab.writer,
                )
                .unwrap()
        };
        a.saved = at(&a, &mine, &mut shelf);
        a.persisted = mine.clone();
        b.saved = at(&b, &theirs, &mut shelf);
        b.persisted = theirs.clone();
        assert_eq!(a.saved.revision(), b.saved.revision());
        // a hears of b's commit, merges and saves again; b then takes that in.
        let Synced::TookIn(merged) = a.take_in(&layout(), &shelf, &mine) else {
            panic!("a must see b's commit");
        };
        mine = *merged;
        save(&mut a, &mut shelf, &mut mine);
        let Synced::TookIn(merged) = b.take_in(&layout(), &shelf, &theirs) else {
            panic!("b must see a's commit");
        };
        theirs = *merged;
        assert_eq!(save(&mut b, &mut shelf, &mut theirs), Synced::Unchanged);
        let notes: Vec<_> = on_shelf(&shelf)
            .journal
            .checkins
            .iter()
            .map(|c| c.note.clone())
            .collect();
        assert_eq!(notes, ["tab a", "tab b"]);
        assert_eq!(mine.journal, theirs.journal);
        // Neither tab hears anything new: no ping-pong.
        assert_eq!(a.take_in(&layout(), &shelf, &mine), Synced::Unchanged);
        assert_eq!(b.take_in(&layout(), &shelf, &theirs), Synced::Unchanged);
    }

    #[test]
    fn a_full_storage_drops_daily_copies_first_and_loses_nothing_saved() {
        let (mut shelf, mut tab) = (MemShelf::default(), fresh_tab("a"));
        let mut store = Store::default();
        for d in 1..=3 {
            store.journal.check_in(check_in(d, 4, &"x".repeat(2_000)));
            tab.save(&layout(), &mut shelf, &store, day(d));
        }
        assert_eq!(layout().copy_days(&shelf), [day(3), day(2)]);
        let saved = on_shelf(&shelf);
        shelf.quota = Some(shelf.used() + 300);
        store.journal.check_in(check_in(4, 4, &"y".repeat(2_000)));
        assert_eq!(
            tab.save(&layout(), &mut shelf, &store, day(4)),
            Synced::Refused(SaveError::Full)
        );
        // The copies went first; what was saved is all there.
        assert_eq!(layout().copy_days(&shelf), []);
        assert!(on_shelf(&shelf).same_data(&saved));
    }

    #[test]
    fn a_daily_copy_gives_back_that_day_and_costs_only_what_changed_since() {
        let (mut shelf, mut tab) = (MemShelf::default(), fresh_tab("a"));
        let mut store = Store::default();
        for d in 1..60 {
            store.journal.check_in(check_in(d, 4, "history"));
        }
        tab.save(&layout(), &mut shelf, &store, day(1));
        let monday = on_shelf(&shelf);
        let before = shelf.used();
        store.journal.check_in(check_in(59, 9, "tuesday"));
        tab.save(&layout(), &mut shelf, &store, day(2));
        let copy = layout().read_copy(&shelf, day(2)).unwrap();
        assert!(Store::parse(&copy).unwrap().same_data(&monday));
        // The copy keeps one old quarter of check-ins, not the history again.
        let quarter = shards::encode(
            &monday,
            Part::History(shards::Kind::CheckIns, shards::Quarter::of(day(59))),
        );
        assert!(
            shelf.used() < before + quarter.len() + 500,
            "{} vs {before}",
            shelf.used()
        );
    }

    #[test]
    fn after_delete_everything_a_stale_tab_does_not_bring_the_data_back() {
        let mut shelf = MemShelf::default();
        let (mut a, mut b) = (fresh_tab("a"), fresh_tab("b"));
        let mut mine = Store::default();
        mine.journal.check_in(check_in(1, 4, "old"));
        save(&mut a, &mut shelf, &mut mine);
        let mut theirs = Store::default();
        save(&mut b, &mut shelf, &mut theirs);
        // a deletes everything: the keys go, a new generation is saved.
        shelf.items.clear();
        mine = Store {
            generation: 99,
            ..Store::default()
        };
        save(&mut a, &mut shelf, &mut mine);
        // b, still showing the old data, taps.
        theirs.settings.sound = !theirs.settings.sound;
        save(&mut b, &mut shelf, &mut theirs);
        assert_eq!(theirs.generation, 99);
        assert_eq!(on_shelf(&shelf).journal.checkins, []);
        assert_eq!(theirs.journal.checkins, []);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::tests::MemShelf;
    use super::*;
    use crate::domain::testing::two_tabs::{Edit, edits};

    /// One step of two tabs sharing one storage through the real save path.
    #[derive(Debug, Clone)]
    enum Step {
        Edit(usize, Edit),
        Setting(usize),
        /// The tab saves (its effect runs).
        Save(usize),
        /// The tab hears the other's storage event.
        Hear(usize),
        /// The next save dies after this many writes.
        Crash(usize),
        /// Both tabs read the index, then both commit on top of it.
        Race,
    }

    fn steps() -> impl Strategy<Value = Vec<Step>> {
        // Days in two quarters, so edits land in different parts.
        let days = prop_oneof![1u32..4, 120u32..123];
        // Three kinds of edit, each as often as each other step.
        let step = prop_oneof![
            3 => (0usize..2, edits(days)).prop_map(|(t, e)| Step::Edit(t, e)),
            1 => (0usize..2).prop_map(Step::Setting),
            1 => (0usize..2).prop_map(Step::Save),
            1 => (0usize..2).prop_map(Step::Hear),
            1 => (0usize..3).prop_map(Step::Crash),
            1 => Just(Step::Race),
        ];
        prop::collection::vec(step, 0..40)
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + chrono::Days::new(u64::from(d))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn two_tabs_saving_in_parts_with_saves_cut_short_converge_to_what_is_stored(steps in steps()) {
            converge(steps)?;
        }
    }

    /// Runs `steps`, then lets both tabs save and listen until quiet: both
    /// must then show what is stored.
    fn converge(steps: Vec<Step>) -> Result<(), TestCaseError> {
        {
            let layout = Layout::new("p/");
            let mut shelf = MemShelf::default();
            let mut tabs =
                [0, 1].map(|t| Tab::new(Store::default(), Saved::default(), format!("t{t}")));
            let mut stores = [Store::default(), Store::default()];
            let apply = |synced: Synced, store: &mut Store| {
                if let Synced::TookIn(merged) = synced {
                    *store = *merged;
                }
            };
            for step in steps {
                match step {
                    Step::Edit(t, edit) => edit.apply(&mut stores[t].journal, t, day),
                    Step::Setting(t) => stores[t].settings.sound = !stores[t].settings.sound,
                    Step::Save(t) => {
                        let synced = tabs[t].save(&layout, &mut shelf, &stores[t], day(1));
                        shelf.crash_after = None;
                        apply(synced, &mut stores[t]);
                    }
                    Step::Hear(t) => {
                        let synced = tabs[t].take_in(&layout, &shelf, &stores[t]);
                        apply(synced, &mut stores[t]);
                    }
                    Step::Crash(n) => shelf.crash_after = Some(n),
                    Step::Race => {
                        let on_disk = layout.index(&shelf).unwrap();
                        for t in [0, 1] {
                            let tab = &mut tabs[t];
                            if tab.saved.is_current_or_none(on_disk.as_ref()) {
                                let changed = shards::changed(&tab.persisted, &stores[t]);
                                let _ = tab.commit(
                                    &layout,
                                    &mut shelf,
                                    &stores[t],
                                    on_disk.as_ref(),
                                    changed,
                                );
                            }
                        }
                        shelf.crash_after = None;
                    }
                }
            }
            shelf.crash_after = None;
            // Each tab saves (and shows what it took in) until both are quiet.
            for _ in 0..6 {
                for t in [0, 1] {
                    let synced = tabs[t].save(&layout, &mut shelf, &stores[t], day(1));
                    apply(synced, &mut stores[t]);
                    let synced = tabs[t].take_in(&layout, &shelf, &stores[t]);
                    apply(synced, &mut stores[t]);
                }
            }
            let index = layout.index(&shelf).unwrap();
            let stored = match index {
                Some(index) => layout.read(&shelf, index).0.unwrap().0,
                None => Store::default(),
            };
            for store in &stores {
                prop_assert_eq!(&store.journal, &stored.journal);
                prop_assert_eq!(&store.settings, &stored.settings);
            }
        }
        Ok(())
    }
}
