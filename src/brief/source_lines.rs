//! Where the blocks of a brief stand in the file it was read from, as line
//! numbers: for `gloss search` to say where a hit is, and for `gloss FILE
//! --at LINE` to open the reader there.
//!
//! The loaders do not keep positions (Markdown markup, joined lines and
//! dropped page furniture make the text differ from the file), so each
//! block is found again: a few short probes of its text, whitespace
//! ignored, searched for just after the block before it.

use std::collections::HashMap;
use std::ops::Range;

use super::Brief;

/// Characters in one probe: enough to be rare in a brief, few enough to
/// fall between two pieces of markup.
const PROBE_CHARS: usize = 16;
/// Probes tried per block before it counts as not found.
const PROBES: usize = 6;
/// How far before the previous block a block is looked for: the loaders
/// move a few blocks (a masthead, a caption) ahead of where they stand.
const BACK_WINDOW: usize = 16 * 1024;
/// A block shorter than this (a page number, "Version 2.1") may well be
/// found in the wrong place, so it does not move the search on.
const STEADY_CHARS: usize = 8;
/// How far past the previous block a block is looked for (bytes of the
/// whitespace-free text), so that one miss costs little.
const WINDOW: usize = 64 * 1024;
/// Blocks looked for in the whole file when they are not near the previous
/// one (footnotes that the Markdown loader moves to the back, say); beyond
/// this many, a huge brief's misses would make a search slow.
const FAR_LOOKUPS: usize = 64;
/// Hits of one block not found in the source before the rest of its hits
/// are given the block's first line without looking.
const MISSES_PER_BLOCK: usize = 64;

/// A block of a brief in reading order: a paragraph, or a section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockRef {
    /// Paragraph `.0` of the front matter.
    Front(usize),
    /// The heading of section `.0`.
    Heading(usize),
    /// Paragraph `.1` of section `.0`.
    Body(usize, usize),
    /// Paragraph `.0` of the back matter.
    Back(usize),
}

/// The source text without whitespace, with where each line starts in it.
#[derive(Debug)]
pub struct SourceLines {
    flat: String,
    /// Byte offsets into `flat` where lines 2, 3, … begin.
    line_starts: Vec<usize>,
    /// Each block's first line (1-based) and where it was found in `flat`.
    found: Vec<(BlockRef, Option<(usize, usize)>)>,
    /// Where each block is in `found`.
    index: HashMap<BlockRef, usize>,
}

impl SourceLines {
    /// Finds the blocks of `brief` in `source`, the text it was loaded from.
    pub fn new(brief: &Brief, source: &str) -> SourceLines {
        let mut flat = String::with_capacity(source.len());
        let mut line_starts = Vec::new();
        for c in source.chars() {
            if c == '\n' {
                line_starts.push(flat.len());
            } else if !c.is_whitespace() {
                flat.push(c);
            }
        }
        let mut lines = SourceLines {
            flat,
            line_starts,
            found: Vec::new(),
            index: HashMap::new(),
        };
        let mut cursor = 0;
        let mut far = 0;
        for (block, text) in blocks(brief) {
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let near = lines.find_near(&squeezed, cursor);
            let at = near.or_else(|| {
                far += 1;
                (far <= FAR_LOOKUPS)
                    .then(|| lines.find_near(&squeezed, 0))
                    .flatten()
            });
            if let Some(start) = near
                && squeezed.chars().nth(STEADY_CHARS).is_some()
            {
                cursor = start;
            }
            let entry = at.map(|start| (lines.line_of(start), start));
            lines.index.insert(block, lines.found.len());
            lines.found.push((block, entry));
        }
        lines
    }

    /// The first line of `block`, when it was found.
    pub fn line(&self, block: BlockRef) -> Option<usize> {
        self.start(block).map(|(line, _)| line)
    }

    fn start(&self, block: BlockRef) -> Option<(usize, usize)> {
        self.index.get(&block).and_then(|&k| self.found[k].1)
    }

    /// The line where `text[hit]` (a piece of `block`'s text) is: looked
    /// for with a little of the text before it, so that the second of two
    /// hits on one word finds its own line. The block's first line when
    /// not found.
    pub fn line_in(&self, block: BlockRef, text: &str, hit: Range<usize>) -> Option<usize> {
        Some(self.hits_in(block)?.line(text, hit))
    }

