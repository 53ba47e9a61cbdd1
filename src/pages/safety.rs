use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::components::concern_banner::CallButton;
use crate::components::exercise_notes::StopRule;
use crate::components::yes_no::{YesNo, YesNoAnswers};
use crate::domain::red_flags::{CAUDA_EQUINA_SIGNS, RED_FLAGS, Screening, Urgency};
use crate::pages::setup::continue_after_check;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;
use crate::web::route::Route;

/// Route `/safety`: the red-flag questions, then what the answers mean. A
/// "yes" to an emergency question shows the emergency advice at once.
#[component]
pub fn SafetyPage() -> impl IntoView {
    use_page("Safety check");
    let state = use_app_state();
    let answers = YesNoAnswers::new(RED_FLAGS.len());
    let result = RwSignal::new(None::<Screening>);
    let save = {
        let answers = answers.clone();
        move || {
            let now = clock::now_ms();
            let yes = answers
                .yes_ids(RED_FLAGS.iter().map(|f| f.id))
                .into_iter()
                .map(String::from)
                .collect();
            let screening = Screening::answered(now, clock::day_of(now), yes);
            state.record_screening(screening.clone());
            result.set(Some(screening));
        }
    };
    // Emergency advice must not wait for the other answers.
    let emergency_yes = {
        let answers = answers.clone();
        move || {
            RED_FLAGS
                .iter()
                .enumerate()
                .any(|(i, f)| f.urgency == Urgency::Emergency && answers.get(i).get() == Some(true))
        }
    };
    Effect::new({
        let save = save.clone();
        move |_| {
            if emergency_yes() && result.get_untracked().is_none() {
                save();
            }
        }
    });
    // "I tapped yes by mistake": the answers come back without the emergency yes.
    let undo = {
        let answers = answers.clone();
        move |at_ms: i64| {
            state.withdraw_screening(at_ms);
            for (i, flag) in RED_FLAGS.iter().enumerate() {
                if flag.urgency == Urgency::Emergency && answers.yes(i) {
                    answers.get(i).set(None);
                }
            }
            result.set(None);
        }
    };
    let all_answered = {
        let answers = answers.clone();
        move || answers.complete()
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
                    "Some back pain needs a doctor, not exercise. A few quick questions about your back pain and your health."
                </p>
                {questions}
                <button
                    class="button primary start"
                    disabled={
                        let all_answered = all_answered.clone();
                        move || !all_answered()
                    }
                    aria-describedby={
                        let all_answered = all_answered.clone();
                        move || (!all_answered()).then_some("safety-unanswered")
                    }
                    on:click=move |_| save()
                >
                    "Done"
                </button>
                // Why "Done" waits (walkthrough #27).
                <p id="safety-unanswered" class="muted small" hidden=all_answered>
                    "Answer every question, yes or no, to finish."
                </p>
            </div>
            {move || result.get().map(|screening| view! { <Outcome screening undo=undo.clone() /> })}
        </section>
    }
}

/// What the answers mean, calmly and plainly. After an emergency answer the
/// only strong action is the call; the routine is not offered here.
#[component]
fn Outcome(
    screening: Screening,
    undo: impl Fn(i64) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let (next, next_label) = continue_after_check();
    let reasons = screening
        .flags()
        .map(|f| view! { <li>{f.why}</li> })
        .collect_view();
    let saved = view! {
        <p class="muted small">
            "Your answers are saved on this phone with today's date, for you to show your clinician."
        </p>
    };
    match screening.urgency() {
        None => view! {
            <div class="card outcome" role="alert">
                <h2>"None of these warning signs today"</h2>
                <p>
                    "This check does not replace an examination. Go ahead gently, and answer these questions again if anything new happens."
                </p>
            </div>
            <StopRule />
            {saved}
            <A href=next attr:class="button primary">{next_label}</A>
        }
            .into_any(),
        Some(Urgency::Emergency) => {
            let at_ms = screening.at_ms;
            let checked_before = move |_| {
                state.mark_checked();
                navigate(&Route::Today.href(), Default::default());
            };
            view! {
                <div class="card outcome urgent" role="alert">
                    <h2>{Urgency::Emergency.title()}</h2>
                    <p>{Urgency::Emergency.advice()}</p>
                    <CallButton />
                    <ul>{reasons}</ul>
                </div>
                <div class="card">
                    <h2>"Signs of pressure on the nerves at the base of the spine"</h2>
                    <p>"Get emergency help at once if you notice any of these, even if the check said no before:"</p>
                    <ul>{CAUDA_EQUINA_SIGNS.map(|sign| view! { <li>{sign}</li> }).collect_view()}</ul>
                </div>
                {saved}
                <button class="button quiet" on:click=move |_| undo(at_ms)>"I tapped yes by mistake"</button>
                <button class="button quiet" on:click=checked_before>
                    "This is not new: I have already been checked for it"
                </button>
            }
                .into_any()
        }
        Some(urgency) => view! {
            <div class="card outcome urgent" role="alert">
                <h2>{urgency.title()}</h2>
                <p>{urgency.advice()}</p>
                <ul>{reasons}</ul>
            </div>
            {saved}
            <A href=next attr:class="button">{next_label}</A>
        }
            .into_any(),
    }
}
