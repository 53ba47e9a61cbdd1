//! The pain trend chart as SVG geometry: plain path strings the page drops
//! into an inline `<svg>`, so no charting code ships to the phone.

use std::fmt::Write;

use chrono::Datelike;

use super::day::Span;
use super::decimal::Tenths;
use super::session::SessionRecord;

/// Drawing box in SVG user units; the element scales to the screen width.
pub const WIDTH: f32 = 320.0;
pub const HEIGHT: f32 = 160.0;
/// Room on the left for the 0–10 labels and below for the dates, and
/// enough at the top and left that "10" clears the card's rounded corner
/// (walkthrough #23).
const LEFT: f32 = 28.0;
const BOTTOM: f32 = 18.0;
const TOP: f32 = 12.0;
const RIGHT: f32 = 8.0;

/// Everything drawn, as SVG path data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PainChart {
    /// Each day's score, joined where days follow each other.
    pub daily: String,
    /// The rolling average line.
    pub average: String,
    /// A dot per session for the score before, and one for after…
    pub before: String,
    pub after: String,
    /// …joined by a thin stroke where a session has both: its relief.
    pub links: String,
    /// (y, label) of the horizontal grid lines.
    pub y_ticks: Vec<(f32, u8)>,
    /// (x, label) of the date marks along the bottom.
    pub x_ticks: Vec<(f32, String)>,
}

/// Left edge of the plot area.
pub const PLOT_LEFT: f32 = LEFT;
/// Right edge of the plot area.
pub const PLOT_RIGHT: f32 = WIDTH - RIGHT;

fn x_of(span: Span, offset: f32) -> f32 {
    let steps = (span.day_count().max(2) - 1) as f32;
    LEFT + offset / steps * (WIDTH - LEFT - RIGHT)
}

fn y_of(pain: f32) -> f32 {
    TOP + (10.0 - pain) / 10.0 * (AXIS_Y - TOP)
}

