//! Search by word across regions: the Taiwan, Hong Kong and mainland words
//! for one thing (資訊 / 信息, 軟體 / 软件, 資料 / 数据), taken from the
//! vocabulary tables `gloss convert --phrases` uses.

use opencc_fmmseg::OpenccConfig;

use super::backend::builtin_engine;
use super::fold::fold_str;

/// The tables that give the mainland word for a regional one.
const TO_MAINLAND: [OpenccConfig; 2] = [OpenccConfig::Tw2sp, OpenccConfig::Hk2sp];
/// The tables that give the regional words for a mainland one.
const TO_REGIONS: [OpenccConfig; 2] = [OpenccConfig::S2twp, OpenccConfig::S2hkp];

/// `query` folded (see [`fold_str`]), then the other regions' words for it,
/// folded too and without repeats: what a search across regions looks for.
/// The first is always the query itself; an empty query gives nothing.
pub fn regional_needles(query: &str) -> Vec<String> {
    let folded = fold_str(query);
    if folded.is_empty() {
        return Vec::new();
    }
    let mut needles = vec![folded];
    // Plain ASCII has no regional words, and most queries are short: the
    // tables only run for text with Chinese in it.
    if query.is_ascii() {
        return needles;
    }
    let Ok(engine) = builtin_engine() else {
        return needles;
    };
    let mut mainland = vec![query.to_string()];
    for config in TO_MAINLAND {
        mainland.push(engine.convert_with_config(query, config, false));
    }
    let mut words = mainland.clone();
    for word in &mainland {
        for config in TO_REGIONS {
            words.push(engine.convert_with_config(word, config, false));
        }
    }
    for word in words {
        let folded = fold_str(&word);
        if !folded.is_empty() && !needles.contains(&folded) {
            needles.push(folded);
        }
    }
    needles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, word: &str) -> bool {
        let target = fold_str(word);
        regional_needles(query).contains(&target)
    }

    #[test]
    fn a_regional_word_brings_the_other_regions_word() {
        assert!(finds("資訊", "信息"));
        assert!(finds("軟體", "软件"));
        assert!(finds("資料", "数据"));
        assert!(finds("信息", "資訊"));
        assert!(finds("软件", "軟體"));
    }

    #[test]
    fn the_query_comes_first_and_nothing_repeats() {
        let needles = regional_needles("資訊");
        assert_eq!(needles[0], fold_str("資訊"));
        let mut unique = needles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), needles.len());
        assert_eq!(regional_needles("G2"), vec![fold_str("G2")]);
        assert!(regional_needles("").is_empty());
    }
}
