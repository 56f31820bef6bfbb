//! Blocks broken into screen lines for one body width, cached per
//! (block, width). Only the blocks the view touches are ever laid out, so the
//! cost of a frame does not grow with the brief.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use unicode_width::UnicodeWidthStr;

use super::doc::Doc;
use super::table::{fit_columns, row_lines};
use super::view::{View, ViewScript};
use crate::brief::ParagraphKind;
use crate::layout::wrap;

/// Cached layouts beyond this many blocks are dropped (scrolling through a
/// huge brief would otherwise keep all of it).
const CACHE_LIMIT: usize = 4096;

/// What one screen line of a block shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Wrapped text; `first` is the block's first line (which carries the
    /// list marker).
    Text {
        /// True for the first line of the block.
        first: bool,
    },
    /// A line of a table row in aligned columns: per cell, the byte range
    /// shown on this line and the column's width.
    TableRow {
        /// Each cell's part on this line, with its column width.
        cells: Vec<(Range<usize>, usize)>,
    },
    /// The rule under a table's header row, across columns of these widths.
    TableRule {
        /// The width of each column.
        columns: Vec<usize>,
    },
    /// Part of the address of the block's link number `link`.
    LinkUrl {
        /// Which link of the block (in order of its spans).
        link: usize,
        /// True for the address's first line (which carries the arrow).
        first: bool,
    },
    /// A contents entry on one line: the title (cut, with an ellipsis,
    /// when it does not fit), blank columns, and the page at the right.
    /// The line's range is the whole text, leaders included.
    Contents {
        /// The part of the title shown.
        title: Range<usize>,
        /// Whether the title was cut short.
        cut: bool,
        /// Blank columns between the title and the page.
        fill: usize,
        /// The page number.
        page: Range<usize>,
    },
    /// The blank line after a block.
    Gap,
    /// Part of the text of the block's note number `note`, shown under it
    /// (the range is into that note's shown text).
    Note {
        /// Which note of the block.
        note: usize,
        /// True for the note's first line.
        first: bool,
    },
}

/// One screen line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// What the line shows.
    pub kind: LineKind,
    /// Byte range into the block's text (or into the link address).
    pub range: Range<usize>,
}

/// How a block's lines are indented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indent {
    /// Columns before the text on every line.
    pub width: usize,
    /// Blank columns before the marker, for nested list items.
    pub nest: usize,
    /// The list marker, for list items; empty for a later paragraph of an
    /// item, which lines up under the item's text without a marker.
    pub marker: Option<String>,
    /// Quote bars in front of the text.
    pub bars: usize,
}

/// Columns a nesting level of a list indents by.
const LIST_STEP: usize = 2;

/// The marker column of a list item paragraph that has no marker of its own
/// (an item's second paragraph): as wide as a bullet.
const BLANK_MARKER: &str = " ";

/// The indent of block `i` in `doc`.
pub fn indent(doc: &Doc, i: usize) -> Indent {
    let none = Indent {
        width: 0,
        nest: 0,
        marker: None,
        bars: 0,
    };
    let Some(p) = doc.paragraph(i) else {
        return none;
    };
    // Depth counts from 0 for the outermost list or quote.
    let depth = usize::from(p.depth);
    match p.kind {
        ParagraphKind::ListItem => {
            let marker = p.marker.clone().unwrap_or_else(|| BLANK_MARKER.to_string());
            let nest = LIST_STEP * depth;
            Indent {
                width: nest + marker.width() + 1,
                nest,
                marker: Some(marker),
                bars: 0,
            }
        }
        ParagraphKind::Quote => {
            let bars = depth + 1;
            Indent {
                width: 2 * bars,
                bars,
                ..none
            }
        }
        _ => none,
    }
}

/// Lays block `i` out for `width` columns.
pub fn layout_block(doc: &Doc, i: usize, width: usize, show_links: bool) -> Vec<VisualLine> {
    layout_text(doc, i, &doc.text(i), width, show_links)
}

