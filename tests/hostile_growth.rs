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
