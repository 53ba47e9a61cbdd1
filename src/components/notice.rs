use leptos::prelude::*;

use crate::domain::day::short_label;
use crate::domain::load_problem::LoadProblem;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::files;
use crate::web::route::Route;

/// Problems with saved data, shown above every page until resolved.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app_state();
    let download_kept = move |key: String| {
        if let Some(raw) = state.kept_apart(&key) {
            let name = format!("spinewise-unreadable-{}.json", clock::today());
            let _ = files::download(&name, "application/json", &raw);
        }
    };
    view! {
        <div class="notices" role="status">
            {move || {
                state
                    .load_problem
                    .get()
                    .map(|problem| {
                        // Data that could not all be read: the newest daily
                        // copy may hold it whole (data review §1 #7).
                        let restorable = matches!(
                            problem,
                            LoadProblem::Unreadable(_) | LoadProblem::SetAside(..)
                        );
                        let restore_from = restorable
                            .then(|| state.snapshot_days().first().copied())
                            .flatten();
                        let kept = match &problem {
                            LoadProblem::Unreadable(key) => {
                                Some((key.clone(), "Download the unreadable data"))
                            }
                            LoadProblem::SetAside(key, _) => {
                                Some((key.clone(), "Download your data as it was"))
                            }
                            _ => None,
                        };
                        view! {
                            <div class="notice">
                                <p>{problem.message()}</p>
                                <div class="notice-actions">
                                    {kept
                                        .map(|(key, label)| {
                                            view! {
                                                <button
                                                    class="button"
                                                    on:click=move |_| download_kept(key.clone())
                                                >
                                                    {label}
                                                </button>
                                            }
                                        })}
                                    {restore_from
                                        .map(|day| {
                                            view! {
                                                <a
                                                    class="button"
                                                    href=Route::Settings.href_to("daily-copies")
                                                    on:click=move |_| state.load_problem.set(None)
                                                >
                                                    {format!("Go to the daily copy of {}", short_label(day).replace(' ', "\u{a0}"))}
                                                </a>
                                            }
                                        })}
                                    <button
                                        class="button"
                                        on:click=move |_| state.load_problem.set(None)
                                    >
                                        "OK"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            {move || {
                state
                    .save_problem
                    .get()
                    .map(|problem| view! { <p class="notice">{problem.message()}</p> })
            }}
        </div>
    }
}
