//! Properties of `wrap` that hold for any input.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::paragraphs::CJK;
use super::show;
use crate::layout::classes::{forbidden_at_line_end, forbidden_at_line_start};
use crate::layout::wrap;
use crate::layout::wrap::cluster_width;

/// Checks what holds for every input: lines in order, on character
/// boundaries, only whitespace left out, and no line wider than `width`
/// unless it holds a single cluster that is wider.
fn assert_well_formed(text: &str, width: usize) {
    let lines = wrap(text, width);
    assert!(!lines.is_empty());
    let mut covered = 0;
    for line in &lines {
        assert!(covered <= line.start && line.start <= line.end && line.end <= text.len());
        assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
        let gap = &text[covered..line.start];
        assert!(gap.chars().all(char::is_whitespace), "dropped {gap:?}");
        let shown = &text[line.clone()];
        assert!(!shown.ends_with([' ', '\t', '\n']), "untrimmed {shown:?}");
        let shown_width = shown.width();
        if shown_width > width.max(1) {
            let wide = shown.graphemes(true).filter(|g| g.width() > 0).count();
            assert_eq!(wide, 1, "{shown:?} is wider than {width}");
        }
        covered = line.end;
    }
    let rest = &text[covered..];
    assert!(rest.chars().all(char::is_whitespace), "dropped {rest:?}");
    assert!(lines.len() > text.matches('\n').count());
}

/// Text of ideographs where punctuation never comes twice in a row, so that
/// kinsoku can always be kept at widths of four columns and more.
fn chinese_clauses() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        prop::sample::select(vec!["中", "國", "美", "關", "係"]).prop_map(str::to_string),
        prop::sample::select(vec!["「", "（", "《"]).prop_map(|p| format!("{p}中")),
        prop::sample::select(vec!["，", "。", "」", "）", "％", "…"])
            .prop_map(|p| format!("美{p}")),
    ];
    prop::collection::vec(unit, 0..60).prop_map(|units| units.concat())
}

proptest! {
    #[test]
    fn any_text_at_any_width_is_well_formed(text in any::<String>(), width in 0usize..30) {
        assert_well_formed(&text, width);
    }

    #[test]
    fn mixed_script_text_is_well_formed(
        text in "[a-z0-9 ,.%()\\-\n中國年座，。、「」（）…\u{301}\u{3000}]{0,80}",
        width in 0usize..30,
    ) {
        assert_well_formed(&text, width);
    }

    #[test]
    fn kinsoku_holds_when_it_can(text in chinese_clauses(), width in 4usize..30) {
        let lines = show(&text, width);
        for pair in lines.windows(2) {
            let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
            prop_assert!(!end.is_some_and(forbidden_at_line_end), "{lines:?}");
            prop_assert!(!start.is_some_and(forbidden_at_line_start), "{lines:?}");
        }
        for line in &lines {
            prop_assert!(line.width() <= width);
        }
    }

    #[test]
    fn words_fill_each_line_first_fit(
        words in prop::collection::vec("[a-z]{1,8}", 1..30),
        width in 8usize..40,
    ) {
        let text = words.join(" ");
        let lines = show(&text, width);
        let expected_words: Vec<&str> = text.split(' ').collect();
        let got_words: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
        prop_assert_eq!(got_words, expected_words);
        for pair in lines.windows(2) {
            let next_word = pair[1].split(' ').next().unwrap_or_default();
            prop_assert!(pair[0].width() + 1 + next_word.width() > width, "{lines:?}");
        }
    }
}

#[test]
fn a_four_megabyte_line_wraps() {
    let text = CJK.repeat(4 * 1024 * 1024 / CJK.len() + 1);
    let lines = wrap(&text, 80);
    assert!(lines.len() > 4 * 1024 * 1024 / 3 / 40);
    assert_eq!(lines.last().map(|line| line.end), Some(text.len()));
}

proptest! {
    #[test]
    fn cluster_width_agrees_with_the_string_rules(text in any::<String>()) {
        for cluster in text.graphemes(true) {
            prop_assert_eq!(cluster_width(cluster), cluster.width(), "{:?}", cluster);
        }
    }
}

/// Every line of every sample brief, as the loaders would hand it over.
fn sample_lines() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        lines.extend(text.lines().map(str::to_string));
    }
    lines
}

#[test]
fn the_sample_briefs_wrap_well_at_every_width() {
    let lines = sample_lines();
    assert!(lines.iter().any(|line| line.chars().count() > 100));
    for width in 1..=100 {
        for line in &lines {
            assert_well_formed(line, width);
            if width < 6 {
                continue;
            }
            let shown = show(line, width);
            for pair in shown.windows(2) {
                let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
                assert!(!end.is_some_and(forbidden_at_line_end), "{shown:?}");
                assert!(!start.is_some_and(forbidden_at_line_start), "{shown:?}");
            }
        }
    }
}

#[test]
fn a_space_between_clusters_of_unusual_width_at_width_zero() {
    assert_well_formed("0\u{2000}ힰ𞹑", 0);
}
