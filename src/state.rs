//! State shared by every page through context, and the actions on it.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::assessment::Answers;
use crate::domain::backup::{self, ImportError, ImportMode};
use crate::domain::checkin::CheckIn;
use crate::domain::followup::{FollowUp, FollowUpKind};
use crate::domain::journal::DayOff;
use crate::domain::load_problem::LoadProblem;
use crate::domain::pain::Pain;
use crate::domain::plan::{Emphasis, Plan};
use crate::domain::readiness::Readiness;
use crate::domain::red_flags::Screening;
use crate::domain::routines::Deleted;
use crate::domain::session::ActiveSession;
use crate::domain::settings::{PhoneNumber, SettingChange};
use crate::domain::store::Store;
use crate::domain::tags::Tag;
use crate::domain::tidy::tidy;
use crate::domain::timeline::Action;
use crate::domain::warning::Sign;
use crate::web::clock;
use crate::web::folder::{self, Folder, Outcome};
use crate::web::storage::{self, SaveError};

/// Shared by all pages; `Copy` because signals are arena handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    /// Why saved data could not be used at start-up, until dismissed.
    pub load_problem: RwSignal<Option<LoadProblem>>,
    /// Why the latest change is not saved; cleared by the next good save.
    pub save_problem: RwSignal<Option<SaveError>>,
    /// The latest backup written to the chosen folder, or why it was not.
    pub folder: RwSignal<Option<Outcome>>,
}

impl AppState {
    /// State around a loaded store, kept in memory only.
    pub fn new(store: Store) -> AppState {
        AppState {
            store: RwSignal::new(store),
            load_problem: RwSignal::new(None),
            save_problem: RwSignal::new(None),
            folder: RwSignal::new(None),
        }
    }

    /// Starts the daily routine now, unless one is already running, with
    /// the pain score given just before, if any.
    pub fn start_routine(self, pain_before: Option<Pain>) {
        self.store.update(|store| {
            if store.active.is_none() {
                let pacing = store.settings.pacing();
                let mut session =
                    ActiveSession::start(store.session_plan(), pacing, clock::now_ms());
                session.pain_before = pain_before;
                store.active = Some(session);
            }
        });
    }

    /// A tap in the player: pause, resume, skip, back, +15 s.
    pub fn act(self, action: Action) {
        let now = clock::now_ms();
        self.with_routine(|routine| routine.act(action, now));
    }

    /// "End now": the routine stops here, to be saved or carried on.
    pub fn end_routine_early(self) {
        let now = clock::now_ms();
        self.with_routine(|routine| routine.end_early(now));
    }

    /// "Carry on" after "End now".
    pub fn carry_on(self) {
        let now = clock::now_ms();
        self.with_routine(|routine| routine.carry_on(now));
    }

    /// Changes the routine in progress, if one is running.
    fn with_routine(self, change: impl FnOnce(&mut ActiveSession)) {
        self.store.update(|s| {
            if let Some(active) = s.active.as_mut() {
                change(active);
            }
        });
    }

    /// Saves the routine in progress to the journal with the pain score after.
    pub fn finish_routine(self, pain_after: Option<Pain>) {
        let now = clock::now_ms();
        self.store
            .update(|s| s.finish_active(now, clock::day_of, pain_after));
        // A finished routine is engagement the browser weighs when it decides.
        storage::ask_to_persist();
    }

    /// Keeps the answers of a safety check.
    pub fn record_screening(self, screening: Screening) {
        self.store.update(|s| s.record_screening(screening));
    }

    /// Takes back a safety check saved by a mistaken tap.
    pub fn withdraw_screening(self, at_ms: i64) {
        self.store.update(|s| s.withdraw_screening(at_ms));
    }

    /// "I have been checked": open warning-sign answers are seen to.
    pub fn mark_checked(self) {
        let now = clock::now_ms();
        self.store.update(|s| s.mark_checked(now));
    }

    /// Keeps the exercise-readiness answers; the routine follows them.
    pub fn answer_readiness(self, readiness: Readiness) {
        self.store.update(|s| s.settings.readiness = readiness);
    }

    /// One change made on the Settings page.
    pub fn change_setting(self, change: SettingChange) {
        self.store.update(|s| s.settings.apply(change));
    }

    /// Keeps today's pattern-check answers for the report.
    pub fn record_pattern_check(self, answers: Answers) {
        let today = clock::today();
        self.store
            .update(|s| s.record_pattern_check(today, answers));
    }

