//! Starting and ending a two-week trial of a change to the routine: the
//! routine in use changes for a trial only through here, and "Go back"
//! puts back exactly the routine that was in use before.

use chrono::NaiveDate;

use super::Store;
use crate::domain::plan::Plan;
use crate::domain::trial::{self, Average, Change, Ended, NoOffer, Outcome, Trial};
use crate::domain::warning::Sign;

impl Store {
    /// The trial not yet kept or undone: running, or over and waiting for
    /// the patient's choice.
    pub fn open_trial(&self) -> Option<&Trial> {
        // The last, but after a merge the open one may be an earlier trial
        // (see `close_superseded_trials`).
        self.trials.iter().rev().find(|t| t.ended.is_none())
    }

    /// The change offered on `today` for `sign`, of the signs `firing`, or
    /// why there is none.
    pub fn trial_offer(
        &self,
        sign: Sign,
        firing: &[Sign],
        today: NaiveDate,
    ) -> Result<Change, NoOffer> {
        if self.open_trial().is_some() {
            return Err(NoOffer::TrialOpen);
        }
        let change = trial::offered_for(sign, firing).ok_or(NoOffer::ClinicianFirst)?;
        let last_day = self.trials.last().map(|t| {
            t.ended
                .as_ref()
                .map_or(t.started_on, |e| e.on.max(t.started_on))
        });
        if last_day.is_some_and(|d| today < d) {
            return Err(NoOffer::ClockBack);
        }
        let plan = self.changed_plan(change).ok_or(NoOffer::DoesNotFit)?;
        if !self.check_plan(&plan).can_save() {
            return Err(NoOffer::DoesNotFit);
        }
        trial::can_meet_mark(self.trial_baseline(today))
            .then_some(change)
            .ok_or(NoOffer::PainAlreadyLow)
    }

    /// The baseline a trial started on `today` would fix: the 14 days up to
    /// today.
    pub fn trial_baseline(&self, today: NaiveDate) -> Average {
        Average::of(&self.journal, Trial::baseline_span(day_one(today))).0
    }

    /// The routine in use with `change` made, under a name no routine has.
    fn changed_plan(&self, change: Change) -> Option<Plan> {
        let mut plan = change.apply(&self.chosen_plan(), &self.settings)?;
        plan.name = self.routines.free_name(&plan.name);
        Some(plan)
    }

    /// Starts a trial of `sign`'s change, offered on `today`: the changed
    /// routine is saved and put in use now, day 1 is tomorrow, and the
    /// baseline is fixed from the 14 days up to today. Returns whether one
    /// started.
    pub fn start_trial(&mut self, sign: Sign, firing: &[Sign], today: NaiveDate) -> bool {
        let Ok(change) = self.trial_offer(sign, firing, today) else {
            return false;
        };
        let Some(plan) = self.changed_plan(change) else {
            return false;
        };
        let baseline = self.trial_baseline(today);
        // The routine chosen, even one that cannot run as things are now:
        // Go back puts the choice back as it was.
        let before = self
            .routines
            .in_use
            .as_deref()
            .and_then(|name| self.routines.named(name))
            .cloned();
        self.routines.save(None, plan.clone());
        self.trials.push(Trial {
            sign,
            change,
            started_on: day_one(today),
            plan,
            before,
            baseline,
            ended: None,
        });
        true
    }

    /// Whether `trial`'s routine is the one in use, as it was saved.
    fn runs(&self, trial: &Trial) -> bool {
        self.routines.in_use.as_deref() == Some(&trial.plan.name)
            && self.routines.named(&trial.plan.name) == Some(&trial.plan)
    }

    /// What `trial` shows on `today`.
    pub fn trial_outcome(&self, trial: &Trial, today: NaiveDate) -> Outcome {
        trial.outcome(&self.journal, today, self.runs(trial))
    }

