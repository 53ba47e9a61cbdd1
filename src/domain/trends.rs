//! Pain over time and what each session did for it, worked out from the
//! journal for a range of days. Everything is a single pass over the range's
//! records, so a year of ten years' history is summed in well under a millisecond.

use super::day::Span;
use super::decimal::Tenths;
use super::exercise;
use super::followup::FollowUpKind;
use super::journal::Journal;
use super::phase::Phase;
use super::session::SessionRecord;
use super::sort;

/// Days averaged in the rolling pain average.
pub const ROLLING_DAYS: usize = 7;
/// Sessions a group needs before its average relief is shown: fewer is noise.
pub const MIN_GROUP: u32 = 3;

/// Sessions that ended on a day in `span` (the journal is oldest first).
pub fn sessions_in(journal: &Journal, span: Span) -> &[SessionRecord] {
    let sessions = &journal.sessions;
    let start = sessions.partition_point(|s| s.day < span.from);
    let end = sessions.partition_point(|s| s.day <= span.to);
    &sessions[start..end.max(start)]
}

/// Each day's pain score in `span`, `None` where none was given. A day's
/// score is its check-in; without one, the morning-after answer given that
/// day; without that, the score before the day's first session.
pub fn daily_pain(journal: &Journal, span: Span) -> Vec<Option<u8>> {
    let mut pain = vec![None; span.day_count()];
    let before_span = Span {
        from: span.from.pred_opt().unwrap_or(span.from),
        to: span.to,
    };
    for session in sessions_in(journal, span).iter().rev() {
        if let (Some(at), Some(before)) = (span.offset(session.day), session.pain_before) {
            pain[at] = Some(before.score());
        }
    }
    for session in sessions_in(journal, before_span) {
        let morning = journal.followup(session.started_ms, FollowUpKind::NextMorning);
        if let Some(answer) = morning.and_then(|a| a.pain)
            && let Some(at) = session.day.succ_opt().and_then(|d| span.offset(d))
        {
            pain[at] = Some(answer.score());
        }
    }
    let start = journal.checkins.partition_point(|c| c.day < span.from);
    for checkin in journal.checkins[start..]
        .iter()
        .take_while(|c| c.day <= span.to)
    {
        if let Some(at) = span.offset(checkin.day) {
            pain[at] = Some(checkin.pain.score());
        }
    }
    pain
}

/// The mean of the scores given in each day's last `window` days (that day
/// included); `None` where none were given.
pub fn rolling_mean(daily: &[Option<u8>], window: usize) -> Vec<Option<f32>> {
    let (mut sum, mut count) = (0u32, 0u32);
    let mut means = Vec::with_capacity(daily.len());
    for (at, score) in daily.iter().enumerate() {
        if let Some(score) = score {
            sum += u32::from(*score);
            count += 1;
        }
        if at >= window
            && let Some(gone) = daily[at - window]
        {
            sum -= u32::from(gone);
            count -= 1;
        }
        means.push((count > 0).then(|| sum as f32 / count as f32));
    }
    means
}

/// The mean of the scores given, if any.
pub fn mean(scores: impl IntoIterator<Item = u8>) -> Option<f32> {
    let (sum, count) = scores
        .into_iter()
        .fold((0u32, 0u32), |(s, c), x| (s + u32::from(x), c + 1));
    (count > 0).then(|| sum as f32 / count as f32)
}

/// A change in average pain of at least this many points…
pub const MEANINGFUL_POINTS: f32 = 2.0;
/// …and at least this share of the starting pain is one patients notice
/// as real (Farrar 2001: about 2 points or 30 % on a 0–10 scale). Both
/// must be met, so a high start needs more than 2 points.
pub const MEANINGFUL_SHARE: f32 = 0.3;

/// Whether average pain going from `start` to `end` (either way) meets the
/// meaningful-change mark; the report and warning sign 4 both use it.
pub fn meaningful_change(start: f32, end: f32) -> bool {
    (end - start).abs() >= MEANINGFUL_POINTS.max(MEANINGFUL_SHARE * start)
}

/// Average relief (pain before − after) over a group of sessions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relief {
    pub sessions: u32,
    /// Points of pain, positive when the pain eased.
    pub mean: f32,
}

impl Relief {
    /// The relief of the sessions with both scores, if any.
    pub fn of<'a>(sessions: impl IntoIterator<Item = &'a SessionRecord>) -> Option<Relief> {
        let (sum, count) = sessions
            .into_iter()
            .filter_map(SessionRecord::relief)
            .fold((0i32, 0u32), |(s, c), r| (s + r, c + 1));
        (count > 0).then(|| Relief {
            sessions: count,
            mean: sum as f32 / count as f32,
        })
    }

    /// "2.5 points lower after (12 sessions)".
    pub fn describe(self) -> String {
        let sessions = if self.sessions == 1 {
            "session"
        } else {
            "sessions"
        };
        let direction = if self.mean >= 0.0 { "lower" } else { "higher" };
        format!(
            "{} points {direction} after ({} {sessions})",
            Tenths::of(self.mean.abs().into()),
            self.sessions
        )
    }

    fn enough(self) -> bool {
        self.sessions >= MIN_GROUP
    }
}

