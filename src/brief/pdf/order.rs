//! Reading order: text runs → lines → columns, top to bottom.
//!
//! Runs that share a baseline band form a line; a wide horizontal gap splits
//! it (two columns side by side are two lines). A page has two columns when
//! a vertical gutter near its middle is crossed by almost no line; lines
//! that do cross it (titles, full-width figures) cut the page into bands,
//! and each band is read left column first, then right.

use super::extract::Run;

/// One line of text as printed, with the typography of its largest part.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The line's text, runs joined with a space where the page shows one.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge.
    pub top: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// The font size of most of the line's characters.
    pub size: f32,
    /// True when most characters are bold.
    pub bold: bool,
    /// True when most characters are italic.
    pub italic: bool,
    /// Where a smaller run of digits ends the line (a footnote
    /// mark glued to a heading), as a byte offset into `text`.
    pub mark_at: Option<usize>,
    /// True when other text stands beside the line on its baseline, not
    /// across a column gutter: a cell of a table row.
    pub shared: bool,
    /// True when a fair part of the line is set in another weight than the
    /// rest ("**Purple.** statements:"): a run-in label, not a whole heading.
    pub mixed: bool,
}

/// A gap wider than this many font sizes splits a line in two.
const SPLIT_GAP_EMS: f32 = 2.5;

/// The page's lines in reading order.
pub fn lines_in_order(runs: &[Run]) -> Vec<Line> {
    let lines = group_lines(runs);
    order_columns(lines)
}

/// Runs in bands top to bottom: runs whose vertical middles fall inside the
/// band's first run, each band sorted left to right.
pub(super) fn bands(runs: &[Run]) -> Vec<Vec<&Run>> {
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let mut bands: Vec<Vec<&Run>> = Vec::new();
    for run in sorted {
        let middle = (run.top + run.bottom) / 2.0;
        let joins = bands.last().and_then(|b| b.first()).is_some_and(|first| {
            middle >= first.top && middle <= first.bottom
                || (run.top - first.top).abs() < 0.2 * first.size.max(run.size)
        });
        match bands.last_mut() {
            Some(band) if joins => band.push(run),
            _ => bands.push(vec![run]),
        }
    }
    for band in &mut bands {
        band.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    bands
}

/// Groups runs into lines: same vertical band, sorted left to right, split at
/// wide gaps.
fn group_lines(runs: &[Run]) -> Vec<Line> {
    let bands = bands(runs);
    let mut lines = Vec::with_capacity(bands.len());
    for band in bands {
        let first = lines.len();
        let mut piece: Vec<&Run> = Vec::new();
        for run in band {
            if let Some(last) = piece.last() {
                let em = last.size.max(run.size).max(1.0);
                if run.x0 - last.x1 > SPLIT_GAP_EMS * em {
                    lines.push(make_line(&piece));
                    piece.clear();
                }
            }
            piece.push(run);
        }
        if !piece.is_empty() {
            lines.push(make_line(&piece));
        }
        if lines.len() - first > 1 {
            for line in &mut lines[first..] {
                line.shared = true;
            }
        }
    }
    lines
}

/// One line of the runs given, left to right.
pub(super) fn make_line(runs: &[&Run]) -> Line {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(runs.len());
    let mut prev: Option<&Run> = None;
    let (mut sized, mut bold, mut italic, mut total) = (Vec::new(), 0usize, 0usize, 0usize);
    for run in runs {
        if let Some(p) = prev {
            let gap = run.x0 - p.x1;
            let em = p.size.max(run.size).max(1.0);
            let cjk_join = text.chars().last().is_some_and(is_wide)
                && run.text.chars().next().is_some_and(is_wide);
            if gap > 0.2 * em && !cjk_join && !text.ends_with(' ') && !run.text.starts_with(' ') {
                text.push(' ');
            }
        }
        starts.push(text.len());
        text.push_str(&run.text);
        let n = run.text.chars().filter(|c| !c.is_whitespace()).count();
        sized.push((run.size, n));
        total += n;
        bold += if run.bold { n } else { 0 };
        italic += if run.italic { n } else { 0 };
        prev = Some(run);
    }
    let size = main_size(&sized);
    let bottom = runs
        .iter()
        .map(|r| r.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    // A footnote mark: the last run, digits only, smaller and raised.
    let mark_at = runs.last().zip(starts.last()).and_then(|(last, &at)| {
        let digits = last.text.trim();
        let is_mark = runs.len() > 1
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == ',')
            && last.size < size * 0.8;
        is_mark.then_some(at)
    });
    let trimmed_start = text.len() - text.trim_start().len();
    let text = text.trim().to_string();
    Line {
        mark_at: mark_at
            .map(|at| at.saturating_sub(trimmed_start))
            .filter(|&at| at > 0 && at < text.len() && text.is_char_boundary(at)),
        text,
        x0: runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min),
        x1: runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max),
        top: runs.iter().map(|r| r.top).fold(f32::INFINITY, f32::min),
        bottom,
        size,
        bold: bold * 2 > total,
        italic: italic * 2 > total,
        shared: false,
        mixed: {
            let minority = bold.min(total - bold);
            minority >= 4 && minority * 5 >= total
        },
    }
}

