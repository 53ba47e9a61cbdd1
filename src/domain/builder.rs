//! The routine builder's rules: what stops a home-made plan from being
//! saved, what only earns a word of advice, and the edits the builder
//! offers. Every edit keeps the phases in session order.

use std::ops::RangeInclusive;

use super::countdown;
use super::exercise;
use super::phase::Phase;
use super::plan::{Pacing, Plan, PlanProblem, RECOMMENDED_SECS, Step};

/// Lengths a plan can be saved with: short enough for every day, long
/// enough for all three phases.
pub const ALLOWED_SECS: RangeInclusive<u32> = 10 * 60..=30 * 60;
/// Shortest and longest time for one exercise (on each side, when per side).
pub const STEP_SECS: RangeInclusive<u32> = 15..=600;

/// Something the builder tells the patient about their plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// Unknown exercise, phases out of order or a phase left empty.
    Problem(PlanProblem),
    /// Under [`ALLOWED_SECS`]: not saved.
    TooShortToSave { secs: u32 },
    /// Over [`ALLOWED_SECS`]: not saved.
    TooLongToSave { secs: u32 },
    /// Allowed but under [`RECOMMENDED_SECS`].
    ShorterThanAdvised { secs: u32 },
    /// Allowed but over [`RECOMMENDED_SECS`].
    LongerThanAdvised { secs: u32 },
}

impl Issue {
    /// What to tell the patient, in plain words.
    pub fn message(&self) -> String {
        match self {
            Issue::Problem(PlanProblem::UnknownExercise(id)) => format!(
                "This version of the app does not know the exercise \u{201c}{id}\u{201d}. Remove it to save your routine."
            ),
            Issue::Problem(PlanProblem::PhaseOutOfOrder(id)) => {
                let (name, phase) =
                    exercise::by_id(id).map_or((id.as_str(), ""), |e| (e.name, e.phase.name()));
                format!(
                    "{name} is in the wrong place. The routine goes decompress, then activate, then mobilize: move it back into {phase}."
                )
            }
            Issue::Problem(PlanProblem::EmptyPhase(phase)) => format!(
                "Add at least one {} exercise. Every routine needs all three parts, in order.",
                phase.name()
            ),
            Issue::TooShortToSave { secs } => format!(
                "This routine takes {}. It needs at least 10 minutes to do all three parts properly.",
                length(*secs)
            ),
            Issue::TooLongToSave { secs } => format!(
                "This routine takes {}. Keep it to 30 minutes or less, so it fits into every day.",
                length(*secs)
            ),
            Issue::ShorterThanAdvised { secs } => format!(
                "This routine takes {}. 15 to 20 minutes works best, but a shorter one is fine on a busy day.",
                length(*secs)
            ),
            Issue::LongerThanAdvised { secs } => format!(
                "This routine takes {}. 15 to 20 minutes works best: doing it every day matters more than doing more.",
                length(*secs)
            ),
        }
    }
}

fn length(secs: u32) -> String {
    countdown::spoken(i64::from(secs))
}

/// Everything the builder has to say about a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Issues that stop the plan from being saved.
    pub blocking: Vec<Issue>,
    /// Advice that still lets the patient save.
    pub warnings: Vec<Issue>,
}

impl Check {
    pub fn can_save(&self) -> bool {
        self.blocking.is_empty()
    }
}

/// Checks a plan as the patient would run it with this pacing.
pub fn check(plan: &Plan, pacing: Pacing) -> Check {
    let mut blocking: Vec<Issue> = plan.problems().into_iter().map(Issue::Problem).collect();
    let mut warnings = Vec::new();
    let secs = plan.total_secs(pacing);
    if secs < *ALLOWED_SECS.start() {
        blocking.push(Issue::TooShortToSave { secs });
    } else if secs > *ALLOWED_SECS.end() {
        blocking.push(Issue::TooLongToSave { secs });
    } else if secs < *RECOMMENDED_SECS.start() {
        warnings.push(Issue::ShorterThanAdvised { secs });
    } else if secs > *RECOMMENDED_SECS.end() {
        warnings.push(Issue::LongerThanAdvised { secs });
    }
    Check { blocking, warnings }
}

