//! Line breaking for Chinese, Latin and mixed text.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`); on top of
//! them the kinsoku rules forbid lines that start with closing punctuation
//! or end with opening punctuation, and a number holds on to the measure
//! word after it ("2025 年"). Lines are filled first-fit, measured in
//! display columns per grapheme cluster.
//!
//! When no acceptable break fits on a line, a worse one is taken, in this
//! order: a break that splits a number from its measure word, a break
//! between two grapheme clusters of a word that keeps kinsoku (moving a
//! character to the next line along with the punctuation), a break that
//! bends a kinsoku rule, and finally any break between grapheme clusters.
//! Punctuation never hangs past the right edge: it takes the character
//! before it to the next line instead.
//!
//! The text is read once, front to back, keeping only the furthest break of
//! each quality seen on the current line, so a line of any length wraps in
//! linear time and constant extra memory (besides the result).

use std::ops::Range;

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::classes::{
    forbidden_at_line_end, forbidden_at_line_start, has_hard_break, is_digit, is_han,
    is_space_cluster,
};

/// Breaks `text` into lines no wider than `width` display columns.
///
/// Each line is a byte range into `text`. Whitespace at a break belongs to
/// neither line, and trailing whitespace is trimmed from every line; each
/// hard break ("\n", "\r\n", …) ends a line, so `n` of them give at least
/// `n + 1` lines. A `width` of 0 is treated as 1. Empty text gives one
/// empty line `0..0`. A single grapheme cluster wider than `width` (an
/// ideograph at width 1) is the only thing that makes a line overflow: it
/// gets a line of its own (with any zero-width clusters that follow it).
///
/// ```
/// let text = "川習北京峰會後的美中外交動向";
/// let lines: Vec<&str> = gloss::layout::wrap(text, 10)
///     .into_iter()
///     .map(|range| &text[range])
///     .collect();
/// assert_eq!(lines, ["川習北京峰", "會後的美中", "外交動向"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut breaker = LineBreaker::new(width.max(1));
    let mut opportunities = linebreaks(text).map(|(at, _)| at).peekable();
    let mut clusters = text.grapheme_indices(true).peekable();
    while let Some((start, cluster)) = clusters.next() {
        while opportunities.next_if(|&at| at < start).is_some() {}
        let allowed = opportunities.peek() == Some(&start);
        // Dots in a row are a contents entry's leaders or an ellipsis, not
        // a full stop: a line may open with them, and the word before stays
        // whole ("Introduction" / "…………… 1").
        let leader = cluster == "." && clusters.peek().is_some_and(|&(_, next)| next == ".");
        breaker.push(start, cluster, allowed, leader);
    }
    breaker.finish()
}

/// Display columns of a grapheme cluster, as the terminal will draw it.
pub(crate) fn cluster_width(cluster: &str) -> usize {
    let mut chars = cluster.chars();
    // Most clusters are one character, whose width a table lookup gives;
    // only sequences (emoji, variation selectors) need the string rules.
    match (chars.next(), chars.next()) {
        (Some(only), None) => only.width().unwrap_or_else(|| cluster.width()),
        _ => cluster.width(),
    }
}

/// How acceptable a break is; the lower, the better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quality {
    /// Allowed by UAX #14 and by every rule added here.
    Good,
    /// Allowed by UAX #14 but separates a number from its measure word.
    SplitsNumber,
    /// Inside a word, between grapheme clusters, keeping kinsoku.
    InsideWord,
    /// Allowed by UAX #14 but starts or ends a line with forbidden punctuation.
    BendsKinsoku,
    /// Anywhere between grapheme clusters.
    Forced,
}

const QUALITY_COUNT: usize = 5;

/// A place where the current line could end.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Byte offset where the next line would start.
    next_start: usize,
    /// Byte offset where this line's text would end (trailing spaces trimmed).
    end: usize,
    /// Columns from the start of the text up to `next_start`.
    columns_at: usize,
}

