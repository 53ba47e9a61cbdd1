//! The two-week "try one change" loop (clinical review §5, idea 3): when a
//! sign fires, one change that fits it, run as a fair trial whose mark for
//! success and baseline are fixed on day 1, then kept or undone by the
//! patient once the figures are in. Every rule the patient is told about:
//!
//! | part | rule | source |
//! |---|---|---|
//! | sign 1 | two more minutes of activation, taken from the mobility stretches (then decompression), none under half its time, so the length stays the same; not offered when that cannot be done in full | clinical review §5.3: "+2 min activation, not more stretching" |
//! | sign 2 | the longest stretch makes way for a strength exercise the patient can do, and the routine as run (rest included) is kept to 20 minutes; not offered with one stretch or none to bring in | clinical review §5.3: "cap at 20 min and swap one stretch for strength" |
//! | signs 3, 3b | each exercise about a quarter shorter (to the next 5 s, never under 15 s), with its easier way shown first | clinical review §5.3: "easier versions"; the pain-monitoring model's "too much for now" |
//! | signs 4, 4b | no change offered: they call for a clinician and the safety check | NICE NG59 |
//! | baseline | average daily pain ([`trends::daily_pain`]) over the 14 days before day 1, flare days left out | flare days are not the routine's doing |
//! | working | the two weeks' average is lower by the meaningful-change mark: at least 2 points and 30 % ([`trends::meaningful_change`]) | Farrar 2001 |
//! | a little better | lower by at least 1 point, short of the mark | Salaffi 2004: the smallest change patients notice |
//! | too little data | fewer than 7 scored days in either fortnight | the same count as sign 4 |
//! | changed by hand | a session in the two weeks ran a routine of another name, or another routine is in use before the two weeks are over |
//! | stopped early | ended before the two weeks were up | |
//! | day 1 | the day after the patient starts it: that day's scores came before the change | | the comparison would not be of this change |
//!
//! "The sign has gone" is shown but does not count as working: a sign also
//! goes quiet when its questions stop being answered.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::builder::{self, STEP_SECS};
use super::day::{self, Span};
use super::decimal::Tenths;
use super::exercise::{self, LIBRARY};
use super::journal::{DayOff, Journal};
use super::phase::Phase;
use super::plan::{Plan, RECOMMENDED_SECS, Step};
use super::settings::Settings;
use super::tags::{self, Tag};
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
                "The strength exercises get two more minutes. Other exercises get less time, \
                 mostly the stretches at the end. The routine takes as long as before."
            }
            Change::SwapStretchForStrength => {
                "Your longest stretch makes way for a strength exercise, and the routine stays at \
                 20 minutes or less. More time has stopped adding relief, so this tries something else."
            }
            Change::Gentler => {
                "Each exercise is about a quarter shorter, and its easier way is shown first. Stop short \
                 of any strain."
            }
        }
    }

    /// Whether the routine opens each exercise's easier way while it runs.
    pub fn shows_easier_way(self) -> bool {
        self == Change::Gentler
    }

    /// The name the changed routine is saved under: the routine's own,
    /// without what an earlier try added to it.
    pub fn routine_name(self, plan: &Plan) -> String {
        let what = match self {
            Change::MoreActivation => "more strength",
            Change::SwapStretchForStrength => "strength for a stretch",
            Change::Gentler => "gentler",
        };
        let base = plan.name.split(TRY_SUFFIX).next().unwrap_or(&plan.name);
        format!("{base}{TRY_SUFFIX}{what}")
    }

    /// `plan` with the change made, as this patient runs it (`settings`:
    /// equipment and readiness for an exercise brought in, rest and pacing
    /// for the 20-minute cap). `None` when the change cannot be made in
    /// full: no time to move, no strength exercise to bring in, or nothing
    /// would change.
    pub fn apply(self, plan: &Plan, settings: &Settings) -> Option<Plan> {
        let mut changed = plan.clone();
        changed.name = self.routine_name(plan);
        match self {
            Change::MoreActivation => {
                let added = add_work(&mut changed, Phase::Activate, MORE_ACTIVATION_SECS);
                // From the stretches first; what they cannot spare without
                // going under half their time, from decompression.
                let taken = take_work(&mut changed, &[Phase::Mobilize], added);
                let taken = taken + take_work(&mut changed, &[Phase::Decompress], added - taken);
                if added < MORE_ACTIVATION_SECS || taken < added {
                    return None;
                }
            }
            Change::SwapStretchForStrength => {
                swap_longest_stretch(&mut changed, settings)?;
                let cap = *RECOMMENDED_SECS.end();
                let session_secs =
                    |plan: &Plan| settings.session_plan(plan).total_secs(settings.pacing());
                while let Some(over) = session_secs(&changed).checked_sub(cap + 1) {
                    // Rounded up to a chunk on both sides, so one always fits.
                    let over = (over + 1).next_multiple_of(2 * CHUNK_SECS);
                    if take_work(&mut changed, &[Phase::Mobilize, Phase::Decompress], over) == 0 {
                        return None;
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
        (changed.steps != plan.steps).then_some(changed)
    }
}

/// What a try adds to the name of the routine it changes.
const TRY_SUFFIX: &str = ", two-week try: ";

/// The indices of the steps whose exercise is of one of `phases`.
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
/// (equipment and readiness answers), after the last activation step, and
/// takes out the mobility step with the most work. `None`, changing
/// nothing, when there is no such exercise or only one stretch to keep.
fn swap_longest_stretch(plan: &mut Plan, settings: &Settings) -> Option<()> {
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
            && e.unavailable(settings.equipment, &settings.readiness)
                .is_none()
            && !plan.steps.iter().any(|s| s.exercise == e.id)
    })?;
    if stretches.len() < 2 {
        return None;
    }
    plan.steps.remove(longest?);
    let after = steps_of(plan, &[Phase::Activate])
        .last()
        .map_or(0, |&i| i + 1);
    plan.steps.insert(after, Step::with_defaults(strength));
    Some(())
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
    // 30 % in whole numbers: a float product such as 0.3 × 90 lands just
    // above 27 and would round up to 28.
    let share = (baseline.tenths * (trends::MEANINGFUL_SHARE * 10.0).round() as u16).div_ceil(10);
    points.max(share)
}

/// What two weeks of a change showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Pain fell by the mark set at the start.
    Working,
    /// Pain fell by at least a point, short of the mark.
    LittleBetter,
    /// Pain did not fall by a point.
    NotWorking,
    /// Too few scored days to compare.
    TooLittleData,
    /// Another routine was run or chosen during the two weeks.
    ChangedByHand,
    /// Stopped before the two weeks were up.
    StoppedEarly,
}

