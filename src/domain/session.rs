//! A routine in progress and the record it leaves when it ends.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::pain::Pain;
use super::plan::{Pacing, Plan};
use super::plan_log;
use super::timeline::{Action, Control, Position, Timeline};

/// Share of the planned routine time that makes a session count for the streak.
pub const STREAK_SHARE: f64 = 0.8;

/// A routine that has started and not yet been saved. Persisted on every
/// tap, so a reload or a killed tab resumes at the right second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveSession {
    /// The plan as it was at the start: editing plans never moves a running session.
    pub plan: Plan,
    pub pacing: Pacing,
    pub started_ms: i64,
    #[serde(default)]
    pub controls: Vec<Control>,
    #[serde(default)]
    pub pain_before: Option<Pain>,
    /// Set when the patient ends before the routine's end.
    #[serde(default)]
    pub ended_early_ms: Option<i64>,
}

impl ActiveSession {
    /// A session of `plan` starting at `started_ms`.
    pub fn start(plan: Plan, pacing: Pacing, started_ms: i64) -> ActiveSession {
        ActiveSession {
            plan,
            pacing,
            started_ms,
            controls: Vec::new(),
            pain_before: None,
            ended_early_ms: None,
        }
    }

    /// The segments this session runs through.
    pub fn timeline(&self) -> Timeline {
        Timeline::new(&self.plan, self.pacing)
    }

    /// Where the session is at `now_ms` (frozen at the moment it was ended early).
    pub fn position(&self, timeline: &Timeline, now_ms: i64) -> Position {
        let now_ms = self.ended_early_ms.map_or(now_ms, |end| end.min(now_ms));
        timeline.position(self.started_ms, &self.controls, now_ms)
    }

    /// When something last happened at `now_ms`: a running timer is
    /// activity until the routine's end, a paused or ended one stopped at
    /// the tap that paused or ended it.
    pub fn last_activity_ms(&self, now_ms: i64) -> i64 {
        let position = self.position(&self.timeline(), now_ms);
        let timer = match (self.ended_early_ms, position.finished_at_ms) {
            (Some(ended), _) => ended,
            (None, Some(finished)) => finished,
            (None, None) if position.paused => self.started_ms,
            (None, None) => now_ms,
        };
        let last_tap = self.controls.last().map_or(self.started_ms, |c| c.at_ms);
        timer.max(last_tap).max(self.started_ms)
    }

    /// Records a tap.
    pub fn act(&mut self, action: Action, at_ms: i64) {
        self.controls.push(Control { at_ms, action });
    }

    /// "End now": the session stops at `at_ms`, paused as well, so that
    /// "Carry on" resumes from this very second.
    pub fn end_early(&mut self, at_ms: i64) {
        self.act(Action::Pause, at_ms);
        self.ended_early_ms = Some(at_ms);
    }

    /// "Carry on" after "End now": the session runs again from where it stopped.
    pub fn carry_on(&mut self, at_ms: i64) {
        self.ended_early_ms = None;
        self.act(Action::Resume, at_ms);
    }

    /// Closes the session into a journal record, dated by `day_of` the
    /// local day it started: a routine begun at 23:55 and finished after
    /// midnight belongs to the evening it was begun in (data review §1 #3).
    pub fn finish(
        &self,
        now_ms: i64,
        day_of: impl Fn(i64) -> NaiveDate,
        pain_after: Option<Pain>,
    ) -> SessionRecord {
        let timeline = self.timeline();
        let position = self.position(&timeline, now_ms);
        let ended_ms = position
            .finished_at_ms
            .or(self.ended_early_ms)
            .unwrap_or(now_ms);
        SessionRecord {
            started_ms: self.started_ms,
            ended_ms,
            day: day_of(self.started_ms),
            plan: self.plan.name.clone(),
            planned_secs: (timeline.total_ms() / 1000) as u32,
            done_percent: percent_done(position.done_fraction),
            pain_before: self.pain_before,
            pain_after,
            plan_key: Some(plan_log::key_of(&self.plan.steps)),
            extended_secs: self.extended_secs(ended_ms),
            hurt: Vec::new(),
            added_ms: None,
        }
    }

