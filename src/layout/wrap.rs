//! Line breaking. Provisional: fills lines by display width, breaking
//! anywhere; the UAX #14 and kinsoku rules are still to come.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Breaks `text` into lines no wider than `width` columns. Each line is a
/// byte range into `text`; whitespace at a break is left out of both lines.
/// A `width` of 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && i > start {
            lines.push(start..i);
            start = i;
            used = 0;
        }
        used += w;
    }
    if start < text.len() || lines.is_empty() {
        lines.push(start..text.len());
    }
    lines
}
