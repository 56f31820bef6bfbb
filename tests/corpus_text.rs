//! The outline of real plain-text briefs (`tests/corpus/text/`, PDF text as
//! `pdftotext` gives it and one plain-text report): what a researcher sees
//! must be the document's own title, authors and headings, with page
//! furniture gone, text cut by pages made whole, and pages kept. The same
//! briefs extracted other ways (`tests/corpus/layout/`, `tests/corpus/raw/`:
//! `pdftotext -layout` sets table cells apart with runs of spaces and prints
//! a note's label on a line above it; `pdftotext -raw` leaves no blank line
//! in the whole text) must give the same outline.

use std::path::Path;

use gloss::brief::{Brief, load_path};

fn load(name: &str) -> Brief {
    load_from("text", name)
}

/// A brief of `tests/corpus/FOLDER`: `text` as `pdftotext` gives it,
/// `layout` and `raw` as `pdftotext -layout` and `-raw` do.
fn load_from(folder: &str, name: &str) -> Brief {
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

fn has_heading(b: &Brief, heading: &str) -> bool {
    titles(b).contains(&squeeze(heading))
}

/// Section titles, paragraphs and back matter: the body a reader reads.
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
        .map(|t| squeeze(&t))
        .collect()
}

fn joined(b: &Brief, sentence: &str) -> bool {
    let want = squeeze(sentence);
    b.paragraphs().any(|p| squeeze(&p.text()).contains(&want))
}

#[test]
fn a_running_header_on_the_cover_is_the_title_and_signatories_are_the_authors() {
    let b = load("us-americas-ai-action-plan-2025.txt");
    assert_eq!(b.meta.title.as_deref(), Some("AMERICA’S AI ACTION PLAN"));
    assert_eq!(b.meta.subtitle.as_deref(), Some("Winning the Race"));
    assert_eq!(
        b.meta.authors,
        ["Michael J. Kratsios", "David O. Sacks", "Marco A. Rubio"]
    );
    for heading in [
        "Introduction",
        "Pillar I: Accelerate AI Innovation",
        "Recommended Policy Actions",
    ] {
        assert!(has_heading(&b, heading), "{heading}");
    }
    // The running header, page numbers i, ii and 1… are gone from the body.
    let body = body(&b);
    for furniture in ["AMERICA’SAIACTIONPLAN", "ii", "1"] {
        assert!(!body.contains(&furniture.to_string()), "{furniture}");
    }
    // The contents page is front matter, its dotted lines no headings.
    assert!(b.front_matter.iter().any(|p| p.text().contains("....")));
    assert!(titles(&b).iter().all(|t| !t.contains("....")));
}

#[test]
fn paragraphs_carry_the_page_numbers_printed_on_their_pages() {
    let b = load("us-americas-ai-action-plan-2025.txt");
    let intro = b
        .sections
        .iter()
        .find(|s| s.title.as_deref() == Some("Introduction"))
        .expect("an Introduction section");
    assert_eq!(intro.paragraphs[0].pages, ["1"]);
    // A paragraph cut by a page break is whole again and names both pages.
    let cut = b
        .paragraphs()
        .find(|p| p.pages.len() == 2)
        .expect("a paragraph over two pages");
    let pages: Vec<u32> = cut.pages.iter().map(|p| p.parse().unwrap_or(0)).collect();
    assert_eq!(pages[1], pages[0] + 1, "{:?}", cut.pages);
}

#[test]
fn table_cells_and_form_fields_of_an_agenda_are_no_headings() {
    let b = load("tw-yda-roadshow-agenda-2019.txt");
    assert_eq!(
        b.meta.title.as_deref(),
        Some("行政院青年諮詢委員會第 2 屆第 1 場巡迴座談議程")
    );
    assert!(titles(&b).is_empty(), "{:?}", titles(&b));
    assert!(joined(&b, "行政院唐政務委員兼副召集人鳳致詞"));
}

#[test]
fn minutes_keep_their_agenda_items_and_name_the_minute_taker() {
    let b = load("tw-yda-minutes-2018.txt");
    assert_eq!(b.meta.authors, ["洪淑美"]);
    for heading in [
        "壹、 主席致詞",
        "貳、 頒發聘書",
        "柒、 散會：下午 4 時 20 分",
    ] {
        assert!(has_heading(&b, heading), "{heading}");
    }
    assert!(!has_heading(&b, "紀錄：洪淑美"));
    assert!(
        joined(&b, "啟動新住民及其二代子女的母語學習"),
        "rejoined over page 1's number"
    );
}

#[test]
fn a_work_report_has_its_title_speaker_and_run_in_headings() {
    let b = load("cn-jilin-government-work-report-2025.txt");
    assert_eq!(b.meta.title.as_deref(), Some("2025年吉林省政府工作报告"));
    assert_eq!(b.meta.authors, ["胡玉亭"]);
    assert!(has_heading(&b, "一、2024年工作回顾"));
    assert!(has_heading(
        &b,
        "（二）聚焦科技创新和产业创新融合发展，着力建设现代化产业体系。"
    ));
    // The run-in heading's paragraph keeps the rest of its text.
    assert!(joined(&b, "坚持教育科技人才产业一体化发展"));
}

