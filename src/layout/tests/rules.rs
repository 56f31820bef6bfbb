//! One test per line-breaking rule.

use super::{only, show};
use crate::layout::wrap;

#[test]
fn a_wide_character_is_never_split_at_the_right_edge() {
    assert_eq!(
        show("一二三四五六七八九", 9),
        ["一二三四", "五六七八", "九"]
    );
    assert_eq!(show("abc中", 4), ["abc", "中"]);
    assert_eq!(show("abc中", 5), ["abc中"]);
    assert_eq!(show("一二", 1), ["一", "二"], "too wide for any line");
}

#[test]
fn combining_and_zero_width_characters_stay_with_their_base() {
    let accented = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}";
    assert_eq!(
        show(accented, 2),
        ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"]
    );
    let scientist = "ab👩\u{200D}🔬cd";
    assert_eq!(show(scientist, 3), ["ab", "👩\u{200D}🔬", "cd"]);
    assert_eq!(show(scientist, 4), ["ab👩\u{200D}🔬", "cd"]);
    assert_eq!(show("中\u{FE00}文", 2), ["中\u{FE00}", "文"]);
}

#[test]
fn no_line_starts_with_closing_punctuation() {
    for punctuation in "，。、；：？！」』）》〉】…‥·％,.;:?!)]}%".chars() {
        let text = format!("一二三四{punctuation}");
        assert_eq!(
            show(&text, 8),
            ["一二三".to_string(), format!("四{punctuation}")],
            "for {punctuation:?}"
        );
    }
}

#[test]
fn closing_punctuation_after_a_space_pulls_a_character_along() {
    assert_eq!(show("abcdef %", 7), ["abcde", "f %"]);
    assert_eq!(show("一二三 ％", 7), ["一二", "三 ％"]);
}

#[test]
fn no_line_ends_with_opening_punctuation() {
    for punctuation in "「『（《〈【([{".chars() {
        let text = format!("一二三{punctuation}四五");
        assert_eq!(
            show(&text, 8),
            ["一二三".to_string(), format!("{punctuation}四五")],
            "for {punctuation:?}"
        );
    }
    assert_eq!(show("ab(cd", 3), ["ab", "(cd"]);
}

#[test]
fn a_number_keeps_its_measure_word_where_the_line_allows() {
    assert_eq!(show("一二三 2025 年", 12), ["一二三", "2025 年"]);
    assert_eq!(show("一二三 2025 年", 14), ["一二三 2025 年"]);
    assert_eq!(show("一二三 2025 年", 6), ["一二三", "2025", "年"]);
    assert_eq!(show("一二三四2025年", 13), ["一二三四", "2025年"]);
    assert_eq!(show("共有 11 座", 6), ["共有", "11 座"]);
}

#[test]
fn latin_tokens_stay_together_where_the_line_allows() {
    assert_eq!(show("一二三 G2", 8), ["一二三", "G2"]);
    assert_eq!(show("abc COVID-19", 10), ["abc", "COVID-19"]);
    assert_eq!(show("abc 3.5%", 6), ["abc", "3.5%"]);
    assert_eq!(show("COVID-19", 6), ["COVID-", "19"]);
}

#[test]
fn latin_words_break_only_when_longer_than_the_line() {
    assert_eq!(show("abcde fgh", 5), ["abcde", "fgh"]);
    assert_eq!(show("a verylongword", 5), ["a", "veryl", "ongwo", "rd"]);
}

#[test]
fn lines_are_filled_first_fit() {
    assert_eq!(show("aa bb cc dd", 5), ["aa bb", "cc dd"]);
    assert_eq!(show("aa bb cc dd", 8), ["aa bb cc", "dd"]);
    assert_eq!(show("中文 and 中文", 8), ["中文 and", "中文"]);
}

#[test]
fn hard_breaks_end_lines() {
    assert_eq!(show("一\n\n二", 10), ["一", "", "二"]);
    assert_eq!(wrap("a\r\nb", 10), [0..1, 3..4]);
    assert_eq!(show("a\n", 10), ["a", ""]);
    assert_eq!(show("x\n  y", 10), ["x", "  y"], "indentation is kept");
    assert_eq!(show("ab  \ncd", 10), ["ab", "cd"]);
}

#[test]
fn whitespace_at_a_break_belongs_to_neither_line() {
    assert_eq!(wrap("abc   def", 4), [0..3, 6..9]);
    assert_eq!(wrap("中文\u{3000}中文", 4), [0..6, 9..15]);
    assert_eq!(wrap("abc   ", 10), only(0..3));
}

#[test]
fn degenerate_input() {
    assert_eq!(wrap("", 10), only(0..0));
    assert_eq!(wrap("", 0), only(0..0));
    assert_eq!(wrap("   ", 10), only(0..0));
    assert_eq!(wrap("abc def", 0), wrap("abc def", 1));
    assert_eq!(show("ab", 0), ["a", "b"]);
    assert_eq!(show("ab", usize::MAX), ["ab"]);
}

#[test]
fn a_contents_entry_breaks_before_its_leaders_not_inside_its_word() {
    let text = format!("Introduction {} 1", ".".repeat(120));
    let lines: Vec<&str> = crate::layout::wrap::wrap(&text, 80)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert!(lines[0].starts_with("Introduction ...."), "{lines:?}");
    assert!(lines[1..].iter().all(|l| l.starts_with('.')), "{lines:?}");
}
