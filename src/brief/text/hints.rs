//! Hints from a source richer than plain text (a PDF's typography) for the
//! structure stage: which blocks the page sets as headings, and how large.
//!
//! The one entry is [`parse_with_hints`]; [`super::parse`] is the same with
//! no hints. A block is hinted when its text, whitespace removed, equals a
//! hinted heading's. With hints, typography decides unnumbered headings (a
//! short standalone line in body type is not one); numbering still ranks
//! numbered headings, and an unnumbered hinted heading ranks above every
//! numbering family, larger type first.

use std::collections::{HashMap, HashSet};

use crate::brief::Brief;

/// Heading candidates by typography.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Heading text (whitespace removed) → size tier (0 = largest).
    headings: HashMap<String, u8>,
    /// Lines the page sets where no heading stands (inside a paragraph or
    /// list, or in a table's cell), whitespace removed and cut to
    /// [`INNER_KEY_CHARS`].
    inner: HashSet<String>,
}

/// Characters of an inner line kept to know it by.
const INNER_KEY_CHARS: usize = 40;

/// Tiers take ranks 1…9, between the chapter family (0) and formal numbering (10).
const TIERS: u8 = 9;

impl Hints {
    /// Marks `text` as a heading by typography, of size tier `tier` (0 = largest).
    pub fn add_heading(&mut self, text: &str, tier: u8) {
        let key = dense(text);
        if !key.is_empty() {
            let t = self.headings.entry(key).or_insert(tier);
            *t = (*t).min(tier);
        }
    }

    /// Marks `line` as set inside a block of text, not at its start: the
    /// page shows it runs on from the line above.
    pub fn add_inner_line(&mut self, line: &str) {
        let key: String = dense(line).chars().take(INNER_KEY_CHARS).collect();
        if !key.is_empty() {
            self.inner.insert(key);
        }
    }

    /// True when there are no hints: the plain-text rules apply unchanged.
    pub fn is_empty(&self) -> bool {
        self.headings.is_empty() && self.inner.is_empty()
    }

    /// True when a block of this text starts with a line the page sets
    /// inside a paragraph or list: numbered like a heading, but with no gap
    /// or change of type to stand apart, it is a list item.
    pub(super) fn inside_block(&self, text: &str) -> bool {
        if self.inner.is_empty() {
            return false;
        }
        let own = dense(text);
        own.char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain(std::iter::once(own.len()))
            .take(INNER_KEY_CHARS)
            .any(|end| self.inner.contains(&own[..end]))
    }

    /// The numbering rank a block of this text takes as an unnumbered heading
    /// set in larger or heavier type, if the typography says it is one.
    pub(super) fn heading_rank(&self, text: &str) -> Option<u8> {
        self.headings
            .get(&dense(text))
            .map(|tier| 1 + (*tier).min(TIERS - 1))
    }

    /// How many of the first blocks (their texts in order) may open the
    /// brief as its lead: up to a heading the page sets as one after
    /// something that is not (a date in display type is still lead).
    pub(super) fn lead_limit<'a>(&self, texts: impl ExactSizeIterator<Item = &'a str>) -> usize {
        if self.headings.is_empty() {
            return texts.len();
        }
        let mut plain_seen = false;
        let mut count = 0;
        for text in texts {
            let hinted = self.heading_rank(text).is_some();
            if hinted && plain_seen && super::dates::date_of(text).is_none() {
                return count;
            }
            plain_seen |= !hinted;
            count += 1;
        }
        count
    }

    /// True when the plain-text guess for unnumbered headings still applies.
    pub(super) fn guess_unnumbered(&self) -> bool {
        self.headings.is_empty()
    }
}

fn dense(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses plain text into a brief using `hints`; ids are left for the caller.
pub fn parse_with_hints(text: &str, hints: &Hints) -> Brief {
    super::parse_hinted(text, hints)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "A Title Line\n\nOpening words of the brief, long enough to be running text.\n\nShort standalone line\n\nBody text under it that goes on for a while, as body text does.\n\nWhere typography says\n\nMore body text under the typeset heading, again long enough.\n";

    fn titles(brief: &Brief) -> Vec<&str> {
        brief
            .sections
            .iter()
            .filter_map(|s| s.title.as_deref())
            .collect()
    }

    #[test]
    fn a_hinted_block_is_a_heading_and_unhinted_short_lines_are_not() {
        let plain = super::super::parse(TEXT);
        assert!(
            titles(&plain).contains(&"Short standalone line"),
            "{:?}",
            titles(&plain)
        );
        let mut hints = Hints::default();
        hints.add_heading("Where  typography\nsays", 1);
        let hinted = parse_with_hints(TEXT, &hints);
        assert_eq!(titles(&hinted), ["Where typography says"]);
    }

    #[test]
    fn larger_type_ranks_above_smaller() {
        let mut hints = Hints::default();
        hints.add_heading("Short standalone line", 0);
        hints.add_heading("Where typography says", 1);
        let brief = parse_with_hints(TEXT, &hints);
        let levels: Vec<u8> = brief
            .sections
            .iter()
            .filter(|s| s.title.is_some())
            .map(|s| s.level)
            .collect();
        assert_eq!(levels, [1, 2]);
    }

    #[test]
    fn a_numbered_line_the_page_sets_inside_a_list_heads_nothing() {
        let text = "Opening words of the brief, long enough to be running text.\n\n1. Scope\n\nBody text under the first numbered heading, long enough.\n\n2. Method\n\nBody text under the second numbered heading, long enough.\n";
        let plain = parse_with_hints(text, &Hints::default());
        assert_eq!(titles(&plain), ["1. Scope", "2. Method"]);
        let mut hints = Hints::default();
        hints.add_inner_line("2.  Method");
        assert!(hints.inside_block("2. Method and more words"));
        assert!(!hints.inside_block("1. Scope"));
        assert_eq!(titles(&parse_with_hints(text, &hints)), ["1. Scope"]);
    }

    #[test]
    fn the_lead_ends_at_a_typeset_heading_after_plain_blocks() {
        let mut hints = Hints::default();
        for heading in ["A Title", "Overview", "July 2025", "Findings"] {
            hints.add_heading(heading, 0);
        }
        let texts = [
            "A Title",
            "Overview",
            "Entries: 93",
            "July 2025",
            "Findings",
            "Body",
        ];
        assert_eq!(hints.lead_limit(texts.iter().copied()), 4);
        assert_eq!(Hints::default().lead_limit(texts.iter().copied()), 6);
    }
}
