//! The figures on the clinician report, for a chosen range of days.

use chrono::NaiveDate;

use super::checkin::CheckIn;
use super::day::{self, Span};
use super::decimal::{Tenths, whole};
use super::flare::{self, Flare};
use super::followup::{self, FollowUpKind};
use super::journal::{DayOff, Journal};
use super::recheck::RECHECK_DAYS;
use super::red_flags::{Screening, Urgency};
use super::session::SessionRecord;
use super::tags::{self, Tag};
use super::trends::{self, Relief};
use super::trial::{self, OtherChange, Outcome, Status, Trial, Verdict};
use super::warning::{self, Sign};

/// Days in the week at each end of the range…
const EDGE_DAYS: u32 = 7;
/// …and the scores each needs for its average to be shown.
const MIN_EDGE_SCORES: usize = 3;

/// What the report says about a range.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub span: Span,
    /// Days from the first record (or the range's start, if later) to its
    /// end on which a routine was due: not flare days, not the rest days the
    /// streak excuses (one in any 7), and not an unfinished today.
    pub due_days: usize,
    /// Days with a counted routine.
    pub done_days: usize,
    pub rest_days: usize,
    pub flare_days: usize,
    pub sessions: usize,
    pub streak: u32,
    pub best_streak: u32,
    /// Average relief per session, before − after.
    pub relief: Option<Relief>,
    /// Daily pain in the first and the last 7 calendar days of the range.
    pub first_week: WeekPain,
    pub last_week: WeekPain,
    /// From the first week to the last, when both have enough scores and
    /// the range is long enough for them not to overlap.
    pub pain_change: Option<PainChange>,
    /// Warning signs that fired in the range, with the first day seen.
    pub signs: Vec<(Sign, NaiveDate)>,
    /// Sessions judged by warning sign 1's test, and those with pain back.
    pub hour_later: Tally,
    /// Sessions judged by warning sign 3's test, and those worse next morning.
    pub next_morning: Tally,
    /// Days of the range with a daily pain score, and days in it (from the
    /// first record, if later): how complete the diary is.
    pub scored_days: usize,
    pub diary_days: usize,
    /// Flares with a day in the range, each whole.
    pub flares: Vec<Flare>,
    /// Days of the range with each day tag.
    pub tags: Vec<(Tag, usize)>,
}

/// Average daily pain over a fixed week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekPain {
    pub span: Span,
    /// Days in it with a score.
    pub scores: usize,
    /// `None` with fewer than 3 scores: too few to stand for the week.
    pub mean: Option<f32>,
}

impl WeekPain {
    fn of(journal: &Journal, span: Span) -> WeekPain {
        let given: Vec<u8> = trends::daily_pain(journal, span)
            .into_iter()
            .flatten()
            .collect();
        let scores = given.len();
        WeekPain {
            span,
            scores,
            mean: (scores >= MIN_EDGE_SCORES)
                .then(|| trends::mean(given))
                .flatten(),
        }
    }
}

/// The change in average daily pain from the first week to the last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PainChange {
    /// Last minus first: negative when the pain fell.
    pub points: f32,
    /// The change as a share of the first week's pain; `None` from 0.
    pub percent: Option<f32>,
    /// Meets the mark of 2 points and 30 % (Farrar 2001), as warning sign 4 does.
    pub meaningful: bool,
}

impl PainChange {
    fn between(first: f32, last: f32) -> PainChange {
        PainChange {
            points: last - first,
            percent: (first > 0.0).then(|| (last - first) / first * 100.0),
            meaningful: trends::meaningful_change(first, last),
        }
    }

    /// "-2.3 points (-35 %): meets the 2-point and 30 % mark for a meaningful change".
    pub fn describe(self) -> String {
        let signed = |value: f32, text: String| {
            if value > 0.0 {
                format!("+{text}")
            } else {
                text
            }
        };
        let points = signed(self.points, Tenths::of(self.points.into()).to_string());
        let percent = self.percent.map_or(String::new(), |p| {
            format!(" ({} %)", signed(p, whole(p.into()).to_string()))
        });
        let verdict = if self.meaningful {
            "meets"
        } else {
            "does not meet"
        };
        format!(
            "{points} points{percent}: {verdict} the 2-point and 30 % mark for a meaningful change"
        )
    }
}

