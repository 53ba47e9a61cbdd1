//! A calm answer to a sudden pain (issue 22): stop for today, say which
//! exercise hurt, the easier way next time, and the safety questions.
//!
//! | fires today when | source of the threshold |
//! |---|---|
//! | today's latest routine ended ≥ 1 point above its score before | Salaffi 2004: 1 point is the smallest change patients notice (the same test as sign 3b) |
//! | today's latest score is 8 or more | 8–10 is "severe" on the 0–10 scale (Boonstra 2016) |
//! | today's latest score is ≥ 3 points above the mean daily pain of the 14 days before, with ≥ 3 of them scored | the routine page's check before a routine, `recheck::pain_spike`, so both screens agree |

use chrono::NaiveDate;

use super::decimal::Tenths;
use super::exercise::{self, Exercise};
use super::journal::Journal;
use super::pain::Pain;
use super::recheck;
use super::warning;

/// A score this high is a spike whatever the patient's usual (Boonstra 2016).
pub const SEVERE_FROM: u8 = 8;
/// Why today's pain calls for the calm answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// Today's routine ended higher than it began.
    WorseAfter {
        before: u8,
        after: u8,
    },
    Severe {
        score: u8,
    },
    AboveUsual {
        score: u8,
        usual: f32,
    },
}

/// Today's spike, and the routine whose exercises the patient may mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Spike {
    pub reason: Reason,
    /// `started_ms` of today's latest routine, if there was one.
    pub session: Option<i64>,
}

impl Reason {
    /// What happened, in one line.
    pub fn headline(self) -> String {
        match self {
            Reason::WorseAfter { before, after } => {
                format!("Your pain went up from {before} to {after} during today's routine.")
            }
            Reason::Severe { score } => format!("Your pain is {score} out of 10 today."),
            Reason::AboveUsual { score, usual } => format!(
                "Your pain is {score} today, well above your usual {}.",
                Tenths::of(f64::from(usual))
            ),
        }
    }
}

/// What to do now, the same for every spike.
pub const ADVICE: &str = "Stop the routine for today. Rest in a position that eases the pain, and take a short, gentle walk if you can. A flare-up often settles in a few days. If the pain keeps building, or you notice anything new, answer the safety questions.";

/// The spike on `today`, if there is one; `day_of` dates an instant.
pub fn today(journal: &Journal, today: NaiveDate, day_of: fn(i64) -> NaiveDate) -> Option<Spike> {
    let latest = journal.sessions.iter().rev().find(|s| s.day == today);
    let session = latest.map(|s| s.started_ms);
    let worse_after = latest.and_then(|s| {
        let (before, after) = (s.pain_before?.score(), s.pain_after?.score());
        warning::worse_right_after(s)?.then_some(Reason::WorseAfter { before, after })
    });
    let pain = journal.pain_today(today, day_of);
    let reason = worse_after
        .or_else(|| {
            pain.map(Pain::score)
                .filter(|&score| score >= SEVERE_FROM)
                .map(|score| Reason::Severe { score })
        })
        .or_else(|| {
            let pain = pain?;
            let usual = recheck::pain_spike(journal, today, pain)?;
            Some(Reason::AboveUsual {
                score: pain.score(),
                usual,
            })
        })?;
    Some(Spike { reason, session })
}

/// The exercises of the session started at `session`, in routine order,
/// for "which exercise hurt?".
pub fn exercises_in(journal: &Journal, session: i64) -> Vec<&'static Exercise> {
    journal
        .session(session)
        .and_then(|s| journal.steps_of(s))
        .unwrap_or_default()
        .iter()
        .filter_map(|step| exercise::by_id(&step.exercise))
        .collect()
}

/// Whether `exercise` is marked as having hurt in the session started at `session`.
pub fn marked(journal: &Journal, session: i64, exercise: &str) -> bool {
    journal
        .session(session)
        .is_some_and(|s| s.hurt.iter().any(|id| id == exercise))
}

