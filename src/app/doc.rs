//! The brief as the reader walks it: a flat list of blocks (section headings
//! and paragraphs) and a list of entries (the section list), with the cheap
//! facts about each block computed once at open.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use crate::brief::source_lines::BlockRef;
use crate::brief::{Align, Brief, Paragraph, ParagraphKind, Style};
use crate::notes::anchor::{BACK_MATTER, FRONT_MATTER};

/// What separates table cells in a block's text.
pub const CELL_SEPARATOR: &str = " │ ";

/// Where a block comes from in the brief (by u32 indices: a long table
/// has 100k blocks; [`Source::at`] makes one from indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The title of section `.0`.
    Heading(u32),
    /// Front matter paragraph `.0`.
    Front(u32),
    /// Paragraph `.1` of section `.0`.
    Body(u32, u32),
    /// Back matter paragraph `.0`.
    Back(u32),
}

impl Source {
    /// The source `block` names in the brief.
    pub fn at(block: BlockRef) -> Source {
        match block {
            BlockRef::Front(i) => Source::Front(index(i)),
            BlockRef::Heading(s) => Source::Heading(index(s)),
            BlockRef::Body(s, p) => Source::Body(index(s), index(p)),
            BlockRef::Back(i) => Source::Back(index(i)),
        }
    }
}

/// An index as kept in a [`Source`]; a brief is far from 4 billion blocks.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// One block of the body as laid out: a heading or a paragraph.
#[derive(Debug, Clone)]
pub struct Block {
    /// Where its text comes from.
    pub source: Source,
    /// The entry (section list line) it belongs to. (Both indices are u32:
    /// a long table has 100k blocks.)
    pub entry: u32,
    /// Whether a blank line follows it (not between rows of one table or
    /// items of one list).
    pub gap_after: bool,
    /// The table it is a row of, as an index into [`Doc::tables`].
    pub table: Option<u32>,
}

/// What kind of entry a section list line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// The paragraphs before the body.
    FrontMatter,
    /// A section of the body.
    Section,
    /// The paragraphs after the body.
    BackMatter,
}

/// One line of the section list.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The text shown.
    pub title: String,
    /// Heading level counted from the brief's top headings (their level is
    /// 1 here, whatever the brief says), for the indent (0 and 1 are not
    /// indented).
    pub level: u8,
    /// Front matter, section or back matter.
    pub kind: EntryKind,
    /// The first block of the entry; the block count when it has none.
    pub first_block: usize,
}

/// Column widths of one table, from all its rows, and its alignment.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Display width of each column.
    pub widths: Vec<usize>,
    /// How each column is aligned; shorter than `widths` (or empty) when
    /// the table declares no alignment for the rest.
    pub align: Vec<Align>,
}

/// The brief with its walking order.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The brief itself, shared with the notes' anchoring (which would
    /// otherwise keep a copy of every paragraph's text).
    pub brief: Arc<Brief>,
    /// Every block in reading order.
    pub blocks: Vec<Block>,
    /// The section list.
    pub entries: Vec<Entry>,
    /// The tables, for aligning their columns.
    pub tables: Vec<Table>,
    /// Characters before each block, and the total at the end: the position
    /// in the brief as a share of its text.
    /// (u32: a brief is at most 256 MB, and a long table has 100k blocks.)
    char_offsets: Vec<u32>,
}

impl Doc {
    /// Indexes `brief` for reading.
    pub fn new(brief: Brief) -> Doc {
        let mut doc = Doc {
            brief: Arc::new(brief),
            blocks: Vec::new(),
            entries: Vec::new(),
            tables: Vec::new(),
            char_offsets: Vec::new(),
        };
        doc.index();
        doc
    }

