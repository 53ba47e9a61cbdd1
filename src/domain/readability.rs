//! Reading level of the app's safety and self-check wording (tests only):
//! the Flesch–Kincaid grade, with syllables counted by vowel groups, which
//! is close enough to catch a sentence that has drifted into jargon.

/// Syllables in one word: groups of vowels, less a silent final "e", at least one.
fn syllables(word: &str) -> usize {
    let word = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &letters {
        let is_vowel = vowel(c);
        if is_vowel && !previous {
            groups += 1;
        }
        previous = is_vowel;
    }
    let silent_e = letters.len() > 2
        && letters.ends_with(&['e'])
        && !letters.ends_with(&['l', 'e'])
        && !vowel(letters[letters.len() - 2]);
    (groups - usize::from(silent_e && groups > 1)).max(1)
}

/// The US school grade needed to read `text` (about the reading age minus 5).
pub fn grade(text: &str) -> f64 {
    let sentences = text
        .split(['.', '?', '!'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let words = words.len().max(1) as f64;
    0.39 * words / sentences as f64 + 11.8 * syllables as f64 / words - 15.59
}

#[test]
fn syllables_are_counted_by_vowel_groups() {
    let counted: Vec<usize> = ["back", "tingling", "bladder", "emergency", "table", "rest"]
        .iter()
        .map(|w| syllables(w))
        .collect();
    assert_eq!(counted, [1, 2, 2, 4, 2, 1]);
}

#[test]
fn plain_text_scores_low_and_jargon_high() {
    assert!(grade("Stop if it hurts. Rest, then try again.") < 3.0);
    assert!(grade("Radiculopathy necessitates comprehensive neurological examination.") > 14.0);
}
