//! Drawing the library screen: a header, a row of column names, one row a
//! brief with its file's name (so a PDF and its text extraction are told
//! apart; unreadable files greyed, with their error), and a status line
//! with the count, the sort key, the filter and key hints.

use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::message::draw_message;
use super::text::clean;
use crate::app::library::LibraryView;
use crate::library::{LibraryEntry, PEEK_BUDGET, Peek};
use crate::theme::Theme;

const GAP: u16 = 1;
/// The Date column's width on an ordinary terminal: `2026-05-20`.
const DATE_WIDTH: u16 = 10;
/// How wide the Date column may grow on a wide terminal, for dates
/// written out (`Friday 7 July 2023`).
const DATE_MAX_WIDTH: u16 = 24;
/// Terminals at least this wide give dates their whole width.
const WIDE: u16 = 140;
/// The columns, in order; `Notes` is right-aligned.
const NAMES: [&str; 7] = [
    "Title",
    "Authors",
    "Date",
    "Series",
    "File",
    "Notes",
    "Last read",
];
const NOTES_COLUMN: usize = 5;
const FILE_COLUMN: usize = 4;
const NOTES_WIDTH: u16 = 5;
const READ_WIDTH: u16 = 10;

/// Draws the library on the whole frame.
pub fn draw(frame: &mut Frame, view: &mut LibraryView, theme: &Theme) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.body);
    if area.height == 0 || area.width == 0 {
        return;
    }
    let header = Line::from(vec![
        Span::styled(" Library ", theme.header_title),
        Span::styled(clean(&view.folder), theme.header_meta),
    ]);
    buf.set_line(area.x, area.y, &header, area.width);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let body_rows = area.height.saturating_sub(3);
    view.fit(usize::from(body_rows));
    if area.height >= 3 {
        let longest_date = view
            .entries
            .iter()
            .filter_map(|e| e.meta.as_ref().ok()?.date.as_deref())
            .map(|d| display_width(&clean(d)))
            .max()
            .unwrap_or(0);
        let columns = Columns::new(area.width, longest_date);
        columns.draw_heading(buf, area.y + 1, theme);
        if view.shown.is_empty() {
            let text = if view.entries.is_empty() {
                "no briefs (.md .markdown .txt .pdf) in this folder or below"
            } else {
                "no brief matches the filter"
            };
            buf.set_stringn(
                area.x + 1,
                area.y + 2,
                text,
                usize::from(area.width),
                theme.caption,
            );
        }
        let rows = view.shown.iter().enumerate().skip(view.offset);
        for (y, (row, &i)) in (area.y + 2..area.y + 2 + body_rows).zip(rows) {
            let selected = row == view.selected;
            columns.draw_entry(buf, y, &view.entries[i], selected, theme);
        }
    }
    match view.message.as_ref().filter(|m| m.is_due()) {
        Some(message) => draw_message(buf, status, message, theme),
        None => draw_status(buf, status, view, theme),
    }
}

/// Where each column starts and how wide it is.
struct Columns {
    x: [u16; 7],
    width: [u16; 7],
    total: u16,
}

impl Columns {
    /// The columns of a `total`-wide screen whose longest date is
    /// `longest_date` columns.
    fn new(total: u16, longest_date: u16) -> Columns {
        let date = if total >= WIDE {
            longest_date.clamp(DATE_WIDTH, DATE_MAX_WIDTH)
        } else {
            DATE_WIDTH
        };
        let fixed = date + NOTES_WIDTH + READ_WIDTH + 7 * GAP;
        let rest = total.saturating_sub(fixed);
        let title = rest * 36 / 100;
        let authors = rest * 20 / 100;
        let series = rest * 18 / 100;
        let file = rest - title - authors - series;
        let width = [title, authors, date, series, file, NOTES_WIDTH, READ_WIDTH];
        let mut x = [0; 7];
        let mut at = GAP;
        for (i, w) in width.iter().enumerate() {
            x[i] = at;
            at = at.saturating_add(w + GAP);
        }
        Columns { x, width, total }
    }

    fn draw_heading(&self, buf: &mut Buffer, y: u16, theme: &Theme) {
        buf.set_style(Rect::new(0, y, self.total, 1), theme.table_header);
        for (i, name) in NAMES.iter().enumerate() {
            self.cell(buf, i, y, name, theme.table_header, i == NOTES_COLUMN);
        }
    }

