//! Flares as the patient lived them: a run of days in a row marked "flare
//! day" is one flare, with its first day, its length and its highest pain
//! score, worked out from the marks and the scores already kept (nothing
//! more to store or to get out of step). What the flare plan says is here
//! too, so its wording is tested.
//!
//! | rule | source |
//! |---|---|
//! | one flare = flare-day marks on days in a row | a gap of a day is a new flare: the app cannot know it was one episode |
//! | peak = the highest daily pain score ([`trends::daily_pain`]) on its days | the clinical review §4.2 item 5: "dates, duration, peak pain" |
//! | the plan: safety questions first, gentle positions, short walks, pacing; most flares settle within days to two weeks | NICE NG59 (stay active; rule out serious causes); the clinical review §5 idea 5 and finding S5 |

use chrono::{Days, NaiveDate};

use super::day::Span;
use super::journal::{DayOff, Journal};
use super::trends;

/// One flare: days in a row marked as flare days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flare {
    pub start: NaiveDate,
    pub days: u32,
    /// The highest daily pain score on its days, if any was given.
    pub peak: Option<u8>,
    /// Routines done on its days.
    pub routines: usize,
}

impl Flare {
    /// Its last day.
    pub fn end(self) -> NaiveDate {
        self.start + Days::new(u64::from(self.days.max(1) - 1))
    }

    fn span(self) -> Span {
        Span {
            from: self.start,
            to: self.end(),
        }
    }
}

/// The flares with a day in `span`, oldest first, each whole (a flare that
/// began before `span` keeps its first day).
pub fn flares_in(journal: &Journal, span: Span) -> Vec<Flare> {
    let mut runs: Vec<(NaiveDate, u32)> = Vec::new();
    for mark in journal.days_off.iter().filter(|m| m.kind == DayOff::Flare) {
        match runs.last_mut() {
            Some((start, days)) if *start + Days::new(u64::from(*days)) == mark.day => *days += 1,
            _ => runs.push((mark.day, 1)),
        }
    }
    runs.into_iter()
        .map(|(start, days)| Flare {
            start,
            days,
            peak: None,
            routines: 0,
        })
        .filter(|f| f.end() >= span.from && f.start <= span.to)
        .map(|f| Flare {
            peak: trends::daily_pain(journal, f.span())
                .into_iter()
                .flatten()
                .max(),
            routines: trends::sessions_in(journal, f.span()).len(),
            ..f
        })
        .collect()
}

/// The flare `today` is a day of, if it is marked as one.
pub fn current(journal: &Journal, today: NaiveDate) -> Option<Flare> {
    flares_in(
        journal,
        Span {
            from: today,
            to: today,
        },
    )
    .into_iter()
    .find(|f| f.end() == today)
}

/// The flare plan, a step a line, shown on a flare day after the safety
/// questions.
pub const PLAN: [&str; 4] = [
    "Change position often. Lying with your legs on a chair, or knees to chest if it eases, may help.",
    "Take a short, easy walk every hour or two, even for a few minutes. Long bed rest tends to make backs stiffer.",
    "Pace yourself: do a little of what you usually do, with breaks, rather than all or nothing.",
    "Most flares settle within a few days to two weeks. If the pain keeps rising, or something new starts, check the warning signs again and see a doctor.",
];

/// "Day 3 of this flare. Highest pain so far: 7."
pub fn progress(flare: Flare) -> String {
    let peak = flare
        .peak
        .map_or(String::new(), |p| format!(" Highest pain so far: {p}."));
    format!("Day {} of this flare.{peak}", flare.days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::DayMark;
    use crate::domain::session::SessionRecord;
    use crate::domain::testing::{checkin, day};

    fn marked(days: &[u32]) -> Journal {
        let mut journal = Journal::default();
        for &d in days {
            journal.days_off.push(DayMark {
                day: day(d),
                kind: DayOff::Flare,
                clock: u64::from(d),
            });
        }
        journal
    }

    fn all() -> Span {
        Span {
            from: day(1),
            to: day(30),
        }
    }

    #[test]
    fn days_in_a_row_are_one_flare_and_a_gap_starts_another() {
        let flares = flares_in(&marked(&[3, 4, 5, 7, 20]), all());
        let shape: Vec<_> = flares.iter().map(|f| (f.start, f.days)).collect();
        assert_eq!(shape, [(day(3), 3), (day(7), 1), (day(20), 1)]);
        assert_eq!(flares[0].end(), day(5));
    }

    #[test]
    fn rest_days_are_not_flares_and_a_rest_day_splits_a_run() {
        let mut journal = marked(&[3, 5]);
        journal.days_off.insert(
            1,
            DayMark {
                day: day(4),
                kind: DayOff::Rest,
                clock: 9,
            },
        );
        assert_eq!(flares_in(&journal, all()).len(), 2);
    }

    #[test]
    fn a_flare_overlapping_the_span_is_kept_whole() {
        let journal = marked(&[8, 9, 10, 11]);
        let late = flares_in(
            &journal,
            Span {
                from: day(10),
                to: day(30),
            },
        );
        assert_eq!(
            late.iter().map(|f| (f.start, f.days)).collect::<Vec<_>>(),
            [(day(8), 4)]
        );
        assert!(
            flares_in(
                &journal,
                Span {
                    from: day(12),
                    to: day(30)
                }
            )
            .is_empty()
        );
        assert!(
            flares_in(
                &journal,
                Span {
                    from: day(1),
                    to: day(7)
                }
            )
            .is_empty()
        );
        assert_eq!(
            flares_in(
                &journal,
                Span {
                    from: day(1),
                    to: day(8)
                }
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_peak_is_the_highest_score_on_its_days_and_routines_are_counted() {
        let mut journal = marked(&[8, 9, 10]);
        for (d, pain) in [(7, 9), (8, 6), (9, 8), (11, 10)] {
            journal.check_in(checkin(d, pain, 0));
        }
        journal.record(SessionRecord::sample(day(9)));
        let flare = flares_in(&journal, all())[0];
        assert_eq!(flare.peak, Some(8));
        assert_eq!(flare.routines, 1);
        assert_eq!(flares_in(&marked(&[8]), all())[0].peak, None);
    }

    #[test]
    fn today_is_day_n_of_the_flare_it_ends() {
        let mut journal = marked(&[8, 9, 10]);
        journal.check_in(checkin(9, 7, 0));
        let flare = current(&journal, day(10)).unwrap();
        assert_eq!(flare.days, 3);
        assert_eq!(
            progress(flare),
            "Day 3 of this flare. Highest pain so far: 7."
        );
        assert_eq!(current(&journal, day(11)), None);
        assert_eq!(
            progress(current(&marked(&[8]), day(8)).unwrap()),
            "Day 1 of this flare."
        );
    }

    #[test]
    fn the_plan_is_plain_and_promises_nothing() {
        use crate::domain::readability::grade;
        for text in PLAN {
            assert!(grade(text) <= 8.0, "{:.1}: {text}", grade(text));
            assert!(!text.contains("cure") && !text.contains("fix"), "{text}");
        }
    }
}
