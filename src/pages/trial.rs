//! Route `/trial`: the two-week "try one change" loop on its own page, so
//! its code loads only when opened. The change offered for a sign that
//! fired, where a running try has got to, the result with the choice to
//! keep the change or go back, and the earlier tries. The rules are
//! `domain::trial`; Today shows a one-line card that links here.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::day;
use crate::domain::trial::{self, Change, Outcome, Status, Trial};
use crate::domain::warning::{self, Sign};
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;
use crate::web::route::Route;

#[component]
pub fn TrialPage() -> impl IntoView {
    use_page("Two-week try");
    let state = use_app_state();
    let today = clock::today();
    let open = Memo::new(move |_| state.store.with(|s| s.open_trial().cloned()));
    // The signs firing today that a change would fit, each with the offer
    // or why there is none.
    let offers = Memo::new(move |_| {
        state.store.with(|s| {
            let firing = warning::firing(&s.journal, today);
            let fitting = firing.iter().copied();
            fitting
                .filter(|&sign| Change::for_sign(sign).is_some())
                .map(|sign| (sign, firing.clone()))
                .collect::<Vec<_>>()
        })
    });
    let ended_today = Memo::new(move |_| {
        state.store.with(|s| {
            s.trials
                .last()
                .and_then(|t| t.ended.as_ref())
                .filter(|e| e.on == today)
                .map(|e| e.kept)
        })
    });
    view! {
        <section class="page trial-page">
            <h1>"Two-week try"</h1>
            <p class="muted">
                "When a sign shows that your routine may not be working, Spinewise offers one change to try for two weeks. It says up front what would count as working, then shows you the figures. You choose to keep the change or go back."
            </p>
            {move || ended_today.get().map(|kept| {
                let said = if kept {
                    "You kept the change. It is your routine now, and you can change it under Routine."
                } else {
                    "Your routine from before the try is back."
                };
                view! { <p class="card nudge" role="status">{said}</p> }
            })}
            {move || match open.get() {
                Some(trial) if trial.status(today) == Status::Over => view! { <TrialResult trial /> }.into_any(),
                Some(trial) => view! { <TrialRunning trial /> }.into_any(),
                None => {
                    let offers = offers.get();
                    if offers.is_empty() && ended_today.get().is_none() {
                        view! {
                            <p class="card">
                                "No change to try right now. A change is offered here when one of the signs that a routine is not working shows in your scores."
                            </p>
                        }
                        .into_any()
                    } else {
                        offers.into_iter().map(|(sign, firing)| view! { <TrialOffer sign firing /> }).collect_view().into_any()
                    }
                }
            }}
            <EarlierTrials />
            <p><A href=Route::Today.href()>"Back to Today"</A></p>
        </section>
    }
}

/// The change offered for a sign, with the mark fixed if it starts today,
/// or why none is.
#[component]
fn TrialOffer(sign: Sign, firing: Vec<Sign>) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let (offer, baseline) = state
        .store
        .with_untracked(|s| (s.trial_offer(sign, &firing, today), s.trial_baseline(today)));
    let for_sign = format!("For the sign \u{201c}{}\u{201d}", sign.title());
    let change = match offer {
        Ok(change) => change,
        Err(why) => {
            return view! {
                <section class="card trial-offer">
                    <p class="muted small">{for_sign}</p>
                    <p>{why.describe()}</p>
                </section>
            }
            .into_any();
        }
    };
    {
        let id = format!("offer-{sign:?}");
        let heading = id.clone();
        view! {
            <section class="card trial-offer" aria-labelledby=heading>
                <p class="muted small">{for_sign}</p>
                <h2 id=id>{change.title()}</h2>
                <p>{change.description()}</p>
                <p>{trial::mark(baseline)}</p>
                <p class="muted small">
                    "It is a test, not a promise: it may help, or it may not. The change starts with today's routine, and the two weeks are counted from tomorrow. Give a pain score each day. You can go back to your routine at any time."
                </p>
                <button class="button primary" on:click=move |_| state.start_trial(sign, &firing)>
                    "Try it for two weeks"
                </button>
            </section>
        }
        .into_any()
    }
}

