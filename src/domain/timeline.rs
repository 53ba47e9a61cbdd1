//! Where a running session is, as a pure function of the plan, the moment it
//! started, the patient's controls and the current time. Nothing here counts
//! ticks: phones throttle or freeze timers when the screen locks, so the
//! position is always recomputed from timestamps.

use serde::{Deserialize, Serialize};

use super::exercise::Exercise;
use super::phase::Phase;
use super::plan::{Pacing, Plan, Side};

/// What the patient does during a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    GetReady,
    Work(Side),
    SwitchSides,
    /// Breather after an exercise, when the plan gives one.
    Rest,
    /// Rest between two holds of one exercise.
    HoldRest,
}

impl SegmentKind {
    /// What to do now, shown under the exercise name.
    pub fn instruction(self) -> &'static str {
        match self {
            SegmentKind::GetReady => "Get ready",
            SegmentKind::Work(Side::Both) => "Go",
            SegmentKind::Work(Side::Left) => "Left side",
            SegmentKind::Work(Side::Right) => "Right side",
            SegmentKind::SwitchSides => "Switch sides",
            SegmentKind::Rest | SegmentKind::HoldRest => "Rest",
        }
    }
}

/// A stretch of the session with one instruction and one countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Index of the exercise in [`Timeline::exercises`].
    pub step: usize,
    pub kind: SegmentKind,
    pub ms: i64,
    /// For one hold of a held exercise, or one turn of an alternating one:
    /// which, and of how many.
    pub part: Option<(u8, u8)>,
    /// Longest the segment may run with "+15 s" added: the exercise's safe
    /// limit for work, `None` for the pauses around it.
    pub max_ms: Option<i64>,
}

impl Segment {
    /// What to do now, for this segment of `exercise`: an alternating
    /// exercise names the arm and leg of each turn, since "left side" would
    /// not say which (walkthrough #6).
    pub fn instruction(&self, exercise: &Exercise) -> &'static str {
        match (self.kind, exercise.alternation()) {
            (SegmentKind::Work(Side::Left), Some(turns)) if self.part.is_some() => turns.left,
            (SegmentKind::Work(Side::Right), Some(turns)) if self.part.is_some() => turns.right,
            (SegmentKind::HoldRest, _) => exercise.holds().map_or("Rest", |h| h.rest_cue),
            (kind, _) => kind.instruction(),
        }
    }

    /// Why "+15 s" cannot add to this segment, where the player says so.
    pub fn limit_reason(&self, exercise: &Exercise) -> String {
        match (self.part, exercise.alternation()) {
            (Some(_), Some(_)) => "The reaches keep a steady rhythm, so time is not added to one. The routine builder can give this exercise more time.".into(),
            _ => exercise.limit_reason(),
        }
    }

    /// "hold 2 of 3", "turn 3 of 16", or the exercise's dose, said beside
    /// the instruction while working.
    pub fn dose_note(&self, exercise: &Exercise) -> Option<String> {
        match self.part {
            Some((number, count)) if exercise.alternation().is_some() => {
                Some(format!("turn {number} of {count}"))
            }
            Some((number, count)) => Some(format!("hold {number} of {count}")),
            // One side only: that side's reaches, not "each side, taking turns".
            None => match exercise.alternation() {
                Some(turns) => Some(format!("{} reaches", turns.reps)),
                None => exercise.dose_label(),
            },
        }
    }
}

/// Something the patient did to the running session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    Pause,
    Resume,
    /// Move on to the next exercise.
    Skip,
    /// Restart this exercise, or go to the previous one when just started.
    Back,
    /// Add time to the current segment.
    Extend {
        secs: u32,
    },
}

/// An action with the wall-clock time it happened, in ms since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Control {
    pub at_ms: i64,
    pub action: Action,
}

/// Within this much of an exercise's start, Back goes to the previous one.
const BACK_GRACE_MS: i64 = 3_000;

/// The session laid out as segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    exercises: Vec<&'static Exercise>,
    segments: Vec<Segment>,
    /// Planned time per exercise, count-in and pauses included, for the
    /// share of the routine done.
    step_ms: Vec<i64>,
}

