//! Headings: numbering families (壹、 一、 （一） 1. （1） 第一章 Chapter 1 I. …),
//! their ranks, and the shape of a line that can stand as a heading.

use super::chars::{Scan, continues_text, ends_like_prose, is_cjk_numeral, width_within};

/// Headings are short: no wider than this many columns.
pub(super) const HEADING_MAX_WIDTH: usize = 72;
/// A numbered heading on one line may be a little wider: its number
/// vouches for it.
const NUMBERED_MAX_WIDTH: usize = 80;
/// A question heading with a comma in it is shorter still; longer ones are prose.
const QUESTION_WITH_COMMA_MAX_WIDTH: usize = 40;

/// Rank of each numbering family; a smaller rank is a higher level.
pub(super) mod rank {
    pub(in super::super) const CHAPTER: u8 = 0;
    pub(in super::super) const FORMAL: u8 = 10;
    pub(in super::super) const SECTION: u8 = 20;
    /// A statute's articles: under its chapters and sections, over the
    /// numbered items inside an article.
    pub(in super::super) const ARTICLE: u8 = 25;
    pub(in super::super) const CJK: u8 = 30;
    pub(in super::super) const PAREN_CJK: u8 = 40;
    pub(in super::super) const UPPER_LETTER: u8 = 45;
    pub(in super::super) const ARABIC: u8 = 50;
    pub(in super::super) const PAREN_ARABIC: u8 = 60;
    pub(in super::super) const LETTER: u8 = 65;
    pub(in super::super) const LOWER_ROMAN: u8 = 70;
}

/// A heading number found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbering<'a> {
    /// The family's rank: 壹 < 一 < （一） < 1. < （1）.
    pub rank: u8,
    /// The text after the number.
    pub body: &'a str,
}

/// The heading number at the start of `text`, if it has one followed by text.
pub(super) fn numbering(text: &str) -> Option<Numbering<'_>> {
    // Every family starts with one of these; most lines are out at once.
    let first = text.chars().next()?;
    let may_number = first.is_ascii_digit()
        || matches!(
            first,
            '第' | '(' | '（' | 'I' | 'V' | 'X' | 'L' | 'C' | 'c' | 'P' | 'p' | 'S' | 's'
        )
        || is_cjk_numeral(first)
        || "壹貳贰參叁肆伍陸陆柒捌玖拾".contains(first)
        || first.is_ascii_alphabetic()
        || ('①'..='⑳').contains(&first);
    if !may_number {
        return None;
    }
    let parsers: [fn(&mut Scan) -> Option<u8>; 11] = [
        article,
        chapter,
        formal,
        cjk_enumeral,
        paren_number,
        arabic,
        roman,
        circled,
        lower_roman,
        letter,
        arabic_before_capitals,
    ];
    parsers.iter().find_map(|parse| {
        let mut s = Scan::new(text);
        let rank = parse(&mut s)?;
        let body = s.rest().trim();
        // An article's number stands alone on its line in most statutes.
        (!body.is_empty() || rank == rank::ARTICLE).then_some(Numbering { rank, body })
    })
}

/// True for a statute article's number alone on its line: "第 5 條",
/// "第二十四条之一", "Article 8". Statutes from every jurisdiction set
/// their articles so; the article's caption, if any, is on the next line.
pub(super) fn bare_article(text: &str) -> bool {
    numbering(text).is_some_and(|n| n.rank == rank::ARTICLE && n.body.is_empty())
}

/// True for the caption an article's number stands over ("Article 8" /
/// "Competent authorities and single points of contact"): a short line of
/// words opened by a capital, with no sentence in it.
pub(super) fn article_caption(text: &str) -> bool {
    width_within(text, NUMBERED_MAX_WIDTH).is_some()
        && text.starts_with(|c: char| c.is_uppercase())
        && !ends_like_prose(text)
        && !text.ends_with([':', ';', ','])
        && !text.contains(". ")
        && numbering(text).is_none()
}

/// True for an article's caption once its lines are joined: as
/// [`article_caption`], over one or two lines.
pub(super) fn article_caption_text(text: &str) -> bool {
    width_within(text, 2 * NUMBERED_MAX_WIDTH).is_some()
        && text.starts_with(|c: char| c.is_uppercase())
        && !ends_like_prose(text)
        && !text.contains(". ")
}

