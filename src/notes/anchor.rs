//! Finding a note's paragraph again. The exact way is the fingerprint (the
//! hash of the whitespace-free text, so moved line breaks do not matter);
//! when the paragraph was edited, the most similar paragraph is taken if it is
//! similar enough, flagged for review if only somewhat similar, and otherwise
//! the note is an orphan. Neighbours and position only break ties.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::model::{Anchor, Note};
use super::similarity::{bigrams, dice, similarity};
use crate::brief::{Brief, Paragraph, normalized_text};

/// A fuzzy match at least this similar re-anchors the note without question.
pub const ANCHOR_THRESHOLD: f64 = 0.7;
/// A fuzzy match at least this similar (and below [`ANCHOR_THRESHOLD`]) needs review.
pub const REVIEW_THRESHOLD: f64 = 0.45;
/// How many characters of each neighbour an anchor keeps as prefix and suffix.
pub const CONTEXT_CHARS: usize = 32;
/// Scores closer than this count as a tie.
const TIE: f64 = 0.02;
/// How many of the best pre-filtered candidates get the full comparison.
const SHORTLIST: usize = 4;
/// Candidates whose pair overlap trails the best by more than this are dropped.
const DICE_MARGIN: f64 = 0.2;

/// Whether a note found its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorStatus {
    /// On its paragraph: the same text, or text similar enough.
    Anchored,
    /// On the most similar paragraph, which differs enough to be checked.
    NeedsReview,
    /// No paragraph is similar enough; the note keeps its quote.
    Orphan,
}

impl AnchorStatus {
    /// The status as written in exports: `anchored`, `needs_review`, `orphan`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::NeedsReview => "needs_review",
            AnchorStatus::Orphan => "orphan",
        }
    }
}

/// Where a note landed in the current brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// Anchored, needs review or orphan.
    pub status: AnchorStatus,
    /// The id of the paragraph the note is shown on; `None` for an orphan.
    pub paragraph: Option<String>,
    /// The index of that paragraph in reading order.
    pub position: Option<usize>,
    /// Similarity of the quote to that paragraph, 1.0 for an exact match.
    pub score: f64,
    /// For a note on a passage: the passage's char range in that
    /// paragraph now; `None` when the paragraph no longer holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage: Option<std::ops::Range<usize>>,
}

impl Resolution {
    fn orphan(score: f64) -> Resolution {
        Resolution {
            status: AnchorStatus::Orphan,
            paragraph: None,
            position: None,
            score,
            passage: None,
        }
    }
}

/// Where a paragraph is in the brief.
#[derive(Debug, Clone, Copy)]
enum Place {
    Front(u32),
    Body(u32, u32),
    Back(u32),
}

/// One paragraph as the anchoring sees it: where it is in the brief (its
/// id and text are read there, not copied: a copy of every paragraph's
/// text was the brief's size again) and its section path. Small: a long
/// table has 100k of them.
#[derive(Debug)]
struct ParagraphEntry {
    place: Place,
    /// Its section path, as an index into [`BriefMap::paths`].
    path: u32,
    /// Made only for a fuzzy match.
    fuzzy: OnceCell<Box<Fuzzy>>,
}

/// What a fuzzy match compares a paragraph by.
#[derive(Debug)]
struct Fuzzy {
    /// The text without whitespace, as chars (four bytes a character for
    /// every paragraph was the brief's size several times over).
    normalized: Vec<char>,
    bigrams: OnceCell<Vec<u64>>,
}

/// A brief prepared for anchoring: every paragraph with its section path and
/// an index from fingerprint to paragraphs.
#[derive(Debug)]
pub struct BriefMap {
    brief: Arc<Brief>,
    paragraphs: Vec<ParagraphEntry>,
    /// Titles of the enclosing sections of each section, outermost first.
    paths: Vec<Box<[String]>>,
    /// Paragraph indices sorted by fingerprint, in reading order among
    /// equals: a binary search finds a fingerprint's paragraphs without a
    /// map of strings beside them (a long table has 100k rows).
    by_fingerprint: Vec<usize>,
}

/// The paragraph id without its ordinal suffix (`p0123abcd4567-2` → `p0123abcd4567`).
pub fn fingerprint_of(paragraph_id: &str) -> &str {
    match paragraph_id.split_once('-') {
        Some((base, _)) => base,
        None => paragraph_id,
    }
}

/// The section name of front-matter paragraphs, as the section list shows it.
pub const FRONT_MATTER: &str = "Front matter";
/// The section name of back-matter paragraphs, as the section list shows it.
pub const BACK_MATTER: &str = "Back matter";

