//! A routine: which exercises, in which order, for how long.

use serde::{Deserialize, Serialize};

use super::exercise::{self, EquipmentSet, Exercise};
use super::phase::Phase;
use super::readiness::Readiness;
use super::sort;

/// One exercise of a plan with its time box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Id into [`exercise::LIBRARY`].
    pub exercise: String,
    /// Seconds of work; for a per-side exercise, seconds on each side.
    pub secs: u32,
    /// Rest after the exercise, before the next count-in.
    #[serde(default)]
    pub rest_secs: u32,
    /// For a per-side exercise, which sides; both unless the patient chose one.
    #[serde(default, skip_serializing_if = "Sides::is_both")]
    pub sides: Sides,
}

/// Which side a stretch of work is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Both,
    Left,
    Right,
}

/// Which sides a per-side exercise is done on: a patient with one tight
/// side may stretch only that one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sides {
    #[default]
    Both,
    LeftOnly,
    RightOnly,
}

impl Sides {
    /// Every choice, in the order offered.
    pub const ALL: [Sides; 3] = [Sides::Both, Sides::LeftOnly, Sides::RightOnly];

    pub fn is_both(&self) -> bool {
        *self == Sides::Both
    }

    /// Label in the builder.
    pub fn label(self) -> &'static str {
        match self {
            Sides::Both => "Both sides",
            Sides::LeftOnly => "Left side only",
            Sides::RightOnly => "Right side only",
        }
    }
}

impl Step {
    /// The exercise with the time box the library suggests for it.
    pub fn with_defaults(exercise: &Exercise) -> Step {
        Step {
            exercise: exercise.id.into(),
            secs: exercise.default_secs,
            rest_secs: exercise.default_rest_secs,
            sides: Sides::Both,
        }
    }

    /// The sides worked, in order: `[Both]` for an exercise that has no sides.
    pub fn work_sides(&self, exercise: &Exercise) -> &'static [Side] {
        match (exercise.per_side, self.sides) {
            (false, _) => &[Side::Both],
            (true, Sides::Both) => &[Side::Left, Side::Right],
            (true, Sides::LeftOnly) => &[Side::Left],
            (true, Sides::RightOnly) => &[Side::Right],
        }
    }

    /// Seconds per side as run: never past the exercise's safe limit, so a
    /// plan saved before the limits existed cannot run longer.
    pub fn box_secs(&self, exercise: &Exercise) -> u32 {
        self.secs.min(exercise.max_secs)
    }

    /// Seconds of the exercise's time box over all sides worked.
    pub fn work_secs(&self, exercise: &Exercise) -> u32 {
        self.box_secs(exercise) * self.work_sides(exercise).len() as u32
    }

    /// " each side", " left side only", or nothing, after the time.
    pub fn sides_note(&self, exercise: &Exercise) -> &'static str {
        match self.work_sides(exercise) {
            [Side::Left, Side::Right] => " each side",
            [Side::Left] => " left side only",
            [Side::Right] => " right side only",
            _ => "",
        }
    }
}

/// The pauses the player adds around the work, chosen in settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pacing {
    /// Count-in before each exercise, so the patient can get into position.
    pub get_ready_secs: u32,
    /// Pause between the left and the right side.
    pub switch_secs: u32,
}

impl Default for Pacing {
    fn default() -> Self {
        Pacing {
            get_ready_secs: 5,
            switch_secs: 5,
        }
    }
}

/// An ordered routine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub name: String,
    pub steps: Vec<Step>,
}

/// An exercise swapped for this patient, and why: shown on the routine overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swap {
    /// Id of the exercise the plan had.
    pub from: &'static str,
    /// Id of the exercise done instead. When the plan already had it, that
    /// step is done for longer instead of twice.
    pub to: &'static str,
    /// A readiness answer's reason, or the missing equipment.
    pub reason: &'static str,
}

/// Why a plan cannot be run as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    UnknownExercise(String),
    PhaseOutOfOrder(String),
    EmptyPhase(Phase),
}

/// The recommended daily length of the whole routine: 15 to 20 minutes.
pub const RECOMMENDED_SECS: std::ops::RangeInclusive<u32> = 15 * 60..=20 * 60;

/// The starter routine, listed by id so that a growing library never changes it.
const SEED_IDS: [&str; 9] = [
    "dead-hang",
    "foam-roller-lie",
    "knees-to-chest",
    "glute-bridge",
    "bird-dog",
    "wall-slide",
    "hip-flexor-kneel",
    "open-book",
    "cat-cow",
];

/// Which part of the routine gets extra time, from the self-assessment or
/// the patient's own choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Emphasis {
    /// The seed routine: about six minutes for each phase.
    #[default]
    Balanced,
    Decompress,
    Activate,
    Mobilize,
}

impl Emphasis {
    /// Every choice, in the order offered.
    pub const ALL: [Emphasis; 4] = [
        Emphasis::Balanced,
        Emphasis::Decompress,
        Emphasis::Activate,
        Emphasis::Mobilize,
    ];

