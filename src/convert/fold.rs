//! Folding for search: two texts that differ only in script (Traditional,
//! Taiwan or Hong Kong variants vs Simplified), letter case or full-width
//! forms fold to the same characters. One char in, one char out, so a hit's
//! char index in the folded text is its index in the original.

use std::collections::HashMap;
use std::sync::OnceLock;

use opencc_fmmseg::{DictMaxLen, DictionaryMaxlength};

/// Folds one character for comparison.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    fold_table().fold(c)
}

/// Folds a whole string, char by char.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Builds the fold table now rather than on the first search (it takes a
/// tenth of a second, which a reader may want to spend at start-up).
pub fn warm_up() {
    fold_table();
}

/// Every Basic Multilingual Plane character already folded (width, script
/// and case): a brief has millions of characters, and a table look-up is
/// what keeps folding 10 MB in tens of milliseconds.
struct FoldTable {
    /// Indexed by code point; surrogate slots are never read.
    bmp: Vec<char>,
    /// Ideograph → Simplified for the few supplementary-plane characters.
    astral: HashMap<char, char>,
}

impl FoldTable {
    fn fold(&self, c: char) -> char {
        match self.bmp.get(c as usize) {
            Some(&folded) => folded,
            None => lower(self.astral.get(&c).copied().unwrap_or(c)),
        }
    }
}

fn fold_table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let script = script_map();
        let bmp = (0..0x1_0000u32)
            .map(|code| char::from_u32(code).map_or('\0', |c| fold_with(c, &script)))
            .collect();
        let astral = script
            .into_iter()
            .filter(|(from, _)| u32::from(*from) > 0xFFFF)
            .collect();
        FoldTable { bmp, astral }
    })
}

/// The fold of `c` computed from scratch: full-width forms to ASCII, the
/// script map, then lower case.
fn fold_with(c: char, script: &HashMap<char, char>) -> char {
    let c = match c {
        // Full-width ASCII forms sit at a fixed offset from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower(script.get(&c).copied().unwrap_or(c))
}

/// The lower case of `c` when it is one character, else `c`.
fn lower(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Ideograph → its Simplified form, from OpenCC's character tables: the
/// Taiwan and Hong Kong variant tables (reversed, to standard Traditional)
/// and then the Traditional → Simplified characters, each applied until
/// nothing changes. Without dictionaries, folding still handles width and
/// case.
fn script_map() -> HashMap<char, char> {
    let mut map = HashMap::new();
    let Ok(dictionary) = DictionaryMaxlength::new() else {
        return map;
    };
    let variants = single_chars(&[&dictionary.tw_variants_rev, &dictionary.hk_variants_rev]);
    let simplified = single_chars(&[&dictionary.ts_characters]);
    for &original in variants.keys().chain(simplified.keys()) {
        let mut folded = original;
        // A variant may map to a Traditional form that has a Simplified one.
        for _ in 0..4 {
            let step = variants.get(&folded).copied().unwrap_or(folded);
            let step = simplified.get(&step).copied().unwrap_or(step);
            if step == folded {
                break;
            }
            folded = step;
        }
        if folded != original {
            map.insert(original, folded);
        }
    }
    map
}

/// The one-char-to-one-char entries of some tables (the first table that
/// has a key wins).
fn single_chars(tables: &[&DictMaxLen]) -> HashMap<char, char> {
    let mut map = HashMap::new();
    for table in tables {
        for (key, value) in table.iter() {
            let mut chars = value.chars();
            if let ([from], Some(to), None) = (key, chars.next(), chars.next()) {
                map.entry(*from).or_insert(to);
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_variant_forms_fold_to_simplified() {
        assert_eq!(fold_str("臺灣"), "台湾");
        assert_eq!(fold_str("台灣"), "台湾");
        assert_eq!(fold_str("習近平"), "习近平");
        assert_eq!(fold_str("习近平"), "习近平");
        // Taiwan and Hong Kong glyph variants.
        assert_eq!(fold_char('裏'), fold_char('裡'));
        assert_eq!(fold_char('着'), fold_char('著'));
    }

    #[test]
    fn the_table_agrees_with_folding_from_scratch_on_every_bmp_character() {
        let script = script_map();
        for code in 0..0x1_0000u32 {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(fold_char(c), fold_with(c, &script), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn width_and_case_fold() {
        assert_eq!(fold_str("Ｇ２"), "g2");
        assert_eq!(fold_str("APEC　Ｓummit"), "apec summit");
        assert_eq!(fold_char('Ä'), 'ä');
    }

    #[test]
    fn folding_is_one_char_for_one_char() {
        let text = "川習北京峰會後的美中外交動向，ＡＰＥＣ 第 32 次";
        assert_eq!(fold_str(text).chars().count(), text.chars().count());
    }

    #[test]
    fn folding_twice_changes_nothing_more() {
        for c in "臺灣習近平與川普峰會後裡著鬥爭".chars() {
            assert_eq!(fold_char(fold_char(c)), fold_char(c), "{c}");
        }
    }
}
