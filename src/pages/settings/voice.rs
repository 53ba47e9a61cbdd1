use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::settings::{SettingChange, VoiceName};
use crate::domain::sort;
use crate::state::use_app_state;
use crate::web::cues;

/// The voice that reads the exercises out, from those the phone offers.
#[component]
pub fn VoicePicker() -> impl IntoView {
    let state = use_app_state();
    let synth = window().speech_synthesis().ok();
    let names = RwSignal::new(Vec::<String>::new());
    if let Some(synth) = synth.clone() {
        let refresh = move || {
            let mut found: Vec<String> = cues::voices(&synth).iter().map(|v| v.name()).collect();
            sort::sort(&mut found);
            names.set(found);
        };
        refresh();
        // Browsers load the list after the page; they say when it is ready.
        let on_change = Closure::<dyn Fn()>::new(refresh);
        if let Ok(synth) = window().speech_synthesis() {
            synth.set_onvoiceschanged(Some(on_change.as_ref().unchecked_ref()));
        }
        on_change.forget();
    }
    let chosen = Memo::new(move |_| {
        state
            .store
            .with(|s| s.settings.voice_name.map(|v| v.as_str().to_string()))
    });
    let options = move || {
        names
            .get()
            .into_iter()
            .map(|name| {
                let selected = chosen.get().as_deref() == Some(name.as_str());
                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
            })
            .collect_view()
    };
    let try_it = move |_| {
        let settings = state.store.with_untracked(|s| s.settings);
        cues::say(
            "Breathe out slowly and let your back sink into the floor.",
            &settings,
        );
    };
    view! {
        <div class="voice-picker">
            <label for="voice-name"><strong>"Voice"</strong></label>
            <select
                id="voice-name"
                on:change=move |ev| {
                    let name = event_target_value(&ev);
                    state.change_setting(SettingChange::VoiceName(VoiceName::new(&name)));
                }
            >
                <option value="" selected=move || chosen.get().is_none()>"The phone's default voice"</option>
                {options}
            </select>
            <button class="button" on:click=try_it>"Try the voice"</button>
        </div>
    }
}