/// A statute's article number: "第 5 條", "第二十四條之一", "第24-1條",
/// "Article 12a". Written-out text may follow a Chinese article number
/// ("第一条 为了…", a run-in article); an English one is followed by
/// nothing or by its caption in capitals, never by running text ("Article
/// 5 of the Regulation…").
fn article(s: &mut Scan) -> Option<u8> {
    if s.eat('第') {
        s.skip_space();
        if s.number(4).is_some() {
            if s.eat('-') {
                s.number(2)?;
            }
        } else {
            one_or_more(s, is_cjk_numeral)?;
        }
        s.skip_space();
        s.eat_if(|c| c == '條' || c == '条')?;
        // "第 24-1 條" is printed "第 24-1 條" or "第二十四條之一".
        if s.eat('之') {
            one_or_more(s, is_cjk_numeral)?;
        }
        return (s.rest().is_empty() || space_or_cjk_follows(s)).then_some(rank::ARTICLE);
    }
    if !(s.eat_word("article ") || s.eat_word("art. ")) {
        return None;
    }
    s.skip_space();
    s.number(3)?;
    s.eat_if(|c| c.is_ascii_lowercase() && c <= 'h');
    let rest = s.rest().trim_start();
    (rest.is_empty() || (space_follows(s) && rest.starts_with(char::is_uppercase)))
        .then_some(rank::ARTICLE)
}

