//! How the days count: the streak, the best streak and adherence, under one
//! rule for days off (`excused`). Forgiving by design: a flare day always
//! keeps the chain, one rest day in any 7 does too, and an unfinished today
//! keeps yesterday's streak.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};

use super::{DayOff, Journal};

/// How many days back a missed day may be filled in.
pub const FILL_IN_DAYS: i64 = 7;
/// Days the consistency score looks back over: four weeks.
pub const CONSISTENCY_DAYS: u64 = 28;

/// How one day counts for the streak and for adherence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// A counted routine was done.
    Done,
    /// A flare day, or a rest day within the allowance.
    Excused,
    Missed,
}

/// Days that must lie between two rest days for both to keep the streak.
const REST_EVERY_DAYS: i64 = 7;

impl Journal {
    fn streak_days(&self) -> BTreeSet<NaiveDate> {
        // `extend`, not `collect`, which would sort first (domain/sort.rs).
        let mut days = BTreeSet::new();
        days.extend(
            self.sessions
                .iter()
                .filter(|s| s.counts_for_streak())
                .map(|s| s.day),
        );
        days
    }

    /// Today's routine is done (enough of it to count).
    pub fn done_on(&self, day: NaiveDate) -> bool {
        self.sessions
            .iter()
            .any(|s| s.day == day && s.counts_for_streak())
    }

    /// Whether `day` may be filled in as a routine done without the app:
    /// one of the last [`FILL_IN_DAYS`] days before `today`, with no counted
    /// routine yet. A week back keeps the record to what is remembered, and
    /// one forgotten day need not erase a streak (walkthrough #13).
    pub fn can_fill_in(&self, day: NaiveDate, today: NaiveDate) -> bool {
        let back = (today - day).num_days();
        (1..=FILL_IN_DAYS).contains(&back) && !self.done_on(day)
    }

