//! End to end in a pseudo-terminal: a brief reopens at the paragraph where
//! it was closed; the library lists a folder, filters across scripts, opens
//! a brief and comes back to the list; settings warnings reach the status
//! bar. Config and data folders are temporary.

pub mod support;

use std::path::Path;
use std::thread;
use std::time::Duration;

use support::{SEED, Session, pdf_doc};

/// The body's rows (right of the divider), trailing blanks dropped.
fn body(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.split_once('│').map(|(_, b)| b.trim_end().to_string()))
        .collect()
}

#[test]
fn a_brief_reopens_at_the_line_where_it_was_closed() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    let opening = s.wait_text("%  UTF-8");
    assert!(opening.contains(" 0%"), "{opening}");
    // Two sections on, then a few lines into a paragraph.
    s.keys("]");
    s.keys("]");
    s.keys("jjjj");
    s.wait_for(|now| body(now) != body(&opening), "the body to move");
    thread::sleep(Duration::from_millis(300));
    let before = s.screen();
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    let kept = std::fs::read_dir(home.path().join("data").join("state"))
        .unwrap()
        .count();
    assert_eq!(kept, 1, "one state file");

    let mut again = Session::start(home.path(), &[SEED]);
    // The cursor bar comes with the notes, a frame after the first (under
    // load the first frame may be caught).
    let reopened = again.wait_for(
        |now| now.contains("%  UTF-8") && now.contains('▎'),
        "the reader with its cursor bar",
    );
    assert!(!reopened.contains(" 0%"), "{reopened}");
    assert_eq!(body(&reopened), body(&before), "{reopened}");
    again.keys("q");
    assert_eq!(again.exit_code(), 0);
}

#[test]
fn the_library_filters_opens_a_brief_and_comes_back() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("briefs");
    std::fs::create_dir_all(folder.join("older")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join("older").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(folder.join("scan.md"), b"%PDF-1.7 binary").unwrap();
    let shown = folder.display().to_string();
    let mut s = Session::start(home.path(), &[&shown]);
    // Rows fill in as they are read.
    let list = s.wait_for(
        |now| now.contains("4/4 briefs") && !now.contains("reading…"),
        "every row read",
    );
    assert!(list.contains("⚠"), "the unreadable file is listed: {list}");
    assert!(list.contains("数字贸易规则"), "{list}");

    // A Traditional query finds the Simplified brief.
    s.keys("/數字貿易");
    s.wait_text("1/4 briefs");
    s.keys("\r");
    s.keys("\r");
    let reading = s.wait_text("§1/");
    assert!(reading.contains("林若文"), "{reading}");
    s.keys("G");
    s.wait_text("100%");

    // q returns to the library, where the brief now has a last reading.
    s.keys("q");
    let back = s.wait_text("briefs  sort:");
    let row = back
        .lines()
        .find(|l| l.contains("数字贸易规则"))
        .unwrap_or_else(|| panic!("{back}"));
    assert!(!row.trim_end().ends_with('—'), "last read is filled: {row}");

    // Opening it again picks up at the end.
    s.keys("\r");
    s.wait_text("100%");
    s.keys("q");
    s.wait_text("briefs  sort:");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
    assert!(!s.terminal().alternate_screen());
}

#[test]
fn settings_warnings_show_in_the_status_bar_then_go() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "colour = \"red\"\n").unwrap();
    let mut s = Session::start(home.path(), &[SEED]);
    let warned = s.wait_text("unknown key `colour`");
    let last = warned.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("unknown key"), "on the status bar: {warned}");
    // Gone after a few seconds, without a key press.
    s.wait_for(|now| !now.contains("unknown key"), "the warning to go");
    s.wait_text("%  UTF-8");
    s.keys("q");
    assert_eq!(s.exit_code(), 0);
}

/// A long report (`pages` pages) cut at half its bytes, as a broken
/// download leaves it, then padded with a hole to `len` bytes: a file the
/// size of a large scan that costs disk space only for its text.
fn cut_long_report(path: &Path, pages: usize, len: u64) {
    let pages: Vec<String> = (0..pages)
        .map(|i| pdf_doc::text("F1", 10, 72, 700, &format!("Page {i} of the long report.")))
        .collect();
    let whole = pdf_doc::pdf(&pages);
    let file = std::fs::File::create(path).unwrap();
    std::io::Write::write_all(&mut &file, &whole[..whole.len() / 2]).unwrap();
    file.set_len(len).unwrap();
}

/// Issue 20 #5: the library lists the folder at once and answers `q` while
/// cut long PDFs are still being read; their rows show the file name. (All
/// were read before the first frame: a folder of them showed a blank
/// screen that ignored `q` for half a minute.)
#[test]
fn the_library_answers_q_while_cut_long_pdfs_are_read() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("briefs");
    std::fs::create_dir_all(&folder).unwrap();
    for i in 0..6 {
        cut_long_report(&folder.join(format!("cut-{i}.pdf")), 5_000, 250 << 20);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    std::fs::copy(
        root.join("digital-trade-rules-zh-hans.md"),
        folder.join("digital-trade-rules-zh-hans.md"),
    )
    .unwrap();
    let shown = folder.display().to_string();
    let mut s = Session::start(home.path(), &[&shown]);
    // The text brief is read first, before the PDFs' turn.
    let list = s.wait_for(
        |now| now.contains("7/7 briefs") && now.contains("数字贸易规则"),
        "the list with the text brief read",
    );
    for i in 0..6 {
        assert!(list.contains(&format!("cut-{i}.pdf")), "{list}");
    }
    s.keys("q");
    assert_eq!(s.exit_code(), 0, "{}", s.screen());
    assert!(!s.terminal().alternate_screen());
}
