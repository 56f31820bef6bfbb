//! Pages for citing: `7P` goes to a printed page, and exported notes name
//! the page their paragraph is on.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::App;
use gloss::brief::load::Format;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Plain text of pages numbered `from`…`to`, ten paragraphs each, the
/// number at the foot of each page.
fn paged_text(from: usize, to: usize) -> String {
    let mut text = String::from("Title of the brief\n\n");
    for n in from..=to {
        for i in 0..10 {
            text += &format!("Paragraph {i} of page {n} runs on for a while, as text does.\n\n");
        }
        text += &format!("- {n} -\n\u{c}");
    }
    text
}

fn app_of(text: &str) -> App {
    let mut brief =
        gloss::brief::load_bytes(text.as_bytes(), Format::PlainText, "t").expect("a brief");
    brief.meta.encoding = "UTF-8".into();
    let mut app = App::new(brief);
    app.resize(Rect::new(0, 0, 100, 12));
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = match c {
            '\x0f' => KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        app.handle_key(&event);
    }
}

/// The screen as text, one row a line.
fn screen(app: &mut App) -> Vec<String> {
    let area = app.screen.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn a_page_number_then_p_goes_to_that_page_and_ctrl_o_comes_back() {
    let mut app = app_of(&paged_text(7, 9));
    let status = |app: &mut App| screen(app).last().cloned().unwrap_or_default();
    assert!(status(&mut app).contains("p. 7"), "{}", status(&mut app));
    press(&mut app, "9P");
    let shown = screen(&mut app).join("\n");
    assert!(shown.contains("Paragraph 0 of page 9"), "{shown}");
    assert!(status(&mut app).contains("p. 9"), "{}", status(&mut app));
    press(&mut app, "\x0f");
    assert!(status(&mut app).contains("p. 7"), "{}", status(&mut app));
    // A page the brief does not have, or no number: it stays and says why.
    press(&mut app, "42P");
    assert!(
        status(&mut app).contains("no page 42"),
        "{}",
        status(&mut app)
    );
    assert!(
        screen(&mut app)
            .join("\n")
            .contains("Paragraph 0 of page 7")
    );
    press(&mut app, "P");
    assert!(status(&mut app).contains("7P"), "{}", status(&mut app));
}

/// Runs `gloss ARGS` with its own data and config folders under `home`.
fn gloss(home: &std::path::Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("gloss")
        .unwrap()
        .env("GLOSS_DATA_DIR", home.join("data"))
        .env("GLOSS_CONFIG_DIR", home.join("config"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exported_notes_name_the_page_of_their_paragraph() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("paged.txt");
    std::fs::write(&file, paged_text(7, 9)).unwrap();
    let file = file.to_str().unwrap();
    gloss(
        home.path(),
        &[
            "notes",
            "add",
            file,
            "--quote",
            "Paragraph 3 of page 8",
            "--text",
            "cite",
        ],
    );
    let w3c: serde_json::Value = serde_json::from_str(&gloss(
        home.path(),
        &["notes", "list", file, "--format", "w3c"],
    ))
    .unwrap();
    let selector = &w3c["first"]["items"][0]["target"]["selector"];
    assert_eq!(selector["type"], "FragmentSelector", "{selector}");
    assert_eq!(selector["value"], "page=8");
    assert_eq!(selector["refinedBy"]["type"], "TextQuoteSelector");
    assert_eq!(selector["refinedBy"]["exact"], "Paragraph 3 of page 8");
    let md = gloss(home.path(), &["notes", "list", file, "--format", "md"]);
    assert!(md.contains("_p. 8 · "), "{md}");
    let csv = gloss(home.path(), &["notes", "list", file, "--format", "csv"]);
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "pages").unwrap();
    assert_eq!(rows.next().unwrap().split(',').nth(column), Some("8"));
    let json: serde_json::Value = serde_json::from_str(&gloss(
        home.path(),
        &["notes", "list", file, "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["notes"][0]["pages"], serde_json::json!(["8"]));
    // A brief without pages keeps the plain quote selector.
    let flat = home.path().join("flat.txt");
    std::fs::write(
        &flat,
        "A title\n\nOne paragraph of plain text that runs on a while.\n",
    )
    .unwrap();
    let flat = flat.to_str().unwrap();
    gloss(
        home.path(),
        &["notes", "add", flat, "--quote", "plain text", "--text", "x"],
    );
    let w3c: serde_json::Value = serde_json::from_str(&gloss(
        home.path(),
        &["notes", "list", flat, "--format", "w3c"],
    ))
    .unwrap();
    assert_eq!(
        w3c["first"]["items"][0]["target"]["selector"]["type"],
        "TextQuoteSelector"
    );
}