/// Where the session stands at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// Current segment, `None` once the routine is over.
    pub segment: Option<Segment>,
    /// Index of the current segment; the segment count once finished.
    pub index: usize,
    /// Index of the current (or, when finished, last) exercise.
    pub step: usize,
    /// Time left in the current segment.
    pub segment_left_ms: i64,
    /// Time added to the current segment with "+15 s".
    pub extended_ms: i64,
    /// Planned time still to run in the whole session.
    pub session_left_ms: i64,
    /// Time spent in the current phase and its planned length.
    pub phase_done_ms: i64,
    pub phase_total_ms: i64,
    pub paused: bool,
    /// Wall-clock time the last segment ended, once finished.
    pub finished_at_ms: Option<i64>,
    /// Share of the planned routine time run through, 0.0 to 1.0: the
    /// same measure as the timer's "left of", so 8 minutes of 17:55 are 45 %
    /// on the end screen too (walkthrough #11). Skipped time is not done.
    pub done_fraction: f64,
}

impl Position {
    /// The routine has run to its end.
    pub fn is_finished(&self) -> bool {
        self.segment.is_none()
    }
}

impl Timeline {
    /// Lays out the plan's known exercises with the pacing's pauses.
    pub fn new(plan: &Plan, pacing: Pacing) -> Timeline {
        let mut exercises = Vec::new();
        let mut segments = Vec::new();
        for (step, (planned, exercise)) in plan.resolved().enumerate() {
            let secs = |s: u32| i64::from(s) * 1000;
            let box_ms = secs(planned.box_secs(exercise));
            let mut push = |kind, ms, part, max_ms| {
                if ms > 0 {
                    segments.push(Segment {
                        step,
                        kind,
                        ms,
                        part,
                        max_ms,
                    });
                }
            };
            push(
                SegmentKind::GetReady,
                secs(pacing.get_ready_secs),
                None,
                None,
            );
            let sides = planned.work_sides(exercise);
            match (exercise.alternation(), sides) {
                // Turn by turn with no pause to switch, as the cues say.
                (Some(alternation), [first, second]) => {
                    let turns = 2 * alternation.reps.max(1);
                    let all_ms = 2 * box_ms;
                    let each = all_ms / i64::from(turns);
                    for number in 1..=turns {
                        let side = if number % 2 == 1 { *first } else { *second };
                        let ms = if number == turns {
                            all_ms - each * i64::from(turns - 1)
                        } else {
                            each
                        };
                        let kind = SegmentKind::Work(side);
                        // A turn keeps the rhythm: "+15 s" adds to no single reach.
                        push(kind, ms, Some((number, turns)), Some(ms));
                    }
                }
                _ => {
                    for (at, side) in sides.iter().enumerate() {
                        if at > 0 {
                            push(
                                SegmentKind::SwitchSides,
                                secs(pacing.switch_secs),
                                None,
                                None,
                            );
                        }
                        let kind = SegmentKind::Work(*side);
                        match exercise.holds() {
                            // Each hold its own countdown, with the rest between them.
                            Some(holds) => {
                                let split = holds.split(box_ms);
                                let count = split.len() as u8;
                                for (number, ms) in (1..).zip(split) {
                                    if number > 1 {
                                        push(SegmentKind::HoldRest, holds.rest_ms(), None, None);
                                    }
                                    let max = secs(holds.max_hold_secs);
                                    push(kind, ms, Some((number, count)), Some(max));
                                }
                            }
                            None => {
                                push(kind, box_ms, None, Some(secs(exercise.max_secs)));
                            }
                        }
                    }
                }
            }
            push(SegmentKind::Rest, secs(planned.rest_secs), None, None);
            exercises.push(exercise);
        }
        let mut step_ms = vec![0; exercises.len()];
        for segment in &segments {
            step_ms[segment.step] += segment.ms;
        }
        Timeline {
            exercises,
            segments,
            step_ms,
        }
    }

    /// The exercises in session order.
    pub fn exercises(&self) -> &[&'static Exercise] {
        &self.exercises
    }

    /// Whether the segment at `index` is a turn of an alternating exercise
    /// with the other side's turn straight after it: the change is then a
    /// swap, not the end of the work.
    pub fn swaps_after(&self, index: usize) -> bool {
        let turn = |i: usize| {
            self.segments
                .get(i)
                .filter(|s| matches!(s.kind, SegmentKind::Work(_)))
        };
        match (turn(index), turn(index + 1)) {
            (Some(now), Some(next)) => now.step == next.step && now.kind != next.kind,
            _ => false,
        }
    }

    /// All segments in session order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Planned length of the whole session.
    pub fn total_ms(&self) -> i64 {
        self.segments.iter().map(|s| s.ms).sum()
    }

