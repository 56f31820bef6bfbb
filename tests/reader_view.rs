//! The view script in the reader: `c` cycles original → Simplified →
//! Taiwan, the place stays on the same paragraph, search stays script-blind
//! with highlights on the right cells, and `C` compares side by side.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App, Pos, ViewScript};
use gloss::convert::Overrides;
use gloss::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const SEED: &str = "briefs/prospect-forum-us-china-after-beijing-summit.txt";

fn seed() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let mut brief = gloss::brief::load_path(&path).unwrap();
    brief.meta.source = Some(SEED.to_string());
    App::new(brief)
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    terminal
}

fn press(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let action = app.key_action(&event).expect("the key is bound");
    app.apply(action);
}

fn search(app: &mut App, query: &str) {
    app.apply(Action::StartSearch);
    for c in query.chars() {
        app.apply(Action::SearchInput(c));
    }
    app.apply(Action::SearchConfirm);
}

/// The screen as a person reads it: the cell a wide character covers is
/// left out.
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

/// Where `word` starts on screen: (column of each of its chars, row).
fn find_word(buf: &Buffer, word: &str) -> Vec<(Vec<u16>, u16)> {
    let chars: Vec<String> = word.chars().map(String::from).collect();
    let mut found = Vec::new();
    for y in 0..buf.area.height {
        let mut cells: Vec<(u16, &str)> = Vec::new();
        let mut covered = false;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if !std::mem::take(&mut covered) {
                cells.push((x, symbol));
                covered = unicode_width::UnicodeWidthStr::width(symbol) > 1;
            }
        }
        for start in 0..cells.len() {
            let window = cells.get(start..start + chars.len());
            if let Some(window) = window
                && window.iter().zip(&chars).all(|((_, s), c)| s == c)
            {
                found.push((window.iter().map(|(x, _)| *x).collect(), y));
            }
        }
    }
    found
}

#[test]
fn c_cycles_original_simplified_taiwan_and_back() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    let mut seen = vec![app.view.script()];
    for _ in 0..3 {
        press(&mut app, 'c');
        seen.push(app.view.script());
    }
    assert_eq!(
        seen,
        [
            ViewScript::Original,
            ViewScript::Simplified,
            ViewScript::Taiwan,
            ViewScript::Original
        ]
    );
}

#[test]
fn switching_keeps_the_same_paragraph_and_its_share_of_lines() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    // A block several lines long, three lines into it.
    let block = (0..app.doc.blocks.len())
        .find(|&b| app.lines(b).len() >= 6)
        .unwrap();
    app.apply(Action::Top);
    while app.top.block < block || app.top.line < 3 {
        app.apply(Action::Down);
    }
    let before = app.top;
    let lines_before = app.lines(block).len();
    press(&mut app, 'c');
    draw(&mut app, 100, 30);
    assert_eq!(app.view.script(), ViewScript::Simplified);
    assert_eq!(app.top.block, before.block);
    let lines_after = app.lines(block).len();
    assert_eq!(app.top.line, before.line * lines_after / lines_before);
    press(&mut app, 'c');
    press(&mut app, 'c');
    assert_eq!(app.top, before);
}

#[test]
fn the_view_never_changes_the_brief_its_ids_or_its_blocks() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    let ids = |app: &App| -> Vec<String> {
        (0..app.doc.blocks.len())
            .filter_map(|b| app.doc.paragraph(b).map(|p| p.id.clone()))
            .collect()
    };
    let (before_ids, before_blocks) = (ids(&app), app.doc.blocks.len());
    let first_text = app.doc.text(2).into_owned();
    press(&mut app, 'c');
    draw(&mut app, 100, 30);
    assert_eq!(ids(&app), before_ids);
    assert_eq!(app.doc.blocks.len(), before_blocks);
    assert_eq!(app.doc.text(2), first_text);
    assert_ne!(app.shown_text(2), first_text);
}

#[test]
fn conversion_is_lazy_only_blocks_laid_out_are_converted() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    press(&mut app, 'c');
    draw(&mut app, 100, 30);
    let converted = app.view.converted_blocks(ViewScript::Simplified);
    assert!(converted > 0);
    assert!(
        converted < app.doc.blocks.len(),
        "{converted} of {} blocks converted for one screen",
        app.doc.blocks.len()
    );
}

#[test]
fn seed_brief_in_the_simplified_view() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    press(&mut app, 'c');
    let t = draw(&mut app, 100, 30);
    let screen = screen_text(t.backend().buffer());
    assert!(screen.contains("川习北京峰会后的美中外交动向"), "{screen}");
    assert!(screen.lines().last().unwrap().contains("简体"));
    insta::assert_snapshot!("view-seed-simplified-100x30", screen);
}

