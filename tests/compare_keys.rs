//! `v` and `f` in the compare view (`C`): a selection is made on what the
//! view shows and marked on both sides; a footnote reference is followed
//! and the compare view goes there and back.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App};
use gloss::brief;
use gloss::notes::DataDir;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const BRIEF: &str = "# 美中關係\n\n## 一、外交\n\n\
第一段：兩國元首作為掌舵人，應當把握好方向。\n\n\
第二段：川習同意美中應建立關係，參與仍然有限。[^1]\n\n\
## 二、經貿\n\n第三段：關稅與出口管制。\n\n\
[^1]: 註腳：截至五月仍在審議。\n";

fn open(dir: &std::path::Path) -> App {
    open_at(dir, 16)
}

fn open_at(dir: &std::path::Path, height: u16) -> App {
    let file = dir.join("brief.md");
    std::fs::write(&file, BRIEF).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, 80, height));
    app.open_notes(Ok(DataDir::at(dir.join("data"))), &file);
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\x0f' => KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL),
            '\x1b' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.handle_key(&event);
    }
}

fn draw(app: &mut App) -> Buffer {
    let height = app.screen.area.height;
    let mut terminal = Terminal::new(TestBackend::new(80, height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The symbols drawn in `style`'s background, left and right of the
/// compare view's divider (column 40 at 80 columns).
fn marked(buf: &Buffer, style: ratatui::style::Style) -> (String, String) {
    let (mut left, mut right) = (String::new(), String::new());
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if style.bg.is_some_and(|bg| cell.bg == bg) && !cell.symbol().trim().is_empty() {
                let side = if x < 40 { &mut left } else { &mut right };
                side.push_str(cell.symbol());
            }
        }
    }
    (left, right)
}

/// The screen as text, a wide character once.
fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = false;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if std::mem::take(&mut skip) {
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(symbol) > 1;
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

#[test]
fn v_in_the_compare_view_selects_and_marks_both_sides() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path());
    app.set_view_script(gloss::app::ViewScript::Simplified);
    app.apply(Action::ToggleCompare);
    press(&mut app, "/川习同意\rv");
    assert!(app.view.compare.is_some(), "the compare view stays open");
    assert_eq!(app.selection_text().as_deref(), Some("川習同意"));
    let buf = draw(&mut app);
    let (left, right) = marked(&buf, app.theme.selection);
    assert_eq!((left.as_str(), right.as_str()), ("川習同意", "川习同意"));
    // Extending works as in the body: to the clause end.
    press(&mut app, "w");
    assert_eq!(
        app.selection_text().as_deref(),
        Some("川習同意美中應建立關係，")
    );
}

#[test]
fn f_in_the_compare_view_follows_a_footnote_and_ctrl_o_comes_back() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open_at(dir.path(), 10);
    app.apply(Action::ToggleCompare);
    press(&mut app, "/參與仍然\r");
    let text = screen(&draw(&mut app));
    assert!(!text.contains("註腳"), "{text}");
    press(&mut app, "f");
    assert!(app.view.compare.is_some());
    let text = screen(&draw(&mut app));
    assert!(text.contains("註腳：截至五月仍在審議"), "{text}");
    assert!(!text.contains("第二段"), "{text}");
    press(&mut app, "\x0f");
    let text = screen(&draw(&mut app));
    assert!(text.contains("▎第二段"), "{text}");
}

#[test]
fn without_a_search_v_and_f_act_on_the_first_paragraph_the_compare_view_shows() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open_at(dir.path(), 7);
    // The cursor is on the first paragraph; the compare view is scrolled
    // past it, so `v` starts on the first paragraph it shows instead.
    app.apply(Action::ToggleCompare);
    press(&mut app, "jjjjjjj");
    let text = screen(&draw(&mut app));
    assert!(!text.contains("第一段"), "{text}");
    press(&mut app, "v$");
    let selected = app.selection_text().unwrap_or_default();
    assert!(selected.starts_with("第二段"), "{selected}");
    press(&mut app, "\x1b");
    // `f` there follows that paragraph's footnote.
    press(&mut app, "f");
    let text = screen(&draw(&mut app));
    assert!(text.contains("註腳：截至五月仍在審議"), "{text}");
}