impl BriefMap {
    /// Prepares a copy of `brief` for anchoring.
    pub fn new(brief: &Brief) -> BriefMap {
        BriefMap::shared(Arc::new(brief.clone()))
    }

    /// Prepares `brief` for anchoring, sharing it with whoever else holds it.
    pub fn shared(brief: Arc<Brief>) -> BriefMap {
        // Sized at once: doubling, the list of a long table's rows left as
        // much room unused as used at the reader's peak.
        let mut paragraphs = Vec::with_capacity(brief.paragraphs().count());
        let mut push = |place: Place, path: u32| {
            paragraphs.push(ParagraphEntry {
                place,
                path,
                fuzzy: OnceCell::new(),
            });
        };
        // Indices past u32 would need a brief of billions of paragraphs.
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        // The front and back matter are named as in the section list, so a
        // note there is filed under the name the reader sees.
        let mut paths: Vec<Box<[String]>> = vec![Box::new([FRONT_MATTER.to_string()])];
        for i in 0..brief.front_matter.len() {
            push(Place::Front(index(i)), 0);
        }
        let mut stack: Vec<(u8, String)> = Vec::new();
        for (k, s) in brief.sections.iter().enumerate() {
            while stack.last().is_some_and(|(level, _)| *level >= s.level) {
                stack.pop();
            }
            if let Some(title) = &s.title {
                stack.push((s.level, title.clone()));
            }
            let mut path: Vec<String> = stack.iter().map(|(_, t)| t.clone()).collect();
            // The untitled opening section goes by the same name as in the
            // reader (it is never on the stack: it has no level above others).
            if s.title.is_none() && path.is_empty() {
                path.push(crate::brief::OPENING_TITLE.to_string());
            }
            let at = index(paths.len());
            paths.push(path.into());
            for i in 0..s.paragraphs.len() {
                push(Place::Body(index(k), index(i)), at);
            }
        }
        let back = index(paths.len());
        paths.push(Box::new([BACK_MATTER.to_string()]));
        for i in 0..brief.back_matter.len() {
            push(Place::Back(index(i)), back);
        }
        let mut map = BriefMap {
            brief,
            paragraphs,
            paths,
            by_fingerprint: Vec::new(),
        };
        let mut by_fingerprint: Vec<usize> = (0..map.paragraphs.len()).collect();
        // Stable: paragraphs with one fingerprint stay in reading order.
        by_fingerprint.sort_by(|&a, &b| fingerprint_of(map.id(a)).cmp(fingerprint_of(map.id(b))));
        map.by_fingerprint = by_fingerprint;
        map
    }

    /// How many paragraphs the brief has.
    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// Whether the brief has no paragraph.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The paragraph at reading-order index `i`.
    pub fn paragraph(&self, i: usize) -> Option<&Paragraph> {
        let b = &self.brief;
        match self.paragraphs.get(i)?.place {
            Place::Front(p) => b.front_matter.get(p as usize),
            Place::Body(s, p) => b.sections.get(s as usize)?.paragraphs.get(p as usize),
            Place::Back(p) => b.back_matter.get(p as usize),
        }
    }

    /// The titles of the sections around paragraph `i`, outermost first.
    pub fn section(&self, i: usize) -> Option<&[String]> {
        let path = self.paragraphs.get(i)?.path;
        self.paths.get(path as usize).map(|p| &**p)
    }

    /// The id of paragraph `i` (empty past the end).
    fn id(&self, i: usize) -> &str {
        self.paragraph(i).map_or("", |p| p.id.as_str())
    }