#[test]
fn seed_brief_in_the_compare_view() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    app.apply(Action::NextSection);
    app.apply(Action::NextSection);
    press(&mut app, 'C');
    let t = draw(&mut app, 100, 30);
    let screen = screen_text(t.backend().buffer());
    insta::assert_snapshot!("view-seed-compare-100x30", screen);
}

/// Each pair of blocks starts on one row: a heading on the left has its
/// converted self beside it, whatever the paragraphs above took.
#[test]
fn the_compare_view_aligns_pairs_and_scrolls_and_closes() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    app.apply(Action::NextSection);
    let before = app.top.block;
    press(&mut app, 'C');
    assert!(app.view.compare.is_some());
    for _ in 0..3 {
        app.apply(Action::PageDown);
    }
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let left = find_word(buf, "川習互動升溫下的臺灣議題");
    let right = find_word(buf, "川习互动升温下的台湾议题");
    let heading_rows = |hits: &[(Vec<u16>, u16)]| hits.iter().map(|h| h.1).collect::<Vec<_>>();
    let rows_left = heading_rows(&left);
    assert!(
        !rows_left.is_empty(),
        "heading on screen:\n{}",
        screen_text(buf)
    );
    assert_eq!(rows_left, heading_rows(&right));
    assert!(left[0].0[0] < 50 && right[0].0[0] > 50);
    let scrolled_to = app.compare_top().block;
    assert!(scrolled_to > before);
    app.apply(Action::Cancel);
    assert!(app.view.compare.is_none());
    assert_eq!(app.top.block, scrolled_to);
    press(&mut app, 'C');
    press(&mut app, 'C');
    assert!(app.view.compare.is_none());
}

#[test]
fn search_is_script_blind_in_the_seed() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    for (query, written) in [("台湾", "臺灣"), ("习近平", "習近平")] {
        search(&mut app, query);
        let n = app.search.matches.len();
        assert!(n > 0, "{query} finds nothing");
        for m in &app.search.matches {
            let text: String = app
                .doc
                .text(m.block)
                .chars()
                .skip(m.chars.start)
                .take(m.chars.len())
                .collect();
            assert_eq!(text, written);
        }
        // The same matches in every view.
        press(&mut app, 'c');
        assert_eq!(app.search.matches.len(), n);
        press(&mut app, 'c');
        press(&mut app, 'c');
    }
}

/// In the Simplified view the seed's 臺灣 shows as 台湾, and the highlight
/// covers those two characters' four cells, no more.
#[test]
fn a_highlight_in_the_converted_view_covers_exactly_the_match() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    press(&mut app, 'c');
    search(&mut app, "臺灣");
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let theme = Theme::default();
    let body = app.screen.body;
    let hits: Vec<_> = find_word(buf, "台湾")
        .into_iter()
        .filter(|(xs, y)| xs[0] >= body.x && *y < body.bottom())
        .collect();
    assert!(!hits.is_empty(), "台湾 in the body:\n{}", screen_text(buf));
    let status_row = buf.area.height - 1;
    assert!(find_word(buf, "臺灣").iter().all(|(_, y)| *y == status_row));
    let lit = |x: u16, y: u16| {
        let bg = buf[(x, y)].bg;
        bg == theme.search_current.bg.unwrap() || bg == theme.search_match.bg.unwrap()
    };
    // A wide character's style sits on its first cell; the cell it covers
    // is blank. The characters around the match (wide too) are not lit.
    for (columns, y) in &hits {
        for &x in columns {
            assert!(lit(x, *y), "{x},{y}: {:?}", buf[(x, *y)]);
        }
        let (before, after) = (columns[0] - 2, columns[columns.len() - 1] + 2);
        assert!(!buf[(before, *y)].symbol().trim().is_empty());
        assert!(!lit(before, *y) && !lit(after, *y));
    }
}

/// When an override changes a block's length, char indices no longer
/// line up; the highlight then lands on the replaced words.
#[test]
fn a_highlight_survives_an_override_that_changes_the_length() {
    let mut app = seed();
    let overrides = Overrides::parse("川普\t特朗普\n", Path::new("phrases.txt")).unwrap();
    app.view.set_overrides(overrides);
    draw(&mut app, 100, 30);
    press(&mut app, 'c');
    search(&mut app, "川普");
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let theme = Theme::default();
    let body = app.screen.body;
    let hits: Vec<_> = find_word(buf, "特朗普")
        .into_iter()
        .filter(|(xs, y)| xs[0] >= body.x && *y < body.bottom())
        .collect();
    assert!(!hits.is_empty(), "特朗普 on screen:\n{}", screen_text(buf));
    let lit = |x: u16, y: u16| {
        let bg = buf[(x, y)].bg;
        bg == theme.search_current.bg.unwrap() || bg == theme.search_match.bg.unwrap()
    };
    for (columns, y) in &hits {
        assert!(columns.iter().all(|&x| lit(x, *y)), "row {y}");
        assert!(!lit(columns[0] - 2, *y));
    }
}

