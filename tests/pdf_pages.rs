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
