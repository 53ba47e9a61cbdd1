//! Pure domain logic: no browser APIs, time comes in as arguments, so
//! `cargo test` runs all of it natively.

pub mod assessment;
pub mod backup;
pub mod builder;
pub mod calendar;
pub mod chart;
pub mod checkin;
pub mod commits;
pub mod countdown;
pub mod csv;
pub mod cue;
pub mod day;
pub mod decimal;
pub mod exercise;
pub mod followup;
pub mod ics;
pub mod journal;
pub mod layout;
pub mod pain;
pub mod phase;
pub mod plan;
pub mod plan_log;
pub mod progression;
#[cfg(test)]
mod readability;
pub mod readiness;
pub mod recheck;
pub mod red_flags;
pub mod report;
pub mod routines;
pub mod session;
pub mod settings;
pub mod shards;
pub mod stop_rule;
pub mod store;
pub mod tidy;
pub mod timeline;
pub mod trends;
pub mod warning;

/// Helpers the domain's tests share.
#[cfg(test)]
pub(crate) mod testing {
    use chrono::NaiveDate;

    use super::session::SessionRecord;

    /// Day `d` of November 2026, the month most tests are set in.
    pub fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// The edits a tab makes to its records in the two-tab properties
    /// (`store::merge` through rebase, `layout` through the real save path).
    #[cfg(not(target_arch = "wasm32"))]
    pub mod two_tabs {
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
    }

    /// A session on day `d` with `done_percent` of it done; the percentage
    /// also moves its start, so two on one day are two records.
    pub fn session(d: u32, done_percent: u8) -> SessionRecord {
        let sample = SessionRecord::sample(day(d));
        SessionRecord {
            started_ms: sample.started_ms + i64::from(done_percent),
            done_percent,
            ..sample
        }
    }
}