    /// Gives the chosen part of the routine extra time, with the suggested
    /// routine in use.
    pub fn choose_emphasis(self, emphasis: Emphasis) {
        self.store.update(|s| s.choose_emphasis(emphasis));
    }

    /// This week's PEG-3 answers, or `None` for "Not this week".
    pub fn answer_peg(self, answers: Option<[Pain; 3]>) {
        self.store.update(|s| s.answer_peg(clock::today(), answers));
    }

    /// Starts a two-week trial of the change offered for `sign`, one of
    /// the signs `firing` today.
    pub fn start_trial(self, sign: Sign, firing: &[Sign]) {
        self.store.update(|s| {
            s.start_trial(sign, firing, clock::today());
        });
    }

    /// Ends the open trial, keeping the change or going back.
    pub fn end_trial(self, keep: bool) {
        self.store.update(|s| s.end_trial(keep, clock::today()));
    }

    /// Uses `name`'s routine from now on; `None` is the suggested one.
    pub fn choose_routine(self, name: Option<String>) {
        self.store.update(|s| s.routines.choose(name));
    }

    /// Saves a routine from the builder, in place of the one it was
    /// `saved_as`, and puts it in use.
    pub fn save_routine(self, saved_as: Option<&str>, plan: Plan) {
        self.store.update(|s| s.routines.save(saved_as, plan));
    }

    /// Deletes a saved routine; what it returns puts it back.
    pub fn delete_routine(self, name: &str) -> Option<Deleted> {
        let mut deleted = None;
        self.store.update(|s| deleted = s.routines.delete(name));
        deleted
    }

    /// "Undo" after deleting a routine.
    pub fn restore_routine(self, deleted: Deleted) {
        self.store.update(|s| s.routines.restore(deleted));
    }

    /// The number the emergency button calls; `None` goes back to the
    /// one for the phone's region.
    pub fn set_emergency_number(self, number: Option<PhoneNumber>) {
        self.store.update(|s| s.settings.emergency_number = number);
    }

    /// Marks today as a rest or flare day, or clears the mark.
    pub fn mark_day(self, day: NaiveDate, kind: Option<DayOff>) {
        self.store.update(|s| s.journal.mark_day(day, kind));
    }

    /// Puts a tag on `day` or takes it off.
    pub fn tag_day(self, day: NaiveDate, tag: Tag, on: bool) {
        self.store.update(|s| s.journal.tag_day(day, tag, on));
    }

    /// Records a routine done without the app on a missed `day`, at its
    /// local noon.
    pub fn fill_in_day(self, day: NaiveDate) {
        let now = clock::now_ms();
        let noon = clock::local_noon_ms(day);
        self.store.update(|s| {
            s.fill_in_day(day, clock::day_of(now), noon, now);
        });
    }

    /// Marks an exercise of a session as having hurt, or takes it back.
    pub fn mark_hurt(self, session: i64, exercise: &str, hurt: bool) {
        self.store.update(|s| {
            s.journal.mark_hurt(session, exercise, hurt);
        });
    }

    /// Records today's check-in (replacing an earlier one today).
    pub fn check_in(self, pain: Pain, stiffness: Option<Pain>, note: String) {
        let now = clock::now_ms();
        self.store.update(|s| {
            s.journal.check_in(CheckIn {
                day: clock::day_of(now),
                pain,
                stiffness,
                note,
                updated_ms: now,
                clock: 0,
            })
        });
    }

    /// Records the answer to a follow-up question; `None` is "Not now".
    pub fn answer_followup(self, session: i64, kind: FollowUpKind, pain: Option<Pain>) {
        let answered_ms = clock::now_ms();
        self.store.update(|s| {
            s.journal.answer(FollowUp {
                session,
                kind,
                pain,
                answered_ms,
                clock: 0,
            })
        });
    }

    /// Brings a checked backup in, merged or replacing, once today's undo
    /// point is kept; refused with nothing changed when the result could
    /// not be saved or no undo point could be kept.
    pub fn import(self, backup: &Store, mode: ImportMode) -> Result<(), Refused> {
        let now = clock::now_ms();
        let current = self.store.get_untracked();
        let imported = backup::apply(&current, backup, mode, now);
        backup::fits(&imported).map_err(Refused::Import)?;
        storage::keep_undo_point(&current, clock::today()).map_err(|_| Refused::NoRoomForUndo)?;
        self.store.set(imported);
        Ok(())
    }

