//! Follow-up questions after a routine: is the pain back an hour later, and
//! how does the back feel the next morning? A web app cannot wake the phone
//! to ask, so a question is shown when the patient next opens the app while
//! its window is open, and quietly lapses when the window has passed.

use chrono::{Days, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::day::Span;
use super::pain::Pain;
use super::session::SessionRecord;

/// Which follow-up question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FollowUpKind {
    /// About an hour after the routine: is the pain back?
    HourLater,
    /// The morning after: how do you feel today?
    NextMorning,
}

/// The answer to a follow-up question, linked to its session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// `started_ms` of the session it follows.
    pub session: i64,
    pub kind: FollowUpKind,
    /// `None` when the patient chose "Not now": the question is not asked again.
    pub pain: Option<Pain>,
    pub answered_ms: i64,
    /// Logical clock of the answer (see [`Journal::answer`]), so two tabs
    /// agree on which answer stands whatever their wall clocks say; 0 for
    /// answers saved before version 6.
    ///
    /// [`Journal::answer`]: super::journal::Journal::answer
    #[serde(default, skip_serializing_if = "is_zero")]
    pub clock: u64,
}

fn is_zero(clock: &u64) -> bool {
    *clock == 0
}

impl FollowUp {
    /// Which of two answers to the same question stands after a merge: the
    /// later by logical clock, then by wall clock, then by content, so every
    /// copy picks the same one (data review §4 #4: a wall clock set right
    /// between two answers must not decide).
    pub fn later_answer<'a>(&'a self, other: &'a FollowUp) -> &'a FollowUp {
        let key = |a: &FollowUp| (a.clock, a.answered_ms, a.pain);
        if key(other) > key(self) { other } else { self }
    }
}

/// The hour-later question opens this long after the routine ended…
pub const HOUR_LATER_OPENS_MS: i64 = 45 * 60_000;
/// …and lapses this long after (pain "back within about an hour" is the
/// question; three hours later it is another question).
pub const HOUR_LATER_CLOSES_MS: i64 = 3 * 60 * 60_000;
/// The morning-after question is asked on the next local day, 04:00 to noon.
pub const MORNING: std::ops::Range<NaiveTime> =
    NaiveTime::from_hms_opt(4, 0, 0).unwrap()..NaiveTime::from_hms_opt(12, 0, 0).unwrap();

/// The morning reminder rings at 8:00, well inside [`MORNING`].
const MORNING_REMINDER: NaiveTime = NaiveTime::from_hms_opt(8, 0, 0).unwrap();

/// A question to ask now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due<'a> {
    pub kind: FollowUpKind,
    pub session: &'a SessionRecord,
}

impl FollowUpKind {
    /// The question as the patient reads it.
    pub fn question(self) -> &'static str {
        match self {
            FollowUpKind::HourLater => "About an hour since your routine: is the pain back?",
            FollowUpKind::NextMorning => "The morning after your routine: how do you feel today?",
        }
    }

    /// Short name for tables and the report.
    pub fn label(self) -> &'static str {
        match self {
            FollowUpKind::HourLater => "1 hour later",
            FollowUpKind::NextMorning => "next morning",
        }
    }
}

/// The question to ask at `now_ms`, if any: the hour-later question for the
/// latest session while its window is open, else the morning question for
/// yesterday's last session. `local` gives the local date and time of an
/// instant. Sessions that already have that answer (or a "Not now") are skipped.
pub fn due<'a>(
    sessions: &'a [SessionRecord],
    answers: &[FollowUp],
    now_ms: i64,
    local: impl Fn(i64) -> NaiveDateTime,
) -> Option<Due<'a>> {
    let answered = |session: &SessionRecord, kind| {
        answers
            .iter()
            .any(|a| a.session == session.started_ms && a.kind == kind)
    };
    // A routine ended in its first seconds asks nothing, and nor does a
    // day filled in afterwards: no routine ran for the questions to follow.
    let latest = sessions
        .last()
        .filter(|s| s.done_percent > 0 && s.added_ms.is_none())?;
    let since_end = now_ms - latest.ended_ms;
    if (HOUR_LATER_OPENS_MS..=HOUR_LATER_CLOSES_MS).contains(&since_end)
        && !answered(latest, FollowUpKind::HourLater)
    {
        return Some(Due {
            kind: FollowUpKind::HourLater,
            session: latest,
        });
    }
    let now = local(now_ms);
    if !MORNING.contains(&now.time()) {
        return None;
    }
    // Once today's routine is done, how the back feels reflects it, not yesterday's.
    let yesterday = now.date().checked_sub_days(Days::new(1))?;
    (latest.day == yesterday && !answered(latest, FollowUpKind::NextMorning)).then_some(Due {
        kind: FollowUpKind::NextMorning,
        session: latest,
    })
}

