//! Optional tags on a day: things besides the routine that may change how
//! the back feels (issue 21; the clinical review §4.2 #6, medicine and other
//! care, was not collected). The report counts them, and a two-week try sets
//! them beside its pain figures, so a change that came with, say, a new pain
//! medicine is not put down to the routine alone.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::day::Span;

/// One thing that happened on a day. Declared in [`Tag::ALL`] order, so the
/// derived `Ord` is that order too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tag {
    PainMedicine,
    /// Physiotherapy, massage, a doctor's visit…
    OtherTreatment,
    LongSitting,
    PoorSleep,
    HeavyLifting,
    Stress,
}

impl Tag {
    /// Every tag, in the order they are offered and listed.
    pub const ALL: [Tag; 6] = [
        Tag::PainMedicine,
        Tag::OtherTreatment,
        Tag::LongSitting,
        Tag::PoorSleep,
        Tag::HeavyLifting,
        Tag::Stress,
    ];

    /// The button's words.
    pub fn label(self) -> &'static str {
        match self {
            Tag::PainMedicine => "Took pain medicine",
            Tag::OtherTreatment => "Other care",
            Tag::LongSitting => "Long drive or sitting",
            Tag::PoorSleep => "Poor sleep",
            Tag::HeavyLifting => "Heavy lifting",
            Tag::Stress => "Stressful day",
        }
    }

    /// The tag in a sentence or a report row.
    pub fn short(self) -> &'static str {
        match self {
            Tag::PainMedicine => "pain medicine",
            Tag::OtherTreatment => "other care",
            Tag::LongSitting => "long sitting",
            Tag::PoorSleep => "poor sleep",
            Tag::HeavyLifting => "heavy lifting",
            Tag::Stress => "stress",
        }
    }
}

/// The tags of one day. A day whose tags were all taken off keeps its
/// (empty) entry, so a merge with a copy that still has them does not
/// bring them back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayTags {
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    /// In [`Tag::ALL`] order, each once.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Logical clock of the change, as day-off marks have: the later change
    /// to a day stands in a merge, whatever the wall clocks say.
    pub clock: u64,
}

impl DayTags {
    /// `tags` with `tag` put on or taken off, in [`Tag::ALL`] order.
    pub fn with(tags: &[Tag], tag: Tag, on: bool) -> Vec<Tag> {
        Tag::ALL
            .into_iter()
            .filter(|t| if *t == tag { on } else { tags.contains(t) })
            .collect()
    }

    /// Which of two versions of a day's tags stands after a merge: the
    /// later by clock, then the one with more tags, so every copy agrees.
    pub fn later<'a>(&'a self, other: &'a DayTags) -> &'a DayTags {
        let key = |t: &DayTags| (t.clock, t.tags.len(), t.tags.clone());
        if key(other) > key(self) { other } else { self }
    }
}

/// How many days of `span` carry each tag, for the tags on at least one,
/// in [`Tag::ALL`] order.
pub fn days_with(tags: &[DayTags], span: Span) -> Vec<(Tag, usize)> {
    let in_span: Vec<&DayTags> = tags
        .iter()
        .filter(|t| span.offset(t.day).is_some())
        .collect();
    Tag::ALL
        .into_iter()
        .map(|tag| {
            (
                tag,
                in_span.iter().filter(|t| t.tags.contains(&tag)).count(),
            )
        })
        .filter(|(_, days)| *days > 0)
        .collect()
}

/// The report's row: "pain medicine 6 days, poor sleep 3 days", or "none".
pub fn days_line(counts: &[(Tag, usize)]) -> String {
    if counts.is_empty() {
        return "none".into();
    }
    let each: Vec<String> = counts
        .iter()
        .map(|(tag, days)| format!("{} {}", tag.short(), super::day::count_days(*days)))
        .collect();
    each.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::day;

    fn tagged(d: u32, tags: &[Tag]) -> DayTags {
        DayTags {
            day: day(d),
            tags: tags.to_vec(),
            clock: u64::from(d),
        }
    }

    #[test]
    fn a_tag_goes_on_and_off_and_the_order_stays_the_offered_one() {
        let on = DayTags::with(&[Tag::Stress], Tag::PainMedicine, true);
        assert_eq!(on, [Tag::PainMedicine, Tag::Stress]);
        assert_eq!(DayTags::with(&on, Tag::PainMedicine, true), on, "once only");
        assert_eq!(DayTags::with(&on, Tag::Stress, false), [Tag::PainMedicine]);
        assert_eq!(DayTags::with(&[], Tag::Stress, false), []);
    }

    #[test]
    fn the_later_change_stands_and_at_equal_clocks_the_fuller_one() {
        let mine = tagged(3, &[Tag::PoorSleep]);
        let cleared = DayTags {
            tags: Vec::new(),
            clock: 4,
            ..mine.clone()
        };
        assert_eq!(mine.later(&cleared), &cleared);
        assert_eq!(cleared.later(&mine), &cleared);
        let fuller = tagged(3, &[Tag::PoorSleep, Tag::Stress]);
        assert_eq!(mine.later(&fuller), &fuller);
        assert_eq!(fuller.later(&mine), &fuller);
    }

    #[test]
    fn the_days_of_each_tag_are_counted_inside_the_range_only() {
        let tags = [
            tagged(1, &[Tag::PainMedicine]),
            tagged(2, &[Tag::PainMedicine, Tag::PoorSleep]),
            tagged(3, &[]),
            tagged(9, &[Tag::Stress]),
        ];
        let counts = days_with(&tags, Span::ending(day(8), 8));
        assert_eq!(counts, [(Tag::PainMedicine, 2), (Tag::PoorSleep, 1)]);
        assert_eq!(days_line(&counts), "pain medicine 2 days, poor sleep 1 day");
        assert_eq!(days_line(&[]), "none");
    }

    #[test]
    fn the_tag_words_are_plain() {
        // Read together, as the buttons are: a grade for two words alone
        // swings with one long one.
        let text: Vec<String> = Tag::ALL.map(|t| format!("{}.", t.label())).into();
        let text = text.join(" ");
        assert!(crate::domain::readability::grade(&text) <= 8.0, "{text}");
    }
}
