//! The daily check-in: how the back feels today, at most one per day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::pain::Pain;

/// One day's check-in; saving again the same day edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Local calendar day; the record's identity.
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    pub pain: Pain,
    #[serde(default)]
    pub stiffness: Option<Pain>,
    /// Free text of any length: a note is never cut short.
    #[serde(default)]
    pub note: String,
    /// When it was last edited (wall clock, shown and exported).
    pub updated_ms: i64,
    /// Logical clock of the last edit (Lamport, see `Journal::check_in`):
    /// the later edit wins when two tabs merge, even if a phone's clock was
    /// set back in between. 0 in check-ins saved before version 5.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub clock: u64,
}

fn is_zero(clock: &u64) -> bool {
    *clock == 0
}

impl CheckIn {
    /// Which of two versions of a day's check-in stands after a merge: the
    /// later edit by logical clock, then by wall clock, then by content, so
    /// every copy picks the same one.
    pub fn later_edit<'a>(&'a self, other: &'a CheckIn) -> &'a CheckIn {
        let key = |c: &CheckIn| (c.clock, c.updated_ms, c.pain, c.stiffness, c.note.clone());
        if key(other) > key(self) { other } else { self }
    }
}
