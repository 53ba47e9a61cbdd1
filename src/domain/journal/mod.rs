//! Everything the patient has done and logged: the records, how they are
//! added, edited and merged, and what they say at a glance. How the days
//! count for the streak and for adherence is in `streak.rs`.

mod streak;

pub use streak::FILL_IN_DAYS;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;
use super::followup::{FollowUp, FollowUpKind};
use super::pain::Pain;
use super::plan::Step;
use super::plan_log::{self, PlanRun};
use super::session::SessionRecord;
use super::tags::{DayTags, Tag};

/// Why a day without a routine does not break the streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayOff {
    /// A planned rest day: at most one in any 7 days keeps the streak.
    Rest,
    /// Pain too high to train: always keeps the streak.
    Flare,
}

impl DayOff {
    /// What Today says on a day marked so; `streak_kept` is
    /// [`Journal::keeps_streak`] for the day, so the note never says "kept"
    /// beside a streak that just dropped (walkthrough #12). A flare day says
    /// to keep moving gently, not to rest: NICE NG59 (stay active, continue
    /// normal activities) and the clinical review, finding S5.
    pub fn today_note(self, streak_kept: bool) -> &'static str {
        match self {
            DayOff::Rest if streak_kept => "Today is a rest day: your streak is kept.",
            DayOff::Rest => {
                "Today is a rest day. You had one less than a week ago, so this one \
                 does not keep your streak. A short, easy routine would."
            }
            DayOff::Flare => {
                "Flare day: keep moving gently, with short walks and the easier decompress \
                 positions, and avoid long bed rest. Your streak is kept."
            }
        }
    }
}

/// A day marked as a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMark {
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    pub kind: DayOff,
    /// Logical clock of the change (see [`Journal::mark_day`]); 0 for
    /// marks saved before version 5.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub clock: u64,
}

/// A day-off mark taken back ("Undo"). It is kept, so that merging a copy
/// that still has the mark (another tab, a backup) does not bring it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCleared {
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    pub clock: u64,
}

fn is_zero(clock: &u64) -> bool {
    *clock == 0
}

/// Which of two changes to the same day stands: the later by logical
/// clock; at equal clocks (two tabs that had not heard from each other) a
/// clear beats a flare beats a rest, the same way round in every copy.
fn later_change(a: (u64, Option<DayOff>), b: (u64, Option<DayOff>)) -> (u64, Option<DayOff>) {
    let rank = |(clock, kind): (u64, Option<DayOff>)| {
        let kind = match kind {
            Some(DayOff::Rest) => 0,
            Some(DayOff::Flare) => 1,
            None => 2,
        };
        (clock, kind)
    };
    if rank(b) > rank(a) { b } else { a }
}

/// How a merge settles a record both copies hold in different versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflicts {
    /// Two tabs of this phone: the later edit wins.
    LaterEdit,
    /// A backup brought in: what is on this phone stays ("Adding keeps
    /// everything you have").
    KeepMine,
}

/// The patient's history, each list oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    #[serde(default)]
    pub sessions: Vec<SessionRecord>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    #[serde(default)]
    pub days_off: Vec<DayMark>,
    /// Day-off marks taken back, by day.
    #[serde(default)]
    pub days_cleared: Vec<DayCleared>,
    /// Answers to the follow-up questions, by session then kind.
    #[serde(default)]
    pub followups: Vec<FollowUp>,
    /// Each distinct routine sessions ran, once.
    #[serde(default)]
    pub routines_run: Vec<PlanRun>,
    /// Tags on days (pain medicine, poor sleep…), by day.
    #[serde(default)]
    pub tags: Vec<DayTags>,
}

/// The most recent pain score and when it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastPain {
    pub pain: Pain,
    pub day: NaiveDate,
}

impl Journal {
    /// A journal holding these sessions, in any order.
    pub fn with_sessions(sessions: impl IntoIterator<Item = SessionRecord>) -> Journal {
        let mut journal = Journal::default();
        for session in sessions {
            journal.record(session);
        }
        journal
    }

