//! The paragraph cursor (moved by key, by click, and along with the view)
//! and the note lines laid out under their paragraphs.

use std::rc::Rc;

use super::{NOTE_INDENT, NOTES_UNDER_PARAGRAPH, NotesState};
use crate::app::lines::{LineKind, VisualLine};
use crate::app::{App, Pos};
use crate::layout::wrap;

impl App {
    /// The lines of block `i` with its notes' lines before its gap.
    pub(in crate::app) fn with_note_lines(
        &mut self,
        i: usize,
        lines: Rc<[VisualLine]>,
        width: usize,
    ) -> Rc<[VisualLine]> {
        if !self.notes.show || self.notes.session.is_none() {
            return lines;
        }
        let script = self.view.script();
        if width != self.notes.lines_width
            || self.show_links != self.notes.lines_links
            || script != self.notes.lines_script
        {
            self.notes.lines.clear();
            self.notes.lines_width = width;
            self.notes.lines_links = self.show_links;
            self.notes.lines_script = script;
        }
        if let Some(cached) = self.notes.lines.get(&i) {
            return Rc::clone(cached);
        }
        let texts = self.note_texts(i);
        let result: Rc<[VisualLine]> = if texts.is_empty() {
            lines
        } else {
            let gap = lines.last().filter(|l| l.kind == LineKind::Gap).cloned();
            let mut out: Vec<VisualLine> =
                lines[..lines.len() - usize::from(gap.is_some())].to_vec();
            let avail = width.saturating_sub(NOTE_INDENT).max(1);
            for (note, text) in texts.iter().enumerate() {
                let mut start = 0;
                let mut first = true;
                for piece in text.split('\n') {
                    for r in wrap(piece, avail) {
                        out.push(VisualLine {
                            kind: LineKind::Note { note, first },
                            range: start + r.start..start + r.end,
                        });
                        first = false;
                    }
                    start += piece.len() + 1;
                }
            }
            out.extend(gap);
            out.into()
        };
        self.notes.lines.insert(i, Rc::clone(&result));
        result
    }

    /// The notes of block `i` as shown: in the view script, like the text
    /// they sit under (the stored note is never converted). At most
    /// [`NOTES_UNDER_PARAGRAPH`], then a line that counts the rest.
    pub(crate) fn note_texts(&self, i: usize) -> Vec<String> {
        let paragraph = self.doc.paragraph(i).map(|p| p.id.as_str());
        let shown = self
            .notes
            .count_on(paragraph)
            .min(NOTES_UNDER_PARAGRAPH + 1);
        (0..shown).filter_map(|k| self.note_text(i, k)).collect()
    }

    /// The `k`-th of [`App::note_texts`] alone.
    pub(crate) fn note_text(&self, i: usize, k: usize) -> Option<String> {
        let paragraph = self.doc.paragraph(i).map(|p| p.id.as_str());
        let count = self.notes.count_on(paragraph);
        if k == NOTES_UNDER_PARAGRAPH && count > NOTES_UNDER_PARAGRAPH {
            let more = count - NOTES_UNDER_PARAGRAPH;
            return Some(format!(
                "… {more} more notes on this paragraph: the notes pane (M) lists them all"
            ));
        }
        let view = self.notes.note_on(paragraph, k)?;
        Some(
            self.display_text(&NotesState::display_text(&view))
                .into_owned(),
        )
    }

    pub(in crate::app) fn step_cursor(&mut self, down: bool) {
        let count = self.doc.blocks.len();
        let mut i = self.notes.cursor;
        loop {
            let next = if down { i + 1 } else { i.wrapping_sub(1) };
            if next >= count {
                return;
            }
            i = next;
            if self.doc.paragraph(i).is_some() {
                break;
            }
        }
        self.notes.cursor = i;
        self.show_block(i);
    }

    /// Scrolls as little as needed to show block `i` (its start first).
    pub(in crate::app) fn show_block(&mut self, i: usize) {
        let rows = self.screen.body_rows().max(1);
        let start = Pos { block: i, line: 0 };
        if start < self.top {
            self.set_top(start);
            return;
        }
        let bottom = self.forward(self.top, rows - 1);
        let lines = self.lines(i).len().max(1);
        let end = Pos {
            block: i,
            line: lines - 1,
        };
        if end > bottom {
            let fits = self.backward(end, rows - 1);
            self.set_top(fits.min(start));
        }
    }

    /// Keeps the cursor on a paragraph on screen after the view moved.
    pub(in crate::app) fn follow_cursor(&mut self) {
        if self.doc.blocks.is_empty() {
            return;
        }
        let rows = self.screen.body_rows().max(1);
        let first = self.top.block;
        let last = self.forward(self.top, rows - 1).block;
        let on_paragraph = self.doc.paragraph(self.notes.cursor).is_some();
        if on_paragraph && (first..=last).contains(&self.notes.cursor) {
            return;
        }
        let range: Vec<usize> = if self.notes.cursor > last {
            (first..=last).rev().collect()
        } else {
            (first..=last).collect()
        };
        if let Some(i) = range.into_iter().find(|&i| self.doc.paragraph(i).is_some()) {
            self.notes.cursor = i;
        }
    }

    /// Puts the cursor on the paragraph clicked at screen `row`.
    pub(in crate::app) fn click_cursor(&mut self, column: u16, row: u16) {
        if !self.screen.in_body(column, row) {
            return;
        }
        let pos = self.forward(self.top, usize::from(row - self.screen.body.y));
        if self.doc.paragraph(pos.block).is_some() {
            self.notes.cursor = pos.block;
        }
    }
}
