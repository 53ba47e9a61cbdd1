//! Settings → Your data: where it lives, export, import, snapshots, delete.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use crate::domain::backup::{self, ImportMode, MAX_IMPORT_BYTES, Preview};
use crate::domain::csv;
use crate::domain::day::short_label;
use crate::state::{AppState, use_app_state};
use crate::web::clock;
use crate::web::files;
use crate::web::folder;
use chrono::NaiveDate;

use crate::domain::decimal::{Tenths, whole};

use super::folder::BackupFolder;

/// "1.2 GB", "3.4 MB", "840 KB".
fn size_label(bytes: f64) -> String {
    match bytes {
        b if b >= 1e9 => format!("{} GB", Tenths::of(b / 1e9)),
        b if b >= 1e6 => format!("{} MB", Tenths::of(b / 1e6)),
        b => format!("{} KB", whole((b / 1e3).max(1.0))),
    }
}

/// "1 session", "3 sessions".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// "on 25 Nov" or "from 3 Oct to 25 Nov".
fn span_label(span: Option<(NaiveDate, NaiveDate)>) -> String {
    match span {
        Some((a, b)) if a == b => format!(", on {}", short_label(a)),
        Some((a, b)) => format!(", from {} to {}", short_label(a), short_label(b)),
        None => String::new(),
    }
}

/// The spreadsheet files Settings can write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Sessions,
    CheckIns,
}

fn export_table(state: AppState, what: Table) {
    let today = clock::today();
    state.store.with_untracked(|s| {
        let _ = match what {
            Table::Sessions => files::download(
                &format!("spinewise-sessions-{today}.csv"),
                "text/csv",
                &csv::sessions(&s.journal),
            ),
            Table::CheckIns => files::download(
                &format!("spinewise-checkins-{today}.csv"),
                "text/csv",
                &csv::checkins(&s.journal),
            ),
        };
    });
}

/// Where the latest backup file went.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sending {
    /// The share sheet says it went somewhere.
    Sent,
    /// The share sheet was closed.
    NotSent,
    /// Downloaded to this phone: the patient says whether it saved.
    Downloaded,
}

/// Sends the backup file through the share sheet where the browser has one
/// (the copy leaves the phone), else downloads it. It counts as a backup
/// only once the share went through or the patient says the file saved.
fn send_backup(state: AppState, sending: RwSignal<Option<Sending>>) {
    let name = format!("spinewise-backup-{}.json", clock::today());
    let json = state
        .store
        .with_untracked(|s| backup::export_json(s, clock::now_ms()));
    sending.set(None);
    spawn_local(async move {
        match files::share(&name, "application/json", &json).await {
            files::Shared::Sent => {
                state.exported();
                sending.set(Some(Sending::Sent));
            }
            files::Shared::NotSent => sending.set(Some(Sending::NotSent)),
            files::Shared::Unsupported => {
                if files::download(&name, "application/json", &json).is_ok() {
                    sending.set(Some(Sending::Downloaded));
                }
            }
        }
    });
}

/// A backup waiting for the patient to choose how to bring it in.
#[derive(Clone)]
struct Pending {
    from: String,
    preview: Preview,
}

