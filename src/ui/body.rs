//! The body: only the lines on screen are looked at. Each visible block is
//! painted from its text, its inline styles and the search matches in it.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::text::clean;
use crate::app::doc::CELL_SEPARATOR;
use crate::app::lines::{Indent, indent, link_urls};
use crate::app::{App, LineKind, Pos, VisualLine};
use crate::brief::{Align, ParagraphKind};
use crate::theme::Theme;

/// Where the header rule crosses a column separator: the separator's bar
/// with the rule through its spaces.
const TABLE_RULE_CROSSING: &str = "─┼─";

/// What painting one block needs, gathered once per block per frame.
pub(super) struct Paint<'a> {
    text: Cow<'a, str>,
    base: Style,
    /// Inline styles as byte ranges of `text`.
    styles: Vec<(Range<usize>, Style)>,
    /// Search matches as byte ranges of `text`, with whether each is current.
    matches: Vec<(Range<usize>, bool)>,
    indent: Indent,
    /// How the columns are aligned, for a table row.
    align: &'a [Align],
    urls: Vec<&'a str>,
    /// Extra marks as byte ranges of `text` (changed characters, the
    /// selection, passages with notes), over the search's highlight.
    highlights: Vec<(Range<usize>, Style)>,
}

pub(super) fn draw(buf: &mut Buffer, app: &mut App) {
    let area = app.screen.body;
    if area.width < 2 || area.height == 0 {
        return;
    }
    let rows = app.screen.body_rows();
    let mut visible: Vec<(usize, Rc<[VisualLine]>, usize)> = Vec::with_capacity(rows);
    let mut pos = app.top;
    while visible.len() < rows && pos.block < app.doc.blocks.len() {
        let lines = app.lines(pos.block);
        if pos.line < lines.len() {
            visible.push((pos.block, lines, pos.line));
            pos.line += 1;
        } else {
            pos = Pos {
                block: pos.block + 1,
                line: 0,
            };
        }
    }
    let app = &*app;
    let (x, width) = (area.x + 1, area.width - 1);
    let mut paint: Option<(usize, Paint)> = None;
    let mut picked = None;
    for (row, (block, lines, line)) in visible.iter().enumerate() {
        let fresh = match &paint {
            Some((b, _)) => b != block,
            None => true,
        };
        if fresh {
            let text = app.shown_text(*block);
            let mut p = Paint::new(app, *block, text);
            super::passage::mark_block(app, *block, &mut p);
            paint = Some((*block, p));
            picked = app.selected_note_index(*block);
        }
        if let Some((_, p)) = &paint {
            let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
            let vl = &lines[*line];
            let shown = super::notes::note_line(app, *block, vl, picked)
                .unwrap_or_else(|| p.line(vl, &app.theme));
            buf.set_line(x, y, &shown, width);
            super::notes::gutter(buf, app, *block, vl, area.x, y);
        }
    }
}

