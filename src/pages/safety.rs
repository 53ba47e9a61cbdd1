use leptos::prelude::*;
use leptos_router::components::A;

use crate::a11y::use_page;
use crate::clock;
use crate::components::yes_no::{YesNo, YesNoAnswers};
use crate::domain::red_flags::{RED_FLAGS, Screening, Urgency};
use crate::pwa;
use crate::state::use_app_state;

/// Route `/safety`: the red-flag questions, then what the answers mean.
#[component]
pub fn SafetyPage() -> impl IntoView {
    use_page("Safety check");
    let state = use_app_state();
    let answers = YesNoAnswers::new(RED_FLAGS.len());
    let result = RwSignal::new(None::<Screening>);
    let all_answered = {
        let answers = answers.clone();
        move || answers.complete()
    };
    let submit = {
        let answers = answers.clone();
        move |_| {
            let now = clock::now_ms();
            let screening = Screening {
                at_ms: now,
                day: clock::day_of(now),
                yes: RED_FLAGS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| answers.yes(*i))
                    .map(|(_, f)| f.id.to_string())
                    .collect(),
            };
            state.store.update(|s| s.screenings.push(screening.clone()));
            result.set(Some(screening));
        }
    };
    let questions = RED_FLAGS
        .iter()
        .enumerate()
        .map(|(i, flag)| view! { <YesNo question=flag.question name=flag.id answer=answers.get(i) /> })
        .collect_view();

    view! {
        <section class="page safety">
            <h1>"Safety check"</h1>
            <div class="questions" hidden=move || result.get().is_some()>
                <p>
                    "Some back pain needs a doctor, not exercise. Seven quick questions about how you are now."
                </p>
                {questions}
                <button class="button primary start" disabled=move || !all_answered() on:click=submit>
                    "Done"
                </button>
            </div>
            {move || result.get().map(|screening| view! { <Outcome screening /> })}
        </section>
    }
}

/// What the answers mean, calmly and plainly; the patient can always go on.
#[component]
fn Outcome(screening: Screening) -> impl IntoView {
    let reasons = screening
        .flags()
        .map(|f| view! { <li>{f.why}</li> })
        .collect_view();
    let (title, advice) = match screening.urgency() {
        None => (
            "Nothing here needs a doctor first",
            "Go ahead with the routine. Stop any exercise that causes sharp, spreading or worsening pain, and check again if anything changes.",
        ),
        Some(Urgency::Soon) => (
            "Please see a doctor soon",
            "What you told us is worth a doctor's check within a day or two, before relying on exercises. It is often nothing serious, but it should be looked at.",
        ),
        Some(Urgency::Emergency) => (
            "Please get urgent medical care now",
            "Go to an emergency department or call your local emergency number today. These signs can mean pressure on the nerves of the lower spine, which needs treatment within hours. Do not wait to see if it passes.",
        ),
    };
    let urgent = screening.urgency().is_some();
    view! {
        <div class="card outcome" class:urgent=urgent role="alert">
            <h2>{title}</h2>
            <p>{advice}</p>
            {urgent.then(|| view! { <ul>{reasons}</ul> })}
        </div>
        <p class="muted small">
            "Your answers are saved on this phone with today's date, for you to show your clinician."
        </p>
        <A href=pwa::href("/routine") attr:class="button primary">
            {if urgent { "I understand; continue to the routine" } else { "Continue to the routine" }}
        </A>
    }
}
