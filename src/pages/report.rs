use leptos::prelude::*;

use crate::components::pain_chart::PainTrend;
use crate::components::range_picker::RangePicker;
use crate::domain::assessment;
use crate::domain::day;
use crate::domain::day::Span;
use crate::domain::decimal::Tenths;
use crate::domain::peg::{self, PegSummary};
use crate::domain::phase::Phase;
use crate::domain::report::{self, Summary, Tally, WeekPain};
use crate::domain::tags;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;

/// The ranges offered, in days.
const RANGES: [(u32, &str); 3] = [(30, "30 days"), (91, "3 months"), (365, "1 year")];

/// Route `/report`: one printable page for a clinician.
#[component]
pub fn ReportPage() -> impl IntoView {
    use_page("Report");
    let state = use_app_state();
    let today = clock::today();
    let days = RwSignal::new(RANGES[0].0);
    let span = Signal::derive(move || Span::ending(today, days.get()));
    let summary = Memo::new(move |_| {
        state
            .store
            .with(|s| report::summarize(&s.journal, span.get(), today))
    });
    let peg = Memo::new(move |_| state.store.with(|s| peg::summary(&s.peg, span.get())));
    let used = Memo::new(move |_| {
        state
            .store
            .with(|s| report::routines_line(&report::routines_used(&s.journal, span.get())))
    });
    let followups = Memo::new(move |_| {
        state
            .store
            .with(|s| report::followups_line(&s.journal, span.get(), clock::now_ms(), clock::local))
    });
    let weekly = Memo::new(move |_| {
        state.store.with(|s| {
            report::adherence_line(report::adherence_blocks(&s.journal, span.get(), today))
        })
    });
    let pattern = Memo::new(move |_| {
        state
            .store
            .with(|s| assessment::checks_line(&s.pattern_checks))
    });
    let with_notes = RwSignal::new(false);
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="page report">
            <h1>"Back pain report"</h1>
            <p class="report-meta">
                {move || {
                    let span = span.get();
                    format!(
                        "{} to {} · made with Spinewise on {} · scores are the patient's own, 0 (none) to 10 (worst)",
                        day::dated_label(span.from),
                        day::dated_label(span.to),
                        day::dated_label(today)
                    )
                }}
            </p>
            <div class="no-print report-controls">
                <RangePicker name="report-range" options=&RANGES days=days />
                <button class="button primary" on:click=print>"Print or save as PDF"</button>
                <p class="muted small">"In the print dialog, choose “Save as PDF” to keep a file."</p>
                <label class="toggle">
                    <input type="checkbox" prop:checked=with_notes on:change=move |ev| with_notes.set(event_target_checked(&ev)) />
                    <span>"Add a page with my check-in notes and stiffness"</span>
                </label>
            </div>
            {move || summary_table(&summary.get(), peg.get(), used.get(), followups.get(), pattern.get(), weekly.get())}
            <PainTrend span=span />
            {move || signs_seen(&summary.get())}
            <Trials span />
            <CurrentPlan />
            <Screenings span today />
            {move || with_notes.get().then(|| view! { <CheckInNotes span /> })}
            <p class="muted small">
                "Spinewise is a self-help diary, not a diagnosis. Daily pain is the check-in score; without one, the answer to the next-morning question; without that, the score before the day's first routine. Days due leave out flare days, one rest day a week and today. A meaningful change is at least 2 points and 30 % (Farrar 2001)."
            </p>
        </section>
    }
}

fn one_decimal(value: Option<f32>) -> String {
    value.map_or("–".into(), |v| Tenths::of(v.into()).to_string())
}

/// "after 3 of 5 answered sessions (…)", counted as the warning sign counts.
fn tally(tally: Tally, rule: &str) -> String {
    match tally.judged {
        0 => "no answers".into(),
        n => format!("after {} of {n} answered sessions ({rule})", tally.showing),
    }
}

