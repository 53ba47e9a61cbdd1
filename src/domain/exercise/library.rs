//! The built-in exercise library. Text is static so it costs no allocation
//! and plans refer to exercises by a stable id. Its tests check the
//! content: the clinical review's cautions, plain words, limits, drawings and
//! that every exercise has an alternative a patient can do.

use super::{Alternation, Dose, Equipment, Exercise, Figure, Holds};
use crate::domain::phase::Phase;

/// Every exercise the app knows, grouped by phase in session order.
pub const LIBRARY: &[Exercise] = &[
    Exercise {
        id: "dead-hang",
        name: "Dead hang",
        phase: Phase::Decompress,
        targets: "Hanging takes weight off your lower back for a moment. Many people find this eases, though it does not change the spine for good.",
        cues: &[
            "Hang from a bar with straight arms, feet off or lightly on the floor.",
            "Hang while the timer runs, then step down and rest. Keep your toes touching for a partial hang.",
        ],
        dose: Dose::Holds(Holds {
            count: 3,
            max_hold_secs: 30,
            rest_secs: 15,
            rest_cue: "Step down and rest.",
            again_cue: "Hang again.",
        }),
        per_side: false,
        equipment: Equipment::Bar,
        easier: "Keep your feet on the floor or a step and bend your knees to take only part of your weight.",
        harder: "Lift your feet off for each hang, still 20–30 seconds a hang, 3 hangs.",
        caution: Some(
            "Skip it, or keep your feet on the floor, if you have a shoulder injury or past dislocation, a recent arm or shoulder operation, elbow or wrist pain, uncontrolled high blood pressure, or you are pregnant. Check that the bar is fixed firmly. Step down, never drop.",
        ),
        alternatives: &["supported-childs-pose", "legs-on-chair"],
        figure: Figure {
            head: (60, 27),
            path: "M40 8H80M55 8L58 24M65 8L62 24M60 32V55M60 55L56 70M60 55L64 70",
        },
        default_secs: 90,
        default_rest_secs: 15,
        max_secs: 120,
    },
    Exercise {
        id: "foam-roller-lie",
        name: "Lie along a foam roller",
        phase: Phase::Decompress,
        targets: "The upper and middle back: it opens the chest and lets the back muscles rest.",
        cues: &[
            "Lie on the roller from head to tailbone, knees bent, feet flat.",
            "Let your arms fall open to the sides and breathe slowly.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::FoamRoller,
        easier: "No roller: lie on a rolled-up towel or blanket along your spine.",
        harder: "If your shoulders allow, rest your arms on the floor above your head, palms up.",
        caution: Some(
            "Sit on the end of the roller and lower yourself with your hands; to get up, roll off to one side. With osteoporosis or a past spine fracture, lie on a folded towel instead.",
        ),
        alternatives: &["legs-on-chair", "supported-childs-pose", "knees-to-chest"],
        figure: Figure {
            head: (24, 53),
            path: "M30 61H82M30 71H82M30 61A5 5 0 0 0 30 71M82 61A5 5 0 0 1 82 71M31 55H74L86 42L96 71M42 55L36 44",
        },
        default_secs: 135,
        default_rest_secs: 0,
        max_secs: 300,
    },
    Exercise {
        id: "knees-to-chest",
        name: "Knees to chest",
        phase: Phase::Decompress,
        targets: "The lower back: hugging your knees gently eases the muscles at the base of the spine.",
        cues: &[
            "On your back, hug both knees gently towards your chest.",
            "Breathe out slowly and let your lower back sink into the floor.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Bring one knee up at a time, or rest your calves on a chair.",
        harder: "Rock gently from side to side while you hug your knees.",
        caution: Some(
            "Do Legs up on a chair instead if bending forward sends pain down your leg. Do the same if you have a hip replacement or weak bones (osteoporosis).",
        ),
        alternatives: &["legs-on-chair", "sphinx"],
        figure: Figure {
            head: (24, 62),
            path: "M30 66H64L72 46L58 42M42 66L62 50",
        },
        default_secs: 120,
        default_rest_secs: 0,
        max_secs: 240,
    },
    Exercise {
        id: "doorframe-squat",
        name: "Doorframe supported squat",
        phase: Phase::Decompress,
        targets: "The lower back: your arms take some of your weight while your hips sink, which many people find easing.",
        cues: &[
            "Hold something fixed and solid at waist height: a worktop, a heavy table, a stair rail, or a doorframe only if you can grip its edge.",
            "Sit your hips back and down and let your lower back relax.",
            "Breathe slowly; stand up, rest, and sink again.",
        ],
        dose: Dose::Holds(Holds {
            count: 3,
            max_hold_secs: 30,
            rest_secs: 10,
            rest_cue: "Stand up and rest.",
            again_cue: "Sink again.",
        }),
        per_side: false,
        equipment: Equipment::Doorframe,
        easier: "Sit back only a little, with your knees less bent.",
        harder: "Sink lower, and let one hip drop a little more, then the other.",
        caution: Some(
            "Go only as low as your knees allow, and hold on with both hands so you cannot slip. Skip it if holding on hurts your shoulders.",
        ),
        alternatives: &["knees-to-chest", "supported-childs-pose", "legs-on-chair"],
        figure: Figure {
            head: (57, 29),
            path: "M90 4V72M58 35L50 54L72 50L76 72M57 40L90 42",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 110,
    },
    Exercise {
        id: "supported-childs-pose",
        name: "Supported child's pose",
        phase: Phase::Decompress,
        targets: "The lower back muscles: resting fully supported lets them stop guarding.",
        cues: &[
            "Kneel, sit back towards your heels and rest your chest on a pillow or two.",
            "Let your arms rest forwards and breathe into your lower back.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Add more pillows under your chest, or one between your heels and your bottom.",
        harder: "Use no pillow and walk your hands a little further forwards.",
        caution: Some(
            "Skip it if kneeling hurts your knees or bending forward sends pain down your leg. Skip it too if you have a hip replacement or weak bones (osteoporosis). Do Legs up on a chair instead.",
        ),
        alternatives: &["knees-to-chest", "legs-on-chair"],
        figure: Figure {
            head: (44, 58),
            path: "M94 70H68L88 56L52 60M54 62L16 70M50 71Q58 63 66 71",
        },
        default_secs: 120,
        default_rest_secs: 0,
        max_secs: 240,
    },
    Exercise {
        id: "sphinx",
        name: "Sphinx (resting on your elbows)",
        phase: Phase::Decompress,
        targets: "The lower back: a gentle backward curve that many people find easing.",
        cues: &[
            "Lie on your front and come up onto your forearms, elbows under your shoulders.",
            "Let your belly and bottom stay soft and sink towards the floor.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Lie flat on your front with a pillow under your chest.",
        harder: "Slowly press up onto straight arms for a breath or two, hips staying on the floor.",
        caution: Some(
            "Stop if pain spreads further down your leg. Pain that moves up towards your back is usually fine. Skip it if you have spinal stenosis or a slipped bone in your back, or if leaning back hurts.",
        ),
        alternatives: &["legs-on-chair"],
        figure: Figure {
            head: (38, 44),
            path: "M100 70H64L42 52V70H24",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 180,
    },
    Exercise {
        id: "legs-on-chair",
        name: "Legs up on a chair",
        phase: Phase::Decompress,
        targets: "The deep hip muscles and lower back: taking the weight off lets them rest.",
        cues: &[
            "Lie on your back with your calves on a chair or sofa, hips and knees bent at right angles.",
            "Let your lower back settle onto the floor and breathe slowly into your belly.",
        ],
        dose: Dose::Timed,
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Put a folded towel under your head and a pillow under your calves.",
        harder: "Breathe in for 4 counts and out for 8 the whole time, letting go more on each breath out.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (16, 66),
            path: "M22 68H58V44H84M62 47H92V20M64 47V72M90 47V72",
        },
        default_secs: 120,
        default_rest_secs: 0,
        max_secs: 600,
    },
    Exercise {
        id: "glute-bridge",
        name: "Glute bridge",
        phase: Phase::Activate,
        targets: "Your buttock muscles, so your lower back no longer has to do their job.",
        cues: &[
            "Feet flat, squeeze your buttocks and lift your hips into a straight line, no higher.",
            "Pause two seconds at the top; lower slowly. Your back should not do the work.",
        ],
        dose: Dose::Reps(12),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Lift only a few centimetres, or hold a small lift without reps.",
        harder: "Hold the top for five seconds each time, or move on to the single-leg bridge.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (20, 64),
            path: "M27 66L60 48L78 44L84 70M30 68H46",
        },
        default_secs: 120,
        default_rest_secs: 0,
        max_secs: 180,
    },
    Exercise {
        id: "bird-dog",
        name: "Bird-dog",
        phase: Phase::Activate,
        targets: "The deep back and belly muscles that hold your spine steady while you move.",
        cues: &[
            "On hands and knees, reach one arm forward and the opposite leg back.",
            "Keep your back still as a table top; hold three seconds, swap, repeat.",
        ],
        dose: Dose::Alternating(Alternation {
            reps: 8,
            left: "Left arm, right leg",
            right: "Right arm, left leg",
        }),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Slide only the leg back and keep both hands on the floor.",
        harder: "Hold each reach for ten seconds, or draw small squares with your hand and foot.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (33, 37),
            path: "M40 40H75M40 40L18 33M46 40V70M75 40L72 70H90M75 40L104 35",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "wall-slide",
        name: "Scapular wall slides",
        phase: Phase::Activate,
        targets: "The muscles around your shoulder blades, which help you sit and stand tall.",
        cues: &[
            "Back and arms against the wall, elbows bent like a goalpost.",
            "Draw your shoulder blades down as you slide your arms up and back.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Wall,
        easier: "Do it lying on your back on the floor, arms sliding along it.",
        harder: "Keep your lower back flat on the wall the whole time and slide more slowly.",
        caution: Some("With a painful shoulder, slide only as high as feels easy."),
        alternatives: &["prone-y-t", "dead-bug"],
        figure: Figure {
            head: (78, 18),
            path: "M88 4V72M78 24V52L76 70M78 52L82 70M78 30H68V14",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 150,
    },
    Exercise {
        id: "clamshell",
        name: "Clamshell",
        phase: Phase::Activate,
        targets: "The side of your buttock, which keeps your pelvis level when you walk.",
        cues: &[
            "Lie on your side with your knees bent and your feet together.",
            "Open your top knee like a clamshell without rolling your hips back; close it slowly.",
        ],
        dose: Dose::Reps(12),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Open your knee only a little and go slowly.",
        harder: "Put a loop band around your thighs, or lift the whole top leg with your feet together.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (20, 58),
            path: "M26 64H60L80 70H92M60 64L76 50L92 68M30 64L28 70",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "dead-bug",
        name: "Dead bug",
        phase: Phase::Activate,
        targets: "The deep belly muscles that keep your lower back steady while your arms and legs move.",
        cues: &[
            "On your back, arms up to the ceiling, knees bent above your hips.",
            "Slowly lower one arm and the opposite leg, keeping your lower back on the floor.",
            "Come back to the middle, then do the other pair.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Keep your arms still and lower one foot at a time to tap the floor.",
        harder: "Straighten the leg fully and count slowly to five on the way out and back.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (20, 66),
            path: "M26 68H58V50H74M58 68L98 62M32 68V44",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 150,
    },
    Exercise {
        id: "side-plank-knees",
        name: "Side plank on your knees",
        phase: Phase::Activate,
        targets: "The muscles along the side of your trunk, which stop your spine sagging sideways.",
        cues: &[
            "Lie on your side on your forearm, elbow under your shoulder, knees bent.",
            "Lift your hips so you are straight from head to knees; breathe and hold.",
        ],
        dose: Dose::Holds(Holds {
            count: 3,
            max_hold_secs: 15,
            rest_secs: 5,
            rest_cue: "Lower your hip and rest.",
            again_cue: "Lift again.",
        }),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Keep your hips lower and hold for only ten seconds at a time.",
        harder: "Straighten your legs and lift from your feet.",
        caution: Some("Skip it if it hurts your shoulder; do the dead bug instead."),
        alternatives: &["bird-dog", "clamshell"],
        figure: Figure {
            head: (22, 48),
            path: "M44 70H30V52L80 70L94 62",
        },
        default_secs: 45,
        default_rest_secs: 0,
        max_secs: 55,
    },
    Exercise {
        id: "prone-y-t",
        name: "Lying Y and T raises",
        phase: Phase::Activate,
        targets: "The muscles between and below your shoulder blades, which help you sit and stand tall.",
        cues: &[
            "Lie face down, forehead on a folded towel, arms out in a Y with thumbs up.",
            "Draw your shoulder blades down and back to lift your arms a little, then lower.",
            "Halfway through, do the same with your arms straight out in a T.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Lift one arm at a time, only a few centimetres.",
        harder: "Hold each lift for three seconds, or hold a small water bottle in each hand.",
        caution: Some(
            "With a shoulder injury, keep your arms low and lift only as far as is pain-free.",
        ),
        alternatives: &["dead-bug", "glute-bridge"],
        figure: Figure {
            head: (24, 63),
            path: "M30 68H100M34 67L18 42",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 150,
    },
    Exercise {
        id: "single-leg-bridge",
        name: "Single-leg bridge",
        phase: Phase::Activate,
        targets: "One buttock at a time, so a weaker side cannot hide behind the stronger one.",
        cues: &[
            "Like the glute bridge, but with one leg held straight out in line with the other thigh.",
            "Push through the heel on the floor and keep your hips level as you lift.",
        ],
        dose: Dose::Reps(8),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Do a normal bridge and lift one foot just off the floor at the top.",
        harder: "Put your foot on a low step and pause three seconds at the top.",
        caution: None,
        alternatives: &[],
        figure: Figure {
            head: (20, 64),
            path: "M27 66L60 48L78 44L84 70M30 68H46M78 44L102 38",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 90,
    },
    Exercise {
        id: "hip-flexor-kneel",
        name: "Half-kneeling hip flexor",
        phase: Phase::Mobilize,
        targets: "The front of the hip, which gets short from long sitting and pulls on the lower back.",
        cues: &[
            "Kneel on one knee, tuck your tailbone under and shift gently forward.",
            "Feel the front of the hip open, not your lower back arching.",
        ],
        dose: Dose::Timed,
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Put a cushion under the knee, or stand in a short lunge holding a chair.",
        harder: "Raise the arm on the kneeling side over your head and lean a little away from it.",
        caution: Some("Put a cushion under the knee, and skip it if kneeling hurts."),
        alternatives: &[],
        figure: Figure {
            head: (60, 13),
            path: "M60 19V45L78 50V70M60 45L48 70H32M60 30L66 40",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "open-book",
        name: "Open book rotation",
        phase: Phase::Mobilize,
        targets: "Turning in the upper back, so your lower back does not have to twist for it.",
        cues: &[
            "Lie on your side, knees bent, arms together in front of you.",
            "Open the top arm across to the other side, following it with your eyes.",
        ],
        dose: Dose::Reps(8),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Make the movement smaller and rest the top arm on a pillow.",
        harder: "Hold the open position for three slow breaths each time.",
        caution: None,
        alternatives: &["thread-the-needle", "hip-flexor-kneel"],
        figure: Figure {
            head: (24, 60),
            path: "M30 64H62L74 52L88 64M36 62L24 42M36 64L52 58",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "cat-cow",
        name: "Cat-cow",
        phase: Phase::Mobilize,
        targets: "Every part of your spine, one small section at a time.",
        cues: &[
            "On hands and knees, round your back up slowly, then let it sag gently.",
            "Move with your breath, one small segment at a time.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Do it seated on a chair, hands on your knees.",
        harder: "Pause at each end and breathe out fully as you round.",
        caution: Some(
            "Move only as far as is easy. With osteoporosis, skip the rounding and do only the gentle cow.",
        ),
        alternatives: &["hip-switch-90-90"],
        figure: Figure {
            head: (33, 46),
            path: "M40 42Q57 24 75 42M42 42V70M75 42V70H92",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 150,
    },
    Exercise {
        id: "hip-switch-90-90",
        name: "90/90 hip switch",
        phase: Phase::Mobilize,
        targets: "The hips turning in and out, which takes strain off the lower back.",
        cues: &[
            "Sit with both knees bent at right angles, one leg in front and one to the side.",
            "With your hands behind you, slowly tip both knees over to the other side and back.",
        ],
        dose: Dose::Reps(10),
        per_side: false,
        equipment: Equipment::Mat,
        easier: "Lean back on your hands and move only as far as is easy.",
        harder: "Sit tall with your hands off the floor.",
        caution: Some(
            "If you have had a hip replacement, ask your surgeon before doing this one. Skip it if it twists or hurts your knees.",
        ),
        alternatives: &["cat-cow"],
        figure: Figure {
            head: (60, 33),
            path: "M60 40V66M60 46L48 70M60 46L72 70M60 66L34 60L18 71M60 66L40 71",
        },
        default_secs: 90,
        default_rest_secs: 0,
        max_secs: 150,
    },
    Exercise {
        id: "thread-the-needle",
        name: "Thread the needle",
        phase: Phase::Mobilize,
        targets: "The upper back and shoulder blades: turning here spares your lower back.",
        cues: &[
            "On hands and knees, slide one arm under your body along the floor and let that shoulder drop.",
            "Then reach the same arm up towards the ceiling, following it with your eyes.",
        ],
        dose: Dose::Reps(6),
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Rest on your forearm instead of your hand and make the movement smaller.",
        harder: "Hold for three slow breaths at each end of the movement.",
        caution: None,
        alternatives: &["open-book", "hip-flexor-kneel"],
        figure: Figure {
            head: (38, 60),
            path: "M80 40L46 56V70M46 56L72 68M80 40L78 70H96",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "figure-four",
        name: "Figure-4 stretch",
        phase: Phase::Mobilize,
        targets: "The deep buttock muscles, which pull on the pelvis and lower back when they are tight.",
        cues: &[
            "On your back, cross one ankle over the other knee.",
            "Hold the back of the lower thigh and draw it gently towards you until you feel your buttock stretch.",
        ],
        dose: Dose::Timed,
        per_side: true,
        equipment: Equipment::Mat,
        easier: "Keep the lower foot on the floor and do not pull at all.",
        harder: "Stay in the stretch for three slow breaths longer, or do it seated on a chair and lean forward from your hips.",
        caution: Some(
            "If you have had a hip replacement, ask your surgeon before crossing your legs.",
        ),
        alternatives: &["hip-flexor-kneel", "open-book"],
        figure: Figure {
            head: (20, 66),
            path: "M26 68H56L66 44L84 50M56 68L82 60L66 46M30 68L62 50",
        },
        default_secs: 60,
        default_rest_secs: 0,
        max_secs: 120,
    },
    Exercise {
        id: "hip-circles",
        name: "Standing hip circles",
        phase: Phase::Mobilize,
        targets: "The ball-and-socket hip joint, through all the ways it can move.",
        cues: &[
            "Stand tall and hold a chair or worktop for balance.",
            "Lift one knee and draw big, slow circles with it: half one way, half the other.",
        ],
        dose: Dose::Reps(10),
        per_side: true,
        equipment: Equipment::None,
        easier: "Make smaller circles and keep your knee lower.",
        harder: "Only if you can stand on one leg for 30 seconds safely: let go of the chair, staying within reach of it.",
        caution: None,
        alternatives: &["hip-flexor-kneel", "open-book"],
        figure: Figure {
            head: (50, 14),
            path: "M50 20V46L52 72M50 46L70 44L68 62M50 28L40 44",
        },
        default_secs: 45,
        default_rest_secs: 0,
        max_secs: 90,
    },
    Exercise {
        id: "doorway-chest-opener",
        name: "Doorway chest opener",
        phase: Phase::Mobilize,
        targets: "The chest and the front of the shoulder, so your upper back can straighten.",
        cues: &[
            "Stand in a doorway and rest one forearm on the frame, elbow at shoulder height.",
            "Step forward and turn your chest gently away until the front of your shoulder opens.",
        ],
        dose: Dose::Timed,
        per_side: true,
        equipment: Equipment::Doorframe,
        easier: "Put your elbow lower on the frame and take a smaller step.",
        harder: "Slide your elbow a little higher on the frame.",
        caution: Some(
            "If your shoulder has ever come out of joint, keep your elbow below shoulder height. If you feel tingling or numbness down your arm, lower your elbow and ease off.",
        ),
        alternatives: &["thread-the-needle", "open-book"],
        figure: Figure {
            head: (60, 16),
            path: "M40 4V72M60 22V48L54 72M60 48L68 72M60 28H45V14",
        },
        default_secs: 45,
        default_rest_secs: 0,
        max_secs: 90,
    },
];

/// Where the patient starts, for the exercises whose one drawing (the
/// position held, or where a movement ends) does not show how to get there
/// (walkthrough #5: child's pose, figure-4 and 90/90 were ambiguous).
/// Shown before the main drawing.
pub const START_POSES: &[(&str, Figure)] = &[
    (
        // Kneeling tall, the pillows ready in front.
        "supported-childs-pose",
        Figure {
            head: (72, 19),
            path: "M94 70H68L74 48L72 26M72 30L76 50M44 71Q52 63 60 71",
        },
    ),
    (
        // On the back, one ankle on the other knee, before drawing it in.
        "figure-four",
        Figure {
            head: (20, 66),
            path: "M26 68H56L70 50L84 71M56 68L82 60L70 51M30 68L50 71",
        },
    ),
    (
        // Seen from the front: both knees over to one side; they tip to the other.
        "hip-switch-90-90",
        Figure {
            head: (60, 33),
            path: "M60 40V66M60 46L48 70M60 46L72 70M60 66L86 60L102 71M60 66L80 71",
        },
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise::{EquipmentSet, by_id};
    use crate::domain::readiness::Readiness;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_so_stored_plans_stay_unambiguous() {
        let ids: HashSet<_> = LIBRARY.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), LIBRARY.len());
    }

    #[test]
    fn every_exercise_has_one_to_three_cues_targets_variations_and_time() {
        for exercise in LIBRARY {
            assert!((1..=3).contains(&exercise.cues.len()), "{}", exercise.id);
            assert!(!exercise.targets.is_empty(), "{}", exercise.id);
            assert!(!exercise.easier.is_empty(), "{}", exercise.id);
            assert!(!exercise.harder.is_empty(), "{}", exercise.id);
            assert_ne!(exercise.easier, exercise.harder, "{}", exercise.id);
            assert!(exercise.default_secs >= 30, "{}", exercise.id);
        }
    }

    #[test]
    fn the_library_offers_at_least_six_exercises_per_phase() {
        assert!(LIBRARY.len() >= 18);
        for phase in Phase::ALL {
            let count = LIBRARY.iter().filter(|e| e.phase == phase).count();
            assert!(count >= 6, "{phase:?} has {count}");
        }
    }

    #[test]
    fn the_library_lists_phases_in_session_order() {
        assert!(LIBRARY.windows(2).all(|w| w[0].phase <= w[1].phase));
    }

    #[test]
    fn figure_paths_are_plain_svg_path_data_inside_the_box() {
        let starts = START_POSES.iter().map(|(id, figure)| (*id, figure));
        for (id, figure) in LIBRARY.iter().map(|e| (e.id, &e.figure)).chain(starts) {
            assert!(super::super::by_id(id).is_some(), "{id}");
            let path = figure.path;
            assert!(path.starts_with('M'), "{id}");
            assert!(
                path.chars()
                    .all(|c| c.is_ascii_digit() || " .,-MLHVQAZ".contains(c)),
                "{id}: {path}"
            );
            let numbers = path.split(|c: char| !c.is_ascii_digit());
            assert!(
                numbers
                    .filter_map(|n| n.parse::<u32>().ok())
                    .all(|n| n <= 120),
                "{id}"
            );
            let (x, y) = figure.head;
            assert!((6..=114).contains(&x) && (6..=66).contains(&y), "{id}");
        }
    }

    #[test]
    fn every_limit_is_at_least_the_default_time_and_holds_fit_their_limit() {
        for exercise in LIBRARY {
            assert!(
                exercise.max_secs >= exercise.default_secs,
                "{}",
                exercise.id
            );
            if let Some(holds) = exercise.holds() {
                let longest = holds.split(i64::from(exercise.max_secs) * 1000);
                assert_eq!(longest.len(), usize::from(holds.count), "{}", exercise.id);
                assert!(
                    longest
                        .iter()
                        .all(|&ms| ms <= i64::from(holds.max_hold_secs) * 1000),
                    "{}: {longest:?}",
                    exercise.id
                );
            }
        }
    }

    #[test]
    fn the_dead_hang_is_three_hangs_of_twenty_to_thirty_seconds() {
        let hang = by_id("dead-hang").unwrap();
        let holds = hang.holds().unwrap();
        assert_eq!(holds.split(90_000), [20_000, 20_000, 20_000]);
        assert_eq!(holds.split(120_000), [30_000, 30_000, 30_000]);
        assert_eq!(hang.max_secs, 120);
    }

    #[test]
    fn cautions_name_the_risks_the_clinical_review_found() {
        let caution = |id| by_id(id).and_then(|e| e.caution).unwrap_or_default();
        assert!(caution("dead-hang").contains("blood pressure"));
        for id in [
            "knees-to-chest",
            "supported-childs-pose",
            "foam-roller-lie",
            "cat-cow",
        ] {
            assert!(caution(id).contains("osteoporosis"), "{id}");
        }
        for id in [
            "knees-to-chest",
            "supported-childs-pose",
            "hip-switch-90-90",
            "figure-four",
        ] {
            assert!(caution(id).contains("hip replacement"), "{id}");
        }
    }

    #[test]
    fn texts_make_no_structural_promises() {
        for exercise in LIBRARY {
            let texts = [exercise.targets, exercise.easier, exercise.harder]
                .into_iter()
                .chain(exercise.cues.iter().copied())
                .chain(exercise.caution);
            for text in texts {
                let lower = text.to_lowercase();
                for word in [
                    "opens the spaces",
                    "traction",
                    "fixes",
                    "lengthen",
                    "massage",
                ] {
                    assert!(!lower.contains(word), "{}: {text}", exercise.id);
                }
            }
        }
    }

    #[test]
    fn cautions_and_limits_read_at_a_plain_language_level() {
        use crate::domain::readability::grade;
        for exercise in LIBRARY {
            for text in exercise
                .caution
                .into_iter()
                .chain([exercise.limit_reason().as_str()])
            {
                assert!(
                    grade(text) <= 8.0,
                    "{:.1} {}: {text}",
                    grade(text),
                    exercise.id
                );
            }
        }
    }

    #[test]
    fn hanging_and_bending_backwards_carry_their_warnings() {
        let caution = |id| by_id(id).and_then(|e| e.caution).unwrap_or_default();
        assert!(caution("dead-hang").contains("shoulder"));
        assert!(caution("sphinx").contains("stenosis"));
    }

    #[test]
    fn every_exercise_needing_equipment_names_a_floor_only_alternative() {
        for exercise in LIBRARY {
            let needs_extra = !EquipmentSet::FLOOR_ONLY.has(exercise.equipment);
            assert!(
                !needs_extra || !exercise.alternatives.is_empty(),
                "{}",
                exercise.id
            );
            for id in exercise.alternatives {
                let alternative = by_id(id).unwrap_or_else(|| panic!("{id} is not in the library"));
                assert_ne!(alternative.id, exercise.id);
                assert_eq!(alternative.phase, exercise.phase, "{id}");
                assert_eq!(alternative.per_side, exercise.per_side, "{id}");
                assert!(
                    matches!(alternative.equipment, Equipment::None | Equipment::Mat),
                    "{id}"
                );
            }
        }
    }

    #[test]
    fn every_exercise_an_answer_rules_out_names_an_alternative_that_answer_allows() {
        use crate::domain::readiness::READINESS;
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        for question in READINESS {
            let answer = Readiness::answered(day, [question.id]);
            for id in question.rules_out {
                let exercise = by_id(id).unwrap();
                let allowed =
                    |e: &&Exercise| e.unavailable(EquipmentSet::FLOOR_ONLY, &answer).is_none();
                let swap = exercise.swap_for(EquipmentSet::FLOOR_ONLY, &answer, &[]);
                assert!(swap.as_ref().is_some_and(allowed), "{}: {id}", question.id);
                // Its own list has one, unless no exercise of the same
                // phase and timing is allowed at all.
                let same_timing_allowed = LIBRARY
                    .iter()
                    .filter(|e| e.phase == exercise.phase && e.per_side == exercise.per_side)
                    .any(|e| allowed(&e));
                let listed = exercise.alternatives.iter().filter_map(|id| by_id(id));
                assert_eq!(
                    listed.clone().any(|e| allowed(&e)),
                    same_timing_allowed,
                    "{}: {id}",
                    question.id
                );
            }
        }
    }

    #[test]
    fn every_phase_keeps_an_exercise_if_every_answer_is_yes() {
        use crate::domain::readiness::READINESS;
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let all = Readiness::answered(day, READINESS.iter().map(|q| q.id));
        for phase in Phase::ALL {
            let allowed: Vec<&str> = LIBRARY
                .iter()
                .filter(|e| e.phase == phase)
                .filter(|e| e.unavailable(EquipmentSet::FLOOR_ONLY, &all).is_none())
                .map(|e| e.id)
                .collect();
            assert!(!allowed.is_empty(), "{phase:?}");
        }
        let legs = by_id("legs-on-chair").unwrap();
        assert_eq!(legs.unavailable(EquipmentSet::FLOOR_ONLY, &all), None);
    }
}
