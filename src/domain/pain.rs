//! The 0–10 numeric pain rating scale.

use serde::{Deserialize, Serialize};

/// A pain rating from 0 (none) to 10 (worst imaginable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Pain(u8);

impl Pain {
    /// Highest score on the scale.
    pub const MAX: u8 = 10;

    /// A score, or `None` when off the scale.
    pub fn new(score: u8) -> Option<Pain> {
        (score <= Self::MAX).then_some(Pain(score))
    }

    /// The number on the scale.
    pub fn score(self) -> u8 {
        self.0
    }

    /// Plain-language band, as read out to screen-reader users.
    pub fn band(self) -> &'static str {
        match self.0 {
            0 => "no pain",
            1..=3 => "mild",
            4..=6 => "moderate",
            7..=9 => "severe",
            _ => "worst imaginable",
        }
    }

    /// "3 — mild".
    pub fn value_text(self) -> String {
        format!("{} — {}", self.0, self.band())
    }
}

impl TryFrom<u8> for Pain {
    type Error = String;
    fn try_from(score: u8) -> Result<Self, Self::Error> {
        Pain::new(score).ok_or_else(|| format!("pain score {score} is above {}", Pain::MAX))
    }
}

impl From<Pain> for u8 {
    fn from(pain: Pain) -> u8 {
        pain.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_above_ten_are_refused() {
        assert_eq!(Pain::new(10).map(Pain::score), Some(10));
        assert_eq!(Pain::new(11), None);
        assert!(serde_json::from_str::<Pain>("11").is_err());
    }

    #[test]
    fn every_score_has_a_spoken_band() {
        assert_eq!(Pain::new(0).unwrap().value_text(), "0 — no pain");
        assert_eq!(Pain::new(3).unwrap().value_text(), "3 — mild");
        assert_eq!(Pain::new(6).unwrap().band(), "moderate");
        assert_eq!(Pain::new(10).unwrap().band(), "worst imaginable");
    }
}