/// A step taken out of a plan and where it was, so Undo can put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub index: usize,
    pub step: Step,
}

/// Which way the patient moves a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

fn phase_of(step: &Step) -> Option<Phase> {
    exercise::by_id(&step.exercise).map(|e| e.phase)
}

impl Plan {
    /// Adds an exercise with its suggested time at the end of its phase,
    /// so the order holds. Returns where it went; `None` for an unknown id.
    pub fn add_exercise(&mut self, id: &str) -> Option<usize> {
        let exercise = exercise::by_id(id)?;
        let index = self
            .steps
            .iter()
            .position(|step| phase_of(step).is_some_and(|phase| phase > exercise.phase))
            .unwrap_or(self.steps.len());
        self.steps.insert(index, Step::with_defaults(exercise));
        Some(index)
    }

    /// Takes a step out, returning what Undo needs; `None` when there is no such step.
    pub fn remove_step(&mut self, index: usize) -> Option<Removed> {
        (index < self.steps.len()).then(|| Removed {
            index,
            step: self.steps.remove(index),
        })
    }

    /// Undo for [`Plan::remove_step`]: puts the step back where it was.
    pub fn restore(&mut self, removed: Removed) {
        let index = removed.index.min(self.steps.len());
        self.steps.insert(index, removed.step);
    }

    /// The step a move would swap with: the neighbour, only when it is in
    /// the same phase. `None` means the button should be disabled.
    pub fn move_target(&self, index: usize, direction: Direction) -> Option<usize> {
        let neighbour = match direction {
            Direction::Up => index.checked_sub(1)?,
            Direction::Down => index + 1,
        };
        let phase = phase_of(self.steps.get(index)?)?;
        (phase_of(self.steps.get(neighbour)?)? == phase).then_some(neighbour)
    }

    /// Moves a step one place within its phase; returns its new index.
    pub fn move_step(&mut self, index: usize, direction: Direction) -> Option<usize> {
        let target = self.move_target(index, direction)?;
        self.steps.swap(index, target);
        Some(target)
    }

    /// Sets a step's time (on each side, for a per-side exercise), kept
    /// within [`STEP_SECS`] and the exercise's safe limit. Returns the time stored.
    pub fn set_secs(&mut self, index: usize, secs: u32) -> Option<u32> {
        let step = self.steps.get_mut(index)?;
        step.secs = secs.clamp(*STEP_SECS.start(), longest_secs(&step.exercise));
        Some(step.secs)
    }
}