    /// Whether "+15 s" (or `secs`) may still be added to the current
    /// segment without going past the exercise's safe limit.
    pub fn can_extend(&self, position: &Position, secs: u32) -> bool {
        position.segment.is_some_and(|segment| {
            segment
                .max_ms
                .is_none_or(|max| segment.ms + position.extended_ms + i64::from(secs) * 1000 <= max)
        })
    }

    /// The session's state at `now_ms`, replaying the controls in order.
    pub fn position(&self, started_ms: i64, controls: &[Control], now_ms: i64) -> Position {
        let mut replay = Replay::new(self, started_ms);
        for control in controls {
            replay.apply(*control);
        }
        replay.position_at(now_ms)
    }

    fn first_segment_of(&self, step: usize) -> usize {
        self.segments
            .iter()
            .position(|s| s.step >= step)
            .unwrap_or(self.segments.len())
    }

    fn phase_of(&self, step: usize) -> Phase {
        self.exercises[step].phase
    }
}

/// Walks the timeline through the controls. Times are "active" ms: wall time
/// since the start minus time spent paused.
struct Replay<'a> {
    timeline: &'a Timeline,
    started_ms: i64,
    /// Latest wall time seen; a clock set backwards cannot rewind the session.
    wall_ms: i64,
    index: usize,
    segment_start: i64,
    extra_ms: i64,
    paused_since: Option<i64>,
    paused_total: i64,
    credit_ms: Vec<i64>,
    finished_at_ms: Option<i64>,
}

impl<'a> Replay<'a> {
    fn new(timeline: &'a Timeline, started_ms: i64) -> Self {
        let finished_at_ms = timeline.segments.is_empty().then_some(started_ms);
        Replay {
            timeline,
            started_ms,
            wall_ms: started_ms,
            index: 0,
            segment_start: 0,
            extra_ms: 0,
            paused_since: None,
            paused_total: 0,
            credit_ms: vec![0; timeline.exercises.len()],
            finished_at_ms,
        }
    }

    fn active_ms(&self) -> i64 {
        let until = self.paused_since.unwrap_or(self.wall_ms);
        (until - self.started_ms - self.paused_total).max(0)
    }

    fn current(&self) -> Option<Segment> {
        self.timeline.segments.get(self.index).copied()
    }

    fn credit(&mut self, segment: Segment, ms: i64) {
        self.credit_ms[segment.step] += ms.clamp(0, segment.ms);
    }

    /// Moves past every segment that has run out by the current wall time.
    fn catch_up(&mut self, wall_ms: i64) {
        self.wall_ms = self.wall_ms.max(wall_ms);
        let active = self.active_ms();
        while let Some(segment) = self.current() {
            let end = self.segment_start + segment.ms + self.extra_ms;
            if active < end {
                break;
            }
            self.credit(segment, segment.ms);
            self.segment_start = end;
            self.extra_ms = 0;
            self.index += 1;
            if self.index == self.timeline.segments.len() {
                self.finished_at_ms = Some(self.started_ms + self.paused_total + end);
            }
        }
    }

    fn jump_to(&mut self, index: usize) {
        self.segment_start = self.active_ms();
        self.extra_ms = 0;
        self.index = index;
        if index >= self.timeline.segments.len() {
            self.finished_at_ms = Some(self.wall_ms);
        }
    }

    fn apply(&mut self, control: Control) {
        self.catch_up(control.at_ms);
        let Some(segment) = self.current() else {
            return; // Finished sessions ignore late taps.
        };
        let into_segment = self.active_ms() - self.segment_start;
        match control.action {
            Action::Pause => {
                if self.paused_since.is_none() {
                    self.paused_since = Some(self.wall_ms);
                }
            }
            Action::Resume => {
                if let Some(since) = self.paused_since.take() {
                    self.paused_total += self.wall_ms - since;
                }
            }
            Action::Skip => {
                self.credit(segment, into_segment);
                self.jump_to(self.timeline.first_segment_of(segment.step + 1));
            }
            Action::Back => {
                let first = self.timeline.first_segment_of(segment.step);
                let just_started = self.index == first && into_segment < BACK_GRACE_MS;
                let target = if just_started && segment.step > 0 {
                    self.timeline.first_segment_of(segment.step - 1)
                } else {
                    first
                };
                self.jump_to(target);
            }
            // Never past the safe limit, even for a tap the screen allowed
            // a moment before the segment changed.
            Action::Extend { secs } => {
                let room = segment
                    .max_ms
                    .map_or(i64::MAX, |max| max - segment.ms - self.extra_ms);
                self.extra_ms += (i64::from(secs) * 1000).min(room.max(0));
            }
        }
    }

