//! Authors from evidence anywhere in a brief, for briefs whose head names
//! nobody: each kind of evidence below is one way documents state who
//! wrote them, and each is checked on its own. They are asked in order of
//! strength, and the first that names someone decides.
//!
//! - A credit label, anywhere: "Authors:", "Lead Authors:", "Translated
//!   by", "分析师：", "译者：", with the names after it or on the lines
//!   under it (think-tank briefs credit their authors at the end; sell-side
//!   notes in a cover sidebar; translations name the translator).
//! - A sign-off: "Sincerely," or "此致" over the signers' names (the cover
//!   letter of a submission).
//! - A name with its e-mail address on the cover (working papers and
//!   research notes print the author's address under the name).
//! - A speech's title: "Speech by Minister Ong Ye Kung", "习近平在…上的报告".
//!
//! Meta fields copy lines; nothing here removes a line from the text.

use super::Brief;
use super::text::{names, names_with_posts};
use unicode_width::UnicodeWidthStr;

/// Credit labels: the names follow on the line or under it.
#[rustfmt::skip]
const CREDIT_LABELS: &[&str] = &[
    "lead authors", "lead author", "authors", "author", "author(s)", "contributing authors",
    "written by", "prepared by", "compiled by", "compiled and updated by", "edited by",
    "translated by", "translation by", "introduction and translation by", "translator",
    "analysts", "analyst", "作者", "撰文", "撰稿", "撰稿人", "執筆", "执笔", "译者", "譯者", "翻譯",
    "翻译", "分析师", "分析師", "证券分析师", "證券分析師", "研究员", "研究員", "主講", "主讲",
    "講者", "讲者", "報告人", "报告人", "撰寫", "撰写", "编写", "編寫",
];
/// Closing words of a letter, over the signers.
#[rustfmt::skip]
const SIGN_OFFS: &[&str] = &[
    "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "yours truly",
    "kind regards", "best regards", "regards", "respectfully", "respectfully submitted",
    "此致", "敬上", "謹上", "谨上", "謹啟", "谨启",
];
/// Words that open a speech's title before the speaker's name.
const SPEECH_OPENERS: &[&str] = &[
    "speech by ",
    "remarks by ",
    "address by ",
    "keynote address by ",
    "keynote by ",
    "statement by ",
    "lecture by ",
];
/// Honorifics and offices set before a speaker's name.
const HONORIFICS: &[&str] = &[
    "mr",
    "ms",
    "mrs",
    "dr",
    "prof",
    "professor",
    "minister",
    "president",
    "senator",
    "secretary",
    "ambassador",
    "premier",
    "chairman",
    "chairwoman",
    "the",
    "hon",
    "honourable",
    "honorable",
    "deputy",
    "prime",
    "senior",
    "state",
    "for",
    "of",
];
/// The blocks that follow a label or a sign-off and may hold names.
const NAMES_AFTER: usize = 8;
/// A cover's name-and-address evidence sits among the first paragraphs.
const COVER_ITEMS: usize = 40;
/// A paragraph longer than this (in bytes) credits nobody: it is running
/// text.
const CREDIT_TEXT_MAX: usize = 400;
/// A credit before a title in quotes ("Yuan Peng, “…”") opens the brief.
const OPENING_ITEMS: usize = 6;

