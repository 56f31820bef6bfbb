//! Issue 12's reader fixes and keys, through `App::handle_key` as the event
//! loop calls it: help and `q`, the search wrapping, counts, half pages,
//! the section path, and the section list after a tiny terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App, Mode};
use gloss::brief::{Brief, Meta, Paragraph, ParagraphKind, Section};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// A title section, then parts with numbered subsections of ten paragraphs.
fn sample() -> Brief {
    let section = |title: &str, level: u8| Section {
        id: title.to_string(),
        level,
        title: Some(title.to_string()),
        paragraphs: (0..10)
            .map(|p| {
                Paragraph::plain(
                    ParagraphKind::Text,
                    format!("{title} 第{p}段：兩國元首作為掌舵人，應當把握好方向。"),
                )
            })
            .collect(),
    };
    Brief {
        meta: Meta {
            title: Some("Sample".into()),
            encoding: "UTF-8".into(),
            ..Meta::default()
        },
        sections: vec![
            section("一、全球數字貿易規則的演進", 1),
            section("（一）多邊層面", 2),
            section("（二）區域層面：高標準協定不斷湧現", 2),
            section("二、規則分化的影響", 1),
        ],
        ..Brief::default()
    }
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(sample());
    app.resize(Rect::new(0, 0, width, height));
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\x04' => KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL),
            '\x15' => KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
            '\x03' => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.handle_key(&event);
    }
}

fn status(app: &mut App) -> String {
    let area = app.screen.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    let y = area.height - 1;
    let mut row = String::new();
    let mut covered = false;
    for x in 0..area.width {
        let s = buf[(x, y)].symbol();
        if !std::mem::take(&mut covered) {
            row.push_str(s);
            covered = unicode_width::UnicodeWidthStr::width(s) > 1;
        }
    }
    row
}

#[test]
fn q_closes_the_help_and_ctrl_c_still_quits() {
    let mut a = app(80, 24);
    press(&mut a, "?q");
    assert_eq!(a.mode, Mode::Normal);
    assert!(!a.quit);
    press(&mut a, "?\x03");
    assert!(a.quit);
}

#[test]
fn n_after_the_last_match_wraps_and_says_so() {
    let mut a = app(100, 24);
    press(&mut a, "/影響 第9\r");
    assert_eq!(a.search.matches.len(), 1);
    press(&mut a, "n");
    let bar = status(&mut a);
    assert!(bar.contains("search wrapped to the first match"), "{bar}");
    press(&mut a, "/第9段\r");
    let n = a.search.matches.len();
    assert_eq!(n, 4);
    // Step to the last match without wrapping, then once more.
    while a.search.current != Some(n - 1) {
        press(&mut a, "n");
        if a.search.current != Some(0) {
            assert!(!status(&mut a).contains("wrapped"));
        }
    }
    press(&mut a, "n");
    assert_eq!(a.search.current, Some(0));
    assert!(status(&mut a).contains("search wrapped to the first match"));
    press(&mut a, "N");
    assert_eq!(a.search.current, Some(n - 1));
    assert!(status(&mut a).contains("search wrapped to the last match"));
}

#[test]
fn a_count_repeats_a_move_and_ctrl_d_u_move_half_a_screen() {
    let mut a = app(80, 24);
    press(&mut a, "5j");
    assert_eq!(a.count, None);
    let after_five = a.top;
    press(&mut a, "k");
    press(&mut a, "2k");
    let mut b = app(80, 24);
    press(&mut b, "jj");
    assert_eq!(a.top, b.top, "5j, then k and 2k, leaves two lines down");
    assert_ne!(after_five, b.top);
    press(&mut a, "g3]");
    assert_eq!(a.current_entry(), 3);
    // Half a screen of the body's rows, down then back.
    let mut c = app(80, 24);
    let rows = c.screen.body_rows();
    press(&mut c, "\x04");
    let mut d = app(80, 24);
    for _ in 0..rows / 2 {
        d.apply(Action::Down);
    }
    assert_eq!(c.top, d.top);
    press(&mut c, "\x15");
    assert_eq!(c.top, gloss::app::Pos::default());
}

#[test]
fn the_status_bar_shows_the_section_path_short_on_a_narrow_terminal() {
    let mut a = app(140, 24);
    press(&mut a, "2]");
    let wide = status(&mut a);
    assert!(
        wide.contains("§3/4 一、全球數字貿易規則的演進 › （二）區域層面：高標準協定不斷湧現"),
        "{wide}"
    );
    let mut b = app(60, 24);
    press(&mut b, "2]");
    let narrow = status(&mut b);
    assert!(narrow.contains("§3/4 一、全… › （二）"), "{narrow}");
    assert!(!narrow.contains("高標準"), "{narrow}");
}

#[test]
fn after_a_1x1_terminal_the_section_list_shows_its_first_entries_again() {
    let mut a = app(80, 24);
    a.apply(Action::Resize {
        width: 1,
        height: 1,
    });
    press(&mut a, "G");
    a.apply(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut a, "g");
    assert_eq!(a.list.offset, 0);
    a.apply(Action::Resize {
        width: 1,
        height: 1,
    });
    a.apply(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(a.list.offset, 0, "four entries fit: none scrolled away");
}

#[test]
fn a_narrow_list_shows_the_selected_title_whole_over_several_rows() {
    let mut a = app(44, 24);
    press(&mut a, "2]");
    let lines = a.list_title_lines(a.list.selected);
    assert!(lines.len() > 1, "{lines:?}");
    let whole: String = lines.iter().map(|l| l.trim()).collect();
    assert_eq!(whole, "（二）區域層面：高標準協定不斷湧現");
}

#[test]
fn the_status_bar_names_the_page_of_the_top_line_when_the_brief_has_pages() {
    // Two pages of ten paragraphs each, page numbers at their feet.
    let page = |n: usize| -> String {
        let body: String = (0..10)
            .map(|i| format!("Paragraph {i} of page {n} runs on for a while, as text does.\n\n"))
            .collect();
        format!("{body}- {n} -\n\u{c}")
    };
    let text = format!("Title of the brief\n\n{}{}", page(7), page(8));
    let mut brief =
        gloss::brief::load_bytes(text.as_bytes(), gloss::brief::load::Format::PlainText, "t")
            .expect("a brief");
    brief.meta.encoding = "UTF-8".into();
    let mut app = App::new(brief);
    app.resize(Rect::new(0, 0, 100, 12));
    assert!(status(&mut app).contains("p. 7"), "{}", status(&mut app));
    press(&mut app, "G");
    assert!(status(&mut app).contains("p. 8"), "{}", status(&mut app));
    // Without pages the status bar says nothing of them.
    let mut plain = app_without_pages();
    assert!(
        !status(&mut plain).contains("p. "),
        "{}",
        status(&mut plain)
    );
}

fn app_without_pages() -> App {
    app(100, 12)
}
