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
pub mod load_problem;
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

    /// Damaged copies of a real document, for the parser properties. Random
    /// text almost never gets past the JSON parser's first byte. A real
    /// document changed in a few places reaches the readers behind it: half
    /// the cases keep valid JSON with a value swapped or dropped (the typed
    /// readers, migrations and salvage), half have bytes changed or cut
    /// (what a dying save or a bad copy leaves).
    #[cfg(not(target_arch = "wasm32"))]
    pub mod damage {
        use proptest::prelude::*;
        use proptest::sample::Index;
        use serde_json::{Value, json};

        /// Text a damaged file may hold where a value was: wrong types,
        /// numbers out of range, broken structure.
        const TOKENS: [&str; 14] = [
            "null",
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "-1",
            "1e999",
            "18446744073709551616",
            "true",
            r#""\u0000""#,
            "0",
        ];

        /// A value of the wrong type or out of range for wherever it lands.
        fn wrong_value() -> impl Strategy<Value = Value> {
            prop::sample::select(vec![
                Value::Null,
                json!(-1),
                json!(0),
                json!(1.5),
                json!(u64::MAX),
                json!(i64::MIN),
                json!(true),
                json!(""),
                json!("2026-02-30"),
                json!([]),
                json!({}),
            ])
        }

        /// One change at a position chosen as an index into the text.
        #[derive(Debug, Clone)]
        enum Change {
            Byte(Index, u8),
            Delete(Index, usize),
            Insert(Index, &'static str),
        }

        fn changes() -> impl Strategy<Value = Vec<Change>> {
            let change = prop_oneof![
                (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Change::Byte(at, b)),
                (any::<Index>(), 1usize..12).prop_map(|(at, n)| Change::Delete(at, n)),
                (any::<Index>(), prop::sample::select(TOKENS.to_vec()))
                    .prop_map(|(at, t)| Change::Insert(at, t)),
            ];
            prop::collection::vec(change, 1..=3)
        }

        /// `doc` with one to three bytes changed, runs deleted or tokens
        /// inserted, then cut short half the time (a save that died).
        fn broken(doc: &str, changes: Vec<Change>, cut: Option<Index>) -> String {
            let mut bytes = doc.as_bytes().to_vec();
            for change in changes {
                let len = bytes.len();
                match change {
                    Change::Byte(i, byte) if len > 0 => bytes[i.index(len)] = byte,
                    Change::Delete(i, n) if len > 0 => {
                        let at = i.index(len);
                        bytes.drain(at..(at + n).min(len));
                    }
                    Change::Insert(i, token) => {
                        let at = i.index(len + 1);
                        bytes.splice(at..at, token.bytes());
                    }
                    _ => {}
                }
            }
            if let Some(i) = cut {
                bytes.truncate(i.index(bytes.len() + 1));
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }

        /// The path of every value in `doc` below the top, as (parent's
        /// JSON pointer, key or index in it).
        fn paths(doc: &Value) -> Vec<(String, String)> {
            let mut out = Vec::new();
            let mut stack = vec![(String::new(), doc)];
            while let Some((path, value)) = stack.pop() {
                let children: Vec<(String, &Value)> = match value {
                    Value::Array(items) => items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (i.to_string(), v))
                        .collect(),
                    Value::Object(map) => map
                        .iter()
                        .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v))
                        .collect(),
                    _ => Vec::new(),
                };
                for (key, child) in children {
                    stack.push((format!("{path}/{key}"), child));
                    out.push((path.clone(), key));
                }
            }
            out
        }

        /// `doc` with one to three values replaced by a wrong one, or
        /// dropped from their list or object; `paths` are `doc`'s. A path
        /// an earlier change removed is skipped.
        fn swapped(
            doc: &Value,
            paths: &[(String, String)],
            swaps: Vec<(Index, Option<Value>)>,
        ) -> String {
            let mut doc = doc.clone();
            for (at, replacement) in swaps {
                let (parent, key) = &paths[at.index(paths.len())];
                match (doc.pointer_mut(parent), replacement) {
                    (Some(Value::Array(items)), value) => {
                        let i = key.parse::<usize>().unwrap_or(usize::MAX);
                        match value {
                            Some(value) if i < items.len() => items[i] = value,
                            None if i < items.len() => drop(items.remove(i)),
                            _ => {}
                        }
                    }
                    (Some(Value::Object(map)), value) => {
                        let key = key.replace("~1", "/").replace("~0", "~");
                        match value {
                            Some(value) => drop(map.insert(key, value)),
                            None => drop(map.remove(&key)),
                        }
                    }
                    _ => {}
                }
            }
            with_version_first(doc)
        }

        /// `doc` as text with `schema_version` first, where the app writes
        /// it (serde_json sorts keys), so the fast path for the current
        /// layout is damaged too.
        fn with_version_first(mut doc: Value) -> String {
            let version = doc
                .as_object_mut()
                .and_then(|map| map.remove("schema_version"));
            match (version, doc.to_string()) {
                (Some(version), rest) if rest.len() > 2 => {
                    format!("{{\"schema_version\":{version},{}", &rest[1..])
                }
                (Some(version), _) => format!("{{\"schema_version\":{version}}}"),
                (None, text) => text,
            }
        }

        /// A damaged copy of one of `docs`, which must be valid JSON.
        pub fn damaged(docs: Vec<String>) -> impl Strategy<Value = String> {
            let each = docs.into_iter().map(|doc| {
                let tree: Value = serde_json::from_str(&doc).expect("a valid document to damage");
                let paths = paths(&tree);
                let swaps =
                    prop::collection::vec((any::<Index>(), prop::option::of(wrong_value())), 1..=3)
                        .prop_map(move |swaps| swapped(&tree, &paths, swaps));
                let cut = prop::option::weighted(0.5, any::<Index>());
                let broken =
                    (changes(), cut).prop_map(move |(changes, cut)| broken(&doc, changes, cut));
                prop_oneof![swaps, broken].boxed()
            });
            proptest::strategy::Union::new(each)
        }
    }

    /// The fixture of every stored layout before the current one, oldest first.
    pub const STORED_LAYOUTS: [&str; 5] = [
        include_str!("../../tests/fixtures/store-v1.json"),
        include_str!("../../tests/fixtures/store-v2.json"),
        include_str!("../../tests/fixtures/store-v3.json"),
        include_str!("../../tests/fixtures/store-v4.json"),
        include_str!("../../tests/fixtures/store-v5.json"),
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
}
