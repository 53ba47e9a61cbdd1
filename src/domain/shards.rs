//! The saved data cut into parts that are written one by one, so a change
//! writes only what changed (data review §2 #2): one tap in the player
//! rewrites the running routine, not ten years of history. The settings and
//! other small fields make one part, the running routine another, and each
//! kind of history record is cut by calendar quarter (about 20 KB of
//! sessions a quarter at one a day), so finishing a routine rewrites one
//! quarter's sessions.
//!
//! Each list is kept sorted by a key whose leading part decides the record's
//! quarter, so a quarter's records are one contiguous run of the list.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::assessment::PatternCheck;
use super::checkin::CheckIn;
use super::followup::FollowUp;
use super::journal::{DayCleared, DayMark};
use super::peg::Peg;
use super::plan::Plan;
use super::plan_log::PlanRun;
use super::red_flags::Screening;
use super::session::SessionRecord;
use super::settings::Settings;
use super::sort;
use super::store::{LoadError, SCHEMA_VERSION, Store};
use super::tags::DayTags;
use super::trial::Trial;

/// A calendar quarter, the span of one history part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    /// 1 to 4.
    quarter: u8,
}

impl Quarter {
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            quarter: (day.month0() / 3 + 1) as u8,
        }
    }

    /// The quarter of an instant's UTC date: only a bucket, so the time
    /// zone does not matter as long as it is always the same.
    fn of_ms(ms: i64) -> Quarter {
        let day = DateTime::from_timestamp_millis(ms).map_or(NaiveDate::MIN, |t| t.date_naive());
        Quarter::of(day)
    }
}

/// The kinds of history record, each cut by quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Sessions,
    CheckIns,
    DaysOff,
    DaysCleared,
    FollowUps,
    Tags,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Sessions,
        Kind::CheckIns,
        Kind::DaysOff,
        Kind::DaysCleared,
        Kind::FollowUps,
        Kind::Tags,
    ];

    /// The document field that holds this kind, also the part's name.
    fn field(self) -> &'static str {
        match self {
            Kind::Sessions => "sessions",
            Kind::CheckIns => "checkins",
            Kind::DaysOff => "days_off",
            Kind::DaysCleared => "days_cleared",
            Kind::FollowUps => "followups",
            Kind::Tags => "tags",
        }
    }
}

/// One separately written piece of the saved data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Settings, routines, safety checks and the log of routines run.
    Head,
    /// The routine in progress.
    Active,
    History(Kind, Quarter),
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Head => f.write_str("head"),
            Part::Active => f.write_str("active"),
            Part::History(kind, q) => write!(f, "{}/{}q{}", kind.field(), q.year, q.quarter),
        }
    }
}

impl Part {
    /// Reads a name written by `Display`.
    pub fn parse(name: &str) -> Option<Part> {
        match name {
            "head" => return Some(Part::Head),
            "active" => return Some(Part::Active),
            _ => {}
        }
        let (field, span) = name.split_once('/')?;
        let kind = Kind::ALL.into_iter().find(|k| k.field() == field)?;
        let (year, quarter) = span.split_once('q')?;
        let quarter: u8 = quarter.parse().ok()?;
        (1..=4).contains(&quarter).then_some(())?;
        Some(Part::History(
            kind,
            Quarter {
                year: year.parse().ok()?,
                quarter,
            },
        ))
    }
}

/// A history record's quarter, from the leading part of its sort key.
trait Dated {
    fn quarter(&self) -> Quarter;
}

impl Dated for SessionRecord {
    fn quarter(&self) -> Quarter {
        Quarter::of_ms(self.started_ms)
    }
}

impl Dated for CheckIn {
    fn quarter(&self) -> Quarter {
        Quarter::of(self.day)
    }
}

impl Dated for DayMark {
    fn quarter(&self) -> Quarter {
        Quarter::of(self.day)
    }
}

impl Dated for DayTags {
    fn quarter(&self) -> Quarter {
        Quarter::of(self.day)
    }
}

