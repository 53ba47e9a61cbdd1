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
            <div class="pain-options">{options.collect_view()}</div>
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
