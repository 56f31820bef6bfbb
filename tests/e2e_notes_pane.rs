//! End to end (issue 25, items 4 and 5): the notes pane names the front
//! matter as the section list does, and treats teammates' notes with care.

pub mod support;

use support::{SEED, Session, gloss_output};

/// The id of the first front-matter paragraph of the sample brief.
fn front_matter_id(home: &std::path::Path) -> String {
    let outline = gloss_output(home, &["outline", "--json", SEED]);
    let v: serde_json::Value = serde_json::from_str(&outline).unwrap();
    v["front_matter"][0]["id"].as_str().unwrap().to_string()
}

#[test]
fn the_pane_names_the_front_matter_as_the_section_list_does() {
    let home = tempfile::TempDir::new().unwrap();
    let front = front_matter_id(home.path());
    gloss_output(
        home.path(),
        &["notes", "add", SEED, "--para", &front, "--text", "圖說"],
    );
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("M");
    let screen = s.wait_text("Notes 1 of 1");
    assert!(screen.contains("UTC · Front matter"), "{screen}");
    assert!(!screen.contains("(no section)"), "{screen}");
    s.keys("\x1b");
    s.quit();
}
