//! What an exercise is (its dose, holds, drawing and limits) and which one
//! to do instead when it cannot be done. The exercises themselves are the
//! table in `library.rs`; the equipment they need is in `equipment.rs`.

mod equipment;
mod library;

pub use equipment::{Equipment, EquipmentSet};
pub use library::LIBRARY;

use super::phase::Phase;
use super::readiness::Readiness;

/// How an exercise is counted inside its time box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dose {
    /// Hold or flow for the whole time.
    Timed,
    /// This many slow repetitions, at the patient's pace, within the time.
    Reps(u8),
    /// Holds with short rests between them, within the time: each hold is
    /// its own countdown, so the timer never asks for one long hold.
    Holds(Holds),
    /// Per-side reaches that take turns, one side then the other, each its
    /// own short countdown: how McGill teaches the bird-dog (clinical review,
    /// the activate row), not one side's minute then the other's.
    Alternating(Alternation),
}

/// The two reaches of an alternating exercise, and how many of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alternation {
    pub reps: u8,
    /// What the patient reaches with on the "left" turns, e.g. "Left arm, right leg".
    pub left: &'static str,
    pub right: &'static str,
}

/// How a held exercise is split up. Each hold is kept short enough to keep
/// good form and a safe grip: the clinical review's limit for the dead hang
/// (≤ 30 s a hold) and McGill's short holds for the side plank (≤ 10–15 s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holds {
    pub count: u8,
    /// Longest single hold; the builder and "+15 s" never go past it.
    pub max_hold_secs: u32,
    /// Rest between two holds, inside the exercise's time.
    pub rest_secs: u32,
    /// Said as a hold ends, e.g. "Step down and rest."
    pub rest_cue: &'static str,
    /// Said as the next hold starts, e.g. "Hang again."
    pub again_cue: &'static str,
}

/// A hold shorter than this is not worth getting into position for.
const MIN_HOLD_MS: i64 = 5_000;

impl Holds {
    /// The holds that fit into `box_ms` with a rest between each two, as
    /// their lengths in ms; fewer holds when the time is too short for all.
    pub fn split(&self, box_ms: i64) -> Vec<i64> {
        let rest_ms = i64::from(self.rest_secs) * 1000;
        let mut count = i64::from(self.count.max(1));
        while count > 1 && (box_ms - (count - 1) * rest_ms) / count < MIN_HOLD_MS {
            count -= 1;
        }
        let work = box_ms - (count - 1) * rest_ms;
        let each = work / count;
        let mut holds = vec![each; count as usize];
        holds[count as usize - 1] += work - each * count;
        holds
    }

    /// The rest between holds in ms.
    pub fn rest_ms(&self) -> i64 {
        i64::from(self.rest_secs) * 1000
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
    /// What it works on and why that helps the back, in one line.
    pub targets: &'static str,
    /// One to three plain-language cues, most important first.
    pub cues: &'static [&'static str],
    pub dose: Dose,
    /// Done on the left, then on the right: the time box applies to each side.
    pub per_side: bool,
    pub equipment: Equipment,
    /// A gentler way to do it on a bad day.
    pub easier: &'static str,
    /// A harder way to do it once the exercise feels easy.
    pub harder: &'static str,
    /// Who should skip it or take care, when that matters.
    pub caution: Option<&'static str>,
    /// Ids of equipment-free exercises of the same phase and the same
    /// per-side timing, best first, to do when this one is unavailable:
    /// its equipment is missing or a readiness answer rules it out.
    pub alternatives: &'static [&'static str],
    pub figure: Figure,
    /// Seconds per side (or in all, when not per side) when added to a plan.
    pub default_secs: u32,
    /// Rest after it, for the most demanding exercises.
    pub default_rest_secs: u32,
    /// Longest time (per side) worth doing in one session: more adds strain,
    /// not benefit. Plans, the builder and "+15 s" stay within it. For held
    /// exercises it follows from the holds' limits (tested).
    pub max_secs: u32,
}

