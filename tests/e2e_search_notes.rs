//! End to end (issue 25, item 3): after a search the paragraph cursor is
//! on the match's paragraph, a match in a heading notes the paragraph under
//! it, and `V` selects the last selection again.

pub mod support;

use support::{SEED, Session, gloss_output};

/// The only place the sample brief says 美中外交交鋒: a section title.
const IN_A_HEADING: &str = "美中外交交鋒";
/// The start of the first paragraph under that title.
const UNDER_IT: &str = "習近平指出";

/// The notes of the sample brief as W3C items.
fn w3c_items(home: &std::path::Path) -> Vec<serde_json::Value> {
    let listed = gloss_output(home, &["notes", "list", SEED, "--format", "w3c"]);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    json["first"]["items"].as_array().unwrap().clone()
}

/// The paragraph text a W3C item's note hangs on, from the JSON listing.
fn noted_paragraphs(home: &std::path::Path) -> Vec<String> {
    let listed = gloss_output(home, &["notes", "list", SEED, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    json["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["anchor"]["quote"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_paragraph_note_after_a_heading_match_goes_under_that_heading() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys(&format!("/{IN_A_HEADING}\r"));
    s.wait_text("match 1 of 1");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("標題下");
    s.keys("\x13");
    s.wait_text("note saved");
    s.quit();

    let paragraphs = noted_paragraphs(home.path());
    assert_eq!(paragraphs.len(), 1);
    assert!(paragraphs[0].starts_with(UNDER_IT), "{paragraphs:?}");
}

#[test]
fn v_a_on_a_heading_match_notes_a_passage_of_the_paragraph_under_it() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys(&format!("/{IN_A_HEADING}\r"));
    s.wait_text("match 1 of 1");
    s.keys("v");
    s.wait_text("SELECT 1 char");
    s.keys("w");
    s.keys("a");
    let screen = s.wait_text("Ctrl-S save");
    assert!(!screen.contains("takes no notes"), "{screen}");
    s.keys("開頭");
    s.keys("\x13");
    s.wait_text("note saved");
    s.quit();

    let items = w3c_items(home.path());
    assert_eq!(items.len(), 1);
    let exact = items[0]["target"]["selector"]["exact"].as_str().unwrap();
    assert_eq!(exact, "習近平指出：");
    assert!(noted_paragraphs(home.path())[0].starts_with(UNDER_IT));
}

#[test]
fn capital_v_selects_again_what_y_copied_so_a_notes_it() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("/川習同意美中應建立\r");
    s.wait_text("match 1 of 1");
    s.keys("v");
    s.wait_text("SELECT 9 chars");
    s.keys("y");
    s.wait_text("copied text (9 characters)");
    s.keys("V");
    s.wait_text("SELECT 9 chars");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("再選");
    s.keys("\x13");
    let screen = s.wait_text("note saved");
    assert!(screen.contains("「川習同意美中應建立」 再選"), "{screen}");
    s.quit();

    let items = w3c_items(home.path());
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0]["target"]["selector"]["exact"],
        "川習同意美中應建立"
    );
}

#[test]
fn capital_v_without_an_earlier_selection_says_so() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("V");
    let screen = s.wait_text("no earlier selection");
    assert!(!screen.contains("SELECT"), "{screen}");
    s.quit();
}

#[test]
fn a_search_finds_the_other_regions_word_and_w_turns_that_off() {
    let home = tempfile::TempDir::new().unwrap();
    let brief = home.path().join("cn.md");
    std::fs::write(
        &brief,
        "# 数字经济\n\n信息安全是重点。\n\n软件供应链的数据治理。\n\n資訊與軟體。\n",
    )
    .unwrap();
    let mut s = Session::start(home.path(), &[brief.to_str().unwrap()]);
    s.wait_text("信息安全");
    s.keys("/資訊\r");
    s.wait_for(
        |screen| screen.contains("of 2") && screen.contains("⇄regions"),
        "資訊 and 信息 both found",
    );
    s.keys("w");
    s.wait_for(
        |screen| screen.contains("match 1 of 1") && screen.contains("as typed"),
        "only 資訊 found",
    );
    s.keys("w\x1b/軟體\r");
    s.wait_for(|screen| screen.contains("of 2"), "軟體 and 软件 both found");
    s.keys("\x1b/資料\r");
    s.wait_for(
        |screen| screen.contains("match 1 of 1") && screen.contains("⇄regions"),
        "数据 found for 資料",
    );
    s.quit();
}
