//! Markdown to a [`Brief`] with pulldown-cmark (tables, footnotes,
//! strikethrough and YAML front matter enabled).
//!
//! Choices a reader would expect:
//! - headings (ATX and Setext) start sections at their level; text before the
//!   first heading is an untitled section of level 0;
//! - the first level-1 heading names the brief when front matter gives no
//!   title, and stays the first section's title as well (the reader lists it);
//! - footnote definitions go to back matter, in the order they are defined,
//!   with their label as the marker, since Markdown writes them anywhere;
//! - a heading inside a quote, list or footnote is not a section of the
//!   brief: it becomes a paragraph of that container;
//! - raw HTML is read for its text (see [`html`]): tags never reach the
//!   body, `<br>` is a line break, HTML tables give table rows; images give
//!   their alt text;
//! - dialect markup CommonMark does not know (container fences, kramdown
//!   attribute lists) is removed before parsing (see [`dialects`]), and
//!   pandoc's grid, multiline and simple tables are rewritten as pipe
//!   tables (see [`pandoc_tables`]).
//!
//! The events are folded with an explicit stack, never by recursion, so any
//! nesting depth pulldown-cmark accepts is fine here too. A large document is
//! parsed in pieces to bound memory (see [`pieces`]).

mod authors;
mod back_matter;
mod dialects;
mod emit;
mod front_matter;
mod html;
mod inline;
mod markup;
mod outline;
mod pandoc_tables;
mod pieces;
mod subject;

use std::sync::Arc;

use pulldown_cmark::{Alignment, BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use self::inline::{Inline, plain_text};
use super::decode::clean_fragment;
use super::{Align, Brief, Cells, Paragraph, ParagraphKind, Section, Span};

pub use markup::has_markup;

/// Parses Markdown into a brief (ids are assigned by the caller).
pub fn parse(text: &str) -> Brief {
    let tables = pandoc_tables::convert(text);
    let normalized = dialects::normalize(&tables);
    let text = normalized.as_ref();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut builder = Builder {
        source: text.as_bytes().as_ptr_range(),
        ..Builder::default()
    };
    let pieces = pieces::pieces(text);
    if let [whole] = pieces.as_slice() {
        for event in Parser::new_ext(whole.body, options) {
            builder.event(event);
        }
        return finish(builder);
    }
    let definitions = pieces::link_definitions(text);
    for piece in pieces {
        let resolve = |link: BrokenLink<'_>| {
            let dest = definitions.get(&pieces::normalize_label(&link.reference))?;
            Some((CowStr::Borrowed(dest), CowStr::Borrowed("")))
        };
        // Inside a table, the piece is parsed after the table's head again.
        let joined = piece.head.map(|head| [head, piece.body].concat());
        builder.skip_head = joined.is_some();
        let piece = joined.as_deref().unwrap_or(piece.body);
        for event in Parser::new_with_broken_link_callback(piece, options, Some(resolve)) {
            builder.event(event);
        }
    }
    finish(builder)
}

/// The brief built, with what the Markdown says without markup: headings
/// written as bold or numbered lines, authors named in a byline, a memo's
/// subject as its subtitle, and back matter written as sections.
fn finish(builder: Builder) -> Brief {
    let mut brief = builder.finish();
    outline::promote_headings(&mut brief);
    authors::find_authors(&mut brief);
    subject::find_subject(&mut brief);
    back_matter::collect(&mut brief);
    brief
}

/// A block that holds other blocks.
#[derive(Debug)]
enum Container {
    Quote,
    List { next_number: Option<u64> },
    Item { marker: Option<String> },
    Footnote { label: Option<String> },
    Table { align: Arc<[Align]> },
}

/// The leaf block whose text is being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Paragraph,
    Heading(u8),
    Code,
    Html,
    FrontMatter,
}

/// A table row being collected cell by cell.
#[derive(Debug, Default)]
struct Row {
    header: bool,
    cells: Vec<String>,
    spans: Vec<Span>,
}

