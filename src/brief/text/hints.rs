//! Hints from a source richer than plain text (a PDF's typography) for the
//! structure stage: which blocks the page sets as headings, and how large.
//!
//! The one entry is [`parse_with_hints`]; [`super::parse`] is the same with
//! no hints. A block is hinted when its text, whitespace removed, equals a
//! hinted heading's. With hints, typography decides unnumbered headings (a
//! short standalone line in body type is not one); numbering still ranks
//! numbered headings, and an unnumbered hinted heading ranks above every
//! numbering family, larger type first.

use std::collections::HashMap;

use crate::brief::Brief;

/// Heading candidates by typography.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Heading text (whitespace removed) → size tier (0 = largest).
    headings: HashMap<String, u8>,
}

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

    /// True when there are no hints: the plain-text rules apply unchanged.
    pub fn is_empty(&self) -> bool {
        self.headings.is_empty()
    }

    /// The numbering rank a block of this text takes as an unnumbered heading
    /// set in larger or heavier type, if the typography says it is one.
    pub(super) fn heading_rank(&self, text: &str) -> Option<u8> {
        self.headings
            .get(&dense(text))
            .map(|tier| 1 + (*tier).min(TIERS - 1))
    }

    /// True when the plain-text guess for unnumbered headings still applies.
    pub(super) fn guess_unnumbered(&self) -> bool {
        self.is_empty()
    }
}

fn dense(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses plain text into a brief using `hints`; ids are left for the caller.
pub fn parse_with_hints(text: &str, hints: &Hints) -> Brief {
    super::parse_hinted(text, hints)
}