/// Relief in sessions that included an exercise, against those that did not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExerciseRelief {
    pub exercise: &'static exercise::Exercise,
    pub with: Relief,
    pub without: Relief,
}

/// For each exercise that some logged sessions ran and others did not (the
/// routine changed), the relief with and without it; only where both
/// groups have enough sessions. Biggest difference first.
pub fn relief_by_exercise(journal: &Journal, span: Span) -> Vec<ExerciseRelief> {
    let logged: Vec<(&SessionRecord, &[_])> = sessions_in(journal, span)
        .iter()
        .filter(|s| s.relief().is_some())
        .filter_map(|s| journal.steps_of(s).map(|steps| (s, steps)))
        .collect();
    let mut found: Vec<ExerciseRelief> = exercise::LIBRARY
        .iter()
        .filter_map(|exercise| {
            let ran = |steps: &[super::plan::Step]| steps.iter().any(|s| s.exercise == exercise.id);
            let with = Relief::of(logged.iter().filter(|(_, st)| ran(st)).map(|(s, _)| *s))?;
            let without = Relief::of(logged.iter().filter(|(_, st)| !ran(st)).map(|(s, _)| *s))?;
            (with.enough() && without.enough()).then_some(ExerciseRelief {
                exercise,
                with,
                without,
            })
        })
        .collect();
    sort::sort_by(&mut found, |a, b| {
        (b.with.mean - b.without.mean).total_cmp(&(a.with.mean - a.without.mean))
    });
    found
}

/// Relief by whole minutes spent in one phase, for phases whose time varied.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseRelief {
    pub phase: Phase,
    /// (minutes in the phase, relief), fewest minutes first.
    pub by_minutes: Vec<(u32, Relief)>,
}

/// For each phase given different amounts of time across logged sessions,
/// the relief at each amount; only amounts with enough sessions, and only
/// phases with at least two such amounts to compare.
pub fn relief_by_phase(journal: &Journal, span: Span) -> Vec<PhaseRelief> {
    Phase::ALL
        .into_iter()
        .filter_map(|phase| {
            // (minutes, sessions), fewest minutes first.
            let mut groups: Vec<(u32, Vec<&SessionRecord>)> = Vec::new();
            for session in sessions_in(journal, span) {
                if let Some(steps) = journal.steps_of(session) {
                    let minutes = phase_minutes(steps, phase);
                    match groups.binary_search_by_key(&minutes, |(m, _)| *m) {
                        Ok(at) => groups[at].1.push(session),
                        Err(at) => groups.insert(at, (minutes, vec![session])),
                    }
                }
            }
            let by_minutes: Vec<(u32, Relief)> = groups
                .into_iter()
                .filter_map(|(minutes, group)| {
                    Relief::of(group)
                        .filter(|r| r.enough())
                        .map(|r| (minutes, r))
                })
                .collect();
            (by_minutes.len() >= 2).then_some(PhaseRelief { phase, by_minutes })
        })
        .collect()
}

