//! Plain-string tests of `wrap`: whole paragraphs at widths 10, 23, 40 and
//! 80, one test per rule, and properties that hold for any input.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::classes::{forbidden_at_line_end, forbidden_at_line_start};
use super::wrap;

/// A wrap result of a single line.
fn only(line: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    vec![line]
}

fn show(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

/// A paragraph of the seed brief (Traditional Chinese with numbers).
const CJK: &str = "習近平去年與川普釜山會晤後，隨即前往慶州出席 APEC 第 32 次領導人非正式會議，期間也與加拿大、泰國、日本等國總理進行雙邊會晤，並對韓國進行國是訪問，11 月 1 日晚返回北京。此後，至今（6 月初）已有半年時間，習近平未再有出訪行程，是習近平自 2012 年底掌政以來之首次現象。實際上，2023 年習近平前往四國訪問、2024 年前往十國訪問、2025 年也前往六國訪問。習結束訪韓國後，西方主要國家領袖、南方國家、國際組織代表陸續抵北京訪問，北京有萬邦來朝的繁景，包括川普、普丁都在 5 月陸續前往北京。";

/// Chinese with an English gloss, from the seed brief.
const MIXED: &str = "川普啟程前往北京前，國務卿盧比歐（Marco Rubio）提及此行目標之一，是為尋求兩大強國國家關係穩定。白宮的新聞資料則指出，川習同意美中應建立一以公平及互惠為基礎的建設性戰略穩定關係（a constructive relationship of strategic stability on the basis of fairness and reciprocity）。";

const LATIN: &str = "Washington and Beijing agreed to pursue a constructive relationship of strategic stability (on the basis of fairness and reciprocity), while the COVID-19 era tariffs of 3.5% stay in place; observers call it a de facto G2 arrangement.";

#[test]
fn chinese_paragraph_at_width_10() {
    assert_eq!(
        show(CJK, 10)[..16],
        [
            "習近平去年",
            "與川普釜山",
            "會晤後，隨",
            "即前往慶州",
            "出席 APEC",
            "第 32 次領",
            "導人非正式",
            "會議，期間",
            "也與加拿",
            "大、泰國、",
            "日本等國總",
            "理進行雙邊",
            "會晤，並對",
            "韓國進行國",
            "是訪問，",
            "11 月 1 日",
        ]
    );
}

#[test]
fn chinese_paragraph_at_width_23() {
    assert_eq!(
        show(CJK, 23),
        [
            "習近平去年與川普釜山會",
            "晤後，隨即前往慶州出席",
            "APEC 第 32 次領導人非正",
            "式會議，期間也與加拿",
            "大、泰國、日本等國總理",
            "進行雙邊會晤，並對韓國",
            "進行國是訪問，11 月",
            "1 日晚返回北京。此後，",
            "至今（6 月初）已有半年",
            "時間，習近平未再有出訪",
            "行程，是習近平自",
            "2012 年底掌政以來之首次",
            "現象。實際上，2023 年習",
            "近平前往四國訪問、",
            "2024 年前往十國訪問、",
            "2025 年也前往六國訪問。",
            "習結束訪韓國後，西方主",
            "要國家領袖、南方國家、",
            "國際組織代表陸續抵北京",
            "訪問，北京有萬邦來朝的",
            "繁景，包括川普、普丁都",
            "在 5 月陸續前往北京。",
        ]
    );
}

#[test]
fn chinese_paragraph_at_width_40() {
    assert_eq!(
        show(CJK, 40),
        [
            "習近平去年與川普釜山會晤後，隨即前往慶州",
            "出席 APEC 第 32 次領導人非正式會議，期間",
            "也與加拿大、泰國、日本等國總理進行雙邊會",
            "晤，並對韓國進行國是訪問，11 月 1 日晚返",
            "回北京。此後，至今（6 月初）已有半年時",
            "間，習近平未再有出訪行程，是習近平自",
            "2012 年底掌政以來之首次現象。實際上，",
            "2023 年習近平前往四國訪問、2024 年前往十",
            "國訪問、2025 年也前往六國訪問。習結束訪",
            "韓國後，西方主要國家領袖、南方國家、國際",
            "組織代表陸續抵北京訪問，北京有萬邦來朝的",
            "繁景，包括川普、普丁都在 5 月陸續前往北",
            "京。",
        ]
    );
}

#[test]
fn chinese_paragraph_at_width_80() {
    assert_eq!(
        show(CJK, 80),
        [
            "習近平去年與川普釜山會晤後，隨即前往慶州出席 APEC 第 32 次領導人非正式會議，期間",
            "也與加拿大、泰國、日本等國總理進行雙邊會晤，並對韓國進行國是訪問，11 月 1 日晚返",
            "回北京。此後，至今（6 月初）已有半年時間，習近平未再有出訪行程，是習近平自",
            "2012 年底掌政以來之首次現象。實際上，2023 年習近平前往四國訪問、2024 年前往十國",
            "訪問、2025 年也前往六國訪問。習結束訪韓國後，西方主要國家領袖、南方國家、國際組",
            "織代表陸續抵北京訪問，北京有萬邦來朝的繁景，包括川普、普丁都在 5 月陸續前往北",
            "京。",
        ]
    );
}

#[test]
fn mixed_paragraph_at_width_10() {
    assert_eq!(
        show(MIXED, 10)[..5],
        [
            "川普啟程前",
            "往北京前，",
            "國務卿盧比",
            "歐（Marco",
            "Rubio）提"
        ]
    );
    assert_eq!(
        show(MIXED, 10)[16..],
        [
            "設性戰略穩",
            "定關係（a",
            "constructi",
            "ve",
            "relationsh",
            "ip of",
            "strategic",
            "stability",
            "on the",
            "basis of",
            "fairness",
            "and",
            "reciprocit",
            "y）。",
        ]
    );
}

#[test]
fn mixed_paragraph_at_width_23() {
    assert_eq!(
        show(MIXED, 23),
        [
            "川普啟程前往北京前，國",
            "務卿盧比歐（Marco",
            "Rubio）提及此行目標之",
            "一，是為尋求兩大強國國",
            "家關係穩定。白宮的新聞",
            "資料則指出，川習同意美",
            "中應建立一以公平及互惠",
            "為基礎的建設性戰略穩定",
            "關係（a constructive",
            "relationship of",
            "strategic stability on",
            "the basis of fairness",
            "and reciprocity）。",
        ]
    );
}

#[test]
fn mixed_paragraph_at_width_40() {
    assert_eq!(
        show(MIXED, 40),
        [
            "川普啟程前往北京前，國務卿盧比歐（Marco",
            "Rubio）提及此行目標之一，是為尋求兩大強",
            "國國家關係穩定。白宮的新聞資料則指出，川",
            "習同意美中應建立一以公平及互惠為基礎的建",
            "設性戰略穩定關係（a constructive",
            "relationship of strategic stability on",
            "the basis of fairness and",
            "reciprocity）。",
        ]
    );
}

#[test]
fn mixed_paragraph_at_width_80() {
    assert_eq!(
        show(MIXED, 80),
        [
            "川普啟程前往北京前，國務卿盧比歐（Marco Rubio）提及此行目標之一，是為尋求兩大強",
            "國國家關係穩定。白宮的新聞資料則指出，川習同意美中應建立一以公平及互惠為基礎的建",
            "設性戰略穩定關係（a constructive relationship of strategic stability on the",
            "basis of fairness and reciprocity）。",
        ]
    );
}

#[test]
fn latin_paragraph_at_width_10() {
    assert_eq!(
        show(LATIN, 10)[14..],
        [
            "and",
            "reciprocit",
            "y), while",
            "the",
            "COVID-19",
            "era",
            "tariffs of",
            "3.5% stay",
            "in place;",
            "observers",
            "call it a",
            "de facto",
            "G2",
            "arrangemen",
            "t.",
        ]
    );
}

#[test]
fn latin_paragraph_at_width_23() {
    assert_eq!(
        show(LATIN, 23),
        [
            "Washington and Beijing",
            "agreed to pursue a",
            "constructive",
            "relationship of",
            "strategic stability (on",
            "the basis of fairness",
            "and reciprocity), while",
            "the COVID-19 era",
            "tariffs of 3.5% stay in",
            "place; observers call",
            "it a de facto G2",
            "arrangement.",
        ]
    );
}

#[test]
fn latin_paragraph_at_width_40() {
    assert_eq!(
        show(LATIN, 40),
        [
            "Washington and Beijing agreed to pursue",
            "a constructive relationship of strategic",
            "stability (on the basis of fairness and",
            "reciprocity), while the COVID-19 era",
            "tariffs of 3.5% stay in place; observers",
            "call it a de facto G2 arrangement.",
        ]
    );
}

#[test]
fn latin_paragraph_at_width_80() {
    assert_eq!(
        show(LATIN, 80),
        [
            "Washington and Beijing agreed to pursue a constructive relationship of strategic",
            "stability (on the basis of fairness and reciprocity), while the COVID-19 era",
            "tariffs of 3.5% stay in place; observers call it a de facto G2 arrangement.",
        ]
    );
}

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

/// Checks what holds for every input: lines in order, on character
/// boundaries, only whitespace left out, and no line wider than `width`
/// unless it holds a single cluster that is wider.
fn assert_well_formed(text: &str, width: usize) {
    let lines = wrap(text, width);
    assert!(!lines.is_empty());
    let mut covered = 0;
    for line in &lines {
        assert!(covered <= line.start && line.start <= line.end && line.end <= text.len());
        assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
        let gap = &text[covered..line.start];
        assert!(gap.chars().all(char::is_whitespace), "dropped {gap:?}");
        let shown = &text[line.clone()];
        assert!(!shown.ends_with([' ', '\t', '\n']), "untrimmed {shown:?}");
        let shown_width = shown.width();
        if shown_width > width.max(1) {
            let wide = shown.graphemes(true).filter(|g| g.width() > 0).count();
            assert_eq!(wide, 1, "{shown:?} is wider than {width}");
        }
        covered = line.end;
    }
    let rest = &text[covered..];
    assert!(rest.chars().all(char::is_whitespace), "dropped {rest:?}");
    assert!(lines.len() > text.matches('\n').count());
}

/// Text of ideographs where punctuation never comes twice in a row, so that
/// kinsoku can always be kept at widths of four columns and more.
fn chinese_clauses() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        prop::sample::select(vec!["中", "國", "美", "關", "係"]).prop_map(str::to_string),
        prop::sample::select(vec!["「", "（", "《"]).prop_map(|p| format!("{p}中")),
        prop::sample::select(vec!["，", "。", "」", "）", "％", "…"])
            .prop_map(|p| format!("美{p}")),
    ];
    prop::collection::vec(unit, 0..60).prop_map(|units| units.concat())
}

