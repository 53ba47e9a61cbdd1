//! The one document kept on the device: its layout and schema version,
//! reading it, and the changes made to it. Older layouts are brought up to
//! date in `migrate`, two copies combined in `merge`. Parsing is pure so
//! that every malformed input can be tested natively.

mod merge;
mod migrate;
mod trials;

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{self, Answers, PatternCheck};
use super::builder;
use super::checkin::CheckIn;
use super::exercise::EquipmentSet;
use super::followup::FollowUp;
use super::journal::{DayCleared, DayMark, Journal};
use super::pain::Pain;
use super::peg::{self, Peg};
use super::plan::{Emphasis, Plan, Swap};
use super::plan_log::{self, PlanRun};
use super::red_flags::Screening;
use super::routines::Routines;
use super::session::{ActiveSession, SessionRecord};
use super::settings::Settings;
use super::tags::DayTags;
use super::trial::Trial;

use migrate::CURRENT_PREFIX;
pub use migrate::migrate;

/// A routine with no activity for this long is over (three hours: a
/// paused routine resumed after lunch still runs, one left overnight not).
pub const IDLE_CLOSE_MS: i64 = 3 * 60 * 60_000;

/// Version of the document layout this app writes.
pub const SCHEMA_VERSION: u32 = 9;

/// Everything Spinewise keeps.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "Wire")]
pub struct Store {
    pub schema_version: u32,
    /// Bumped on every save, so two tabs can tell whose copy is newer.
    pub revision: u64,
    /// Changes only when all data is deleted or replaced by an import; a
    /// copy from another generation is never merged back in.
    pub generation: i64,
    /// Sessions and check-ins, stored at the top level of the document.
    pub journal: Journal,
    /// The routine in progress, if any.
    pub active: Option<ActiveSession>,
    pub settings: Settings,
    /// When the patient last exported a backup file.
    pub last_export_ms: Option<i64>,
    /// Red-flag screenings, oldest first.
    pub screenings: Vec<Screening>,
    /// The patient's own routines and which one is in use.
    pub routines: Routines,
    /// Two-week trials of a change to the routine, oldest first; at most
    /// one is open (see `Store::close_superseded_trials`).
    pub trials: Vec<Trial>,
    /// The weekly PEG-3 answers and skips, in day order.
    pub peg: Vec<Peg>,
    /// The pattern checks answered, one a day at most, in day order.
    pub pattern_checks: Vec<PatternCheck>,
}

/// The stored layout. Written out rather than `#[serde(flatten)]`, which
/// would make reading ten years of history several times slower. Three
/// guards keep the lists in step: `From<Wire>` builds `Store` field by field
/// (a field missing here does not compile), the newest fixture holds every
/// key and must come back from `to_json` (`WireRef`), and the shards' head
/// is read with this same layout.
#[derive(Deserialize)]
struct Wire {
    schema_version: u32,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    generation: i64,
    #[serde(default)]
    sessions: Vec<SessionRecord>,
    #[serde(default)]
    checkins: Vec<CheckIn>,
    #[serde(default)]
    days_off: Vec<DayMark>,
    #[serde(default)]
    days_cleared: Vec<DayCleared>,
    #[serde(default)]
    followups: Vec<FollowUp>,
    #[serde(default)]
    routines_run: Vec<PlanRun>,
    #[serde(default)]
    tags: Vec<DayTags>,
    #[serde(default)]
    active: Option<ActiveSession>,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    last_export_ms: Option<i64>,
    #[serde(default)]
    screenings: Vec<Screening>,
    #[serde(default)]
    plans: Vec<Plan>,
    #[serde(default)]
    active_plan: Option<String>,
    #[serde(default)]
    trials: Vec<Trial>,
    #[serde(default)]
    peg: Vec<Peg>,
    #[serde(default)]
    pattern_checks: Vec<PatternCheck>,
}

impl From<Wire> for Store {
    fn from(wire: Wire) -> Store {
        Store {
            schema_version: wire.schema_version,
            revision: wire.revision,
            generation: wire.generation,
            journal: Journal {
                sessions: wire.sessions,
                checkins: wire.checkins,
                days_off: wire.days_off,
                days_cleared: wire.days_cleared,
                followups: wire.followups,
                routines_run: wire.routines_run,
                tags: wire.tags,
            },
            active: wire.active,
            settings: wire.settings,
            last_export_ms: wire.last_export_ms,
            screenings: wire.screenings,
            routines: Routines {
                saved: wire.plans,
                in_use: wire.active_plan,
            },
            trials: wire.trials,
            peg: wire.peg,
            pattern_checks: wire.pattern_checks,
        }
    }
}

impl Serialize for Store {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct WireRef<'a> {
            schema_version: u32,
            revision: u64,
            generation: i64,
            sessions: &'a [SessionRecord],
            checkins: &'a [CheckIn],
            days_off: &'a [DayMark],
            #[serde(skip_serializing_if = "<[DayCleared]>::is_empty")]
            days_cleared: &'a [DayCleared],
            followups: &'a [FollowUp],
            routines_run: &'a [PlanRun],
            tags: &'a [DayTags],
            active: &'a Option<ActiveSession>,
            settings: &'a Settings,
            last_export_ms: Option<i64>,
            screenings: &'a [Screening],
            plans: &'a [Plan],
            active_plan: &'a Option<String>,
            trials: &'a [Trial],
            peg: &'a [Peg],
            pattern_checks: &'a [PatternCheck],
        }
        WireRef {
            schema_version: self.schema_version,
            revision: self.revision,
            generation: self.generation,
            sessions: &self.journal.sessions,
            checkins: &self.journal.checkins,
            days_off: &self.journal.days_off,
            days_cleared: &self.journal.days_cleared,
            followups: &self.journal.followups,
            routines_run: &self.journal.routines_run,
            tags: &self.journal.tags,
            active: &self.active,
            settings: &self.settings,
            last_export_ms: self.last_export_ms,
            screenings: &self.screenings,
            plans: &self.routines.saved,
            active_plan: &self.routines.in_use,
            trials: &self.trials,
            peg: &self.peg,
            pattern_checks: &self.pattern_checks,
        }
        .serialize(serializer)
    }
}

impl Default for Store {
    fn default() -> Self {
        Store {
            schema_version: SCHEMA_VERSION,
            revision: 0,
            generation: 0,
            journal: Journal::default(),
            active: None,
            settings: Settings::default(),
            last_export_ms: None,
            screenings: Vec::new(),
            routines: Routines::default(),
            trials: Vec::new(),
            peg: Vec::new(),
            pattern_checks: Vec::new(),
        }
    }
}

