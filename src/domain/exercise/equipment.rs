//! The equipment an exercise needs, and the set a patient has at home.

use serde::{Deserialize, Serialize};

/// What the patient needs to do the exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Equipment {
    None,
    Mat,
    Bar,
    FoamRoller,
    Wall,
    Doorframe,
}

impl Equipment {
    /// Short label for the exercise card; `None` when nothing is needed.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Equipment::None => None,
            Equipment::Mat => Some("Mat or carpet"),
            Equipment::Bar => Some("Pull-up bar (a doorway bar is fine)"),
            Equipment::FoamRoller => Some("Foam roller"),
            Equipment::Wall => Some("A clear wall"),
            Equipment::Doorframe => Some("An open doorway"),
        }
    }

    /// Shown beside an exercise swapped because this is missing.
    pub fn missing_reason(self) -> &'static str {
        match self {
            Equipment::None | Equipment::Mat => "Swapped.",
            Equipment::Bar => "Swapped: no pull-up bar is ticked in Settings.",
            Equipment::FoamRoller => "Swapped: no foam roller is ticked in Settings.",
            Equipment::Wall => "Swapped: no clear wall is ticked in Settings.",
            Equipment::Doorframe => "Swapped: no open doorway is ticked in Settings.",
        }
    }
}

/// The equipment a patient has at home. A floor (and a mat or carpet on
/// it) is taken for granted; only the extras can be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<Equipment>", into = "Vec<Equipment>")]
pub struct EquipmentSet {
    bits: u8,
}

impl EquipmentSet {
    /// The extras a patient may or may not have, in the order Settings offers them.
    pub const OPTIONAL: [Equipment; 4] = [
        Equipment::Bar,
        Equipment::Doorframe,
        Equipment::FoamRoller,
        Equipment::Wall,
    ];
    /// Every extra: what the seed routine is written for.
    pub const ALL: EquipmentSet = EquipmentSet { bits: 0b1111 };
    /// Nothing but the floor.
    pub const FLOOR_ONLY: EquipmentSet = EquipmentSet { bits: 0 };

    fn bit(equipment: Equipment) -> Option<u8> {
        Self::OPTIONAL
            .iter()
            .position(|&e| e == equipment)
            .map(|index| 1 << index)
    }

    /// Whether an exercise needing `equipment` can be done.
    pub fn has(self, equipment: Equipment) -> bool {
        Self::bit(equipment).is_none_or(|bit| self.bits & bit != 0)
    }

    /// The same set with `equipment` ticked or unticked.
    pub fn with(self, equipment: Equipment, have: bool) -> EquipmentSet {
        let bit = Self::bit(equipment).unwrap_or(0);
        let bits = if have {
            self.bits | bit
        } else {
            self.bits & !bit
        };
        EquipmentSet { bits }
    }
}

/// Stored as the list of extras the patient has, which reads well in a backup file.
impl From<Vec<Equipment>> for EquipmentSet {
    fn from(list: Vec<Equipment>) -> Self {
        list.into_iter()
            .fold(EquipmentSet::FLOOR_ONLY, |set, e| set.with(e, true))
    }
}

impl From<EquipmentSet> for Vec<Equipment> {
    fn from(set: EquipmentSet) -> Self {
        EquipmentSet::OPTIONAL
            .into_iter()
            .filter(|&e| set.has(e))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extra_has_a_label_for_settings_and_the_bare_floor_has_none() {
        for equipment in EquipmentSet::OPTIONAL {
            assert!(equipment.label().is_some(), "{equipment:?}");
        }
        assert_eq!(Equipment::None.label(), None);
    }

    #[test]
    fn a_floor_and_a_mat_are_always_there() {
        for set in [EquipmentSet::ALL, EquipmentSet::FLOOR_ONLY] {
            assert!(set.has(Equipment::None));
            assert!(set.has(Equipment::Mat));
        }
        assert!(
            EquipmentSet::FLOOR_ONLY
                .with(Equipment::Mat, false)
                .has(Equipment::Mat)
        );
    }

    #[test]
    fn ticking_and_unticking_equipment_changes_only_that_item() {
        let no_bar = EquipmentSet::ALL.with(Equipment::Bar, false);
        assert!(!no_bar.has(Equipment::Bar));
        assert!(no_bar.has(Equipment::Doorframe));
        assert!(no_bar.has(Equipment::FoamRoller));
        assert!(no_bar.has(Equipment::Wall));
        assert_eq!(no_bar.with(Equipment::Bar, true), EquipmentSet::ALL);
    }

    #[test]
    fn the_equipment_set_is_saved_as_a_readable_list() {
        let set = EquipmentSet::FLOOR_ONLY
            .with(Equipment::FoamRoller, true)
            .with(Equipment::Wall, true);
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["FoamRoller","Wall"]"#);
        assert_eq!(serde_json::from_str::<EquipmentSet>(&json).unwrap(), set);
        let with_mat: EquipmentSet = serde_json::from_str(r#"["Mat","Bar"]"#).unwrap();
        assert_eq!(
            with_mat,
            EquipmentSet::FLOOR_ONLY.with(Equipment::Bar, true)
        );
    }
}
