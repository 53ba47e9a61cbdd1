//! Which stored versions of the parts make up the saved data. A save never
//! writes over a part: it writes each changed part as a new version named
//! by its commit (revision and writing tab), then the small index that
//! makes the commit count, then removes what no one needs any more. So a
//! save cut short (the phone died, the storage filled up) leaves versions
//! the index does not name, which are ignored: the data stays as it was at
//! the save before (data review §2 #2). Two tabs that save at the same
//! revision write different keys; the index names the one that counts,
//! and the other tab merges and saves again, so equal revisions cannot
//! ping-pong. A daily copy is only a revision to keep: the versions it
//! needs stay, and history it shares with today costs nothing twice.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::shards::Part;
use super::store::{LoadError, SCHEMA_VERSION};

/// How many recent commits the index names; versions older than these
/// count as committed (a lost commit's versions are removed by the next save).
const LOG: usize = 8;

/// One save: its revision and the tab that wrote it, stored as "12.k3x9".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Commit {
    pub revision: u64,
    pub writer: String,
}

impl fmt::Display for Commit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.revision, self.writer)
    }
}

impl From<Commit> for String {
    fn from(commit: Commit) -> String {
        commit.to_string()
    }
}

impl TryFrom<String> for Commit {
    type Error = String;

    fn try_from(text: String) -> Result<Commit, String> {
        Commit::parse(&text).ok_or_else(|| format!("not a commit: {text}"))
    }
}

impl Commit {
    fn parse(text: &str) -> Option<Commit> {
        let (revision, writer) = text.split_once('.')?;
        Some(Commit {
            revision: revision.parse().ok()?,
            writer: writer.into(),
        })
    }
}

/// The commit record, written last: what it names is the saved data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub schema_version: u32,
    pub generation: i64,
    /// The latest commits, newest first; never empty.
    commits: Vec<Commit>,
}

impl Index {
    /// The index of a first save.
    pub fn first(generation: i64, commit: Commit) -> Index {
        Index {
            schema_version: SCHEMA_VERSION,
            generation,
            commits: vec![commit],
        }
    }

    /// Reads a stored index; one from a newer version is refused whole.
    pub fn parse(raw: &str) -> Result<Index, LoadError> {
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let corrupt = |e: serde_json::Error| LoadError::Corrupt(e.to_string());
        let version: Version = serde_json::from_str(raw).map_err(corrupt)?;
        if version.schema_version > SCHEMA_VERSION {
            return Err(LoadError::NewerSchema(version.schema_version));
        }
        let index: Index = serde_json::from_str(raw).map_err(corrupt)?;
        if index.commits.is_empty() {
            return Err(LoadError::Corrupt("an index naming no commit".into()));
        }
        Ok(index)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an index always serialises")
    }

    /// The commit whose data this index names.
    pub fn current(&self) -> &Commit {
        &self.commits[0]
    }

    /// The index once `commit` (of `generation`) is made on top of this one.
    pub fn then(&self, commit: Commit, generation: i64) -> Index {
        let mut commits = vec![commit];
        commits.extend(self.commits.iter().take(LOG - 1).cloned());
        Index {
            schema_version: SCHEMA_VERSION,
            generation,
            commits,
        }
    }

    /// Whether the data is made of `commit`'s versions: it is named here,
    /// or older than every commit named.
    pub fn committed(&self, commit: &Commit) -> bool {
        let oldest = self.commits.last().map_or(0, |c| c.revision);
        commit.revision < oldest || self.commits.contains(commit)
    }
}

/// One stored version of a part, as its key names it: `head@12.k3x9`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub part: Part,
    pub commit: Commit,
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.part, self.commit)
    }
}

impl Version {
    /// Reads a name written by `Display`; `None` for anything else.
    pub fn parse(name: &str) -> Option<Version> {
        let (part, commit) = name.rsplit_once('@')?;
        Some(Version {
            part: Part::parse(part)?,
            commit: Commit::parse(commit)?,
        })
    }
}

/// For each part, the commit whose version it had at `revision`: the
/// newest committed version no later than that.
pub fn chosen(versions: &[Version], index: &Index, revision: u64) -> BTreeMap<Part, Commit> {
    let mut chosen: BTreeMap<Part, Commit> = BTreeMap::new();
    for version in versions {
        if version.commit.revision > revision || !index.committed(&version.commit) {
            continue;
        }
        let newest = chosen
            .get(&version.part)
            .is_none_or(|c| *c < version.commit);
        if newest {
            chosen.insert(version.part, version.commit.clone());
        }
    }
    chosen
}

/// Versions to remove: those that neither the data at a commit the index
/// names nor a kept copy (at the `kept` revisions) uses. Keeping the recent
/// commits' data lets a tab that is saving on top of one of them, at the
/// same moment, still find every part it builds on. Versions newer than the
/// current commit are left alone: another tab may be half-way through
/// saving them.
pub fn garbage(versions: &[Version], index: &Index, kept: &[u64]) -> Vec<Version> {
    let current = index.current().revision;
    let used: Vec<BTreeMap<Part, Commit>> = index
        .commits
        .iter()
        .map(|c| c.revision)
        .chain(kept.iter().copied())
        .map(|revision| chosen(versions, index, revision))
        .collect();
    versions
        .iter()
        .filter(|v| v.commit.revision <= current)
        .filter(|v| !used.iter().any(|u| u.get(&v.part) == Some(&v.commit)))
        .cloned()
        .collect()
}

