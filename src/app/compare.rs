//! The compare view (`C`): the original and a converted script side by
//! side, block by block. Each pair of blocks starts on the same row and
//! takes as many rows as its taller side, so the two columns never drift.
//! A place is (block, row within the pair); the usual keys scroll it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ratatui::layout::Rect;

use super::lines::{VisualLine, layout_text};
use super::view::{Compare, ViewScript};
use super::{Action, App, Mode, Pos};

/// Columns left of the first text column.
const MARGIN: u16 = 1;
/// The gap between the columns: a space, a bar, a space.
const GUTTER: u16 = 3;

/// Where the two columns of the compare view go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompareColumns {
    /// The original text.
    pub left: Rect,
    /// The bar between the columns (one column wide).
    pub divider: Rect,
    /// The converted text.
    pub right: Rect,
}

impl CompareColumns {
    /// The columns for the reader's middle rows (section list and body
    /// together: the compare view takes the whole width).
    pub fn of(app: &App) -> CompareColumns {
        let area = app.screen.area;
        let body = app.screen.body;
        let usable = area.width.saturating_sub(MARGIN + GUTTER);
        let left_width = usable / 2;
        let right_width = usable - left_width;
        let left = Rect::new(area.x + MARGIN, body.y, left_width, body.height);
        let divider = Rect::new(left.right() + 1, body.y, 1, body.height);
        let right = Rect::new(left.right() + GUTTER, body.y, right_width, body.height);
        CompareColumns {
            left,
            divider,
            right,
        }
    }
}

/// Layouts of each side, for one pair of widths, script and link setting.
#[derive(Debug, Default)]
pub struct CompareCache {
    key: (usize, usize, ViewScript, bool),
    sides: HashMap<(usize, bool), Rc<[VisualLine]>>,
}

/// The compare cache as [`super::View`] keeps it.
pub type SharedCompareCache = RefCell<CompareCache>;

impl App {
    /// Block `i` laid out for one side of the compare view: the original
    /// (`converted` false) or the compare script.
    pub fn compare_lines(&self, i: usize, converted: bool) -> Rc<[VisualLine]> {
        let columns = CompareColumns::of(self);
        let script = self.view.compare_script();
        let key = (
            usize::from(columns.left.width).max(1),
            usize::from(columns.right.width).max(1),
            script,
            self.show_links,
        );
        let mut cache = self.view.compare_cache.borrow_mut();
        if cache.key != key || cache.sides.len() >= 4096 {
            cache.sides.clear();
            cache.key = key;
        }
        if let Some(lines) = cache.sides.get(&(i, converted)) {
            return Rc::clone(lines);
        }
        let (text, width) = if converted {
            (self.view.block_text_in(&self.doc, i, script), key.1)
        } else {
            (self.doc.text(i), key.0)
        };
        let lines: Rc<[VisualLine]> =
            layout_text(&self.doc, i, &text, width, self.show_links).into();
        cache.sides.insert((i, converted), Rc::clone(&lines));
        lines
    }

    /// Rows block `i` takes in the compare view: its taller side.
    pub fn compare_rows(&self, i: usize) -> usize {
        let left = self.compare_lines(i, false).len();
        let right = self.compare_lines(i, true).len();
        left.max(right).max(1)
    }

    /// Opens the compare view at the body's top block, or closes it.
    pub(super) fn open_compare(&mut self) {
        let top = Pos {
            block: self.top.block,
            line: 0,
        };
        self.view.compare = Some(Compare { top });
        self.set_compare_top(top);
    }

    /// Closes the compare view; the body is already at its top block.
    fn close_compare(&mut self) {
        self.view.compare = None;
    }

    /// Handles `action` while the compare view is open; false when the
    /// action is the reader's as usual (help, quit, resize).
    pub(super) fn apply_compare(&mut self, action: Action) -> bool {
        let rows = usize::from(self.screen.body.height).max(1);
        match action {
            Action::Down => self.compare_scroll(1),
            Action::Up => self.compare_scroll(-1),
            Action::PageDown => self.compare_scroll(rows.saturating_sub(1).max(1) as i64),
            Action::PageUp => self.compare_scroll(-(rows.saturating_sub(1).max(1) as i64)),
            Action::HalfPageDown => self.compare_scroll((rows / 2).max(1) as i64),
            Action::HalfPageUp => self.compare_scroll(-((rows / 2).max(1) as i64)),
            Action::Top => self.set_compare_top(Pos::default()),
            Action::Bottom => self.set_compare_top(Pos {
                block: usize::MAX,
                line: 0,
            }),
            Action::NextSection => self.compare_section(true),
            Action::PrevSection => self.compare_section(false),
            Action::ScrollAt { lines, .. } => self.compare_scroll(i64::from(lines)),
            Action::Cancel if self.mode == Mode::Search => self.clear_search(),
            Action::ToggleCompare | Action::Cancel => self.close_compare(),
            Action::StartSearch
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::NextMatch
            | Action::PrevMatch => {
                match action {
                    Action::StartSearch => self.start_search(),
                    Action::SearchInput(c) => self.search_type(c),
                    Action::SearchBackspace => self.search_backspace(),
                    Action::SearchConfirm => self.search_confirm(),
                    Action::NextMatch => self.step_match(true),
                    _ => self.step_match(false),
                }
                self.compare_reveal_match();
            }
            Action::ToggleRegions => {
                self.toggle_regions();
                self.compare_reveal_match();
            }
            Action::CycleView => {
                // The right side always shows a conversion, so `c` toggles
                // it between the two scripts; going through the original
                // would leave the right side as it was (a dead press).
                let next = match self.view.compare_script() {
                    ViewScript::Simplified => ViewScript::Taiwan,
                    _ => ViewScript::Simplified,
                };
                self.set_view_script(next);
                let top = self.compare_top();
                self.set_compare_top(Pos {
                    block: top.block,
                    line: 0,
                });
            }
            Action::StartVisual | Action::Reselect => {
                self.compare_cursor();
                if action == Action::Reselect {
                    self.reselect();
                } else {
                    self.start_visual();
                }
                if let Some(sel) = self.selection {
                    self.compare_reveal(sel.block);
                }
            }
            Action::CursorDown | Action::CursorUp => {
                self.compare_cursor();
                self.notes_action(action);
                self.compare_reveal(self.notes.cursor);
            }
            Action::FollowLink | Action::JumpBack => {
                self.compare_cursor();
                let jumps = self.jumps.len();
                if action == Action::FollowLink {
                    // Followed at once: the compare view shows where it led.
                    let n = self.count_arg.take().unwrap_or(1);
                    self.follow_link(Some(n));
                } else {
                    self.jump_back();
                }
                // A jump (one more to come back from, or one fewer) moved
                // the cursor to where it leads: the compare view shows it.
                if self.jumps.len() != jumps {
                    self.compare_reveal(self.notes.cursor);
                }
            }
            Action::ToggleHelp
            | Action::Quit
            | Action::Resize { .. }
            | Action::Copy
            | Action::CopyCitation => return false,
            _ => {}
        }
        true
    }

