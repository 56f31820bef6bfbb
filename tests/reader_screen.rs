//! The reader's screen drawn on ratatui's `TestBackend`: snapshots of the
//! seed brief, cell checks where color matters, every small size.

use std::path::Path;

use gloss::app::{Action, App};
use gloss::brief::{Brief, Meta, Paragraph, ParagraphKind, Section, Span, Style};
use gloss::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";

fn seed() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let mut brief = gloss::brief::load_path(&path).unwrap();
    // The path as the user typed it, not as this machine spells it.
    brief.meta.source = Some(SEED.to_string());
    App::new(brief)
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    terminal
}

fn type_chars(app: &mut App, text: &str) {
    for c in text.chars() {
        app.apply(Action::SearchInput(c));
    }
}

/// Row `y`, one symbol per cell, so that char positions are columns.
fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
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

fn find_cell(buf: &Buffer, y: u16, from: u16, symbol: &str) -> Option<u16> {
    (from..buf.area.width).find(|&x| buf[(x, y)].symbol() == symbol)
}

#[test]
fn seed_brief_at_100x30() {
    let mut app = seed();
    let t = draw(&mut app, 100, 30);
    insta::assert_snapshot!("reader-seed-100x30", screen_text(t.backend().buffer()));
}

#[test]
fn seed_brief_at_40x12() {
    let mut app = seed();
    let t = draw(&mut app, 40, 12);
    insta::assert_snapshot!("reader-seed-40x12", screen_text(t.backend().buffer()));
}

#[test]
fn seed_brief_help_overlay() {
    let mut app = seed();
    app.apply(Action::ToggleHelp);
    let t = draw(&mut app, 100, 30);
    insta::assert_snapshot!("reader-seed-help", screen_text(t.backend().buffer()));
}

#[test]
fn seed_brief_searching() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    app.apply(Action::StartSearch);
    type_chars(&mut app, "習近平");
    let t = draw(&mut app, 100, 30);
    let screen = screen_text(t.backend().buffer());
    let status = screen.lines().last().unwrap().to_string();
    assert!(status.contains("/習近平"), "{status}");
    assert!(status.contains("match 1 of "), "{status}");
    insta::assert_snapshot!("reader-seed-search", screen);
}

/// The cells of every match carry the match style, the current match the
/// current style, and the cells around them neither.
#[test]
fn search_highlight_colors_exactly_the_matched_cells() {
    let mut app = seed();
    app.apply(Action::StartSearch);
    type_chars(&mut app, "G2");
    app.apply(Action::SearchConfirm);
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let theme = Theme::default();
    let mut found = Vec::new();
    for y in 0..buf.area.height - 1 {
        for x in 0..buf.area.width - 1 {
            if buf[(x, y)].symbol() == "G" && buf[(x + 1, y)].symbol() == "2" {
                found.push((x, y));
            }
        }
    }
    assert!(!found.is_empty(), "G2 is on screen:\n{}", screen_text(buf));
    let (x, y) = found[0];
    for cx in [x, x + 1] {
        assert_eq!(buf[(cx, y)].bg, theme.search_current.bg.unwrap());
        assert_eq!(buf[(cx, y)].fg, theme.search_current.fg.unwrap());
    }
    assert_ne!(buf[(x - 1, y)].bg, theme.search_current.bg.unwrap());
    assert_ne!(buf[(x + 2, y)].bg, theme.search_current.bg.unwrap());
}

fn brief_of(paragraphs: Vec<Paragraph>) -> Brief {
    Brief {
        meta: Meta {
            title: Some("Test".into()),
            ..Meta::default()
        },
        sections: vec![Section {
            level: 1,
            title: Some("非常長的章節標題會碰到邊界".into()),
            paragraphs,
            ..Section::default()
        }],
        ..Brief::default()
    }
}

#[test]
fn a_match_across_a_line_wrap_is_highlighted_on_both_lines() {
    let text = "aaaa bbbb cccc dddd eeee ffff gggg hhhh";
    let mut app = App::new(brief_of(vec![Paragraph::plain(ParagraphKind::Text, text)]));
    // Body 12 columns wide, 11 for text: the paragraph wraps.
    draw(&mut app, 12, 10);
    let lines = app.lines(1);
    let (first, second) = (lines[0].range.clone(), lines[1].range.clone());
    let query = &text[first.end - 2..second.start + 2];
    app.apply(Action::StartSearch);
    type_chars(&mut app, query);
    assert_eq!(app.search.matches.len(), 1, "{query:?}");
    let t = draw(&mut app, 12, 10);
    let buf = t.backend().buffer();
    let theme = Theme::default();
    let lit: Vec<(u16, String)> = (0..buf.area.height - 1)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&p| buf[p].bg == theme.search_current.bg.unwrap())
        .map(|p| (p.1, buf[p].symbol().to_string()))
        .collect();
    let rows: std::collections::BTreeSet<u16> = lit.iter().map(|l| l.0).collect();
    let letters: String = lit.iter().map(|l| l.1.as_str()).collect();
    assert_eq!(rows.len(), 2, "{}", screen_text(buf));
    assert_eq!(letters.replace(' ', ""), query.replace(' ', ""));
}

