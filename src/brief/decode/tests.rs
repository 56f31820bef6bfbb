use std::borrow::Cow;

use encoding_rs::{BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};

use super::*;

const ZH_HANT: &str = "川習北京峰會後，美中兩國在貿易、科技與臺灣議題上的互動仍然充滿變數。\
    雙方同意恢復軍事溝通管道，但在半導體出口管制方面分歧依舊。";
const ZH_HANS: &str = "二〇二五年，全球数字贸易规则的谈判进入关键阶段。\
    各国围绕数据跨境流动、个人信息保护与数字服务税展开激烈博弈。";

fn text_of(bytes: &[u8]) -> Decoded {
    decode(bytes).unwrap()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn utf8_without_bom() {
    let d = text_of(ZH_HANT.as_bytes());
    assert_eq!(d.text, ZH_HANT);
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn utf8_with_bom_drops_the_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ZH_HANS.as_bytes());
    let d = text_of(&bytes);
    assert_eq!(d.text, ZH_HANS);
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn utf16_little_and_big_endian_with_bom() {
    let le = text_of(&utf16(ZH_HANT, true));
    assert_eq!(le.text, ZH_HANT);
    assert_eq!(le.encoding, UTF_16LE.name());
    let be = text_of(&utf16(ZH_HANS, false));
    assert_eq!(be.text, ZH_HANS);
    assert_eq!(be.encoding, UTF_16BE.name());
}

#[test]
fn big5_is_detected() {
    let (bytes, _, unmappable) = BIG5.encode(ZH_HANT);
    assert!(!unmappable);
    let d = text_of(&bytes);
    assert_eq!(d.text, ZH_HANT);
    assert_eq!(d.encoding, "Big5");
}

#[test]
fn gbk_and_gb18030_are_detected() {
    let (bytes, _, unmappable) = GBK.encode(ZH_HANS);
    assert!(!unmappable);
    let d = text_of(&bytes);
    assert_eq!(d.text, ZH_HANS);
    assert_eq!(d.encoding, "gb18030");
    // A character outside GBK needs GB18030's four-byte form.
    let wider = format!("{ZH_HANS}㐀€");
    let (bytes, _, _) = GB18030.encode(&wider);
    assert_eq!(text_of(&bytes).text, wider);
}

#[test]
fn valid_utf8_is_preferred_over_a_legacy_guess() {
    // Plain ASCII is valid in every candidate; it must be called UTF-8.
    assert_eq!(text_of(b"Export controls, 2025.").encoding, "UTF-8");
}

#[test]
fn binary_signatures_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(decode(png), Err(DecodeError::Binary("a PNG image")));
    assert!(matches!(
        decode(b"%PDF-1.7\n%\xe2\xe3"),
        Err(DecodeError::Binary(_))
    ));
    assert!(matches!(
        decode(b"PK\x03\x04\x14\0"),
        Err(DecodeError::Binary(_))
    ));
    assert!(matches!(
        decode(b"\x7fELF\x02\x01\x01"),
        Err(DecodeError::Binary(_))
    ));
}

#[test]
fn a_stray_nul_is_removed_not_a_reason_to_refuse() {
    let d = text_of(b"some text\0with a NUL");
    assert_eq!(d.text, "some textwith a NUL");
    assert_eq!(d.warning, None);
}

#[test]
fn many_nul_bytes_mean_binary() {
    // ASCII text in UTF-16 without a byte-order mark: every other byte is NUL.
    let utf16ish: Vec<u8> = "plain words".bytes().flat_map(|b| [b, 0]).collect();
    assert!(matches!(decode(&utf16ish), Err(DecodeError::Binary(_))));
    assert!(matches!(
        decode(b"\xfd\xfe\xff\0\x81\x82"),
        Err(DecodeError::Binary(_))
    ));
}

#[test]
fn mostly_control_characters_mean_binary() {
    let bytes: Vec<u8> = (0..400u32)
        .map(|i| [b'a', 1, 2, 3, 27][i as usize % 5])
        .collect();
    assert!(matches!(decode(&bytes), Err(DecodeError::Binary(_))));
}

#[test]
fn bytes_that_decode_as_nothing_sensible_are_undecodable() {
    // Lead bytes without valid trail bytes, in every candidate encoding.
    let bytes: Vec<u8> = (0..300u32)
        .map(|i| [0xFF, 0x81, b' '][i as usize % 3])
        .collect();
    assert_eq!(decode(&bytes), Err(DecodeError::Undecodable));
    let bad_utf16 = [0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xD8, 0x00, 0xD8];
    assert_eq!(decode(&bad_utf16), Err(DecodeError::Undecodable));
}

#[test]
fn utf8_cut_in_its_last_character_is_read_as_utf8() {
    let bytes = ZH_HANS.as_bytes();
    // "。" is three bytes; drop the last one.
    let cut = &bytes[..bytes.len() - 1];
    let d = text_of(cut);
    assert_eq!(d.encoding, "UTF-8");
    let kept = ZH_HANS.strip_suffix('。').unwrap_or(ZH_HANS);
    assert_eq!(d.text, format!("{kept}\u{FFFD}"));
    assert!(
        d.warning
            .is_some_and(|w| w.contains("1 invalid byte sequence,"))
    );
}