    /// Whether an import, restore or delete made today can be undone.
    pub fn can_undo(self) -> bool {
        storage::has_undo_point(clock::today())
    }

    /// Puts back the data as it was before today's latest import, restore
    /// or delete, as a new generation so that other tabs take it whole. A
    /// routine running now keeps running. False when there is nothing to undo.
    pub fn undo_last_change(self) -> bool {
        let today = clock::today();
        let Some(mut earlier) = storage::undo_point(today).and_then(|raw| Store::parse(&raw).ok())
        else {
            return false;
        };
        tidy(&mut earlier, today);
        let now = clock::now_ms();
        self.store.update(|s| {
            let active = s.active.take().or(earlier.active.take());
            *s = Store {
                generation: now.max(s.generation + 1),
                revision: s.revision,
                active,
                ..earlier
            };
        });
        storage::forget_undo_point();
        true
    }

    /// Notes that a backup file was just exported.
    pub fn exported(self) {
        self.store
            .update(|s| s.last_export_ms = Some(clock::now_ms()));
    }

    /// Rewrites the backup file in the folder the patient chose, if any.
    /// Best started from a tap: the browser may want the patient's OK.
    pub fn back_up_to_folder(self) {
        spawn_local(async move {
            if let Some(chosen) = folder::chosen().await {
                self.back_up_to(chosen).await;
            }
        });
    }

    /// Rewrites the backup file in `chosen`; once the file is written it
    /// counts as a backup, as a share that went through does.
    pub async fn back_up_to(self, mut chosen: Folder) {
        let now = clock::now_ms();
        let json = self.store.with_untracked(|s| backup::export_json(s, now));
        let result = chosen.write(&json, now).await;
        if result.is_ok() {
            self.exported();
        }
        self.folder.set(Some(Outcome {
            name: chosen.name,
            result: result.map(|()| now),
        }));
    }

    /// Stops writing backups to the chosen folder; the files there stay.
    pub fn stop_folder_backups(self) {
        spawn_local(async move {
            folder::forget().await;
            self.folder.set(None);
        });
    }

    /// Deletes every record, setting and snapshot, keeping only today's
    /// undo point; other tabs follow. Refused when the undo point cannot be kept.
    pub fn delete_everything(self) -> Result<(), Refused> {
        let current = self.store.get_untracked();
        storage::keep_undo_point(&current, clock::today()).map_err(|_| Refused::NoRoomForUndo)?;
        storage::delete_everything();
        self.store.set(Store {
            generation: clock::now_ms().max(current.generation + 1),
            ..Store::default()
        });
        Ok(())
    }

    /// Saved data set aside at start-up because it could not be used, to
    /// download as it was.
    pub fn kept_apart(self, key: &str) -> Option<String> {
        storage::read_raw(key)
    }

    /// Whether the browser promised to keep this site's data, and how
    /// much of its quota is used: (used, quota) in bytes.
    pub async fn storage_status(self) -> (Option<bool>, Option<(f64, f64)>) {
        (storage::is_persistent().await, storage::estimate().await)
    }

    /// Dates of the automatic daily snapshots, newest first.
    pub fn snapshot_days(self) -> Vec<NaiveDate> {
        storage::backup_days()
    }

    /// The raw snapshot of `day`, to check and restore.
    pub fn snapshot(self, day: NaiveDate) -> Option<String> {
        storage::read_backup(day)
    }
}

/// Why an import or a delete did not go ahead; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Import(ImportError),
    /// There was no room to keep the undo point first.
    NoRoomForUndo,
}

impl Refused {
    /// What to tell the patient.
    pub fn message(&self) -> String {
        match self {
            Refused::Import(err) => err.to_string(),
            Refused::NoRoomForUndo => "There is no room on this phone to keep a copy of your data \
                 first, so nothing was changed. Export a backup, free some space, then try again."
                .into(),
        }
    }
}

/// What the browser offers the installed app.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// A new version is downloaded and waits for the patient's go-ahead.
    pub update_ready: ReadSignal<bool>,
    /// The browser's own install dialog can be opened.
    pub can_install: ReadSignal<bool>,
}

/// The app's shared state; panics outside `App`.
pub fn use_app_state() -> AppState {
    expect_context()
}