    /// A finder for the lines of successive hits in `block`, none when the
    /// block was not found in the source.
    pub fn hits_in(&self, block: BlockRef) -> Option<HitLines<'_>> {
        let (line, start) = self.start(block)?;
        Some(HitLines {
            lines: self,
            line,
            from: start,
            misses: 0,
        })
    }

    /// The block that holds line `line`: the last one that starts on it
    /// or before it; the first block when the line comes before them all.
    pub fn block_at(&self, line: usize) -> Option<BlockRef> {
        let mut best: Option<(usize, BlockRef)> = None;
        for (block, at) in &self.found {
            let Some((start, _)) = at else { continue };
            if *start <= line && best.is_none_or(|(b, _)| *start >= b) {
                best = Some((*start, *block));
            }
        }
        best.map(|(_, b)| b)
            .or_else(|| self.found.first().map(|f| f.0))
    }

    /// How many lines the source has.
    pub fn line_count(&self) -> usize {
        self.line_starts.len() + 1
    }

    fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at) + 1
    }

    /// Where a block whose whitespace-free text is `squeezed` starts, by
    /// the first of its probes found near `cursor` (less the text before
    /// that probe): the nearer of its next place ahead and its last place
    /// behind, a step back counting double since blocks mostly come in the
    /// file's order. From 0, its first place in the whole text.
    fn find_near(&self, squeezed: &str, cursor: usize) -> Option<usize> {
        let end = if cursor == 0 {
            self.flat.len()
        } else {
            floor_boundary(&self.flat, cursor.saturating_add(WINDOW))
        };
        let mut skipped = 0;
        for probe in probes(squeezed) {
            let ahead = self.find_from(probe, cursor..end).map(|r| r.start);
            // A place behind wins only when under half as far away.
            let reach = ahead.map_or(BACK_WINDOW, |a| (a - cursor) / 2);
            let back_from = ceil_boundary(&self.flat, cursor.saturating_sub(reach));
            let back_to = floor_boundary(&self.flat, cursor + probe.len().saturating_sub(1));
            let behind = self
                .flat
                .get(back_from..back_to.max(back_from))
                .and_then(|hay| hay.rfind(probe))
                .map(|i| back_from + i)
                .filter(|&b| b < cursor);
            if let Some(at) = behind.or(ahead) {
                return Some(at.saturating_sub(skipped));
            }
            skipped += probe.len();
        }
        None
    }

    fn find_from(&self, needle: &str, within: Range<usize>) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let hay = self.flat.get(within.clone())?;
        hay.find(needle)
            .map(|i| within.start + i..within.start + i + needle.len())
    }
}

/// Finds the lines of the hits in one block, given in reading order: each
/// is looked for from where the one before it was found, so a paragraph's
/// hits cost one pass over it, not one pass each.
#[derive(Debug)]
pub struct HitLines<'a> {
    lines: &'a SourceLines,
    /// The block's first line: the answer for a hit not found.
    line: usize,
    /// Where in `flat` the search for the next hit starts.
    from: usize,
    /// Hits not found so far; each cost a whole window.
    misses: usize,
}

impl HitLines<'_> {
    /// The line of `text[hit]`, `text` being the block's text and `hit`
    /// after the hits asked for before; the block's first line when it is
    /// not found.
    pub fn line(&mut self, text: &str, hit: Range<usize>) -> usize {
        // Past this many misses the block's text is not where the hits
        // can be found (markup between every word, say): looking on would
        // cost a window per hit.
        if self.misses >= MISSES_PER_BLOCK {
            return self.line;
        }
        let before = text.get(..hit.start).unwrap_or("");
        let lead: String = before
            .chars()
            .rev()
            .filter(|c| !c.is_whitespace())
            .take(PROBE_CHARS)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        let matched = text.get(hit).unwrap_or("");
        let needle: String = lead
            .chars()
            .chain(matched.chars().filter(|c| !c.is_whitespace()))
            .collect();
        let flat = &self.lines.flat;
        let end = floor_boundary(flat, self.from.saturating_add(WINDOW));
        match self.lines.find_from(&needle, self.from..end) {
            Some(found) => {
                // The next hit's lead may overlap this hit, never precede
                // this one's start.
                self.from = found.start;
                self.lines.line_of(found.start + lead.len())
            }
            None => {
                self.misses += 1;
                self.line
            }
        }
    }
}

