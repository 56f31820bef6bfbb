//! End to end: notes typed into the real binary in a pseudo-terminal
//! survive a restart, and `gloss notes list` sees them.

pub mod support;

use support::{SEED, Session, gloss_output};

#[test]
fn a_note_and_a_tag_typed_in_the_reader_are_there_after_a_restart() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    s.wait_text("§1/");
    // Cursor to the second paragraph, a note in two lines, Ctrl-S saves.
    s.keys("J");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("終端機筆記 pty");
    s.keys("\r");
    s.keys("第二行");
    s.keys("\x13");
    s.wait_text("note saved");
    s.keys("t");
    s.wait_text("Tab completes");
    s.keys("外交 G2\r");
    s.wait_text("tags saved");
    s.quit();

    let mut s = Session::start(home.path(), &[SEED]);
    let screen = s.wait_text("終端機筆記 pty");
    assert!(screen.contains("第二行  #外交 #G2"), "{screen}");
    let marked = screen
        .lines()
        .filter(|l| l.contains("│✎") && !l.contains("終端機筆記"))
        .count();
    assert_eq!(marked, 1, "one paragraph carries the mark:\n{screen}");
    s.keys("M");
    let pane = s.wait_text("Notes 1 of 1");
    assert!(pane.contains("#外交 #G2"), "{pane}");
    s.keys("\x1b");
    s.quit();

    let listed = gloss_output(home.path(), &["notes", "list", SEED, "--format", "json"]);
    assert!(listed.contains("終端機筆記 pty\\n第二行"), "{listed}");
    assert!(listed.contains("\"G2\""), "{listed}");
    assert!(listed.contains("anchored"), "{listed}");
}

/// Issue 20 #6: a teammate's store with 240,000 notes on one paragraph
/// takes seconds to read and anchor; the reader shows the brief at once
/// and `q` quits at once, before the notes are read, leaving every store
/// as it was. (The notes were read before any key was: `q` waited for
/// them, and `PATIENCE` runs out first on a debug build.)
#[test]
fn the_reader_quits_while_a_huge_team_store_is_read() {
    let home = tempfile::TempDir::new().unwrap();
    let brief = home.path().join("memo.md");
    std::fs::write(
        &brief,
        "# 美中關係\n\n第一段：兩國元首作為掌舵人，應當把握好方向。\n\n第二段 about APEC.\n",
    )
    .unwrap();
    let shown = brief.display().to_string();
    let args = [
        "notes",
        "add",
        &shown,
        "--quote",
        "兩國元首",
        "--text",
        "mine",
    ];
    gloss_output(home.path(), &args);
    let notes = home.path().join("data/notes");
    let folder = std::fs::read_dir(&notes)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let own = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let mine: serde_json::Value = serde_json::from_slice(&std::fs::read(&own).unwrap()).unwrap();
    let template = serde_json::to_string(&mine["notes"][0]).unwrap();
    let id = mine["notes"][0]["id"].as_str().unwrap().to_string();
    let mut many = Vec::with_capacity(240_000);
    for i in 0..240_000 {
        many.push(template.replace(&id, &format!("00000000-0000-4000-8000-{i:012}")));
    }
    let team = format!(
        r#"{{"schema":1,"brief":{},"contexts":{},"notes":[{}]}}"#,
        mine["brief"],
        mine["contexts"],
        many.join(",")
    );
    let theirs = folder.join("mallory-0000.json");
    std::fs::write(&theirs, &team).unwrap();
    let own_before = std::fs::read(&own).unwrap();

    let mut s = Session::start(home.path(), &[&shown]);
    s.wait_text("第一段");
    s.quit();
    assert_eq!(std::fs::read(&own).unwrap(), own_before);
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), team);
}
