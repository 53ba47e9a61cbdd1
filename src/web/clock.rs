//! The browser's clock, time zone and locale; the only source of "now".

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;
use wasm_bindgen::JsValue;

use crate::domain::day::{local_day, local_time};

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC in force at `at_ms` (DST-aware, unlike a fixed offset).
fn offset_minutes(at_ms: i64) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(at_ms as f64));
    -(date.get_timezone_offset() as i32)
}

/// The local calendar day containing `at_ms`.
pub fn day_of(at_ms: i64) -> NaiveDate {
    local_day(at_ms, offset_minutes(at_ms))
}

/// The local date and time of `at_ms`.
pub fn local(at_ms: i64) -> NaiveDateTime {
    local_time(at_ms, offset_minutes(at_ms))
}

/// 12:00 local time on `day`, in ms since the epoch.
pub fn local_noon_ms(day: NaiveDate) -> i64 {
    use chrono::Datelike;
    let noon = js_sys::Date::new_with_year_month_day_hr_min_sec(
        day.year() as u32,
        day.month0() as i32,
        day.day() as i32,
        12,
        0,
        0,
    );
    noon.get_time() as i64
}

/// Today's local calendar day.
pub fn today() -> NaiveDate {
    day_of(now_ms())
}

/// Today's local day, kept current: an installed app comes back from the
/// background without reloading, and an open one crosses midnight, so look
/// again whenever the page becomes visible and once a minute.
pub fn use_current_day() -> Memo<NaiveDate> {
    let visibility = use_document_visibility();
    let minute = RwSignal::new(0u32);
    use_interval_fn(move || minute.update(|m| *m += 1), 60_000);
    Memo::new(move |_| {
        visibility.track();
        minute.track();
        today()
    })
}

/// "07:42" local time for an instant.
pub fn time_label(at_ms: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at_ms as f64));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The browser's language tag, e.g. "en-GB"; empty when it gives none.
pub fn locale() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
