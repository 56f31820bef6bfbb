//! End to end (issue 25 #6): `f` follows the footnote marks of a text
//! extraction and the web addresses written out in its text; with several
//! in the paragraph it lists them, Enter follows one, `Ctrl-O` comes back.

pub mod support;

use support::Session;

/// A text extraction of a PDF whose notes sit at each page's foot.
const PLAN: &str = "tests/corpus/text/us-americas-ai-action-plan-2025.txt";

#[test]
fn f_lists_a_paragraphs_note_marks_and_enter_jumps_to_the_note() {
    let home = tempfile::TempDir::new().unwrap();
    let mut s = Session::start_sized(home.path(), &[PLAN], 120, 30);
    s.wait_text("§1/");
    // The paragraph that ends "…Investment Accelerator. 21, 22, 23, 24".
    s.keys("/Investment Accelerator\r");
    s.wait_text("match 1 of");
    s.keys("f");
    let list = s.wait_text("Links ·");
    for mark in ["[22]", "[23]", "[24]"] {
        assert!(list.contains(mark), "{list}");
    }
    assert!(list.contains("Presidential Memorandum"), "{list}");
    s.keys("j\r");
    let note = s.wait_text("went to [23]");
    assert!(
        note.contains("23 Executive Order 14213"),
        "the note is on screen: {note}"
    );
    s.keys("\x0f");
    let back = s.wait_for(|now| !now.contains("went to"), "Ctrl-O to come back");
    assert!(back.contains("Investment Accelerator"), "{back}");
    assert!(!back.contains("23 Executive Order 14213"), "{back}");
    // Esc closes the list without going anywhere.
    s.keys("f");
    s.wait_text("Links ·");
    s.keys("\x1b");
    let closed = s.wait_for(|now| !now.contains("Links ·"), "Esc to close the list");
    assert!(closed.contains("Investment Accelerator"), "{closed}");
    s.quit();
}

#[test]
fn a_written_out_address_is_a_link_f_offers() {
    let home = tempfile::TempDir::new().unwrap();
    let brief = "tests/corpus/text/cn-thinktank-daily-brief-2026-07-04.txt";
    // No opener on the PATH: the address `f` finds is named in the message
    // instead of a browser starting.
    let mut s = Session::start_env(home.path(), &[brief], 120, 30, &[("PATH", "")]);
    s.wait_text("§1/");
    s.keys("/red-lines\r");
    s.wait_text("match 1 of");
    s.keys("f");
    s.wait_text("cannot open https://www.cnas.org/publications/reports/red-lines");
    s.quit();
}
