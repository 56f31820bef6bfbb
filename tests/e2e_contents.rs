//! End to end (issue 25 #8): a contents page reads as a contents list,
//! each entry on one line with its page at the right and no leaders, and
//! Enter on an entry jumps to its section (`Ctrl-O` comes back).

pub mod support;

use support::Session;

const PLAN: &str = "tests/corpus/text/us-americas-ai-action-plan-2025.txt";

/// The body's part of a screen row: right of the section list's divider.
fn body(row: &str) -> Option<&str> {
    row.split_once('│').map(|(_, b)| b.trim_end())
}

#[test]
fn a_contents_page_is_a_list_of_titles_and_pages_that_jump() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start_sized(home.path(), &[PLAN], 120, 40);
    s.wait_text("§1/");
    s.keys("/Strengthen AI Compute\r");
    let screen = s.wait_text("match 1 of");
    let rows: Vec<&str> = screen.lines().filter_map(body).collect();
    let entry = rows
        .iter()
        .find(|r| r.contains("Strengthen AI Compute Export Control Enforcement"))
        .unwrap_or_else(|| panic!("{screen}"));
    // One line: the page at the right edge of the body, no leaders.
    assert!(entry.ends_with(" 21"), "{entry:?}\n{screen}");
    assert!(!screen.contains("....."), "{screen}");
    let width = |r: &str| unicode_width::UnicodeWidthStr::width(r);
    let next = rows
        .iter()
        .find(|r| r.contains("Plug Loopholes in Existing Semiconductor"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert_eq!(width(entry), width(next), "pages line up:\n{screen}");
    // The entries follow each other without blank lines.
    let at = rows.iter().position(|r| r == entry).unwrap();
    assert_eq!(rows[at + 1], *next, "{screen}");

    // Enter on the entry (the search put the cursor there) jumps to its
    // section; Ctrl-O comes back.
    s.keys("\r");
    let there = s.wait_text("went to");
    let top = there
        .lines()
        .filter_map(body)
        .find(|r| !r.trim().is_empty());
    assert!(
        top.is_some_and(|r| r.contains("Strengthen AI Compute Export Control Enforcement")),
        "{there}"
    );
    s.keys("\x0f");
    let back = s.wait_for(|now| !now.contains("went to"), "Ctrl-O to come back");
    assert!(back.contains(" 21"), "{back}");
    assert!(back.contains("Plug Loopholes"), "{back}");
    s.quit();
}
