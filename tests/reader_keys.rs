//! Keymap → action → state: a key sequence in, the reader's state out.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use gloss::app::{Action, App, Focus, Mode, Pos};
use gloss::brief::{Brief, Meta, Paragraph, ParagraphKind, Section};
use ratatui::layout::Rect;

/// Front matter, three sections of twelve paragraphs, back matter.
fn sample() -> Brief {
    let section = |n: usize, level: u8| Section {
        id: format!("s{n}"),
        level,
        title: Some(format!("Section {n}")),
        paragraphs: (0..12)
            .map(|p| {
                Paragraph::plain(
                    ParagraphKind::Text,
                    format!("Paragraph {p} of section {n}: 兩國元首作為掌舵人 steady words."),
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
        front_matter: vec![Paragraph::plain(ParagraphKind::Caption, "A caption")],
        sections: vec![section(1, 1), section(2, 2), section(3, 1)],
        back_matter: vec![Paragraph::plain(ParagraphKind::Footnote, "The end")],
    }
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(sample());
    app.resize(Rect::new(0, 0, width, height));
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types `keys`: each char is a key, `<Esc>`, `<Enter>`, `<Tab>`, `<BS>`,
/// `<PgDn>` name the others.
fn type_keys(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (event, len) = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let code = match &rest[1..end] {
                "Esc" => KeyCode::Esc,
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                "BS" => KeyCode::Backspace,
                "PgDn" => KeyCode::PageDown,
                "Down" => KeyCode::Down,
                other => panic!("unknown key name {other}"),
            };
            (key(code), end + 1)
        } else {
            (key(KeyCode::Char(c)), c.len_utf8())
        };
        if let Some(action) = app.key_action(&event) {
            app.apply(action);
        }
        rest = &rest[len..];
    }
}

#[test]
fn j_and_k_scroll_a_line_and_stop_at_the_start() {
    let mut a = app(80, 20);
    type_keys(&mut a, "jjj");
    assert_eq!(a.top, Pos { block: 1, line: 1 });
    type_keys(&mut a, "kkkkkk");
    assert_eq!(a.top, Pos::default());
}

#[test]
fn paging_moves_a_screen_less_one_line() {
    let mut a = app(80, 20);
    let rows = a.screen.body_rows();
    type_keys(&mut a, " ");
    let mut b = app(80, 20);
    type_keys(&mut b, &"j".repeat(rows - 1));
    assert_eq!(a.top, b.top);
    type_keys(&mut a, "b");
    assert_eq!(a.top, Pos::default());
    type_keys(&mut a, "<PgDn>");
    assert_eq!(a.top, b.top);
}

#[test]
fn g_and_shift_g_go_to_the_ends() {
    let mut a = app(80, 20);
    type_keys(&mut a, "G");
    assert_eq!(a.percent(), 100);
    assert_eq!(a.current_entry(), a.doc.entries.len() - 1);
    let end = a.top;
    type_keys(&mut a, "j");
    assert_eq!(a.top, end, "no scrolling past the end");
    type_keys(&mut a, "g");
    assert_eq!(a.top, Pos::default());
    assert_eq!(a.percent(), 0);
}

#[test]
fn brackets_move_between_sections_and_the_list_follows() {
    let mut a = app(80, 20);
    type_keys(&mut a, "]");
    assert_eq!(a.current_entry(), 1);
    assert_eq!(a.top.block, a.doc.entries[1].first_block);
    assert_eq!(a.list.selected, 1);
    type_keys(&mut a, "]]");
    assert_eq!(a.current_entry(), 3);
    type_keys(&mut a, "j[");
    assert_eq!(
        a.top.block, a.doc.entries[3].first_block,
        "back to the start first"
    );
    type_keys(&mut a, "[");
    assert_eq!(a.current_entry(), 2);
}

#[test]
fn the_list_follows_the_body_while_scrolling() {
    let mut a = app(80, 20);
    let second = a.doc.entries[2].first_block;
    while a.top.block < second {
        type_keys(&mut a, "j");
    }
    assert_eq!(a.list.selected, 2);
    assert_eq!(a.current_entry(), 2);
}

#[test]
fn tab_enter_jumps_to_the_selected_section() {
    let mut a = app(80, 20);
    type_keys(&mut a, "<Tab>jj");
    assert_eq!(a.focus, Focus::List);
    assert_eq!(a.top, Pos::default(), "moving in the list leaves the body");
    type_keys(&mut a, "<Enter>");
    assert_eq!(a.top.block, a.doc.entries[2].first_block);
    type_keys(&mut a, "<Tab>j");
    assert_eq!(a.focus, Focus::Body);
    assert_eq!(a.top.line, 1);
}

#[test]
fn search_counts_matches_and_n_cycles_through_them() {
    let mut a = app(80, 20);
    type_keys(&mut a, "/section 2");
    assert_eq!(a.mode, Mode::Search);
    // The heading "Section 2" and its twelve paragraphs.
    assert_eq!(a.search.matches.len(), 13);
    assert_eq!(a.search.current, Some(0));
    type_keys(&mut a, "<Enter>n");
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.search.current, Some(1));
    let m = &a.search.matches[1];
    assert!(a.top.block <= m.block, "the view moved to the match");
    type_keys(&mut a, "NN");
    assert_eq!(a.search.current, Some(12), "N wraps around");
    type_keys(&mut a, "<Esc>");
    assert!(a.search.matches.is_empty());
    assert!(!a.search.is_active());
}

#[test]
fn search_folds_case_and_full_width_forms() {
    let mut a = app(80, 20);
    type_keys(&mut a, "/ＳＴＥＡＤＹ");
    assert_eq!(a.search.matches.len(), 36);
    let m = &a.search.matches[0];
    let text = a.doc.text(m.block);
    let hit: String = text
        .chars()
        .skip(m.chars.start)
        .take(m.chars.len())
        .collect();
    assert_eq!(hit, "steady");
}

#[test]
fn backspace_widens_the_search_again() {
    let mut a = app(80, 20);
    type_keys(&mut a, "/section 3");
    assert_eq!(a.search.matches.len(), 13);
    type_keys(&mut a, "<BS>");
    assert_eq!(a.search.query, "section ");
    assert_eq!(a.search.matches.len(), 36 + 3);
}

#[test]
fn letters_typed_in_a_search_are_text_and_esc_then_q_quits() {
    let mut a = app(80, 20);
    type_keys(&mut a, "/q");
    assert!(!a.quit);
    assert_eq!(a.search.query, "q");
    type_keys(&mut a, "<Esc>");
    assert_eq!(a.mode, Mode::Normal);
    type_keys(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn help_opens_closes_and_swallows_movement() {
    let mut a = app(80, 20);
    type_keys(&mut a, "?");
    assert_eq!(a.mode, Mode::Help);
    type_keys(&mut a, "jjG");
    assert_eq!(a.top, Pos::default());
    type_keys(&mut a, "<Esc>");
    assert_eq!(a.mode, Mode::Normal);
    assert!(!a.quit);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(80, 20);
    let body = a.screen.body;
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: body.x + 3,
        row: body.y + 2,
        modifiers: KeyModifiers::NONE,
    };
    let action = a.mouse_action(&wheel).unwrap();
    a.apply(action);
    assert_eq!(a.top, Pos { block: 1, line: 1 });
    let list = a.screen.list;
    a.apply(Action::ScrollAt {
        column: list.x,
        row: list.y,
        lines: 3,
    });
    assert_eq!(a.top, Pos { block: 1, line: 1 }, "the body stays put");
}

#[test]
fn a_click_on_a_section_jumps_there() {
    let mut a = app(80, 20);
    let list = a.screen.list;
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 2,
        row: list.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    let action = a.mouse_action(&click).unwrap();
    a.apply(action);
    assert_eq!(a.current_entry(), 3);
    assert_eq!(a.top.block, a.doc.entries[3].first_block);
}

#[test]
fn resizing_keeps_the_paragraph_at_the_top() {
    let mut a = app(80, 20);
    type_keys(&mut a, "]]jj");
    let block = a.top.block;
    a.apply(Action::Resize {
        width: 40,
        height: 10,
    });
    assert_eq!(a.top.block, block);
    a.apply(Action::Resize {
        width: 1,
        height: 1,
    });
    a.apply(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(a.top.block, block);
}

fn one_paragraph(text: &str) -> App {
    let brief = Brief {
        sections: vec![Section {
            paragraphs: vec![Paragraph::plain(ParagraphKind::Text, text)],
            ..Section::default()
        }],
        ..Brief::default()
    };
    let mut app = App::new(brief);
    app.resize(Rect::new(0, 0, 30, 10));
    app
}

fn match_starts(app: &App) -> Vec<usize> {
    app.search.matches.iter().map(|m| m.chars.start).collect()
}

proptest::proptest! {
    /// Growing the query a key at a time finds exactly what a fresh search
    /// finds, and both agree with a naive scan of the folded text.
    #[test]
    fn incremental_search_agrees_with_a_fresh_one(
        text in "[abAＡ 臺台\n]{0,40}",
        query in "[abAａ臺]{1,4}",
    ) {
        let mut typed = one_paragraph(&text);
        type_keys(&mut typed, &format!("/{query}"));
        let mut fresh = one_paragraph(&text);
        type_keys(&mut fresh, &format!("/{query}x<BS>"));
        let fold = |s: &str| s.chars().map(gloss::convert::fold_char).collect::<Vec<_>>();
        let (t, q) = (fold(&text), fold(&query));
        let naive: Vec<usize> = (0..t.len())
            .filter(|&i| t[i..].starts_with(&q))
            .collect();
        proptest::prop_assert_eq!(match_starts(&typed), naive.clone());
        proptest::prop_assert_eq!(match_starts(&fresh), naive);
    }
}

#[test]
fn the_help_scrolls_on_a_small_screen_and_stops_at_its_end() {
    let mut a = app(40, 12);
    type_keys(&mut a, "?j");
    assert_eq!(a.help_offset, 1);
    type_keys(&mut a, &"j".repeat(100));
    let rows = a.help_rows().len();
    assert_eq!(
        a.help_offset,
        rows - (12 - 2),
        "the last row is at the bottom"
    );
    type_keys(&mut a, "<Esc>?");
    assert_eq!(a.help_offset, 0, "opens at the top again");
    let mut tall = app(80, 100);
    type_keys(&mut tall, "?jj");
    assert_eq!(tall.help_offset, 0, "nothing to scroll when all fits");
}

#[test]
fn esc_and_a_key_read_together_as_alt_key_act_as_the_two_keys() {
    let mut a = app(80, 20);
    type_keys(&mut a, "?");
    assert_eq!(a.mode, Mode::Help);
    // What a terminal sends for Esc then q typed quickly: one Alt+q.
    a.handle_key(&KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT));
    assert_eq!(a.mode, Mode::Normal);
    assert!(a.quit);
}

#[test]
fn alt_with_ctrl_is_not_split() {
    let mut a = app(80, 20);
    a.handle_key(&KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::ALT | KeyModifiers::CONTROL,
    ));
    assert!(!a.quit);
}
