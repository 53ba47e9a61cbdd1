//! Loads the store, keeps it saved, and routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::components::notice::NoticeBar;
use crate::components::update_banner::UpdateBanner;
use crate::pages::lazy::{
    Assessment, History, Plan, Readiness, Report, Routine, Safety, Settings, Trends,
};
use crate::pages::{not_found::NotFoundPage, today::TodayPage};
use crate::persist::load_and_keep_saved;
use crate::state::Pwa;
use crate::web::pwa;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = load_and_keep_saved();
    provide_context(state);
    // The patient's theme choice, applied to <html> for the stylesheet.
    Effect::new(move |_| {
        let theme = state.store.with(|s| s.settings.theme);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.attribute());
        }
    });
    provide_context(Pwa {
        update_ready: pwa::use_service_worker(),
        can_install: pwa::use_install_prompt(),
    });
    view! {
        <Router base=pwa::base_path()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header">
                <A href=pwa::href("/") attr:class="brand">"Spinewise"</A>
            </header>
            <nav class="bottom-nav" aria-label="Main">
                <A href=pwa::href("/")>"Today"</A>
                <A href=pwa::href("/routine")>"Routine"</A>
                <A href=pwa::href("/history")>"Progress"</A>
                <A href=pwa::href("/settings")>"Settings"</A>
            </nav>
            <NoticeBar />
            <UpdateBanner />
            <main id="main">
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=TodayPage />
                    <Route path=path!("/routine") view={Lazy::<Routine>::new()} />
                    <Route path=path!("/settings") view={Lazy::<Settings>::new()} />
                    <Route path=path!("/safety") view={Lazy::<Safety>::new()} />
                    <Route path=path!("/readiness") view={Lazy::<Readiness>::new()} />
                    <Route path=path!("/history") view={Lazy::<History>::new()} />
                    <Route path=path!("/trends") view={Lazy::<Trends>::new()} />
                    <Route path=path!("/report") view={Lazy::<Report>::new()} />
                    <Route path=path!("/assessment") view={Lazy::<Assessment>::new()} />
                    <Route path=path!("/plan") view={Lazy::<Plan>::new()} />
                </Routes>
            </main>
        </Router>
    }
}