impl<'a> Paint<'a> {
    /// Gathers what painting `block` needs, with `text` as the block's text
    /// (its own, or as a view script shows it).
    pub(super) fn new(app: &'a App, block: usize, text: Cow<'a, str>) -> Paint<'a> {
        let doc = &app.doc;
        let theme = &app.theme;
        let paragraph = doc.paragraph(block);
        let base = match (doc.heading_level(block), paragraph) {
            (Some(level), _) => theme.heading(level),
            (None, Some(p)) => match p.kind {
                ParagraphKind::Quote => theme.quote,
                ParagraphKind::Caption => theme.caption,
                ParagraphKind::Footnote => theme.footnote,
                ParagraphKind::Code => theme.code,
                ParagraphKind::TableRow if p.header => theme.table_header,
                _ => theme.body,
            },
            (None, None) => theme.body,
        };
        let styles = shown_styles(doc.styles(block), &doc.text(block), &text)
            .into_iter()
            .map(|(range, s)| {
                let mut style = Style::new();
                if s.emphasis {
                    style = style.patch(theme.emphasis);
                }
                if s.strong {
                    style = style.patch(theme.strong);
                }
                if s.code {
                    style = style.patch(theme.code);
                }
                if s.strikethrough {
                    // Deleted text must read as deleted in every theme, so
                    // it is no theme key: the theme cannot turn it off.
                    style = style.add_modifier(Modifier::CROSSED_OUT);
                }
                if s.link.is_some() {
                    style = style.patch(theme.link);
                }
                if s.note {
                    // A reference mark reads like the note it points to.
                    style = style.patch(theme.footnote);
                }
                (range, style)
            })
            .collect();
        let matches = match_bytes(app, block, &text);
        Paint {
            text,
            base,
            styles,
            matches,
            indent: indent(doc, block),
            align: doc
                .blocks
                .get(block)
                .and_then(|b| b.table)
                .and_then(|t| doc.tables.get(t as usize))
                .map_or(&[], |t| t.align.as_slice()),
            urls: link_urls(doc, block),
            highlights: Vec::new(),
        }
    }

    /// The block's text as painted.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Marks `ranges` (bytes of the painted text) with `style`.
    pub(super) fn highlight(
        &mut self,
        ranges: impl IntoIterator<Item = Range<usize>>,
        style: Style,
    ) {
        self.highlights.extend(
            ranges
                .into_iter()
                .filter(|r| !r.is_empty())
                .map(|r| (r, style)),
        );
    }

    /// One screen line of the block, styled.
    pub(super) fn line(&self, vl: &VisualLine, theme: &Theme) -> Line<'static> {
        let mut spans = Vec::new();
        match &vl.kind {
            LineKind::Text { first } => {
                self.push_indent(&mut spans, *first, theme);
                self.push_text(&mut spans, vl.range.clone(), theme);
            }
            LineKind::TableRow { cells } => {
                for (k, (part, column)) in cells.iter().enumerate() {
                    if k > 0 {
                        spans.push(Span::styled(CELL_SEPARATOR, theme.table_border));
                    }
                    let used = self
                        .text
                        .get(part.clone())
                        .map_or(0, UnicodeWidthStr::width);
                    let room = column.saturating_sub(used);
                    let before = match self.align.get(k) {
                        Some(Align::Right) => room,
                        Some(Align::Center) => room / 2,
                        _ => 0,
                    };
                    if before > 0 {
                        spans.push(Span::raw(" ".repeat(before)));
                    }
                    self.push_text(&mut spans, part.clone(), theme);
                    if room > before {
                        spans.push(Span::raw(" ".repeat(room - before)));
                    }
                }
            }
            LineKind::TableRule { columns } => {
                let rule: Vec<String> = columns.iter().map(|w| "─".repeat(*w)).collect();
                spans.push(Span::styled(
                    rule.join(TABLE_RULE_CROSSING),
                    theme.table_border,
                ));
            }
            LineKind::LinkUrl { link, first } => {
                let url = self.urls.get(*link).copied().unwrap_or("");
                let part = url.get(vl.range.clone()).unwrap_or("");
                let lead = if *first { "↳ " } else { "  " };
                spans.push(Span::styled(
                    format!("{lead}{}", clean(part)),
                    theme.link_url,
                ));
            }
            LineKind::Contents {
                title,
                cut,
                fill,
                page,
            } => {
                self.push_indent(&mut spans, true, theme);
                self.push_text(&mut spans, title.clone(), theme);
                if *cut {
                    spans.push(Span::styled("…", self.base));
                }
                spans.push(Span::raw(" ".repeat(*fill)));
                self.push_text(&mut spans, page.clone(), theme);
            }
            // Drawn by `ui::notes`, which has the notes.
            LineKind::Gap | LineKind::Note { .. } => {}
        }
        Line::from(spans)
    }

    fn push_indent(&self, spans: &mut Vec<Span<'static>>, first: bool, theme: &Theme) {
        let ind = &self.indent;
        for _ in 0..ind.bars {
            spans.push(Span::styled("│ ", theme.quote_bar));
        }
        if let Some(marker) = &ind.marker {
            spans.push(Span::raw(" ".repeat(ind.nest)));
            if first {
                spans.push(Span::styled(
                    format!("{} ", clean(marker)),
                    theme.list_marker,
                ));
            } else {
                spans.push(Span::raw(" ".repeat(marker.width() + 1)));
            }
        }
    }

    /// The text in `range`, cut wherever a style or a match begins or ends.
    fn push_text(&self, spans: &mut Vec<Span<'static>>, range: Range<usize>, theme: &Theme) {
        let inside = |c: &usize| range.start < *c && *c < range.end;
        let mut cuts = vec![range.start, range.end];
        for r in self
            .styles
            .iter()
            .map(|s| &s.0)
            .chain(self.matches.iter().map(|m| &m.0))
            .chain(self.highlights.iter().map(|h| &h.0))
        {
            cuts.extend([r.start, r.end].iter().filter(|c| inside(c)));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let Some(part) = self.text.get(a..b) else {
                continue;
            };
            let mut style = self.base;
            for (r, s) in &self.styles {
                if r.contains(&a) {
                    style = style.patch(*s);
                }
            }
            let mut hit = None;
            for (r, current) in &self.matches {
                if r.contains(&a) {
                    hit = Some(hit.unwrap_or(false) || *current);
                }
            }
            match hit {
                Some(true) => style = style.patch(theme.search_current),
                Some(false) => style = style.patch(theme.search_match),
                None => {}
            }
            // Over the search's: a selection is what the reader is at.
            for (r, s) in &self.highlights {
                if r.contains(&a) {
                    style = style.patch(*s);
                }
            }
            spans.push(Span::styled(clean(part).into_owned(), style));
        }
    }
}

/// The search matches of `block` as byte ranges of its `text`.
fn match_bytes(app: &App, block: usize, text: &str) -> Vec<(Range<usize>, bool)> {
    let (first, matches) = app.search.matches_in(block);
    let Some(last_char) = matches.iter().map(|m| m.chars.end).max() else {
        return Vec::new();
    };
    if text.chars().count() != app.doc.char_count(block) {
        return super::view::matches_in_shown(app, block, first, matches, text);
    }
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .take(last_char + 1)
        .collect();
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    matches
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let current = app.search.current == Some(first + k);
            (at(m.chars.start)..at(m.chars.end), current)
        })
        .collect()
}

/// The inline styles (byte ranges of the block's own text) moved onto the
/// shown text by char index; dropped when a conversion changed the length.
fn shown_styles<'s>(
    styles: Vec<(Range<usize>, &'s crate::brief::Style)>,
    own: &str,
    shown: &str,
) -> Vec<(Range<usize>, &'s crate::brief::Style)> {
    if styles.is_empty() || own == shown {
        return styles;
    }
    let ranges: Vec<Range<usize>> = styles.iter().map(|(r, _)| r.clone()).collect();
    match crate::app::view::map_ranges(own, shown, &ranges) {
        Some(mapped) => mapped
            .into_iter()
            .zip(styles)
            .map(|(r, (_, s))| (r, s))
            .collect(),
        None => Vec::new(),
    }
}