/// The day `exercise` was marked as hurting in the latest routine that
/// had it: the overview and the player then offer its easier way. A later
/// routine with it and no mark clears this.
pub fn hurt_last_time(journal: &Journal, exercise: &str) -> Option<NaiveDate> {
    // A day filled in afterwards ran no routine, so it clears nothing.
    let last = journal
        .sessions
        .iter()
        .rev()
        .filter(|s| s.added_ms.is_none())
        .find(|s| {
            journal
                .steps_of(s)
                .is_some_and(|steps| steps.iter().any(|step| step.exercise == exercise))
                || s.hurt.iter().any(|id| id == exercise)
        })?;
    last.hurt
        .iter()
        .any(|id| id == exercise)
        .then_some(last.day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::plan::Plan;
    use crate::domain::session::SessionRecord;
    use crate::domain::testing;
    use crate::domain::testing::day;

    const TODAY: u32 = 25;

    fn day_of(_ms: i64) -> NaiveDate {
        day(TODAY)
    }

    fn checkin(d: u32, pain: u8) -> CheckIn {
        testing::checkin(d, pain, SessionRecord::sample(day(d)).started_ms)
    }

    fn with_usual(pain: u8, days: u32) -> Journal {
        let mut journal = Journal::default();
        for d in (TODAY - days)..TODAY {
            journal.check_in(checkin(d, pain));
        }
        journal
    }

    fn session_today(before: u8, after: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(before),
            pain_after: Pain::new(after),
            ..SessionRecord::sample(day(TODAY))
        }
    }

    fn reason(journal: &Journal) -> Option<Reason> {
        today(journal, day(TODAY), day_of).map(|s| s.reason)
    }

    #[test]
    fn a_routine_that_ends_a_point_higher_is_a_spike_and_level_is_not() {
        let mut journal = Journal::with_sessions([session_today(4, 5)]);
        assert_eq!(
            reason(&journal),
            Some(Reason::WorseAfter {
                before: 4,
                after: 5
            })
        );
        let spike = today(&journal, day(TODAY), day_of).unwrap();
        assert_eq!(spike.session, Some(journal.sessions[0].started_ms));
        journal = Journal::with_sessions([session_today(4, 4)]);
        assert_eq!(reason(&journal), None);
    }

    #[test]
    fn eight_is_severe_and_seven_alone_is_not() {
        let mut journal = Journal::default();
        journal.check_in(checkin(TODAY, 8));
        assert_eq!(reason(&journal), Some(Reason::Severe { score: 8 }));
        journal.check_in(checkin(TODAY, 7));
        assert_eq!(reason(&journal), None, "no usual to compare with");
    }

    #[test]
    fn three_points_above_the_usual_fortnight_is_a_spike_and_two_is_not() {
        let mut journal = with_usual(3, 14);
        journal.check_in(checkin(TODAY, 6));
        assert_eq!(
            reason(&journal),
            Some(Reason::AboveUsual {
                score: 6,
                usual: 3.0
            })
        );
        journal.check_in(checkin(TODAY, 5));
        assert_eq!(reason(&journal), None);
        // Too few scored days to know the usual.
        let mut few = with_usual(3, 2);
        few.check_in(checkin(TODAY, 7));
        assert_eq!(reason(&few), None);
        let mut three = with_usual(3, 3);
        three.check_in(checkin(TODAY, 7));
        assert!(matches!(reason(&three), Some(Reason::AboveUsual { .. })));
    }

    #[test]
    fn yesterdays_pain_is_not_todays_spike() {
        let mut journal = Journal::default();
        journal.check_in(checkin(TODAY - 1, 9));
        assert_eq!(reason(&journal), None);
    }

    #[test]
    fn an_exercise_marked_as_hurting_is_eased_until_a_routine_with_it_goes_unmarked() {
        let plan = Plan::seed();
        let mut journal = Journal::default();
        journal.remember_plan(&plan.steps);
        let run = |d: u32| SessionRecord {
            plan_key: Some(crate::domain::plan_log::key_of(&plan.steps)),
            ..SessionRecord::sample(day(d))
        };
        journal.record(run(20));
        assert_eq!(hurt_last_time(&journal, "bird-dog"), None);
        let first = journal.sessions[0].started_ms;
        assert_eq!(exercises_in(&journal, first).len(), plan.steps.len());
        assert!(journal.mark_hurt(first, "bird-dog", true));
        assert!(marked(&journal, first, "bird-dog"));
        assert!(!marked(&journal, first, "glute-bridge"));
        assert_eq!(hurt_last_time(&journal, "bird-dog"), Some(day(20)));
        assert_eq!(hurt_last_time(&journal, "glute-bridge"), None);
        // A day filled in afterwards ran no routine: the note stays.
        let mut filled = run(21);
        filled.added_ms = Some(1);
        journal.record(filled);
        assert_eq!(hurt_last_time(&journal, "bird-dog"), Some(day(20)));
        journal.record(run(22));
        assert_eq!(hurt_last_time(&journal, "bird-dog"), None);
        assert!(!journal.mark_hurt(1, "bird-dog", true), "no such session");
    }

    #[test]
    fn the_words_are_plain() {
        use crate::domain::readability::grade;
        let reasons = [
            Reason::WorseAfter {
                before: 4,
                after: 7,
            },
            Reason::Severe { score: 9 },
            Reason::AboveUsual {
                score: 7,
                usual: 3.5,
            },
        ];
        for text in reasons
            .map(Reason::headline)
            .iter()
            .map(String::as_str)
            .chain([ADVICE])
        {
            assert!(grade(text) <= 8.0, "{:.1}: {text}", grade(text));
            assert!(!text.to_lowercase().contains("fix"), "{text}");
        }
        assert_eq!(
            Reason::AboveUsual {
                score: 7,
                usual: 3.5
            }
            .headline(),
            "Your pain is 7 today, well above your usual 3.5."
        );
    }
}
