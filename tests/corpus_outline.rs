//! The outline of trimmed excerpts of real Markdown policy documents
//! (`tests/corpus/`, from the development corpus): titles, headings and
//! their levels, authors, and no markup in the body.

use std::path::Path;

use gloss::brief::{Brief, load_path};

fn load(name: &str) -> Brief {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name);
    load_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (level, title) of every titled section.
fn headings(b: &Brief) -> Vec<(u8, String)> {
    b.sections
        .iter()
        .filter_map(|s| Some((s.level, s.title.clone()?)))
        .collect()
}

/// Section titles, section paragraphs and back matter: where markup must not be.
fn body(b: &Brief) -> Vec<String> {
    b.sections
        .iter()
        .flat_map(|s| {
            s.title
                .iter()
                .cloned()
                .chain(s.paragraphs.iter().map(|p| p.text()))
        })
        .chain(b.back_matter.iter().map(|p| p.text()))
        .collect()
}

fn assert_absent(b: &Brief, markup: &[&str]) {
    for text in body(b) {
        for m in markup {
            assert!(
                text.trim() != *m && !(m.chars().count() >= 8 && text.contains(m)),
                "{m:?} in {text:?}"
            );
        }
    }
}

#[test]
fn bold_only_headings_give_the_title_and_the_sections() {
    let b = load("cn-ai-oss-bluebook-ch5.md");
    assert_eq!(
        b.meta.title.as_deref(),
        Some("第五章 推动中国AI开源生态发展的方略建议")
    );
    let h = headings(&b);
    let titles: Vec<&str> = h.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(titles.len(), 7, "{titles:?}");
    assert!(
        titles[1..].iter().all(|t| t.starts_with("5.")),
        "{titles:?}"
    );
    assert!(
        h[1..]
            .iter()
            .all(|(level, _)| *level == h[1].0 && *level > h[0].0)
    );
    // The bold lead sentences stay paragraphs of 5.1.
    let lead = b.sections[1].paragraphs[0].text();
    assert!(
        lead.starts_with("发展原则：") && lead.contains('\n'),
        "{lead}"
    );
    assert!(b.meta.authors.is_empty());
}

#[test]
fn hackmd_containers_and_raw_html_leave_no_markup() {
    let b = load("tw-ocf-open-gov-report-ch1.md");
    assert_eq!(b.meta.title.as_deref(), Some("1. 法律及政策"));
    let h = headings(&b);
    assert_eq!(h[1], (2, "關鍵結論".to_string()));
    assert_eq!(h[2].0, 3);
    assert!(
        h.iter()
            .any(|(l, t)| *l == 3 && t == "參與和協作的法制歷程")
    );
    assert!(
        h.iter()
            .any(|(l, t)| *l == 3 && t == "現行架構中遇到的困難")
    );
    assert_absent(
        &b,
        &[
            ":::success",
            ":::",
            "<div class=\"figure\">",
            "</div>",
            "<td>面向</td>",
        ],
    );
    // The HTML table gives rows of cells; the caption's brackets are text.
    let all: Vec<String> = body(&b);
    assert!(all.iter().any(|t| t.starts_with("面向 | 意涵 | 內容")));
    assert!(all.iter().any(|t| t.starts_with("<圖表 1.1>")));
    // The two-line footnote is one paragraph.
    assert!(all.iter().any(|t| t.contains("NICI 要點停止適用。參考")));
}

#[test]
fn the_byline_names_the_writer_and_the_front_matter_author_is_the_column() {
    let b = load("hk-hkcnews-district-council-open-data.md");
    assert_eq!(b.meta.authors, ["周穗斌"]);
    assert_eq!(b.meta.series.as_deref(), Some("開放數據觀察"));
    let h = headings(&b);
    assert_eq!(h.len(), 3);
    assert!(h[1..].iter().all(|(level, _)| *level == 3));
    assert_absent(&b, &["---", "category: \"眾說\"", "<figure>", "</figure>"]);
    let captions: Vec<String> = b
        .paragraphs()
        .filter(|p| p.kind == gloss::brief::ParagraphKind::Caption)
        .map(|p| p.text())
        .collect();
    assert_eq!(captions.len(), 3, "{captions:?}");
}

#[test]
fn kramdown_memo_gives_signatories_and_clean_text() {
    let b = load("us-omb-m-13-13-open-data-policy.md");
    assert_eq!(
        b.meta.authors,
        [
            "Sylvia M. Burwell",
            "Steven VanRoekel",
            "Todd Park",
            "Dominic J. Mancini"
        ]
    );
    let h = headings(&b);
    assert!(h.contains(&(5, "a. Use machine-readable and open formats".to_string())));
    assert_absent(
        &b,
        &[
            "{:toc}",
            "{: #from}",
            "layout: default",
            "Policy&#8212;Managing",
            "Table of Contents",
        ],
    );
    let all = body(&b);
    assert!(
        all.iter()
            .any(|t| t == "Subject: Open Data Policy—Managing Information as an Asset")
    );
    assert!(all.iter().any(|t| t.ends_with(
        "available at https://www.whitehouse.gov/sites/default/files/omb/assets/egov_docs/common_approach_to_federal_ea.pdf"
    )));
}

#[test]
fn a_clean_document_keeps_its_outline() {
    let b = load("tw-nics-reliability-principles.md");
    assert_eq!(b.meta.title.as_deref(), Some("可靠性設計原則"));
    assert_eq!(
        headings(&b)[1..3],
        [
            (2, "針對業務需求進行設計".to_string()),
            (
                3,
                "目標：收集業務需求，並專注於工作負載的預期作用".to_string()
            )
        ]
    );
    assert!(b.meta.authors.is_empty());
    assert_absent(&b, &["| --- | --- |", "|------|------|", ">"]);
}
