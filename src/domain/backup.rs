//! Backup files: what an export writes and how an import is checked before
//! anything on the phone changes.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::journal::Conflicts;
use super::store::{LoadError, Store};
use super::tidy::tidy;

/// Marks a file as a Spinewise backup.
const APP: &str = "spinewise";
/// Larger files are refused before they are read: ten years of daily use is
/// well under 2 MB.
pub const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// The largest document Spinewise saves, in characters. Browsers keep about
/// 5 M characters of localStorage per site, and the document needs room
/// beside it for an undo point and daily copies; ten years of daily use with
/// every follow-up answered is about 1.8 M (data review p10).
pub const MAX_SAVED_CHARS: usize = 2_500_000;

#[derive(Serialize)]
struct BackupFile<'a> {
    app: &'static str,
    exported_ms: i64,
    store: &'a Store,
}

/// The backup file for `store`. A routine in progress is left out: restored
/// days later it would only be a stale half-session.
pub fn export_json(store: &Store, now_ms: i64) -> String {
    let store = Store {
        active: None,
        ..store.clone()
    };
    serde_json::to_string(&BackupFile {
        app: APP,
        exported_ms: now_ms,
        store: &store,
    })
    .expect("a store always serialises")
}

/// Why a file cannot be imported; each says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    /// Characters the data would take once imported.
    TooLargeToKeep(usize),
    Truncated,
    NotABackup,
    NewerVersion(u32),
    Damaged(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge => f.write_str(
                "This file is far larger than any Spinewise backup (over 20 MB), so it was not opened.",
            ),
            ImportError::TooLargeToKeep(chars) => write!(
                f,
                "With this backup, your data would take {:.1} million characters, more than the \
                 {:.1} million Spinewise can keep on this phone. Nothing was changed. Did a very \
                 long note get pasted in?",
                millions(*chars),
                millions(MAX_SAVED_CHARS)
            ),
            ImportError::Truncated => f.write_str(
                "This backup file is incomplete: it ends part-way through. Export it again from the \
                 original device, or try an older copy.",
            ),
            ImportError::NotABackup => f.write_str(
                "This file is not a Spinewise backup. Choose a file named like \
                 spinewise-backup-2026-11-25.json.",
            ),
            ImportError::NewerVersion(v) => write!(
                f,
                "This backup was made by a newer version of Spinewise (format {v}). Update the app \
                 (reload it while online), then import again."
            ),
            ImportError::Damaged(_) => f.write_str(
                "This backup file is damaged and cannot be read. Nothing was changed. Try an \
                 older backup, or export again from the device it came from.",
            ),
        }
    }
}

fn millions(chars: usize) -> f64 {
    chars as f64 / 1e6
}

/// A checked backup, with what the patient sees before choosing to import.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub store: Store,
    pub exported_ms: Option<i64>,
    pub sessions: usize,
    pub checkins: usize,
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// Records left out: damaged, repeated, or dated outside 2000 to tomorrow.
    pub left_out: usize,
}

/// Checks a whole backup file (or a raw saved document, as kept for
/// recovery) on `today` without changing anything. Records that cannot be
/// used are left out and counted; a file with none usable is refused.
pub fn read(raw: &str, today: NaiveDate) -> Result<Preview, ImportError> {
    let doc: Value = serde_json::from_str(raw).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else if e.is_syntax() && !raw.trim_start().starts_with('{') {
            ImportError::NotABackup
        } else {
            ImportError::Damaged(e.to_string())
        }
    })?;
    let Value::Object(mut map) = doc else {
        return Err(ImportError::NotABackup);
    };
    let (store_doc, exported_ms) = match map.get("app").and_then(Value::as_str) {
        Some(APP) => (
            map.remove("store")
                .ok_or(ImportError::Damaged("no data in it".into()))?,
            map.get("exported_ms").and_then(Value::as_i64),
        ),
        Some(_) => return Err(ImportError::NotABackup),
        None if map.contains_key("schema_version") => (Value::Object(map), None),
        None => return Err(ImportError::NotABackup),
    };
    let (mut store, damaged) = Store::salvage(store_doc).map_err(|e| match e {
        LoadError::NewerSchema(v) => ImportError::NewerVersion(v),
        LoadError::Corrupt(why) => ImportError::Damaged(why),
    })?;
    // The file is itself a copy made when it was exported, whatever the
    // data inside says (walkthrough #16: importing one reset "last backup"
    // to never).
    store.last_export_ms = store.last_export_ms.max(exported_ms);
    let left_out = damaged + tidy(&mut store, today).set_aside();
    if left_out > 0 && store.journal.sessions.is_empty() && store.journal.checkins.is_empty() {
        return Err(ImportError::Damaged(format!(
            "{left_out} records unreadable, none usable"
        )));
    }
    Ok(Preview {
        left_out,
        sessions: store.journal.sessions.len(),
        checkins: store.journal.checkins.len(),
        span: store.journal.span(),
        exported_ms,
        store,
    })
}