/// The longest time the builder offers for an exercise: its safe limit.
pub fn longest_secs(id: &str) -> u32 {
    exercise::by_id(id).map_or(*STEP_SECS.end(), |e| e.max_secs.min(*STEP_SECS.end()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Sides;

    fn step(id: &str, secs: u32) -> Step {
        Step {
            exercise: id.into(),
            secs,
            rest_secs: 0,
            sides: Sides::Both,
        }
    }

    /// A plan lasting exactly `total` with default pacing: a minute each of
    /// activation and mobility, and the rest as the longest resting
    /// position, in as many steps (each with a 5 s count-in) as its limit needs.
    fn plan_lasting(total: u32) -> Plan {
        let mut left = total - 2 * 65 - 5;
        let mut steps = Vec::new();
        while left > 600 {
            steps.push(step("legs-on-chair", 600));
            left -= 605;
        }
        steps.push(step("legs-on-chair", left));
        steps.push(step("glute-bridge", 60));
        steps.push(step("cat-cow", 60));
        Plan {
            name: "test".into(),
            steps,
        }
    }

    fn check_lasting(total: u32) -> Check {
        let plan = plan_lasting(total);
        assert_eq!(plan.total_secs(Pacing::default()), total);
        check(&plan, Pacing::default())
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.steps.iter().map(|s| s.exercise.as_str()).collect()
    }

    #[test]
    fn the_seed_routine_passes_without_a_word() {
        let check = check(&Plan::seed(), Pacing::default());
        assert_eq!(check.blocking, []);
        assert_eq!(check.warnings, []);
        assert!(check.can_save());
    }

    #[test]
    fn fifteen_and_twenty_minutes_exactly_are_recommended() {
        for minutes in [15, 20] {
            let check = check_lasting(minutes * 60);
            assert_eq!(
                (check.blocking, check.warnings),
                (vec![], vec![]),
                "{minutes}"
            );
        }
    }

    #[test]
    fn just_outside_fifteen_to_twenty_minutes_is_a_warning_only() {
        let short = check_lasting(15 * 60 - 1);
        assert!(short.can_save());
        assert_eq!(short.warnings, [Issue::ShorterThanAdvised { secs: 899 }]);
        let long = check_lasting(20 * 60 + 1);
        assert!(long.can_save());
        assert_eq!(long.warnings, [Issue::LongerThanAdvised { secs: 1201 }]);
    }

    #[test]
    fn ten_and_thirty_minutes_exactly_can_still_be_saved() {
        assert_eq!(
            check_lasting(10 * 60).warnings,
            [Issue::ShorterThanAdvised { secs: 600 }]
        );
        assert_eq!(
            check_lasting(30 * 60).warnings,
            [Issue::LongerThanAdvised { secs: 1800 }]
        );
        assert!(check_lasting(10 * 60).can_save() && check_lasting(30 * 60).can_save());
    }

    #[test]
    fn under_ten_or_over_thirty_minutes_blocks_saving_without_a_warning() {
        let short = check_lasting(10 * 60 - 1);
        assert_eq!(short.blocking, [Issue::TooShortToSave { secs: 599 }]);
        assert_eq!(short.warnings, []);
        let long = check_lasting(30 * 60 + 1);
        assert_eq!(long.blocking, [Issue::TooLongToSave { secs: 1801 }]);
        assert_eq!(long.warnings, []);
    }

    #[test]
    fn the_count_ins_count_towards_the_length() {
        // Four steps, so four 5 s count-ins.
        let plan = plan_lasting(15 * 60);
        assert_eq!(plan.steps.len(), 4);
        let no_count_in = Pacing {
            get_ready_secs: 0,
            ..Pacing::default()
        };
        assert_eq!(
            check(&plan, no_count_in).warnings,
            [Issue::ShorterThanAdvised { secs: 880 }]
        );
    }

    #[test]
    fn order_unknown_exercises_and_empty_phases_block_saving() {
        let mut plan = Plan::seed();
        plan.steps.push(step("dead-hang", 60));
        plan.steps.push(step("no-such", 60));
        plan.steps
            .retain(|s| !["glute-bridge", "bird-dog", "wall-slide"].contains(&s.exercise.as_str()));
        let check = check(&plan, Pacing::default());
        assert_eq!(
            check.blocking,
            [
                Issue::Problem(PlanProblem::PhaseOutOfOrder("dead-hang".into())),
                Issue::Problem(PlanProblem::UnknownExercise("no-such".into())),
                Issue::Problem(PlanProblem::EmptyPhase(Phase::Activate)),
            ]
        );
        assert!(!check.can_save());
    }

    #[test]
    fn messages_name_the_exercise_phase_or_length_in_plain_words() {
        let message = |issue: Issue| issue.message();
        assert!(
            message(Issue::Problem(PlanProblem::PhaseOutOfOrder(
                "dead-hang".into()
            )))
            .starts_with("Dead hang is in the wrong place")
        );
        assert!(
            message(Issue::Problem(PlanProblem::UnknownExercise(
                "toe-touch".into()
            )))
            .contains("\u{201c}toe-touch\u{201d}")
        );
        assert!(
            message(Issue::Problem(PlanProblem::EmptyPhase(Phase::Mobilize)))
                .starts_with("Add at least one Mobilize exercise")
        );
        assert!(message(Issue::TooShortToSave { secs: 599 }).contains("takes 9 min 59 s"));
        assert!(message(Issue::TooLongToSave { secs: 1860 }).contains("takes 31 min."));
        assert!(message(Issue::ShorterThanAdvised { secs: 720 }).contains("busy day"));
        assert!(message(Issue::LongerThanAdvised { secs: 1500 }).contains("every day"));
    }

    #[test]
    fn an_added_exercise_goes_to_the_end_of_its_phase() {
        let mut plan = Plan::seed();
        assert_eq!(plan.add_exercise("clamshell"), Some(6));
        assert_eq!(plan.add_exercise("sphinx"), Some(3));
        assert_eq!(plan.add_exercise("hip-circles"), Some(11));
        assert_eq!(
            plan.steps[3],
            Step::with_defaults(exercise::by_id("sphinx").unwrap())
        );
        assert_eq!(plan.problems(), []);
        assert_eq!(plan.add_exercise("toe-touch"), None);
        assert_eq!(plan.steps.len(), 12);
    }

    #[test]
    fn an_exercise_added_to_a_missing_phase_goes_between_its_neighbours() {
        let mut plan = Plan {
            name: "gap".into(),
            steps: vec![step("dead-hang", 60), step("cat-cow", 60)],
        };
        assert_eq!(plan.add_exercise("bird-dog"), Some(1));
        assert_eq!(ids(&plan), ["dead-hang", "bird-dog", "cat-cow"]);
        let mut empty = Plan {
            name: "empty".into(),
            steps: vec![],
        };
        assert_eq!(empty.add_exercise("cat-cow"), Some(0));
    }

    #[test]
    fn a_removed_step_comes_back_where_it_was_on_undo() {
        let mut plan = Plan::seed();
        let removed = plan.remove_step(4).unwrap();
        assert_eq!(removed.step.exercise, "bird-dog");
        assert_eq!(plan.steps.len(), 8);
        plan.restore(removed);
        assert_eq!(plan, Plan::seed());
        assert_eq!(plan.remove_step(9), None);
    }

    #[test]
    fn undo_after_the_plan_shrank_puts_the_step_at_the_end() {
        let mut plan = Plan::seed();
        let last = plan.remove_step(8).unwrap();
        plan.remove_step(7);
        plan.restore(last);
        assert_eq!(
            plan.steps.last().map(|s| s.exercise.as_str()),
            Some("cat-cow")
        );
    }

    #[test]
    fn steps_move_within_their_phase_only() {
        let mut plan = Plan::seed();
        assert_eq!(plan.move_step(1, Direction::Up), Some(0));
        assert_eq!(ids(&plan)[..2], ["foam-roller-lie", "dead-hang"]);
        assert_eq!(plan.move_step(0, Direction::Up), None);
        assert_eq!(plan.move_step(2, Direction::Down), None, "into Activate");
        assert_eq!(plan.move_step(3, Direction::Up), None, "into Decompress");
        assert_eq!(plan.move_step(8, Direction::Down), None);
        assert_eq!(plan.move_step(7, Direction::Down), Some(8));
        assert_eq!(plan.problems(), []);
        assert_eq!(plan.move_target(20, Direction::Up), None);
    }

    #[test]
    fn an_unknown_exercise_cannot_be_moved_or_moved_past() {
        let mut plan = Plan {
            name: "odd".into(),
            steps: vec![step("dead-hang", 60), step("no-such", 60)],
        };
        assert_eq!(plan.move_step(1, Direction::Up), None);
        assert_eq!(plan.move_step(0, Direction::Down), None);
    }

    #[test]
    fn set_secs_keeps_each_exercise_between_fifteen_seconds_and_its_limit() {
        let mut plan = Plan::seed();
        assert_eq!(plan.set_secs(0, 45), Some(45));
        assert_eq!(plan.set_secs(0, 14), Some(15));
        assert_eq!(plan.set_secs(0, 15), Some(15));
        // The dead hang: three hangs of at most 30 s with 15 s rests.
        assert_eq!(plan.set_secs(0, 120), Some(120));
        assert_eq!(plan.set_secs(0, 135), Some(120));
        assert_eq!(plan.steps[0].secs, 120);
        assert_eq!(plan.set_secs(9, 60), None);
        plan.steps.push(step("legs-on-chair", 60));
        assert_eq!(plan.set_secs(9, 601), Some(600));
    }

    #[test]
    fn no_exercise_can_be_set_past_its_limit() {
        for exercise in exercise::LIBRARY {
            let mut plan = Plan {
                name: "one".into(),
                steps: vec![step(exercise.id, 15)],
            };
            assert_eq!(plan.set_secs(0, 10_000), Some(exercise.max_secs.min(600)));
            assert_eq!(longest_secs(exercise.id), exercise.max_secs.min(600));
        }
        assert_eq!(longest_secs("no-such"), 600);
    }
}
