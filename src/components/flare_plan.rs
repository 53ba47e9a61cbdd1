//! Today's flare plan, on a day marked as a flare day: the safety questions
//! first when they are due, then what may help, and how far the flare has
//! got. The wording and the flare's figures are `domain::flare`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::flare;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

#[component]
pub fn FlarePlan(#[prop(into)] check_first: Signal<bool>) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let current = Memo::new(move |_| state.store.with(|s| flare::current(&s.journal, today)));
    move || {
        current.get().map(|now| {
            view! {
                <section class="card flare-plan" aria-labelledby="flare-title">
                    <h2 id="flare-title">"Your flare plan"</h2>
                    <p>{flare::progress(now)}</p>
                    {move || check_first.get().then(|| view! {
                        <p>"First, answer the safety questions: a flare is a time to check for warning signs."</p>
                        <A href=Route::Safety.href() attr:class="button primary">"Check for warning signs first"</A>
                    })}
                    <ol class="flare-steps">
                        {flare::PLAN.map(|step| view! { <li>{step}</li> }).collect_view()}
                    </ol>
                    <p class="muted small">"Give a pain score each day, so your report shows how the flare went."</p>
                </section>
            }
        })
    }
}
