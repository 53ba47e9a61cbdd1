use leptos::prelude::*;

use crate::components::pain_scale::PainScale;
use crate::state::use_app_state;
use crate::web::clock;

/// Today's check-in: pain, optional stiffness and a note of any length.
/// Saving again the same day edits it.
#[component]
pub fn CheckInForm() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let existing = state
        .store
        .with_untracked(|s| s.journal.checkin_on(today).cloned());
    let pain = RwSignal::new(existing.as_ref().map(|c| c.pain));
    let stiffness = RwSignal::new(existing.as_ref().and_then(|c| c.stiffness));
    let note = RwSignal::new(existing.map(|c| c.note).unwrap_or_default());
    let saved = Memo::new(move |_| {
        state
            .store
            .with(|s| s.journal.checkin_on(today).map(|c| c.pain))
    });
    // A score already given today (this morning's answer, a routine's)
    // starts the check-in, so it is not asked twice from scratch.
    let given_today = Memo::new(move |_| {
        state
            .store
            .with(|s| s.journal.pain_today(today, clock::day_of))
    });
    let prefilled = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(given) = given_today.get()
            && pain.get_untracked().is_none()
        {
            pain.set(Some(given));
            prefilled.set(true);
        }
    });
    let save = move |_| {
        if let Some(pain) = pain.get_untracked() {
            state.check_in(pain, stiffness.get_untracked(), note.get_untracked());
        }
    };
    view! {
        <details class="card checkin">
            <summary>
                <span class="checkin-title">"Daily check-in"</span>
                <span class="muted small">
                    {move || match saved.get() {
                        Some(p) => format!("Today: {}. Tap to edit.", p.value_text()),
                        None => "How is your back today?".into(),
                    }}
                </span>
            </summary>
            <PainScale legend="Pain today" name="checkin-pain" score=pain />
            <p class="muted small" hidden=move || !prefilled.get() || saved.get().is_some()>
                "Filled in from the score you gave earlier today. Change it if your pain is different now."
            </p>
            <PainScale legend="Stiffness (optional)" name="checkin-stiffness" score=stiffness />
            <label class="note-field">
                <span>"Note (optional)"</span>
                <textarea
                    rows="3"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </label>
            <button class="button primary" disabled=move || pain.get().is_none() on:click=save>
                {move || if saved.get().is_some() { "Update check-in" } else { "Save check-in" }}
            </button>
            <p class="muted small" role="status">
                {move || saved.get().map(|_| "Saved on this phone.")}
            </p>
        </details>
    }
}
