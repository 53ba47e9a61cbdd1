//! Older stored layouts brought up to date, and damaged documents read
//! record by record. Every past version keeps a fixture in `tests/fixtures/`.

use serde_json::{Map, Value};

use super::{LoadError, SCHEMA_VERSION, Store};
use crate::domain::assessment::PatternCheck;
use crate::domain::checkin::CheckIn;
use crate::domain::followup::FollowUp;
use crate::domain::journal::{DayCleared, DayMark};
use crate::domain::peg::Peg;
use crate::domain::plan::Plan;
use crate::domain::plan_log::PlanRun;
use crate::domain::red_flags::Screening;
use crate::domain::session::{ActiveSession, SessionRecord};
use crate::domain::settings::Settings;
use crate::domain::tags::DayTags;
use crate::domain::trial::Trial;

/// How every document this version writes begins.
pub(super) const CURRENT_PREFIX: &str = "{\"schema_version\":9,";

type Migration = fn(&mut Map<String, Value>) -> Result<(), String>;

/// `MIGRATIONS[i]` turns a version `i + 1` document into version `i + 2`.
/// Every past version keeps a fixture in `tests/fixtures/`.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9,
];

/// v2 lifts the history out of `journal`, adds check-ins and the counters
/// that let two tabs merge.
fn v1_to_v2(doc: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(journal) = doc.remove("journal") {
        let Value::Object(journal) = journal else {
            return Err("journal is not an object".into());
        };
        for (key, value) in journal {
            doc.entry(key).or_insert(value);
        }
    }
    Ok(())
}

/// v3 adds follow-up answers, the log of routines run and each session's
/// key into it. All are new lists and an optional field, so a v2 document
/// needs no change; the version still moves so that a v2 app meeting v3
/// data stays read-only instead of saving over what it cannot see.
fn v2_to_v3(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v4 adds when a red-flag answer was checked by a clinician, the emergency
/// number, the exercise-readiness answers and each session's "+15 s" time.
/// All are optional with defaults, so a v3 document needs no change; the
/// version moves so that a v3 app meeting v4 data stays read-only.
fn v3_to_v4(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v5 stamps each day-off mark with a logical clock and keeps undone marks
/// as `days_cleared`, so a merge no longer brings an undone mark back. Old
/// marks read with clock 0, so a v4 document needs no change; the version
/// moves so that a v4 app, which would drop the cleared marks, stays
/// read-only.
fn v4_to_v5(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v6 stamps each follow-up answer with a logical clock and stores the
/// document in parts (`shards`, `commits`, `layout`). Old answers read
/// with clock 0, so a v5 document needs no change; the version moves so that
/// a v5 app, which reads only the single document, finds a v6 marker there
/// and stays read-only instead of starting empty over the patient's data.
fn v5_to_v6(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v7 adds the exercises a session hurt in (an optional list), when a
/// session was filled in afterwards (optional), and whether the first-run
/// set-up ended (false when absent). A v6 document needs no
/// change; the version moves so that a v6 app, which
/// would save the sessions again without it, stays read-only.
fn v6_to_v7(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v8 adds the two-week trials of a change to the routine and the weekly
/// PEG-3 answers (two new lists).
/// A v7 document needs no change; the version moves so that a v7 app,
/// which would save the document again without the trials, stays
/// read-only.
fn v7_to_v8(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// v9 adds tags on days (pain medicine, poor sleep…) and the pattern
/// checks' answers, two new lists. A v8 document needs no change; the
/// version moves so that a v8 app, which would save the document again
/// without them, stays read-only.
fn v8_to_v9(_doc: &mut Map<String, Value>) -> Result<(), String> {
    Ok(())
}

/// Brings a document of any known version up to the current layout.
pub fn migrate(mut doc: Value) -> Result<Value, LoadError> {
    let Value::Object(map) = &mut doc else {
        return Err(LoadError::Corrupt("not a JSON object".into()));
    };
    let version = map
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| LoadError::Corrupt("no schema_version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerSchema(version));
    }
    if version == 0 {
        return Err(LoadError::Corrupt("schema_version 0".into()));
    }
    for step in &MIGRATIONS[version as usize - 1..] {
        step(map).map_err(LoadError::Corrupt)?;
    }
    map.insert("schema_version".into(), SCHEMA_VERSION.into());
    Ok(doc)
}

/// Keeps the items of the list `value` that read as a `T` (an empty list
/// when it is no list); returns how many were left out.
fn keep_readable<T: serde::de::DeserializeOwned>(value: &mut Value) -> usize {
    let Value::Array(items) = value else {
        *value = Value::Array(Vec::new());
        return 1;
    };
    let before = items.len();
    // from_value, not `T::deserialize(&Value)`: the owned-value reader is
    // already in the build for migrations, a second one would add ~20 KiB.
    items.retain(|item| serde_json::from_value::<T>(item.clone()).is_ok());
    before - items.len()
}

/// Whether the top-level field `key` reads as its type (list fields are
/// checked item by item elsewhere; unknown fields are ignored anyway).
fn single_field_reads(key: &str, value: &Value) -> bool {
    match key {
        "revision" => serde_json::from_value::<u64>(value.clone()).is_ok(),
        "generation" => serde_json::from_value::<i64>(value.clone()).is_ok(),
        "active" => serde_json::from_value::<Option<ActiveSession>>(value.clone()).is_ok(),
        "settings" => serde_json::from_value::<Settings>(value.clone()).is_ok(),
        "last_export_ms" => serde_json::from_value::<Option<i64>>(value.clone()).is_ok(),
        "active_plan" => serde_json::from_value::<Option<String>>(value.clone()).is_ok(),
        _ => true,
    }
}

impl Store {
    /// A damaged document read record by record: a record or setting that
    /// cannot be read is left out and counted, so one bad pain score does
    /// not cost the rest of the history (data review §1 #7). Fails only for
    /// text that is not a Spinewise document at all, or a newer one.
    pub fn salvage(doc: Value) -> Result<(Store, usize), LoadError> {
        let mut doc = migrate(doc)?;
        let map = doc.as_object_mut().expect("migrate returns an object");
        let mut left_out = 0;
        for (key, value) in map.iter_mut() {
            left_out += match key.as_str() {
                "sessions" => keep_readable::<SessionRecord>(value),
                "checkins" => keep_readable::<CheckIn>(value),
                "days_off" => keep_readable::<DayMark>(value),
                "days_cleared" => keep_readable::<DayCleared>(value),
                "followups" => keep_readable::<FollowUp>(value),
                "routines_run" => keep_readable::<PlanRun>(value),
                "tags" => keep_readable::<DayTags>(value),
                "trials" => keep_readable::<Trial>(value),
                "peg" => keep_readable::<Peg>(value),
                "pattern_checks" => keep_readable::<PatternCheck>(value),
                "screenings" => keep_readable::<Screening>(value),
                "plans" => keep_readable::<Plan>(value),
                _ => 0,
            };
        }
        // A single field that cannot be read falls back to its default.
        let unreadable: Vec<String> = map
            .iter()
            .filter(|(key, value)| !single_field_reads(key, value))
            .map(|(key, _)| key.clone())
            .collect();
        for key in &unreadable {
            map.remove(key);
        }
        left_out += unreadable.len();
        let store: Store =
            serde_json::from_value(doc).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        Ok((store, left_out))
    }
}
