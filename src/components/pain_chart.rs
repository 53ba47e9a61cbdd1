use leptos::prelude::*;

use crate::domain::chart::{self, PainChart};
use crate::domain::day;
use crate::domain::day::Span;
use crate::domain::decimal::Tenths;
use crate::domain::report;
use crate::domain::trends;
use crate::state::use_app_state;

/// The pain trend over `span`: daily scores, their 7-day average and the
/// scores before and after each session, drawn as inline SVG, with the same
/// figures as a table for screen readers and anyone who prefers numbers.
#[component]
pub fn PainTrend(#[prop(into)] span: Signal<Span>) -> impl IntoView {
    let state = use_app_state();
    let data = Memo::new(move |_| {
        let span = span.get();
        state.store.with(|s| {
            let daily = trends::daily_pain(&s.journal, span);
            let average = trends::rolling_mean(&daily, trends::ROLLING_DAYS);
            let sessions = trends::sessions_in(&s.journal, span);
            let chart = chart::pain_chart(span, &daily, &average, sessions);
            let rows: Vec<Row> = (0..span.day_count())
                .filter_map(|at| {
                    let day = span.day(at);
                    let on_day = sessions.iter().filter(|s| s.day == day);
                    let scores =
                        |pick: fn(&crate::domain::session::SessionRecord) -> Option<u8>| {
                            on_day
                                .clone()
                                .filter_map(pick)
                                .map(|p| p.to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                    let row = Row {
                        day,
                        pain: daily[at],
                        average: average[at],
                        before: scores(|s| s.pain_before.map(|p| p.score())),
                        after: scores(|s| s.pain_after.map(|p| p.score())),
                    };
                    (row.pain.is_some() || !row.before.is_empty() || !row.after.is_empty())
                        .then_some(row)
                })
                .collect();
            (chart, rows)
        })
    });
    // The report's own first-week and last-week figures, so the two agree.
    let summary = move || {
        let span = span.get();
        state.store.with(|s| match report::pain_weeks(&s.journal, span) {
            (first, last, Some(change)) => {
                let mean = |w: report::WeekPain| Tenths::of(w.mean.unwrap_or(0.0).into());
                let (from, to) = (mean(first), mean(last));
                let direction = if from == to {
                    "no change"
                } else if change.points < 0.0 {
                    "lower"
                } else {
                    "higher"
                };
                format!(
                    "Pain trend: daily pain averaged {from} in the first week and {to} in the last week ({direction})."
                )
            }
            _ => "Pain trend: too few scores yet to compare the first and the last week (3 in each are needed).".into(),
        })
    };
    view! {
        <figure class="pain-trend">
            <svg
                viewBox=format!("0 0 {} {}", at(chart::WIDTH), at(chart::HEIGHT))
                role="img"
                aria-labelledby="trend-summary"
                class="chart"
            >
                {move || data.with(|(c, _)| drawing(c))}
            </svg>
            <figcaption>
                <p id="trend-summary">{summary}</p>
                <ul class="legend" aria-hidden="true">
                    <li><span class="key daily"></span>"Daily pain"</li>
                    <li><span class="key average"></span>"7-day average"</li>
                    <li><span class="key before"></span>"Before a session"</li>
                    <li><span class="key after"></span>"After"</li>
                </ul>
            </figcaption>
            <details class="trend-table">
                <summary>"Show the numbers"</summary>
                <table>
                    <caption class="sr-only">"Pain scores by day, 0 to 10"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Day"</th>
                            <th scope="col">"Pain"</th>
                            <th scope="col">"7-day average"</th>
                            <th scope="col">"Before"</th>
                            <th scope="col">"After"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            data.with(|(_, rows)| {
                                rows.iter().rev().map(table_row).collect_view()
                            })
                        }}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// One day of the table.
#[derive(Clone, PartialEq)]
struct Row {
    day: chrono::NaiveDate,
    pain: Option<u8>,
    average: Option<f32>,
    before: String,
    after: String,
}

fn table_row(row: &Row) -> impl IntoView + use<> {
    view! {
        <tr>
            <th scope="row">{day::short_label(row.day)}</th>
            <td>{row.pain.map(|p| p.to_string())}</td>
            <td>{row.average.map(|a| Tenths::of(f64::from(a)).to_string())}</td>
            <td>{row.before.clone()}</td>
            <td>{row.after.clone()}</td>
        </tr>
    }
}

/// An SVG coordinate as text (tenths are plenty at this size).
fn at(value: f32) -> String {
    Tenths::of(value.into()).to_string()
}

fn drawing(chart: &PainChart) -> impl IntoView + use<> {
    let grid = chart
        .y_ticks
        .iter()
        .map(|(y, label)| {
            let y_text = at(*y);
            view! {
                <line class="grid" x1=at(chart::PLOT_LEFT) x2=at(chart::PLOT_RIGHT) y1=y_text.clone() y2=y_text />
                <text class="tick" x=at(chart::PLOT_LEFT - 4.0) y=at(*y + 4.0) text-anchor="end">
                    {*label}
                </text>
            }
        })
        .collect_view();
    let dates = chart
        .x_ticks
        .iter()
        .map(|(x, label)| {
            view! {
                <text class="tick" x=at(*x) y=at(chart::HEIGHT - 4.0) text-anchor="middle">
                    {label.clone()}
                </text>
            }
        })
        .collect_view();
    view! {
        <g aria-hidden="true">
            {grid}
            {dates}
            <path class="line daily" d=chart.daily.clone() />
            <path class="line average" d=chart.average.clone() />
            <path class="links" d=chart.links.clone() />
            <path class="dots before" d=chart.before.clone() />
            <path class="dots after" d=chart.after.clone() />
        </g>
    }
}
