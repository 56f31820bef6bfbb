//! The help overlay: every key of the keymap with what it does, generated
//! from the keymap so that it cannot fall out of date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;

pub(super) fn draw(frame: &mut Frame, app: &App) {
    let theme = &app.theme;
    let rows = app.help_rows();
    let key_cols = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            let pad = " ".repeat(key_cols - keys.width());
            Line::from(vec![
                Span::styled(format!(" {keys}{pad}  "), theme.overlay_key),
                Span::styled(*what, theme.overlay),
            ])
        })
        .collect();
    let lines: Vec<Line> = lines.into_iter().skip(app.help_offset).collect();
    let text_cols = lines.iter().map(Line::width).max().unwrap_or(0) + 1;
    let area = frame.area();
    let width = u16::try_from(text_cols + 2)
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .title(" Keys · j k scroll · ? q or Esc closes ")
        .style(theme.overlay)
        .border_style(theme.overlay_border);
    super::notes::clear_box(frame, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
