//! Measurements over the development corpus's real PDFs, which live beside
//! the repository (`../shared/corpus`), not in it. `cargo test` does not
//! run this target (`test = false` in Cargo.toml), so a fresh clone passes
//! without the corpus; `.ci/run` runs it with `cargo test --test
//! corpus_pdf`, and without the corpus it fails saying where it looked.

use std::path::{Path, PathBuf};

#[path = "support/pdf_outline.rs"]
pub mod pdf_outline;
use pdf_outline::{
    assert_note_reanchors, outline_json, recall_of_conversion, section_titles, table_rows,
};

/// The development corpus beside the repository.
fn corpus() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        here.join("../shared/corpus"),
        here.join("../../shared/corpus"),
    ];
    match candidates.iter().find(|p| p.join("README.md").exists()) {
        Some(found) => found.clone(),
        None => panic!(
            "the development corpus is not here (looked for {} and {}): \
             these measurements need its PDFs; `cargo test` does not",
            candidates[0].display(),
            candidates[1].display()
        ),
    }
}

#[test]
fn corpus_pdfs_keep_the_characters_pdftotext_finds_and_cjk_reads_right() {
    let dir = corpus();
    // Each into the script it is already in, which leaves it as extracted.
    for (name, script) in [
        ("tw-yda-minutes-2018", "t"),
        ("tw-yda-charter-2018", "t"),
        ("tw-ndc-placemaking-forum-agenda-2019", "t"),
        ("cn-thinktank-daily-brief-2026-07-04", "s"),
        ("eu-edpb-territorial-scope-2020", "s"),
        ("recursive-public-2023", "t"),
        ("us-americas-ai-action-plan-2025", "t"),
        // Tables, read row by row where pdftotext reads column by column.
        ("tw-yda-roadshow-agenda-2019", "t"),
        ("uk-ai-opportunities-response-2025", "s"),
    ] {
        let reference = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
        let r = recall_of_conversion(&dir.join(format!("{name}.pdf")), script, &reference);
        assert!(
            r >= 0.995,
            "{name}: {:.1}% of pdftotext's characters",
            r * 100.0
        );
    }
}

#[test]
fn corpus_tables_read_row_by_row_with_their_cells_whole() {
    let dir = corpus();
    // Recommendation tables whose columns share baselines, over 13 pages.
    let v = outline_json(&dir.join("uk-ai-opportunities-response-2025.pdf"));
    let rows = table_rows(&v);
    let second = rows
        .iter()
        .find(|r| r[0].starts_with("Recommendation 2 "))
        .expect("the row of recommendation 2");
    assert!(
        second[1].starts_with(
            "Agree. DSIT will set out how we will deliver on this as part of its long-term compute strategy."
        ),
        "{second:?}"
    );
    assert_eq!(second[2], "24/25 FY to 2030/2031 FY");
    // A heading over a table still heads it, and no cell is a heading.
    let titles = section_titles(&v);
    assert!(
        titles.contains(
            &"Training, retaining and attracting the next generation of AI scientists and founders"
                .to_string()
        ),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.starts_with("Recommendation")),
        "{titles:?}"
    );
    // A table in a designed report: its column head is no heading.
    let v = outline_json(&dir.join("recursive-public-2023.pdf"));
    assert!(
        !section_titles(&v).contains(&"Cluster Interpretations".to_string()),
        "{v}"
    );
}

#[test]
fn a_note_added_on_the_pdftotext_text_of_a_long_pdf_reanchors_on_the_pdf() {
    let dir = corpus();
    let name = "eu-edpb-territorial-scope-2020";
    assert_note_reanchors(
        name,
        &dir.join(format!("{name}.txt")),
        &dir.join(format!("{name}.pdf")),
        301,
    );
}
