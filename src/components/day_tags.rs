use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::tags::Tag;
use crate::state::use_app_state;

/// The tags of `day` as buttons that go on and off with a tap, each saved
/// at once: two taps in all, no form (issue 21).
#[component]
pub fn DayTagChips(day: NaiveDate, legend: &'static str) -> impl IntoView {
    let state = use_app_state();
    let on = move |tag: Tag| state.store.with(|s| s.journal.tags_on(day).contains(&tag));
    view! {
        <fieldset class="day-tags">
            <legend>{legend}</legend>
            <div class="chips">
                {Tag::ALL
                    .map(|tag| {
                        view! {
                            <button
                                class="chip"
                                aria-pressed=move || on(tag).to_string()
                                on:click=move |_| state.tag_day(day, tag, !on(tag))
                            >
                                {tag.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// Today's card: what else happened today, for the report and for a
/// two-week try to set beside the pain.
#[component]
pub fn DayTagsCard(day: NaiveDate) -> impl IntoView {
    view! {
        <section class="card" aria-label="Anything else today?">
            <DayTagChips day legend="Anything else today? Tap any that apply." />
            <p class="muted small">"Your report counts these, so you and your clinician can see what else may change your pain."</p>
        </section>
    }
}
