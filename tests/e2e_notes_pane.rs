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

/// Sets the name notes are recorded under for `home`'s config.
fn be(home: &std::path::Path, author: &str) {
    let config = home.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!("author = \"{author}\"\n"),
    )
    .unwrap();
}

/// Bob's note on the first front-matter paragraph; now the reader is Ann.
fn bobs_note_read_by_ann(home: &std::path::Path) {
    be(home, "Bob");
    let front = front_matter_id(home);
    gloss_output(
        home,
        &[
            "notes",
            "add",
            SEED,
            "--para",
            &front,
            "--text",
            "鮑勃的筆記",
        ],
    );
    be(home, "Ann");
}

#[test]
fn d_in_the_pane_asks_before_deleting_a_teammates_note() {
    let home = tempfile::TempDir::new().unwrap();
    bobs_note_read_by_ann(home.path());
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("M");
    s.wait_text("Notes 1 of 1");
    s.keys("d");
    s.wait_text("delete Bob's note? y deletes it");
    // Any key but y keeps it.
    s.keys("n");
    let screen = s.wait_text("note kept");
    assert!(screen.contains("Notes 1 of 1"), "{screen}");
    s.keys("d");
    s.wait_text("delete Bob's note?");
    s.keys("y");
    s.wait_text("Notes 0 of 0");
    s.keys("\x1b");
    s.quit();
    let listed = gloss_output(home.path(), &["notes", "list", SEED, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(json["notes"].as_array().unwrap().len(), 0, "{listed}");
}

#[test]
fn an_edit_to_a_teammates_note_is_credited_in_the_pane_and_the_exports() {
    let home = tempfile::TempDir::new().unwrap();
    bobs_note_read_by_ann(home.path());
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    s.keys("M");
    s.wait_text("Notes 1 of 1");
    s.keys("e");
    s.wait_text("Ctrl-S save");
    s.keys("，安補充");
    s.keys("\x13");
    s.wait_text("note saved");
    s.keys("M");
    let screen = s.wait_text("Notes 1 of 1");
    assert!(screen.contains("Bob · edited by Ann"), "{screen}");
    s.keys("\x1b");
    s.quit();

    let csv = gloss_output(home.path(), &["notes", "list", SEED, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[col("author")], "Bob");
    assert_eq!(&row[col("modified_by")], "Ann");
    assert!(row[col("note")].ends_with("安補充"), "{row:?}");

    let w3c = gloss_output(home.path(), &["notes", "list", SEED, "--format", "w3c"]);
    let json: serde_json::Value = serde_json::from_str(&w3c).unwrap();
    let item = &json["first"]["items"][0];
    assert_eq!(item["creator"]["name"], "Bob");
    assert_eq!(item["contributor"]["name"], "Ann");

    let md = gloss_output(home.path(), &["notes", "list", SEED]);
    assert!(md.contains("Bob · edited by Ann"), "{md}");
}