#[test]
fn a_digest_lists_its_entries_under_headings_and_its_index_as_items() {
    let b = load("cn-thinktank-daily-brief-2026-07-04.txt");
    assert_eq!(
        b.meta.title.as_deref(),
        Some("国际科技智库动态简报（2026-07-04）")
    );
    assert!(has_heading(&b, "[P0] 衡量AI研发自动化"));
    assert!(!has_heading(&b, "新增条目：93"));
    assert!(joined(
        &b,
        "[P1] Information Technology and Innovation Foundation｜中国生物医药竞争力上升要求美国回应"
    ));
}

#[test]
fn lettered_and_capitalised_numbering_and_wrapped_headings() {
    let b = load("eu-edpb-territorial-scope-2020.txt");
    for heading in [
        "1 APPLICATION OF THE ESTABLISHMENT CRITERION - ART 3(1)",
        "a) “An establishment in the Union”",
        "3 PROCESSING IN A PLACE WHERE MEMBER STATE LAW APPLIES BY VIRTUE OF PUBLIC INTERNATIONAL LAW",
    ] {
        assert!(has_heading(&b, heading), "{heading}");
    }
    assert!(!body(&b).contains(&"Adopted".to_string()));
}

#[test]
fn a_command_paper_takes_its_headings_from_its_contents_page() {
    let b = load("uk-ai-opportunities-response-2025.txt");
    assert_eq!(
        b.meta.title.as_deref(),
        Some("AI Opportunities Action Plan Government Response")
    );
    assert!(b.meta.authors.is_empty(), "{:?}", b.meta.authors);
    for heading in [
        "Foreword by the Prime Minister",
        "Lay the foundations to enable AI",
    ] {
        assert!(has_heading(&b, heading), "{heading}");
    }
    for cell in [
        "Recommendation 7",
        "Spring 2025",
        "Agree. DSIT will set out how the UK",
    ] {
        assert!(!has_heading(&b, cell), "{cell}");
    }
    // A footnote printed inside the paragraph at the page foot steps aside.
    assert!(joined(
        &b,
        "delivers benefits to the local area, the UKAEA’s fusion energy mission and the UK’s wider national AI infrastructure. The government and UKAEA will seek"
    ));
}

#[test]
fn every_corpus_text_loads_and_keeps_every_visible_character() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/text");
    for entry in std::fs::read_dir(&dir).expect("the corpus folder") {
        let path = entry.expect("an entry").path();
        let b = load_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(b.paragraphs().count() > 0, "{}", path.display());
    }
}

#[test]
fn without_form_feeds_the_page_numbers_still_end_the_pages() {
    // What `pdftotext -nopgbrk` gives: the same lines, no form feeds.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/text/uk-ai-opportunities-response-2025.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let b = gloss::brief::text::parse(&text.replace('\u{c}', ""));
    let body = body(&b);
    for number in ["5", "8", "13", "20"] {
        assert!(!body.contains(&number.to_string()), "page number {number}");
    }
    assert!(joined(
        &b,
        "delivers benefits to the local area, the UKAEA’s fusion energy mission and the UK’s wider national AI infrastructure. The government and UKAEA will seek"
    ));
    let foreword = b
        .sections
        .iter()
        .find(|s| s.title.as_deref() == Some("Foreword by the Prime Minister"))
        .expect("the foreword");
    assert_eq!(foreword.paragraphs[0].pages, ["4"]);
}

#[test]
fn labelled_footnotes_under_their_markers_go_to_the_back_matter() {
    let b = load("eu-edpb-territorial-scope-2020.txt");
    let note = b
        .back_matter
        .iter()
        .find(|p| p.text() == "9 Weltimmo, paragraph 31.")
        .expect("footnote 9 in the back matter");
    assert_eq!(note.kind, gloss::brief::ParagraphKind::Footnote);
    assert_eq!(note.pages, ["6"]);
    let in_sections = b
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .any(|p| p.text() == "9 Weltimmo, paragraph 31.");
    assert!(!in_sections, "the note left the text");
    // Its mark in the text is a reference of its own; the text is unchanged.
    let marked = b
        .paragraphs()
        .flat_map(|p| {
            p.spans
                .windows(2)
                .map(|w| (w[0].clone(), w[1].clone()))
                .collect::<Vec<_>>()
        })
        .find(|(_, mark)| mark.style.note && mark.text == "9")
        .expect("the mark of note 9");
    assert!(marked.0.text.ends_with("“stable arrangement"), "{marked:?}");
}

#[test]
fn a_layout_table_header_row_heads_nothing() {
    let b = load_from("layout", "uk-ai-opportunities-response-2025.txt");
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
    let b = load_from("layout", "us-americas-ai-action-plan-2025.txt");
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
    let b = load_from("raw", "cn-thinktank-daily-brief-2026-07-04.txt");
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
    let b = load_from("layout", "tw-yda-minutes-2018.txt");
    assert_eq!(b.meta.authors, ["洪淑美"]);
    assert!(
        b.front_matter
            .iter()
            .any(|p| squeeze(&p.text()) == squeeze("主席：院長兼召集人賴清德 紀錄：洪淑美")),
        "{:#?}",
        b.front_matter
    );
}
