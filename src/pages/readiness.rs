use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::yes_no::{YesNo, YesNoAnswers};
use crate::domain::exercise;
use crate::domain::readiness::{READINESS, Readiness};
use crate::pages::setup::continue_after_check;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;

/// Route `/readiness`: the health questions that decide which exercises
/// suit the patient, then what they changed in the routine.
#[component]
pub fn ReadinessPage() -> impl IntoView {
    use_page("Exercise check");
    let state = use_app_state();
    let answers = YesNoAnswers::new(READINESS.len());
    // Asked again from Settings: the earlier answers are already filled in.
    let saved = state.store.with_untracked(|s| s.settings.readiness);
    if saved.day().is_some() {
        for (i, question) in READINESS.iter().enumerate() {
            answers.get(i).set(Some(saved.says_yes(question.id)));
        }
    }
    let done = RwSignal::new(false);
    let (next, next_label) = continue_after_check();
    let save = {
        let answers = answers.clone();
        move |_| {
            let yes = answers.yes_ids(READINESS.iter().map(|q| q.id));
            state.answer_readiness(Readiness::answered(clock::today(), yes));
            done.set(true);
        }
    };
    let all_answered = {
        let answers = answers.clone();
        move || answers.complete()
    };
    let questions = READINESS
        .iter()
        .enumerate()
        .map(|(i, q)| view! { <YesNo question=q.question name=q.id answer=answers.get(i) /> })
        .collect_view();
    view! {
        <section class="page safety">
            <h1>"Exercise check"</h1>
            <div class="questions" hidden=move || done.get()>
                <p>
                    "Seven questions about your health. A yes swaps the exercises that may not suit you for safer ones. Your answers stay on this phone."
                </p>
                {questions}
                <button class="button primary start" disabled=move || !all_answered() on:click=save>
                    "Save answers"
                </button>
            </div>
            <Show when=move || done.get()>
                <Swaps />
                <A href=next.clone() attr:class="button primary">{next_label}</A>
            </Show>
        </section>
    }
}

/// What the answers (and the equipment) changed in the routine.
#[component]
pub fn Swaps() -> impl IntoView {
    let state = use_app_state();
    let swaps = Memo::new(move |_| state.store.with(|s| s.session_swaps()));
    let name = |id: &str| exercise::by_id(id).map_or("", |e| e.name);
    move || {
        let swaps = swaps.get();
        if swaps.is_empty() {
            return None;
        }
        let items = swaps
            .iter()
            .map(|swap| {
                view! {
                    <li>
                        <strong>{format!("{} → {}", name(swap.from), name(swap.to))}</strong>
                        {format!(". {}", swap.reason)}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="card swaps" role="status">
                <h2>"Changed to suit you"</h2>
                <ul>{items}</ul>
            </div>
        })
    }
}
