//! The end of a brief: the editor's note and the publisher's footer
//! (organisation name, its blurb, address, Tel/Fax, URL).

use super::blocks::Block;
use super::chars::{Scan, ends_sentence, starts_with_any, width_within};
use super::meta::is_org_name;

#[rustfmt::skip]
const EDITOR_NOTE_PREFIXES: &[&str] = &[
    "編按", "编按", "編者按", "编者按", "【編按】", "【编按】", "[編按]", "[编按]", "（編按", "（编按", "(編按", "(编按",
    "editor's note", "editor’s note", "editors' note", "editors’ note", "note from the editor",
    "免責聲明", "免责声明", "disclaimer:",
];
/// Labels of contact lines; an English label must stand as a whole word.
#[rustfmt::skip]
const CONTACT_LABELS: &[&str] = &[
    "tel", "fax", "phone", "電話", "电话", "傳真", "传真", "地址", "address", "e-mail", "email", "電子郵件",
    "电子邮件", "電郵", "电邮", "網址", "网址", "網站", "网站", "website", "web:", "url", "copyright", "版權",
    "版权", "add:",
];
/// Starts of web addresses and copyright lines.
const CONTACT_MARKS: &[&str] = &["http://", "https://", "<http", "www.", "©"];
#[rustfmt::skip]
const ADDRESS_WORDS: &[&str] = &[
    "路", "街", "巷", "弄", "號", "号", "樓", "楼", "段", "室", "road", "rd.", "street", "st.", "avenue",
    "ave", "floor", "suite", "boulevard", "blvd", "p.o. box",
];
/// The organisation's name stands at most this many blocks above its contacts.
const BLURB_MAX_BLOCKS: usize = 3;

/// True for an editor's note (編按/编按/Editor's note) or a disclaimer.
pub(super) fn is_editor_note(text: &str) -> bool {
    starts_with_any(text, EDITOR_NOTE_PREFIXES)
}

/// True for a line of contact details: Tel, Fax, a URL, an e-mail address,
/// a street address, a copyright line.
fn is_contact(text: &str) -> bool {
    if width_within(text, 120).is_none() {
        return false;
    }
    let email = text.contains('@') && !text.trim().contains(char::is_whitespace);
    let labelled = CONTACT_LABELS.iter().any(|p| {
        let mut s = Scan::new(text);
        // "Tel" labels a number; "Television" is a word.
        s.eat_word(p)
            && (!p.ends_with(|c: char| c.is_ascii_alphabetic())
                || !s.rest().starts_with(|c: char| c.is_alphabetic()))
    });
    labelled || starts_with_any(text, CONTACT_MARKS) || email || is_address(text)
}

fn is_address(text: &str) -> bool {
    let lower = text.to_lowercase();
    width_within(text, 80).is_some()
        && text.chars().any(|c| c.is_ascii_digit())
        && !ends_sentence(text)
        && ADDRESS_WORDS.iter().any(|w| lower.contains(w))
}

/// Where the publisher's footer starts among `blocks` (no earlier than
/// `floor`), and the publisher's name when the footer gives it.
pub(super) fn footer_start(blocks: &[Block], floor: usize) -> (usize, Option<String>) {
    let mut start = blocks.len();
    while start > floor && is_contact(&blocks[start - 1].text) {
        start -= 1;
    }
    let lowest = start.saturating_sub(BLURB_MAX_BLOCKS).max(floor);
    let mut j = start;
    while j > lowest {
        j -= 1;
        let text = &blocks[j].text;
        if is_editor_note(text) {
            break;
        }
        if is_org_name(text) && (start < blocks.len() || j + 1 == blocks.len()) {
            return (j, Some(text.clone()));
        }
    }
    (start, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                lines: 1,
                marker: None,
                pages: (0, 0),
                widest: 0,
            })
            .collect()
    }

    #[test]
    fn editor_notes_in_three_scripts() {
        assert!(is_editor_note("編按：本文僅代表作者個人觀點。"));
        assert!(is_editor_note("编按：本文仅代表作者个人观点。"));
        assert!(is_editor_note(
            "Editor's note: the views are the author's own."
        ));
        assert!(!is_editor_note("編輯部認為"));
    }

    #[test]
    fn the_seed_footer_is_found_with_its_publisher() {
        let blocks = blocks_of(&[
            "川普形容習是溫和、實事求是的人。",
            "編按：本文僅代表作者個人觀點，不代表遠景基金會之政策與立場。",
            "財團法人兩岸交流遠景基金會",
            "本基金會為研究國際政經情勢之民間學術智庫。",
            "臺北市汀州路三段 60 巷 1 號",
            "Tel: 886-2-23654366",
            "Fax: 886-2-23679193",
            "<http://www.pf.org.tw>",
        ]);
        assert_eq!(
            footer_start(&blocks, 0),
            (2, Some("財團法人兩岸交流遠景基金會".to_string()))
        );
    }

    #[test]
    fn simplified_and_english_footers() {
        let blocks = blocks_of(&[
            "正文。",
            "某某研究中心",
            "地址：北京市海淀区某路 1 号",
            "电话：010-12345678",
        ]);
        assert_eq!(
            footer_start(&blocks, 0),
            (1, Some("某某研究中心".to_string()))
        );
        let blocks = blocks_of(&[
            "The end.",
            "Prospect Foundation",
            "Tel: +886 2 2365 4366",
            "www.pf.org.tw",
        ]);
        assert_eq!(
            footer_start(&blocks, 0),
            (1, Some("Prospect Foundation".to_string()))
        );
    }

    #[test]
    fn a_contact_run_without_a_name_is_still_a_footer() {
        let blocks = blocks_of(&[
            "The end.",
            "© 2026 Prospect Foundation",
            "https://example.org",
        ]);
        assert_eq!(footer_start(&blocks, 0), (1, None));
    }

    #[test]
    fn a_word_that_starts_like_a_label_is_no_contact() {
        assert!(!is_contact("Television coverage was wide."));
        assert!(is_contact("TEL：02-2365-4366"));
        assert!(is_contact("info@pf.org.tw"));
    }

    #[test]
    fn no_footer_leaves_the_body_alone() {
        let blocks = blocks_of(&["第一段。", "第二段。"]);
        assert_eq!(footer_start(&blocks, 0), (2, None));
        assert_eq!(footer_start(&blocks, 2), (2, None));
    }
}
