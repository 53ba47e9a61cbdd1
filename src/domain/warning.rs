//! The four signs that a routine is not working, read from the patient's
//! own scores. Each rule is explicit, has a threshold and an enough-data
//! guard, and looks only at recent weeks, so an old bad spell does not
//! follow the patient for ever.
//!
//! | sign | fires when | needs |
//! |---|---|---|
//! | pain back within an hour | in ≥ 3 of the last 5 hour-later answers (last 28 days), pain is back to within 1 point of the score before the session | 3 such answers, each after a session that eased the pain by ≥ 2 points |
//! | more for the same relief | last 14 days against the 14 before: minutes per training day up ≥ 20 % with relief not up by more than ½ point, or relief down ≥ 1 point with minutes not down | 5 sessions with both scores in each half |
//! | great during, worse next day | in ≥ 3 of the last 5 sessions with before, after and morning-after scores (last 28 days), pain eased during the session and the next morning was worse than before it | 3 such sessions |
//! | worse despite consistency | the last 14 days' average daily pain is ≥ 1 point above the 14 days before, while a counted routine was done on ≥ 80 % of the last 14 days (leaving out marked rest and flare days and an unfinished today) | 7 days with a score in each half |

use chrono::NaiveDate;

use super::decimal::{Tenths, whole};
use super::followup::FollowUpKind;
use super::journal::Journal;
use super::session::SessionRecord;
use super::trends::{self, Span};

/// One of the four signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sign {
    PainBackWithinHour,
    MoreForSameRelief,
    WorseNextDay,
    WorseDespiteConsistency,
}

/// A sign that fired, with the figures behind it in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub sign: Sign,
    pub evidence: String,
}

/// Recent sessions looked at for the per-session signs.
const RECENT_DAYS: u32 = 28;
/// Of the last this many answered sessions…
const LAST_SESSIONS: usize = 5;
/// …this many must show the sign (and at least this many must exist).
const SESSIONS_SHOWING: usize = 3;
/// The two halves compared by the trend signs.
const HALF_DAYS: u32 = 14;
const MIN_RELIEF_SESSIONS: usize = 5;
const MIN_PAIN_DAYS: usize = 7;
/// Share of days with a counted routine that makes the patient "consistent".
const CONSISTENT_SHARE: f32 = 0.8;

impl Sign {
    /// The sign as a heading.
    pub fn title(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => "The pain comes back within an hour",
            Sign::MoreForSameRelief => "You need more for the same relief",
            Sign::WorseNextDay => "Better during the routine, worse the next day",
            Sign::WorseDespiteConsistency => "Pain is rising although you train nearly every day",
        }
    }

    /// Why it matters, from the practice's reasoning: stretching eases
    /// tension, which is a symptom, not the cause.
    pub fn meaning(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => {
                "Relief that fades this fast usually means the routine is easing tight muscles \
                 without changing why they tighten: the muscles guard again to protect the spine."
            }
            Sign::MoreForSameRelief => {
                "Needing more time for the same effect is like a tolerance building up. It suggests \
                 the routine is treating the symptom while the cause carries on."
            }
            Sign::WorseNextDay => {
                "Feeling loose during the routine and worse afterwards can mean an area that needed \
                 its protective tension was pushed too far."
            }
            Sign::WorseDespiteConsistency => {
                "You are doing the work, so this is not about effort: the routine as it is does \
                 not suit what is behind your pain."
            }
        }
    }

    /// What to try next, calmly.
    pub fn suggestion(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => {
                "Give decompression more time at the start, and keep the activation exercises in, \
                 so the muscles that should support you do their job. If it goes on, talk to a clinician."
            }
            Sign::MoreForSameRelief => {
                "Rather than stretching longer, spend the extra minutes decompressing first and \
                 activating your glutes and deep stabilisers. If it goes on, talk to a clinician."
            }
            Sign::WorseNextDay => {
                "Go gentler: use the easier versions, stop short of any strain, and keep the order \
                 decompress, activate, then mobilize. If it goes on, talk to a clinician."
            }
            Sign::WorseDespiteConsistency => {
                "Please see a doctor or physiotherapist. The report page puts your history on one \
                 page to take with you."
            }
        }
    }
}

