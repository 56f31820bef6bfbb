//! End to end: passages selected in the real binary in a pseudo-terminal,
//! noted and exported; search in the compare view.

pub mod support;

use support::{SEED, Session, gloss_output};

#[test]
fn a_note_on_a_searched_phrase_exports_exactly_that_phrase() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("/川習同意美中應建立\r");
    s.wait_text("match 1 of 1");
    s.keys("v");
    s.wait_text("SELECT 9 chars");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("一段話");
    s.keys("\x13");
    let screen = s.wait_text("note saved");
    assert!(screen.contains("「川習同意美中應建立」 一段話"), "{screen}");
    s.quit();

    let listed = gloss_output(home.path(), &["notes", "list", SEED, "--format", "w3c"]);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let target = &items[0]["target"];
    assert_eq!(target["selector"]["type"], "TextQuoteSelector");
    assert_eq!(target["selector"]["exact"], "川習同意美中應建立");
    assert!(
        target["selector"]["prefix"]
            .as_str()
            .unwrap()
            .ends_with("白宮的新聞資料則指出，"),
        "{target}"
    );
    assert!(target["gloss:paragraph"].as_str().unwrap().starts_with('p'));
}

#[test]
fn search_works_in_the_compare_view() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("C");
    s.wait_text("对照");
    s.keys("/台湾");
    let screen = s.wait_text("match 1 of 7");
    assert!(screen.contains("对照 原文 │ 简体"), "{screen}");
    s.keys("\r");
    s.keys("n");
    s.wait_text("match 2 of 7");
    s.quit();
}

#[test]
fn y_hands_exactly_the_selection_to_the_terminal_as_osc_52() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("/川習同意美中應建立\r");
    s.wait_text("match 1 of 1");
    s.keys("v");
    s.wait_text("SELECT 9 chars");
    s.keys("y");
    s.wait_text("copied text (9 characters)");
    // base64 of the UTF-8 of 川習同意美中應建立.
    let expected = b"\x1b]52;c;5bed57+S5ZCM5oSP576O5Lit5oeJ5bu656uL\x07";
    s.wait_bytes(expected);
    // In Simplified, the copy is Simplified: 川习同意美中应建立.
    s.keys("c");
    s.wait_text("简体");
    s.keys("vy");
    s.wait_bytes(b"\x1b]52;c;5bed5Lmg5ZCM5oSP576O5Lit5bqU5bu656uL\x07");
    s.quit();
}

#[test]
fn a_note_on_a_phrase_selected_in_the_compare_view_exports_exactly_that_phrase() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("C");
    s.wait_text("对照");
    s.keys("/川習同意美中應建立\r");
    s.wait_text("match 1 of 1");
    s.keys("v");
    s.wait_text("SELECT 9 chars");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("對照中的筆記");
    s.keys("\x13");
    s.wait_text("note saved");
    s.quit();

    let listed = gloss_output(home.path(), &["notes", "list", SEED, "--format", "w3c"]);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let selector = &items[0]["target"]["selector"];
    assert_eq!(selector["exact"], "川習同意美中應建立");
}
