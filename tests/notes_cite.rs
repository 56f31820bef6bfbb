//! Issue 25, item 15: citations. `Y` leaves 《》 to Chinese titles;
//! `gloss notes list --format bibtex|ris|csl-json` gives a reference for
//! each brief noted, with the pages noted; `--format annotated` gives the
//! whole brief with each note under its paragraph and its quote marked.

pub mod support;

use support::{Session, gloss_output};

const CHINESE: &str = "briefs/digital-trade-rules-zh-hans.md";
const ENGLISH: &str = "briefs/semiconductor-export-controls.md";
const PDF: &str = "tests/corpus/pdf/tw-yda-minutes-2018.pdf";

fn add(home: &std::path::Path, brief: &str, quote: &str, text: &str) {
    gloss_output(
        home,
        &["notes", "add", brief, "--quote", quote, "--text", text],
    );
}

#[test]
fn references_name_each_brief_noted_with_its_date_series_and_pages() {
    let home = tempfile::TempDir::new().unwrap();
    add(
        home.path(),
        CHINESE,
        "是数字贸易规则定型的关键窗",
        "规则之争",
    );
    add(home.path(), PDF, "有關曾委員廣芝", "長照");

    let csl = gloss_output(home.path(), &["notes", "list", "--format", "csl-json"]);
    let items: serde_json::Value = serde_json::from_str(&csl).unwrap();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2, "{csl}");
    let chinese = items
        .iter()
        .find(|i| i["title"] == "数字贸易规则的竞合格局与中国的应对选择")
        .unwrap_or_else(|| panic!("{csl}"));
    assert_eq!(chinese["type"], "report");
    assert_eq!(chinese["author"][0]["literal"], "林若文");
    assert_eq!(
        chinese["issued"]["date-parts"],
        serde_json::json!([[2025, 6, 18]])
    );
    assert_eq!(chinese["collection-title"], "东海政策简报 第 27 期");
    let pdf = items.iter().find(|i| i["id"] != chinese["id"]).unwrap();
    assert_eq!(pdf["page"], "2", "{csl}");

    let bib = gloss_output(
        home.path(),
        &["notes", "list", CHINESE, "--format", "bibtex"],
    );
    assert!(bib.starts_with("@report{"), "{bib}");
    for field in [
        "title = {{数字贸易规则的竞合格局与中国的应对选择}}",
        "author = {林若文}",
        "year = {2025}",
        "date = {2025-06-18}",
        "series = {东海政策简报 第 27 期}",
    ] {
        assert!(bib.contains(field), "{field} in\n{bib}");
    }
    let bib = gloss_output(home.path(), &["notes", "list", PDF, "--format", "bibtex"]);
    assert!(bib.contains("pages = {2}"), "{bib}");

    let ris = gloss_output(home.path(), &["notes", "list", CHINESE, "--format", "ris"]);
    for line in [
        "TY  - RPRT",
        "AU  - 林若文",
        "PY  - 2025",
        "DA  - 2025/06/18/",
        "ER  - ",
    ] {
        assert!(ris.contains(line), "{line} in\n{ris}");
    }
}

#[test]
fn the_annotated_brief_puts_each_note_under_its_paragraph() {
    let home = tempfile::TempDir::new().unwrap();
    add(home.path(), ENGLISH, "weakest supplier", "the leak");
    add(
        home.path(),
        ENGLISH,
        "centre of economic statecraft",
        "why it matters",
    );
    let md = gloss_output(
        home.path(),
        &["notes", "list", ENGLISH, "--format", "annotated"],
    );
    // The whole brief is there, notes or not.
    assert!(md.contains("Enforcement capacity has not grown"), "{md}");
    assert!(
        md.contains("### Key Findings") || md.contains("## Key Findings"),
        "{md}"
    );
    // Quotes are marked, and each note follows its own paragraph.
    let statecraft = md
        .find("==centre of economic statecraft==")
        .expect("marked");
    let why = md.find("why it matters").unwrap();
    let supplier = md.find("==weakest supplier==").expect("marked");
    let leak = md.find("the leak").unwrap();
    assert!(
        statecraft < why && why < supplier && supplier < leak,
        "{md}"
    );
}

#[test]
fn capital_y_puts_no_chinese_brackets_around_an_english_title() {
    let home = tempfile::TempDir::new().unwrap();
    for (brief, bracketed) in [(ENGLISH, false), (CHINESE, true)] {
        let mut s = Session::start(home.path(), &[brief]);
        s.wait_text("§1/");
        s.keys("Y");
        s.wait_bytes(b"\x1b]52;c;");
        // The sequence ends with BEL once it is all written.
        let (raw, start, end) = loop {
            let raw = String::from_utf8_lossy(&s.raw()).into_owned();
            let start = raw.find("\x1b]52;c;").unwrap_or(0) + "\x1b]52;c;".len();
            if let Some(len) = raw[start..].find('\x07') {
                break (raw.clone(), start, start + len);
            }
            std::thread::sleep(std::time::Duration::from_millis(30));
        };
        use base64::Engine;
        let copied = base64::engine::general_purpose::STANDARD
            .decode(&raw[start..end])
            .unwrap();
        let copied = String::from_utf8(copied).unwrap();
        assert_eq!(copied.contains('《'), bracketed, "{copied}");
        if !bracketed {
            assert!(copied.contains("Chokepoints and Workarounds"), "{copied}");
        }
        s.quit();
    }
}