    /// The compare view's top, or the start when it is closed.
    pub fn compare_top(&self) -> Pos {
        self.view.compare.map(|c| c.top).unwrap_or_default()
    }

    /// Puts the paragraph cursor on a paragraph the compare view shows,
    /// the first from the top, unless it is on one already: `v`, `f` and
    /// `J`/`K` act on what the reader sees.
    fn compare_cursor(&mut self) {
        let rows = usize::from(self.screen.body.height).max(1);
        let top = self.compare_top();
        let bottom = self.compare_forward(top, rows - 1);
        let cursor = self.notes.cursor;
        if (top.block..=bottom.block).contains(&cursor) && self.doc.paragraph(cursor).is_some() {
            return;
        }
        if let Some(i) = (top.block..=bottom.block).find(|&i| self.doc.paragraph(i).is_some()) {
            self.notes.cursor = i;
        }
    }

    /// Scrolls the compare view to the current search match when it is
    /// off screen, a third of the way down.
    fn compare_reveal_match(&mut self) {
        let Some(block) = self
            .search
            .current
            .and_then(|i| self.search.matches.get(i))
            .map(|m| m.block)
        else {
            return;
        };
        self.compare_reveal(block);
    }

    /// Scrolls the compare view to `block` when it is off screen, a third
    /// of the way down; else keeps the body under the compare view.
    pub(super) fn compare_reveal(&mut self, block: usize) {
        let rows = usize::from(self.screen.body.height).max(1);
        let top = self.compare_top();
        let bottom = self.compare_forward(top, rows - 1);
        // A block whose first row is above the top counts as off screen.
        let start = Pos { block, line: 0 };
        if start < top || block > bottom.block {
            let target = self.compare_backward(start, rows / 3);
            self.set_compare_top(target);
        } else if let Some(compare) = self.view.compare {
            // The search moved the body; keep it under the compare view.
            self.set_compare_top(compare.top);
        }
    }

    fn compare_scroll(&mut self, delta: i64) {
        let top = self.compare_top();
        let n = usize::try_from(delta.unsigned_abs()).unwrap_or(usize::MAX);
        let pos = if delta >= 0 {
            self.compare_forward(top, n)
        } else {
            self.compare_backward(top, n)
        };
        self.set_compare_top(pos);
    }

    fn compare_section(&mut self, forward: bool) {
        let top = self.compare_top();
        let current = self.doc.entry_of(top.block);
        let first = self.doc.entries.get(current).map_or(0, |e| e.first_block);
        let target = if forward {
            current + 1
        } else if top.block > first || top.line > 0 {
            current
        } else {
            current.saturating_sub(1)
        };
        if let Some(entry) = self.doc.entries.get(target) {
            let block = entry.first_block;
            self.set_compare_top(Pos { block, line: 0 });
        }
    }

    /// Puts `pos` at the top of the compare view, as far as the end allows.
    fn set_compare_top(&mut self, pos: Pos) {
        let last = self.doc.blocks.len().saturating_sub(1);
        let pos = Pos {
            block: pos.block.min(last),
            line: pos.line,
        };
        let end = self.compare_end_top();
        let top = pos.min(end);
        if let Some(compare) = &mut self.view.compare {
            compare.top = top;
        }
        // The body follows along, so the status bar's section and share
        // are the compare view's, and closing it lands on the same block.
        self.set_top(Pos {
            block: top.block,
            line: 0,
        });
    }

    /// The top that shows the last pair's last row at the bottom.
    fn compare_end_top(&mut self) -> Pos {
        let Some(last) = self.doc.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        let end = Pos {
            block: last,
            line: self.compare_rows(last) - 1,
        };
        let rows = usize::from(self.screen.body.height).max(1);
        self.compare_backward(end, rows - 1)
    }

    fn compare_forward(&self, mut pos: Pos, mut n: usize) -> Pos {
        let last = self.doc.blocks.len().saturating_sub(1);
        loop {
            let count = self.compare_rows(pos.block);
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

    fn compare_backward(&self, mut pos: Pos, mut n: usize) -> Pos {
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
            pos.line = self.compare_rows(pos.block) - 1;
        }
    }
}
