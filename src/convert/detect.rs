//! Telling Simplified from Traditional text.

use opencc_fmmseg::OpenccConfig;

use super::backend::builtin_engine;
use super::config::Script;

/// How much of a text is looked at; a brief's first pages are plenty.
const SAMPLE_BYTES: usize = 64 * 1024;

/// The script `text` is written in: Traditional when converting it to
/// Simplified would change more characters than converting it to
/// Traditional, Simplified otherwise (text without Chinese counts as
/// Simplified, which makes every conversion of it a no-op anyway).
pub fn detect_script(text: &str) -> Script {
    let sample = head(text, SAMPLE_BYTES);
    let Ok(engine) = builtin_engine() else {
        return Script::Simplified;
    };
    let to_simplified = engine.convert_with_config(sample, OpenccConfig::T2s, false);
    let to_traditional = engine.convert_with_config(sample, OpenccConfig::S2t, false);
    let traditional_evidence = changed_chars(sample, &to_simplified);
    let simplified_evidence = changed_chars(sample, &to_traditional);
    if traditional_evidence > simplified_evidence {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// The longest prefix of `text` no longer than `max` bytes, cut at a char.
fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn changed_chars(before: &str, after: &str) -> usize {
    before
        .chars()
        .zip(after.chars())
        .filter(|(a, b)| a != b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_simplified_briefs_are_told_apart() {
        assert_eq!(
            detect_script("川習北京峰會後的美中外交動向，習近平與川普在台灣議題上"),
            Script::Traditional
        );
        assert_eq!(
            detect_script("川习北京峰会后的美中外交动向，习近平与川普在台湾议题上"),
            Script::Simplified
        );
        assert_eq!(detect_script("No Chinese here."), Script::Simplified);
    }

    #[test]
    fn the_sample_is_cut_at_a_char_boundary() {
        let text = "臺".repeat(SAMPLE_BYTES);
        let sample = head(&text, SAMPLE_BYTES + 1);
        assert!(sample.len() <= SAMPLE_BYTES + 1);
        assert_eq!(sample.len() % 3, 0);
    }
}