/// Fills in the authors of a brief whose loader found none, from the
/// evidence in its text: front matter, headings, paragraphs, back matter.
pub(crate) fn fill_authors(brief: &mut Brief) {
    // Credits, signatures and addresses are short lines: a long paragraph
    // is kept as a mark of running text only, so that a long brief is not
    // copied whole.
    let short = |p: &super::Paragraph| {
        let text = p.text();
        if text.len() > CREDIT_TEXT_MAX {
            String::from(".")
        } else {
            text
        }
    };
    let mut texts: Vec<String> = brief.front_matter.iter().map(short).collect();
    for section in &brief.sections {
        texts.extend(section.title.clone());
        texts.extend(section.paragraphs.iter().map(short));
    }
    texts.extend(brief.back_matter.iter().map(short));
    let mut heads: Vec<&str> = brief.meta.title.iter().map(String::as_str).collect();
    heads.extend(brief.meta.subtitle.as_deref());
    heads.extend(texts.iter().take(OPENING_ITEMS).map(String::as_str));
    let blocks: Vec<&str> = texts.iter().map(String::as_str).collect();
    let stated = authors(&blocks, &heads);
    let guessed = &mut brief.meta.authors;
    // The head's guess by a name's shape alone yields to a credit, a
    // signature or an address that names others: an address block
    // ("Committee Secretary") has the shape of names too.
    if guessed.is_empty() || !guessed.iter().any(|g| stated.contains(g)) {
        if !stated.is_empty() {
            *guessed = stated;
        }
    } else {
        for name in stated {
            if !guessed.contains(&name) {
                guessed.push(name);
            }
        }
    }
}

/// The authors the evidence names, strongest evidence first; empty when
/// nothing names anyone. `heads` are the title and the opening lines.
fn authors(blocks: &[&str], heads: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = heads.iter().filter_map(|t| quoted_work_by(t)).collect();
    found.extend(credited(blocks));
    let found = dedup(found);
    if !found.is_empty() {
        return found;
    }
    let found = signed(blocks);
    if !found.is_empty() {
        return found;
    }
    let found = addressed(blocks);
    if !found.is_empty() {
        return found;
    }
    heads
        .iter()
        .find_map(|t| speaker(t))
        .or_else(|| speaker_beside(heads))
        .into_iter()
        .collect()
}

/// The author a credit line names before the title of their work in
/// quotes: "Yuan Peng, “Fundamental Principles …”" (a translation's
/// original author).
fn quoted_work_by(text: &str) -> Option<String> {
    let (who, work) = text.split_once([',', '，'])?;
    let work = work.trim_start();
    (work.starts_with(['“', '"', '「', '《']) && names(who.trim()).is_some_and(|n| n.len() == 1))
        .then(|| who.trim().to_string())
}

/// The text after a credit label, if `text` opens with one ("Authors:
/// Jane Doe" gives "Jane Doe"; "AUTHORS" alone gives "").
fn after_label(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    CREDIT_LABELS.iter().find_map(|label| {
        let head = trimmed.get(..label.len())?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = &trimmed[label.len()..];
        if rest.is_empty() {
            return Some(rest);
        }
        let colon = rest.trim_start().strip_prefix([':', '：', '／', '/']);
        // "Translated by Jane Doe": a label ending in "by" needs no colon.
        let by = label.ends_with(" by") && rest.starts_with(' ');
        colon.or(by.then_some(rest)).map(str::trim)
    })
}

/// Credits that may stand inside a short line: "This version compiled and
/// updated by Marie Allansson and Mihai Croicu (2017)".
const CREDITS_BY: &[&str] = &[
    " compiled and updated by ",
    " compiled by ",
    " prepared by ",
    " written by ",
    " translated by ",
    " edited by ",
];
/// A line that credits within it is no longer than this.
const CREDIT_LINE_MAX: usize = 140;

/// The names after a credit inside a short line, less a year in brackets.
fn credit_within(text: &str) -> Option<&str> {
    if text.width() > CREDIT_LINE_MAX {
        return None;
    }
    let lower = text.to_lowercase();
    let at = CREDITS_BY
        .iter()
        .find_map(|c| lower.find(c).map(|at| at + c.len()))?;
    let rest = text.get(at..)?.trim();
    let rest = match rest.rfind(['(', '（']) {
        Some(open) if rest.ends_with([')', '）']) => rest[..open].trim(),
        _ => rest,
    };
    Some(rest.trim_end_matches(['.', '。']))
}