impl Dated for DayCleared {
    fn quarter(&self) -> Quarter {
        Quarter::of(self.day)
    }
}

impl Dated for FollowUp {
    fn quarter(&self) -> Quarter {
        Quarter::of_ms(self.session)
    }
}

/// A sorted list's records by quarter.
fn by_quarter<T: Dated>(items: &[T]) -> BTreeMap<Quarter, &[T]> {
    // Inserted one by one: `collect` would sort them first, a copy of the
    // sort per record type (domain/sort.rs).
    let mut quarters = BTreeMap::new();
    for run in items.chunk_by(|a, b| a.quarter() == b.quarter()) {
        quarters.insert(run[0].quarter(), run);
    }
    quarters
}

/// The quarters whose records differ between two sorted lists.
fn changed_quarters<T: Dated + PartialEq>(old: &[T], new: &[T]) -> Vec<Quarter> {
    // The usual case (a tap in the player changes no history) without
    // working out ten years of quarters.
    if old == new {
        return Vec::new();
    }
    let (old, new) = (by_quarter(old), by_quarter(new));
    let mut quarters: Vec<Quarter> = old.keys().chain(new.keys()).copied().collect();
    sort::sort(&mut quarters);
    quarters.dedup();
    quarters.retain(|q| old.get(q).copied().unwrap_or(&[]) != new.get(q).copied().unwrap_or(&[]));
    quarters
}

/// A quarter's records as JSON (an empty list when it has none).
fn quarter_json<T: Dated + Serialize>(items: &[T], quarter: Quarter) -> String {
    serde_json::to_string(&items[quarter_range(items, quarter)]).expect("records always serialise")
}

/// Where the quarter's records lie in the sorted list (an empty range at
/// their place when it has none): two binary searches, not a map of every
/// quarter.
fn quarter_range<T: Dated>(items: &[T], quarter: Quarter) -> std::ops::Range<usize> {
    let start = items.partition_point(|r| r.quarter() < quarter);
    let end = start + items[start..].partition_point(|r| r.quarter() == quarter);
    start..end
}

/// Puts `records` in place of the quarter's records in the sorted list.
fn replace_quarter<T: Dated>(items: &mut Vec<T>, quarter: Quarter, records: Vec<T>) {
    let range = quarter_range(items, quarter);
    items.splice(range, records);
}

fn parse_list<T: DeserializeOwned>(json: &str) -> Result<Vec<T>, LoadError> {
    serde_json::from_str(json).map_err(|e| LoadError::Corrupt(e.to_string()))
}

/// The small fields, written together.
#[derive(Serialize)]
struct HeadRef<'a> {
    schema_version: u32,
    generation: i64,
    settings: &'a Settings,
    last_export_ms: Option<i64>,
    screenings: &'a [Screening],
    plans: &'a [Plan],
    active_plan: &'a Option<String>,
    routines_run: &'a [PlanRun],
    trials: &'a [Trial],
    peg: &'a [Peg],
    pattern_checks: &'a [PatternCheck],
}

fn head_of(store: &Store) -> HeadRef<'_> {
    HeadRef {
        schema_version: store.schema_version,
        generation: store.generation,
        settings: &store.settings,
        last_export_ms: store.last_export_ms,
        screenings: &store.screenings,
        plans: &store.routines.saved,
        active_plan: &store.routines.in_use,
        routines_run: &store.journal.routines_run,
        trials: &store.trials,
        peg: &store.peg,
        pattern_checks: &store.pattern_checks,
    }
}

fn same_head(a: &Store, b: &Store) -> bool {
    a.schema_version == b.schema_version
        && a.generation == b.generation
        && a.settings == b.settings
        && a.last_export_ms == b.last_export_ms
        && a.screenings == b.screenings
        && a.routines == b.routines
        && a.journal.routines_run == b.journal.routines_run
        && a.trials == b.trials
        && a.peg == b.peg
        && a.pattern_checks == b.pattern_checks
}

/// Every part that holds something.
pub fn all_parts(store: &Store) -> Vec<Part> {
    let mut parts = changed(&Store::default(), store);
    parts.extend([Part::Head, Part::Active]);
    sort::sort(&mut parts);
    parts.dedup();
    parts
}