/// The signs firing on `today`, in the order of [`Sign`].
pub fn check(journal: &Journal, today: NaiveDate) -> Vec<Finding> {
    [
        pain_back_within_hour(journal, today),
        more_for_same_relief(journal, today),
        worse_next_day(journal, today),
        worse_despite_consistency(journal, today),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Each sign that fired on some day of `span` (checked weekly and on its
/// last day), with the first day it was seen.
pub fn seen(journal: &Journal, span: Span) -> Vec<(Sign, NaiveDate)> {
    let mut seen: Vec<(Sign, NaiveDate)> = Vec::new();
    let days = (0..span.day_count())
        .step_by(7)
        .map(|at| span.day(at))
        .chain([span.to]);
    for day in days {
        for finding in check(journal, day) {
            if !seen.iter().any(|(sign, _)| *sign == finding.sign) {
                seen.push((finding.sign, day));
            }
        }
    }
    seen.sort_unstable();
    seen
}

/// The last `LAST_SESSIONS` recent sessions for which `score` gives a value.
fn last_scored<T>(
    journal: &Journal,
    today: NaiveDate,
    score: impl Fn(&SessionRecord) -> Option<T>,
) -> Vec<T> {
    let mut found: Vec<T> = trends::sessions_in(journal, Span::ending(today, RECENT_DAYS))
        .iter()
        .rev()
        .filter_map(score)
        .take(LAST_SESSIONS)
        .collect();
    found.reverse();
    found
}

fn answered(journal: &Journal, session: &SessionRecord, kind: FollowUpKind) -> Option<u8> {
    journal
        .followup(session.started_ms, kind)
        .and_then(|a| a.pain)
        .map(|p| p.score())
}

fn pain_back_within_hour(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    // Only sessions that eased the pain by 2 points or more: without
    // relief there is nothing to come back.
    let pairs = last_scored(journal, today, |s| {
        let before = s.pain_before?.score();
        let eased = s.pain_after?.score() + 2 <= before;
        eased.then_some((before, answered(journal, s, FollowUpKind::HourLater)?))
    });
    let back = pairs
        .iter()
        .filter(|(before, hour)| hour + 1 >= *before)
        .count();
    (pairs.len() >= SESSIONS_SHOWING && back >= SESSIONS_SHOWING).then(|| Finding {
        sign: Sign::PainBackWithinHour,
        evidence: format!(
            "In {back} of your last {} answers an hour after the routine, the pain was back \
             to within a point of where it started.",
            pairs.len()
        ),
    })
}

fn worse_next_day(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let scores = last_scored(journal, today, |s| {
        Some((
            s.pain_before?.score(),
            s.pain_after?.score(),
            answered(journal, s, FollowUpKind::NextMorning)?,
        ))
    });
    let worse = scores
        .iter()
        .filter(|(before, after, morning)| after < before && morning > before)
        .count();
    (scores.len() >= SESSIONS_SHOWING && worse >= SESSIONS_SHOWING).then(|| Finding {
        sign: Sign::WorseNextDay,
        evidence: format!(
            "After {worse} of your last {} routines the pain eased during the session, \
             then was higher the next morning than before it.",
            scores.len()
        ),
    })
}

/// The 14 days ending `today` and the 14 before them.
fn halves(today: NaiveDate) -> (Span, Span) {
    let recent = Span::ending(today, HALF_DAYS);
    let earlier_end = recent.from.pred_opt().unwrap_or(recent.from);
    (Span::ending(earlier_end, HALF_DAYS), recent)
}

/// Average relief and minutes of routine per training day in `span`.
fn effort(journal: &Journal, span: Span) -> Option<(f32, f32)> {
    let sessions = trends::sessions_in(journal, span);
    let relieved = sessions.iter().filter(|s| s.relief().is_some()).count();
    if relieved < MIN_RELIEF_SESSIONS {
        return None;
    }
    let relief = trends::Relief::of(sessions)?.mean;
    let minutes: f32 = sessions
        .iter()
        .map(|s| s.planned_secs as f32 * f32::from(s.done_percent) / 100.0 / 60.0)
        .sum();
    let mut days: Vec<NaiveDate> = sessions.iter().map(|s| s.day).collect();
    days.dedup();
    Some((relief, minutes / days.len() as f32))
}

fn more_for_same_relief(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let (earlier, recent) = halves(today);
    let (relief_before, minutes_before) = effort(journal, earlier)?;
    let (relief_now, minutes_now) = effort(journal, recent)?;
    let more_time = minutes_now >= minutes_before * 1.2 && relief_now <= relief_before + 0.5;
    let less_relief = relief_now <= relief_before - 1.0 && minutes_now >= minutes_before;
    (more_time || less_relief).then(|| Finding {
        sign: Sign::MoreForSameRelief,
        evidence: format!(
            "Over the last two weeks you spent {} minutes a training day for {} points of \
             relief; the two weeks before, {} minutes for {} points.",
            whole(minutes_now.into()),
            Tenths::of(relief_now.into()),
            whole(minutes_before.into()),
            Tenths::of(relief_before.into())
        ),
    })
}

fn worse_despite_consistency(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let (earlier, recent) = halves(today);
    let average = |span| {
        let daily = trends::daily_pain(journal, span);
        let given: Vec<u8> = daily.into_iter().flatten().collect();
        (given.len() >= MIN_PAIN_DAYS)
            .then(|| trends::mean(given))
            .flatten()
    };
    let (before, now) = (average(earlier)?, average(recent)?);
    let (done_days, expected) = journal.adherence(recent.from, recent.to, today);
    let consistent = expected > 0 && done_days as f32 >= CONSISTENT_SHARE * expected as f32;
    (consistent && now >= before + 1.0).then(|| Finding {
        sign: Sign::WorseDespiteConsistency,
        evidence: format!(
            "Your average pain over the last two weeks is {}, up from {} the two \
             weeks before, and you did the routine on {done_days} of the {expected} days it was due.",
            Tenths::of(now.into()),
            Tenths::of(before.into())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::followup::FollowUp;
    use crate::domain::pain::Pain;
    use chrono::Days;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn ago(days: u64) -> NaiveDate {
        today().checked_sub_days(Days::new(days)).unwrap()
    }

    /// A full session `days` ago.
    fn session(days: u64, before: u8, after: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(before),
            pain_after: Pain::new(after),
            ..SessionRecord::sample(ago(days))
        }
    }

    fn answer(journal: &mut Journal, days: u64, kind: FollowUpKind, pain: u8) {
        let session = journal
            .sessions
            .iter()
            .find(|s| s.day == ago(days))
            .unwrap();
        let answer = FollowUp {
            session: session.started_ms,
            kind,
            pain: Pain::new(pain),
            answered_ms: 0,
        };
        journal.answer(answer);
    }

    fn signs(journal: &Journal) -> Vec<Sign> {
        check(journal, today())
            .into_iter()
            .map(|f| f.sign)
            .collect()
    }

    /// Five sessions (days 0–4 ago), 6 → 3, with these hour-later answers.
    fn with_hour_answers(hours: &[u8]) -> Journal {
        let mut journal = Journal::with_sessions((0..5).map(|d| session(d, 6, 3)));
        for (days, pain) in hours.iter().enumerate() {
            answer(&mut journal, days as u64, FollowUpKind::HourLater, *pain);
        }
        journal
    }

    #[test]
    fn sign_1_fires_when_3_of_the_last_5_hour_answers_are_back_within_a_point() {
        assert_eq!(
            signs(&with_hour_answers(&[5, 6, 7, 3, 3])),
            [Sign::PainBackWithinHour]
        );
    }

    #[test]
    fn sign_1_boundary_two_back_or_two_points_lower_does_not_fire() {
        assert!(signs(&with_hour_answers(&[5, 5, 4, 3, 3])).is_empty());
    }

    #[test]
    fn sign_1_never_fires_on_two_answers() {
        assert!(signs(&with_hour_answers(&[6, 6])).is_empty());
        assert_eq!(
            signs(&with_hour_answers(&[6, 6, 6])),
            [Sign::PainBackWithinHour]
        );
    }

    #[test]
    fn sign_1_ignores_sessions_that_brought_no_real_relief() {
        for (before, after) in [(1, 0), (5, 5), (5, 4)] {
            let mut journal = Journal::with_sessions((0..5).map(|d| session(d, before, after)));
            for days in 0..5 {
                answer(&mut journal, days, FollowUpKind::HourLater, before);
            }
            assert!(signs(&journal).is_empty(), "{before} → {after}");
        }
    }

    #[test]
    fn sign_1_forgets_answers_older_than_four_weeks() {
        let mut journal = Journal::with_sessions((30..35).map(|d| session(d, 6, 3)));
        for days in 30..35 {
            answer(&mut journal, days, FollowUpKind::HourLater, 6);
        }
        assert!(signs(&journal).is_empty());
        assert_eq!(
            check(&journal, ago(30)).first().map(|f| f.sign),
            Some(Sign::PainBackWithinHour)
        );
    }

    fn with_mornings(mornings: &[u8]) -> Journal {
        let mut journal = Journal::with_sessions((1..6).map(|d| session(d, 5, 2)));
        for (at, pain) in mornings.iter().enumerate() {
            answer(
                &mut journal,
                at as u64 + 1,
                FollowUpKind::NextMorning,
                *pain,
            );
        }
        journal
    }

    #[test]
    fn sign_3_fires_when_3_sessions_helped_but_the_next_morning_was_worse() {
        assert_eq!(
            signs(&with_mornings(&[6, 7, 6, 2, 2])),
            [Sign::WorseNextDay]
        );
    }

    #[test]
    fn sign_3_boundary_a_morning_equal_to_before_is_not_worse() {
        assert!(signs(&with_mornings(&[6, 7, 5, 5, 2])).is_empty());
    }

    #[test]
    fn sign_3_needs_three_complete_sessions() {
        assert!(signs(&with_mornings(&[7, 7])).is_empty());
    }

    /// Daily sessions for 28 days: the earlier half at `early` minutes and
    /// relief, the recent half at `late`.
    fn two_halves(early: (u32, u8), late: (u32, u8)) -> Journal {
        Journal::with_sessions((0..28).map(|d| {
            let (minutes, relief) = if d < 14 { late } else { early };
            let mut s = session(d, 6, 6 - relief);
            s.planned_secs = minutes * 60;
            s
        }))
    }

    #[test]
    fn sign_2_fires_on_20_percent_more_minutes_for_the_same_relief() {
        assert_eq!(
            signs(&two_halves((15, 3), (18, 3))),
            [Sign::MoreForSameRelief]
        );
        assert!(signs(&two_halves((15, 3), (17, 3))).is_empty(), "13 % more");
        assert!(
            signs(&two_halves((15, 2), (18, 3))).is_empty(),
            "more relief too"
        );
    }

    #[test]
    fn sign_2_fires_on_a_point_less_relief_for_the_same_minutes() {
        assert_eq!(
            signs(&two_halves((18, 3), (18, 2))),
            [Sign::MoreForSameRelief]
        );
        assert!(
            signs(&two_halves((18, 3), (14, 2))).is_empty(),
            "shorter routine"
        );
    }

    #[test]
    fn sign_2_needs_five_scored_sessions_in_each_half() {
        let mut journal = two_halves((15, 3), (20, 3));
        journal
            .sessions
            .retain(|s| s.day > ago(14) || s.day <= ago(24));
        assert_eq!(trends::sessions_in(&journal, halves(today()).0).len(), 4);
        assert!(signs(&journal).is_empty());
    }

    fn checkin(days: u64, pain: u8) -> CheckIn {
        CheckIn {
            day: ago(days),
            pain: Pain::new(pain).unwrap(),
            stiffness: None,
            note: String::new(),
            updated_ms: 0,
        }
    }

    /// Check-ins for 28 days, `early` then `late`, and a counted session on
    /// `trained` of the last 14 days.
    fn rising(early: u8, late: u8, trained: u64) -> Journal {
        let mut journal = Journal::with_sessions((0..trained).map(|d| session(d, 5, 5)));
        for d in 0..28 {
            journal.check_in(checkin(d, if d < 14 { late } else { early }));
        }
        journal
    }

    #[test]
    fn sign_4_fires_when_pain_rises_a_point_while_80_percent_of_days_are_done() {
        assert_eq!(signs(&rising(4, 5, 12)), [Sign::WorseDespiteConsistency]);
    }

    #[test]
    fn sign_4_counts_days_off_and_an_open_today_as_neither_done_nor_missed() {
        // Two Sunday rests and today still open: 9 done of 11 expected is 82 %.
        let mut journal = rising(4, 5, 0);
        for d in (1..14).filter(|d| ![3, 10].contains(d)).take(9) {
            journal.record(session(d, 5, 5));
        }
        journal.mark_day(ago(3), Some(crate::domain::journal::DayOff::Rest));
        journal.mark_day(ago(10), Some(crate::domain::journal::DayOff::Rest));
        assert_eq!(signs(&journal), [Sign::WorseDespiteConsistency]);
    }

    #[test]
    fn sign_4_boundaries_eleven_days_done_or_less_than_a_point() {
        assert!(signs(&rising(4, 5, 11)).is_empty(), "11 of 14 days is 79 %");
        let mut journal = rising(4, 5, 14);
        journal.check_in(checkin(0, 4));
        assert!(signs(&journal).is_empty(), "13/14 of a point up");
    }

    #[test]
    fn sign_4_needs_a_week_of_scores_in_each_half() {
        let mut journal = rising(4, 6, 14);
        journal
            .checkins
            .retain(|c| c.day > ago(14) || c.day <= ago(22));
        assert_eq!(
            trends::daily_pain(&journal, halves(today()).0)
                .iter()
                .flatten()
                .count(),
            6
        );
        assert!(signs(&journal).is_empty());
    }

    #[test]
    fn an_empty_or_short_history_shows_no_sign() {
        assert!(signs(&Journal::default()).is_empty());
        assert!(
            signs(&Journal::with_sessions([
                session(0, 9, 9),
                session(1, 9, 9)
            ]))
            .is_empty()
        );
    }

    #[test]
    fn signs_seen_in_a_range_keep_the_first_day_they_fired() {
        let journal = with_hour_answers(&[6, 6, 6, 6, 6]);
        let seen = seen(&journal, Span::ending(today(), 30));
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].0, Sign::PainBackWithinHour);
        assert!(seen[0].1 <= today());
    }
}
