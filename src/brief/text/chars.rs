//! Character classes, display widths, the line-joining rule and a tiny
//! char-based scanner shared by the plain-text rules. Everything works on
//! `char`s, never on byte offsets, so no rule can cut a character in half.

use unicode_width::UnicodeWidthChar;

/// True for characters of CJK scripts and full-width forms: text made of them
/// is written without spaces between words.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF      // Hangul Jamo
        | 0x2E80..=0x2FDF    // CJK radicals, Kangxi radicals
        | 0x3000..=0x303F    // CJK symbols and punctuation
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x3200..=0x33FF    // enclosed CJK, CJK compatibility
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFFEF    // half-width and full-width forms
        | 0x20000..=0x3FFFF) // CJK extensions B and later
}

/// True for a Han ideograph (the characters of a Chinese personal name).
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Punctuation after which a sentence, and so possibly a paragraph, is over.
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '．'
            | '.'
            | '！'
            | '!'
            | '？'
            | '?'
            | '；'
            | ';'
            | '：'
            | ':'
            | '…'
            | '⋯'
            | '」'
            | '』'
            | '）'
            | ')'
            | '"'
            | '”'
            | '’'
            | '》'
            | '】'
            | '〕'
    )
}

/// True when the text's last visible character ends a sentence.
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(is_sentence_end)
}

/// Punctuation a heading does not end with (a question mark it may).
pub(super) fn ends_like_prose(text: &str) -> bool {
    text.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '．'
                | '.'
                | '！'
                | '!'
                | '；'
                | ';'
                | '，'
                | ','
                | '、'
                | '：'
                | ':'
                | '…'
                | '⋯'
        )
    })
}

/// True when `line` continues the text before it: it starts with a
/// lowercase letter or with punctuation no sentence starts with. A web
/// address is lowercase but stands on its own.
pub(super) fn continues_text(line: &str) -> bool {
    line.starts_with(is_continuation_start)
        && !starts_with_any(line, &["www.", "http://", "https://"])
}

/// Characters that cannot begin a sentence, heading or paragraph.
fn is_continuation_start(c: char) -> bool {
    c.is_lowercase()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '」'
                | '』'
                | '）'
                | '》'
                | ','
                | ';'
        )
}

/// The display width of `text`, or `None` as soon as it exceeds `cap`; the
/// early exit keeps width checks cheap on very long lines.
pub(super) fn width_within(text: &str, cap: usize) -> Option<usize> {
    // A short ASCII line is measured a byte at a time, which vectorises.
    if text.len() <= cap.saturating_mul(4) && text.is_ascii() {
        let width = text.bytes().filter(|b| (b' '..=b'~').contains(b)).count();
        return (width <= cap).then_some(width);
    }
    let mut width = 0;
    for c in text.chars() {
        // The common cases first, without the width tables.
        width += match c {
            ' '..='~' => 1,
            '\0'..='\u{7f}' => 0,
            '\u{4e00}'..='\u{9fff}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303e}'
            | '\u{ff01}'..='\u{ff60}' => 2,
            _ => c.width().unwrap_or(0),
        };
        if width > cap {
            return None;
        }
    }
    Some(width)
}

/// The display width of `text`, counted up to `cap` (longer text gives `cap`).
pub(super) fn width_capped(text: &str, cap: usize) -> usize {
    width_within(text, cap).unwrap_or(cap)
}

/// Appends the next line of a paragraph to `out`: CJK text joins without a
/// space, Latin words with one, and a word hyphenated at the line end is
/// made whole again.
pub(super) fn push_joined(out: &mut String, next: &str) {
    let (Some(last), Some(first)) = (out.chars().next_back(), next.chars().next()) else {
        out.push_str(next);
        return;
    };
    if last == '\u{00AD}' {
        // A soft hyphen only ever marks a break inside a word.
        out.pop();
    } else if last == '-' {
        let before = out[..out.len() - 1].chars().next_back();
        if before.is_some_and(|b| b.is_alphabetic() && !is_cjk(b))
            && first.is_lowercase()
            && !ends_in_address(out)
        {
            out.pop();
        }
    } else if needs_space(last, first) {
        out.push(' ');
    }
    out.push_str(next);
}

/// True when the last word of `text` is a web address: a hyphen ending it
/// is part of the address ("…/countering-" / "the-digital-silk-road").
fn ends_in_address(text: &str) -> bool {
    let start = text
        .rfind(|c: char| c.is_whitespace() || matches!(c, '｜' | '|' | '：' | '（' | '('))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[start..];
    word.contains("://") || word.starts_with("www.")
}

fn needs_space(last: char, first: char) -> bool {
    !is_cjk(last)
        && !is_cjk(first)
        && !matches!(last, '(' | '[' | '“' | '‘' | '/' | '‐' | '–' | '—')
        && !matches!(first, ')' | ']' | ',' | '.' | ';' | ':' | '”' | '’')
}

/// A cursor over a line's characters for the small grammars of dates, page
/// numbers and heading numbers.
#[derive(Clone, Copy)]
pub(super) struct Scan<'a> {
    rest: &'a str,
}

