//! Settings → Install: the browser's install dialog, or how to do it by hand.

use leptos::prelude::*;

use crate::state::Pwa;
use crate::web::pwa;

#[component]
pub fn Install() -> impl IntoView {
    let can_install = use_context::<Pwa>().map(|p| p.can_install);
    let offered = move || can_install.is_some_and(|c| c.get());
    let how = if pwa::is_installed() {
        "Spinewise is installed on this device."
    } else if pwa::is_ios() {
        "On iPhone or iPad: open Spinewise in Safari, tap Share, then Add to Home Screen. The home-screen app keeps its own data, apart from Safari's: export a backup here first and import it in the installed app."
    } else {
        "Use your browser's menu: Install app, or Add to Home screen."
    };
    view! {
        <section class="settings-group" aria-labelledby="install">
            <h2 id="install">"Install"</h2>
            <p class="muted small">
                "Installed, Spinewise opens from the home screen, works with no signal, and the browser is less likely to clear your data."
            </p>
            <Show when=offered fallback=move || view! { <p>{how}</p> }>
                <button class="button primary" on:click=|_| pwa::prompt_install()>
                    "Install Spinewise"
                </button>
            </Show>
        </section>
    }
}
