//! Calendar files (RFC 5545) for the daily reminder and the follow-up
//! questions. An offline web app cannot wake the phone at a set time, but
//! the phone's calendar can.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use super::followup::FollowUpKind;

/// Title of the daily event and its alarm.
pub const SUMMARY: &str = "Spinewise: daily back routine";
/// Text of the daily event.
const DESCRIPTION: &str = "Time for your back routine, 15–20 minutes: decompress, then activate, then mobilize.\nOpen Spinewise to start.";
/// Longest line the standard allows, in bytes, not counting the line break.
const MAX_LINE_OCTETS: usize = 75;

/// One event with an alarm at its start. Times are "floating" (no time
/// zone), so a reminder stays at the same clock time when the patient
/// travels or the clocks change.
struct Event<'a> {
    /// Names the file's product and, with the stamp, the event's UID.
    id: &'a str,
    starts: NaiveDateTime,
    minutes: u32,
    /// `FREQ=DAILY` for the daily reminder; none for a one-off.
    repeat: Option<&'a str>,
    summary: &'a str,
    description: &'a str,
}

/// A calendar file with one event repeating every day at `time`, from
/// `start`. `now_ms` stamps the file and makes its UID unique.
pub fn reminder_ics(time: NaiveTime, start: NaiveDate, now_ms: i64) -> String {
    calendar(
        &Event {
            id: "daily-routine",
            starts: start.and_time(time),
            minutes: 20,
            repeat: Some("FREQ=DAILY"),
            summary: SUMMARY,
            description: DESCRIPTION,
        },
        now_ms,
    )
}

/// A calendar file with one alarm at `at` to open the app and answer a
/// follow-up question (issue 21: answers that do not depend on luck).
pub fn follow_up_ics(kind: FollowUpKind, at: NaiveDateTime, now_ms: i64) -> String {
    let (summary, description) = match kind {
        FollowUpKind::HourLater => (
            "Spinewise: is the pain back?",
            "About an hour since your back routine. Open Spinewise to answer one question: is the pain back?",
        ),
        FollowUpKind::NextMorning => (
            "Spinewise: how is your back this morning?",
            "The morning after your back routine. Open Spinewise to answer one question: how do you feel today?",
        ),
    };
    calendar(
        &Event {
            id: "follow-up",
            starts: at,
            minutes: 5,
            repeat: None,
            summary,
            description,
        },
        now_ms,
    )
}