impl Verdict {
    /// The verdict in plain words, never a promise either way.
    pub fn describe(self) -> &'static str {
        match self {
            Verdict::Working => {
                "The change met the mark set at the start: your pain was clearly lower."
            }
            Verdict::LittleBetter => {
                "Your pain was a little lower, but less than the mark set at the start. Keeping \
                 the change for longer may tell you more."
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
            Verdict::StoppedEarly => {
                "The try was stopped before the two weeks were up, so it cannot say if the change \
                 helped."
            }
        }
    }
}

/// A tag on this many more (or fewer) days in the try than in the two
/// weeks before is named beside the result.
pub const OTHER_CHANGE_DAYS: usize = 3;

/// A day tag that came more or less often during a try than before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherChange {
    pub tag: Tag,
    /// Days with the tag in the two weeks before…
    pub before: usize,
    /// …and in the try's days.
    pub during: usize,
}

/// "Other things changed too: pain medicine on 9 days of the try and 2
/// before. The change in pain may come from them as well." Empty for none.
pub fn other_changes_note(changes: &[OtherChange]) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let each: Vec<String> = changes
        .iter()
        .map(|c| {
            format!(
                "{} on {} of the try and {} before",
                c.tag.short(),
                day::count_days(c.during),
                c.before
            )
        })
        .collect();
    let (things, them) = if changes.len() == 1 {
        ("Another thing", "it")
    } else {
        ("Other things", "them")
    };
    format!(
        "{things} changed too: {}. The change in pain may come from {them} as well.",
        each.join("; ")
    )
}

