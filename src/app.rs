//! Loads the store, keeps it saved, and routes.

use leptos::prelude::*;
use leptos_router::components::{A, Route as RouteEntry, Router, Routes};
use leptos_router::{Lazy, StaticSegment, path};

use crate::components::later::Later;
use crate::components::notice::NoticeBar;
use crate::components::update_banner::UpdateBanner;
use crate::pages::lazy;
use crate::pages::{not_found::NotFoundPage, today::TodayPage};
use crate::persist::keep_saved;
use crate::state::Pwa;
use crate::web::pwa;
use crate::web::route::Route;
use crate::web::storage::Loaded;

/// The whole app, around what the device had saved.
#[component]
pub fn App(loaded: Loaded) -> impl IntoView {
    let state = keep_saved(loaded);
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
    // True from a tap on a link until the new page is drawn: a page whose
    // code is still downloading shows that it is opening, never the old
    // page under the new address.
    let (opening, set_opening) = signal(false);
    view! {
        <Router base=pwa::base_path() set_is_routing=set_opening>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="app-header">
                <A href=Route::Today.href() attr:class="brand">"Spinewise"</A>
            </header>
            <nav class="bottom-nav" aria-label="Main">
                <A href=Route::Today.href()>"Today"</A>
                <A href=Route::Routine.href()>"Routine"</A>
                <A href=Route::History.href()>"Progress"</A>
                <A href=Route::Settings.href()>"Settings"</A>
            </nav>
            <NoticeBar />
            // Only an update found after `load` shows it: no need to draw it sooner.
            <Later>
                <UpdateBanner />
            </Later>
            <main id="main" aria-busy=move || opening.get().to_string()>
                <Show when=move || opening.get()>
                    <p class="page-opening" role="status">"Opening the page…"</p>
                </Show>
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <RouteEntry path=path!("/") view=TodayPage />
                    <RouteEntry path=(StaticSegment(Route::Routine.segment()),) view={Lazy::<lazy::Routine>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Settings.segment()),) view={Lazy::<lazy::Settings>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Safety.segment()),) view={Lazy::<lazy::Safety>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Readiness.segment()),) view={Lazy::<lazy::Readiness>::new()} />
                    <RouteEntry path=(StaticSegment(Route::History.segment()),) view={Lazy::<lazy::History>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Trends.segment()),) view={Lazy::<lazy::Trends>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Report.segment()),) view={Lazy::<lazy::Report>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Assessment.segment()),) view={Lazy::<lazy::Assessment>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Plan.segment()),) view={Lazy::<lazy::Plan>::new()} />
                    <RouteEntry path=(StaticSegment(Route::SetUp.segment()),) view={Lazy::<lazy::SetUp>::new()} />
                    <RouteEntry path=(StaticSegment(Route::Trial.segment()),) view={Lazy::<lazy::Trial>::new()} />
                </Routes>
            </main>
        </Router>
    }
}
