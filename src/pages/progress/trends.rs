use leptos::prelude::*;
use leptos_router::components::A;

use super::ProgressTabs;
use crate::components::pain_chart::PainTrend;
use crate::components::range_picker::RangePicker;
use crate::components::warning_signs::WarningSigns;
use crate::domain::day::{self, Span};
use crate::domain::decimal::Tenths;
use crate::domain::peg;
use crate::domain::trends::{self, Relief};
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;
use crate::web::route::Route;

/// The ranges offered, in days.
const RANGES: [(u32, &str); 3] = [(14, "2 weeks"), (91, "3 months"), (365, "1 year")];

/// Route `/trends`: the pain chart, what the routine does for the pain,
/// and the warning signs.
#[component]
pub fn TrendsPage() -> impl IntoView {
    use_page("Trends");
    let state = use_app_state();
    let today = clock::today();
    let days = RwSignal::new(RANGES[0].0);
    let span = Signal::derive(move || Span::ending(today, days.get()));
    let has_data = Memo::new(move |_| {
        state
            .store
            .with(|s| !s.journal.sessions.is_empty() || !s.journal.checkins.is_empty())
    });
    view! {
        <section class="page trends">
            <h1>"Trends"</h1>
            <ProgressTabs />
            <Show
                when=move || has_data.get()
                fallback=|| view! {
                    <p class="card empty">
                        "No scores yet. Give your pain before and after a routine, or use the daily \
                         check-in on Today, and your trend appears here."
                    </p>
                }
            >
                <RangePicker name="trend-range" options=&RANGES days=days />
                <PainTrend span=span />
                <ReliefSummary span=span />
                <PegTrend span=span />
            </Show>
            <WarningSigns />
            <p>
                <A href=Route::Report.href()>"Report for your clinician"</A>
                " — one printable page."
            </p>
        </section>
    }
}

/// The weekly PEG-3 beside the pain: each answered week's score, and the
/// change from the first to the last against the meaningful-change mark.
#[component]
fn PegTrend(span: Signal<Span>) -> impl IntoView {
    let state = use_app_state();
    let weeks = Memo::new(move |_| {
        let span = span.get();
        state.store.with(|s| {
            let scores = peg::scores_in(&s.peg, span).collect::<Vec<_>>();
            (scores, peg::summary(&s.peg, span))
        })
    });
    move || {
        let (scores, summary) = weeks.get();
        let summary = summary?;
        let items = scores
            .into_iter()
            .map(|(day, tenths)| {
                let score = Tenths::of(f64::from(tenths) / 10.0);
                view! { <li>{format!("{}: {score}", day::short_label(day))}</li> }
            })
            .collect_view();
        Some(view! {
            <section class="card peg-trend" aria-labelledby="peg-trend-title">
                <h2 id="peg-trend-title">"Your week in three questions (PEG-3)"</h2>
                <p>{summary.describe()}</p>
                <ul class="peg-weeks">{items}</ul>
                <p class="muted small">"0 to 10: the mean of pain, and how much it got in the way of enjoying life and of general activity."</p>
            </section>
        })
    }
}

/// How much a session eases the pain, overall and, where the routine
/// varied, by phase time and by exercise.
#[component]
fn ReliefSummary(span: Signal<Span>) -> impl IntoView {
    let state = use_app_state();
    let figures = Memo::new(move |_| {
        let span = span.get();
        state.store.with(|s| {
            let journal = &s.journal;
            (
                Relief::of(trends::sessions_in(journal, span)),
                trends::relief_by_phase(journal, span),
                trends::relief_by_exercise(journal, span),
            )
        })
    });
    move || {
        let (overall, phases, exercises) = figures.get();
        let compare = !phases.is_empty() || !exercises.is_empty();
        view! {
            <section class="card relief" aria-labelledby="relief-title">
                <h2 id="relief-title">"Relief per session"</h2>
                <p>
                    {match overall {
                        Some(relief) => format!("On average, pain is {}.", relief.describe()),
                        None => "Give your pain before and after a routine to see what it does for you.".into(),
                    }}
                </p>
                {phases
                    .into_iter()
                    .map(|phase| {
                        view! {
                            <h3>{format!("Time in {}", phase.phase.name())}</h3>
                            <ul class="plain-list">
                                {phase
                                    .by_minutes
                                    .into_iter()
                                    .map(|(minutes, relief)| {
                                        view! { <li>{format!("{minutes} min: {}", relief.describe())}</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
                {(!exercises.is_empty()).then(|| view! {
                    <h3>"By exercise"</h3>
                    <ul class="plain-list">
                        {exercises
                            .into_iter()
                            .map(|e| {
                                view! {
                                    <li>
                                        <strong>{e.exercise.name}</strong>
                                        {format!(": with it {}; without it {}.", e.with.describe(), e.without.describe())}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                })}
                {(!compare && overall.is_some()).then(|| view! {
                    <p class="muted small">
                        "When your routine changes, this compares which exercises and how much time in each phase help you most."
                    </p>
                })}
            </section>
        }
    }
}
