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
mod blocks;
mod captions;
mod chars;
mod dates;
mod headings;
mod hints;
mod lists;
mod meta;
mod names;
mod page_numbers;
mod pages;

use super::{Brief, Paragraph, ParagraphKind, Section};
use blocks::Block;
use headings::{Shape, levels_for};
pub use hints::{Hints, parse_with_hints};

/// Parses plain text into a brief; ids are left for the caller to assign.
pub fn parse(text: &str) -> Brief {
    parse_hinted(text, &Hints::default())
}

fn parse_hinted(text: &str, hints: &Hints) -> Brief {
    let (blocks, shape) = blocks::blocks(pages::page_items(text));
    let mut brief = Brief::default();
    let lead_end = meta::read_lead(&blocks, &mut brief.meta, &mut brief.front_matter);
    let (footer, publisher) = back_matter::footer_start(&blocks, lead_end);
    if brief.meta.publisher.is_none() {
        brief.meta.publisher = publisher;
    }
    let roles = body_roles(&blocks[lead_end..footer], &shape, hints);
    let level = levels_for(roles.iter().filter_map(|r| match r {
        Role::Numbered(rank) => Some(*rank),
        _ => None,
    }));
    let headings = roles
        .iter()
        .filter(|r| matches!(r, Role::Numbered(_) | Role::Unnumbered));
    brief.sections.reserve_exact(headings.count() + 1);
    let mut footer_paragraphs = Vec::new();
    // An unnumbered heading sits one level below the numbered one above it.
    let mut numbered_level = 0u8;
    for (i, block) in blocks.into_iter().enumerate() {
        if i < lead_end {
            continue;
        }
        if i >= footer {
            footer_paragraphs.push(Paragraph::plain(ParagraphKind::Text, block.text));
            continue;
        }
        let at = i - lead_end;
        // Sized once: most sections hold few paragraphs, and a growing vector
        // would reserve room for more.
        let size = || paragraphs_from(&roles[at + 1..]);
        if brief.sections.is_empty() && matches!(roles[at], Role::Caption | Role::Paragraph) {
            brief.sections.push(Section {
                paragraphs: Vec::with_capacity(paragraphs_from(&roles[at..])),
                ..Section::default()
            });
        }
        match roles[at] {
            Role::Numbered(rank) => {
                numbered_level = level(rank);
                let title = heading_text(&block).into_owned();
                start_section(&mut brief.sections, numbered_level, title, size());
            }
            Role::Unnumbered => {
                let level = numbered_level.saturating_add(1);
                start_section(&mut brief.sections, level, block.text, size());
            }
            Role::EditorNote => brief
                .back_matter
                .push(Paragraph::plain(ParagraphKind::Text, block.text)),
            Role::Caption => push_paragraph(
                &mut brief.sections,
                Paragraph::plain(ParagraphKind::Caption, block.text),
            ),
            Role::Paragraph => push_paragraph(&mut brief.sections, paragraph(block)),
        }
    }
    brief.back_matter.append(&mut footer_paragraphs);
    brief
}

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A numbered heading of the given family rank.
    Numbered(u8),
    /// A short standalone line or question: a heading without a number.
    Unnumbered,
    /// An editor's note or disclaimer, bound for the back matter.
    EditorNote,
    /// A figure caption or source line inside the body.
    Caption,
    /// Running text or a list item.
    Paragraph,
}

fn body_roles(body: &[Block], shape: &Shape, hints: &Hints) -> Vec<Role> {
    let mut roles: Vec<Role> = body
        .iter()
        .map(|block| {
            let text = block.text.as_str();
            if back_matter::is_editor_note(text) {
                Role::EditorNote
            } else if captions::is_caption(text) {
                Role::Caption
            } else if let Some(rank) = hints.heading_rank(&heading_text(block)) {
                // Typeset as a heading, even when numbered like a list item.
                let numbered = headings::numbering(&heading_text(block)).map(|n| n.rank);
                Role::Numbered(numbered.unwrap_or(rank))
            } else if block.marker.is_some() {
                Role::Paragraph
            } else if let Some(rank) = shape.numbered_heading(text).filter(|_| block.lines <= 2) {
                Role::Numbered(rank)
            } else if block.lines == 1 && hints.guess_unnumbered() && shape.heading_like(text) {
                Role::Unnumbered
            } else {
                Role::Paragraph
            }
        })
        .collect();
    // A short line with nothing after it heads nothing: it is a closing line.
    if let Some(last) = roles.iter_mut().rev().find(|r| **r != Role::EditorNote)
        && *last == Role::Unnumbered
    {
        *last = Role::Paragraph;
    }
    roles
}

/// A heading's text: a list marker the block was read with belongs to it.
fn heading_text(block: &Block) -> std::borrow::Cow<'_, str> {
    match &block.marker {
        Some(marker) => format!("{marker} {}", block.text).into(),
        None => block.text.as_str().into(),
    }
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

/// How many paragraphs the roles hold before the next heading.
fn paragraphs_from(roles: &[Role]) -> usize {
    roles
        .iter()
        .take_while(|r| !matches!(r, Role::Numbered(_) | Role::Unnumbered))
        .filter(|r| matches!(r, Role::Caption | Role::Paragraph))
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
