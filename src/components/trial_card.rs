//! Today's short view of the two-week "try one change" loop: where a
//! running try has got to, or that its result is ready, and beside a sign
//! that fired, the way to the change that fits it. The page itself is
//! `pages/trial.rs`, loaded only when opened.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::trial::Status;
use crate::domain::warning::Sign;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

/// Beside a sign that fired: while a try runs for it, how far it has got;
/// otherwise, when a change is `offered`, the way to it.
#[component]
pub fn TrialLink(sign: Sign, offered: bool) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let running = Memo::new(move |_| {
        state.store.with(|s| {
            s.open_trial()
                .filter(|t| t.sign == sign)
                .map(|t| t.status(today))
        })
    });
    move || {
        match running.get() {
        Some(Status::Over) => view! {
            <p class="trial-note">
                <A href=Route::Trial.href() attr:class="button">"See the result of your two-week try"</A>
            </p>
        }
        .into_any(),
        Some(status) => view! {
            <p class="trial-note">
                <strong>{format!("You are trying a change for this: {}.", status.label())}</strong>
            </p>
        }
        .into_any(),
        None => offered
            .then(|| view! {
                <p class="trial-note">
                    <A href=Route::Trial.href() attr:class="button">"Try one change for two weeks"</A>
                </p>
            })
            .into_any(),
    }
    }
}

/// Today's card for the open try: day N of 14, or that the result is ready.
#[component]
pub fn TrialCard() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let open = Memo::new(move |_| {
        state
            .store
            .with(|s| s.open_trial().map(|t| (t.change, t.status(today))))
    });
    move || {
        open.get().map(|(change, status)| {
            let (heading, link, ask) = match status {
                Status::Over => (
                    "Your two-week try is over".to_string(),
                    "See the result",
                    "",
                ),
                status => (
                    format!("Two-week try: {}", status.label()),
                    "Open the try",
                    " Give a pain score each day.",
                ),
            };
            view! {
                <section class="card trial" aria-labelledby="trial-card-title">
                    <h2 id="trial-card-title">{heading}</h2>
                    <p>{change.title()}"."{ask}</p>
                    <A href=Route::Trial.href() attr:class="button">{link}</A>
                </section>
            }
        })
    }
}
