//! The same briefs extracted other ways (`tests/corpus/layout/`,
//! `tests/corpus/raw/`): `pdftotext -layout` sets table cells apart with
//! runs of spaces and prints a note's label on a line above it;
//! `pdftotext -raw` leaves no blank line in the whole text. The outline a
//! reader gets must not depend on which the brief went through.

use std::path::Path;

use gloss::brief::{Brief, load_path};

fn load(folder: &str, name: &str) -> Brief {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(folder)
        .join(name);
    load_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn titles(b: &Brief) -> Vec<String> {
    b.sections
        .iter()
        .filter_map(|s| s.title.as_deref().map(squeeze))
        .collect()
}

fn joined(b: &Brief, sentence: &str) -> bool {
    let want = squeeze(sentence);
    b.paragraphs().any(|p| squeeze(&p.text()).contains(&want))
}

#[test]
fn a_layout_table_header_row_heads_nothing() {
    let b = load("layout", "uk-ai-opportunities-response-2025.txt");
    let header = squeeze("Recommendation Response Delivery Timeline");
    assert!(
        titles(&b)
            .iter()
            .all(|t| !t.starts_with(&squeeze("Recommendation Response"))),
        "{:?}",
        titles(&b)
    );
    assert!(!titles(&b).contains(&header));
    assert!(
        titles(&b).contains(&squeeze("Next steps")),
        "{:?}",
        titles(&b)
    );
}

#[test]
fn layout_notes_with_labels_above_go_to_the_back_and_the_cut_sentence_goes_on() {
    let b = load("layout", "us-americas-ai-action-plan-2025.txt");
    assert!(joined(
        &b,
        "Furthermore, review all FTC final orders, consent decrees, and injunctions, and, where appropriate, seek to modify or set-aside any that unduly burden AI innovation."
    ));
    assert!(joined(
        &b,
        "The AI infrastructure buildout will create high-paying jobs for American workers. And the breakthroughs in medicine"
    ));
    let notes: Vec<String> = b.back_matter.iter().map(|p| p.text()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("5") && n.contains("Communications Act of 1934")),
        "{notes:#?}"
    );
}

#[test]
fn raw_text_without_blank_lines_keeps_its_title_and_tagged_headings() {
    let b = load("raw", "cn-thinktank-daily-brief-2026-07-04.txt");
    assert_eq!(
        b.meta.title.as_deref(),
        Some("国际科技智库动态简报（2026-07-04）")
    );
    let titles = titles(&b);
    for heading in [
        "新增概览",
        "P0/P1重点",
        "[P0] 中国军事AI后勤：和平收益与战时脆弱性",
        "[P0] 开放与控制的平衡：中国跨境健康数据与AI治理",
    ] {
        assert!(titles.contains(&squeeze(heading)), "{heading}: {titles:?}");
    }
    // The particulars under a tagged heading stay its text, one a line.
    assert!(
        b.paragraphs()
            .any(|p| squeeze(&p.text()) == squeeze("机构：Australian Strategic Policy Institute")),
    );
}

#[test]
fn a_byline_field_beside_another_names_the_author_and_keeps_the_line() {
    let b = load("layout", "tw-yda-minutes-2018.txt");
    assert_eq!(b.meta.authors, ["洪淑美"]);
    assert!(
        b.front_matter
            .iter()
            .any(|p| squeeze(&p.text()) == squeeze("主席：院長兼召集人賴清德 紀錄：洪淑美")),
        "{:#?}",
        b.front_matter
    );
}
