use leptos::prelude::*;

use crate::domain::exercise::{Exercise, Figure};

/// A simple line drawing of an exercise, drawn inline (nothing to download).
/// Where one frame is ambiguous, the start comes first, then an arrow, then
/// the position held or reached.
#[component]
pub fn ExerciseFigure(exercise: &'static Exercise) -> impl IntoView {
    match exercise.start_figure() {
        None => view! {
            <svg class="figure" viewBox="0 0 120 80" role="img" aria-label=format!("Drawing: {}", exercise.name)>
                <Pose figure=&exercise.figure />
            </svg>
        }
        .into_any(),
        Some(start) => view! {
            <svg
                class="figure two-step"
                viewBox="0 0 250 80"
                role="img"
                aria-label=format!("Drawing: {}, where to start, then where to go", exercise.name)
            >
                <Pose figure=start />
                <path class="step-arrow" d="M116 40H134M128 34L134 40L128 46" />
                <g transform="translate(130 0)">
                    <Pose figure=&exercise.figure />
                </g>
            </svg>
        }
        .into_any(),
    }
}

/// One frame: the floor, the head and the body.
#[component]
fn Pose(figure: &'static Figure) -> impl IntoView {
    let (x, y) = figure.head;
    view! {
        <path class="floor" d="M4 72H116" />
        <circle cx=x cy=y r="6" />
        <path d=figure.path />
    }
}