/// "4.1 (27 Oct – 2 Nov, 5 days scored)".
fn week(week: WeekPain) -> String {
    format!(
        "{} ({} – {}, {} scored)",
        one_decimal(week.mean),
        day::short_label(week.span.from),
        day::short_label(week.span.to),
        day::count_days(week.scores)
    )
}

fn summary_table(
    summary: &Summary,
    peg: Option<PegSummary>,
    routines_used: String,
    followups: String,
    pattern_check: String,
    weekly: String,
) -> impl IntoView + use<> {
    let rows = [
        (
            "Routines done",
            format!(
                "{} of {} due ({} %){}{weekly}",
                summary.done_days,
                day::count_days(summary.due_days),
                summary.adherence_percent(),
                if weekly.is_empty() { "" } else { "; " },
            ),
        ),
        // The streak is for motivation, not a clinical figure: it shares a row.
        (
            "Rest and flare days",
            format!(
                "{} rest, {} flare · streak {} now, best {}",
                summary.rest_days,
                summary.flare_days,
                day::count_days(summary.streak as usize),
                day::count_days(summary.best_streak as usize)
            ),
        ),
        (
            "Pain, first and last week",
            format!("{} → {}", week(summary.first_week), week(summary.last_week)),
        ),
        (
            "Change in pain",
            summary
                .pain_change
                .map_or("needs 3 scores in each week".into(), |change| {
                    change.describe()
                }),
        ),
        (
            "Pain back an hour later",
            tally(
                summary.hour_later,
                "eased 2+ points, then back to within a point",
            ),
        ),
        (
            "Worse the next morning",
            tally(
                summary.next_morning,
                "eased, then worse than a usual morning",
            ),
        ),
        // The clinical review §4.2 #2: completeness, follow-up skips apart.
        (
            "Diary completeness",
            format!(
                "{} of {} with a pain score; follow-ups answered: {followups}",
                summary.scored_days,
                day::count_days(summary.diary_days)
            ),
        ),
        ("Routines used", routines_used),
        ("Flares", report::flares_line(&summary.flares)),
        ("Tagged days", tags::days_line(&summary.tags)),
        ("Pattern check", pattern_check),
        (
            "PEG-3, weekly",
            peg.map_or("not answered".into(), PegSummary::describe),
        ),
        (
            "Relief per session",
            summary.relief.map_or("no before/after scores".into(), |r| {
                format!("pain {}, on average", r.describe())
            }),
        ),
    ];
    view! {
        <table class="report-summary">
            <caption class="sr-only">"Summary"</caption>
            <colgroup><col class="report-names" /><col /></colgroup>
            <tbody>
                {rows
                    .map(|(name, value)| view! { <tr><th scope="row">{name}</th><td>{value}</td></tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn signs_seen(summary: &Summary) -> impl IntoView + use<> {
    let items = summary
        .signs
        .iter()
        .map(|(sign, first)| {
            view! { <li>{format!("{} (first seen by {})", sign.title(), day::dated_label(*first))}</li> }
        })
        .collect_view();
    view! {
        <section class="report-section">
            <h2>"Signs that the routine is not working"</h2>
            {if summary.signs.is_empty() {
                view! { <p>"None detected in this period."</p> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }}
        </section>
    }
}

/// The two-week tries of a change with a day in the period, one line each.
#[component]
fn Trials(span: Signal<Span>) -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let lines = Memo::new(move |_| {
        let span = span.get();
        state.store.with(|s| {
            s.trials
                .iter()
                .filter(|t| report::trial_in(t, span))
                .map(|t| {
                    let outcome = t
                        .ended
                        .as_ref()
                        .map_or_else(|| s.trial_outcome(t, today), |e| e.outcome);
                    report::trial_line(t, &outcome, t.status(today))
                        + &report::other_changes_line(&t.other_changes(&s.journal, today))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let lines = lines.get();
        (!lines.is_empty()).then(|| {
            view! {
                <section class="report-section">
                    <h2>"Two-week tries of one change"</h2>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </section>
            }
        })
    }
}

/// The optional second page: each check-in of the range with a stiffness
/// score or a note. Notes are the patient's own words, so they are printed
/// only when asked for.
#[component]
fn CheckInNotes(span: Signal<Span>) -> impl IntoView {
    let state = use_app_state();
    let rows = move || {
        state.store.with(|s| {
            let span = span.get();
            let stiffness = report::stiffness_line(&s.journal, span);
            let rows = report::noted_checkins(&s.journal, span)
                .into_iter()
                .map(|c| {
                    let stiff = c
                        .stiffness
                        .map_or("–".to_string(), |p| p.score().to_string());
                    view! {
                        <tr>
                            <th scope="row">{day::short_label(c.day)}</th>
                            <td>{c.pain.score()}</td>
                            <td>{stiff}</td>
                            <td>{c.note.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            (stiffness, rows)
        })
    };
    move || {
        let (stiffness, rows) = rows();
        view! {
            <section class="report-section report-notes">
                <h2>"Check-in notes and stiffness"</h2>
                <p>{format!("Stiffness, 0 (none) to 10: {stiffness}.")}</p>
                <table class="report-notes-table">
                    <thead>
                        <tr><th scope="col">"Day"</th><th scope="col">"Pain"</th><th scope="col">"Stiffness"</th><th scope="col">"Note"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
    }
}

/// The routine as the patient does it now.
#[component]
fn CurrentPlan() -> impl IntoView {
    let state = use_app_state();
    let pacing = state.store.with_untracked(|s| s.settings.pacing());
    let plan = state.store.with_untracked(|s| s.session_plan());
    let minutes = plan.minutes(pacing);
    let phases = Phase::ALL
        .map(|phase| {
            let names: Vec<String> = plan
                .resolved()
                .filter(|(_, e)| e.phase == phase)
                .map(|(step, e)| {
                    let sides = step.sides_note(e);
                    format!("{} {} s{sides}", e.name, step.secs)
                })
                .collect();
            view! { <li><strong>{phase.name()}</strong>": "{names.join(", ")}</li> }
        })
        .collect_view();
    view! {
        <section class="report-section">
            <h2>{format!("Current routine: {} ({minutes} min a day)", plan.name)}</h2>
            <ul>{phases}</ul>
        </section>
    }
}

/// Every safety check of the period with what it meant and the advice
/// shown, and a flag when the last one is out of date.
#[component]
fn Screenings(span: Signal<Span>, today: chrono::NaiveDate) -> impl IntoView {
    let state = use_app_state();
    move || {
        state.store.with(|s| {
            let log = report::screenings(&s.screenings, span.get(), today);
            let age = match log.last_days_ago {
                None => "Not answered yet.".to_string(),
                Some(0) => "Last checked today.".to_string(),
                Some(1) => "Last checked 1 day ago.".to_string(),
                Some(days) => format!("Last checked {days} days ago."),
            };
            let flag = log
                .out_of_date()
                .then_some(" Out of date: the app asks again every 28 days.");
            // One paragraph, so the report still fits one printed page.
            let checks = log
                .checks
                .iter()
                .map(|check| {
                    let questions: Vec<&str> = check.flags().map(|f| f.question).collect();
                    let answers = if questions.is_empty() {
                        "no to every question".to_string()
                    } else {
                        format!("yes to: {}", questions.join(" "))
                    };
                    let advice = check.urgency().map(|u| format!(" Advice shown: {}", u.advice()));
                    let checked = check
                        .checked_ms
                        .map(|at| format!(" Checked by a clinician (noted {}).", day::dated_label(clock::day_of(at))));
                    view! {
                        " "
                        <strong>{format!("{}: {}", day::dated_label(check.day), report::screening_outcome(check))}</strong>
                        {format!(" · {answers}.")}
                        {advice}
                        {checked}
                    }
                })
                .collect_view();
            view! {
                <section class="report-section">
                    <h2>"Serious-symptom screening"</h2>
                    <p>{age}<strong>{flag}</strong>{checks}</p>
                </section>
            }
        })
    }
}
