//! On Today: the backup could not be written to the chosen folder after the
//! routine, and where to put it right.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::use_app_state;
use crate::web::folder::FolderProblem;
use crate::web::route::Route;

#[component]
pub fn FolderNotice() -> impl IntoView {
    let state = use_app_state();
    let failed = move || {
        state
            .folder
            .get()
            .and_then(|o| o.result.err().map(|problem| (o.name, problem)))
    };
    move || {
        failed().map(|(name, problem)| {
            // The OK is given with a tap in Settings, whose code writes.
            let action = if problem == FolderProblem::NeedsPermission {
                "Give the OK in Settings"
            } else {
                "Backup folder settings"
            };
            view! {
                <div class="card nudge" role="status">
                    <p>{problem.message(&name)}</p>
                    <A href=Route::Settings.href_to("backup-folder")>{action}</A>
                </div>
            }
        })
    }
}
