use chrono::{NaiveTime, Timelike};
use leptos::prelude::*;

use crate::domain::ics;
use crate::domain::settings::SettingChange;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::files;

/// A daily reminder through the patient's own calendar: a web app cannot
/// ring the phone at a set time, a calendar can.
#[component]
pub fn Reminder() -> impl IntoView {
    let state = use_app_state();
    let time = Memo::new(move |_| state.store.with(|s| s.settings.reminder));
    let problem = RwSignal::new(None::<&'static str>);
    let add = move |_| {
        let Some(time) = time.get_untracked() else {
            return;
        };
        let now = clock::now_ms();
        let file = ics::reminder_ics(time, clock::day_of(now), now);
        problem.set(
            files::download("spinewise-reminder.ics", "text/calendar", &file)
                .err()
                .map(|_| "The calendar file could not be made on this browser."),
        );
    };
    view! {
        <fieldset class="settings-group" id="reminder">
            <legend>"Daily reminder"</legend>
            <label class="note-field">
                <span>"Reminder time"</span>
                <input
                    type="time"
                    prop:value=move || time.get().map(clock_face).unwrap_or_default()
                    on:change=move |ev| {
                        let reminder = parse_clock_face(&event_target_value(&ev));
                        state.change_setting(SettingChange::Reminder(reminder));
                    }
                />
            </label>
            <button class="button" disabled=move || time.get().is_none() on:click=add>
                "Add to my calendar"
            </button>
            <p class="muted small">
                "Spinewise cannot ring your phone by itself, so this adds a daily event with an alarm to your calendar. \
                 If you change the time, delete the old event there. On the day, Today also reminds you after this time."
            </p>
            <p class="alert" role="alert" hidden=move || problem.get().is_none()>{move || problem.get()}</p>
        </fieldset>
    }
}

/// "07:30", as a time input shows it (without chrono's formatter, which
/// would add to the download).
fn clock_face(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A time input's "07:30"; `None` when cleared.
fn parse_clock_face(value: &str) -> Option<NaiveTime> {
    let (hours, minutes) = value.split_once(':')?;
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.get(..2)?.parse().ok()?, 0)
}
