//! Route `/settings`: how the player guides the patient, and their data.

mod data;
mod emergency;
mod folder;
mod install;
pub(crate) mod reminder;
pub(crate) mod routine;
mod voice;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::exercise_notes::StopRule;
use crate::domain::settings::{
    MAX_GET_READY_SECS, MAX_REST_SECS, SettingChange, Settings, Theme, VOICE_RATE_PERCENT,
};
use crate::state::use_app_state;
use crate::web::a11y::use_page;
use crate::web::route::Route;

/// One on/off setting as a labelled checkbox.
#[component]
fn Toggle(
    label: &'static str,
    hint: &'static str,
    get: fn(&Settings) -> bool,
    change: fn(bool) -> SettingChange,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                prop:checked=move || state.store.with(|s| get(&s.settings))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.change_setting(change(on));
                }
            />
            <span>
                <strong>{label}</strong>
                <span class="muted small">{hint}</span>
            </span>
        </label>
    }
}

/// A number setting as a labelled slider with its value shown and spoken.
#[component]
fn RangeSetting(
    label: &'static str,
    hint: &'static str,
    /// (min, max, step).
    range: (u32, u32, u32),
    /// "seconds" or "%".
    unit: &'static str,
    get: fn(&Settings) -> u32,
    change: fn(u32) -> SettingChange,
) -> impl IntoView {
    let state = use_app_state();
    let (min, max, step) = range;
    let value = Memo::new(move |_| state.store.with(|s| get(&s.settings)));
    let shown = move || match unit {
        "seconds" => format!("{} s", value.get()),
        _ => format!("{} {unit}", value.get()),
    };
    view! {
        <label class="range">
            <span>
                <strong>{label}</strong>
                <span class="muted small">{hint}</span>
            </span>
            <input
                type="range"
                min=min
                max=max
                step=step
                prop:value=move || value.get().to_string()
                aria-valuetext=move || format!("{} {unit}", value.get())
                on:input=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<u32>() {
                        state.change_setting(change(chosen));
                    }
                }
            />
            <output>{shown}</output>
            <span class="muted small full">"Applies from the next routine you start."</span>
        </label>
    }
}

/// The page's parts, by id and heading, in page order.
const SECTIONS: [(&str, &str); 7] = [
    ("during-a-routine", "During a routine"),
    ("your-routine", "Your routine"),
    ("reminder", "Daily reminder"),
    ("colours", "Colours"),
    ("safety", "Safety"),
    ("your-data", "Your data"),
    ("install", "Install"),
];

/// Route `/settings`: how the player guides the patient.
#[component]
pub fn SettingsPage() -> impl IntoView {
    use_page("Settings");
    let state = use_app_state();
    view! {
        <section class="page settings">
            <h1>"Settings"</h1>
            // A long page: its parts first, one tap from each (walkthrough #24).
            <nav class="page-index" aria-label="On this page">
                <ul>
                    {SECTIONS
                        .map(|(id, name)| view! { <li><a href=Route::Settings.href_to(id)>{name}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
            <fieldset class="settings-group" id="during-a-routine">
                <legend>"During a routine"</legend>
                <Toggle
                    label="Sound"
                    hint="Tones for 3-2-1, start, switch sides and the end of each exercise."
                    get=|s| s.sound
                    change=SettingChange::Sound
                />
                <Toggle
                    label="Vibration"
                    hint="Buzzes with the tones, on phones that support it (not iPhone)."
                    get=|s| s.vibration
                    change=SettingChange::Vibration
                />
                <Toggle
                    label="Voice"
                    hint="Reads out each exercise and when to switch sides."
                    get=|s| s.voice
                    change=SettingChange::Voice
                />
                <Toggle
                    label="Keep the screen on"
                    hint="While a routine runs. The timer stays right either way."
                    get=|s| s.keep_awake
                    change=SettingChange::KeepAwake
                />
                <RangeSetting
                    label="Get-ready time"
                    hint="Before each exercise, to get into position."
                    range=(0, MAX_GET_READY_SECS, 1)
                    unit="seconds"
                    get=|s| s.get_ready_secs
                    change=SettingChange::GetReadySecs
                />
                <RangeSetting
                    label="Rest between exercises"
                    hint="A breather after each exercise; exercises that have a longer rest keep it."
                    range=(0, MAX_REST_SECS, 5)
                    unit="seconds"
                    get=|s| s.rest_secs
                    change=SettingChange::RestSecs
                />
                <RangeSetting
                    label="Voice speed"
                    hint="100 % is the phone's normal speed."
                    range=(u32::from(*VOICE_RATE_PERCENT.start()), u32::from(*VOICE_RATE_PERCENT.end()), 10)
                    unit="%"
                    get=|s| u32::from(s.voice_rate)
                    change=SettingChange::VoiceRatePercent
                />
                <voice::VoicePicker />
            </fieldset>
            <routine::YourRoutine />
            <reminder::Reminder />
            <fieldset class="settings-group" id="colours">
                <legend>"Colours"</legend>
                {Theme::ALL
                    .map(|theme| {
                        view! {
                            <label class="toggle">
                                <input
                                    type="radio"
                                    name="theme"
                                    prop:checked=move || state.store.with(|s| s.settings.theme == theme)
                                    on:change=move |_| state.change_setting(SettingChange::Theme(theme))
                                />
                                <span>{theme.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <section class="settings-group" aria-labelledby="safety">
                <h2 id="safety">"Safety"</h2>
                <p class="muted small">"Spinewise is not medical advice."</p>
                <StopRule />
                <emergency::EmergencyNumber />
                <A href=Route::Safety.href() attr:class="button">"Check for warning signs again"</A>
                <A href=Route::Readiness.href() attr:class="button">"Change your health answers"</A>
                <A href=Route::SetUp.href() attr:class="button">"Go through the set-up again"</A>
            </section>
            <data::YourData />
            <install::Install />
        </section>
    }
}
