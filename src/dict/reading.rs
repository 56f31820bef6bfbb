//! CC-CEDICT's numbered pinyin (`jian4 she4`, `lu:e4`) as tone-marked
//! Hanyu Pinyin and as Zhuyin (注音).

/// Tone-marked pinyin for a numbered reading, syllable by syllable.
pub fn pinyin_marks(numbered: &str) -> String {
    numbered
        .split(' ')
        .map(marked_syllable)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Zhuyin for a numbered reading; a syllable with no Zhuyin (a Latin
/// letter, punctuation) is kept as written.
pub fn zhuyin(numbered: &str) -> String {
    numbered
        .split(' ')
        .map(|s| zhuyin_syllable(s).unwrap_or_else(|| s.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The syllable without its tone digit, `u:`/`v` written `ü`, and the tone
/// (0 when the syllable has no digit).
fn split_tone(syllable: &str) -> (String, u8) {
    let (body, tone) = match syllable.chars().last() {
        Some(d @ '1'..='5') => (&syllable[..syllable.len() - 1], d as u8 - b'0'),
        _ => (syllable, 0),
    };
    let body = body.replace("u:", "ü").replace("U:", "Ü");
    (body, tone)
}

fn marked_syllable(syllable: &str) -> String {
    let (body, tone) = split_tone(syllable);
    if !(1..=4).contains(&tone) {
        return body;
    }
    let lower = body.to_lowercase();
    let at = if let Some(i) = lower.find('a') {
        Some(i)
    } else if let Some(i) = lower.find('e') {
        Some(i)
    } else if let Some(i) = lower.find("ou") {
        Some(i)
    } else {
        lower.rfind(['i', 'o', 'u', 'ü'])
    };
    let Some(at) = at else {
        // m2, ng4, hm: no vowel, the mark goes on the first letter.
        let mut chars = body.chars();
        let first = chars.next().map(String::from).unwrap_or_default();
        return format!(
            "{first}{}{}",
            COMBINING[usize::from(tone - 1)],
            chars.as_str()
        );
    };
    let mut out = String::with_capacity(body.len() + 2);
    for (i, c) in body.char_indices() {
        if i == at {
            out.push(marked_vowel(c, tone));
        } else {
            out.push(c);
        }
    }
    out
}

/// Macron, acute, caron and grave, for syllables without a vowel.
const COMBINING: [char; 4] = ['\u{304}', '\u{301}', '\u{30C}', '\u{300}'];

fn marked_vowel(c: char, tone: u8) -> char {
    let row: [char; 4] = match c {
        'a' => ['ā', 'á', 'ǎ', 'à'],
        'e' => ['ē', 'é', 'ě', 'è'],
        'i' => ['ī', 'í', 'ǐ', 'ì'],
        'o' => ['ō', 'ó', 'ǒ', 'ò'],
        'u' => ['ū', 'ú', 'ǔ', 'ù'],
        'ü' => ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
        'A' => ['Ā', 'Á', 'Ǎ', 'À'],
        'E' => ['Ē', 'É', 'Ě', 'È'],
        'I' => ['Ī', 'Í', 'Ǐ', 'Ì'],
        'O' => ['Ō', 'Ó', 'Ǒ', 'Ò'],
        'U' => ['Ū', 'Ú', 'Ǔ', 'Ù'],
        'Ü' => ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ'],
        _ => return c,
    };
    row[usize::from(tone - 1)]
}

const INITIALS: [(&str, &str); 21] = [
    ("zh", "ㄓ"),
    ("ch", "ㄔ"),
    ("sh", "ㄕ"),
    ("b", "ㄅ"),
    ("p", "ㄆ"),
    ("m", "ㄇ"),
    ("f", "ㄈ"),
    ("d", "ㄉ"),
    ("t", "ㄊ"),
    ("n", "ㄋ"),
    ("l", "ㄌ"),
    ("g", "ㄍ"),
    ("k", "ㄎ"),
    ("h", "ㄏ"),
    ("j", "ㄐ"),
    ("q", "ㄑ"),
    ("x", "ㄒ"),
    ("r", "ㄖ"),
    ("z", "ㄗ"),
    ("c", "ㄘ"),
    ("s", "ㄙ"),
];

/// Finals after an initial, and the y-/w- syllables standing alone.
const FINALS: [(&str, &str); 61] = [
    ("a", "ㄚ"),
    ("o", "ㄛ"),
    ("e", "ㄜ"),
    ("ê", "ㄝ"),
    ("ai", "ㄞ"),
    ("ei", "ㄟ"),
    ("ao", "ㄠ"),
    ("ou", "ㄡ"),
    ("an", "ㄢ"),
    ("en", "ㄣ"),
    ("ang", "ㄤ"),
    ("eng", "ㄥ"),
    ("er", "ㄦ"),
    ("r", "ㄦ"),
    ("i", "ㄧ"),
    ("ia", "ㄧㄚ"),
    ("io", "ㄧㄛ"),
    ("ie", "ㄧㄝ"),
    ("iao", "ㄧㄠ"),
    ("iu", "ㄧㄡ"),
    ("ian", "ㄧㄢ"),
    ("in", "ㄧㄣ"),
    ("iang", "ㄧㄤ"),
    ("ing", "ㄧㄥ"),
    ("iong", "ㄩㄥ"),
    ("u", "ㄨ"),
    ("ua", "ㄨㄚ"),
    ("uo", "ㄨㄛ"),
    ("uai", "ㄨㄞ"),
    ("ui", "ㄨㄟ"),
    ("uan", "ㄨㄢ"),
    ("un", "ㄨㄣ"),
    ("uang", "ㄨㄤ"),
    ("ong", "ㄨㄥ"),
    ("ü", "ㄩ"),
    ("üe", "ㄩㄝ"),
    ("üan", "ㄩㄢ"),
    ("ün", "ㄩㄣ"),
    ("yi", "ㄧ"),
    ("ya", "ㄧㄚ"),
    ("yo", "ㄧㄛ"),
    ("ye", "ㄧㄝ"),
    ("yai", "ㄧㄞ"),
    ("yao", "ㄧㄠ"),
    ("you", "ㄧㄡ"),
    ("yan", "ㄧㄢ"),
    ("yin", "ㄧㄣ"),
    ("yang", "ㄧㄤ"),
    ("ying", "ㄧㄥ"),
    ("yong", "ㄩㄥ"),
    ("wu", "ㄨ"),
    ("wa", "ㄨㄚ"),
    ("wo", "ㄨㄛ"),
    ("wai", "ㄨㄞ"),
    ("wei", "ㄨㄟ"),
    ("wan", "ㄨㄢ"),
    ("wen", "ㄨㄣ"),
    ("wang", "ㄨㄤ"),
    ("weng", "ㄨㄥ"),
    ("yu", "ㄩ"),
    ("yue", "ㄩㄝ"),
];

/// Finals only the y- spelling reaches (yuan, yun) and the ü after n/l.
const MORE_FINALS: [(&str, &str); 3] = [("yuan", "ㄩㄢ"), ("yun", "ㄩㄣ"), ("üe", "ㄩㄝ")];

fn final_zhuyin(f: &str) -> Option<&'static str> {
    FINALS
        .iter()
        .chain(MORE_FINALS.iter())
        .find(|(p, _)| *p == f)
        .map(|(_, z)| *z)
}

fn zhuyin_syllable(syllable: &str) -> Option<String> {
    let (body, tone) = split_tone(syllable);
    if tone == 0 {
        return None;
    }
    let body = body.to_lowercase().replace('v', "ü");
    let (initial, rest) = match INITIALS.iter().find(|(p, _)| body.starts_with(p)) {
        // Erhua `r5` is the final ㄦ, not the initial ㄖ.
        Some(_) if body == "r" => ("", body.as_str()),
        Some((p, z)) => (*z, &body[p.len()..]),
        None => ("", body.as_str()),
    };
    let rest = if matches!(initial, "ㄐ" | "ㄑ" | "ㄒ") && rest.starts_with('u') {
        format!("ü{}", &rest[1..])
    } else {
        rest.to_string()
    };
    // zhi, chi, shi, ri, zi, ci, si: the initial alone.
    let sibilant = matches!(initial, "ㄓ" | "ㄔ" | "ㄕ" | "ㄖ" | "ㄗ" | "ㄘ" | "ㄙ");
    let fin = if sibilant && rest == "i" {
        ""
    } else if initial.is_empty() && body == "ng" {
        return None;
    } else {
        final_zhuyin(&rest)?
    };
    if initial.is_empty() && fin.is_empty() {
        return None;
    }
    Some(match tone {
        2 => format!("{initial}{fin}ˊ"),
        3 => format!("{initial}{fin}ˇ"),
        4 => format!("{initial}{fin}ˋ"),
        5 => format!("˙{initial}{fin}"),
        _ => format!("{initial}{fin}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_marks_follow_the_placement_rule() {
        assert_eq!(pinyin_marks("jian4 she4 xing4"), "jiàn shè xìng");
        assert_eq!(pinyin_marks("zhan4 lu:e4"), "zhàn lüè");
        assert_eq!(pinyin_marks("Bei3 jing1"), "Běi jīng");
        assert_eq!(pinyin_marks("guo2 jia1"), "guó jiā");
        assert_eq!(pinyin_marks("dou1 shui3 liu2"), "dōu shuǐ liú");
        assert_eq!(pinyin_marks("de5"), "de");
        assert_eq!(pinyin_marks("A A zhi4"), "A A zhì");
    }

    #[test]
    fn zhuyin_spells_initials_finals_and_tones() {
        assert_eq!(zhuyin("jian4 she4 xing4"), "ㄐㄧㄢˋ ㄕㄜˋ ㄒㄧㄥˋ");
        assert_eq!(zhuyin("zhan4 lu:e4"), "ㄓㄢˋ ㄌㄩㄝˋ");
        assert_eq!(zhuyin("wen3 ding4"), "ㄨㄣˇ ㄉㄧㄥˋ");
        assert_eq!(zhuyin("guan1 xi5"), "ㄍㄨㄢ ˙ㄒㄧ");
        assert_eq!(zhuyin("shi4 qu1"), "ㄕˋ ㄑㄩ");
        assert_eq!(zhuyin("yuan2 xue2"), "ㄩㄢˊ ㄒㄩㄝˊ");
        assert_eq!(zhuyin("A A zhi4"), "A A ㄓˋ");
    }
}
