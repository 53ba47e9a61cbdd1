//! Today's calm answer to a pain spike: stop for today, say which exercise
//! hurt (kept with the session, so next time offers its easier way), and
//! the safety questions. The rule is `domain::spike`.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::spike::{self, Spike};
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

/// Today's spike, for the card and for Today's Start button.
pub fn use_spike(today: NaiveDate) -> Memo<Option<Spike>> {
    let state = use_app_state();
    Memo::new(move |_| {
        state
            .store
            .with(|s| spike::today(&s.journal, today, clock::day_of))
    })
}

#[component]
pub fn PainSpike(spike: Memo<Option<Spike>>) -> impl IntoView {
    move || {
        spike.get().map(|spike| {
            view! {
                <section class="card spike" aria-labelledby="spike-title">
                    <h2 id="spike-title">"Take it easy today"</h2>
                    <p>{spike.reason.headline()}</p>
                    <p>{spike::ADVICE}</p>
                    {spike.session.map(|session| view! { <WhichHurt session /> })}
                    <A href=Route::Safety.href() attr:class="button primary">"Answer the safety questions"</A>
                </section>
            }
        })
    }
}

/// The exercises of today's routine as toggles: a tap marks one as having
/// hurt, a second tap takes it back.
#[component]
fn WhichHurt(session: i64) -> impl IntoView {
    let state = use_app_state();
    let exercises = state
        .store
        .with_untracked(|s| spike::exercises_in(&s.journal, session));
    if exercises.is_empty() {
        return None;
    }
    let marked = move |id: &str| state.store.with(|s| spike::marked(&s.journal, session, id));
    Some(view! {
        <fieldset class="which-hurt">
            <legend>"Which exercise hurt? Tap any that did."</legend>
            <div class="chips">
                {exercises
                    .into_iter()
                    .map(|e| {
                        view! {
                            <button
                                class="chip"
                                aria-pressed=move || marked(e.id).to_string()
                                on:click=move |_| state.mark_hurt(session, e.id, !marked(e.id))
                            >
                                {e.name}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="muted small">"Next time, an exercise you mark shows its easier way first."</p>
        </fieldset>
    })
}
