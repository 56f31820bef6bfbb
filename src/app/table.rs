//! Table rows in aligned columns. When the natural widths do not fit, the
//! widest columns give up room first and their cells wrap inside the
//! column; when even that leaves columns too narrow to read, the row falls
//! back to wrapped text.

use std::ops::Range;

use super::doc::{CELL_SEPARATOR, Doc};
use super::lines::{LineKind, VisualLine};
use crate::layout::wrap;

/// Narrowest column worth wrapping into: two CJK characters.
const MIN_COLUMN: usize = 4;

/// Column widths for `natural` widths in `width` columns: the natural ones
/// when they fit, else narrow columns keep theirs and the wide ones share
/// what is left evenly. `None` when a column would be narrower than
/// [`MIN_COLUMN`].
pub fn fit_columns(natural: &[usize], width: usize) -> Option<Vec<usize>> {
    let n = natural.len();
    if n == 0 {
        return None;
    }
    let separators = CELL_SEPARATOR.chars().count() * (n - 1);
    let mut room = width.checked_sub(separators)?;
    if natural.iter().sum::<usize>() <= room {
        return Some(natural.to_vec());
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| natural[k]);
    let mut widths = vec![0; n];
    for (done, &k) in order.iter().enumerate() {
        let share = room / (n - done);
        widths[k] = natural[k].min(share);
        room -= widths[k];
    }
    widths.iter().all(|&w| w >= MIN_COLUMN).then_some(widths)
}

/// The screen lines of table row `i` with its cells wrapped into `widths`.
/// Each line carries, per cell, the byte range shown and the column width.
/// Only the first line spans the row's text, so that finding a place in
/// the row (a match, the top after a resize) lands on its first line.
pub fn row_lines(doc: &Doc, i: usize, text: &str, widths: &[usize]) -> Vec<VisualLine> {
    let cells: Vec<&str> = doc
        .paragraph(i)
        .map_or_else(Vec::new, |p| p.cells.iter().collect());
    // `text` may be the row in another script, where a cell's length can
    // differ from the brief's: take the lengths from `text` when it splits
    // into as many cells.
    let shown: Vec<usize> = text.split(CELL_SEPARATOR).map(str::len).collect();
    let lens: Vec<usize> = if shown.len() == cells.len() {
        shown
    } else {
        cells.iter().map(|c| c.len()).collect()
    };
    let mut at = 0;
    let mut wrapped: Vec<Vec<Range<usize>>> = Vec::with_capacity(cells.len());
    for (k, len) in lens.iter().enumerate() {
        let width = widths.get(k).copied().unwrap_or(1);
        let piece = text.get(at..at + len).unwrap_or("");
        let parts = wrap(piece, width)
            .into_iter()
            .map(|r| at + r.start..at + r.end)
            .collect();
        wrapped.push(parts);
        at += len + CELL_SEPARATOR.len();
    }
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..rows)
        .map(|line| {
            let cells = wrapped
                .iter()
                .zip(widths)
                .map(|(parts, &w)| {
                    let end = parts.last().map_or(0, |r| r.end);
                    (parts.get(line).cloned().unwrap_or(end..end), w)
                })
                .collect();
            let range = if line == 0 {
                0..text.len()
            } else {
                text.len()..text.len()
            };
            VisualLine {
                kind: LineKind::TableRow { cells },
                range,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_widths_stay_when_they_fit() {
        assert_eq!(fit_columns(&[4, 8], 15), Some(vec![4, 8]));
    }

    #[test]
    fn wide_columns_give_up_room_first() {
        // 30 columns less two separators of 3: 24 to share.
        assert_eq!(fit_columns(&[4, 20, 20], 30), Some(vec![4, 10, 10]));
    }

    #[test]
    fn columns_too_narrow_to_read_give_up() {
        assert_eq!(fit_columns(&[10, 10, 10], 15), None);
        assert_eq!(fit_columns(&[10, 10], 2), None);
        assert_eq!(fit_columns(&[], 20), None);
    }
}
