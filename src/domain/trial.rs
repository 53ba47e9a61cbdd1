//! The two-week "try one change" loop (clinical review §5, idea 3): when a
//! sign fires, one change that fits it, run as a fair trial whose mark for
//! success and baseline are fixed on day 1, then kept or undone by the
//! patient once the figures are in. Every rule the patient is told about:
//!
//! | part | rule | source |
//! |---|---|---|
//! | sign 1 | two more minutes of activation, taken from the mobility stretches, so the length stays the same | clinical review §5.3: "+2 min activation, not more stretching" |
//! | sign 2 | the longest stretch makes way for a strength exercise, and the routine is kept to 20 minutes | clinical review §5.3: "cap at 20 min and swap one stretch for strength" |
//! | signs 3, 3b | each exercise a quarter shorter, with its easier way shown first | clinical review §5.3: "easier versions"; the pain-monitoring model's "too much for now" |
//! | signs 4, 4b | no change offered: they call for a clinician and the safety check | NICE NG59 |
//! | baseline | average daily pain ([`trends::daily_pain`]) over the 14 days before day 1, flare days left out | flare days are not the routine's doing |
//! | working | the two weeks' average is lower by the meaningful-change mark: at least 2 points and 30 % ([`trends::meaningful_change`]) | Farrar 2001 |
//! | a little better | lower by at least 1 point, short of the mark | Salaffi 2004: the smallest change patients notice |
//! | too little data | fewer than 7 scored days in either fortnight | the same count as sign 4 |
//! | changed by hand | a session in the two weeks ran another routine, or another routine is in use | the comparison would not be of this change |
//!
//! "The sign has gone" is shown but does not count as working: a sign also
//! goes quiet when its questions stop being answered.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::builder::{self, STEP_SECS};
use super::day::{self, Span};
use super::decimal::Tenths;
use super::exercise::{self, EquipmentSet, LIBRARY};
use super::journal::{DayOff, Journal};
use super::phase::Phase;
use super::plan::{Pacing, Plan, RECOMMENDED_SECS, Step};
use super::trends;
use super::warning::Sign;

/// Days a trial runs; the result is shown on the day after.
pub const TRIAL_DAYS: u32 = 14;
/// Scored days each fortnight needs before the two are compared.
pub const MIN_SCORED_DAYS: u8 = 7;
/// A drop of this many tenths is "a little better" (Salaffi 2004: 1 point).
const NOTICED_TENTHS: u16 = 10;
/// Time moved between steps at a time: the builder's step.
const CHUNK_SECS: u32 = 15;
/// Sign 1: seconds of work moved to activation.
const MORE_ACTIVATION_SECS: u32 = 120;

/// The one change a trial makes to the routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Sign 1: two more minutes of activation, two fewer of stretching.
    MoreActivation,
    /// Sign 2: a strength exercise for the longest stretch, at most 20 minutes.
    SwapStretchForStrength,
    /// Signs 3 and 3b: each exercise a quarter shorter, the easier way first.
    Gentler,
}

impl Change {
    /// The change that fits a sign; `None` for the signs that call for a
    /// clinician rather than a different routine.
    pub fn for_sign(sign: Sign) -> Option<Change> {
        match sign {
            Sign::PainBackWithinHour => Some(Change::MoreActivation),
            Sign::MoreForSameRelief => Some(Change::SwapStretchForStrength),
            Sign::WorseNextDay | Sign::WorseRightAfter => Some(Change::Gentler),
            Sign::WorseDespiteConsistency | Sign::SuddenRise => None,
        }
    }

