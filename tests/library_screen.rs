//! The library screen on ratatui's `TestBackend`: a snapshot on `briefs/`,
//! the filter across scripts, sorting, and unreadable files listed greyed
//! with their error.

use std::path::Path;

use gloss::app::library::{LibraryAction, LibraryView, SortKey};
use gloss::library::scan;
use gloss::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn corpus() -> LibraryView {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let entries = scan(&dir, None).unwrap();
    LibraryView::new("briefs".to_string(), entries)
}

fn draw(view: &mut LibraryView, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme::default();
    terminal
        .draw(|f| gloss::ui::library::draw(f, view, &theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as a person reads it: the blank cell a wide character covers
/// is left out.
fn screen_text(buf: &Buffer) -> String {
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

fn type_filter(view: &mut LibraryView, text: &str) {
    view.apply(LibraryAction::Cancel);
    view.apply(LibraryAction::StartFilter);
    for c in text.chars() {
        view.apply(LibraryAction::FilterInput(c));
    }
}

#[test]
fn the_sample_briefs_as_a_library() {
    let mut view = corpus();
    let buf = draw(&mut view, 120, 9);
    insta::assert_snapshot!("library-briefs-120x9", screen_text(&buf));
}

#[test]
fn the_filter_ignores_the_script() {
    let mut view = corpus();
    assert_eq!(view.entries.len(), 3);
    type_filter(&mut view, "数字贸易");
    assert_eq!(
        shown_titles(&view),
        ["数字贸易规则的竞合格局与中国的应对选择"]
    );
    // The same words in Traditional find the Simplified brief.
    type_filter(&mut view, "數字貿易");
    assert_eq!(
        shown_titles(&view),
        ["数字贸易规则的竞合格局与中国的应对选择"]
    );
    // And a Simplified author name finds the Traditional brief.
    type_filter(&mut view, "卢政锋");
    assert_eq!(shown_titles(&view), ["川習北京峰會後的美中外交動向"]);
    // Case and full-width forms are folded too.
    type_filter(&mut view, "ＣＨＯＫＥpoints");
    assert_eq!(shown_titles(&view).len(), 1);
    type_filter(&mut view, "nothing like this");
    assert!(view.shown.is_empty());
    let text = screen_text(&draw(&mut view, 100, 8));
    assert!(text.contains("no brief matches the filter"), "{text}");
    assert!(text.contains("0/3 briefs"), "{text}");
    view.apply(LibraryAction::Cancel);
    assert_eq!(view.shown.len(), 3);
}

#[test]
fn the_filter_matches_note_tags() {
    let mut view = corpus();
    view.entries[0].tags = vec!["出口管制".to_string()];
    let mut view = LibraryView::new("briefs".into(), view.entries);
    type_filter(&mut view, "出口管製");
    assert_eq!(view.shown.len(), 1);
}

#[test]
fn sorting_cycles_through_title_date_last_read_and_notes() {
    let mut view = corpus();
    assert_eq!(view.sort, SortKey::Title);
    let by_title = shown_titles(&view);
    let mut sorted = by_title.clone();
    sorted.sort();
    assert_eq!(by_title, sorted);
    view.apply(LibraryAction::CycleSort);
    assert_eq!(view.sort, SortKey::Date);
    // Only one sample brief carries a date; undated ones come after it.
    assert_eq!(
        shown_titles(&view)[0],
        "数字贸易规则的竞合格局与中国的应对选择"
    );
    view.apply(LibraryAction::CycleSort);
    assert_eq!(view.sort, SortKey::LastRead);
    let mut entries = view.entries.clone();
    entries[1].notes = 7;
    let mut view = LibraryView::new("briefs".into(), entries);
    for _ in 0..3 {
        view.apply(LibraryAction::CycleSort);
    }
    assert_eq!(view.sort, SortKey::Notes);
    assert_eq!(view.selected_entry().unwrap().notes, 7);
    let text = screen_text(&draw(&mut view, 120, 8));
    assert!(text.contains("sort: notes"), "{text}");
}

#[test]
fn unreadable_files_are_listed_greyed_with_their_error_and_the_rest_still_open() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-good.md"), "# Good brief\n\ntext\n").unwrap();
    std::fs::write(dir.path().join("b-binary.md"), b"PK\x03\x04\0\0\0binary").unwrap();
    std::fs::write(dir.path().join("c-empty.txt"), "\n\n").unwrap();
    let entries = scan(dir.path(), None).unwrap();
    let mut view = LibraryView::new("x".into(), entries);
    assert_eq!(view.shown.len(), 3);
    let buf = draw(&mut view, 100, 8);
    let text = screen_text(&buf);
    let row_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{text}")) as u16
    };
    let binary = row_of("b-binary.md");
    assert!(
        text.lines()
            .nth(binary as usize)
            .unwrap()
            .contains("binary file"),
        "{text}"
    );
    let empty = row_of("c-empty.txt");
    assert!(
        text.lines().nth(empty as usize).unwrap().contains("empty"),
        "{text}"
    );
    let good = row_of("Good brief");
    for (row, greyed) in [(binary, true), (empty, true), (good, false)] {
        let cell = &buf[(1, row)];
        assert_eq!(cell.modifier.contains(Modifier::DIM), greyed, "row {row}");
    }
    // An unreadable file does not open; a good one does.
    let unreadable = view
        .shown
        .iter()
        .position(|&i| view.entries[i].meta.is_err())
        .unwrap();
    view.apply(LibraryAction::Top);
    for _ in 0..unreadable {
        view.apply(LibraryAction::Down);
    }
    assert_eq!(view.apply(LibraryAction::Open), None);
    let readable = view
        .shown
        .iter()
        .position(|&i| view.entries[i].meta.is_ok())
        .unwrap();
    view.apply(LibraryAction::Top);
    for _ in 0..readable {
        view.apply(LibraryAction::Down);
    }
    assert!(
        view.apply(LibraryAction::Open)
            .unwrap()
            .ends_with("a-good.md")
    );
}

#[test]
fn the_selection_stays_on_screen_and_every_size_draws() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("b{i:02}.md")),
            format!("# Brief {i:02}\n\nx\n"),
        )
        .unwrap();
    }
    let mut view = LibraryView::new("x".into(), scan(dir.path(), None).unwrap());
    draw(&mut view, 80, 12);
    view.apply(LibraryAction::Bottom);
    let text = screen_text(&draw(&mut view, 80, 12));
    assert!(text.contains("Brief 39"), "{text}");
    assert!(!text.contains("Brief 00"), "{text}");
    view.apply(LibraryAction::PageUp);
    assert_eq!(view.selected, 39 - 8);
    for width in 0..30 {
        for height in 0..6 {
            draw(&mut view, width, height);
        }
    }
}

