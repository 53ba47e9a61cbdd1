//! The exercise-readiness check: health questions asked before the first
//! routine and from Settings. These are exercise precautions, not red flags
//! (clinical review §2.1): a "yes" does not stop the routine, it swaps the
//! exercises that answer rules out for safe ones, and the overview says why.
//! The rules are data, so the plan tests can try every answer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One readiness question and the exercises a "yes" rules out.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id stored with the answers; never rename.
    pub id: &'static str,
    /// Asked as it stands, at a reading grade of 8 or less (tested).
    pub question: &'static str,
    /// Ids of the exercises a "yes" swaps out.
    pub rules_out: &'static [&'static str],
    /// Shown beside each swap on the routine overview.
    pub reason: &'static str,
}

/// Every question, in the order asked.
pub const READINESS: &[Question] = &[
    // The dead hang's caution and the review (§3.2) rule out hanging in
    // pregnancy: grip fatigue ends in a drop, and balance changes. Lying on
    // the front (sphinx, Y and T raises) presses on the bump. ACOG (2020)
    // and RCOG advise against lying flat on the back for long after about
    // 16 weeks, as the womb presses on the large vein; the app does not ask
    // the week, so the long flat-back holds go from the start: the foam
    // roller (also a fall off a narrow roller) and knees to chest (also
    // squeezes the belly). Legs up on a chair stays, as the review's safe
    // default for everyone: the legs are raised, and the patient can turn
    // to the side if she feels dizzy. Short moving exercises on the back
    // (bridge, dead bug) stay, as they are often advised in pregnancy.
    Question {
        id: "pregnancy",
        question: "Are you pregnant?",
        rules_out: &[
            "dead-hang",
            "foam-roller-lie",
            "knees-to-chest",
            "sphinx",
            "prone-y-t",
        ],
        reason: "Swapped: in pregnancy, skip hanging, lying on your front, and long holds flat on your back.",
    },
    // Sinaki & Mikkelsen 1984 (review §3.1 item 4): bending the spine forward
    // in osteoporosis was followed by far more new spine fractures than
    // bending backwards. Steroid tablets taken for 3 months or more weaken
    // bone the same way. Cat-cow goes whole: a plan cannot do only its
    // "cow" half. The foam roller's caution: rolling off it can break a bone.
    Question {
        id: "osteoporosis",
        question: "Do you have weak bones (osteoporosis)? Or have you taken steroid tablets for 3 months or more?",
        rules_out: &[
            "foam-roller-lie",
            "knees-to-chest",
            "supported-childs-pose",
            "cat-cow",
        ],
        reason: "Swapped: with weak bones, bending your back forward or lying on a roller is not advised.",
    },
    // Hip-replacement precautions (review §3.1 item 6): after the common
    // posterior approach, no hip bending past a right angle, no crossing
    // the legs and no turning the knee in. They are often lifted after 6 to
    // 12 weeks, but they depend on the approach and the surgeon, and some
    // surgeons keep the extremes off for good. The app cannot check any of
    // that, so any hip replacement, however long ago, rules them out; the
    // question says so. Hip circles go too: a big circle passes through
    // hip bending with the knee crossing the middle.
    Question {
        id: "hip-replacement",
        question: "Have you ever had a hip replacement, on either side?",
        rules_out: &[
            "knees-to-chest",
            "supported-childs-pose",
            "hip-switch-90-90",
            "figure-four",
            "hip-circles",
        ],
        reason: "Swapped: after a hip replacement, do not bend the hip deeply or cross your legs.",
    },
    // The dead hang's and doorway opener's cautions (review §3.2): hanging
    // and holding on load the shoulder joint; the side plank rests the body
    // on one arm; wall slides, Y and T raises and the doorway opener take
    // the arm up and out to the side, the position in which a shoulder comes
    // out. Hands and knees (bird-dog, cat-cow) stay: both arms and both
    // knees share the weight. Someone in a sling follows their surgeon's plan.
    Question {
        id: "shoulder",
        question: "Has your shoulder ever come out of joint, or have you had an arm or shoulder operation in the last 6 months?",
        rules_out: &[
            "dead-hang",
            "doorframe-squat",
            "side-plank-knees",
            "wall-slide",
            "prone-y-t",
            "doorway-chest-opener",
        ],
        reason: "Swapped: hanging, leaning on one arm, or lifting your arm up and out is not advised for that shoulder.",
    },
    // After a spine operation the usual advice for the first weeks is no
    // bending, lifting or twisting, and McGill's spine-sparing approach keeps
    // away from the end of the range in every direction. So: no hanging or
    // holding on (pulling on the spine), no bending forward (knees to chest,
    // child's pose, cat-cow) or back (sphinx), no twisting (open book,
    // thread the needle, 90/90), and no roller pressing on the scar.
    Question {
        id: "spinal-surgery",
        question: "Have you had an operation on your back or neck in the last 3 months?",
        rules_out: &[
            "dead-hang",
            "foam-roller-lie",
            "knees-to-chest",
            "doorframe-squat",
            "supported-childs-pose",
            "sphinx",
            "open-book",
            "cat-cow",
            "hip-switch-90-90",
            "thread-the-needle",
        ],
        reason: "Swapped: in the first 3 months after a back operation, do not hang, bend, twist or lie on a roller.",
    },
    // The review (§3.2, dead hang): a long grip raises blood pressure, and
    // so do long hard holds like the side plank, where people hold their
    // breath. ACSM advises against such straining holds while blood
    // pressure is not under control.
    Question {
        id: "blood-pressure",
        question: "Do you have high blood pressure that is not under control?",
        rules_out: &["dead-hang", "side-plank-knees"],
        reason: "Swapped: long, hard holds raise your blood pressure, so they are not advised until it is under control.",
    },
    // Long 2004 (review §3.1 item 5): people with leg pain get worse when
    // they hold the opposite of the direction that helps them, and a third
    // withdrew within 2 weeks. The app does not yet test which direction
    // helps (review §5 idea 9), so both long end-range holds go: the bent
    // ones (knees to chest, child's pose) and the arched one (sphinx, whose
    // caution is about pain spreading). Legs up on a chair keeps the back
    // in the middle, the usual resting position for leg pain.
    Question {
        id: "leg-pain",
        question: "Does pain go down your leg below the knee?",
        rules_out: &["knees-to-chest", "supported-childs-pose", "sphinx"],
        reason: "Swapped: with pain below the knee, long holds with your back bent or arched can make the leg pain worse.",
    },
];

