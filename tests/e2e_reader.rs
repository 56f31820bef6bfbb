//! End to end: the real binary in a pseudo-terminal. Keys go in as bytes,
//! the screen comes back through a terminal emulator (vt100).

pub mod support;

use std::path::{Path, PathBuf};

use gloss::app::Doc;
use support::{SEED, Session};
use tempfile::TempDir;

/// gloss at `cols`×`rows` with settings and notes folders of its own.
fn start(args: &[&str], cols: u16, rows: u16) -> (Session, TempDir) {
    let home = TempDir::new().unwrap();
    (Session::start_sized(home.path(), args, cols, rows), home)
}

fn seed_doc() -> Doc {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    Doc::new(gloss::brief::load_path(&path).unwrap())
}

/// The first few characters of block `i`, as they start its first line.
fn opening(doc: &Doc, i: usize) -> String {
    doc.text(i).chars().take(4).collect()
}

fn body_rows(screen: &str) -> Vec<String> {
    screen.lines().map(str::to_string).collect()
}

#[test]
fn read_scroll_jump_search_resize_and_quit() {
    let doc = seed_doc();
    let (mut s, _home) = start(&[SEED], 100, 30);
    let first = s.wait_text(&opening(&doc, 0));
    assert!(first.contains("§1/"), "{first}");
    assert!(first.contains("0%"), "{first}");
    assert!(s.terminal().alternate_screen());

    // Scroll: three lines down moves the text up by three rows.
    s.keys("jjj");
    let scrolled = s.wait_for(|now| now != first, "the body to scroll");
    let (before, after) = (body_rows(&first), body_rows(&scrolled));
    // Cleared cells and written blanks read back differently; only the text counts.
    let body = |row: &String| row.split_once('│').map(|(_, b)| b.trim_end().to_string());
    assert!(body(&after[2]).is_some(), "{scrolled}");
    assert_eq!(body(&before[2 + 3]), body(&after[2]), "{scrolled}");

    // To the end, then back with a jump to the first section in the list.
    s.keys("G");
    let end = s.wait_text("100%");
    assert!(!end.contains(&opening(&doc, 0)), "{end}");
    s.keys("\t");
    s.keys("g");
    s.keys("\r");
    s.wait_text(&opening(&doc, doc.entries[0].first_block));
    s.wait_text(" 0%");

    // Search: every match counted, the first one current.
    s.keys("/習近平");
    let searching = s.wait_text("match 1 of ");
    assert!(searching.contains("/習近平"), "{searching}");
    s.keys("\r");
    s.keys("n");
    s.wait_text("match 2 of ");
    s.keys("\x1b");
    s.wait_for(|now| !now.contains("match 2 of"), "Esc to clear the search");

    // Resize: the status bar follows the last row at once.
    s.resize(60, 20);
    let small = s.wait_for(
        |now| now.lines().nth(19).is_some_and(|l| l.contains("§1/")),
        "the status bar on row 20",
    );
    assert!(small.lines().all(|l| l.chars().count() <= 60), "{small}");

    // Help overlay, closed by Esc, then quit.
    s.keys("?");
    s.wait_text("Keys");
    s.keys("\x1b");
    s.wait_for(|now| !now.contains("Keys ·"), "the help to close");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    let screen = s.terminal();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is off again"
    );
    let raw = s.raw();
    assert!(!raw.is_empty());
}

#[test]
fn the_wheel_scrolls_and_a_click_on_a_section_jumps() {
    let doc = seed_doc();
    let (mut s, _home) = start(&[SEED], 100, 30);
    let first = s.wait_text(&opening(&doc, 0));
    // SGR mouse reports: wheel down (button 65) over the body, twice.
    s.keys("\x1b[<65;60;10M");
    s.keys("\x1b[<65;60;10M");
    let row = |screen: &str, n: usize| {
        let line = screen.lines().nth(n)?;
        // The first column after the divider is the notes gutter (cursor bar).
        let body = line.split_once('│')?.1;
        Some(
            body.chars()
                .skip(1)
                .collect::<String>()
                .trim_end()
                .to_string(),
        )
    };
    s.wait_for(
        |now| row(now, 2) == row(&first, 2 + 6),
        "the wheel to scroll six lines",
    );
    // A left click on the first entry of the section list (row 3).
    s.keys("\x1b[<0;5;3M\x1b[<0;5;3m");
    s.wait_for(|now| row(now, 2) == row(&first, 2), "the jump");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn a_missing_file_is_one_line_and_exit_1_without_touching_the_terminal() {
    let (mut s, _home) = start(&["no/such/brief.md"], 80, 24);
    assert_eq!(s.exit_code(), 1);
    let screen = s.wait_text("gloss: error:");
    let errors: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(errors.len(), 1, "{screen}");
    assert!(errors[0].contains("no such file"), "{screen}");
    assert!(!s.terminal().alternate_screen());
    let raw = s.raw();
    assert!(
        !raw.windows(8).any(|w| w == b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
}
