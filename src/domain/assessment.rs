//! A short yes/no self-assessment. It suggests which of the three common
//! reasons for a tight, sore back fits best, and so which part of the
//! routine deserves extra time. It is a guide for the routine, not a
//! diagnosis; the patient can always choose another emphasis.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::day;
use super::plan::Emphasis;

/// The three common reasons back muscles tighten to protect the spine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// The spine is squashed, so the muscles around it splint it.
    Compression,
    /// The muscles that should hold the spine steady have switched off.
    Instability,
    /// A stiff hip or upper back makes the lower back move for it.
    Compensation,
}

impl Pattern {
    /// Every pattern, in the order the questions ask about them.
    pub const ALL: [Pattern; 3] = [
        Pattern::Compression,
        Pattern::Instability,
        Pattern::Compensation,
    ];

    /// Name used in the result.
    pub fn name(self) -> &'static str {
        match self {
            Pattern::Compression => "compression",
            Pattern::Instability => "instability",
            Pattern::Compensation => "compensation",
        }
    }

    /// The part of the routine that works on this pattern.
    pub fn emphasis(self) -> Emphasis {
        match self {
            Pattern::Compression => Emphasis::Decompress,
            Pattern::Instability => Emphasis::Activate,
            Pattern::Compensation => Emphasis::Mobilize,
        }
    }
}

/// One yes/no question and the pattern a "yes" points to.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub text: &'static str,
    pub points_to: Pattern,
    /// The answer "yes" in a few words, for the reasons under the result.
    pub yes_means: &'static str,
}

/// The questions, three for each pattern.
pub const QUESTIONS: [Question; 9] = [
    Question {
        text: "Does your back feel better when you hang from a bar or lie down flat?",
        points_to: Pattern::Compression,
        yes_means: "it eases when you hang or lie down",
    },
    Question {
        text: "Does your back get worse after sitting or standing for a long time?",
        points_to: Pattern::Compression,
        yes_means: "it gets worse after long sitting or standing",
    },
    Question {
        text: "Is your back better in the morning and worse by the evening?",
        points_to: Pattern::Compression,
        yes_means: "it builds up through the day",
    },
    Question {
        text: "Does it hurt when you change position, like getting up from a chair or rolling over in bed?",
        points_to: Pattern::Instability,
        yes_means: "changing position hurts",
    },
    Question {
        text: "Does your back get tired quickly when you stand still, for example in a queue?",
        points_to: Pattern::Instability,
        yes_means: "standing still tires your back",
    },
    Question {
        text: "Do your buttock muscles feel weak, or is standing on one leg hard?",
        points_to: Pattern::Instability,
        yes_means: "your buttock muscles feel weak",
    },
    Question {
        text: "Does one side of your back or hips feel tighter than the other?",
        points_to: Pattern::Compensation,
        yes_means: "one side feels tighter",
    },
    Question {
        text: "Are your hips stiff, for example when you put on socks or get out of a car?",
        points_to: Pattern::Compensation,
        yes_means: "your hips are stiff",
    },
    Question {
        text: "Is your upper back stiff, or is it hard to turn and look behind you?",
        points_to: Pattern::Compensation,
        yes_means: "your upper back is stiff",
    },
];

/// One answer per question, in the order of [`QUESTIONS`]; `true` is yes.
pub type Answers = [bool; QUESTIONS.len()];

/// Fewer yeses than this say too little to point anywhere.
const MIN_YES: usize = 2;

/// What the answers point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// One pattern got more yeses than each of the others.
    Likely(Pattern),
    /// Two or three patterns got the same, highest number of yeses.
    Mixed,
    /// Too few yeses to say.
    Unclear,
}

/// The result shown after the questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub finding: Finding,
    /// One line per pattern that got a yes, saying which answers pointed there.
    pub reasons: Vec<String>,
}

impl Assessment {
    /// The emphasis to suggest; balanced when no single pattern stands out.
    pub fn emphasis(&self) -> Emphasis {
        match self.finding {
            Finding::Likely(pattern) => pattern.emphasis(),
            Finding::Mixed | Finding::Unclear => Emphasis::Balanced,
        }
    }

