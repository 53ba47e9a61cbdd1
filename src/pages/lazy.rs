//! Routes whose code is not part of the first download.
//!
//! Today (and "page not found") are the only pages in the main wasm, so the
//! first screen of the day needs the least code. The release build (cargo
//! feature `split`, see `scripts/split/`) moves every other page into its own
//! wasm file that loads the first time the page opens. The service worker has
//! already cached those files, so offline this costs a few milliseconds.
//! Without the feature (tests and `cargo check`) the same routes are plain
//! functions.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::web::a11y::use_page;

/// Declares route types whose page is built by `$chunk::build`, which under
/// the `split` feature lives in its own wasm file named after `$chunk`;
/// `$chunk::fetch` only loads that file.
macro_rules! lazy_routes {
    ($($(#[$doc:meta])* $route:ident, $chunk:ident, $page:path;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        mod $chunk {
            use super::*;

            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(fetch)
            )]
            pub fn build() -> Result<Box<AnyView>, SplitLoaderError> {
                Ok(Box::new($page().into_any()))
            }

            #[cfg(not(feature = "split"))]
            pub async fn build() -> Result<Box<AnyView>, SplitLoaderError> {
                Ok(Box::new($page().into_any()))
            }

            #[cfg(not(feature = "split"))]
            pub async fn fetch() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                match $chunk::build().await {
                    Ok(page) => *page,
                    Err(_) => not_loaded(
                        || -> Fetch { Box::pin($chunk::fetch()) },
                        || -> Build { Box::pin($chunk::build()) },
                    ),
                }
            }
        }
    )*};
}

lazy_routes! {
    /// `/routine`: the overview, the player and the end of a routine.
    Routine, routine_page, crate::pages::routine::RoutinePage;
    /// `/settings`.
    Settings, settings_page, crate::pages::settings::SettingsPage;
    /// `/safety`.
    Safety, safety_page, crate::pages::safety::SafetyPage;
    Readiness, readiness_page, crate::pages::readiness::ReadinessPage;
    /// `/history`.
    History, history_page, crate::pages::progress::history::HistoryPage;
    /// `/trends`.
    Trends, trends_page, crate::pages::progress::trends::TrendsPage;
    /// `/report`.
    Report, report_page, crate::pages::report::ReportPage;
    /// `/assessment`.
    Assessment, assessment_page, crate::pages::assessment::AssessmentPage;
    /// `/plan`.
    Plan, plan_page, crate::pages::plan::PlanPage;
    /// `/setup`.
    SetUp, setup_page, crate::pages::setup::SetUpPage;
    /// `/trial`.
    Trial, trial_page, crate::pages::trial::TrialPage;
}

/// Loading a page's code.
type Fetch = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;
/// Loading a page's code if need be, then building the page.
type Build = Pin<Box<dyn Future<Output = Result<Box<AnyView>, SplitLoaderError>>>>;

/// Stands in for a page whose code could not be fetched (a first visit that
/// went offline before the service worker had cached the app, or a tab left
/// open across two updates) until "Try again" fetches it. The retry stays in
/// the app: reloading while offline would lose Today as well.
fn not_loaded(fetch: fn() -> Fetch, build: fn() -> Build) -> AnyView {
    let fetched = RwSignal::new(false);
    let failed_again = RwSignal::new(false);
    let try_again = Callback::new(move |()| {
        failed_again.set(false);
        spawn_local(async move {
            match fetch().await {
                Ok(()) => fetched.set(true),
                Err(_) => failed_again.set(true),
            }
        });
    });
    // The page is built here, in this view's reactive scope, so it finds the
    // app's context; once its code is in, `build` completes at once.
    (move || {
        let page = fetched.get().then(|| ready_now(build())).flatten();
        match page {
            Some(Ok(page)) => *page,
            _ => view! { <NotLoadedPage try_again failed_again /> }.into_any(),
        }
    })
    .into_any()
}

/// The output of a future that needs no waiting, if it is one.
fn ready_now<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

#[component]
fn NotLoadedPage(try_again: Callback<()>, failed_again: RwSignal<bool>) -> impl IntoView {
    use_page("Page not loaded");
    view! {
        <section class="page">
            <h1>"This page could not load"</h1>
            <p>
                "Spinewise could not fetch this page. Your data is safe, and Today still works. Connect to the internet once and try again; after that the whole app works offline."
            </p>
            <p role="status">{move || failed_again.get().then_some("Still no connection.")}</p>
            <button class="button primary" on:click=move |_| try_again.run(())>"Try again"</button>
        </section>
    }
}
