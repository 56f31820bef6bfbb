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
