//! Starting and ending a two-week trial of a change to the routine: the
//! routine in use changes for a trial only through here, and "Go back"
//! puts back exactly the routine that was in use before.

use chrono::NaiveDate;

use super::Store;
use crate::domain::plan_log;
use crate::domain::trial::{Average, Change, Ended, Outcome, Trial};
use crate::domain::warning::Sign;

impl Store {
    /// The trial not yet kept or undone: running, or over and waiting for
    /// the patient's choice.
    pub fn open_trial(&self) -> Option<&Trial> {
        self.trials.last().filter(|t| t.ended.is_none())
    }

    /// The change offered for `sign`: none while a trial is open, for a
    /// sign that calls for a clinician, or when the changed routine could
    /// not run with these settings.
    pub fn trial_offer(&self, sign: Sign) -> Option<Change> {
        if self.open_trial().is_some() {
            return None;
        }
        let change = Change::for_sign(sign)?;
        self.check_plan(&self.changed_plan(change))
            .can_save()
            .then_some(change)
    }

    /// The routine in use with `change` made, under a name no routine has.
    fn changed_plan(&self, change: Change) -> crate::domain::plan::Plan {
        let mut plan = change.apply(
            &self.chosen_plan(),
            self.settings.equipment,
            self.settings.pacing(),
        );
        plan.name = self.routines.free_name(&plan.name);
        plan
    }

    /// Starts a trial of `sign`'s change on `today`: the changed routine is
    /// saved and put in use, and the baseline is fixed from the 14 days
    /// before. Returns whether one started.
    pub fn start_trial(&mut self, sign: Sign, today: NaiveDate) -> bool {
        let Some(change) = self.trial_offer(sign) else {
            return false;
        };
        let before = self.own_plan();
        let plan = self.changed_plan(change);
        let routine = plan.name.clone();
        let (baseline, _) = Average::of(&self.journal, Trial::baseline_span(today));
        self.routines.save(None, plan);
        let plan_key = plan_log::key_of(&self.session_plan().steps);
        self.trials.push(Trial {
            sign,
            change,
            started_on: today,
            routine,
            plan_key,
            before,
            baseline,
            ended: None,
        });
        true
    }

    /// What `trial` shows on `today`, against the routine in use now.
    pub fn trial_outcome(&self, trial: &Trial, today: NaiveDate) -> Outcome {
        let running_key = plan_log::key_of(&self.session_plan().steps);
        trial.outcome(&self.journal, today, &running_key)
    }

    /// Ends the open trial on `today` with its figures kept: the changed
    /// routine is in use (again, if another was chosen during the trial),
    /// or the routine in use before it is put back (saved again if it was
    /// deleted since) and the changed one deleted.
    pub fn end_trial(&mut self, keep: bool, today: NaiveDate) {
        let Some(trial) = self.open_trial().cloned() else {
            return;
        };
        let outcome = self.trial_outcome(&trial, today);
        if keep {
            if self.routines.named(&trial.routine).is_some() {
                self.routines.choose(Some(trial.routine.clone()));
            }
        } else {
            self.routines.delete(&trial.routine);
            let before = trial.before.map(|plan| {
                if self.routines.named(&plan.name).is_none() {
                    self.routines.saved.push(plan.clone());
                }
                plan.name
            });
            self.routines.choose(before);
        }
        if let Some(open) = self.trials.last_mut() {
            open.ended = Some(Ended {
                on: today,
                kept: keep,
                outcome,
            });
        }
    }

