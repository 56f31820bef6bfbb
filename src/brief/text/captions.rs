//! Captions and source lines: 圖片來源/资料来源/Source:, "圖 1", "表二",
//! "Figure 3", and a source in parentheses closing a block.

use super::chars::{Scan, is_cjk_numeral, starts_with_any};

/// A caption is at most this many bytes (some 600 CJK characters).
const CAPTION_MAX_BYTES: usize = 1800;

#[rustfmt::skip]
const SOURCE_MARKERS: &[&str] = &[
    "圖片來源", "图片来源", "照片來源", "照片来源", "資料來源", "资料来源", "圖源", "图源", "來源：", "来源：", "來源:", "来源:",
    "攝影：", "摄影：", "source:", "sources:", "photo:", "photo credit", "photo source", "image:",
    "image source", "image credit", "credit:",
];
const FIGURE_MARKERS: &[&str] = &[
    "圖", "图", "表", "figures", "figure", "figs.", "fig.", "fig", "tables", "table", "chart",
    "exhibit",
];

/// True when `text` (a block) is an image caption or a source line.
pub(super) fn is_caption(text: &str) -> bool {
    if text.len() > CAPTION_MAX_BYTES {
        return false;
    }
    if starts_with_any(text, SOURCE_MARKERS) || figure_label(text) {
        return true;
    }
    // "… (圖片來源：<url>)": a source in parentheses closing the block.
    let trimmed = text.trim_end();
    let Some(inner) = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))
    else {
        return false;
    };
    let open = inner.rfind(['(', '（']);
    open.is_some_and(|i| {
        let after = inner[i..].trim_start_matches(['(', '（']).trim_start();
        starts_with_any(after, SOURCE_MARKERS)
    })
}

/// "圖 1：…", "表二 …", "Figure 3.", "Table 2:" — a label with a number.
fn figure_label(text: &str) -> bool {
    FIGURE_MARKERS.iter().any(|marker| {
        let mut s = Scan::new(text);
        s.eat_word(marker)
            && (s.skip_space().number(3).is_some() || {
                let mut numeral = false;
                while s.eat_if(is_cjk_numeral).is_some() {
                    numeral = true;
                }
                numeral
            })
            && (s.at_end()
                || s.rest().starts_with(|c: char| {
                    c.is_whitespace() || matches!(c, '：' | ':' | '、' | '.' | '．' | '-' | '—')
                }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_labels_in_the_plural_and_short_forms() {
        assert!(is_caption(
            "Figures 7 & 8: Example of polis groups from our youth cohort"
        ));
        assert!(is_caption(
            "Fig 10: Semantic Clusters (Consensus statements highlighted)"
        ));
        assert!(!is_caption("Figures show a rise in trade"));
    }

    #[test]
    fn captions_and_source_lines() {
        assert!(is_caption(
            "2026年5月13日至15日，美國總統川普時隔近九年再度訪問中國。(圖片來源：<https://www.flickr.com/x>)"
        ));
        assert!(is_caption("圖片來源：路透社"));
        assert!(is_caption("资料来源：作者整理"));
        assert!(is_caption("圖 1：美中貿易額"));
        assert!(is_caption("表二 關稅稅率"));
        assert!(is_caption("Source: IMF World Economic Outlook"));
        assert!(is_caption("Figure 3. Trade volumes"));
        assert!(!is_caption("圖書館藏書豐富。"));
        assert!(!is_caption("表示支持。"));
        assert!(!is_caption("美方（國務卿）表示支持。"));
    }
}