    /// The headline of the result, in plain words.
    pub fn summary(&self) -> &'static str {
        match self.finding {
            Finding::Likely(Pattern::Compression) => {
                "Your answers point most to compression: your back eases when the load comes off it. Extra time in unloading positions at the start may help most."
            }
            Finding::Likely(Pattern::Instability) => {
                "Your answers point most to instability: the muscles that should hold you steady may have switched off, so your back works too hard. Extra strength work may help most."
            }
            Finding::Likely(Pattern::Compensation) => {
                "Your answers point most to compensation: stiff hips or upper back may make your lower back move for them. Extra time loosening them may help most."
            }
            Finding::Mixed => {
                "Your answers point to more than one cause about equally. The balanced routine works on all three."
            }
            Finding::Unclear => {
                "Too few answers were yes to point to one cause. The balanced routine works on all three."
            }
        }
    }
}

/// Scores the answers: each yes counts for the pattern its question points to.
pub fn assess(answers: &Answers) -> Assessment {
    let yes_for = |pattern: Pattern| {
        QUESTIONS
            .iter()
            .zip(answers)
            .filter(move |(question, yes)| **yes && question.points_to == pattern)
            .map(|(question, _)| question.yes_means)
    };
    let counts = Pattern::ALL.map(|pattern| yes_for(pattern).count());
    let total: usize = counts.iter().sum();
    let highest = counts.iter().copied().max().unwrap_or(0);
    let leaders: Vec<Pattern> = Pattern::ALL
        .into_iter()
        .zip(counts)
        .filter(|&(_, count)| count == highest)
        .map(|(pattern, _)| pattern)
        .collect();
    let finding = match leaders.as_slice() {
        _ if total < MIN_YES => Finding::Unclear,
        [pattern] => Finding::Likely(*pattern),
        _ => Finding::Mixed,
    };
    let reasons = Pattern::ALL
        .into_iter()
        .filter_map(|pattern| {
            let signs: Vec<&str> = yes_for(pattern).collect();
            (!signs.is_empty())
                .then(|| format!("Pointing to {}: {}.", pattern.name(), join(&signs)))
        })
        .collect();
    Assessment { finding, reasons }
}

/// A pattern check as answered, kept for the report (the clinical review
/// §4.2 #8: the answers and their date were not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatternCheck {
    #[serde(deserialize_with = "super::day::stored")]
    pub day: NaiveDate,
    pub answers: Answers,
}

impl PatternCheck {
    /// "26 November 2026: points to compression (4 of 9 yes)".
    pub fn line(&self) -> String {
        let finding = match assess(&self.answers).finding {
            Finding::Likely(pattern) => format!("points to {}", pattern.name()),
            Finding::Mixed => "points to more than one cause".into(),
            Finding::Unclear => "too few yes answers to point anywhere".into(),
        };
        let yes = self.answers.iter().filter(|yes| **yes).count();
        format!(
            "{}: {finding} ({yes} of {} yes)",
            day::dated_label(self.day),
            QUESTIONS.len()
        )
    }
}

/// Keeps `check`, in place of one answered the same day.
pub fn record(checks: &mut Vec<PatternCheck>, check: PatternCheck) {
    checks.retain(|c| c.day != check.day);
    let at = checks.partition_point(|c| c.day < check.day);
    checks.insert(at, check);
}

/// The report's row: the latest check, and how many came before it.
pub fn checks_line(checks: &[PatternCheck]) -> String {
    match checks {
        [] => "not done".into(),
        [only] => only.line(),
        [earlier @ .., last] => format!("{}; {} earlier", last.line(), earlier.len()),
    }
}

