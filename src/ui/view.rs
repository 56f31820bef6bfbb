//! Drawing for the view script: the compare view's two columns, the
//! status bar's script label, and search highlights in a converted block
//! whose length changed.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::text::Span;

use super::body::Paint;
use crate::app::compare::CompareColumns;
use crate::app::view::label;
use crate::app::{App, Match, Pos, ViewScript};
use crate::convert::find_all;

/// The compare view: original on the left, converted on the right, each
/// pair of blocks starting on the same row.
pub(super) fn draw_compare(buf: &mut Buffer, app: &App) {
    let columns = CompareColumns::of(app);
    let rows = usize::from(columns.left.height);
    if rows == 0 || columns.left.width == 0 || columns.right.width == 0 {
        return;
    }
    let theme = &app.theme;
    let middle = ratatui::layout::Rect::new(
        app.screen.area.x,
        columns.left.y,
        app.screen.area.width,
        columns.left.height,
    );
    buf.set_style(middle, theme.body);
    let script = app.view.compare_script();
    let mut pos = app.compare_top();
    let mut row = 0;
    while row < rows && pos.block < app.doc.blocks.len() {
        let block = pos.block;
        let left = app.compare_lines(block, false);
        let right = app.compare_lines(block, true);
        let mut left_paint = Paint::new(app, block, app.doc.text(block));
        super::passage::mark_block(app, block, &mut left_paint);
        let shown = app.view.block_text_in(&app.doc, block, script);
        let mut right_paint = Paint::new(app, block, shown);
        let changed = changed_ranges(&app.doc.text(block), right_paint.text());
        right_paint.highlight(changed, theme.compare_changed);
        // The selection and noted passages on the converted side too.
        super::passage::mark_block(app, block, &mut right_paint);
        let pair_rows = left.len().max(right.len()).max(1);
        for line in pos.line..pair_rows {
            if row >= rows {
                break;
            }
            let y = columns.left.y + u16::try_from(row).unwrap_or(u16::MAX);
            if let Some(vl) = left.get(line) {
                let l = left_paint.line(vl, theme);
                buf.set_line(columns.left.x, y, &l, columns.left.width);
                // The note marks sit in the margin left of the original.
                super::notes::gutter(buf, app, block, vl, app.screen.area.x, y);
            }
            if let Some(vl) = right.get(line) {
                let l = right_paint.line(vl, theme);
                buf.set_line(columns.right.x, y, &l, columns.right.width);
            }
            buf.set_string(columns.divider.x, y, "│", theme.divider);
            row += 1;
        }
        pos = Pos {
            block: block + 1,
            line: 0,
        };
    }
    for y in row..rows {
        let y = columns.left.y + u16::try_from(y).unwrap_or(u16::MAX);
        buf.set_string(columns.divider.x, y, "│", theme.divider);
    }
}

/// Byte ranges of `shown` whose characters differ from `own`'s at the same
/// place. Glyph conversion keeps the character count, so characters pair
/// up one to one; when a phrase changed the length, the part between the
/// common start and the common end is marked as a whole.
pub(super) fn changed_ranges(own: &str, shown: &str) -> Vec<Range<usize>> {
    if own == shown {
        return Vec::new();
    }
    let a: Vec<char> = own.chars().collect();
    let b: Vec<(usize, char)> = shown.char_indices().collect();
    let end_of = |k: usize| b.get(k).map_or(shown.len(), |(i, _)| *i);
    let mut out: Vec<Range<usize>> = Vec::new();
    if a.len() == b.len() {
        for (k, (&x, &(at, y))) in a.iter().zip(&b).enumerate() {
            if x != y {
                let end = end_of(k + 1);
                match out.last_mut() {
                    Some(last) if last.end == at => last.end = end,
                    _ => out.push(at..end),
                }
            }
        }
        return out;
    }
    let head = a.iter().zip(&b).take_while(|(x, (_, y))| *x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, (_, y))| *x == y)
        .count();
    let (start, end) = (end_of(head), end_of(b.len() - tail));
    if start < end {
        out.push(start..end);
    }
    out
}

/// The status bar's word on the script: nothing for the original (the
/// brief as written), else the script, and both sides in the compare view.
pub(super) fn status_label(app: &App) -> Option<Span<'static>> {
    let theme = &app.theme;
    if app.view.compare.is_some() {
        let text = format!(
            "  对照 {} │ {}",
            label(ViewScript::Original),
            label(app.view.compare_script())
        );
        return Some(Span::styled(text, theme.status_search));
    }
    match app.view.script() {
        ViewScript::Original => None,
        script => Some(Span::styled(
            format!("  {}", label(script)),
            theme.status_search,
        )),
    }
}

/// The matches of a block whose shown text has a different length from
/// its own (a phrase or an override changed it), so char indices cannot be
/// carried over. They are found again in the shown text: the query itself,
/// and each matched original text as the view converts it (an override
/// may have replaced the very words searched for). The k-th hit stands for
/// the block's k-th match when telling which one is current.
pub(super) fn matches_in_shown(
    app: &App,
    block: usize,
    first: usize,
    matches: &[Match],
    text: &str,
) -> Vec<(Range<usize>, bool)> {
    let own = app.doc.text(block);
    let mut needles = vec![app.search.query.clone()];
    for m in matches {
        let matched: String = own
            .chars()
            .skip(m.chars.start)
            .take(m.chars.len())
            .collect();
        needles.push(app.display_text(&matched).into_owned());
    }
    needles.sort();
    needles.dedup();
    let mut hits: Vec<Range<usize>> = needles
        .iter()
        .filter(|n| !n.is_empty())
        .flat_map(|n| find_all(text, n))
        .collect();
    hits.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    hits.dedup_by(|later, kept| later.start < kept.end);
    hits.into_iter()
        .enumerate()
        .map(|(k, range)| {
            let current = k < matches.len() && app.search.current == Some(first + k);
            (range, current)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::changed_ranges;

    #[test]
    fn only_the_converted_characters_are_marked() {
        let shown = "川习北京峰会";
        let marked: Vec<&str> = changed_ranges("川習北京峰會", shown)
            .into_iter()
            .map(|r| &shown[r])
            .collect();
        assert_eq!(marked, ["习", "会"]);
        assert!(changed_ranges("G20 峰会", "G20 峰会").is_empty());
        // A phrase that changed the length: the middle as a whole.
        let shown = "访问特朗普了";
        let marked: Vec<&str> = changed_ranges("访问川普了", shown)
            .into_iter()
            .map(|r| &shown[r])
            .collect();
        assert_eq!(marked, ["特朗"]);
    }
}