    /// The phase that gets extra time; `None` for a balanced routine (the
    /// tests check each emphasis routine against it).
    #[cfg(test)]
    pub fn phase(self) -> Option<Phase> {
        match self {
            Emphasis::Balanced => None,
            Emphasis::Decompress => Some(Phase::Decompress),
            Emphasis::Activate => Some(Phase::Activate),
            Emphasis::Mobilize => Some(Phase::Mobilize),
        }
    }

    /// Label for the choice in Settings.
    pub fn label(self) -> &'static str {
        match self {
            Emphasis::Balanced => "Balanced",
            Emphasis::Decompress => "More decompression",
            Emphasis::Activate => "More strength",
            Emphasis::Mobilize => "More mobility",
        }
    }

    /// One line on who the choice suits.
    pub fn description(self) -> &'static str {
        match self {
            Emphasis::Balanced => "The same time for all three parts. A good place to start.",
            Emphasis::Decompress => {
                "Longer unloading positions, for a back that eases when you lie down or take the weight off."
            }
            Emphasis::Activate => {
                "More exercises to wake up your buttock and belly muscles, for a back that feels weak or wobbly."
            }
            Emphasis::Mobilize => {
                "More hip and upper-back movement, for a body that feels stiff or one-sided."
            }
        }
    }

    /// The hand-made routine for an emphasis, as (exercise id, seconds);
    /// rests come from the library. `None` means the seed routine.
    fn routine(self) -> Option<&'static [(&'static str, u32)]> {
        match self {
            Emphasis::Balanced => None,
            Emphasis::Decompress => Some(&[
                ("dead-hang", 120),
                ("foam-roller-lie", 180),
                ("knees-to-chest", 150),
                ("glute-bridge", 90),
                ("bird-dog", 45),
                ("dead-bug", 60),
                ("hip-flexor-kneel", 45),
                ("open-book", 45),
                ("cat-cow", 90),
            ]),
            Emphasis::Activate => Some(&[
                ("dead-hang", 90),
                ("knees-to-chest", 120),
                ("glute-bridge", 90),
                ("clamshell", 45),
                ("bird-dog", 60),
                ("dead-bug", 60),
                ("side-plank-knees", 30),
                ("hip-flexor-kneel", 45),
                ("open-book", 45),
                ("cat-cow", 90),
            ]),
            Emphasis::Mobilize => Some(&[
                ("dead-hang", 90),
                ("foam-roller-lie", 120),
                ("glute-bridge", 90),
                ("bird-dog", 45),
                ("hip-flexor-kneel", 60),
                ("hip-switch-90-90", 90),
                ("figure-four", 45),
                ("open-book", 60),
                ("thread-the-needle", 45),
                ("cat-cow", 60),
            ]),
        }
    }

    fn plan_name(self) -> &'static str {
        match self {
            Emphasis::Balanced => "Daily spine routine",
            Emphasis::Decompress => "Daily spine routine, more decompression",
            Emphasis::Activate => "Daily spine routine, more strength",
            Emphasis::Mobilize => "Daily spine routine, more mobility",
        }
    }
}

impl Plan {
    /// The built-in 18-minute starter routine.
    pub fn seed() -> Plan {
        Plan {
            name: Emphasis::Balanced.plan_name().into(),
            steps: SEED_IDS
                .iter()
                .filter_map(|id| exercise::by_id(id))
                .map(Step::with_defaults)
                .collect(),
        }
    }

    /// The routine for an emphasis, with every exercise the patient lacks
    /// the equipment for swapped. Always 15–20 minutes with default pacing.
    pub fn for_emphasis(emphasis: Emphasis, have: EquipmentSet) -> Plan {
        let plan = match emphasis.routine() {
            None => Plan::seed(),
            Some(routine) => Plan {
                name: emphasis.plan_name().into(),
                steps: routine
                    .iter()
                    .filter_map(|&(id, secs)| exercise::by_id(id).map(|e| (e, secs)))
                    .map(|(e, secs)| Step {
                        secs,
                        ..Step::with_defaults(e)
                    })
                    .collect(),
            },
        };
        plan.for_equipment(have)
    }

    /// This plan with each exercise the patient lacks the equipment for
    /// replaced by an equipment-free one of the same phase and timing, so
    /// the order and the total time stay the same.
    pub fn for_equipment(&self, have: EquipmentSet) -> Plan {
        self.for_patient(have, &Readiness::default()).0
    }

