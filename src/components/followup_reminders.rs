use leptos::prelude::*;

use crate::domain::followup::{self, FollowUpKind};
use crate::domain::ics;
use crate::web::clock;
use crate::web::files;

/// At the end of a routine: calendar alarms for the two follow-up questions,
/// so the answers that show whether relief lasts do not depend on the
/// patient happening to open the app in time (issue 21).
#[component]
pub fn FollowUpReminders(ended_ms: i64) -> impl IntoView {
    let said = RwSignal::new(None::<&'static str>);
    let ended = clock::local(ended_ms);
    let remind = move |kind: FollowUpKind| {
        let file = ics::follow_up_ics(kind, followup::reminder_at(kind, ended), clock::now_ms());
        said.set(Some(
            match files::download("spinewise-follow-up.ics", "text/calendar", &file) {
                Ok(()) => "If your phone asks, add the event to your calendar.",
                Err(_) => "The calendar file could not be made on this browser.",
            },
        ));
    };
    // Finished while the phone was away for over an hour: that question's time has gone.
    let hour_gone =
        followup::reminder_at(FollowUpKind::HourLater, ended) <= clock::local(clock::now_ms());
    view! {
        <section class="followup-reminders" aria-labelledby="reminders-title">
            <h2 id="reminders-title">"Questions later"</h2>
            <p class="muted small">
                "Spinewise asks how your back is in about an hour and tomorrow morning. \
                 Your answers show whether the relief lasts. Your calendar can remind you."
            </p>
            <div class="controls">
                {(!hour_gone).then(|| view! {
                    <button class="button" on:click=move |_| remind(FollowUpKind::HourLater)>
                        "Remind me in an hour"
                    </button>
                })}
                <button class="button" on:click=move |_| remind(FollowUpKind::NextMorning)>
                    "Remind me tomorrow at 8:00"
                </button>
            </div>
            <p class="muted small" role="status">{move || said.get()}</p>
        </section>
    }
}
