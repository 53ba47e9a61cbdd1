use leptos::prelude::*;
use leptos_use_document_visibility::use_document_visibility;
use leptos_use_interval_fn::use_interval_fn;

use crate::components::pain_scale::PainAnswer;
use crate::domain::followup::{self, FollowUpKind};
use crate::domain::pain::Pain;
use crate::state::use_app_state;
use crate::web::clock;

/// The follow-up question due now, if any: asked when the patient opens the
/// app in its window (a web app cannot ring the phone to ask).
#[component]
pub fn FollowUpPrompt() -> impl IntoView {
    let state = use_app_state();
    // An installed app comes back from the background without reloading,
    // and an open app crosses into a question's window: look again when
    // the page becomes visible, and once a minute.
    let visibility = use_document_visibility();
    let minute = RwSignal::new(0u32);
    use_interval_fn(move || minute.update(|m| *m += 1), 60_000);
    let due = Memo::new(move |_| {
        visibility.track();
        minute.track();
        let now = clock::now_ms();
        state.store.with(|s| {
            followup::due(&s.journal.sessions, &s.journal.followups, now, clock::local).map(|due| {
                let before = due.session.pain_before.map(Pain::value_text);
                (due.kind, due.session.started_ms, before)
            })
        })
    });
    move || {
        due.get().map(|(kind, session, before)| {
            let answer = move |pain: Option<Pain>| state.answer_followup(session, kind, pain);
            let context = match (kind, before) {
                (FollowUpKind::HourLater, Some(before)) => {
                    format!("Before the routine your pain was {before}.")
                }
                (FollowUpKind::NextMorning, Some(before)) => {
                    format!("Yesterday, before the routine, it was {before}.")
                }
                (_, None) => String::new(),
            };
            view! {
                <section class="card followup" aria-labelledby="followup-title">
                    <h2 id="followup-title">{kind.question()}</h2>
                    <p class="muted small">
                        {context} " Your answers show whether the relief lasts."
                    </p>
                    <PainAnswer
                        legend="Pain now"
                        name="followup-pain"
                        save_label="Save answer"
                        skip_label="Skip this question"
                        answer=answer
                    />
                </section>
            }
        })
    }
}