    /// Whether the routine opens each exercise's easier way: a gentler
    /// trial is running with its routine in use.
    pub fn easier_way_first(&self) -> bool {
        self.open_trial().is_some_and(|t| {
            t.change.shows_easier_way() && self.routines.in_use.as_deref() == Some(&t.routine)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Plan;
    use crate::domain::testing::{checkin, day};
    use crate::domain::trial::Verdict;

    fn scored_fortnight(store: &mut Store, from: u32, pain: u8) {
        for d in from..from + 14 {
            store.journal.check_in(checkin(d, pain, 0));
        }
    }

    #[test]
    fn a_trial_puts_the_changed_routine_in_use_and_fixes_its_baseline() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        let before = store.session_plan();
        assert_eq!(store.trial_offer(Sign::SuddenRise), None);
        assert!(store.start_trial(Sign::PainBackWithinHour, day(15)));
        let trial = store.open_trial().unwrap().clone();
        assert_eq!(
            trial.baseline,
            Average {
                days: 14,
                tenths: 60
            }
        );
        assert_eq!(trial.before, None);
        assert_eq!(
            store.routines.in_use.as_deref(),
            Some(trial.routine.as_str())
        );
        assert_ne!(store.session_plan().steps, before.steps);
        assert_eq!(
            trial.plan_key,
            plan_log::key_of(&store.session_plan().steps)
        );
        // One trial at a time.
        assert_eq!(store.trial_offer(Sign::WorseNextDay), None);
        assert!(!store.start_trial(Sign::WorseNextDay, day(15)));
        // A score given after day 1 does not move the baseline.
        store.journal.check_in(checkin(3, 0, 1));
        assert_eq!(store.open_trial().unwrap().baseline.tenths, 60);
    }

    #[test]
    fn going_back_restores_the_suggested_routine_exactly() {
        let mut store = Store::default();
        let before = store.session_plan();
        let routines = store.routines.clone();
        store.start_trial(Sign::MoreForSameRelief, day(15));
        store.end_trial(false, day(29));
        assert_eq!(store.session_plan(), before);
        assert_eq!(store.routines, routines);
        let ended = store.trials[0].ended.as_ref().unwrap();
        assert!(!ended.kept);
        assert_eq!(ended.outcome.verdict, Verdict::TooLittleData);
        assert_eq!(store.open_trial(), None);
        assert!(store.trial_offer(Sign::MoreForSameRelief).is_some());
    }

    #[test]
    fn going_back_restores_the_patients_own_routine_even_if_deleted_since() {
        let mut store = Store::default();
        let mut own = Plan::seed();
        own.name = "Mine".into();
        own.steps[1].secs = 150;
        store.routines.save(None, own.clone());
        store.start_trial(Sign::WorseNextDay, day(15));
        assert_eq!(store.open_trial().unwrap().before.as_ref(), Some(&own));
        assert!(store.easier_way_first());
        store.routines.delete("Mine");
        // The suggested routine chosen by hand during the try.
        store.routines.choose(None);
        store.end_trial(false, day(20));
        assert_eq!(store.routines.saved, [own]);
        assert_eq!(store.routines.in_use.as_deref(), Some("Mine"));
        assert!(!store.easier_way_first());
        let outcome = store.trials[0].ended.as_ref().unwrap().outcome;
        assert_eq!(outcome.verdict, Verdict::ChangedByHand);
    }

    #[test]
    fn keeping_the_change_leaves_the_changed_routine_in_use() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        store.start_trial(Sign::PainBackWithinHour, day(15));
        scored_fortnight(&mut store, 15, 3);
        let routine = store.open_trial().unwrap().routine.clone();
        store.end_trial(true, day(29));
        assert_eq!(store.routines.in_use.as_deref(), Some(routine.as_str()));
        let ended = store.trials[0].ended.as_ref().unwrap();
        assert!(ended.kept);
        assert_eq!(ended.outcome.verdict, Verdict::Working);
        assert_eq!(ended.on, day(29));
        // Kept after another routine was chosen by hand: the change is back in use.
        let mut chosen = Store::default();
        chosen.start_trial(Sign::PainBackWithinHour, day(15));
        let routine = chosen.open_trial().unwrap().routine.clone();
        chosen.routines.choose(None);
        chosen.end_trial(true, day(29));
        assert_eq!(chosen.routines.in_use, Some(routine));
        let ended = chosen.trials[0].ended.as_ref().unwrap();
        assert_eq!(ended.outcome.verdict, Verdict::ChangedByHand);
        let routine = store.trials[0].routine.clone();
        // A second trial's routine takes a free name.
        store.start_trial(Sign::PainBackWithinHour, day(29));
        assert_ne!(store.open_trial().unwrap().routine, routine);
    }

    #[test]
    fn a_trial_survives_saving_and_reading_back() {
        let mut store = Store::default();
        store.start_trial(Sign::PainBackWithinHour, day(15));
        let again = Store::parse(&store.to_json()).unwrap();
        assert_eq!(again.trials, store.trials);
        store.end_trial(true, day(29));
        let again = Store::parse(&store.to_json()).unwrap();
        assert_eq!(again.trials, store.trials);
    }
}
