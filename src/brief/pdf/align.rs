//! Where headings stand: at a left edge the body text uses (a margin or a
//! column's edge, give or take an indent) or centred over the text. A line
//! in heading type far in from every such edge and off centre is a cell of
//! a table set on the page ("1. Education" over its items, beside labels).

use std::collections::BTreeMap;

use super::order::Line;

/// A left edge that starts this share of the body lines is a margin.
const MARGIN_SHARE: f32 = 0.05;
/// Indents up to this many ems from a margin still head what is there.
const MAX_INDENT_EMS: f32 = 6.0;
/// A line whose middle is this near the text's middle is centred.
const CENTRED_EMS: f32 = 2.0;

/// The left edges that start many body lines, in points.
pub fn margins<'a>(lines: impl Iterator<Item = &'a Line>, body: f32) -> Vec<f32> {
    let mut edges: BTreeMap<i32, usize> = BTreeMap::new();
    let mut total = 0usize;
    for line in lines.filter(|l| (l.size - body).abs() < body * 0.12) {
        *edges.entry((line.x0 / 2.0).round() as i32).or_default() += 1;
        total += 1;
    }
    edges
        .into_iter()
        .filter(|&(_, n)| n as f32 >= MARGIN_SHARE * total as f32)
        .map(|(k, _)| k as f32 * 2.0)
        .collect()
}

/// The middle of the page's text, from its widest extent.
pub fn middle(lines: &[Line]) -> Option<f32> {
    let left = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    (left.is_finite() && right.is_finite()).then_some((left + right) / 2.0)
}

/// True when a block may stand as a heading by where it is set.
pub fn heading_placed(block: &[Line], margins: &[f32], middle: Option<f32>) -> bool {
    let (Some(first), true) = (block.first(), !margins.is_empty()) else {
        return true;
    };
    let em = first.size.max(1.0);
    let indented = |m: &f32| first.x0 >= m - em && first.x0 - m <= MAX_INDENT_EMS * em;
    let left = block.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = block.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let centred = middle.is_some_and(|m| ((left + right) / 2.0 - m).abs() <= CENTRED_EMS * em);
    margins.iter().any(indented) || centred || first.x0 < margins[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f32, x1: f32) -> Line {
        Line {
            text: "text".to_string(),
            x0,
            x1,
            top: 0.0,
            bottom: 10.0,
            size: 10.0,
            bold: false,
            italic: false,
            mark_at: None,
            shared: false,
            mixed: false,
        }
    }

    #[test]
    fn headings_stand_at_a_margin_indented_a_little_or_centred() {
        let body: Vec<Line> = (0..40).map(|_| line(100.0, 500.0)).collect();
        let margins = margins(body.iter(), 10.0);
        assert_eq!(margins, [100.0]);
        let middle = middle(&body);
        assert!(heading_placed(&[line(100.0, 200.0)], &margins, middle));
        assert!(heading_placed(&[line(140.0, 200.0)], &margins, middle));
        assert!(heading_placed(&[line(250.0, 350.0)], &margins, middle));
        // Far in and off centre: a cell of a table.
        assert!(!heading_placed(&[line(220.0, 290.0)], &margins, middle));
    }
}