    /// Seconds added with "+15 s" so far, which make the session longer
    /// than planned on the player's "left of" line.
    pub fn extra_secs(&self) -> i64 {
        i64::from(self.extended_secs(i64::MAX))
    }

    /// Seconds added with "+15 s" before `ended_ms` (taps after the end
    /// change nothing, as the timeline ignores them too).
    fn extended_secs(&self, ended_ms: i64) -> u32 {
        self.controls
            .iter()
            .filter(|c| c.at_ms <= ended_ms)
            .map(|c| match c.action {
                Action::Extend { secs } => secs,
                _ => 0,
            })
            .fold(0, u32::saturating_add)
    }
}

/// The whole percent of the planned routine time done, as it is saved and shown.
pub fn percent_done(done_fraction: f64) -> u8 {
    (done_fraction * 100.0).round() as u8
}

/// Whether `done_percent` of a routine is enough for the day to count in
/// the streak: the rounded figure the patient sees decides, never the
/// unrounded share.
pub fn share_counts(done_percent: u8) -> bool {
    f64::from(done_percent) >= STREAK_SHARE * 100.0
}

/// One session as kept in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    /// Start time in ms since the epoch; also the record's identity.
    pub started_ms: i64,
    pub ended_ms: i64,
    /// Local calendar day the session ended on.
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    /// Name of the plan it followed.
    pub plan: String,
    pub planned_secs: u32,
    /// Share of the planned routine time run through, 0–100.
    pub done_percent: u8,
    pub pain_before: Option<Pain>,
    pub pain_after: Option<Pain>,
    /// Key of the routine's steps in the journal's plan log (absent in
    /// sessions saved before version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_key: Option<String>,
    /// Seconds added with "+15 s" during the session: the dose a patient
    /// adds when a routine stops giving relief (absent when none, and in
    /// sessions saved before it was kept).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extended_secs: u32,
    /// Ids of the exercises the patient said hurt, answered after pain
    /// rose (absent when none, and before version 7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hurt: Vec<String>,
    /// When the patient filled this day in afterwards, for a routine done
    /// without the app: kept so the history says "added later", and so no
    /// follow-up question or hurt mark treats it as a routine the player
    /// ran (absent for those, and before version 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_ms: Option<i64>,
}

fn is_zero(secs: &u32) -> bool {
    *secs == 0
}

impl SessionRecord {
    /// A full seed-routine session from 07:00 UTC on `day`, without pain
    /// scores: the base the tests' histories are built from.
    #[cfg(test)]
    pub fn sample(day: NaiveDate) -> SessionRecord {
        let midnight = day
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        let started_ms = midnight + 7 * 3_600_000;
        SessionRecord {
            started_ms,
            ended_ms: started_ms + 1_080_000,
            day,
            plan: "Daily spine routine".into(),
            planned_secs: 1080,
            done_percent: 100,
            pain_before: None,
            pain_after: None,
            plan_key: None,
            extended_secs: 0,
            hurt: Vec::new(),
            added_ms: None,
        }
    }

    /// Enough of the routine was done for the day to count in the streak.
    pub fn counts_for_streak(&self) -> bool {
        share_counts(self.done_percent)
    }

    /// Seconds of exercise done: the planned time times the share done,
    /// plus any "+15 s" added.
    pub fn dose_secs(&self) -> u32 {
        self.planned_secs * u32::from(self.done_percent) / 100 + self.extended_secs
    }