/// The number of an item opened by an arabic number ("3. …", "(3) …",
/// "3) …"): the families whose items are counted one by one.
pub(super) fn arabic_ordinal(text: &str) -> Option<u32> {
    let family = numbering(text)?.rank;
    if family != rank::ARABIC && family != rank::PAREN_ARABIC {
        return None;
    }
    let digits = text.trim_start_matches(['(', '（']);
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

fn chapter(s: &mut Scan) -> Option<u8> {
    if s.eat('第') {
        s.skip_space();
        if s.number(3).is_none() {
            one_or_more(s, is_cjk_numeral)?;
        }
        let unit = s.skip_space().eat_if(|c| "章篇部編编節节".contains(c))?;
        let rank = if "節节".contains(unit) {
            rank::SECTION
        } else {
            rank::CHAPTER
        };
        s.eat_if(|c| c == '、' || c == '：' || c == ':');
        return space_or_cjk_follows(s).then_some(rank);
    }
    let rank = if s.eat_word("chapter ") || s.eat_word("part ") || s.eat_word("pillar ") {
        rank::CHAPTER
    } else if s.eat_word("section ") {
        rank::SECTION
    } else {
        return None;
    };
    if s.number(3).is_none() {
        one_or_more(s, is_roman)?;
    }
    s.eat_if(|c| c == '.' || c == ':');
    space_or_cjk_follows(s).then_some(rank)
}

fn formal(s: &mut Scan) -> Option<u8> {
    one_or_more(s, |c| "壹貳贰參叁肆伍陸陆柒捌玖拾".contains(c))?;
    s.eat('、').then_some(rank::FORMAL)
}

fn cjk_enumeral(s: &mut Scan) -> Option<u8> {
    one_or_more(s, is_cjk_numeral)?;
    s.eat_if(|c| c == '、' || c == '．').map(|_| rank::CJK)
}

fn paren_number(s: &mut Scan) -> Option<u8> {
    s.eat_if(|c| c == '（' || c == '(')?;
    s.skip_space();
    let rank = if s.number(2).is_some() {
        rank::PAREN_ARABIC
    } else {
        one_or_more(s, is_cjk_numeral)?;
        rank::PAREN_CJK
    };
    s.skip_space();
    s.eat_if(|c| c == '）' || c == ')').map(|_| rank)
}

fn arabic(s: &mut Scan) -> Option<u8> {
    // Three digits at most: "2026." opens a sentence about a year.
    s.number(3)?;
    if s.eat_if(|c| c == ')' || c == '）').is_some() {
        return space_or_cjk_follows(s).then_some(rank::PAREN_ARABIC);
    }
    let mut parts = 1u8;
    let mut separated = false;
    // "1.", "1、", "1.2", "1.2.3." — the last number needs no dot after it.
    while s.eat_if(|c| matches!(c, '.' | '．' | '、')).is_some() {
        separated = true;
        if s.number(3).is_none() {
            break;
        }
        parts = parts.saturating_add(1);
    }
    (separated && space_or_cjk_follows(s)).then_some(rank::ARABIC + parts.min(5) - 1)
}

fn roman(s: &mut Scan) -> Option<u8> {
    let start = s.rest().len();
    one_or_more(s, is_roman)?;
    // Seven letters reach "XXXVIII"; longer runs are words, not numbers.
    if start - s.rest().len() > 7 || !s.eat('.') {
        return None;
    }
    s.skip_space();
    s.rest()
        .starts_with(|c: char| c.is_uppercase())
        .then_some(rank::CJK)
}

/// "i)", "(ii)", "iv." — the third level of English outlines.
fn lower_roman(s: &mut Scan) -> Option<u8> {
    let paren = s.eat('(');
    let start = s.rest().len();
    one_or_more(s, |c| matches!(c, 'i' | 'v' | 'x'))?;
    let len = start - s.rest().len();
    let closed = if paren {
        s.eat(')')
    } else {
        s.eat(')') || s.eat('.')
    };
    (closed && len <= 4 && space_follows(s)).then_some(rank::LOWER_ROMAN)
}

/// "a)", "(b)", "A." and "B)": lettered items, a level of their own for each
/// case. A letter with a dot is an outline letter only from A to H, so that
/// an initial ("J. Smith") is not taken for one.
fn letter(s: &mut Scan) -> Option<u8> {
    let paren = s.eat('(');
    let c = s.eat_if(|c| c.is_ascii_alphabetic())?;
    let rank = if c.is_ascii_uppercase() {
        rank::UPPER_LETTER
    } else {
        rank::LETTER
    };
    let closed = s.eat(')') || (!paren && ('A'..='H').contains(&c) && s.eat('.'));
    (closed && space_follows(s)).then_some(rank)
}

/// "1 APPLICATION OF THE ESTABLISHMENT CRITERION": a number with no dot is a
/// heading number only before a title set in capitals.
fn arabic_before_capitals(s: &mut Scan) -> Option<u8> {
    s.number(2)?;
    if !space_follows(s) {
        return None;
    }
    let title = s.rest().trim();
    let letters = title.chars().filter(|c| c.is_alphabetic());
    let capitals = letters.clone().all(char::is_uppercase) && letters.count() >= 6;
    (capitals && title.split_whitespace().count() >= 2).then_some(rank::ARABIC)
}

fn space_follows(s: &Scan) -> bool {
    s.rest().starts_with(char::is_whitespace)
}

fn circled(s: &mut Scan) -> Option<u8> {
    s.eat_if(|c| ('①'..='⑳').contains(&c))
        .map(|_| rank::PAREN_ARABIC)
}

fn is_roman(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')
}

fn one_or_more(s: &mut Scan, pred: impl Fn(char) -> bool + Copy) -> Option<()> {
    s.eat_if(pred)?;
    while s.eat_if(pred).is_some() {}
    Some(())
}

fn space_or_cjk_follows(s: &Scan) -> bool {
    s.rest()
        .chars()
        .next()
        .is_some_and(|c| c.is_whitespace() || super::chars::is_cjk(c) || c == '「')
}

/// A bullet at the start of a list item line, and the item's text.
pub(super) fn bullet(text: &str) -> Option<(&str, &str)> {
    let c = text.chars().next()?;
    if !matches!(
        c,
        '•' | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '▪'
            | '‧'
            | '・'
            | '-'
            | '–'
            | '*'
            | '►'
            | '➢'
    ) {
        return None;
    }
    let (marker, rest) = text.split_at(c.len_utf8());
    rest.starts_with(char::is_whitespace)
        .then(|| (marker, rest.trim_start()))
        .filter(|(_, body)| !body.is_empty())
}

/// The shape of a heading line, given the width the text is wrapped at (if
/// it is hard-wrapped): short, not ending like prose, not a continuation.
#[derive(Debug, Clone, Default)]
pub(super) struct Shape {
    /// The typical width of a full line of hard-wrapped text.
    pub wrap_width: Option<usize>,
    /// The headings a table of contents lists, as [`super::toc::key`]s.
    pub listed: std::collections::HashSet<String>,
    /// The first two characters of every listed key, when each has two:
    /// most lines are no listed heading, and this tells at a glance.
    pub listed_starts: Option<std::collections::HashSet<(char, char)>>,
    /// The text is set one paragraph a line: its lines end sentences, they
    /// are not cut by a wrap.
    pub paragraph_per_line: bool,
}

impl Shape {
    /// How many lines (one or two) from `at` make a heading that the table
    /// of contents lists.
    pub(super) fn listed_lines(&self, texts: &[&str]) -> Option<usize> {
        if self.listed.is_empty() {
            return None;
        }
        let first = *texts.first()?;
        width_within(first, 2 * HEADING_MAX_WIDTH)?;
        if let Some(starts) = &self.listed_starts {
            let start = super::toc::key_start(first)?;
            if !starts.contains(&start) {
                return None;
            }
        }
        let one = super::toc::key(first);
        if one.is_empty() {
            return None;
        }
        if self.listed.contains(&one) {
            return Some(1);
        }
        // Most lines begin no listed heading: the two-line key is built only
        // for a line that may.
        if !self.listed.iter().any(|k| k.starts_with(&one)) {
            return None;
        }
        let second = texts.get(1)?;
        let two = super::toc::key(&format!("{first} {second}"));
        self.listed.contains(&two).then_some(2)
    }

    /// True when `line` is short enough and ends like a heading (a question
    /// mark is allowed).
    pub(super) fn heading_like(&self, line: &str) -> bool {
        self.heading_like_within(line, HEADING_MAX_WIDTH, true)
    }

    /// True when a block of `lines` lines reads as a heading: one line as
    /// [`Shape::heading_like`], two lines (a heading wrapped once) up to
    /// twice as wide.
    pub(super) fn heading_block(&self, text: &str, lines: usize) -> bool {
        match lines {
            1 => self.heading_like(text),
            2 => self.heading_like_within(text, 2 * HEADING_MAX_WIDTH, false),
            _ => false,
        }
    }

    /// True when `line` continues a heading begun on `first`: the heading
    /// was wrapped (its first line fills the width or stops mid-phrase, or
    /// both are set in capitals) and the rest is short.
    pub(super) fn continues_heading(&self, first: &str, line: &str) -> bool {
        let capitals = |t: &str| {
            let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
            letters.peek().is_some() && letters.all(char::is_uppercase)
        };
        let filled = self
            .wrap_width
            .is_some_and(|w| super::chars::width_capped(first, w * 2) * 100 >= w * 85);
        let cut =
            filled || ends_mid_phrase(&first.to_lowercase()) || (capitals(first) && capitals(line));
        cut && self.heading_like_within(line, 2 * HEADING_MAX_WIDTH, true)
            && !ends_like_prose(first)
    }

    fn heading_like_within(&self, line: &str, max: usize, single: bool) -> bool {
        let Some(width) = width_within(line, max) else {
            return false;
        };
        // A line as wide as the wrapped text around it was cut by the wrap.
        let full = single && self.wrap_width.is_some_and(|w| width * 100 >= w * 85);
        let question = line.ends_with(['？', '?']);
        !full
            && !ends_like_prose(line)
            && !ends_mid_phrase(line)
            // "a) …" and "ii) …" start lowercase and still open a heading.
            && (!continues_text(line) || numbering(line).is_some())
            && (!line.contains(['，', '。'])
                || (question && width <= QUESTION_WITH_COMMA_MAX_WIDTH))
            && line.chars().any(char::is_alphabetic)
            && !spaced_cells(line)
    }

    /// True when hard-wrapped text is known and `line` stops well short of
    /// its wrap width: the last line of a paragraph.
    pub(super) fn ends_short(&self, line: &str) -> bool {
        self.wrap_width
            .is_some_and(|w| width_within(line, w * 3 / 4).is_some_and(|width| width * 4 < w * 3))
    }

    /// True when `line` is a numbered heading.
    pub(super) fn numbered_heading(&self, line: &str) -> Option<u8> {
        self.numbered_block(line, 1)
    }

    /// A numbered line as wide as the text that still reads as a heading:
    /// it ends in no punctuation and in no unfinished phrase, has no comma,
    /// and `next` opens a new sentence ("ii) Processing in the context of … in the
    /// Union" / "Whilst case law …"). One line, never wider than the wrap.
    pub(super) fn full_numbered_heading(&self, line: &str, next: Option<&str>) -> Option<u8> {
        let wrap = self.wrap_width?;
        let width = width_within(line, wrap + wrap / 10)?;
        let new_sentence = next.is_none_or(|n| n.starts_with(char::is_uppercase));
        // Prose as wide as the text has its commas; a heading has none, and
        // its words start with a capital after the number.
        let titled = numbering(line).is_some_and(|n| n.body.starts_with(char::is_uppercase))
            && !line.contains([',', ';', '，', '；']);
        (width * 100 >= wrap * 85
            && new_sentence
            && titled
            && self.heading_like_within(line, wrap + wrap / 10, false)
            && !ends_mid_phrase(&line.to_lowercase()))
        .then(|| numbering(line).map(|n| n.rank))
        .flatten()
    }

    /// True when a block of `lines` lines is a numbered heading.
    pub(super) fn numbered_block(&self, text: &str, lines: usize) -> Option<u8> {
        let shaped = match lines {
            1 => self.heading_like_within(text, NUMBERED_MAX_WIDTH, true),
            // A numbered heading wrapped once may fill its first line
            // ("c) Application of the GDPR … in the" / "Union, regardless
            // of …"): the number vouches for it.
            2 => {
                self.heading_block(text, lines)
                    || self.wrap_width.is_some_and(|w| {
                        self.heading_like_within(text, w + HEADING_MAX_WIDTH, false)
                    })
            }
            _ => false,
        };
        // "伍、意見交流：詳見會議逐字稿，網址如下：": an agenda item's label
        // with a note after its colon that announces what follows is a
        // heading when the label is one.
        let labelled = || {
            text.split_once('：').is_some_and(|(label, note)| {
                lines <= 2
                    && self.heading_like(label)
                    && note.len() > '：'.len_utf8()
                    && note.ends_with(['：', ':'])
                    && width_within(text, 2 * HEADING_MAX_WIDTH).is_some()
            })
        };
        numbering(text)
            .filter(|_| shaped || labelled())
            .map(|n| n.rank)
    }
}

/// The labels of the footnotes among `blocks`: "31 Part of the criteria…"
/// gives "31".
pub(super) fn note_labels(blocks: &[super::blocks::Block]) -> std::collections::HashSet<String> {
    blocks
        .iter()
        .filter_map(|b| {
            let (label, note) = b.text.split_once(' ')?;
            let numeric =
                (1..=3).contains(&label.len()) && label.bytes().all(|c| c.is_ascii_digit());
            (numeric && note.starts_with(|c: char| c.is_alphabetic())).then(|| label.to_string())
        })
        .collect()
}

/// Footnotes a brief must have before digits glued to a word count as a
/// marker without their note being found.
const NOTES_FOR_GLUED_MARKERS: usize = 3;

/// A heading's title without the footnote marker glued to its last word
/// ("… designation obligation31" when footnote 31 is there): the marker is
/// not part of the title.
pub(super) fn without_note_marker(
    title: &str,
    labels: &std::collections::HashSet<String>,
) -> String {
    let digits = title.len() - title.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let stem = &title[..title.len() - digits];
    let glued = digits > 0 && stem.ends_with(|c: char| c.is_lowercase());
    let number = &title[title.len() - digits..];
    // In a brief with footnotes, digits glued to a lowercase word
    // ("obligation31") are a marker whose note was read into a paragraph;
    // a short word keeps its digit ("web3").
    let word_with_marker = || {
        labels.len() >= NOTES_FOR_GLUED_MARKERS
            && stem
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase))
    };
    if glued && (labels.contains(number) || word_with_marker()) {
        stem.to_string()
    } else {
        title.to_string()
    }
}