    /// Ends the open trial on `today` with its figures kept. Keep: the
    /// changed routine is in use (saved again if it was deleted). Go back:
    /// the routine in use before is put back (saved again if it was
    /// deleted, beside one of its name that differs) and the changed one is
    /// deleted unless the patient edited it.
    pub fn end_trial(&mut self, keep: bool, today: NaiveDate) {
        let Some(trial) = self.open_trial().cloned() else {
            return;
        };
        let outcome = self.trial_outcome(&trial, today);
        if keep {
            let name = self.put_back(&trial.plan);
            self.routines.choose(Some(name));
        } else {
            if self.routines.named(&trial.plan.name) == Some(&trial.plan) {
                self.routines.delete(&trial.plan.name);
            }
            let before = trial.before.as_ref().map(|plan| self.put_back(plan));
            self.routines.choose(before);
        }
        if let Some(open) = self.trials.iter_mut().rev().find(|t| t.ended.is_none()) {
            open.ended = Some(Ended {
                on: today,
                kept: keep,
                outcome,
            });
        }
    }

    /// After two copies are joined, leaves at most one trial open (one at
    /// a time keeps a result fair): the one whose routine is in use, else
    /// the latest. Each other open trial ends as not kept, with its figures
    /// to the day before the one left open began (none, if it began later);
    /// the routines are left as the merge made them.
    pub(super) fn close_superseded_trials(&mut self) {
        let open: Vec<usize> = (0..self.trials.len())
            .filter(|&at| self.trials[at].ended.is_none())
            .collect();
        let Some(&latest) = open.last() else {
            return;
        };
        let stays = open
            .iter()
            .copied()
            .find(|&at| self.runs(&self.trials[at]))
            .unwrap_or(latest);
        let stays_from = self.trials[stays].started_on;
        for at in open.into_iter().filter(|&at| at != stays) {
            let until = self.trials[at].started_on.max(stays_from);
            let on = until.pred_opt().unwrap_or(until);
            let outcome = self.trials[at].outcome(&self.journal, on, false);
            self.trials[at].ended = Some(Ended {
                on,
                kept: false,
                outcome,
            });
        }
    }

    /// `plan` among the saved routines, as it is: the name it is under,
    /// saved again if it is not there (under a free name if another
    /// routine has taken its name).
    fn put_back(&mut self, plan: &Plan) -> String {
        if self.routines.named(&plan.name) == Some(plan) {
            return plan.name.clone();
        }
        let name = self.routines.free_name(&plan.name);
        self.routines.saved.push(Plan {
            name: name.clone(),
            steps: plan.steps.clone(),
        });
        name
    }

    /// Whether the routine opens each exercise's easier way: a gentler
    /// trial is running with its routine in use.
    pub fn easier_way_first(&self) -> bool {
        self.open_trial()
            .is_some_and(|t| t.change.shows_easier_way() && self.runs(t))
    }
}

