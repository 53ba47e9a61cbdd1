//! The weekly PEG-3 on Today: three 0–10 questions about the past week,
//! about 30 seconds, or "Not this week". The measure and when it is due
//! are `domain::peg`.

use leptos::prelude::*;

use crate::components::pain_scale::PainScale;
use crate::domain::pain::Pain;
use crate::domain::peg;
use crate::state::use_app_state;
use crate::web::clock;

/// Form names of the three scales, in the order of [`peg::QUESTIONS`].
const NAMES: [&str; 3] = ["peg-pain", "peg-enjoyment", "peg-activity"];

#[component]
pub fn PegCard() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let due = Memo::new(move |_| {
        state
            .store
            .with(|s| !s.offers_set_up() && peg::due(&s.peg, today))
    });
    let scores: [RwSignal<Option<Pain>>; 3] = std::array::from_fn(|_| RwSignal::new(None));
    let answers = move || {
        let [a, b, c] = scores.map(|s| s.get());
        Some([a?, b?, c?])
    };
    move || {
        due.get().then(|| {
            let scales = peg::QUESTIONS
                .iter()
                .zip(peg::ENDS)
                .zip(scores.iter().zip(NAMES))
                .map(|((question, (low, high)), (score, name))| {
                    view! {
                        <PainScale legend=*question name score=*score />
                        <p class="muted small scale-ends">{low}" · "{high}</p>
                    }
                })
                .collect_view();
            view! {
                <section class="card peg" aria-labelledby="peg-title">
                    <h2 id="peg-title">"Your week, in three questions"</h2>
                    <p class="muted small">
                        "About 30 seconds, once a week. Your report shows how the answers change over time."
                    </p>
                    {scales}
                    <div class="button-row">
                        // Not primary: Start stays the one main action on Today.
                        <button
                            class="button"
                            disabled=move || answers().is_none()
                            on:click=move |_| state.answer_peg(answers())
                        >
                            "Save"
                        </button>
                        <button class="button quiet" on:click=move |_| state.answer_peg(None)>
                            "Not this week"
                        </button>
                    </div>
                </section>
            }
        })
    }
}
