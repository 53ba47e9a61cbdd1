//! A routine: which exercises, in which order, for how long.

use serde::{Deserialize, Serialize};

use super::exercise::{self, Exercise};
use super::phase::Phase;

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

/// Why a plan cannot be run as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    UnknownExercise(String),
    PhaseOutOfOrder(String),
    EmptyPhase(Phase),
}

/// The recommended daily length of the whole routine, in minutes.
pub const RECOMMENDED_MINUTES: std::ops::RangeInclusive<u32> = 15..=20;

impl Plan {
    /// The built-in 18-minute starter routine.
    pub fn seed() -> Plan {
        Plan {
            name: "Daily spine routine".into(),
            steps: exercise::LIBRARY
                .iter()
                .map(|e| Step {
                    exercise: e.id.into(),
                    secs: e.default_secs,
                    rest_secs: e.default_rest_secs,
                })
                .collect(),
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
            .map(|(step, e)| {
                let work = if e.per_side {
                    2 * step.secs + pacing.switch_secs
                } else {
                    step.secs
                };
                pacing.get_ready_secs + work + step.rest_secs
            })
            .sum()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_routine_lasts_eighteen_minutes() {
        assert_eq!(Plan::seed().total_secs(Pacing::default()), 18 * 60);
    }

    #[test]
    fn the_seed_routine_stays_within_fifteen_to_twenty_minutes_for_any_pacing() {
        for get_ready_secs in 0..=10 {
            let pacing = Pacing {
                get_ready_secs,
                switch_secs: 5,
            };
            let minutes = Plan::seed().total_secs(pacing) / 60;
            assert!(RECOMMENDED_MINUTES.contains(&minutes), "{minutes} min");
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
                exercise: "bird-dog".into(),
                secs: 40,
                rest_secs: 10,
            }],
        };
        let pacing = Pacing {
            get_ready_secs: 3,
            switch_secs: 5,
        };
        assert_eq!(plan.total_secs(pacing), 3 + 40 + 5 + 40 + 10);
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
}
