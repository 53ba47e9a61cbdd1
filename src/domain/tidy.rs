//! Loaded data made safe to use. A backup file or a stored document may
//! have been edited by hand, garbled, or written by a buggy version: its
//! lists may be out of order (lookups use binary search), hold the same
//! record twice, or carry dates no patient logged (a day-off mark in the
//! year -9999 makes every day-by-day walk endless). Each list is sorted and
//! de-duplicated, and records dated outside 2000 to tomorrow are set aside
//! and counted, so the patient can be told (data review §3, findings p8, p9).

use std::cmp::Reverse;
use std::ops::RangeInclusive;

use chrono::{Days, NaiveDate};

use super::day::local_day;
use super::sort;
use super::store::Store;
use super::tags::Tag;

/// No record can be older than this: Spinewise did not exist.
pub const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();

/// The days a record can plausibly carry on `today`: tomorrow is allowed
/// for a phone whose clock or time zone is a little ahead.
pub fn plausible_days(today: NaiveDate) -> RangeInclusive<NaiveDate> {
    EARLIEST..=today.checked_add_days(Days::new(1)).unwrap_or(today)
}

/// What tidying removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tidied {
    /// Records dated outside [`plausible_days`].
    pub out_of_range: usize,
    /// Second copies of a record (the newest edit is kept).
    pub repeated: usize,
}

impl Tidied {
    /// Records left out in all.
    pub fn set_aside(self) -> usize {
        self.out_of_range + self.repeated
    }
}

/// Sorts, de-duplicates and date-checks every list in `store`.
pub fn tidy(store: &mut Store, today: NaiveDate) -> Tidied {
    let days = plausible_days(today);
    let mut tally = Tidied::default();
    let journal = &mut store.journal;
    tidy_list(
        &mut journal.sessions,
        |s| s.started_ms,
        |_| (),
        |s| Some(s.day),
        &days,
        &mut tally,
    );
    tidy_list(
        &mut journal.checkins,
        |c| c.day,
        |c| (c.clock, c.updated_ms),
        |c| Some(c.day),
        &days,
        &mut tally,
    );
    tidy_list(
        &mut journal.days_off,
        |m| m.day,
        |m| m.clock,
        |m| Some(m.day),
        &days,
        &mut tally,
    );
    tidy_list(
        &mut journal.days_cleared,
        |c| c.day,
        |c| c.clock,
        |c| Some(c.day),
        &days,
        &mut tally,
    );
    tally.repeated += journal.settle_day_changes();
    tidy_list(
        &mut journal.followups,
        |a| (a.session, a.kind),
        |a| (a.clock, a.answered_ms),
        |_| None,
        &days,
        &mut tally,
    );
    tidy_list(
        &mut journal.routines_run,
        |run| run.key.clone(),
        |_| (),
        |_| None,
        &days,
        &mut tally,
    );
    tidy_list(
        &mut journal.tags,
        |t| t.day,
        |t| (t.clock, t.tags.len()),
        |t| Some(t.day),
        &days,
        &mut tally,
    );
    // A hand-edited file may list a tag twice or out of order (`Tag`'s
    // order is `Tag::ALL`'s); what this app wrote costs one look.
    for day in &mut journal.tags {
        if !day.tags.windows(2).all(|w| w[0] < w[1]) {
            day.tags = Tag::ALL
                .into_iter()
                .filter(|t| day.tags.contains(t))
                .collect();
        }
    }
    tidy_list(
        &mut store.screenings,
        |s| s.at_ms,
        |s| s.checked_ms,
        |s| Some(s.day),
        &days,
        &mut tally,
    );
    // A routine "started" in another century would never end; the UTC day
    // is near enough for a range this wide.
    let stray = store
        .active
        .as_ref()
        .is_some_and(|a| !days.contains(&local_day(a.started_ms, 0)));
    if stray {
        store.active = None;
        tally.out_of_range += 1;
    }
    tally
}

