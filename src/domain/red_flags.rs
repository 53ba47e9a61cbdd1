//! Screening for the warning signs of serious spinal problems that no
//! exercise routine should delay. The questions, their wording and their
//! three urgency levels follow the clinical review's table (§2.1–2.2):
//! NICE NG59 (low back pain), NHS CKS "red flags", NICE NG234 (spinal
//! metastases: cancer with new spinal pain within 24 h), NICE NG65
//! (inflammatory back pain) and the UK cauda equina warning card. The app
//! never locks the patient out; it says plainly when and how urgently to get
//! care, and keeps the answers for their clinician.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How soon a "yes" needs a clinician.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// See a doctor in the next few days or weeks.
    Soon,
    /// Speak to a doctor today (within 24 hours).
    SameDay,
    /// Call the emergency number or go to an emergency department now.
    Emergency,
}

impl Urgency {
    /// The outcome's heading.
    pub fn title(self) -> &'static str {
        match self {
            Urgency::Soon => "Please see a doctor soon",
            Urgency::SameDay => "Please speak to a doctor today",
            Urgency::Emergency => "Please get emergency care now",
        }
    }

    /// What to do, in plain words; also kept in the report.
    pub fn advice(self) -> &'static str {
        match self {
            Urgency::Soon => {
                "Book a visit with your doctor in the next few days and tell them which answer was yes. It is often nothing serious, but it should be looked at."
            }
            Urgency::SameDay => {
                "Phone your doctor or an urgent care line today and tell them which answer was yes. Do not start a new exercise routine until you have been checked."
            }
            Urgency::Emergency => {
                "Call the emergency number or go to an emergency department now. Do not wait to see if it passes, and do not do the routine."
            }
        }
    }
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

/// The questions, most urgent first. History questions carry a time window,
/// so a patient who once had an accident is not told "yes" for ever.
pub const RED_FLAGS: &[RedFlag] = &[
    // Cauda equina card: saddle numbness, bladder, bowel, sexual function, both legs.
    RedFlag {
        id: "saddle",
        question: "New numbness or tingling between your legs, around your bottom or genitals? For example, it feels different when you wipe?",
        why: "This can mean the nerves at the base of the spine are squeezed, which needs treatment within hours.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "bladder-bowel",
        question: "New trouble peeing: hard to start, you cannot empty, or you cannot feel it? Or leaking pee or poo without warning?",
        why: "Together with back pain this can mean nerve pressure that needs treatment within hours.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "sexual",
        question: "New loss of feeling in your genitals, or new trouble with erections or sex?",
        why: "This can be an early sign of pressure on the nerves at the base of the spine.",
        urgency: Urgency::Emergency,
    },
    RedFlag {
        id: "both-legs",
        question: "New pain, numbness or weakness in both legs?",
        why: "Nerve signs in both legs at once can mean pressure on the nerves at the base of the spine.",
        urgency: Urgency::Emergency,
    },
    // NICE NG59 / CKS: a progressive neurological deficit needs immediate care.
    RedFlag {
        id: "leg-weakness",
        question: "A leg or foot getting weaker, like tripping, a foot slapping down or a leg giving way? Or numbness that is spreading?",
        why: "Nerve damage that is getting worse should be treated before it can last for good.",
        urgency: Urgency::Emergency,
    },
    // Vascular cause (aortic aneurysm): rare but deadly.
    RedFlag {
        id: "belly-chest",
        question: "Sudden, very bad pain in your belly or chest, or a throbbing feeling in your belly, with the back pain?",
        why: "This can come from a large blood vessel, not your back, and needs help at once.",
        urgency: Urgency::Emergency,
    },
    // NICE NG234: cancer history with new or changed spinal pain → within 24 h.
    RedFlag {
        id: "cancer-new-pain",
        question: "Have you had cancer, and is your back pain new, different, or steadily getting worse?",
        why: "After cancer, new back pain should be checked within a day, to rule out spread to the spine.",
        urgency: Urgency::SameDay,
    },
    // CKS: infection risk factors make fever urgent.
    RedFlag {
        id: "fever-risk",
        question: "A fever or shivers with your back pain? It matters most if you inject drugs, take medicine that weakens your immune system, or had a spine operation or injection in the last 3 months?",
        why: "Back pain with fever can come from an infection near the spine, which needs a doctor soon.",
        urgency: Urgency::SameDay,
    },
    RedFlag {
        id: "trauma-month",
        question: "In the last month, did a fall, accident or blow start your back pain or make it worse?",
        why: "A fall or blow can crack a bone in the spine. A doctor should check it before you exercise.",
        urgency: Urgency::SameDay,
    },
    RedFlag {
        id: "osteoporosis-sudden",
        question: "Do you have weak bones or take steroid tablets? And did your pain get much worse all at once after a small fall, lift, cough or sneeze?",
        why: "With weak bones even a small strain can crack a bone in the spine.",
        urgency: Urgency::SameDay,
    },
    RedFlag {
        id: "weight-loss",
        question: "Have you lost weight in the last 6 months without trying?",
        why: "A doctor should rule out a cause other than muscles and joints.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "night",
        question: "Constant pain at night that does not ease however you lie or rest?",
        why: "Pain that no position eases is not typical of strain and should be looked at.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "upper-back",
        question: "New pain in your upper or middle back, between the shoulder blades?",
        why: "New pain high in the back is less often from muscles and should be looked at.",
        urgency: Urgency::Soon,
    },
    // NICE NG65: inflammatory back pain → referral, a treatable cause.
    RedFlag {
        id: "inflammatory",
        question: "Did your back pain start before age 45, and is it worst in the morning, stiff for over half an hour, and better when you move?",
        why: "This can be a kind of joint inflammation that a doctor can treat with medicine.",
        urgency: Urgency::Soon,
    },
    RedFlag {
        id: "new-after-50",
        question: "Did this back pain first start in the last year, after you turned 50?",
        why: "New back pain later in life should be checked once by a doctor.",
        urgency: Urgency::Soon,
    },
];