/// Day 1 of a trial started on `today`.
fn day_one(today: NaiveDate) -> NaiveDate {
    today.succ_opt().unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SessionRecord;
    use crate::domain::testing::{checkin, day};
    use crate::domain::trial::Verdict;

    const SIGN_1: Sign = Sign::PainBackWithinHour;

    fn scored_fortnight(store: &mut Store, from: u32, pain: u8) {
        for d in from..from + 14 {
            store.journal.check_in(checkin(d, pain, 0));
        }
    }

    /// A try of sign 1's change started on 14 November: day 1 is the 15th.
    fn trying(mut store: Store) -> Store {
        assert!(store.start_trial(SIGN_1, &[SIGN_1], day(14)));
        store
    }

    fn mine(secs: u32) -> Plan {
        let mut own = Plan::seed();
        own.name = "Mine".into();
        own.steps[1].secs = secs;
        own
    }

    fn ended(store: &Store) -> &Ended {
        store.trials.last().unwrap().ended.as_ref().unwrap()
    }

    #[test]
    fn a_trial_puts_the_changed_routine_in_use_from_today_and_counts_from_tomorrow() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        let before = store.session_plan();
        let rise = [Sign::SuddenRise];
        assert_eq!(
            store.trial_offer(rise[0], &rise, day(14)),
            Err(NoOffer::ClinicianFirst)
        );
        let store = trying(store);
        let trial = store.open_trial().unwrap().clone();
        assert_eq!(trial.started_on, day(15));
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
            Some(trial.plan.name.as_str())
        );
        assert_ne!(store.session_plan().steps, before.steps);
        // One trial at a time.
        let next = [Sign::WorseNextDay];
        assert_eq!(
            store.trial_offer(next[0], &next, day(14)),
            Err(NoOffer::TrialOpen)
        );
    }

    #[test]
    fn no_offer_while_a_sign_for_a_clinician_fires_or_the_pain_is_below_the_mark() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        let with_rise = [SIGN_1, Sign::SuddenRise];
        assert_eq!(
            store.trial_offer(SIGN_1, &with_rise, day(14)),
            Err(NoOffer::ClinicianFirst)
        );
        assert_eq!(
            store.trial_offer(SIGN_1, &[SIGN_1], day(14)),
            Ok(Change::MoreActivation)
        );
        let mut low = Store::default();
        scored_fortnight(&mut low, 1, 1);
        assert_eq!(
            low.trial_offer(SIGN_1, &[SIGN_1], day(14)),
            Err(NoOffer::PainAlreadyLow)
        );
        // Too few scores to judge by: offered, and the mark says so.
        assert!(
            Store::default()
                .trial_offer(SIGN_1, &[SIGN_1], day(14))
                .is_ok()
        );
    }

    #[test]
    fn a_change_that_does_not_fit_the_routine_is_not_offered() {
        let mut store = Store::default();
        let mut full = Plan::seed();
        full.name = "Full".into();
        // Its strength exercises at their longest: no two minutes to add.
        for step in &mut full.steps[3..6] {
            step.secs = crate::domain::builder::longest_secs(&step.exercise);
        }
        assert!(store.check_plan(&full).can_save());
        store.routines.save(None, full);
        assert_eq!(
            store.trial_offer(SIGN_1, &[SIGN_1], day(14)),
            Err(NoOffer::DoesNotFit)
        );
    }

    #[test]
    fn a_clock_set_back_before_the_last_try_offers_none() {
        let mut store = trying(Store::default());
        store.end_trial(false, day(29));
        assert_eq!(
            store.trial_offer(SIGN_1, &[SIGN_1], day(20)),
            Err(NoOffer::ClockBack)
        );
        assert!(store.trial_offer(SIGN_1, &[SIGN_1], day(29)).is_ok());
    }

    #[test]
    fn going_back_restores_the_suggested_routine_exactly() {
        let store = Store::default();
        let (before, routines) = (store.session_plan(), store.routines.clone());
        let mut store = trying(store);
        store.end_trial(false, day(29));
        assert_eq!(store.session_plan(), before);
        assert_eq!(store.routines, routines);
        assert!(!ended(&store).kept);
        assert_eq!(ended(&store).outcome.verdict, Verdict::TooLittleData);
        assert_eq!(store.open_trial(), None);
    }

    #[test]
    fn going_back_restores_the_patients_own_routine_even_if_deleted_or_its_name_taken() {
        let mut store = Store::default();
        store.routines.save(None, mine(150));
        let mut store = trying(store);
        assert_eq!(store.open_trial().unwrap().before, Some(mine(150)));
        store.routines.delete("Mine");
        store.end_trial(false, day(29));
        assert_eq!(store.routines.saved, [mine(150)]);
        assert_eq!(store.routines.in_use.as_deref(), Some("Mine"));
        // Another routine saved under the old name is not taken for it.
        let mut store = Store::default();
        store.routines.save(None, mine(150));
        let mut store = trying(store);
        store.routines.saved.retain(|p| p.name != "Mine");
        store.routines.saved.push(mine(200));
        store.end_trial(false, day(29));
        assert_eq!(store.routines.in_use.as_deref(), Some("Mine (2)"));
        assert_eq!(
            store.routines.named("Mine (2)").unwrap().steps,
            mine(150).steps
        );
    }

    #[test]
    fn going_back_keeps_a_routine_in_use_that_could_not_run() {
        let mut store = Store::default();
        let mut short = mine(150);
        short.steps.truncate(1);
        store.routines.save(None, short.clone());
        assert!(!store.check_plan(&short).can_save());
        let mut store = trying(store);
        store.end_trial(false, day(29));
        assert_eq!(store.routines.in_use.as_deref(), Some("Mine"));
    }

    #[test]
    fn a_changed_routine_the_patient_edited_is_not_deleted_on_going_back() {
        let mut store = trying(Store::default());
        let name = store.open_trial().unwrap().plan.name.clone();
        store.routines.saved[0].steps[0].secs += 15;
        store.end_trial(false, day(29));
        assert!(store.routines.named(&name).is_some());
        assert_eq!(store.routines.in_use, None);
    }

    #[test]
    fn keeping_the_change_puts_it_in_use_even_if_chosen_away_or_deleted() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        let mut store = trying(store);
        scored_fortnight(&mut store, 15, 3);
        let plan = store.open_trial().unwrap().plan.clone();
        store.end_trial(true, day(29));
        assert_eq!(store.routines.in_use.as_deref(), Some(plan.name.as_str()));
        assert!(ended(&store).kept);
        assert_eq!(ended(&store).outcome.verdict, Verdict::Working);
        assert_eq!(ended(&store).on, day(29));

        let mut chosen = trying(Store::default());
        chosen.routines.choose(None);
        chosen.routines.delete(&plan.name);
        chosen.end_trial(true, day(29));
        assert_eq!(chosen.routines.in_use.as_deref(), Some(plan.name.as_str()));
        assert_eq!(chosen.routines.named(&plan.name), Some(&plan));
        // A second try is named after the routine, not after both tries.
        assert!(store.start_trial(SIGN_1, &[SIGN_1], day(29)));
        let second = &store.open_trial().unwrap().plan.name;
        assert_eq!(second.matches("two-week try").count(), 1, "{second}");
    }

    #[test]
    fn a_settings_change_mid_try_is_not_a_change_of_routine() {
        let mut store = trying(Store::default());
        store.settings.rest_secs = 10;
        let plan = store.session_plan();
        store.journal.record(SessionRecord {
            plan: plan.name.clone(),
            plan_key: Some(crate::domain::plan_log::key_of(&plan.steps)),
            ..SessionRecord::sample(day(16))
        });
        let trial = store.open_trial().unwrap().clone();
        assert_eq!(store.trial_outcome(&trial, day(29)).changed_on_day, None);
        // Stopped on day 6: said so, whatever the figures.
        store.end_trial(false, day(20));
        assert_eq!(ended(&store).outcome.verdict, Verdict::StoppedEarly);
    }

    #[test]
    fn a_routine_chosen_after_the_two_weeks_does_not_change_the_result() {
        let mut store = Store::default();
        scored_fortnight(&mut store, 1, 6);
        let mut store = trying(store);
        scored_fortnight(&mut store, 15, 3);
        store.routines.choose(None);
        let trial = store.open_trial().unwrap().clone();
        assert_eq!(
            store.trial_outcome(&trial, day(30)).verdict,
            Verdict::Working
        );
        assert_eq!(
            store.trial_outcome(&trial, day(28)).changed_on_day,
            Some(14)
        );
    }

    #[test]
    fn a_gentler_try_opens_the_easier_way_while_its_routine_is_in_use() {
        let mut store = Store::default();
        assert!(store.start_trial(Sign::WorseNextDay, &[Sign::WorseNextDay], day(14)));
        assert!(store.easier_way_first());
        store.routines.choose(None);
        assert!(!store.easier_way_first());
    }

    #[test]
    fn a_trial_survives_saving_and_reading_back() {
        let mut store = trying(Store::default());
        let again = Store::parse(&store.to_json()).unwrap();
        assert_eq!(again.trials, store.trials);
        store.end_trial(true, day(29));
        let again = Store::parse(&store.to_json()).unwrap();
        assert_eq!(again.trials, store.trials);
    }
}
