//! Character classes that the line breaker adds on top of UAX #14: the
//! kinsoku (line-start and line-end) rules, the numbers that hold on to a
//! following measure word, and which whitespace a break swallows.

/// True if a line must not start with `c`: closing brackets and quotes,
/// sentence and clause punctuation, ellipses, the middle dot and percent
/// signs, both full-width and half-width.
pub fn forbidden_at_line_start(c: char) -> bool {
    matches!(
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
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '＞'
            | '”'
            | '’'
            | '〞'
            | '…'
            | '‥'
            | '·'
            | '‧'
            | '・'
            | '％'
            | '．'
            | '｡'
            | '､'
            | '﹐'
            | '﹑'
            | '﹒'
            | '﹔'
            | '﹕'
            | '﹖'
            | '﹗'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// True if a line must not end with `c`: opening brackets and quotes, both
/// full-width and half-width.
pub fn forbidden_at_line_end(c: char) -> bool {
    matches!(
        c,
        '「' | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '＜'
            | '“'
            | '‘'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

/// True for the digits that start a quantity which a following measure word
/// ("2025 年", "11 座") should stay with.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// True for Han ideographs, the characters that serve as measure words.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// True for characters after which a line must end (UAX #14 classes BK, CR,
/// LF and NL).
pub fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// True for whitespace that a line break swallows: spaces that may stand
/// at a break, not the no-break spaces (which bind their neighbours) and
/// not the hard breaks (which end a line themselves).
pub fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !is_hard_break(c) && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// True if the grapheme cluster `g` is made only of breaking spaces.
pub fn is_space_cluster(g: &str) -> bool {
    g.chars().all(is_breaking_space)
}

/// True if the grapheme cluster `g` contains a hard break.
pub fn has_hard_break(g: &str) -> bool {
    g.chars().any(is_hard_break)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_and_opening_punctuation_are_told_apart() {
        for c in "，。、；：？！」』）》〉】…‥·％,.;:?!)]}%".chars() {
            assert!(forbidden_at_line_start(c), "{c:?} may start a line");
            assert!(!forbidden_at_line_end(c), "{c:?} may not end a line");
        }
        for c in "「『（《〈【([{".chars() {
            assert!(forbidden_at_line_end(c), "{c:?} may end a line");
            assert!(!forbidden_at_line_start(c), "{c:?} may not start a line");
        }
        for c in "中a1 -".chars() {
            assert!(!forbidden_at_line_start(c) && !forbidden_at_line_end(c));
        }
    }

    #[test]
    fn spaces_that_break_exclude_no_break_spaces_and_newlines() {
        assert!(is_breaking_space(' '));
        assert!(is_breaking_space('\t'));
        assert!(is_breaking_space('\u{3000}'));
        assert!(!is_breaking_space('\u{A0}'));
        assert!(!is_breaking_space('\n'));
        assert!(is_hard_break('\n'));
        assert!(has_hard_break("\r\n"));
        assert!(is_space_cluster("\u{3000}"));
        assert!(!is_space_cluster("a"));
    }

    #[test]
    fn digits_and_han_are_recognised() {
        assert!(is_digit('7') && is_digit('７'));
        assert!(!is_digit('a'));
        assert!(is_han('年') && is_han('座') && is_han('\u{20000}'));
        assert!(!is_han('，') && !is_han('a') && !is_han('か'));
    }
}