/// Questions earlier versions asked, kept so that old answers still read
/// with what was asked. Never asked again.
pub const RETIRED_FLAGS: &[RedFlag] = &[
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
];

/// The cauda equina warning signs, shown with emergency advice so the
/// patient knows what to watch for (UK cauda equina warning card).
pub const CAUDA_EQUINA_SIGNS: [&str; 5] = [
    "Numbness or tingling between your legs or around your bottom",
    "Trouble peeing, or not feeling when your bladder is full",
    "Leaking pee or poo, or not feeling when you go",
    "Loss of feeling in your genitals, or trouble with sex",
    "Pain, numbness or weakness in both legs",
];

/// The emergency number for a browser locale ("en-GB", "fr"), 112 where
/// it is not known: 112 reaches emergency services on any mobile phone in
/// Europe and forwards in many other countries.
pub fn emergency_number_for(locale: &str) -> &'static str {
    let region = locale
        .split(['-', '_'])
        .nth(1)
        .unwrap_or_default()
        .to_ascii_uppercase();
    match region.as_str() {
        "GB" | "IE" => "999",
        "US" | "CA" | "MX" => "911",
        "AU" => "000",
        "NZ" => "111",
        "IN" => "112",
        _ => "112",
    }
}

/// One completed (or, after an emergency answer, cut short) screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub at_ms: i64,
    pub day: NaiveDate,
    /// Ids of the questions answered yes.
    pub yes: Vec<String>,
    /// When the patient said "I have been checked" for a yes answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_ms: Option<i64>,
}

impl Screening {
    /// The answers given now, as a screening at `at_ms`.
    pub fn answered(at_ms: i64, day: NaiveDate, yes: Vec<String>) -> Screening {
        Screening {
            at_ms,
            day,
            yes,
            checked_ms: None,
        }
    }

    /// The questions answered yes, known to this version (retired ones too).
    pub fn flags(&self) -> impl Iterator<Item = &'static RedFlag> + '_ {
        RED_FLAGS
            .iter()
            .chain(RETIRED_FLAGS)
            .filter(|f| self.yes.iter().any(|id| id == f.id))
    }

    /// How soon to get care, or `None` when every answer was no.
    pub fn urgency(&self) -> Option<Urgency> {
        self.flags().map(|f| f.urgency).max()
    }
}

