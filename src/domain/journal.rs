//! Everything the patient has done and logged, and what follows from it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;
use super::followup::{FollowUp, FollowUpKind};
use super::pain::Pain;
use super::plan::Step;
use super::plan_log::{self, PlanRun};
use super::session::SessionRecord;

/// Why a day without a routine does not break the streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayOff {
    /// A planned rest day: at most one in any 7 days keeps the streak.
    Rest,
    /// Pain too high to train: always keeps the streak.
    Flare,
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

/// How one day counts for the streak and for adherence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// A counted routine was done.
    Done,
    /// A flare day, or a rest day within the allowance.
    Excused,
    Missed,
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

/// Days that must lie between two rest days for both to keep the streak.
const REST_EVERY_DAYS: i64 = 7;

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
            if !self
                .sessions
                .iter()
                .any(|s| s.started_ms == session.started_ms)
            {
                self.record(session.clone());
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

    fn streak_days(&self) -> BTreeSet<NaiveDate> {
        self.sessions
            .iter()
            .filter(|s| s.counts_for_streak())
            .map(|s| s.day)
            .collect()
    }

    /// Today's routine is done (enough of it to count).
    pub fn done_on(&self, day: NaiveDate) -> bool {
        self.sessions
            .iter()
            .any(|s| s.day == day && s.counts_for_streak())
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

    /// Days from `from` to `to` with a counted routine, and the days a
    /// routine was expected: all of them but flare days, rest days the
    /// streak excuses (one in any 7) and an unfinished `today` (it may still
    /// be trained). A second or third rest day in a week is a missed day here
    /// as in the streak, so three rests and four routines is not 100 %.
    pub fn adherence(&self, from: NaiveDate, to: NaiveDate, today: NaiveDate) -> (usize, usize) {
        let (mut done, mut expected) = (0, 0);
        self.walk_forward(from, to, |day, counted| match counted {
            Counted::Done => {
                done += 1;
                expected += 1;
            }
            Counted::Excused => {}
            Counted::Missed if day == today => {}
            Counted::Missed => expected += 1,
        });
        (done, expected)
    }

    /// Calls `visit` for each day from `from` to `to` with how it counts,
    /// as if walking forward from the first record: a rest day just before
    /// `from` uses up the week's rest allowance exactly as in the streak.
    fn walk_forward(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut visit: impl FnMut(NaiveDate, Counted),
    ) {
        // The first mark of a day wins, as in `day_off`.
        let marks: BTreeMap<NaiveDate, DayOff> = self
            .days_off
            .iter()
            .rev()
            .map(|m| (m.day, m.kind))
            .collect();
        // Earlier days act only through the rest days they used, and only
        // back to a week with no rest mark: a rest day used before that gap
        // is a week or more from every later one, so it changes nothing.
        let mut start = from;
        for (day, kind) in marks.range(..from).rev() {
            if *kind == DayOff::Rest {
                if (start - *day).num_days() >= REST_EVERY_DAYS {
                    break;
                }
                start = *day;
            }
        }
        let done: BTreeSet<NaiveDate> = self
            .sessions
            .iter()
            .filter(|s| (start..=to).contains(&s.day) && s.counts_for_streak())
            .map(|s| s.day)
            .collect();
        let mut last_rest: Option<NaiveDate> = None;
        for (day, kind) in marks.range(start..from) {
            if !done.contains(day) {
                excused(Some(*kind), *day, &mut last_rest);
            }
        }
        let mut day = from;
        while day <= to {
            let counted = if done.contains(&day) {
                Counted::Done
            } else if excused(marks.get(&day).copied(), day, &mut last_rest) {
                Counted::Excused
            } else {
                Counted::Missed
            };
            visit(day, counted);
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
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

    /// Counted routine days in a row, ending today. Flare days and one rest
    /// day in any 7 keep the chain without adding to it; an unfinished today
    /// keeps yesterday's streak (the patient may still train tonight).
    pub fn streak(&self, today: NaiveDate) -> u32 {
        let done = self.streak_days();
        let marked = |d: &NaiveDate| self.day_off(*d).is_some();
        let mut day = if done.contains(&today) || marked(&today) {
            today
        } else {
            match today.checked_sub_days(Days::new(1)) {
                Some(yesterday) => yesterday,
                None => return 0,
            }
        };
        let mut streak = 0;
        let mut last_rest: Option<NaiveDate> = None;
        loop {
            if done.contains(&day) {
                streak += 1;
            } else if !excused(self.day_off(day), day, &mut last_rest) {
                break;
            }
            match day.checked_sub_days(Days::new(1)) {
                Some(before) => day = before,
                None => break,
            }
        }
        streak
    }

    /// The longest streak ever, by the same rules, up to `today`.
    pub fn best_streak(&self, today: NaiveDate) -> u32 {
        let (mut best, mut current) = (0, 0);
        let first = self.first_day().map_or(today, |first| first.min(today));
        self.walk_forward(first, today, |day, counted| match counted {
            Counted::Done => {
                current += 1;
                best = best.max(current);
            }
            Counted::Excused => {}
            // (Today may still be trained.)
            Counted::Missed if day == today => {}
            Counted::Missed => current = 0,
        });
        best
    }

    /// The latest pain score: after (or else before) a session, or a check-in.
    pub fn last_pain(&self) -> Option<LastPain> {
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
        match (from_session, from_checkin) {
            (Some(s), Some(c)) => Some(if c.0 > s.0 { c.1 } else { s.1 }),
            (s, c) => s.or(c).map(|(_, last)| last),
        }
    }
}

/// A day without a counted routine, marked `kind`, that keeps the chain: a
/// flare day, or a rest day at least a week from the last rest day used
/// (either way in time, so walking back and forth agree). The one rule for
/// the streak, the best streak and adherence.
fn excused(kind: Option<DayOff>, day: NaiveDate, last_rest: &mut Option<NaiveDate>) -> bool {
    match kind {
        Some(DayOff::Flare) => true,
        Some(DayOff::Rest)
            if last_rest.is_none_or(|r| (r - day).num_days().abs() >= REST_EVERY_DAYS) =>
        {
            *last_rest = Some(day);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::testing::day;

    fn session(d: u32, done_percent: u8) -> SessionRecord {
        let sample = SessionRecord::sample(day(d));
        SessionRecord {
            started_ms: sample.started_ms + i64::from(done_percent),
            done_percent,
            ..sample
        }
    }

    #[test]
    fn streak_counts_consecutive_days_ending_today() {
        let journal = Journal::with_sessions([session(9, 100), session(10, 100), session(11, 100)]);
        assert_eq!(journal.streak(day(11)), 3);
    }

    #[test]
    fn an_unfinished_today_keeps_yesterdays_streak() {
        let journal = Journal::with_sessions([session(9, 100), session(10, 100)]);
        assert_eq!(journal.streak(day(11)), 2);
        assert!(!journal.done_on(day(11)));
    }

    #[test]
    fn a_missed_day_resets_the_streak() {
        let journal = Journal::with_sessions([session(8, 100), session(9, 100), session(10, 100)]);
        assert_eq!(journal.streak(day(12)), 0);
        let resumed = Journal::with_sessions([session(8, 100), session(9, 100), session(11, 100)]);
        assert_eq!(resumed.streak(day(11)), 1);
    }

    #[test]
    fn a_flare_day_keeps_the_streak_without_adding_to_it() {
        let mut journal =
            Journal::with_sessions([session(8, 100), session(9, 100), session(11, 100)]);
        journal.mark_day(day(10), Some(DayOff::Flare));
        assert_eq!(journal.streak(day(11)), 3);
    }

    #[test]
    fn one_rest_day_a_week_keeps_the_streak_a_second_breaks_it() {
        let mut journal = Journal::with_sessions([3, 5, 6, 7, 9].map(|d| session(d, 100)));
        journal.mark_day(day(8), Some(DayOff::Rest));
        assert_eq!(journal.streak(day(9)), 4);
        journal.mark_day(day(4), Some(DayOff::Rest));
        // Rest on the 4th is within 7 days of the rest on the 8th: the chain stops there.
        assert_eq!(journal.streak(day(9)), 4);
        assert_eq!(journal.best_streak(day(9)), 4);
        journal.mark_day(day(4), None);
        assert_eq!(journal.day_off(day(4)), None);
    }

    #[test]
    fn marking_today_as_a_rest_day_keeps_the_streak_through_today() {
        let mut journal = Journal::with_sessions([session(9, 100), session(10, 100)]);
        journal.mark_day(day(11), Some(DayOff::Rest));
        assert_eq!(journal.streak(day(11)), 2);
        assert_eq!(journal.streak(day(12)), 2);
        assert_eq!(journal.streak(day(13)), 0);
    }

    #[test]
    fn the_best_streak_remembers_a_longer_run_before_a_break() {
        let journal = Journal::with_sessions([1, 2, 3, 4, 7, 8].map(|d| session(d, 100)));
        assert_eq!(journal.best_streak(day(8)), 4);
        assert_eq!(journal.streak(day(8)), 2);
        assert_eq!(Journal::default().best_streak(day(8)), 0);
    }

    #[test]
    fn adherence_leaves_out_days_off_and_an_unfinished_today() {
        let mut journal =
            Journal::with_sessions([session(9, 100), session(10, 40), session(12, 100)]);
        journal.mark_day(day(11), Some(DayOff::Rest));
        assert_eq!(journal.adherence(day(9), day(13), day(13)), (2, 3));
        assert_eq!(journal.adherence(day(9), day(13), day(14)), (2, 4));
    }

    #[test]
    fn three_rest_days_and_four_routines_a_week_is_not_full_adherence() {
        // 2–8 November: rest on the 2nd, 4th and 6th, routines on the other four.
        let mut journal = Journal::with_sessions([3, 5, 7, 8].map(|d| session(d, 100)));
        for d in [2, 4, 6] {
            journal.mark_day(day(d), Some(DayOff::Rest));
        }
        // The first rest is excused, as in the streak; the other two are missed days.
        assert_eq!(journal.adherence(day(2), day(8), day(9)), (4, 6));
        // Walking back from the 8th, the streak stops at the rest on the 4th.
        assert_eq!(journal.streak(day(8)), 3);
    }

    #[test]
    fn adherence_excuses_one_rest_day_in_seven_like_the_streak() {
        let mut journal = Journal::with_sessions((1..=14).map(|d| session(d, 100)));
        journal
            .sessions
            .retain(|s| s.day != day(1) && s.day != day(8));
        journal.mark_day(day(1), Some(DayOff::Rest));
        journal.mark_day(day(8), Some(DayOff::Rest));
        // Exactly a week apart: both excused.
        assert_eq!(journal.adherence(day(1), day(14), day(15)), (12, 12));
        assert_eq!(journal.streak(day(14)), 12);
        // A rest six days after the last one is not.
        journal.sessions.retain(|s| s.day != day(14));
        journal.mark_day(day(14), Some(DayOff::Rest));
        assert_eq!(journal.adherence(day(1), day(14), day(15)), (11, 12));
    }

    #[test]
    fn a_rest_day_before_the_range_uses_up_the_weeks_allowance() {
        let mut journal = Journal::with_sessions([2, 3, 4, 6, 7].map(|d| session(d, 100)));
        journal.mark_day(day(1), Some(DayOff::Rest));
        journal.mark_day(day(5), Some(DayOff::Rest));
        // From the 3rd the rest on the 5th looks alone, but the 1st came first.
        assert_eq!(journal.adherence(day(3), day(7), day(8)), (4, 5));
    }

    #[test]
    fn a_rest_day_refused_before_the_range_does_not_use_up_the_allowance() {
        // Rests on the 1st (used), 7th (refused: 6 days on) and 12th (used:
        // 11 days after the 1st). The 7th is near the 12th, but was not used.
        let trained = [2, 3, 4, 5, 6, 8, 9, 10, 11, 13, 14];
        let mut journal = Journal::with_sessions(trained.map(|d| session(d, 100)));
        for d in [1, 7, 12] {
            journal.mark_day(day(d), Some(DayOff::Rest));
        }
        assert_eq!(journal.adherence(day(10), day(14), day(15)), (4, 4));
        assert_eq!(journal.adherence(day(1), day(14), day(15)), (11, 12));
    }

    #[test]
    fn every_flare_day_stays_excused() {
        let mut journal = Journal::with_sessions([5, 6, 7].map(|d| session(d, 100)));
        for d in 1..=4 {
            journal.mark_day(day(d), Some(DayOff::Flare));
        }
        assert_eq!(journal.adherence(day(1), day(7), day(8)), (3, 3));
    }

    #[test]
    fn two_sessions_on_one_day_count_once() {
        let journal = Journal::with_sessions([session(10, 100), session(10, 90)]);
        assert_eq!(journal.sessions.len(), 2);
        assert_eq!(journal.streak(day(10)), 1);
    }

    #[test]
    fn a_partial_session_does_not_keep_the_streak() {
        let journal = Journal::with_sessions([session(9, 100), session(10, 50)]);
        assert_eq!(journal.streak(day(10)), 1);
        assert!(!journal.done_on(day(10)));
    }

    #[test]
    fn the_streak_follows_the_local_day_fixed_when_the_session_ended() {
        // Sessions at 23:50 and 00:10 local time are on two days.
        use crate::domain::day::local_day;
        let late = 1_795_564_200_000; // 2026-11-24T23:50Z
        let early = late + 20 * 60_000; // 2026-11-25T00:10Z
        let mut a = session(24, 100);
        a.day = local_day(late, 0);
        let mut b = session(25, 100);
        b.day = local_day(early, 0);
        let journal = Journal::with_sessions([a.clone(), b.clone()]);
        assert_eq!(journal.streak(day(25)), 2);
        // The same instants an hour east of Greenwich both fall on the 25th.
        a.day = local_day(late, 60);
        b.day = local_day(early, 60);
        assert_eq!(Journal::with_sessions([a, b]).streak(day(25)), 1);
    }

    #[test]
    fn travelling_west_keeps_each_session_on_the_local_day_it_was_done() {
        use crate::domain::day::local_day;
        const HOUR: i64 = 3_600_000;
        let (london, new_york) = (0, -5 * 60);
        // 10 Nov 08:00 in London, then a flight; 20:00 in New York is 01:00Z on the 11th.
        let morning = 1_794_268_800_000 + 8 * HOUR; // 2026-11-10T08:00Z
        let evening = morning + 17 * HOUR;
        let next_day = evening + 12 * HOUR; // 11 Nov 08:00 in New York
        let at = |ms: i64, offset: i32| SessionRecord {
            started_ms: ms,
            day: local_day(ms, offset),
            ..session(1, 100)
        };
        let journal = Journal::with_sessions([
            at(morning, london),
            at(evening, new_york),
            at(next_day, new_york),
        ]);
        let days: Vec<NaiveDate> = journal.sessions.iter().map(|s| s.day).collect();
        assert_eq!(days, [day(10), day(10), day(11)]);
        assert_eq!(
            journal.streak(day(11)),
            2,
            "two sessions on the 10th count once"
        );
    }

    #[test]
    fn the_short_day_when_clocks_go_forward_keeps_the_streak() {
        // London, 2026-03-29: clocks go from UTC+0 to UTC+1 at 01:00 UTC.
        use crate::domain::day::local_day;
        let saturday_late = 1_774_740_600_000; // 2026-03-28T23:30Z = 23:30 local (UTC+0)
        let sunday_late = saturday_late + 23 * 3_600_000; // 2026-03-29T22:30Z = 23:30 local (UTC+1)
        let march = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut a = session(1, 100);
        a.day = local_day(saturday_late, 0);
        let mut b = session(2, 100);
        b.day = local_day(sunday_late, 60);
        assert_eq!((a.day, b.day), (march(28), march(29)));
        let journal = Journal::with_sessions([a, b]);
        assert_eq!(journal.streak(march(29)), 2);
        assert_eq!(journal.streak(march(30)), 2);
    }

    #[test]
    fn saving_the_same_session_twice_keeps_one_record() {
        let mut journal = Journal::default();
        journal.record(session(10, 100));
        journal.record(session(10, 100));
        assert_eq!(journal.sessions.len(), 1);
    }

    fn checkin(d: u32, pain: u8, updated_ms: i64) -> CheckIn {
        CheckIn {
            day: day(d),
            pain: Pain::new(pain).unwrap(),
            stiffness: None,
            note: String::new(),
            updated_ms,
            clock: 0,
        }
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
        assert_eq!(journal.last_pain().map(|l| l.pain.score()), Some(6));
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
            journal.last_pain(),
            Some(LastPain {
                pain: Pain::new(2).unwrap(),
                day: day(10)
            })
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(u64::from(n))
    }

    proptest! {
        #[test]
        fn a_streak_never_exceeds_the_days_trained(
            trained in prop::collection::btree_set(0u32..120, 0..80),
            off in prop::collection::vec((0u32..120, any::<bool>()), 0..30),
            today in 0u32..130,
        ) {
            let mut journal = Journal::default();
            for (k, d) in trained.iter().enumerate() {
                journal.record(SessionRecord {
                    started_ms: k as i64,
                    ended_ms: k as i64,
                    day: day(*d),
                    plan: String::new(),
                    planned_secs: 1080,
                    done_percent: 100,
                    pain_before: None,
                    pain_after: None,
                    plan_key: None,
                    extended_secs: 0,
                });
            }
            for (d, flare) in off {
                journal.mark_day(day(d), Some(if flare { DayOff::Flare } else { DayOff::Rest }));
            }
            let counted_to_today = trained.iter().filter(|d| **d <= today).count() as u32;
            let streak = journal.streak(day(today));
            prop_assert!(streak <= counted_to_today);
            prop_assert!(streak <= today + 1);
            prop_assert!(journal.best_streak(day(today)) <= counted_to_today);
        }
    }

    proptest! {
        #[test]
        fn adherence_matches_a_walk_from_the_first_record(
            trained in prop::collection::btree_set(0u32..60, 0..50),
            off in prop::collection::vec((0u32..60, any::<bool>()), 0..25),
            from in 0u32..60,
            days in 0u32..30,
        ) {
            let mut journal = Journal::default();
            for (k, d) in trained.iter().enumerate() {
                let mut s = SessionRecord::sample(day(*d));
                s.started_ms += k as i64;
                journal.record(s);
            }
            for (d, flare) in off {
                journal.mark_day(day(d), Some(if flare { DayOff::Flare } else { DayOff::Rest }));
            }
            let (from, to) = (day(from), day(from + days));
            // Reference: every day from the first record, one at a time.
            let mut walk = journal.first_day().map_or(from, |f| f.min(from));
            let (mut done, mut due, mut last_rest) = (0, 0, None);
            while walk <= to {
                let excused = !journal.done_on(walk)
                    && excused(journal.day_off(walk), walk, &mut last_rest);
                if walk >= from {
                    if journal.done_on(walk) {
                        done += 1;
                        due += 1;
                    } else if !excused && walk != to {
                        due += 1;
                    }
                }
                walk = walk + Days::new(1);
            }
            prop_assert_eq!(journal.adherence(from, to, to), (done, due));
        }
    }
}
