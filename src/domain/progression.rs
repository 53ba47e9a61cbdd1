//! When to offer an exercise's easier or harder way. This follows the
//! pain-monitoring model (Silbernagel et al. 2007; clinical review §3.1
//! item 3 and §5 idea 6): pain up to about 5 out of 10 is acceptable if it
//! has settled by the next morning (the 24-hour rule). Go up a step only
//! after two good sessions in a row, and use the easier way on a day when
//! pain is already above that.

use super::followup::FollowUpKind;
use super::journal::Journal;
use super::pain::Pain;
use super::session::SessionRecord;

/// Pain above this, before or right after a routine, is beyond the
/// acceptable zone of the pain-monitoring model.
pub const ACCEPTABLE_PAIN: u8 = 5;

/// Good sessions in a row with an exercise before its harder way is offered.
pub const GOOD_SESSIONS_FOR_HARDER: usize = 2;

/// Pain this high before a routine: the easier way of each exercise is
/// offered first.
pub fn easier_advised(pain_before: Option<Pain>) -> bool {
    pain_before.is_some_and(|pain| pain.score() > ACCEPTABLE_PAIN)
}

/// How one session with the exercise went, by the 24-hour rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Most of it done, pain in the acceptable zone, next morning no worse.
    Good,
    /// Stopped early, pain above the zone, or a worse next morning.
    NotGood,
    /// The next morning is not known (not asked yet, or "Not now").
    Unknown,
}

fn verdict(journal: &Journal, session: &SessionRecord) -> Verdict {
    let over_the_zone = |pain: Option<Pain>| pain.is_some_and(|p| p.score() > ACCEPTABLE_PAIN);
    if !session.counts_for_streak() || over_the_zone(session.pain_after) {
        return Verdict::NotGood;
    }
    let morning = journal
        .followup(session.started_ms, FollowUpKind::NextMorning)
        .and_then(|answer| answer.pain);
    // "No worse" than the day of the routine: before it, or else right after.
    match (morning, session.pain_before.or(session.pain_after)) {
        (Some(morning), Some(then)) if morning <= then => Verdict::Good,
        (Some(_), Some(_)) => Verdict::NotGood,
        _ => Verdict::Unknown,
    }
}

/// Good sessions with this exercise since the last one that was not good,
/// counting at most [`GOOD_SESSIONS_FOR_HARDER`]. Sessions whose next
/// morning is unknown neither count nor break the run; sessions saved
/// before routines were logged cannot tell and are passed over.
pub fn good_sessions(journal: &Journal, exercise: &str) -> usize {
    let mut good = 0;
    for session in journal.sessions.iter().rev() {
        let had_it = journal
            .steps_of(session)
            .is_some_and(|steps| steps.iter().any(|step| step.exercise == exercise));
        if !had_it {
            continue;
        }
        match verdict(journal, session) {
            Verdict::Good => good += 1,
            Verdict::NotGood => break,
            Verdict::Unknown => {}
        }
        if good == GOOD_SESSIONS_FOR_HARDER {
            break;
        }
    }
    good
}

