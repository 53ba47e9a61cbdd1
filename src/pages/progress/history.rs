use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ProgressTabs;
use crate::components::day_tags::DayTagChips;
use crate::domain::calendar::{self, CalendarDay, DayState};
use crate::domain::day;
use crate::domain::exercise;
use crate::domain::followup::FollowUpKind;
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::clock;

/// Weeks on the calendar.
const WEEKS: usize = 12;
const WEEKDAYS: [(&str, &str); 7] = [
    ("M", "Monday"),
    ("T", "Tuesday"),
    ("W", "Wednesday"),
    ("T", "Thursday"),
    ("F", "Friday"),
    ("S", "Saturday"),
    ("S", "Sunday"),
];

/// Route `/history`: twelve weeks at a glance, and any day in detail.
#[component]
pub fn HistoryPage() -> impl IntoView {
    use_page("History");
    let state = use_app_state();
    let today = clock::today();
    let weeks = Memo::new(move |_| {
        state.store.with(|s| {
            calendar::weeks(
                &s.journal,
                today,
                calendar::weeks_to_show(&s.journal, today, WEEKS),
            )
        })
    });
    let first = weeks.with_untracked(|w| w[0][0].day);
    let selected = RwSignal::new(today);
    let done = move || {
        weeks.with(|w| {
            w.iter()
                .flatten()
                .filter(|d| d.state == DayState::Done)
                .count()
        })
    };
    // Arrow keys move through the days like a date picker; one Tab stop.
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let current = selected.get_untracked();
        let weekday = u64::from(current.weekday().num_days_from_monday());
        let target = match ev.key().as_str() {
            "ArrowLeft" => current.checked_sub_days(Days::new(1)),
            "ArrowRight" => current.checked_add_days(Days::new(1)),
            "ArrowUp" => current.checked_sub_days(Days::new(7)),
            "ArrowDown" => current.checked_add_days(Days::new(7)),
            "Home" => current.checked_sub_days(Days::new(weekday)),
            "End" => current.checked_add_days(Days::new(6 - weekday)),
            _ => return,
        };
        ev.prevent_default();
        if let Some(target) = target.map(|t| t.clamp(first, today)) {
            selected.set(target);
            focus_day(target);
        }
    };
    let rows = move || {
        weeks
            .get()
            .into_iter()
            .map(|week| {
                let cells = week
                    .into_iter()
                    .map(|cell| {
                        // The month's name marks its first day, beside the button so
                        // the button's name stays the full date.
                        let month = (cell.day.day() == 1).then(|| {
                            view! { <span class="month-mark" aria-hidden="true">{day::short_month(cell.day)}</span> }
                        });
                        view! { <td>{month}{day_cell(cell, today, selected)}</td> }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <section class="page history">
            <h1>"History"</h1>
            <ProgressTabs />
            <p class="muted">
                {move || {
                    let days = state.store.with(|s| calendar::days_counted(&s.journal, today, WEEKS * 7));
                    format!("Routines done on {} of the last {}.", done(), day::count_days(days))
                }}
            </p>
            <table class="calendar" on:keydown=on_key>
                <caption class="sr-only">
                    "The last 12 weeks, Monday to Sunday. Use the arrow keys to move between days."
                </caption>
                <thead>
                    <tr>
                        {WEEKDAYS
                            .map(|(short, long)| {
                                view! {
                                    <th scope="col">
                                        <abbr title=long>{short}</abbr>
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="calendar-legend">
                {[DayState::Done, DayState::Partial, DayState::Rest, DayState::Flare, DayState::Missed]
                    .map(|state| {
                        view! {
                            <li>
                                <span class=format!("swatch {}", state.class()) aria-hidden="true"></span>
                                {state.label()}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <span class="swatch pain-key" aria-hidden="true"></span>
                    "bar: pain that day"
                </li>
            </ul>
            <DayDetails day=selected />
        </section>
    }
}

/// A day's square: a button for days up to today, empty after.
fn day_cell(cell: CalendarDay, today: NaiveDate, selected: RwSignal<NaiveDate>) -> AnyView {
    if cell.day > today {
        return view! { <span class="day future"></span> }.into_any();
    }
    let label = format!(
        "{}: {}{}",
        day::long_label(cell.day),
        cell.state.label(),
        cell.pain.map(|p| format!(", pain {p}")).unwrap_or_default()
    );

    view! {
        <button
            id=day_id(cell.day)
            class=format!("day {}", cell.state.class())
            class:today=cell.day == today
            aria-label=label
            aria-pressed=move || (selected.get() == cell.day).to_string()
            tabindex=move || if selected.get() == cell.day { "0" } else { "-1" }
            on:click=move |_| selected.set(cell.day)
        >
            <span class="day-number" aria-hidden="true">{cell.day.day()}</span>
            {cell.pain.map(|pain| view! { <span class="pain-bar" data-pain=pain></span> })}
        </button>
    }
    .into_any()
}

fn day_id(day: NaiveDate) -> String {
    format!("day-{day}")
}

fn focus_day(day: NaiveDate) {
    let button = document()
        .get_element_by_id(&day_id(day))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}

/// Everything recorded on the chosen day.
#[component]
fn DayDetails(day: RwSignal<NaiveDate>) -> impl IntoView {
    let state = use_app_state();
    let details = move || {
        let day = day.get();
        state.store.with(|s| {
            let journal = &s.journal;
            let sessions: Vec<String> = journal
                .sessions
                .iter()
                .filter(|r| r.day == day)
                .map(|r| {
                    let mut line = match r.added_ms {
                        Some(_) => format!("Routine (added later): {} % done", r.done_percent),
                        None => format!(
                            "Routine at {}: {} % done",
                            clock::time_label(r.started_ms),
                            r.done_percent
                        ),
                    };
                    if let (Some(before), Some(after)) = (r.pain_before, r.pain_after) {
                        line += &format!(", pain {} → {}", before.score(), after.score());
                    } else if let Some(before) = r.pain_before {
                        line += &format!(", pain before {}", before.score());
                    }
                    for kind in [FollowUpKind::HourLater, FollowUpKind::NextMorning] {
                        if let Some(pain) = journal.followup(r.started_ms, kind).and_then(|a| a.pain) {
                            line += &format!(", {} {}", kind.label(), pain.score());
                        }
                    }
                    let hurt: Vec<&str> = r.hurt.iter().filter_map(|id| exercise::by_id(id)).map(|e| e.name).collect();
                    if !hurt.is_empty() {
                        line += &format!("; hurt: {}", hurt.join(", "));
                    }
                    line
                })
                .collect();
            let checkin = journal.checkin_on(day).map(|c| {
                let mut line = format!("Check-in: pain {}", c.pain.value_text());
                if let Some(stiff) = c.stiffness {
                    line += &format!(", stiffness {}", stiff.score());
                }
                (line, c.note.clone())
            });
            let day_off = journal.day_off(day).map(|kind| match kind {
                crate::domain::journal::DayOff::Rest => "Marked as a rest day.",
                crate::domain::journal::DayOff::Flare => "Marked as a flare day.",
            });
            let empty = sessions.is_empty() && checkin.is_none() && day_off.is_none() && journal.tags_on(day).is_empty();
            // A day to come has nothing to tag yet.
            let tags = (day <= clock::today()).then(|| view! { <DayTagChips day legend="Anything else this day?" /> });
            let fill_in = journal.can_fill_in(day, clock::today()).then(|| {
                view! {
                    <button class="button" on:click=move |_| state.fill_in_day(day)>
                        "I did my routine this day"
                    </button>
                    <p class="muted small">"For a routine you did without the app. It counts for your streak and is kept as added later."</p>
                }
            });
            view! {
                <h2>{day::long_label(day)}</h2>
                <ul class="plain-list">
                    {sessions.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    {checkin
                        .map(|(line, note)| {
                            view! {
                                <li>
                                    {line}
                                    {(!note.is_empty()).then(|| view! { <q class="note">{note}</q> })}
                                </li>
                            }
                        })}
                    {day_off.map(|text| view! { <li>{text}</li> })}
                </ul>
                {empty.then(|| view! {
                    <p class="muted">"Nothing recorded on this day."</p>
                })}
                {fill_in}
                {tags}
            }
        })
    };
    view! { <section class="card day-details" aria-live="polite">{details}</section> }
}
