//! Incremental search over the whole brief. Every block's text is folded
//! once (case, full-width forms, later the script) into one index string;
//! a query is folded the same way and found there. Folding maps one char to
//! one char, so a hit's char index in the folded text is its char index in
//! the original, and the highlight covers exactly the matched text.

use std::ops::Range;

use super::{App, LineKind, Mode, Pos};

use crate::convert::{fold_char, fold_str, regional_needles};

/// Separates blocks in the folded index; never typed, so no query spans two
/// blocks.
const BLOCK_SEPARATOR: char = '\0';

/// One match of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The block it is in.
    pub block: usize,
    /// Char range in the block's text.
    pub chars: Range<usize>,
    /// Byte offset in the folded index, to refine the match as the query grows.
    at: usize,
}

/// Which way a step went round the end of the matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapped {
    /// `n` after the last match went to the first.
    ToFirst,
    /// `N` before the first match went to the last.
    ToLast,
}

impl Wrapped {
    /// What the status bar says.
    pub fn message(self) -> &'static str {
        match self {
            Wrapped::ToFirst => "search wrapped to the first match",
            Wrapped::ToLast => "search wrapped to the last match",
        }
    }
}

/// The folded text of every block, joined by [`BLOCK_SEPARATOR`].
#[derive(Debug, Default)]
struct FoldedIndex {
    text: String,
    /// Byte offset where each block starts in `text`.
    starts: Vec<usize>,
}

/// Every occurrence of the folded `needle` in `index`, overlapping ones
/// included, added to `matches` in order.
fn find_needle(index: &FoldedIndex, needle: &str, matches: &mut Vec<Match>) {
    if needle.is_empty() {
        return;
    }
    let len = needle.chars().count();
    let mut from = 0;
    // Char position of `from` within its block, carried forward so each
    // match costs only the text since the previous one.
    let mut block = 0;
    let mut char_at = 0;
    let mut byte_at = 0;
    while let Some(found) = index.text[from..].find(needle) {
        let at = from + found;
        let b = index.starts.partition_point(|&s| s <= at).saturating_sub(1);
        if b != block || byte_at > at {
            block = b;
            byte_at = index.starts[b];
            char_at = 0;
        }
        char_at += index.text[byte_at..at].chars().count();
        byte_at = at;
        matches.push(Match {
            block,
            chars: char_at..char_at + len,
            at,
        });
        let step = index.text[at..].chars().next().map_or(1, char::len_utf8);
        from = at + step;
    }
}

/// The search: its query, its matches and where `n`/`N` are.
#[derive(Debug)]
pub struct Search {
    /// The query as typed.
    pub query: String,
    /// Every match, in reading order (overlapping ones included).
    pub matches: Vec<Match>,
    /// The match `n`/`N` last went to.
    pub current: Option<usize>,
    /// Set when the last `n`/`N` went round the end of the brief: the
    /// status bar says so, since the jump would otherwise look like a leap back.
    pub wrapped: Option<Wrapped>,
    /// Whether the other regions' words for the query match too (資訊
    /// finds 信息); on unless the user turned it off.
    pub regions: bool,
    /// Whether the last search looked for other words than the query's
    /// own (the status bar then says why 信息 is lit for 資訊).
    pub other_words: bool,
    index: Option<FoldedIndex>,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            wrapped: None,
            regions: true,
            other_words: false,
            index: None,
        }
    }
}

impl Search {
    /// Whether there is a query, typed or kept.
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// The matches in block `i`, as a slice of [`Search::matches`] with the
    /// index of the first.
    pub fn matches_in(&self, block: usize) -> (usize, &[Match]) {
        let from = self.matches.partition_point(|m| m.block < block);
        let to = self.matches.partition_point(|m| m.block <= block);
        (from, &self.matches[from..to])
    }
}

impl App {
    /// Folds the brief for searching, unless already done: on the first
    /// query, so that a brief only read never holds a folded copy.
    pub fn prepare_search(&mut self) {
        if self.search.index.is_some() {
            return;
        }
        let mut index = FoldedIndex {
            text: String::with_capacity(self.doc.total_chars() * 3),
            starts: Vec::with_capacity(self.doc.blocks.len()),
        };
        for i in 0..self.doc.blocks.len() {
            index.starts.push(index.text.len());
            index.text.extend(self.doc.text(i).chars().map(fold_char));
            index.text.push(BLOCK_SEPARATOR);
        }
        index.text.shrink_to_fit();
        self.search.index = Some(index);
    }

    pub(super) fn start_search(&mut self) {
        self.clear_search();
        self.mode = Mode::Search;
    }

    pub(super) fn clear_search(&mut self) {
        self.search.query.clear();
        self.search.matches.clear();
        self.search.current = None;
        self.search.wrapped = None;
        self.mode = Mode::Normal;
    }