/// Refuses data too large to be saved: importing it would fail to save,
/// and the failed save would cost the daily copies first.
pub fn fits(store: &Store) -> Result<(), ImportError> {
    let chars = store.to_json().len();
    if chars > MAX_SAVED_CHARS {
        return Err(ImportError::TooLargeToKeep(chars));
    }
    Ok(())
}

/// How an import meets the data already on the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add the backup's records to these; none is duplicated.
    Merge,
    /// Put the backup's data in place of everything here.
    Replace,
}

/// The store after importing `backup` into `current`. A routine in progress
/// on this phone keeps running either way.
/// The latest backup of either stays the last backup: both copies still
/// exist wherever they were sent.
pub fn apply(current: &Store, backup: &Store, mode: ImportMode, now_ms: i64) -> Store {
    let last_export_ms = current.last_export_ms.max(backup.last_export_ms);
    match mode {
        ImportMode::Merge => {
            let mut merged = current.clone();
            merged.add_records(backup, Conflicts::KeepMine);
            Store {
                last_export_ms,
                ..merged
            }
        }
        ImportMode::Replace => Store {
            revision: current.revision,
            // Other open tabs must not merge the old records back in, even
            // when this phone's clock is behind the generation it replaces.
            generation: now_ms.max(current.generation + 1),
            active: current.active.clone(),
            last_export_ms,
            ..backup.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::pain::Pain;
    use crate::domain::plan::{Pacing, Plan};
    use crate::domain::session::ActiveSession;

    const NOW: i64 = 1_795_650_000_000;

    use crate::domain::testing::day;

    fn store_with(days: &[u32]) -> Store {
        let mut store = Store::default();
        for &d in days {
            let start = 1_795_000_000_000 + i64::from(d) * 86_400_000;
            let session = ActiveSession::start(Plan::seed(), Pacing::default(), start);
            store
                .journal
                .record(session.finish(start + 1_080_000, |_| day(d), Pain::new(3)));
            store.journal.check_in(CheckIn {
                day: day(d),
                pain: Pain::new(4).unwrap(),
                stiffness: None,
                note: format!("day {d}"),
                updated_ms: start,
                clock: 0,
            });
        }
        store
    }

    #[test]
    fn an_export_reads_back_with_a_summary() {
        let store = store_with(&[3, 9, 20]);
        let preview = read(&export_json(&store, NOW), day(25)).unwrap();
        assert_eq!((preview.sessions, preview.checkins), (3, 3));
        assert_eq!(preview.span, Some((day(3), day(20))));
        assert_eq!(preview.exported_ms, Some(NOW));
        assert_eq!(preview.store.journal, store.journal);
    }

    #[test]
    fn importing_a_backup_keeps_the_latest_backup_date_of_either() {
        let day_ms = 86_400_000;
        // Exported before any "last backup" was noted: the file is one.
        let never_backed_up = store_with(&[3]);
        let file = read(&export_json(&never_backed_up, NOW), day(25)).unwrap();
        assert_eq!(file.store.last_export_ms, Some(NOW));
        for mode in [ImportMode::Merge, ImportMode::Replace] {
            let mut current = store_with(&[9]);
            assert_eq!(
                apply(&current, &file.store, mode, NOW).last_export_ms,
                Some(NOW)
            );
            current.last_export_ms = Some(NOW + day_ms);
            let imported = apply(&current, &file.store, mode, NOW + 2 * day_ms);
            assert_eq!(imported.last_export_ms, Some(NOW + day_ms), "{mode:?}");
        }
    }

    #[test]
    fn a_routine_in_progress_is_not_exported() {
        let mut store = store_with(&[3]);
        store.active = Some(ActiveSession::start(Plan::seed(), Pacing::default(), NOW));
        assert_eq!(
            read(&export_json(&store, NOW), day(25))
                .unwrap()
                .store
                .active,
            None
        );
    }

    #[test]
    fn a_raw_saved_document_is_accepted_too() {
        let raw = crate::domain::testing::STORED_LAYOUTS[0];
        assert_eq!(read(raw, day(28)).unwrap().sessions, 3);
    }

    #[test]
    fn damaged_records_and_impossible_dates_are_left_out_and_counted() {
        let good = export_json(&store_with(&[3, 4]), NOW);
        let one_bad_session = good.replacen(r#""pain_after":3"#, r#""pain_after":"three""#, 1);
        let preview = read(&one_bad_session, day(25)).unwrap();
        assert_eq!(
            (preview.sessions, preview.checkins, preview.left_out),
            (1, 2, 1)
        );
        let far_back = good.replacen(r#""day":"2026-11-03""#, r#""day":"-9999-01-01""#, 1);
        let preview = read(&far_back, day(25)).unwrap();
        assert_eq!(
            (preview.sessions, preview.checkins, preview.left_out),
            (1, 2, 1)
        );
        assert_eq!(read(&good, day(25)).unwrap().left_out, 0);
    }

    #[test]
    fn data_too_large_to_save_is_refused_before_anything_changes() {
        let mut store = store_with(&[3]);
        assert_eq!(fits(&store), Ok(()));
        store.journal.checkins[0].note = "x".repeat(MAX_SAVED_CHARS - 1_000);
        assert_eq!(fits(&store), Ok(()));
        store.journal.checkins[0].note = "x".repeat(3_000_000);
        let Err(ImportError::TooLargeToKeep(chars)) = fits(&store) else {
            panic!("a 3 M-character note fits");
        };
        assert!(
            ImportError::TooLargeToKeep(chars)
                .to_string()
                .starts_with("With this backup, your data would take 3.0 million characters, more than the 2.5 million")
        );
    }

    #[test]
    fn each_bad_file_gets_its_own_message() {
        let good = export_json(&store_with(&[3, 4]), NOW);
        assert_eq!(
            read(&good[..good.len() / 2], day(25)),
            Err(ImportError::Truncated)
        );
        assert_eq!(
            read("date,pain\n2026-11-25,4\n", day(25)),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            read(r#"{"name":"something else"}"#, day(25)),
            Err(ImportError::NotABackup)
        );
        assert_eq!(
            read(r#"{"app":"other","store":{}}"#, day(25)),
            Err(ImportError::NotABackup)
        );
        assert_eq!(read("[1,2,3]", day(25)), Err(ImportError::NotABackup));
        assert_eq!(
            read(
                r#"{"app":"spinewise","store":{"schema_version":99}}"#,
                day(25)
            ),
            Err(ImportError::NewerVersion(99))
        );
        let no_record_usable = good
            .replace(r#""pain_after":3"#, r#""pain_after":"three""#)
            .replace(r#""pain":4"#, r#""pain":"four""#);
        assert!(matches!(
            read(&no_record_usable, day(25)),
            Err(ImportError::Damaged(_))
        ));
        assert!(matches!(
            read(r#"{"app":"spinewise"}"#, day(25)),
            Err(ImportError::Damaged(_))
        ));
    }

    #[test]
    fn merging_an_import_adds_only_what_is_missing() {
        let current = store_with(&[3, 4]);
        let backup = store_with(&[4, 5]);
        let merged = apply(&current, &backup, ImportMode::Merge, NOW);
        assert_eq!(merged.journal.sessions.len(), 3);
        assert_eq!(merged.journal.checkins.len(), 3);
        assert_eq!(merged.generation, current.generation);
    }

    #[test]
    fn replacing_keeps_the_running_routine_and_starts_a_new_generation() {
        let mut current = store_with(&[3, 4]);
        current.active = Some(ActiveSession::start(Plan::seed(), Pacing::default(), NOW));
        let backup = store_with(&[10]);
        let replaced = apply(&current, &backup, ImportMode::Replace, NOW);
        assert_eq!(replaced.journal, backup.journal);
        assert_eq!(replaced.active, current.active);
        assert_eq!(replaced.generation, NOW);
    }

    #[test]
    fn a_replace_made_with_the_clock_behind_is_not_undone_by_an_older_tab() {
        // Review probe p5: the phone's clock is behind the last replace.
        let earlier = Store {
            generation: NOW,
            ..store_with(&[3, 4])
        };
        let replaced = apply(
            &earlier,
            &store_with(&[10]),
            ImportMode::Replace,
            NOW - 86_400_000,
        );
        assert!(replaced.generation > earlier.generation);
        assert_eq!(earlier.merge(&replaced).journal, replaced.journal);
        assert_eq!(replaced.merge(&earlier).journal, replaced.journal);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::followup::{FollowUp, FollowUpKind};
    use crate::domain::journal::DayOff;
    use crate::domain::pain::Pain;
    use crate::domain::plan::{Emphasis, Plan};
    use crate::domain::red_flags::Screening;
    use crate::domain::session::SessionRecord;
    use crate::domain::settings::{Settings, Theme};
    use crate::domain::testing::STORED_LAYOUTS;
    use crate::domain::testing::damage::damaged;
    use crate::domain::tidy::EARLIEST;
    use chrono::{Datelike, NaiveTime};
    use proptest::prelude::*;

    /// A "today" after every generated date: nothing is out of range.
    fn far_future() -> NaiveDate {
        NaiveDate::from_ymd_opt(2200, 1, 1).unwrap()
    }

    fn pains() -> impl Strategy<Value = Option<Pain>> {
        prop::option::of((0u8..=10).prop_map(|p| Pain::new(p).unwrap()))
    }

    fn stores() -> impl Strategy<Value = Store> {
        let session = (
            0i64..4_000_000_000_000,
            0u32..40_000,
            0u8..=100,
            pains(),
            pains(),
            ".*",
        )
            .prop_map(
                |(started_ms, day, done_percent, pain_before, pain_after, plan)| SessionRecord {
                    started_ms,
                    ended_ms: started_ms + 1_080_000,
                    day: NaiveDate::from_num_days_from_ce_opt(
                        EARLIEST.num_days_from_ce() + day as i32,
                    )
                    .unwrap(),
                    plan,
                    planned_secs: 1080,
                    done_percent,
                    pain_before,
                    pain_after,
                    plan_key: None,
                    extended_secs: 0,
                    hurt: Vec::new(),
                    added_ms: None,
                },
            );
        let checkin = (0u32..40_000, 0u8..=10, pains(), ".*", any::<i64>()).prop_map(
            |(day, pain, stiffness, note, updated_ms)| CheckIn {
                day: NaiveDate::from_num_days_from_ce_opt(EARLIEST.num_days_from_ce() + day as i32)
                    .unwrap(),
                pain: Pain::new(pain).unwrap(),
                stiffness,
                note,
                updated_ms,
                clock: 0,
            },
        );
        let day = |offset: u32| {
            NaiveDate::from_num_days_from_ce_opt(EARLIEST.num_days_from_ce() + offset as i32)
                .unwrap()
        };
        // A mark, or (None) the undo of one, which leaves a cleared record.
        let day_mark = (
            0u32..40_000,
            prop::option::of(prop_oneof![Just(DayOff::Rest), Just(DayOff::Flare)]),
        );
        let answer = (
            any::<prop::sample::Index>(),
            prop_oneof![
                Just(FollowUpKind::HourLater),
                Just(FollowUpKind::NextMorning)
            ],
            pains(),
            any::<i64>(),
        );
        let screening = (
            any::<i64>(),
            0u32..40_000,
            prop::collection::vec("[a-z-]{1,12}", 0..4),
            prop::option::of(any::<i64>()),
        );
        let routine = (".*", 1usize..=9);
        let settings = (
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            (0u32..=10, 0u32..=30, 50u16..=200),
            prop::sample::select(Theme::ALL.to_vec()),
            prop::sample::select(Emphasis::ALL.to_vec()),
            prop::option::of((0u32..24, 0u32..60)),
        );
        let history = (
            prop::collection::vec(session, 0..30),
            prop::collection::vec(checkin, 0..30),
            prop::collection::vec(day_mark, 0..10),
            prop::collection::vec(answer, 0..10),
        );
        let the_rest = (
            prop::collection::vec(screening, 0..4),
            prop::collection::vec(routine, 0..3),
            any::<bool>(),
            settings,
            prop::option::of(any::<i64>()),
        );
        (history, the_rest).prop_map(move |(history, the_rest)| {
            let (sessions, checkins, marks, answers) = history;
            let (screenings, routines, use_own, settings, last_export_ms) = the_rest;
            let mut store = Store::default();
            for s in sessions {
                store.journal.record(s);
            }
            for c in checkins {
                store.journal.check_in(c);
            }
            for (offset, kind) in marks {
                store.journal.mark_day(day(offset), kind);
            }
            for (which, kind, pain, answered_ms) in answers {
                if store.journal.sessions.is_empty() {
                    break;
                }
                let session = which.get(&store.journal.sessions).started_ms;
                store.journal.answer(FollowUp {
                    session,
                    kind,
                    pain,
                    answered_ms,
                    clock: 0,
                });
            }
            for (at_ms, offset, yes, checked_ms) in screenings {
                store.record_screening(Screening {
                    checked_ms,
                    ..Screening::answered(at_ms, day(offset), yes)
                });
            }
            for (name, steps) in routines {
                let mut plan = Plan::seed();
                plan.steps.truncate(steps);
                plan.name = name;
                if !store.routines.name_taken(&plan.name, None) {
                    store.routines.save(None, plan);
                }
            }
            if !use_own {
                store.routines.choose(None);
            }
            let ((sound, vibration, voice, keep_awake), numbers, theme, emphasis, reminder) =
                settings;
            let (get_ready_secs, rest_secs, voice_rate) = numbers;
            store.settings = Settings {
                sound,
                vibration,
                voice,
                keep_awake,
                get_ready_secs,
                rest_secs,
                voice_rate,
                theme,
                emphasis,
                reminder: reminder.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
                ..Settings::default()
            };
            store.last_export_ms = last_export_ms;
            store
        })
    }

    proptest! {
        #[test]
        fn any_store_survives_export_then_import_unchanged(store in stores(), now in any::<i64>()) {
            let preview = read(&export_json(&store, now), far_future()).unwrap();
            // All but the last backup, which is the file itself at the latest.
            let last_export_ms = store.last_export_ms.max(Some(now));
            prop_assert_eq!(preview.store, Store { last_export_ms, ..store });
        }

        #[test]
        fn merging_a_backup_twice_is_the_same_as_once(a in stores(), b in stores()) {
            let once = apply(&a, &b, ImportMode::Merge, 0);
            let twice = apply(&once, &b, ImportMode::Merge, 0);
            prop_assert_eq!(once, twice);
        }
    }

    /// Backup files to damage: the stores of the fixtures of every stored
    /// layout, exported.
    fn backups() -> Vec<String> {
        STORED_LAYOUTS
            .into_iter()
            .enumerate()
            .map(|(k, raw)| export_json(&Store::parse(raw).unwrap(), 1_760_000_000_000 + k as i64))
            .collect()
    }

    proptest! {
        // Random text: it rarely gets past the JSON parser, so few cases.
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn reading_any_text_as_a_backup_never_panics(raw in any::<String>()) {
            let _ = read(&raw, far_future());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12_000))]
        #[test]
        fn any_damaged_backup_is_refused_or_read_into_a_store_that_exports_back_the_same(
            raw in damaged(backups()),
        ) {
            if let Ok(preview) = read(&raw, far_future()) {
                // Exported again when it was last backed up: a file is a backup.
                let at = preview.store.last_export_ms.unwrap_or(0);
                let again = read(&export_json(&preview.store, at), far_future());
                let expected = Store { last_export_ms: Some(at), ..preview.store };
                prop_assert_eq!(again.map(|p| p.store).ok(), Some(expected));
            }
        }
    }
}
