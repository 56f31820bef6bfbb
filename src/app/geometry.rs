//! Where each part of the screen goes for a terminal size. The app needs it
//! as much as the drawing does: page sizes, wrap width and mouse hits all
//! depend on it.

use ratatui::layout::{Position, Rect};

/// Rows of the header (title, then authors · date · series).
const HEADER_ROWS: u16 = 2;
/// Below this width the section list is hidden and the body takes all.
const MIN_WIDTH_FOR_LIST: u16 = 30;

/// Layout choices from the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScreenPrefs {
    /// The section list's width; `None` sizes it to the terminal.
    pub list_width: Option<u16>,
    /// The widest text column; a wider body is centered. 0: no limit.
    pub wrap_width: u16,
}

/// The rectangles of the reader's screen. Any of them may be empty on a
/// small terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal.
    pub area: Rect,
    /// Title and meta data.
    pub header: Rect,
    /// The section list.
    pub list: Rect,
    /// The column between the list and the body.
    pub divider: Rect,
    /// The body, including its one-column left margin.
    pub body: Rect,
    /// The status bar (the last row).
    pub status: Rect,
}

impl Screen {
    /// The layout for a terminal of `area`'s size.
    pub fn new(area: Rect) -> Screen {
        Screen::with_prefs(area, ScreenPrefs::default())
    }

    /// The layout for a terminal of `area`'s size and the given choices.
    pub fn with_prefs(area: Rect, prefs: ScreenPrefs) -> Screen {
        let status_rows = area.height.min(1);
        // The header goes first when space runs out: the text matters more.
        let header_rows = if area.height >= 6 { HEADER_ROWS } else { 0 };
        let middle_rows = area.height - status_rows - header_rows;
        let header = Rect::new(area.x, area.y, area.width, header_rows);
        let middle_y = area.y + header_rows;
        let status = Rect::new(area.x, middle_y + middle_rows, area.width, status_rows);
        let list_cols = match (area.width >= MIN_WIDTH_FOR_LIST, prefs.list_width) {
            (false, _) => 0,
            // The body keeps at least half of the screen.
            (true, Some(width)) => width.min(area.width / 2),
            (true, None) => (area.width / 4).clamp(12, 32),
        };
        let divider_cols = list_cols.min(1);
        let list = Rect::new(area.x, middle_y, list_cols, middle_rows);
        let divider = Rect::new(area.x + list_cols, middle_y, divider_cols, middle_rows);
        let body_x = area.x + list_cols + divider_cols;
        let mut body = Rect::new(
            body_x,
            middle_y,
            area.width - (body_x - area.x),
            middle_rows,
        );
        // One column of the body is its left margin.
        let widest = prefs.wrap_width.saturating_add(1);
        if prefs.wrap_width > 0 && body.width > widest {
            body.x += (body.width - widest) / 2;
            body.width = widest;
        }
        Screen {
            area,
            header,
            list,
            divider,
            body,
            status,
        }
    }

    /// The columns text in the body is wrapped to (never 0).
    pub fn text_width(&self) -> usize {
        usize::from(self.body.width.saturating_sub(1)).max(1)
    }

    /// The rows of body text on screen.
    pub fn body_rows(&self) -> usize {
        usize::from(self.body.height)
    }

    /// Whether the point is inside the section list.
    pub fn in_list(&self, column: u16, row: u16) -> bool {
        self.list.contains(Position::new(column, row))
    }

    /// Whether the point is inside the body.
    pub fn in_body(&self, column: u16, row: u16) -> bool {
        self.body.contains(Position::new(column, row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_tile_the_screen() {
        let s = Screen::new(Rect::new(0, 0, 100, 30));
        assert_eq!(s.header.height, 2);
        assert_eq!(s.status.y, 29);
        assert_eq!(s.list.width, 25);
        assert_eq!(s.body.x, 26);
        assert_eq!(s.body.width, 74);
        assert_eq!(s.body.height, 27);
    }

    #[test]
    fn a_wide_body_is_centered_at_the_wrap_width() {
        let prefs = ScreenPrefs {
            list_width: Some(20),
            wrap_width: 60,
        };
        let s = Screen::with_prefs(Rect::new(0, 0, 200, 30), prefs);
        assert_eq!(s.list.width, 20);
        assert_eq!(s.text_width(), 60);
        // 179 columns right of the divider, 61 used: 59 on each side.
        assert_eq!(s.body.x, 21 + 59);
        let narrow = Screen::with_prefs(Rect::new(0, 0, 50, 30), prefs);
        assert_eq!(narrow.list.width, 20);
        assert_eq!(narrow.text_width(), 28);
        let tiny = Screen::with_prefs(Rect::new(0, 0, 34, 10), prefs);
        assert_eq!(tiny.list.width, 17);
    }

    #[test]
    fn tiny_terminals_keep_only_what_fits() {
        let s = Screen::new(Rect::new(0, 0, 1, 1));
        assert_eq!(s.status.height, 1);
        assert_eq!(s.body.height, 0);
        assert_eq!(s.list.width, 0);
        assert_eq!(s.text_width(), 1);
        let empty = Screen::new(Rect::new(0, 0, 0, 0));
        assert_eq!(empty.body.area(), 0);
    }
}
