//! The signs that a routine is not working, and one safety sign, read from
//! the patient's own scores. Each rule is explicit, has a threshold and an
//! enough-data guard, and looks only at recent weeks, so an old bad spell
//! does not follow the patient for ever. The report counts sessions with
//! the same per-session tests ([`pain_back_after`], [`worse_next_morning`]).
//!
//! | sign | fires when | needs | source of the threshold |
//! |---|---|---|---|
//! | 1 pain back within an hour | in ≥ 3 of the last 5 hour-later answers (last 28 days), pain is back to within 1 point of the score before the session | 3 such answers, each after a session that eased the pain by ≥ 2 points | ≥ 2 points of relief: Farrar 2001; 1 point is the smallest change patients notice: Salaffi 2004 |
//! | 2 more for the same relief | last 14 days against the 14 before, with relief as a share of the pain before (r = (before − after) ÷ before) and dose as minutes of exercise done plus "+15 s" per training day (a second session adds to its day): dose up ≥ 20 % with r up by no more than 0.05, or r down ≥ 0.15 with dose not down and the pain before not down by more than ½ point | 5 sessions with both scores and a score before of ≥ 3 in each half | share of relief: Farrar 2001 (30 % is meaningful), 0.15 ≈ Salaffi 2004's 15 % "slightly better" |
//! | 3 great during, worse next day | in ≥ 3 of the last 5 sessions with before, after and morning-after scores (last 28 days), pain eased during the session and the next morning was ≥ 2 points above the usual morning: the median of the morning-after answers on the 7 mornings before it. With fewer than 3 such answers: the next morning was above the score before the session | 3 such sessions | the pain-monitoring model's next-morning rule; 2 points: Farrar 2001 |
//! | 3b worse right after, three running | the last 3 sessions with scores before and after (last 28 days) each ended ≥ 1 point above where they started | 3 such sessions | 1 point is the smallest change patients notice: Salaffi 2004; three running: the walkthrough's sign, as sign 3's count |
//! | 4 worse despite consistency | either the last 14 days' average daily pain is ≥ 1 point above the 14 days before, while a counted routine was done on ≥ 80 % of the last 14 days' due days; or (slow drift) it is ≥ max(2 points, 30 %) above the baseline, the lowest average of the 5 fortnights before the last 14 days, while ≥ 70 % of due days were done. Due days leave out flare days, one rest day in 7 (as the streak) and an unfinished today | 7 days with a score in each fortnight compared | the article's sign (1 point and 80 % are the app's own); drift: Farrar 2001 |
//! | 4b sudden rise (safety) | the last 7 days' average daily pain is ≥ 2 points above the 21 days before, however often the patient trained | 4 days with a score in the 7 and 10 in the 21 | NICE NG59: rule out serious causes (red flags); 2 points: Farrar 2001 |
//!
//! Check-ins are not used as "usual mornings": they carry no local time of
//! day, and the morning-after question is only asked from 04:00 to noon.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::day;
use super::day::Span;
use super::decimal::{Tenths, whole};
use super::followup::FollowUpKind;
use super::journal::Journal;
use super::session::SessionRecord;
use super::sort;
use super::trends;

/// One of the signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Sign {
    PainBackWithinHour,
    MoreForSameRelief,
    WorseNextDay,
    /// Sign 3b: pain higher after the routine than before, time after time.
    WorseRightAfter,
    WorseDespiteConsistency,
    /// Sign 4b: a safety net, not one of the article's signs.
    SuddenRise,
}

/// A sign that fired, with the figures behind it in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub sign: Sign,
    pub evidence: String,
}

/// Recent sessions looked at for the per-session signs.
const RECENT_DAYS: u32 = 28;
/// Of the last this many answered sessions…
const LAST_SESSIONS: usize = 5;
/// …this many must show the sign (and at least this many must exist).
const SESSIONS_SHOWING: usize = 3;
/// Sign 1: relief a session must give before its return counts (Farrar 2001).
const EASED_POINTS: u8 = 2;
/// Sign 1: pain within this many points of before is "back" (Salaffi 2004).
const BACK_WITHIN_POINTS: u8 = 1;
/// The two halves compared by signs 2 and 4.
const HALF_DAYS: u32 = 14;
/// Sign 2: sessions with relief needed in each half…
const MIN_RELIEF_SESSIONS: usize = 5;
/// …each with a score before of at least this: below it, a share of relief is noise.
const RELIEF_FROM: u8 = 3;
/// Sign 2: this much more dose is "more"…
const MORE_DOSE: f32 = 1.2;
/// …when the share of relief rose by no more than this…
const SAME_RELIEF: f32 = 0.05;
/// …or this much less share of relief is "less" (Salaffi 2004: 15 %)…
const LESS_RELIEF: f32 = 0.15;
/// …unless the pain before fell by more than this (less to relieve).
const LOWER_START: f32 = 0.5;
/// Sign 3: the mornings before a morning that make the usual morning…
const USUAL_MORNING_DAYS: u64 = 7;
/// …of which this many need an answer, else the old rule is used.
const MIN_USUAL_MORNINGS: usize = 3;
/// Sign 3: points above the usual morning that make a morning worse (Farrar 2001).
const MORNING_WORSE_POINTS: f32 = 2.0;
/// Sign 3b: a rise of this many points from before to after is "worse"
/// (Salaffi 2004: the smallest change patients notice).
pub const WORSE_AFTER_POINTS: u8 = 1;
/// Sign 4: days with a score needed in each fortnight compared.
const MIN_PAIN_DAYS: usize = 7;
/// Sign 4, fortnight step: the rise…
const STEP_POINTS: f32 = 1.0;
/// …and the share of due days trained that makes the patient "consistent".
const CONSISTENT_SHARE: f32 = 0.8;
/// Sign 4, drift: fortnights before the last one searched for the baseline…
const DRIFT_FORTNIGHTS: u32 = 5;
/// …and the share of due days trained it needs (review 1.5).
const DRIFT_CONSISTENT_SHARE: f32 = 0.7;
/// Sign 4b: the last week…
const RISE_RECENT_DAYS: u32 = 7;
/// …against the three weeks before…
const RISE_EARLIER_DAYS: u32 = 21;
/// …rising by this many points (Farrar 2001)…
const RISE_POINTS: f32 = 2.0;
/// …with this many scored days in each.
const MIN_RISE_RECENT: usize = 4;
const MIN_RISE_EARLIER: usize = 10;

