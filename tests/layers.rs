//! The one rule between the layers (docs/architecture.md): each uses only
//! the layers below it. Read from the source, so a `use` that points up
//! fails `cargo test` instead of waiting for a review.

use std::fs;
use std::path::{Path, PathBuf};

/// Layers from the top; `app` wires them and may use any.
const LAYERS: [(&str, &[&str]); 6] = [
    ("pages", &["pages", "components", "state", "web", "domain"]),
    ("components", &["components", "state", "web", "domain"]),
    ("state", &["state", "web", "domain"]),
    ("persist", &["state", "web", "domain"]),
    ("web", &["web", "domain"]),
    ("domain", &["domain"]),
];

/// The layer a source file belongs to: its folder, or its own name.
fn layer_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").expect("under src");
    let first = relative.components().next().expect("a file");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every `crate::<module>` a file names.
fn crate_uses(text: &str) -> Vec<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut upward = Vec::new();
    let mut checked = 0;
    for path in &files {
        let layer = layer_of(path);
        let Some((_, allowed)) = LAYERS.iter().find(|(name, _)| *name == layer) else {
            continue;
        };
        checked += 1;
        let text = fs::read_to_string(path).expect("readable");
        for used in crate_uses(&text) {
            if !allowed.contains(&used.as_str()) {
                upward.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} files found: is the test run from the crate root?"
    );
    assert!(
        upward.is_empty(),
        "uses that point up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_layer_check_sees_a_use_that_points_up() {
    let text = "use crate::domain::pain::Pain;\nuse crate::state::use_app_state;";
    assert_eq!(crate_uses(text), ["domain", "state"]);
    assert_eq!(layer_of(Path::new("src/web/storage.rs")), "web");
    assert_eq!(layer_of(Path::new("src/state.rs")), "state");
}
