//! Splitting a text that mixes scripts into runs of one script each, so a
//! Simplified paragraph quoted in a Traditional brief (or the reverse) is
//! converted by the configuration meant for it.

use std::ops::Range;

use opencc_fmmseg::OpenccConfig;

use super::backend::builtin_engine;
use super::config::Script;

/// Evidence a sentence needs to be taken out of the text's main script.
/// One character is not enough: 台, 着, 里 and 干 are Simplified to OpenCC
/// but ordinary in Taiwan's writing too, and one of them alone must not
/// turn a Traditional sentence into a Simplified one.
const MIN_SWITCH_EVIDENCE: usize = 2;

/// One stretch of text and the script it is written in: `Simplified` or
/// `Traditional`, nothing finer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRun {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The script of the stretch.
    pub script: Script,
}

/// `text` cut into runs by script, covering it exactly and in order.
/// Sentences (ended by 。！？；, `!`, `?`, `;` or a line end) are the unit:
/// one whose characters say the other script more loudly than `main`, by
/// at least [`MIN_SWITCH_EVIDENCE`] characters, starts a run in that
/// script; one without evidence either way stays with the run before it.
pub fn script_runs(text: &str, main: Script) -> Vec<ScriptRun> {
    let main = plain(main);
    let mut runs: Vec<ScriptRun> = Vec::new();
    let engine = match builtin_engine() {
        Ok(engine) if !text.is_ascii() => engine,
        _ => return whole(text, main),
    };
    let mut current = main;
    for sentence in sentences(text) {
        let part = &text[sentence.clone()];
        if !part.is_ascii() {
            let to_simplified = engine.convert_with_config(part, OpenccConfig::T2s, false);
            let to_traditional = engine.convert_with_config(part, OpenccConfig::S2t, false);
            let traditional = changed_chars(part, &to_simplified);
            let simplified = changed_chars(part, &to_traditional);
            current = judge(main, simplified, traditional).unwrap_or(current);
        }
        match runs.last_mut() {
            Some(last) if last.script == current => last.range.end = sentence.end,
            _ => runs.push(ScriptRun {
                range: sentence,
                script: current,
            }),
        }
    }
    if runs.is_empty() {
        return whole(text, main);
    }
    runs
}

/// The script a sentence is in, given how many of its characters only
/// Simplified and only Traditional writing would use; `None` when it
/// shows neither.
fn judge(main: Script, simplified: usize, traditional: usize) -> Option<Script> {
    let (own, other, other_script) = match main {
        Script::Simplified => (simplified, traditional, Script::Traditional),
        _ => (traditional, simplified, Script::Simplified),
    };
    if other >= MIN_SWITCH_EVIDENCE && other > own {
        Some(other_script)
    } else if own > 0 {
        Some(main)
    } else {
        None
    }
}

/// Simplified stays Simplified; every Traditional form (and Japanese, which
/// the `t2*` tables read well enough) counts as Traditional.
fn plain(script: Script) -> Script {
    if script == Script::Simplified {
        Script::Simplified
    } else {
        Script::Traditional
    }
}

fn whole(text: &str, script: Script) -> Vec<ScriptRun> {
    vec![ScriptRun {
        range: 0..text.len(),
        script,
    }]
}

/// Byte ranges of the sentences of `text`, each with its terminator.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if matches!(c, '\n' | '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            let end = at + c.len_utf8();
            out.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// How many characters differ; conversions by `t2s` and `s2t` keep the
/// number of characters, and where a phrase would not, the count is still
/// a fair measure of evidence.
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

    fn scripts(text: &str, main: Script) -> Vec<(&str, Script)> {
        script_runs(text, main)
            .into_iter()
            .map(|r| (&text[r.range], r.script))
            .collect()
    }

    #[test]
    fn lines_in_the_other_script_make_their_own_runs() {
        let text = "臺灣的軟體發展。\n我们在这里着手准备。\n";
        assert_eq!(
            scripts(text, Script::Traditional),
            vec![
                ("臺灣的軟體發展。\n", Script::Traditional),
                ("我们在这里着手准备。\n", Script::Simplified),
            ]
        );
    }

    #[test]
    fn one_ambiguous_character_does_not_switch_the_script() {
        // 台 is Simplified to OpenCC, and ordinary in Taiwan.
        let text = "總統府在台北。";
        assert_eq!(
            scripts(text, Script::Taiwan),
            vec![(text, Script::Traditional)]
        );
    }

    #[test]
    fn sentences_without_evidence_stay_with_the_run_before() {
        let text = "我们在这里着手准备。G2 2026。";
        assert_eq!(
            scripts(text, Script::Traditional),
            vec![("我们在这里着手准备。G2 2026。", Script::Simplified)]
        );
    }

    #[test]
    fn runs_cover_the_text_exactly() {
        for text in ["", "abc", "一。二", "臺灣。\n台湾的软件！x", "末尾没有句号"]
        {
            let runs = script_runs(text, Script::Simplified);
            let joined: String = runs.iter().map(|r| &text[r.range.clone()]).collect();
            assert_eq!(joined, text);
        }
    }
}
