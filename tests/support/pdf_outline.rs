//! What the PDF tests read back from `gloss`: the outline as JSON, its
//! table rows and section titles, and how many of a reference text's
//! characters a conversion kept.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// `gloss` with a data folder that no test writes to.
pub fn gloss() -> Command {
    let mut cmd = Command::cargo_bin("gloss").expect("the gloss binary");
    cmd.env(
        "GLOSS_DATA_DIR",
        std::env::temp_dir().join("gloss-pdf-tests-unused"),
    );
    cmd
}

/// `gloss outline --json FILE`, parsed.
pub fn outline_json(path: &Path) -> Value {
    let out = gloss()
        .args(["outline", "--json"])
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Non-whitespace characters as a multiset, after NFKC: a ligature or a
/// Kangxi radical counts as the letters it stands for.
fn char_counts(text: &str) -> std::collections::HashMap<char, usize> {
    use unicode_normalization::UnicodeNormalization;
    let mut counts = std::collections::HashMap::new();
    for c in text.nfkc().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0) += 1;
    }
    counts
}

/// Share of the reference's characters that `got` has too.
pub fn recall(reference: &str, got: &str) -> f64 {
    let (r, g) = (char_counts(reference), char_counts(got));
    let total: usize = r.values().sum();
    let common: usize = r
        .iter()
        .map(|(c, n)| (*n).min(*g.get(c).unwrap_or(&0)))
        .sum();
    common as f64 / total.max(1) as f64
}

/// `gloss convert --to SCRIPT PDF` against `pdftotext`'s text of it: the
/// share of the reference's characters kept.
pub fn recall_of_conversion(pdf: &Path, script: &str, reference: &str) -> f64 {
    let out = gloss()
        .args(["convert", "--to", script])
        .arg(pdf)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    recall(reference, &String::from_utf8_lossy(&out.stdout))
}

/// The cells of every table row, in order.
pub fn table_rows(v: &Value) -> Vec<Vec<String>> {
    v["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["paragraphs"].as_array().into_iter().flatten())
        .filter(|p| p["kind"] == "table_row")
        .map(|p| {
            p["cells"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| c.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

/// The titles of the sections that have one.
pub fn section_titles(v: &Value) -> Vec<String> {
    v["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["title"].as_str().map(str::to_string))
        .collect()
}

/// Each paragraph's id and its text's length in bytes.
pub fn paragraph_ids(v: &Value) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for s in v["sections"].as_array().into_iter().flatten() {
        for p in s["paragraphs"].as_array().into_iter().flatten() {
            let text = p["text"].as_str().unwrap_or_default();
            out.push((p["id"].as_str().unwrap_or_default().to_string(), text.len()));
        }
    }
    out
}

/// A note added by paragraph id on the text `pdftotext` gave of a PDF is
/// listed on the PDF anchored to the same paragraph, the two side by side
/// as `NAME.txt` and `NAME.pdf`. The paragraph is the longest both
/// extractions give alike (same text, same id), at least `min_len` bytes
/// long: the PDF path splits some paragraphs `pdftotext` runs together.
pub fn assert_note_reanchors(name: &str, txt_from: &Path, pdf_from: &Path, min_len: usize) {
    let data = tempfile::tempdir().expect("a temp folder");
    let docs = tempfile::tempdir().expect("a temp folder");
    let txt = docs.path().join(format!("{name}.txt"));
    let pdf = docs.path().join(format!("{name}.pdf"));
    std::fs::copy(txt_from, &txt).expect("copy the text");
    std::fs::copy(pdf_from, &pdf).expect("copy the PDF");
    let (txt, pdf) = (txt.as_path(), pdf.as_path());
    let in_pdf = paragraph_ids(&outline_json(pdf));
    let (id, _) = paragraph_ids(&outline_json(txt))
        .into_iter()
        .filter(|(id, len)| *len >= min_len && in_pdf.iter().any(|(i, _)| i == id))
        .max_by_key(|(_, len)| *len)
        .expect("a long paragraph in both");
    let run = |args: &[&str], file: &Path| {
        let out = Command::cargo_bin("gloss")
            .expect("the gloss binary")
            .env("GLOSS_DATA_DIR", data.path())
            .args(args)
            .arg(file)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(
        &["notes", "add", "--text", "read again", "--para", &id],
        txt,
    );
    let listing: Value =
        serde_json::from_slice(&run(&["notes", "list", "--format", "json"], pdf)).expect("JSON");
    let note = &listing["notes"][0];
    assert_eq!(note["text"], "read again", "{listing}");
    assert_eq!(note["status"], "anchored", "{listing}");
    assert_eq!(note["current_paragraph"], id.as_str(), "{listing}");
}