    fn position_at(mut self, now_ms: i64) -> Position {
        self.catch_up(now_ms);
        let timeline = self.timeline;
        // The segment under way counts for the time it has run, so ending
        // half-way through an exercise credits that half.
        if let Some(segment) = self.current() {
            self.credit(segment, self.active_ms() - self.segment_start);
        }
        let total_ms: i64 = timeline.step_ms.iter().sum();
        let done: i64 = self
            .credit_ms
            .iter()
            .zip(&timeline.step_ms)
            .map(|(credit, planned)| (*credit).min(*planned))
            .sum();
        let done_fraction = if total_ms == 0 {
            1.0
        } else {
            done as f64 / total_ms as f64
        };
        let segment = self.current();
        let step = segment.map_or(timeline.exercises.len().saturating_sub(1), |s| s.step);
        let into_segment = self.active_ms() - self.segment_start;
        let segment_left_ms = segment.map_or(0, |s| s.ms + self.extra_ms - into_segment);
        let later: i64 = timeline
            .segments
            .iter()
            .skip(self.index + 1)
            .map(|s| s.ms)
            .sum();
        let (phase_done_ms, phase_total_ms) = match segment {
            Some(_) => {
                let phase = timeline.phase_of(step);
                let in_phase = |s: &&Segment| timeline.phase_of(s.step) == phase;
                let before: i64 = timeline.segments[..self.index]
                    .iter()
                    .filter(in_phase)
                    .map(|s| s.ms)
                    .sum();
                let total: i64 = timeline
                    .segments
                    .iter()
                    .filter(in_phase)
                    .map(|s| s.ms)
                    .sum();
                (before + into_segment, total + self.extra_ms)
            }
            None => (0, 0),
        };
        Position {
            segment,
            index: self.index,
            step,
            segment_left_ms,
            extended_ms: segment.map_or(0, |_| self.extra_ms),
            session_left_ms: segment_left_ms + later,
            phase_done_ms,
            phase_total_ms,
            paused: self.paused_since.is_some(),
            finished_at_ms: self.finished_at_ms,
            done_fraction,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Sides, Step};

    const T0: i64 = 1_700_000_000_000;
    const SEC: i64 = 1000;
    const MIN: i64 = 60 * SEC;

    fn seed() -> Timeline {
        Timeline::new(&Plan::seed(), Pacing::default())
    }

    fn control(at_ms: i64, action: Action) -> Control {
        Control { at_ms, action }
    }

    #[test]
    fn the_seed_timeline_lasts_eighteen_minutes() {
        // 17 min 55 s: bird-dog's sides take turns, with no switch pause.
        assert_eq!(seed().total_ms(), 1075 * SEC);
    }

    #[test]
    fn the_session_starts_with_a_count_in_for_the_first_exercise() {
        let p = seed().position(T0, &[], T0);
        assert_eq!(p.step, 0);
        assert_eq!(p.segment.map(|s| s.kind), Some(SegmentKind::GetReady));
        assert_eq!(p.segment_left_ms, 5 * SEC);
        assert_eq!(p.session_left_ms, 1075 * SEC);
    }

    #[test]
    fn it_finishes_exactly_at_the_planned_end_and_says_when() {
        let timeline = seed();
        let end = T0 + timeline.total_ms();
        assert!(!timeline.position(T0, &[], end - 1).is_finished());
        let p = timeline.position(T0, &[], end + 10 * MIN);
        assert!(p.is_finished());
        assert_eq!(p.finished_at_ms, Some(end));
        assert_eq!(p.done_fraction, 1.0);
        assert_eq!(p.session_left_ms, 0);
    }

    #[test]
    fn a_per_side_exercise_runs_left_then_switch_then_right() {
        let timeline = seed();
        let kinds: Vec<SegmentKind> = timeline
            .segments()
            .iter()
            .filter(|s| timeline.exercises()[s.step].id == "hip-flexor-kneel")
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                SegmentKind::GetReady,
                SegmentKind::Work(Side::Left),
                SegmentKind::SwitchSides,
                SegmentKind::Work(Side::Right)
            ]
        );
    }

    #[test]
    fn bird_dog_takes_turns_reach_by_reach_naming_arm_and_leg() {
        let timeline = seed();
        let turns: Vec<&Segment> = timeline
            .segments()
            .iter()
            .filter(|s| timeline.exercises()[s.step].id == "bird-dog")
            .skip(1)
            .collect();
        // 8 reaches a side in its 60 s a side: 16 turns of 7.5 s, no switch.
        assert_eq!(turns.len(), 16);
        assert!(turns.iter().all(|s| s.ms == 7_500));
        let bird_dog = timeline.exercises()[turns[0].step];
        let said: Vec<&str> = turns[..3].iter().map(|s| s.instruction(bird_dog)).collect();
        assert_eq!(
            said,
            [
                "Left arm, right leg",
                "Right arm, left leg",
                "Left arm, right leg"
            ]
        );
        assert_eq!(
            turns[2].dose_note(bird_dog).as_deref(),
            Some("turn 3 of 16")
        );
        // "+15 s" adds to no single reach, and says why.
        let mid_turn = timeline.position(T0, &[], T0 + 506 * SEC);
        assert!(!timeline.can_extend(&mid_turn, 15));
        assert!(turns[0].limit_reason(bird_dog).contains("steady rhythm"));
        let first = timeline
            .segments()
            .iter()
            .position(|s| s == turns[0])
            .unwrap();
        assert!(timeline.swaps_after(first));
        assert!(
            !timeline.swaps_after(first + 15),
            "the last turn ends the exercise"
        );
        // One side only is one side's reaches, as before.
        let left_only = Plan {
            name: "one".into(),
            steps: vec![Step {
                sides: Sides::LeftOnly,
                ..Step::with_defaults(bird_dog)
            }],
        };
        let kinds: Vec<SegmentKind> = Timeline::new(&left_only, Pacing::default())
            .segments()
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [SegmentKind::GetReady, SegmentKind::Work(Side::Left)]
        );
        let one_side = Timeline::new(&left_only, Pacing::default()).segments()[1];
        assert_eq!(one_side.dose_note(bird_dog).as_deref(), Some("8 reaches"));
    }

    #[test]
    fn the_dead_hang_is_three_timed_hangs_with_rests_then_a_rest() {
        let timeline = seed();
        let segments = &timeline.segments()[..7];
        let kinds: Vec<SegmentKind> = segments.iter().map(|s| s.kind).collect();
        let hang = SegmentKind::Work(Side::Both);
        assert_eq!(
            kinds,
            [
                SegmentKind::GetReady,
                hang,
                SegmentKind::HoldRest,
                hang,
                SegmentKind::HoldRest,
                hang,
                SegmentKind::Rest,
            ]
        );
        let ms: Vec<i64> = segments.iter().map(|s| s.ms / SEC).collect();
        assert_eq!(ms, [5, 20, 15, 20, 15, 20, 15]);
        let holds: Vec<_> = segments.iter().filter_map(|s| s.part).collect();
        assert_eq!(holds, [(1, 3), (2, 3), (3, 3)]);
    }

    #[test]
    fn done_is_the_share_of_routine_time_run_through_as_the_timer_shows_it() {
        let timeline = seed();
        let done = |controls: &[Control], at_s: i64| {
            timeline
                .position(T0, controls, T0 + at_s * SEC)
                .done_fraction
        };
        let total = 1075.0;
        // Mid-segment counts for the time it has run: 8 minutes in is 8 of
        // 17:55 (45 %), not only the exercises finished (walkthrough #11).
        assert!((done(&[], 8 * 60) - 480.0 / total).abs() < 1e-9);
        assert!((done(&[], 62) - 62.0 / total).abs() < 1e-9);
        // Skipped time is not done: 10 s of the dead hang, then the roller's
        // count-in from the skip on.
        let skip = [control(T0 + 10 * SEC, Action::Skip)];
        assert!((done(&skip, 13) - 13.0 / total).abs() < 1e-9);
        assert!(done(&skip, 2000) < 1.0);
        // "+15 s" is extra, not more than all of it.
        let extended = [control(T0 + 10 * SEC, Action::Extend { secs: 15 })];
        assert_eq!(done(&extended, 2000), 1.0);
    }

    #[test]
    fn a_plan_longer_than_an_exercise_allows_runs_at_the_limit() {
        let mut plan = Plan::seed();
        plan.steps[0].secs = 600;
        let timeline = Timeline::new(&plan, Pacing::default());
        let hangs: Vec<i64> = timeline
            .segments()
            .iter()
            .filter(|s| s.step == 0 && matches!(s.kind, SegmentKind::Work(_)))
            .map(|s| s.ms / SEC)
            .collect();
        assert_eq!(hangs, [30, 30, 30]);
        assert_eq!(
            timeline.total_ms(),
            i64::from(plan.total_secs(Pacing::default())) * SEC
        );
    }

    #[test]
    fn a_pause_shifts_the_end_by_exactly_its_length() {
        let timeline = seed();
        let controls = [
            control(T0 + 2 * MIN, Action::Pause),
            control(T0 + 7 * MIN, Action::Resume),
        ];
        let end = T0 + timeline.total_ms() + 5 * MIN;
        assert!(!timeline.position(T0, &controls, end - 1).is_finished());
        assert_eq!(
            timeline.position(T0, &controls, end).finished_at_ms,
            Some(end)
        );
    }

    #[test]
    fn time_stands_still_while_paused_even_for_hours() {
        let timeline = seed();
        let controls = [control(T0 + MIN, Action::Pause)];
        let at_pause = timeline.position(T0, &controls, T0 + MIN);
        let much_later = timeline.position(T0, &controls, T0 + 5 * 60 * MIN);
        assert!(much_later.paused);
        assert_eq!(at_pause.session_left_ms, much_later.session_left_ms);
    }

    #[test]
    fn skip_moves_to_the_next_exercise_count_in() {
        let timeline = seed();
        let controls = [control(T0 + 10 * SEC, Action::Skip)];
        let p = timeline.position(T0, &controls, T0 + 10 * SEC);
        assert_eq!(p.step, 1);
        assert_eq!(p.segment.map(|s| s.kind), Some(SegmentKind::GetReady));
        assert_eq!(p.segment_left_ms, 5 * SEC);
    }

    #[test]
    fn skipping_everything_finishes_with_little_done() {
        let timeline = seed();
        let controls: Vec<Control> = (0..9)
            .map(|k| control(T0 + k * SEC, Action::Skip))
            .collect();
        let p = timeline.position(T0, &controls, T0 + 9 * SEC);
        assert!(p.is_finished());
        assert_eq!(p.finished_at_ms, Some(T0 + 8 * SEC));
        assert!(p.done_fraction < 0.01);
    }

    #[test]
    fn back_restarts_the_exercise_then_goes_to_the_previous_one() {
        let timeline = seed();
        // Exercise 1 starts after the 5 s count-in, 90 s of hanging and 15 s rest.
        let second = T0 + 110 * SEC;
        let restart = [control(second + 30 * SEC, Action::Back)];
        let p = timeline.position(T0, &restart, second + 30 * SEC);
        assert_eq!((p.step, p.segment_left_ms), (1, 5 * SEC));
        let twice = [restart[0], control(second + 31 * SEC, Action::Back)];
        let p = timeline.position(T0, &twice, second + 31 * SEC);
        assert_eq!((p.step, p.segment_left_ms), (0, 5 * SEC));
    }

    #[test]
    fn extend_adds_time_to_the_current_segment_and_the_session() {
        let timeline = seed();
        // Two minutes in: the foam roller's 135 s, from 115 s on.
        let at = T0 + 120 * SEC;
        let controls = [control(at, Action::Extend { secs: 15 })];
        let p = timeline.position(T0, &controls, at);
        assert_eq!(p.segment_left_ms, 130 * SEC + 15 * SEC);
        assert_eq!(p.extended_ms, 15 * SEC);
        assert_eq!(p.session_left_ms, 1075 * SEC - 120 * SEC + 15 * SEC);
    }

    #[test]
    fn extend_never_takes_a_hold_past_its_safe_limit() {
        let timeline = seed();
        let at = T0 + 10 * SEC; // in the first 20 s hang, limit 30 s
        let p = timeline.position(T0, &[], at);
        assert!(timeline.can_extend(&p, 10));
        assert!(!timeline.can_extend(&p, 15));
        // A tap that got through anyway adds only up to the limit.
        let controls = [control(at, Action::Extend { secs: 15 })];
        let p = timeline.position(T0, &controls, at);
        assert_eq!(p.segment_left_ms, 15 * SEC + 10 * SEC);
        assert!(!timeline.can_extend(&p, 1));
        // The rests around the holds may always run longer.
        let resting = timeline.position(T0, &[], T0 + 30 * SEC);
        assert_eq!(resting.segment.map(|s| s.kind), Some(SegmentKind::HoldRest));
        assert!(timeline.can_extend(&resting, 600));
    }

    #[test]
    fn extend_stops_at_an_exercises_limit() {
        let timeline = seed();
        // Foam roller: 135 s planned, 300 s at most.
        let at = T0 + 120 * SEC;
        let taps: Vec<Control> = (0..12)
            .map(|_| control(at, Action::Extend { secs: 15 }))
            .collect();
        let p = timeline.position(T0, &taps, at);
        assert_eq!(p.extended_ms, 165 * SEC);
        assert!(!timeline.can_extend(&p, 15));
    }

    #[test]
    fn a_clock_set_backwards_does_not_rewind_the_session() {
        let timeline = seed();
        let controls = [
            control(T0 + 5 * MIN, Action::Pause),
            control(T0 + MIN, Action::Resume),
        ];
        let p = timeline.position(T0, &controls, T0 + 6 * MIN);
        assert_eq!(p.session_left_ms, 1075 * SEC - 6 * MIN);
    }

    #[test]
    fn phase_progress_covers_only_the_current_phase() {
        let timeline = seed();
        // Decompress: 3 count-ins of 5 s + 90 + 15 (rest) + 135 + 120 s = 6 min 15 s.
        let p = timeline.position(T0, &[], T0 + 6 * MIN);
        assert_eq!(timeline.exercises()[p.step].phase, Phase::Decompress);
        assert_eq!(
            (p.phase_done_ms, p.phase_total_ms),
            (6 * MIN, 6 * MIN + 15 * SEC)
        );
    }

    #[test]
    fn an_empty_plan_is_finished_at_once() {
        let plan = Plan {
            name: "empty".into(),
            steps: vec![Step {
                exercise: "gone".into(),
                secs: 60,
                rest_secs: 0,
                sides: Sides::Both,
            }],
        };
        let p = Timeline::new(&plan, Pacing::default()).position(T0, &[], T0);
        assert!(p.is_finished());
        assert_eq!(p.finished_at_ms, Some(T0));
    }
}