/// The parts whose content differs between two copies (the revision is in
/// none: it is the commit's; the generation is in the head). A part emptied in `new` is listed too:
/// it must be written empty, not left as it was.
pub fn changed(old: &Store, new: &Store) -> Vec<Part> {
    let mut parts = Vec::new();
    if !same_head(old, new) {
        parts.push(Part::Head);
    }
    if old.active != new.active {
        parts.push(Part::Active);
    }
    let (o, n) = (&old.journal, &new.journal);
    for kind in Kind::ALL {
        let quarters = match kind {
            Kind::Sessions => changed_quarters(&o.sessions, &n.sessions),
            Kind::CheckIns => changed_quarters(&o.checkins, &n.checkins),
            Kind::DaysOff => changed_quarters(&o.days_off, &n.days_off),
            Kind::DaysCleared => changed_quarters(&o.days_cleared, &n.days_cleared),
            Kind::FollowUps => changed_quarters(&o.followups, &n.followups),
            Kind::Tags => changed_quarters(&o.tags, &n.tags),
        };
        parts.extend(quarters.into_iter().map(|q| Part::History(kind, q)));
    }
    parts
}

/// One part of `store` as JSON.
pub fn encode(store: &Store, part: Part) -> String {
    let journal = &store.journal;
    match part {
        Part::Head => serde_json::to_string(&head_of(store)),
        Part::Active => serde_json::to_string(&store.active),
        Part::History(kind, q) => Ok(match kind {
            Kind::Sessions => quarter_json(&journal.sessions, q),
            Kind::CheckIns => quarter_json(&journal.checkins, q),
            Kind::DaysOff => quarter_json(&journal.days_off, q),
            Kind::DaysCleared => quarter_json(&journal.days_cleared, q),
            Kind::FollowUps => quarter_json(&journal.followups, q),
            Kind::Tags => quarter_json(&journal.tags, q),
        }),
    }
    .expect("a store always serialises")
}

/// `base` with the given parts read in place of its own. Fails, changing
/// nothing that matters, when a part cannot be read as this version wrote it.
pub fn replace(base: &Store, parts: &[(Part, String)]) -> Result<Store, LoadError> {
    let mut store = base.clone();
    for (part, json) in parts {
        let journal = &mut store.journal;
        match *part {
            Part::Head => {
                // The head is the document's own layout with the history,
                // the running routine and the revision left out, so it reads
                // as a store that lacks them.
                let head: Store =
                    serde_json::from_str(json).map_err(|e| LoadError::Corrupt(e.to_string()))?;
                if head.schema_version > SCHEMA_VERSION {
                    return Err(LoadError::NewerSchema(head.schema_version));
                }
                store.generation = head.generation;
                store.settings = head.settings;
                store.last_export_ms = head.last_export_ms;
                store.screenings = head.screenings;
                store.routines = head.routines;
                store.journal.routines_run = head.journal.routines_run;
                store.trials = head.trials;
                store.peg = head.peg;
                store.pattern_checks = head.pattern_checks;
            }
            Part::Active => {
                store.active =
                    serde_json::from_str(json).map_err(|e| LoadError::Corrupt(e.to_string()))?;
            }
            Part::History(kind, q) => match kind {
                Kind::Sessions => replace_quarter(&mut journal.sessions, q, parse_list(json)?),
                Kind::CheckIns => replace_quarter(&mut journal.checkins, q, parse_list(json)?),
                Kind::DaysOff => replace_quarter(&mut journal.days_off, q, parse_list(json)?),
                Kind::DaysCleared => {
                    replace_quarter(&mut journal.days_cleared, q, parse_list(json)?)
                }
                Kind::FollowUps => replace_quarter(&mut journal.followups, q, parse_list(json)?),
                Kind::Tags => replace_quarter(&mut journal.tags, q, parse_list(json)?),
            },
        }
    }
    Ok(store)
}

