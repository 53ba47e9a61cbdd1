//! Today's one-line view of the two-week "try one change" loop: where a
//! running try has got to, or that its result is ready, and beside a sign
//! that fired, the way to the change that fits it. The page itself is
//! `pages/trial.rs`, loaded only when opened.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::trial::{Change, TRIAL_DAYS};
use crate::domain::warning::Sign;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

/// Beside a sign that fired: the link to the change that fits it when no
/// try is open, or while one runs for this sign, how far it has got.
#[component]
pub fn TrialLink(sign: Sign) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let open = Memo::new(move |_| {
        state
            .store
            .with(|s| s.open_trial().map(|t| (t.sign, t.day_number(today))))
    });
    move || {
        match open.get() {
        Some((tried, day)) if tried == sign => Some(
            view! {
                <p class="trial-note">
                    <strong>{format!("You are trying a change for this: day {} of {TRIAL_DAYS}.", day.clamp(1, i64::from(TRIAL_DAYS)))}</strong>
                </p>
            }
            .into_any(),
        ),
        None if Change::for_sign(sign).is_some() => Some(
            view! {
                <p class="trial-note">
                    <A href=Route::Trial.href() attr:class="button">"Try one change for two weeks"</A>
                </p>
            }
            .into_any(),
        ),
        _ => None,
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
            .with(|s| s.open_trial().map(|t| (t.change, t.day_number(today))))
    });
    move || {
        open.get().map(|(change, day)| {
            let (heading, link) = if day > i64::from(TRIAL_DAYS) {
                ("Your two-week try is over".to_string(), "See the result")
            } else {
                (
                    format!("Two-week try: day {} of {TRIAL_DAYS}", day.max(1)),
                    "Open the try",
                )
            };
            view! {
                <section class="card trial" aria-labelledby="trial-card-title">
                    <h2 id="trial-card-title">{heading}</h2>
                    <p>{change.title()}". Give a pain score each day."</p>
                    <A href=Route::Trial.href() attr:class="button">{link}</A>
                </section>
            }
        })
    }
}
