//! The routines a patient built, which one is in use, and every change to
//! them: the plan page and imports both change routines only through here.

use super::plan::Plan;

/// The patient's own routines and the choice between them and the
/// suggested one. Stored as the document's `plans` and `active_plan`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Routines {
    /// Routines the patient built, each under its own name.
    pub saved: Vec<Plan>,
    /// Name of the routine in use; `None` follows the suggested plan for
    /// the chosen emphasis and equipment.
    pub in_use: Option<String>,
}

/// A routine just deleted, kept so that "Undo" can put it back as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub plan: Plan,
    /// It was the routine in use, and will be again on undo.
    pub was_in_use: bool,
}

impl Routines {
    /// The saved routine called `name`.
    pub fn named(&self, name: &str) -> Option<&Plan> {
        self.saved.iter().find(|p| p.name == name)
    }

    /// "My routine", or "My routine 2", … : the name a new routine gets.
    pub fn new_name(&self) -> String {
        self.first_free((1..).map(|n| match n {
            1 => "My routine".to_string(),
            n => format!("My routine {n}"),
        }))
    }

    /// Whether saving a routine as `name` (trimmed) would overwrite another
    /// one; its own old name, `saved_as`, is free for it.
    pub fn name_taken(&self, name: &str, saved_as: Option<&str>) -> bool {
        let name = name.trim();
        saved_as != Some(name) && self.named(name).is_some()
    }

    /// Uses `name`'s routine from now on; `None` is the suggested one.
    pub fn choose(&mut self, name: Option<String>) {
        self.in_use = name;
    }

    /// Saves an edited routine, in place of the one it was `saved_as`, under
    /// its trimmed name, and puts it in use.
    pub fn save(&mut self, saved_as: Option<&str>, mut plan: Plan) {
        plan.name = plan.name.trim().to_string();
        self.saved.retain(|p| Some(p.name.as_str()) != saved_as);
        self.in_use = Some(plan.name.clone());
        self.saved.push(plan);
    }

    /// Deletes `name`'s routine (the suggested one is used if it was in
    /// use) and returns it for undo.
    pub fn delete(&mut self, name: &str) -> Option<Deleted> {
        let at = self.saved.iter().position(|p| p.name == name)?;
        let was_in_use = self.in_use.as_deref() == Some(name);
        if was_in_use {
            self.in_use = None;
        }
        Some(Deleted {
            plan: self.saved.remove(at),
            was_in_use,
        })
    }

    /// Puts a deleted routine back, in use again if it was; nothing when a
    /// routine with its name has been saved since.
    pub fn restore(&mut self, deleted: Deleted) {
        if self.named(&deleted.plan.name).is_some() {
            return;
        }
        if deleted.was_in_use {
            self.in_use = Some(deleted.plan.name.clone());
        }
        self.saved.push(deleted.plan);
    }

    /// Keeps `plan` from another copy beside these: nothing to do when an
    /// equal one is here, otherwise under its name or, if that is taken,
    /// "name (2)"…
    pub fn adopt(&mut self, plan: &Plan) {
        if self
            .saved
            .iter()
            .any(|p| p.steps == plan.steps && p.name.starts_with(&plan.name))
        {
            return;
        }
        let name = self.free_name(&plan.name);
        self.saved.push(Plan {
            name,
            steps: plan.steps.clone(),
        });
    }

    /// `name`, or if a routine has it "name (2)", "name (3)"…
    pub fn free_name(&self, name: &str) -> String {
        self.first_free((1..).map(|n| match n {
            1 => name.to_string(),
            n => format!("{name} ({n})"),
        }))
    }