/// The harder way of this exercise may be offered.
pub fn harder_ready(journal: &Journal, exercise: &str) -> bool {
    good_sessions(journal, exercise) >= GOOD_SESSIONS_FOR_HARDER
}

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate};

    use super::*;
    use crate::domain::followup::FollowUp;
    use crate::domain::plan::Plan;
    use crate::domain::plan_log;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    /// A full seed-routine session `days` ago, logged with its steps.
    fn session(days: u64, before: Option<u8>, after: Option<u8>) -> SessionRecord {
        SessionRecord {
            pain_before: before.and_then(Pain::new),
            pain_after: after.and_then(Pain::new),
            plan_key: Some(plan_log::key_of(&Plan::seed().steps)),
            ..SessionRecord::sample(today().checked_sub_days(Days::new(days)).unwrap())
        }
    }

    /// A journal of these sessions, each with its next-morning answer.
    fn journal(sessions: &[(SessionRecord, Option<u8>)]) -> Journal {
        let mut journal = Journal::with_sessions(sessions.iter().map(|(s, _)| s.clone()));
        journal.remember_plan(&Plan::seed().steps);
        for (session, morning) in sessions {
            if let Some(pain) = morning {
                journal.answer(FollowUp {
                    session: session.started_ms,
                    kind: FollowUpKind::NextMorning,
                    pain: Pain::new(*pain),
                    answered_ms: session.ended_ms + 86_400_000,
                    clock: 0,
                });
            }
        }
        journal
    }

    fn first_exercise() -> String {
        Plan::seed().steps[0].exercise.clone()
    }

    #[test]
    fn two_good_sessions_with_no_worse_mornings_offer_the_harder_way() {
        let j = journal(&[
            (session(2, Some(4), Some(3)), Some(4)),
            (session(1, Some(4), Some(2)), Some(3)),
        ]);
        assert_eq!(good_sessions(&j, &first_exercise()), 2);
        assert!(harder_ready(&j, &first_exercise()));
    }

    #[test]
    fn one_good_session_is_not_enough() {
        let j = journal(&[(session(1, Some(4), Some(3)), Some(4))]);
        assert_eq!(good_sessions(&j, &first_exercise()), 1);
        assert!(!harder_ready(&j, &first_exercise()));
    }

    #[test]
    fn a_morning_one_point_worse_than_before_breaks_the_run() {
        let j = journal(&[
            (session(3, Some(4), Some(3)), Some(4)),
            (session(2, Some(4), Some(3)), Some(4)),
            (session(1, Some(4), Some(3)), Some(5)),
        ]);
        assert_eq!(good_sessions(&j, &first_exercise()), 0);
    }

    #[test]
    fn the_morning_is_compared_with_pain_after_when_pain_before_was_not_given() {
        let j = journal(&[
            (session(2, None, Some(3)), Some(3)),
            (session(1, None, Some(3)), Some(3)),
        ]);
        assert!(harder_ready(&j, &first_exercise()));
        let worse = journal(&[(session(1, None, Some(3)), Some(4))]);
        assert_eq!(good_sessions(&worse, &first_exercise()), 0);
    }

    #[test]
    fn pain_after_above_5_is_not_good_and_5_is() {
        let five = journal(&[
            (session(2, Some(5), Some(5)), Some(5)),
            (session(1, Some(5), Some(5)), Some(5)),
        ]);
        assert!(harder_ready(&five, &first_exercise()));
        let six = journal(&[
            (session(2, Some(6), Some(6)), Some(5)),
            (session(1, Some(5), Some(5)), Some(5)),
        ]);
        assert_eq!(good_sessions(&six, &first_exercise()), 1);
    }

    #[test]
    fn a_session_stopped_early_breaks_the_run() {
        let early = SessionRecord {
            done_percent: 50,
            ..session(1, Some(4), Some(3))
        };
        let j = journal(&[(session(2, Some(4), Some(3)), Some(4)), (early, Some(3))]);
        assert_eq!(good_sessions(&j, &first_exercise()), 0);
    }

    #[test]
    fn an_unanswered_morning_neither_counts_nor_breaks_the_run() {
        let j = journal(&[
            (session(3, Some(4), Some(3)), Some(4)),
            (session(2, Some(4), Some(3)), None),
            (session(1, Some(4), Some(3)), Some(4)),
        ]);
        assert!(harder_ready(&j, &first_exercise()));
    }

    #[test]
    fn sessions_without_the_exercise_or_a_logged_routine_are_passed_over() {
        let unlogged_and_worse = SessionRecord {
            plan_key: None,
            ..session(1, Some(4), Some(3))
        };
        let j = journal(&[
            (session(3, Some(4), Some(3)), Some(4)),
            (session(2, Some(4), Some(3)), Some(4)),
            (unlogged_and_worse, Some(9)),
        ]);
        assert!(harder_ready(&j, &first_exercise()));
        assert_eq!(good_sessions(&j, "an-exercise-not-in-the-routine"), 0);
    }

    #[test]
    fn the_easier_way_is_advised_above_5_before_a_routine() {
        assert!(!easier_advised(None));
        assert!(!easier_advised(Pain::new(5)));
        assert!(easier_advised(Pain::new(6)));
    }
}