    fn draw_entry(
        &self,
        buf: &mut Buffer,
        y: u16,
        entry: &LibraryEntry,
        selected: bool,
        theme: &Theme,
    ) {
        let row = Rect::new(0, y, self.total, 1);
        match &entry.meta {
            Ok(meta) => {
                let style = if selected {
                    theme.list_selected_focused
                } else {
                    theme.list_entry
                };
                buf.set_style(row, style);
                let last = entry.last_read.map_or_else(
                    || "—".to_string(),
                    |t| TimeZone::system().to_datetime(t).date().to_string(),
                );
                let notes = if entry.notes == 0 {
                    String::new()
                } else {
                    entry.notes.to_string()
                };
                let cells = [
                    entry.title().to_string(),
                    meta.authors.join(", "),
                    meta.date.clone().unwrap_or_default(),
                    meta.series.clone().unwrap_or_default(),
                    // Cut from the front: the end tells `.pdf` from `.txt`.
                    fit_tail(&clean(&entry.name), self.width[FILE_COLUMN]),
                    notes,
                    last,
                ];
                for (i, text) in cells.iter().enumerate() {
                    self.cell(buf, i, y, text, style, i == NOTES_COLUMN);
                }
                // Not read yet: the file name, and why there is no more.
                let pending = match entry.peek {
                    Peek::Done => None,
                    Peek::Reading => Some("reading…".to_string()),
                    Peek::Slow => Some(format!(
                        "not read in {} s (opens all the same)",
                        PEEK_BUDGET.as_secs()
                    )),
                };
                if let Some(text) = pending {
                    let width = self.total.saturating_sub(self.x[1] + GAP);
                    let look = if selected { style } else { theme.caption };
                    put(buf, self.x[1], y, &text, width, look);
                }
            }
            Err(error) => {
                // Unreadable files stay in the list, greyed, with the reason.
                let mut style = theme.list_matter.add_modifier(Modifier::DIM);
                if selected {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                buf.set_style(row, style);
                self.cell(buf, 0, y, &entry.name, style, false);
                let from = self.x[1];
                let width = self.total.saturating_sub(from + GAP);
                put(buf, from, y, &format!("⚠ {error}"), width, style);
            }
        }
    }

    fn cell(&self, buf: &mut Buffer, i: usize, y: u16, text: &str, style: Style, right: bool) {
        let width = self.width[i];
        if right {
            let shown = fit(&clean(text), width);
            let used = display_width(&shown);
            let x = self.x[i] + width.saturating_sub(used);
            buf.set_string(x, y, shown, style);
        } else {
            put(buf, self.x[i], y, text, width, style);
        }
    }
}

fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) {
    if width == 0 || x >= buf.area.right() {
        return;
    }
    buf.set_string(x, y, fit(&clean(text), width), style);
}

fn display_width(text: &str) -> u16 {
    let w: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    u16::try_from(w).unwrap_or(u16::MAX)
}

/// `text` cut to `width` columns, with `…` when something was cut; a wide
/// character is never split.
fn fit(text: &str, width: u16) -> String {
    let width = usize::from(width);
    let full: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if full <= width {
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
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` in at most `width` columns, keeping its end and starting with
/// `…` when something was cut.
fn fit_tail(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if usize::from(display_width(text)) <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

fn draw_status(buf: &mut Buffer, area: Rect, view: &LibraryView, theme: &Theme) {
    buf.set_style(area, theme.status);
    let mut left = vec![Span::styled(
        format!(
            " {}/{} briefs  sort: {}",
            view.shown.len(),
            view.entries.len(),
            view.sort.label()
        ),
        theme.status,
    )];
    if view.reading() {
        left.push(Span::styled("  reading…", theme.status));
    }
    if view.typing || !view.filter.is_empty() {
        let cursor = if view.typing { "▏" } else { "" };
        left.push(Span::styled(
            format!("  /{}{cursor}", clean(&view.filter)),
            theme.status_search,
        ));
    }
    let left = Line::from(left);
    buf.set_line(area.x, area.y, &left, area.width);
    let hints: &[(&str, &str)] = if view.typing {
        &[("Enter", "keep"), ("Esc", "clear")]
    } else {
        &[
            ("Enter", "open"),
            ("s", "sort"),
            ("/", "filter"),
            ("q", "quit"),
        ]
    };
    let mut spans = Vec::new();
    for (key, what) in hints {
        spans.push(Span::styled(*key, theme.status_key));
        spans.push(Span::styled(format!(" {what}  "), theme.status));
    }
    let hints = Line::from(spans);
    let hints_width = u16::try_from(hints.width()).unwrap_or(u16::MAX);
    let used = u16::try_from(left.width()).unwrap_or(u16::MAX);
    if used.saturating_add(2).saturating_add(hints_width) <= area.width {
        buf.set_line(area.right() - hints_width, area.y, &hints, hints_width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_never_splits_a_wide_character() {
        assert_eq!(fit("數字貿易", 8), "數字貿易");
        assert_eq!(fit("數字貿易", 7), "數字貿…");
        assert_eq!(fit("數字貿易", 6), "數字…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn file_names_keep_their_end() {
        assert_eq!(fit_tail("us-plan.pdf", 20), "us-plan.pdf");
        assert_eq!(fit_tail("reports/us-plan.pdf", 10), "…-plan.pdf");
        assert_eq!(fit_tail("報告/美國.txt", 9), "…美國.txt");
        assert_eq!(fit_tail("abc", 0), "");
    }
}