/// Sessions a warning sign's per-session test could judge, and how many
/// showed the sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub judged: usize,
    pub showing: usize,
}

impl Tally {
    fn of(sessions: &[SessionRecord], test: impl Fn(&SessionRecord) -> Option<bool>) -> Tally {
        sessions
            .iter()
            .filter_map(test)
            .fold(Tally::default(), |total, showing| Tally {
                judged: total.judged + 1,
                showing: total.showing + usize::from(showing),
            })
    }
}

impl Summary {
    /// Share of due days with a counted routine, 0–100.
    pub fn adherence_percent(&self) -> u32 {
        if self.due_days == 0 {
            return 0;
        }
        (self.done_days as f32 * 100.0 / self.due_days as f32).round() as u32
    }
}

/// Daily pain in the first and the last 7 days of `span`, and the change
/// between them when both have enough scores and do not overlap: the one
/// pain trend of the report and of the trend chart's summary, so they never
/// point opposite ways (walkthrough #17: "5.3 → 4.9" beside "the 7-day
/// average went from 4.0 to 4.9").
pub fn pain_weeks(journal: &Journal, span: Span) -> (WeekPain, WeekPain, Option<PainChange>) {
    let span = diary_span(journal, span);
    let first_week = WeekPain::of(
        journal,
        Span {
            from: span.from,
            to: span.day(EDGE_DAYS as usize - 1).min(span.to),
        },
    );
    let last = Span::ending(span.to, EDGE_DAYS);
    let last_week = WeekPain::of(
        journal,
        Span {
            from: last.from.max(span.from),
            to: span.to,
        },
    );
    let apart = first_week.span.to < last_week.span.from;
    let pain_change = first_week
        .mean
        .zip(last_week.mean)
        .filter(|_| apart)
        .map(|(first, last)| PainChange::between(first, last));
    (first_week, last_week, pain_change)
}

/// `span` from the first record, when it starts before it: a first week
/// with no data yet is no baseline.
fn diary_span(journal: &Journal, span: Span) -> Span {
    let first = journal.first_day().unwrap_or(span.from);
    Span {
        from: first.max(span.from).min(span.to),
        to: span.to,
    }
}

/// The report's figures for `span`, as of `today`.
pub fn summarize(journal: &Journal, span: Span, today: NaiveDate) -> Summary {
    let (done_days, due_days) = journal.first_day().map_or((0, 0), |first| {
        journal.adherence(first.max(span.from), span.to, today)
    });
    let days = (0..span.day_count()).map(|at| span.day(at));
    let count_off = |kind| {
        days.clone()
            .filter(|d| journal.day_off(*d) == Some(kind))
            .count()
    };
    let sessions = trends::sessions_in(journal, span);
    let (first_week, last_week, pain_change) = pain_weeks(journal, span);
    let diary = diary_span(journal, span);
    Summary {
        span,
        due_days,
        done_days,
        rest_days: count_off(DayOff::Rest),
        flare_days: count_off(DayOff::Flare),
        sessions: sessions.len(),
        streak: journal.streak(span.to),
        best_streak: journal.best_streak(span.to),
        relief: Relief::of(sessions),
        first_week,
        last_week,
        pain_change,
        signs: warning::seen(journal, span),
        hour_later: Tally::of(sessions, |s| warning::pain_back_after(journal, s)),
        next_morning: Tally::of(sessions, |s| warning::worse_next_morning(journal, s)),
        scored_days: trends::daily_pain(journal, diary).iter().flatten().count(),
        diary_days: diary.day_count(),
        flares: flare::flares_in(journal, span),
        tags: tags::days_with(&journal.tags, span),
    }
}

/// The check-ins of `span` with a stiffness score or a note, oldest first:
/// the report's optional second page (the clinical review §4.2 #3: both
/// were collected and never reported).
pub fn noted_checkins(journal: &Journal, span: Span) -> Vec<&CheckIn> {
    journal
        .checkins
        .iter()
        .filter(|c| span.offset(c.day).is_some() && (c.stiffness.is_some() || !c.note.is_empty()))
        .collect()
}

