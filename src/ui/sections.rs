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
    let mut e = app.list.offset;
    let mut row = 0;
    while row < area.height {
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
        // The selected title is shown whole, wrapped over a few rows, so
        // a narrow list still tells which section this is.
        let lines = if e == current {
            app.list_title_lines(e)
        } else {
            Vec::new()
        };
        let taken = app.list_rows_of(e).min(lines.len()).max(1);
        if lines.len() > 1 {
            let width = usize::from(area.width);
            for k in 0..taken {
                let Some(y) = u16::try_from(k)
                    .ok()
                    .map(|k| y + k)
                    .filter(|y| *y < area.bottom())
                else {
                    break;
                };
                // The last row shown ends with an ellipsis if more is left.
                let text = if k + 1 == taken {
                    let rest: String = lines[k + 1..].iter().map(|l| l.trim_start()).collect();
                    fit(&format!("{}{rest}", lines[k]), width)
                } else {
                    lines[k].clone()
                };
                let line = Line::styled(clean(&text).into_owned(), style);
                buf.set_style(ratatui::layout::Rect::new(area.x, y, area.width, 1), style);
                buf.set_line(area.x, y, &line, area.width);
            }
            row = row.saturating_add(u16::try_from(taken).unwrap_or(u16::MAX));
        } else {
            let indent = "  ".repeat(usize::from(entry.level.saturating_sub(1)));
            let text = format!(" {indent}{}", clean(&app.display_text(&entry.title)));
            let text = fit(&text, usize::from(area.width));
            buf.set_style(ratatui::layout::Rect::new(area.x, y, area.width, 1), style);
            buf.set_line(area.x, y, &Line::styled(text, style), area.width);
            row += 1;
        }
        e += 1;
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