/// Lays block `i` out for `width` columns with `text` in place of its own
/// (the block as a view script shows it).
pub fn layout_text(
    doc: &Doc,
    i: usize,
    text: &str,
    width: usize,
    show_links: bool,
) -> Vec<VisualLine> {
    let Some(block) = doc.blocks.get(i) else {
        return Vec::new();
    };
    let width = width.max(1);
    let mut lines = Vec::new();
    let columns = block
        .table
        .and_then(|t| doc.tables.get(t as usize))
        .and_then(|t| fit_columns(&t.widths, width));
    match columns {
        Some(widths) => {
            lines.extend(row_lines(doc, i, text, &widths));
            let header = doc.paragraph(i).is_some_and(|p| p.header);
            // Only a header with rows under it gets the rule.
            if header && !block.gap_after {
                lines.push(VisualLine {
                    kind: LineKind::TableRule { columns: widths },
                    range: text.len()..text.len(),
                });
            }
        }
        None => {
            let avail = width.saturating_sub(indent(doc, i).width).max(1);
            match contents_entry(doc, i, text) {
                Some(entry) => lines.push(super::contents::line(text, &entry, avail)),
                None => push_wrapped(&mut lines, text, avail, |first| LineKind::Text { first }),
            }
        }
    }
    if show_links {
        for (n, url) in link_urls(doc, i).into_iter().enumerate() {
            let avail = width.saturating_sub(2).max(1);
            push_wrapped(&mut lines, url, avail, |first| LineKind::LinkUrl {
                link: n,
                first,
            });
        }
    }
    // A contents list runs without blank lines between its entries.
    let listed = block.gap_after
        && contents_entry(doc, i, text).is_some()
        && contents_entry(doc, i + 1, &doc.text(i + 1)).is_some();
    if block.gap_after && !listed {
        lines.push(VisualLine {
            kind: LineKind::Gap,
            range: text.len()..text.len(),
        });
    }
    lines
}

/// The contents entry block `i` is, for a plain paragraph or list item.
fn contents_entry(doc: &Doc, i: usize, text: &str) -> Option<super::contents::Entry> {
    let p = doc.paragraph(i)?;
    if !matches!(p.kind, ParagraphKind::Text | ParagraphKind::ListItem) {
        return None;
    }
    super::contents::entry(text)
}

/// The link addresses of block `i` worth showing: those that differ from
/// the link's own text.
pub fn link_urls(doc: &Doc, i: usize) -> Vec<&str> {
    let Some(p) = doc.paragraph(i) else {
        return Vec::new();
    };
    p.spans
        .iter()
        .filter_map(|s| s.style.link.as_deref().filter(|url| *url != s.text.trim()))
        .collect()
}

/// Wraps `text` piece by piece between hard breaks (newlines and form
/// feeds), so that hard breaks hold whatever the wrapper does with them.
fn push_wrapped(
    lines: &mut Vec<VisualLine>,
    text: &str,
    width: usize,
    kind: impl Fn(bool) -> LineKind,
) {
    let mut start = 0;
    let mut first = true;
    for piece in text.split(['\n', '\x0c']) {
        for r in wrap(piece, width) {
            lines.push(VisualLine {
                kind: kind(first),
                range: start + r.start..start + r.end,
            });
            first = false;
        }
        start += piece.len() + 1;
    }
}

/// Layouts of blocks for one width, computed on demand.
#[derive(Debug, Default)]
pub struct LineCache {
    width: usize,
    show_links: bool,
    script: ViewScript,
    blocks: HashMap<usize, Rc<[VisualLine]>>,
}

