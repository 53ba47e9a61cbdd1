use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::exercise::EquipmentSet;
use crate::domain::settings::SettingChange;
use crate::state::use_app_state;
use crate::web::route::Route;

/// A tick box for each extra the patient may have; none at first.
#[component]
pub fn EquipmentChoices() -> impl IntoView {
    let state = use_app_state();
    EquipmentSet::OPTIONAL
        .map(|item| {
            view! {
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || state.store.with(|s| s.settings.equipment.has(item))
                        on:change=move |ev| {
                            let have = event_target_checked(&ev);
                            state.change_setting(SettingChange::Equipment(item, have));
                        }
                    />
                    <span>{item.label().unwrap_or_default()}</span>
                </label>
            }
        })
        .collect_view()
}

/// The routine's emphasis and the equipment the patient has.
#[component]
pub fn YourRoutine() -> impl IntoView {
    let state = use_app_state();
    let emphasis = move || state.store.with(|s| s.settings.emphasis.label());
    view! {
        <fieldset class="settings-group" id="your-routine">
            <legend>"Your routine"</legend>
            <p>
                {move || format!("Emphasis: {}. ", emphasis())}
                <A href=Route::Assessment.href()>"Take the pattern check"</A>
                " or "
                <A href=Route::Plan.href()>"build your own routine"</A>
                "."
            </p>
            <p class="muted small">
                "Equipment you have. Exercises that need something you do not have are swapped for ones that need only the floor."
            </p>
            <EquipmentChoices />
        </fieldset>
    }
}
