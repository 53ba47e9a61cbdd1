//! The daily check-in: how the back feels today, at most one per day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::pain::Pain;

/// One day's check-in; saving again the same day edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Local calendar day; the record's identity.
    pub day: NaiveDate,
    pub pain: Pain,
    #[serde(default)]
    pub stiffness: Option<Pain>,
    /// Free text of any length: a note is never cut short.
    #[serde(default)]
    pub note: String,
    /// When it was last edited, so the latest edit wins when two tabs merge.
    pub updated_ms: i64,
}
