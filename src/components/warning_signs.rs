use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::trial_card::TrialLink;
use crate::domain::{trial, warning};
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::route::Route;

/// The warning signs firing today, each with its evidence, what it means
/// and what to try. With none firing it says so, unless `only_when_firing`.
#[component]
pub fn WarningSigns(#[prop(optional)] only_when_firing: bool) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let findings = Memo::new(move |_| state.store.with(|s| warning::check(&s.journal, today)));
    move || {
        let findings = findings.get();
        if findings.is_empty() {
            return (!only_when_firing).then(|| {
                view! {
                    <section class="card signs" aria-labelledby="signs-title">
                        // Not "warning signs": in Spinewise those are the red flags
                        // of the safety check (walkthrough #19).
                        <h2 id="signs-title">"Signs the routine is not working"</h2>
                        <p>"None in your recent scores."</p>
                        <p class="muted small">
                            "Spinewise watches for four signs that a routine is not working: pain back \
                             within an hour, needing more for the same relief, feeling worse the next day, \
                             and pain rising although you train. It also watches for a big rise in pain \
                             over a week. Answer the follow-up questions after a routine so it can tell."
                        </p>
                    </section>
                }
                .into_any()
            });
        }
        let firing: Vec<_> = findings.iter().map(|f| f.sign).collect();
        let items = findings
            .into_iter()
            .map(|finding| {
                let offered = trial::offered_for(finding.sign, &firing).is_some();
                view! {
                    <li>
                        <h3>{finding.sign.title()}</h3>
                        <p>{finding.evidence}</p>
                        <p>{finding.sign.meaning()}</p>
                        <p><strong>"What to try: "</strong>{finding.sign.suggestion()}</p>
                        <TrialLink sign=finding.sign offered />
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <section class="card signs firing" aria-labelledby="signs-title">
                    <h2 id="signs-title">"Your routine may need a change"</h2>
                    <ul class="sign-list">{items}</ul>
                    <p class="muted small">
                        "These signs come from your own scores. They are not a diagnosis. "
                        <A href=Route::Report.href()>"Open the report for your clinician"</A>
                        "."
                    </p>
                </section>
            }
            .into_any(),
        )
    }
}
