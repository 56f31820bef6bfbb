//! A new user's tour (issue 25, Checks), in one pseudo-terminal script:
//! open a PDF, search, add a note on a passage, follow a footnote and come
//! back, jump to a page, close the window (SIGHUP) with a note half
//! written, and reopen in the same place with that draft offered.

pub mod support;

use support::{Session, gloss_output, paged_pdf};

#[test]
fn a_new_users_tour_of_a_pdf() {
    let home = tempfile::TempDir::new().unwrap();
    let pdf = home.path().join("ports.pdf");
    std::fs::write(&pdf, paged_pdf::brief()).unwrap();
    let file = pdf.to_str().unwrap();

    // Open the PDF.
    let mut s = Session::start_sized(home.path(), &[file], 100, 30);
    s.wait_text("Ports and Power in the Indian Ocean");
    s.wait_text("p. 1");

    // Search: the match is on page 2.
    s.keys("/state banks\r");
    let found = s.wait_text("match 1 of 1");
    assert!(found.contains("financed by state banks.1"), "{found}");

    // A note on the passage the search found.
    s.keys("v");
    s.wait_text("SELECT 11 chars");
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("who lent the money");
    s.keys("\x13");
    let noted = s.wait_text("note saved");
    assert!(
        noted.contains("「state banks」 who lent the money"),
        "{noted}"
    );

    // Follow the footnote the paragraph marks, and come back.
    s.keys("f");
    let note = s.wait_text("went to [1]");
    assert!(note.contains(paged_pdf::NOTE), "{note}");
    s.keys("\x0f");
    let back = s.wait_for(|now| !now.contains("went to"), "Ctrl-O to come back");
    assert!(back.contains("Most of the cranes were financed"), "{back}");
    assert!(!back.contains(paged_pdf::NOTE), "{back}");

    // Jump to a page.
    s.keys("4P");
    let page = s.wait_text("page 4 · Ctrl-O goes back");
    assert!(page.contains("Page 4 opens"), "{page}");
    assert!(page.contains("p. 4"), "{page}");

    // Start a note, then the window closes.
    s.keys("a");
    s.wait_text("Ctrl-S save");
    s.keys("the docks half thought");
    s.wait_text("the docks half thought");
    let pid = libc::pid_t::try_from(s.pid()).unwrap();
    // SAFETY: a signal to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGHUP) }, 0);
    assert!(s.wait_exit().success());

    // Reopened: the same page, and the note being written offered back.
    let mut again = Session::start_sized(home.path(), &[file], 100, 30);
    let screen = again.wait_text("Note kept when gloss was closed");
    assert!(screen.contains("the docks half thought"), "{screen}");
    assert!(screen.contains("p. 4"), "{screen}");
    again.keys("\x13");
    again.wait_text("note saved");
    again.quit();
    let listed = gloss_output(home.path(), &["notes", "list", file]);
    assert!(listed.contains("who lent the money"), "{listed}");
    assert!(listed.contains("the docks half thought"), "{listed}");
}
