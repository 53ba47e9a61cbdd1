//! Everything the patient has done and logged, and what follows from it.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;
use super::pain::Pain;
use super::session::SessionRecord;

/// The patient's history, each list oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    #[serde(default)]
    pub sessions: Vec<SessionRecord>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
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

    /// Adds or replaces the check-in for its day.
    pub fn check_in(&mut self, checkin: CheckIn) {
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
    /// time, check-ins by day; where both have one, `prefer_other` decides
    /// for sessions and the later edit wins for check-ins.
    pub fn merge(&mut self, other: &Journal, prefer_other: bool) {
        for session in &other.sessions {
            let known = self
                .sessions
                .iter()
                .any(|s| s.started_ms == session.started_ms);
            if !known || prefer_other {
                self.record(session.clone());
            }
        }
        for checkin in &other.checkins {
            let newer = self
                .checkin_on(checkin.day)
                .is_none_or(|mine| (checkin.updated_ms, prefer_other) > (mine.updated_ms, false));
            if newer {
                self.check_in(checkin.clone());
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

    /// Days in a row with a counted routine, ending today. An unfinished
    /// today keeps yesterday's streak: the patient may still train tonight.
    pub fn streak(&self, today: NaiveDate) -> u32 {
        let days = self.streak_days();
        let mut day = if days.contains(&today) {
            today
        } else {
            match today.checked_sub_days(Days::new(1)) {
                Some(yesterday) => yesterday,
                None => return 0,
            }
        };
        let mut streak = 0;
        while days.contains(&day) {
            streak += 1;
            match day.checked_sub_days(Days::new(1)) {
                Some(before) => day = before,
                None => break,
            }
        }
        streak
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn session(d: u32, done_percent: u8) -> SessionRecord {
        let started_ms = 1_795_000_000_000 + i64::from(d) * 86_400_000 + i64::from(done_percent);
        SessionRecord {
            started_ms,
            ended_ms: started_ms + 1_080_000,
            day: day(d),
            plan: "Daily spine routine".into(),
            planned_secs: 1080,
            done_percent,
            pain_before: None,
            pain_after: None,
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
    fn merging_keeps_every_record_of_both_sides() {
        let mut mine = Journal::with_sessions([session(9, 100), session(10, 100)]);
        mine.check_in(checkin(9, 5, 100));
        mine.check_in(checkin(10, 5, 100));
        let mut theirs = Journal::with_sessions([session(10, 100), session(11, 60)]);
        theirs.check_in(checkin(10, 2, 200)); // edited later elsewhere
        theirs.check_in(checkin(11, 4, 50));
        mine.merge(&theirs, false);
        assert_eq!(mine.sessions.len(), 3);
        let pains: Vec<u8> = mine.checkins.iter().map(|c| c.pain.score()).collect();
        assert_eq!(pains, [5, 2, 4]);
        assert_eq!(mine.span(), Some((day(9), day(11))));
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
