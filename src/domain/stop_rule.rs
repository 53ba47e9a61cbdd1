//! When to ease off and when to stop: shown before and during every routine.

/// The pain-monitoring ("traffic light") rule the clinical review proposes
/// (§3.1 item 3, after the pain-monitoring model used in physiotherapy and
/// Hinge's "hurt does not equal harm"): some discomfort is expected with
/// chronic back pain; sharp, spreading or building pain, or new nerve or
/// heart signs, are not.
pub const STOP_RULE: [&str; 4] = [
    "Some discomfort, up to about 3 to 5 out of 10, is fine if it settles by the next morning.",
    "Ease off or use the easier way if it goes above that.",
    "Stop an exercise if pain becomes sharp, spreads down a leg, or keeps building.",
    "Stop the routine and get advice if you have new numbness, tingling or weakness. Do the same for dizziness or chest pain.",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;

    #[test]
    fn the_stop_rule_reads_plainly_and_names_every_reason_to_stop() {
        for line in STOP_RULE {
            assert!(grade(line) <= 8.0, "{:.1}: {line}", grade(line));
        }
        let all = STOP_RULE.join(" ");
        for sign in [
            "sharp",
            "spreads down a leg",
            "numbness",
            "weakness",
            "dizziness",
            "chest pain",
        ] {
            assert!(all.contains(sign), "{sign}");
        }
    }
}
