//! The PEG-3, a weekly three-question measure of pain and how much it gets
//! in the way (Krebs 2009: Pain, Enjoyment of life, General activity, each
//! 0 to 10; the score is their mean). Free to use, and recommended by the
//! CDC for following chronic pain in primary care. Its questions are kept
//! word for word, as a validated measure must be; the app's own words
//! around them are plain.
//!
//! | rule | source |
//! |---|---|
//! | score = mean of the three answers | Krebs 2009 |
//! | asked when no answer or skip in the last 7 days | weekly, as the measure is meant to be used ("in the past week") |
//! | a meaningful change: at least 1 point and at least 30 % of the first score | the clinical review §4.2: "MID ≈ 1 point / 30 %" (Krebs 2009; IMMPACT, Dworkin 2008) |

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::day::Span;
use super::decimal::Tenths;
use super::pain::Pain;

/// The three questions, word for word (Krebs 2009).
pub const QUESTIONS: [&str; 3] = [
    "What number best describes your pain on average in the past week?",
    "What number best describes how, during the past week, pain has interfered with your enjoyment of life?",
    "What number best describes how, during the past week, pain has interfered with your general activity?",
];

/// The ends of the scales, as the measure words them.
pub const ENDS: [(&str, &str); 3] = [
    ("0: no pain", "10: pain as bad as you can imagine"),
    ("0: does not interfere", "10: completely interferes"),
    ("0: does not interfere", "10: completely interferes"),
];

/// Days between two askings.
pub const EVERY_DAYS: u64 = 7;

/// One week's answer, or a skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peg {
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    /// Pain, enjoyment, activity; `None` when the patient skipped the week.
    pub answers: Option<[Pain; 3]>,
}

impl Peg {
    /// The score in tenths: the mean of the three answers, rounded half up.
    pub fn tenths(self) -> Option<u16> {
        self.answers.map(|answers| {
            let sum: u16 = answers.iter().map(|p| u16::from(p.score())).sum();
            (sum * 10 + 1) / 3
        })
    }
}

/// Whether the PEG is asked on `today`: no answer and no skip in the
/// last 7 days.
pub fn due(pegs: &[Peg], today: NaiveDate) -> bool {
    let since = today - Days::new(EVERY_DAYS - 1);
    !pegs.iter().any(|p| (since..=today).contains(&p.day))
}

/// Keeps `peg` in day order, in place of one the same day.
pub fn record(pegs: &mut Vec<Peg>, peg: Peg) {
    pegs.retain(|p| p.day != peg.day);
    let at = pegs.partition_point(|p| p.day < peg.day);
    pegs.insert(at, peg);
}

/// Both copies' weeks in one: an answer wins over a skip on the same day.
pub fn merge(mine: &mut Vec<Peg>, theirs: &[Peg]) {
    for peg in theirs {
        match mine.iter().find(|p| p.day == peg.day) {
            Some(p) if p.answers.is_some() || peg.answers.is_none() => {}
            _ => record(mine, *peg),
        }
    }
}

/// The PEG over a range, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PegSummary {
    /// The first and last answered week: day and score in tenths.
    pub first: (NaiveDate, u16),
    pub last: (NaiveDate, u16),
    pub answered: usize,
    pub skipped: usize,
}

/// The weeks of `span` (answered or skipped), in day order.
fn weeks_in(pegs: &[Peg], span: Span) -> impl DoubleEndedIterator<Item = &Peg> {
    pegs.iter()
        .filter(move |p| (span.from..=span.to).contains(&p.day))
}

/// Each answered week of `span`: its day and score in tenths.
pub fn scores_in(pegs: &[Peg], span: Span) -> impl DoubleEndedIterator<Item = (NaiveDate, u16)> {
    weeks_in(pegs, span).filter_map(|p| p.tenths().map(|t| (p.day, t)))
}

/// The PEG weeks in `span`, if any was answered.
pub fn summary(pegs: &[Peg], span: Span) -> Option<PegSummary> {
    let mut answered = scores_in(pegs, span);
    let first = answered.next()?;
    let last = answered.next_back().unwrap_or(first);
    let weeks = weeks_in(pegs, span).count();
    let count = scores_in(pegs, span).count();
    Some(PegSummary {
        first,
        last,
        answered: count,
        skipped: weeks - count,
    })
}

/// Whether going from `first` to `last` (tenths) is a meaningful change:
/// at least 1 point and at least 30 % of the first score, in whole tenths.
pub fn meaningful(first: u16, last: u16) -> bool {
    let change = first.abs_diff(last);
    change >= 10 && change * 10 >= first * 3
}

