//! Helpers shared by the notes tests: the real binary with a private data
//! folder, a small brief, and paragraph ids as `gloss outline --json` gives them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The gloss binary with `GLOSS_DATA_DIR` set to `data`.
pub fn gloss(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gloss").unwrap();
    cmd.env("GLOSS_DATA_DIR", data);
    cmd
}

/// The path of the gloss binary.
pub fn gloss_path() -> PathBuf {
    assert_cmd::cargo::cargo_bin("gloss")
}

/// A short Chinese brief in plain text: a title line (the loader takes it
/// as the title), then four paragraphs, one per block.
pub const BRIEF: &str = "川習北京峰會後的美中外交動向\n\n\
美中關係自去年以來持續變化，各方高度關注。\n\n\
習近平曾向美方提及太平洋夠大，容得下中美兩國。\n\n\
美國向來是海洋強權，習近平的談話間接回應有關 G2 的聯想。\n\n\
各界認為川習年內有四次會面機會，雙方派駐大使將擔當溝通重責。\n";

/// Writes [`BRIEF`] to `dir/name` and returns the path.
pub fn write_brief(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, BRIEF).unwrap();
    path
}

/// (id, text) of every paragraph of `file`, in reading order.
pub fn paragraphs(file: &Path) -> Vec<(String, String)> {
    let out = Command::cargo_bin("gloss")
        .unwrap()
        .args(["outline", "--json"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut list = Vec::new();
    let mut take = |ps: &Value| {
        for p in ps.as_array().unwrap() {
            list.push((
                p["id"].as_str().unwrap().to_string(),
                p["text"].as_str().unwrap().to_string(),
            ));
        }
    };
    take(&v["front_matter"]);
    for s in v["sections"].as_array().unwrap() {
        take(&s["paragraphs"]);
    }
    take(&v["back_matter"]);
    list
}

/// Adds a note through the CLI and returns its id.
pub fn add(data: &Path, file: &Path, para: &str, text: &str, tags: &[&str]) -> String {
    let mut cmd = gloss(data);
    cmd.args(["notes", "add"])
        .arg(file)
        .args(["--para", para, "--text", text]);
    for t in tags {
        cmd.args(["--tag", t]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `gloss notes list --format json` (for `file`, or all briefs) as JSON.
pub fn list_json(data: &Path, file: Option<&Path>) -> Value {
    let mut cmd = gloss(data);
    cmd.args(["notes", "list", "--format", "json"]);
    if let Some(f) = file {
        cmd.arg(f);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The ids of the notes in a JSON listing.
pub fn note_ids(listing: &Value) -> Vec<String> {
    listing["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

/// The store file `gloss notes where` names for `file`.
pub fn store_of(data: &Path, file: &Path) -> PathBuf {
    let out = gloss(data)
        .args(["notes", "where"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success());
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}