    fn index(&mut self) {
        let b = &self.brief;
        // Sized at once: a long table's blocks, doubled, were the reader's peak.
        let count = b.front_matter.len()
            + b.sections
                .iter()
                .map(|s| 1 + s.paragraphs.len())
                .sum::<usize>()
            + b.back_matter.len();
        let mut sources: Vec<(Source, usize)> = Vec::with_capacity(count);
        let mut entries = Vec::new();
        if !b.front_matter.is_empty() {
            entries.push(entry(FRONT_MATTER, 0, EntryKind::FrontMatter, 0));
            sources.extend((0..b.front_matter.len()).map(|i| (Source::Front(index(i)), 0)));
        }
        // The list indents by depth below the brief's top headings,
        // whatever their level (a PDF's may all be level 3).
        let lift = b
            .sections
            .iter()
            .filter(|s| s.title.is_some() && s.level >= 1)
            .map(|s| s.level)
            .min()
            .map_or(0, |top| top - 1);
        for (s, section) in b.sections.iter().enumerate() {
            let e = entries.len();
            let title = section
                .title
                .as_deref()
                .unwrap_or(crate::brief::OPENING_TITLE);
            let level = match section.level {
                0 => 0,
                level => level.saturating_sub(lift).max(1),
            };
            entries.push(entry(title, level, EntryKind::Section, sources.len()));
            if section.title.is_some() {
                sources.push((Source::Heading(index(s)), e));
            }
            sources.extend(
                (0..section.paragraphs.len()).map(|p| (Source::Body(index(s), index(p)), e)),
            );
        }
        if !b.back_matter.is_empty() {
            let e = entries.len();
            entries.push(entry(BACK_MATTER, 0, EntryKind::BackMatter, sources.len()));
            sources.extend((0..b.back_matter.len()).map(|i| (Source::Back(index(i)), e)));
        }
        self.entries = entries;
        self.blocks = sources
            .into_iter()
            .map(|(source, entry)| Block {
                source,
                entry: u32::try_from(entry).unwrap_or(u32::MAX),
                gap_after: true,
                table: None,
            })
            .collect();
        self.group_tables_and_lists();
        let mut offsets = Vec::with_capacity(self.blocks.len() + 1);
        let mut total: u32 = 0;
        for i in 0..self.blocks.len() {
            offsets.push(total);
            let chars = u32::try_from(self.text(i).chars().count()).unwrap_or(u32::MAX);
            total = total.saturating_add(chars);
        }
        offsets.push(total);
        self.char_offsets = offsets;
    }

    /// Rows of one table share column widths; rows and list items that
    /// follow each other are not separated by blank lines.
    fn group_tables_and_lists(&mut self) {
        let mut tables: Vec<Table> = Vec::new();
        for i in 0..self.blocks.len() {
            let kind = self.kind(i);
            let next = (i + 1 < self.blocks.len()).then(|| self.kind(i + 1));
            let same_entry = next.is_some() && self.blocks[i + 1].entry == self.blocks[i].entry;
            let grouped = matches!(
                kind,
                Some(ParagraphKind::TableRow | ParagraphKind::ListItem)
            );
            self.blocks[i].gap_after = !(grouped && same_entry && next == Some(kind));
            if kind != Some(ParagraphKind::TableRow) {
                continue;
            }
            let starts_table = i == 0
                || self.kind(i - 1) != Some(ParagraphKind::TableRow)
                || self.blocks[i - 1].gap_after;
            if starts_table {
                tables.push(Table::default());
            }
            let t = tables.len() - 1;
            self.blocks[i].table = u32::try_from(t).ok();
            if let Some(p) = self.paragraph(i) {
                if tables[t].align.is_empty() {
                    tables[t].align = p.align.to_vec();
                }
                let widths = &mut tables[t].widths;
                for (c, cell) in p.cells.iter().enumerate() {
                    let w = cell.width();
                    match widths.get_mut(c) {
                        Some(old) => *old = (*old).max(w),
                        None => widths.push(w),
                    }
                }
            }
        }
        self.tables = tables;
    }

    /// The paragraph behind block `i`; `None` for a heading.
    pub fn paragraph(&self, i: usize) -> Option<&Paragraph> {
        let b = &self.brief;
        match self.blocks.get(i)?.source {
            Source::Heading(_) => None,
            Source::Front(p) => b.front_matter.get(p as usize),
            Source::Body(s, p) => b.sections.get(s as usize)?.paragraphs.get(p as usize),
            Source::Back(p) => b.back_matter.get(p as usize),
        }
    }

    /// The paragraph kind of block `i`; `None` for a heading.
    pub fn kind(&self, i: usize) -> Option<ParagraphKind> {
        self.paragraph(i).map(|p| p.kind)
    }

    /// The heading level of block `i` when it is a heading.
    pub fn heading_level(&self, i: usize) -> Option<u8> {
        match self.blocks.get(i)?.source {
            Source::Heading(s) => self.brief.sections.get(s as usize).map(|s| s.level),
            _ => None,
        }
    }