/// Why saved data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not a Spinewise document, or damaged.
    Corrupt(String),
    /// Written by a newer version of the app, which this one must not overwrite.
    NewerSchema(u32),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Corrupt(why) => write!(f, "saved data is unreadable ({why})"),
            LoadError::NewerSchema(v) => {
                write!(
                    f,
                    "saved data is from a newer version of Spinewise (format {v})"
                )
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl Store {
    /// Reads a stored document of this or any older version.
    pub fn parse(raw: &str) -> Result<Store, LoadError> {
        let corrupt = |e: serde_json::Error| LoadError::Corrupt(e.to_string());
        // The usual case, a document this version wrote (the version is its
        // first field), is read straight into the types; anything else goes
        // through the slower generic migration.
        if raw.starts_with(CURRENT_PREFIX) {
            return serde_json::from_str(raw).map_err(corrupt);
        }
        Store::from_value(serde_json::from_str(raw).map_err(corrupt)?)
    }

    /// Reads an already parsed document of this or any older version.
    pub fn from_value(doc: Value) -> Result<Store, LoadError> {
        serde_json::from_value(migrate(doc)?).map_err(|e| LoadError::Corrupt(e.to_string()))
    }

    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a store always serialises")
    }

    /// Gives the chosen part of the routine extra time and follows the
    /// suggested routine again: a suggestion replaces the patient's own
    /// routine only by this explicit choice.
    pub fn choose_emphasis(&mut self, emphasis: Emphasis) {
        self.settings.emphasis = emphasis;
        self.routines.choose(None);
    }

    /// The routine for the chosen emphasis and equipment.
    pub fn suggested_plan(&self) -> Plan {
        Plan::for_emphasis(self.settings.emphasis, self.settings.equipment)
    }

    /// The routine in use: the patient's own when one is chosen and can
    /// run, otherwise the suggested one.
    pub fn chosen_plan(&self) -> Plan {
        self.own_plan().unwrap_or_else(|| self.suggested_plan())
    }

    /// The patient's chosen routine, when there is one and it can run.
    fn own_plan(&self) -> Option<Plan> {
        self.routines
            .in_use
            .as_deref()
            .and_then(|name| self.routines.named(name))
            .filter(|plan| self.check_plan(plan).can_save())
            .cloned()
    }

    /// The routine in use before any swap: the patient's own, or the
    /// emphasis routine as designed, so that the session and its list of
    /// swaps come from one pass over the same exercises.
    fn unswapped_plan(&self) -> Plan {
        self.own_plan()
            .unwrap_or_else(|| Plan::for_emphasis(self.settings.emphasis, EquipmentSet::ALL))
    }

    /// The builder's verdict on `plan` as it would run with these settings
    /// (equipment and readiness swaps, rest and count-in included).
    pub fn check_plan(&self, plan: &Plan) -> builder::Check {
        builder::check(&self.settings.session_plan(plan), self.settings.pacing())
    }

    /// Keeps a screening's answers, in time order.
    pub fn record_screening(&mut self, screening: Screening) {
        self.screenings.retain(|s| s.at_ms != screening.at_ms);
        let at = self
            .screenings
            .partition_point(|s| s.at_ms < screening.at_ms);
        self.screenings.insert(at, screening);
    }

    /// Takes back a screening saved a moment ago by a mistaken tap.
    pub fn withdraw_screening(&mut self, at_ms: i64) {
        self.screenings.retain(|s| s.at_ms != at_ms);
    }

    /// "I have been checked": every open yes answer is marked as seen to.
    pub fn mark_checked(&mut self, now_ms: i64) {
        for screening in &mut self.screenings {
            if screening.urgency().is_some() && screening.checked_ms.is_none() {
                screening.checked_ms = Some(now_ms);
            }
        }
    }

    /// What the next session runs: the chosen routine with the equipment
    /// and readiness swaps and rest from settings.
    pub fn session_plan(&self) -> Plan {
        self.settings.session_plan(&self.unswapped_plan())
    }

    /// What the next session swaps, and why, for the routine overview.
    pub fn session_swaps(&self) -> Vec<Swap> {
        self.settings.session_swaps(&self.unswapped_plan())
    }

    /// A routine nothing has happened in for [`IDLE_CLOSE_MS`] (the phone
    /// died, the tab was closed, the patient walked away) is saved to the
    /// journal as far as it got. Decided by its last activity, not the
    /// calendar: a routine running at midnight carries on after a reload.
    /// Returns whether one was closed.
    pub fn close_stale_session(&mut self, now_ms: i64, day_of: impl Fn(i64) -> NaiveDate) -> bool {
        let stale = self
            .active
            .as_ref()
            .is_some_and(|a| now_ms - a.last_activity_ms(now_ms) > IDLE_CLOSE_MS);
        if let Some(mut active) = self.active.take_if(|_| stale) {
            // Unfinished and idle means it sat paused: it ended at the last tap.
            let finished = active.position(&active.timeline(), now_ms).is_finished();
            if !finished && active.ended_early_ms.is_none() {
                active.ended_early_ms = Some(
                    active
                        .controls
                        .last()
                        .map_or(active.started_ms, |c| c.at_ms),
                );
            }
            self.active = Some(active);
            self.finish_active(now_ms, &day_of, None);
        }
        stale
    }

    /// Saves the routine in progress to the journal, with its steps in the
    /// plan log; does nothing when none is running.
    pub fn finish_active(
        &mut self,
        now_ms: i64,
        day_of: impl Fn(i64) -> NaiveDate,
        pain_after: Option<Pain>,
    ) {
        if let Some(active) = self.active.take() {
            self.journal.remember_plan(&active.plan.steps);
            self.journal
                .record(active.finish(now_ms, day_of, pain_after));
        }
    }

    /// Records `day` as a full routine done without the app, marked as
    /// added at `now_ms`, when [`Journal::can_fill_in`] allows it; it
    /// counts for the streak like any other. `started_ms` places it in the
    /// day (the caller's local noon); false when nothing was added.
    ///
    /// [`Journal::can_fill_in`]: crate::domain::journal::Journal::can_fill_in
    pub fn fill_in_day(
        &mut self,
        day: NaiveDate,
        today: NaiveDate,
        started_ms: i64,
        now_ms: i64,
    ) -> bool {
        if !self.journal.can_fill_in(day, today) {
            return false;
        }
        let plan = self.session_plan();
        let pacing = self.settings.pacing();
        let planned_secs = plan.total_secs(pacing);
        let mut started_ms = started_ms;
        // The start is the record's identity: never take another's.
        while self.journal.session(started_ms).is_some() {
            started_ms += 1;
        }
        self.journal.remember_plan(&plan.steps);
        self.journal.record(SessionRecord {
            started_ms,
            ended_ms: started_ms + i64::from(planned_secs) * 1000,
            day,
            plan: plan.name.clone(),
            planned_secs,
            done_percent: 100,
            pain_before: None,
            pain_after: None,
            plan_key: Some(plan_log::key_of(&plan.steps)),
            extended_secs: 0,
            hurt: Vec::new(),
            added_ms: Some(now_ms),
        });
        true
    }

    /// This week's PEG-3 answers, or a skip (`None`), kept for `day`.
    pub fn answer_peg(&mut self, day: NaiveDate, answers: Option<[Pain; 3]>) {
        peg::record(&mut self.peg, Peg { day, answers });
    }

    /// Keeps a pattern check's answers on `day`, for the report.
    pub fn record_pattern_check(&mut self, day: NaiveDate, answers: Answers) {
        assessment::record(&mut self.pattern_checks, PatternCheck { day, answers });
    }

    /// Whether Today offers the first-run set-up: a new patient, with
    /// nothing logged yet, who has neither finished nor skipped it.
    pub fn offers_set_up(&self) -> bool {
        !self.settings.set_up
            && self.journal.sessions.is_empty()
            && self.journal.checkins.is_empty()
    }

    /// Past the reminder time on `today` (`now` is the local time) with
    /// nothing done: no routine, none running, no rest or flare mark.
    pub fn reminder_due(&self, now: NaiveTime, today: NaiveDate) -> bool {
        self.settings.reminder.is_some_and(|at| now >= at)
            && !self.journal.done_on(today)
            && self.journal.day_off(today).is_none()
            && self.active.is_none()
    }

    /// Worth suggesting a backup file: a week of records (sessions or
    /// check-ins) and none sent off in the last 30 days. A phone that dies
    /// should cost a month at most.
    pub fn backup_due(&self, now_ms: i64) -> bool {
        const MONTH_MS: i64 = 30 * 86_400_000;
        self.journal.sessions.len() + self.journal.checkins.len() >= 7
            && self.last_export_ms.is_none_or(|at| now_ms - at > MONTH_MS)
    }

    /// The same data, ignoring the save counter.
    pub fn same_data(&self, other: &Store) -> bool {
        Store {
            revision: 0,
            ..self.clone()
        } == Store {
            revision: 0,
            ..other.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::{Conflicts, DayOff};
    use crate::domain::plan::Pacing;
    use crate::domain::testing::STORED_LAYOUTS;

    const V1_FIXTURE: &str = STORED_LAYOUTS[0];
    const V2_FIXTURE: &str = STORED_LAYOUTS[1];
    const V3_FIXTURE: &str = STORED_LAYOUTS[2];
    const V4_FIXTURE: &str = STORED_LAYOUTS[3];
    const V5_FIXTURE: &str = STORED_LAYOUTS[4];
    const V6_FIXTURE: &str = STORED_LAYOUTS[5];
    const V7_FIXTURE: &str = STORED_LAYOUTS[6];
    const V8_FIXTURE: &str = STORED_LAYOUTS[7];

    use crate::domain::testing::day;

    fn sample() -> Store {
        let mut store = Store::default();
        let mut done = ActiveSession::start(Plan::seed(), Pacing::default(), 1_795_600_000_000);
        done.pain_before = Pain::new(5);
        store
            .journal
            .record(done.finish(1_795_602_000_000, |_| day(25), Pain::new(3)));
        store.journal.check_in(CheckIn {
            day: day(25),
            pain: Pain::new(4).unwrap(),
            stiffness: Pain::new(6),
            note: "Stiff after the drive, \"better\" by lunch,\nslept well.".into(),
            updated_ms: 1_795_610_000_000,
            clock: 0,
        });
        store.active = Some(ActiveSession::start(
            Plan::seed(),
            Pacing::default(),
            1_795_700_000_000,
        ));
        store.revision = 12;
        store
    }

    #[test]
    fn a_store_round_trips_through_json() {
        let store = sample();
        assert_eq!(Store::parse(&store.to_json()), Ok(store));
    }

    #[test]
    fn a_version_1_document_migrates_with_nothing_lost() {
        let store = Store::parse(V1_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.sessions.len(), 3);
        let pains: Vec<_> = store
            .journal
            .sessions
            .iter()
            .map(|s| {
                (
                    s.pain_before.map(Pain::score),
                    s.pain_after.map(Pain::score),
                )
            })
            .collect();
        assert_eq!(
            pains,
            [(Some(6), Some(4)), (None, Some(3)), (Some(5), None)]
        );
        assert_eq!(store.journal.sessions[2].done_percent, 22);
        let active = store.active.as_ref().unwrap();
        assert_eq!(active.controls.len(), 3);
        assert_eq!(active.pain_before, Pain::new(7));
        assert_eq!(active.pacing.get_ready_secs, 3);
        assert!(!store.settings.voice);
        assert!(store.journal.checkins.is_empty());
        // Every value of the old document is still there after migration
        // (new fields may have been added beside them).
        let old: Value = serde_json::from_str(V1_FIXTURE).unwrap();
        let new: Value = serde_json::from_str(&store.to_json()).unwrap();
        assert_contains(&old["journal"]["sessions"], &new["sessions"]);
        assert_contains(&old["active"], &new["active"]);
        assert_contains(&old["settings"], &new["settings"]);
    }

    #[test]
    fn a_version_2_document_migrates_with_nothing_lost() {
        let store = Store::parse(V2_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.sessions.len(), 2);
        assert_eq!(store.journal.sessions[1].plan_key, None);
        assert!(store.journal.followups.is_empty() && store.journal.routines_run.is_empty());
        assert_keeps_every_field(V2_FIXTURE, &store);
    }

    #[test]
    fn a_version_3_document_migrates_with_nothing_lost() {
        let store = Store::parse(V3_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.followups.len(), 2);
        assert_eq!(store.routines.saved.len(), 1);
        // Answers to questions this version no longer asks still read.
        let urgency = store.screenings[1].urgency();
        assert_eq!(urgency, Some(super::super::red_flags::Urgency::Emergency));
        assert_eq!(store.screenings[1].checked_ms, None);
        assert_eq!(store.settings.emergency_number, None);
        assert_eq!(store.journal.sessions[0].extended_secs, 0);
        // A saved 600 s dead hang stays saved as it was; only the player caps it.
        assert_eq!(store.routines.saved[0].steps[0].secs, 600);
        assert_keeps_every_field(V3_FIXTURE, &store);
    }

    #[test]
    fn a_version_5_document_migrates_with_nothing_lost() {
        let store = Store::parse(V5_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.checkins[0].clock, 3);
        assert_eq!(store.journal.days_cleared[0].clock, 4);
        assert_eq!(store.journal.days_off.len(), 1);
        assert_keeps_every_field(V5_FIXTURE, &store);
    }

    #[test]
    fn a_filled_in_day_is_a_full_routine_added_later_that_mends_the_streak() {
        use crate::domain::testing::day;
        let mut store = Store::default();
        for d in 20..=23 {
            store.journal.record(SessionRecord::sample(day(d)));
        }
        assert_eq!(store.journal.streak(day(25)), 0, "24 November was missed");
        let noon = SessionRecord::sample(day(24)).started_ms + 5 * 3_600_000;
        assert!(store.fill_in_day(day(24), day(25), noon, 42));
        let added = store
            .journal
            .sessions
            .iter()
            .find(|s| s.day == day(24))
            .unwrap();
        assert_eq!(added.added_ms, Some(42));
        assert_eq!(added.done_percent, 100);
        assert!(
            store.journal.steps_of(added).is_some(),
            "its routine is kept"
        );
        assert_eq!(store.journal.streak(day(25)), 5);
        // Once only, and not today or the far past.
        assert!(!store.fill_in_day(day(24), day(25), noon, 43));
        assert!(!store.fill_in_day(day(25), day(25), noon, 43));
        assert!(!store.fill_in_day(day(10), day(25), noon, 43));
        // Saved and read back.
        let again = Store::parse(&store.to_json()).unwrap();
        assert_eq!(
            again
                .journal
                .sessions
                .iter()
                .filter(|s| s.added_ms.is_some())
                .count(),
            1
        );
    }

    #[test]
    fn the_set_up_is_offered_to_a_new_patient_until_it_ends() {
        let mut store = Store::default();
        assert!(store.offers_set_up());
        store
            .settings
            .apply(crate::domain::settings::SettingChange::SetUpEnded);
        assert!(!store.offers_set_up());
        // Someone who already logged something is not new, set up or not.
        let mut logged = Store::default();
        logged
            .journal
            .record(SessionRecord::sample(crate::domain::testing::day(20)));
        assert!(!logged.offers_set_up());
        // Saved and read back; settings saved before it existed read as not set up.
        assert!(Store::parse(&store.to_json()).unwrap().settings.set_up);
        assert!(!Store::parse(V6_FIXTURE).unwrap().settings.set_up);
    }

    #[test]
    fn a_version_6_document_migrates_with_nothing_lost() {
        let store = Store::parse(V6_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.followups[0].clock, 1);
        assert!(store.journal.sessions.iter().all(|s| s.hurt.is_empty()));
        assert_keeps_every_field(V6_FIXTURE, &store);
        // A hurt exercise is saved, and read back.
        let mut marked = store;
        marked.journal.sessions[0].hurt = vec!["bird-dog".into()];
        let again = Store::parse(&marked.to_json()).unwrap();
        assert_eq!(again.journal.sessions[0].hurt, ["bird-dog"]);
    }

    #[test]
    fn a_version_7_document_migrates_with_nothing_lost() {
        let store = Store::parse(V7_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.trials, []);
        assert_eq!(store.journal.sessions[1].hurt, ["bird-dog"]);
        assert!(store.journal.sessions[2].added_ms.is_some());
        assert!(store.settings.set_up);
        assert_keeps_every_field(V7_FIXTURE, &store);
        assert_eq!(store.peg, []);
        // A trial and a week's PEG are saved and read back.
        let mut trying = store;
        let sign = crate::domain::warning::Sign::PainBackWithinHour;
        assert!(trying.start_trial(sign, &[sign], day(28)));
        trying.answer_peg(day(28), Some([5, 4, 6].map(|s| Pain::new(s).unwrap())));
        trying.answer_peg(day(21), None);
        let again = Store::parse(&trying.to_json()).unwrap();
        assert_eq!(again.trials, trying.trials);
        assert_eq!(again.peg, trying.peg);
        assert_eq!(again.peg[0].day, day(21));
    }

    #[test]
    fn a_version_8_document_migrates_with_nothing_lost() {
        let store = Store::parse(V8_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.trials.len(), 1);
        assert_eq!(store.peg.len(), 2);
        assert_eq!(store.journal.tags, []);
        assert_keeps_every_field(V8_FIXTURE, &store);
        // A day's tags are saved and read back; one taken off stays off.
        let mut tagged = store;
        let medicine = crate::domain::tags::Tag::PainMedicine;
        let sleep = crate::domain::tags::Tag::PoorSleep;
        tagged.journal.tag_day(day(27), sleep, true);
        tagged.journal.tag_day(day(27), medicine, true);
        tagged.journal.tag_day(day(28), sleep, true);
        tagged.journal.tag_day(day(28), sleep, false);
        let again = Store::parse(&tagged.to_json()).unwrap();
        assert_eq!(again.journal.tags_on(day(27)), [medicine, sleep]);
        assert_eq!(again.journal.tags_on(day(28)), []);
        assert_eq!(again.journal.tags, tagged.journal.tags);
        // As are the pattern checks, one a day; a merge brings the other
        // copy's other days in.
        assert_eq!(again.pattern_checks, []);
        let mut checked = again.clone();
        checked.record_pattern_check(day(26), [true; 9]);
        checked.record_pattern_check(day(26), [false; 9]);
        assert_eq!(checked.pattern_checks.len(), 1);
        let read = Store::parse(&checked.to_json()).unwrap();
        assert_eq!(read.pattern_checks, checked.pattern_checks);
        let mut other = again;
        other.record_pattern_check(day(20), [true; 9]);
        other.record_pattern_check(day(26), [true; 9]);
        let merged = checked.merge(&other);
        assert_eq!(
            merged
                .pattern_checks
                .iter()
                .map(|c| (c.day, c.answers[0]))
                .collect::<Vec<_>>(),
            [(day(20), true), (day(26), false)]
        );
    }

    #[test]
    fn day_tags_merge_as_one_change_per_day() {
        let sleep = crate::domain::tags::Tag::PoorSleep;
        let stress = crate::domain::tags::Tag::Stress;
        let mut mine = Store::parse(V8_FIXTURE).unwrap();
        mine.journal.tag_day(day(20), sleep, true);
        let mut theirs = mine.clone();
        // This tab took the tag off later; the other tagged another day.
        mine.journal.tag_day(day(20), sleep, false);
        theirs.journal.tag_day(day(21), stress, true);
        mine.revision += 1;
        let merged = mine.merge(&theirs);
        assert_eq!(merged.journal.tags_on(day(20)), []);
        assert_eq!(merged.journal.tags_on(day(21)), [stress]);
        assert_eq!(theirs.merge(&mine).journal.tags, merged.journal.tags);
        // A backup brought in does not change a day this phone has tagged.
        let mut phone = Store::parse(V8_FIXTURE).unwrap();
        phone.journal.tag_day(day(20), stress, true);
        phone
            .journal
            .merge(&theirs.journal, crate::domain::journal::Conflicts::KeepMine);
        assert_eq!(phone.journal.tags_on(day(20)), [stress]);
        assert_eq!(phone.journal.tags_on(day(21)), [stress]);
    }

    #[test]
    fn two_tries_opened_in_two_copies_leave_one_open_after_a_merge() {
        use crate::domain::warning::Sign;
        let base = Store::parse(V7_FIXTURE).unwrap();
        let mut mine = base.clone();
        assert!(mine.start_trial(Sign::PainBackWithinHour, &[], day(10)));
        let mut theirs = base;
        assert!(theirs.start_trial(Sign::WorseNextDay, &[], day(14)));
        // This copy is the newer, so its routine, the first try's, is in use:
        // that try stays open and the later one never ran here.
        mine.revision += 5;
        let merged = mine.merge(&theirs);
        assert_eq!(merged.trials.len(), 2);
        let open = merged.open_trial().unwrap();
        assert_eq!(open.started_on, day(11));
        let closed = merged.trials[1].ended.as_ref().unwrap();
        assert_eq!((closed.on, closed.kept), (day(14), false));
        assert_eq!(closed.outcome.during.days, 0);
        // The other way round, the later try's routine is in use: it stays
        // open, and the earlier one ends the day before it began.
        theirs.revision = mine.revision + 5;
        let merged = mine.merge(&theirs);
        assert_eq!(merged.open_trial().unwrap().started_on, day(15));
        assert_eq!(merged.trials[0].ended.as_ref().unwrap().on, day(14));
        // Ending the open one ends that one, not the last in the list.
        let mut ending = mine.merge(&theirs);
        ending.trials.swap(0, 1);
        ending.end_trial(true, day(29));
        assert!(ending.trials.iter().all(|t| t.ended.is_some()));
    }

    #[test]
    fn merging_keeps_both_copies_trials_and_either_ending() {
        use crate::domain::warning::Sign;
        let mut mine = Store::parse(V7_FIXTURE).unwrap();
        assert!(mine.start_trial(Sign::PainBackWithinHour, &[], day(10)));
        let mut theirs = mine.clone();
        theirs.end_trial(false, day(24));
        mine.revision += 5;
        let merged = mine.merge(&theirs);
        assert_eq!(merged.trials.len(), 1);
        assert!(merged.trials[0].ended.as_ref().is_some_and(|e| !e.kept));
        // A trial only the other copy has comes in, in date order.
        let mut other = Store::parse(V7_FIXTURE).unwrap();
        assert!(other.start_trial(Sign::WorseNextDay, &[], day(2)));
        other.end_trial(true, day(9));
        let both = merged.merge(&other);
        assert_eq!(
            both.trials.iter().map(|t| t.started_on).collect::<Vec<_>>(),
            [day(3), day(11)]
        );
    }

    #[test]
    fn a_version_4_document_migrates_with_nothing_lost() {
        let store = Store::parse(V4_FIXTURE).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.journal.days_off.len(), 2);
        assert!(store.journal.days_off.iter().all(|m| m.clock == 0));
        assert_eq!(store.journal.days_cleared, []);
        assert_eq!(store.journal.sessions[0].extended_secs, 15);
        assert_eq!(store.settings.emergency_number("en-US"), "+442079460000");
        assert!(store.settings.readiness.says_yes("hip-replacement"));
        assert_eq!(store.screenings[1].checked_ms, Some(1_795_900_000_000));
        assert_keeps_every_field(V4_FIXTURE, &store);
        // An old mark is undone like any other, and the undo is kept.
        let mut store = store;
        store
            .journal
            .mark_day(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(), None);
        assert_eq!(store.journal.days_cleared[0].clock, 1);
    }

    #[test]
    fn a_check_marked_in_either_tab_stands_and_a_withdrawn_answer_is_gone() {
        let mut mine = Store::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        mine.record_screening(Screening::answered(10, day, vec!["saddle".into()]));
        mine.record_screening(Screening::answered(5, day, Vec::new()));
        assert_eq!(
            mine.screenings.iter().map(|s| s.at_ms).collect::<Vec<_>>(),
            [5, 10]
        );
        let mut theirs = mine.clone();
        theirs.mark_checked(20);
        assert_eq!(theirs.screenings[1].checked_ms, Some(20));
        assert_eq!(
            theirs.screenings[0].checked_ms, None,
            "an all-no answer needs no check"
        );
        mine.add_records(&theirs, Conflicts::LaterEdit);
        assert_eq!(mine.screenings[1].checked_ms, Some(20));
        mine.withdraw_screening(10);
        assert_eq!(mine.screenings.len(), 1);
    }

    /// Everything in `old` is in `new`: objects may gain keys, nothing else changes.
    /// Every field and value of the old `fixture` is in `store` as saved
    /// now, the schema version aside.
    fn assert_keeps_every_field(fixture: &str, store: &Store) {
        let old: Value = serde_json::from_str(fixture).unwrap();
        let mut new: Value = serde_json::from_str(&store.to_json()).unwrap();
        new["schema_version"] = old["schema_version"].clone();
        assert_contains(&old, &new);
    }

    fn assert_contains(old: &Value, new: &Value) {
        match (old, new) {
            (Value::Object(old), Value::Object(new)) => {
                for (key, value) in old {
                    assert_contains(value, new.get(key).unwrap_or(&Value::Null));
                }
            }
            (Value::Array(old), Value::Array(new)) => {
                assert_eq!(old.len(), new.len());
                old.iter().zip(new).for_each(|(o, n)| assert_contains(o, n));
            }
            _ => assert_eq!(old, new),
        }
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let once = Store::parse(V1_FIXTURE).unwrap();
        let twice = Store::parse(&once.to_json()).unwrap();
        assert_eq!(once, twice);
    }

    #[test]
    fn a_newer_document_is_refused_even_if_its_shape_changed() {
        let next = SCHEMA_VERSION + 1;
        let raw = format!(r#"{{"schema_version":{next},"sessions":"something else"}}"#);
        assert_eq!(Store::parse(&raw), Err(LoadError::NewerSchema(next)));
    }

    #[test]
    fn damaged_documents_are_reported_not_panicked_on() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            r#"{"sessions":[]}"#,
            r#"{"schema_version":0}"#,
            r#"{"schema_version":-1}"#,
            r#"{"schema_version":1,"journal":7}"#,
            "\u{0}\u{ff}",
        ] {
            assert!(
                matches!(Store::parse(raw), Err(LoadError::Corrupt(_))),
                "{raw:?}"
            );
        }
        let truncated = &sample().to_json()[..200];
        assert!(matches!(
            Store::parse(truncated),
            Err(LoadError::Corrupt(_))
        ));
    }

    #[test]
    fn an_out_of_range_pain_score_is_damage() {
        let raw = sample()
            .to_json()
            .replace(r#""pain_after":3"#, r#""pain_after":42"#);
        assert!(matches!(Store::parse(&raw), Err(LoadError::Corrupt(_))));
    }

    #[test]
    fn salvage_leaves_out_only_the_records_and_settings_that_cannot_be_read() {
        let good = sample();
        let raw = good
            .to_json()
            .replace(r#""pain_after":3"#, r#""pain_after":42"#)
            .replace(r#""sound":true"#, r#""sound":"loud""#);
        let doc: Value = serde_json::from_str(&raw).unwrap();
        let (salvaged, left_out) = Store::salvage(doc).unwrap();
        assert_eq!(left_out, 2, "one session and the settings");
        assert_eq!(
            salvaged.journal.sessions.len(),
            good.journal.sessions.len() - 1
        );
        assert_eq!(salvaged.journal.checkins, good.journal.checkins);
        assert_eq!(salvaged.settings, Settings::default());
        let not_a_list = serde_json::json!({ "schema_version": 4, "checkins": 7 });
        assert_eq!(Store::salvage(not_a_list).map(|(_, n)| n), Ok(1));
        let newer = serde_json::json!({ "schema_version": 99 });
        assert_eq!(
            Store::salvage(newer).map(|(_, n)| n),
            Err(LoadError::NewerSchema(99))
        );
        let (whole, none) = Store::salvage(serde_json::to_value(&good).unwrap()).unwrap();
        assert_eq!((whole, none), (good, 0));
        // The head's own lists too: a bad try, PEG week, tag or pattern
        // check costs only itself.
        let mut full = Store::parse(V8_FIXTURE).unwrap();
        full.journal
            .tag_day(day(20), crate::domain::tags::Tag::Stress, true);
        full.record_pattern_check(day(20), [true; 9]);
        let raw = full
            .to_json()
            .replace(r#""sign":"PainBackWithinHour""#, r#""sign":"Unheard of""#)
            .replace(r#""answers":[5,4,6]"#, r#""answers":[5,4]"#)
            .replace(r#""tags":["Stress"]"#, r#""tags":["Juggling"]"#)
            .replace(r#""answers":[true,"#, r#""answers":[7,"#);
        let (salvaged, left_out) = Store::salvage(serde_json::from_str(&raw).unwrap()).unwrap();
        assert_eq!(left_out, 4, "{raw}");
        assert_eq!(salvaged.trials, []);
        assert_eq!(salvaged.peg.len(), full.peg.len() - 1);
        assert_eq!(salvaged.journal.tags, []);
        assert_eq!(salvaged.pattern_checks, []);
        assert_eq!(salvaged.journal.sessions, full.journal.sessions);
    }

    #[test]
    fn documents_written_now_start_with_the_fast_path_prefix() {
        assert!(sample().to_json().starts_with(CURRENT_PREFIX));
        assert!(CURRENT_PREFIX.contains(&format!(":{SCHEMA_VERSION},")));
    }

    #[test]
    fn a_minimal_document_loads_empty() {
        let store = Store::parse(r#"{"schema_version":2}"#).unwrap();
        assert_eq!(store, Store::default());
    }

    #[test]
    fn merging_two_tabs_keeps_both_sides_records_and_the_newer_settings() {
        let base = sample();
        let mut tab_a = base.clone();
        let mut tab_b = base.clone();
        tab_a.journal.check_in(CheckIn {
            day: day(26),
            pain: Pain::new(2).unwrap(),
            stiffness: None,
            note: String::new(),
            updated_ms: 1,
            clock: 0,
        });
        tab_a.revision = 13;
        let extra = ActiveSession::start(Plan::seed(), Pacing::default(), 1_795_800_000_000);
        tab_b
            .journal
            .record(extra.finish(1_795_802_000_000, |_| day(27), None));
        tab_b.settings.sound = false;
        tab_b.revision = 14;
        for merged in [tab_a.merge(&tab_b), tab_b.merge(&tab_a)] {
            assert_eq!(merged.journal.sessions.len(), 2);
            assert_eq!(merged.journal.checkins.len(), 2);
            assert!(!merged.settings.sound);
            assert_eq!(merged.revision, 14);
        }
        assert!(tab_a.merge(&tab_b).same_data(&tab_b.merge(&tab_a)));
    }

    #[test]
    fn a_routine_running_at_midnight_carries_on_and_counts_for_the_evening() {
        use crate::domain::day::local_day;
        let day_of = |ms| local_day(ms, 0);
        // 23:55 UTC on 25 November.
        let start = NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(23, 55, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        let mut store = Store {
            active: Some(ActiveSession::start(Plan::seed(), Pacing::default(), start)),
            ..Store::default()
        };
        // Reloaded at 00:05: still running, whatever the calendar says.
        assert!(!store.close_stale_session(start + 10 * 60_000, day_of));
        assert!(store.active.is_some());
        // Finished by its timer at 00:13 and saved at 00:20: the evening's routine.
        store.finish_active(start + 25 * 60_000, day_of, None);
        assert_eq!(store.journal.sessions[0].day, day_of(start));
        assert_eq!(store.journal.sessions[0].done_percent, 100);
    }

    #[test]
    fn a_routine_is_closed_three_hours_after_its_last_activity() {
        use crate::domain::day::local_day;
        let day_of = |ms| local_day(ms, 0);
        let start = 1_795_600_000_000;
        let paused = |pause_at: i64| {
            let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), start);
            session.act(crate::domain::timeline::Action::Pause, start + pause_at);
            Store {
                active: Some(session),
                ..Store::default()
            }
        };
        let pause_at = 5 * 60_000;
        let mut store = paused(pause_at);
        assert!(!store.close_stale_session(start + pause_at + IDLE_CLOSE_MS, day_of));
        assert!(store.close_stale_session(start + pause_at + IDLE_CLOSE_MS + 1, day_of));
        // A routine whose timer ran out waits three hours for its pain score.
        let mut finished = Store {
            active: Some(ActiveSession::start(Plan::seed(), Pacing::default(), start)),
            ..Store::default()
        };
        let end = start + i64::from(Plan::seed().total_secs(Pacing::default())) * 1000;
        assert!(!finished.close_stale_session(end + IDLE_CLOSE_MS, day_of));
        assert!(finished.close_stale_session(end + IDLE_CLOSE_MS + 1, day_of));
        assert_eq!(finished.journal.sessions[0].done_percent, 100);
        // A clock set back before the start closes nothing.
        assert!(!paused(pause_at).close_stale_session(start - 86_400_000, day_of));
    }

    #[test]
    fn a_routine_left_open_yesterday_is_saved_as_far_as_it_got() {
        use crate::domain::day::local_day;
        let start = 1_795_600_000_000;
        let mut store = Store::default();
        let mut session = ActiveSession::start(Plan::seed(), Pacing::default(), start);
        session.act(crate::domain::timeline::Action::Pause, start + 5 * 60_000);
        store.active = Some(session);
        let day_of = |ms| local_day(ms, 0);
        assert!(!store.close_stale_session(start + 60 * 60_000, day_of));
        assert!(store.active.is_some());
        assert!(store.close_stale_session(start + 24 * 60 * 60_000, day_of));
        assert!(store.active.is_none());
        let record = &store.journal.sessions[0];
        assert_eq!(
            store.journal.steps_of(record),
            Some(&Plan::seed().steps[..])
        );
        assert!(record.done_percent < 80);
        assert_eq!(record.day, day_of(start));
    }

    #[test]
    fn a_backup_is_suggested_after_a_week_of_use_and_then_monthly() {
        let mut store = Store::default();
        let now = 1_795_600_000_000;
        for k in 0..7 {
            let start = now - (k + 1) * 86_400_000;
            let s = ActiveSession::start(Plan::seed(), Pacing::default(), start);
            assert!(!store.backup_due(now));
            store
                .journal
                .record(s.finish(start + 1_080_000, |_| day(1 + k as u32), None));
        }
        assert!(store.backup_due(now));
        store.last_export_ms = Some(now - 29 * 86_400_000);
        assert!(!store.backup_due(now));
        store.last_export_ms = Some(now - 31 * 86_400_000);
        assert!(store.backup_due(now));
    }

    #[test]
    fn check_ins_alone_make_a_backup_due_too() {
        let mut store = Store::default();
        for d in 1..=7 {
            assert!(!store.backup_due(1_795_600_000_000));
            store.journal.check_in(CheckIn {
                day: day(d),
                pain: Pain::new(3).unwrap(),
                stiffness: None,
                note: String::new(),
                updated_ms: 0,
                clock: 0,
            });
        }
        assert!(store.backup_due(1_795_600_000_000));
    }

    #[test]
    fn a_tab_keeps_its_own_unsaved_setting_when_another_tab_saved_meanwhile() {
        let base = sample();
        let mut mine = base.clone();
        mine.settings.sound = false; // not saved yet
        let mut theirs = base.clone();
        let extra = ActiveSession::start(Plan::seed(), Pacing::default(), 1_795_800_000_000);
        theirs
            .journal
            .record(extra.finish(1_795_802_000_000, |_| day(27), None));
        theirs.revision = base.revision + 1;
        let merged = mine.rebase(&base, &theirs);
        assert!(!merged.settings.sound);
        assert_eq!(merged.journal.sessions.len(), 2);
        assert_eq!(merged.revision, theirs.revision);
        // Where this tab changed nothing, the other tab's newer choice stands.
        let mut theirs_muted = theirs.clone();
        theirs_muted.settings.voice = false;
        assert!(!base.rebase(&base, &theirs_muted).settings.voice);
    }

    #[test]
    fn a_hurt_mark_taken_back_in_one_tab_stays_taken_back_in_the_other() {
        let mut base = sample();
        let session = base.journal.sessions[0].started_ms;
        base.journal.mark_hurt(session, "bird-dog", true);
        // This tab takes the mark back; the other saved something else.
        let mut mine = base.clone();
        mine.journal.mark_hurt(session, "bird-dog", false);
        let mut theirs = base.clone();
        theirs.settings.voice = false;
        theirs.revision = base.revision + 1;
        assert!(
            mine.rebase(&base, &theirs).journal.sessions[0]
                .hurt
                .is_empty()
        );
        // The other way round: the other tab took it back, this one did not touch it.
        let mut theirs_unmarked = base.clone();
        theirs_unmarked
            .journal
            .mark_hurt(session, "bird-dog", false);
        theirs_unmarked.revision = base.revision + 1;
        assert!(
            base.rebase(&base, &theirs_unmarked).journal.sessions[0]
                .hurt
                .is_empty()
        );
        // A mark either tab added stays.
        let mut theirs_marked = base.clone();
        theirs_marked
            .journal
            .mark_hurt(session, "glute-bridge", true);
        theirs_marked.revision = base.revision + 1;
        let merged = base.rebase(&base, &theirs_marked);
        assert_eq!(
            merged.journal.sessions[0].hurt,
            ["bird-dog", "glute-bridge"]
        );
    }

    fn named(name: &str, steps: std::ops::Range<usize>) -> Plan {
        Plan {
            name: name.into(),
            steps: Plan::seed().steps[steps].to_vec(),
        }
    }

    #[test]
    fn the_reminder_nudges_only_past_its_time_with_nothing_done() {
        let at = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let mut store = Store::default();
        assert!(!store.reminder_due(at(23, 0), day(10)), "no reminder set");
        store.settings.reminder = Some(at(8, 0));
        assert!(!store.reminder_due(at(7, 59), day(10)));
        assert!(store.reminder_due(at(8, 0), day(10)));
        store.journal.mark_day(day(10), Some(DayOff::Rest));
        assert!(!store.reminder_due(at(9, 0), day(10)), "a rest day");
        assert!(store.reminder_due(at(9, 0), day(11)));
        store.active = Some(ActiveSession::start(Plan::seed(), Pacing::default(), 0));
        assert!(!store.reminder_due(at(9, 0), day(11)), "a routine running");
        store.active = None;
        store.journal.record(SessionRecord::sample(day(11)));
        assert!(!store.reminder_due(at(9, 0), day(11)), "done today");
    }

    #[test]
    fn choosing_an_emphasis_goes_back_to_the_suggested_routine() {
        let mut store = Store::default();
        store.routines.save(None, named("Mine", 0..9));
        store.choose_emphasis(Emphasis::Activate);
        assert_eq!(store.settings.emphasis, Emphasis::Activate);
        assert_eq!(store.routines.in_use, None);
        assert_eq!(
            store.routines.saved.len(),
            1,
            "the patient's routine is kept"
        );
    }

    #[test]
    fn the_chosen_routine_runs_only_when_it_can_otherwise_the_suggested_one() {
        let mut store = Store::default();
        store.settings.equipment = EquipmentSet::ALL;
        assert_eq!(store.chosen_plan(), Plan::seed());
        store.routines.saved.push(named("Mine", 0..9));
        store.routines.saved.push(named("Broken", 0..3)); // decompression only
        store.routines.in_use = Some("Mine".into());
        assert_eq!(store.chosen_plan().name, "Mine");
        store.routines.in_use = Some("Broken".into());
        assert_eq!(store.chosen_plan(), store.suggested_plan());
        store.routines.in_use = Some("Deleted since".into());
        assert_eq!(store.chosen_plan(), store.suggested_plan());
    }

    #[test]
    fn the_next_session_and_its_swaps_follow_equipment_and_readiness_together() {
        use super::super::exercise::Equipment;
        use super::super::readiness::Readiness;
        let mut store = Store::default();
        store.settings.equipment = EquipmentSet::ALL;
        assert_eq!(store.session_plan(), Plan::seed());
        assert_eq!(store.session_swaps(), []);
        store.settings.equipment = EquipmentSet::ALL.with(Equipment::Bar, false);
        store.settings.readiness = Readiness::answered(day(1), ["osteoporosis"]);
        let plan = store.session_plan();
        let swaps = store.session_swaps();
        // No bar, and child's pose (the usual swap) is ruled out: one pass
        // gives the hang's place straight to a safe exercise.
        assert_eq!(swaps[0].from, "dead-hang");
        assert!(swaps[0].reason.contains("bar"));
        assert_eq!(plan.steps[0].exercise, swaps[0].to);
        for swap in &swaps {
            assert!(plan.steps.iter().all(|s| s.exercise != swap.from));
        }
        let ruled_out = ["foam-roller-lie", "knees-to-chest", "cat-cow"];
        for id in ruled_out {
            assert!(
                swaps
                    .iter()
                    .any(|s| s.from == id && s.reason.contains("weak bones"))
            );
        }
        assert_eq!(swaps.len(), 4);
    }

    #[test]
    fn routines_built_in_two_tabs_are_both_kept_and_this_tabs_edit_wins() {
        let mut base = sample();
        base.routines.saved.push(named("Shared", 0..9));
        let mut mine = base.clone();
        mine.routines.saved[0].steps.pop(); // edited here, not saved yet
        let mut theirs = base.clone();
        theirs.routines.saved.push(named("Theirs", 0..9));
        theirs.revision += 1;
        let merged = mine.rebase(&base, &theirs);
        assert_eq!(routine_names(&merged), ["Shared", "Theirs"]);
        assert_eq!(merged.routines.saved[0].steps.len(), 8);
    }

    fn routine_names(store: &Store) -> Vec<&str> {
        store
            .routines
            .saved
            .iter()
            .map(|p| p.name.as_str())
            .collect()
    }

    #[test]
    fn a_routine_deleted_or_renamed_in_one_tab_does_not_come_back_from_another() {
        let mut base = sample();
        base.routines.saved.push(named("Mine", 0..9));
        base.routines.in_use = Some("Mine".into());
        // Tab A renames it; tab B, untouched, hears of the save.
        let mut renamed = base.clone();
        renamed.routines.saved[0].name = "Mine 2".into();
        renamed.routines.in_use = Some("Mine 2".into());
        renamed.revision += 1;
        let in_b = base.rebase(&base, &renamed);
        assert_eq!(in_b.routines.saved, renamed.routines.saved);
        assert_eq!(in_b.routines.in_use.as_deref(), Some("Mine 2"));
        // Tab A deletes it while tab B saved something else, newer.
        let mut deleted = base.clone();
        deleted.routines.saved.clear();
        deleted.routines.in_use = None;
        let mut b_newer = base.clone();
        b_newer.settings.sound = false;
        b_newer.revision += 2;
        let in_a = deleted.rebase(&base, &b_newer);
        assert!(in_a.routines.saved.is_empty() && in_a.routines.in_use.is_none());
        assert!(!in_a.settings.sound);
    }

    #[test]
    fn an_imported_routine_with_a_name_already_used_comes_in_renamed() {
        let mut here = Store::default();
        here.routines.saved.push(named("My routine", 0..9));
        let mut old_phone = Store::default();
        old_phone.routines.saved.push(named("My routine", 1..9));
        old_phone.routines.saved.push(named("My routine", 0..9)); // the same as here
        let merged = crate::domain::backup::apply(
            &here,
            &old_phone,
            crate::domain::backup::ImportMode::Merge,
            0,
        );
        assert_eq!(routine_names(&merged), ["My routine", "My routine (2)"]);
        assert_eq!(merged.routines.saved[1].steps.len(), 8);
    }

    #[test]
    fn deleting_everything_is_not_undone_by_an_older_tab() {
        let old = sample();
        let wiped = Store {
            generation: 1_795_900_000_000,
            ..Store::default()
        };
        assert_eq!(old.merge(&wiped), wiped);
        assert_eq!(wiped.merge(&old), wiped);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::testing::STORED_LAYOUTS;
    use crate::domain::testing::damage::damaged;
    use crate::domain::testing::two_tabs::{Edit, edits};
    use proptest::prelude::*;

    /// Every layout this app has written: the fixtures of versions 1 to 8,
    /// and the current one (version 8 read, given a tag and written again).
    fn documents() -> Vec<String> {
        let mut current = Store::parse(STORED_LAYOUTS[7]).unwrap();
        let sleep = crate::domain::tags::Tag::PoorSleep;
        current
            .journal
            .tag_day(crate::domain::testing::day(27), sleep, true);
        let current = current.to_json();
        STORED_LAYOUTS
            .map(str::to_owned)
            .into_iter()
            .chain([current])
            .collect()
    }

    proptest! {
        // Random text: it rarely gets past the JSON parser, so few cases.
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn parsing_any_text_never_panics(raw in any::<String>()) {
            let _ = Store::parse(&raw);
        }
    }

    proptest! {
        // About half the cases stay valid JSON and one in nine still reads.
        #![proptest_config(ProptestConfig::with_cases(25_000))]
        #[test]
        fn any_damaged_document_is_refused_or_read_into_a_store_that_saves_back_the_same(
            raw in damaged(documents()),
        ) {
            if let Ok(store) = Store::parse(&raw) {
                prop_assert_eq!(Store::parse(&store.to_json()).ok(), Some(store));
            }
        }
    }

    /// One step of two tabs sharing storage: a tab edits its records, or
    /// saves (merging what is on disk first, as `persist` does) and the
    /// other tab hears of it through the storage event.
    #[derive(Debug, Clone)]
    enum Step {
        Edit(usize, Edit),
        Save(usize),
    }

    fn steps() -> impl Strategy<Value = Vec<Step>> {
        // Three kinds of edit to one save, as often each as a save.
        let step = prop_oneof![
            3 => (0usize..2, edits(1u32..6)).prop_map(|(t, e)| Step::Edit(t, e)),
            1 => (0usize..2).prop_map(Step::Save),
        ];
        prop::collection::vec(step, 0..40)
    }

    struct Tab {
        local: Store,
        /// What this tab last saw saved.
        base: Store,
    }

    fn save(tabs: &mut [Tab; 2], disk: &mut Store, t: usize) {
        let tab = &mut tabs[t];
        if !disk.same_data(&tab.base) {
            tab.local = tab.local.rebase(&tab.base, disk);
        }
        tab.local.revision = tab.local.revision.max(disk.revision) + 1;
        *disk = tab.local.clone();
        tab.base = disk.clone();
        let other = &mut tabs[1 - t];
        other.local = other.local.rebase(&other.base, disk);
        other.base = disk.clone();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn any_edits_in_two_tabs_converge_to_the_same_records(steps in steps()) {
            let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
            let mut disk = Store::default();
            let mut tabs = [0, 1].map(|_| Tab { local: Store::default(), base: Store::default() });
            for step in steps {
                match step {
                    Step::Edit(t, edit) => edit.apply(&mut tabs[t].local.journal, t, day),
                    Step::Save(t) => save(&mut tabs, &mut disk, t),
                }
            }
            for t in [0, 1, 0] {
                save(&mut tabs, &mut disk, t);
            }
            for tab in &tabs {
                prop_assert_eq!(&tab.local.journal, &disk.journal);
            }
        }

        #[test]
        fn a_day_undone_after_the_last_save_stays_undone(steps in steps(), d in 1u32..6) {
            let day = NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
            let mut disk = Store::default();
            let mut tabs = [0, 1].map(|_| Tab { local: Store::default(), base: Store::default() });
            for step in steps {
                match step {
                    Step::Edit(t, Edit::Mark(d, kind)) => tabs[t]
                        .local
                        .journal
                        .mark_day(NaiveDate::from_ymd_opt(2026, 11, d).unwrap(), kind),
                    Step::Edit(..) => {}
                    Step::Save(t) => save(&mut tabs, &mut disk, t),
                }
            }
            // Both tabs in step, then one takes the day's mark back.
            save(&mut tabs, &mut disk, 0);
            save(&mut tabs, &mut disk, 1);
            tabs[0].local.journal.mark_day(day, None);
            save(&mut tabs, &mut disk, 1);
            save(&mut tabs, &mut disk, 0);
            save(&mut tabs, &mut disk, 1);
            prop_assert_eq!(disk.journal.day_off(day), None);
            prop_assert_eq!(tabs[1].local.journal.day_off(day), None);
        }
    }
}
