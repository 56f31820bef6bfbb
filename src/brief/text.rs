//! Plain text, typically extracted from a PDF, to a [`Brief`].
//! Provisional: blocks split at blank lines; the full rules are still to come.

use super::{Brief, Paragraph, ParagraphKind, Section};

/// Parses plain text into a brief.
pub fn parse(text: &str) -> Brief {
    let paragraphs = text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| Paragraph::plain(ParagraphKind::Text, b.replace('\n', " ")))
        .collect();
    Brief {
        sections: vec![Section {
            paragraphs,
            ..Section::default()
        }],
        ..Brief::default()
    }
}