#[derive(Debug)]
struct Builder {
    /// Where the cleaned source text lies in memory: text borrowed from it
    /// is clean already, anything else (a character reference) is not.
    source: std::ops::Range<*const u8>,
    brief: Brief,
    section: Option<Section>,
    containers: Vec<Container>,
    quote_depth: usize,
    list_depth: usize,
    footnote_depth: usize,
    leaf: Option<Leaf>,
    inline: Inline,
    /// Verbatim text of a code block, HTML block or front matter.
    raw: String,
    /// The next row is a table's head repeated for a piece (see [`pieces`]).
    skip_head: bool,
    row: Option<Row>,
    footnotes: Vec<Paragraph>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match self.leaf {
                Some(Leaf::Code | Leaf::FrontMatter | Leaf::Html) => self.raw.push_str(&text),
                _ => {
                    let clean = self.is_from_source(&text);
                    self.inline.push(&text, false, clean);
                }
            },
            Event::Code(text) => self.inline.push(&text, true, false),
            // Inline tags are markup: only a line break and an image's alt
            // text stay; the text between tags arrives as text events.
            Event::Html(html) | Event::InlineHtml(html) => match self.leaf {
                Some(Leaf::Html) => self.raw.push_str(&html),
                _ if html::is_line_break(&html) => self.inline.hard_break(),
                _ => {
                    if let Some(alt) = html::image_alt(&html) {
                        self.inline.push(&alt, false, false);
                    }
                }
            },
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline.push(&text, true, false)
            }
            // A marker glued to a heading is not part of its title.
            Event::FootnoteReference(_) if matches!(self.leaf, Some(Leaf::Heading(_))) => {}
            Event::FootnoteReference(label) => {
                self.inline.push(&format!("[{label}]"), false, false)
            }
            Event::SoftBreak => self.inline.soft_break(),
            Event::HardBreak => self.inline.hard_break(),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    /// True when `text` is a slice of the source, which decoding cleaned.
    fn is_from_source(&self, text: &str) -> bool {
        let range = text.as_bytes().as_ptr_range();
        self.source.start <= range.start && range.end <= self.source.end
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Emphasis => self.inline.emphasis(true),
            Tag::Strong => self.inline.strong(true),
            Tag::Strikethrough => self.inline.strikethrough(true),
            Tag::Link { dest_url, .. } => self.inline.open_link(&dest_url),
            // An image's alt text arrives as its text events.
            Tag::Image { .. } | Tag::Superscript | Tag::Subscript | Tag::TableCell => {}
            Tag::Paragraph => self.begin_leaf(Leaf::Paragraph),
            Tag::Heading { level, .. } => self.begin_leaf(Leaf::Heading(level as u8)),
            Tag::CodeBlock(_) => self.begin_leaf(Leaf::Code),
            Tag::HtmlBlock => self.begin_leaf(Leaf::Html),
            Tag::MetadataBlock(_) => self.begin_leaf(Leaf::FrontMatter),
            Tag::BlockQuote(_) => {
                self.flush_loose_text();
                self.quote_depth += 1;
                self.containers.push(Container::Quote);
            }
            Tag::List(first) => {
                self.flush_loose_text();
                self.list_depth += 1;
                self.containers.push(Container::List { next_number: first });
            }
            Tag::Item => {
                self.flush_loose_text();
                let marker = match self.containers.last_mut() {
                    Some(Container::List {
                        next_number: Some(n),
                    }) => {
                        let marker = format!("{n}.");
                        *n = n.saturating_add(1);
                        marker
                    }
                    _ => "•".to_string(),
                };
                self.containers.push(Container::Item {
                    marker: Some(marker),
                });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_loose_text();
                self.footnote_depth += 1;
                self.containers.push(Container::Footnote {
                    label: Some(clean_fragment(&label).into_owned()),
                });
            }
            Tag::Table(align) => {
                self.flush_loose_text();
                let align: Arc<[Align]> = if align.iter().all(|a| *a == Alignment::None) {
                    Arc::new([])
                } else {
                    align.iter().map(|a| column_align(*a)).collect()
                };
                self.containers.push(Container::Table { align });
            }
            Tag::TableHead | Tag::TableRow => {
                self.row = Some(Row {
                    header: matches!(tag, Tag::TableHead),
                    ..Row::default()
                });
            }
            // Not enabled in the options; their text reads as plain paragraphs.
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.flush_loose_text();
            }
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => self.inline.emphasis(false),
            TagEnd::Strong => self.inline.strong(false),
            TagEnd::Strikethrough => self.inline.strikethrough(false),
            TagEnd::Link => self.inline.close_link(),
            TagEnd::Image | TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_) => self.end_leaf(),
            TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table => {
                self.flush_loose_text();
                self.pop_container();
            }
            TagEnd::TableCell => self.end_cell(),
            TagEnd::TableHead | TagEnd::TableRow => self.end_row(),
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush_loose_text(),
        }
    }

    fn begin_leaf(&mut self, leaf: Leaf) {
        self.flush_loose_text();
        self.leaf = Some(leaf);
        self.raw.clear();
    }

    fn end_leaf(&mut self) {
        match self.leaf.take() {
            Some(Leaf::Paragraph) | None => self.emit_inline(),
            Some(Leaf::Heading(level)) => self.end_heading(level),
            Some(Leaf::Code) => {
                let text = clean_fragment(self.raw.trim_end_matches('\n')).into_owned();
                self.raw.clear();
                if !text.trim().is_empty() {
                    self.emit(Paragraph::plain(ParagraphKind::Code, text));
                }
            }
            Some(Leaf::Html) => {
                let raw = std::mem::take(&mut self.raw);
                for block in html::blocks(&raw) {
                    self.emit_html(block);
                }
            }
            Some(Leaf::FrontMatter) => {
                let raw = std::mem::take(&mut self.raw);
                if !front_matter::apply(&raw, &mut self.brief.meta) && !raw.trim().is_empty() {
                    // Front matter that is not YAML is shown, not lost.
                    let text = clean_fragment(raw.trim_end()).into_owned();
                    let p = Paragraph::plain(ParagraphKind::Code, text);
                    self.brief.front_matter.push(p);
                }
            }
        }
    }

    fn end_heading(&mut self, level: u8) {
        let spans = self.inline.take();
        if !self.containers.is_empty() {
            self.emit_in_context(spans);
            return;
        }
        let title = without_footnote_markers(plain_text(&spans).trim()).to_string();
        self.start_section(level, title);
    }

    /// Closes the current section and opens one under a heading.
    fn start_section(&mut self, level: u8, title: String) {
        if level == 1 && self.brief.meta.title.is_none() && !title.is_empty() {
            self.brief.meta.title = Some(title.clone());
        }
        if let Some(mut done) = self.section.take() {
            // A long section (a table of 100k rows) leaves up to half its
            // list of paragraphs unused as it grows.
            done.paragraphs.shrink_to_fit();
            self.brief.sections.push(done);
        }
        self.section = Some(Section {
            level,
            title: Some(title),
            ..Section::default()
        });
    }

    fn end_cell(&mut self) {
        let spans = self.inline.take();
        if let Some(row) = self.row.as_mut() {
            if !row.cells.is_empty() {
                push_merged(&mut row.spans, Span::plain(" | "));
            }
            row.cells.push(plain_text(&spans).trim().to_string());
            for span in spans {
                push_merged(&mut row.spans, span);
            }
        }
    }

    fn end_row(&mut self) {
        let Some(row) = self.row.take() else { return };
        // A table's head repeated before a piece cut inside its body.
        if std::mem::take(&mut self.skip_head) && row.header {
            return;
        }
        if row.cells.iter().all(|c| c.is_empty()) {
            return;
        }
        let align = self
            .containers
            .iter()
            .rev()
            .find_map(|c| match c {
                Container::Table { align } => Some(align.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let cells = Cells::from_slice(&row.cells);
        let mut spans = row.spans;
        if cells.say_all_of(&spans) {
            // Most rows: their text is kept once, in the cells.
            spans = Vec::new();
        }
        // Rows are many and short: no spare capacity kept in any of them.
        spans.shrink_to_fit();
        spans.iter_mut().for_each(|s| s.text.shrink_to_fit());
        self.emit(Paragraph {
            kind: ParagraphKind::TableRow,
            cells,
            header: row.header,
            align,
            spans,
            ..Paragraph::default()
        });
    }

    /// Text a tight list item holds directly, without a paragraph around it.
    fn flush_loose_text(&mut self) {
        if self.leaf.is_none() && !self.inline.is_empty() {
            self.emit_inline();
        }
    }

    fn emit_inline(&mut self) {
        let spans = self.inline.take();
        self.emit_in_context(spans);
    }
}

fn column_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::Default,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// A heading without the footnote markers written after it (`Title [^19]`)
/// whose definition is missing or in another piece, so they stayed text.
/// A heading that is nothing but markers keeps them.
fn without_footnote_markers(title: &str) -> &str {
    let mut kept = title;
    while kept.ends_with(']')
        && let Some(open) = kept.rfind("[^")
        && !kept[open + 2..kept.len() - 1].contains(['[', ']'])
    {
        kept = kept[..open].trim_end();
    }
    if kept.is_empty() { title } else { kept }
}

/// Appends `span` to a table row's spans, joined to the last one when
/// their styles match: the reader draws rows from their cells, and a span
/// for every cell and separator made a long table's rows many times their
/// text in memory.
fn push_merged(spans: &mut Vec<Span>, span: Span) {
    match spans.last_mut() {
        Some(last) if last.style == span.style => last.text.push_str(&span.text),
        _ => spans.push(span),
    }
}

#[cfg(test)]
mod tests;
