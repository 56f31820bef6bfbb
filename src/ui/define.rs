//! The dictionary pop-up: the word's entries, readings and senses, in a
//! box over the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::App;

pub(super) fn draw(frame: &mut Frame, app: &App) {
    let Some(popup) = &app.define else {
        return;
    };
    let theme = &app.theme;
    let lines: Vec<Line> = popup
        .lines()
        .into_iter()
        .map(|l| Line::styled(super::clean(&l).into_owned(), theme.overlay))
        .collect();
    let area = frame.area();
    let width = area.width.min(72);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    // Rows the wrapped lines take, so the box fits them when it can.
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .title(" Dictionary · ] [ next / previous word · Esc closes ")
        .style(theme.overlay)
        .border_style(theme.overlay_border);
    super::notes::clear_box(frame, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}
