//! Damaged copies of a real document, for the parser properties. Random
//! text almost never gets past the JSON parser's first byte. A real
//! document changed in a few places reaches the readers behind it: half
//! the cases keep valid JSON with a value swapped or dropped (the typed
//! readers, migrations and salvage), half have bytes changed or cut
//! (what a dying save or a bad copy leaves).

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
fn swapped(doc: &Value, paths: &[(String, String)], swaps: Vec<(Index, Option<Value>)>) -> String {
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
        let swaps = prop::collection::vec((any::<Index>(), prop::option::of(wrong_value())), 1..=3)
            .prop_map(move |swaps| swapped(&tree, &paths, swaps));
        let cut = prop::option::weighted(0.5, any::<Index>());
        let broken = (changes(), cut).prop_map(move |(changes, cut)| broken(&doc, changes, cut));
        prop_oneof![swaps, broken].boxed()
    });
    proptest::strategy::Union::new(each)
}
