//! Progress: the history calendar and the pain trends, two tabs of one section.

pub mod history;
pub mod trends;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::route::Route;

/// The two tabs, as links so each has its own address and back button.
#[component]
fn ProgressTabs() -> impl IntoView {
    view! {
        <nav class="tabs" aria-label="Progress">
            <A href=Route::History.href()>"Calendar"</A>
            <A href=Route::Trends.href()>"Trends"</A>
            <A href=Route::Report.href()>"Report"</A>
        </nav>
    }
}
