//! The built-in exercise library. Text is static so it costs no allocation
//! and plans refer to exercises by a stable id.

use super::phase::Phase;

/// How an exercise is counted inside its time box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dose {
    /// Hold or flow for the whole time.
    Timed,
    /// This many slow repetitions, at the patient's pace, within the time.
    Reps(u8),
    /// This many holds with short rests between them, within the time.
    Holds(u8),
}

/// What the patient needs to do the exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Equipment {
    None,
    Mat,
    Bar,
    FoamRoller,
    Wall,
}

impl Equipment {
    /// Short label for the exercise card; `None` when nothing is needed.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Equipment::None => None,
            Equipment::Mat => Some("Mat or carpet"),
            Equipment::Bar => Some("Pull-up bar or sturdy doorframe"),
            Equipment::FoamRoller => Some("Foam roller"),
            Equipment::Wall => Some("A clear wall"),
        }
    }
}

/// A line drawing of the exercise, in a 120 × 80 box with the floor at y = 72.
#[derive(Debug, PartialEq, Eq)]
pub struct Figure {
    /// Centre of the head.
    pub head: (u8, u8),
    /// SVG path data for the body, limbs and any equipment.
    pub path: &'static str,
}

/// One exercise of the library.
#[derive(Debug, PartialEq, Eq)]
pub struct Exercise {
    /// Stable id stored in plans and sessions; never rename.
    pub id: &'static str,
    pub name: &'static str,
    pub phase: Phase,
    /// One or two plain-language cues, most important first.
    pub cues: &'static [&'static str],
    pub dose: Dose,
    /// Done on the left, then on the right: the time box applies to each side.
    pub per_side: bool,
    pub equipment: Equipment,
    /// A gentler way to do it on a bad day or without the equipment.
    pub easier: &'static str,
    pub figure: Figure,
    /// Seconds per side (or in all, when not per side) in the seed routine.
    pub default_secs: u32,
    /// Rest after it in the seed routine, for the most demanding exercises.
    pub default_rest_secs: u32,
}