/// The size carrying the most characters (a glued footnote mark does not count).
/// Each run's size counts the characters of every run within a quarter
/// point of it; the first size with the most wins. Sorted sums make this
/// n·log n: a hostile page sets a hundred thousand runs on one line.
fn main_size(sized: &[(f32, usize)]) -> f32 {
    let mut sorted: Vec<(f32, usize)> = sized.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // `sums[k]`: characters of the first `k` sizes in that order.
    let mut sums = Vec::with_capacity(sorted.len() + 1);
    sums.push(0usize);
    for &(_, n) in &sorted {
        sums.push(sums.last().copied().unwrap_or(0) + n);
    }
    let mut best = (0.0f32, 0usize);
    for &(size, _) in sized {
        let from = sorted.partition_point(|(s, _)| *s <= size - 0.25);
        let to = sorted.partition_point(|(s, _)| *s < size + 0.25);
        let n = sums[to.max(from)] - sums[from];
        if n > best.1 {
            best = (size, n);
        }
    }
    best.0
}

/// Ideographs, kana, hangul and full-width forms: no space between two of them.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Orders lines for reading, detecting two columns.
fn order_columns(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let Some((gutter_left, gutter_right)) = gutter(&lines) else {
        return lines;
    };
    // Lines crossing the gutter cut the page into bands read one by one.
    let mut out = Vec::with_capacity(lines.len());
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for mut line in lines {
        // Text beside it across the gutter is the other column, not a cell.
        if line.x1 <= gutter_right || line.x0 >= gutter_left {
            line.shared = false;
        }
        if line.x1 <= gutter_right {
            left.push(line);
        } else if line.x0 >= gutter_left {
            right.push(line);
        } else {
            out.append(&mut left);
            out.append(&mut right);
            out.push(line);
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

/// A vertical strip in the middle of the text that (almost) no line crosses,
/// with enough lines on both sides: the gutter between two columns. Up to
/// one line in twenty may cross it (a title); a table whose cells run
/// across the middle has no gutter, and its rows stay rows.
fn gutter(lines: &[Line]) -> Option<(f32, f32)> {
    if lines.len() < 6 {
        return None;
    }
    let left = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = right - left;
    if !(width.is_finite() && width > 100.0) {
        return None;
    }
    // Coverage in 1-point bins across the middle half of the text.
    let from = left + width * 0.3;
    let bins = (width * 0.4) as usize;
    let mut crossing = vec![0usize; bins.max(1)];
    for line in lines {
        let a = ((line.x0 - from).max(0.0)) as usize;
        let b = ((line.x1 - from).max(0.0) as usize).min(bins);
        for c in crossing.iter_mut().take(b).skip(a) {
            *c += 1;
        }
    }
    // Up to one line in twenty may cross: titles and wide figures do.
    let allowed = lines.len() / 20;
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (i, &c) in crossing
        .iter()
        .chain(std::iter::once(&usize::MAX))
        .enumerate()
    {
        match (c <= allowed, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (s, e) = best?;
    if e - s < 6 {
        return None;
    }
    let (gl, gr) = (from + s as f32, from + e as f32);
    let on_left = lines.iter().filter(|l| l.x1 <= gr).count();
    let on_right = lines.iter().filter(|l| l.x0 >= gl).count();
    (on_left >= 3 && on_right >= 3 && on_left + on_right >= lines.len() * 2 / 3).then_some((gl, gr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x0: f32, top: f32, size: f32) -> Run {
        let width = text.chars().count() as f32 * size * 0.5;
        Run {
            text: text.to_string(),
            x0,
            x1: x0 + width,
            top,
            bottom: top + size,
            size,
            bold: false,
            italic: false,
        }
    }

    #[test]
    fn runs_on_one_baseline_make_one_line_and_cjk_joins_without_space() {
        let runs = [
            run("國際", 10.0, 100.0, 10.0),
            run("關係", 20.5, 100.5, 10.0),
        ];
        let lines = lines_in_order(&runs);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "國際關係");
        let runs = [
            run("hello", 10.0, 100.0, 10.0),
            run("world", 40.0, 100.0, 10.0),
        ];
        assert_eq!(lines_in_order(&runs)[0].text, "hello world");
    }

    #[test]
    fn two_columns_are_read_left_then_right_under_a_full_width_title() {
        let mut runs = vec![run(
            "A title that spans the whole width of it all",
            50.0,
            40.0,
            20.0,
        )];
        // A real page has enough lines that one title is under a twentieth.
        for i in 0..24 {
            let top = 100.0 + i as f32 * 14.0;
            runs.push(run(&format!("left column line {i}"), 50.0, top, 10.0));
            runs.push(run(&format!("right column line {i}"), 320.0, top, 10.0));
        }
        let lines = lines_in_order(&runs);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts[0].starts_with("A title"), "{texts:?}");
        assert_eq!(texts[1], "left column line 0");
        assert_eq!(texts[24], "left column line 23");
        assert_eq!(texts[25], "right column line 0");
    }

    #[test]
    fn a_line_part_bold_part_plain_is_mixed_and_one_style_is_not() {
        let mut label = run("Purple.", 10.0, 100.0, 10.0);
        label.bold = true;
        let rest = run("statements:", 60.0, 100.0, 10.0);
        let lines = lines_in_order(&[label.clone(), rest]);
        assert!(lines[0].mixed, "{:?}", lines[0]);
        let mut more = run("Clustering", 60.0, 100.0, 10.0);
        more.bold = true;
        assert!(!lines_in_order(&[label, more])[0].mixed);
    }

    #[test]
    fn one_column_stays_top_to_bottom() {
        let runs: Vec<Run> = (0..10)
            .map(|i| {
                run(
                    "a line of ordinary running text, long enough",
                    50.0,
                    100.0 + i as f32 * 14.0,
                    10.0,
                )
            })
            .collect();
        let lines = lines_in_order(&runs);
        assert_eq!(lines.len(), 10);
        assert!(lines.windows(2).all(|w| w[0].top < w[1].top));
    }
}
