//! Following links from the reader: footnotes and sections jump (and
//! Ctrl-O comes back), web addresses go to the opener, other schemes not.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App};
use gloss::brief;

const BRIEF: &str = "# 標題\n\n正文提到一項研究[^1]，見[第二節](#second-part)、[官網](https://example.org)與[檔案](file:///etc/passwd)。\n\n\
## Second Part\n\n內容。\n\n## Third\n\n更多內容。\n\n[^1]: 研究出處。\n";

fn open() -> App {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(&file, BRIEF).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    // Through `apply`, which also puts the cursor on a paragraph on screen.
    app.apply(Action::Resize {
        width: 80,
        height: 6,
    });
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\x0f' => KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL),
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.handle_key(&event);
    }
}

fn said(app: &App) -> String {
    app.notes
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn footnotes_and_sections_jump_and_ctrl_o_comes_back() {
    let mut app = open();
    let start = (app.top, app.notes.cursor);
    assert!(app.doc.text(app.notes.cursor).starts_with("正文"));
    // Several links: `f` lists them, Enter follows the highlighted one.
    press(&mut app, "f");
    assert!(app.notes.overlay.is_some(), "the list of links is open");
    press(&mut app, "\r");
    assert!(app.notes.overlay.is_none());
    assert_eq!(app.doc.text(app.notes.cursor), "研究出處。");
    assert!(said(&app).contains("went to [1]"), "{}", said(&app));
    press(&mut app, "\x0f");
    assert_eq!((app.top, app.notes.cursor), start);
    press(&mut app, "1f");
    assert!(said(&app).contains("[1] (1 of 4"), "{}", said(&app));
    press(&mut app, "\x0f");
    assert_eq!((app.top, app.notes.cursor), start);
    press(&mut app, "2f");
    assert_eq!(app.doc.text(app.top.block), "Second Part");
    press(&mut app, "\x0f");
    assert_eq!((app.top, app.notes.cursor), start);
}

#[test]
fn web_addresses_go_to_the_opener_and_other_schemes_do_not() {
    let mut app = open();
    press(&mut app, "3f");
    assert_eq!(app.take_open_url().as_deref(), Some("https://example.org"));
    press(&mut app, "4f");
    assert_eq!(app.take_open_url(), None);
    assert!(said(&app).contains("not opened"), "{}", said(&app));
    press(&mut app, "9f");
    assert!(said(&app).contains("has 4 links"), "{}", said(&app));
}

#[test]
fn a_search_puts_the_cursor_on_the_match_so_f_follows_its_link() {
    let mut app = open();
    press(&mut app, "/內容");
    app.apply(Action::SearchConfirm);
    assert_eq!(app.doc.text(app.notes.cursor), "內容。");
    press(&mut app, "g/研究");
    app.apply(Action::SearchConfirm);
    assert!(app.doc.text(app.notes.cursor).starts_with("正文"));
    press(&mut app, "f\r");
    assert_eq!(app.doc.text(app.notes.cursor), "研究出處。");
}

#[test]
fn addresses_written_out_in_the_text_are_links_too() {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("daily.md");
    let text = "# 日報\n\n链接：https://www.cnas.org/red-lines，另見 www.govinfo.gov/x.pdf.\n";
    std::fs::write(&file, text).unwrap();
    let mut app = App::new(brief::load_path(&file).unwrap());
    app.apply(Action::Resize {
        width: 80,
        height: 6,
    });
    let texts: Vec<String> = app
        .links_in(app.notes.cursor)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        texts,
        ["https://www.cnas.org/red-lines", "www.govinfo.gov/x.pdf"]
    );
    press(&mut app, "2f");
    assert_eq!(
        app.take_open_url().as_deref(),
        Some("https://www.govinfo.gov/x.pdf")
    );
    // From the list, a link's number follows it.
    press(&mut app, "f1");
    assert_eq!(
        app.take_open_url().as_deref(),
        Some("https://www.cnas.org/red-lines")
    );
}
