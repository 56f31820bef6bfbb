//! Markdown to a [`Brief`] with pulldown-cmark.
//! Provisional: treated like plain text until the Markdown loader lands.

use super::Brief;

/// Parses Markdown into a brief.
pub fn parse(text: &str) -> Brief {
    super::text::parse(text)
}
