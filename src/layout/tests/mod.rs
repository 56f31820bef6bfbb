//! Tests of `wrap` as plain strings: whole paragraphs, one test per rule,
//! and properties that hold for any input.

mod paragraphs;
mod properties;
mod rules;

use std::ops::Range;

use super::wrap;

/// A wrap result of a single line.
fn only(line: Range<usize>) -> Vec<Range<usize>> {
    vec![line]
}

/// The lines of `text` wrapped at `width`, as strings.
fn show(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}
