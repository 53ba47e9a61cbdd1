//! Which cues (tone, buzz, voice, screen-reader line) a moment of the
//! session calls for, from two consecutive positions.

use super::countdown::{seconds_shown, spoken};
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
    /// A hold ended; rest before the next one.
    HoldDone,
    /// An exercise ended and the next one is in the same phase.
    ExerciseDone,
    /// An exercise ended and with it a phase.
    PhaseDone,
    /// The whole routine is over.
    RoutineDone,
}

/// A move larger than this between two redraws (a locked phone, a skip)
/// is announced, not cued: a redraw is 250 ms, a throttled tab's up to 1 s.
pub const CATCH_UP_MS: i64 = 2_500;

/// Whether the session jumped from `before` to `after` (the lock screen,
/// Skip or Back) rather than ran on: then the player says where it is now
/// instead of cueing every moment that was passed.
pub fn jumped(before: &Position, after: &Position) -> bool {
    (before.session_left_ms - after.session_left_ms).abs() > CATCH_UP_MS
        || after.index < before.index
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
        // A turn of 7 s counted down to every swap would be all beeps.
        let swap_next = timeline.swaps_after(after.index);
        return match now {
            1..=3 if was > now && after.segment.is_some() && !swap_next => {
                vec![Cue::Countdown(now as u8)]
            }
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
        SegmentKind::HoldRest => vec![Cue::HoldDone],
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

/// What a change of position calls for in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// One short line for the screen reader's polite live region.
    pub announce: Option<String>,
    /// What the voice reads out, when voice cues are on.
    pub speak: Option<String>,
}

/// "Bird-dog: left side, 35 s left.": where the session stands.
pub fn where_now(timeline: &Timeline, position: &Position) -> String {
    let Some(segment) = position.segment else {
        return "Routine complete.".into();
    };
    let exercise = timeline.exercises()[position.step];
    let left = spoken(seconds_shown(position.segment_left_ms));
    format!(
        "{}: {}, {left} left.",
        exercise.name,
        segment.instruction(exercise).to_lowercase()
    )
}

/// The words for a move from `before` (`None` on opening the player) to
/// `after`, given the cues it set off. After a gap (a locked phone, a skip,
/// a reload) they say where the patient is now rather than what was missed.
pub fn words_for(
    timeline: &Timeline,
    before: Option<&Position>,
    after: &Position,
    cues: &[Cue],
    jumped: bool,
) -> Words {
    let whole = |text: String| Words {
        announce: Some(text.clone()),
        speak: Some(text),
    };
    let Some(before) = before.filter(|_| !jumped) else {
        let mut words = whole(where_now(timeline, after));
        // Opening the player on a count-in introduces that exercise.
        if let (Some(speak), Some(caution)) =
            (words.speak.as_mut(), count_in_caution(timeline, after))
        {
            speak.push_str(&format!(" Take care: {caution}"));
        }
        return words;
    };
    match (before.paused, after.paused) {
        (false, true) => return whole("Paused.".into()),
        (true, false) => return whole(where_now(timeline, after)),
        _ => {}
    }
    let exercises = timeline.exercises();
    let mut parts = Vec::new();
    if cues.contains(&Cue::PhaseDone) {
        let done = exercises[before.step].phase;
        parts.push(format!("{} phase done.", done.name()));
    }
    if cues.contains(&Cue::RoutineDone) {
        return whole("Routine complete. Well done.".into());
    }
    let Some(segment) = after.segment else {
        return Words::default();
    };
    let exercise = exercises[after.step];
    if after.step > before.step {
        let what = segment.instruction(exercise);
        let announce = format!("{} Next: {}. {what}.", parts.join(" "), exercise.name);
        let mut speak = format!(
            "{} Next: {}. {}",
            parts.join(" "),
            exercise.name,
            exercise.cues[0]
        );
        if let Some(caution) = count_in_caution(timeline, after) {
            speak.push_str(&format!(" Take care: {caution}"));
        }
        return Words {
            announce: Some(announce.trim_start().into()),
            speak: Some(speak.trim_start().into()),
        };
    }
    let holds = exercise.holds();
    let after_hold_rest =
        after.index > 0 && timeline.segments()[after.index - 1].kind == SegmentKind::HoldRest;
    let swapped = after.index > 0 && timeline.swaps_after(after.index - 1);
    let line = cues.iter().find_map(|cue| match cue {
        Cue::SwitchSides => Some("Switch sides.".to_string()),
        Cue::HoldDone => holds.map(|h| h.rest_cue.to_string()),
        Cue::Go if after_hold_rest => holds.map(|h| h.again_cue.to_string()),
        Cue::Go => Some(format!(
            "{}: {}.",
            exercise.name,
            segment.instruction(exercise).to_lowercase()
        )),
        Cue::Countdown(3) if matches!(segment.kind, SegmentKind::Work(_)) => {
            Some("3 seconds left.".into())
        }
        Cue::ExerciseDone | Cue::PhaseDone if segment.kind == SegmentKind::Rest => {
            Some("Rest.".into())
        }
        _ => None,
    });
    // The voice says only what the patient must do without looking.
    let speak = cues.iter().find_map(|cue| match cue {
        Cue::SwitchSides => Some("Switch sides".to_string()),
        Cue::HoldDone => holds.map(|h| h.rest_cue.to_string()),
        Cue::Go if after_hold_rest => holds.map(|h| h.again_cue.to_string()),
        Cue::Go if swapped => Some(format!("Swap: {}", segment.instruction(exercise))),
        _ => None,
    });
    match line {
        Some(line) => parts.push(line),
        None if parts.is_empty() => return Words::default(),
        None => {}
    }
    Words {
        announce: Some(parts.join(" ")),
        speak,
    }
}

/// The caution of the exercise whose count-in `position` is on: said once
/// as each exercise comes up, before the patient gets into position.
fn count_in_caution(timeline: &Timeline, position: &Position) -> Option<&'static str> {
    position
        .segment
        .filter(|s| s.kind == SegmentKind::GetReady)
        .and_then(|s| timeline.exercises()[s.step].caution)
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
    fn a_redraw_runs_on_but_a_locked_phone_skip_or_back_jumps() {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let at = |s: i64, controls: &[Control]| timeline.position(T0, controls, T0 + s * SEC);
        assert!(!jumped(&at(10, &[]), &at(11, &[])));
        assert!(!jumped(&at(10, &[]), &at(12, &[])), "2 s: a slow redraw");
        assert!(
            jumped(&at(10, &[]), &at(13, &[])),
            "3 s: the phone was locked"
        );
        let skip = [Control {
            at_ms: T0 + 10 * SEC,
            action: Action::Skip,
        }];
        assert!(jumped(&at(10, &[]), &at(10, &skip)));
        let back = [Control {
            at_ms: T0 + 200 * SEC,
            action: Action::Back,
        }];
        assert!(jumped(&at(200, &[]), &at(200, &back)));
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
        // Dead hang: 5 s count-in, 90 s of holds and rests, then 15 s rest.
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
        // The hip flexor starts at 720 s: count-in to 725, left to 785.
        assert_eq!(cues_from(784, 785), vec![Cue::SwitchSides]);
        assert_eq!(cues_from(789, 790), vec![Cue::Go]);
    }

    #[test]
    fn alternating_turns_swap_with_a_go_and_no_countdown_until_the_last() {
        // Bird-dog: count-in 500–505 s, then 16 turns of 7.5 s to 625 s.
        assert_eq!(cues_from(512, 513), vec![Cue::Go]);
        assert_eq!(cues_from(509, 510), vec![], "3 s before a swap: no beep");
        assert_eq!(cues_from(621, 622), vec![Cue::Countdown(3)]);
    }

    #[test]
    fn the_end_of_the_routine_is_marked_once() {
        // 17 min 55 s: bird-dog's sides take turns, with no switch pause.
        assert_eq!(cues_from(1074, 1075), vec![Cue::RoutineDone]);
    }

    fn words_from(before_s: i64, after_s: i64) -> Words {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let at = |s: i64| timeline.position(T0, &[], T0 + s * SEC);
        let (before, after) = (at(before_s), at(after_s));
        let cues = cues_between(&timeline, &before, &after);
        words_for(&timeline, Some(&before), &after, &cues, false)
    }

    #[test]
    fn opening_the_player_says_where_the_session_is() {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let after = timeline.position(T0, &[], T0 + 800 * SEC);
        let words = words_for(&timeline, None, &after, &[], false);
        assert_eq!(
            words.announce.as_deref(),
            Some("Half-kneeling hip flexor: right side, 50 s left.")
        );
        assert_eq!(words.speak, words.announce);
        let turn = timeline.position(T0, &[], T0 + 506 * SEC);
        assert_eq!(
            words_for(&timeline, None, &turn, &[], false)
                .announce
                .as_deref(),
            Some("Bird-dog: left arm, right leg, 7 s left.")
        );
    }

    #[test]
    fn the_next_exercise_is_named_after_a_rest() {
        let words = words_from(109, 110);
        assert_eq!(
            words.announce.as_deref(),
            Some("Next: Lie along a foam roller. Get ready.")
        );
        assert!(
            words
                .speak
                .unwrap()
                .starts_with("Next: Lie along a foam roller. Lie on the roller")
        );
    }

    #[test]
    fn a_phase_change_is_said_before_the_next_exercise() {
        let words = words_from(374, 375);
        assert_eq!(
            words.announce.as_deref(),
            Some("Decompress phase done. Next: Glute bridge. Get ready.")
        );
    }

    #[test]
    fn switching_sides_is_said_and_spoken() {
        let words = words_from(784, 785);
        assert_eq!(words.announce.as_deref(), Some("Switch sides."));
        assert_eq!(words.speak.as_deref(), Some("Switch sides"));
        let swap = words_from(512, 513);
        assert_eq!(
            swap.announce.as_deref(),
            Some("Bird-dog: right arm, left leg.")
        );
        assert_eq!(swap.speak.as_deref(), Some("Swap: Right arm, left leg"));
    }

    #[test]
    fn only_the_last_three_seconds_of_work_are_announced() {
        assert_eq!(
            words_from(91, 92).announce.as_deref(),
            Some("3 seconds left.")
        );
        assert_eq!(words_from(92, 93), Words::default());
        assert_eq!(words_from(30, 31), Words::default());
    }

    #[test]
    fn pausing_and_resuming_are_said() {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let pause = Control {
            at_ms: T0 + 20 * SEC,
            action: Action::Pause,
        };
        let resume = Control {
            at_ms: T0 + 80 * SEC,
            action: Action::Resume,
        };
        let running = timeline.position(T0, &[], T0 + 20 * SEC);
        let paused = timeline.position(T0, &[pause], T0 + 20 * SEC);
        let resumed = timeline.position(T0, &[pause, resume], T0 + 80 * SEC);
        let said =
            |b: &Position, a: &Position| words_for(&timeline, Some(b), a, &[], false).announce;
        assert_eq!(said(&running, &paused).as_deref(), Some("Paused."));
        assert_eq!(
            said(&paused, &resumed).as_deref(),
            Some("Dead hang: go, 5 s left.")
        );
    }

    #[test]
    fn the_end_is_said_once() {
        let words = words_from(1074, 1075);
        assert_eq!(words.speak.as_deref(), Some("Routine complete. Well done."));
    }

    #[test]
    fn holds_end_into_a_rest_and_start_again_with_their_own_words() {
        // Dead hang: 5 s count-in, then holds of 20 s with 15 s rests.
        assert_eq!(cues_from(24, 25), vec![Cue::HoldDone]);
        assert_eq!(cues_from(39, 40), vec![Cue::Go]);
        let rest = words_from(24, 25);
        assert_eq!(rest.speak.as_deref(), Some("Step down and rest."));
        assert_eq!(rest.announce.as_deref(), Some("Step down and rest."));
        let again = words_from(39, 40);
        assert_eq!(again.speak.as_deref(), Some("Hang again."));
    }

    #[test]
    fn the_voice_gives_each_exercise_its_caution_as_it_comes_up() {
        let timeline = Timeline::new(&Plan::seed(), Pacing::default());
        let at = |ms: i64| timeline.position(T0, &[], T0 + ms);
        let opening = words_for(&timeline, None, &at(0), &[], false)
            .speak
            .unwrap();
        let hang = timeline.exercises()[0];
        assert!(opening.ends_with(&format!("Take care: {}", hang.caution.unwrap())));
        for (step, exercise) in timeline.exercises().iter().enumerate().skip(1) {
            let start = timeline
                .segments()
                .iter()
                .position(|s| s.step == step)
                .unwrap();
            let start_ms: i64 = timeline.segments()[..start].iter().map(|s| s.ms).sum();
            let (before, after) = (at(start_ms - 1), at(start_ms));
            let cues = cues_between(&timeline, &before, &after);
            let spoken = words_for(&timeline, Some(&before), &after, &cues, false)
                .speak
                .unwrap();
            match exercise.caution {
                Some(caution) => assert!(spoken.ends_with(caution), "{spoken}"),
                None => assert!(!spoken.contains("Take care"), "{spoken}"),
            }
        }
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