    /// Adds a session, replacing one with the same start (a second save of
    /// the same session must not count twice).
    pub fn record(&mut self, session: SessionRecord) {
        self.sessions.retain(|s| s.started_ms != session.started_ms);
        let at = self
            .sessions
            .partition_point(|s| s.started_ms < session.started_ms);
        self.sessions.insert(at, session);
    }

    /// The session started at `started_ms`, its identity.
    pub fn session(&self, started_ms: i64) -> Option<&SessionRecord> {
        self.sessions.iter().find(|s| s.started_ms == started_ms)
    }

    pub fn session_mut(&mut self, started_ms: i64) -> Option<&mut SessionRecord> {
        self.sessions
            .iter_mut()
            .find(|s| s.started_ms == started_ms)
    }

    /// Marks `exercise` as one that hurt in the session started at
    /// `session`, or takes the mark back; false when there is no such
    /// session.
    pub fn mark_hurt(&mut self, session: i64, exercise: &str, hurt: bool) -> bool {
        let Some(record) = self.session_mut(session) else {
            return false;
        };
        record.hurt.retain(|id| id != exercise);
        if hurt {
            record.hurt.push(exercise.to_string());
        }
        true
    }

    /// Adds or replaces the check-in for its day, as a new edit: stamped
    /// with a logical clock one past every check-in this journal has seen.
    pub fn check_in(&mut self, checkin: CheckIn) {
        let seen = self.checkins.iter().map(|c| c.clock).max().unwrap_or(0);
        self.put_checkin(CheckIn {
            clock: seen + 1,
            ..checkin
        });
    }

    /// Puts `checkin` in place for its day, as it is.
    fn put_checkin(&mut self, checkin: CheckIn) {
        match self.checkins.binary_search_by_key(&checkin.day, |c| c.day) {
            Ok(at) => self.checkins[at] = checkin,
            Err(at) => self.checkins.insert(at, checkin),
        }
    }

    /// The check-in for `day`, if given.
    pub fn checkin_on(&self, day: NaiveDate) -> Option<&CheckIn> {
        self.checkins
            .binary_search_by_key(&day, |c| c.day)
            .ok()
            .map(|at| &self.checkins[at])
    }

    /// Every record of `other` added to this journal: sessions by start
    /// time, check-ins by day, answers by session and question. Where both
    /// have a check-in for a day, the later edit wins; with
    /// [`Conflicts::KeepMine`] (an import) this journal's stays.
    pub fn merge(&mut self, other: &Journal, conflicts: Conflicts) {
        for session in &other.sessions {
            match self.session_mut(session.started_ms) {
                // An exercise marked as hurting in either copy stays marked.
                Some(mine) => {
                    for id in &session.hurt {
                        if !mine.hurt.contains(id) {
                            mine.hurt.push(id.clone());
                        }
                    }
                }
                None => self.record(session.clone()),
            }
        }
        for checkin in &other.checkins {
            let theirs_stands = match (self.checkin_on(checkin.day), conflicts) {
                (None, _) => true,
                (Some(_), Conflicts::KeepMine) => false,
                (Some(mine), Conflicts::LaterEdit) => {
                    std::ptr::eq(mine.later_edit(checkin), checkin)
                }
            };
            if theirs_stands {
                self.put_checkin(checkin.clone());
            }
        }
        self.merge_days_off(other);
        for answer in &other.followups {
            let theirs_stands = match (self.followup(answer.session, answer.kind), conflicts) {
                (None, _) => true,
                (Some(_), Conflicts::KeepMine) => false,
                (Some(mine), Conflicts::LaterEdit) => {
                    std::ptr::eq(mine.later_answer(answer), answer)
                }
            };
            if theirs_stands {
                self.put_answer(answer.clone());
            }
        }
        for run in &other.routines_run {
            self.remember_plan(&run.steps);
        }
        // A day's tags are one change, as a check-in is.
        for theirs in &other.tags {
            let stands = match (self.tags_entry(theirs.day), conflicts) {
                (None, _) => true,
                (Some(_), Conflicts::KeepMine) => false,
                (Some(mine), Conflicts::LaterEdit) => std::ptr::eq(mine.later(theirs), theirs),
            };
            if stands {
                self.put_tags(theirs.clone());
            }
        }
    }