proptest! {
    #[test]
    fn any_text_at_any_width_is_well_formed(text in any::<String>(), width in 0usize..30) {
        assert_well_formed(&text, width);
    }

    #[test]
    fn mixed_script_text_is_well_formed(
        text in "[a-z0-9 ,.%()\\-\n中國年座，。、「」（）…\u{301}\u{3000}]{0,80}",
        width in 0usize..30,
    ) {
        assert_well_formed(&text, width);
    }

    #[test]
    fn kinsoku_holds_when_it_can(text in chinese_clauses(), width in 4usize..30) {
        let lines = show(&text, width);
        for pair in lines.windows(2) {
            let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
            prop_assert!(!end.is_some_and(forbidden_at_line_end), "{lines:?}");
            prop_assert!(!start.is_some_and(forbidden_at_line_start), "{lines:?}");
        }
        for line in &lines {
            prop_assert!(line.width() <= width);
        }
    }

    #[test]
    fn words_fill_each_line_first_fit(
        words in prop::collection::vec("[a-z]{1,8}", 1..30),
        width in 8usize..40,
    ) {
        let text = words.join(" ");
        let lines = show(&text, width);
        let expected_words: Vec<&str> = text.split(' ').collect();
        let got_words: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
        prop_assert_eq!(got_words, expected_words);
        for pair in lines.windows(2) {
            let next_word = pair[1].split(' ').next().unwrap_or_default();
            prop_assert!(pair[0].width() + 1 + next_word.width() > width, "{lines:?}");
        }
    }
}

#[test]
fn a_four_megabyte_line_wraps() {
    let text = CJK.repeat(4 * 1024 * 1024 / CJK.len() + 1);
    let lines = wrap(&text, 80);
    assert!(lines.len() > 4 * 1024 * 1024 / 3 / 40);
    assert_eq!(lines.last().map(|line| line.end), Some(text.len()));
}

proptest! {
    #[test]
    fn cluster_width_agrees_with_the_string_rules(text in any::<String>()) {
        for cluster in text.graphemes(true) {
            prop_assert_eq!(super::wrap::cluster_width(cluster), cluster.width(), "{:?}", cluster);
        }
    }
}
