//! A short message over the status bar (a settings warning, what a key
//! did), in the warning style when it is one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::text::clean;
use crate::app::App;
use crate::app::resume::Message;
use crate::theme::Theme;

/// Draws the reader's current message, if any, over its status bar.
pub(super) fn draw(buf: &mut Buffer, app: &App) {
    if let Some(message) = app.resume.current_message() {
        draw_message(buf, app.screen.status, message, &app.theme);
    }
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
