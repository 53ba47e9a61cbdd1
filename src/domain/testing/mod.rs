//! Helpers the domain's tests share (compiled for tests only).

#[cfg(not(target_arch = "wasm32"))]
pub mod damage;
#[cfg(not(target_arch = "wasm32"))]
pub mod two_tabs;

use chrono::NaiveDate;

use super::checkin::CheckIn;
use super::pain::Pain;
use super::session::SessionRecord;

/// Day `d` of November 2026, the month most tests are set in.
pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// The fixture of every stored layout before the current one, oldest first.
pub const STORED_LAYOUTS: [&str; 8] = [
    include_str!("../../../tests/fixtures/store-v1.json"),
    include_str!("../../../tests/fixtures/store-v2.json"),
    include_str!("../../../tests/fixtures/store-v3.json"),
    include_str!("../../../tests/fixtures/store-v4.json"),
    include_str!("../../../tests/fixtures/store-v5.json"),
    include_str!("../../../tests/fixtures/store-v6.json"),
    include_str!("../../../tests/fixtures/store-v7.json"),
    include_str!("../../../tests/fixtures/store-v8.json"),
];

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

/// A check-in on day `d` with `pain`, edited at `updated_ms`.
pub fn checkin(d: u32, pain: u8, updated_ms: i64) -> CheckIn {
    CheckIn {
        day: day(d),
        pain: Pain::new(pain).unwrap(),
        stiffness: None,
        note: String::new(),
        updated_ms,
        clock: 0,
    }
}