/// The figures of a trial so far, or at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The average over the trial's days so far.
    pub during: Average,
    /// Flare days in the trial, left out of the average.
    pub flare_days: u8,
    /// The first day of the trial (1 to 14) another routine ran or was in
    /// use, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_on_day: Option<u8>,
    /// What the figures say.
    pub verdict: Verdict,
}

/// How a trial ended: the patient's choice and the figures it was made on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ended {
    /// The day the patient chose.
    #[serde(deserialize_with = "super::day::stored")]
    pub on: NaiveDate,
    /// The change was kept; otherwise the routine before was put back.
    pub kept: bool,
    pub outcome: Outcome,
}

/// Where a trial stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The day it was started: day 1 is tomorrow, as today's scores were
    /// given before the change.
    StartsTomorrow,
    /// Day 1 to 14.
    Day(u32),
    /// Its days have all passed: the result is ready.
    Over,
}

impl Status {
    /// "day 3 of 14", "day 1 is tomorrow" or "over", to go after a colon.
    pub fn label(self) -> String {
        match self {
            Status::StartsTomorrow => "day 1 is tomorrow".into(),
            Status::Day(n) => format!("day {n} of {TRIAL_DAYS}"),
            Status::Over => "over".into(),
        }
    }
}

/// One two-week trial of a change, running or ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trial {
    /// The sign that led to it.
    pub sign: Sign,
    /// What it changed.
    pub change: Change,
    /// Day 1: the day after the patient started it.
    #[serde(deserialize_with = "super::day::stored")]
    pub started_on: NaiveDate,
    /// The changed routine as it was saved, under its own name: a session
    /// under another name ran another routine, and Keep saves it again if
    /// it was deleted.
    pub plan: Plan,
    /// The routine in use before, put back by "Go back": the patient's own,
    /// or `None` for the suggested one.
    pub before: Option<Plan>,
    /// The 14 days before day 1, fixed then.
    pub baseline: Average,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ended>,
}

impl Trial {
    /// Where the trial stands on `today`.
    pub fn status(&self, today: NaiveDate) -> Status {
        match (today - self.started_on).num_days() {
            ..0 => Status::StartsTomorrow,
            n if n < i64::from(TRIAL_DAYS) => Status::Day(n as u32 + 1),
            _ => Status::Over,
        }
    }

    /// The day of the trial that `day` is, 1 to 14 (0 before day 1).
    fn day_of(&self, day: NaiveDate) -> u8 {
        let n = (day - self.started_on).num_days() + 1;
        n.clamp(0, i64::from(TRIAL_DAYS)) as u8
    }

    /// The day the result is shown: the day after day 14.
    pub fn result_day(&self) -> NaiveDate {
        self.started_on + Days::new(u64::from(TRIAL_DAYS))
    }

    /// The 14 days before day 1, the baseline's span.
    pub fn baseline_span(started_on: NaiveDate) -> Span {
        Span::ending(started_on - Days::new(1), TRIAL_DAYS)
    }

    /// The trial's days up to `today`, at most its 14; none before day 1.
    fn span(&self, today: NaiveDate) -> Option<Span> {
        let last = self.started_on + Days::new(u64::from(TRIAL_DAYS - 1));
        let to = last.min(today);
        (to >= self.started_on).then_some(Span {
            from: self.started_on,
            to,
        })
    }

