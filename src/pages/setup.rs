//! Route `/setup`: the first-run set-up, about a minute (walkthrough #4).
//! Each step can be skipped, and the whole can be done again from
//! Settings. The safety and exercise checks are their own pages, which
//! come back here when opened from a step.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::settings::SettingChange;
use crate::pages::settings::reminder::Reminder;
use crate::pages::settings::routine::EquipmentChoices;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::route::Route;

/// The query a step's page is opened with, so it offers the way back.
const FROM_SET_UP: &str = "then=setup";

/// Where a safety or exercise check goes on, and the words for it: back to
/// the set-up when opened from it, else to the routine.
pub fn continue_after_check() -> (String, &'static str) {
    let from_set_up =
        use_query_map().with_untracked(|query| query.get("then").as_deref() == Some("setup"));
    if from_set_up {
        (Route::SetUp.href(), "Continue the set-up")
    } else {
        (Route::Routine.href(), "Continue to the routine")
    }
}

#[component]
pub fn SetUpPage() -> impl IntoView {
    use_page("Set up");
    let state = use_app_state();
    let navigate = use_navigate();
    let screened = Memo::new(move |_| state.store.with(|s| !s.screenings.is_empty()));
    let readiness_asked =
        Memo::new(move |_| state.store.with(|s| s.settings.readiness.day().is_some()));
    let finish = move |_| {
        state.change_setting(SettingChange::SetUpEnded);
        navigate(&Route::Today.href(), Default::default());
    };
    let from_here = |route: Route| format!("{}?{FROM_SET_UP}", route.href());
    view! {
        <section class="page setup">
            <h1>"Set up Spinewise"</h1>
            <p>"About a minute. Skip any step you like; Settings can bring you back here."</p>
            <ol class="setup-steps">
                <CheckStep
                    title="Safety questions"
                    done=screened
                    why="Some back pain needs a doctor, not exercise. A few yes or no questions check for the signs."
                    href=from_here(Route::Safety)
                    first="Answer the safety questions"
                    again="Answer them again"
                />
                <CheckStep
                    title="Your health and exercise"
                    done=readiness_asked
                    why="Seven questions, such as about a new hip or a baby on the way, swap exercises that may not suit you."
                    href=from_here(Route::Readiness)
                    first="Answer the exercise questions"
                    again="Change your answers"
                />
                <li class="card">
                    <fieldset class="settings-group">
                        <legend>"What you have at home"</legend>
                        <p class="muted small">
                            "Nothing ticked means floor exercises only. Tick what you have, and the routine may use it."
                        </p>
                        <EquipmentChoices />
                    </fieldset>
                </li>
                <li class="card">
                    <h2>"Pattern check (optional)"</h2>
                    <p>"Two minutes of questions about when your back hurts, to suit the routine to it."</p>
                    <A href=Route::Assessment.href() attr:class="button">"Take the pattern check"</A>
                </li>
                <li class="card">
                    <Reminder />
                </li>
            </ol>
            <button class="button primary start" on:click=finish>"Finish set-up"</button>
        </section>
    }
}

/// A step that is a check of its own page: what it is for, "Done" once
/// answered, and the link to answer it (`first`) or answer again.
#[component]
fn CheckStep(
    title: &'static str,
    done: Memo<bool>,
    why: &'static str,
    href: String,
    first: &'static str,
    again: &'static str,
) -> impl IntoView {
    view! {
        <li class="card">
            <h2>{title}</h2>
            {move || done.get().then(|| view! { <p class="step-done">"✓ Done"</p> })}
            <p>{why}</p>
            <A href=href attr:class="button">{move || if done.get() { again } else { first }}</A>
        </li>
    }
}
