//! Issue 20, items 7–9: paths that hostile input made quadratic grow no
//! faster than n·log n. Each test times the same work at two sizes and
//! asserts the ratio (see `support/growth.rs`), never a time.

#[path = "support/growth.rs"]
mod growth;

use gloss::brief::load::{Format, load_bytes};
use gloss::brief::source_lines::SourceLines;
use gloss::commands::search::search_brief;
use gloss::convert::fold_str;

/// A brief that is one paragraph of `repeats` short sentences, each with
/// a hit of 美国: thousands of hits deep into one long paragraph.
fn one_paragraph(repeats: usize) -> (gloss::brief::Brief, String) {
    let text = format!("{}\n", "美國與中國的關係，".repeat(repeats));
    let brief = load_bytes(text.as_bytes(), Format::PlainText, "one.txt").unwrap();
    (brief, text)
}

/// #7: `gloss search` on one long paragraph is linear in its length, not
/// in hits × length (12 s on 600 KB before), line numbers included.
#[test]
fn search_in_one_long_paragraph_is_not_quadratic() {
    let needle = fold_str("美国");
    let (small, small_text) = one_paragraph(1_000);
    let (large, large_text) = one_paragraph(8_000);
    assert_eq!(large.paragraphs().count(), 1);
    let run = |brief: &gloss::brief::Brief, text: &str, want: usize| {
        let lines = SourceLines::new(brief, text);
        let hits = search_brief(brief, Some(&lines), &needle, 24);
        assert_eq!(hits.len(), want);
        assert_eq!(hits[want - 1].line, Some(1));
        assert!(hits[want - 1].before.starts_with('…'), "{:?}", hits[0]);
    };
    growth::assert_not_quadratic(
        "search",
        &mut || run(&small, &small_text, 1_000),
        &mut || run(&large, &large_text, 8_000),
    );
}

/// A phrase file of `terms` distinct entries, half of them under a heading.
fn phrase_file(terms: usize) -> String {
    let mut text = String::new();
    for i in 0..terms {
        if i == terms / 2 {
            text.push_str("[to s]\n");
        }
        text.push_str(&format!("術語{i:06}\t术语{i:06}\n"));
    }
    text
}

/// #8: loading `phrases.txt` is linear in its entries (60,000 terms made
/// every `convert` take 16–34 s), the choice toward one script included.
#[test]
fn loading_many_phrases_is_not_quadratic() {
    use gloss::convert::config::Target;
    use gloss::convert::overrides::PhraseFile;
    let small = phrase_file(2_000);
    let large = phrase_file(16_000);
    let load = |text: &str, want: usize| {
        let file = PhraseFile::parse(text, std::path::Path::new("phrases.txt"));
        assert!(file.warnings.is_empty());
        assert_eq!(file.overrides.toward(Some(Target::Simplified)).len(), want);
    };
    growth::assert_not_quadratic("phrases.txt", &mut || load(&small, 2_000), &mut || {
        load(&large, 16_000)
    });
}

/// A brief record listing `n` paths and `n` hashes.
fn record(n: usize, from: usize) -> gloss::notes::BriefInfo {
    gloss::notes::BriefInfo {
        key: "k".into(),
        paths: (from..from + n)
            .map(|i| format!("/briefs/{i}.txt"))
            .collect(),
        hashes: (from..from + n).map(|i| format!("{i:064x}")).collect(),
        ..Default::default()
    }
}

/// #9: two brief records are merged with sets: two long lists (a
/// teammate's 60,000 paths made `notes list` take 13–20 s) cost a pass.
#[test]
fn merging_long_brief_records_is_not_quadratic() {
    use gloss::notes::store::merge_brief;
    let (ours_s, theirs_s) = (record(2_000, 0), record(2_000, 1_000));
    let (ours_l, theirs_l) = (record(16_000, 0), record(16_000, 8_000));
    let merge = |ours: &gloss::notes::BriefInfo, theirs: &gloss::notes::BriefInfo| {
        let merged = merge_brief(ours, theirs);
        assert_eq!(merged.paths.last(), ours.paths.last());
    };
    growth::assert_not_quadratic(
        "merge_brief",
        &mut || merge(&ours_s, &theirs_s),
        &mut || merge(&ours_l, &theirs_l),
    );
}
