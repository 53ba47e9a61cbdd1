//! Screening for the warning signs of serious spinal problems that no
//! exercise routine should delay (after NICE NG59 and common clinical
//! guidance). The app never locks the patient out; it says plainly when and
//! how urgently to get care, and keeps the answers for their clinician.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How soon a "yes" needs a clinician.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// See a doctor within a day or two.
    Soon,
    /// Go to an emergency department now.
    Emergency,
}

/// One yes/no question.
#[derive(Debug, PartialEq, Eq)]
pub struct RedFlag {
    /// Stable id stored with the answers; never rename.
    pub id: &'static str,
    pub question: &'static str,
    /// Why it matters, in plain words.
    pub why: &'static str,
    pub urgency: Urgency,
}

/// The questions, most urgent first.
pub const RED_FLAGS: &[RedFlag] = &[
    RedFlag {
        id: "saddle",
        question: "Numbness or tingling between your legs or around your bottom (where you would sit on a saddle)?",
        why: "This can mean the nerves at the base of the spine are squeezed, which needs treatment within hours.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "bladder-bowel",
        question: "New problems with peeing, or with holding in pee or poo?",
        why: "Together with back pain this can mean nerve compression that needs treatment within hours.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "legs",
        question: "Weakness or numbness in one or both legs that is getting worse?",
        why: "Nerve damage that is getting worse should be checked before it can last for good.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "trauma",
        question: "Did the pain start after a fall, an accident or another heavy blow?",
        why: "A fall or blow can crack a bone in the spine. A doctor should check it before you exercise.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "fever",
        question: "A fever, chills or feeling unwell as well as the back pain?",
        why: "Back pain with fever can come from an infection, which needs a doctor.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "cancer-weight",
        question: "Weight loss you cannot explain, or have you ever had cancer?",
        why: "A doctor should rule out a cause other than muscles and joints.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "night",
        question: "Constant pain at night that does not ease however you lie or rest?",
        why: "Pain that no position eases is not typical of strain and should be looked at.",
        urgency: Urgency::Soon,
    },
];

/// One completed screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub at_ms: i64,
    pub day: NaiveDate,
    /// Ids of the questions answered yes.
    pub yes: Vec<String>,
}

impl Screening {
    /// The questions answered yes, known to this version.
    pub fn flags(&self) -> impl Iterator<Item = &'static RedFlag> + '_ {
        RED_FLAGS
            .iter()
            .filter(|f| self.yes.iter().any(|id| id == f.id))
    }

    /// How soon to get care, or `None` when every answer was no.
    pub fn urgency(&self) -> Option<Urgency> {
        self.flags().map(|f| f.urgency).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;
    use std::collections::HashSet;

    #[test]
    fn the_questions_and_reasons_read_at_a_plain_language_level() {
        // Grade 8 is a reading age of about 13; the average stays near 11.
        let texts: Vec<&str> = RED_FLAGS.iter().flat_map(|f| [f.question, f.why]).collect();
        for text in &texts {
            assert!(grade(text) <= 8.0, "{:.1}: {text}", grade(text));
        }
        let mean = texts.iter().map(|t| grade(t)).sum::<f64>() / texts.len() as f64;
        assert!(mean <= 7.0, "{mean:.1}");
    }

    fn screening(yes: &[&str]) -> Screening {
        Screening {
            at_ms: 0,
            day: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            yes: yes.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn all_no_needs_no_care_message() {
        assert_eq!(screening(&[]).urgency(), None);
    }

    #[test]
    fn any_nerve_sign_means_emergency_even_with_milder_ones() {
        assert_eq!(screening(&["night"]).urgency(), Some(Urgency::Soon));
        assert_eq!(
            screening(&["night", "bladder-bowel"]).urgency(),
            Some(Urgency::Emergency)
        );
        assert_eq!(screening(&["saddle"]).urgency(), Some(Urgency::Emergency));
    }

    #[test]
    fn answers_from_a_newer_version_are_kept_but_not_misread() {
        let s = screening(&["some-future-question", "fever"]);
        assert_eq!(s.flags().count(), 1);
        assert_eq!(s.yes.len(), 2);
    }

    #[test]
    fn ids_are_unique_and_every_question_says_why() {
        let ids: HashSet<_> = RED_FLAGS.iter().map(|f| f.id).collect();
        assert_eq!(ids.len(), RED_FLAGS.len());
        assert!(
            RED_FLAGS
                .iter()
                .all(|f| f.question.ends_with('?') && !f.why.is_empty())
        );
    }
}