    /// The change as a heading.
    pub fn title(self) -> &'static str {
        match self {
            Change::MoreActivation => "Two more minutes of strength work",
            Change::SwapStretchForStrength => "A strength exercise in place of a stretch",
            Change::Gentler => "A gentler routine",
        }
    }

    /// What changes, in plain words.
    pub fn description(self) -> &'static str {
        match self {
            Change::MoreActivation => {
                "The exercises that wake up your buttock and belly muscles get two more minutes. \
                 The stretches at the end get less time, so the routine takes as long as before."
            }
            Change::SwapStretchForStrength => {
                "Your longest stretch makes way for a strength exercise, and the routine stays at \
                 20 minutes or less. More time has stopped adding relief, so this tries something else."
            }
            Change::Gentler => {
                "Each exercise is a quarter shorter, and its easier way is shown first. Stop short \
                 of any strain."
            }
        }
    }

    /// Whether the routine opens each exercise's easier way while it runs.
    pub fn shows_easier_way(self) -> bool {
        self == Change::Gentler
    }

    /// The name the changed routine is saved under.
    pub fn routine_name(self, plan: &Plan) -> String {
        let what = match self {
            Change::MoreActivation => "more strength",
            Change::SwapStretchForStrength => "strength for a stretch",
            Change::Gentler => "gentler",
        };
        format!("{}, two-week try: {what}", plan.name)
    }

    /// `plan` with the change made. `have` is the equipment the patient
    /// has, for an exercise brought in; `pacing` times the 20-minute cap.
    pub fn apply(self, plan: &Plan, have: EquipmentSet, pacing: Pacing) -> Plan {
        let mut changed = plan.clone();
        changed.name = self.routine_name(plan);
        match self {
            Change::MoreActivation => {
                let added = add_work(&mut changed, Phase::Activate, MORE_ACTIVATION_SECS);
                // From the stretches first; what they cannot spare without
                // going under half their time, from decompression.
                let taken = take_work(&mut changed, &[Phase::Mobilize], added);
                take_work(&mut changed, &[Phase::Decompress], added - taken);
            }
            Change::SwapStretchForStrength => {
                swap_longest_stretch(&mut changed, have);
                let cap = *RECOMMENDED_SECS.end();
                while let Some(over) = changed.total_secs(pacing).checked_sub(cap + 1) {
                    // Rounded up to a chunk on both sides, so one always fits.
                    let over = (over + 1).next_multiple_of(2 * CHUNK_SECS);
                    if take_work(&mut changed, &[Phase::Mobilize, Phase::Decompress], over) == 0 {
                        break;
                    }
                }
            }
            Change::Gentler => {
                for step in &mut changed.steps {
                    let shorter = (step.secs * 3 / 4).div_ceil(5) * 5;
                    step.secs = shorter.max(*STEP_SECS.start()).min(step.secs);
                }
            }
        }
        changed
    }
}

/// The steps of `phase`, by index, with their exercise.
fn steps_of(plan: &Plan, phases: &[Phase]) -> Vec<usize> {
    (0..plan.steps.len())
        .filter(|&i| {
            exercise::by_id(&plan.steps[i].exercise).is_some_and(|e| phases.contains(&e.phase))
        })
        .collect()
}

/// Seconds of work one more chunk of a step's time adds (both sides count).
fn chunk_work(step: &Step) -> u32 {
    exercise::by_id(&step.exercise)
        .map_or(CHUNK_SECS, |e| CHUNK_SECS * step.work_sides(e).len() as u32)
}

/// Adds up to `secs` of work to `phase`'s steps, a chunk to each in turn,
/// none past its limit. Returns the work added.
fn add_work(plan: &mut Plan, phase: Phase, secs: u32) -> u32 {
    let steps = steps_of(plan, &[phase]);
    let mut added = 0;
    while added < secs {
        let before = added;
        for &i in &steps {
            let step = &mut plan.steps[i];
            let more = chunk_work(step);
            if added + more <= secs
                && step.secs + CHUNK_SECS <= builder::longest_secs(&step.exercise)
            {
                step.secs += CHUNK_SECS;
                added += more;
            }
        }
        if added == before {
            break;
        }
    }
    added
}

/// Takes up to `secs` of work from the steps of `phases`, a chunk from
/// each in turn, none below half its library time or 15 s. Returns the
/// work taken.
fn take_work(plan: &mut Plan, phases: &[Phase], secs: u32) -> u32 {
    let steps = steps_of(plan, phases);
    let floor = |step: &Step| {
        exercise::by_id(&step.exercise).map_or(*STEP_SECS.start(), |e| {
            (e.default_secs / 2).max(*STEP_SECS.start())
        })
    };
    let mut taken = 0;
    while taken < secs {
        let before = taken;
        for &i in &steps {
            let step = &mut plan.steps[i];
            let less = chunk_work(step);
            if taken + less <= secs && step.secs >= floor(step) + CHUNK_SECS {
                step.secs -= CHUNK_SECS;
                taken += less;
            }
        }
        if taken == before {
            break;
        }
    }
    taken
}