    /// The tags on `day`.
    pub fn tags_on(&self, day: NaiveDate) -> &[Tag] {
        self.tags_entry(day).map_or(&[], |t| t.tags.as_slice())
    }

    fn tags_entry(&self, day: NaiveDate) -> Option<&DayTags> {
        self.tags
            .binary_search_by_key(&day, |t| t.day)
            .ok()
            .map(|at| &self.tags[at])
    }

    /// Puts `tag` on `day`, or takes it off, stamped with a logical clock
    /// one past every tag change this journal has seen (as [`mark_day`]).
    ///
    /// [`mark_day`]: Journal::mark_day
    pub fn tag_day(&mut self, day: NaiveDate, tag: Tag, on: bool) {
        if self.tags_on(day).contains(&tag) == on {
            return;
        }
        let clock = self.tags.iter().map(|t| t.clock).max().unwrap_or(0) + 1;
        let tags = DayTags::with(self.tags_on(day), tag, on);
        self.put_tags(DayTags { day, tags, clock });
    }

    /// Puts `tags` in place for its day, as it is.
    fn put_tags(&mut self, tags: DayTags) {
        match self.tags.binary_search_by_key(&tags.day, |t| t.day) {
            Ok(at) => self.tags[at] = tags,
            Err(at) => self.tags.insert(at, tags),
        }
    }

    /// Adds or replaces the answer to a follow-up question, as a new
    /// answer: stamped with a logical clock one past every answer this
    /// journal has seen.
    pub fn answer(&mut self, answer: FollowUp) {
        let seen = self.followups.iter().map(|a| a.clock).max().unwrap_or(0);
        self.put_answer(FollowUp {
            clock: seen + 1,
            ..answer
        });
    }

    /// Puts `answer` in place for its question, as it is.
    fn put_answer(&mut self, answer: FollowUp) {
        let key = |a: &FollowUp| (a.session, a.kind);
        match self.followups.binary_search_by_key(&key(&answer), key) {
            Ok(at) => self.followups[at] = answer,
            Err(at) => self.followups.insert(at, answer),
        }
    }

    /// The answer to the `kind` question after the session that started at `session`.
    pub fn followup(&self, session: i64, kind: FollowUpKind) -> Option<&FollowUp> {
        self.followups
            .binary_search_by_key(&(session, kind), |a| (a.session, a.kind))
            .ok()
            .map(|at| &self.followups[at])
    }

    /// Logs a routine's steps under their key, once.
    pub fn remember_plan(&mut self, steps: &[Step]) {
        let key = plan_log::key_of(steps);
        if !self.routines_run.iter().any(|run| run.key == key) {
            self.routines_run.push(PlanRun {
                key,
                steps: steps.to_vec(),
            });
        }
    }

    /// The steps a session ran, when its routine was logged.
    pub fn steps_of(&self, session: &SessionRecord) -> Option<&[Step]> {
        let key = session.plan_key.as_deref()?;
        self.routines_run
            .iter()
            .find(|run| run.key == key)
            .map(|run| run.steps.as_slice())
    }

    /// Day-off marks and clears from `other`: for each day the later
    /// change stands, so a mark undone in one copy stays undone.
    fn merge_days_off(&mut self, other: &Journal) {
        let theirs = other
            .days_off
            .iter()
            .map(|m| (m.day, (m.clock, Some(m.kind))))
            .chain(other.days_cleared.iter().map(|c| (c.day, (c.clock, None))));
        for (day, change) in theirs {
            let mine = self.day_change(day);
            let winner = mine.map_or(change, |mine| later_change(mine, change));
            if mine != Some(winner) {
                self.set_day_change(day, winner);
            }
        }
    }