/// Names credited by a label: on its line, or one a line under it.
fn credited(blocks: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(rest) = after_label(block) else {
            if let Some(rest) = credit_within(block) {
                found.extend(names_on(rest).unwrap_or_default());
            }
            continue;
        };
        if !rest.is_empty() {
            found.extend(names_on(rest).unwrap_or_default());
            continue;
        }
        found.extend(names_under(&blocks[i + 1..]));
    }
    dedup(found)
}

/// Names signed under a letter's closing words.
fn signed(blocks: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let closing = block
            .trim()
            .trim_end_matches([',', '，', '、'])
            .to_lowercase();
        if SIGN_OFFS.contains(&closing.as_str()) {
            found.extend(names_under(&blocks[i + 1..]));
        } else if let Some(rest) = after_sign_off(block) {
            // Closing words and names read as one block ("Sincerely, Lizzie
            // O’Shea Samantha Floreani"): the names go on under it.
            found.extend(signers_in(rest));
            found.extend(names_under(&blocks[i + 1..]));
        }
    }
    dedup(found)
}

/// The text after closing words that open a block: "Sincerely, Jane Doe".
fn after_sign_off(text: &str) -> Option<&str> {
    let (closing, rest) = text.split_once([',', '，'])?;
    SIGN_OFFS
        .contains(&closing.trim().to_lowercase().as_str())
        .then(|| rest.trim())
        .filter(|r| !r.is_empty())
}

/// Signers' names run together on one line: "Lizzie O’Shea Samantha
/// Floreani" is two names of two words, as signatures set them.
fn signers_in(text: &str) -> Vec<String> {
    if let Some(named) = names_on(text) {
        let words: Vec<&str> = text.split_whitespace().collect();
        if named.len() == 1 && words.len() == 4 {
            let (a, b) = (words[..2].join(" "), words[2..].join(" "));
            if names(&a).is_some() && names(&b).is_some() {
                return vec![a, b];
            }
        }
        return named;
    }
    Vec::new()
}

/// The names one a block under a label or a sign-off, skipping the posts
/// and organisations printed under each name; they stop at running text.
fn names_under(blocks: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for block in blocks.iter().take(NAMES_AFTER) {
        if let Some(named) = names_on(block) {
            found.extend(named);
        } else if block.width() > 90 || block.trim_end().ends_with(['.', '。']) {
            break;
        } else if found.is_empty() {
            // A post or an organisation before any name: not a signature.
            break;
        }
    }
    found
}

/// The names on a line of names, with or without their posts
/// ("Jane Doe, Senior Fellow", "魏建榕（分析师）", "Sirui Han, Yike Guo").
fn names_on(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    names(text)
        .or_else(|| names_with_posts(text))
        .or_else(|| name_and_affiliation(text))
}

/// "Jane Doe (University of Somewhere)": a name with its affiliation in
/// brackets.
fn name_and_affiliation(text: &str) -> Option<Vec<String>> {
    let open = text.find(['(', '（'])?;
    if !text.ends_with([')', '）']) {
        return None;
    }
    names(text[..open].trim())
}

/// A name on a cover with its e-mail address: on its line, or on the
/// line under it ("Jonathan Huntley" / "Congressional Budget Office" /
/// "Jon.Huntley@cbo.gov", "郑兆磊" / "zhengzhaolei@…").
fn addressed(blocks: &[&str]) -> Vec<String> {
    let cover = &blocks[..blocks.len().min(COVER_ITEMS)];
    let mut found = Vec::new();
    for (i, block) in cover.iter().enumerate() {
        let text = block.trim();
        let Some(at) = text.find('@') else {
            continue;
        };
        let before = text[..at].rsplit_once(char::is_whitespace).map(|(b, _)| b);
        match before {
            // The address closes a block that opens with the name.
            Some(before) => found.extend(leading_name(before, &text[..at])),
            // The address stands alone under the name.
            None => {
                let above = i.checked_sub(1).and_then(|j| cover.get(j));
                found.extend(above.and_then(|b| leading_name(b, &text[..at])));
            }
        }
    }
    dedup(found)
}