/// Whole minutes of work a routine gives to `phase` (both sides counted).
fn phase_minutes(steps: &[super::plan::Step], phase: Phase) -> u32 {
    let secs: u32 = steps
        .iter()
        .filter_map(|step| exercise::by_id(&step.exercise).map(|e| (step, e)))
        .filter(|(_, e)| e.phase == phase)
        .map(|(step, e)| step.work_secs(e))
        .sum();
    (secs + 30) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::followup::FollowUp;
    use crate::domain::pain::Pain;
    use crate::domain::plan::Plan;
    use crate::domain::plan_log;

    use crate::domain::testing::{self, day};

    fn session(d: u32, before: Option<u8>, after: Option<u8>) -> SessionRecord {
        SessionRecord {
            pain_before: before.and_then(Pain::new),
            pain_after: after.and_then(Pain::new),
            ..SessionRecord::sample(day(d))
        }
    }

    fn checkin(d: u32, pain: u8) -> CheckIn {
        testing::checkin(d, pain, 0)
    }

    #[test]
    fn a_days_pain_is_its_checkin_else_the_morning_after_else_before_the_session() {
        let mut journal = Journal::with_sessions([
            session(2, Some(6), Some(3)),
            session(3, Some(7), Some(4)),
            session(4, Some(5), None),
        ]);
        journal.check_in(checkin(3, 2));
        journal.answer(FollowUp {
            session: journal.sessions[0].started_ms,
            kind: FollowUpKind::NextMorning,
            pain: Pain::new(8),
            answered_ms: 0,
            clock: 0,
        });
        journal.answer(FollowUp {
            session: journal.sessions[2].started_ms,
            kind: FollowUpKind::NextMorning,
            pain: None,
            answered_ms: 0,
            clock: 0,
        });
        let span = Span::ending(day(5), 5);
        assert_eq!(
            daily_pain(&journal, span),
            [None, Some(6), Some(2), Some(5), None]
        );
    }

    #[test]
    fn the_morning_after_the_day_before_the_range_counts_on_its_first_day() {
        let mut journal = Journal::with_sessions([session(1, Some(6), Some(3))]);
        journal.answer(FollowUp {
            session: journal.sessions[0].started_ms,
            kind: FollowUpKind::NextMorning,
            pain: Pain::new(4),
            answered_ms: 0,
            clock: 0,
        });
        assert_eq!(daily_pain(&journal, Span::ending(day(2), 1)), [Some(4)]);
    }

    #[test]
    fn the_rolling_mean_skips_days_without_a_score_and_drops_old_days() {
        let daily = [Some(4), None, Some(8), Some(6), None];
        let means = rolling_mean(&daily, 3);
        assert_eq!(
            means,
            [Some(4.0), Some(4.0), Some(6.0), Some(7.0), Some(7.0)]
        );
        assert_eq!(rolling_mean(&[None, None], 7), [None, None]);
    }

    #[test]
    fn a_meaningful_change_needs_two_points_and_thirty_percent() {
        assert!(meaningful_change(5.0, 3.0), "2 points, 40 %");
        assert!(meaningful_change(3.0, 5.0), "rises count too");
        assert!(!meaningful_change(5.0, 3.1), "1.9 points");
        assert!(!meaningful_change(8.0, 6.0), "2 points is 25 % of 8");
        assert!(meaningful_change(8.0, 5.5), "2.5 points, 31 %");
        assert!(!meaningful_change(0.0, 1.5));
    }

    #[test]
    fn relief_counts_only_sessions_with_both_scores() {
        let sessions = [
            session(1, Some(6), Some(3)),
            session(2, Some(5), None),
            session(3, Some(4), Some(5)),
        ];
        let relief = Relief::of(&sessions).unwrap();
        assert_eq!((relief.sessions, relief.mean), (2, 1.0));
        assert_eq!(relief.describe(), "1.0 points lower after (2 sessions)");
        let worse = Relief::of(&sessions[2..]).unwrap();
        assert_eq!(worse.describe(), "1.0 points higher after (1 session)");
        assert_eq!(Relief::of(&sessions[1..2]), None);
    }

    /// Sessions 1–6 ran the seed; 7–12 a routine without the dead hang.
    fn varied_journal() -> Journal {
        let seed = Plan::seed().steps;
        let no_hang: Vec<_> = seed[1..].to_vec();
        let mut journal = Journal::default();
        journal.remember_plan(&seed);
        journal.remember_plan(&no_hang);
        for d in 1..=12 {
            let (steps, after) = if d <= 6 { (&seed, 2) } else { (&no_hang, 5) };
            let mut s = session(d, Some(6), Some(after));
            s.plan_key = Some(plan_log::key_of(steps));
            journal.record(s);
        }
        journal
    }

    #[test]
    fn an_exercise_is_compared_only_when_some_sessions_ran_it_and_some_did_not() {
        let journal = varied_journal();
        let found = relief_by_exercise(&journal, Span::ending(day(12), 12));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].exercise.id, "dead-hang");
        assert_eq!((found[0].with.mean, found[0].without.mean), (4.0, 1.0));
        // Too few sessions on either side: nothing to say yet.
        assert!(relief_by_exercise(&journal, Span::ending(day(8), 8)).is_empty());
    }

    #[test]
    fn phase_time_that_varied_is_compared_by_minutes() {
        let journal = varied_journal();
        let found = relief_by_phase(&journal, Span::ending(day(12), 12));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].phase, Phase::Decompress);
        let minutes: Vec<u32> = found[0].by_minutes.iter().map(|(m, _)| *m).collect();
        assert_eq!(minutes, [4, 6]);
    }

    #[test]
    fn sessions_in_a_span_are_found_by_day() {
        let journal = Journal::with_sessions((1..=9).map(|d| session(d, None, None)));
        let found = sessions_in(&journal, Span::ending(day(6), 3));
        let days: Vec<_> = found.iter().map(|s| s.day).collect();
        assert_eq!(days, [day(4), day(5), day(6)]);
        assert!(sessions_in(&journal, Span::ending(day(30), 3)).is_empty());
    }
}
