//! The edits a tab makes to its records in the two-tab properties
//! (`store::merge` through rebase, `layout` through the real save path).

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::domain::checkin::CheckIn;
use crate::domain::journal::{DayOff, Journal};
use crate::domain::pain::Pain;
use crate::domain::session::SessionRecord;

/// One edit to one tab's records, on a day numbered as the test's `day` reads it.
#[derive(Debug, Clone)]
pub enum Edit {
    Mark(u32, Option<DayOff>),
    Record(u32),
    CheckIn(u32, u8),
}

/// Marks (rest, flare or undo), sessions and check-ins, equally often, on `days`.
pub fn edits(days: impl Strategy<Value = u32> + Clone) -> impl Strategy<Value = Edit> {
    let kind = prop_oneof![
        Just(None),
        Just(Some(DayOff::Rest)),
        Just(Some(DayOff::Flare))
    ];
    prop_oneof![
        (days.clone(), kind).prop_map(|(d, k)| Edit::Mark(d, k)),
        days.clone().prop_map(Edit::Record),
        (days, 0u8..=10).prop_map(|(d, p)| Edit::CheckIn(d, p)),
    ]
}

impl Edit {
    /// Makes the edit in tab `tab`'s journal; the check-in's note names the tab.
    pub fn apply(&self, journal: &mut Journal, tab: usize, day: impl Fn(u32) -> NaiveDate) {
        match *self {
            Edit::Mark(d, kind) => journal.mark_day(day(d), kind),
            Edit::Record(d) => journal.record(SessionRecord::sample(day(d))),
            Edit::CheckIn(d, pain) => journal.check_in(CheckIn {
                day: day(d),
                pain: Pain::new(pain).unwrap(),
                stiffness: None,
                note: format!("tab {tab}"),
                updated_ms: 0,
                clock: 0,
            }),
        }
    }
}