    /// The most of a routine done on `day`, in whole percent, when a
    /// routine was started that day: Today credits a part-done routine
    /// instead of "not done yet" (walkthrough #11).
    pub fn most_done_on(&self, day: NaiveDate) -> Option<u8> {
        self.sessions
            .iter()
            .filter(|s| s.day == day)
            .map(|s| s.done_percent)
            .max()
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

    /// The consistency score beside the streak: days done and days due
    /// (as [`Journal::adherence`]) over the last [`CONSISTENCY_DAYS`], or
    /// since the first record if later; `None` before any day was due. One
    /// forgotten day then costs a few percent, not the whole chain (Loop's
    /// habit score does the same; walkthrough #13).
    pub fn consistency(&self, today: NaiveDate) -> Option<(usize, usize)> {
        self.consistency_since(today)
            .map(|(done, due, _)| (done, due))
    }

    /// The consistency score in words: "11 of 12 days done, last 4 weeks",
    /// or "since you started" while the patient is newer than that.
    pub fn consistency_label(&self, today: NaiveDate) -> Option<String> {
        let (done, due, since_start) = self.consistency_since(today)?;
        let over = if since_start {
            "since you started"
        } else {
            "last 4 weeks"
        };
        let days = super::super::day::count_days(due);
        Some(format!("{done} of {days} done, {over}"))
    }

    /// Days done and due over the consistency window, and whether the
    /// window starts at the first record rather than four weeks back.
    fn consistency_since(&self, today: NaiveDate) -> Option<(usize, usize, bool)> {
        let window = today.checked_sub_days(Days::new(CONSISTENCY_DAYS - 1))?;
        let first = self.first_day()?;
        let (done, due) = self.adherence(first.max(window), today, today);
        (due > 0).then_some((done, due, first > window))
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
        // The first mark of a day wins, as in `day_off`: inserted last.
        let mut marks: BTreeMap<NaiveDate, DayOff> = BTreeMap::new();
        marks.extend(self.days_off.iter().rev().map(|m| (m.day, m.kind)));
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
        let mut done: BTreeSet<NaiveDate> = BTreeSet::new();
        done.extend(
            self.sessions
                .iter()
                .filter(|s| (start..=to).contains(&s.day) && s.counts_for_streak())
                .map(|s| s.day),
        );
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

    /// Whether the mark on `day` keeps the streak by the rule of
    /// [`Journal::streak`]: a flare day always does; a rest day only with no
    /// other rest day (without a routine) in the 6 days before it.
    pub fn keeps_streak(&self, day: NaiveDate) -> bool {
        match self.day_off(day) {
            Some(DayOff::Flare) => true,
            Some(DayOff::Rest) => (1..REST_EVERY_DAYS as u64).all(|back| {
                day.checked_sub_days(Days::new(back)).is_none_or(|earlier| {
                    self.day_off(earlier) != Some(DayOff::Rest) || self.done_on(earlier)
                })
            }),
            None => false,
        }
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
    use crate::domain::session::SessionRecord;
    use crate::domain::testing::{day, session};

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
    fn a_rest_day_keeps_the_streak_only_a_week_or_more_after_the_last() {
        let trained = Journal::with_sessions((1..=9).map(|d| session(d, 100)));
        // Two days running (walkthrough #12: the note said kept, the streak fell 2 -> 0).
        let mut journal = trained.clone();
        journal.mark_day(day(10), Some(DayOff::Rest));
        assert!(journal.keeps_streak(day(10)));
        journal.mark_day(day(11), Some(DayOff::Rest));
        assert!(!journal.keeps_streak(day(11)));
        assert_eq!((journal.streak(day(10)), journal.streak(day(11))), (9, 0));
        // Six days after the last rest day: not kept; seven: kept.
        for (earlier, kept) in [(4, false), (3, true)] {
            let mut journal =
                Journal::with_sessions((1..=9).filter(|d| *d != earlier).map(|d| session(d, 100)));
            journal.mark_day(day(earlier), Some(DayOff::Rest));
            journal.mark_day(day(10), Some(DayOff::Rest));
            assert_eq!(
                journal.keeps_streak(day(10)),
                kept,
                "rest on {earlier} and 10"
            );
            // Eight routines (day `earlier` is the rest day): all count only if kept.
            assert_eq!(
                journal.streak(day(10)) == 8,
                kept,
                "rest on {earlier} and 10"
            );
        }
        // A rest mark on a day the routine was done anyway uses no allowance.
        let mut journal = trained.clone();
        journal.mark_day(day(8), Some(DayOff::Rest));
        journal.mark_day(day(10), Some(DayOff::Rest));
        assert!(journal.keeps_streak(day(10)));
        // A flare day always keeps it; an unmarked day is not a kept day off.
        let mut journal = trained;
        journal.mark_day(day(9), Some(DayOff::Rest));
        journal.mark_day(day(10), Some(DayOff::Flare));
        assert!(journal.keeps_streak(day(10)));
        assert!(!journal.keeps_streak(day(12)));
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
    fn consistency_counts_done_over_due_days_of_the_last_four_weeks() {
        let mut journal = Journal::default();
        assert_eq!(journal.consistency(day(25)), None, "nothing yet");
        journal.sessions.push(session(25, 100));
        assert_eq!(journal.consistency(day(25)), Some((1, 1)));
        assert_eq!(
            journal.consistency_label(day(25)).as_deref(),
            Some("1 of 1 day done, since you started")
        );
        // Eleven days done, one forgotten: the streak restarts, the score barely moves.
        let mut journal = Journal::default();
        for d in (13..=24).filter(|&d| d != 20) {
            journal.sessions.push(session(d, 100));
        }
        assert_eq!(journal.streak(day(25)), 4);
        assert_eq!(
            journal.consistency(day(25)),
            Some((11, 12)),
            "today is not due yet"
        );
        // Only the last 28 days count.
        let mut long = Journal::default();
        long.sessions.push(session(1, 100));
        let late = day(1).checked_add_days(Days::new(40)).unwrap();
        long.sessions.push(SessionRecord::sample(late));
        let (_, due) = long.consistency(late).unwrap();
        assert_eq!(due, 28);
        assert!(
            long.consistency_label(late)
                .unwrap()
                .ends_with(", last 4 weeks")
        );
    }

    #[test]
    fn a_missed_day_of_the_last_week_can_be_filled_in_once() {
        let mut journal = Journal::default();
        let today = day(25);
        assert!(!journal.can_fill_in(today, today), "today is still open");
        assert!(journal.can_fill_in(day(24), today));
        assert!(journal.can_fill_in(day(18), today), "7 days back");
        assert!(!journal.can_fill_in(day(17), today), "8 days back");
        assert!(!journal.can_fill_in(day(26), today), "the future");
        journal.sessions.push(session(24, 100));
        assert!(!journal.can_fill_in(day(24), today), "already done");
        journal.sessions.push(session(23, 40));
        assert!(
            journal.can_fill_in(day(23), today),
            "a part-done day may be"
        );
    }

    #[test]
    fn the_most_done_on_a_day_is_its_best_session_or_none() {
        let mut journal = Journal::default();
        assert_eq!(journal.most_done_on(day(3)), None);
        journal.sessions.push(session(3, 45));
        journal.sessions.push(session(3, 30));
        journal.sessions.push(session(4, 90));
        assert_eq!(journal.most_done_on(day(3)), Some(45));
        assert!(!journal.done_on(day(3)));
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
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::session::SessionRecord;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(u64::from(n))
    }

    /// A routine on each `trained` day, and each `off` day marked (a flare
    /// when true, else a rest day).
    fn journal_of(trained: &BTreeSet<u32>, off: impl IntoIterator<Item = (u32, bool)>) -> Journal {
        let mut journal = Journal::default();
        for (k, d) in trained.iter().enumerate() {
            let mut s = SessionRecord::sample(day(*d));
            s.started_ms += k as i64;
            journal.record(s);
        }
        for (d, flare) in off {
            journal.mark_day(
                day(d),
                Some(if flare { DayOff::Flare } else { DayOff::Rest }),
            );
        }
        journal
    }

    proptest! {
        #[test]
        fn a_streak_never_exceeds_the_days_trained(
            trained in prop::collection::btree_set(0u32..120, 0..80),
            off in prop::collection::vec((0u32..120, any::<bool>()), 0..30),
            today in 0u32..130,
        ) {
            let journal = journal_of(&trained, off);
            let counted_to_today = trained.iter().filter(|d| **d <= today).count() as u32;
            let streak = journal.streak(day(today));
            prop_assert!(streak <= counted_to_today);
            prop_assert!(streak <= today + 1);
            prop_assert!(journal.best_streak(day(today)) <= counted_to_today);
        }
    }

    proptest! {
        /// Today never says "kept" beside a streak that dropped.
        #[test]
        fn a_day_off_said_to_keep_the_streak_keeps_it(
            trained in prop::collection::btree_set(0u32..40, 0..35),
            off in prop::collection::vec((0u32..40, any::<bool>()), 0..12),
            today in 1u32..40,
            flare in any::<bool>(),
        ) {
            let trained: BTreeSet<u32> = trained.into_iter().filter(|d| *d != today).collect();
            let mut journal = journal_of(&trained, off.into_iter().filter(|(d, _)| *d != today));
            // Unmarked and untrained, today shows yesterday's streak.
            let before = journal.streak(day(today));
            journal.mark_day(day(today), Some(if flare { DayOff::Flare } else { DayOff::Rest }));
            if journal.keeps_streak(day(today)) {
                prop_assert!(journal.streak(day(today)) >= before);
            }
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
            let journal = journal_of(&trained, off);
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
