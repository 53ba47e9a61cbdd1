//! When to ask the red-flag questions again without waiting for the patient
//! to think of it. The triggers are the clinical review's (§2.2): every 28
//! days, after a flare, when pain jumps well above the usual, and when the
//! pain-rising warning signs fire.

use chrono::{Days, NaiveDate};

use super::day::Span;
use super::journal::{DayOff, Journal};
use super::pain::Pain;
use super::red_flags::Screening;
use super::trends;
use super::warning;

/// Days after which the questions are asked again in any case.
pub const RECHECK_DAYS: u64 = 28;
/// A pain-rising sign asks again at most once a week while it keeps firing.
const RISING_SPACING_DAYS: u64 = 7;
/// Pain before a session this far above the last two weeks' average asks again.
pub const SPIKE_POINTS: f32 = 3.0;
/// The average needs this many scored days to compare with.
const SPIKE_MIN_DAYS: usize = 3;
const SPIKE_WINDOW_DAYS: u32 = 14;

/// Why the questions are due again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recheck {
    /// Never answered.
    First,
    /// The last answers are 28 days old.
    Monthly,
    /// A flare day was marked after the last answers.
    Flare,
    /// Warning sign 4 or 4b: pain rising.
    PainRising,
}

impl Recheck {
    /// One line on why the questions come up now.
    pub fn reason(self) -> &'static str {
        match self {
            Recheck::First => "Before your first routine: a short safety check.",
            Recheck::Monthly => "It is four weeks since your last safety check.",
            Recheck::Flare => "You marked a flare day. Check for warning signs first.",
            Recheck::PainRising => "Your pain has been rising. Check for warning signs first.",
        }
    }
}

/// Whether the questions are due on `today`, and why. The newest reason
/// wins: a first check, then a flare, a rising pain, the monthly round.
pub fn due(screenings: &[Screening], journal: &Journal, today: NaiveDate) -> Option<Recheck> {
    let Some(last) = screenings.iter().map(|s| s.day).max() else {
        return Some(Recheck::First);
    };
    let flare_since = journal
        .days_off
        .iter()
        .any(|m| m.kind == DayOff::Flare && m.day > last && m.day <= today);
    if flare_since {
        return Some(Recheck::Flare);
    }
    let days_since = |days: u64| {
        last.checked_add_days(Days::new(days))
            .is_some_and(|d| d <= today)
    };
    if days_since(RISING_SPACING_DAYS)
        && warning::check(journal, today)
            .iter()
            .any(|f| f.sign.asks_for_safety_check())
    {
        return Some(Recheck::PainRising);
    }
    days_since(RECHECK_DAYS).then_some(Recheck::Monthly)
}

/// The re-check Today shows a card for: any but the first, which the
/// routine asks for itself before the first routine starts (so a new
/// patient's first screen is not a safety form).
pub fn shown_on_today(
    screenings: &[Screening],
    journal: &Journal,
    today: NaiveDate,
) -> Option<Recheck> {
    due(screenings, journal, today).filter(|r| *r != Recheck::First)
}

