//! Script-blind search: fold the text once, fold each query, and map hits
//! back to byte ranges of the original text.

use std::ops::Range;

use super::fold::{fold_char, fold_str};

/// A text folded for search, with what is needed to map hits back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldedText {
    folded: String,
    /// `(folded offset, original offset)` pairs, sorted, one at the start
    /// and one after every char whose folded UTF-8 length differs from its
    /// original length; between two anchors the offsets move in step.
    anchors: Vec<(usize, usize)>,
}

impl FoldedText {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut anchors = vec![(0, 0)];
        for (offset, c) in text.char_indices() {
            let f = fold_char(c);
            folded.push(f);
            if f.len_utf8() != c.len_utf8() {
                anchors.push((folded.len(), offset + c.len_utf8()));
            }
        }
        FoldedText { folded, anchors }
    }

    /// The folded text itself.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Byte ranges, in the original text, of every non-overlapping match of
    /// `query` (folded here); an empty query matches nothing.
    pub fn find(&self, query: &str) -> Vec<Range<usize>> {
        let needle = fold_str(query);
        self.find_folded(&needle)
    }

    /// Like [`FoldedText::find`] for a query already folded with
    /// [`fold_str`], to fold it once for many texts.
    pub fn find_folded(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.folded
            .match_indices(needle)
            .map(|(start, hit)| {
                self.original_offset(start)..self.original_offset(start + hit.len())
            })
            .collect()
    }

    /// Byte ranges of the matches of any of `needles` (each folded with
    /// [`fold_str`]), in order and without overlaps: where two start at one
    /// place the longer wins.
    pub fn find_any(&self, needles: &[String]) -> Vec<Range<usize>> {
        let mut hits: Vec<Range<usize>> = needles
            .iter()
            .flat_map(|needle| self.find_folded(needle))
            .collect();
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Range<usize>> = Vec::with_capacity(hits.len());
        for hit in hits {
            if kept.last().is_none_or(|last| hit.start >= last.end) {
                kept.push(hit);
            }
        }
        kept
    }

    /// True when `query` occurs at all.
    pub fn contains(&self, query: &str) -> bool {
        let needle = fold_str(query);
        !needle.is_empty() && self.folded.contains(&needle)
    }

    /// The original byte offset of a char boundary of the folded text.
    pub fn original_offset(&self, folded_offset: usize) -> usize {
        let i = self
            .anchors
            .partition_point(|&(f, _)| f <= folded_offset)
            .saturating_sub(1);
        let (f, o) = self.anchors.get(i).copied().unwrap_or((0, 0));
        o + (folded_offset - f)
    }
}

/// Byte ranges in `haystack` of every match of `needle`, ignoring script,
/// width and case. Fold once with [`FoldedText`] to search a text often.
pub fn find_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    FoldedText::new(haystack).find(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits<'a>(haystack: &'a str, needle: &str) -> Vec<&'a str> {
        find_all(haystack, needle)
            .into_iter()
            .map(|r| &haystack[r])
            .collect()
    }

    #[test]
    fn simplified_queries_find_traditional_and_variant_text() {
        assert_eq!(hits("臺灣與台灣，台湾", "台湾"), ["臺灣", "台灣", "台湾"]);
        assert_eq!(hits("中國國家主席習近平掌政以來", "习近平"), ["習近平"]);
        assert_eq!(hits("中国国家主席习近平", "習近平"), ["习近平"]);
    }

    #[test]
    fn full_width_and_case_are_ignored_and_ranges_stay_exact() {
        let text = "有關 Ｇ２ 的聯想，以及 g2 與 G2";
        assert_eq!(hits(text, "G2"), ["Ｇ２", "g2", "G2"]);
        assert_eq!(hits(text, "ｇ2"), ["Ｇ２", "g2", "G2"]);
        // After a full-width char the byte offsets of the two texts differ.
        assert_eq!(hits("Ａ臺灣", "台湾"), ["臺灣"]);
    }

    #[test]
    fn any_of_several_needles_in_order_without_overlaps() {
        let text = FoldedText::new("資訊與信息，資訊安全");
        let needles = vec![fold_str("資訊"), fold_str("信息"), fold_str("資訊安全")];
        let hits: Vec<&str> = text
            .find_any(&needles)
            .into_iter()
            .map(|r| &"資訊與信息，資訊安全"[r])
            .collect();
        assert_eq!(hits, ["資訊", "信息", "資訊安全"]);
    }

    #[test]
    fn no_match_and_empty_queries_give_nothing() {
        assert!(find_all("臺灣", "香港").is_empty());
        assert!(find_all("臺灣", "").is_empty());
        assert!(find_all("", "台").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn every_hit_is_a_folded_match_on_char_boundaries(
            haystack in "[臺台灣湾ＧG２2gａa 𠀀]{0,40}",
            needle in "[臺台灣湾ＧG２2g]{1,3}",
        ) {
            let folded_needle = fold_str(&needle);
            let hits = find_all(&haystack, &needle);
            let mut last_end = 0;
            for range in &hits {
                proptest::prop_assert!(range.start >= last_end);
                proptest::prop_assert!(haystack.is_char_boundary(range.start));
                proptest::prop_assert!(haystack.is_char_boundary(range.end));
                proptest::prop_assert_eq!(&fold_str(&haystack[range.clone()]), &folded_needle);
                last_end = range.end;
            }
            // As many hits as the folded haystack holds.
            let expected = fold_str(&haystack).matches(folded_needle.as_str()).count();
            proptest::prop_assert_eq!(hits.len(), expected);
        }
    }

    #[test]
    fn offsets_map_back_at_every_char_boundary() {
        let text = "ＡＢ臺c灣Ｄ";
        let folded = FoldedText::new(text);
        let mut original = text.char_indices().map(|(i, _)| i);
        for (f, _) in folded.folded().char_indices() {
            assert_eq!(folded.original_offset(f), original.next().unwrap());
        }
        assert_eq!(folded.original_offset(folded.folded().len()), text.len());
    }
}
