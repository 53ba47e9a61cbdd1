//! Local calendar days. Streaks follow the patient's own calendar, so a day
//! is fixed when a record is made, from the UTC offset in force at that moment.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Weekday};

/// The local calendar date of a UTC instant, given the UTC offset in minutes
/// east of Greenwich at that instant (JavaScript's `-getTimezoneOffset()`).
pub fn local_day(utc_ms: i64, offset_minutes: i32) -> NaiveDate {
    local_time(utc_ms, offset_minutes).date()
}

/// The local date and time of a UTC instant, given the offset as above.
pub fn local_time(utc_ms: i64, offset_minutes: i32) -> NaiveDateTime {
    let local_ms = utc_ms + i64::from(offset_minutes) * 60_000;
    DateTime::from_timestamp_millis(local_ms)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAYS[weekday.num_days_from_monday() as usize]
}

fn month_name(day: NaiveDate) -> &'static str {
    MONTHS[day.month0() as usize]
}

/// "Wednesday 25 November" (no chrono formatter: it would add to the download).
pub fn long_label(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        weekday_name(day.weekday()),
        day.day(),
        month_name(day)
    )
}

/// "25 November 2026", for records that outlive the year (the report).
pub fn dated_label(day: NaiveDate) -> String {
    format!("{} {} {}", day.day(), month_name(day), day.year())
}

/// "1 day", "3 days".
pub fn count_days(n: usize) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// "Nov".
pub fn short_month(day: NaiveDate) -> &'static str {
    &month_name(day)[..3]
}

/// "25 Nov".
pub fn short_label(day: NaiveDate) -> String {
    format!("{} {}", day.day(), short_month(day))
}

/// A stored day ("2026-11-25"), as chrono reads it, but the usual
/// ten-character form without chrono's general date parser: at start-up
/// that parser was a fifth of reading ten years of history.
pub fn parse_stored(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0, 4), digits(5, 7), digits(8, 10))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    // Years past 9999, signs, spaces: whatever chrono accepts.
    text.parse().ok()
}

/// `#[serde(deserialize_with = "day::stored")]` for the days of history
/// records, which are read by the thousand at every start.
pub fn stored<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<NaiveDate, D::Error> {
    struct Day;
    impl serde::de::Visitor<'_> for Day {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date like 2026-11-25")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
            parse_stored(text)
                .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(text), &self))
        }
    }
    reader.deserialize_str(Day)
}

/// A closed range of days, `from` to `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    /// The `days` days ending with `to`.
    pub fn ending(to: NaiveDate, days: u32) -> Span {
        let from = to
            .checked_sub_days(Days::new(u64::from(days.max(1) - 1)))
            .unwrap_or(to);
        Span { from, to }
    }

    /// Number of days, both ends included.
    pub fn day_count(self) -> usize {
        usize::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }

    /// The day `offset` days after `from`.
    pub fn day(self, offset: usize) -> NaiveDate {
        self.from + Days::new(offset as u64)
    }

    /// Position of `day` in the range, if inside it.
    pub fn offset(self, day: NaiveDate) -> Option<usize> {
        (self.from..=self.to)
            .contains(&day)
            .then(|| (day - self.from).num_days() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    #[test]
    fn a_span_counts_both_ends() {
        let week = Span::ending(day(7), 7);
        assert_eq!((week.from, week.day_count()), (day(1), 7));
        assert_eq!(week.offset(day(7)), Some(6));
        assert_eq!(week.offset(day(8)), None);
        assert_eq!(week.day(2), day(3));
    }

    #[test]
    fn a_stored_day_reads_exactly_as_chrono_reads_it() {
        let mut day = date(1900, 1, 1);
        while day < date(2100, 12, 31) {
            assert_eq!(parse_stored(&day.to_string()), Some(day));
            day = day.succ_opt().unwrap();
        }
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "0000-01-01",
            "2026-1-5",
            "2026-01-5 ",
            " 2026-01-05",
            "20a6-11-25",
            "2026/11/25",
            "+12026-11-25",
            "-0001-12-31",
            "2026-11-2x",
            "2026-11-25T",
            "",
            "2026",
            "9999-12-31",
        ] {
            assert_eq!(parse_stored(text), text.parse().ok(), "{text:?}");
        }
        let read = |json: &str| {
            #[derive(serde::Deserialize)]
            struct Row(#[serde(deserialize_with = "stored")] NaiveDate);
            serde_json::from_str::<Row>(json).map(|r| r.0)
        };
        assert_eq!(read("\"2026-11-25\"").unwrap(), date(2026, 11, 25));
        assert!(read("\"2026-11-31\"").is_err());
        assert!(read("20261125").is_err());
        let owned = serde_json::json!("2026-11-25");
        assert_eq!(
            serde_json::from_value::<NaiveDate>(owned.clone()).unwrap(),
            stored(owned).unwrap()
        );
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // 2026-03-28T23:30:00Z
    const LATE_SATURDAY_UTC: i64 = 1_774_740_600_000;

    #[test]
    fn late_evening_utc_is_already_tomorrow_east_of_greenwich() {
        assert_eq!(local_day(LATE_SATURDAY_UTC, 0), date(2026, 3, 28));
        assert_eq!(local_day(LATE_SATURDAY_UTC, 60), date(2026, 3, 29));
        assert_eq!(local_day(LATE_SATURDAY_UTC, -5 * 60), date(2026, 3, 28));
    }

    #[test]
    fn a_day_is_midnight_to_midnight_local_time() {
        // 2026-11-24T23:59Z and 2026-11-25T00:01Z in London (offset 0).
        let before = 1_795_564_740_000;
        assert_eq!(local_day(before, 0), date(2026, 11, 24));
        assert_eq!(local_day(before + 2 * 60_000, 0), date(2026, 11, 25));
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(long_label(date(2026, 11, 25)), "Wednesday 25 November");
        assert_eq!(short_label(date(2026, 2, 3)), "3 Feb");
        assert_eq!(dated_label(date(2026, 2, 3)), "3 February 2026");
        assert_eq!(
            (count_days(1), count_days(0)),
            ("1 day".into(), "0 days".into())
        );
    }
}