    /// This plan as this patient can do it, and what was swapped: each
    /// exercise they lack the equipment for, or that a readiness answer
    /// rules out, becomes one of its phase that is allowed
    /// ([`Exercise::swap_for`]), in its place. The swapped step keeps its
    /// time (converted when the new exercise is done per side and the old
    /// was not, or the other way round) up to the new exercise's limit;
    /// when the plan already has the new exercise, that step gets the time
    /// instead. Time that no limit lets in goes to the other steps of the
    /// phase, then of the plan, up to their limits, so a swap does not
    /// shorten the routine where the library allows it (15–20 minutes for
    /// every built-in plan and answer: tested).
    pub fn for_patient(&self, have: EquipmentSet, readiness: &Readiness) -> (Plan, Vec<Swap>) {
        // Only what stays can be taken: an exercise about to be swapped
        // out is free for an earlier step to swap in.
        let mut taken: Vec<&str> = self
            .resolved()
            .filter(|(_, e)| e.unavailable(have, readiness).is_none())
            .map(|(_, e)| e.id)
            .collect();
        let mut steps = Vec::with_capacity(self.steps.len());
        let mut swaps = Vec::new();
        let mut lengthen_first: Vec<&str> = Vec::new();
        let mut spare = [0u32; 3];
        for step in &self.steps {
            let found = exercise::by_id(&step.exercise);
            let Some((exercise, reason)) =
                found.and_then(|e| e.unavailable(have, readiness).map(|why| (e, why)))
            else {
                steps.push(step.clone());
                continue;
            };
            let phase = phase_index(exercise.phase);
            let work = step.work_secs(exercise);
            // `None` only if nothing of the phase is allowed, which the
            // library never allows to happen (tested): the step is left out.
            let Some(alternative) = exercise.swap_for(have, readiness, &taken) else {
                spare[phase] += work;
                continue;
            };
            swaps.push(Swap {
                from: exercise.id,
                to: alternative.id,
                reason,
            });
            if taken.contains(&alternative.id) {
                lengthen_first.push(alternative.id);
                spare[phase] += work;
                continue;
            }
            taken.push(alternative.id);
            let same_timing = alternative.per_side == exercise.per_side;
            let mut swapped = Step {
                exercise: alternative.id.into(),
                secs: 0,
                sides: if same_timing { step.sides } else { Sides::Both },
                ..step.clone()
            };
            let sides = swapped.work_sides(alternative).len() as u32;
            let mut secs = work / sides;
            if !same_timing {
                secs -= secs % 5;
            }
            swapped.secs = secs.min(alternative.max_secs);
            spare[phase] += work - swapped.work_secs(alternative);
            steps.push(swapped);
        }
        give_back(&mut steps, &mut spare, &lengthen_first);
        let plan = Plan {
            name: self.name.clone(),
            steps,
        };
        (plan, swaps)
    }

    /// This plan with a breather of at least `secs` after every exercise
    /// but the last. Longer rests the plan already has are kept.
    pub fn with_rest_between(&self, secs: u32) -> Plan {
        let last = self.steps.len().saturating_sub(1);
        let steps = self
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| Step {
                rest_secs: if index < last {
                    step.rest_secs.max(secs)
                } else {
                    step.rest_secs
                },
                ..step.clone()
            })
            .collect();
        Plan {
            name: self.name.clone(),
            steps,
        }
    }

    /// The steps whose exercise is known, with it; unknown ids are left out
    /// (a plan saved by a newer app may name exercises this one lacks).
    pub fn resolved(&self) -> impl Iterator<Item = (&Step, &'static Exercise)> {
        self.steps
            .iter()
            .filter_map(|step| exercise::by_id(&step.exercise).map(|e| (step, e)))
    }

    /// Whole routine length in seconds, count-ins and side switches included.
    pub fn total_secs(&self, pacing: Pacing) -> u32 {
        self.resolved()
            .map(|(step, e)| step_secs(step, e, pacing))
            .sum()
    }

    /// Length of one phase in seconds, counted like [`Plan::total_secs`].
    pub fn phase_secs(&self, phase: Phase, pacing: Pacing) -> u32 {
        self.resolved()
            .filter(|(_, e)| e.phase == phase)
            .map(|(step, e)| step_secs(step, e, pacing))
            .sum()
    }

    /// Whole routine length in minutes, as every screen states it (Today,
    /// the routine page, the pattern result, the report), so the same
    /// routine is never 17 minutes on one and 18 on another (walkthrough
    /// #15): the nearest whole minute, half a minute up.
    pub fn minutes(&self, pacing: Pacing) -> u32 {
        (self.total_secs(pacing) + 30) / 60
    }

    /// Minutes of each phase, in session order, adding up to
    /// [`Plan::minutes`] so a line listing both agrees with itself: each
    /// phase's whole minutes, then the minutes left over to the phases with
    /// the largest remainders (the earlier phase on a tie).
    pub fn phase_minutes(&self, pacing: Pacing) -> [u32; 3] {
        let secs = Phase::ALL.map(|phase| self.phase_secs(phase, pacing));
        let mut minutes = secs.map(|s| s / 60);
        let mut left = self.minutes(pacing) - minutes.iter().sum::<u32>();
        let mut by_remainder = [0, 1, 2];
        sort::sort_by_key(&mut by_remainder, |&i| std::cmp::Reverse(secs[i] % 60));
        for i in by_remainder {
            if left == 0 {
                break;
            }
            minutes[i] += 1;
            left -= 1;
        }
        minutes
    }

    /// Everything that stops this plan from running as the practice intends.
    pub fn problems(&self) -> Vec<PlanProblem> {
        let mut problems = Vec::new();
        let mut latest = Phase::Decompress;
        for step in &self.steps {
            match exercise::by_id(&step.exercise) {
                None => problems.push(PlanProblem::UnknownExercise(step.exercise.clone())),
                Some(e) if e.phase < latest => {
                    problems.push(PlanProblem::PhaseOutOfOrder(step.exercise.clone()))
                }
                Some(e) => latest = e.phase,
            }
        }
        for phase in Phase::ALL {
            if !self.resolved().any(|(_, e)| e.phase == phase) {
                problems.push(PlanProblem::EmptyPhase(phase));
            }
        }
        problems
    }
}