#[test]
fn tables_line_up_when_they_fit_and_go_row_by_row_when_not() {
    let row = |cells: &[&str], header: bool| Paragraph {
        kind: ParagraphKind::TableRow,
        cells: cells.iter().map(|c| c.to_string()).collect(),
        header,
        spans: vec![Span::plain(cells.join(" "))],
        ..Paragraph::default()
    };
    let brief = brief_of(vec![
        row(&["國家", "訪問次數"], true),
        row(&["俄羅斯", "3"], false),
        row(&["US", "12"], false),
    ]);
    let mut app = App::new(brief.clone());
    let t = draw(&mut app, 60, 10);
    let buf = t.backend().buffer();
    // The header, the rule under it and the rows cross at one column.
    let mut bars: Vec<Option<u16>> = [4, 6, 7]
        .iter()
        .map(|&y| find_cell(buf, y, 17, "│"))
        .collect();
    bars.push(find_cell(buf, 5, 17, "┼"));
    assert!(
        bars.iter().all(|b| *b == bars[0] && b.is_some()),
        "{bars:?}\n{}",
        screen_text(buf)
    );
    assert_eq!(
        buf[(17, 4)].modifier,
        Theme::default().table_header.add_modifier
    );

    let mut narrow = App::new(brief);
    let t = draw(&mut narrow, 9, 30);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("俄羅斯"), "{text}");
}

#[test]
fn a_table_too_wide_wraps_its_cells_inside_aligned_columns() {
    let row = |cells: &[&str], header: bool| Paragraph {
        kind: ParagraphKind::TableRow,
        cells: cells.iter().map(|c| c.to_string()).collect(),
        header,
        spans: vec![Span::plain(cells.join(" "))],
        ..Paragraph::default()
    };
    let mut app = App::new(brief_of(vec![
        row(&["议题", "WTO 联合声明", "CPTPP"], true),
        row(&["数据跨境流动", "仍在谈判", "原则允许，设例外"], false),
    ]));
    // 36 columns: the body has 22 for text, the table wants 46.
    let t = draw(&mut app, 36, 20);
    let buf = t.backend().buffer();
    let body_x = app.screen.body.x + 1;
    let separators: Vec<Vec<u16>> = (app.screen.body.y..app.screen.body.bottom())
        .map(|y| {
            (body_x..buf.area.width)
                .filter(|&x| buf[(x, y)].symbol() == "│")
                .collect()
        })
        .filter(|xs: &Vec<u16>| !xs.is_empty())
        .collect();
    let text = screen_text(buf);
    assert!(
        separators.len() >= 4,
        "rows wrap onto several lines:\n{text}"
    );
    assert!(
        separators
            .iter()
            .all(|xs| xs.len() == 2 && *xs == separators[0]),
        "{text}"
    );
    let shown: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for cell in ["数据", "跨境", "流动", "原则", "CPTPP"] {
        assert!(shown.contains(cell), "{cell} missing:\n{text}");
    }
}

#[test]
fn lists_quotes_and_links_are_marked() {
    let mut item = Paragraph::plain(ParagraphKind::ListItem, "first item");
    item.marker = Some("1.".into());
    item.depth = 1;
    let quote = Paragraph::plain(ParagraphKind::Quote, "quoted words");
    let mut linked = Paragraph::plain(ParagraphKind::Text, "see ");
    linked.spans.push(Span {
        text: "the source".into(),
        style: Style {
            link: Some("https://example.org/x".into()),
            ..Style::default()
        },
    });
    let mut app = App::new(brief_of(vec![item, quote, linked]));
    let t = draw(&mut app, 60, 14);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("1. first item"), "{text}");
    assert!(text.contains("│ quoted words"), "{text}");
    assert!(text.contains("↳ https://example.org/x"), "{text}");
    let buf = t.backend().buffer();
    let y = (0..buf.area.height)
        .find(|&y| row_text(buf, y).contains("the source"))
        .unwrap();
    let x = row_text(buf, y).chars().position(|c| c == 't').unwrap() as u16;
    assert_eq!(buf[(x + 4, y)].fg, Theme::default().link.fg.unwrap());
    app.apply(Action::ToggleLinks);
    let t = draw(&mut app, 60, 14);
    assert!(!screen_text(t.backend().buffer()).contains("example.org"));
}

