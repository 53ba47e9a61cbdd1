use leptos::prelude::*;

use crate::domain::pain::Pain;

/// A 0–10 pain scale as a radio group: arrow keys move between scores and
/// screen readers hear "3 — mild".
#[component]
pub fn PainScale(
    /// Group label, e.g. "How is your back now?"
    #[prop(into)]
    legend: String,
    /// Form field name, unique on the page.
    name: &'static str,
    score: RwSignal<Option<Pain>>,
) -> impl IntoView {
    let options = (0..=Pain::MAX).filter_map(Pain::new).map(|pain| {
        view! {
            <label class="pain-option" data-score=pain.score()>
                <input
                    type="radio"
                    name=name
                    value=pain.score()
                    aria-label=pain.value_text()
                    prop:checked=move || score.get() == Some(pain)
                    on:change=move |_| score.set(Some(pain))
                />
                <span aria-hidden="true">{pain.score()}</span>
            </label>
        }
    });
    view! {
        <fieldset class="pain-scale">
            <legend>{legend}</legend>
            <div class="pain-fit">
                <div class="pain-options">{options.collect_view()}</div>
            </div>
            <p class="pain-ends" aria-hidden="true">
                <span>"0 none"</span>
                <span>"10 worst"</span>
            </p>
            <p class="pain-chosen" aria-live="polite">
                {move || score.get().map(|p| format!("Chosen: {}", p.value_text()))}
            </p>
        </fieldset>
    }
}

/// A pain question: the scale, a button that saves the score (enabled once
/// one is chosen) and one that goes on without a score.
#[component]
pub fn PainAnswer<F>(
    /// Group label of the scale.
    #[prop(into)]
    legend: String,
    /// Form field name, unique on the page.
    name: &'static str,
    save_label: &'static str,
    skip_label: &'static str,
    /// Called with the chosen score, or `None` for the skip button.
    answer: F,
) -> impl IntoView
where
    F: Fn(Option<Pain>) + Clone + 'static,
{
    let score = RwSignal::new(None::<Pain>);
    let skip = answer.clone();
    view! {
        <PainScale legend=legend name=name score=score />
        <div class="button-row">
            <button
                class="button primary"
                disabled=move || score.get().is_none()
                on:click=move |_| answer(score.get_untracked())
            >
                {save_label}
            </button>
            <button class="button quiet" on:click=move |_| skip(None)>
                {skip_label}
            </button>
        </div>
    }
}
