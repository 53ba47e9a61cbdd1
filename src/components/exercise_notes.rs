//! What the patient should know about an exercise before doing it: how it
//! goes, its caution, and the easier and harder ways to do it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::figure::ExerciseFigure;
use crate::domain::day;
use crate::domain::exercise::Exercise;
use crate::domain::progression::GOOD_SESSIONS_FOR_HARDER;
use crate::domain::stop_rule::STOP_RULE;

/// The exercise's caution as a note a screen reader announces as such.
#[component]
pub fn Caution(exercise: &'static Exercise) -> impl IntoView {
    exercise.caution.map(|caution| {
        view! {
            <p class="note caution" role="note">
                <strong>"Take care: "</strong>
                {caution}
            </p>
        }
    })
}

/// The easier way, first, for an exercise the patient said hurt the last
/// time it was done, on `hurt_on` (`domain::spike::hurt_last_time`).
#[component]
pub fn HurtLastTime(exercise: &'static Exercise, hurt_on: Option<NaiveDate>) -> impl IntoView {
    hurt_on.map(|on| {
        view! {
            <p class="note caution hurt-last-time" role="note">
                <strong>{format!("This hurt on {}. ", day::short_label(on))}</strong>
                "Try the easier way: "
                {exercise.easier}
            </p>
        }
    })
}

/// How the exercise goes, to learn it before the routine rather than in
/// its count-in (walkthrough #5): the drawing, what it is for, and the
/// cues the player will give. Closed until asked for.
#[component]
fn ExercisePreview(exercise: &'static Exercise) -> impl IntoView {
    view! {
        <details class="preview">
            <summary>{format!("How to do it: {}", exercise.name)}</summary>
            <ExerciseFigure exercise />
            <p><strong>"What it is for: "</strong>{exercise.targets}</p>
            <ol class="preview-cues">
                {exercise.cues.iter().map(|cue| view! { <li>{*cue}</li> }).collect_view()}
            </ol>
        </details>
    }
}

/// The way it goes, the caution, then the easier and the harder way, for
/// the overview. The easier way opens by itself when `easier_now` or when
/// the exercise hurt last time (`hurt_on`); the harder one is offered once
/// `good_sessions` reaches [`GOOD_SESSIONS_FOR_HARDER`].
#[component]
pub fn ExerciseNotes(
    exercise: &'static Exercise,
    good_sessions: usize,
    #[prop(into)] easier_now: Signal<bool>,
    hurt_on: Option<NaiveDate>,
) -> impl IntoView {
    let harder = if good_sessions >= GOOD_SESSIONS_FOR_HARDER {
        view! {
            <p>
                <strong>"Ready for a harder way: "</strong>
                "your last two routines with it went well and the next mornings were no worse. If it feels easy, you may try this: "
                {exercise.harder}
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="muted">
                {format!(
                    "A harder way is offered after two routines with it where the next morning was no worse ({good_sessions} of {GOOD_SESSIONS_FOR_HARDER} so far).",
                )}
            </p>
        }
        .into_any()
    };
    let hurt = hurt_on.is_some();
    view! {
        <ExercisePreview exercise />
        <HurtLastTime exercise hurt_on />
        <Caution exercise />
        <details class="variations" open=move || hurt || easier_now.get()>
            <summary>{format!("Easier or harder: {}", exercise.name)}</summary>
            <p><strong>"Easier, on a bad day: "</strong>{exercise.easier}</p>
            {harder}
        </details>
    }
}

/// When to ease off and when to stop, shown before and during a routine.
#[component]
pub fn StopRule() -> impl IntoView {
    view! {
        <div class="stop-rule">
            <h2>"How much is too much"</h2>
            <ul>{STOP_RULE.map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        </div>
    }
}
