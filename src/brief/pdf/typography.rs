//! Typography: the body's font size, heading candidates, footnotes.
//!
//! The body size is the size most characters of the document are set in.
//! A block set clearly larger than it, or bold (or italic) where the body is
//! not, and short, is a heading candidate; its tier is its rank among the
//! heading sizes (larger first), bold-at-body-size after them, italic last.
//! Footnotes are lines smaller than the body below the last body line of
//! their page.

use std::collections::BTreeMap;

use super::order::Line;

/// Larger than the body by this factor is a heading size.
const HEADING_SIZE_RATIO: f32 = 1.12;
/// Smaller than the body by this factor is a footnote size.
const FOOTNOTE_SIZE_RATIO: f32 = 0.92;
/// A line below the footnotes this short is a running footer.
const FURNITURE_MAX_CHARS: usize = 60;
/// A heading candidate has at most this many characters.
const HEADING_MAX_CHARS: usize = 160;

/// Marks that open a bulleted list item.
const BULLETS: &[char] = &[
    '●', '•', '■', '▪', '◆', '◦', '‣', '○', '□', '➢', '►', '–', '-', '*',
];

/// Sizes are compared in half points: the same style drawn twice may differ
/// in the last decimals.
fn key(size: f32) -> i32 {
    (size * 2.0).round() as i32
}

/// The font size most characters are set in.
pub fn body_size<'a>(lines: impl Iterator<Item = &'a Line>) -> f32 {
    let mut chars: BTreeMap<i32, usize> = BTreeMap::new();
    for line in lines {
        *chars.entry(key(line.size)).or_default() +=
            line.text.chars().filter(|c| !c.is_whitespace()).count();
    }
    chars
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map_or(0.0, |(k, _)| k as f32 / 2.0)
}

/// How a block of lines looks against the body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Look {
    /// Larger than the body; the key is the size in half points.
    Larger(i32),
    /// Body size, bold where the body is not.
    Bold,
    /// Body size, italic where the body is not.
    Italic,
}

/// The look of a block of lines when it may be a heading.
pub fn heading_look(block: &[Line], body: f32, body_bold: bool) -> Option<Look> {
    let first = block.first()?;
    let chars: usize = block.iter().map(|l| l.text.chars().count()).sum();
    if chars > HEADING_MAX_CHARS || block.len() > 3 || body <= 0.0 {
        return None;
    }
    // A table cell is no heading, nor is text without letters, nor a
    // bulleted item, nor a line only partly set apart (a run-in label).
    if !first.text.chars().any(char::is_alphabetic)
        || first.text.starts_with(BULLETS)
        || block.iter().any(|l| l.shared || l.mixed)
    {
        return None;
    }
    let same = |f: &dyn Fn(&Line) -> bool| block.iter().all(f);
    if same(&|l| l.size >= body * HEADING_SIZE_RATIO) {
        return Some(Look::Larger(key(first.size)));
    }
    let body_sized = same(&|l| (l.size - body).abs() < body * 0.12);
    if body_sized && !body_bold && same(&|l| l.bold) {
        return Some(Look::Bold);
    }
    if body_sized && same(&|l| l.italic && !l.bold) && block.len() == 1 {
        return Some(Look::Italic);
    }
    None
}

/// Tiers 0, 1, 2 … for the looks present: larger sizes first.
pub fn tiers(looks: &[Look]) -> impl Fn(Look) -> u8 + use<> {
    let mut present: Vec<Look> = looks.to_vec();
    present.sort_by(|a, b| match (a, b) {
        (Look::Larger(x), Look::Larger(y)) => y.cmp(x),
        _ => a.cmp(b),
    });
    present.dedup();
    move |look| {
        let at = present
            .iter()
            .position(|l| *l == look)
            .unwrap_or(present.len());
        u8::try_from(at).unwrap_or(u8::MAX)
    }
}

/// The title: the first page's largest type, when clearly larger than the
/// body, as one string (its lines in a row joined).
pub fn title(lines: &[Line], body: f32) -> Option<String> {
    let largest = lines.iter().map(|l| l.size).fold(0.0f32, f32::max);
    if largest < body * 1.25 {
        return None;
    }
    let big = |l: &Line| l.size >= largest * 0.92 && l.text.chars().any(char::is_alphabetic);
    let start = lines.iter().position(big)?;
    let mut end = start + 1;
    while end < lines.len()
        && big(&lines[end])
        && lines[end].bottom - lines[end - 1].bottom < 2.0 * largest
        && lines[end].bottom > lines[end - 1].bottom
    {
        end += 1;
    }
    let title = super::join_lines(lines[start..end].iter().map(|l| l.text.as_str()));
    (title.chars().count() <= 200).then_some(title)
}

/// The usual baseline-to-baseline distance of body lines, in font sizes.
pub fn body_pitch<'a>(pages: impl Iterator<Item = &'a [Line]>, body: f32) -> f32 {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for lines in pages {
        for w in lines.windows(2) {
            let same = |l: &Line| (l.size - body).abs() < body * 0.12;
            let pitch = w[1].bottom - w[0].bottom;
            if same(&w[0]) && same(&w[1]) && pitch > 0.0 && pitch < 3.0 * body {
                *counts.entry(key(pitch)).or_default() += 1;
            }
        }
    }
    // On a tie the closer pitch wins: paragraph gaps are the rarer kind.
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map_or(1.2, |(k, _)| (k as f32 / 2.0) / body.max(1.0))
}

