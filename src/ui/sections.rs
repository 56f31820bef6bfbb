//! The section list on the left and the divider beside it. Only the
//! entries on screen are drawn, however long the list.

use ratatui::buffer::Buffer;
use ratatui::text::Line;

use super::text::clean;
use crate::app::doc::EntryKind;
use crate::app::{App, Focus};

pub(super) fn draw(buf: &mut Buffer, app: &App) {
    let area = app.screen.list;
    let theme = &app.theme;
    let current = app.list.selected;
    for row in 0..area.height {
        let e = app.list.offset + usize::from(row);
        let Some(entry) = app.doc.entries.get(e) else {
            break;
        };
        let y = area.y + row;
        let style = if e == current {
            match app.focus {
                Focus::List => theme.list_selected_focused,
                Focus::Body => theme.list_selected,
            }
        } else if entry.kind == EntryKind::Section {
            theme.list_entry
        } else {
            theme.list_matter
        };
        let indent = "  ".repeat(usize::from(entry.level.saturating_sub(1)));
        let text = format!(" {indent}{}", clean(&app.display_text(&entry.title)));
        buf.set_style(ratatui::layout::Rect::new(area.x, y, area.width, 1), style);
        buf.set_line(area.x, y, &Line::styled(text, style), area.width);
    }
    let divider = app.screen.divider;
    if divider.width == 0 {
        return;
    }
    for row in 0..divider.height {
        buf.set_string(divider.x, divider.y + row, "│", theme.divider);
    }
}
