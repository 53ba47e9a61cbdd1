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
