//! Where a byte of a wrapped paragraph lands on screen: used to place the
//! cursor and search highlights.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A place on screen within a wrapped paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Index of the line in the wrapped paragraph.
    pub line: usize,
    /// Display column within that line.
    pub column: usize,
}

/// Maps byte `offset` of `text`, wrapped into `lines` (as returned by
/// [`wrap`](super::wrap::wrap)), to a line and display column.
///
/// An offset inside a grapheme cluster lands on the cluster's start. An
/// offset where one line ends and the next begins lands at the start of the
/// next line. An offset in whitespace swallowed by a break, or in a
/// trailing newline, lands just past the end of its line (the column then
/// equals the line's width, which may be the pane's width). Offsets past
/// the end of the text are clamped to it; no lines gives `0:0`.
pub fn locate(text: &str, lines: &[Range<usize>], offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let index = lines
        .partition_point(|line| line.start <= offset)
        .saturating_sub(1);
    let Some(line) = lines.get(index) else {
        return Position { line: 0, column: 0 };
    };
    let Some(line_text) = text.get(line.start..line.end) else {
        return Position {
            line: index,
            column: 0,
        };
    };
    let within = offset.saturating_sub(line.start);
    let column = line_text
        .grapheme_indices(true)
        .take_while(|(start, cluster)| start + cluster.len() <= within)
        .map(|(_, cluster)| cluster.width())
        .sum();
    Position {
        line: index,
        column,
    }
}

/// The pieces of byte range `range` that show on each wrapped line, as
/// (line index, byte range of `text`), in order: a search match that a
/// break splits gets one piece per line, without the whitespace the break
/// swallowed. Empty pieces are left out.
pub fn pieces_on_lines(
    lines: &[Range<usize>],
    range: Range<usize>,
) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    let first = lines.partition_point(|line| line.end <= range.start);
    lines
        .iter()
        .enumerate()
        .skip(first)
        .take_while(move |(_, line)| line.start < range.end)
        .filter_map(move |(index, line)| {
            let piece = line.start.max(range.start)..line.end.min(range.end);
            (piece.start < piece.end).then_some((index, piece))
        })
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::layout::wrap;

    proptest! {
        #[test]
        fn positions_run_forward_and_lines_start_at_column_zero(
            text in "[a-z ,。中國\n\u{301}]{0,60}",
            width in 1usize..20,
        ) {
            let lines = wrap(&text, width);
            for (index, line) in lines.iter().enumerate() {
                prop_assert_eq!(locate(&text, &lines, line.start), at(index, 0));
            }
            let mut previous = at(0, 0);
            for offset in 0..=text.len() + 1 {
                let here = locate(&text, &lines, offset);
                prop_assert!((here.line, here.column) >= (previous.line, previous.column));
                previous = here;
            }
        }
    }

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn ideographs_count_two_columns() {
        let text = "中美構建建設性戰略穩定關係";
        let lines = wrap(text, 10);
        assert_eq!(lines.len(), 3);
        assert_eq!(locate(text, &lines, 0), at(0, 0));
        assert_eq!(locate(text, &lines, 3), at(0, 2));
        // The sixth ideograph starts the second line.
        assert_eq!(locate(text, &lines, 15), at(1, 0));
        assert_eq!(locate(text, &lines, 18), at(1, 2));
        assert_eq!(locate(text, &lines, text.len()), at(2, 6));
    }

    #[test]
    fn offsets_inside_a_character_or_cluster_round_down() {
        let text = "e\u{301}x 中";
        let lines = wrap(text, 80);
        assert_eq!(locate(text, &lines, 1), at(0, 0), "inside the cluster é");
        assert_eq!(locate(text, &lines, 3), at(0, 1));
        assert_eq!(locate(text, &lines, 6), at(0, 3), "inside 中");
    }

    #[test]
    fn swallowed_spaces_land_past_the_line_end() {
        let text = "alpha beta gamma";
        let lines = wrap(text, 10);
        assert_eq!(lines, vec![0..10, 11..16]);
        assert_eq!(locate(text, &lines, 10), at(0, 10));
        assert_eq!(locate(text, &lines, 11), at(1, 0));
        assert_eq!(locate(text, &lines, 13), at(1, 2));
    }

    #[test]
    fn a_match_split_by_a_break_has_a_piece_on_each_line() {
        let text = "alpha beta gamma";
        let lines = wrap(text, 10);
        let pieces: Vec<_> = pieces_on_lines(&lines, 6..13).collect();
        assert_eq!(pieces, vec![(0, 6..10), (1, 11..13)]);
        let within: Vec<_> = pieces_on_lines(&lines, 0..5).collect();
        assert_eq!(within, vec![(0, 0..5)]);
        assert_eq!(
            pieces_on_lines(&lines, 10..11).count(),
            0,
            "only the swallowed space"
        );
        assert_eq!(pieces_on_lines(&lines, 3..3).count(), 0);
        assert_eq!(pieces_on_lines(&lines, 50..60).count(), 0);

        let chinese = "中美構建建設性戰略穩定關係";
        let lines = wrap(chinese, 10);
        let pieces: Vec<_> = pieces_on_lines(&lines, 12..21).collect();
        assert_eq!(pieces, vec![(0, 12..15), (1, 15..21)]);
    }

    #[test]
    fn hard_breaks_and_out_of_range_offsets() {
        let text = "ab\ncd";
        let lines = wrap(text, 80);
        assert_eq!(locate(text, &lines, 2), at(0, 2));
        assert_eq!(locate(text, &lines, 3), at(1, 0));
        assert_eq!(locate(text, &lines, 999), at(1, 2));
        assert_eq!(locate(text, &[], 1), at(0, 0));
        assert_eq!(locate("", &wrap("", 5), 0), at(0, 0));
    }
}
