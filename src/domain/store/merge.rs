//! Two copies of the data in one: another tab's save, or a backup added
//! to what is here.

use super::Store;
use crate::domain::journal::Conflicts;

impl Store {
    /// Both copies' records in one: what another tab saved is added to
    /// this one's, nothing is dropped, and where both changed the same
    /// record or setting the copy with the higher revision wins. A copy of
    /// another generation (after a delete or a replacing import) is not
    /// mixed in: the newer generation wins whole.
    pub fn merge(&self, other: &Store) -> Store {
        if self.generation != other.generation {
            let newer = if other.generation > self.generation {
                other
            } else {
                self
            };
            return newer.clone();
        }
        let other_is_newer = other.revision > self.revision;
        let (newer, older) = if other_is_newer {
            (other, self)
        } else {
            (self, other)
        };
        let mut merged = newer.clone();
        merged.add_records(older, Conflicts::LaterEdit);
        merged.revision = self.revision.max(other.revision);
        merged.last_export_ms = self.last_export_ms.max(other.last_export_ms);
        merged
    }

    /// Adds the records of `other` this copy lacks: history, screenings,
    /// routines, trials and PEG answers. Where both have a day's check-in, `conflicts` decides; a
    /// different routine under a name used here comes in renamed, never
    /// dropped.
    pub fn add_records(&mut self, other: &Store, conflicts: Conflicts) {
        self.journal.merge(&other.journal, conflicts);
        for screening in &other.screenings {
            match self
                .screenings
                .iter_mut()
                .find(|s| s.at_ms == screening.at_ms)
            {
                // "I have been checked" in either copy stands.
                Some(mine) => mine.checked_ms = mine.checked_ms.or(screening.checked_ms),
                None => {
                    let at = self
                        .screenings
                        .partition_point(|s| s.at_ms < screening.at_ms);
                    self.screenings.insert(at, screening.clone());
                }
            }
        }
        for plan in &other.routines.saved {
            self.routines.adopt(plan);
        }
        crate::domain::peg::merge(&mut self.peg, &other.peg);
        // A day's check in this copy stands; the other's other days come in.
        for check in &other.pattern_checks {
            if self.pattern_checks.iter().all(|c| c.day != check.day) {
                crate::domain::assessment::record(&mut self.pattern_checks, *check);
            }
        }
        // A trial is known by its first day and sign; an ending in either
        // copy stands, as the patient's choice.
        for trial in &other.trials {
            let same = |t: &&mut crate::domain::trial::Trial| {
                t.started_on == trial.started_on && t.sign == trial.sign
            };
            match self.trials.iter_mut().find(same) {
                Some(mine) => {
                    if mine.ended.is_none() {
                        mine.ended.clone_from(&trial.ended);
                    }
                }
                None => {
                    let at = self
                        .trials
                        .partition_point(|t| t.started_on <= trial.started_on);
                    self.trials.insert(at, trial.clone());
                }
            }
        }
        self.close_superseded_trials();
    }

    /// Merges another tab's copy into this one, where `base` is the copy
    /// both started from (what this tab last saw saved). Like [`merge`],
    /// but a setting or routine this tab changed since `base` is kept even
    /// when the other copy has the higher revision: the other tab did not
    /// see the change, so it cannot have meant to undo it.
    ///
    /// [`merge`]: Store::merge
    pub fn rebase(&self, base: &Store, theirs: &Store) -> Store {
        let mut merged = self.merge(theirs);
        if self.generation != theirs.generation {
            return merged;
        }
        if self.settings != base.settings {
            merged.settings = self.settings.three_way(&base.settings, &theirs.settings);
        }
        // A session's hurt marks three ways too: the merge joins both lists,
        // which would bring back a mark either tab took away since `base`.
        // Only sessions with a mark in some copy can differ.
        let copies = [self, base, theirs];
        let mut marked: Vec<i64> = Vec::new();
        for session in copies.iter().flat_map(|copy| copy.journal.sessions.iter()) {
            if !session.hurt.is_empty() && !marked.contains(&session.started_ms) {
                marked.push(session.started_ms);
            }
        }
        for started_ms in marked {
            let [mine, before, other] =
                copies.map(|copy| copy.journal.session(started_ms).map(|s| s.hurt.clone()));
            let settled = [mine, other]
                .into_iter()
                .flatten()
                .find(|m| Some(m) != before.as_ref())
                .or(before);
            if let (Some(settled), Some(session)) =
                (settled, merged.journal.session_mut(started_ms))
            {
                session.hurt = settled;
            }
        }
        if self.active != base.active {
            merged.active = self.active.clone();
        }
        // Routines three ways: a deletion or rename on either side stands,
        // and a routine the other tab added since `base` joins this tab's.
        let mine_changed = self.routines != base.routines;
        let theirs_changed = theirs.routines != base.routines;
        merged.routines = match (mine_changed, theirs_changed) {
            (false, _) => theirs.routines.clone(),
            (true, false) => self.routines.clone(),
            (true, true) => {
                let mut both = self.routines.clone();
                let added = theirs.routines.saved.iter();
                for plan in added.filter(|p| !base.routines.saved.contains(p)) {
                    both.adopt(plan);
                }
                both
            }
        };
        merged
    }
}
