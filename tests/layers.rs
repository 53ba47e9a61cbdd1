//! The one rule between the layers (docs/architecture.md): each uses only
//! the layers below it. Read from the source, so a `use` that points up
//! fails `cargo test` instead of waiting for a review.

mod source;

use std::fs;
use std::path::Path;

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
    let files = source::rust_files(Path::new("src"));
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

/// The domain module a file under `src/domain/` belongs to (`plan` for
/// `plan.rs`, `store` for `store/merge.rs`); `None` for `domain/mod.rs`.
fn domain_module_of(path: &Path) -> Option<String> {
    let relative = path.strip_prefix("src/domain").ok()?;
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    (first != "mod.rs").then(|| first.trim_end_matches(".rs").to_string())
}

/// The other domain modules a file's code names, leaving out its tests
/// (which may use anything) and comments (doc links are not imports).
fn domain_uses(text: &str, own: &str, in_folder: bool) -> Vec<String> {
    let lines = source::code_lines(text);
    // In a file of a module's folder (not its mod.rs) `super::` is the module itself.
    let prefixes: &[&str] = if in_folder {
        &["crate::domain::", "super::super::"]
    } else {
        &["crate::domain::", "super::"]
    };
    let mut used = Vec::new();
    for line in lines {
        for prefix in prefixes {
            for (at, _) in line.match_indices(prefix) {
                let name: String = line[at + prefix.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != own && !used.contains(&name) {
                    used.push(name);
                }
            }
        }
    }
    used
}

/// A cycle in `graph`, as the modules along it, if there is one.
fn find_cycle(graph: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &[(String, Vec<String>)],
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.iter().any(|n| n == node) {
            return None;
        }
        path.push(node.to_string());
        let next = graph.iter().find(|(n, _)| n == node).map(|(_, uses)| uses);
        for used in next.into_iter().flatten() {
            if let Some(cycle) = visit(used, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.push(node.to_string());
        None
    }
    let mut done = Vec::new();
    graph
        .iter()
        .find_map(|(node, _)| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_two_domain_modules_import_each_other_even_through_others() {
    let files = source::rust_files(Path::new("src/domain"));
    let mut graph: Vec<(String, Vec<String>)> = Vec::new();
    for path in &files {
        let Some(module) = domain_module_of(path) else {
            continue;
        };
        // A folder's mod.rs is the module itself, where `super::` is the domain.
        let in_folder = path.parent() != Some(Path::new("src/domain"))
            && path.file_name().is_some_and(|name| name != "mod.rs");
        let text = fs::read_to_string(path).expect("readable");
        let uses = domain_uses(&text, &module, in_folder);
        match graph.iter_mut().find(|(m, _)| *m == module) {
            Some((_, all)) => all.extend(uses),
            None => graph.push((module, uses)),
        }
    }
    assert!(
        graph.len() > 30,
        "only {} domain modules found",
        graph.len()
    );
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn the_cycle_check_sees_a_cycle_and_ignores_tests_and_comments() {
    let text = "use super::exercise::Exercise;\n/// [`x`]: super::journal::Journal\nuse crate::domain::pain::Pain;\n#[cfg(test)]\nuse super::plan::Plan;";
    assert_eq!(domain_uses(text, "readiness", false), ["exercise", "pain"]);
    assert_eq!(
        domain_uses(
            "use super::Dose;\nuse crate::domain::phase::Phase;",
            "exercise",
            true
        ),
        ["phase"]
    );
    let graph = |edges: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
        edges
            .iter()
            .map(|(n, uses)| (n.to_string(), uses.iter().map(|u| u.to_string()).collect()))
            .collect()
    };
    let cycle = find_cycle(&graph(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"])]));
    assert_eq!(
        cycle,
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(
        find_cycle(&graph(&[("a", &["b"]), ("b", &[]), ("c", &["a"])])),
        None
    );
    assert_eq!(
        domain_module_of(Path::new("src/domain/store/merge.rs")).as_deref(),
        Some("store")
    );
}