/// The average daily pain of the two weeks before `today` when `pain` is
/// at least [`SPIKE_POINTS`] above it: a sudden jump worth a safety check.
pub fn pain_spike(journal: &Journal, today: NaiveDate, pain: Pain) -> Option<f32> {
    let yesterday = today.pred_opt()?;
    let days = trends::daily_pain(journal, Span::ending(yesterday, SPIKE_WINDOW_DAYS));
    let scores: Vec<u8> = days.into_iter().flatten().collect();
    if scores.len() < SPIKE_MIN_DAYS {
        return None;
    }
    let mean = trends::mean(scores)?;
    (f32::from(pain.score()) >= mean + SPIKE_POINTS).then_some(mean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + Days::new(u64::from(d) - 1)
    }

    fn screened_on(d: u32) -> Vec<Screening> {
        vec![Screening::answered(0, day(d), Vec::new())]
    }

    fn with_checkins(scores: &[(u32, u8)]) -> Journal {
        let mut journal = Journal::default();
        for &(d, score) in scores {
            journal.check_in(CheckIn {
                day: day(d),
                pain: Pain::new(score).unwrap(),
                stiffness: None,
                note: String::new(),
                updated_ms: 0,
                clock: 0,
            });
        }
        journal
    }

    #[test]
    fn the_first_check_is_due_until_answered() {
        assert_eq!(due(&[], &Journal::default(), day(1)), Some(Recheck::First));
        assert_eq!(due(&screened_on(1), &Journal::default(), day(1)), None);
    }

    #[test]
    fn today_shows_every_re_check_but_the_first() {
        assert_eq!(shown_on_today(&[], &Journal::default(), day(1)), None);
        assert_eq!(
            shown_on_today(&screened_on(1), &Journal::default(), day(29)),
            Some(Recheck::Monthly)
        );
    }

    #[test]
    fn the_check_comes_round_again_after_28_days() {
        let journal = Journal::default();
        assert_eq!(due(&screened_on(1), &journal, day(28)), None);
        assert_eq!(
            due(&screened_on(1), &journal, day(29)),
            Some(Recheck::Monthly)
        );
    }

    #[test]
    fn a_flare_marked_after_the_last_check_asks_again() {
        let mut journal = Journal::default();
        journal.mark_day(day(5), Some(DayOff::Flare));
        assert_eq!(due(&screened_on(3), &journal, day(5)), Some(Recheck::Flare));
        // Answered after the flare was marked: not again.
        assert_eq!(due(&screened_on(5), &journal, day(5)), None);
        // A rest day is not a flare.
        let mut rest = Journal::default();
        rest.mark_day(day(5), Some(DayOff::Rest));
        assert_eq!(due(&screened_on(3), &rest, day(5)), None);
    }

    #[test]
    fn rising_pain_asks_again_at_most_weekly() {
        // 21 days at 3, then 7 days at 6: sign 4b fires on day 28.
        let scores: Vec<(u32, u8)> = (1..=28).map(|d| (d, if d > 21 { 6 } else { 3 })).collect();
        let journal = with_checkins(&scores);
        assert!(
            warning::check(&journal, day(28))
                .iter()
                .any(|f| f.sign.asks_for_safety_check())
        );
        assert_eq!(
            due(&screened_on(21), &journal, day(28)),
            Some(Recheck::PainRising)
        );
        assert_eq!(due(&screened_on(22), &journal, day(28)), None);
    }

    #[test]
    fn pain_three_points_above_the_two_week_average_is_a_spike() {
        let journal = with_checkins(&[(1, 3), (2, 3), (3, 4)]);
        let pain = |s| Pain::new(s).unwrap();
        // Average 3.33: 7 is 3.67 above, 6 only 2.67.
        assert!(pain_spike(&journal, day(4), pain(7)).is_some());
        assert_eq!(pain_spike(&journal, day(4), pain(6)), None);
        let exact = with_checkins(&[(1, 3), (2, 3), (3, 3)]);
        assert_eq!(pain_spike(&exact, day(4), pain(6)), Some(3.0));
        // Too few days to know what is usual.
        let short = with_checkins(&[(2, 1), (3, 1)]);
        assert_eq!(pain_spike(&short, day(4), pain(9)), None);
        // Today's own score is not part of the average.
        let today = with_checkins(&[(1, 3), (2, 3), (3, 3), (4, 9)]);
        assert_eq!(pain_spike(&today, day(4), pain(6)), Some(3.0));
    }

    #[test]
    fn every_reason_reads_plainly() {
        use crate::domain::readability::grade;
        for r in [
            Recheck::First,
            Recheck::Monthly,
            Recheck::Flare,
            Recheck::PainRising,
        ] {
            assert!(grade(r.reason()) <= 8.0, "{}", r.reason());
        }
    }
}