/// The state of a first-fit pass over the grapheme clusters of a text.
struct LineBreaker {
    width: usize,
    lines: Vec<Range<usize>>,
    line_start: usize,
    /// Columns from the start of the text up to `line_start`.
    line_start_columns: usize,
    /// Columns from the start of the text up to the current position.
    columns: usize,
    /// End of the last cluster that is not a space.
    content_end: usize,
    /// Columns from the start of the text up to `content_end`.
    content_columns: usize,
    /// Last character of the last cluster that is not a space, since the
    /// last hard break: what a line ending at the current position ends with.
    last_visible: Option<char>,
    /// The furthest break of each quality seen so far.
    best: [Option<Candidate>; QUALITY_COUNT],
}

impl LineBreaker {
    /// A pass over a text that is to fit in `width` columns (at least 1).
    fn new(width: usize) -> Self {
        Self {
            width,
            lines: Vec::new(),
            line_start: 0,
            line_start_columns: 0,
            columns: 0,
            content_end: 0,
            content_columns: 0,
            last_visible: None,
            best: [None; QUALITY_COUNT],
        }
    }

    /// Takes the next grapheme cluster, which starts at byte `start`;
    /// `allowed` says whether UAX #14 allows a break just before it.
    fn push(&mut self, start: usize, cluster: &str, allowed: bool, leader: bool) {
        if has_hard_break(cluster) {
            self.end_line(self.visible_end());
            self.line_start = start + cluster.len();
            self.line_start_columns = self.columns;
            self.content_end = self.line_start;
            self.content_columns = self.columns;
            self.last_visible = None;
            return;
        }
        let cluster_width = cluster_width(cluster);
        if is_space_cluster(cluster) {
            // A break before a space is never needed: UAX #14 offers one
            // after the spaces, and trailing spaces take no room.
            self.columns += cluster_width;
            return;
        }
        if start > self.line_start {
            self.note_candidate(start, cluster, allowed, leader);
        }
        let columns_after = self.columns + cluster_width;
        while cluster_width > 0 && columns_after - self.line_start_columns > self.width {
            let Some(candidate) = self.best_candidate() else {
                break;
            };
            self.end_line(candidate.end);
            self.line_start = candidate.next_start;
            self.line_start_columns = candidate.columns_at;
        }
        self.columns = columns_after;
        self.content_end = start + cluster.len();
        self.content_columns = columns_after;
        self.last_visible = cluster.chars().next_back();
    }

    /// Records the break just before `cluster` as the furthest one of its
    /// quality.
    fn note_candidate(&mut self, start: usize, cluster: &str, allowed: bool, leader: bool) {
        let first = cluster.chars().next();
        let bends_kinsoku = (first.is_some_and(forbidden_at_line_start) && !leader)
            || self.last_visible.is_some_and(forbidden_at_line_end);
        let splits_number = self.last_visible.is_some_and(is_digit) && first.is_some_and(is_han);
        let quality = match (allowed, bends_kinsoku, splits_number) {
            (true, false, false) => Quality::Good,
            (true, false, true) => Quality::SplitsNumber,
            (true, true, _) => Quality::BendsKinsoku,
            (false, false, _) => Quality::InsideWord,
            (false, true, _) => Quality::Forced,
        };
        // A zero-width cluster after a space makes the space part of the
        // line; a break there may come too late to fit, and must not push
        // out an earlier break of the same quality that does.
        let overflows = self.content_columns.saturating_sub(self.line_start_columns) > self.width;
        let earlier_fits =
            self.best[quality as usize].is_some_and(|c| c.next_start > self.line_start);
        if overflows && earlier_fits {
            return;
        }
        self.best[quality as usize] = Some(Candidate {
            next_start: start,
            end: self.visible_end(),
            columns_at: self.columns,
        });
    }

    /// The best break on the current line: the furthest one of the best
    /// quality available.
    fn best_candidate(&self) -> Option<Candidate> {
        self.best
            .iter()
            .flatten()
            .find(|candidate| candidate.next_start > self.line_start)
            .copied()
    }

    /// Where the current line's text ends if it ends now.
    fn visible_end(&self) -> usize {
        self.content_end.max(self.line_start)
    }

    /// Ends the current line at byte `end`.
    fn end_line(&mut self, end: usize) {
        self.lines.push(self.line_start..end);
    }

    /// Ends the last line and hands over all of them.
    fn finish(mut self) -> Vec<Range<usize>> {
        self.end_line(self.visible_end());
        self.lines
    }
}
