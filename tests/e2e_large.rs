//! End to end: a large brief is shown from its opening while the rest is
//! parsed; keys typed meanwhile, notes and the remembered place all land
//! on the whole brief.

pub mod support;

use std::path::{Path, PathBuf};

use support::{Session, gloss_output};

/// A Markdown brief of about 3 MB, well above the size that is staged,
/// whose last paragraph says `END-MARK`.
fn large_brief(dir: &Path) -> PathBuf {
    let mut s = String::from("# 大型簡報\n\n");
    let mut n = 0;
    while s.len() < 3 * 1024 * 1024 {
        s.push_str(&format!(
            "## 第 {n} 節\n\n美中雙方在北京峰會後同意恢復軍事溝通管道，但在半導體出口管制上仍有分歧 {n}。\n\n"
        ));
        n += 1;
    }
    s.push_str("## 最後一節\n\nEND-MARK 最後的段落。\n");
    let path = dir.join("large.md");
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn keys_typed_at_once_notes_and_the_place_land_on_the_whole_brief() {
    let home = tempfile::TempDir::new().unwrap();
    let brief = large_brief(home.path());
    let path = brief.to_str().unwrap();
    let mut s = Session::start(home.path(), &[path]);
    s.wait_text("第 0 節");
    // To the end at once: the key waits for the whole brief if need be.
    s.keys("G");
    s.wait_text("END-MARK");
    // A frame reaches the terminal in pieces: the status line of the frame
    // that shows the end may land a moment after its body.
    let end = s.wait_text("100%");
    assert!(end.contains("END-MARK"), "{end}");
    assert!(!end.contains("reading the rest"), "{end}");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("大檔案的筆記");
    s.keys("\x13");
    s.wait_text("note saved");
    s.keys("\x1b");
    s.quit();

    // Back at the end, with the note under its paragraph.
    let mut s = Session::start(home.path(), &[path]);
    let again = s.wait_text("大檔案的筆記");
    assert!(again.contains("END-MARK"), "{again}");
    s.quit();
    let listed = gloss_output(home.path(), &["notes", "list", path, "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let note = &listed["notes"][0];
    assert_eq!(note["text"], "大檔案的筆記", "{listed}");
    assert_eq!(note["status"], "anchored", "{listed}");
    // Near the end: far past what the opening held (a few hundred sections).
    let section = note["anchor"]["section"][1].as_str().unwrap_or_default();
    let n: usize = section
        .trim_start_matches("第 ")
        .trim_end_matches(" 節")
        .parse()
        .unwrap_or(0);
    assert!(n > 20_000, "{section}");
}

#[test]
fn quitting_while_the_rest_is_read_restores_the_terminal() {
    let home = tempfile::TempDir::new().unwrap();
    let brief = large_brief(home.path());
    let mut s = Session::start(home.path(), &[brief.to_str().unwrap()]);
    s.wait_text("第 0 節");
    s.quit();
    let raw = s.raw();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
    assert!(
        tail.contains("\x1b[?1049l"),
        "left the alternate screen: {tail:?}"
    );
}
