use leptos::prelude::*;

use crate::domain::exercise::Exercise;

/// A simple line drawing of an exercise, drawn inline (nothing to download).
#[component]
pub fn ExerciseFigure(exercise: &'static Exercise) -> impl IntoView {
    let (x, y) = exercise.figure.head;
    view! {
        <svg class="figure" viewBox="0 0 120 80" role="img" aria-label=format!("Drawing: {}", exercise.name)>
            <path class="floor" d="M4 72H116" />
            <circle cx=x cy=y r="6" />
            <path d=exercise.figure.path />
        </svg>
    }
}