    /// Where a day is both marked and cleared (a hand-edited file), keeps
    /// only the later change; returns how many were dropped.
    pub fn settle_day_changes(&mut self) -> usize {
        let both: Vec<NaiveDate> = self
            .days_cleared
            .iter()
            .map(|c| c.day)
            .filter(|day| self.days_off.iter().any(|m| m.day == *day))
            .collect();
        for day in &both {
            if let Some(change) = self.day_change(*day) {
                self.set_day_change(*day, change);
            }
        }
        both.len()
    }

    /// The latest change to `day`: its clock and mark (`None`: cleared).
    fn day_change(&self, day: NaiveDate) -> Option<(u64, Option<DayOff>)> {
        let mark = self
            .days_off
            .iter()
            .find(|m| m.day == day)
            .map(|m| (m.clock, Some(m.kind)));
        let cleared = self
            .days_cleared
            .iter()
            .find(|c| c.day == day)
            .map(|c| (c.clock, None));
        match (mark, cleared) {
            (Some(a), Some(b)) => Some(later_change(a, b)),
            (a, b) => a.or(b),
        }
    }

    /// Puts `change` in place as the one change to `day`.
    fn set_day_change(&mut self, day: NaiveDate, (clock, kind): (u64, Option<DayOff>)) {
        self.days_off.retain(|m| m.day != day);
        self.days_cleared.retain(|c| c.day != day);
        match kind {
            Some(kind) => {
                let at = self.days_off.partition_point(|m| m.day < day);
                self.days_off.insert(at, DayMark { day, kind, clock });
            }
            None => {
                let at = self.days_cleared.partition_point(|c| c.day < day);
                self.days_cleared.insert(at, DayCleared { day, clock });
            }
        }
    }