/// A page's lines split by role, each part in reading order.
#[derive(Debug, Default)]
pub struct PageParts {
    /// The body text.
    pub body: Vec<Line>,
    /// The footnotes: smaller than the body, below all of it.
    pub notes: Vec<Line>,
    /// Short lines below the footnotes (a running footer, the page number):
    /// they go last, where the page shows them.
    pub furniture: Vec<Line>,
}

/// Splits a page's lines (in reading order) into body, footnotes (lines
/// smaller than the body that stand below every body-size line of the page)
/// and the furniture under the footnotes.
pub fn split_footnotes(lines: Vec<Line>, body: f32) -> PageParts {
    let small = |l: &Line| l.size < body * FOOTNOTE_SIZE_RATIO;
    // A running footer in body type may stand below the notes; it is no
    // body text above them.
    let lowest_small = lines
        .iter()
        .filter(|l| small(l))
        .map(|l| l.top)
        .fold(f32::NEG_INFINITY, f32::max);
    let furniture =
        |l: &Line| l.top > lowest_small && l.text.chars().count() <= FURNITURE_MAX_CHARS;
    let Some(last_body) = lines
        .iter()
        .filter(|l| !small(l) && !furniture(l))
        .map(|l| l.bottom)
        .reduce(f32::max)
    else {
        return PageParts {
            body: lines,
            ..PageParts::default()
        };
    };
    // Footnotes need body above them; a page of small print is not notes.
    let is_note = |l: &Line| small(l) && l.top >= last_body;
    if lines.iter().all(is_note) || !lines.iter().any(is_note) {
        return PageParts {
            body: lines,
            ..PageParts::default()
        };
    }
    let mut parts = PageParts::default();
    for line in lines {
        if is_note(&line) {
            parts.notes.push(line);
        } else if furniture(&line) {
            parts.furniture.push(line);
        } else {
            parts.body.push(line);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, top: f32, size: f32, bold: bool) -> Line {
        Line {
            text: text.to_string(),
            x0: 50.0,
            x1: 300.0,
            top,
            bottom: top + size,
            size,
            bold,
            italic: false,
            mark_at: None,
            shared: false,
            mixed: false,
        }
    }

    #[test]
    fn the_body_size_is_the_size_of_most_characters() {
        let lines = [
            line("A big title", 10.0, 20.0, true),
            line("body text that is long enough to win", 40.0, 10.0, false),
            line("more body text of the same size", 52.0, 10.0, false),
            line("1 a note", 700.0, 8.0, false),
        ];
        assert_eq!(body_size(lines.iter()), 10.0);
    }

    #[test]
    fn larger_or_bold_short_blocks_look_like_headings_and_body_does_not() {
        let body = 10.0;
        assert_eq!(
            heading_look(&[line("Introduction", 0.0, 14.0, false)], body, false),
            Some(Look::Larger(28))
        );
        assert_eq!(
            heading_look(&[line("Scope", 0.0, 10.0, true)], body, false),
            Some(Look::Bold)
        );
        assert_eq!(
            heading_look(&[line("Scope", 0.0, 10.0, true)], body, true),
            None
        );
        assert_eq!(
            heading_look(&[line("plain words", 0.0, 10.0, false)], body, false),
            None
        );
        // A bulleted item or a line only partly bold is no heading.
        assert_eq!(
            heading_look(&[line("● Open-sourcing it", 0.0, 10.0, true)], body, false),
            None
        );
        let mut label = line("Purple. statements:", 0.0, 10.0, true);
        label.mixed = true;
        assert_eq!(heading_look(&[label], body, false), None);
        let t = tiers(&[Look::Bold, Look::Larger(28), Look::Larger(40)]);
        assert_eq!(
            (t(Look::Larger(40)), t(Look::Larger(28)), t(Look::Bold)),
            (0, 1, 2)
        );
    }

    #[test]
    fn small_lines_below_the_body_are_footnotes_and_go_last() {
        let lines = vec![
            line("1 the footnote text", 700.0, 8.0, false),
            line("body line one", 100.0, 10.0, false),
            line("body line two", 112.0, 10.0, false),
        ];
        let parts = split_footnotes(lines, 10.0);
        assert_eq!(parts.body.len(), 2);
        assert_eq!(parts.notes[0].text, "1 the footnote text");
        // Small print above body text is not a footnote.
        let lines = vec![
            line("small caption", 50.0, 8.0, false),
            line("body", 100.0, 10.0, false),
        ];
        let parts = split_footnotes(lines, 10.0);
        assert_eq!((parts.body.len(), parts.notes.len()), (2, 0));
        // A running footer in body type under the notes goes after them.
        let lines = vec![
            line("body line one", 100.0, 10.0, false),
            line("1 the footnote text", 700.0, 8.0, false),
            line("Adopted", 780.0, 10.0, false),
        ];
        let parts = split_footnotes(lines, 10.0);
        assert_eq!(
            (parts.body.len(), parts.notes.len(), parts.furniture.len()),
            (1, 1, 1)
        );
    }
}
