//! Numbers with one decimal place, printed with integer arithmetic: the
//! standard float formatter adds about 10 KB to the download for nothing
//! this app needs.

use std::fmt;

/// A number rounded to tenths, displayed as "4.5", "-0.3" or "12.0".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenths(i64);

impl Tenths {
    /// `value` rounded half away from zero to one decimal place.
    pub fn of(value: f64) -> Tenths {
        Tenths((value * 10.0).round() as i64)
    }
}

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let tenths = self.0.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// `value` rounded to a whole number, for display.
pub fn whole(value: f64) -> i64 {
    value.round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_print_like_the_standard_formatter() {
        // Not compared: values a hair below a half (4.55 is 4.5499… in
        // binary) may round up here, a last-digit difference on screen only.
        for value in [0.0, 4.5, 4.449, 12.0, 18.3, -0.3, -0.04, 1234.56, 2.0 / 3.0] {
            let ours = Tenths::of(value).to_string();
            let standard = format!("{value:.1}");
            // Negative zero is shown as "0.0": this app never means "-0.0".
            if standard == "-0.0" {
                assert_eq!(ours, "0.0");
            } else {
                assert_eq!(ours, standard, "{value}");
            }
        }
    }

    #[test]
    fn whole_numbers_round_half_away_from_zero() {
        assert_eq!((whole(2.5), whole(2.49), whole(-1.5)), (3, 2, -2));
    }
}