impl LineCache {
    /// The lines of block `i` at `width` in `view`'s script, laying it out
    /// when needed. A new width, link setting or script drops the layouts
    /// of the old one.
    pub fn lines(
        &mut self,
        doc: &Doc,
        view: &View,
        i: usize,
        width: usize,
        show_links: bool,
    ) -> Rc<[VisualLine]> {
        let script = view.script();
        if width != self.width || show_links != self.show_links || script != self.script {
            self.blocks.clear();
            self.width = width;
            self.show_links = show_links;
            self.script = script;
        }
        if let Some(lines) = self.blocks.get(&i) {
            return Rc::clone(lines);
        }
        if self.blocks.len() >= CACHE_LIMIT {
            self.blocks.clear();
        }
        let text = view.block_text(doc, i);
        let lines: Rc<[VisualLine]> = layout_text(doc, i, &text, width, show_links).into();
        self.blocks.insert(i, Rc::clone(&lines));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Brief, Paragraph, Section, Span, Style};

    fn doc_of(paragraphs: Vec<Paragraph>) -> Doc {
        Doc::new(Brief {
            sections: vec![Section {
                paragraphs,
                ..Section::default()
            }],
            ..Brief::default()
        })
    }

    #[test]
    fn hard_breaks_start_new_lines() {
        let doc = doc_of(vec![Paragraph::plain(ParagraphKind::Code, "ab\ncd")]);
        let lines = layout_block(&doc, 0, 10, true);
        let ranges: Vec<_> = lines.iter().map(|l| l.range.clone()).collect();
        assert_eq!(ranges, vec![0..2, 3..5, 5..5]);
        assert_eq!(lines[1].kind, LineKind::Text { first: false });
        assert_eq!(lines[2].kind, LineKind::Gap);
    }

    #[test]
    fn list_items_wrap_inside_their_indent() {
        let mut item = Paragraph::plain(ParagraphKind::ListItem, "abcdef");
        item.marker = Some("1.".into());
        let doc = doc_of(vec![item]);
        assert_eq!(indent(&doc, 0).width, 3);
        let lines = layout_block(&doc, 0, 6, true);
        assert_eq!(lines[0].range, 0..3);
        assert_eq!(lines[1].range, 3..6);
    }

    #[test]
    fn nested_items_and_quotes_indent_by_depth() {
        let mut outer = Paragraph::plain(ParagraphKind::ListItem, "甲");
        outer.marker = Some("•".into());
        let mut inner = outer.clone();
        inner.depth = 1;
        let mut quote = Paragraph::plain(ParagraphKind::Quote, "乙");
        quote.depth = 1;
        let doc = doc_of(vec![outer, inner, quote]);
        assert_eq!((indent(&doc, 0).nest, indent(&doc, 0).width), (0, 2));
        assert_eq!((indent(&doc, 1).nest, indent(&doc, 1).width), (2, 4));
        assert_eq!((indent(&doc, 2).bars, indent(&doc, 2).width), (2, 4));
    }

    #[test]
    fn an_items_second_paragraph_lines_up_without_a_marker() {
        let mut second = Paragraph::plain(ParagraphKind::ListItem, "乙");
        second.depth = 1;
        let doc = doc_of(vec![second]);
        let ind = indent(&doc, 0);
        assert_eq!(ind.marker.as_deref(), Some(" "));
        assert_eq!(ind.width, 4);
    }

    #[test]
    fn link_addresses_follow_the_text_when_shown() {
        let mut p = Paragraph::plain(ParagraphKind::Text, "see ");
        p.spans.push(Span {
            text: "here".into(),
            style: Style {
                link: Some("https://example.org".into()),
                ..Style::default()
            },
        });
        let doc = doc_of(vec![p]);
        let shown = layout_block(&doc, 0, 40, true);
        assert_eq!(
            shown[1].kind,
            LineKind::LinkUrl {
                link: 0,
                first: true
            }
        );
        let hidden = layout_block(&doc, 0, 40, false);
        assert_eq!(hidden.len(), 2);
    }

    #[test]
    fn the_cache_forgets_an_old_width() {
        let doc = doc_of(vec![Paragraph::plain(ParagraphKind::Text, "abcdef")]);
        let mut cache = LineCache::default();
        let view = View::default();
        assert_eq!(cache.lines(&doc, &view, 0, 3, true).len(), 3);
        assert_eq!(cache.lines(&doc, &view, 0, 6, true).len(), 2);
    }
}
