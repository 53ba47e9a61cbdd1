//! Routes whose code is not part of the first download.
//!
//! Today and the player are in the main wasm. The other pages are only
//! opened now and then, so the release build (cargo feature `split`, see
//! `scripts/split/`) moves each into its own wasm file that loads the first
//! time the page opens. The service worker has already cached those files,
//! so offline this costs a few milliseconds. Without the feature (tests and
//! `cargo check`) the same routes are plain functions.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::a11y::use_page;

/// Declares a route type whose page is built by a function that, under the
/// `split` feature, lives in its own wasm file named after the function.
macro_rules! lazy_route {
    ($(#[$doc:meta])* $route:ident, $chunk:ident, $page:path) => {
        $(#[$doc])*
        pub struct $route;

        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $chunk() -> Result<Box<AnyView>, SplitLoaderError> {
            Ok(Box::new($page().into_any()))
        }

        #[cfg(not(feature = "split"))]
        async fn $chunk() -> Result<Box<AnyView>, SplitLoaderError> {
            Ok(Box::new($page().into_any()))
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                match $chunk().await {
                    Ok(page) => *page,
                    Err(_) => NotLoadedPage().into_any(),
                }
            }
        }
    };
}

lazy_route!(
    /// `/settings`.
    Settings, settings_page, crate::pages::settings::SettingsPage
);
lazy_route!(
    /// `/safety`.
    Safety, safety_page, crate::pages::safety::SafetyPage
);
lazy_route!(
    /// `/history`.
    History, history_page, crate::pages::progress::history::HistoryPage
);
lazy_route!(
    /// `/trends`.
    Trends, trends_page, crate::pages::progress::trends::TrendsPage
);
lazy_route!(
    /// `/report`.
    Report, report_page, crate::pages::report::ReportPage
);
lazy_route!(
    /// `/assessment`.
    Assessment, assessment_page, crate::pages::assessment::AssessmentPage
);
lazy_route!(
    /// `/plan`.
    Plan, plan_page, crate::pages::plan::PlanPage
);

/// Shown when a page's file could not be fetched: only possible on a first
/// visit that went offline before the service worker had cached the app.
#[component]
fn NotLoadedPage() -> impl IntoView {
    use_page("Page not loaded");
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page">
            <h1>"This page could not load"</h1>
            <p>
                "Spinewise could not fetch this page. Your data is safe. Connect to the internet once and try again; after that the whole app works offline."
            </p>
            <button class="button primary" on:click=reload>"Try again"</button>
        </section>
    }
}