/// Looks an exercise up by its stored id.
pub fn by_id(id: &str) -> Option<&'static Exercise> {
    LIBRARY.iter().find(|exercise| exercise.id == id)
}

impl Exercise {
    /// "3 holds, resting between", "12 reps", or `None` for a timed hold.
    pub fn dose_label(&self) -> Option<String> {
        match self.dose {
            Dose::Timed => None,
            Dose::Holds(holds) => Some(format!("{} holds, resting between", holds.count)),
            Dose::Reps(n) if self.per_side => Some(format!("{n} reps each side")),
            Dose::Reps(n) => Some(format!("{n} reps")),
            Dose::Alternating(alternation) => Some(format!(
                "{} reaches each side, taking turns",
                alternation.reps
            )),
        }
    }

    /// How the sides take turns, for an alternating exercise.
    pub fn alternation(&self) -> Option<Alternation> {
        match self.dose {
            Dose::Alternating(alternation) => Some(alternation),
            _ => None,
        }
    }

    /// The drawing of where to start, when the main one does not show it.
    pub fn start_figure(&self) -> Option<&'static Figure> {
        library::START_POSES
            .iter()
            .find(|(id, _)| *id == self.id)
            .map(|(_, figure)| figure)
    }

    /// The holds, for an exercise done as holds with rests between.
    pub fn holds(&self) -> Option<Holds> {
        match self.dose {
            Dose::Holds(holds) => Some(holds),
            _ => None,
        }
    }

    /// Why the time cannot go higher, said where the builder or the
    /// player stops at the limit.
    pub fn limit_reason(&self) -> String {
        match self.holds() {
            Some(holds) => format!(
                "Each hold stays at {} seconds or less, with a rest between. Longer holds tire the muscles, and tired muscles let go.",
                holds.max_hold_secs
            ),
            None => format!(
                "{} is the most for this exercise{}. More time is unlikely to help more, and it can strain.",
                super::countdown::spoken(i64::from(self.max_secs)),
                if self.per_side { " on each side" } else { "" }
            ),
        }
    }

    /// Why this patient should not do this exercise as it is: a readiness
    /// answer's reason first (safety before convenience), else the missing
    /// equipment. `None` when it can be done.
    pub fn unavailable(&self, have: EquipmentSet, readiness: &Readiness) -> Option<&'static str> {
        readiness
            .rules_out(self.id)
            .or_else(|| (!have.has(self.equipment)).then(|| self.equipment.missing_reason()))
    }

    /// The exercise to do instead when [`Exercise::unavailable`] says so:
    /// one that is itself available, of the same phase and per-side
    /// timing, from its alternatives first, then any of the phase; one not
    /// in `taken` wins, else the first (the plan then gives that step this
    /// one's time). Only when none of the same timing is allowed, one of the
    /// other timing (the plan converts the time). `None` when this one can
    /// be done, or nothing of its phase can (never with this library: tested).
    pub fn swap_for(
        &self,
        have: EquipmentSet,
        readiness: &Readiness,
        taken: &[&str],
    ) -> Option<&'static Exercise> {
        self.unavailable(have, readiness)?;
        let allowed = move |per_side: bool| {
            self.alternatives
                .iter()
                .filter_map(|id| by_id(id))
                .chain(LIBRARY.iter().filter(move |e| e.phase == self.phase))
                .filter(move |e| {
                    e.per_side == per_side
                        && e.id != self.id
                        && e.unavailable(have, readiness).is_none()
                })
        };
        let pick = |per_side: bool| {
            allowed(per_side)
                .find(|alternative| !taken.contains(&alternative.id))
                .or_else(|| allowed(per_side).next())
        };
        pick(self.per_side).or_else(|| pick(!self.per_side))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_finds_known_ids_and_rejects_unknown_ones() {
        assert_eq!(by_id("cat-cow").map(|e| e.phase), Some(Phase::Mobilize));
        assert!(by_id("toe-touch").is_none());
    }

    #[test]
    fn holds_split_the_time_exactly_and_drop_holds_too_short_to_do() {
        let plank = by_id("side-plank-knees").unwrap().holds().unwrap();
        // 45 s: three holds and two 5 s rests; the last hold takes the odd ms.
        assert_eq!(plank.split(45_000), [11_666, 11_666, 11_668]);
        // 15 s leaves too little for three 5 s holds with rests between.
        assert_eq!(plank.split(15_000), [5_000, 5_000]);
        assert_eq!(plank.split(14_999), [14_999]);
        let total = |ms: i64| {
            plank.split(ms).iter().sum::<i64>() + (plank.split(ms).len() as i64 - 1) * 5_000
        };
        for ms in [15_000, 30_000, 45_000, 55_000] {
            assert_eq!(total(ms), ms);
        }
    }

    #[test]
    fn a_swap_prefers_an_alternative_the_plan_does_not_have_yet() {
        let none = Readiness::default();
        let hang = by_id("dead-hang").unwrap();
        assert_eq!(hang.swap_for(EquipmentSet::ALL, &none, &[]), None);
        let swap = |taken: &[&str]| {
            hang.swap_for(EquipmentSet::FLOOR_ONLY, &none, taken)
                .map(|e| e.id)
        };
        assert_eq!(swap(&[]), Some("supported-childs-pose"));
        assert_eq!(swap(&["supported-childs-pose"]), Some("legs-on-chair"));
        // Past its own list, any other exercise of the phase the plan lacks.
        assert_eq!(
            swap(&["supported-childs-pose", "legs-on-chair"]),
            Some("knees-to-chest")
        );
        let whole_phase: Vec<&str> = LIBRARY
            .iter()
            .filter(|e| e.phase == Phase::Decompress)
            .map(|e| e.id)
            .collect();
        // All taken: the first alternative, which the plan lengthens.
        assert_eq!(swap(&whole_phase), Some("supported-childs-pose"));
    }

    #[test]
    fn an_answer_swaps_an_exercise_to_one_it_allows_and_says_why() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let hip = Readiness::answered(day, ["hip-replacement"]);
        let knees = by_id("knees-to-chest").unwrap();
        assert!(
            knees
                .unavailable(EquipmentSet::ALL, &hip)
                .unwrap()
                .contains("hip replacement")
        );
        let swap = knees.swap_for(EquipmentSet::ALL, &hip, &[]).map(|e| e.id);
        assert_eq!(swap, Some("legs-on-chair"));
        // The dead hang's own first alternative, child's pose, is ruled out too.
        let hang = by_id("dead-hang").unwrap();
        let swap = hang
            .swap_for(EquipmentSet::FLOOR_ONLY, &hip, &[])
            .map(|e| e.id);
        assert_eq!(swap, Some("legs-on-chair"));
    }

    #[test]
    fn a_ruled_out_exercise_gives_the_answers_reason_before_the_missing_equipment() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let hang = by_id("dead-hang").unwrap();
        let none = Readiness::default();
        let pressure = Readiness::answered(day, ["blood-pressure"]);
        assert_eq!(
            hang.unavailable(EquipmentSet::FLOOR_ONLY, &none),
            Some("Swapped: no pull-up bar is ticked in Settings.")
        );
        assert!(
            hang.unavailable(EquipmentSet::FLOOR_ONLY, &pressure)
                .unwrap()
                .contains("blood pressure")
        );
        assert_eq!(hang.unavailable(EquipmentSet::ALL, &none), None);
    }

    #[test]
    fn when_no_exercise_of_the_same_timing_is_allowed_one_of_the_other_timing_is_offered() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        // After spine surgery both two-sided-at-once stretches (cat-cow, 90/90) go.
        let spine = Readiness::answered(day, ["spinal-surgery"]);
        let cat = by_id("cat-cow").unwrap();
        let swap = cat.swap_for(EquipmentSet::ALL, &spine, &[]).unwrap();
        assert_eq!(swap.phase, Phase::Mobilize);
        assert!(swap.per_side);
        assert_eq!(spine.rules_out(swap.id), None);
    }
}
