//! How remaining time is shown.

/// Whole seconds to show for `ms` left: rounded up, so "0:01" is on screen
/// until the moment the segment ends and "0:00" never lingers.
pub fn seconds_shown(ms: i64) -> i64 {
    (ms.max(0) + 999) / 1000
}

/// "1:05" for 65 seconds; hours fold into minutes ("72:00").
pub fn mm_ss(secs: i64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// "1 min 5 s" for screen readers, which read "1:05" badly.
pub fn spoken(secs: i64) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_countdown_shows_the_second_it_is_in() {
        assert_eq!(seconds_shown(5000), 5);
        assert_eq!(seconds_shown(4001), 5);
        assert_eq!(seconds_shown(4000), 4);
        assert_eq!(seconds_shown(1), 1);
        assert_eq!(seconds_shown(0), 0);
        assert_eq!(seconds_shown(-300), 0);
    }

    #[test]
    fn labels_pad_seconds_but_not_minutes() {
        assert_eq!(mm_ss(65), "1:05");
        assert_eq!(mm_ss(18 * 60), "18:00");
        assert_eq!(mm_ss(9), "0:09");
        assert_eq!(spoken(65), "1 min 5 s");
        assert_eq!(spoken(120), "2 min");
        assert_eq!(spoken(9), "9 s");
    }
}