/// Words no heading ends with; a line ending with one was cut mid-sentence.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
    "but", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "will", "would",
    "can", "could", "should", "its", "their", "his", "her", "our", "than", "into",
];

/// True for a word alone that joins what comes before and after it ("Or",
/// "and"): it heads nothing.
pub(super) fn joining_word(text: &str) -> bool {
    OPEN_ENDINGS.contains(&text.trim().to_lowercase().as_str())
}

/// True when `line` ends with a word or character that needs more after it
/// ("…meet again in", "…兩國的").
pub(super) fn ends_mid_phrase(line: &str) -> bool {
    let line = line.trim_end();
    // "目的" (purpose), "壹、目的": a word that ends in 的, not a phrase.
    if line.ends_with([
        '的', '與', '与', '和', '及', '並', '并', '而', '對', '对', '將', '将', '在', '之', '或',
        '｜', '|',
    ]) && !line.ends_with("目的")
    {
        return true;
    }
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or(line);
    last_word.chars().all(|c| c.is_ascii_lowercase())
        && OPEN_ENDINGS.contains(&last_word)
        && line.contains(char::is_whitespace)
}

/// True for three or more cells set apart by wide gaps ("Recommendation
/// ␣␣␣␣ Response ␣␣␣␣ Delivery"): a table's row as `pdftotext -layout`
/// prints it, which heads nothing.
fn spaced_cells(line: &str) -> bool {
    let mut gaps = 0;
    let mut spaces = 0;
    for c in line.trim().chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 3 {
                gaps += 1;
            }
            spaces = 0;
        }
    }
    gaps >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank_of(line: &str) -> Option<u8> {
        numbering(line).map(|n| n.rank)
    }

    #[test]
    fn numbering_families_rank_in_order() {
        let ordered = [
            "第一章 緒論",
            "壹、前言",
            "第二節 背景",
            "一、美中關係",
            "（一）經貿",
            "1. 關稅",
            "（1）稀土",
        ];
        let ranks: Vec<u8> = ordered.iter().map(|l| rank_of(l).unwrap()).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    }

    #[test]
    fn a_row_of_cells_set_apart_by_wide_gaps_is_no_heading() {
        let shape = Shape::default();
        assert!(shape.heading_like("Recommendation Response Delivery"));
        assert!(
            !shape.heading_like("Recommendation                 Response                 Delivery")
        );
        // One wide gap is a heading set with its number apart.
        assert!(shape.heading_like("壹、     緣起"));
    }

    #[test]
    fn simplified_and_english_numbering() {
        assert_eq!(rank_of("二、中美关系"), Some(rank::CJK));
        assert_eq!(rank_of("(三) 经贸议题"), Some(rank::PAREN_CJK));
        assert_eq!(rank_of("第3章 结论"), Some(rank::CHAPTER));
        assert_eq!(rank_of("Chapter 2 The Summit"), Some(rank::CHAPTER));
        assert_eq!(rank_of("II. The Summit"), Some(rank::CJK));
        assert_eq!(rank_of("2.1 Trade"), Some(rank::ARABIC + 1));
        assert_eq!(rank_of("3、关税"), Some(rank::ARABIC));
        assert_eq!(rank_of("(2) Rare earths"), Some(rank::PAREN_ARABIC));
        assert_eq!(
            rank_of("a) Designation of a representative"),
            Some(rank::LETTER)
        );
        assert_eq!(rank_of("(b) Exemptions"), Some(rank::LETTER));
        assert_eq!(rank_of("A. Background"), Some(rank::UPPER_LETTER));
        assert_eq!(
            rank_of("ii) Revenue raising in the Union"),
            Some(rank::LOWER_ROMAN)
        );
        assert_eq!(rank_of("i) Relationship between"), Some(rank::LOWER_ROMAN));
        assert_eq!(
            rank_of("1 APPLICATION OF THE CRITERION"),
            Some(rank::ARABIC)
        );
        assert_eq!(
            rank_of("Pillar II: Build American AI Infrastructure"),
            Some(rank::CHAPTER)
        );
    }

    #[test]
    fn numbers_that_are_not_heading_numbers() {
        for line in [
            "2026年5月",
            "一方面來說",
            "III",
            "I think so.",
            "Chapter",
            "第一",
            "25%",
            "(2026年)",
            "J. Smith said so",
            "a)b",
            "2 submissions",
        ] {
            assert_eq!(rank_of(line), None, "{line}");
        }
    }

    #[test]
    fn heading_shape() {
        let shape = Shape::default();
        assert!(shape.heading_like("各方關注中美構建「建設性戰略穩定關係」"));
        assert!(shape.heading_like("美中外交交鋒走向競爭有度？"));
        assert!(shape.heading_like("Is Competition Managed?"));
        assert!(!shape.heading_like("這是一句話。"));
        assert!(!shape.heading_like("and the leaders agreed"));
        assert!(!shape.heading_like(&"長".repeat(40)));
        let wrapped = Shape {
            wrap_width: Some(40),
            ..Shape::default()
        };
        assert!(!wrapped.heading_like("The committee noted that the leaders"));
        assert!(wrapped.heading_like("Trade and Tariffs"));
    }

    #[test]
    fn headings_a_contents_page_lists_over_one_line_or_two() {
        let shape = Shape {
            listed: ["introduction", "createstreamlinedpermittingfordatacenters"]
                .into_iter()
                .map(String::from)
                .collect(),
            ..Shape::default()
        };
        assert_eq!(shape.listed_lines(&["Introduction", "The text."]), Some(1));
        assert_eq!(
            shape.listed_lines(&["Create Streamlined Permitting", "for Data Centers"]),
            Some(2)
        );
        assert_eq!(shape.listed_lines(&["The text.", "Introduction"]), None);
    }

    #[test]
    fn a_numbered_heading_may_be_a_little_wider_than_an_unnumbered_one() {
        let shape = Shape {
            wrap_width: Some(105),
            ..Shape::default()
        };
        let line = "d) Application of the establishment criterion to controller and processor";
        assert!(shape.numbered_heading(line).is_some());
        let unnumbered =
            "Application of the establishment criterion to the controller and the processor";
        assert!(!shape.heading_like(unnumbered));
    }

    #[test]
    fn a_numbered_heading_wrapped_once_may_fill_its_first_line() {
        let shape = Shape {
            wrap_width: Some(96),
            ..Shape::default()
        };
        let heading = "c) Application of the GDPR to the establishment of a controller or a processor in the Union, regardless of whether the processing takes place in the Union or not";
        assert!(shape.numbered_block(heading, 2).is_some());
        let unnumbered = heading.trim_start_matches("c) ");
        assert!(!shape.heading_block(unnumbered, 2));
        assert!(
            shape
                .numbered_block("c) The agency shall publish the data it holds in formats that can be read by machines, and it shall do so within six months.", 2)
                .is_none()
        );
    }

    #[test]
    fn a_footnote_marker_glued_to_a_heading_is_not_part_of_its_title() {
        let labels = ["31".to_string()].into_iter().collect();
        assert_eq!(
            without_note_marker("b) Exemptions from the designation obligation31", &labels),
            "b) Exemptions from the designation obligation"
        );
        let others: std::collections::HashSet<String> =
            ["12", "29", "40"].into_iter().map(String::from).collect();
        assert_eq!(
            without_note_marker("b) Exemptions from the designation obligation31", &others),
            "b) Exemptions from the designation obligation"
        );
        assert_eq!(
            without_note_marker("Growth in web3", &others),
            "Growth in web3"
        );
        assert_eq!(
            without_note_marker("Growth in web3", &labels),
            "Growth in web3"
        );
        assert_eq!(without_note_marker("Article 31", &labels), "Article 31");
    }

    #[test]
    fn an_agenda_item_with_a_note_after_its_colon_is_a_heading() {
        let shape = Shape::default();
        assert!(
            shape
                .numbered_block("伍、意見交流：詳見會議逐字稿，網址如下：", 2)
                .is_some()
        );
        assert!(
            shape
                .numbered_block("一、原則：本計畫應依法辦理，並定期檢討。", 1)
                .is_none()
        );
        assert!(shape.numbered_block("二、本會任務如下：", 1).is_none());
    }

    #[test]
    fn bullets_start_list_items() {
        assert_eq!(bullet("• 關稅"), Some(("•", "關稅")));
        assert_eq!(bullet("- item"), Some(("-", "item")));
        assert_eq!(bullet("-5%"), None);
    }
}
