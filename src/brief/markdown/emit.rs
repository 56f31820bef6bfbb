//! Where the builder's paragraphs go: their kind, depth and marker from the
//! open containers, then into the current section or the footnotes.

use super::html::HtmlBlock;
use super::{Builder, Container, Inline};
use crate::brief::cells::ROW_JOIN;
use crate::brief::{Brief, Cells, Paragraph, ParagraphKind, Section, Span};

/// From this many paragraphs on, a section's list grows by an eighth.
const GROW_GENTLY_FROM: usize = 4096;

impl Builder {
    /// Emits spans as a paragraph whose kind, depth and marker come from the
    /// innermost container: a footnote, a list item, a quote, or none.
    pub(super) fn emit_in_context(&mut self, spans: Vec<Span>) {
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        let mut p = Paragraph {
            spans,
            ..Paragraph::default()
        };
        if self.footnote_depth > 0 {
            p.kind = ParagraphKind::Footnote;
            p.marker = self
                .containers
                .iter_mut()
                .rev()
                .find_map(|c| match c {
                    Container::Footnote { label } => Some(label.take()),
                    _ => None,
                })
                .flatten();
        } else {
            let innermost = self.containers.iter_mut().rev().find_map(|c| match c {
                Container::Quote => Some(None),
                Container::Item { marker } => Some(Some(marker)),
                _ => None,
            });
            match innermost {
                Some(None) => {
                    p.kind = ParagraphKind::Quote;
                    p.depth = depth(self.quote_depth);
                }
                Some(Some(marker)) => {
                    p.kind = ParagraphKind::ListItem;
                    p.depth = depth(self.list_depth);
                    p.marker = marker.take();
                }
                None => {}
            }
        }
        self.emit(p);
    }

    /// Emits a paragraph read from an HTML block.
    pub(super) fn emit_html(&mut self, block: HtmlBlock) {
        match block {
            HtmlBlock::Text(text) => self.emit_in_context(vec![Span::plain(text)]),
            HtmlBlock::Caption(text) => self.emit(Paragraph::plain(ParagraphKind::Caption, text)),
            // An HTML heading at the top level is a heading like `#`.
            HtmlBlock::Heading(level, text) if self.containers.is_empty() => {
                self.start_section(level, text)
            }
            HtmlBlock::Heading(_, text) => self.emit_in_context(vec![Span::plain(text)]),
            HtmlBlock::Row { cells, header } => {
                let cells_kept = Cells::from_slice(&cells);
                let spans = vec![Span::plain(cells_kept.join(ROW_JOIN))];
                let spans = if cells_kept.say_all_of(&spans) {
                    Vec::new()
                } else {
                    spans
                };
                self.emit(Paragraph {
                    kind: ParagraphKind::TableRow,
                    cells: cells_kept,
                    header,
                    spans,
                    ..Paragraph::default()
                });
            }
        }
    }

    pub(super) fn emit(&mut self, paragraph: Paragraph) {
        if self.footnote_depth > 0 {
            self.footnotes.push(paragraph);
            return;
        }
        let paragraphs = &mut self.section.get_or_insert_with(Section::default).paragraphs;
        // A long table is one section of 100k rows: doubled, its list could
        // hold as much room unused as used at the peak of the parse.
        if paragraphs.len() == paragraphs.capacity() && paragraphs.len() >= GROW_GENTLY_FROM {
            paragraphs.reserve_exact(paragraphs.len() / 8);
        }
        paragraphs.push(paragraph);
    }

    pub(super) fn pop_container(&mut self) {
        match self.containers.pop() {
            Some(Container::Quote) => self.quote_depth = self.quote_depth.saturating_sub(1),
            Some(Container::List { .. }) => self.list_depth = self.list_depth.saturating_sub(1),
            Some(Container::Footnote { .. }) => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1)
            }
            Some(Container::Item { .. } | Container::Table { .. }) | None => {}
        }
    }

    pub(super) fn finish(mut self) -> Brief {
        self.flush_loose_text();
        if let Some(mut done) = self.section.take() {
            done.paragraphs.shrink_to_fit();
            self.brief.sections.push(done);
        }
        self.brief.back_matter.append(&mut self.footnotes);
        self.brief
    }
}

impl Default for Builder {
    fn default() -> Self {
        let empty: &[u8] = &[];
        Builder {
            source: empty.as_ptr_range(),
            brief: Brief::default(),
            section: None,
            containers: Vec::new(),
            quote_depth: 0,
            list_depth: 0,
            footnote_depth: 0,
            leaf: None,
            inline: Inline::default(),
            raw: String::new(),
            skip_head: false,
            row: None,
            footnotes: Vec::new(),
        }
    }
}

/// Nesting depth as stored: 0 for the outermost level.
fn depth(levels: usize) -> u16 {
    u16::try_from(levels.saturating_sub(1)).unwrap_or(u16::MAX)
}