/// Stiffness over `span`, one line: "3.0 on average, from 28 check-ins",
/// or "not scored".
pub fn stiffness_line(journal: &Journal, span: Span) -> String {
    let scores: Vec<u8> = journal
        .checkins
        .iter()
        .filter(|c| span.offset(c.day).is_some())
        .filter_map(|c| c.stiffness.map(|s| s.score()))
        .collect();
    let count = scores.len();
    trends::mean(scores).map_or("not scored".into(), |mean| {
        format!(
            "{} on average, from {}",
            Tenths::of(mean.into()),
            counted(count, "check-in")
        )
    })
}

/// Ranges up to this long show adherence week by week; longer ones by
/// four weeks, so a year still fits one printed line or two.
const WEEKLY_UP_TO_DAYS: usize = 91;

/// Routines done of those due in each block of the range from the first
/// record, oldest first, and the block's length in days (7 or 28): "by
/// week: 5/6 6/6 4/7" (the clinical review §4.2 #7: week-by-week
/// adherence). The last block may be shorter; one with nothing due yet
/// (only an unfinished today) is left out.
pub fn adherence_blocks(
    journal: &Journal,
    span: Span,
    today: NaiveDate,
) -> (u32, Vec<(usize, usize)>) {
    let span = diary_span(journal, span);
    let block = if span.day_count() <= WEEKLY_UP_TO_DAYS {
        7
    } else {
        28
    };
    if journal.first_day().is_none() {
        return (block, Vec::new());
    }
    let mut blocks: Vec<(usize, usize)> = (0..span.day_count())
        .step_by(block as usize)
        .map(|start| {
            let from = span.day(start);
            let to = span.day(start + block as usize - 1).min(span.to);
            journal.adherence(from, to, today)
        })
        .collect();
    // A last block of only an unfinished today has nothing due yet.
    if blocks.last() == Some(&(0, 0)) {
        blocks.pop();
    }
    (block, blocks)
}

/// "by week: 5/6 6/6 4/7", or "by 4 weeks: …"; empty with no blocks.
pub fn adherence_line((block, blocks): (u32, Vec<(usize, usize)>)) -> String {
    if blocks.is_empty() {
        return String::new();
    }
    let each: Vec<String> = blocks
        .iter()
        .map(|(done, due)| format!("{done}/{due}"))
        .collect();
    let by = if block == 7 { "week" } else { "4 weeks" };
    format!("by {by}: {}", each.join(" "))
}

/// A routine as used in a period: its name, its first and last day, and
/// the sessions run (the clinical review §4.1: the report showed today's
/// routine, not the ones the figures come from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineUsed {
    pub name: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub sessions: usize,
}

/// The routines the sessions of `span` ran, in the order first used.
pub fn routines_used(journal: &Journal, span: Span) -> Vec<RoutineUsed> {
    let mut used: Vec<RoutineUsed> = Vec::new();
    for session in trends::sessions_in(journal, span) {
        match used.iter_mut().find(|u| u.name == session.plan) {
            Some(routine) => {
                routine.last = session.day;
                routine.sessions += 1;
            }
            None => used.push(RoutineUsed {
                name: session.plan.clone(),
                first: session.day,
                last: session.day,
                sessions: 1,
            }),
        }
    }
    used
}

/// "1 session", "3 sessions": `n` of a thing whose plural adds an s.
fn counted(n: usize, thing: &str) -> String {
    match n {
        1 => format!("1 {thing}"),
        n => format!("{n} {thing}s"),
    }
}

/// The routines used, one line: "Daily spine routine, 26 Sep – 24 Nov, 48
/// sessions", joined by "; ", or "none".
pub fn routines_line(used: &[RoutineUsed]) -> String {
    if used.is_empty() {
        return "none".into();
    }
    let each: Vec<String> = used
        .iter()
        .map(|u| {
            format!(
                "{}, {} \u{2013} {}, {}",
                u.name,
                day::short_label(u.first),
                day::short_label(u.last),
                counted(u.sessions, "session")
            )
        })
        .collect();
    each.join("; ")
}

