//! Reading `src/` for the tests that check rules in the source itself.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
pub fn rust_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, &mut found);
    found
}

/// A file's code lines, leaving out its tests (which come last and may do
/// anything) and its comments.
pub fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    let code = text
        .find("#[cfg(test)]")
        .into_iter()
        .chain(text.find("#[cfg(all(test"))
        .min()
        .map_or(text, |at| &text[..at]);
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
}
