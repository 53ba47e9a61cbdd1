//! The one document kept on the device, and how it is read and written.
//! Parsing is pure so that every malformed input can be tested natively.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::journal::Journal;
use super::session::ActiveSession;
use super::settings::Settings;

/// Version of the document layout this app writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything Spinewise keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub schema_version: u32,
    #[serde(default)]
    pub journal: Journal,
    /// The routine in progress, if any.
    #[serde(default)]
    pub active: Option<ActiveSession>,
    #[serde(default)]
    pub settings: Settings,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            schema_version: SCHEMA_VERSION,
            journal: Journal::default(),
            active: None,
            settings: Settings::default(),
        }
    }
}

/// Why saved data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not a Spinewise document, or damaged.
    Corrupt(String),
    /// Written by a newer version of the app, which this one must not overwrite.
    NewerSchema(u32),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Corrupt(why) => write!(f, "saved data is unreadable ({why})"),
            LoadError::NewerSchema(v) => {
                write!(
                    f,
                    "saved data is from a newer version of Spinewise (format {v})"
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Just the version, read first so a newer layout is recognised even when
/// the rest would not parse.
#[derive(Deserialize)]
struct Versioned {
    schema_version: u32,
}

impl Store {
    /// Reads a stored document.
    pub fn parse(raw: &str) -> Result<Store, LoadError> {
        let corrupt = |e: serde_json::Error| LoadError::Corrupt(e.to_string());
        let Versioned { schema_version } = serde_json::from_str(raw).map_err(corrupt)?;
        if schema_version > SCHEMA_VERSION {
            return Err(LoadError::NewerSchema(schema_version));
        }
        serde_json::from_str(raw).map_err(corrupt)
    }

    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a store always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pain::Pain;
    use crate::domain::plan::{Pacing, Plan};
    use chrono::NaiveDate;

    fn sample() -> Store {
        let mut store = Store::default();
        let mut done = ActiveSession::start(Plan::seed(), Pacing::default(), 1_795_600_000_000);
        done.pain_before = Pain::new(5);
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        store
            .journal
            .record(done.finish(1_795_602_000_000, day, Pain::new(3)));
        store.active = Some(ActiveSession::start(
            Plan::seed(),
            Pacing::default(),
            1_795_700_000_000,
        ));
        store
    }

    #[test]
    fn a_store_round_trips_through_json() {
        let store = sample();
        assert_eq!(Store::parse(&store.to_json()), Ok(store));
    }

    #[test]
    fn a_newer_document_is_refused_even_if_its_shape_changed() {
        let raw = r#"{"schema_version":2,"journal":"something else"}"#;
        assert_eq!(Store::parse(raw), Err(LoadError::NewerSchema(2)));
    }

    #[test]
    fn damaged_documents_are_reported_not_panicked_on() {
        for raw in ["", "{", "null", "[]", r#"{"journal":{}}"#, "\u{0}\u{ff}"] {
            assert!(
                matches!(Store::parse(raw), Err(LoadError::Corrupt(_))),
                "{raw:?}"
            );
        }
        let truncated = &sample().to_json()[..200];
        assert!(matches!(
            Store::parse(truncated),
            Err(LoadError::Corrupt(_))
        ));
    }

    #[test]
    fn an_out_of_range_pain_score_is_damage() {
        let raw = sample()
            .to_json()
            .replace(r#""pain_after":3"#, r#""pain_after":42"#);
        assert!(matches!(Store::parse(&raw), Err(LoadError::Corrupt(_))));
    }

    #[test]
    fn a_minimal_document_loads_empty() {
        let store = Store::parse(r#"{"schema_version":1}"#).unwrap();
        assert_eq!(store, Store::default());
    }
}
