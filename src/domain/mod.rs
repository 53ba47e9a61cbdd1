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
pub mod flare;
pub mod followup;
pub mod ics;
pub mod journal;
pub mod layout;
pub mod load_problem;
pub mod pain;
pub mod peg;
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
pub mod sort;
pub mod spike;
pub mod stop_rule;
pub mod store;
pub mod tags;
pub mod tidy;
pub mod timeline;
pub mod trends;
pub mod trial;
pub mod warning;

/// Helpers the domain's tests share.
#[cfg(test)]
pub(crate) mod testing;