/// When a calendar reminder to answer `kind` rings, for a routine that
/// ended at `ended` (local time): an hour on, inside the window that opens
/// at 45 minutes; or 8:00 the next day, inside the morning window.
pub fn reminder_at(kind: FollowUpKind, ended: NaiveDateTime) -> NaiveDateTime {
    match kind {
        FollowUpKind::HourLater => ended + TimeDelta::hours(1),
        FollowUpKind::NextMorning => (ended.date() + Days::new(1)).and_time(MORNING_REMINDER),
    }
}

/// How often one follow-up question was answered: of the times it was
/// asked and its window has closed, those answered and those skipped with
/// "Not now" (the clinical review §4.2: skips counted apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerRate {
    pub asked: usize,
    pub answered: usize,
    pub skipped: usize,
}

impl AnswerRate {
    /// "8 of 12 (2 skipped)": answered, of those asked.
    pub fn describe(self) -> String {
        if self.asked == 0 {
            return "not asked yet".into();
        }
        let skipped = match self.skipped {
            0 => String::new(),
            n => format!(" ({n} skipped)"),
        };
        format!("{} of {}{skipped}", self.answered, self.asked)
    }
}

/// The answer rate of `kind` for the sessions of `span`, as of `now_ms`,
/// counting each question as [`due`] asks it: an answer or a skip counts
/// whenever given; a question left unanswered counts once its window has
/// closed, if it was ever open (a routine followed by another before the
/// window opened was never asked about, so it is not held against the patient).
pub fn answer_rate(
    kind: FollowUpKind,
    sessions: &[SessionRecord],
    answers: &[FollowUp],
    span: Span,
    now_ms: i64,
    local: impl Fn(i64) -> NaiveDateTime,
) -> AnswerRate {
    let now = local(now_ms);
    let mut rate = AnswerRate::default();
    for (at, session) in sessions.iter().enumerate() {
        if span.offset(session.day).is_none()
            || session.done_percent == 0
            || session.added_ms.is_some()
        {
            continue;
        }
        let next = sessions.get(at + 1);
        let given = answers
            .iter()
            .find(|a| a.session == session.started_ms && a.kind == kind);
        if let Some(given) = given {
            rate.asked += 1;
            match given.pain {
                Some(_) => rate.answered += 1,
                None => rate.skipped += 1,
            }
            continue;
        }
        // Until the next routine is saved, this one is the latest and asked about.
        let (opened, closed) = match kind {
            FollowUpKind::HourLater => {
                let opens = session.ended_ms + HOUR_LATER_OPENS_MS;
                (
                    next.is_none_or(|n| n.ended_ms > opens),
                    next.is_some() || now_ms > session.ended_ms + HOUR_LATER_CLOSES_MS,
                )
            }
            FollowUpKind::NextMorning => {
                let morning = session.day + Days::new(1);
                (
                    next.is_none_or(|n| local(n.ended_ms) >= morning.and_time(MORNING.start)),
                    next.is_some() || now >= morning.and_time(MORNING.end),
                )
            }
        };
        rate.asked += usize::from(opened && closed);
    }
    rate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::day::local_day;

    const MIN: i64 = 60_000;
    // 2026-11-24T07:00:00Z; London is on UTC in November.
    const TUESDAY_7AM: i64 = 1_795_503_600_000;

    fn london(ms: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp_millis(ms)
            .unwrap()
            .naive_utc()
    }

    fn session(ended_ms: i64) -> SessionRecord {
        SessionRecord {
            started_ms: ended_ms - 18 * MIN,
            ended_ms,
            day: local_day(ended_ms, 0),
            plan: "Daily spine routine".into(),
            planned_secs: 1080,
            done_percent: 100,
            pain_before: Pain::new(6),
            pain_after: Pain::new(3),
            plan_key: None,
            extended_secs: 0,
            hurt: Vec::new(),
            added_ms: None,
        }
    }

    fn answer(session: &SessionRecord, kind: FollowUpKind) -> FollowUp {
        FollowUp {
            session: session.started_ms,
            kind,
            pain: Pain::new(4),
            answered_ms: 0,
            clock: 0,
        }
    }

    #[test]
    fn the_hour_question_opens_at_45_minutes_and_lapses_after_3_hours() {
        let sessions = [session(TUESDAY_7AM)];
        let kind_at = |after: i64| due(&sessions, &[], TUESDAY_7AM + after, london).map(|d| d.kind);
        assert_eq!(kind_at(44 * MIN), None);
        assert_eq!(kind_at(45 * MIN), Some(FollowUpKind::HourLater));
        assert_eq!(kind_at(180 * MIN), Some(FollowUpKind::HourLater));
        assert_eq!(kind_at(181 * MIN), None);
    }

    #[test]
    fn an_answered_or_dismissed_question_is_not_asked_again() {
        let sessions = [session(TUESDAY_7AM)];
        let mut not_now = answer(&sessions[0], FollowUpKind::HourLater);
        not_now.pain = None;
        assert_eq!(
            due(&sessions, &[not_now], TUESDAY_7AM + 60 * MIN, london),
            None
        );
    }

    #[test]
    fn the_morning_question_is_for_yesterdays_session_until_noon() {
        let sessions = [session(TUESDAY_7AM)];
        let wednesday_8am = TUESDAY_7AM + 25 * 60 * MIN;
        let asked = due(&sessions, &[], wednesday_8am, london).unwrap();
        assert_eq!(asked.kind, FollowUpKind::NextMorning);
        assert_eq!(asked.session.started_ms, sessions[0].started_ms);
        let wednesday_noon = TUESDAY_7AM + 29 * 60 * MIN;
        assert_eq!(due(&sessions, &[], wednesday_noon, london), None);
        let thursday_8am = wednesday_8am + 24 * 60 * MIN;
        assert_eq!(due(&sessions, &[], thursday_8am, london), None);
        let answered = [answer(&sessions[0], FollowUpKind::NextMorning)];
        assert_eq!(due(&sessions, &answered, wednesday_8am, london), None);
    }

    #[test]
    fn an_evening_routine_is_followed_up_in_the_morning_not_in_the_night() {
        // Ended 22:00 on Tuesday.
        let evening = TUESDAY_7AM + 15 * 60 * MIN;
        let sessions = [session(evening)];
        let at = |after: i64| due(&sessions, &[], evening + after, london).map(|d| d.kind);
        assert_eq!(at(3 * 60 * MIN + 30 * MIN), None, "01:30");
        assert_eq!(at(6 * 60 * MIN), Some(FollowUpKind::NextMorning), "04:00");
    }

    #[test]
    fn the_morning_question_follows_the_local_day_not_utc() {
        // Tokyo, UTC+9: ended at 23:30 local on Tuesday (14:30Z).
        let tokyo = |ms: i64| london(ms + 9 * 60 * MIN);
        let ended = TUESDAY_7AM + 7 * 60 * MIN + 30 * MIN;
        let mut late = session(ended);
        late.day = local_day(ended, 9 * 60);
        let sessions = [late];
        // Wednesday 07:00 Tokyo = Tuesday 22:00Z.
        let asked = due(&sessions, &[], TUESDAY_7AM + 15 * 60 * MIN, tokyo).unwrap();
        assert_eq!(asked.kind, FollowUpKind::NextMorning);
    }

    #[test]
    fn the_morning_question_is_not_asked_after_todays_routine() {
        let wednesday_8am = TUESDAY_7AM + 25 * 60 * MIN;
        let sessions = [session(TUESDAY_7AM), session(wednesday_8am - 30 * MIN)];
        assert_eq!(due(&sessions, &[], wednesday_8am, london), None);
    }

    #[test]
    fn a_day_filled_in_afterwards_asks_nothing() {
        let mut filled = session(TUESDAY_7AM);
        filled.added_ms = Some(TUESDAY_7AM + 20 * 60 * MIN);
        let sessions = [filled];
        assert_eq!(due(&sessions, &[], TUESDAY_7AM + 60 * MIN, london), None);
        assert_eq!(
            due(&sessions, &[], TUESDAY_7AM + 25 * 60 * MIN, london),
            None
        );
    }

    #[test]
    fn a_routine_stopped_at_once_asks_nothing() {
        let mut stopped = session(TUESDAY_7AM);
        stopped.done_percent = 0;
        assert_eq!(due(&[stopped], &[], TUESDAY_7AM + 60 * MIN, london), None);
    }

    #[test]
    fn no_sessions_no_questions() {
        assert_eq!(due(&[], &[], TUESDAY_7AM, london), None);
    }

    #[test]
    fn the_reminders_ring_inside_the_windows_the_questions_are_asked_in() {
        for ended in [
            TUESDAY_7AM,
            TUESDAY_7AM + 15 * 60 * MIN,
            TUESDAY_7AM + 16 * 60 * MIN + 59 * MIN,
        ] {
            let sessions = [session(ended)];
            for kind in [FollowUpKind::HourLater, FollowUpKind::NextMorning] {
                let rings = reminder_at(kind, london(ended));
                let rings_ms = rings.and_utc().timestamp_millis();
                let asked = due(&sessions, &[], rings_ms, london).map(|d| d.kind);
                // An hour-later question takes the place of the morning one
                // only when both are open, which the reminders never ask for.
                assert_eq!(
                    asked,
                    Some(kind),
                    "{kind:?} after a routine ended {}",
                    london(ended)
                );
            }
        }
        let late = london(TUESDAY_7AM + 15 * 60 * MIN);
        assert_eq!(
            reminder_at(FollowUpKind::NextMorning, late).to_string(),
            "2026-11-25 08:00:00"
        );
        assert_eq!(
            reminder_at(FollowUpKind::HourLater, late).to_string(),
            "2026-11-24 23:00:00"
        );
    }

    const DAY: i64 = 24 * 60 * MIN;

    fn rate(
        kind: FollowUpKind,
        sessions: &[SessionRecord],
        answers: &[FollowUp],
        now_ms: i64,
    ) -> AnswerRate {
        let span = Span::ending(local_day(now_ms, 0), 30);
        answer_rate(kind, sessions, answers, span, now_ms, london)
    }

    #[test]
    fn an_answer_and_a_skip_count_apart_and_a_closed_window_counts_as_asked() {
        let sessions = [
            session(TUESDAY_7AM),
            session(TUESDAY_7AM + DAY),
            session(TUESDAY_7AM + 2 * DAY),
        ];
        let mut skip = answer(&sessions[1], FollowUpKind::HourLater);
        skip.pain = None;
        let answers = [answer(&sessions[0], FollowUpKind::HourLater), skip];
        let rate_at = |now| rate(FollowUpKind::HourLater, &sessions, &answers, now);
        // The third routine's window is still open at 2 h: not counted yet…
        assert_eq!(
            rate_at(TUESDAY_7AM + 2 * DAY + 120 * MIN),
            AnswerRate {
                asked: 2,
                answered: 1,
                skipped: 1
            }
        );
        // …and past 3 h it is a question asked and not answered.
        let closed = rate_at(TUESDAY_7AM + 2 * DAY + 181 * MIN);
        assert_eq!(
            closed,
            AnswerRate {
                asked: 3,
                answered: 1,
                skipped: 1
            }
        );
        assert_eq!(closed.describe(), "1 of 3 (1 skipped)");
    }

    #[test]
    fn a_routine_followed_by_another_before_its_window_opened_was_never_asked() {
        let first = session(TUESDAY_7AM);
        let soon = session(TUESDAY_7AM + 40 * MIN);
        let now = TUESDAY_7AM + 2 * DAY;
        assert_eq!(
            rate(FollowUpKind::HourLater, &[first.clone(), soon], &[], now).asked,
            1
        );
        let later = session(TUESDAY_7AM + 50 * MIN);
        assert_eq!(
            rate(FollowUpKind::HourLater, &[first.clone(), later], &[], now).asked,
            2
        );
        // Two routines on one day: only the last is asked about the next morning.
        let evening = session(TUESDAY_7AM + 12 * 60 * MIN);
        assert_eq!(
            rate(FollowUpKind::NextMorning, &[first, evening], &[], now).asked,
            1
        );
    }

    #[test]
    fn the_morning_question_counts_once_its_noon_has_passed() {
        let sessions = [session(TUESDAY_7AM)];
        let wednesday = |hour: i64| TUESDAY_7AM + DAY + (hour - 7) * 60 * MIN;
        assert_eq!(
            rate(FollowUpKind::NextMorning, &sessions, &[], wednesday(11)).asked,
            0
        );
        assert_eq!(
            rate(FollowUpKind::NextMorning, &sessions, &[], wednesday(12)).asked,
            1
        );
        // A routine done on Wednesday morning before the app was opened
        // still leaves Tuesday's question asked (it was due from 04:00).
        let both = [session(TUESDAY_7AM), session(wednesday(6))];
        assert_eq!(
            rate(FollowUpKind::NextMorning, &both, &[], wednesday(11)).asked,
            1
        );
    }

    #[test]
    fn filled_in_days_stopped_routines_and_days_outside_the_range_are_not_counted() {
        let mut filled = session(TUESDAY_7AM);
        filled.added_ms = Some(TUESDAY_7AM + DAY);
        let mut stopped = session(TUESDAY_7AM + DAY);
        stopped.done_percent = 0;
        let old = session(TUESDAY_7AM - 40 * DAY);
        let now = TUESDAY_7AM + 5 * DAY;
        for kind in [FollowUpKind::HourLater, FollowUpKind::NextMorning] {
            let sessions = [old.clone(), filled.clone(), stopped.clone()];
            assert_eq!(rate(kind, &sessions, &[], now), AnswerRate::default());
        }
        assert_eq!(AnswerRate::default().describe(), "not asked yet");
    }
}