    /// The text of paragraph `i` (empty past the end).
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        match self.paragraph(i) {
            Some(p) if p.spans.len() == 1 => Cow::Borrowed(p.spans[0].text.as_str()),
            Some(p) => Cow::Owned(p.text()),
            None => Cow::Borrowed(""),
        }
    }

    fn fuzzy(&self, i: usize) -> &Fuzzy {
        self.paragraphs[i].fuzzy.get_or_init(|| {
            Box::new(Fuzzy {
                normalized: normalized_text(&self.text(i)).chars().collect(),
                bigrams: OnceCell::new(),
            })
        })
    }

    fn normalized(&self, i: usize) -> &Vec<char> {
        &self.fuzzy(i).normalized
    }

    /// Indices of the paragraphs with this fingerprint, in reading order.
    fn with_fingerprint(&self, fingerprint: &str) -> &[usize] {
        let of = |i: &usize| fingerprint_of(self.id(*i));
        let start = self.by_fingerprint.partition_point(|i| of(i) < fingerprint);
        let len = self.by_fingerprint[start..].partition_point(|i| of(i) == fingerprint);
        &self.by_fingerprint[start..start + len]
    }

    /// The reading-order index of the paragraph with this id.
    pub fn position_of(&self, paragraph_id: &str) -> Option<usize> {
        self.with_fingerprint(fingerprint_of(paragraph_id))
            .iter()
            .copied()
            .find(|&i| self.id(i) == paragraph_id)
    }

    /// An anchor on the paragraph with this id, or `None` if there is none.
    pub fn anchor_for(&self, paragraph_id: &str) -> Option<Anchor> {
        self.position_of(paragraph_id).map(|i| self.anchor_at(i))
    }

    /// An anchor on the paragraph at reading-order index `i` (which must exist).
    fn anchor_at(&self, i: usize) -> Anchor {
        let id = self.id(i);
        Anchor {
            fingerprint: fingerprint_of(id).to_string(),
            paragraph: id.to_string(),
            quote: self.text(i).into_owned(),
            prefix: self.prefix_at(i),
            suffix: self.suffix_at(i),
            section: self.section(i).unwrap_or_default().to_vec(),
            position: i,
            passage: None,
            extra: Default::default(),
        }
    }

    fn prefix_at(&self, i: usize) -> String {
        let Some(prev) = i.checked_sub(1).map(|j| self.text(j)) else {
            return String::new();
        };
        let chars: Vec<char> = prev.trim_end().chars().collect();
        chars[chars.len().saturating_sub(CONTEXT_CHARS)..]
            .iter()
            .collect()
    }

    fn suffix_at(&self, i: usize) -> String {
        if i + 1 >= self.paragraphs.len() {
            return String::new();
        }
        let next = self.text(i + 1);
        next.trim_start().chars().take(CONTEXT_CHARS).collect()
    }

    /// Where `anchor` lands in this brief, its passage included.
    pub fn resolve(&self, anchor: &Anchor) -> Resolution {
        let landed = self.resolve_paragraph(anchor);
        self.with_passage(anchor, landed)
    }

    /// The passage of a note on one, found again in the paragraph the note
    /// landed on. A passage the paragraph no longer holds leaves the note
    /// on its paragraph, to be reviewed.
    fn with_passage(&self, anchor: &Anchor, mut r: Resolution) -> Resolution {
        let Some(passage) = &anchor.passage else {
            return r;
        };
        let Some(i) = r.position else {
            return r;
        };
        r.passage = passage.locate(&self.text(i));
        if r.passage.is_none() && r.status == AnchorStatus::Anchored {
            r.status = AnchorStatus::NeedsReview;
        }
        r
    }

    fn resolve_paragraph(&self, anchor: &Anchor) -> Resolution {
        let candidates = self.with_fingerprint(&anchor.fingerprint);
        if !candidates.is_empty() {
            let best = if candidates.len() == 1 {
                candidates[0]
            } else {
                self.break_tie(anchor, candidates)
            };
            return self.landed(best, 1.0);
        }
        self.resolve_fuzzy(anchor)
    }

    /// Resolves every note; notes with the same anchor are compared once.
    pub fn resolve_all<'a>(
        &self,
        notes: impl IntoIterator<Item = &'a Note>,
    ) -> HashMap<String, Resolution> {
        // The fingerprint stands for the quote, so the quote need not be hashed.
        let mut memo: HashMap<(&str, &str, &str, usize), Resolution> = HashMap::new();
        let mut out = HashMap::new();
        for note in notes {
            let a = &note.anchor;
            let resolution = if !self.with_fingerprint(&a.fingerprint).is_empty() {
                self.resolve(a)
            } else {
                let key = (
                    a.fingerprint.as_str(),
                    a.prefix.as_str(),
                    a.suffix.as_str(),
                    a.position,
                );
                let landed = memo
                    .entry(key)
                    .or_insert_with(|| self.resolve_fuzzy(a))
                    .clone();
                self.with_passage(a, landed)
            };
            out.insert(note.id.clone(), resolution);
        }
        out
    }

    fn landed(&self, i: usize, score: f64) -> Resolution {
        let status = if score >= ANCHOR_THRESHOLD {
            AnchorStatus::Anchored
        } else {
            AnchorStatus::NeedsReview
        };
        Resolution {
            status,
            paragraph: Some(self.id(i).to_string()),
            position: Some(i),
            score,
            passage: None,
        }
    }

    fn resolve_fuzzy(&self, anchor: &Anchor) -> Resolution {
        let quote: Vec<char> = normalized_text(&anchor.quote).chars().collect();
        if quote.is_empty() {
            return Resolution::orphan(0.0);
        }
        let quote_bigrams = bigrams(&quote);
        // Cheap pre-filter: the length ratio bounds the edit similarity from
        // above, and shared character pairs rank what is left.
        let mut shortlist: Vec<(f64, usize)> = (0..self.paragraphs.len())
            .filter(|&i| {
                let (a, b) = (self.normalized(i).len(), quote.len());
                a.min(b) as f64 >= REVIEW_THRESHOLD * a.max(b) as f64
            })
            .map(|i| {
                let fuzzy = self.fuzzy(i);
                let theirs = fuzzy.bigrams.get_or_init(|| bigrams(&fuzzy.normalized));
                (dice(&quote_bigrams, theirs), i)
            })
            .filter(|(d, _)| *d > 0.0)
            .collect();
        shortlist.sort_by(|a, b| b.0.total_cmp(&a.0));
        // Paragraphs sharing far fewer character pairs than the best cannot
        // come close to it in edit similarity; spare them the full comparison.
        let floor = shortlist.first().map_or(0.0, |s| s.0 - DICE_MARGIN);
        shortlist.retain(|s| s.0 >= floor);
        shortlist.truncate(SHORTLIST);
        let scored: Vec<(f64, usize)> = shortlist
            .iter()
            .map(|&(_, i)| (similarity(&quote, self.normalized(i)), i))
            .collect();
        let Some(best) = scored.iter().map(|s| s.0).reduce(f64::max) else {
            return Resolution::orphan(0.0);
        };
        if best < REVIEW_THRESHOLD {
            return Resolution::orphan(best);
        }
        let tied: Vec<usize> = scored
            .iter()
            .filter(|s| s.0 >= best - TIE)
            .map(|s| s.1)
            .collect();
        let chosen = self.break_tie(anchor, &tied);
        self.landed(chosen, best)
    }

    /// Among equally good paragraphs, the one whose neighbours match the
    /// anchor's, then the one nearest the old position.
    fn break_tie(&self, anchor: &Anchor, candidates: &[usize]) -> usize {
        let prefix = normalized_text(&anchor.prefix);
        let suffix = normalized_text(&anchor.suffix);
        let context = |i: usize| {
            let mut n = 0;
            if !prefix.is_empty() && normalized_text(&self.prefix_at(i)) == prefix {
                n += 1;
            }
            if !suffix.is_empty() && normalized_text(&self.suffix_at(i)) == suffix {
                n += 1;
            }
            n
        };
        candidates
            .iter()
            .copied()
            .max_by_key(|&i| (context(i), std::cmp::Reverse(i.abs_diff(anchor.position))))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Paragraph, ParagraphKind, Section, assign_ids};

    fn brief(sections: &[(&str, &[&str])]) -> Brief {
        let mut b = Brief {
            sections: sections
                .iter()
                .map(|(title, paras)| Section {
                    level: 1,
                    title: Some(title.to_string()),
                    paragraphs: paras
                        .iter()
                        .map(|t| Paragraph::plain(ParagraphKind::Text, *t))
                        .collect(),
                    ..Section::default()
                })
                .collect(),
            ..Brief::default()
        };
        assign_ids(&mut b);
        b
    }

    #[test]
    fn section_paths_follow_heading_levels() {
        let mut b = brief(&[("A", &["one"]), ("B", &["two"])]);
        b.sections[1].level = 2;
        let map = BriefMap::new(&b);
        assert_eq!(map.section(1).unwrap(), ["A", "B"]);
    }

    #[test]
    fn duplicate_paragraphs_are_told_apart_by_neighbours() {
        let b = brief(&[("A", &["intro", "same text", "alpha", "same text", "beta"])]);
        let map = BriefMap::new(&b);
        let second = map.anchor_for(&map.paragraph(3).unwrap().id).unwrap();
        // Insert a paragraph at the start: positions and ordinals shift.
        let moved = brief(&[(
            "A",
            &["new", "intro", "same text", "alpha", "same text", "beta"],
        )]);
        let r = BriefMap::new(&moved).resolve(&second);
        assert_eq!(r.position, Some(4));
        assert_eq!(r.status, AnchorStatus::Anchored);
    }

    #[test]
    fn unrelated_text_leaves_an_orphan() {
        let b = brief(&[("A", &["美國總統川普時隔近九年再度訪問中國"])]);
        let anchor = BriefMap::new(&b)
            .anchor_for(&b.sections[0].paragraphs[0].id)
            .unwrap();
        let other = brief(&[("A", &["the weather was fine that week in Geneva"])]);
        let r = BriefMap::new(&other).resolve(&anchor);
        assert_eq!(r.status, AnchorStatus::Orphan);
        assert_eq!(r.paragraph, None);
    }
}