/// Appends a line through the points, lifting the pen over gaps.
fn line(points: impl Iterator<Item = Option<(f32, f32)>>) -> String {
    let mut path = String::new();
    let mut pen_down = false;
    for point in points {
        match point {
            Some((x, y)) => {
                let command = if pen_down { 'L' } else { 'M' };
                let _ = write!(
                    path,
                    "{command}{} {}",
                    Tenths::of(x.into()),
                    Tenths::of(y.into())
                );
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    path
}

/// Unscored days between two scored ones this close keep the pen down.
const BRIDGED_DAYS: usize = 2;

/// The points with each run of at most [`BRIDGED_DAYS`] gaps between two
/// points left out, so [`line`] joins across it; longer runs stay gaps.
fn bridged(
    points: impl Iterator<Item = Option<(f32, f32)>>,
) -> impl Iterator<Item = Option<(f32, f32)>> {
    let points: Vec<_> = points.collect();
    let mut kept = Vec::with_capacity(points.len());
    let mut at = 0;
    while at < points.len() {
        if points[at].is_none() {
            let end = points[at..]
                .iter()
                .position(Option::is_some)
                .map_or(points.len(), |n| at + n);
            let inside = at > 0 && end < points.len();
            if !(inside && end - at <= BRIDGED_DAYS) {
                kept.extend(&points[at..end]);
            }
            at = end;
        } else {
            kept.push(points[at]);
            at += 1;
        }
    }
    kept.into_iter()
}

/// Round dots drawn as zero-length strokes with round caps: one path
/// element for any number of dots.
fn dots(points: impl Iterator<Item = (f32, f32)>) -> String {
    let mut path = String::new();
    for (x, y) in points {
        let _ = write!(path, "M{} {}h0", Tenths::of(x.into()), Tenths::of(y.into()));
    }
    path
}

/// The chart of `daily` scores and their rolling `average` over `span`,
/// with before/after dots for `sessions` (all inside the span).
pub fn pain_chart(
    span: Span,
    daily: &[Option<u8>],
    average: &[Option<f32>],
    sessions: &[SessionRecord],
) -> PainChart {
    let point = |at: usize, pain: f32| (x_of(span, at as f32), y_of(pain));
    let session_x = |s: &SessionRecord| span.offset(s.day).map(|at| x_of(span, at as f32));
    let scored = |score: fn(&SessionRecord) -> Option<u8>| {
        dots(
            sessions
                .iter()
                .filter_map(move |s| Some((session_x(s)?, y_of(f32::from(score(s)?))))),
        )
    };
    PainChart {
        daily: line(
            daily
                .iter()
                .enumerate()
                .map(|(at, p)| p.map(|p| point(at, f32::from(p)))),
        ),
        // Through days with a score, bridging gaps of up to two days: a
        // longer gap in the diary is a gap in the line, not an average of
        // nothing (walkthrough #23), and scoring every other day still
        // draws a line.
        average: line(bridged(
            average
                .iter()
                .zip(daily)
                .enumerate()
                .map(|(at, (mean, score))| score.and(*mean).map(|p| point(at, p))),
        )),
        before: scored(|s| s.pain_before.map(|p| p.score())),
        after: scored(|s| s.pain_after.map(|p| p.score())),
        links: sessions
            .iter()
            .filter_map(|s| {
                let x = session_x(s)?;
                let before = y_of(f32::from(s.pain_before?.score()));
                let after = y_of(f32::from(s.pain_after?.score()));
                Some(format!(
                    "M{} {}V{}",
                    Tenths::of(x.into()),
                    Tenths::of(before.into()),
                    Tenths::of(after.into())
                ))
            })
            .collect(),
        y_ticks: [0, 5, 10].map(|p| (y_of(f32::from(p)), p)).to_vec(),
        x_ticks: x_ticks(span),
    }
}

/// Date marks: about four, on the first of the month for long ranges.
fn x_ticks(span: Span) -> Vec<(f32, String)> {
    let every = span.day_count().div_ceil(4).max(1);
    let long = span.day_count() > 100;
    (0..span.day_count())
        .filter(|&at| {
            let day = span.day(at);
            if long {
                day.day() == 1 && day.month() % 3 == 1
            } else {
                at % every == 0
            }
        })
        .map(|at| (x_of(span, at as f32), super::day::short_label(span.day(at))))
        .collect()
}

/// Vertical position of the bottom axis: pain 0.
const AXIS_Y: f32 = HEIGHT - BOTTOM;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn span(days: u32) -> Span {
        Span::ending(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), days)
    }

    #[test]
    fn a_gap_in_the_scores_lifts_the_pen() {
        let chart = pain_chart(span(4), &[Some(10), None, Some(0), Some(5)], &[], &[]);
        assert_eq!(chart.daily.matches('M').count(), 2);
        assert!(chart.daily.starts_with("M28.0 12.0"), "{}", chart.daily);
        assert!(chart.daily.ends_with("L312.0 77.0"), "{}", chart.daily);
    }

    #[test]
    fn the_average_bridges_two_unscored_days_but_not_three() {
        let average = [Some(4.0); 5];
        let two = pain_chart(span(4), &[Some(4), None, None, Some(6)], &average, &[]);
        assert_eq!(two.average.matches('M').count(), 1, "{}", two.average);
        assert_eq!(two.average.matches('L').count(), 1, "{}", two.average);
        let three = pain_chart(
            span(5),
            &[Some(4), None, None, None, Some(6)],
            &average,
            &[],
        );
        assert_eq!(three.average.matches('M').count(), 2, "{}", three.average);
        assert!(!three.average.contains('L'), "{}", three.average);
        // Every other day scored: one line.
        let alternate = [Some(4), None, Some(5), None, Some(6)];
        let every_other = pain_chart(span(5), &alternate, &average, &[]);
        assert_eq!(
            every_other.average.matches('M').count(),
            1,
            "{}",
            every_other.average
        );
    }

    #[test]
    fn a_session_with_both_scores_gets_a_stroke_from_before_to_after() {
        use crate::domain::pain::Pain;
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let both = SessionRecord {
            pain_before: Pain::new(6),
            pain_after: Pain::new(3),
            ..SessionRecord::sample(day)
        };
        let before_only = SessionRecord {
            pain_before: Pain::new(6),
            ..SessionRecord::sample(day)
        };
        let chart = pain_chart(span(4), &[None; 4], &[], &[both, before_only]);
        let (top, bottom) = (y_of(6.0), y_of(3.0));
        assert_eq!(
            chart.links,
            format!(
                "M312.0 {}V{}",
                Tenths::of(top.into()),
                Tenths::of(bottom.into())
            )
        );
    }

    #[test]
    fn pain_ten_is_at_the_top_and_zero_on_the_axis() {
        assert_eq!(y_of(10.0), TOP);
        assert_eq!(y_of(0.0), AXIS_Y);
    }

    #[test]
    fn a_year_is_marked_by_quarter() {
        let labels: Vec<String> = x_ticks(span(365)).into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels, ["1 Jan", "1 Apr", "1 Jul", "1 Oct"]);
        assert_eq!(x_ticks(span(14)).len(), 4);
    }

    #[test]
    fn no_scores_draw_nothing() {
        let chart = pain_chart(span(14), &[None; 14], &[None; 14], &[]);
        assert!(chart.daily.is_empty() && chart.average.is_empty() && chart.before.is_empty());
    }
}