#[component]
fn TrialRunning(trial: Trial) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let status = trial.status(today);
    let checked = trial.clone();
    let outcome = Memo::new(move |_| state.store.with(|s| s.trial_outcome(&checked, today)));
    // Once a session of another routine has run, choosing the try's
    // routine again cannot make the comparison fair.
    let ran = trial.clone();
    let ran_other = Memo::new(move |_| {
        state
            .store
            .with(|s| ran.ran_other_routine(&s.journal, today).is_some())
    });
    view! {
        <section class="card trial" aria-labelledby="trial-title">
            <h2 id="trial-title">{format!("{} ({})", trial.change.title(), status.label())}</h2>
            <p>{trial.change.description()}</p>
            <p>{trial.mark()}</p>
            {move || outcome.get().changed_on_day.map(|day| {
                let advice = if ran_other.get() {
                    "You can stop the try, and start a new one later."
                } else {
                    "To carry on, choose the try's routine again before your next routine: under Routine, then Change the routine. Or stop the try."
                };
                view! {
                    <p class="alert">
                        {format!("Another routine was used on day {day}, so this try can no longer say if the change helped. {advice}")}
                    </p>
                }
            })}
            <p class="muted small">
                {format!(
                    "Give a pain score each day. The result comes on {}, the day after the last day.",
                    day::long_label(trial.result_day()),
                )}
            </p>
            <button class="button quiet" on:click=move |_| state.end_trial(false)>
                "Stop the try and go back"
            </button>
        </section>
    }
}

#[component]
fn TrialResult(trial: Trial) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let outcome = state
        .store
        .with_untracked(|s| s.trial_outcome(&trial, today));
    let still_seen = state
        .store
        .with_untracked(|s| warning::firing(&s.journal, today).contains(&trial.sign));
    view! {
        <section class="card trial result" aria-labelledby="trial-title">
            <h2 id="trial-title">"Your two-week try is over"</h2>
            <Figures trial=trial.clone() outcome />
            <p class="muted small">
                {format!(
                    "The sign that started it, \u{201c}{}\u{201d}, is {}.",
                    trial.sign.title(),
                    if still_seen { "still seen" } else { "not seen now" },
                )}
            </p>
            <div class="button-row">
                <button class="button" on:click=move |_| state.end_trial(true)>"Keep the change"</button>
                <button class="button" on:click=move |_| state.end_trial(false)>"Go back to my old routine"</button>
            </div>
        </section>
    }
}

/// A trial's change, its two fortnights side by side, and the verdict.
#[component]
fn Figures(trial: Trial, outcome: Outcome) -> impl IntoView {
    let state = use_app_state();
    let others = state.store.with_untracked(|s| {
        trial::other_changes_note(&trial.other_changes(&s.journal, clock::today()))
    });
    let flares = (outcome.flare_days > 0).then(|| {
        format!(
            "{} marked as flare days {} left out.",
            day::count_days(usize::from(outcome.flare_days)),
            if outcome.flare_days == 1 { "is" } else { "are" },
        )
    });
    view! {
        <p><strong>{trial.change.title()}</strong></p>
        <dl class="trial-figures">
            <dt>"The two weeks before"</dt>
            <dd>{trial.baseline.describe()}</dd>
            <dt>"The two weeks of the try"</dt>
            <dd>{outcome.during.describe()}</dd>
        </dl>
        {flares.map(|text| view! { <p class="muted small">{text}</p> })}
        <p class="trial-verdict">{outcome.verdict.describe()}</p>
        {(!others.is_empty()).then(|| view! { <p class="note">{others}</p> })}
    }
}

/// The tries that have ended, newest first, with what was chosen.
#[component]
fn EarlierTrials() -> impl IntoView {
    let state = use_app_state();
    let ended = Memo::new(move |_| {
        state.store.with(|s| {
            s.trials
                .iter()
                .rev()
                .filter_map(|t| t.ended.clone().map(|e| (t.clone(), e)))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let ended = ended.get();
        (!ended.is_empty()).then(|| {
            let items = ended
                .into_iter()
                .map(|(trial, ended)| {
                    let when = format!(
                        "{} to {}: {}",
                        day::dated_label(trial.started_on),
                        day::dated_label(ended.on),
                        if ended.kept { "kept" } else { "went back" },
                    );
                    view! {
                        <li class="card">
                            <p class="muted small">{when}</p>
                            <Figures trial outcome=ended.outcome />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>"Earlier tries"</h2>
                <ul class="trial-history">{items}</ul>
            }
        })
    }
}