/// The flares, one line: "2 flares: 3 Nov, 2 days, highest pain 7, no
/// routine; 10 Nov, 1 day, no score, 1 routine", or "none".
pub fn flares_line(flares: &[Flare]) -> String {
    if flares.is_empty() {
        return "none".into();
    }
    let each: Vec<String> = flares
        .iter()
        .map(|f| {
            let peak = f
                .peak
                .map_or("no score".to_string(), |p| format!("highest pain {p}"));
            let routines = match f.routines {
                0 => "no routine".to_string(),
                n => counted(n, "routine"),
            };
            format!(
                "{}, {}, {peak}, {routines}",
                day::short_label(f.start),
                day::count_days(f.days as usize)
            )
        })
        .collect();
    format!("{}: {}", counted(flares.len(), "flare"), each.join("; "))
}

/// How often the follow-up questions of `span` were answered, one line:
/// "1 hour later 8 of 12 (2 skipped), next morning 10 of 12" (the clinical
/// review §4.2: follow-up answer rates, skips apart).
pub fn followups_line(
    journal: &Journal,
    span: Span,
    now_ms: i64,
    local: impl Fn(i64) -> chrono::NaiveDateTime + Copy,
) -> String {
    let rate = |kind| {
        followup::answer_rate(
            kind,
            &journal.sessions,
            &journal.followups,
            span,
            now_ms,
            local,
        )
        .describe()
    };
    format!(
        "1 hour later {}, next morning {}",
        rate(FollowUpKind::HourLater),
        rate(FollowUpKind::NextMorning)
    )
}

/// A two-week try with a day in `span`: it started by the span's end and
/// ended (or is still open) after its start.
pub fn trial_in(trial: &Trial, span: Span) -> bool {
    let last = trial.ended.as_ref().map_or(span.to, |e| e.on);
    trial.started_on <= span.to && last >= span.from
}

/// A try in one line for the report, from its `outcome` (as ended, or so
/// far) and where it stands `status` on the report's day: "26 Nov –
/// 10 Dec: two more minutes of strength work, for “the pain comes back
/// within an hour”. Daily pain 4.0 (13 days) → 1.0 (7 days): met the mark
/// of 2.0 lower. Kept."
pub fn trial_line(trial: &Trial, outcome: &Outcome, status: Status) -> String {
    let to = day::short_label(trial.result_day() - chrono::Days::new(1));
    let average = |a: trial::Average| match a.days {
        0 => "no scores".to_string(),
        n => format!(
            "{} ({})",
            Tenths::of(f64::from(a.tenths) / 10.0),
            day::count_days(usize::from(n))
        ),
    };
    let result = match outcome.verdict {
        Verdict::Working => format!(
            "met the mark of {} lower",
            Tenths::of(f64::from(trial::working_drop_tenths(trial.baseline)) / 10.0)
        ),
        Verdict::LittleBetter => "a little lower, short of the mark".into(),
        Verdict::NotWorking => "not lower".into(),
        Verdict::TooLittleData => "too few scores to tell".into(),
        Verdict::ChangedByHand => "another routine was used, so it cannot tell".into(),
        Verdict::StoppedEarly => "stopped early, so it cannot tell".into(),
    };
    let choice = match (&trial.ended, status) {
        (Some(ended), _) if ended.kept => "Kept.".to_string(),
        (Some(_), _) => "Went back to the routine before.".to_string(),
        (None, Status::Over) => "Result ready, not yet chosen.".to_string(),
        (None, status) => format!("Running: {}.", status.label()),
    };
    let result = if trial.ended.is_some() || status == Status::Over {
        format!(": {result}")
    } else {
        " so far".to_string()
    };
    format!(
        "{} \u{2013} {to}: {}, for \u{201c}{}\u{201d}. Daily pain {} \u{2192} {}{result}. {choice}",
        day::short_label(trial.started_on),
        trial.change.title(),
        trial.sign.title(),
        average(trial.baseline),
        average(outcome.during),
    )
}

/// The day tags that changed over a try, for the end of its report line:
/// " Also changed: pain medicine 2 → 5 days." (before → during), or nothing.
pub fn other_changes_line(changes: &[OtherChange]) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let each: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "{} {} \u{2192} {}",
                c.tag.short(),
                c.before,
                day::count_days(c.during)
            )
        })
        .collect();
    format!(" Also changed: {}.", each.join(", "))
}

/// Every safety check of the report's period, and how old the last one is.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningLog<'a> {
    /// The checks in the period, oldest first.
    pub checks: Vec<&'a Screening>,
    /// Days since the latest check of all; `None` when never answered.
    pub last_days_ago: Option<i64>,
}

