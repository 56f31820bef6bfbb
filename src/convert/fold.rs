//! Folding for search: two texts that differ only in script (Traditional,
//! Taiwan or Hong Kong variants vs Simplified), letter case or full-width
//! forms fold to the same characters. One char in, one char out, so a hit's
//! char index in the folded text is its index in the original.

use std::collections::HashMap;
use std::sync::OnceLock;

use opencc_fmmseg::{DictMaxLen, DictionaryMaxlength};

/// Folds one character for comparison.
pub fn fold_char(c: char) -> char {
    let c = match c {
        // Full-width ASCII forms sit at a fixed offset from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = script_table().fold(c);
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Folds a whole string, char by char.
pub fn fold_str(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Builds the script table now rather than on the first search (it takes a
/// tenth of a second, which a reader may want to spend at start-up).
pub fn warm_up() {
    script_table();
}

/// Ideograph → its Simplified form, from OpenCC's character tables.
struct ScriptTable {
    /// Indexed by code point for the Basic Multilingual Plane; 0 = unchanged.
    bmp: Vec<u32>,
    /// The few supplementary-plane characters that fold.
    astral: HashMap<char, char>,
}

impl ScriptTable {
    fn fold(&self, c: char) -> char {
        let code = c as u32;
        if let Some(&mapped) = self.bmp.get(code as usize) {
            if mapped != 0 {
                return char::from_u32(mapped).unwrap_or(c);
            }
            return c;
        }
        self.astral.get(&c).copied().unwrap_or(c)
    }
}

fn script_table() -> &'static ScriptTable {
    static TABLE: OnceLock<ScriptTable> = OnceLock::new();
    TABLE.get_or_init(build_script_table)
}

/// Builds the table from OpenCC's character tables: the Taiwan and Hong
/// Kong variant tables (reversed, to standard Traditional) and then the
/// Traditional → Simplified characters, each applied until nothing changes.
fn build_script_table() -> ScriptTable {
    let mut table = ScriptTable {
        bmp: vec![0; 0x10000],
        astral: HashMap::new(),
    };
    // Without dictionaries, folding still handles width and case.
    let Ok(dictionary) = DictionaryMaxlength::new() else {
        return table;
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
        if folded == original {
            continue;
        }
        match table.bmp.get_mut(original as usize) {
            Some(slot) => *slot = folded as u32,
            None => {
                table.astral.insert(original, folded);
            }
        }
    }
    table
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
