//! The figures on the clinician report, for a chosen range of days.

use chrono::NaiveDate;

use super::followup::FollowUpKind;
use super::journal::{DayOff, Journal};
use super::session::SessionRecord;
use super::trends::{self, Relief, Span};
use super::warning::{self, Sign};

/// Days averaged for the pain at the start and at the end of the range.
const EDGE_DAYS: usize = 7;

/// What the report says about a range.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub span: Span,
    /// Days from the first record (or the range's start, if later) to its
    /// end on which a routine was due: not flare days, not the rest days the
    /// streak excuses (one in any 7), and not an unfinished today.
    pub due_days: usize,
    /// Days with a counted routine.
    pub done_days: usize,
    pub rest_days: usize,
    pub flare_days: usize,
    pub sessions: usize,
    pub streak: u32,
    pub best_streak: u32,
    /// Average relief per session, before − after.
    pub relief: Option<Relief>,
    /// Average daily pain over the first and the last week with scores.
    pub pain_start: Option<f32>,
    pub pain_end: Option<f32>,
    /// Warning signs that fired in the range, with the first day seen.
    pub signs: Vec<(Sign, NaiveDate)>,
    /// The follow-up answers behind the warning signs.
    pub hour_later: FollowUps,
    pub next_morning: FollowUps,
}

/// How the pain compared after sessions that got a follow-up answer.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FollowUps {
    /// Sessions with both a score before and this follow-up answer.
    pub answered: usize,
    /// Of those, how many were back to within a point of the score before, or above it.
    pub back: usize,
}

impl FollowUps {
    fn of(journal: &Journal, sessions: &[SessionRecord], kind: FollowUpKind) -> FollowUps {
        let pairs = sessions.iter().filter_map(|s| {
            let before = s.pain_before?.score();
            let answer = journal.followup(s.started_ms, kind)?.pain?.score();
            Some((before, answer))
        });
        pairs.fold(FollowUps::default(), |total, (before, answer)| FollowUps {
            answered: total.answered + 1,
            back: total.back + usize::from(answer + 1 >= before),
        })
    }
}

impl Summary {
    /// Share of due days with a counted routine, 0–100.
    pub fn adherence_percent(&self) -> u32 {
        if self.due_days == 0 {
            return 0;
        }
        (self.done_days as f32 * 100.0 / self.due_days as f32).round() as u32
    }
}

/// The report's figures for `span`, as of `today`.
pub fn summarize(journal: &Journal, span: Span, today: NaiveDate) -> Summary {
    let daily = trends::daily_pain(journal, span);
    let scored: Vec<u8> = daily.iter().flatten().copied().collect();
    let (done_days, due_days) = journal.first_day().map_or((0, 0), |first| {
        journal.adherence(first.max(span.from), span.to, today)
    });
    let days = (0..span.day_count()).map(|at| span.day(at));
    let count_off = |kind| {
        days.clone()
            .filter(|d| journal.day_off(*d) == Some(kind))
            .count()
    };
    let sessions = trends::sessions_in(journal, span);
    Summary {
        span,
        due_days,
        done_days,
        rest_days: count_off(DayOff::Rest),
        flare_days: count_off(DayOff::Flare),
        sessions: sessions.len(),
        streak: journal.streak(span.to),
        best_streak: journal.best_streak(span.to),
        relief: Relief::of(sessions),
        pain_start: trends::mean(scored.iter().take(EDGE_DAYS).copied()),
        pain_end: trends::mean(scored.iter().rev().take(EDGE_DAYS).copied()),
        signs: warning::seen(journal, span),
        hour_later: FollowUps::of(journal, sessions, FollowUpKind::HourLater),
        next_morning: FollowUps::of(journal, sessions, FollowUpKind::NextMorning),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pain::Pain;
    use crate::domain::session::SessionRecord;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn session(d: u32, before: u8, after: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(before),
            pain_after: Pain::new(after),
            ..SessionRecord::sample(day(d))
        }
    }

    #[test]
    fn adherence_counts_due_days_from_the_first_record_not_the_range_start() {
        let mut journal =
            Journal::with_sessions((11..=20).filter(|d| d % 5 != 0).map(|d| session(d, 6, 4)));
        journal.mark_day(day(15), Some(DayOff::Flare));
        let summary = summarize(&journal, Span::ending(day(20), 30), day(21));
        // From the 11th: the flare day (15th) is not due; the 20th was missed.
        assert_eq!(summary.due_days, 9);
        assert_eq!(summary.done_days, 8);
        assert_eq!(summary.adherence_percent(), 89);
        assert_eq!((summary.flare_days, summary.rest_days), (1, 0));
        assert_eq!(summary.sessions, 8);
        assert_eq!(summary.relief.map(|r| r.mean), Some(2.0));
        assert_eq!(
            summary.streak, 8,
            "the 20th may still be trained; the flare day keeps the chain"
        );
        assert_eq!(summary.best_streak, 8);
    }

    #[test]
    fn pain_at_the_start_and_end_average_the_first_and_last_scored_week() {
        let journal =
            Journal::with_sessions((1..=20).map(|d| session(d, if d <= 10 { 7 } else { 3 }, 2)));
        let summary = summarize(&journal, Span::ending(day(20), 20), day(20));
        assert_eq!(
            (summary.pain_start, summary.pain_end),
            (Some(7.0), Some(3.0))
        );
    }

    #[test]
    fn follow_up_answers_count_how_often_the_pain_was_back() {
        let mut journal = Journal::with_sessions((1..=3).map(|d| session(d, 6, 3)));
        for (at, pain) in [(0, 5), (1, 2), (2, 7)] {
            let answer = crate::domain::followup::FollowUp {
                session: journal.sessions[at].started_ms,
                kind: FollowUpKind::HourLater,
                pain: Pain::new(pain),
                answered_ms: 0,
            };
            journal.answer(answer);
        }
        let summary = summarize(&journal, Span::ending(day(3), 3), day(3));
        assert_eq!(
            summary.hour_later,
            FollowUps {
                answered: 3,
                back: 2
            }
        );
        assert_eq!(summary.next_morning, FollowUps::default());
    }

    #[test]
    fn an_empty_history_reports_nothing_rather_than_zeroes_that_look_like_data() {
        let summary = summarize(&Journal::default(), Span::ending(day(20), 30), day(20));
        assert_eq!(summary.adherence_percent(), 0);
        assert_eq!((summary.pain_start, summary.relief), (None, None));
        assert!(summary.signs.is_empty());
    }
}
