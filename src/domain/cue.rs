//! Which cues (tone, buzz, voice, screen-reader line) a moment of the
//! session calls for, from two consecutive positions.

use super::countdown::seconds_shown;
use super::timeline::{Position, SegmentKind, Timeline};

/// A moment the patient should notice without looking at the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// This many seconds left in the current segment: 3, 2, 1.
    Countdown(u8),
    /// Work starts, after a count-in or a switch of sides.
    Go,
    /// Change to the other side now.
    SwitchSides,
    /// An exercise ended and the next one is in the same phase.
    ExerciseDone,
    /// An exercise ended and with it a phase.
    PhaseDone,
    /// The whole routine is over.
    RoutineDone,
}

/// The cues due between two positions of one session, `before` then `after`.
/// Backward moves (the patient tapped Back) call for none.
pub fn cues_between(timeline: &Timeline, before: &Position, after: &Position) -> Vec<Cue> {
    if after.index < before.index {
        return Vec::new();
    }
    if after.index == before.index {
        let (was, now) = (
            seconds_shown(before.segment_left_ms),
            seconds_shown(after.segment_left_ms),
        );
        return match now {
            1..=3 if was > now && after.segment.is_some() => vec![Cue::Countdown(now as u8)],
            _ => Vec::new(),
        };
    }
    let Some(segment) = after.segment else {
        return vec![Cue::RoutineDone];
    };
    let segments = timeline.segments();
    let left = segments[after.index - 1];
    match segment.kind {
        SegmentKind::Work(_) => vec![Cue::Go],
        SegmentKind::SwitchSides => vec![Cue::SwitchSides],
        SegmentKind::GetReady | SegmentKind::Rest if matches!(left.kind, SegmentKind::Work(_)) => {
            let exercises = timeline.exercises();
            let next_step = segments[after.index..]
                .iter()
                .map(|s| s.step)
                .find(|&step| step != left.step);
            match next_step {
                Some(next) if exercises[next].phase != exercises[left.step].phase => {
                    vec![Cue::PhaseDone]
                }
                _ => vec![Cue::ExerciseDone],
            }
        }
        SegmentKind::GetReady | SegmentKind::Rest => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Pacing, Plan};
    use crate::domain::timeline::{Action, Control};

    const T0: i64 = 1_700_000_000_000;
    const SEC: i64 = 1000;

    fn cues_from(before_s: i64, after_s: i64) -> Vec<Cue> {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let at = |s: i64| timeline.position(T0, &[], T0 + s * SEC);
        cues_between(&timeline, &at(before_s), &at(after_s))
    }

    #[test]
    fn the_count_in_ends_with_three_two_one_then_go() {
        assert_eq!(cues_from(1, 2), vec![Cue::Countdown(3)]);
        assert_eq!(cues_from(2, 3), vec![Cue::Countdown(2)]);
        assert_eq!(cues_from(3, 4), vec![Cue::Countdown(1)]);
        assert_eq!(cues_from(4, 5), vec![Cue::Go]);
    }

    #[test]
    fn quiet_seconds_call_for_nothing() {
        assert_eq!(cues_from(20, 21), vec![]);
        assert_eq!(cues_from(20, 20), vec![]);
    }

    #[test]
    fn an_exercise_ending_into_its_rest_is_marked() {
        // Dead hang: 5 s count-in, 90 s work, then 15 s rest.
        assert_eq!(cues_from(94, 95), vec![Cue::ExerciseDone]);
        // Rest ending into the next count-in is not a second "done".
        assert_eq!(cues_from(109, 110), vec![]);
    }

    #[test]
    fn the_last_decompression_exercise_ends_the_phase() {
        // Decompress lasts 6 min 15 s.
        assert_eq!(cues_from(374, 375), vec![Cue::PhaseDone]);
    }

    #[test]
    fn per_side_work_switches_then_goes_again() {
        // Bird-dog starts at 375 + 5 + 120 = 500 s: count-in to 505, left to 565.
        assert_eq!(cues_from(564, 565), vec![Cue::SwitchSides]);
        assert_eq!(cues_from(569, 570), vec![Cue::Go]);
    }

    #[test]
    fn the_end_of_the_routine_is_marked_once() {
        assert_eq!(cues_from(18 * 60 - 1, 18 * 60), vec![Cue::RoutineDone]);
    }

    #[test]
    fn going_back_calls_for_no_cue() {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let before = timeline.position(T0, &[], T0 + 200 * SEC);
        let back = [Control {
            at_ms: T0 + 200 * SEC,
            action: Action::Back,
        }];
        let after = timeline.position(T0, &back, T0 + 200 * SEC);
        assert!(after.index < before.index);
        assert_eq!(cues_between(&timeline, &before, &after), vec![]);
    }
}