    /// What the trial shows on `today`. `in_use` says whether its routine
    /// is the one in use, so one chosen by hand since the last session
    /// counts too, until the two weeks are over. Ended on `today`, before
    /// they are over, it is stopped early.
    pub fn outcome(&self, journal: &Journal, today: NaiveDate, in_use: bool) -> Outcome {
        let (during, flare_days) = self
            .span(today)
            .map_or((Average::default(), 0), |span| Average::of(journal, span));
        let over = self.status(today) == Status::Over;
        let chose_other = (!in_use && !over).then(|| self.day_of(today).max(1));
        let changed_on_day = self.ran_other_routine(journal, today).or(chose_other);
        let verdict = if changed_on_day.is_some() {
            Verdict::ChangedByHand
        } else if !over {
            Verdict::StoppedEarly
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

    /// The day of the trial (1 to 14) a session first ran a routine other
    /// than the trial's, if one has by `today`: after that, choosing the
    /// trial's routine again cannot make the comparison fair.
    pub fn ran_other_routine(&self, journal: &Journal, today: NaiveDate) -> Option<u8> {
        let span = self.span(today)?;
        trends::sessions_in(journal, span)
            .iter()
            .find(|s| s.plan != self.plan.name)
            .map(|s| self.day_of(s.day).max(1))
    }

    /// The mark set at the start, in plain words.
    pub fn mark(&self) -> String {
        mark(self.baseline)
    }

    /// The day tags whose days differ by [`OTHER_CHANGE_DAYS`] or more
    /// between the two weeks before and the try's days (to its end, or to
    /// `today` while it runs): something else that changed, which may
    /// explain a change in pain as well as the routine can. An n-of-1 trial
    /// keeps other treatments steady or records them (Kravitz 2014, AHRQ
    /// "Design and Implementation of N-of-1 Trials"); the number of days is
    /// this project's own mark, not a validated one.
    pub fn other_changes(&self, journal: &Journal, today: NaiveDate) -> Vec<OtherChange> {
        let last = self.ended.as_ref().map_or(today, |e| e.on);
        let Some(during) = self.span(last) else {
            return Vec::new();
        };
        let before = tags::days_with(&journal.tags, Trial::baseline_span(self.started_on));
        let during = tags::days_with(&journal.tags, during);
        let days = |counts: &[(Tag, usize)], tag| {
            counts
                .iter()
                .find(|(t, _)| *t == tag)
                .map_or(0, |(_, n)| *n)
        };
        Tag::ALL
            .into_iter()
            .map(|tag| OtherChange {
                tag,
                before: days(&before, tag),
                during: days(&during, tag),
            })
            .filter(|c| c.before.abs_diff(c.during) >= OTHER_CHANGE_DAYS)
            .collect()
    }
}

/// The change offered beside `sign` among the signs `firing`: none for a
/// sign that calls for a clinician, nor while one fires (NICE NG59: rule
/// out serious causes before changing the exercise).
pub fn offered_for(sign: Sign, firing: &[Sign]) -> Option<Change> {
    if firing.iter().any(|s| s.asks_for_safety_check()) {
        return None;
    }
    Change::for_sign(sign)
}

/// Why no change is offered for a sign that fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoOffer {
    /// One try at a time.
    TrialOpen,
    /// The sign, or another firing, calls for a clinician.
    ClinicianFirst,
    /// The phone's clock is before the last try.
    ClockBack,
    /// The change cannot be made to this routine, or it could not run.
    DoesNotFit,
    /// The pain is already below the mark.
    PainAlreadyLow,
}

impl NoOffer {
    /// Why, in plain words.
    pub fn describe(self) -> &'static str {
        match self {
            NoOffer::TrialOpen => {
                "You are already trying a change. One try at a time keeps the result fair."
            }
            NoOffer::ClinicianFirst => {
                "A sign that calls for a doctor or physiotherapist is showing. Please see one \
                 before you change the routine."
            }
            NoOffer::ClockBack => {
                "The phone's date is before your last try. Check the date on your phone."
            }
            NoOffer::DoesNotFit => {
                "This change does not fit your routine as it is: it has no time to move, or no \
                 strength exercise to add. The routine builder can change it by hand."
            }
            NoOffer::PainAlreadyLow => {
                "Your pain over the last two weeks is already below 2, so a try could not show a \
                 clear drop. Keep going with your routine."
            }
        }
    }
}

