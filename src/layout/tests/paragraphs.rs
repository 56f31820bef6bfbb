//! Paragraphs of Chinese, Latin and mixed text at widths 10, 23, 40 and 80.

use super::show;

/// A paragraph of the seed brief (Traditional Chinese with numbers).
pub(super) const CJK: &str = "習近平去年與川普釜山會晤後，隨即前往慶州出席 APEC 第 32 次領導人非正式會議，期間也與加拿大、泰國、日本等國總理進行雙邊會晤，並對韓國進行國是訪問，11 月 1 日晚返回北京。此後，至今（6 月初）已有半年時間，習近平未再有出訪行程，是習近平自 2012 年底掌政以來之首次現象。實際上，2023 年習近平前往四國訪問、2024 年前往十國訪問、2025 年也前往六國訪問。習結束訪韓國後，西方主要國家領袖、南方國家、國際組織代表陸續抵北京訪問，北京有萬邦來朝的繁景，包括川普、普丁都在 5 月陸續前往北京。";

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