    /// The text of block `i` as searched and wrapped: a heading's title, a
    /// paragraph's spans joined, a table row's cells joined by
    /// [`CELL_SEPARATOR`].
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        let Some(block) = self.blocks.get(i) else {
            return Cow::Borrowed("");
        };
        if let Source::Heading(s) = block.source {
            let title = self
                .brief
                .sections
                .get(s as usize)
                .and_then(|s| s.title.as_deref());
            return Cow::Borrowed(title.unwrap_or(""));
        }
        match self.paragraph(i) {
            Some(p) if !p.cells.is_empty() => Cow::Owned(p.cells.join(CELL_SEPARATOR)),
            Some(p) if p.spans.len() == 1 => Cow::Borrowed(p.spans[0].text.as_str()),
            Some(p) => Cow::Owned(p.text()),
            None => Cow::Borrowed(""),
        }
    }

    /// The inline styles of block `i` as byte ranges of [`Doc::text`].
    /// Table rows and headings carry none.
    pub fn styles(&self, i: usize) -> Vec<(Range<usize>, &Style)> {
        let Some(p) = self.paragraph(i) else {
            return Vec::new();
        };
        if !p.cells.is_empty() {
            return Vec::new();
        }
        let mut at = 0;
        let mut out = Vec::new();
        for span in &p.spans {
            let end = at + span.text.len();
            if span.style != Style::default() {
                out.push((at..end, &span.style));
            }
            at = end;
        }
        out
    }

    /// Characters of text before block `i`.
    pub fn chars_before(&self, i: usize) -> usize {
        let last = self.char_offsets.len().saturating_sub(1);
        self.char_offsets
            .get(i.min(last))
            .map_or(0, |&n| n as usize)
    }

    /// Characters of text in block `i`.
    pub fn char_count(&self, i: usize) -> usize {
        self.chars_before(i + 1) - self.chars_before(i)
    }

    /// Characters of text in the whole brief.
    pub fn total_chars(&self) -> usize {
        self.char_offsets.last().map_or(0, |&n| n as usize)
    }

    /// The entry of block `i`.
    pub fn entry_of(&self, i: usize) -> usize {
        self.blocks.get(i).map_or(0, |b| b.entry as usize)
    }
}

fn entry(title: &str, level: u8, kind: EntryKind, first_block: usize) -> Entry {
    Entry {
        title: title.to_string(),
        level,
        kind,
        first_block,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Section, Span};

    fn row(cells: &[&str]) -> Paragraph {
        Paragraph {
            kind: ParagraphKind::TableRow,
            cells: cells.iter().map(|c| c.to_string()).collect(),
            spans: vec![Span::plain(cells.join(" "))],
            ..Paragraph::default()
        }
    }

    fn sample() -> Brief {
        Brief {
            front_matter: vec![Paragraph::plain(ParagraphKind::Caption, "圖片")],
            sections: vec![Section {
                level: 1,
                title: Some("一".into()),
                paragraphs: vec![
                    Paragraph::plain(ParagraphKind::Text, "abc"),
                    row(&["名稱", "x"]),
                    row(&["a", "數量很多"]),
                ],
                ..Section::default()
            }],
            back_matter: vec![Paragraph::plain(ParagraphKind::Footnote, "end")],
            ..Brief::default()
        }
    }

    #[test]
    fn entries_cover_front_sections_and_back() {
        let doc = Doc::new(sample());
        let kinds: Vec<_> = doc.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EntryKind::FrontMatter,
                EntryKind::Section,
                EntryKind::BackMatter
            ]
        );
        assert_eq!(doc.entries[1].first_block, 1);
        assert_eq!(doc.blocks.len(), 6);
        assert_eq!(doc.text(1), "一");
        assert_eq!(doc.heading_level(1), Some(1));
    }

    #[test]
    fn table_rows_share_widths_and_have_no_gap_between() {
        let doc = Doc::new(sample());
        assert_eq!(doc.blocks[3].table, Some(0));
        assert_eq!(doc.blocks[4].table, Some(0));
        assert!(!doc.blocks[3].gap_after);
        assert!(doc.blocks[4].gap_after);
        assert_eq!(doc.tables[0].widths, vec![4, 8]);
        assert_eq!(doc.text(3), "名稱 │ x");
    }

    #[test]
    fn char_offsets_add_up() {
        let doc = Doc::new(sample());
        assert_eq!(doc.chars_before(0), 0);
        assert_eq!(doc.char_count(0), 2);
        assert_eq!(doc.total_chars(), 2 + 1 + 3 + 6 + 8 + 3);
    }
}
