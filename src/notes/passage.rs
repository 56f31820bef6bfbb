//! A note on a passage inside a paragraph: the passage is kept as a W3C
//! TextQuoteSelector (the exact text with a little of the text before and
//! after it) plus its character offset as a hint. The paragraph itself is
//! anchored as for any note; the passage is then found again inside it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::convert::fold_char;

/// Characters of the paragraph kept before and after a passage.
pub const PASSAGE_CONTEXT: usize = 32;

/// Where in its paragraph a note's passage is (W3C TextQuoteSelector).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// The passage's text, as in the brief.
    pub exact: String,
    /// The paragraph's text just before the passage.
    #[serde(default)]
    pub prefix: String,
    /// The paragraph's text just after the passage.
    #[serde(default)]
    pub suffix: String,
    /// The passage's first character's index in the paragraph when made.
    #[serde(default)]
    pub start: usize,
}

/// Why a quote given on the command line names no single passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteError {
    /// The quote is empty or only spaces.
    Empty,
    /// No paragraph contains the quote.
    NotFound,
    /// Several paragraphs contain it: their ids and where in each it is
    /// first (a char range), to show it in context.
    Ambiguous(Vec<(String, Range<usize>)>),
}

impl Passage {
    /// The passage `chars` (a char range) of the paragraph `text`.
    pub fn new(text: &str, chars: Range<usize>) -> Passage {
        let all: Vec<char> = text.chars().collect();
        let end = chars.end.min(all.len());
        let start = chars.start.min(end);
        Passage {
            exact: all[start..end].iter().collect(),
            prefix: all[start.saturating_sub(PASSAGE_CONTEXT)..start]
                .iter()
                .collect(),
            suffix: all[end..(end + PASSAGE_CONTEXT).min(all.len())]
                .iter()
                .collect(),
            start,
        }
    }

    /// The passage's char range in paragraph `text` now: where the exact
    /// text is (or, failing that, the same text in another script), the
    /// occurrence whose neighbours match best, then the one nearest the
    /// old place. `None` when the text no longer holds it.
    pub fn locate(&self, text: &str) -> Option<Range<usize>> {
        let hay: Vec<char> = text.chars().collect();
        let needle: Vec<char> = self.exact.chars().collect();
        let mut hits = find_chars(&hay, &needle);
        if hits.is_empty() {
            let fold = |v: &[char]| v.iter().map(|&c| fold_char(c)).collect::<Vec<char>>();
            hits = find_chars(&fold(&hay), &fold(&needle));
        }
        let prefix: Vec<char> = self.prefix.chars().collect();
        let suffix: Vec<char> = self.suffix.chars().collect();
        let context = |at: usize| {
            let before = &hay[..at];
            let after = &hay[at + needle.len()..];
            let p = before
                .iter()
                .rev()
                .zip(prefix.iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let s = after
                .iter()
                .zip(suffix.iter())
                .take_while(|(a, b)| a == b)
                .count();
            p + s
        };
        let best = hits
            .into_iter()
            .max_by_key(|&at| (context(at), std::cmp::Reverse(at.abs_diff(self.start))))?;
        Some(best..best + needle.len())
    }
}

/// Every char index where `needle` starts in `hay` (overlaps included).
fn find_chars(hay: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .collect()
}

/// The one paragraph holding `quote`, in any script (the script-blind
/// folding of search), among `paragraphs` (id, text): its id and the
/// quote's char range in it (the first occurrence when it holds several).
pub fn find_quote<'a>(
    paragraphs: impl IntoIterator<Item = (&'a str, &'a str)>,
    quote: &str,
) -> Result<(String, Range<usize>), QuoteError> {
    let needle: Vec<char> = quote.trim().chars().map(fold_char).collect();
    if needle.is_empty() {
        return Err(QuoteError::Empty);
    }
    let mut found: Vec<(String, Range<usize>)> = Vec::new();
    for (id, text) in paragraphs {
        let hay: Vec<char> = text.chars().map(fold_char).collect();
        if let Some(&at) = find_chars(&hay, &needle).first() {
            found.push((id.to_string(), at..at + needle.len()));
        }
    }
    match found.len() {
        0 => Err(QuoteError::NotFound),
        1 => Ok(found.remove(0)),
        _ => Err(QuoteError::Ambiguous(found)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_keeps_its_neighbours_and_is_found_again_after_an_edit() {
        let text = "美中應建立建設性戰略穩定關係，雙方同意。";
        let p = Passage::new(text, 5..14);
        assert_eq!(p.exact, "建設性戰略穩定關係");
        assert_eq!(p.prefix, "美中應建立");
        assert_eq!(p.suffix, "，雙方同意。");
        let edited = "據報導，美中應建立建設性戰略穩定關係，雙方同意。";
        let r = p.locate(edited).unwrap();
        let shown: String = edited.chars().skip(r.start).take(r.len()).collect();
        assert_eq!(shown, "建設性戰略穩定關係");
        assert_eq!(r.start, 9);
        assert_eq!(p.locate("完全不同的文字"), None);
    }

    #[test]
    fn of_two_equal_passages_the_one_with_matching_neighbours_wins() {
        let text = "甲說穩定，乙說穩定。";
        let second = Passage::new(text, 7..9);
        assert_eq!(second.exact, "穩定");
        // The same text with something inserted before both.
        let edited = "前言。甲說穩定，乙說穩定。";
        assert_eq!(second.locate(edited), Some(10..12));
    }

    #[test]
    fn a_quote_is_found_in_any_script_and_ambiguity_is_reported() {
        let paras = [("p1", "川普訪問臺灣"), ("p2", "習近平會見川普")];
        let (id, r) = find_quote(paras, "访问台湾").unwrap();
        assert_eq!((id.as_str(), r), ("p1", 2..6));
        assert_eq!(
            find_quote(paras, "川普"),
            Err(QuoteError::Ambiguous(vec![
                ("p1".into(), 0..2),
                ("p2".into(), 5..7)
            ]))
        );
        assert_eq!(find_quote(paras, "北京"), Err(QuoteError::NotFound));
        assert_eq!(find_quote(paras, "  "), Err(QuoteError::Empty));
    }
}
