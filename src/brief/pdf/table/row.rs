//! A table's rows and cells as text.

/// A list marker has at most this many characters.
const MAX_MARKER_CHARS: usize = 8;
/// What "第…" numbers in a law or a report: article, chapter, section, item.
const ORDINAL_UNITS: &[char] = &['條', '条', '章', '節', '节', '款', '項', '项', '點', '点'];

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The text of each cell, left to right; empty for a blank cell.
    pub cells: Vec<String>,
    /// True for the head row: all bold over rows that are not.
    pub header: bool,
    /// True when the row goes on over the page break to the next page.
    pub cut: bool,
}

/// Adds a line to a cell's text: CJK joined without a space, a word
/// broken at a hyphen joined whole.
pub fn join_cell(cell: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let hyphen = cell.ends_with('-')
        && cell.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && line.starts_with(char::is_lowercase);
    if hyphen {
        cell.push_str(line);
    } else {
        *cell = super::super::join_lines([cell.as_str(), line].into_iter());
    }
}

impl Row {
    /// Puts the rest of this row, cut by a page break, back on it: each
    /// cell of `rest` goes on the cell above.
    pub fn join(&mut self, rest: Row) {
        for (cell, more) in self.cells.iter_mut().zip(rest.cells) {
            join_cell(cell, &more);
        }
        self.cut = true;
    }
}

/// True for a list marker: a bullet, or a short number or letter with its
/// punctuation ("3.", "(b)", "iv)", "二、"), or an article's number
/// ("第十二條").
pub(super) fn is_marker(text: &str) -> bool {
    let text = text.trim();
    let core = text.trim_matches(|c: char| "().)）（、:：-–—".contains(c));
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix(ORDINAL_UNITS))
        .unwrap_or(core);
    let numeral = |c: char| {
        c.is_ascii_digit() || "〇零一二三四五六七八九十百壹貳參肆伍陸柒捌玖拾佰".contains(c)
    };
    let letters = core.chars().count() <= 3 && core.chars().all(|c| c.is_ascii_alphabetic());
    text.chars().count() <= MAX_MARKER_CHARS
        && (core.chars().all(|c| !c.is_alphanumeric() || numeral(c))
            || (letters && core.len() < text.len()))
}
