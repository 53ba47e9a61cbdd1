//! Settings → Your data → Backup folder: where the browser can write to a
//! folder the patient picks (Chrome and Edge on a computer), the backup
//! file there is rewritten after each routine.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::day::short_label;
use crate::state::use_app_state;
use crate::web::clock;
use crate::web::folder::{self, FILE_NAME};

/// The folder chosen, as the screen shows it: its name and when the backup
/// was last written there.
type Chosen = Option<(String, Option<i64>)>;

async fn read_chosen(chosen: RwSignal<Chosen>) {
    chosen.set(folder::chosen().await.map(|f| (f.name, f.written_ms)));
}

#[component]
pub fn BackupFolder() -> impl IntoView {
    let state = use_app_state();
    let chosen: RwSignal<Chosen> = RwSignal::new(None);
    // Read again after every write, which notes its time with the handle.
    Effect::new(move |_| {
        state.folder.track();
        spawn_local(read_chosen(chosen));
    });
    let choose = move |_| {
        spawn_local(async move {
            if let Some(picked) = folder::choose().await {
                state.back_up_to(picked).await;
            }
        });
    };
    let problem = move || {
        state
            .folder
            .get()
            .and_then(|o| o.result.err().map(|p| p.message(&o.name)))
    };
    let status = move || {
        chosen.get().map(|(name, written)| match written {
            Some(at) => format!(
                "Backups go to the folder “{name}” as {FILE_NAME}. Last written on {} at {}.",
                short_label(clock::day_of(at)),
                clock::time_label(at),
            ),
            None => format!("Backups go to the folder “{name}”. Nothing is written there yet."),
        })
    };

    view! {
        <h3 id="backup-folder">"Backup folder"</h3>
        <p class="muted small">
            "Spinewise can keep its backup file in a folder you choose, and write it again after each routine. Choose a folder that leaves this computer, such as one your cloud drive keeps in step, or a USB stick."
        </p>
        <p role="status">{status}</p>
        <p class="alert" role="alert">{problem}</p>
        <div class="button-row">
            <button class="button" on:click=choose>
                {move || if chosen.with(Option::is_some) { "Choose another folder" } else { "Choose a folder" }}
            </button>
            <Show when=move || chosen.with(Option::is_some)>
                <button class="button" on:click=move |_| state.back_up_to_folder()>
                    "Write the backup now"
                </button>
                <button class="button quiet" on:click=move |_| state.stop_folder_backups()>
                    "Stop using this folder"
                </button>
            </Show>
        </div>
    }
}
