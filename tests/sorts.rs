//! The app sorts through `domain::sort` only: each standard sort called on
//! another element type adds a copy of the algorithm to the wasm (see that
//! module). Read from the source, so a new `.sort_by_key` fails `cargo test`
//! instead of the size budget failing later with no hint why.

mod source;

use std::fs;
use std::path::Path;

const STANDARD_SORTS: [&str; 5] = [
    ".sort()",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable",
];

/// The standard sorts a file's code calls, as "line: text".
fn standard_sorts(text: &str) -> Vec<String> {
    source::code_lines(text)
        .filter(|line| STANDARD_SORTS.iter().any(|call| line.contains(call)))
        .map(|line| line.trim().to_string())
        .collect()
}

#[test]
fn only_domain_sort_calls_a_standard_sort() {
    let files = source::rust_files(Path::new("src"));
    assert!(files.len() > 50, "only {} files found", files.len());
    let mut found = Vec::new();
    for path in files {
        if path == Path::new("src/domain/sort.rs") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("readable");
        for call in standard_sorts(&text) {
            found.push(format!("{}: {call}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "use domain::sort instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_standard_sort_but_not_ours_or_a_test_one() {
    let text = "sort::sort(&mut a);\nb.sort_unstable_by_key(|x| x.0);\n// c.sort();\n#[cfg(test)]\nd.sort();";
    assert_eq!(standard_sorts(text), ["b.sort_unstable_by_key(|x| x.0);"]);
}