/// Every exercise the app knows, grouped by phase in session order.
pub const LIBRARY: &[Exercise] = &[
    Exercise {
        id: "dead-hang",
        name: "Dead hang",
        phase: Phase::Decompress,
        cues: &[
            "Hang from a bar with straight arms, feet off or lightly on the floor.",
            "Hang 20–30 seconds, rest, repeat. Keep your toes touching for a partial hang.",
        ],
        dose: Dose::Holds(3),
        per_side: false,
        equipment: Equipment::Bar,
        easier: "Keep your feet on the floor or a step and bend your knees to take only part of your weight.",
        figure: Figure {
            head: (60, 27),
            path: "M40 8H80M55 8L58 24M65 8L62 24M60 32V55M60 55L56 70M60 55L64 70",
        },
        default_secs: 90,
        default_rest_secs: 15,
    },
    Exercise {
        id: "foam-roller-lie",
        name: "Lie along a foam roller",
        phase: Phase::Decompress,
        cues: &[
            "Lie on the roller from head to tailbone, knees bent, feet flat.",
            "Let your arms fall open to the sides and breathe slowly.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::FoamRoller,
        easier: "No roller: lie on a rolled-up towel or blanket along your spine.",
        figure: Figure {
            head: (24, 53),
            path: "M30 61H82M30 71H82M30 61A5 5 0 0 0 30 71M82 61A5 5 0 0 1 82 71M31 55H74L86 42L96 71M42 55L36 44",
        },
        default_secs: 135,
        default_rest_secs: 0,
    },
    Exercise {
        id: "knees-to-chest",
        name: "Knees-to-chest traction",
        phase: Phase::Decompress,
        cues: &[
            "On your back, hug both knees gently towards your chest.",
            "Breathe out slowly and let your lower back sink into the floor.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Bring one knee up at a time, or rest your calves on a chair.",
        figure: Figure {
            head: (24, 62),
            path: "M30 66H64L72 46L58 42M42 66L62 50",
        },
        default_secs: 120,
        default_rest_secs: 0,
    },
    Exercise {
        id: "glute-bridge",
        name: "Glute bridge",
        phase: Phase::Activate,
        cues: &[
            "Feet flat, squeeze your buttocks and lift your hips into a straight line.",
            "Pause two seconds at the top; lower slowly. Your back should not do the work.",
        ],
        dose: Dose::Reps(12),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Lift only a few centimetres, or hold a small lift without reps.",
        figure: Figure {
            head: (20, 64),
            path: "M27 66L60 48L78 44L84 70M30 68H46",
        },
        default_secs: 120,
        default_rest_secs: 0,
    },
    Exercise {
        id: "bird-dog",
        name: "Bird-dog",
        phase: Phase::Activate,
        cues: &[
            "On hands and knees, reach one arm forward and the opposite leg back.",
            "Keep your back still as a table top; hold three seconds, swap, repeat.",
        ],
        dose: Dose::Reps(8),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Slide only the leg back and keep both hands on the floor.",
        figure: Figure {
            head: (33, 37),
            path: "M40 40H75M40 40L18 33M46 40V70M75 40L72 70H90M75 40L104 35",
        },
        default_secs: 60,
        default_rest_secs: 0,
    },
    Exercise {
        id: "wall-slide",
        name: "Scapular wall slides",
        phase: Phase::Activate,
        cues: &[
            "Back and arms against the wall, elbows bent like a goalpost.",
            "Draw your shoulder blades down as you slide your arms up and back.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Wall,
        easier: "Do it lying on your back on the floor, arms sliding along it.",
        figure: Figure {
            head: (78, 18),
            path: "M88 4V72M78 24V52L76 70M78 52L82 70M78 30H68V14",
        },
        default_secs: 90,
        default_rest_secs: 0,
    },
    Exercise {
        id: "hip-flexor-kneel",
        name: "Half-kneeling hip flexor",
        phase: Phase::Mobilize,
        cues: &[
            "Kneel on one knee, tuck your tailbone under and shift gently forward.",
            "Feel the front of the hip open, not your lower back arching.",
        ],
        dose: Dose::Timed,
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Put a cushion under the knee, or stand in a short lunge holding a chair.",
        figure: Figure {
            head: (60, 13),
            path: "M60 19V45L78 50V70M60 45L48 70H32M60 30L66 40",
        },
        default_secs: 60,
        default_rest_secs: 0,
    },
    Exercise {
        id: "open-book",
        name: "Open book rotation",
        phase: Phase::Mobilize,
        cues: &[
            "Lie on your side, knees bent, arms together in front of you.",
            "Open the top arm across to the other side, following it with your eyes.",
        ],
        dose: Dose::Reps(8),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Make the movement smaller and rest the top arm on a pillow.",
        figure: Figure {
            head: (24, 60),
            path: "M30 64H62L74 52L88 64M36 62L24 42M36 64L52 58",
        },
        default_secs: 60,
        default_rest_secs: 0,
    },
    Exercise {
        id: "cat-cow",
        name: "Cat-cow",
        phase: Phase::Mobilize,
        cues: &[
            "On hands and knees, round your back up slowly, then let it sag gently.",
            "Move with your breath, one small segment at a time.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Do it seated on a chair, hands on your knees.",
        figure: Figure {
            head: (33, 46),
            path: "M40 42Q57 24 75 42M42 42V70M75 42V70H92",
        },
        default_secs: 90,
        default_rest_secs: 0,
    },
];

/// Looks an exercise up by its stored id.
pub fn by_id(id: &str) -> Option<&'static Exercise> {
    LIBRARY.iter().find(|exercise| exercise.id == id)
}

impl Exercise {
    /// "3 holds, resting between", "12 reps", or `None` for a timed hold.
    pub fn dose_label(&self) -> Option<String> {
        match self.dose {
            Dose::Timed => None,
            Dose::Holds(n) => Some(format!("{n} holds, resting between")),
            Dose::Reps(n) if self.per_side => Some(format!("{n} reps each side")),
            Dose::Reps(n) => Some(format!("{n} reps")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_so_stored_plans_stay_unambiguous() {
        let ids: HashSet<_> = LIBRARY.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), LIBRARY.len());
    }

    #[test]
    fn every_exercise_has_one_or_two_cues_and_time() {
        for exercise in LIBRARY {
            assert!((1..=2).contains(&exercise.cues.len()), "{}", exercise.id);
            assert!(!exercise.easier.is_empty(), "{}", exercise.id);
            assert!(exercise.default_secs >= 30, "{}", exercise.id);
        }
    }

    #[test]
    fn the_library_lists_phases_in_session_order() {
        assert!(LIBRARY.windows(2).all(|w| w[0].phase <= w[1].phase));
    }

    #[test]
    fn lookup_finds_known_ids_and_rejects_unknown_ones() {
        assert_eq!(by_id("cat-cow").map(|e| e.phase), Some(Phase::Mobilize));
        assert!(by_id("toe-touch").is_none());
    }
}
