//! The crate's top-level modules import one another in one direction only,
//! down the layers `src/lib.rs` lists: an import going up (or two modules
//! importing each other) fails here with the file that does it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Top to bottom; a module may use any module in a later layer, and none
/// of its own layer or an earlier one.
const LAYERS: &[&[&str]] = &[
    &["commands"],
    &["ui"],
    &["app"],
    &["library"],
    &["notes"],
    &["config"],
    &["keys", "layout", "convert", "dict", "theme"],
    &["brief"],
    &["files", "output"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level modules `text` names through `crate::`, in paths and in
/// grouped imports (`use crate::{a::B, c}`).
fn modules_named(text: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                named.insert(ident(item.trim()));
            }
        } else {
            named.insert(ident(rest));
        }
    }
    named.retain(|m| !m.is_empty());
    named
}

#[test]
fn the_layers_are_exactly_the_top_level_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    let layered: BTreeSet<&str> = LAYERS.iter().flat_map(|l| l.iter().copied()).collect();
    assert_eq!(declared, layered);
}

#[test]
fn imports_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative.components().next().unwrap().as_os_str();
        let module = top.to_string_lossy().trim_end_matches(".rs").to_string();
        let Some(own) = layer_of(&module) else {
            continue; // lib.rs and main.rs sit above every layer
        };
        let text = std::fs::read_to_string(file).unwrap();
        for used in modules_named(&text) {
            if used == module {
                continue;
            }
            let layer = layer_of(&used).unwrap_or_else(|| panic!("{used} is in no layer"));
            if layer <= own {
                upward.push(format!("{}: {module} uses {used}", relative.display()));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_scan_reads_paths_and_grouped_imports() {
    let named =
        modules_named("use crate::app::App;\nuse crate::{brief::Brief, ui};\nx(crate::notes::f())");
    let expected: BTreeSet<String> = ["app", "brief", "ui", "notes"].map(String::from).into();
    assert_eq!(named, expected);
}