impl PegSummary {
    /// "5.3 (12 Nov) → 3.7 (3 Dec): 1.6 lower, meets the 1-point and 30 %
    /// mark · 4 weeks answered, 1 skipped".
    pub fn describe(self) -> String {
        let score = |t: u16| Tenths::of(f64::from(t) / 10.0);
        let (first, last) = (self.first.1, self.last.1);
        let change = match first.cmp(&last) {
            std::cmp::Ordering::Equal => "no change".to_string(),
            std::cmp::Ordering::Greater => format!("{} lower", score(first - last)),
            std::cmp::Ordering::Less => format!("{} higher", score(last - first)),
        };
        let mark = if meaningful(first, last) {
            "meets"
        } else {
            "does not meet"
        };
        let weeks = |n: usize| {
            if n == 1 {
                "1 week".to_string()
            } else {
                format!("{n} weeks")
            }
        };
        format!(
            "{} ({}) \u{2192} {} ({}): {change}, {mark} the 1-point and 30 % mark \u{b7} {} answered, {} skipped",
            score(first),
            super::day::short_label(self.first.0),
            score(last),
            super::day::short_label(self.last.0),
            weeks(self.answered),
            self.skipped,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    fn answered(d: u32, [a, b, c]: [u8; 3]) -> Peg {
        Peg {
            day: day(d),
            answers: Some([a, b, c].map(|s| Pain::new(s).unwrap())),
        }
    }

    fn skipped(d: u32) -> Peg {
        Peg {
            day: day(d),
            answers: None,
        }
    }

    #[test]
    fn the_score_is_the_mean_of_the_three_in_tenths() {
        assert_eq!(answered(1, [5, 6, 5]).tenths(), Some(53));
        assert_eq!(answered(1, [5, 5, 6]).tenths(), Some(53));
        assert_eq!(answered(1, [6, 6, 5]).tenths(), Some(57));
        assert_eq!(answered(1, [0, 0, 0]).tenths(), Some(0));
        assert_eq!(answered(1, [10, 10, 10]).tenths(), Some(100));
        assert_eq!(skipped(1).tenths(), None);
    }

    #[test]
    fn it_is_asked_a_week_after_the_last_answer_or_skip() {
        assert!(due(&[], day(10)));
        assert!(!due(&[answered(10, [5, 5, 5])], day(10)));
        assert!(!due(&[answered(10, [5, 5, 5])], day(16)));
        assert!(due(&[answered(10, [5, 5, 5])], day(17)));
        assert!(!due(&[skipped(12)], day(18)));
        // A clock set back before the last answer asks again only a week on.
        assert!(due(&[answered(20, [5, 5, 5])], day(10)));
    }

    #[test]
    fn a_meaningful_change_is_a_point_and_thirty_percent() {
        assert!(meaningful(50, 35));
        assert!(!meaningful(50, 36));
        // 1 point from a low start is over 30 %; 1 point from 8 is not.
        assert!(meaningful(30, 20));
        assert!(!meaningful(80, 70));
        assert!(meaningful(80, 56));
        assert!(!meaningful(20, 15));
        assert!(meaningful(40, 52));
    }

    #[test]
    fn the_summary_takes_the_first_and_last_answered_weeks_and_counts_skips() {
        let pegs = [
            answered(2, [6, 5, 5]),
            skipped(9),
            answered(16, [4, 4, 3]),
            answered(23, [3, 4, 4]),
        ];
        let all = Span {
            from: day(1),
            to: day(30),
        };
        let summary = summary(&pegs, all).unwrap();
        assert_eq!(summary.first, (day(2), 53));
        assert_eq!(summary.last, (day(23), 37));
        assert_eq!((summary.answered, summary.skipped), (3, 1));
        assert_eq!(
            summary.describe(),
            "5.3 (2 Nov) \u{2192} 3.7 (23 Nov): 1.6 lower, meets the 1-point and 30 % mark \u{b7} 3 weeks answered, 1 skipped"
        );
        assert_eq!(super::summary(&[skipped(9)], all), None);
        let one = super::summary(&pegs[..1], all).unwrap();
        assert_eq!(one.first, one.last);
    }

    #[test]
    fn a_week_is_kept_once_and_an_answer_wins_over_a_skip_in_a_merge() {
        let mut pegs = vec![skipped(9)];
        record(&mut pegs, answered(2, [1, 1, 1]));
        record(&mut pegs, answered(2, [2, 2, 2]));
        assert_eq!(pegs, [answered(2, [2, 2, 2]), skipped(9)]);
        merge(
            &mut pegs,
            &[answered(9, [3, 3, 3]), skipped(2), answered(16, [4, 4, 4])],
        );
        assert_eq!(
            pegs,
            [
                answered(2, [2, 2, 2]),
                answered(9, [3, 3, 3]),
                answered(16, [4, 4, 4])
            ]
        );
    }
}