/// "a", "a and b", "a, b and c".
fn join(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [only] => (*only).into(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;

    #[test]
    fn the_questions_read_at_a_plain_language_level() {
        for question in &QUESTIONS {
            assert!(
                grade(question.text) <= 8.0,
                "{:.1}: {}",
                grade(question.text),
                question.text
            );
        }
    }

    /// Answers with yes for exactly the questions at these positions.
    fn yes_to(positions: &[usize]) -> Answers {
        let mut answers = [false; QUESTIONS.len()];
        for &position in positions {
            answers[position] = true;
        }
        answers
    }

    fn questions_for(pattern: Pattern) -> Vec<usize> {
        (0..QUESTIONS.len())
            .filter(|&i| QUESTIONS[i].points_to == pattern)
            .collect()
    }

    #[test]
    fn each_pattern_is_asked_about_equally_and_briefly() {
        assert!((6..=10).contains(&QUESTIONS.len()));
        for pattern in Pattern::ALL {
            assert_eq!(questions_for(pattern).len(), 3, "{pattern:?}");
        }
    }

    #[test]
    fn yes_to_every_question_of_one_pattern_suggests_its_emphasis() {
        for pattern in Pattern::ALL {
            let result = assess(&yes_to(&questions_for(pattern)));
            assert_eq!(result.finding, Finding::Likely(pattern));
            assert_eq!(result.emphasis(), pattern.emphasis());
        }
        assert_eq!(Pattern::Compression.emphasis(), Emphasis::Decompress);
        assert_eq!(Pattern::Instability.emphasis(), Emphasis::Activate);
        assert_eq!(Pattern::Compensation.emphasis(), Emphasis::Mobilize);
    }

    #[test]
    fn one_yes_more_than_any_other_pattern_is_enough_to_lead() {
        // Two for instability, one each for the others.
        let result = assess(&yes_to(&[0, 3, 4, 6]));
        assert_eq!(result.finding, Finding::Likely(Pattern::Instability));
        assert_eq!(result.emphasis(), Emphasis::Activate);
    }

    #[test]
    fn a_tie_at_the_top_is_mixed_and_balanced() {
        for answers in [
            yes_to(&[0, 1, 6, 7]),
            yes_to(&[2, 5]),
            [true; QUESTIONS.len()],
        ] {
            let result = assess(&answers);
            assert_eq!(result.finding, Finding::Mixed);
            assert_eq!(result.emphasis(), Emphasis::Balanced);
        }
    }

    #[test]
    fn all_no_or_a_single_yes_is_unclear_and_balanced() {
        for answers in [yes_to(&[]), yes_to(&[8])] {
            let result = assess(&answers);
            assert_eq!(result.finding, Finding::Unclear);
            assert_eq!(result.emphasis(), Emphasis::Balanced);
        }
    }

    #[test]
    fn the_reasons_say_which_answers_pointed_where() {
        let result = assess(&yes_to(&[0, 1, 2, 8]));
        assert_eq!(
            result.reasons,
            [
                "Pointing to compression: it eases when you hang or lie down, it gets worse after long sitting or standing and it builds up through the day.",
                "Pointing to compensation: your upper back is stiff.",
            ]
        );
        assert!(assess(&yes_to(&[])).reasons.is_empty());
    }

    #[test]
    fn every_finding_has_its_own_summary() {
        let summaries = [
            assess(&yes_to(&questions_for(Pattern::Compression))).summary(),
            assess(&yes_to(&questions_for(Pattern::Instability))).summary(),
            assess(&yes_to(&questions_for(Pattern::Compensation))).summary(),
            assess(&yes_to(&[0, 3])).summary(),
            assess(&yes_to(&[])).summary(),
        ];
        for (i, summary) in summaries.iter().enumerate() {
            assert!(!summaries[..i].contains(summary), "{summary}");
        }
        assert!(summaries[0].contains("compression"));
    }

    #[test]
    fn joining_signs_reads_like_a_sentence() {
        assert_eq!(join(&["a"]), "a");
        assert_eq!(join(&["a", "b"]), "a and b");
        assert_eq!(join(&["a", "b", "c"]), "a, b and c");
    }
    #[test]
    fn a_kept_check_says_what_it_found_and_when() {
        let mut answers = [false; QUESTIONS.len()];
        let mut checks = Vec::new();
        assert_eq!(checks_line(&checks), "not done");
        record(
            &mut checks,
            PatternCheck {
                day: crate::domain::testing::day(3),
                answers,
            },
        );
        assert_eq!(
            checks_line(&checks),
            "3 November 2026: too few yes answers to point anywhere (0 of 9 yes)"
        );
        for (at, question) in QUESTIONS.iter().enumerate() {
            answers[at] = question.points_to == Pattern::Compression || at == 3;
        }
        record(
            &mut checks,
            PatternCheck {
                day: crate::domain::testing::day(26),
                answers,
            },
        );
        assert_eq!(
            checks_line(&checks),
            "26 November 2026: points to compression (4 of 9 yes); 1 earlier"
        );
        // Answered again the same day: the later answers stand.
        record(
            &mut checks,
            PatternCheck {
                day: crate::domain::testing::day(26),
                answers: [true; 9],
            },
        );
        assert_eq!(checks.len(), 2);
        assert!(
            checks[1]
                .line()
                .contains("more than one cause (9 of 9 yes)")
        );
    }
}
