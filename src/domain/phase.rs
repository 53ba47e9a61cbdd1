use serde::{Deserialize, Serialize};

/// The three parts of the daily practice, in the only order they run:
/// create space first, then wake up what is dormant, then move what is stiff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Phase {
    Decompress,
    Activate,
    Mobilize,
}

impl Phase {
    /// All phases in session order.
    pub const ALL: [Phase; 3] = [Phase::Decompress, Phase::Activate, Phase::Mobilize];

    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Decompress => "Decompress",
            Phase::Activate => "Activate",
            Phase::Mobilize => "Mobilize",
        }
    }

    /// One line on why this phase comes where it does.
    pub fn purpose(self) -> &'static str {
        match self {
            Phase::Decompress => "Ease the load on your back so tense muscles can relax.",
            Phase::Activate => "Wake up the glutes and deep stabilisers that sitting switched off.",
            Phase::Mobilize => "Now move the stiff hips and upper back, with support in place.",
        }
    }

    /// 1-based position in the session, for "Phase 2 of 3".
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_sort_in_session_order() {
        let mut shuffled = [Phase::Mobilize, Phase::Decompress, Phase::Activate];
        shuffled.sort();
        assert_eq!(shuffled, Phase::ALL);
        assert_eq!(Phase::Mobilize.number(), 3);
    }
}