/// Puts the first strength exercise the plan lacks, and the patient can do
/// with what they have, after the last activation step, and takes out the
/// mobility step with the most work when there is another to keep.
fn swap_longest_stretch(plan: &mut Plan, have: EquipmentSet) {
    let stretches = steps_of(plan, &[Phase::Mobilize]);
    let work = |step: &Step| exercise::by_id(&step.exercise).map_or(0, |e| step.work_secs(e));
    let longest = stretches
        .iter()
        .copied()
        .fold(None, |best: Option<usize>, i| match best {
            Some(b) if work(&plan.steps[b]) >= work(&plan.steps[i]) => Some(b),
            _ => Some(i),
        });
    let strength = LIBRARY.iter().find(|e| {
        e.phase == Phase::Activate
            && have.has(e.equipment)
            && !plan.steps.iter().any(|s| s.exercise == e.id)
    });
    let (Some(longest), Some(strength), true) = (longest, strength, stretches.len() > 1) else {
        return;
    };
    plan.steps.remove(longest);
    let after = steps_of(plan, &[Phase::Activate])
        .last()
        .map_or(0, |&i| i + 1);
    plan.steps.insert(after, Step::with_defaults(strength));
}

/// Average daily pain over some days, flare days left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Average {
    /// Days with a score.
    pub days: u8,
    /// The mean score in tenths (43 is 4.3); 0 when no day has one.
    pub tenths: u16,
}

impl Average {
    /// The average over `span`, and how many of its days were flare days.
    pub fn of(journal: &Journal, span: Span) -> (Average, u8) {
        let mut flare_days = 0u8;
        let (mut sum, mut days) = (0u32, 0u32);
        for (at, score) in trends::daily_pain(journal, span).into_iter().enumerate() {
            if journal.day_off(span.day(at)) == Some(DayOff::Flare) {
                flare_days = flare_days.saturating_add(1);
            } else if let Some(score) = score {
                sum += u32::from(score);
                days += 1;
            }
        }
        // Rounded half up; no day with a score gives 0.
        let tenths = (sum * 10 + days / 2).checked_div(days).unwrap_or(0);
        let average = Average {
            days: u8::try_from(days).unwrap_or(u8::MAX),
            tenths: u16::try_from(tenths).unwrap_or(u16::MAX),
        };
        (average, flare_days)
    }

    /// "4.3 on average, from 12 days".
    pub fn describe(self) -> String {
        match self.days {
            0 => "no scores".into(),
            n => format!(
                "{} on average, from {}",
                Tenths::of(f64::from(self.tenths) / 10.0),
                day::count_days(usize::from(n))
            ),
        }
    }
}

/// The drop that counts as working for a baseline, in tenths: the
/// meaningful-change mark, at least 2 points and 30 % (Farrar 2001; the
/// same mark as [`trends::meaningful_change`], in whole tenths so that
/// the figures shown decide).
pub fn working_drop_tenths(baseline: Average) -> u16 {
    let points = (trends::MEANINGFUL_POINTS * 10.0) as u16;
    let share = (f32::from(baseline.tenths) * trends::MEANINGFUL_SHARE).ceil() as u16;
    points.max(share)
}

/// What two weeks of a change showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Pain fell by the mark set on day 1.
    Working,
    /// Pain fell by at least a point, short of the mark.
    LittleBetter,
    /// Pain did not fall by a point.
    NotWorking,
    /// Too few scored days to compare.
    TooLittleData,
    /// Another routine was run or chosen during the two weeks.
    ChangedByHand,
}

impl Verdict {
    /// The verdict in plain words, never a promise either way.
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Working => "The change met the mark you set: your pain was clearly lower.",
            Verdict::LittleBetter => {
                "Your pain was a little lower, but less than the mark you set. Keeping the change \
                 for longer may tell you more."
            }
            Verdict::NotWorking => {
                "Your pain was not lower with the change. Going back, or talking to a clinician, \
                 may be the better next step."
            }
            Verdict::TooLittleData => {
                "There are too few pain scores to tell. It needs a score on at least 7 days of each \
                 two weeks, so this try cannot say if the change helped."
            }
            Verdict::ChangedByHand => {
                "Another routine was used during the two weeks, so this try cannot say if the \
                 change helped."
            }
        }
    }
}

/// The figures at the end of a trial (or when it is stopped early).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The average over the trial's days.
    pub during: Average,
    /// Flare days in the trial, left out of the average.
    pub flare_days: u8,
    /// The first day of the trial (1 to 14) another routine ran, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_on_day: Option<u8>,
    pub verdict: Verdict,
}

