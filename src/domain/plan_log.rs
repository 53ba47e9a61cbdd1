//! Which exercises each session ran, kept once per distinct routine rather
//! than once per session, so ten years of history stay small. Relief per
//! exercise and per phase is worked out from it.

use serde::{Deserialize, Serialize};

use super::plan::{Sides, Step};

/// The steps of a routine as it was run, under a key sessions refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRun {
    pub key: String,
    pub steps: Vec<Step>,
}

/// A short key that is the same for the same steps on every device (FNV-1a,
/// 64 bits, over the exercise ids, times and any one-sided choice): two
/// phones that ran the same routine agree on it when their backups are merged.
pub fn key_of(steps: &[Step]) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for step in steps {
        // Both sides adds nothing, so keys logged before sides existed stay valid.
        let sides: &[u8] = match step.sides {
            Sides::Both => &[],
            Sides::LeftOnly => b"L",
            Sides::RightOnly => b"R",
        };
        let fields = [
            step.exercise.as_bytes(),
            &step.secs.to_le_bytes(),
            &step.rest_secs.to_le_bytes(),
            sides,
        ];
        for byte in fields.into_iter().flatten().chain(&[0xff]) {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Plan;

    #[test]
    fn the_key_is_stable_across_builds_and_devices() {
        // Pinned: stored sessions refer to it, so it must never change.
        assert_eq!(key_of(&Plan::seed().steps), key_of(&Plan::seed().steps));
        assert_eq!(key_of(&[]), "cbf29ce484222325");
    }

    #[test]
    fn a_changed_time_or_order_is_another_routine() {
        let seed = Plan::seed().steps;
        let mut longer = seed.clone();
        longer[0].secs += 1;
        let mut swapped = seed.clone();
        swapped.swap(1, 2);
        let keys = [key_of(&seed), key_of(&longer), key_of(&swapped)];
        assert_ne!(keys[0], keys[1]);
        assert_ne!(keys[0], keys[2]);
        assert_eq!(keys[0].len(), 16);
    }
}