/// The store the parts make up, with the commit's revision.
/// Parts written by this version are read straight into the types, in
/// quarter order; anything else (an older head, a damaged part) is put
/// together as one document and read like a stored document is, so
/// migrations and record-by-record salvage apply. Returns how many records
/// were left out.
pub fn assemble(parts: &[(Part, String)], revision: u64) -> Result<(Store, usize), LoadError> {
    if !parts.is_sorted_by_key(|(part, _)| *part) {
        let mut sorted = parts.to_vec();
        sort::sort_by_key(&mut sorted, |(part, _)| *part);
        return assemble(&sorted, revision);
    }
    let current = parts
        .iter()
        .find(|(part, _)| *part == Part::Head)
        .is_none_or(|(_, head)| {
            head.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},"))
        });
    let fresh = Store {
        revision,
        ..Store::default()
    };
    if current && let Ok(store) = replace(&fresh, parts) {
        return Ok((store, 0));
    }
    let (doc, unreadable) = as_document(parts, revision);
    let (store, left_out) = Store::salvage(doc)?;
    Ok((store, left_out + unreadable))
}

/// The parts as one document, as they were, for the patient to download
/// when some of it could not be used.
pub fn document(parts: &[(Part, String)]) -> String {
    as_document(parts, 0).0.to_string()
}