/// Longest text kept for the ids of answers from a newer app.
const UNKNOWN_CAPACITY: usize = 64;

/// The patient's readiness answers: which questions were answered yes, and
/// on which day the check was last done. `Copy` (answers as bits, unknown
/// ids inline) so that `Settings` stays `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Wire", into = "Wire")]
pub struct Readiness {
    /// Bit `i` set: [`READINESS`]`[i]` was answered yes.
    yes: u16,
    /// Yes answers to questions a newer app asked, kept so that saving here
    /// does not drop them: ids joined by commas.
    unknown_len: u8,
    unknown: [u8; UNKNOWN_CAPACITY],
    /// When the check was last answered; `None`: never asked yet.
    day: Option<NaiveDate>,
}

/// Never answered: nothing ruled out.
impl Default for Readiness {
    fn default() -> Self {
        Readiness {
            yes: 0,
            unknown_len: 0,
            unknown: [0; UNKNOWN_CAPACITY],
            day: None,
        }
    }
}

/// The stored layout: `{"yes":["hip-replacement"],"day":"2025-03-01"}`.
#[derive(Serialize, Deserialize)]
struct Wire {
    #[serde(default)]
    yes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    day: Option<NaiveDate>,
}

/// Whether `id` can be an id at all; anything else is dropped on load, and
/// it can never contain the comma that separates kept ids.
fn plausible_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Readiness {
    /// The check answered on `day`, with these questions answered yes.
    /// Ids this version does not know are kept for a newer version, as far
    /// as they fit.
    pub fn answered<'a>(day: NaiveDate, yes: impl IntoIterator<Item = &'a str>) -> Readiness {
        let mut readiness = Readiness {
            day: Some(day),
            ..Readiness::default()
        };
        for id in yes {
            readiness.add(id);
        }
        readiness
    }

    fn add(&mut self, id: &str) {
        if let Some(index) = READINESS.iter().position(|q| q.id == id) {
            self.yes |= 1 << index;
        } else if plausible_id(id) && !self.unknown_ids().any(|known| known == id) {
            let start = usize::from(self.unknown_len);
            let comma = usize::from(start > 0);
            let end = start + comma + id.len();
            if end <= UNKNOWN_CAPACITY {
                if comma == 1 {
                    self.unknown[start] = b',';
                }
                self.unknown[start + comma..end].copy_from_slice(id.as_bytes());
                self.unknown_len = end as u8;
            }
        }
    }

    /// The same answers with `id` answered yes or no, e.g. as the patient
    /// ticks boxes; the day stays until [`Readiness::on`] sets it.
    pub fn with(self, id: &str, yes: bool) -> Readiness {
        let mut readiness = self;
        if let Some(index) = READINESS.iter().position(|q| q.id == id) {
            let bit = 1 << index;
            readiness.yes = if yes { self.yes | bit } else { self.yes & !bit };
        }
        readiness
    }

    /// The same answers, confirmed on `day`.
    pub fn on(self, day: NaiveDate) -> Readiness {
        Readiness {
            day: Some(day),
            ..self
        }
    }

    /// When the check was last answered; `None` before the first time.
    pub fn day(&self) -> Option<NaiveDate> {
        self.day
    }

    /// Whether `id` was answered yes.
    pub fn says_yes(&self, id: &str) -> bool {
        self.questions().any(|q| q.id == id)
    }

    /// The questions answered yes, in the order asked.
    pub fn questions(&self) -> impl Iterator<Item = &'static Question> + '_ {
        READINESS
            .iter()
            .enumerate()
            .filter(|&(index, _)| self.yes & (1 << index) != 0)
            .map(|(_, q)| q)
    }

    /// Yes answers from a newer app, which this one keeps but cannot apply.
    pub fn unknown_ids(&self) -> impl Iterator<Item = &str> {
        std::str::from_utf8(&self.unknown[..usize::from(self.unknown_len)])
            .unwrap_or_default()
            .split(',')
            .filter(|id| !id.is_empty())
    }

    /// The reason to show when an answer rules the exercise with this id
    /// out; `None` when no answer does. The first question asked wins.
    /// (By id, so the questions need not know the exercise library.)
    pub fn rules_out(&self, exercise_id: &str) -> Option<&'static str> {
        self.questions()
            .find(|q| q.rules_out.contains(&exercise_id))
            .map(|q| q.reason)
    }
}