/// Whether a trial with `baseline` can meet its mark at all: with pain
/// already under the mark's 2 points, it cannot fall by them.
pub fn can_meet_mark(baseline: Average) -> bool {
    baseline.days < MIN_SCORED_DAYS || baseline.tenths >= working_drop_tenths(baseline)
}

/// The mark a trial starting with `baseline` sets, in plain words: shown
/// before the patient starts it, and on every day of it.
pub fn mark(baseline: Average) -> String {
    let drop = Tenths::of(f64::from(working_drop_tenths(baseline)) / 10.0);
    if baseline.days < MIN_SCORED_DAYS {
        return format!(
            "Only {} of the last two weeks have a pain score, so the result will not be able to \
             say if the change worked. You can still try it.",
            day::count_days(usize::from(baseline.days))
        );
    }
    format!(
        "It counts as working if your average daily pain over the two weeks is at least {drop} \
         points lower than the two weeks before: {}.",
        baseline.describe()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::CheckIn;
    use crate::domain::exercise::EquipmentSet;
    use crate::domain::journal::DayMark;
    use crate::domain::plan::Pacing;
    use crate::domain::readiness::Readiness;
    use crate::domain::session::SessionRecord;
    use crate::domain::testing::{checkin, day};

    /// Settings with every extra, so the routines run as written.
    fn everything() -> Settings {
        Settings {
            equipment: EquipmentSet::ALL,
            ..Settings::default()
        }
    }

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
            let changed = Change::MoreActivation.apply(&plan, &everything()).unwrap();
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
        let changed = Change::SwapStretchForStrength
            .apply(&plan, &everything())
            .unwrap();
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
        let capped = Change::SwapStretchForStrength
            .apply(&long, &everything())
            .unwrap();
        assert!(
            capped.total_secs(pacing) <= *RECOMMENDED_SECS.end(),
            "{}",
            capped.total_secs(pacing)
        );
    }

    #[test]
    fn the_strength_swap_is_not_made_to_a_lone_stretch() {
        let mut plan = Plan::seed();
        let stretches = steps_of(&plan, &[Phase::Mobilize]);
        for &i in stretches.iter().skip(1).rev() {
            plan.steps.remove(i);
        }
        let settings = everything();
        assert_eq!(Change::SwapStretchForStrength.apply(&plan, &settings), None);
    }

    #[test]
    fn gentler_is_a_quarter_shorter_never_under_fifteen_seconds() {
        let mut plan = Plan::seed();
        plan.steps[0].secs = 15;
        let changed = Change::Gentler.apply(&plan, &everything()).unwrap();
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
            plan: Plan {
                name: "Try".into(),
                steps: Vec::new(),
            },
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
    fn a_tag_three_days_apart_between_the_fortnights_is_named_and_two_is_not() {
        let medicine = Tag::PainMedicine;
        let sleep = Tag::PoorSleep;
        let mut journal = Journal::default();
        // Medicine on 2 days before (1–14) and 5 in the try (15–28): 3 apart.
        for d in [3, 9, 15, 16, 20, 21, 28] {
            journal.tag_day(day(d), medicine, true);
        }
        // Poor sleep on 4 days before and 2 in the try: 2 apart.
        for d in [1, 2, 5, 6, 18, 19] {
            journal.tag_day(day(d), sleep, true);
        }
        // Outside both windows: not counted.
        journal.tag_day(day(29), sleep, true);
        let changes = trial(Average::default()).other_changes(&journal, day(END));
        assert_eq!(
            changes,
            [OtherChange {
                tag: medicine,
                before: 2,
                during: 5
            }]
        );
        assert_eq!(
            other_changes_note(&changes),
            "Another thing changed too: pain medicine on 5 days of the try and 2 before. \
             The change in pain may come from it as well."
        );
        assert_eq!(other_changes_note(&[]), "");
        let note = other_changes_note(&[
            changes[0],
            OtherChange {
                tag: sleep,
                before: 0,
                during: 4,
            },
        ]);
        assert_eq!(
            note,
            "Other things changed too: pain medicine on 5 days of the try and 2 before; \
             poor sleep on 4 days of the try and 0 before. The change in pain may come from \
             them as well."
        );
        assert!(crate::domain::readability::grade(&note) <= 8.0, "{note}");
    }

    #[test]
    fn a_try_stopped_early_compares_only_its_own_days_and_none_before_day_one() {
        let mut journal = Journal::default();
        for d in [20, 21, 22, 23] {
            journal.tag_day(day(d), Tag::Stress, true);
        }
        let mut stopped = trial(Average::default());
        assert_eq!(stopped.other_changes(&journal, day(14)), []);
        stopped.ended = Some(Ended {
            on: day(19),
            kept: false,
            outcome: stopped.outcome(&journal, day(19), true),
        });
        assert_eq!(stopped.other_changes(&journal, day(END)), []);
        let running = trial(Average::default());
        assert_eq!(running.other_changes(&journal, day(END)).len(), 1);
    }

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
        // Exact in whole numbers where a float product lands just above.
        assert_eq!(at(90), 27);
        assert_eq!(at(100), 30);
    }

    #[test]
    fn a_drop_at_the_mark_is_working_and_one_tenth_less_is_a_little_better() {
        let baseline = Average {
            days: 14,
            tenths: 60,
        };
        let t = trial(baseline);
        let at = |pain: Vec<CheckIn>| t.outcome(&journal_with(pain), day(END), true).verdict;
        // 4.0 is exactly 2 points lower.
        assert_eq!(at(scored(15..=28, 4)), Verdict::Working);
        // 4.1: seven days of 4 and seven of 4 and 5 mixed.
        let mut near = scored(15..=21, 4);
        near.extend(scored(22..=22, 5));
        near.extend(scored(23..=28, 4));
        assert_eq!(
            t.outcome(&journal_with(near), day(END), true).during.tenths,
            41
        );
        assert_eq!(
            t.outcome(&journal_with(scored(15..=28, 5)), day(END), true)
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
            t.outcome(&journal_with(pain), day(END), true).verdict,
            Verdict::LittleBetter
        );
        let mut pain = scored(15..=21, 4);
        pain.extend(scored(22..=28, 5));
        // 4.5: half a point lower.
        assert_eq!(
            t.outcome(&journal_with(pain), day(END), true).verdict,
            Verdict::NotWorking
        );
    }

    #[test]
    fn seven_scored_days_in_each_fortnight_are_needed() {
        let full = Average {
            days: 14,
            tenths: 60,
        };
        let six = trial(full).outcome(&journal_with(scored(15..=20, 2)), day(END), true);
        assert_eq!(six.verdict, Verdict::TooLittleData);
        assert_eq!(six.during.days, 6);
        let seven = trial(full).outcome(&journal_with(scored(15..=21, 2)), day(END), true);
        assert_eq!(seven.verdict, Verdict::Working);
        let thin = trial(Average {
            days: 6,
            tenths: 60,
        });
        assert_eq!(
            thin.outcome(&journal_with(scored(15..=28, 2)), day(END), true)
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
        let outcome = t.outcome(&journal, day(END), true);
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
            t.outcome(&journal, day(END), true).verdict,
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
        let ran = |d: u32, name: &str| SessionRecord {
            plan: name.into(),
            ..SessionRecord::sample(day(d))
        };
        journal.record(ran(16, "Try"));
        assert_eq!(
            t.outcome(&journal, day(END), true).verdict,
            Verdict::Working
        );
        // A session before day 1 with the old routine does not count.
        journal.record(ran(10, "old"));
        assert_eq!(
            t.outcome(&journal, day(END), true).verdict,
            Verdict::Working
        );
        journal.record(ran(20, "old"));
        let outcome = t.outcome(&journal, day(END), true);
        assert_eq!(outcome.verdict, Verdict::ChangedByHand);
        assert_eq!(outcome.changed_on_day, Some(6));
        // Chosen by hand and not yet run: seen by the routine in use.
        let journal = journal_with(scored(15..=28, 3));
        let outcome = t.outcome(&journal, day(20), false);
        assert_eq!(
            (outcome.verdict, outcome.changed_on_day),
            (Verdict::ChangedByHand, Some(6))
        );
    }

    #[test]
    fn the_trial_counts_its_days_from_the_day_after_it_starts_and_ends_after_fourteen() {
        let t = trial(Average::default());
        assert_eq!(t.status(day(14)), Status::StartsTomorrow);
        assert_eq!(t.status(day(15)), Status::Day(1));
        assert_eq!(t.status(day(28)), Status::Day(14));
        assert_eq!(t.status(day(29)), Status::Over);
        assert_eq!(t.result_day(), day(29));
        // A clock set back before day 1: no days yet, and nothing counted.
        assert_eq!(t.span(day(10)), None);
        let early = journal_with(scored(10..=14, 9));
        assert_eq!(t.outcome(&early, day(14), true).during.days, 0);
        // Scores after day 14 are not the trial's.
        let late = journal_with(scored(29..=30, 0));
        assert_eq!(t.outcome(&late, day(30), true).during.days, 0);
    }

    #[test]
    fn ended_before_the_two_weeks_are_up_it_was_stopped_early() {
        let t = trial(Average {
            days: 14,
            tenths: 60,
        });
        let journal = journal_with(scored(15..=24, 1));
        assert_eq!(
            t.outcome(&journal, day(24), true).verdict,
            Verdict::StoppedEarly
        );
        assert_eq!(
            t.outcome(&journal, day(END), true).verdict,
            Verdict::Working
        );
    }

    #[test]
    fn a_change_that_cannot_be_made_in_full_is_not_offered() {
        let settings = everything();
        // Activation already at its limits: no two minutes to add.
        let mut full = Plan::seed();
        for step in &mut full.steps {
            if exercise::by_id(&step.exercise).unwrap().phase == Phase::Activate {
                step.secs = builder::longest_secs(&step.exercise);
            }
        }
        assert_eq!(Change::MoreActivation.apply(&full, &settings), None);
        // Every step at 15 s: nothing to shorten.
        let mut short = Plan::seed();
        for step in &mut short.steps {
            step.secs = 15;
        }
        assert_eq!(Change::Gentler.apply(&short, &settings), None);
    }

    #[test]
    fn the_strength_swap_brings_in_only_an_exercise_the_readiness_answers_allow() {
        let everything = everything();
        // The seed routine with clamshells and the dead bug: the side plank
        // is the first strength exercise it lacks.
        let mut plan = Plan::seed();
        for id in ["dead-bug", "clamshell"] {
            plan.steps
                .insert(6, Step::with_defaults(exercise::by_id(id).unwrap()));
        }
        let added = |settings: &Settings| {
            let changed = Change::SwapStretchForStrength
                .apply(&plan, settings)
                .unwrap();
            let new = changed
                .steps
                .iter()
                .find(|s| !plan.steps.iter().any(|p| p.exercise == s.exercise));
            new.unwrap().exercise.clone()
        };
        assert_eq!(added(&everything), "side-plank-knees");
        let high_blood_pressure = Settings {
            readiness: Readiness::answered(day(1), ["blood-pressure"]),
            ..everything
        };
        assert_eq!(added(&high_blood_pressure), "prone-y-t");
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
                Verdict::StoppedEarly,
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
        texts.extend(
            [
                NoOffer::TrialOpen,
                NoOffer::ClinicianFirst,
                NoOffer::ClockBack,
                NoOffer::DoesNotFit,
                NoOffer::PainAlreadyLow,
            ]
            .map(|n| n.describe().to_string()),
        );
        for text in texts {
            assert!(grade(&text) <= 8.0, "{:.1}: {text}", grade(&text));
            assert!(!text.contains("fix") && !text.contains("cure"), "{text}");
        }
    }
}