/// The parts as one stored document, for the slow path, and how many parts
/// were not even of the right shape (each counts as one record left out).
fn as_document(parts: &[(Part, String)], revision: u64) -> (Value, usize) {
    let mut doc = Map::new();
    let mut unreadable = 0;
    for (part, json) in parts {
        match (part, serde_json::from_str::<Value>(json)) {
            (Part::Head, Ok(Value::Object(head))) => doc.extend(head),
            (Part::Active, Ok(value)) => {
                doc.insert("active".into(), value);
            }
            (Part::History(kind, _), Ok(Value::Array(records))) => {
                if let Value::Array(list) = doc
                    .entry(kind.field())
                    .or_insert_with(|| Value::Array(Vec::new()))
                {
                    list.extend(records);
                }
            }
            _ => unreadable += 1,
        }
    }
    doc.entry("schema_version").or_insert(SCHEMA_VERSION.into());
    doc.insert("revision".into(), revision.into());
    (Value::Object(doc), unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::journal::DayOff;
    use crate::domain::pain::Pain;
    use crate::domain::session::ActiveSession;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ms(day: NaiveDate) -> i64 {
        day.and_hms_opt(7, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis()
    }

    /// Two years of a check-in every other day, a session most days and
    /// their follow-ups.
    fn two_years() -> Store {
        let mut store = Store::default();
        let mut d = day(2025, 1, 1);
        while d < day(2027, 1, 1) {
            store.journal.checkins.push(CheckIn {
                day: d,
                pain: Pain::new(3).unwrap(),
                stiffness: None,
                note: String::new(),
                updated_ms: ms(d),
                clock: 0,
            });
            store.journal.followups.push(FollowUp {
                session: ms(d),
                kind: crate::domain::followup::FollowUpKind::NextMorning,
                pain: Pain::new(2),
                answered_ms: ms(d) + 86_400_000,
                clock: 0,
            });
            d = d.succ_opt().unwrap();
        }
        store.journal.mark_day(day(2026, 3, 31), Some(DayOff::Rest));
        let poor_sleep = crate::domain::tags::Tag::PoorSleep;
        store.journal.tag_day(day(2025, 5, 2), poor_sleep, true);
        store.journal.tag_day(day(2026, 8, 9), poor_sleep, true);
        store
    }

    #[test]
    fn every_part_name_reads_back() {
        for part in all_parts(&two_years()) {
            assert_eq!(Part::parse(&part.to_string()), Some(part), "{part}");
        }
        assert_eq!(
            Part::History(Kind::DaysOff, Quarter::of(day(2026, 12, 31))).to_string(),
            "days_off/2026q4"
        );
        for bad in [
            "",
            "head/",
            "sessions",
            "sessions/2026q5",
            "sessions/2026q0",
            "x/2026q1",
        ] {
            assert_eq!(Part::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_store_cut_into_parts_is_put_together_unchanged() {
        let store = Store {
            revision: 7,
            generation: 3,
            ..two_years()
        };
        let parts: Vec<(Part, String)> = all_parts(&store)
            .into_iter()
            .map(|p| (p, encode(&store, p)))
            .collect();
        // Two years: eight quarters of check-ins and of follow-ups, one of
        // marks, two of tags.
        assert_eq!(parts.len(), 2 + 8 + 8 + 1 + 2);
        assert_eq!(assemble(&parts, 7).unwrap(), (store, 0));
    }

    #[test]
    fn a_new_check_in_changes_only_its_quarter() {
        let old = two_years();
        let mut new = old.clone();
        new.journal.checkins.last_mut().unwrap().note = "walked".into();
        assert_eq!(
            changed(&old, &new),
            [Part::History(
                Kind::CheckIns,
                Quarter::of(day(2026, 12, 31))
            )]
        );
        let json = encode(&new, changed(&old, &new)[0]);
        assert!(json.len() < 10_000, "{}", json.len());
        let replaced = replace(&old, &[(changed(&old, &new)[0], json)]).unwrap();
        assert_eq!(replaced, new);
    }

    #[test]
    fn a_setting_or_a_running_routine_changes_one_small_part() {
        let old = two_years();
        let mut new = old.clone();
        new.last_export_ms = Some(5);
        assert_eq!(changed(&old, &new), [Part::Head]);
        assert_eq!(changed(&old, &old.clone()), []);
    }

    #[test]
    fn an_emptied_quarter_is_written_empty() {
        let old = two_years();
        let mut new = old.clone();
        new.journal
            .checkins
            .retain(|c| Quarter::of(c.day) != Quarter::of(day(2025, 2, 1)));
        let part = Part::History(Kind::CheckIns, Quarter::of(day(2025, 2, 1)));
        assert_eq!(changed(&old, &new), [part]);
        assert_eq!(encode(&new, part), "[]");
        assert_eq!(replace(&old, &[(part, "[]".into())]).unwrap(), new);
    }

    #[test]
    fn a_damaged_part_costs_only_its_bad_records() {
        let store = two_years();
        let mut parts: Vec<(Part, String)> = all_parts(&store)
            .into_iter()
            .map(|p| (p, encode(&store, p)))
            .collect();
        let q1 = Part::History(Kind::CheckIns, Quarter::of(day(2025, 1, 1)));
        let (_, json) = parts.iter_mut().find(|(p, _)| *p == q1).unwrap();
        *json = json.replacen("\"pain\":3", "\"pain\":99", 1);
        let (read, left_out) = assemble(&parts, 1).unwrap();
        assert_eq!(left_out, 1);
        assert_eq!(
            read.journal.checkins.len(),
            store.journal.checkins.len() - 1
        );
        // A part that is not JSON at all is counted once; the rest reads.
        let (_, json) = parts.iter_mut().find(|(p, _)| *p == q1).unwrap();
        *json = "{garbled".into();
        let (read, left_out) = assemble(&parts, 1).unwrap();
        assert_eq!(left_out, 1);
        assert_eq!(read.journal.followups, store.journal.followups);
    }

    #[test]
    fn a_head_from_a_newer_version_is_refused() {
        let parts = vec![(
            Part::Head,
            format!("{{\"schema_version\":{}}}", SCHEMA_VERSION + 1),
        )];
        assert_eq!(
            assemble(&parts, 1),
            Err(LoadError::NewerSchema(SCHEMA_VERSION + 1))
        );
    }

    #[test]
    fn an_active_routine_is_its_own_part() {
        let old = two_years();
        let mut new = old.clone();
        new.active = Some(ActiveSession::start(
            Plan::seed(),
            Default::default(),
            ms(day(2026, 12, 2)),
        ));
        assert_eq!(changed(&old, &new), [Part::Active]);
        assert!(encode(&new, Part::Active).len() < 2_000);
    }
}
