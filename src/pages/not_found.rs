use crate::web::a11y::use_page;
use crate::web::route::Route;
use leptos::prelude::*;
use leptos_router::components::A;

/// Any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page("Page not found");
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address in Spinewise."</p>
            <A href=Route::Today.href() attr:class="button primary">"Go to Today"</A>
        </section>
    }
}