impl ScreeningLog<'_> {
    /// The last check is older than the 28 days after which it is asked again.
    pub fn out_of_date(&self) -> bool {
        self.last_days_ago
            .is_none_or(|days| days > RECHECK_DAYS as i64)
    }
}

/// The safety checks to report for `span`, seen from `today`.
pub fn screenings<'a>(
    screenings: &'a [Screening],
    span: Span,
    today: NaiveDate,
) -> ScreeningLog<'a> {
    ScreeningLog {
        checks: screenings
            .iter()
            .filter(|s| (span.from..=span.to).contains(&s.day))
            .collect(),
        last_days_ago: screenings.iter().map(|s| (today - s.day).num_days()).min(),
    }
}

/// What a check's answers meant, as the report states it.
pub fn screening_outcome(screening: &Screening) -> &'static str {
    match screening.urgency() {
        None => "no warning signs",
        Some(Urgency::Soon) => "see a doctor soon",
        Some(Urgency::SameDay) => "speak to a doctor the same day",
        Some(Urgency::Emergency) => "emergency care now",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::FollowUpKind;
    use crate::domain::pain::Pain;

    use crate::domain::testing::day;

    fn session(d: u32, before: u8, after: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(before),
            pain_after: Pain::new(after),
            ..SessionRecord::sample(day(d))
        }
    }

    #[test]
    fn the_routines_used_are_those_the_sessions_ran_with_their_days() {
        let mut journal = Journal::default();
        let ran = |d: u32, name: &str| SessionRecord {
            plan: name.into(),
            ..SessionRecord::sample(day(d))
        };
        for (d, name) in [(2, "A"), (3, "A"), (5, "B"), (9, "A"), (20, "B")] {
            journal.record(ran(d, name));
        }
        let used = routines_used(
            &journal,
            Span {
                from: day(3),
                to: day(30),
            },
        );
        assert_eq!(
            routines_line(&used),
            "A, 3 Nov \u{2013} 9 Nov, 2 sessions; B, 5 Nov \u{2013} 20 Nov, 2 sessions"
        );
        let one = routines_used(
            &journal,
            Span {
                from: day(20),
                to: day(30),
            },
        );
        assert_eq!(routines_line(&one), "B, 20 Nov \u{2013} 20 Nov, 1 session");
        assert_eq!(
            routines_line(&routines_used(
                &journal,
                Span {
                    from: day(25),
                    to: day(30)
                }
            )),
            "none"
        );
    }

    #[test]
    fn the_first_week_starts_at_the_first_record_when_the_range_starts_before_it() {
        let mut journal = Journal::default();
        for d in 10..=30 {
            let pain = if d < 17 { 6 } else { 3 };
            journal.check_in(crate::domain::testing::checkin(d, pain, 0));
        }
        let summary = summarize(&journal, Span::ending(day(30), 365), day(30));
        assert_eq!(summary.first_week.span.from, day(10));
        assert_eq!(summary.first_week.mean, Some(6.0));
        assert_eq!((summary.scored_days, summary.diary_days), (21, 21));
    }

    #[test]
    fn flares_read_as_one_line_with_their_length_peak_and_routines() {
        use crate::domain::flare::Flare;
        assert_eq!(flares_line(&[]), "none");
        let flares = [
            Flare {
                start: day(3),
                days: 2,
                peak: Some(7),
                routines: 0,
            },
            Flare {
                start: day(10),
                days: 1,
                peak: None,
                routines: 1,
            },
        ];
        assert_eq!(
            flares_line(&flares),
            "2 flares: 3 Nov, 2 days, highest pain 7, no routine; 10 Nov, 1 day, no score, 1 routine"
        );
        assert_eq!(
            flares_line(&flares[1..]),
            "1 flare: 10 Nov, 1 day, no score, 1 routine"
        );
    }

    #[test]
    fn a_try_reads_as_one_line_running_or_ended() {
        use crate::domain::plan::Plan;
        use crate::domain::trial::{Average, Change, Ended};
        let mut trial = Trial {
            sign: Sign::PainBackWithinHour,
            change: Change::MoreActivation,
            started_on: day(2),
            plan: Plan::seed(),
            before: None,
            baseline: Average {
                days: 13,
                tenths: 40,
            },
            ended: None,
        };
        let outcome = Outcome {
            during: Average {
                days: 7,
                tenths: 10,
            },
            flare_days: 0,
            changed_on_day: None,
            verdict: Verdict::StoppedEarly,
        };
        assert_eq!(
            trial_line(&trial, &outcome, Status::Day(3)),
            "2 Nov \u{2013} 15 Nov: Two more minutes of strength work, for \u{201c}The pain comes back within an hour\u{201d}. Daily pain 4.0 (13 days) \u{2192} 1.0 (7 days) so far. Running: day 3 of 14."
        );
        let working = Outcome {
            verdict: Verdict::Working,
            ..outcome
        };
        trial.ended = Some(Ended {
            on: day(16),
            kept: true,
            outcome: working,
        });
        assert!(
            trial_line(&trial, &working, Status::Over)
                .ends_with("1.0 (7 days): met the mark of 2.0 lower. Kept.")
        );
        let medicine = OtherChange {
            tag: crate::domain::tags::Tag::PainMedicine,
            before: 2,
            during: 5,
        };
        assert_eq!(
            other_changes_line(&[medicine]),
            " Also changed: pain medicine 2 \u{2192} 5 days."
        );
        assert_eq!(other_changes_line(&[]), "");
        // In a span it overlaps, not in one before it or after it ended.
        let span = |from, to| Span {
            from: day(from),
            to: day(to),
        };
        assert!(trial_in(&trial, span(1, 30)));
        assert!(trial_in(&trial, span(16, 30)));
        assert!(!trial_in(&trial, span(17, 30)));
        assert!(!trial_in(&trial, span(1, 1)));
    }

    #[test]
    fn the_notes_page_holds_check_ins_with_stiffness_or_a_note_in_the_range() {
        let mut journal = Journal::default();
        let with = |d: u32, stiffness: Option<u8>, note: &str| CheckIn {
            stiffness: stiffness.and_then(Pain::new),
            note: note.into(),
            ..crate::domain::testing::checkin(d, 4, 0)
        };
        journal.check_in(with(1, Some(7), "old"));
        journal.check_in(with(10, None, ""));
        journal.check_in(with(11, Some(3), ""));
        journal.check_in(with(12, None, "Long drive"));
        journal.check_in(with(13, Some(4), ""));
        let span = Span::ending(day(20), 10);
        let days: Vec<_> = noted_checkins(&journal, span)
            .iter()
            .map(|c| c.day)
            .collect();
        assert_eq!(days, [day(11), day(12), day(13)]);
        assert_eq!(
            stiffness_line(&journal, span),
            "3.5 on average, from 2 check-ins"
        );
        assert_eq!(
            stiffness_line(&journal, Span::ending(day(9), 5)),
            "not scored"
        );
    }

    #[test]
    fn adherence_goes_week_by_week_from_the_first_record_and_by_four_weeks_past_three_months() {
        // Days 11 to 24, missing the 15th and the 20th; today is the 25th.
        let journal = Journal::with_sessions(
            (11..=24)
                .filter(|d| *d != 15 && *d != 20)
                .map(|d| session(d, 6, 4)),
        );
        let blocks = adherence_blocks(&journal, Span::ending(day(25), 30), day(25));
        assert_eq!(blocks, (7, vec![(6, 7), (6, 7)]));
        assert_eq!(adherence_line(blocks), "by week: 6/7 6/7");
        let year = adherence_blocks(&journal, Span::ending(day(25), 365), day(25));
        // From the first record the diary is 15 days: weekly still.
        assert_eq!(year.0, 7);
        let long =
            Journal::with_sessions([SessionRecord::sample(day(25) - chrono::Days::new(200))]);
        let (block, by_four) = adherence_blocks(&long, Span::ending(day(25), 365), day(25));
        assert_eq!((block, by_four.len()), (28, 8));
        assert!(adherence_line((block, by_four)).starts_with("by 4 weeks: 1/"));
        assert_eq!(
            adherence_line(adherence_blocks(
                &Journal::default(),
                Span::ending(day(25), 30),
                day(25)
            )),
            ""
        );
    }

    #[test]
    fn adherence_counts_due_days_from_the_first_record_not_the_range_start() {
        let mut journal =
            Journal::with_sessions((11..=20).filter(|d| d % 5 != 0).map(|d| session(d, 6, 4)));
        journal.mark_day(day(15), Some(DayOff::Flare));
        let summary = summarize(&journal, Span::ending(day(20), 30), day(21));
        // From the 11th: the flare day (15th) is not due; the 20th was missed.
        assert_eq!(summary.due_days, 9);
        assert_eq!(summary.done_days, 8);
        assert_eq!(summary.adherence_percent(), 89);
        assert_eq!((summary.flare_days, summary.rest_days), (1, 0));
        assert_eq!(summary.sessions, 8);
        assert_eq!(summary.relief.map(|r| r.mean), Some(2.0));
        assert_eq!(
            summary.streak, 8,
            "the 20th may still be trained; the flare day keeps the chain"
        );
        assert_eq!(summary.best_streak, 8);
    }

    #[test]
    fn pain_at_the_start_and_end_average_the_first_and_last_calendar_week() {
        let journal =
            Journal::with_sessions((1..=20).map(|d| session(d, if d <= 10 { 7 } else { 3 }, 2)));
        let summary = summarize(&journal, Span::ending(day(20), 20), day(20));
        let (first, last) = (summary.first_week, summary.last_week);
        assert_eq!((first.span.from, first.span.to), (day(1), day(7)));
        assert_eq!((last.span.from, last.span.to), (day(14), day(20)));
        assert_eq!((first.scores, first.mean), (7, Some(7.0)));
        assert_eq!((last.scores, last.mean), (7, Some(3.0)));
        let change = summary.pain_change.unwrap();
        assert_eq!((change.points, change.meaningful), (-4.0, true));
    }

    #[test]
    fn the_weeks_are_calendar_days_not_the_first_and_last_scores() {
        // Scores on 1–3 Nov (7), 10–20 Nov (5) and 28–30 Nov (3).
        let days = (1..=3).chain(10..=20).chain(28..=30);
        let journal = Journal::with_sessions(days.map(|d| {
            let before = match d {
                ..=3 => 7,
                4..=20 => 5,
                _ => 3,
            };
            session(d, before, 2)
        }));
        let summary = summarize(&journal, Span::ending(day(30), 30), day(30));
        assert_eq!(
            (summary.first_week.scores, summary.first_week.mean),
            (3, Some(7.0))
        );
        assert_eq!(
            (summary.last_week.scores, summary.last_week.mean),
            (3, Some(3.0))
        );
        assert_eq!(summary.last_week.span.from, day(24));
    }

    #[test]
    fn a_week_with_fewer_than_3_scores_shows_no_average_and_no_change() {
        let journal = Journal::with_sessions([1, 2, 25, 26, 27].map(|d| session(d, 6, 2)));
        let summary = summarize(&journal, Span::ending(day(30), 30), day(30));
        assert_eq!(
            (summary.first_week.scores, summary.first_week.mean),
            (2, None)
        );
        assert_eq!(summary.last_week.mean, Some(6.0));
        assert_eq!(summary.pain_change, None);
    }

    #[test]
    fn a_range_too_short_for_two_separate_weeks_shows_no_change() {
        let journal = Journal::with_sessions((1..=10).map(|d| session(d, 6, 2)));
        let summary = summarize(&journal, Span::ending(day(10), 10), day(10));
        assert_eq!(summary.first_week.mean, Some(6.0));
        assert_eq!(summary.pain_change, None);
    }

    #[test]
    fn the_change_says_whether_it_meets_the_two_point_and_thirty_percent_mark() {
        assert_eq!(
            PainChange::between(6.5, 4.2).describe(),
            "-2.3 points (-35 %): meets the 2-point and 30 % mark for a meaningful change"
        );
        assert_eq!(
            PainChange::between(8.0, 6.0).describe(),
            "-2.0 points (-25 %): does not meet the 2-point and 30 % mark for a meaningful change"
        );
        assert_eq!(
            PainChange::between(3.0, 5.0).describe(),
            "+2.0 points (+67 %): meets the 2-point and 30 % mark for a meaningful change"
        );
        assert_eq!(
            PainChange::between(0.0, 1.0).describe(),
            "+1.0 points: does not meet the 2-point and 30 % mark for a meaningful change"
        );
    }

    fn answer(journal: &mut Journal, at: usize, kind: FollowUpKind, pain: u8) {
        let answer = crate::domain::followup::FollowUp {
            session: journal.sessions[at].started_ms,
            kind,
            pain: Pain::new(pain),
            answered_ms: 0,
            clock: 0,
        };
        journal.answer(answer);
    }

    #[test]
    fn the_follow_up_line_gives_each_questions_answers_and_skips() {
        let mut journal = Journal::with_sessions((1..=4).map(|d| session(d, 6, 3)));
        answer(&mut journal, 0, FollowUpKind::HourLater, 4);
        journal.answer(crate::domain::followup::FollowUp {
            pain: None,
            ..journal.followups[0].clone()
        });
        answer(&mut journal, 1, FollowUpKind::HourLater, 5);
        answer(&mut journal, 0, FollowUpKind::NextMorning, 3);
        let utc = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .unwrap()
                .naive_utc()
        };
        // Day 5 at 13:00 UTC: every window of days 1–4 has closed.
        let now = day(5)
            .and_hms_opt(13, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(
            followups_line(&journal, Span::ending(day(5), 5), now, utc),
            "1 hour later 1 of 4 (1 skipped), next morning 1 of 4"
        );
        assert_eq!(
            followups_line(&Journal::default(), Span::ending(day(5), 5), now, utc),
            "1 hour later not asked yet, next morning not asked yet"
        );
    }

    #[test]
    fn pain_back_an_hour_later_counts_as_warning_sign_1_does() {
        let mut journal = Journal::with_sessions((1..=3).map(|d| session(d, 6, 3)));
        // A session that brought no relief has nothing to come back.
        journal.record(session(4, 5, 5));
        for (at, pain) in [(0, 5), (1, 2), (2, 7), (3, 5)] {
            answer(&mut journal, at, FollowUpKind::HourLater, pain);
        }
        let summary = summarize(&journal, Span::ending(day(4), 4), day(4));
        assert_eq!(
            summary.hour_later,
            Tally {
                judged: 3,
                showing: 2
            }
        );
        assert_eq!(summary.next_morning, Tally::default());
    }

    #[test]
    fn worse_next_morning_counts_as_warning_sign_3_does() {
        let mut journal = Journal::with_sessions((1..=3).map(|d| session(d, 6, 3)));
        // A point better than before the routine (the old row said "back"),
        // higher than before, level with it, and a session that eased nothing.
        journal.record(session(4, 5, 5));
        for (at, pain) in [(0, 5), (1, 7), (2, 6), (3, 7)] {
            answer(&mut journal, at, FollowUpKind::NextMorning, pain);
        }
        let summary = summarize(&journal, Span::ending(day(5), 5), day(5));
        assert_eq!(
            summary.next_morning,
            Tally {
                judged: 4,
                showing: 1
            }
        );
    }

    #[test]
    fn an_empty_history_reports_nothing_rather_than_zeroes_that_look_like_data() {
        let summary = summarize(&Journal::default(), Span::ending(day(20), 30), day(20));
        assert_eq!(summary.adherence_percent(), 0);
        assert_eq!(
            (summary.first_week.mean, summary.pain_change, summary.relief),
            (None, None, None)
        );
        assert!(summary.signs.is_empty());
    }

    #[test]
    fn the_screening_log_lists_the_periods_checks_and_flags_an_old_last_check() {
        use crate::domain::red_flags::Screening;
        let d = |n: u32| NaiveDate::from_ymd_opt(2026, 11, n).unwrap();
        let checks = vec![
            Screening::answered(1, d(1), vec![]),
            Screening::answered(2, d(10), vec!["saddle".into()]),
        ];
        let span = Span::ending(d(30), 14);
        let log = screenings(&checks, span, d(30));
        assert!(log.checks.is_empty());
        assert_eq!(log.last_days_ago, Some(20));
        assert!(!log.out_of_date());
        let month = Span::ending(d(30), 30);
        let log = screenings(&checks, month, d(30));
        assert_eq!(log.checks.len(), 2);
        assert_eq!(screening_outcome(log.checks[1]), "emergency care now");
        assert!(screenings(&checks, month, d(10) + chrono::Days::new(29)).out_of_date());
        assert!(!screenings(&checks, month, d(10) + chrono::Days::new(28)).out_of_date());
        assert!(screenings(&[], month, d(30)).out_of_date());
    }
}
