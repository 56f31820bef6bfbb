//! Moving around: scrolling by lines and pages, jumping to sections, the
//! section list, the mouse, and keeping the place when the screen resizes.
//! Positions are (block, line); only the blocks passed over are laid out.

use ratatui::layout::Rect;

use super::{App, Focus, LineKind, Pos};

impl App {
    /// Lines in block `i`'s layout (at least one).
    pub(super) fn line_count(&mut self, i: usize) -> usize {
        self.lines(i).len().max(1)
    }

    /// `pos` moved `n` lines down, stopping at the last line.
    pub(super) fn forward(&mut self, mut pos: Pos, mut n: usize) -> Pos {
        let Some(last) = self.doc.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        loop {
            let count = self.line_count(pos.block);
            let room = count - 1 - pos.line.min(count - 1);
            if n <= room {
                pos.line += n;
                return pos;
            }
            if pos.block >= last {
                pos.line = count - 1;
                return pos;
            }
            n -= room + 1;
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
    }

    /// `pos` moved `n` lines up, stopping at the first line.
    pub(super) fn backward(&mut self, mut pos: Pos, mut n: usize) -> Pos {
        loop {
            if n <= pos.line {
                pos.line -= n;
                return pos;
            }
            if pos.block == 0 {
                return Pos::default();
            }
            n -= pos.line + 1;
            pos.block -= 1;
            pos.line = self.line_count(pos.block) - 1;
        }
    }

    /// The top position that shows the brief's last line at the bottom.
    pub fn end_top(&mut self) -> Pos {
        let Some(last) = self.doc.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        let end = Pos {
            block: last,
            line: self.line_count(last) - 1,
        };
        let rows = self.screen.body_rows().max(1);
        self.backward(end, rows - 1)
    }

    /// Puts `pos` at the top, as far as the end allows.
    pub(super) fn set_top(&mut self, pos: Pos) {
        let end = self.end_top();
        self.top = pos.min(end);
        // A brief that fits on one screen is at its start, not its end.
        self.at_end = self.top >= end && end != Pos::default();
        self.jumped_entry = None;
        self.sync_list();
    }

    /// Scrolls the body by `delta` lines (negative: up).
    pub(super) fn scroll(&mut self, delta: i64) {
        let n = usize::try_from(delta.unsigned_abs()).unwrap_or(usize::MAX);
        let pos = if delta >= 0 {
            self.forward(self.top, n)
        } else {
            self.backward(self.top, n)
        };
        self.set_top(pos);
    }

    /// Up or down in whichever pane has the focus.
    pub(super) fn move_focused(&mut self, delta: i64) {
        match self.focus {
            Focus::Body => self.scroll(delta),
            Focus::List => {
                let last = self.doc.entries.len().saturating_sub(1);
                let sel = self.list.selected as i64 + delta;
                self.list.selected = usize::try_from(sel.max(0)).unwrap_or(0).min(last);
                self.fit_list();
            }
        }
    }

    /// One screen down or up, keeping a line of context.
    pub(super) fn page(&mut self, direction: i64) {
        let rows = self.screen.body_rows();
        let step = rows.saturating_sub(1).max(1) as i64;
        self.scroll(direction * step);
    }

    /// Half a screen down or up (Ctrl-D, Ctrl-U).
    pub(super) fn half_page(&mut self, direction: i64) {
        let step = (self.screen.body_rows() / 2).max(1) as i64;
        self.scroll(direction * step);
    }

    /// Start of the brief, or top of the list.
    pub(super) fn go_top(&mut self) {
        match self.focus {
            Focus::Body => {
                self.set_top(Pos::default());
                // The cursor goes to the first paragraph on screen, as a
                // reader who went to the start expects.
                if let Some(i) =
                    (0..self.doc.blocks.len()).find(|&i| self.doc.paragraph(i).is_some())
                {
                    self.notes.cursor = i;
                }
            }
            Focus::List => {
                self.list.selected = 0;
                self.fit_list();
            }
        }
    }

    /// End of the brief, or bottom of the list.
    pub(super) fn go_bottom(&mut self) {
        match self.focus {
            Focus::Body => {
                let end = self.end_top();
                self.set_top(end);
            }
            Focus::List => {
                self.list.selected = self.doc.entries.len().saturating_sub(1);
                self.fit_list();
            }
        }
    }

    /// Puts entry `e`'s first block at the top (as far as the end allows).
    pub(super) fn jump_to_entry(&mut self, e: usize) {
        let Some(entry) = self.doc.entries.get(e) else {
            return;
        };
        let last = self.doc.blocks.len().saturating_sub(1);
        let block = entry.first_block.min(last);
        self.set_top(Pos { block, line: 0 });
        self.jumped_entry = Some(e);
        self.sync_list();
    }

    /// The section the reader is in: the one last jumped to, else the one
    /// of the top line; at the end of the brief the last one, which is on
    /// screen even when it is too short to reach the top.
    pub fn current_entry(&self) -> usize {
        let block = if self.at_end {
            self.doc.blocks.len().saturating_sub(1)
        } else {
            self.top.block
        };
        self.jumped_entry
            .unwrap_or_else(|| self.doc.entry_of(block))
    }

    /// How far into the brief the view is, 0 to 100, by characters.
    pub fn percent(&mut self) -> u16 {
        let total = self.doc.total_chars();
        let end = self.end_top();
        if self.doc.blocks.is_empty() || self.top >= end || total == 0 {
            return 100;
        }
        let b = self.top.block;
        let within = self.doc.char_count(b) * self.top.line / self.line_count(b);
        let before = self.doc.chars_before(b) + within;
        u16::try_from(before * 100 / total).unwrap_or(100).min(100)
    }

    pub(super) fn sync_list(&mut self) {
        self.list.selected = self.current_entry();
        self.fit_list();
    }

    /// Scrolls the list so that its selection (with the rows its wrapped
    /// title takes) is on screen, and so that no rows are left empty below
    /// the last entry: after the list was tiny, growing it shows the first
    /// entries again.
    pub(super) fn fit_list(&mut self) {
        let rows = usize::from(self.screen.list.height).max(1);
        let extra = self.list_rows_of(self.list.selected).saturating_sub(1);
        let total = self.doc.entries.len() + extra;
        let l = &mut self.list;
        let needed = (l.selected + 1 + extra).min(total);
        if l.selected < l.offset {
            l.offset = l.selected;
        } else if needed > l.offset + rows {
            l.offset = (needed - rows).min(l.selected);
        }
        l.offset = l.offset.min(total.saturating_sub(rows));
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, lines: i16) {
        if self.screen.in_list(column, row) {
            let rows = usize::from(self.screen.list.height);
            let max = self.doc.entries.len().saturating_sub(rows);
            let offset = self.list.offset as i64 + i64::from(lines);
            self.list.offset = usize::try_from(offset.max(0)).unwrap_or(0).min(max);
        } else if self.screen.in_body(column, row) {
            self.scroll(i64::from(lines));
        }
    }

    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        if self.screen.in_list(column, row) {
            // Walk the rows: the selected entry may take several.
            let mut e = self.list.offset;
            let mut at = usize::from(row - self.screen.list.y);
            while e < self.doc.entries.len() && at >= self.list_rows_of(e) {
                at -= self.list_rows_of(e);
                e += 1;
            }
            if e < self.doc.entries.len() {
                self.jump_to_entry(e);
            }
        } else if self.screen.in_body(column, row) {
            self.focus = Focus::Body;
        }
    }