// proptest is a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::exercise::LIBRARY;
    use crate::domain::plan::{Sides, Step};
    use proptest::prelude::*;

    const T0: i64 = 1_700_000_000_000;

    fn plans() -> impl Strategy<Value = (Plan, Pacing)> {
        let step = (0..LIBRARY.len(), 0u32..300, 0u32..30, 0..Sides::ALL.len()).prop_map(
            |(i, secs, rest_secs, sides)| Step {
                exercise: LIBRARY[i].id.into(),
                secs,
                rest_secs,
                sides: Sides::ALL[sides],
            },
        );
        (prop::collection::vec(step, 0..12), 0u32..=10, 0u32..=10).prop_map(
            |(steps, get_ready_secs, switch_secs)| {
                let plan = Plan {
                    name: "random".into(),
                    steps,
                };
                let pacing = Pacing {
                    get_ready_secs,
                    switch_secs,
                };
                (plan, pacing)
            },
        )
    }

    fn actions() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Pause),
            Just(Action::Resume),
            Just(Action::Skip),
            Just(Action::Back),
            (0u32..60).prop_map(|secs| Action::Extend { secs }),
        ]
    }

    /// Controls at increasing times from the start.
    fn controls() -> impl Strategy<Value = Vec<Control>> {
        prop::collection::vec((0i64..120_000, actions()), 0..20).prop_map(|gaps| {
            let mut at_ms = T0;
            gaps.into_iter()
                .map(|(gap, action)| {
                    at_ms += gap;
                    Control { at_ms, action }
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn segment_durations_add_up_to_the_plan_total((plan, pacing) in plans()) {
            let timeline = Timeline::new(&plan, pacing);
            prop_assert_eq!(timeline.total_ms(), i64::from(plan.total_secs(pacing)) * 1000);
        }

        #[test]
        fn per_side_exercises_take_their_time_on_each_side_chosen((plan, pacing) in plans()) {
            let timeline = Timeline::new(&plan, pacing);
            for (step, (planned, exercise)) in plan.resolved().enumerate() {
                let worked: Vec<Side> = timeline
                    .segments()
                    .iter()
                    .filter(|s| s.step == step)
                    .filter_map(|s| match s.kind {
                        SegmentKind::Work(side) if s.ms > 0 => Some(side),
                        _ => None,
                    })
                    .collect();
                // The holds of one side are one side's work.
                let mut worked = worked;
                worked.dedup();
                let turns = exercise.alternation().map_or(0, |a| usize::from(a.reps) * 2);
                let expected: &[Side] = match (exercise.per_side, planned.sides) {
                    _ if planned.box_secs(exercise) == 0 => &[],
                    (true, Sides::Both) if turns > 0 => {
                        let alternate = (0..turns).map(|i| [Side::Left, Side::Right][i % 2]);
                        prop_assert!(worked.iter().copied().eq(alternate));
                        &[Side::Left, Side::Right]
                    }
                    (false, _) => &[Side::Both],
                    (true, Sides::Both) => &[Side::Left, Side::Right],
                    (true, Sides::LeftOnly) => &[Side::Left],
                    (true, Sides::RightOnly) => &[Side::Right],
                };
                if turns == 0 || planned.sides != Sides::Both {
                    prop_assert_eq!(&worked[..], expected);
                }
                let work: i64 = timeline
                    .segments()
                    .iter()
                    .filter(|s| s.step == step && matches!(s.kind, SegmentKind::Work(_)))
                    .map(|s| s.ms)
                    .sum();
                let box_ms = i64::from(planned.box_secs(exercise)) * 1000;
                let per_side = exercise.holds().map_or(box_ms, |h| h.split(box_ms).iter().sum());
                prop_assert_eq!(work, expected.len() as i64 * per_side);
            }
        }

        #[test]
        fn position_never_moves_backwards_as_time_passes(
            (plan, pacing) in plans(),
            controls in controls(),
            later in prop::collection::vec(0i64..200_000, 1..20),
        ) {
            let timeline = Timeline::new(&plan, pacing);
            let mut now = controls.last().map_or(T0, |c| c.at_ms);
            let mut previous = timeline.position(T0, &controls, now);
            for gap in later {
                now += gap;
                let next = timeline.position(T0, &controls, now);
                prop_assert!(next.index >= previous.index);
                if next.index == previous.index {
                    prop_assert!(next.segment_left_ms <= previous.segment_left_ms);
                }
                prop_assert!(next.session_left_ms <= previous.session_left_ms);
                previous = next;
            }
        }

        #[test]
        fn any_taps_leave_a_valid_position(
            (plan, pacing) in plans(),
            controls in controls(),
            after in 0i64..3_600_000,
        ) {
            let timeline = Timeline::new(&plan, pacing);
            let now = controls.last().map_or(T0, |c| c.at_ms) + after;
            let p = timeline.position(T0, &controls, now);
            prop_assert!(p.index <= timeline.segments().len());
            prop_assert_eq!(p.segment, timeline.segments().get(p.index).copied());
            if !timeline.exercises().is_empty() {
                prop_assert!(p.step < timeline.exercises().len());
            }
            prop_assert!(p.segment_left_ms >= 0);
            prop_assert!(p.session_left_ms >= p.segment_left_ms);
            prop_assert!((0.0..=1.0).contains(&p.done_fraction));
            prop_assert_eq!(p.is_finished(), p.finished_at_ms.is_some());
        }

        #[test]
        fn a_pause_of_any_length_shifts_the_end_by_that_length(
            (plan, pacing) in plans(),
            controls in controls(),
            pause_after in 0i64..60_000,
            pause_ms in 0i64..86_400_000,
        ) {
            let timeline = Timeline::new(&plan, pacing);
            // Resume first so the pause below is not absorbed by an earlier one.
            let last = controls.last().map_or(T0, |c| c.at_ms);
            let mut base = controls.clone();
            base.push(Control { at_ms: last, action: Action::Resume });
            let far = last + 10 * 86_400_000;
            let plain = timeline.position(T0, &base, far);
            let pause_at = last + pause_after;
            let mut paused = base.clone();
            paused.push(Control { at_ms: pause_at, action: Action::Pause });
            paused.push(Control { at_ms: pause_at + pause_ms, action: Action::Resume });
            let with_pause = timeline.position(T0, &paused, far + pause_ms);
            match plain.finished_at_ms {
                // Finished before the pause: the pause changes nothing.
                Some(end) if end <= pause_at => {
                    prop_assert_eq!(with_pause.finished_at_ms, Some(end))
                }
                Some(end) => prop_assert_eq!(with_pause.finished_at_ms, Some(end + pause_ms)),
                None => prop_assert!(false, "a session ten days on must be over"),
            }
        }
    }
}