    /// The first of `candidates` that no saved routine has.
    fn first_free(&self, mut candidates: impl Iterator<Item = String>) -> String {
        candidates
            .find(|name| self.named(name).is_none())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-step routine, told apart from others by its seconds.
    fn plan(name: &str, secs: u32) -> Plan {
        let mut plan = Plan::seed();
        plan.name = name.into();
        plan.steps.truncate(1);
        plan.steps[0].secs = secs;
        plan
    }

    fn names(routines: &Routines) -> Vec<&str> {
        routines.saved.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_new_routine_takes_the_first_free_my_routine_name() {
        let mut routines = Routines::default();
        assert_eq!(routines.new_name(), "My routine");
        routines.saved.push(plan("My routine", 60));
        routines.saved.push(plan("My routine 3", 60));
        assert_eq!(routines.new_name(), "My routine 2");
    }

    #[test]
    fn a_name_is_taken_by_another_routine_but_not_by_its_own_old_name() {
        let mut routines = Routines::default();
        routines.saved.push(plan("Morning", 60));
        assert!(routines.name_taken(" Morning ", None));
        assert!(routines.name_taken("Morning", Some("Evening")));
        assert!(!routines.name_taken("Morning", Some("Morning")));
        assert!(!routines.name_taken("Evening", None));
    }

    #[test]
    fn saving_replaces_the_old_name_trims_and_puts_the_routine_in_use() {
        let mut routines = Routines::default();
        routines.saved.push(plan("Morning", 60));
        routines.saved.push(plan("Other", 60));
        routines.save(Some("Morning"), plan("  Early  ", 90));
        assert_eq!(names(&routines), ["Other", "Early"]);
        assert_eq!(routines.in_use.as_deref(), Some("Early"));
        assert_eq!(routines.saved[1].steps[0].secs, 90);
        routines.save(None, plan("New", 30));
        assert_eq!(names(&routines), ["Other", "Early", "New"]);
    }

    #[test]
    fn delete_then_restore_gives_back_the_routine_and_its_use() {
        let mut routines = Routines::default();
        routines.save(None, plan("Morning", 60));
        let deleted = routines.delete("Morning").expect("deleted");
        assert!(deleted.was_in_use);
        assert!(routines.saved.is_empty() && routines.in_use.is_none());
        routines.restore(deleted);
        assert_eq!(names(&routines), ["Morning"]);
        assert_eq!(routines.in_use.as_deref(), Some("Morning"));
        assert_eq!(routines.delete("Not there"), None);
    }

    #[test]
    fn deleting_a_routine_not_in_use_keeps_the_choice_and_restore_does_not_take_it() {
        let mut routines = Routines::default();
        routines.save(None, plan("Spare", 60));
        routines.save(None, plan("Morning", 60));
        let deleted = routines.delete("Spare").expect("deleted");
        assert!(!deleted.was_in_use);
        assert_eq!(routines.in_use.as_deref(), Some("Morning"));
        routines.restore(deleted);
        assert_eq!(routines.in_use.as_deref(), Some("Morning"));
    }

    #[test]
    fn restore_never_overwrites_a_routine_saved_since_under_the_same_name() {
        let mut routines = Routines::default();
        routines.save(None, plan("Morning", 60));
        let deleted = routines.delete("Morning").expect("deleted");
        routines.save(None, plan("Morning", 120));
        routines.restore(deleted);
        assert_eq!(names(&routines), ["Morning"]);
        assert_eq!(routines.saved[0].steps[0].secs, 120);
    }

    #[test]
    fn adopting_skips_an_equal_routine_and_renames_a_different_one() {
        let mut routines = Routines::default();
        routines.saved.push(plan("Mine", 60));
        routines.adopt(&plan("Mine", 60));
        assert_eq!(names(&routines), ["Mine"]);
        routines.adopt(&plan("Mine", 90));
        routines.adopt(&plan("Mine", 120));
        assert_eq!(names(&routines), ["Mine", "Mine (2)", "Mine (3)"]);
        // Already adopted once, under its new name: not again.
        routines.adopt(&plan("Mine", 90));
        assert_eq!(routines.saved.len(), 3);
    }
}
