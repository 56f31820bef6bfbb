//! What the last key did (or a settings warning, a failed save): a short
//! line in the status bar, in the warning style when it is one. The reader
//! puts it after the facts (see `status`); the library draws it over its bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::clean;
use crate::app::App;
use crate::app::resume::Message;
use crate::theme::Theme;

/// The reader's messages as status-bar spans, each after two spaces: a
/// failed save first (it stays until the save succeeds), then what the
/// last key said.
pub(super) fn spans(app: &App) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    if let Some(error) = &app.notes.save_error {
        out.push(Span::styled(
            format!("  {}{}", crate::app::notes::RETRYING, clean(error)),
            theme.status_warning,
        ));
    }
    // A failed save also says so as the notes' message: once is enough.
    let notes_said = app
        .notes
        .message
        .as_ref()
        .filter(|_| app.notes.save_error.is_none());
    let said = [
        app.resume.current_message().map(|m| (&m.text, m.warning)),
        notes_said.map(|m| (&m.text, m.warning)),
    ];
    for (text, warning) in said
        .into_iter()
        .flatten()
        .filter(|(t, _)| !t.trim().is_empty())
    {
        let style = if warning {
            theme.status_warning
        } else {
            theme.status
        };
        out.push(Span::styled(format!("  {}", clean(text)), style));
    }
    out
}

/// Draws `message` over the one-row `area`.
pub(super) fn draw_message(buf: &mut Buffer, area: Rect, message: &Message, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let style = if message.warning {
        theme.status_warning
    } else {
        theme.status
    };
    // Cover what the status bar drew, not only its style.
    buf.set_string(area.x, area.y, " ".repeat(usize::from(area.width)), style);
    let line = Line::styled(format!(" {}", clean(&message.text)), style);
    buf.set_line(area.x, area.y, &line, area.width);
}
