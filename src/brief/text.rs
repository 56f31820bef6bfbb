//! Plain text, typically extracted from a PDF, to a [`Brief`].
//!
//! The text arrives decoded: LF line ends, `\f` for page breaks, tabs
//! expanded, control characters gone. It passes through these stages, each
//! linear in the size of the text and none recursive:
//!
//! 1. [`pages`]: lines, gaps and page breaks; page numbers and running
//!    headers and footers dropped.
//! 2. [`blocks`]: lines joined into paragraphs, page-cut paragraphs rejoined.
//! 3. [`meta`]: masthead, title, byline and captions from the first blocks.
//! 4. [`back_matter`]: the editor's note and the publisher's footer.
//! 5. Here: the rest becomes sections under the headings of [`headings`].

mod back_matter;
mod bare_contents;
mod blocks;
mod captions;
mod chars;
mod dates;
mod fields;
mod footnotes;
mod glossary;
mod headings;
mod hints;
mod levels;
mod lists;
mod meta;
mod names;
mod numbered_lists;
mod page_breaks;
mod page_numbers;
mod pages;
mod roles;
mod toc;

use super::{Brief, Paragraph, ParagraphKind, Section};
use blocks::Block;
pub(crate) use dates::date_of;
pub use hints::{Hints, parse_with_hints};
pub(crate) use names::{names, names_with_posts};
use pages::PageNames;
use roles::{Role, body_roles, heading_text};

/// Where `text` holds the mark of footnote `label` ("ledgers3"), if it does.
pub(crate) fn note_marker_at(text: &str, label: &str) -> Option<usize> {
    footnotes::marker_at(text, label)
}

/// Parses plain text into a brief; ids are left for the caller to assign.
pub fn parse(text: &str) -> Brief {
    let mut brief = parse_hinted(text, &Hints::default());
    super::note_refs::mark_note_references(&mut brief);
    brief
}

/// As [`parse`], giving the text back as soon as its blocks are built: the
/// rest of the parse needs none of it, and on a long brief the text is a
/// quarter of the peak.
pub fn parse_owned(text: String) -> Brief {
    let (items, labels) = pages::paged_items(&text);
    let (blocks, shape) = blocks::blocks(items);
    drop(text);
    let mut brief = parse_blocks(blocks, shape, labels, &Hints::default());
    super::note_refs::mark_note_references(&mut brief);
    brief
}

fn parse_hinted(text: &str, hints: &Hints) -> Brief {
    let (items, labels) = pages::paged_items(text);
    let (blocks, shape) = blocks::blocks(items);
    parse_blocks(blocks, shape, labels, hints)
}

