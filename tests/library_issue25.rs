//! The library screen (issue 25, item 10) on ratatui's `TestBackend`:
//! dates sorted by the calendar, newest first; a PDF's authors found past
//! its first pages; the file's name in its own column and in the filter;
//! dates written out shown whole on a wide terminal.

use std::path::Path;

use gloss::app::library::{LibraryAction, LibraryView, SortKey};
use gloss::library::scan;
use gloss::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

#[path = "support/pdf_doc.rs"]
pub mod pdf_doc;

fn brief(dir: &Path, name: &str, title: &str, date: Option<&str>) {
    let date = date.map(|d| format!("date: {d}\n")).unwrap_or_default();
    std::fs::write(
        dir.join(name),
        format!("---\ntitle: {title}\n{date}---\n\n# Findings\n\nText.\n"),
    )
    .unwrap();
}

fn library(dir: &Path) -> LibraryView {
    LibraryView::new("briefs".to_string(), scan(dir, None).unwrap())
}

fn screen(view: &mut LibraryView, width: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, 12)).unwrap();
    terminal
        .draw(|f| gloss::ui::library::draw(f, view, &Theme::default()))
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut covered = false;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if !std::mem::take(&mut covered) {
                out.push_str(symbol);
                covered = unicode_width::UnicodeWidthStr::width(symbol) > 1;
            }
        }
        out.push('\n');
    }
    out
}

fn shown_titles(view: &LibraryView) -> Vec<String> {
    view.shown
        .iter()
        .map(|&i| view.entries[i].title().to_string())
        .collect()
}

#[test]
fn the_date_sort_follows_the_calendar_newest_first() {
    let dir = TempDir::new().unwrap();
    brief(dir.path(), "a.md", "Oldest", Some("Friday 7 July 2023"));
    brief(dir.path(), "b.md", "Newest", Some("2026-05-20"));
    brief(dir.path(), "c.md", "Middle", Some("April 2025"));
    brief(dir.path(), "d.md", "Late 2023", Some("2023年12月1日"));
    brief(dir.path(), "e.md", "Undated", None);
    let mut view = library(dir.path());
    view.apply(LibraryAction::CycleSort);
    assert_eq!(view.sort, SortKey::Date);
    assert_eq!(
        shown_titles(&view),
        ["Newest", "Middle", "Late 2023", "Oldest", "Undated"]
    );
}

/// A report whose authors are named on its fourth page, after the cover
/// and two pages of text, as many reports do.
fn report_with_late_credits() -> Vec<u8> {
    use pdf_doc::{pdf, text};
    let body = |n: u32| -> String {
        (0..20)
            .map(|k| {
                let line = format!("Page {n}, line {k}: open data and public services in cities.");
                text("F1", 11, 72, 700 - k * 14, &line)
            })
            .collect()
    };
    let cover = text("F2", 28, 72, 600, "RECURSIVE PUBLIC")
        + &text(
            "F1",
            14,
            72,
            560,
            "Piloting Connected Democratic Engagement",
        );
    let credits = text("F1", 12, 72, 700, "Authors: Flynn Devine, Carl Miller");
    pdf(&[cover, body(2), body(3), credits, body(5)])
}

#[test]
fn a_pdf_row_names_the_authors_its_later_pages_credit() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("report.pdf"), report_with_late_credits()).unwrap();
    let view = library(dir.path());
    let meta = view.entries[0].meta.as_ref().unwrap();
    assert_eq!(meta.authors, ["Flynn Devine", "Carl Miller"]);
    // What the reader shows for the whole PDF.
    let whole = gloss::brief::load::load_path(&dir.path().join("report.pdf")).unwrap();
    assert_eq!(whole.meta.authors, meta.authors);
}

#[test]
fn a_pdf_and_its_text_are_told_apart_and_found_by_file_name() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("report.pdf"), report_with_late_credits()).unwrap();
    std::fs::write(
        dir.path().join("report.txt"),
        "RECURSIVE PUBLIC\n\nAuthors: Flynn Devine, Carl Miller\n\nSome text of the report.\n",
    )
    .unwrap();
    let mut view = library(dir.path());
    let text = screen(&mut view, 120);
    assert!(text.contains("File"), "{text}");
    assert!(
        text.contains("report.pdf") && text.contains("report.txt"),
        "{text}"
    );
    view.apply(LibraryAction::StartFilter);
    for c in ".pdf".chars() {
        view.apply(LibraryAction::FilterInput(c));
    }
    assert_eq!(view.shown.len(), 1);
    assert_eq!(view.entries[view.shown[0]].name, "report.pdf");
}

#[test]
fn a_date_written_out_is_whole_on_a_wide_terminal() {
    let dir = TempDir::new().unwrap();
    brief(dir.path(), "a.md", "A brief", Some("Friday 7 July 2023"));
    let mut view = library(dir.path());
    let wide = screen(&mut view, 200);
    assert!(wide.contains("Friday 7 July 2023"), "{wide}");
    // An ordinary terminal keeps the column narrow and says it cut it.
    let narrow = screen(&mut view, 100);
    assert!(narrow.contains("Friday 7 …"), "{narrow}");
}