fn phase_index(phase: Phase) -> usize {
    Phase::ALL.iter().position(|&p| p == phase).unwrap_or(0)
}

/// Hands the `spare` work seconds of each phase to that phase's steps up to
/// their limits, the ones in `first` before the others, then what is still
/// spare to any step of the plan, in order.
fn give_back(steps: &mut [Step], spare: &mut [u32; 3], first: &[&str]) {
    let mut order: Vec<usize> = (0..steps.len()).collect();
    sort::sort_by_key(&mut order, |&i| {
        !first.contains(&steps[i].exercise.as_str())
    });
    for phase in Phase::ALL {
        for &i in &order {
            let step = &mut steps[i];
            if let Some(e) = exercise::by_id(&step.exercise).filter(|e| e.phase == phase) {
                lengthen(step, e, &mut spare[phase_index(phase)]);
            }
        }
    }
    let mut left: u32 = spare.iter().sum();
    for step in steps.iter_mut() {
        if let Some(e) = exercise::by_id(&step.exercise) {
            lengthen(step, e, &mut left);
        }
    }
}

/// Adds as much of `spare` (work seconds over all sides) to `step` as its
/// exercise's limit lets in.
fn lengthen(step: &mut Step, exercise: &Exercise, spare: &mut u32) {
    let sides = step.work_sides(exercise).len() as u32;
    let add = exercise
        .max_secs
        .saturating_sub(step.secs)
        .min(*spare / sides);
    step.secs += add;
    *spare -= add * sides;
}