/// Versions a save cut short left behind (newer than the current commit).
pub fn unfinished(versions: &[Version], index: &Index) -> usize {
    let current = index.current().revision;
    versions
        .iter()
        .filter(|v| v.commit.revision > current)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(revision: u64, writer: &str) -> Commit {
        Commit {
            revision,
            writer: writer.into(),
        }
    }

    fn version(part: Part, revision: u64, writer: &str) -> Version {
        Version {
            part,
            commit: commit(revision, writer),
        }
    }

    #[test]
    fn names_read_back() {
        let v = version(Part::Head, 12, "k3x9");
        assert_eq!(v.to_string(), "head@12.k3x9");
        assert_eq!(Version::parse("head@12.k3x9"), Some(v));
        for bad in ["head", "head@12", "head@x.a", "nope@1.a", "@1.a"] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
        let index = Index::first(3, commit(1, "a")).then(commit(2, "b"), 3);
        assert_eq!(Index::parse(&index.to_json()), Ok(index));
        assert!(matches!(
            Index::parse("{\"schema_version\":6,\"generation\":0,\"commits\":[]}"),
            Err(LoadError::Corrupt(_))
        ));
        assert_eq!(
            Index::parse("{\"schema_version\":99,\"new\":true}"),
            Err(LoadError::NewerSchema(99))
        );
    }

    #[test]
    fn a_save_cut_short_leaves_the_data_as_it_was() {
        let index = Index::first(0, commit(1, "a"));
        let versions = [
            version(Part::Head, 1, "a"),
            version(Part::Active, 1, "a"),
            // Revision 2 wrote the head, then the phone died before the index.
            version(Part::Head, 2, "a"),
        ];
        assert_eq!(chosen(&versions, &index, 1)[&Part::Head], commit(1, "a"));
        assert_eq!(unfinished(&versions, &index), 1);
        // Left alone (it may be another tab's save in flight) …
        assert_eq!(garbage(&versions, &index, &[]), []);
        // … until a later commit makes it a loser. active@1 stays while
        // commit 1 is a recent one (a tab may be saving on top of it).
        let index = index.then(commit(2, "b"), 0);
        let versions = [versions.as_slice(), &[version(Part::Active, 2, "b")]].concat();
        assert_eq!(
            garbage(&versions, &index, &[]),
            [version(Part::Head, 2, "a")]
        );
        assert_eq!(chosen(&versions, &index, 2)[&Part::Head], commit(1, "a"));
    }

    #[test]
    fn of_two_tabs_saving_the_same_revision_the_index_decides() {
        let index = Index::first(0, commit(1, "a")).then(commit(2, "b"), 0);
        let versions = [
            version(Part::Head, 1, "a"),
            version(Part::Head, 2, "a"),
            version(Part::Head, 2, "b"),
        ];
        assert_eq!(chosen(&versions, &index, 2)[&Part::Head], commit(2, "b"));
        assert_eq!(
            garbage(&versions, &index, &[]),
            [version(Part::Head, 2, "a")]
        );
    }

    #[test]
    fn a_kept_copy_keeps_the_versions_it_needs_and_no_more() {
        let mut index = Index::first(0, commit(1, "a"));
        let mut versions = vec![version(Part::Head, 1, "a"), version(Part::Active, 1, "a")];
        for revision in 2..=20 {
            index = index.then(commit(revision, "a"), 0);
            versions.push(version(Part::Active, revision, "a"));
        }
        // A copy kept at revision 5: the head it shares, and active@5; and
        // the eight recent commits' versions.
        let garbage = garbage(&versions, &index, &[5]);
        assert_eq!(garbage.len(), 21 - 10);
        assert!(!garbage.contains(&version(Part::Active, 5, "a")));
        assert!(!garbage.contains(&version(Part::Active, 13, "a")));
        assert!(garbage.contains(&version(Part::Active, 12, "a")));
        assert!(!garbage.contains(&version(Part::Head, 1, "a")));
        assert!(!garbage.contains(&version(Part::Active, 20, "a")));
        let at_5 = chosen(&versions, &index, 5);
        assert_eq!(at_5[&Part::Active], commit(5, "a"));
        assert_eq!(at_5[&Part::Head], commit(1, "a"));
    }

    #[test]
    fn the_index_remembers_a_bounded_number_of_commits() {
        let mut index = Index::first(0, commit(1, "a"));
        for revision in 2..=100 {
            index = index.then(commit(revision, "a"), 0);
        }
        assert_eq!(index.commits.len(), LOG);
        assert_eq!(index.current(), &commit(100, "a"));
        assert!(index.to_json().len() < 200);
        // Older than the log counts as committed; a recent loser does not.
        assert!(index.committed(&commit(50, "z")));
        assert!(!index.committed(&commit(99, "z")));
    }
}