    /// The byte of its block's text the top line starts at, to find the
    /// same place again after a reflow.
    pub(super) fn top_byte(&mut self) -> usize {
        let lines = self.lines(self.top.block);
        lines.get(self.top.line).map_or(0, |l| l.range.start)
    }

    /// Puts the top back on the line of the top block holding `byte`.
    pub(super) fn restore_top(&mut self, byte: usize) {
        let block = self.top.block;
        let lines = self.lines(block);
        let line = lines
            .iter()
            .rposition(|l| {
                matches!(
                    l.kind,
                    LineKind::Text { .. } | LineKind::TableRow { .. } | LineKind::Contents { .. }
                ) && l.range.start <= byte
            })
            .unwrap_or(0);
        let jumped = self.jumped_entry;
        self.set_top(Pos { block, line });
        self.jumped_entry = jumped;
        self.sync_list();
    }

    /// Lays the screen out for a terminal of `area`'s size, keeping the top
    /// line's text at the top.
    pub fn resize(&mut self, area: Rect) {
        if area == self.screen.area {
            return;
        }
        // Before the first size there is no layout worth keeping.
        let keep = if self.screen.area.is_empty() {
            self.resume.pending_offset.take().unwrap_or(0)
        } else {
            self.top_byte()
        };
        self.screen = super::Screen::with_prefs(area, self.screen_prefs);
        self.restore_top(keep);
    }
}