    /// Date range and counts, for summaries of a backup.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self
            .sessions
            .iter()
            .map(|s| s.day)
            .chain(self.checkins.iter().map(|c| c.day));
        let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
        for day in days {
            first = Some(first.map_or(day, |f| f.min(day)));
            last = Some(last.map_or(day, |l| l.max(day)));
        }
        first.zip(last)
    }

    /// The first day with any record: sessions, check-ins or day-off marks.
    pub fn first_day(&self) -> Option<NaiveDate> {
        [
            self.sessions.first().map(|s| s.day),
            self.checkins.first().map(|c| c.day),
            self.days_off.first().map(|m| m.day),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Marks `day` as a rest or flare day, or clears the mark with `None`.
    /// The change is stamped with a logical clock one past every change
    /// this journal has seen (Lamport), not the wall clock: a phone whose
    /// clock was set back still makes the newest change.
    pub fn mark_day(&mut self, day: NaiveDate, kind: Option<DayOff>) {
        if kind.is_none() && self.day_off(day).is_none() {
            return;
        }
        let seen = self
            .days_off
            .iter()
            .map(|m| m.clock)
            .chain(self.days_cleared.iter().map(|c| c.clock))
            .max()
            .unwrap_or(0);
        self.set_day_change(day, (seen + 1, kind));
    }

    /// The mark on `day`, if any.
    pub fn day_off(&self, day: NaiveDate) -> Option<DayOff> {
        self.days_off.iter().find(|m| m.day == day).map(|m| m.kind)
    }

    /// The latest pain score: after (or else before) a session, a check-in,
    /// or a follow-up answer (an hour later, the next morning), whichever
    /// was given last, dated by `day_of` (the local day of an instant). One
    /// definition for every screen that shows "last pain" (walkthrough #14:
    /// a morning-after 3 left the card at yesterday's 4).
    pub fn last_pain(&self, day_of: fn(i64) -> NaiveDate) -> Option<LastPain> {
        let from_session = self.sessions.iter().rev().find_map(|s| {
            s.pain_after
                .or(s.pain_before)
                .map(|pain| (s.ended_ms, LastPain { pain, day: s.day }))
        });
        let from_checkin = self.checkins.iter().max_by_key(|c| c.updated_ms).map(|c| {
            (
                c.updated_ms,
                LastPain {
                    pain: c.pain,
                    day: c.day,
                },
            )
        });
        let from_followup = self
            .followups
            .iter()
            .filter_map(|a| a.pain.map(|pain| (a.answered_ms, pain)))
            .max_by_key(|(at, _)| *at)
            .map(|(at, pain)| {
                (
                    at,
                    LastPain {
                        pain,
                        day: day_of(at),
                    },
                )
            });
        // The latest wins; on a tie, a session before a check-in before an answer.
        [from_session, from_checkin, from_followup]
            .into_iter()
            .flatten()
            .reduce(|kept, next| if next.0 > kept.0 { next } else { kept })
            .map(|(_, last)| last)
    }

    /// The latest pain score given on `today` (as [`Journal::last_pain`]).
    pub fn pain_today(&self, today: NaiveDate, day_of: fn(i64) -> NaiveDate) -> Option<Pain> {
        self.last_pain(day_of)
            .filter(|last| last.day == today)
            .map(|last| last.pain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::testing::{checkin, day, session};

    #[test]
    fn a_day_off_note_reads_plainly_and_a_flare_says_keep_moving_not_rest() {
        use crate::domain::readability::grade;
        for kind in [DayOff::Rest, DayOff::Flare] {
            let note = kind.today_note(true);
            assert!(grade(note) <= 8.0, "{:.1}: {note}", grade(note));
            assert!(note.ends_with("streak is kept."), "{note}");
        }
        let second_rest = DayOff::Rest.today_note(false);
        assert!(
            grade(second_rest) <= 8.0,
            "{:.1}: {second_rest}",
            grade(second_rest)
        );
        assert!(second_rest.contains("does not keep your streak"));
        let flare = DayOff::Flare.today_note(true);
        assert!(flare.contains("keep moving gently") && flare.contains("avoid long bed rest"));
    }

    #[test]
    fn saving_the_same_session_twice_keeps_one_record() {
        let mut journal = Journal::default();
        journal.record(session(10, 100));
        journal.record(session(10, 100));
        assert_eq!(journal.sessions.len(), 1);
    }

    #[test]
    fn checking_in_twice_on_a_day_edits_the_first() {
        let mut journal = Journal::default();
        journal.check_in(checkin(12, 5, 1));
        journal.check_in(checkin(10, 3, 2));
        journal.check_in(checkin(12, 4, 3));
        let days: Vec<_> = journal
            .checkins
            .iter()
            .map(|c| (c.day, c.pain.score()))
            .collect();
        assert_eq!(days, [(day(10), 3), (day(12), 4)]);
    }

    #[test]
    fn a_later_checkin_is_the_last_pain() {
        let mut s = session(10, 100);
        s.pain_after = Pain::new(2);
        let mut journal = Journal::with_sessions([s.clone()]);
        journal.check_in(checkin(11, 6, s.ended_ms + 1));
        assert_eq!(journal.last_pain(utc_day).map(|l| l.pain.score()), Some(6));
    }

    #[test]
    fn merging_keeps_day_off_marks_from_both_sides_the_same_way_round() {
        let mut mine = Journal::default();
        mine.mark_day(day(3), Some(DayOff::Rest));
        let mut theirs = Journal::default();
        theirs.mark_day(day(3), Some(DayOff::Flare));
        theirs.mark_day(day(5), Some(DayOff::Flare));
        let mut other_way = theirs.clone();
        mine.merge(&theirs, Conflicts::LaterEdit);
        other_way.merge(&mine, Conflicts::LaterEdit);
        // Changed in both before either heard of the other: the flare stands.
        assert_eq!(mine.day_off(day(3)), Some(DayOff::Flare));
        assert_eq!(mine.day_off(day(5)), Some(DayOff::Flare));
        assert_eq!(
            (&mine.days_off, &mine.days_cleared),
            (&other_way.days_off, &other_way.days_cleared)
        );
    }

    #[test]
    fn an_undone_rest_day_stays_undone_when_the_other_tab_still_has_it() {
        // Review probe p1: tab A marks and undoes; tab B only saw the mark.
        let mut a = Journal::default();
        a.mark_day(day(3), Some(DayOff::Rest));
        let b = a.clone();
        a.mark_day(day(3), None);
        a.merge(&b, Conflicts::LaterEdit);
        assert_eq!(a.day_off(day(3)), None);
        let mut b = b;
        b.merge(&a, Conflicts::LaterEdit);
        assert_eq!(b.day_off(day(3)), None);
        // Marking it again later wins over the undo, in either copy.
        b.mark_day(day(3), Some(DayOff::Flare));
        a.merge(&b, Conflicts::LaterEdit);
        assert_eq!(a.day_off(day(3)), Some(DayOff::Flare));
        assert_eq!(a.days_cleared, []);
    }

    #[test]
    fn an_edit_made_after_the_clock_was_set_back_still_wins_a_tab_merge() {
        // Review probe p4: the second edit has the earlier wall-clock time.
        let mut a = Journal::default();
        a.check_in(checkin(3, 5, 2_000));
        let b = a.clone();
        a.check_in(CheckIn {
            note: "after the clock fix".into(),
            ..checkin(3, 2, 1_000)
        });
        let mut merged = b.clone();
        merged.merge(&a, Conflicts::LaterEdit);
        assert_eq!(
            merged.checkin_on(day(3)).unwrap().note,
            "after the clock fix"
        );
        a.merge(&b, Conflicts::LaterEdit);
        assert_eq!(a.checkin_on(day(3)).unwrap().note, "after the clock fix");
    }

    #[test]
    fn a_follow_up_answer_given_after_the_clock_was_set_back_still_wins_and_ties_agree() {
        let first = session(9, 100);
        let answer = |pain, answered_ms| FollowUp {
            session: first.started_ms,
            kind: FollowUpKind::NextMorning,
            pain: Pain::new(pain),
            answered_ms,
            clock: 0,
        };
        // One tab answers, the other sees it, then answers again with its
        // wall clock set an hour behind.
        let mut a = Journal::with_sessions([first.clone()]);
        a.answer(answer(5, 7_200_000));
        let b = a.clone();
        a.answer(answer(2, 3_600_000));
        let mut merged = b.clone();
        merged.merge(&a, Conflicts::LaterEdit);
        assert_eq!(merged.followups[0].pain, Pain::new(2));
        // Two tabs answering in the same millisecond end with the same answer.
        let (mut a, mut b) = (
            Journal::with_sessions([first.clone()]),
            Journal::with_sessions([first.clone()]),
        );
        a.answer(answer(3, 1_000));
        b.answer(answer(6, 1_000));
        let a_before = a.clone();
        a.merge(&b, Conflicts::LaterEdit);
        b.merge(&a_before, Conflicts::LaterEdit);
        assert_eq!(a.followups, b.followups);
    }

    #[test]
    fn importing_a_backup_keeps_this_phones_check_in_for_the_same_day() {
        // Review probe p3: "Adding keeps everything you have".
        let mut phone = Journal::default();
        phone.check_in(CheckIn {
            note: "phone: morning".into(),
            ..checkin(3, 4, 1_000)
        });
        let mut tablet = Journal::default();
        tablet.check_in(CheckIn {
            note: "tablet: evening, better".into(),
            ..checkin(3, 2, 9_000)
        });
        tablet.check_in(checkin(4, 3, 9_500));
        phone.merge(&tablet, Conflicts::KeepMine);
        assert_eq!(phone.checkin_on(day(3)).unwrap().note, "phone: morning");
        assert!(phone.checkin_on(day(4)).is_some());
    }

    #[test]
    fn undoing_a_day_with_no_mark_records_nothing() {
        let mut journal = Journal::default();
        journal.mark_day(day(3), None);
        assert_eq!(journal, Journal::default());
    }

    #[test]
    fn merging_keeps_every_record_of_both_sides() {
        let mut mine = Journal::with_sessions([session(9, 100), session(10, 100)]);
        mine.check_in(checkin(9, 5, 100));
        mine.check_in(checkin(10, 5, 100));
        // The other tab saw these, then edited day 10 and added day 11.
        let mut theirs = mine.clone();
        theirs.sessions.remove(0);
        theirs.record(session(11, 60));
        theirs.check_in(checkin(10, 2, 200));
        theirs.check_in(checkin(11, 4, 50));
        mine.merge(&theirs, Conflicts::LaterEdit);
        assert_eq!(mine.sessions.len(), 3);
        let pains: Vec<u8> = mine.checkins.iter().map(|c| c.pain.score()).collect();
        assert_eq!(pains, [5, 2, 4]);
        assert_eq!(mine.span(), Some((day(9), day(11))));
    }

    #[test]
    fn merging_keeps_follow_up_answers_and_routines_from_both_sides() {
        let (first, second) = (session(9, 100), session(10, 100));
        let mut mine = Journal::with_sessions([first.clone(), second.clone()]);
        let answer = |s: &SessionRecord, kind, pain, answered_ms| FollowUp {
            session: s.started_ms,
            kind,
            pain: Pain::new(pain),
            answered_ms,
            clock: 0,
        };
        mine.answer(answer(&first, FollowUpKind::HourLater, 5, 10));
        mine.answer(answer(&second, FollowUpKind::HourLater, 3, 10));
        mine.remember_plan(&crate::domain::plan::Plan::seed().steps);
        let mut theirs = mine.clone();
        theirs.answer(answer(&second, FollowUpKind::HourLater, 6, 20)); // edited later
        theirs.answer(answer(&first, FollowUpKind::NextMorning, 4, 20));
        theirs.remember_plan(&crate::domain::plan::Plan::seed().steps[1..]);
        mine.merge(&theirs, Conflicts::LaterEdit);
        let pains: Vec<_> = mine.followups.iter().map(|a| (a.kind, a.pain)).collect();
        assert_eq!(
            pains,
            [
                (FollowUpKind::HourLater, Pain::new(5)),
                (FollowUpKind::NextMorning, Pain::new(4)),
                (FollowUpKind::HourLater, Pain::new(6)),
            ]
        );
        assert_eq!(mine.routines_run.len(), 2);
    }

    #[test]
    fn last_pain_prefers_the_after_score_of_the_latest_session() {
        let mut first = session(9, 100);
        first.pain_after = Pain::new(5);
        let mut second = session(10, 100);
        second.pain_before = Pain::new(4);
        second.pain_after = Pain::new(2);
        let mut third = session(11, 100);
        third.pain_after = None;
        let journal = Journal::with_sessions([first, second, third]);
        assert_eq!(
            journal.last_pain(utc_day),
            Some(LastPain {
                pain: Pain::new(2).unwrap(),
                day: day(10)
            })
        );
    }

    fn utc_day(at_ms: i64) -> NaiveDate {
        crate::domain::day::local_day(at_ms, 0)
    }

    #[test]
    fn a_later_follow_up_answer_is_the_last_pain_dated_the_day_it_was_given() {
        let mut s = session(10, 100);
        s.pain_after = Pain::new(4);
        let mut journal = Journal::with_sessions([s.clone()]);
        let morning = s.ended_ms + 20 * 3_600_000;
        let answer = |pain| FollowUp {
            session: s.started_ms,
            kind: FollowUpKind::NextMorning,
            pain,
            answered_ms: morning,
            clock: 0,
        };
        journal.answer(answer(Pain::new(3)));
        assert_eq!(
            journal.last_pain(utc_day),
            Some(LastPain {
                pain: Pain::new(3).unwrap(),
                day: utc_day(morning)
            })
        );
        // "Not now" gives no score: the session's stands.
        journal.answer(answer(None));
        assert_eq!(journal.last_pain(utc_day).map(|l| l.pain.score()), Some(4));
        journal.answer(answer(Pain::new(3)));
        // A check-in after the answer is later still.
        journal.check_in(checkin(11, 6, morning + 1));
        assert_eq!(journal.last_pain(utc_day).map(|l| l.pain.score()), Some(6));
    }
}