/// The name a line opens with, followed by the organisation: the longest
/// run of its first words that is a name ("Jonathan Huntley Congressional
/// Budget Office" gives "Jonathan Huntley").
fn leading_name(text: &str, address: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(first) = words.first()
        && names(first).is_some_and(|n| n.len() == 1)
    {
        return Some(first.to_string());
    }
    let candidates: Vec<String> = (2..=3.min(words.len()))
        .map(|n| words[..n].join(" "))
        .filter(|candidate| names(candidate).is_some_and(|n| n.len() == 1))
        .collect();
    // The address spells the surname ("Jon.Huntley@"): the name ends there.
    let local = address
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or(address)
        .to_lowercase();
    let spelt = candidates.iter().find(|c| {
        c.rsplit(' ')
            .next()
            .is_some_and(|last| local.contains(&last.to_lowercase()))
    });
    spelt.or(candidates.first()).cloned()
}

/// Words in a title that say the text was spoken: its speaker is named in
/// the title or on a line of their own beside it.
const SPOKEN: &[&str] = &[
    "上的讲话",
    "上的講話",
    "上的报告",
    "上的報告",
    "上的致辞",
    "上的致詞",
    "上的演讲",
    "上的演講",
];

/// The speaker a speech's title names: "Speech by Mr Ong Ye Kung, Minister
/// for Transport", "Remarks by President Biden on …",
/// "习近平在中国共产党第十九次全国代表大会上的报告".
fn speaker(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if let Some(at) = SPEECH_OPENERS
        .iter()
        .find_map(|o| lower.find(o).map(|at| at + o.len()))
    {
        let rest = text.get(at..)?;
        let rest = rest.split([',', '，', ':', '：', '(', '（']).next()?.trim();
        let words: Vec<&str> = rest.split_whitespace().collect();
        let titled = words
            .iter()
            .take_while(|w| HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
            .count();
        // The name runs to the first word that is not capitalised ("Biden
        // on America's Place").
        let name: Vec<&str> = words[titled..]
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .copied()
            .collect();
        let name = name.join(" ");
        let named = names(&name).is_some_and(|n| n.len() == 1);
        // "President Biden": an office before a single name vouches for it.
        let surname = titled > 0 && !name.is_empty() && !name.contains(' ');
        return (named || surname).then_some(name);
    }
    let (who, rest) = text.split_once('在')?;
    (SPOKEN.iter().any(|s| rest.contains(s)) && han_name_by_place(who)).then(|| who.to_string())
}

/// A name by its place in a speech's head, where no surname list is
/// needed: two to four Han characters standing alone.
fn han_name_by_place(text: &str) -> bool {
    let count = text.chars().count();
    (2..=4).contains(&count) && text.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The speaker of a speech whose title says it was spoken and whose
/// speaker stands alone on a line beside it ("——在…大会上的报告" /
/// "（2017年10月18日）" / "习近平").
fn speaker_beside(heads: &[&str]) -> Option<String> {
    if !heads.iter().any(|h| SPOKEN.iter().any(|s| h.contains(s))) {
        return None;
    }
    heads.iter().find_map(|h| {
        let h = h.trim();
        if han_name_by_place(h) {
            return Some(h.to_string());
        }
        let named = names(h)?;
        (named.len() == 1).then(|| named[0].clone())
    })
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|n| seen.insert(n.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks<'a>(texts: &[&'a str]) -> Vec<&'a str> {
        texts.to_vec()
    }

    fn authors_of(texts: &[&str]) -> Vec<String> {
        authors(texts, &texts[..texts.len().min(2)])
    }

    #[test]
    fn a_credit_label_names_the_authors_on_its_line_or_under_it() {
        let end = blocks(&[
            "The committee should act now.",
            "Lead Authors:",
            "Sirui Han, Yike Guo, Hongying Huang",
            "Professor Sirui Han is an Assistant Professor at a university, and more.",
        ]);
        assert_eq!(
            authors_of(&end),
            ["Sirui Han", "Yike Guo", "Hongying Huang"]
        );
        let sidebar = blocks(&["证券研究报告", "分析师：唐军", "投资要点"]);
        assert_eq!(authors_of(&sidebar), ["唐军"]);
        let translated = blocks(&["An essay.", "Introduction and Translation by David Ownby"]);
        assert_eq!(authors_of(&translated), ["David Ownby"]);
        let under = blocks(&[
            "AUTHORS",
            "Jane Doe",
            "John Roe",
            "Running text follows here, as it does.",
        ]);
        assert_eq!(authors_of(&under), ["Jane Doe", "John Roe"]);
        let within = blocks(&[
            "Codebook",
            "This version compiled and updated by Marie Allansson and Mihai Croicu (2017)",
        ]);
        assert_eq!(authors_of(&within), ["Marie Allansson", "Mihai Croicu"]);
    }

    #[test]
    fn a_letter_s_signers_are_named_under_its_closing_words() {
        let letter = blocks(&[
            "We would welcome the opportunity to appear before the Committee.",
            "Sincerely,",
            "Lizzie O’Shea",
            "Chair, Digital Rights Watch",
            "Samantha Floreani",
            "Program Lead",
        ]);
        assert_eq!(authors_of(&letter), ["Lizzie O’Shea", "Samantha Floreani"]);
        let run_together = blocks(&[
            "We welcome the opportunity to discuss it.",
            "Sincerely, Lizzie O’Shea Samantha Floreani",
            "Travis Jordan",
            "Chair",
        ]);
        assert_eq!(
            authors_of(&run_together),
            ["Lizzie O’Shea", "Samantha Floreani", "Travis Jordan"]
        );
    }

    #[test]
    fn a_name_over_its_address_on_the_cover_is_the_author() {
        let cover = blocks(&[
            "Working Paper 2014-02",
            "The Long-Run Effects of Federal Budget Deficits",
            "Jonathan Huntley Congressional Budget Office Jon.Huntley@cbo.gov",
        ]);
        assert_eq!(authors_of(&cover), ["Jonathan Huntley"]);
        let apart = blocks(&["高频漫谈", "郑兆磊", "zhengzhaolei@example.com.cn"]);
        assert_eq!(authors_of(&apart), ["郑兆磊"]);
    }

    #[test]
    fn a_speech_names_its_speaker() {
        assert_eq!(
            speaker(
                "Joint segment on Sustainability – Speech by Mr Ong Ye Kung, Minister for Transport"
            ),
            Some("Ong Ye Kung".to_string())
        );
        assert_eq!(
            speaker("习近平在中国共产党第十九次全国代表大会上的报告"),
            Some("习近平".to_string())
        );
        assert_eq!(speaker("A speech about policy"), None);
        assert_eq!(
            speaker("Remarks by President Biden on America’s Place in the World"),
            Some("Biden".to_string())
        );
        assert_eq!(
            speaker_beside(&[
                "决胜全面建成小康社会",
                "——在中国共产党第十九次全国代表大会上的报告",
                "（2017年10月18日）",
                "习近平"
            ]),
            Some("习近平".to_string())
        );
        assert_eq!(speaker_beside(&["一份报告", "习近平"]), None);
    }

    #[test]
    fn text_that_names_nobody_gives_no_authors() {
        let plain = blocks(&[
            "Policy Brief",
            "The Authors of Change",
            "Prepared for the committee, with thanks to all who read it.",
            "Sincerely yours is how letters end.",
        ]);
        assert!(authors_of(&plain).is_empty());
    }
}
