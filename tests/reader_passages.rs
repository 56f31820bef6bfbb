//! Passages in the reader, drawn on a TestBackend: the selection and a
//! noted passage are marked on exactly their characters, in every script.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::App;
use gloss::brief;
use gloss::notes::DataDir;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const BRIEF: &str = "# 美中關係\n\n## 外交\n\n第一段：兩國元首作為掌舵人，應當把握好方向。\n\n\
第二段：關稅與出口管制，雙方同意對話。\n";

fn open(dir: &std::path::Path) -> App {
    let file = dir.join("brief.md");
    std::fs::write(&file, BRIEF).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, 80, 20));
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

fn draw(app: &mut App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 20)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The characters drawn in `style` (its modifiers and colors all present),
/// on the rows of the body.
fn marked(buf: &Buffer, app: &App, style: Style) -> String {
    let body = app.screen.body;
    let mut out = String::new();
    for y in body.top()..body.bottom() {
        for x in body.left() + 1..body.right() {
            let cell = &buf[(x, y)];
            let fits = cell.modifier.contains(style.add_modifier)
                && style.fg.is_none_or(|fg| cell.fg == fg)
                && style.bg.is_none_or(|bg| cell.bg == bg);
            if fits && cell.symbol() != " " {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn the_selection_and_a_noted_passage_are_marked_and_survive_a_script_change() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "/出口管制\rv");
    let selection = app.theme.selection;
    assert_eq!(marked(&draw(&mut app), &app, selection), "出口管制");
    // `c` shows Simplified: the same characters stay selected.
    app.apply(gloss::app::Action::CycleView);
    assert_eq!(marked(&draw(&mut app), &app, selection), "出口管制");
    press(&mut app, "wa注意\x13");
    assert!(app.selection.is_none());
    let passage = app.theme.passage;
    let shown = marked(&draw(&mut app), &app, passage);
    assert!(shown.starts_with("出口管制，"), "{shown}");
    // Back to the original script: the noted passage is marked there too.
    app.apply(gloss::app::Action::CycleView);
    app.apply(gloss::app::Action::CycleView);
    let shown = marked(&draw(&mut app), &app, passage);
    assert!(shown.starts_with("出口管制，"), "{shown}");
}

#[test]
fn y_copies_in_the_view_script_and_capital_y_copies_a_citation() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "/出口管制\rvY");
    let citation = app.take_clipboard().unwrap();
    assert!(citation.starts_with("“出口管制” — "), "{citation}");
    assert!(citation.contains("《美中關係》"), "{citation}");
    assert!(citation.ends_with("美中關係 › 外交"), "{citation}");
    assert_eq!(app.take_clipboard(), None, "handed over once");
    // Without a selection, y copies the cursor's paragraph, as shown.
    app.apply(gloss::app::Action::CycleView);
    press(&mut app, "y");
    assert_eq!(
        app.take_clipboard().as_deref(),
        Some("第二段：关税与出口管制，双方同意对话。")
    );
}

#[test]
fn the_compare_view_shows_note_marks_and_c_always_changes_its_right_side() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "a注意\x13");
    let noted = app.notes.cursor;
    app.apply(gloss::app::Action::ToggleCompare);
    let buf = draw(&mut app);
    let first_char: String = app.doc.text(noted).chars().take(1).collect();
    let row = (0..20)
        .find(|&y| buf[(1, y)].symbol() == first_char)
        .expect("the noted paragraph is on screen");
    assert_eq!(buf[(0, row)].symbol(), "✎");
    // Original → the right side is Simplified; every c changes it.
    let mut seen = vec![app.view.compare_script()];
    for _ in 0..3 {
        app.apply(gloss::app::Action::CycleView);
        seen.push(app.view.compare_script());
    }
    assert!(seen.windows(2).all(|w| w[0] != w[1]), "{seen:?}");
}

#[test]
fn a_passage_in_a_table_cell_is_kept_as_the_cell_text() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("table.md");
    std::fs::write(
        &file,
        "# 表\n\n| 項目 | 說明 |\n|---|---|\n| 關稅 | 出口管制與對話 |\n",
    )
    .unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, 80, 20));
    app.open_notes(Ok(DataDir::at(dir.path().join("data"))), &file);
    press(&mut app, "/出口管制\rva注\x13");
    let session = app.notes.session().unwrap();
    let views = session.views();
    assert_eq!(views.len(), 1);
    let passage = views[0].note.anchor.passage.clone().unwrap();
    assert_eq!(passage.exact, "出口管制");
    // The neighbours are the row's own text, without the drawn separator.
    let own = app.doc.paragraph(app.notes.cursor).unwrap().text();
    assert!(own.contains(&format!("{}{}", passage.prefix, passage.exact)));
    assert!(views[0].resolution.passage.is_some());
    assert_eq!(
        views[0].resolution.status,
        gloss::notes::AnchorStatus::Anchored
    );
}

#[test]
fn a_passage_note_reattached_by_hand_keeps_its_passage() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = open(dir.path());
    press(&mut app, "/出口管制\rva注意\x13");
    drop(app);
    // The noted paragraph goes; its words turn up in another one.
    let file = dir.path().join("brief.md");
    let edited = BRIEF
        .replace("第二段：關稅與出口管制，雙方同意對話。\n", "")
        .replace("應當把握好方向", "也談到出口管制");
    std::fs::write(&file, edited).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, 80, 20));
    app.open_notes(Ok(DataDir::at(dir.path().join("data"))), &file);
    assert_eq!(app.notes.session().unwrap().orphans().len(), 1);
    assert!(app.doc.text(app.notes.cursor).starts_with("第一段"));
    app.apply(gloss::app::Action::NotesPane);
    press(&mut app, "r");
    let session = app.notes.session().unwrap();
    let view = &session.views()[0];
    assert_eq!(
        view.note.anchor.passage.as_ref().map(|p| p.exact.as_str()),
        Some("出口管制")
    );
    assert!(view.resolution.passage.is_some());
    assert_eq!(view.resolution.status, gloss::notes::AnchorStatus::Anchored);
}