/// The yes answer still waiting for "I have been checked": the most urgent
/// unchecked screening since the last one the patient marked checked. A
/// later all-no screening does not clear it; only the patient can.
pub fn open_concern(screenings: &[Screening]) -> Option<&Screening> {
    let since = screenings
        .iter()
        .rposition(|s| s.checked_ms.is_some())
        .map_or(0, |at| at + 1);
    screenings[since..]
        .iter()
        .filter(|s| s.urgency().is_some())
        .max_by_key(|s| (s.urgency(), s.at_ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;
    use std::collections::HashSet;

    #[test]
    fn the_questions_and_reasons_read_at_a_plain_language_level() {
        // Grade 8 is a reading age of about 13; the average stays near 11.
        let texts: Vec<&str> = RED_FLAGS
            .iter()
            .flat_map(|f| [f.question, f.why])
            .chain(CAUDA_EQUINA_SIGNS)
            .chain([Urgency::Soon, Urgency::SameDay, Urgency::Emergency].map(Urgency::advice))
            .collect();
        let hard: Vec<String> = texts
            .iter()
            .filter(|t| grade(t) > 8.0)
            .map(|t| format!("{:.1}: {t}", grade(t)))
            .collect();
        assert!(hard.is_empty(), "{hard:#?}");
        let mean = texts.iter().map(|t| grade(t)).sum::<f64>() / texts.len() as f64;
        assert!(mean <= 7.0, "{mean:.1}");
    }

    fn screening(yes: &[&str]) -> Screening {
        Screening::answered(
            0,
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            yes.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn all_no_needs_no_care_message() {
        assert_eq!(screening(&[]).urgency(), None);
    }

    #[test]
    fn the_most_urgent_yes_decides() {
        assert_eq!(screening(&["night"]).urgency(), Some(Urgency::Soon));
        assert_eq!(
            screening(&["night", "cancer-new-pain"]).urgency(),
            Some(Urgency::SameDay)
        );
        assert_eq!(
            screening(&["night", "bladder-bowel"]).urgency(),
            Some(Urgency::Emergency)
        );
        assert_eq!(screening(&["saddle"]).urgency(), Some(Urgency::Emergency));
    }

    #[test]
    fn every_cauda_equina_item_and_the_standard_flags_are_asked() {
        let level = |id: &str| RED_FLAGS.iter().find(|f| f.id == id).map(|f| f.urgency);
        for id in [
            "saddle",
            "bladder-bowel",
            "sexual",
            "both-legs",
            "leg-weakness",
            "belly-chest",
        ] {
            assert_eq!(level(id), Some(Urgency::Emergency), "{id}");
        }
        for id in [
            "cancer-new-pain",
            "fever-risk",
            "trauma-month",
            "osteoporosis-sudden",
        ] {
            assert_eq!(level(id), Some(Urgency::SameDay), "{id}");
        }
        for id in [
            "weight-loss",
            "night",
            "upper-back",
            "inflammatory",
            "new-after-50",
        ] {
            assert_eq!(level(id), Some(Urgency::Soon), "{id}");
        }
    }

    #[test]
    fn history_questions_have_a_time_window() {
        for id in ["trauma-month", "weight-loss", "new-after-50", "fever-risk"] {
            let flag = RED_FLAGS.iter().find(|f| f.id == id).unwrap();
            assert!(
                ["last month", "last 6 months", "last year", "last 3 months"]
                    .iter()
                    .any(|w| flag.question.contains(w)),
                "{id}"
            );
        }
        // Cancer counts only with new or changed pain (NICE NG234).
        let cancer = RED_FLAGS
            .iter()
            .find(|f| f.id == "cancer-new-pain")
            .unwrap();
        assert!(cancer.question.contains("new, different"));
    }

    #[test]
    fn answers_to_retired_questions_still_read_with_their_urgency() {
        assert_eq!(screening(&["legs"]).urgency(), Some(Urgency::Emergency));
        assert_eq!(screening(&["cancer-weight"]).flags().count(), 1);
    }

    #[test]
    fn answers_from_a_newer_version_are_kept_but_not_misread() {
        let s = screening(&["some-future-question", "night"]);
        assert_eq!(s.flags().count(), 1);
        assert_eq!(s.yes.len(), 2);
    }

    #[test]
    fn ids_are_unique_and_every_question_says_why() {
        let ids: HashSet<_> = RED_FLAGS
            .iter()
            .chain(RETIRED_FLAGS)
            .map(|f| f.id)
            .collect();
        assert_eq!(ids.len(), RED_FLAGS.len() + RETIRED_FLAGS.len());
        assert!(
            RED_FLAGS
                .iter()
                .all(|f| f.question.ends_with('?') && !f.why.is_empty())
        );
    }

    #[test]
    fn the_emergency_number_follows_the_locale_with_112_as_fallback() {
        assert_eq!(emergency_number_for("en-GB"), "999");
        assert_eq!(emergency_number_for("en_us"), "911");
        assert_eq!(emergency_number_for("de-DE"), "112");
        assert_eq!(emergency_number_for("en-AU"), "000");
        assert_eq!(emergency_number_for("fr"), "112");
        assert_eq!(emergency_number_for(""), "112");
    }

    #[test]
    fn a_concern_stays_open_until_the_patient_has_been_checked() {
        let at = |ms: i64, yes: &[&str]| Screening {
            at_ms: ms,
            ..screening(yes)
        };
        let mut list = vec![
            at(1, &[]),
            at(2, &["night"]),
            at(3, &["saddle"]),
            at(4, &[]),
        ];
        assert_eq!(open_concern(&list).map(|s| s.at_ms), Some(3));
        list[3].checked_ms = Some(5);
        assert_eq!(open_concern(&list), None);
        list.push(at(6, &["night"]));
        assert_eq!(open_concern(&list).map(|s| s.at_ms), Some(6));
        assert_eq!(open_concern(&[]), None);
    }

    #[test]
    fn a_screening_without_a_check_keeps_the_old_layout() {
        let json = serde_json::to_string(&screening(&["night"])).unwrap();
        assert_eq!(json, r#"{"at_ms":0,"day":"2026-11-25","yes":["night"]}"#);
    }
}