/// The stages after the blocks: meta data, roles, sections.
fn parse_blocks(
    blocks: Vec<Block>,
    shape: headings::Shape,
    labels: pages::PageLabels,
    hints: &Hints,
) -> Brief {
    let page_count = blocks.iter().map(|b| b.pages.1 + 1).max().unwrap_or(0);
    let names = PageNames::new(&labels, page_count);
    let mut brief = Brief::default();
    let lead = &blocks[..hints.lead_limit(blocks.iter().map(|b| b.text.as_str()))];
    let lead_end = meta::read_lead(lead, &mut brief.meta, &mut brief.front_matter, &names);
    meta::title_from_running_header(&blocks, &labels.running, &mut brief.meta);
    let (footer, publisher) = back_matter::footer_start(&blocks, lead_end);
    if brief.meta.publisher.is_none() {
        brief.meta.publisher = publisher;
    }
    let mut roles = body_roles(&blocks[lead_end..footer], &shape, hints);
    let signed = roles::signatures(&blocks[lead_end..footer], &mut roles);
    if brief.meta.authors.is_empty() {
        brief.meta.authors = signed;
    }
    meta::title_from_label(
        &blocks[..lead_end.max(1).min(blocks.len())],
        &mut brief.meta,
    );
    let body = &blocks[lead_end..footer];
    let classes = levels::classes(body, &roles, &shape.listed);
    let note_labels = headings::note_labels(body);
    let mut levels = levels::Levels::default();
    let headings = roles
        .iter()
        .filter(|r| matches!(r, Role::Numbered(_) | Role::Unnumbered | Role::RunIn(_)));
    brief.sections.reserve_exact(headings.count() + 1);
    let mut footer_paragraphs = Vec::new();
    let mut lone_marker: Option<String> = None;
    for (i, block) in blocks.into_iter().enumerate() {
        if i < lead_end {
            continue;
        }
        let pages = names.span(block.pages);
        if i >= footer {
            footer_paragraphs.push(paged(
                Paragraph::plain(ParagraphKind::Text, block.text),
                pages,
            ));
            continue;
        }
        let at = i - lead_end;
        // Sized once: most sections hold few paragraphs, and a growing vector
        // would reserve room for more.
        let size = || paragraphs_from(&roles[at + 1..]);
        if brief.sections.is_empty()
            && matches!(roles[at], Role::Caption | Role::Paragraph | Role::Figure)
        {
            brief.sections.push(Section {
                paragraphs: Vec::with_capacity(paragraphs_from(&roles[at..])),
                ..Section::default()
            });
        }
        match roles[at] {
            Role::Numbered(_) => {
                let tier = hints.heading_rank(&heading_text(&block));
                let title = headings::without_note_marker(&heading_text(&block), &note_labels);
                let class = classes[at].unwrap_or(levels::Class::Plain);
                let level = levels.next_typed(class, &title, tier);
                start_section(&mut brief.sections, level, title, size());
            }
            Role::RunIn(_) => {
                let level = levels.next(classes[at].unwrap_or(levels::Class::Plain), &block.text);
                let (title, rest) = roles::split_run_in(&block.text);
                let title = match &block.marker {
                    Some(marker) => format!("{marker}{title}"),
                    None => title.to_string(),
                };
                start_section(&mut brief.sections, level, title, size() + 1);
                let lead = Paragraph::plain(ParagraphKind::Text, rest.trim_start());
                push_paragraph(&mut brief.sections, paged(lead, pages));
            }
            Role::Unnumbered => {
                let tier = hints.heading_rank(&block.text);
                let title = headings::without_note_marker(&block.text, &note_labels);
                let class = classes[at].unwrap_or(levels::Class::Plain);
                let level = levels.next_typed(class, &title, tier);
                start_section(&mut brief.sections, level, title, size());
            }
            Role::EditorNote => brief.back_matter.push(paged(
                Paragraph::plain(ParagraphKind::Text, block.text),
                pages,
            )),
            Role::Footnote => brief.back_matter.push(paged(
                Paragraph::plain(ParagraphKind::Footnote, block.text),
                pages,
            )),
            Role::Caption => push_paragraph(
                &mut brief.sections,
                paged(Paragraph::plain(ParagraphKind::Caption, block.text), pages),
            ),
            // A bullet glyph the extraction set apart is the next item's
            // marker, never a paragraph of its own.
            Role::Paragraph if roles::lone_bullet(&block.text) => {
                lone_marker = Some(block.text.trim().to_string());
            }
            Role::Paragraph => {
                let mut block = block;
                if block.marker.is_none() {
                    block.marker = lone_marker.take();
                }
                push_paragraph(&mut brief.sections, paged(paragraph(block), pages));
            }
            Role::Contents => brief.front_matter.push(paged(
                Paragraph::plain(ParagraphKind::Text, block.text),
                pages,
            )),
            Role::Figure => push_figure(
                &mut brief.sections,
                block,
                pages,
                roles.get(at.wrapping_sub(1)),
            ),
        }
    }
    brief.back_matter.append(&mut footer_paragraphs);
    brief
}

fn paragraph(block: Block) -> Paragraph {
    match block.marker {
        Some(marker) => Paragraph {
            marker: Some(marker),
            ..Paragraph::plain(ParagraphKind::ListItem, block.text)
        },
        None => Paragraph::plain(ParagraphKind::Text, block.text),
    }
}

/// Cells of one table or chart make one paragraph, set apart by spaces.
fn push_figure(sections: &mut [Section], block: Block, pages: Vec<String>, before: Option<&Role>) {
    let Some(section) = sections.last_mut() else {
        return;
    };
    if before == Some(&Role::Figure)
        && let Some(figure) = section.paragraphs.last_mut()
        && let Some(span) = figure.spans.last_mut()
    {
        span.text.push(' ');
        span.text.push_str(&block.text);
        for page in pages {
            if !figure.pages.contains(&page) {
                figure.pages.push(page);
            }
        }
        return;
    }
    section.paragraphs.push(paged(
        Paragraph::plain(ParagraphKind::Text, block.text),
        pages,
    ));
}

fn paged(paragraph: Paragraph, pages: Vec<String>) -> Paragraph {
    Paragraph { pages, ..paragraph }
}

/// How many paragraphs the roles hold before the next heading.
fn paragraphs_from(roles: &[Role]) -> usize {
    roles
        .iter()
        .take_while(|r| !matches!(r, Role::Numbered(_) | Role::Unnumbered | Role::RunIn(_)))
        .filter(|r| matches!(r, Role::Caption | Role::Paragraph | Role::Figure))
        .count()
}

fn start_section(sections: &mut Vec<Section>, level: u8, title: String, size: usize) {
    sections.push(Section {
        level,
        title: Some(title),
        paragraphs: Vec::with_capacity(size),
        ..Section::default()
    });
}

fn push_paragraph(sections: &mut [Section], paragraph: Paragraph) {
    // The untitled opening section is made before its first paragraph.
    if let Some(section) = sections.last_mut() {
        section.paragraphs.push(paragraph);
    }
}

#[cfg(test)]
mod tests;