fn calendar(event: &Event, now_ms: i64) -> String {
    let stamp = DateTime::from_timestamp_millis(now_ms).unwrap_or_default();
    let product = if event.repeat.is_some() {
        "Daily reminder"
    } else {
        "Follow-up reminder"
    };
    let mut lines = vec![
        ("BEGIN", "VCALENDAR".to_string()),
        ("VERSION", "2.0".into()),
        ("PRODID", format!("-//Spinewise//{product}//EN")),
        ("CALSCALE", "GREGORIAN".into()),
        ("BEGIN", "VEVENT".into()),
        ("UID", format!("{}-{now_ms}@spinewise", event.id)),
        ("DTSTAMP", stamp.format("%Y%m%dT%H%M%SZ").to_string()),
        ("DTSTART", event.starts.format("%Y%m%dT%H%M%S").to_string()),
        ("DURATION", format!("PT{}M", event.minutes)),
    ];
    lines.extend(event.repeat.map(|rule| ("RRULE", rule.to_string())));
    lines.extend([
        ("SUMMARY", escape_text(event.summary)),
        ("DESCRIPTION", escape_text(event.description)),
        ("BEGIN", "VALARM".into()),
        ("ACTION", "DISPLAY".into()),
        ("TRIGGER", "PT0M".into()),
        ("DESCRIPTION", escape_text(event.summary)),
        ("END", "VALARM".into()),
        ("END", "VEVENT".into()),
        ("END", "VCALENDAR".into()),
    ]);
    lines
        .iter()
        .map(|(name, value)| fold(&format!("{name}:{value}")))
        .collect()
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' | ';' | ',' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// One content line ending in CRLF, broken into lines of at most 75 bytes;
/// each continuation starts with a space. Characters are never split.
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / 25 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW_MS: i64 = 1_767_225_600_000; // 2026-01-01 00:00:00 UTC

    /// A content line split into name, parameters and value.
    #[derive(Debug, PartialEq)]
    struct Property {
        name: String,
        params: Vec<String>,
        value: String,
    }

    /// Joins folded lines back up, insisting on CRLF line ends.
    fn unfold(ics: &str) -> Vec<String> {
        let body = ics.strip_suffix("\r\n").expect("ends with CRLF");
        assert!(
            !body.replace("\r\n", "").contains(['\r', '\n']),
            "a line break that is not CRLF"
        );
        body.replace("\r\n ", "")
            .replace("\r\n\t", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    fn parse(line: &str) -> Property {
        let (head, value) = line.split_once(':').expect("name:value");
        let mut parts = head.split(';');
        Property {
            name: parts.next().unwrap_or_default().to_string(),
            params: parts.map(String::from).collect(),
            value: value.to_string(),
        }
    }

    fn unescape_text(value: &str) -> String {
        let mut text = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                text.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => text.push('\n'),
                Some(escaped @ ('\\' | ';' | ',')) => text.push(escaped),
                other => panic!("bad escape \\{other:?}"),
            }
        }
        text
    }

    fn sample() -> String {
        reminder_ics(
            NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(),
            NOW_MS,
        )
    }

    /// The properties of each component, by the component's name.
    fn components_of(ics: &str) -> Vec<(String, Vec<Property>)> {
        let mut open: Vec<(String, Vec<Property>)> = Vec::new();
        let mut closed = Vec::new();
        for line in unfold(ics) {
            let property = parse(&line);
            match property.name.as_str() {
                "BEGIN" => open.push((property.value, Vec::new())),
                "END" => {
                    let component = open.pop().expect("END without BEGIN");
                    assert_eq!(component.0, property.value, "END does not match BEGIN");
                    closed.push(component);
                }
                _ => open
                    .last_mut()
                    .expect("property outside any component")
                    .1
                    .push(property),
            }
        }
        assert!(open.is_empty(), "unclosed {open:?}");
        closed
    }

    fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
        let matching: Vec<&Property> = properties.iter().filter(|p| p.name == name).collect();
        assert_eq!(matching.len(), 1, "{name}");
        assert!(matching[0].params.is_empty(), "{name}");
        &matching[0].value
    }

    #[test]
    fn the_calendar_nests_an_alarm_in_one_event_in_one_calendar() {
        let ics = sample();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let names: Vec<String> = components_of(&ics).into_iter().map(|c| c.0).collect();
        assert_eq!(names, ["VALARM", "VEVENT", "VCALENDAR"]);
    }

    #[test]
    fn the_calendar_has_a_version_and_a_product_id() {
        let ics = sample();
        let components = components_of(&ics);
        let calendar = &components[2].1;
        assert_eq!(value(calendar, "VERSION"), "2.0");
        assert_eq!(
            value(calendar, "PRODID"),
            "-//Spinewise//Daily reminder//EN"
        );
    }

    #[test]
    fn the_event_repeats_daily_at_a_floating_local_time_for_twenty_minutes() {
        let ics = sample();
        let components = components_of(&ics);
        let event = &components[1].1;
        assert_eq!(value(event, "DTSTART"), "20260329T073000");
        assert_eq!(value(event, "DURATION"), "PT20M");
        assert_eq!(value(event, "RRULE"), "FREQ=DAILY");
        assert_eq!(value(event, "SUMMARY"), SUMMARY);
        assert_eq!(unescape_text(value(event, "DESCRIPTION")), DESCRIPTION);
    }

    #[test]
    fn the_event_is_stamped_in_utc_with_a_unique_id() {
        let ics = sample();
        let components = components_of(&ics);
        let event = &components[1].1;
        assert_eq!(value(event, "DTSTAMP"), "20260101T000000Z");
        assert_eq!(
            value(event, "UID"),
            format!("daily-routine-{NOW_MS}@spinewise")
        );
        let later = reminder_ics(
            NaiveTime::from_hms_opt(7, 30, 0).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(),
            NOW_MS + 1,
        );
        assert_ne!(
            value(&components_of(&later)[1].1, "UID"),
            value(event, "UID")
        );
    }

    #[test]
    fn the_alarm_shows_the_title_at_the_start_time() {
        let ics = sample();
        let components = components_of(&ics);
        let alarm = &components[0].1;
        assert_eq!(value(alarm, "ACTION"), "DISPLAY");
        assert_eq!(value(alarm, "TRIGGER"), "PT0M");
        assert_eq!(unescape_text(value(alarm, "DESCRIPTION")), SUMMARY);
    }

    #[test]
    fn every_line_ends_in_crlf_and_fits_in_seventy_five_octets() {
        let ics = sample();
        let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
        assert_eq!(lines.concat().len() + 2 * lines.len(), ics.len());
        for line in lines {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
            assert!(!line.contains(['\r', '\n']));
        }
        assert!(
            ics.contains("\r\n "),
            "the description is long enough to fold"
        );
    }

    #[test]
    fn escaping_round_trips_backslashes_commas_semicolons_and_line_breaks() {
        for text in [
            "a\\b",
            "one, two; three",
            "line one\nline two",
            "windows\r\nbreak",
            "\\n",
        ] {
            let escaped = escape_text(text);
            assert!(!escaped.contains(['\n', '\r']));
            assert_eq!(
                unescape_text(&escaped),
                text.replace("\r\n", "\n"),
                "{text}"
            );
        }
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn a_long_line_folds_between_characters_and_unfolds_to_the_original() {
        // Two- and three-byte characters land on every fold position.
        for prefix in ["", "x", "xx"] {
            let line = format!("DESCRIPTION:{prefix}{}", "é–ü ".repeat(60));
            let folded = fold(&line);
            for physical in folded.split_terminator("\r\n") {
                assert!(physical.len() <= MAX_LINE_OCTETS);
            }
            assert!(folded.split_terminator("\r\n").count() > 4);
            assert_eq!(unfold(&folded), [line]);
        }
    }

    fn follow_up(kind: FollowUpKind) -> String {
        let at = NaiveDate::from_ymd_opt(2026, 3, 30)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        follow_up_ics(kind, at, NOW_MS)
    }

    #[test]
    fn a_follow_up_reminder_is_one_event_at_its_time_that_does_not_repeat() {
        for kind in [FollowUpKind::HourLater, FollowUpKind::NextMorning] {
            let ics = follow_up(kind);
            let components = components_of(&ics);
            let names: Vec<&str> = components.iter().map(|c| c.0.as_str()).collect();
            assert_eq!(names, ["VALARM", "VEVENT", "VCALENDAR"]);
            let event = &components[1].1;
            assert_eq!(value(event, "DTSTART"), "20260330T080000");
            assert_eq!(value(event, "DURATION"), "PT5M");
            assert!(event.iter().all(|p| p.name != "RRULE"));
            assert_eq!(value(event, "UID"), format!("follow-up-{NOW_MS}@spinewise"));
            assert_eq!(
                value(&components[0].1, "TRIGGER"),
                "PT0M",
                "the alarm rings at the start"
            );
        }
    }

    #[test]
    fn each_follow_up_reminder_asks_its_own_question_in_plain_words() {
        let summary = |kind| {
            let components = components_of(&follow_up(kind));
            unescape_text(value(&components[1].1, "SUMMARY"))
        };
        assert_eq!(
            summary(FollowUpKind::HourLater),
            "Spinewise: is the pain back?"
        );
        assert_eq!(
            summary(FollowUpKind::NextMorning),
            "Spinewise: how is your back this morning?"
        );
        let text = unescape_text(value(
            &components_of(&follow_up(FollowUpKind::HourLater))[1].1,
            "DESCRIPTION",
        ));
        assert!(crate::domain::readability::grade(&text) <= 8.0, "{text}");
    }

    #[test]
    fn a_short_line_is_not_folded() {
        let line = "x".repeat(MAX_LINE_OCTETS);
        assert_eq!(fold(&line), format!("{line}\r\n"));
        assert_eq!(fold(&format!("{line}y")), format!("{line}\r\n y\r\n"));
    }
}
