//! How Markdown's block and inline forms look in the reader: a table's
//! header rule and column alignment, struck-through text, and lists and
//! quotes indented by depth with their wrapped lines under their text.

use gloss::app::App;
use gloss::brief;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

const BRIEF: &str = "# 測試\n\n\
Some ~~struck~~ text and ~~刪除線~~ here.\n\n\
| 左 | 中間 | 右 |\n|:---|:----:|---:|\n| a | b | c |\n| 長一點的內容 | 中 | 12345 |\n\n\
- 第一層項目，這是一個很長的項目，需要換行才能完整顯示。\n  \
- 第二層項目，這也是一個很長的項目，需要換行才能完整顯示。\n\
- back\n\n\
> 引用第一層，這是一段很長的引用文字，需要換行才能完整顯示。\n>\n\
> > 引用第二層，這是一段很長的引用文字，需要換行才能完整顯示。\n";

fn screen(width: u16, height: u16) -> Buffer {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(&file, BRIEF).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.resize(Rect::new(0, 0, width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
    terminal.backend().buffer().clone()
}

/// Each row as text, a wide character once, right-trimmed.
fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = false;
            for x in 0..buf.area.width {
                let symbol = buf[(x, y)].symbol();
                if std::mem::take(&mut skip) {
                    continue;
                }
                skip = unicode_width::UnicodeWidthStr::width(symbol) > 1;
                row.push_str(symbol);
            }
            row.trim_end().to_string()
        })
        .collect()
}

/// The body part of a row: what follows the section list's border.
fn body(row: &str) -> &str {
    row.split_once('│').map_or(row, |(_, b)| b).trim_end()
}

fn row_with<'a>(rows: &'a [String], needle: &str) -> &'a str {
    rows.iter()
        .map(|r| body(r))
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in {rows:#?}"))
}

#[test]
fn a_table_header_gets_a_rule_and_columns_their_alignment() {
    let rows = rows(&screen(70, 30));
    let header = row_with(&rows, "中間");
    let at = rows.iter().position(|r| body(r) == header).unwrap();
    assert_eq!(body(&rows[at + 1]).trim(), "─────────────┼──────┼──────");
    // Left, centred, right: `右` and `c` end their column, `b` sits in
    // the middle of its six.
    assert_eq!(header.trim(), "左           │ 中間 │    右");
    assert_eq!(row_with(&rows, " a ").trim(), "a            │  b   │     c");
    assert_eq!(
        row_with(&rows, "12345").trim(),
        "長一點的內容 │  中  │ 12345"
    );
}

#[test]
fn struck_through_text_is_crossed_out_and_nothing_else_is() {
    let buf = screen(70, 30);
    let y = (0..buf.area.height)
        .find(|&y| body(&rows(&buf)[usize::from(y)]).contains("struck"))
        .unwrap();
    let crossed: String = (0..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.modifier.contains(Modifier::CROSSED_OUT))
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(crossed, "struck刪除線");
}

#[test]
fn nested_items_and_quotes_indent_by_depth_with_wrapped_lines_under_their_text() {
    let rows = rows(&screen(60, 30));
    let body_rows: Vec<&str> = rows.iter().map(|r| body(r)).collect();
    let at = |needle: &str| body_rows.iter().position(|r| r.contains(needle)).unwrap();
    let first = at("第一層");
    assert!(body_rows[first].starts_with(" • 第一層"), "{rows:#?}");
    assert!(body_rows[first + 1].starts_with("   "), "{rows:#?}");
    assert!(!body_rows[first + 1].starts_with("    "), "{rows:#?}");
    let second = at("第二層項目");
    assert!(body_rows[second].starts_with("   • 第二層"), "{rows:#?}");
    let cont = body_rows[second + 1];
    assert!(
        cont.starts_with("     ") && !cont.starts_with("      "),
        "{rows:#?}"
    );
    let outer = at("引用第一層");
    assert!(body_rows[outer].starts_with(" │ 引用第一層"), "{rows:#?}");
    assert!(body_rows[outer + 1].starts_with(" │ ") && !body_rows[outer + 1].starts_with(" │ │"));
    let inner = at("引用第二層");
    assert!(body_rows[inner].starts_with(" │ │ 引用第二層"), "{rows:#?}");
    assert!(body_rows[inner + 1].starts_with(" │ │ "), "{rows:#?}");
}