/// How a trial ended: the patient's choice and the figures it was made on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ended {
    #[serde(deserialize_with = "super::day::stored")]
    pub on: NaiveDate,
    /// The change was kept; otherwise the routine before was put back.
    pub kept: bool,
    pub outcome: Outcome,
}

/// One two-week trial of a change, running or ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trial {
    /// The sign that led to it.
    pub sign: Sign,
    pub change: Change,
    /// Day 1.
    #[serde(deserialize_with = "super::day::stored")]
    pub started_on: NaiveDate,
    /// The name the changed routine is saved under.
    pub routine: String,
    /// The key ([`super::plan_log::key_of`]) of the changed routine as
    /// sessions run it: a session with another key ran another routine.
    pub plan_key: String,
    /// The routine in use before, put back by "Go back": the patient's own,
    /// or `None` for the suggested one.
    pub before: Option<Plan>,
    /// The 14 days before day 1, fixed then.
    pub baseline: Average,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ended>,
}

impl Trial {
    /// Day `n` of the trial on `today`: 1 on the first day.
    pub fn day_number(&self, today: NaiveDate) -> i64 {
        (today - self.started_on).num_days() + 1
    }

    /// The trial's days have all passed: the result is ready.
    pub fn is_over(&self, today: NaiveDate) -> bool {
        self.day_number(today) > i64::from(TRIAL_DAYS)
    }

    /// The 14 days before day 1, the baseline's span.
    pub fn baseline_span(started_on: NaiveDate) -> Span {
        Span::ending(started_on - Days::new(1), TRIAL_DAYS)
    }

    /// The trial's days so far, at most its 14.
    fn span(&self, today: NaiveDate) -> Span {
        let last = self.started_on + Days::new(u64::from(TRIAL_DAYS - 1));
        Span {
            from: self.started_on,
            to: last.min(today).max(self.started_on),
        }
    }

    /// What the trial shows on `today`. `running_key` is the key of the
    /// routine in use now, so a routine chosen by hand since the last
    /// session is seen too.
    pub fn outcome(&self, journal: &Journal, today: NaiveDate, running_key: &str) -> Outcome {
        let span = self.span(today);
        let (during, flare_days) = Average::of(journal, span);
        let changed_on_day = trends::sessions_in(journal, span)
            .iter()
            .find(|s| {
                s.plan_key
                    .as_deref()
                    .is_some_and(|key| key != self.plan_key)
            })
            .map(|s| s.day)
            .or_else(|| (running_key != self.plan_key).then_some(span.to))
            .map(|day| u8::try_from(self.day_number(day)).unwrap_or(u8::MAX));
        let verdict = if changed_on_day.is_some() {
            Verdict::ChangedByHand
        } else if self.baseline.days < MIN_SCORED_DAYS || during.days < MIN_SCORED_DAYS {
            Verdict::TooLittleData
        } else {
            let drop = self.baseline.tenths.saturating_sub(during.tenths);
            if drop >= working_drop_tenths(self.baseline) {
                Verdict::Working
            } else if drop >= NOTICED_TENTHS {
                Verdict::LittleBetter
            } else {
                Verdict::NotWorking
            }
        };
        Outcome {
            during,
            flare_days,
            changed_on_day,
            verdict,
        }
    }

    /// The mark set on day 1, in plain words.
    pub fn mark(&self) -> String {
        mark(self.baseline)
    }
}