/// One step's length: count-in, work on each side worked (with a switch
/// between two sides, unless they take turns) and rest.
fn step_secs(step: &Step, exercise: &Exercise, pacing: Pacing) -> u32 {
    let sides = step.work_sides(exercise).len() as u32;
    let switches = match exercise.alternation() {
        Some(_) => 0,
        None => sides - 1,
    };
    pacing.get_ready_secs
        + step.work_secs(exercise)
        + switches * pacing.switch_secs
        + step.rest_secs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exercise::Equipment;
    use crate::domain::readiness::READINESS;
    use chrono::NaiveDate;

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.steps.iter().map(|s| s.exercise.as_str()).collect()
    }

    /// Every combination of the optional equipment, from all to none.
    fn every_equipment_set() -> Vec<EquipmentSet> {
        (0..16u8)
            .map(|mask| {
                EquipmentSet::OPTIONAL
                    .iter()
                    .enumerate()
                    .fold(EquipmentSet::FLOOR_ONLY, |set, (i, &e)| {
                        set.with(e, mask & (1 << i) != 0)
                    })
            })
            .collect()
    }

    #[test]
    fn the_seed_routine_lasts_eighteen_minutes() {
        // 17 min 55 s: bird-dog's sides take turns, with no switch pause.
        assert_eq!(Plan::seed().total_secs(Pacing::default()), 1075);
        assert_eq!(Plan::seed().minutes(Pacing::default()), 18);
    }

    /// A product lock, not a logic test: the routine every new patient
    /// starts with, exercise by exercise and second by second. It fails on
    /// any change to that content, which must then be a deliberate one
    /// (clinical review, README, the e2e routine tests).
    #[test]
    fn the_seed_routine_is_the_same_nine_exercises_however_the_library_grows() {
        let seed = Plan::seed();
        assert_eq!(ids(&seed), SEED_IDS);
        let times: Vec<(u32, u32)> = seed.steps.iter().map(|s| (s.secs, s.rest_secs)).collect();
        assert_eq!(
            times,
            [
                (90, 15),
                (135, 0),
                (120, 0),
                (120, 0),
                (60, 0),
                (90, 0),
                (60, 0),
                (60, 0),
                (90, 0)
            ]
        );
    }

    #[test]
    fn the_seed_routine_stays_within_fifteen_to_twenty_minutes_for_any_pacing() {
        for get_ready_secs in 0..=10 {
            let pacing = Pacing {
                get_ready_secs,
                switch_secs: 5,
            };
            let secs = Plan::seed().total_secs(pacing);
            assert!(RECOMMENDED_SECS.contains(&secs), "{secs} s");
        }
    }

    #[test]
    fn the_seed_routine_decompresses_then_activates_then_mobilizes() {
        let plan = Plan::seed();
        assert_eq!(plan.problems(), vec![]);
        let phases: Vec<Phase> = plan.resolved().map(|(_, e)| e.phase).collect();
        assert_eq!(phases.first(), Some(&Phase::Decompress));
        assert_eq!(phases.last(), Some(&Phase::Mobilize));
        assert!(phases.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn per_side_exercises_count_twice_plus_the_switch_and_rest() {
        let plan = Plan {
            name: "one".into(),
            steps: vec![Step {
                exercise: "hip-flexor-kneel".into(),
                secs: 40,
                rest_secs: 10,
                sides: Sides::Both,
            }],
        };
        let pacing = Pacing {
            get_ready_secs: 3,
            switch_secs: 5,
        };
        assert_eq!(plan.total_secs(pacing), 3 + 40 + 5 + 40 + 10);
    }

    #[test]
    fn one_side_only_counts_once_without_a_switch_and_is_saved_as_such() {
        let mut plan = Plan {
            name: "one".into(),
            steps: vec![Step {
                sides: Sides::LeftOnly,
                ..Step::with_defaults(exercise::by_id("bird-dog").unwrap())
            }],
        };
        let pacing = Pacing::default();
        let secs = plan.steps[0].secs;
        assert_eq!(plan.total_secs(pacing), pacing.get_ready_secs + secs);
        let bird_dog = exercise::by_id("bird-dog").unwrap();
        assert_eq!(plan.steps[0].sides_note(bird_dog), " left side only");
        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains(r#""sides":"LeftOnly""#), "{json}");
        plan.steps[0].sides = Sides::Both;
        // Both sides is the default and is left out, so older apps read it.
        assert!(!serde_json::to_string(&plan).unwrap().contains("sides"));
        // Sides mean nothing for an exercise done with both sides at once.
        let bridge = exercise::by_id("glute-bridge").unwrap();
        let one_sided = Step {
            sides: Sides::RightOnly,
            ..Step::with_defaults(bridge)
        };
        assert_eq!(one_sided.work_secs(bridge), bridge.default_secs);
    }

    #[test]
    fn phase_lengths_add_up_to_the_total() {
        let seed = Plan::seed();
        let pacing = Pacing::default();
        let phases: Vec<u32> = Phase::ALL.map(|p| seed.phase_secs(p, pacing)).into();
        assert_eq!(phases, [375, 345, 355]);
        assert_eq!(phases.iter().sum::<u32>(), seed.total_secs(pacing));
    }

    #[test]
    fn mobilizing_before_decompressing_is_reported() {
        let plan = Plan {
            name: "backwards".into(),
            steps: ["cat-cow", "dead-hang", "glute-bridge", "no-such"]
                .into_iter()
                .map(|id| Step {
                    exercise: id.into(),
                    secs: 60,
                    rest_secs: 0,
                    sides: Sides::Both,
                })
                .collect(),
        };
        assert_eq!(
            plan.problems(),
            vec![
                PlanProblem::PhaseOutOfOrder("dead-hang".into()),
                PlanProblem::PhaseOutOfOrder("glute-bridge".into()),
                PlanProblem::UnknownExercise("no-such".into()),
            ]
        );
    }

    #[test]
    fn a_plan_without_activation_is_reported() {
        let mut plan = Plan::seed();
        plan.steps
            .retain(|s| exercise::by_id(&s.exercise).unwrap().phase != Phase::Activate);
        assert_eq!(
            plan.problems(),
            vec![PlanProblem::EmptyPhase(Phase::Activate)]
        );
    }

    #[test]
    fn with_all_equipment_nothing_is_swapped() {
        for emphasis in Emphasis::ALL {
            let plan = Plan::for_emphasis(emphasis, EquipmentSet::ALL);
            assert_eq!(plan.for_equipment(EquipmentSet::ALL), plan);
        }
        assert_eq!(
            Plan::for_emphasis(Emphasis::Balanced, EquipmentSet::ALL),
            Plan::seed()
        );
    }

    #[test]
    fn the_seed_without_equipment_needs_only_a_mat_and_takes_as_long() {
        let swapped = Plan::seed().for_equipment(EquipmentSet::FLOOR_ONLY);
        assert_eq!(
            ids(&swapped),
            [
                "supported-childs-pose",
                "legs-on-chair",
                "knees-to-chest",
                "glute-bridge",
                "bird-dog",
                "prone-y-t",
                "hip-flexor-kneel",
                "open-book",
                "cat-cow"
            ]
        );
        assert!(
            swapped
                .resolved()
                .all(|(_, e)| matches!(e.equipment, Equipment::None | Equipment::Mat))
        );
        assert_eq!(swapped.problems(), vec![]);
        let pacing = Pacing::default();
        assert_eq!(swapped.total_secs(pacing), Plan::seed().total_secs(pacing));
    }

    #[test]
    fn only_the_missing_equipment_is_swapped() {
        let no_roller = EquipmentSet::ALL.with(Equipment::FoamRoller, false);
        let swapped = Plan::seed().for_equipment(no_roller);
        assert_eq!(
            ids(&swapped)[..3],
            ["dead-hang", "legs-on-chair", "knees-to-chest"]
        );
        assert_eq!(ids(&swapped)[3..], ids(&Plan::seed())[3..]);
    }

    #[test]
    fn a_swap_keeps_the_step_time_and_rest() {
        let swapped = Plan::seed().for_equipment(EquipmentSet::FLOOR_ONLY);
        assert_eq!(
            swapped.steps[0],
            Step {
                exercise: "supported-childs-pose".into(),
                secs: 90,
                rest_secs: 15,
                sides: Sides::Both,
            }
        );
    }

    #[test]
    fn every_emphasis_and_equipment_gives_a_valid_fifteen_to_twenty_minute_plan() {
        let pacing = Pacing::default();
        for emphasis in Emphasis::ALL {
            for have in every_equipment_set() {
                let plan = Plan::for_emphasis(emphasis, have);
                let context = format!("{emphasis:?} with {have:?}");
                assert_eq!(plan.problems(), vec![], "{context}");
                let secs = plan.total_secs(pacing);
                assert!(RECOMMENDED_SECS.contains(&secs), "{context}: {secs} s");
                assert!(
                    plan.resolved().all(|(_, e)| have.has(e.equipment)),
                    "{context}"
                );
                let mut unique = ids(&plan);
                unique.sort();
                unique.dedup();
                assert_eq!(unique.len(), plan.steps.len(), "{context} repeats one");
            }
        }
    }

    #[test]
    fn the_emphasised_phase_gets_more_time_than_in_the_balanced_plan() {
        let pacing = Pacing::default();
        for have in [EquipmentSet::ALL, EquipmentSet::FLOOR_ONLY] {
            let balanced = Plan::for_emphasis(Emphasis::Balanced, have);
            for emphasis in Emphasis::ALL {
                let Some(phase) = emphasis.phase() else {
                    continue;
                };
                let plan = Plan::for_emphasis(emphasis, have);
                assert!(
                    plan.phase_secs(phase, pacing) > balanced.phase_secs(phase, pacing) + 90,
                    "{emphasis:?}"
                );
            }
        }
    }

    #[test]
    fn emphasis_defaults_to_balanced_and_is_saved_by_name() {
        assert_eq!(Emphasis::default(), Emphasis::Balanced);
        assert_eq!(
            serde_json::to_string(&Emphasis::Mobilize).unwrap(),
            r#""Mobilize""#
        );
        for emphasis in Emphasis::ALL {
            assert!(!emphasis.label().is_empty() && !emphasis.description().is_empty());
        }
    }

    #[test]
    fn a_rest_setting_adds_a_breather_between_exercises_but_not_after_the_last() {
        let seed = Plan::seed();
        assert_eq!(seed.with_rest_between(0), seed);
        let rested = seed.with_rest_between(10);
        let rests: Vec<u32> = rested.steps.iter().map(|s| s.rest_secs).collect();
        assert_eq!(rests, [15, 10, 10, 10, 10, 10, 10, 10, 0]);
        let pacing = Pacing::default();
        assert_eq!(rested.total_secs(pacing), seed.total_secs(pacing) + 7 * 10);
        assert_eq!(
            Plan {
                name: "empty".into(),
                steps: vec![]
            }
            .with_rest_between(10)
            .steps,
            []
        );
    }

    fn answers<'a>(yes: impl IntoIterator<Item = &'a str>) -> Readiness {
        Readiness::answered(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(), yes)
    }

    /// Every combination of yes answers, from none to all.
    fn every_answer_set() -> Vec<Readiness> {
        (0..1u32 << READINESS.len())
            .map(|mask| {
                answers(
                    READINESS
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| mask & (1 << i) != 0)
                        .map(|(_, q)| q.id),
                )
            })
            .collect()
    }

    fn work_secs(plan: &Plan) -> u32 {
        plan.resolved().map(|(step, e)| step.work_secs(e)).sum()
    }

    #[test]
    fn every_answer_emphasis_and_equipment_gives_a_safe_fifteen_to_twenty_minute_plan() {
        let pacing = Pacing::default();
        let answer_sets = every_answer_set();
        assert_eq!(answer_sets.len(), 128);
        for readiness in &answer_sets {
            for emphasis in Emphasis::ALL {
                for have in every_equipment_set() {
                    let base = Plan::for_emphasis(emphasis, EquipmentSet::ALL);
                    let (plan, swaps) = base.for_patient(have, readiness);
                    let yes: Vec<_> = readiness.questions().map(|q| q.id).collect();
                    let context = format!("{yes:?}, {emphasis:?}, {have:?}");
                    assert_eq!(plan.problems(), vec![], "{context}");
                    for (_, e) in plan.resolved() {
                        assert_eq!(readiness.rules_out(e.id), None, "{context}: {}", e.id);
                        assert!(have.has(e.equipment), "{context}: {}", e.id);
                        assert!(step_within_limit(&plan, e), "{context}: {}", e.id);
                    }
                    let secs = plan.total_secs(pacing);
                    assert!(RECOMMENDED_SECS.contains(&secs), "{context}: {secs} s");
                    let mut unique = ids(&plan);
                    unique.sort();
                    unique.dedup();
                    assert_eq!(unique.len(), plan.steps.len(), "{context} repeats one");
                    // Each exercise that left the plan is reported once, with its reason.
                    let gone: Vec<&str> = ids(&base)
                        .into_iter()
                        .filter(|id| !ids(&plan).contains(id))
                        .collect();
                    let from: Vec<&str> = swaps.iter().map(|s| s.from).collect();
                    assert_eq!(from, gone, "{context}");
                    for swap in &swaps {
                        let was = exercise::by_id(swap.from).unwrap();
                        assert_eq!(was.unavailable(have, readiness), Some(swap.reason));
                        assert!(ids(&plan).contains(&swap.to), "{context}: {swap:?}");
                    }
                }
            }
        }
    }

    fn step_within_limit(plan: &Plan, exercise: &Exercise) -> bool {
        plan.steps
            .iter()
            .filter(|s| s.exercise == exercise.id)
            .all(|s| s.secs <= exercise.max_secs)
    }

    #[test]
    fn with_no_answers_and_all_equipment_nothing_is_swapped() {
        for emphasis in Emphasis::ALL {
            let plan = Plan::for_emphasis(emphasis, EquipmentSet::ALL);
            let (same, swaps) = plan.for_patient(EquipmentSet::ALL, &Readiness::default());
            assert_eq!(same, plan);
            assert_eq!(swaps, []);
        }
    }

    #[test]
    fn a_hip_replacement_swaps_knees_to_chest_and_the_90_90_and_says_why() {
        let hip = answers(["hip-replacement"]);
        let reason = READINESS[2].reason;
        assert!(reason.contains("hip replacement"));
        let (seed, swaps) = Plan::seed().for_patient(EquipmentSet::ALL, &hip);
        assert!(!ids(&seed).contains(&"knees-to-chest"));
        assert_eq!(
            swaps,
            [Swap {
                from: "knees-to-chest",
                to: "legs-on-chair",
                reason
            }]
        );
        let mobilize = Plan::for_emphasis(Emphasis::Mobilize, EquipmentSet::ALL);
        let (plan, swaps) = mobilize.for_patient(EquipmentSet::ALL, &hip);
        assert!(!ids(&plan).contains(&"hip-switch-90-90"));
        assert!(swaps.contains(&Swap {
            from: "hip-switch-90-90",
            to: "cat-cow",
            reason
        }));
        // The 90/90 time goes to the cat-cow the plan already has.
        let cat = |p: &Plan| {
            p.steps
                .iter()
                .find(|s| s.exercise == "cat-cow")
                .unwrap()
                .secs
        };
        assert_eq!(cat(&plan), cat(&mobilize) + 90);
        assert!(
            swaps
                .iter()
                .any(|s| s.from == "figure-four" && s.reason == reason)
        );
        assert!(swaps.iter().all(|s| s.reason == reason));
    }

    #[test]
    fn a_swap_for_an_answer_lands_where_the_exercise_was_and_keeps_its_time() {
        let (plan, _) = Plan::seed().for_patient(EquipmentSet::ALL, &answers(["blood-pressure"]));
        assert_eq!(
            plan.steps[0],
            Step {
                exercise: "supported-childs-pose".into(),
                secs: 90,
                rest_secs: 15,
                sides: Sides::Both,
            }
        );
        assert_eq!(ids(&plan)[1..], ids(&Plan::seed())[1..]);
    }

    #[test]
    fn with_every_answer_yes_all_unloading_becomes_one_longer_legs_up_on_a_chair() {
        let all = answers(READINESS.iter().map(|q| q.id));
        let seed = Plan::seed();
        let (plan, swaps) = seed.for_patient(EquipmentSet::FLOOR_ONLY, &all);
        let decompress: Vec<&Step> = plan
            .resolved()
            .filter(|(_, e)| e.phase == Phase::Decompress)
            .map(|(s, _)| s)
            .collect();
        assert_eq!(decompress.len(), 1);
        assert_eq!(decompress[0].exercise, "legs-on-chair");
        // The three unloading steps, and the cat-cow's 90 s that the one
        // mobility stretch left (its limit reached) could not take.
        assert_eq!(decompress[0].secs, 90 + 135 + 120 + 90);
        let into_legs: Vec<&str> = swaps
            .iter()
            .filter(|s| s.to == "legs-on-chair")
            .map(|s| s.from)
            .collect();
        assert_eq!(
            into_legs,
            ["dead-hang", "foam-roller-lie", "knees-to-chest"]
        );
        assert_eq!(work_secs(&plan), work_secs(&seed));
    }

    #[test]
    fn a_stretch_done_both_sides_at_once_becomes_one_done_per_side_at_half_the_time() {
        let spine = answers(["spinal-surgery"]);
        let (plan, swaps) = Plan::seed().for_patient(EquipmentSet::ALL, &spine);
        let cat = swaps.iter().find(|s| s.from == "cat-cow").unwrap();
        let instead = exercise::by_id(cat.to).unwrap();
        assert!(instead.per_side && instead.phase == Phase::Mobilize);
        let step = plan.steps.iter().find(|s| s.exercise == cat.to).unwrap();
        assert_eq!((step.secs, step.sides), (45, Sides::Both));
        assert_eq!(work_secs(&plan), work_secs(&Plan::seed()));
    }

    #[test]
    fn time_over_the_new_exercises_limit_goes_to_the_phase_then_to_the_plan() {
        let step = |id: &str, secs| Step {
            exercise: id.into(),
            secs,
            rest_secs: 0,
            sides: Sides::Both,
        };
        let plan = Plan {
            name: "mine".into(),
            steps: vec![
                step("legs-on-chair", 500),
                step("knees-to-chest", 240),
                step("glute-bridge", 60),
                step("cat-cow", 60),
            ],
        };
        let weak_bones_and_leg_pain = answers(["osteoporosis", "leg-pain"]);
        let (swapped, swaps) = plan.for_patient(EquipmentSet::FLOOR_ONLY, &weak_bones_and_leg_pain);
        let times: Vec<(&str, u32)> = swapped
            .steps
            .iter()
            .map(|s| (s.exercise.as_str(), s.secs))
            .collect();
        // Legs up on a chair takes the knees' time up to its 10 minutes;
        // the rest goes to the next steps up to their limits.
        assert_eq!(
            times,
            [
                ("legs-on-chair", 600),
                ("glute-bridge", 180),
                ("hip-switch-90-90", 80)
            ]
        );
        assert_eq!(work_secs(&swapped), work_secs(&plan));
        assert_eq!(swaps.len(), 2);
    }

    #[test]
    fn an_unknown_exercise_and_an_answer_from_a_newer_app_change_nothing() {
        let plan = Plan {
            name: "newer app".into(),
            steps: vec![Step {
                exercise: "from-the-future".into(),
                secs: 60,
                rest_secs: 0,
                sides: Sides::Both,
            }],
        };
        assert_eq!(plan.for_equipment(EquipmentSet::FLOOR_ONLY), plan);
        let (same, swaps) = plan.for_patient(EquipmentSet::FLOOR_ONLY, &answers(["leg-pain"]));
        assert_eq!((same, swaps), (plan, vec![]));
        let seed = Plan::seed();
        let newer = answers(["knee-replacement"]);
        assert_eq!(seed.for_patient(EquipmentSet::ALL, &newer), (seed, vec![]));
    }

    #[test]
    fn a_missing_bar_is_reported_as_a_swap_with_the_equipment_reason() {
        let no_bar = EquipmentSet::ALL.with(Equipment::Bar, false);
        let (_, swaps) = Plan::seed().for_patient(no_bar, &Readiness::default());
        assert_eq!(
            swaps,
            [Swap {
                from: "dead-hang",
                to: "supported-childs-pose",
                reason: Equipment::Bar.missing_reason()
            }]
        );
    }

    /// A plan of one step per phase lasting these seconds: a minute of
    /// work, the rest as rest, no count-in or side switch.
    fn lasting(secs: [u32; 3]) -> (Plan, Pacing) {
        let pacing = Pacing {
            get_ready_secs: 0,
            switch_secs: 0,
        };
        let steps = Phase::ALL
            .iter()
            .zip(secs)
            .map(|(phase, secs)| {
                let e = exercise::LIBRARY
                    .iter()
                    .find(|e| e.phase == *phase && !e.per_side && e.max_secs >= 60)
                    .expect("a both-sides exercise in each phase");
                Step {
                    exercise: e.id.to_string(),
                    secs: 60,
                    rest_secs: secs - 60,
                    sides: Sides::default(),
                }
            })
            .collect();
        (
            Plan {
                name: "test".into(),
                steps,
            },
            pacing,
        )
    }

    #[test]
    fn minutes_round_to_the_nearest_whole_minute_half_up() {
        for (secs, minutes) in [
            (1049, 17),
            (1050, 18),
            (1079, 18),
            (1080, 18),
            (1109, 18),
            (1110, 19),
        ] {
            let (plan, pacing) = lasting([secs - 600, 300, 300]);
            assert_eq!(plan.total_secs(pacing), secs);
            assert_eq!(plan.minutes(pacing), minutes, "{secs} s");
        }
    }

    #[test]
    fn phase_minutes_add_up_to_the_routine_minutes() {
        // 5:40 + 5:40 + 5:40 = 17:00: each rounds to 6, but 17 in all.
        let (plan, pacing) = lasting([340, 340, 340]);
        assert_eq!(plan.minutes(pacing), 17);
        assert_eq!(plan.phase_minutes(pacing), [6, 6, 5]);
        // 5:20 + 5:50 + 6:10 = 17:20: the largest remainder takes the minute.
        let (plan, pacing) = lasting([320, 350, 370]);
        assert_eq!(plan.phase_minutes(pacing), [5, 6, 6]);
        for a in (60..=600).step_by(37) {
            for b in (60..=600).step_by(41) {
                let (plan, pacing) = lasting([a, b, 333]);
                let parts = plan.phase_minutes(pacing);
                assert_eq!(parts.iter().sum::<u32>(), plan.minutes(pacing), "{a} {b}");
                for (part, secs) in parts.iter().zip([a, b, 333]) {
                    assert!(part.abs_diff(secs / 60) <= 1, "{a} {b}: {parts:?}");
                }
            }
        }
    }
}
