//! TestBackend snapshots of issue 12's screens: the notes pane at 80 and
//! 200 columns, and the compare view with the converted characters marked.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App};
use gloss::brief;
use gloss::notes::DataDir;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const BRIEF: &str = "# 美中關係\n\n## 一、外交動向\n\n### （一）峰會\n\n\
第一段：兩國元首作為掌舵人，應當把握好方向。\n\n\
第二段 second paragraph about APEC and G20.\n\n## 二、經貿\n\n第三段：關稅與出口管制。\n";

fn open(dir: &std::path::Path, width: u16, height: u16) -> App {
    let file = dir.join("brief.md");
    std::fs::write(&file, BRIEF).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, width, height));
    app.open_notes(Ok(DataDir::at(dir.join("data"))), &file);
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\x13' => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.handle_key(&event);
    }
}

fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, wide characters once, note times masked; with
/// `marks`, a row of `^` under the cells drawn in that style follows each
/// row that has any.
fn screen_text(buf: &Buffer, marks: Option<ratatui::style::Style>) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let (mut row, mut under) = (String::new(), String::new());
        let mut covered = false;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if std::mem::take(&mut covered) {
                continue;
            }
            let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            covered = w > 1;
            row.push_str(cell.symbol());
            let hit = marks.is_some_and(|s| {
                cell.modifier.contains(s.add_modifier) && s.fg.is_none_or(|fg| cell.fg == fg)
            });
            under.push_str(&(if hit { "^" } else { " " }).repeat(w));
        }
        if let Some(at) = row.find(" UTC") {
            let start = row[..at].char_indices().rev().nth(15).map_or(0, |(i, _)| i);
            row.replace_range(start..at, "YYYY-MM-DD hh:mm");
        }
        out.push_str(row.trim_end());
        out.push('\n');
        if under.contains('^') {
            out.push_str(under.trim_end());
            out.push('\n');
        }
    }
    out
}

fn with_notes(dir: &std::path::Path, width: u16) -> App {
    let mut app = open(dir, width, 20);
    press(&mut app, "a元首外交\x13t外交 峰會\r");
    press(&mut app, "/APEC\rva多邊場合\x13");
    press(&mut app, "Ja關稅\x13");
    app
}

#[test]
fn the_notes_pane_at_80_and_200_columns() {
    for width in [80u16, 200] {
        let dir = tempfile::TempDir::new().unwrap();
        let mut app = with_notes(dir.path(), width);
        app.apply(Action::NotesPane);
        let buf = draw(&mut app, width, 20);
        insta::assert_snapshot!(format!("notes-pane-{width}"), screen_text(&buf, None));
    }
}

#[test]
fn the_compare_view_marks_the_converted_characters() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path(), 80, 16);
    app.apply(Action::ToggleCompare);
    let style = app.theme.compare_changed;
    let buf = draw(&mut app, 80, 16);
    insta::assert_snapshot!("compare-changed", screen_text(&buf, Some(style)));
}

#[test]
fn selections_passages_and_the_compare_view_draw_at_every_small_size() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = with_notes(dir.path(), 80);
    press(&mut app, "gvww");
    let every_size = |app: &mut App| {
        for width in 1..=24u16 {
            for height in 1..=8u16 {
                app.apply(Action::Resize { width, height });
                draw(app, width, height);
            }
        }
    };
    every_size(&mut app);
    assert!(
        app.selection.is_some(),
        "the selection survived the resizes"
    );
    // The compare view, with the noted passages marked on its left side.
    app.apply(Action::Cancel);
    app.apply(Action::ToggleCompare);
    assert!(app.view.compare.is_some());
    every_size(&mut app);
}