impl Sign {
    /// The sign as a heading.
    pub fn title(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => "The pain comes back within an hour",
            Sign::MoreForSameRelief => "You need more for the same relief",
            Sign::WorseNextDay => "Better during the routine, worse the next day",
            Sign::WorseRightAfter => "Worse right after the routine, three times running",
            Sign::WorseDespiteConsistency => "Pain is rising although you train nearly every day",
            Sign::SuddenRise => "Your pain has gone up a lot this week",
        }
    }

    /// Why it matters, offered as a possibility: the app cannot know the cause.
    pub fn meaning(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => {
                "Relief that fades this fast may mean the routine eases tight muscles for a \
                 while. It may not change why they get tight."
            }
            Sign::MoreForSameRelief => {
                "Needing more time for the same effect may mean the routine eases how your back \
                 feels for a while. It may not change what keeps the pain going."
            }
            Sign::WorseNextDay => {
                "If you feel better during the routine but worse the next morning, the routine \
                 may be a bit too much for now."
            }
            Sign::WorseRightAfter => {
                "If pain goes up in the routine time after time, one of the exercises may not \
                 suit your back just now."
            }
            Sign::WorseDespiteConsistency => {
                "You are doing the work, so this is not about effort. The routine as it is may \
                 not suit what is behind your pain."
            }
            Sign::SuddenRise => {
                "A big rise in pain over a week is worth a check, whatever the cause and \
                 however often you train."
            }
        }
    }

    /// What to try next, calmly.
    pub fn suggestion(self) -> &'static str {
        match self {
            Sign::PainBackWithinHour => {
                "Give decompression more time at the start, and keep the activation exercises in, \
                 so the muscles that should support you do their job. If it goes on, talk to a clinician."
            }
            Sign::MoreForSameRelief => {
                "Keep the routine at 15 to 20 minutes: adding time has stopped adding relief. \
                 Swapping one stretch for a strength exercise may help more. If it goes on, talk \
                 to a clinician."
            }
            Sign::WorseNextDay => {
                "Go gentler: use the easier versions, stop short of any strain, and keep the order \
                 decompress, activate, then mobilize. If it goes on, talk to a clinician."
            }
            Sign::WorseRightAfter => {
                "Use the easier way of each exercise, and say which one hurt when the app asks. \
                 Leave out one that keeps hurting. If it goes on, talk to a clinician."
            }
            Sign::WorseDespiteConsistency => {
                "Please see a doctor or physiotherapist, and answer the safety questions again \
                 now. The report page puts your history on one page to take with you."
            }
            Sign::SuddenRise => {
                "Please answer the safety questions again now, and see a doctor or \
                 physiotherapist soon. The report page puts your history on one page to take \
                 with you."
            }
        }
    }

    /// Signs whose advice is to answer the red-flag questions again now.
    pub fn asks_for_safety_check(self) -> bool {
        matches!(self, Sign::WorseDespiteConsistency | Sign::SuddenRise)
    }
}

