//! Folding for search: two texts that differ only in script (Traditional,
//! Taiwan or Hong Kong variants vs Simplified), letter case or full-width
//! forms fold to the same characters. One char in, one char out, so a hit's
//! char index in the folded text is its index in the original.

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

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
/// few tens of milliseconds, which a reader may want to spend at start-up).
pub fn warm_up() {
    script_table();
}

/// Where ideographs live: the blocks OpenCC's character tables cover.
const IDEOGRAPH_BLOCKS: [(u32, u32); 5] = [
    (0x3400, 0x4DBF),   // Extension A
    (0x4E00, 0x9FFF),   // Unified Ideographs
    (0xF900, 0xFAFF),   // Compatibility Ideographs
    (0x20000, 0x2A6DF), // Extension B
    (0x2A700, 0x2EBEF), // Extensions C to F
];

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

/// Converts every ideograph alone on its line through the Taiwan, Hong Kong
/// and standard Traditional → Simplified tables, and keeps the one-char
/// results: the character tables, without reaching into the crate's data.
fn build_script_table() -> ScriptTable {
    let mut table = ScriptTable {
        bmp: vec![0; 0x10000],
        astral: HashMap::new(),
    };
    let ideographs: Vec<char> = IDEOGRAPH_BLOCKS
        .iter()
        .flat_map(|&(start, end)| (start..=end).filter_map(char::from_u32))
        .collect();
    let mut input = String::with_capacity(ideographs.len() * 5);
    for &c in &ideographs {
        input.push(c);
        input.push('\n');
    }
    // Variant tables first, so 台/臺/檯 variants meet before the Simplified step.
    for config in [BuiltinConfig::Hk2s, BuiltinConfig::Tw2s, BuiltinConfig::T2s] {
        let Ok(engine) = OpenCC::from_config(config) else {
            continue;
        };
        let output = engine.convert(&input);
        for (&original, converted) in ideographs.iter().zip(output.split('\n')) {
            let mut chars = converted.chars();
            let (Some(folded), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if folded == original {
                continue;
            }
            let code = original as u32;
            match table.bmp.get_mut(code as usize) {
                Some(slot) if *slot == 0 => *slot = folded as u32,
                Some(_) => {}
                None => {
                    table.astral.entry(original).or_insert(folded);
                }
            }
        }
    }
    table
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
