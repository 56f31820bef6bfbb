//! The section list on the left and the divider beside it. Only the
//! entries on screen are drawn, however long the list.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use unicode_width::UnicodeWidthChar;

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
        let text = fit(&text, usize::from(area.width));
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

/// `text` cut to `width` columns with an ellipsis when it does not fit, so
/// a cut title reads as cut (a wide character is never split).
fn fit(text: &str, width: usize) -> String {
    let full: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if full <= width || width == 0 {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_title_that_does_not_fit_ends_with_an_ellipsis_within_the_width() {
        assert_eq!(fit(" 美中外交交鋒走向競爭有度？", 12), " 美中外交交…");
        assert_eq!(fit(" 美中外交", 12), " 美中外交");
        // An ideograph that would straddle the edge is left out whole.
        assert_eq!(fit(" 美中外交", 6), " 美中…");
        assert_eq!(fit(" Key Findings", 8), " Key Fi…");
    }
}