impl From<Wire> for Readiness {
    fn from(wire: Wire) -> Readiness {
        let mut readiness = Readiness {
            day: wire.day,
            ..Readiness::default()
        };
        for id in &wire.yes {
            readiness.add(id);
        }
        readiness
    }
}

impl From<Readiness> for Wire {
    fn from(readiness: Readiness) -> Wire {
        Wire {
            yes: readiness
                .questions()
                .map(|q| q.id)
                .chain(readiness.unknown_ids())
                .map(String::from)
                .collect(),
            day: readiness.day,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise::{self, LIBRARY};
    use std::collections::HashSet;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
    }

    #[test]
    fn ids_are_unique_and_fit_the_answer_bits() {
        let ids: HashSet<_> = READINESS.iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), READINESS.len());
        assert!(READINESS.len() <= 16);
        assert!(READINESS.iter().all(|q| plausible_id(q.id)));
    }

    #[test]
    fn every_rule_names_library_exercises() {
        for question in READINESS {
            assert!(!question.rules_out.is_empty(), "{}", question.id);
            for id in question.rules_out {
                assert!(exercise::by_id(id).is_some(), "{}: {id}", question.id);
            }
        }
    }

    #[test]
    fn questions_and_reasons_read_at_grade_eight_or_below() {
        use crate::domain::readability::grade;
        let hard: Vec<String> = READINESS
            .iter()
            .flat_map(|q| [q.question, q.reason])
            .filter(|text| grade(text) > 8.0)
            .map(|text| format!("{:.1}: {text}", grade(text)))
            .collect();
        assert!(hard.is_empty(), "{hard:#?}");
        for question in READINESS {
            assert!(question.question.ends_with('?'), "{}", question.id);
            assert!(question.reason.starts_with("Swapped: "), "{}", question.id);
        }
    }

    #[test]
    fn the_rules_follow_the_clinical_review() {
        let rules = |id: &str| {
            READINESS
                .iter()
                .find(|q| q.id == id)
                .map(|q| q.rules_out)
                .unwrap()
        };
        // §3.1 item 4: flexion and the roller with osteoporosis.
        for id in [
            "knees-to-chest",
            "supported-childs-pose",
            "cat-cow",
            "foam-roller-lie",
        ] {
            assert!(rules("osteoporosis").contains(&id), "{id}");
        }
        // §3.1 item 6: deep hip bending after a hip replacement.
        for id in [
            "knees-to-chest",
            "supported-childs-pose",
            "hip-switch-90-90",
            "figure-four",
        ] {
            assert!(rules("hip-replacement").contains(&id), "{id}");
        }
        // §3.1 item 5: flexion with leg pain, not only the sphinx.
        assert!(rules("leg-pain").contains(&"knees-to-chest"));
        // §3.2: the dead hang's caution, rule by rule.
        for id in ["pregnancy", "shoulder", "blood-pressure", "spinal-surgery"] {
            assert!(rules(id).contains(&"dead-hang"), "{id}");
        }
        // The review's safe default is safe for everyone.
        assert!(
            READINESS
                .iter()
                .all(|q| !q.rules_out.contains(&"legs-on-chair"))
        );
    }

    #[test]
    fn no_answers_rule_nothing_out_and_the_check_is_not_yet_done() {
        let none = Readiness::default();
        assert_eq!(none.day(), None);
        assert!(LIBRARY.iter().all(|e| none.rules_out(e.id).is_none()));
    }

    #[test]
    fn a_yes_rules_out_its_exercises_with_its_reason() {
        let hip = Readiness::answered(day(), ["hip-replacement"]);
        let knees = exercise::by_id("knees-to-chest").unwrap();
        assert_eq!(hip.rules_out(knees.id), Some(READINESS[2].reason));
        assert!(hip.rules_out(knees.id).unwrap().contains("hip replacement"));
        assert_eq!(
            hip.rules_out(exercise::by_id("glute-bridge").unwrap().id),
            None
        );
        assert!(hip.says_yes("hip-replacement"));
        assert!(!hip.says_yes("pregnancy"));
        assert_eq!(hip.day(), Some(day()));
    }

    #[test]
    fn answers_tick_and_untick_one_question_at_a_time() {
        let later = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
        let answers = Readiness::default()
            .with("leg-pain", true)
            .with("shoulder", true)
            .with("leg-pain", false)
            .with("no-such-question", true)
            .on(later);
        let ids: Vec<_> = answers.questions().map(|q| q.id).collect();
        assert_eq!(ids, ["shoulder"]);
        assert_eq!(answers.day(), Some(later));
    }

    #[test]
    fn answers_are_saved_compactly_by_id_and_load_back() {
        let answers = Readiness::answered(day(), ["leg-pain", "pregnancy"]);
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(
            json,
            r#"{"yes":["pregnancy","leg-pain"],"day":"2025-03-01"}"#
        );
        assert_eq!(serde_json::from_str::<Readiness>(&json).unwrap(), answers);
        let never = serde_json::to_string(&Readiness::default()).unwrap();
        assert_eq!(never, r#"{"yes":[]}"#);
        assert_eq!(
            serde_json::from_str::<Readiness>("{}").unwrap(),
            Readiness::default()
        );
    }

    #[test]
    fn answers_from_a_newer_app_are_kept_through_a_save() {
        let json = r#"{"yes":["knee-replacement","shoulder","knee-replacement","hernia"],"day":"2025-03-01"}"#;
        let answers: Readiness = serde_json::from_str(json).unwrap();
        assert_eq!(
            answers.unknown_ids().collect::<Vec<_>>(),
            ["knee-replacement", "hernia"]
        );
        assert!(answers.says_yes("shoulder"));
        assert_eq!(
            serde_json::to_string(&answers).unwrap(),
            r#"{"yes":["shoulder","knee-replacement","hernia"],"day":"2025-03-01"}"#
        );
        // Unknown answers change nothing in this version's plans.
        let only_unknown = Readiness::answered(day(), ["knee-replacement"]);
        assert!(
            LIBRARY
                .iter()
                .all(|e| only_unknown.rules_out(e.id).is_none())
        );
    }

    #[test]
    fn odd_or_too_many_unknown_ids_are_dropped_not_fatal() {
        let long = "x".repeat(40);
        let ids = ["with,comma", "Upper", "", long.as_str(), "a-1", "b-2"];
        let answers = Readiness::answered(day(), ids);
        assert_eq!(answers.unknown_ids().collect::<Vec<_>>(), ["a-1", "b-2"]);
        let many: Vec<String> = (0..40).map(|n| format!("question-{n}")).collect();
        let answers = Readiness::answered(day(), many.iter().map(String::as_str));
        let kept: Vec<_> = answers.unknown_ids().collect();
        assert!(!kept.is_empty() && kept.len() < 40);
        assert_eq!(kept, many[..kept.len()]);
    }
}
