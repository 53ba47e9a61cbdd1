//! The history calendar: what each day of recent weeks was.

use chrono::{Datelike, Days, NaiveDate};

use super::day::Span;
use super::journal::{DayOff, Journal};
use super::trends;

/// What happened on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayState {
    /// A routine done far enough to count.
    Done,
    /// A routine started but ended before 80 %.
    Partial,
    Rest,
    Flare,
    /// No routine and no day-off mark, since the patient began.
    Missed,
    /// Today, still open.
    Today,
    /// Before the first record, or after today.
    Blank,
}

impl DayState {
    /// Word for the day's label and the legend.
    pub fn label(self) -> &'static str {
        match self {
            DayState::Done => "done",
            DayState::Partial => "partly done",
            DayState::Rest => "rest day",
            DayState::Flare => "flare day",
            DayState::Missed => "missed",
            DayState::Today => "not done yet",
            DayState::Blank => "no record",
        }
    }

    /// Class name for the stylesheet.
    pub fn class(self) -> &'static str {
        match self {
            DayState::Done => "done",
            DayState::Partial => "partial",
            DayState::Rest => "rest",
            DayState::Flare => "flare",
            DayState::Missed => "missed",
            DayState::Today => "open",
            DayState::Blank => "blank",
        }
    }
}

/// One square of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    pub day: NaiveDate,
    pub state: DayState,
    /// The day's pain score, as on the trend chart.
    pub pain: Option<u8>,
}

/// How many weeks the calendar shows: from the week of the first record to
/// today's, at most `most`; one week before anything is recorded. A patient
/// four days in sees one or two rows, not twelve weeks of blanks
/// (walkthrough, smaller items).
pub fn weeks_to_show(journal: &Journal, today: NaiveDate, most: usize) -> usize {
    let monday = |day: NaiveDate| day - Days::new(u64::from(day.weekday().num_days_from_monday()));
    let Some(first) = journal.first_day().filter(|&first| first <= today) else {
        return 1;
    };
    let weeks = (monday(today) - monday(first)).num_days() / 7 + 1;
    usize::try_from(weeks).unwrap_or(1).clamp(1, most.max(1))
}

/// Days from the first record to `today`, at most `most`: the days the
/// calendar's "routines done on … of the last … days" counts.
pub fn days_counted(journal: &Journal, today: NaiveDate, most: usize) -> usize {
    journal
        .first_day()
        .filter(|&first| first <= today)
        .map_or(1, |first| {
            usize::try_from((today - first).num_days() + 1).unwrap_or(1)
        })
        .clamp(1, most.max(1))
}

/// `weeks` Monday-to-Sunday rows ending with the week holding `today`.
pub fn weeks(journal: &Journal, today: NaiveDate, weeks: usize) -> Vec<[CalendarDay; 7]> {
    let sunday = today + Days::new(u64::from(6 - today.weekday().num_days_from_monday()));
    let span = Span::ending(sunday, (weeks * 7) as u32);
    let pain = trends::daily_pain(journal, span);
    let first_record = journal.first_day();
    let mut states = vec![DayState::Blank; span.day_count()];
    for session in trends::sessions_in(journal, span) {
        if let Some(at) = span.offset(session.day) {
            states[at] = if session.counts_for_streak() || states[at] == DayState::Done {
                DayState::Done
            } else {
                DayState::Partial
            };
        }
    }
    for (at, state) in states.iter_mut().enumerate() {
        let day = span.day(at);
        if *state != DayState::Blank || day > today {
            continue;
        }
        *state = match journal.day_off(day) {
            Some(DayOff::Rest) => DayState::Rest,
            Some(DayOff::Flare) => DayState::Flare,
            None if day == today => DayState::Today,
            None if first_record.is_some_and(|first| day > first) => DayState::Missed,
            None => DayState::Blank,
        };
    }
    let days: Vec<CalendarDay> = states
        .into_iter()
        .zip(pain)
        .enumerate()
        .map(|(at, (state, pain))| CalendarDay {
            day: span.day(at),
            state,
            pain,
        })
        .collect();
    days.chunks_exact(7)
        .map(|week| std::array::from_fn(|i| week[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pain::Pain;
    use crate::domain::session::SessionRecord;
    use chrono::Weekday;

    use crate::domain::testing::{self, day};

    /// A session with a pain score that differs from day to day.
    fn session(d: u32, done_percent: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(d as u8 % 11),
            ..testing::session(d, done_percent)
        }
    }

    fn state_on(weeks: &[[CalendarDay; 7]], d: u32) -> DayState {
        weeks
            .iter()
            .flatten()
            .find(|c| c.day == day(d))
            .unwrap()
            .state
    }

    #[test]
    fn a_new_patient_sees_the_weeks_since_their_first_record_up_to_twelve() {
        let today = testing::day(25); // a Wednesday
        let mut journal = Journal::default();
        assert_eq!(weeks_to_show(&journal, today, 12), 1);
        assert_eq!(days_counted(&journal, today, 84), 1);
        journal.sessions.push(session(23, 100)); // Monday of the same week
        assert_eq!(weeks_to_show(&journal, today, 12), 1);
        assert_eq!(days_counted(&journal, today, 84), 3);
        journal.sessions.insert(0, session(22, 100)); // the Sunday before
        assert_eq!(weeks_to_show(&journal, today, 12), 2);
        let long_ago = SessionRecord::sample(testing::day(1) - Days::new(200));
        journal.sessions.insert(0, long_ago);
        assert_eq!(weeks_to_show(&journal, today, 12), 12);
        assert_eq!(days_counted(&journal, today, 84), 84);
    }

    #[test]
    fn twelve_monday_weeks_end_with_the_week_of_today() {
        // 25 November 2026 is a Wednesday.
        let weeks = weeks(&Journal::default(), day(25), 12);
        assert_eq!(weeks.len(), 12);
        assert_eq!(weeks[11][0].day, day(23));
        assert_eq!(weeks[11][6].day, day(29));
        assert!(weeks.iter().all(|w| w[0].day.weekday() == Weekday::Mon));
    }

    #[test]
    fn each_day_shows_what_happened() {
        let mut journal =
            Journal::with_sessions([session(16, 100), session(17, 40), session(20, 100)]);
        journal.mark_day(day(18), Some(DayOff::Rest));
        journal.mark_day(day(19), Some(DayOff::Flare));
        let weeks = weeks(&journal, day(22), 2);
        let states: Vec<DayState> = (15..=22).map(|d| state_on(&weeks, d)).collect();
        use DayState::*;
        assert_eq!(
            states,
            [Blank, Done, Partial, Rest, Flare, Done, Missed, Today]
        );
        assert_eq!(
            weeks[1].iter().find(|c| c.day == day(20)).unwrap().pain,
            Some(9)
        );
    }

    #[test]
    fn a_partial_and_a_full_session_on_one_day_is_done() {
        let journal = Journal::with_sessions([session(20, 100), session(20, 30)]);
        assert_eq!(state_on(&weeks(&journal, day(22), 1), 20), DayState::Done);
    }

    #[test]
    fn days_after_today_are_blank() {
        let journal = Journal::with_sessions([session(20, 100)]);
        assert_eq!(state_on(&weeks(&journal, day(25), 1), 27), DayState::Blank);
    }
}
