//! Pure domain logic: no browser APIs, time comes in as arguments, so
//! `cargo test` runs all of it natively.

pub mod assessment;
pub mod backup;
pub mod builder;
pub mod checkin;
pub mod countdown;
pub mod csv;
pub mod cue;
pub mod day;
pub mod exercise;
pub mod ics;
pub mod journal;
pub mod pain;
pub mod phase;
pub mod plan;
pub mod red_flags;
pub mod session;
pub mod settings;
pub mod store;
pub mod timeline;