#[component]
pub fn YourData() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<Pending>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let sending = RwSignal::new(None::<Sending>);
    let confirm_delete = RwSignal::new(false);
    let cancel_delete = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if confirm_delete.get()
            && let Some(button) = cancel_delete.get()
        {
            let _ = button.focus();
        }
    });
    let persistent = RwSignal::new(None::<bool>);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    spawn_local(async move {
        let (kept, used) = state.storage_status().await;
        persistent.set(kept);
        estimate.set(used);
    });
    let counts = Memo::new(move |_| {
        state
            .store
            .with(|s| (s.journal.sessions.len(), s.journal.checkins.len()))
    });
    let last_export = Memo::new(move |_| state.store.with(|s| s.last_export_ms));

    let offer = move |from: String, raw: &str| match backup::read(raw, clock::today()) {
        Ok(preview) => {
            problem.set(None);
            pending.set(Some(Pending { from, preview }));
        }
        Err(err) => {
            pending.set(None);
            problem.set(Some(err.to_string()));
        }
    };
    let choose_file = move |ev: leptos::ev::Event| {
        done.set(None);
        let input: HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > MAX_IMPORT_BYTES {
            pending.set(None);
            problem.set(Some(backup::ImportError::TooLarge.to_string()));
            return;
        }
        spawn_local(async move {
            match files::read_text(&file).await {
                Ok(raw) => offer(format!("the file {}", file.name()), &raw),
                Err(_) => problem.set(Some(
                    "That file could not be read. Nothing was changed.".into(),
                )),
            }
        });
    };
    // An import, restore or delete made earlier today can still be undone.
    let undoable = RwSignal::new(state.can_undo());
    let import = move |mode: ImportMode| {
        if let Some(Pending { preview, .. }) = pending.get_untracked() {
            pending.set(None);
            match state.import(&preview.store, mode) {
                Ok(()) => {
                    undoable.set(true);
                    done.set(Some(match mode {
                        ImportMode::Merge => {
                            "Imported: the backup's records were added to yours.".into()
                        }
                        ImportMode::Replace => "Imported: your data now matches the backup.".into(),
                    }));
                }
                Err(refused) => problem.set(Some(refused.message())),
            }
        }
    };
    let undo = move |_| {
        undoable.set(false);
        if state.undo_last_change() {
            problem.set(None);
            done.set(Some("Undone: your data is back as it was before.".into()));
        } else {
            problem.set(Some("There is nothing left to undo today.".into()));
        }
    };
    let snapshots = move || {
        // Re-read whenever the store changes: a save may have added today's.
        state.store.track();
        state.snapshot_days()
    };

    view! {
        <section class="settings-group data" aria-labelledby="your-data">
            <h2 id="your-data">"Your data"</h2>
            <p>
                "Everything stays on this phone: no account, no server, nothing sent anywhere. "
                {move || {
                    let (sessions, checkins) = counts.get();
                    format!("You have {} and {} saved.", count(sessions, "session"), count(checkins, "check-in"))
                }}
            </p>
            <p class="muted small">
                {move || match persistent.get() {
                    Some(true) => "The browser has agreed to keep this data.".to_string(),
                    Some(false) => "The browser may clear this data if the phone runs low on space, or (on iPhone) after 7 days without a visit. Add Spinewise to your home screen and export backups.".to_string(),
                    None => String::new(),
                }}
                " "
                {move || estimate.get().map(|(used, quota)| format!("Site storage used: {} of {}.", size_label(used), size_label(quota)))}
            </p>
            <p class="muted small">
                {move || match last_export.get() {
                    Some(at) => format!("Last backup file: {}.", short_label(clock::day_of(at))),
                    None => "No backup file exported yet.".into(),
                }}
            </p>
            <div class="button-row">
                <button class="button primary" on:click=move |_| send_backup(state, sending)>
                    "Export backup"
                </button>
                <button class="button" on:click=move |_| export_table(state, Table::Sessions)>
                    "Sessions (CSV)"
                </button>
                <button class="button" on:click=move |_| export_table(state, Table::CheckIns)>
                    "Check-ins (CSV)"
                </button>
            </div>
            {move || sending.get().map(|step| match step {
                Sending::Sent => view! {
                    <p role="status">"Backup kept. The reminder comes back in a month."</p>
                }
                    .into_any(),
                Sending::NotSent => view! {
                    <p role="status">"The backup was not sent, so it does not count yet."</p>
                }
                    .into_any(),
                Sending::Downloaded => view! {
                    <div class="card" role="status">
                        <p>
                            "The backup file is in this phone's downloads. A file on this phone is lost with the phone: email it to yourself or put it in cloud storage."
                        </p>
                        <div class="button-row">
                            <button
                                class="button primary"
                                on:click=move |_| {
                                    state.exported();
                                    sending.set(Some(Sending::Sent));
                                }
                            >
                                "The file is saved"
                            </button>
                            <button class="button quiet" on:click=move |_| sending.set(None)>
                                "It did not save"
                            </button>
                        </div>
                    </div>
                }
                    .into_any(),
            })}

            {folder::supported().then(|| view! { <BackupFolder /> })}

            <h3>"Import a backup"</h3>
            <label class="file-pick button">
                "Choose a backup file"
                <input type="file" accept=".json,application/json" on:change=choose_file />
            </label>
            <p class="alert" role="alert">{move || problem.get()}</p>
            <p role="status">{move || done.get()}</p>
            <Show when=move || undoable.get()>
                <button class="button" on:click=undo>"Undo the last import or delete"</button>
            </Show>
            {move || {
                pending
                    .get()
                    .map(|Pending { from, preview }| {
                        let span = span_label(preview.span);
                        let made = preview
                            .exported_ms
                            .map(|at| format!(" made on {}", short_label(clock::day_of(at))))
                            .unwrap_or_default();
                        view! {
                            <div class="card preview">
                                <p>
                                    {format!(
                                        "In {from}{made}: {} and {}{span}.",
                                        count(preview.sessions, "session"),
                                        count(preview.checkins, "check-in"),
                                    )}
                                </p>
                                {(preview.left_out > 0).then(|| view! {
                                    <p class="alert">
                                        {format!(
                                            "{} could not be used (damaged, repeated, or with a date that cannot be right) and will be left out.",
                                            count(preview.left_out, "record"),
                                        )}
                                    </p>
                                })}
                                <div class="button-row">
                                    <button class="button primary" on:click=move |_| import(ImportMode::Merge)>
                                        "Add to my data"
                                    </button>
                                    <button class="button" on:click=move |_| import(ImportMode::Replace)>
                                        "Replace my data"
                                    </button>
                                    <button class="button quiet" on:click=move |_| pending.set(None)>
                                        "Cancel"
                                    </button>
                                </div>
                                <p class="muted small">
                                    "Adding keeps everything you have and skips records you already have. Replacing removes what is here now."
                                </p>
                            </div>
                        }
                    })
            }}

            <h3 id="daily-copies">"Automatic daily copies"</h3>
            <p class="muted small">"Spinewise keeps a copy of your data as it was when you first used the app on each of the last 5 days."</p>
            <ul class="snapshot-list">
                {move || {
                    let days = snapshots();
                    days.is_empty().then(|| view! {
                        <li class="muted small">"None yet: the first copy is kept tomorrow, before your first change."</li>
                    })
                }}
                {move || {
                    snapshots()
                        .into_iter()
                        .map(|day| {
                            let restore = move |_| {
                                done.set(None);
                                match state.snapshot(day) {
                                    Some(raw) => offer(format!("the copy from {}", short_label(day)), &raw),
                                    None => problem.set(Some("That copy is no longer there.".into())),
                                }
                            };
                            view! {
                                <li>
                                    <span>{short_label(day)}</span>
                                    <button class="button" on:click=restore>
                                        {format!("Restore {}", short_label(day))}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>

            <h3>"Delete all data"</h3>
            <Show
                when=move || confirm_delete.get()
                fallback=move || view! {
                    <button class="button danger" on:click=move |_| confirm_delete.set(true)>
                        "Delete all data…"
                    </button>
                }
            >
                <div class="card confirm" role="alertdialog" aria-labelledby="delete-title">
                    <p id="delete-title">
                        <strong>
                            {move || {
                                let (sessions, checkins) = counts.get();
                                format!("This deletes {}, {}, your settings and the daily copies from this phone. You can undo it until midnight; after that it is gone for good.", count(sessions, "session"), count(checkins, "check-in"))
                            }}
                        </strong>
                    </p>
                    <div class="button-row">
                        <button class="button" on:click=move |_| send_backup(state, sending)>
                            "Export a backup first"
                        </button>
                        <button
                            class="button danger"
                            on:click=move |_| {
                                // A copy offered for import before the delete must not bring it back.
                                pending.set(None);
                                confirm_delete.set(false);
                                match state.delete_everything() {
                                    Ok(()) => {
                                        undoable.set(true);
                                        // The next routine would write the emptied data over the
                                        // backup in the folder: that file is the patient's copy.
                                        state.stop_folder_backups();
                                        done.set(Some("All data deleted. Backup files kept outside Spinewise are not touched.".into()));
                                    }
                                    Err(refused) => problem.set(Some(refused.message())),
                                }
                            }
                        >
                            "Delete everything"
                        </button>
                        <button
                            class="button quiet"
                            node_ref=cancel_delete
                            on:click=move |_| confirm_delete.set(false)
                        >
                            "Cancel"
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
