//! Golden tests: the outline (text and JSON) of every brief in `briefs/`,
//! through the real binary, against snapshots in `tests/snapshots/`.

use std::path::Path;

use assert_cmd::Command;

fn briefs() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("briefs/ is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn outline(args: &[&str], file: &Path) -> String {
    let out = Command::cargo_bin("gloss")
        .expect("binary built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .arg(
            file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(file),
        )
        .output()
        .expect("gloss runs");
    assert!(
        out.status.success(),
        "gloss {args:?} {file:?} failed: {out:?}"
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn the_corpus_has_the_seed_and_two_written_briefs() {
    let names: Vec<String> = briefs()
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(String::from))
        .collect();
    assert!(
        names.len() >= 3,
        "briefs/ holds at least three samples: {names:?}"
    );
    assert!(names.iter().any(|n| n.starts_with("prospect-forum")));
    assert!(names.iter().filter(|n| n.ends_with(".md")).count() >= 2);
}

#[test]
fn outline_of_every_brief() {
    for file in briefs() {
        let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("brief");
        insta::assert_snapshot!(format!("outline-{name}"), outline(&["outline"], &file));
        insta::assert_snapshot!(
            format!("outline-json-{name}"),
            outline(&["outline", "--json"], &file)
        );
    }
}