    pub(super) fn search_type(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let old = fold_str(&self.search.query);
        self.search.query.push(c);
        let needles = self.needles();
        // The matches of a longer query are among those of the shorter one
        // only when it is looked for alone, not with other words for it.
        if old.is_empty() || needles.len() > 1 {
            self.find_all();
        } else {
            self.refine();
        }
        self.go_to_first_match();
    }

    /// Turns matching the other regions' words on or off, and searches
    /// again with the query there is.
    pub(super) fn toggle_regions(&mut self) {
        self.search.regions = !self.search.regions;
        if self.search.is_active() {
            self.find_all();
            self.go_to_first_match();
        }
        let what = if self.search.regions {
            "search: other regions' words match too (資訊 finds 信息)"
        } else {
            "search: words as typed only"
        };
        self.resume.show(what, false);
    }

    /// The folded texts the query stands for: itself, and with
    /// [`Search::regions`] the other regions' words for it.
    fn needles(&self) -> Vec<String> {
        if self.search.regions {
            regional_needles(&self.search.query)
        } else {
            let folded = fold_str(&self.search.query);
            if folded.is_empty() {
                Vec::new()
            } else {
                vec![folded]
            }
        }
    }

    pub(super) fn search_backspace(&mut self) {
        self.search.query.pop();
        self.find_all();
        self.go_to_first_match();
    }

    pub(super) fn search_confirm(&mut self) {
        self.mode = Mode::Normal;
        if self.search.query.is_empty() {
            self.clear_search();
        }
    }

    /// Finds every occurrence of the query (and of the other words it
    /// stands for), overlapping ones included, so that a longer query can
    /// be found among them alone.
    fn find_all(&mut self) {
        self.prepare_search();
        let needles = self.needles();
        let mut matches = Vec::new();
        if let Some(index) = &self.search.index {
            for needle in &needles {
                find_needle(index, needle, &mut matches);
            }
        }
        self.search.other_words = needles.len() > 1;
        if needles.len() > 1 {
            matches.sort_by(|a, b| a.at.cmp(&b.at).then(b.chars.end.cmp(&a.chars.end)));
            matches.dedup_by_key(|m| m.at);
        }
        self.search.matches = matches;
    }

    /// Keeps the matches that still match after the query grew.
    fn refine(&mut self) {
        let Some(index) = &self.search.index else {
            return self.find_all();
        };
        let query = fold_str(&self.search.query);
        let len = query.chars().count();
        self.search.other_words = false;
        self.search.matches.retain_mut(|m| {
            let hit = index.text[m.at..].starts_with(&query);
            m.chars.end = m.chars.start + len;
            hit
        });
    }

    /// Makes the first match at or after the top the current one.
    fn go_to_first_match(&mut self) {
        self.search.wrapped = None;
        let top = self.top.block;
        let m = &self.search.matches;
        self.search.current = if m.is_empty() {
            None
        } else {
            Some(m.partition_point(|m| m.block < top) % m.len())
        };
        self.reveal_current();
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        self.search.wrapped = None;
        if n == 0 {
            return;
        }
        self.search.wrapped = match self.search.current {
            Some(i) if forward && i + 1 == n => Some(Wrapped::ToFirst),
            Some(0) if !forward => Some(Wrapped::ToLast),
            _ => None,
        };
        self.search.current = Some(match self.search.current {
            None => {
                self.search
                    .matches
                    .partition_point(|m| m.block < self.top.block)
                    % n
            }
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        });
        self.reveal_current();
    }

    /// Scrolls so that the current match is on screen, a third of the way
    /// down when it has to move.
    fn reveal_current(&mut self) {
        let Some(m) = self.search.current.and_then(|i| self.search.matches.get(i)) else {
            return;
        };
        let (block, start_char) = (m.block, m.chars.start);
        // The note cursor goes along, so `a`, `f` and `y` act where the
        // reader is looking; from a heading, to the paragraph under it.
        let cursor = if self.doc.paragraph(block).is_some() {
            Some(block)
        } else {
            self.paragraph_under(block)
        };
        if let Some(cursor) = cursor {
            self.notes.cursor = cursor;
        }
        let text = self.shown_text(block);
        let byte = text
            .char_indices()
            .nth(start_char)
            .map_or(text.len(), |(b, _)| b);
        let lines = self.lines(block);
        let line = lines
            .iter()
            .rposition(|l| {
                matches!(
                    l.kind,
                    LineKind::Text { .. } | LineKind::TableRow { .. } | LineKind::Contents { .. }
                ) && l.range.start <= byte
            })
            .unwrap_or(0);
        let target = Pos { block, line };
        let rows = self.screen.body_rows().max(1);
        let bottom = self.forward(self.top, rows - 1);
        if target < self.top || target > bottom {
            let top = self.backward(target, rows / 3);
            self.set_top(top);
        }
    }
}
