//! What the patient should know about an exercise before doing it: its
//! caution, and the easier and harder ways to do it.

use leptos::prelude::*;

use crate::domain::exercise::Exercise;
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

/// The caution, then the easier and the harder way, for the overview.
#[component]
pub fn ExerciseNotes(exercise: &'static Exercise) -> impl IntoView {
    view! {
        <Caution exercise />
        <details class="variations">
            <summary>{format!("Easier or harder: {}", exercise.name)}</summary>
            <p><strong>"Easier, on a bad day: "</strong>{exercise.easier}</p>
            <p>
                <strong>"Harder, once it feels easy and the next morning is no worse: "</strong>
                {exercise.harder}
            </p>
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