/// The mark a trial starting with `baseline` sets, in plain words: shown
/// before the patient starts it, and on every day of it.
pub fn mark(baseline: Average) -> String {
    let drop = Tenths::of(f64::from(working_drop_tenths(baseline)) / 10.0);
    match baseline.days {
        0 => format!(
            "It counts as working if your average daily pain over the two weeks is {drop} \
             points lower than the two weeks before. There are no scores from those two \
             weeks, so the result will say it cannot tell."
        ),
        _ => format!(
            "It counts as working if your average daily pain over the two weeks is at least \
             {drop} points lower than the two weeks before: {}.",
            baseline.describe()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::journal::DayMark;
    use crate::domain::plan_log;
    use crate::domain::session::SessionRecord;
    use crate::domain::testing::{checkin, day};

    fn work(plan: &Plan, phase: Phase) -> u32 {
        plan.resolved()
            .filter(|(_, e)| e.phase == phase)
            .map(|(s, e)| s.work_secs(e))
            .sum()
    }

    #[test]
    fn each_routine_changing_sign_has_a_change_and_the_clinician_signs_none() {
        assert_eq!(
            Change::for_sign(Sign::PainBackWithinHour),
            Some(Change::MoreActivation)
        );
        assert_eq!(
            Change::for_sign(Sign::MoreForSameRelief),
            Some(Change::SwapStretchForStrength)
        );
        assert_eq!(Change::for_sign(Sign::WorseNextDay), Some(Change::Gentler));
        assert_eq!(
            Change::for_sign(Sign::WorseRightAfter),
            Some(Change::Gentler)
        );
        assert_eq!(Change::for_sign(Sign::WorseDespiteConsistency), None);
        assert_eq!(Change::for_sign(Sign::SuddenRise), None);
    }

    #[test]
    fn more_activation_moves_two_minutes_from_the_stretches_and_keeps_the_length() {
        let pacing = Pacing::default();
        for emphasis in crate::domain::plan::Emphasis::ALL {
            let plan = Plan::for_emphasis(emphasis, EquipmentSet::ALL);
            let changed = Change::MoreActivation.apply(&plan, EquipmentSet::ALL, pacing);
            let more = work(&changed, Phase::Activate) - work(&plan, Phase::Activate);
            assert_eq!(more, MORE_ACTIVATION_SECS, "{emphasis:?}");
            let stretching = work(&plan, Phase::Mobilize) - work(&changed, Phase::Mobilize);
            let unloading = work(&plan, Phase::Decompress) - work(&changed, Phase::Decompress);
            assert_eq!(stretching + unloading, more, "{emphasis:?}");
            assert!(stretching >= 90, "{emphasis:?}: mostly from the stretches");
            assert_eq!(changed.total_secs(pacing), plan.total_secs(pacing));
            assert!(builder::check(&changed, pacing).can_save(), "{emphasis:?}");
        }
    }

    #[test]
    fn the_strength_swap_replaces_the_longest_stretch_and_keeps_to_twenty_minutes() {
        let pacing = Pacing::default();
        let plan = Plan::seed();
        let changed = Change::SwapStretchForStrength.apply(&plan, EquipmentSet::ALL, pacing);
        let ids = |p: &Plan| {
            p.steps
                .iter()
                .map(|s| s.exercise.clone())
                .collect::<Vec<_>>()
        };
        let gone: Vec<_> = ids(&plan)
            .into_iter()
            .filter(|id| !ids(&changed).contains(id))
            .collect();
        let new: Vec<_> = ids(&changed)
            .into_iter()
            .filter(|id| !ids(&plan).contains(id))
            .collect();
        assert_eq!(gone.len(), 1);
        assert_eq!(exercise::by_id(&gone[0]).unwrap().phase, Phase::Mobilize);
        assert_eq!(new.len(), 1);
        assert_eq!(exercise::by_id(&new[0]).unwrap().phase, Phase::Activate);
        assert!(changed.total_secs(pacing) <= *RECOMMENDED_SECS.end());
        assert!(changed.problems().is_empty(), "phases stay in order");
        // A routine much over 20 minutes is brought down to it.
        let mut long = plan.clone();
        for step in &mut long.steps {
            step.secs = builder::longest_secs(&step.exercise).min(step.secs * 3 / 2);
        }
        assert!(long.total_secs(pacing) > 22 * 60);
        let capped = Change::SwapStretchForStrength.apply(&long, EquipmentSet::ALL, pacing);
        assert!(
            capped.total_secs(pacing) <= *RECOMMENDED_SECS.end(),
            "{}",
            capped.total_secs(pacing)
        );
    }

    #[test]
    fn the_strength_swap_keeps_a_lone_stretch() {
        let mut plan = Plan::seed();
        let stretches = steps_of(&plan, &[Phase::Mobilize]);
        for &i in stretches.iter().skip(1).rev() {
            plan.steps.remove(i);
        }
        let changed =
            Change::SwapStretchForStrength.apply(&plan, EquipmentSet::ALL, Pacing::default());
        assert_eq!(steps_of(&changed, &[Phase::Mobilize]).len(), 1);
    }

    #[test]
    fn gentler_is_a_quarter_shorter_never_under_fifteen_seconds() {
        let mut plan = Plan::seed();
        plan.steps[0].secs = 15;
        let changed = Change::Gentler.apply(&plan, EquipmentSet::ALL, Pacing::default());
        assert_eq!(changed.steps[0].secs, 15);
        for (old, new) in plan.steps.iter().zip(&changed.steps).skip(1) {
            assert!(
                new.secs <= old.secs * 3 / 4 + 5 && new.secs >= old.secs * 3 / 4,
                "{old:?} {new:?}"
            );
        }
        assert!(Change::Gentler.shows_easier_way());
        assert!(!Change::MoreActivation.shows_easier_way());
    }

    /// Day 15 of November is day 1: the baseline is 1–14 November.
    fn trial(baseline: Average) -> Trial {
        Trial {
            sign: Sign::PainBackWithinHour,
            change: Change::MoreActivation,
            started_on: day(15),
            routine: "Try".into(),
            plan_key: "trial".into(),
            before: None,
            baseline,
            ended: None,
        }
    }

    fn scored(days: impl IntoIterator<Item = u32>, pain: u8) -> Vec<CheckIn> {
        days.into_iter().map(|d| checkin(d, pain, 0)).collect()
    }

    fn journal_with(checkins: Vec<CheckIn>) -> Journal {
        let mut journal = Journal::default();
        for c in checkins {
            journal.check_in(c);
        }
        journal
    }

    const END: u32 = 29;

    #[test]
    fn the_baseline_is_the_fourteen_days_before_day_one_without_flare_days() {
        let mut journal = journal_with(scored(1..=14, 6));
        journal.check_in(checkin(15, 0, 0));
        journal.days_off.push(DayMark {
            day: day(14),
            kind: DayOff::Flare,
            clock: 1,
        });
        let (baseline, flares) = Average::of(&journal, Trial::baseline_span(day(15)));
        assert_eq!(
            baseline,
            Average {
                days: 13,
                tenths: 60
            }
        );
        assert_eq!(flares, 1);
        assert_eq!(baseline.describe(), "6.0 on average, from 13 days");
    }

    #[test]
    fn the_mark_is_two_points_or_thirty_percent_whichever_is_more() {
        let at = |tenths| working_drop_tenths(Average { days: 14, tenths });
        assert_eq!(at(50), 20);
        assert_eq!(at(66), 20);
        assert_eq!(at(67), 21);
        assert_eq!(at(80), 24);
    }

    #[test]
    fn a_drop_at_the_mark_is_working_and_one_tenth_less_is_a_little_better() {
        let baseline = Average {
            days: 14,
            tenths: 60,
        };
        let t = trial(baseline);
        let at = |pain: Vec<CheckIn>| t.outcome(&journal_with(pain), day(END), "trial").verdict;
        // 4.0 is exactly 2 points lower.
        assert_eq!(at(scored(15..=28, 4)), Verdict::Working);
        // 4.1: seven days of 4 and seven of 4 and 5 mixed.
        let mut near = scored(15..=21, 4);
        near.extend(scored(22..=22, 5));
        near.extend(scored(23..=28, 4));
        assert_eq!(
            t.outcome(&journal_with(near), day(END), "trial")
                .during
                .tenths,
            41
        );
        assert_eq!(
            t.outcome(&journal_with(scored(15..=28, 5)), day(END), "trial")
                .verdict,
            Verdict::LittleBetter
        );
        assert_eq!(at(scored(15..=28, 6)), Verdict::NotWorking);
        assert_eq!(at(scored(15..=28, 8)), Verdict::NotWorking);
    }

    #[test]
    fn a_little_better_starts_at_one_point() {
        let t = trial(Average {
            days: 14,
            tenths: 50,
        });
        let mut pain = scored(15..=21, 4);
        pain.extend(scored(22..=28, 4));
        assert_eq!(
            t.outcome(&journal_with(pain), day(END), "trial").verdict,
            Verdict::LittleBetter
        );
        let mut pain = scored(15..=21, 4);
        pain.extend(scored(22..=28, 5));
        // 4.5: half a point lower.
        assert_eq!(
            t.outcome(&journal_with(pain), day(END), "trial").verdict,
            Verdict::NotWorking
        );
    }

    #[test]
    fn seven_scored_days_in_each_fortnight_are_needed() {
        let full = Average {
            days: 14,
            tenths: 60,
        };
        let six = trial(full).outcome(&journal_with(scored(15..=20, 2)), day(END), "trial");
        assert_eq!(six.verdict, Verdict::TooLittleData);
        assert_eq!(six.during.days, 6);
        let seven = trial(full).outcome(&journal_with(scored(15..=21, 2)), day(END), "trial");
        assert_eq!(seven.verdict, Verdict::Working);
        let thin = trial(Average {
            days: 6,
            tenths: 60,
        });
        assert_eq!(
            thin.outcome(&journal_with(scored(15..=28, 2)), day(END), "trial")
                .verdict,
            Verdict::TooLittleData
        );
    }

    #[test]
    fn flare_days_are_left_out_and_can_leave_too_little() {
        let t = trial(Average {
            days: 14,
            tenths: 60,
        });
        let mut journal = journal_with(scored(15..=28, 4));
        for d in 15..=21 {
            journal.days_off.push(DayMark {
                day: day(d),
                kind: DayOff::Flare,
                clock: 1,
            });
        }
        // A flare's 9 out of the average.
        journal.check_in(checkin(16, 9, 1));
        let outcome = t.outcome(&journal, day(END), "trial");
        assert_eq!(outcome.flare_days, 7);
        assert_eq!(
            outcome.during,
            Average {
                days: 7,
                tenths: 40
            }
        );
        assert_eq!(outcome.verdict, Verdict::Working);
        journal.days_off.push(DayMark {
            day: day(22),
            kind: DayOff::Flare,
            clock: 1,
        });
        assert_eq!(
            t.outcome(&journal, day(END), "trial").verdict,
            Verdict::TooLittleData
        );
    }

    #[test]
    fn another_routine_run_or_chosen_mid_trial_means_it_cannot_tell() {
        let t = trial(Average {
            days: 14,
            tenths: 60,
        });
        let mut journal = journal_with(scored(15..=28, 3));
        let ran = |d: u32, key: &str| SessionRecord {
            plan_key: Some(key.into()),
            ..SessionRecord::sample(day(d))
        };
        journal.record(ran(16, "trial"));
        assert_eq!(
            t.outcome(&journal, day(END), "trial").verdict,
            Verdict::Working
        );
        // A session before day 1 with the old routine does not count.
        journal.record(ran(10, "old"));
        assert_eq!(
            t.outcome(&journal, day(END), "trial").verdict,
            Verdict::Working
        );
        journal.record(ran(20, "old"));
        let outcome = t.outcome(&journal, day(END), "trial");
        assert_eq!(outcome.verdict, Verdict::ChangedByHand);
        assert_eq!(outcome.changed_on_day, Some(6));
        // Chosen by hand and not yet run: seen by the routine in use.
        let journal = journal_with(scored(15..=28, 3));
        let outcome = t.outcome(&journal, day(20), &plan_log::key_of(&[]));
        assert_eq!(
            (outcome.verdict, outcome.changed_on_day),
            (Verdict::ChangedByHand, Some(6))
        );
    }

    #[test]
    fn the_trial_counts_its_days_and_ends_after_fourteen() {
        let t = trial(Average::default());
        assert_eq!(t.day_number(day(15)), 1);
        assert!(!t.is_over(day(28)));
        assert!(t.is_over(day(29)));
        // A clock set back before day 1 still reads within the trial.
        assert_eq!(
            t.span(day(10)),
            Span {
                from: day(15),
                to: day(15)
            }
        );
        // Scores after day 14 are not the trial's.
        let late = journal_with(scored(29..=30, 0));
        assert_eq!(t.outcome(&late, day(30), "trial").during.days, 0);
    }

    #[test]
    fn the_words_are_plain() {
        use crate::domain::readability::grade;
        let mut texts: Vec<String> = [
            Change::MoreActivation,
            Change::SwapStretchForStrength,
            Change::Gentler,
        ]
        .iter()
        .flat_map(|c| [c.title().to_string(), c.description().to_string()])
        .collect();
        texts.extend(
            [
                Verdict::Working,
                Verdict::LittleBetter,
                Verdict::NotWorking,
                Verdict::TooLittleData,
                Verdict::ChangedByHand,
            ]
            .map(|v| v.describe().to_string()),
        );
        texts.push(
            trial(Average {
                days: 12,
                tenths: 52,
            })
            .mark(),
        );
        texts.push(trial(Average::default()).mark());
        for text in texts {
            assert!(grade(&text) <= 8.0, "{:.1}: {text}", grade(&text));
            assert!(!text.contains("fix") && !text.contains("cure"), "{text}");
        }
    }
}