#[test]
fn control_characters_never_reach_the_screen() {
    let evil = "red \x1b[31mtext\x07 and \u{9b}2J here";
    let mut app = App::new(brief_of(vec![Paragraph::plain(ParagraphKind::Text, evil)]));
    std::sync::Arc::make_mut(&mut app.doc.brief).meta.title = Some("title\x1b]0;owned\x07".into());
    let t = draw(&mut app, 60, 10);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control char in {:?}",
            cell.symbol()
        );
    }
    assert!(screen_text(buf).contains("[31mtext"));
}

#[test]
fn wide_characters_never_spill_over_the_divider() {
    let text = "中".repeat(200);
    let mut app = App::new(brief_of(vec![Paragraph::plain(ParagraphKind::Text, text)]));
    for width in 30..=50 {
        let t = draw(&mut app, width, 12);
        let buf = t.backend().buffer();
        let divider = app.screen.divider;
        for y in divider.y..divider.bottom() {
            assert_eq!(buf[(divider.x, y)].symbol(), "│", "width {width}, row {y}");
        }
        for y in app.screen.body.y..app.screen.body.bottom() {
            let used: usize = row_text(buf, y)
                .chars()
                .skip(usize::from(app.screen.body.x))
                .filter(|c| *c == '中')
                .count();
            assert!(
                2 * used < usize::from(app.screen.body.width),
                "width {width}"
            );
        }
    }
}

#[test]
fn every_small_size_draws_without_panicking() {
    let mut app = seed();
    for (w, h) in (0..=24).flat_map(|w| (0..=10).map(move |h| (w, h))) {
        app.apply(Action::Bottom);
        let t = draw(&mut app, w, h);
        assert_eq!(t.backend().buffer().area.width, w);
        app.apply(Action::ToggleHelp);
        draw(&mut app, w, h);
        app.apply(Action::Cancel);
        app.apply(Action::Top);
    }
    let t = draw(&mut app, 1, 1);
    assert_eq!(t.backend().buffer()[(0, 0)].symbol(), " ");
}

#[test]
fn resizing_reflows_at_once() {
    let mut app = seed();
    let wide = draw(&mut app, 100, 30);
    let narrow = draw(&mut app, 50, 30);
    assert_eq!(app.screen.text_width(), 50 - 13 - 1);
    let wide_rows = screen_text(wide.backend().buffer());
    let narrow_rows = screen_text(narrow.backend().buffer());
    assert_ne!(wide_rows, narrow_rows);
    let first_line = |s: &str| s.lines().nth(2).map(|l| l.trim().to_string());
    assert!(first_line(&narrow_rows).is_some());
    let back = draw(&mut app, 100, 30);
    assert_eq!(screen_text(back.backend().buffer()), wide_rows);
}

#[test]
fn a_brief_with_nothing_to_show_still_reads() {
    let mut app = App::new(Brief::default());
    let actions = [
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::ToggleFocus,
        Action::Activate,
        Action::StartSearch,
        Action::SearchInput('x'),
        Action::SearchBackspace,
        Action::Cancel,
        Action::ToggleLinks,
        Action::ClickAt { column: 1, row: 3 },
        Action::ScrollAt {
            column: 40,
            row: 5,
            lines: 3,
        },
    ];
    for (w, h) in [(80, 24), (1, 1), (40, 12)] {
        for action in actions {
            app.apply(action);
            draw(&mut app, w, h);
        }
    }
    let t = draw(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("(untitled brief)"), "{text}");
    assert!(text.contains("§0/0  100%"), "{text}");
}

#[test]
fn the_opening_of_a_large_brief_says_the_rest_is_being_read() {
    let mut app = seed();
    app.opening_only = true;
    let terminal = draw(&mut app, 100, 30);
    let status = row_text(terminal.backend().buffer(), 29);
    assert!(status.contains("§1/…"), "{status}");
    assert!(
        status.contains("reading the rest of the brief…"),
        "{status}"
    );
    assert!(!status.contains('%'), "{status}");
    app.opening_only = false;
    let terminal = draw(&mut app, 100, 30);
    let status = row_text(terminal.backend().buffer(), 29);
    assert!(status.contains(" 0%"), "{status}");
}
