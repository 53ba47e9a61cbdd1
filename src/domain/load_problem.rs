//! What the patient is told when saved data could not be used as it was
//! at start-up (data review §1: say what happened and that nothing was lost).

/// Why saved data could not be used at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Unreadable; a copy is kept under this key.
    Unreadable(String),
    /// Some records could not be read, had impossible dates or were
    /// repeated: this many were left out, and the data as it was is kept
    /// under the key.
    SetAside(String, usize),
    /// Unreadable, and there was no room to keep a copy.
    UnreadableNoRoom,
    /// The data of an earlier version could not be moved into this
    /// version's layout for lack of room; it is untouched.
    NoRoomToMove,
    /// Another deployment on this site owns the main data: this one, at
    /// `here`, keeps its own apart from the one at `owner` (base paths).
    KeptApart {
        here: String,
        owner: String,
    },
    Newer,
    NoStorage,
}

impl LoadProblem {
    /// What to tell the patient.
    pub fn message(&self) -> String {
        match self {
            LoadProblem::Unreadable(_) => "Your saved data could not be read, so Spinewise \
                 started afresh. Nothing was deleted: a copy is kept on this phone and you can \
                 download it."
                .into(),
            LoadProblem::SetAside(_, 1) => "One saved record could not be used, so it was left \
                 out. It was damaged, repeated, or had a date that cannot be right. Everything \
                 else is here. A copy of your data as it was is kept on this phone to download."
                .into(),
            LoadProblem::SetAside(_, count) => format!(
                "{count} saved records could not be used, so they were left out. They were \
                 damaged, repeated, or had dates that cannot be right. Everything else is here. \
                 A copy of your data as it was is kept on this phone to download."
            ),
            LoadProblem::UnreadableNoRoom => "Your saved data could not all be read and there is \
                 no room to keep a copy, so nothing new will be saved until space is freed. Your \
                 old data is untouched."
                .into(),
            LoadProblem::NoRoomToMove => "This phone has no room left for Spinewise to store \
                 your data the new way, so nothing new will be saved until space is freed. Your \
                 data is all here and untouched: export a backup, free some space, then reload."
                .into(),
            LoadProblem::KeptApart { here, owner } => format!(
                "This copy of Spinewise, at {here}/, keeps its own data, apart from the copy at \
                 {owner}/ on this site. Neither one can change the other's."
            ),
            LoadProblem::Newer => "Your data was saved by a newer version of Spinewise. Reload \
                 the app while online to update it; until then nothing is changed or saved."
                .into(),
            LoadProblem::NoStorage => "This browser does not let Spinewise store anything \
                 (private mode?), so today's progress will not be kept."
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;

    #[test]
    fn every_start_up_problem_is_told_in_plain_words_and_says_what_is_kept() {
        let all = [
            LoadProblem::Unreadable("spinewise/recovery".into()),
            LoadProblem::SetAside("spinewise/recovery".into(), 1),
            LoadProblem::SetAside("spinewise/recovery".into(), 3),
            LoadProblem::UnreadableNoRoom,
            LoadProblem::NoRoomToMove,
            LoadProblem::KeptApart {
                here: "/beta".into(),
                owner: "/app".into(),
            },
            LoadProblem::Newer,
            LoadProblem::NoStorage,
        ];
        for problem in &all {
            let text = problem.message();
            assert!(grade(&text) <= 8.0, "{:.1}: {text}", grade(&text));
        }
        assert!(all[2].message().starts_with("3 saved records"));
        assert!(
            all[5]
                .message()
                .contains("at /beta/, keeps its own data, apart from the copy at /app/")
        );
        for kept in &all[..5] {
            let text = kept.message();
            assert!(
                [
                    "Nothing was deleted",
                    "Everything else is here",
                    "untouched"
                ]
                .iter()
                .any(|said| text.contains(said)),
                "{text}"
            );
        }
    }
}
