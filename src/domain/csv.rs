//! Spreadsheet exports: one row per record, a header row, ISO dates.

use chrono::{DateTime, Datelike, Timelike};

use super::decimal::Tenths;
use super::journal::Journal;
use super::pain::Pain;

/// "2026-11-25T07:00:10Z" (UTC), written by hand to keep chrono's
/// formatter out of the download.
fn iso_utc(ms: i64) -> String {
    match DateTime::from_timestamp_millis(ms) {
        Some(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        None => String::new(),
    }
}

/// A cell as RFC 4180 wants it; text that a spreadsheet would run as a
/// formula gets a leading apostrophe.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn score(pain: Option<Pain>) -> String {
    pain.map(|p| p.score().to_string()).unwrap_or_default()
}

/// Every session, oldest first.
pub fn sessions(journal: &Journal) -> String {
    let mut out = String::from(
        "started_utc,ended_utc,day,plan,planned_minutes,done_percent,pain_before,pain_after\r\n",
    );
    for s in &journal.sessions {
        out += &format!(
            "{},{},{},{},{},{},{},{}\r\n",
            iso_utc(s.started_ms),
            iso_utc(s.ended_ms),
            s.day,
            cell(&s.plan),
            Tenths::of(f64::from(s.planned_secs) / 60.0),
            s.done_percent,
            score(s.pain_before),
            score(s.pain_after),
        );
    }
    out
}

/// Every daily check-in, oldest first.
pub fn checkins(journal: &Journal) -> String {
    let mut out = String::from("day,pain,stiffness,note\r\n");
    for c in &journal.checkins {
        out += &format!(
            "{},{},{},{}\r\n",
            c.day,
            c.pain.score(),
            score(c.stiffness),
            cell(&c.note)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::session::SessionRecord;

    use crate::domain::testing::day;

    #[test]
    fn sessions_export_one_row_each_with_iso_dates() {
        let journal = Journal::with_sessions([SessionRecord {
            started_ms: 1_795_590_010_000,
            ended_ms: 1_795_591_090_000,
            day: day(25),
            plan: "Daily spine routine".into(),
            planned_secs: 1080,
            done_percent: 100,
            pain_before: Pain::new(6),
            pain_after: None,
            plan_key: None,
            extended_secs: 0,
            hurt: Vec::new(),
            added_ms: None,
        }]);
        assert_eq!(
            sessions(&journal),
            "started_utc,ended_utc,day,plan,planned_minutes,done_percent,pain_before,pain_after\r\n\
             2026-11-25T07:00:10Z,2026-11-25T07:18:10Z,2026-11-25,Daily spine routine,18.0,100,6,\r\n"
        );
    }

    #[test]
    fn notes_with_commas_quotes_lines_and_formulas_stay_one_cell() {
        let mut journal = Journal::default();
        for (d, note) in [
            (1, "sore, \"stiff\"\nbetter later"),
            (2, "=HYPERLINK(\"x\")"),
            (3, ""),
        ] {
            journal.check_in(CheckIn {
                day: day(d),
                pain: Pain::new(3).unwrap(),
                stiffness: Pain::new(2),
                note: note.into(),
                updated_ms: 0,
                clock: 0,
            });
        }
        assert_eq!(
            checkins(&journal),
            "day,pain,stiffness,note\r\n\
             2026-11-01,3,2,\"sore, \"\"stiff\"\"\nbetter later\"\r\n\
             2026-11-02,3,2,\"'=HYPERLINK(\"\"x\"\")\"\r\n\
             2026-11-03,3,2,\r\n"
        );
    }
}
