//! End to end (issue 25, item 9): the status bar and the header. A message
//! is shown whole (above the bar when the facts leave no room) and goes
//! with the next key, `T` keeps the bar, long
//! header lines end in `…`, a list of level-3 headings is not indented,
//! and `--at` on a heading's line names that section.

pub mod support;

use support::{SEED, Session};
use tempfile::TempDir;

/// The last row of `screen`: the status bar.
fn status_row(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

#[test]
fn a_message_too_long_for_the_facts_is_shown_whole_and_goes_with_the_next_key() {
    let home = TempDir::new().unwrap();
    let mut s = Session::start_sized(home.path(), &[SEED], 60, 20);
    s.wait_text("§1/");
    // `P` without a page number says how it is used.
    let said = "type the page number first: 7P goes to page 7";
    s.keys("P");
    let screen = s.wait_text(said);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[rows.len() - 2].contains(said), "{screen}");
    assert!(status_row(&screen).contains("§1/"), "{screen}");
    s.keys("j");
    s.wait_for(
        |screen| !screen.contains("type the page number") && status_row(screen).contains("§"),
        "the message gone after j, the facts back",
    );
    s.quit();
}

#[test]
fn a_message_longer_than_the_terminal_wraps_instead_of_being_cut() {
    let home = TempDir::new().unwrap();
    let mut s = Session::start_sized(home.path(), &[SEED], 30, 20);
    s.wait_text("§1/");
    s.keys("P");
    // 46 columns of message in a 30-column terminal: two rows above the
    // bar, nothing cut.
    s.wait_for(
        |screen| {
            let rows: Vec<&str> = screen.lines().collect();
            let below = rows[rows.len() - 3..rows.len() - 1].join("\n");
            below.contains("type the page number first:") && below.contains("goes to page 7")
        },
        "the whole message over the last two rows",
    );
    s.quit();
}

#[test]
fn t_says_which_theme_without_hiding_the_bar() {
    let home = TempDir::new().unwrap();
    let mut s = Session::start_sized(home.path(), &[SEED], 120, 20);
    s.wait_text("§1/");
    s.keys("T");
    s.wait_for(
        |screen| {
            let bar = status_row(screen);
            bar.contains("theme") && bar.contains("§1/") && bar.contains('%')
        },
        "the theme's name after the facts",
    );
    s.quit();
}

#[test]
fn long_header_lines_end_in_an_ellipsis() {
    let home = TempDir::new().unwrap();
    let brief = home.path().join("long.md");
    std::fs::write(
        &brief,
        "---\ntitle: The future of digital trade rules and semiconductor export controls in the Indo-Pacific\n\
         author: [Alice Author, Bob Writer, Carol Scholar, Dan Analyst]\ndate: 2026-11-30\n---\n\n\
         # Introduction\n\nSome text.\n",
    )
    .unwrap();
    let mut s = Session::start_sized(home.path(), &[brief.to_str().unwrap()], 50, 20);
    let screen = s.wait_text("The future");
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[0].trim_end().ends_with('…'), "{screen}");
    assert!(rows[1].trim_end().ends_with('…'), "{screen}");
    s.quit();
}

#[test]
fn a_section_list_of_level_three_headings_starts_at_the_left() {
    let home = TempDir::new().unwrap();
    let brief = home.path().join("h3.md");
    std::fs::write(
        &brief,
        "### Alpha\n\nOne.\n\n#### Alpha sub\n\nTwo.\n\n### Beta\n\nThree.\n",
    )
    .unwrap();
    let mut s = Session::start_sized(home.path(), &[brief.to_str().unwrap()], 80, 20);
    let screen = s.wait_text("Beta");
    let list_row = |title: &str| {
        screen
            .lines()
            .find(|l| l.split('│').next().unwrap_or("").contains(title))
            .unwrap_or_else(|| panic!("no {title} in the list:\n{screen}"))
            .to_string()
    };
    assert!(list_row("Beta").starts_with(" Beta"), "{screen}");
    assert!(
        list_row("Alpha sub").starts_with("   Alpha sub"),
        "{screen}"
    );
    s.quit();
}

#[test]
fn at_on_a_heading_line_near_the_end_names_that_section() {
    let home = TempDir::new().unwrap();
    // Line 47 of the sample brief is its last section's heading; the
    // back matter follows within a screen.
    let mut s = Session::start_sized(home.path(), &[SEED, "--at", "47"], 100, 30);
    let screen = s.wait_for(
        |screen| status_row(screen).contains("§5/6"),
        "the status bar on §5/6",
    );
    let bar = status_row(&screen);
    assert!(bar.contains("川習互動升溫"), "{bar}");
    s.quit();
}