/// Issue 20 #5: rows read in the background, each within a time budget.
/// A PDF still being read when its budget runs out keeps its file name
/// and can be opened all the same.
#[test]
fn a_pdf_past_its_reading_budget_keeps_its_file_name() {
    use gloss::library::{Peek, Peeks, unread, walk};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("memo.md"), "# A short memo\n\nText.\n").unwrap();
    // A PDF the size of a large scan (a hole, no disk): reading it takes
    // far longer than the budget below.
    let big = std::fs::File::create(dir.path().join("large.pdf")).unwrap();
    std::io::Write::write_all(&mut &big, b"%PDF-1.4\n").unwrap();
    big.set_len(200 << 20).unwrap();

    let found = walk(dir.path()).unwrap();
    let rows: Vec<_> = found.iter().map(|f| unread(f, dir.path())).collect();
    let mut view = LibraryView::new("x".into(), rows);
    assert!(view.reading());
    assert!(view.entries.iter().all(|e| e.peek == Peek::Reading));
    let names: Vec<&str> = view.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["large.pdf", "memo.md"]);

    // A budget no reading of 200 MB can meet.
    let budget = std::time::Duration::from_millis(1);
    let news = Peeks::start(found, dir.path().to_path_buf(), None, budget).wait_all();
    view.apply_updates(news);
    assert!(!view.reading());
    let large = &view.entries[0];
    assert_eq!(large.peek, Peek::Slow);
    assert_eq!(large.title(), "large.pdf");
    type_filter(&mut view, "large");
    let screen = screen_text(&draw(&mut view, 100, 8));
    assert!(
        screen.contains("large.pdf") && screen.contains("not read in"),
        "{screen}"
    );
    let open = view.apply(LibraryAction::Open);
    assert!(open.is_some_and(|p| p.ends_with("large.pdf")));
}
