use leptos::prelude::*;

use crate::state::{Pwa, use_app_state};
use crate::web::pwa;

/// "A new version is ready" with a Reload button. Never reloads by itself,
/// and stays out of the way while a routine runs.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_app_state();
    let pwa_state = use_context::<Pwa>()?;
    let running = Memo::new(move |_| state.store.with(|s| s.active.is_some()));
    Some(view! {
        <Show when=move || pwa_state.update_ready.get() && !running.get()>
            <div class="notice update" role="status">
                <p>"A new version of Spinewise is ready."</p>
                <button class="button" on:click=|_| pwa::apply_update()>"Reload"</button>
            </div>
        </Show>
    })
}