/// Every block with its text, in reading order.
fn blocks(brief: &Brief) -> Vec<(BlockRef, String)> {
    let mut out = Vec::new();
    for (i, p) in brief.front_matter.iter().enumerate() {
        out.push((BlockRef::Front(i), p.text()));
    }
    for (s, section) in brief.sections.iter().enumerate() {
        if let Some(title) = &section.title {
            out.push((BlockRef::Heading(s), title.clone()));
        }
        for (i, p) in section.paragraphs.iter().enumerate() {
            out.push((BlockRef::Body(s, i), p.text()));
        }
    }
    for (i, p) in brief.back_matter.iter().enumerate() {
        out.push((BlockRef::Back(i), p.text()));
    }
    out
}

/// Consecutive pieces of `squeezed`, [`PROBE_CHARS`] characters each.
fn probes(squeezed: &str) -> impl Iterator<Item = &str> {
    let bounds: Vec<usize> = squeezed
        .char_indices()
        .map(|(i, _)| i)
        .step_by(PROBE_CHARS)
        .chain(std::iter::once(squeezed.len()))
        .collect();
    (0..bounds.len().saturating_sub(1))
        .take(PROBES)
        .filter_map(move |k| squeezed.get(bounds[k]..bounds[k + 1]))
}

fn ceil_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::markdown;

    const SOURCE: &str = "# 標題\n\n第一段，\n跨兩行的文字。\n\n## 二、經貿\n\n\
        Some **bold** text about trade and tariffs.[^1]\n\n- 項目甲\n- 項目乙\n\n\
        [^1]: 註腳的文字。\n";

    fn lines() -> (Brief, SourceLines) {
        let brief = markdown::parse(SOURCE);
        let lines = SourceLines::new(&brief, SOURCE);
        (brief, lines)
    }

    #[test]
    fn blocks_are_found_on_the_lines_they_start() {
        let (_, l) = lines();
        assert_eq!(l.line(BlockRef::Heading(0)), Some(1));
        assert_eq!(l.line(BlockRef::Body(0, 0)), Some(3));
        assert_eq!(l.line(BlockRef::Heading(1)), Some(6));
        // Markup inside the text is stepped over by the later probes.
        assert_eq!(l.line(BlockRef::Body(1, 0)), Some(8));
        assert_eq!(l.line(BlockRef::Body(1, 2)), Some(11));
        // A footnote, moved to the back, is found where it is written.
        assert_eq!(l.line(BlockRef::Back(0)), Some(13));
    }

    #[test]
    fn a_hit_is_on_its_own_line_and_a_line_maps_back_to_its_block() {
        let (_, l) = lines();
        let text = "第一段，跨兩行的文字。";
        let hit = text.find("文字").unwrap();
        assert_eq!(l.line_in(BlockRef::Body(0, 0), text, hit..hit + 6), Some(4));
        assert_eq!(l.block_at(4), Some(BlockRef::Body(0, 0)));
        assert_eq!(l.block_at(7), Some(BlockRef::Heading(1)));
        assert_eq!(l.block_at(1), Some(BlockRef::Heading(0)));
        assert_eq!(l.line_count(), 14);
    }

    #[test]
    fn a_second_hit_on_the_same_word_finds_its_own_line() {
        let source = "甲乙丙丁戊己庚辛壬癸，美國\n子丑寅卯辰巳午未申酉，美國\n";
        let brief = markdown::parse(source);
        let l = SourceLines::new(&brief, source);
        let text = brief.sections[0].paragraphs[0].text();
        let second = text.rfind("美國").unwrap();
        let block = BlockRef::Body(0, 0);
        assert_eq!(l.line_in(block, &text, second..second + 6), Some(2));
        let first = text.find("美國").unwrap();
        assert_eq!(l.line_in(block, &text, first..first + 6), Some(1));
    }

    #[test]
    fn text_not_in_the_source_has_no_line() {
        let brief = markdown::parse("甲乙丙丁\n");
        let l = SourceLines::new(&brief, "完全不同的內容\n");
        assert_eq!(l.line(BlockRef::Body(0, 0)), None);
    }
}
