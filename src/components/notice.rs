use leptos::prelude::*;

use crate::state::use_app_state;

/// Problems with saved data, shown above every page until resolved.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="notices" role="status">
            {move || {
                state
                    .load_problem
                    .get()
                    .map(|text| {
                        view! {
                            <p class="notice">
                                {text}
                                <button
                                    class="notice-dismiss"
                                    on:click=move |_| state.load_problem.set(None)
                                >
                                    "OK"
                                </button>
                            </p>
                        }
                    })
            }}
            {move || state.save_problem.get().map(|text| view! { <p class="notice">{text}</p> })}
        </div>
    }
}
