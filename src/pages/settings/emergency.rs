//! The number the emergency call button dials: the phone's region decides
//! it unless the patient sets their own (travelling, or a region the
//! browser gets wrong).

use leptos::prelude::*;

use crate::domain::settings::PhoneNumber;
use crate::state::use_app_state;
use crate::web::clock;

#[component]
pub fn EmergencyNumber() -> impl IntoView {
    let state = use_app_state();
    let locale = clock::locale();
    let own = Memo::new(move |_| state.store.with(|s| s.settings.emergency_number.is_some()));
    let number = Memo::new(move |_| state.store.with(|s| s.settings.emergency_number(&locale)));
    let problem = RwSignal::new(None::<String>);
    let save = move |typed: String| {
        if typed.trim().is_empty() {
            problem.set(None);
            state.set_emergency_number(None);
        } else if let Some(parsed) = PhoneNumber::parse(&typed) {
            problem.set(None);
            state.set_emergency_number(Some(parsed));
        } else {
            problem.set(Some(format!(
                "\"{typed}\" is not a phone number. Use 2 to 15 digits, such as 112. The button still calls {}.",
                number.get_untracked()
            )));
        }
    };
    view! {
        <div class="emergency-number">
            <label for="emergency-number"><strong>"Emergency number"</strong></label>
            <p class="muted small">
                {move || if own.get() {
                    format!("The call button dials {}, the number you set. Clear the box to use your region's.", number.get())
                } else {
                    format!("The call button dials {}, the number for your region. Change it if you are abroad.", number.get())
                }}
            </p>
            <input
                id="emergency-number"
                type="tel"
                inputmode="tel"
                autocomplete="off"
                prop:value=move || if own.get() { number.get() } else { String::new() }
                placeholder=move || number.get()
                aria-describedby="emergency-number-problem"
                on:change=move |ev| save(event_target_value(&ev))
            />
            <p id="emergency-number-problem" class="alert" role="alert" hidden=move || problem.get().is_none()>
                {move || problem.get()}
            </p>
        </div>
    }
}