/// The signs firing on `today`, in the order of [`Sign`].
pub fn check(journal: &Journal, today: NaiveDate) -> Vec<Finding> {
    [
        pain_back_within_hour(journal, today),
        more_for_same_relief(journal, today),
        worse_next_day(journal, today),
        worse_right_after_running(journal, today),
        worse_despite_consistency(journal, today),
        sudden_rise(journal, today),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The signs firing on `today`, without their evidence.
pub fn firing(journal: &Journal, today: NaiveDate) -> Vec<Sign> {
    check(journal, today).into_iter().map(|f| f.sign).collect()
}

/// Each sign that fired on some day of `span` (checked weekly and on its
/// last day), with the first day it was seen.
pub fn seen(journal: &Journal, span: Span) -> Vec<(Sign, NaiveDate)> {
    let mut seen: Vec<(Sign, NaiveDate)> = Vec::new();
    let days = (0..span.day_count())
        .step_by(7)
        .map(|at| span.day(at))
        .chain([span.to]);
    for day in days {
        for finding in check(journal, day) {
            if !seen.iter().any(|(sign, _)| *sign == finding.sign) {
                seen.push((finding.sign, day));
            }
        }
    }
    sort::sort(&mut seen);
    seen
}

/// Sign 1's test of one session: `None` unless it eased the pain by ≥ 2
/// points and got an hour-later score; then whether the pain was back to
/// within a point of before.
pub fn pain_back_after(journal: &Journal, session: &SessionRecord) -> Option<bool> {
    // Without real relief there is nothing to come back.
    let before = session.pain_before?.score();
    if session.pain_after?.score() + EASED_POINTS > before {
        return None;
    }
    let hour = answered(journal, session, FollowUpKind::HourLater)?;
    Some(hour + BACK_WITHIN_POINTS >= before)
}

/// Sign 3's test of one session: `None` without scores before, after and
/// the next morning; then whether the pain eased during it and the next
/// morning was worse than the usual morning (or, with too few mornings to
/// know the usual, worse than before the session).
pub fn worse_next_morning(journal: &Journal, session: &SessionRecord) -> Option<bool> {
    let before = session.pain_before?.score();
    let after = session.pain_after?.score();
    let morning = answered(journal, session, FollowUpKind::NextMorning)?;
    // An evening score before is not compared with a morning when the
    // patient's mornings are known: many backs are stiffer every morning.
    let worse = match usual_morning(journal, session) {
        Some(usual) => f32::from(morning) >= usual + MORNING_WORSE_POINTS,
        None => morning > before,
    };
    Some(after < before && worse)
}

/// The median morning-after score on the 7 mornings before `session`'s
/// morning after, if at least 3 were given.
fn usual_morning(journal: &Journal, session: &SessionRecord) -> Option<f32> {
    let to = session.day.checked_sub_days(Days::new(1))?;
    let from = session
        .day
        .checked_sub_days(Days::new(USUAL_MORNING_DAYS))?;
    // One score a morning: the question is asked about the day's last session.
    let mut by_day: Vec<(NaiveDate, u8)> = Vec::new();
    for earlier in trends::sessions_in(journal, Span { from, to }) {
        if let Some(score) = answered(journal, earlier, FollowUpKind::NextMorning) {
            match by_day.last_mut() {
                Some((day, last)) if *day == earlier.day => *last = score,
                _ => by_day.push((earlier.day, score)),
            }
        }
    }
    if by_day.len() < MIN_USUAL_MORNINGS {
        return None;
    }
    let mut scores: Vec<u8> = by_day.into_iter().map(|(_, score)| score).collect();
    sort::sort(&mut scores);
    let mid = scores.len() / 2;
    Some(if scores.len() % 2 == 1 {
        f32::from(scores[mid])
    } else {
        (f32::from(scores[mid - 1]) + f32::from(scores[mid])) / 2.0
    })
}

/// The last `LAST_SESSIONS` recent sessions for which `score` gives a value.
fn last_scored<T>(
    journal: &Journal,
    today: NaiveDate,
    score: impl Fn(&SessionRecord) -> Option<T>,
) -> Vec<T> {
    let mut found: Vec<T> = trends::sessions_in(journal, Span::ending(today, RECENT_DAYS))
        .iter()
        .rev()
        .filter_map(score)
        .take(LAST_SESSIONS)
        .collect();
    found.reverse();
    found
}

fn answered(journal: &Journal, session: &SessionRecord, kind: FollowUpKind) -> Option<u8> {
    journal
        .followup(session.started_ms, kind)
        .and_then(|a| a.pain)
        .map(|p| p.score())
}

fn pain_back_within_hour(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let tests = last_scored(journal, today, |s| pain_back_after(journal, s));
    let back = tests.iter().filter(|back| **back).count();
    (tests.len() >= SESSIONS_SHOWING && back >= SESSIONS_SHOWING).then(|| Finding {
        sign: Sign::PainBackWithinHour,
        evidence: format!(
            "In {back} of your last {} answers an hour after the routine, the pain was back \
             to within a point of where it started.",
            tests.len()
        ),
    })
}

fn worse_next_day(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let tests = last_scored(journal, today, |s| worse_next_morning(journal, s));
    let worse = tests.iter().filter(|worse| **worse).count();
    (tests.len() >= SESSIONS_SHOWING && worse >= SESSIONS_SHOWING).then(|| Finding {
        sign: Sign::WorseNextDay,
        evidence: format!(
            "After {worse} of your last {} routines, the pain eased during the session but \
             was worse the next morning.",
            tests.len()
        ),
    })
}

/// Sign 3b's test of one session: `None` without scores before and after;
/// then whether it ended at least a point above where it started.
pub fn worse_right_after(session: &SessionRecord) -> Option<bool> {
    let before = session.pain_before?.score();
    Some(session.pain_after?.score() >= before + WORSE_AFTER_POINTS)
}

fn worse_right_after_running(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let tests = last_scored(journal, today, worse_right_after);
    let running = tests.iter().rev().take_while(|worse| **worse).count();
    (running >= SESSIONS_SHOWING).then(|| Finding {
        sign: Sign::WorseRightAfter,
        evidence: format!(
            "Your last {running} routines each ended with more pain than they began with."
        ),
    })
}

/// The 14 days ending `today` and the 14 before them.
fn halves(today: NaiveDate) -> (Span, Span) {
    let recent = Span::ending(today, HALF_DAYS);
    (before(recent, HALF_DAYS), recent)
}

/// The `days` days just before `span`.
fn before(span: Span, days: u32) -> Span {
    Span::ending(span.from.pred_opt().unwrap_or(span.from), days)
}

/// What the routine took and gave over a fortnight, for sign 2.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Effort {
    /// Mean share of the pain eased, over sessions starting at ≥ 3.
    relief: f32,
    /// Mean score before those sessions.
    pain_before: f32,
    /// Minutes of exercise done (with "+15 s") per training day.
    minutes: f32,
}

fn effort(journal: &Journal, span: Span) -> Option<Effort> {
    let sessions = trends::sessions_in(journal, span);
    let scored: Vec<(f32, f32)> = sessions
        .iter()
        .filter_map(|s| {
            let before = s.pain_before?.score();
            let after = s.pain_after?.score();
            (before >= RELIEF_FROM).then(|| (f32::from(before), f32::from(after)))
        })
        .collect();
    if scored.len() < MIN_RELIEF_SESSIONS {
        return None;
    }
    let count = scored.len() as f32;
    let relief = scored.iter().map(|(b, a)| (b - a) / b).sum::<f32>() / count;
    let pain_before = scored.iter().map(|(b, _)| b).sum::<f32>() / count;
    let secs: u32 = sessions.iter().map(SessionRecord::dose_secs).sum();
    let mut days: Vec<NaiveDate> = sessions.iter().map(|s| s.day).collect();
    days.dedup();
    Some(Effort {
        relief,
        pain_before,
        minutes: secs as f32 / 60.0 / days.len() as f32,
    })
}

fn more_for_same_relief(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let (earlier, recent) = halves(today);
    let (then, now) = (effort(journal, earlier)?, effort(journal, recent)?);
    let more_dose =
        now.minutes >= then.minutes * MORE_DOSE && now.relief <= then.relief + SAME_RELIEF;
    // Less relief only counts when there was as much pain to relieve: a
    // patient getting better has less to ease, not a routine that works less.
    let less_relief = now.relief <= then.relief - LESS_RELIEF
        && now.minutes >= then.minutes
        && now.pain_before >= then.pain_before - LOWER_START;
    let percent = |share: f32| whole(f64::from(share) * 100.0);
    (more_dose || less_relief).then(|| Finding {
        sign: Sign::MoreForSameRelief,
        evidence: format!(
            "Over the last two weeks you did {} minutes a training day, and the routine eased \
             your pain by {} % on average. The two weeks before, it was {} minutes for {} %.",
            whole(now.minutes.into()),
            percent(now.relief),
            whole(then.minutes.into()),
            percent(then.relief)
        ),
    })
}

/// Average daily pain in `span`, if at least `min_days` have a score.
fn average_pain(journal: &Journal, span: Span, min_days: usize) -> Option<f32> {
    let given: Vec<u8> = trends::daily_pain(journal, span)
        .into_iter()
        .flatten()
        .collect();
    (given.len() >= min_days)
        .then(|| trends::mean(given))
        .flatten()
}

fn worse_despite_consistency(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let (earlier, recent) = halves(today);
    let now = average_pain(journal, recent, MIN_PAIN_DAYS)?;
    let (done, due) = journal.adherence(recent.from, recent.to, today);
    let trained = |share: f32| due > 0 && done as f32 >= share * due as f32;
    let consistent = trained(CONSISTENT_SHARE);
    let step = average_pain(journal, earlier, MIN_PAIN_DAYS)
        .filter(|before| consistent && now >= before + STEP_POINTS);
    if let Some(before) = step {
        return Some(Finding {
            sign: Sign::WorseDespiteConsistency,
            evidence: format!(
                "Your average pain over the last two weeks is {}, up from {} the two \
                 weeks before. You did the routine on {done} of the {due} days it was due.",
                Tenths::of(now.into()),
                Tenths::of(before.into())
            ),
        });
    }
    let (base_span, baseline) = baseline(journal, recent)?;
    (trained(DRIFT_CONSISTENT_SHARE) && now > baseline && trends::meaningful_change(baseline, now))
        .then(|| Finding {
            sign: Sign::WorseDespiteConsistency,
            evidence: format!(
                "Your average pain over the last two weeks is {}. In the two weeks from {}, \
                 it was {}. You did the routine on {done} of the {due} days it was due.",
                Tenths::of(now.into()),
                day::dated_label(base_span.from),
                Tenths::of(baseline.into())
            ),
        })
}

/// Sign 4's baseline for slow drift: the fortnight with the lowest average
/// pain among the 5 before `recent` (each needing 7 scored days). Fixed
/// fortnights, not a sliding window: the lowest of many overlapping windows
/// would be a lucky dip, not a baseline.
fn baseline(journal: &Journal, recent: Span) -> Option<(Span, f32)> {
    let mut fortnight = recent;
    let mut lowest: Option<(Span, f32)> = None;
    for _ in 0..DRIFT_FORTNIGHTS {
        fortnight = before(fortnight, HALF_DAYS);
        if let Some(mean) = average_pain(journal, fortnight, MIN_PAIN_DAYS)
            && lowest.is_none_or(|(_, low)| mean < low)
        {
            lowest = Some((fortnight, mean));
        }
    }
    lowest
}

fn sudden_rise(journal: &Journal, today: NaiveDate) -> Option<Finding> {
    let week = Span::ending(today, RISE_RECENT_DAYS);
    let now = average_pain(journal, week, MIN_RISE_RECENT)?;
    let before = average_pain(journal, before(week, RISE_EARLIER_DAYS), MIN_RISE_EARLIER)?;
    (now >= before + RISE_POINTS).then(|| Finding {
        sign: Sign::SuddenRise,
        evidence: format!(
            "Your average pain over the last week is {}, up from {} in the three weeks before.",
            Tenths::of(now.into()),
            Tenths::of(before.into())
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::followup::FollowUp;
    use crate::domain::pain::Pain;
    use crate::domain::readability::grade;
    use chrono::Days;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn ago(days: u64) -> NaiveDate {
        today().checked_sub_days(Days::new(days)).unwrap()
    }

    /// A full session `days` ago.
    fn session(days: u64, before: u8, after: u8) -> SessionRecord {
        SessionRecord {
            pain_before: Pain::new(before),
            pain_after: Pain::new(after),
            ..SessionRecord::sample(ago(days))
        }
    }

    fn answer(journal: &mut Journal, days: u64, kind: FollowUpKind, pain: u8) {
        let session = journal
            .sessions
            .iter()
            .find(|s| s.day == ago(days))
            .unwrap();
        let answer = FollowUp {
            session: session.started_ms,
            kind,
            pain: Pain::new(pain),
            answered_ms: 0,
            clock: 0,
        };
        journal.answer(answer);
    }

    fn signs(journal: &Journal) -> Vec<Sign> {
        check(journal, today())
            .into_iter()
            .map(|f| f.sign)
            .collect()
    }

    /// Five sessions (days 0–4 ago), 6 → 3, with these hour-later answers.
    fn with_hour_answers(hours: &[u8]) -> Journal {
        let mut journal = Journal::with_sessions((0..5).map(|d| session(d, 6, 3)));
        for (days, pain) in hours.iter().enumerate() {
            answer(&mut journal, days as u64, FollowUpKind::HourLater, *pain);
        }
        journal
    }

    #[test]
    fn sign_1_fires_when_3_of_the_last_5_hour_answers_are_back_within_a_point() {
        assert_eq!(
            signs(&with_hour_answers(&[5, 6, 7, 3, 3])),
            [Sign::PainBackWithinHour]
        );
    }

    #[test]
    fn sign_1_boundary_two_back_or_two_points_lower_does_not_fire() {
        assert!(signs(&with_hour_answers(&[5, 5, 4, 3, 3])).is_empty());
    }

    #[test]
    fn sign_1_never_fires_on_two_answers() {
        assert!(signs(&with_hour_answers(&[6, 6])).is_empty());
        assert_eq!(
            signs(&with_hour_answers(&[6, 6, 6])),
            [Sign::PainBackWithinHour]
        );
    }

    #[test]
    fn sign_1_ignores_sessions_that_brought_no_real_relief() {
        for (before, after) in [(1, 0), (5, 5), (5, 4)] {
            let mut journal = Journal::with_sessions((0..5).map(|d| session(d, before, after)));
            for days in 0..5 {
                answer(&mut journal, days, FollowUpKind::HourLater, before);
            }
            assert!(signs(&journal).is_empty(), "{before} → {after}");
        }
    }

    #[test]
    fn sign_1_forgets_answers_older_than_four_weeks() {
        let mut journal = Journal::with_sessions((30..35).map(|d| session(d, 6, 3)));
        for days in 30..35 {
            answer(&mut journal, days, FollowUpKind::HourLater, 6);
        }
        assert!(signs(&journal).is_empty());
        assert_eq!(
            check(&journal, ago(30)).first().map(|f| f.sign),
            Some(Sign::PainBackWithinHour)
        );
    }

    /// Five sessions 6 days apart, 5 → 2, with these morning answers
    /// (newest first). No week holds 3 answers, so the usual morning is
    /// unknown and the rule falls back to the score before the session.
    fn with_mornings(mornings: &[u8]) -> Journal {
        let days = |at: usize| 1 + 6 * at as u64;
        let mut journal = Journal::with_sessions((0..5).map(|at| session(days(at), 5, 2)));
        for (at, pain) in mornings.iter().enumerate() {
            answer(&mut journal, days(at), FollowUpKind::NextMorning, *pain);
        }
        journal
    }

    #[test]
    fn sign_3_fires_when_3_sessions_helped_but_the_next_morning_was_worse() {
        assert_eq!(
            signs(&with_mornings(&[6, 7, 6, 2, 2])),
            [Sign::WorseNextDay]
        );
    }

    #[test]
    fn sign_3_boundary_a_morning_equal_to_before_is_not_worse() {
        assert!(signs(&with_mornings(&[6, 7, 5, 5, 2])).is_empty());
    }

    #[test]
    fn sign_3_needs_three_complete_sessions() {
        assert!(signs(&with_mornings(&[7, 7])).is_empty());
    }

    /// Daily sessions 1–12 days ago, `before` → `after`; the mornings after
    /// the older seven answered `usual`, the last five `last` (newest first).
    fn with_usual_mornings(before: u8, after: u8, usual: u8, last: [u8; 5]) -> Journal {
        let mut journal = Journal::with_sessions((1..=12).map(|d| session(d, before, after)));
        for d in 1..=12 {
            let pain = if d <= 5 { last[d as usize - 1] } else { usual };
            answer(&mut journal, d, FollowUpKind::NextMorning, pain);
        }
        journal
    }

    #[test]
    fn sign_3_compares_the_morning_after_with_the_usual_morning() {
        // 5 is not above the score before (5), but 2 above the usual morning.
        assert_eq!(
            signs(&with_usual_mornings(5, 2, 3, [5, 5, 5, 3, 3])),
            [Sign::WorseNextDay]
        );
    }

    #[test]
    fn sign_3_boundary_one_point_above_the_usual_morning_is_not_worse() {
        assert!(signs(&with_usual_mornings(5, 2, 3, [4, 4, 4, 4, 4])).is_empty());
    }

    #[test]
    fn sign_3_is_not_fooled_by_a_back_that_is_stiff_every_morning() {
        // Evening routines 2 → 1 and every morning 4: the old rule (4 > 2)
        // fired; the usual morning is 4, so nothing changed.
        assert!(signs(&with_usual_mornings(2, 1, 4, [4, 4, 4, 4, 4])).is_empty());
        assert_eq!(
            signs(&with_usual_mornings(2, 1, 4, [6, 6, 6, 4, 4])),
            [Sign::WorseNextDay]
        );
    }

    #[test]
    fn sign_3_knows_the_usual_morning_from_three_answers_in_the_week_before() {
        let mut journal = Journal::with_sessions((1..=10).map(|d| session(d, 5, 2)));
        for (d, pain) in [(10, 6), (4, 2), (3, 4)] {
            answer(&mut journal, d, FollowUpKind::NextMorning, pain);
        }
        let on = |d: u64| journal.sessions.iter().find(|s| s.day == ago(d)).unwrap();
        // The week before the session 2 days ago (sessions 3–9 days ago) holds two answers.
        assert_eq!(usual_morning(&journal, on(2)), None);
        answer(&mut journal, 8, FollowUpKind::NextMorning, 3);
        let on = |d: u64| journal.sessions.iter().find(|s| s.day == ago(d)).unwrap();
        assert_eq!(usual_morning(&journal, on(2)), Some(3.0));
        // Days 2–8 before the session a day ago: 2, 3, 4, 6 has a median of 3.5.
        answer(&mut journal, 2, FollowUpKind::NextMorning, 6);
        let on = |d: u64| journal.sessions.iter().find(|s| s.day == ago(d)).unwrap();
        assert_eq!(usual_morning(&journal, on(1)), Some(3.5));
    }

    /// Daily sessions for 28 days: the earlier half at `early` (minutes,
    /// before, after), the recent half at `late`.
    fn fortnights(early: (u32, u8, u8), late: (u32, u8, u8)) -> Journal {
        Journal::with_sessions((0..28).map(|d| {
            let (minutes, before, after) = if d < 14 { late } else { early };
            let mut s = session(d, before, after);
            s.planned_secs = minutes * 60;
            s
        }))
    }

    /// As [`fortnights`], from 6 before and `(minutes, relief)`.
    fn two_halves(early: (u32, u8), late: (u32, u8)) -> Journal {
        fortnights((early.0, 6, 6 - early.1), (late.0, 6, 6 - late.1))
    }

    #[test]
    fn sign_2_fires_on_20_percent_more_minutes_for_the_same_relief() {
        assert_eq!(
            signs(&two_halves((15, 3), (18, 3))),
            [Sign::MoreForSameRelief]
        );
        assert!(signs(&two_halves((15, 3), (17, 3))).is_empty(), "13 % more");
        assert!(
            signs(&two_halves((15, 2), (18, 3))).is_empty(),
            "more relief too"
        );
    }

    #[test]
    fn sign_2_fires_on_a_point_less_relief_for_the_same_minutes() {
        assert_eq!(
            signs(&two_halves((18, 3), (18, 2))),
            [Sign::MoreForSameRelief]
        );
        assert!(
            signs(&two_halves((18, 3), (14, 2))).is_empty(),
            "shorter routine"
        );
    }

    #[test]
    fn sign_2_does_not_fire_when_the_patient_is_getting_better() {
        // 6 → 3, then 3 → 1 at the same minutes: 2 points of relief instead
        // of 3 (the old rule fired), but 67 % of the pain eased instead of 50 %.
        assert!(signs(&fortnights((18, 6, 3), (18, 3, 1))).is_empty());
    }

    #[test]
    fn sign_2_boundary_relief_share_down_by_fifteen_points() {
        // 50 % → 30 % fires; 50 % → 40 % does not.
        assert_eq!(
            signs(&fortnights((18, 10, 5), (18, 10, 7))),
            [Sign::MoreForSameRelief]
        );
        assert!(signs(&fortnights((18, 10, 5), (18, 10, 6))).is_empty());
    }

    #[test]
    fn sign_2_less_relief_with_less_pain_to_relieve_does_not_fire() {
        // 50 % → 25 % of the pain eased, but the pain before fell from 6 to 4.
        assert!(signs(&fortnights((18, 6, 3), (18, 4, 3))).is_empty());
    }

    #[test]
    fn sign_2_counts_plus_15_s_as_dose() {
        let with_extra = |secs| {
            let mut journal = two_halves((15, 3), (15, 3));
            for s in journal.sessions.iter_mut().filter(|s| s.day > ago(14)) {
                s.extended_secs = secs;
            }
            signs(&journal)
        };
        assert_eq!(with_extra(180), [Sign::MoreForSameRelief], "15 → 18 min");
        assert!(with_extra(165).is_empty(), "15 → 17¾ min is 18 % more");
    }

    #[test]
    fn sign_2_counts_a_second_session_the_same_day_as_dose() {
        let mut journal = two_halves((15, 3), (15, 3));
        for d in 0..14 {
            let mut extra = SessionRecord::sample(ago(d));
            extra.started_ms += 10 * 3_600_000;
            extra.planned_secs = 180;
            journal.record(extra);
        }
        assert_eq!(signs(&journal), [Sign::MoreForSameRelief]);
    }

    #[test]
    fn sign_2_leaves_out_sessions_that_start_below_3() {
        // 2 → 1 is half the pain, but too little to measure a share of.
        let mut journal = two_halves((15, 3), (18, 3));
        for s in journal
            .sessions
            .iter_mut()
            .filter(|s| s.day > ago(14))
            .skip(4)
        {
            s.pain_before = Pain::new(2);
            s.pain_after = Pain::new(1);
        }
        assert!(signs(&journal).is_empty());
    }

    #[test]
    fn sign_2_needs_five_scored_sessions_in_each_half() {
        let mut journal = two_halves((15, 3), (20, 3));
        journal
            .sessions
            .retain(|s| s.day > ago(14) || s.day <= ago(24));
        assert_eq!(trends::sessions_in(&journal, halves(today()).0).len(), 4);
        assert!(signs(&journal).is_empty());
    }

    fn checkin(days: u64, pain: u8) -> CheckIn {
        CheckIn {
            day: ago(days),
            pain: Pain::new(pain).unwrap(),
            stiffness: None,
            note: String::new(),
            updated_ms: 0,
            clock: 0,
        }
    }

    /// Check-ins for 28 days, `early` then `late`, and a counted session on
    /// `trained` of the last 14 days.
    fn rising(early: u8, late: u8, trained: u64) -> Journal {
        let mut journal = Journal::with_sessions((0..trained).map(|d| session(d, 5, 5)));
        for d in 0..28 {
            journal.check_in(checkin(d, if d < 14 { late } else { early }));
        }
        journal
    }

    #[test]
    fn sign_4_fires_when_pain_rises_a_point_while_80_percent_of_days_are_done() {
        assert_eq!(signs(&rising(4, 5, 12)), [Sign::WorseDespiteConsistency]);
    }

    #[test]
    fn sign_4_counts_days_off_and_an_open_today_as_neither_done_nor_missed() {
        // Two Sunday rests and today still open: 9 done of 11 expected is 82 %.
        let mut journal = rising(4, 5, 0);
        for d in (1..14).filter(|d| ![3, 10].contains(d)).take(9) {
            journal.record(session(d, 5, 5));
        }
        journal.mark_day(ago(3), Some(crate::domain::journal::DayOff::Rest));
        journal.mark_day(ago(10), Some(crate::domain::journal::DayOff::Rest));
        assert_eq!(signs(&journal), [Sign::WorseDespiteConsistency]);
    }

    #[test]
    fn sign_4_boundaries_eleven_days_done_or_less_than_a_point() {
        assert!(signs(&rising(4, 5, 11)).is_empty(), "11 of 14 days is 79 %");
        let mut journal = rising(4, 5, 14);
        journal.check_in(checkin(0, 4));
        assert!(signs(&journal).is_empty(), "13/14 of a point up");
    }

    #[test]
    fn sign_4_needs_a_week_of_scores_in_each_half() {
        let mut journal = rising(4, 6, 14);
        journal
            .checkins
            .retain(|c| c.day > ago(14) || c.day <= ago(22));
        assert_eq!(
            trends::daily_pain(&journal, halves(today()).0)
                .iter()
                .flatten()
                .count(),
            6
        );
        assert!(signs(&journal).is_empty());
    }

    /// Check-ins for six fortnights, oldest first, each averaging its mean
    /// (a half point alternates two scores), and a counted session on each
    /// of the last 14 days.
    fn fortnightly(means: [f32; 6]) -> Journal {
        let mut journal = Journal::with_sessions((0..14).map(|d| session(d, 5, 5)));
        for (at, mean) in means.iter().enumerate() {
            for k in 0..14 {
                let d = (5 - at as u64) * 14 + k;
                let pain = mean.floor() as u8 + u8::from(mean.fract() > 0.0 && d.is_multiple_of(2));
                journal.check_in(checkin(d, pain));
            }
        }
        journal
    }

    #[test]
    fn sign_4_fires_on_a_slow_drift_that_no_fortnight_step_shows() {
        // Half a point a fortnight: 3.0 ten weeks ago, 5.5 now.
        let journal = fortnightly([3.0, 3.5, 4.0, 4.5, 5.0, 5.5]);
        let found = check(&journal, today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].sign, Sign::WorseDespiteConsistency);
        assert!(
            found[0].evidence.contains(&day::dated_label(ago(83))),
            "{}",
            found[0].evidence
        );
    }

    #[test]
    fn sign_4_drift_boundary_two_points_above_the_baseline() {
        let mut journal = fortnightly([3.0, 3.0, 3.5, 4.0, 4.5, 5.0]);
        assert_eq!(signs(&journal), [Sign::WorseDespiteConsistency]);
        journal.check_in(checkin(0, 4));
        assert!(signs(&journal).is_empty(), "1.9 points up");
    }

    #[test]
    fn sign_4_drift_from_a_high_baseline_needs_30_percent() {
        // 7 → 9 is 2 points but 29 %.
        let mut journal = fortnightly([7.0, 7.0, 7.0, 7.0, 8.5, 9.0]);
        assert!(signs(&journal).is_empty());
        journal.check_in(checkin(0, 10));
        journal.check_in(checkin(1, 10));
        assert_eq!(
            signs(&journal),
            [Sign::WorseDespiteConsistency],
            "9.1 is 31 % up"
        );
    }

    #[test]
    fn sign_4_drift_needs_70_percent_of_due_days_done() {
        let drifting = |trained: u64| {
            let mut journal = fortnightly([3.0, 3.5, 4.0, 4.5, 5.0, 5.5]);
            journal.sessions.retain(|s| s.day > ago(trained));
            signs(&journal)
        };
        assert_eq!(drifting(10), [Sign::WorseDespiteConsistency], "10 of 14");
        assert!(drifting(9).is_empty(), "9 of 14 is 64 %");
    }

    #[test]
    fn sign_4_drift_needs_a_baseline_fortnight_with_a_week_of_scores() {
        let mut journal = fortnightly([3.0, 3.0, 3.0, 3.0, 3.0, 5.5]);
        // Keep 6 scores in each of the five earlier fortnights.
        journal.checkins.retain(|c| {
            let d = (today() - c.day).num_days();
            d < 14 || (d - 14) % 14 < 6
        });
        assert!(signs(&journal).is_empty());
    }

    /// Check-ins: `earlier` on days 7–27 ago, `week` on days 0–6 ago; no routines.
    fn week_after(earlier: u8, week: u8) -> Journal {
        let mut journal = Journal::default();
        for d in 0..28 {
            journal.check_in(checkin(d, if d < 7 { week } else { earlier }));
        }
        journal
    }

    #[test]
    fn sign_4b_fires_on_a_two_point_rise_in_a_week_whatever_the_training() {
        let journal = week_after(3, 5);
        assert_eq!(signs(&journal), [Sign::SuddenRise]);
        assert!(Sign::SuddenRise.asks_for_safety_check());
        let mut trained = journal.clone();
        for d in 0..28 {
            trained.record(session(d, 5, 5));
        }
        assert!(signs(&trained).contains(&Sign::SuddenRise));
    }

    #[test]
    fn sign_4b_boundary_just_under_two_points_does_not_fire() {
        let mut journal = week_after(3, 5);
        journal.check_in(checkin(0, 4));
        assert!(signs(&journal).is_empty(), "1.9 points up");
    }

    #[test]
    fn sign_4b_needs_4_scores_in_the_week_and_10_in_the_three_weeks_before() {
        let mut journal = week_after(3, 5);
        journal
            .checkins
            .retain(|c| c.day <= ago(11) || c.day >= ago(3));
        // 4 and 17 scores: enough.
        assert_eq!(signs(&journal), [Sign::SuddenRise]);
        journal.checkins.retain(|c| c.day != ago(3));
        assert!(signs(&journal).is_empty(), "3 scores in the week");
        let mut journal = week_after(3, 5);
        journal
            .checkins
            .retain(|c| c.day >= ago(6) || c.day <= ago(18));
        // The three weeks before hold days 18–27: 10 scores.
        assert_eq!(signs(&journal), [Sign::SuddenRise]);
        journal.checkins.retain(|c| c.day != ago(18));
        assert!(signs(&journal).is_empty(), "9 scores in the three weeks");
    }

    #[test]
    fn sign_3b_fires_on_three_sessions_running_worse_right_after() {
        let worse = Journal::with_sessions([
            session(3, 4, 4),
            session(2, 4, 5),
            session(1, 3, 4),
            session(0, 5, 6),
        ]);
        assert_eq!(signs(&worse), [Sign::WorseRightAfter]);
        // Boundary: the same score after is not worse; and the run must be
        // the latest sessions, not any three.
        let level = Journal::with_sessions([session(2, 4, 5), session(1, 3, 4), session(0, 5, 5)]);
        assert!(signs(&level).is_empty());
        let broken = Journal::with_sessions([
            session(3, 4, 5),
            session(2, 4, 5),
            session(1, 3, 4),
            session(0, 5, 4),
        ]);
        assert!(signs(&broken).is_empty());
        let two = Journal::with_sessions([session(1, 3, 4), session(0, 5, 6)]);
        assert!(signs(&two).is_empty());
    }

    #[test]
    fn every_sign_text_is_plain_and_promises_nothing() {
        let all = [
            Sign::PainBackWithinHour,
            Sign::MoreForSameRelief,
            Sign::WorseNextDay,
            Sign::WorseRightAfter,
            Sign::WorseDespiteConsistency,
            Sign::SuddenRise,
        ];
        for sign in all {
            for text in [sign.title(), sign.meaning(), sign.suggestion()] {
                assert!(grade(text) <= 8.0, "{:.1}: {text}", grade(text));
                let lower = text.to_lowercase();
                for word in ["fix", "cure", "heal", "usually means", "protect"] {
                    assert!(!lower.contains(word), "{word}: {text}");
                }
            }
        }
        let safety: Vec<Sign> = all
            .into_iter()
            .filter(|s| s.asks_for_safety_check())
            .collect();
        assert_eq!(safety, [Sign::WorseDespiteConsistency, Sign::SuddenRise]);
        for sign in safety {
            assert!(
                sign.suggestion()
                    .contains("answer the safety questions again now")
            );
        }
    }

    #[test]
    fn every_kind_of_evidence_reads_plainly() {
        let firing = [
            with_hour_answers(&[6, 6, 6, 6, 6]),
            two_halves((15, 3), (18, 3)),
            with_mornings(&[6, 7, 6, 2, 2]),
            rising(4, 5, 12),
            fortnightly([3.0, 3.5, 4.0, 4.5, 5.0, 5.5]),
            week_after(3, 5),
        ];
        for journal in firing {
            let found = check(&journal, today());
            assert!(!found.is_empty());
            for finding in found {
                let text = finding.evidence.replace(".0", "");
                assert!(grade(&text) <= 8.0, "{:.1}: {text}", grade(&text));
            }
        }
    }

    #[test]
    fn an_empty_or_short_history_shows_no_sign() {
        assert!(signs(&Journal::default()).is_empty());
        assert!(
            signs(&Journal::with_sessions([
                session(0, 9, 9),
                session(1, 9, 9)
            ]))
            .is_empty()
        );
    }

    #[test]
    fn signs_seen_in_a_range_keep_the_first_day_they_fired() {
        let journal = with_hour_answers(&[6, 6, 6, 6, 6]);
        let seen = seen(&journal, Span::ending(today(), 30));
        assert_eq!(seen.len(), 1);
        // Checked on days 29, 22, 15, 8 and 1 ago and today: the sessions
        // (today and the four days before) first make it fire one day ago.
        assert_eq!(seen[0], (Sign::PainBackWithinHour, ago(1)));
        // Ending two days ago, the range's last day (three answers) sees it;
        // ending three days ago (two answers) it never fired.
        let earlier = self::seen(&journal, Span::ending(ago(2), 30));
        assert_eq!(earlier, [(Sign::PainBackWithinHour, ago(2))]);
        assert!(self::seen(&journal, Span::ending(ago(3), 30)).is_empty());
    }
}
