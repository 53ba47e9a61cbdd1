use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::components::yes_no::{YesNo, YesNoAnswers};
use crate::domain::assessment::{self, Answers, QUESTIONS};
use crate::domain::phase::Phase;
use crate::domain::plan::Emphasis;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::route::Route;

/// Route `/assessment`: a few questions about how the pain behaves, the
/// pattern they point to, and the routine emphasis that follows. The
/// patient can take the suggestion or choose another emphasis.
#[component]
pub fn AssessmentPage() -> impl IntoView {
    use_page("Pattern check");
    let state = use_app_state();
    let answers = YesNoAnswers::new(QUESTIONS.len());
    let result = RwSignal::new(None::<assessment::Assessment>);
    let all_answered = {
        let answers = answers.clone();
        move || answers.complete()
    };
    let submit = {
        let answers = answers.clone();
        move |_| {
            let given: Answers = std::array::from_fn(|i| answers.yes(i));
            result.set(Some(assessment::assess(&given)));
            state.record_pattern_check(given);
            // The questions give way to the result: start reading there.
            request_animation_frame(|| {
                if let Some(heading) = document()
                    .get_element_by_id("result-title")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    // Focusing scrolls it into view too.
                    let _ = heading.focus();
                }
            });
        }
    };
    const NAMES: [&str; QUESTIONS.len()] = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
    let questions = QUESTIONS
        .iter()
        .zip(NAMES)
        .enumerate()
        .map(|(i, (question, name))| view! { <YesNo question=question.text name answer=answers.get(i) /> })
        .collect_view();
    view! {
        <section class="page assessment">
            <h1>"Pattern check"</h1>
            <div class="questions" hidden=move || result.get().is_some()>
                <p>
                    "Long-lasting back pain has many causes. These nine questions look at three common \
                     patterns (easing when the load comes off, feeling weak or wobbly, and stiff hips or \
                     upper back) to choose where your routine puts its extra time."
                </p>
                {questions}
                <button class="button primary start" disabled=move || !all_answered() on:click=submit>
                    "See my result"
                </button>
            </div>
            {move || {
                result
                    .get()
                    .map(|found| {
                        let reasons = found
                            .reasons
                            .iter()
                            .map(|r| view! { <li>{r.clone()}</li> })
                            .collect_view();
                        let suggested = found.emphasis();
                        view! {
                            <div class="card outcome">
                                <h2 id="result-title" tabindex="-1">"Your result"</h2>
                                <p>{found.summary()}</p>
                                <ul>{reasons}</ul>
                                <p>
                                    <strong>{format!("Suggested: {}. ", suggested.label())}</strong>
                                    {suggested.description()}
                                </p>
                                <p class="muted small">
                                    "A self-check, not a diagnosis. The order stays the same whatever you choose: \
                                     decompress, then activate, then mobilize."
                                </p>
                            </div>
                            <EmphasisChoice suggested />
                            <button class="button quiet" on:click=move |_| result.set(None)>
                                "Answer again"
                            </button>
                        }
                    })
            }}
            <Show when=move || result.get().is_none()>
                <p class="muted small">
                    {move || {
                        let current = state.store.with(|s| s.settings.emphasis);
                        format!("Your routine now: {}.", current.label())
                    }}
                </p>
            </Show>
        </section>
    }
}

/// The emphasis to use, with the suggested one first, and the routine it gives.
#[component]
fn EmphasisChoice(suggested: Emphasis) -> impl IntoView {
    let state = use_app_state();
    let choice = RwSignal::new(suggested);
    let applied = RwSignal::new(false);
    let apply = move |_| {
        state.choose_emphasis(choice.get_untracked());
        applied.set(true);
    };
    let options = std::iter::once(suggested)
        .chain(Emphasis::ALL.into_iter().filter(move |e| *e != suggested))
        .map(|emphasis| {
            view! {
                <label class="toggle">
                    <input
                        type="radio"
                        name="emphasis"
                        prop:checked=move || choice.get() == emphasis
                        on:change=move |_| {
                            choice.set(emphasis);
                            applied.set(false);
                        }
                    />
                    <span>
                        <strong>{emphasis.label()}</strong>
                        {(emphasis == suggested).then_some(" (suggested)")}
                        <span class="muted small">{emphasis.description()}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    let phase_minutes = move || {
        state.store.with(|s| {
            let pacing = s.settings.pacing();
            let plan = s.session_plan();
            let parts: Vec<String> = Phase::ALL
                .iter()
                .zip(plan.phase_minutes(pacing))
                .map(|(phase, minutes)| format!("{} {minutes} min", phase.name()))
                .collect();
            format!(
                "Your routine: {} minutes in all: {}.",
                plan.minutes(pacing),
                parts.join(", ")
            )
        })
    };
    view! {
        <fieldset class="settings-group">
            <legend>"Emphasis for your routine"</legend>
            {options}
        </fieldset>
        {move || {
            state.store.with(|s| s.routines.in_use.clone()).map(|own| view! {
                <p class="muted small">
                    {format!("You now use your own routine, “{own}”. Choosing an emphasis switches to the suggested routine; your own stays saved in Plan.")}
                </p>
            })
        }}
        <button class="button primary" on:click=apply>"Use this emphasis"</button>
        <Show when=move || applied.get()>
            <p class="card" role="status">
                {phase_minutes} " "
                <A href=Route::Routine.href()>"See the routine"</A>
            </p>
        </Show>
    }
}