impl<'a> Scan<'a> {
    /// A scanner at the start of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Scan { rest: text }
    }

    /// What is left to scan.
    pub(super) fn rest(&self) -> &'a str {
        self.rest
    }

    /// True when nothing but whitespace is left.
    pub(super) fn at_end(&self) -> bool {
        self.rest.trim().is_empty()
    }

    /// Skips whitespace, including the ideographic space.
    pub(super) fn skip_space(&mut self) -> &mut Self {
        self.rest = self.rest.trim_start();
        self
    }

    /// Consumes one character matching `pred`, returning it.
    pub(super) fn eat_if(&mut self, pred: impl Fn(char) -> bool) -> Option<char> {
        let c = self.rest.chars().next().filter(|&c| pred(c))?;
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }

    /// Consumes `c` if it comes next.
    pub(super) fn eat(&mut self, c: char) -> bool {
        self.eat_if(|x| x == c).is_some()
    }

    /// Consumes `word` if it comes next, ignoring ASCII case.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let n = word.len();
        match self.rest.get(..n) {
            Some(head) if head.eq_ignore_ascii_case(word) => {
                self.rest = &self.rest[n..];
                true
            }
            _ => false,
        }
    }

    /// Consumes up to `max` decimal digits (ASCII or full-width) and returns
    /// their value; `None` when no digit comes next.
    pub(super) fn number(&mut self, max: usize) -> Option<u32> {
        let mut value: u32 = 0;
        let mut count = 0;
        while count < max {
            match self
                .eat_if(|c| digit_value(c).is_some())
                .and_then(digit_value)
            {
                Some(d) => value = value.saturating_mul(10).saturating_add(d),
                None => break,
            }
            count += 1;
        }
        (count > 0).then_some(value)
    }

    /// True when a digit comes next.
    pub(super) fn at_digit(&self) -> bool {
        self.rest.chars().next().and_then(digit_value).is_some()
    }
}

/// The value of an ASCII or full-width decimal digit.
pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// True for the characters Chinese writes numbers with (一 … 十, 百, 〇, 零, 兩).
pub(super) fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '〇'
            | '零'
            | '兩'
            | '两'
    )
}

/// True when `text` starts with one of `prefixes`, ignoring ASCII case.
pub(super) fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| Scan::new(text).eat_word(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(lines: &[&str]) -> String {
        let mut out = String::new();
        for l in lines {
            push_joined(&mut out, l);
        }
        out
    }

    #[test]
    fn cjk_lines_join_without_a_space() {
        assert_eq!(joined(&["兩國元首", "作為掌舵人"]), "兩國元首作為掌舵人");
        assert_eq!(joined(&["两国元首", "作为掌舵人"]), "两国元首作为掌舵人");
    }

    #[test]
    fn latin_lines_join_with_one_space() {
        assert_eq!(joined(&["the summit", "ended"]), "the summit ended");
        assert_eq!(joined(&["leaders,", "and"]), "leaders, and");
    }

    #[test]
    fn a_space_only_between_two_latin_or_digit_characters() {
        assert_eq!(
            joined(&["期間舉行的 APEC", "第 32 次"]),
            "期間舉行的 APEC第 32 次"
        );
        assert_eq!(joined(&["支持主辦 2026", "年 G20"]), "支持主辦 2026年 G20");
        assert_eq!(joined(&["G2", "the idea"]), "G2 the idea");
    }

    #[test]
    fn a_hyphenated_word_is_rejoined_only_at_a_line_end() {
        assert_eq!(joined(&["inter-", "national order"]), "international order");
        assert_eq!(joined(&["U.S.-", "China"]), "U.S.-China");
        assert_eq!(joined(&["2020-", "2025"]), "2020-2025");
        assert_eq!(joined(&["a well-known", "fact"]), "a well-known fact");
    }

    #[test]
    fn a_hyphen_ending_a_web_address_stays() {
        assert_eq!(
            joined(&[
                "巴西｜https://www.cnas.org/reports/countering-",
                "the-digital-silk-road"
            ]),
            "巴西｜https://www.cnas.org/reports/countering-the-digital-silk-road"
        );
        assert_eq!(
            joined(&["see www.example.org/inter-", "national"]),
            "see www.example.org/inter-national"
        );
    }

    #[test]
    fn widths_count_cjk_as_two_and_stop_at_the_cap() {
        assert_eq!(width_within("中文ab", 10), Some(6));
        assert_eq!(width_within("中文ab", 5), None);
        assert_eq!(width_capped("中文中文", 3), 3);
    }

    #[test]
    fn the_fast_paths_agree_with_the_width_tables() {
        use unicode_width::UnicodeWidthStr;
        // Decoded text holds no control characters, so the tables' width
        // is the whole truth for it.
        for text in [
            "plain ascii line",
            "中文，全形標點。",
            "ｆｕｌｌ　ｗｉｄｔｈ",
            "mixed 中文 and ASCII",
            "한국어 ﹏ ㄅ 〇〪〮〰",
        ] {
            assert_eq!(width_within(text, 1000), Some(text.width()), "{text}");
        }
    }

    #[test]
    fn sentence_ends_cover_cjk_and_latin_punctuation() {
        assert!(ends_sentence("結束。"));
        assert!(ends_sentence("他說：「好。」"));
        assert!(ends_sentence("Done."));
        assert!(!ends_sentence("兩國元首"));
        assert!(!ends_sentence("the leaders of"));
    }

    #[test]
    fn the_scanner_reads_full_width_digits() {
        let mut s = Scan::new("２０26年");
        assert_eq!(s.number(4), Some(2026));
        assert!(s.eat('年'));
        assert!(s.at_end());
    }
}
