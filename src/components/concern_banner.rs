//! A yes answer to a red-flag question that has not been seen to: it stays
//! on Today and the routine overview until the patient says they have been
//! checked (clinical review §2.2).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::day;
use crate::domain::red_flags::{Urgency, open_concern};
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

/// A link that dials the emergency number from Settings (or the locale's).
#[component]
pub fn CallButton() -> impl IntoView {
    let state = use_app_state();
    let locale = clock::locale();
    let number = Memo::new(move |_| state.store.with(|s| s.settings.emergency_number(&locale)));
    view! {
        <a class="button primary call" href=move || format!("tel:{}", number.get())>
            {move || format!("Call {}", number.get())}
        </a>
    }
}

/// The open concern, if any, with what to do and "I have been checked".
#[component]
pub fn ConcernBanner() -> impl IntoView {
    let state = use_app_state();
    let concern = Memo::new(move |_| {
        state
            .store
            .with(|s| open_concern(&s.screenings).and_then(|c| Some((c.urgency()?, c.day))))
    });
    move || {
        concern.get().map(|(urgency, on)| {
            let emergency = urgency == Urgency::Emergency;
            view! {
                <div class="card concern urgent" role="alert">
                    <h2>{urgency.title()}</h2>
                    <p>
                        {format!("On {} you answered yes to a warning sign. ", day::long_label(on))}
                        {urgency.advice()}
                    </p>
                    {emergency.then(|| view! { <CallButton /> })}
                    <p><strong>"Have you been checked?"</strong></p>
                    <div class="button-row">
                        <button class="button" on:click=move |_| state.mark_checked()>
                            "I have been checked"
                        </button>
                        <A href=Route::Safety.href() attr:class="button quiet">"Answer the questions again"</A>
                    </div>
                </div>
            }
        })
    }
}

/// Whether an emergency answer is still open: the routine is not offered then.
pub fn emergency_open() -> Memo<bool> {
    let state = use_app_state();
    Memo::new(move |_| {
        state.store.with(|s| {
            open_concern(&s.screenings).and_then(|c| c.urgency()) == Some(Urgency::Emergency)
        })
    })
}