/// Drops the items dated outside `days`, then sorts by `id` and keeps one
/// item per `id`: the one with the highest `stamp`, else the last in the list.
fn tidy_list<T, I: Ord, S: Ord>(
    items: &mut Vec<T>,
    id: impl Fn(&T) -> I,
    stamp: impl Fn(&T) -> S,
    day: impl Fn(&T) -> Option<NaiveDate>,
    days: &RangeInclusive<NaiveDate>,
    tally: &mut Tidied,
) {
    let before = items.len();
    items.retain(|item| day(item).is_none_or(|d| days.contains(&d)));
    tally.out_of_range += before - items.len();
    // The usual case, a list this app wrote, costs one pass.
    if items.windows(2).all(|w| id(&w[0]) < id(&w[1])) {
        return;
    }
    // Reversed first, so that among equal stamps the stable sort puts the
    // item that came last in the file first, and `dedup` keeps the first.
    items.reverse();
    sort::sort_by_key(items, |item| (id(item), Reverse(stamp(item))));
    let before = items.len();
    items.dedup_by(|later, kept| id(later) == id(kept));
    tally.repeated += before - items.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::journal::DayOff;
    use crate::domain::pain::Pain;
    use crate::domain::red_flags::Screening;
    use crate::domain::session::SessionRecord;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn checkin(on: NaiveDate, note: &str, updated_ms: i64) -> CheckIn {
        CheckIn {
            day: on,
            pain: Pain::new(4).unwrap(),
            stiffness: None,
            note: note.into(),
            updated_ms,
            clock: 0,
        }
    }

    #[test]
    fn a_days_tags_listed_twice_or_out_of_order_are_put_right() {
        use crate::domain::tags::{DayTags, Tag};
        let mut store = Store::default();
        store.journal.tags = vec![DayTags {
            day: today(),
            tags: vec![Tag::Stress, Tag::PainMedicine, Tag::Stress],
            clock: 1,
        }];
        tidy(&mut store, today());
        assert_eq!(
            store.journal.tags_on(today()),
            [Tag::PainMedicine, Tag::Stress]
        );
    }

    #[test]
    fn the_plausible_range_runs_from_2000_to_tomorrow() {
        let days = plausible_days(today());
        assert!(days.contains(&day(2000, 1, 1)));
        assert!(!days.contains(&day(1999, 12, 31)));
        assert!(days.contains(&day(2026, 11, 26)));
        assert!(!days.contains(&day(2026, 11, 27)));
        assert_eq!(plausible_days(NaiveDate::MAX).end(), &NaiveDate::MAX);
    }

    #[test]
    fn records_dated_outside_the_range_are_set_aside_and_counted() {
        let mut store = Store::default();
        for on in [
            NaiveDate::MIN,
            day(1999, 12, 31),
            day(2026, 11, 20),
            day(2026, 11, 27),
        ] {
            store.journal.mark_day(on, Some(DayOff::Rest));
        }
        store.journal.record(SessionRecord::sample(day(9999, 1, 1)));
        store
            .journal
            .record(SessionRecord::sample(day(2026, 11, 24)));
        let tidied = tidy(&mut store, today());
        assert_eq!(
            tidied,
            Tidied {
                out_of_range: 4,
                repeated: 0
            }
        );
        let kept: Vec<_> = store
            .journal
            .days_off
            .iter()
            .map(|m| (m.day, m.kind))
            .collect();
        assert_eq!(kept, [(day(2026, 11, 20), DayOff::Rest)]);
        assert_eq!(store.journal.sessions.len(), 1);
        // The streak walks from the first mark: it is quick again.
        assert_eq!(store.journal.best_streak(today()), 1);
    }

    #[test]
    fn unsorted_lists_are_sorted_so_lookups_find_every_record() {
        let mut store = Store::default();
        store.journal.checkins = vec![
            checkin(day(2026, 11, 27), "", 3),
            checkin(day(2026, 11, 20), "a", 1),
            checkin(day(2026, 11, 24), "b", 2),
        ];
        let tidied = tidy(&mut store, day(2026, 11, 27));
        assert_eq!(tidied.set_aside(), 0);
        for on in [day(2026, 11, 20), day(2026, 11, 24), day(2026, 11, 27)] {
            assert!(store.journal.checkin_on(on).is_some(), "{on}");
        }
    }

    #[test]
    fn a_repeated_check_in_keeps_its_newest_edit() {
        let mut store = Store::default();
        store.journal.checkins = vec![
            checkin(day(2026, 11, 24), "newest", 9),
            checkin(day(2026, 11, 24), "older", 2),
            checkin(day(2026, 11, 23), "other day", 1),
        ];
        let tidied = tidy(&mut store, today());
        assert_eq!(
            tidied,
            Tidied {
                out_of_range: 0,
                repeated: 1
            }
        );
        let notes: Vec<&str> = store
            .journal
            .checkins
            .iter()
            .map(|c| c.note.as_str())
            .collect();
        assert_eq!(notes, ["other day", "newest"]);
    }

    #[test]
    fn a_repeated_session_keeps_the_copy_that_came_last() {
        let first = SessionRecord::sample(day(2026, 11, 24));
        let later = SessionRecord {
            done_percent: 60,
            ..first.clone()
        };
        let mut store = Store::default();
        store.journal.sessions = vec![first, later.clone()];
        assert_eq!(tidy(&mut store, today()).repeated, 1);
        assert_eq!(store.journal.sessions, [later]);
    }

    #[test]
    fn a_repeated_screening_keeps_its_checked_mark() {
        let open = Screening::answered(5, day(2026, 11, 24), vec!["fever".into()]);
        let checked = Screening {
            checked_ms: Some(8),
            ..open.clone()
        };
        let mut store = Store {
            screenings: vec![checked.clone(), open],
            ..Store::default()
        };
        assert_eq!(tidy(&mut store, today()).repeated, 1);
        assert_eq!(store.screenings, [checked]);
    }

    #[test]
    fn tidy_data_is_left_exactly_as_it_was() {
        let mut store = Store::default();
        store
            .journal
            .record(SessionRecord::sample(day(2026, 11, 23)));
        store
            .journal
            .record(SessionRecord::sample(day(2026, 11, 24)));
        store.journal.check_in(checkin(day(2026, 11, 24), "x", 1));
        store
            .journal
            .mark_day(day(2026, 11, 22), Some(DayOff::Flare));
        let before = store.clone();
        assert_eq!(tidy(&mut store, today()), Tidied::default());
        assert_eq!(store, before);
    }
}