#[test]
fn title_and_section_list_follow_the_view() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    press(&mut app, 'c');
    let t = draw(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let screen = screen_text(buf);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("川习北京峰会后的美中外交动向"), "{header}");
    // The list cuts long titles with an ellipsis; the start is in 简体.
    assert!(!find_word(buf, "美中外交交锋走向竞争").is_empty());
    press(&mut app, 'c');
    let t = draw(&mut app, 100, 30);
    let status = screen_text(t.backend().buffer());
    assert!(status.lines().last().unwrap().contains("繁體"));
}

#[test]
fn display_text_converts_any_text_in_the_current_view() {
    let mut app = seed();
    draw(&mut app, 100, 30);
    assert_eq!(app.display_text("臺灣的習近平"), "臺灣的習近平");
    press(&mut app, 'c');
    assert_eq!(app.display_text("臺灣的習近平"), "台湾的习近平");
    assert_eq!(app.display_text("plain words"), "plain words");
}

#[test]
fn an_empty_brief_survives_every_view_action() {
    let mut app = App::new(gloss::brief::Brief::default());
    for action in [
        Action::CycleView,
        Action::ToggleCompare,
        Action::PageDown,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::CycleView,
        Action::Cancel,
    ] {
        app.apply(action);
        draw(&mut app, 40, 10);
    }
    for (w, h) in [(0, 0), (1, 1), (5, 3), (12, 6)] {
        let mut app = seed();
        app.apply(Action::ToggleCompare);
        app.apply(Action::CycleView);
        draw(&mut app, w, h);
        assert_eq!(app.top, Pos::default());
    }
}

fn small_brief(paragraphs: Vec<gloss::brief::Paragraph>) -> App {
    use gloss::brief::{Brief, Meta, Section};
    App::new(Brief {
        meta: Meta {
            title: Some("表格".into()),
            ..Meta::default()
        },
        sections: vec![Section {
            level: 1,
            title: Some("經濟數據".into()),
            paragraphs,
            ..Section::default()
        }],
        ..Brief::default()
    })
}

/// Table cells are converted one by one, so a converted row still splits
/// into its columns and lines up under the others.
#[test]
fn table_rows_keep_their_columns_in_a_converted_view() {
    use gloss::brief::{Paragraph, ParagraphKind, Span};
    let row = |cells: &[&str]| Paragraph {
        kind: ParagraphKind::TableRow,
        cells: cells.iter().map(|c| c.to_string()).collect(),
        spans: vec![Span::plain(cells.join(" "))],
        ..Paragraph::default()
    };
    let mut app = small_brief(vec![
        row(&["國家", "貿易額"]),
        row(&["臺灣", "1,234"]),
        row(&["美國", "5,678"]),
    ]);
    press(&mut app, 'c');
    let t = draw(&mut app, 60, 12);
    let buf = t.backend().buffer();
    let screen = screen_text(buf);
    let taiwan = find_word(buf, "台湾");
    let usa = find_word(buf, "美国");
    assert!(!taiwan.is_empty() && !usa.is_empty(), "{screen}");
    assert!(screen.contains("贸易额"), "{screen}");
    // Both rows: the first cell at the same column, the bar after it too.
    assert_eq!(taiwan[0].0[0], usa[0].0[0]);
    let bar = |y: u16| (0..60).find(|&x| x > taiwan[0].0[0] && buf[(x, y)].symbol() == "│");
    assert_eq!(bar(taiwan[0].1), bar(usa[0].1));
}

/// Inline styles move with the characters, by char index, even when the
/// bytes shift: an override makes the bold 臺灣 a bold TW (two chars, but
/// two bytes instead of six).
#[test]
fn inline_styles_land_on_the_same_characters_when_converted() {
    use gloss::brief::{Paragraph, ParagraphKind, Span, Style};
    let mut p = Paragraph::plain(ParagraphKind::Text, "Ｇ２與");
    p.spans.push(Span {
        text: "臺灣".into(),
        style: Style {
            strong: true,
            ..Style::default()
        },
    });
    p.spans.push(Span::plain("關係"));
    let mut app = small_brief(vec![p]);
    let overrides = Overrides::parse("臺灣\tTW\n", Path::new("phrases.txt")).unwrap();
    app.view.set_overrides(overrides);
    press(&mut app, 'c');
    let t = draw(&mut app, 60, 12);
    let buf = t.backend().buffer();
    let hits = find_word(buf, "与TW关系");
    assert_eq!(hits.len(), 1, "{}", screen_text(buf));
    let (xs, y) = &hits[0];
    let bold = |x: u16| {
        buf[(x, *y)]
            .modifier
            .contains(ratatui::style::Modifier::BOLD)
    };
    assert_eq!(
        xs.iter().map(|&x| bold(x)).collect::<Vec<_>>(),
        [false, true, true, false, false]
    );
    assert!(!bold(xs[0] - 2), "Ｇ２ stays plain");
}