    /// Points of pain relief from before to after, when both were given.
    pub fn relief(&self) -> Option<i32> {
        Some(i32::from(self.pain_before?.score()) - i32::from(self.pain_after?.score()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::day::local_day;

    const T0: i64 = 1_795_600_000_000;
    const MIN: i64 = 60_000;
    /// The seed routine's length: 17 min 55 s.
    const SEED_MS: i64 = 1_075_000;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_full_session_records_its_planned_end_and_pain_scores() {
        let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), T0);
        session.pain_before = Pain::new(6);
        let record = session.finish(T0 + 40 * MIN, |_| today(), Pain::new(3));
        assert_eq!(record.ended_ms, T0 + SEED_MS);
        assert_eq!(record.done_percent, 100);
        assert_eq!(record.planned_secs, 1075);
        assert_eq!(
            (record.pain_before, record.pain_after),
            (Pain::new(6), Pain::new(3))
        );
        assert!(record.counts_for_streak());
    }

    #[test]
    fn ending_early_keeps_a_partial_session_that_does_not_count() {
        let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), T0);
        session.ended_early_ms = Some(T0 + 9 * MIN);
        let record = session.finish(T0 + 12 * MIN, |_| today(), None);
        assert_eq!(record.ended_ms, T0 + 9 * MIN);
        assert!(record.done_percent < 80, "{}", record.done_percent);
        assert!(!record.counts_for_streak());
    }

    #[test]
    fn carry_on_after_end_now_resumes_from_the_second_it_stopped() {
        let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), T0);
        let timeline = session.timeline();
        let left = |s: &ActiveSession, at_ms| s.position(&timeline, at_ms).session_left_ms;
        session.end_early(T0 + 5 * MIN);
        let stopped = left(&session, T0 + 5 * MIN);
        assert_eq!(
            left(&session, T0 + 9 * MIN),
            stopped,
            "ended: time stands still"
        );
        session.carry_on(T0 + 9 * MIN);
        assert_eq!(session.ended_early_ms, None);
        assert_eq!(left(&session, T0 + 9 * MIN), stopped);
        assert_eq!(
            left(&session, T0 + 10 * MIN),
            stopped - MIN,
            "and runs again"
        );
    }

    #[test]
    fn the_streak_counts_from_the_rounded_percent_shown() {
        assert_eq!(percent_done(0.795), 80);
        assert!(share_counts(percent_done(0.795)));
        assert_eq!(percent_done(0.794), 79);
        assert!(!share_counts(79));
        assert_eq!(percent_done(1.0), 100);
    }

    #[test]
    fn a_session_is_dated_by_the_day_it_ended_not_the_day_it_was_saved() {
        let session = ActiveSession::start(Plan::seed(), Pacing::default(), T0);
        let saved_next_day = T0 + 24 * 60 * MIN;
        let record = session.finish(saved_next_day, |ms| local_day(ms, 0), None);
        assert_eq!(record.day, local_day(T0 + SEED_MS, 0));
        assert_ne!(record.day, local_day(saved_next_day, 0));
    }

    #[test]
    fn extra_time_tapped_before_the_end_is_kept_as_dose() {
        let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), T0);
        session.act(Action::Extend { secs: 15 }, T0 + MIN);
        session.act(Action::Extend { secs: 15 }, T0 + 2 * MIN);
        // After the routine has ended: the timeline ignores it, so does the record.
        session.act(Action::Extend { secs: 15 }, T0 + 30 * MIN);
        assert_eq!(
            session.extra_secs(),
            45,
            "every tap lengthens the session shown"
        );
        let record = session.finish(T0 + 40 * MIN, |_| today(), None);
        assert_eq!(record.extended_secs, 30);
        assert_eq!(record.dose_secs(), 1075 + 30);
    }

    #[test]
    fn a_record_without_extra_time_keeps_the_old_layout() {
        let record = SessionRecord::sample(today());
        let json = serde_json::to_string(&record).unwrap();
        assert!(!json.contains("extended_secs"), "{json}");
        let back: SessionRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
        let extended = SessionRecord {
            extended_secs: 45,
            ..record
        };
        let json = serde_json::to_string(&extended).unwrap();
        assert_eq!(
            serde_json::from_str::<SessionRecord>(&json).unwrap(),
            extended
        );
    }

    #[test]
    fn the_eighty_percent_rule_is_inclusive() {
        let record = |done_percent| SessionRecord {
            started_ms: T0,
            ended_ms: T0,
            day: today(),
            plan: "p".into(),
            planned_secs: 60,
            done_percent,
            pain_before: None,
            pain_after: None,
            plan_key: None,
            extended_secs: 0,
            hurt: Vec::new(),
            added_ms: None,
        };
        assert!(record(80).counts_for_streak());
        assert!(!record(79).counts_for_streak());
    }
}