#[test]
fn utf8_with_a_few_bad_bytes_is_read_as_utf8() {
    let mut bytes = ZH_HANT.as_bytes().to_vec();
    // Between characters (each three bytes), the later place first.
    bytes.insert(30, 0x80);
    bytes.insert(12, 0xFF);
    let d = text_of(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
    assert!(d.text.starts_with("川習北京"));
    assert!(
        d.warning
            .is_some_and(|w| w.contains("2 invalid byte sequences"))
    );
}

#[test]
fn valid_text_decodes_without_a_warning() {
    assert_eq!(text_of(ZH_HANT.as_bytes()).warning, None);
    let (big5, _, _) = BIG5.encode(ZH_HANT);
    assert_eq!(text_of(&big5).warning, None);
}

#[test]
fn a_short_file_with_a_few_control_characters_loads_cleaned() {
    let d = text_of(b"ok\x01\x02\x07 go");
    assert_eq!(d.text, "ok go");
}

#[test]
fn ansi_colour_codes_are_removed_whole() {
    let d = text_of(b"\x1b[1;31mError\x1b[0m: \x1b[38;5;208mwarm\x1b[m done");
    assert_eq!(d.text, "Error: warm done");
}

#[test]
fn escape_strings_and_short_escapes_are_removed_whole() {
    // A window-title string ended by BEL and by ESC \, a charset switch, a reset.
    assert_eq!(
        clean("a\x1b]0;title\x07b\x1b]2;t\x1b\\c\x1b(Bd\x1bce"),
        "abcde"
    );
    // An unterminated string stops at the line end; a lone ESC at the end goes.
    assert_eq!(clean("x\x1b]0;runaway\nnext\x1b"), "x\nnext");
    assert_eq!(clean_fragment("r\x1b[31med\x1b]0;標題\x07!"), "red!");
}

#[test]
fn line_ends_become_lf() {
    assert_eq!(clean("a\r\nb\rc\n\rd"), "a\nb\nc\n\nd");
    assert_eq!(clean("\r\r\n"), "\n\n");
}

#[test]
fn tabs_expand_to_stops_of_four_display_columns() {
    assert_eq!(clean("\tx"), "    x");
    assert_eq!(clean("ab\tx"), "ab  x");
    assert_eq!(clean("abcd\tx"), "abcd    x");
    // 中 is two columns wide: after "中a" (3 columns) one space reaches 4.
    assert_eq!(clean("中a\tx"), "中a x");
    assert_eq!(clean("a\tb\tc"), "a   b   c");
    assert_eq!(clean("abc\n\tx"), "abc\n    x");
}

#[test]
fn form_feed_is_kept() {
    assert_eq!(clean("page one\x0cpage two"), "page one\x0cpage two");
}

#[test]
fn control_characters_are_removed() {
    let dirty = "a\x1b[31mred\x07\x08\0b\x7f\u{85}\u{9b}c\x01";
    assert_eq!(clean(dirty), "aredbc");
}

#[test]
fn bidi_overrides_are_removed() {
    assert_eq!(clean("abc\u{202E}fed\u{202C}\u{2067}x\u{2069}"), "abcfedx");
}

#[test]
fn kangxi_radicals_become_ideographs() {
    // ⼀ ⽂ ⼈ ⾦ ⿕ are Kangxi radicals, not the ideographs they look like.
    assert_eq!(
        clean("\u{2F00}\u{2F42}\u{2F08}\u{2FA6}\u{2FD5}"),
        "一文人金龠"
    );
}

#[test]
fn radicals_supplement_maps_where_unicode_names_an_equivalent() {
    assert_eq!(clean("\u{2EA0}\u{2EC5}\u{2EF3}"), "民见龟");
    // U+2E9A is unassigned and U+2E87 has no listed equivalent: both kept.
    assert_eq!(clean("\u{2E87}"), "\u{2E87}");
}

#[test]
fn the_radical_table_is_sorted_for_binary_search() {
    assert!(
        radicals::SUPPLEMENT_RADICALS
            .windows(2)
            .all(|w| w[0].0 < w[1].0)
    );
}

#[test]
fn fragments_lose_controls_and_layout_characters() {
    assert_eq!(clean_fragment("plain"), Cow::Borrowed("plain"));
    // "ESC b" is a whole escape sequence, so the "b" goes with the ESC.
    assert_eq!(clean_fragment("a\x1bb\tc\x0cd\u{2F00}"), "a c d一");
    assert_eq!(clean_fragment("line\nnext"), "line\nnext");
}

#[test]
fn cleaning_happens_after_decoding() {
    let d = text_of("標題\r\n\t內容\x1b[2J".as_bytes());
    assert_eq!(d.text, "標題\n    內容");
}

#[test]
fn compatibility_ideographs_become_the_unified_ones() {
    // U+F9F7 立, U+F91D 欄, U+FA10 塚 and U+2F800 丽 look like, but are not,
    // the ideographs 立 欄 塚 丽; fullwidth punctuation and emoji stay.
    assert_eq!(
        clean("\u{F9F7}法院\u{F91D}位，\u{FA10}\u{2F800}：😀"),
        "立法院欄位，塚丽：😀"
    );
}

#[test]
fn private_use_glyphs_become_bullets_at_a_line_start_and_vanish_elsewhere() {
    let text = text_of(
        "\u{f0b7}\tFirst item\n  \u{e000}Second item\nAn icon \u{f0e0} in a line\n\u{f0a7}\n"
            .as_bytes(),
    )
    .text;
    assert_eq!(
        text,
        "•   First item\n  • Second item\nAn icon  in a line\n•\n"
    );
}
