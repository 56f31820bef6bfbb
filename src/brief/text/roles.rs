//! What each block of the body is: a heading (numbered or not), a caption,
//! an editor's note, running text, or text lifted off a table or chart.
//!
//! A short line is only a candidate heading. Real documents are full of
//! short lines that head nothing: table cells dumped one per line, form
//! fields (`時間：…`), signatures, dates and counts. The rules here weigh a
//! candidate by what stands around it.

use super::back_matter;
use super::blocks::{Block, bracket_tag};
use super::captions;
use super::chars::{ends_like_prose, ends_sentence, width_within};
use super::fields::is_field;
use super::headings::{Shape, numbering};
use super::hints::Hints;
use super::toc;
use std::collections::{HashMap, HashSet};

/// What a block of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A numbered heading of the given family rank.
    Numbered(u8),
    /// A short standalone line or question: a heading without a number.
    Unnumbered,
    /// An editor's note or disclaimer, bound for the back matter.
    EditorNote,
    /// A footnote at the foot of its page, bound for the back matter.
    Footnote,
    /// A figure caption or source line inside the body.
    Caption,
    /// Running text or a list item.
    Paragraph,
    /// Cells of a table or labels of a chart, one per line; consecutive
    /// figure blocks make one paragraph.
    Figure,
    /// A table of contents, bound for the front matter.
    Contents,
    /// A numbered paragraph whose first sentence is its heading: "（一）聚焦
    /// 扩大国内需求，着力促消费扩投资。创新供给引导需求……".
    RunIn(u8),
}

/// A run-in heading is one short sentence: at most this many characters.
const RUN_IN_MAX_CHARS: usize = 36;
/// The text after a run-in heading is longer than this many characters.
const RUN_IN_MIN_REST: usize = 12;

/// The run-in heading of a numbered paragraph and the text after it.
pub(super) fn split_run_in(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？'))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    text.split_at(end)
}

fn run_in_shape(text: &str) -> bool {
    let (head, rest) = split_run_in(text);
    !rest.is_empty()
        && head.chars().count() <= RUN_IN_MAX_CHARS
        && !head.contains(['：', ':'])
        && rest.chars().count() > RUN_IN_MIN_REST
}

/// Numbered paragraphs of one family that all open with one short sentence
/// are run-in headings, as government work reports set their （一）…（八）;
/// a single one, or a family that also has paragraphs of another shape,
/// is a numbered list.
fn mark_run_in_headings(body: &[Block], roles: &mut [Role]) {
    let mut shaped = [0usize; 256];
    let mut other = [0usize; 256];
    for (block, role) in body.iter().zip(roles.iter()) {
        let Some(rank) = numbered_rank(block) else {
            continue;
        };
        match role {
            Role::Paragraph if run_in_shape(&block.text) => shaped[usize::from(rank)] += 1,
            Role::Numbered(_) => {}
            _ => other[usize::from(rank)] += 1,
        }
    }
    for (block, role) in body.iter().zip(roles.iter_mut()) {
        if let Some(rank) = numbered_rank(block)
            && *role == Role::Paragraph
            && run_in_shape(&block.text)
            && shaped[usize::from(rank)] >= 2
            && other[usize::from(rank)] == 0
        {
            *role = Role::RunIn(rank);
        }
    }
}

/// The numbering family of a block: from its text, or from the marker a
/// list took off it ("（二）" in an announced list).
fn numbered_rank(block: &Block) -> Option<u8> {
    match &block.marker {
        Some(marker) => numbering(&format!("{marker} {}", block.text)).map(|n| n.rank),
        None => numbering(&block.text).map(|n| n.rank),
    }
}

/// A cell of a table dumped one per line is no wider than this.
const CELL_MAX_WIDTH: usize = 48;
/// This many cell-like blocks in a row are a table or a chart, not headings.
const FIGURE_MIN_RUN: usize = 3;
/// Running text is at least this wide on one line when it does not end a
/// sentence.
const PROSE_MIN_WIDTH: usize = 60;

/// Signatures in the body: a line of names over a job title ("Michael J.
/// Kratsios" / "Assistant to the President for Science and Technology").
/// Their lines are text, not headings. Returns the names of signatures that
/// stand two or more together, as the signatories of a plan or memorandum
/// do; a lone one is a foreword's or an epigraph's.
pub(super) fn signatures(body: &[Block], roles: &mut [Role]) -> Vec<String> {
    let mut signed = Vec::new();
    let mut group: Vec<String> = Vec::new();
    let mut last_end = 0;
    let mut i = 0;
    while i + 1 < body.len() {
        let names = (body[i].lines <= 2 && super::names::job_title(&body[i + 1].text))
            .then(|| super::names::names(&body[i].text))
            .flatten();
        let Some(names) = names else {
            i += 1;
            continue;
        };
        if i != last_end && group.len() >= 2 {
            signed.append(&mut group);
        }
        if i != last_end {
            group.clear();
        }
        roles[i] = Role::Paragraph;
        roles[i + 1] = Role::Paragraph;
        group.extend(names);
        last_end = i + 2;
        i += 2;
    }
    if group.len() >= 2 {
        signed.append(&mut group);
    }
    signed
}

/// The role of every block of the body.
pub(super) fn body_roles(body: &[Block], shape: &Shape, hints: &Hints) -> Vec<Role> {
    let mut roles: Vec<Role> = body.iter().map(|b| first_guess(b, shape, hints)).collect();
    super::footnotes::mark_footnotes(body, &mut roles);
    let listed = mark_contents(body, &mut roles);
    promote_chapter_numbers(body, &mut roles, shape);
    demote_field_families(body, &mut roles);
    mark_figures(body, &mut roles);
    super::numbered_lists::demote_numbered_lists(body, &mut roles);
    demote_headings_in_tables(body, &mut roles, shape);
    demote_items_after_lone_bullet(body, &mut roles);
    demote_repeated_labels(body, &mut roles);
    super::glossary::demote_glossary_terms(body, &mut roles);
    demote_headings_over_nothing(body, &mut roles);
    demote_enacting_bodies(body, &mut roles);
    super::bare_contents::mark_bare_contents(body, &mut roles);
    promote_listed_headings(body, &mut roles, &listed);
    demote_out_of_sequence(body, &mut roles);
    demote_articles_out_of_order(body, &mut roles);
    mark_run_in_headings(body, &mut roles);
    // A short line with nothing after it heads nothing: it is a closing line.
    if let Some(last) = roles.iter_mut().rev().find(|r| **r != Role::EditorNote)
        && *last == Role::Unnumbered
    {
        *last = Role::Paragraph;
    }
    roles
}

fn first_guess(block: &Block, shape: &Shape, hints: &Hints) -> Role {
    let text = block.text.as_str();
    if back_matter::is_editor_note(text) {
        Role::EditorNote
    } else if captions::is_caption(text) {
        Role::Caption
    } else if article_head(block) {
        // A statute's article number heads its article, whatever the type.
        Role::Numbered(super::headings::rank::ARTICLE)
    } else if let Some(rank) = hints.heading_rank(&heading_text(block)) {
        // Typeset as a heading, even when numbered like a list item.
        let numbered = numbering(&heading_text(block)).map(|n| n.rank);
        Role::Numbered(numbered.unwrap_or(rank))
    } else if block.marker.is_some() {
        Role::Paragraph
    } else if let Some(rank) = shape.numbered_block(text, block.lines).or_else(|| {
        // A numbered line standing alone may fill the width.
        (block.lines == 1)
            .then(|| shape.full_numbered_heading(text, None))
            .flatten()
    }) && !hints.inside_block(text)
    {
        Role::Numbered(rank)
    } else if hints.guess_unnumbered()
        && shape.heading_block(text, block.lines)
        && (block.lines == 1 || latin_title(text))
        && may_head_unnumbered(text)
    {
        Role::Unnumbered
    } else {
        Role::Paragraph
    }
}

/// The parts of an outline number opening `text`: "3.1.1 …" gives [3, 1,
/// 1], "2、 …" gives [2], "100.0 New Zealand" gives [100, 0].
fn outline_number(text: &str) -> Option<Vec<u32>> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let parts: Vec<u32> = text[..end]
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then_some(parts)
}

/// True when outline number `next` can come right after `prev`: the next
/// sibling of it or of one of its parents (one may have been missed), or
/// its first child.
fn follows(prev: &[u32], next: &[u32]) -> bool {
    if next.len() == prev.len() + 1 && next.starts_with(prev) && next[prev.len()] <= 1 {
        return true;
    }
    (1..=prev.len().min(next.len())).any(|k| {
        next[..k - 1] == prev[..k - 1]
            && (1..=2).contains(&next[k - 1].saturating_sub(prev[k - 1]))
            && next[k - 1] > prev[k - 1]
            && next[k..].iter().all(|&n| n <= 1)
    })
}

/// Arabic-numbered heads whose numbers follow neither the head before nor
/// the head after are no outline: rows of a table of figures ("85.0
/// Israel", "84.6 Sweden") or values set one a line. Reports of every kind
/// number their sections in sequence, which is the evidence asked for.
fn demote_out_of_sequence(body: &[Block], roles: &mut [Role]) {
    let arabic = super::headings::rank::ARABIC..=super::headings::rank::ARABIC + 4;
    let numbered: Vec<(usize, Vec<u32>)> = body
        .iter()
        .zip(roles.iter())
        .enumerate()
        .filter(|(_, (_, role))| matches!(role, Role::Numbered(r) if arabic.contains(r)))
        .filter_map(|(i, (block, _))| Some((i, outline_number(&heading_text(block))?)))
        .collect();
    if numbered.len() < 3 {
        return;
    }
    let starts = |n: &[u32]| n.iter().all(|&p| p <= 1);
    // A head is in sequence when it follows the head before it or leads to
    // the one after. Asked twice: the second time the neighbours are the
    // heads the first found in sequence, so that a stray number between
    // two heads ("0.028 ∗ …" in an equation) does not cut them apart.
    let in_sequence = |kept: &[bool]| -> Vec<bool> {
        (0..numbered.len())
            .map(|k| {
                let number = &numbered[k].1;
                let prev = (0..k).rev().find(|&p| kept[p]);
                let next = (k + 1..numbered.len()).find(|&n| kept[n]);
                let after_prev =
                    prev.map_or_else(|| starts(number), |p| follows(&numbered[p].1, number));
                after_prev || next.is_some_and(|n| follows(number, &numbered[n].1))
            })
            .collect()
    };
    let first = in_sequence(&vec![true; numbered.len()]);
    let kept = in_sequence(&first);
    for ((i, _), keep) in numbered.iter().zip(kept) {
        if !keep {
            roles[*i] = Role::Paragraph;
        }
    }
}

/// The value of a number written in Chinese numerals, up to 9,999:
/// "二十四" gives 24, "一百零五" gives 105.
fn cjk_numeral_value(text: &str) -> Option<u32> {
    // 零 and 〇 are both nought; 一 to 九 follow them.
    let digit = |c: char| {
        "零〇一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|i| (i as u32).saturating_sub(1))
    };
    let (mut total, mut current) = (0u32, 0u32);
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '两' | '兩' => {
                current = 2;
                continue;
            }
            _ => {
                current = digit(c)?;
                continue;
            }
        };
        total += current.max(1) * unit;
        current = 0;
    }
    Some(total + current)
}

/// An article's number and sub-number: "Article 12a" gives (12, 1),
/// "第 24-1 條" and "第二十四條之一" give (24, 1), "第 5 條" (5, 0).
fn article_number(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('第') {
        let (number, after) = rest.split_once(['條', '条'])?;
        let number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        let (main, sub) = match number.split_once('-') {
            Some((m, s)) => (m.parse().ok()?, s.parse().ok()?),
            None => (
                number.parse().ok().or_else(|| cjk_numeral_value(&number))?,
                0,
            ),
        };
        let sub = match after.strip_prefix('之') {
            Some(s) => cjk_numeral_value(s.split_whitespace().next().unwrap_or(s))?,
            None => sub,
        };
        return Some((main, sub));
    }
    let rest = text
        .get(..8)
        .filter(|h| h.eq_ignore_ascii_case("article "))?;
    let rest = &text[rest.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let letter = rest[digits.len()..]
        .chars()
        .next()
        .filter(char::is_ascii_lowercase);
    Some((
        digits.parse().ok()?,
        letter.map_or(0, |c| u32::from(c) - u32::from('a') + 1),
    ))
}

/// A statute numbers its articles in order; article numbers set alone out
/// of that order are cells of a table that cites them (an annex's
/// correlation table: "Article 4" after "Article 46"). The heads kept are
/// the longest run of numbers that rises through the document.
fn demote_articles_out_of_order(body: &[Block], roles: &mut [Role]) {
    let heads: Vec<(usize, (u32, u32))> = body
        .iter()
        .zip(roles.iter())
        .enumerate()
        .filter(|(_, (_, r))| **r == Role::Numbered(super::headings::rank::ARTICLE))
        .filter_map(|(i, (b, _))| Some((i, article_number(&b.text)?)))
        .collect();
    // Longest strictly rising subsequence, by patience sorting.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; heads.len()];
    for k in 0..heads.len() {
        let at = tails.partition_point(|&t| heads[t].1 < heads[k].1);
        before[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut kept = vec![false; heads.len()];
    let mut k = tails.last().copied();
    while let Some(at) = k {
        kept[at] = true;
        k = before[at];
    }
    for ((i, _), keep) in heads.iter().zip(kept) {
        if !keep {
            roles[*i] = Role::Paragraph;
        }
    }
}

/// True for a block made of a statute article's number and its caption
/// ("Article 8 Competent authorities …", "第 5 條"), as the blocks stage
/// sets them apart.
fn article_head(block: &Block) -> bool {
    block.marker.is_none()
        && block.lines <= 3
        && numbering(&block.text).is_some_and(|n| {
            n.rank == super::headings::rank::ARTICLE
                && (n.body.is_empty() || super::headings::article_caption_text(n.body))
        })
}

/// A heading's text: a list marker the block was read with belongs to it.
pub(super) fn heading_text(block: &Block) -> std::borrow::Cow<'_, str> {
    match &block.marker {
        Some(marker) => format!("{marker} {}", block.text).into(),
        None => block.text.as_str().into(),
    }
}

/// An unnumbered heading wrapped over two lines shows itself by its case:
/// set in capitals or in title case.
fn latin_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let latin = text.chars().all(|c| !super::chars::is_cjk(c));
    let capitalised = words
        .iter()
        .filter(|w| w.chars().count() > 3)
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    latin && words.len() >= 3 && capitalised
}

/// A heading without a number is words: not a count, a date, a version, a
/// form field ("時間：…") or a label followed by its number ("Recommendation
/// 7", "Spring 2025").
pub(super) fn may_head_unnumbered(text: &str) -> bool {
    let starts_with_figure = text.starts_with(|c: char| c.is_ascii_digit() || "(（".contains(c));
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    // "Recommendation 7", "Article 9(1), (2) and (3)": a label and its number.
    let ends_with_number = last_word
        .chars()
        .all(|c| c.is_ascii_digit() || ".,/-()".contains(c))
        && last_word.chars().any(|c| c.is_ascii_digit());
    let address = is_address(text);
    // "Accountability, Privacy)": a bracket closed that the line never
    // opened is the end of a wrapped line, not a heading.
    let count = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    let unbalanced = count(&['(', '（']) < count(&[')', '）']);
    // "Agree. DSIT will…": a sentence ends inside the line, so it is prose.
    let inner_sentence = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0].len() > 3
                && w[0].ends_with(['.', '!', '?'])
                && w[0].chars().rev().nth(1).is_some_and(char::is_lowercase)
                && w[1].starts_with(char::is_uppercase)
        });
    // "The Rt Hon Keir Starmer KCB KC MP, Prime Minister": a name and a
    // job title after a comma sign a text, they head nothing.
    let signed = text.rsplit_once(',').is_some_and(|(_, office)| {
        office.split_whitespace().count() <= 4 && super::names::job_title(office.trim())
    });
    // Markup and code quoted in a brief ("<comment>…</comment>", "$ run
    // this", "Version ::= INTEGER", "-- a comment") head nothing.
    let code = text.starts_with(['<', '>', '$'])
        || text.contains('\\')
        || text.starts_with("--")
        || text.contains("::=")
        || text.contains("</");
    // "A", "B" alone on a line label a table's rows; a word of the Latin
    // alphabet heads with two letters at least.
    let lone_letter = text.chars().count() == 1 && text.is_ascii();
    !starts_with_figure
        && !lone_letter
        && !cites_provision(text)
        && !function_word(text)
        // "►B", "►C1": an amendment's marker in a consolidated act.
        && !text.starts_with(['►', '◄', '▼', '▲'])
        && !code
        && !signed
        && !address
        && !unbalanced
        && !inner_sentence
        && !ends_with_number
        && !is_field(text)
        && super::dates::date_of(text).is_none_or(|d| d.len() * 2 < text.len())
}

/// True for a line that cites a provision rather than heading one: "Article
/// 10(3), second subparagraph", "Annex I, point (2)(b)" (the rows of a
/// correlation table).
fn cites_provision(text: &str) -> bool {
    let bytes = text.as_bytes();
    let numbered_part = bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'(' && w[2].is_ascii_alphanumeric());
    let lower = text.to_ascii_lowercase();
    numbered_part || lower.contains(", point (") || lower.contains(", points (")
}

/// True for a line of one word that heads nothing alone: a title set a word
/// a line ("DIRECTIVE" / "OF" / "THE") leaves its small words on lines of
/// their own.
fn function_word(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "with",
    ];
    WORDS.contains(&text.trim().to_ascii_lowercase().as_str())
}

/// True for a web address: "https://…", "www.…".
fn is_address(text: &str) -> bool {
    text.contains("://") || text.starts_with("www.")
}

/// Marks a table of contents (a "Contents" line or lines with leaders, with
/// the page numbers between them) and returns the keys of its entries.
fn mark_contents(body: &[Block], roles: &mut [Role]) -> HashSet<String> {
    let mut listed = HashSet::new();
    let leads = |i: usize| body.get(i).is_some_and(|b| toc::has_leaders(&b.text));
    let mut i = 0;
    while i < body.len() {
        let opens = (toc::is_contents_title(&body[i].text) && (leads(i + 1) || leads(i + 2)))
            || (leads(i) && leads(i + 1));
        if !opens {
            i += 1;
            continue;
        }
        while i < body.len() {
            let text = body[i].text.as_str();
            let page_number = text.len() <= 6
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'));
            let part = toc::is_contents_title(text)
                || toc::has_leaders(text)
                || page_number
                || (body[i].lines <= 2 && (leads(i + 1) || leads(i + 2)));
            if !part {
                break;
            }
            listed.extend(toc::entries(text).iter().map(|e| toc::key(e)));
            roles[i] = Role::Contents;
            i += 1;
        }
    }
    listed.remove("");
    listed
}

/// A short block that a table of contents names is a heading, whatever
/// else it looked like.
fn promote_listed_headings(body: &[Block], roles: &mut [Role], listed: &HashSet<String>) {
    if listed.is_empty() {
        return;
    }
    for (block, role) in body.iter().zip(roles.iter_mut()) {
        if *role == Role::Contents || block.lines > 3 || block.marker.is_some() {
            continue;
        }
        if listed.contains(&toc::key(&block.text)) {
            *role = numbering(&block.text).map_or(Role::Unnumbered, |n| Role::Numbered(n.rank));
        }
    }
}

/// A short text found three times or more, mostly as a table cell or a
/// chart label ("Delivery" of a table's "Delivery / Timeline" header,
/// repeated on every page of the table), is that label wherever it stands.
fn demote_repeated_labels(body: &[Block], roles: &mut [Role]) {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (block, role) in body.iter().zip(roles.iter()) {
        if block.lines == 1 && matches!(role, Role::Unnumbered | Role::Paragraph | Role::Figure) {
            let (all, heads) = counts.entry(block.text.as_str()).or_default();
            *all += 1;
            *heads += usize::from(*role == Role::Unnumbered);
        }
    }
    for (block, role) in body.iter().zip(roles.iter_mut()) {
        if *role == Role::Unnumbered
            && let Some(&(all, heads)) = counts.get(block.text.as_str())
            && all >= REPEATED_LABEL_MIN
            && heads * 2 < all
        {
            *role = Role::Paragraph;
        }
    }
}

/// A label found this many times is a table's or a chart's.
const REPEATED_LABEL_MIN: usize = 3;

/// A numbered family whose every member is a form field (`一、時間：…`,
/// `二、地點：…`) is a list of particulars, not a set of headings.
fn demote_field_families(body: &[Block], roles: &mut [Role]) {
    let mut ranks_with_prose = [false; 256];
    let mut ranks_seen = [false; 256];
    for (block, role) in body.iter().zip(roles.iter()) {
        if let Role::Numbered(rank) = role {
            let body_text = numbering(&block.text).map_or(block.text.as_str(), |n| n.body);
            ranks_seen[usize::from(*rank)] = true;
            if !is_field(body_text) {
                ranks_with_prose[usize::from(*rank)] = true;
            }
        }
    }
    for role in roles.iter_mut() {
        if let Role::Numbered(rank) = *role
            && ranks_seen[usize::from(rank)]
            && !ranks_with_prose[usize::from(rank)]
        {
            *role = Role::Paragraph;
        }
    }
}

/// True for a block that could be one cell of a table or one label of a
/// chart: a line or two, narrow, not a finished sentence.
fn cell_like(block: &Block, role: Role) -> bool {
    matches!(role, Role::Unnumbered | Role::Paragraph)
        && block.marker.is_none()
        && block.lines <= 2
        && !is_field(&block.text)
        && !ends_sentence(&block.text)
        && width_within(&block.text, CELL_MAX_WIDTH).is_some()
}

/// Runs of cell-like blocks become figure text, so none of their cells
/// passes for a heading.
fn mark_figures(body: &[Block], roles: &mut [Role]) {
    let mut start = 0;
    while start < body.len() {
        let run = body[start..]
            .iter()
            .zip(&roles[start..])
            .take_while(|(b, r)| cell_like(b, **r))
            .count();
        // A footnote's number and a footer's web address are short too, but
        // they are no cells; with the page's first heading they make no
        // table.
        let worded = body[start..start + run]
            .iter()
            .filter(|b| b.text.chars().any(char::is_alphabetic) && !is_address(&b.text))
            .count();
        if worded >= FIGURE_MIN_RUN {
            for role in &mut roles[start..start + run] {
                *role = Role::Figure;
            }
        }
        start += run.max(1);
    }
}

/// A block whose widest line stays under this share (in percent) of the
/// wrap width is set in a column narrower than the text: a table's.
const TABLE_COLUMN_MAX_PERCENT: usize = 78;
/// A table has at least this many blocks above its caption.
const TABLE_MIN_BLOCKS: usize = 4;
/// A caption is looked for this many blocks below a table's first cell.
const TABLE_MAX_BLOCKS: usize = 240;

/// A caption set under a table ("Table 3: …") closes a run of narrow blocks
/// that are the table's cells: none of them heads a section, however
/// heading-like ("Purple", "1. Education", "AI Should Adapt to Local
/// Context"). The run starts after the last block set at the full width of
/// the text, which is the prose that introduced the table.
fn demote_headings_in_tables(body: &[Block], roles: &mut [Role], shape: &Shape) {
    let Some(wrap) = shape.wrap_width else {
        return;
    };
    let narrow = |block: &Block| block.widest * 100 < wrap * TABLE_COLUMN_MAX_PERCENT;
    for caption in 0..body.len() {
        if roles[caption] != Role::Caption {
            continue;
        }
        let cells = body[..caption]
            .iter()
            .zip(&roles[..caption])
            .rev()
            .take(TABLE_MAX_BLOCKS)
            .take_while(|(block, role)| {
                narrow(block) && !matches!(role, Role::Caption | Role::Contents | Role::EditorNote)
            })
            .count();
        if cells < TABLE_MIN_BLOCKS || cells == TABLE_MAX_BLOCKS {
            continue;
        }
        // A numbered heading right under the prose heads the section the
        // table stands in ("（二）出口表現" over a chart and its source line).
        let first = caption - cells;
        let from = if matches!(roles[first], Role::Numbered(_)) {
            first + 1
        } else {
            first
        };
        for role in &mut roles[from..caption] {
            if matches!(role, Role::Unnumbered | Role::Numbered(_)) {
                *role = Role::Paragraph;
            }
        }
    }
}

/// True for Latin text whose words longer than three letters are all
/// capitalised: "Human Summarisation", not "Behavioural advertisement".
fn title_case(text: &str) -> bool {
    let mut long = text
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .peekable();
    long.peek().is_some()
        && long
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase))
}

/// True for a block that is a bullet glyph alone: the extraction set the
/// list's markers apart from its items ("-", "●", "").
pub(super) fn lone_bullet(text: &str) -> bool {
    let text = text.trim();
    (1..=2).contains(&text.chars().count()) && !text.chars().any(char::is_alphanumeric)
}

/// The short items after a lone bullet glyph ("including in
/// particular:" / "-" / "Behavioural advertisement" / "CCTV" / …) are a
/// list, not headings, up to the first block that is more than an item.
fn demote_items_after_lone_bullet(body: &[Block], roles: &mut [Role]) {
    for i in 0..body.len() {
        if !lone_bullet(&body[i].text) {
            continue;
        }
        for j in i + 1..body.len() {
            let item = body[j].lines <= 2
                && !ends_sentence(&body[j].text)
                && matches!(roles[j], Role::Unnumbered | Role::Paragraph | Role::Figure);
            // A head in title case over running text ends the list.
            let titled_head = roles[j] == Role::Unnumbered
                && title_case(&body[j].text)
                && body.get(j + 1).is_some_and(prose);
            if !item || titled_head {
                break;
            }
            if roles[j] == Role::Unnumbered {
                roles[j] = Role::Paragraph;
            }
        }
    }
}

/// True for a block that reads as running text.
fn prose(block: &Block) -> bool {
    block.lines >= 3
        || ends_sentence(&block.text)
        || ends_like_prose(&block.text)
        || width_within(&block.text, PROSE_MIN_WIDTH).is_none()
}

/// A heading without a number heads something: running text, a list, or a
/// heading of its own below it that does.
/// How the preamble of an act opens after the body that adopts it.
const PREAMBLE_OPENINGS: &[&str] = &["Having regard to", "Whereas", "HAVING REGARD TO", "WHEREAS"];

/// "The European Data Protection Board" / "Having regard to Article 70 …":
/// the body an act or guideline is adopted by opens its preamble; it is
/// the start of a sentence ("… HAS ADOPTED THE FOLLOWING GUIDELINES"), no
/// heading.
fn demote_enacting_bodies(body: &[Block], roles: &mut [Role]) {
    for i in 0..body.len().saturating_sub(1) {
        if roles[i] == Role::Unnumbered
            && PREAMBLE_OPENINGS
                .iter()
                .any(|o| body[i + 1].text.starts_with(o))
        {
            roles[i] = Role::Paragraph;
        }
    }
}

/// "2 ASN.1 structure handling" over "2.1 ASN.1 syntax": a number with no
/// dot before a title is a heading number when the next numbered heading
/// is one of its sections ("2.1", "2.2" …), and then it ranks over them.
/// (Alone, "2 Something" may as well be a footnote or a count.)
fn promote_chapter_numbers(body: &[Block], roles: &mut [Role], shape: &Shape) {
    let section_of = |text: &str| -> Option<u32> {
        let n = numbering(text)?;
        (n.rank == super::headings::rank::ARABIC + 1).then_some(())?;
        text.split('.').next()?.trim().parse().ok()
    };
    let mut next_section: Option<u32> = None;
    for i in (0..body.len()).rev() {
        let text = body[i].text.as_str();
        if matches!(roles[i], Role::Numbered(_))
            && body[i].marker.is_none()
            && let Some(chapter) = section_of(text)
        {
            next_section = Some(chapter);
            continue;
        }
        let Some(chapter) = next_section else {
            continue;
        };
        let promotable = matches!(roles[i], Role::Paragraph | Role::Unnumbered)
            || (matches!(roles[i], Role::Numbered(_)) && numbering(text).is_none());
        if promotable
            && body[i].marker.is_none()
            && chapter_number(text) == Some(chapter)
            && shape.heading_block(text, body[i].lines)
        {
            roles[i] = Role::Numbered(super::headings::rank::ARABIC);
            next_section = None;
        } else if matches!(roles[i], Role::Numbered(_)) {
            // Another heading between: the sections are not this one's.
            next_section = None;
        }
    }
    // A chapter without sections ("1 Introduction") is known by the
    // chapter after it: its number is one less.
    let chapter = super::headings::rank::ARABIC;
    let mut next_chapter: Option<u32> = None;
    for i in (0..body.len()).rev() {
        let text = body[i].text.as_str();
        let number = chapter_number(text);
        if roles[i] == Role::Numbered(chapter) && number.is_some() {
            next_chapter = number;
            continue;
        }
        if let (Some(next), Some(n)) = (next_chapter, number)
            && n + 1 == next
            && matches!(roles[i], Role::Paragraph | Role::Unnumbered)
            && body[i].marker.is_none()
            && shape.heading_block(text, body[i].lines)
        {
            roles[i] = Role::Numbered(chapter);
            next_chapter = Some(n);
        }
    }
}

/// The number of "2 ASN.1 structure handling": one or two digits, a space,
/// and a title that opens with a capital or a CJK character.
pub(super) fn chapter_number(text: &str) -> Option<u32> {
    let (number, title) = text.split_once(' ')?;
    let opens_title = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || super::chars::is_cjk(c));
    (number.len() <= 2 && number.bytes().all(|b| b.is_ascii_digit()) && opens_title)
        .then(|| number.parse().ok())
        .flatten()
}

/// A numbered heading that is a sibling of the one enclosing an unnumbered
/// head, or above it, closes the head's section: the head then headed
/// nothing ("貳、報告事項" / "「…」簡報 (國發會)" / "參、綜合交流").
fn demote_headings_over_nothing(body: &[Block], roles: &mut [Role]) {
    let mut enclosing = Vec::with_capacity(roles.len());
    let mut last_rank = None;
    for role in roles.iter() {
        enclosing.push(last_rank);
        if let Role::Numbered(rank) | Role::RunIn(rank) = role {
            last_rank = Some(*rank);
        }
    }
    for i in (0..roles.len()).rev() {
        if roles[i] != Role::Unnumbered {
            continue;
        }
        let Some(next) = roles.get(i + 1) else {
            continue;
        };
        let heads = match next {
            Role::Numbered(rank) | Role::RunIn(rank) => {
                enclosing[i].is_none_or(|above| *rank > above)
            }
            Role::Unnumbered | Role::Caption | Role::EditorNote => true,
            Role::Footnote => text_after_page_notes(body, roles, i),
            Role::Paragraph => {
                let next = &body[i + 1];
                // Tagged entries one after another ("[P0] RAND｜…" /
                // "[P0] CSET｜…") are the items of an index, none the
                // head of the next; the line above them heads them all.
                let sibling_entry = bracket_tag(&body[i].text) && bracket_tag(&next.text);
                let index_below = bracket_tag(&next.text)
                    && body.get(i + 2).is_some_and(|b| bracket_tag(&b.text));
                !sibling_entry
                    && (index_below
                        || next.marker.is_some()
                        // A head over bullets set apart ("Key Takeaways" /
                        // "•" / …), but not a word that joins ("Or" / "•").
                        || (lone_bullet(&next.text)
                            && !super::headings::joining_word(&body[i].text))
                        || prose(next)
                        || is_field(&next.text)
                        || text_after_page_notes(body, roles, i))
            }
            Role::Figure | Role::Contents => false,
        };
        if !heads {
            roles[i] = Role::Paragraph;
        }
    }
}

/// Blocks that may stand between a heading at a page's foot and the end of
/// its page: that page's footnotes and their labels.
const PAGE_NOTES_MAX: usize = 3;

/// True when the heading at `at` stands at the foot of its page with only
/// footnotes below it ("Stage 3: …" / "4" / "K-Means clustering, described
/// in …"), and prose opens the next page: its text goes on there.
fn text_after_page_notes(body: &[Block], roles: &[Role], at: usize) -> bool {
    let page = body[at].pages.1;
    let Some(turn) = body[at + 1..]
        .iter()
        .take(PAGE_NOTES_MAX + 1)
        .position(|b| b.pages.0 > page)
    else {
        return false;
    };
    let next_page = at + 1 + turn;
    // A note shows itself by its label: "4" alone, or "4 K-Means …".
    let labelled = |b: &Block| {
        let label = b.text.split(' ').next().unwrap_or_default();
        (1..=3).contains(&label.len()) && label.bytes().all(|c| c.is_ascii_digit())
    };
    turn >= 1
        && body[at + 1..next_page].iter().any(labelled)
        && roles[at + 1..next_page]
            .iter()
            .all(|r| matches!(r, Role::Paragraph | Role::Footnote))
        && roles[next_page] == Role::Paragraph
        && prose(&body[next_page])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, lines: usize) -> Block {
        Block {
            text: text.to_string(),
            lines,
            marker: None,
            pages: (0, 0),
            widest: 0,
        }
    }

    /// Roles of blocks (text, lines, widest line) in text wrapped at 90.
    fn roles_in_wrapped_text(rows: &[(&str, usize, usize)]) -> Vec<Role> {
        let body: Vec<Block> = rows
            .iter()
            .map(|(text, lines, widest)| Block {
                widest: *widest,
                ..block(text, *lines)
            })
            .collect();
        let shape = Shape {
            wrap_width: Some(90),
            ..Shape::default()
        };
        body_roles(&body, &shape, &Hints::default())
    }

    fn roles_of(blocks: &[(&str, usize)]) -> Vec<Role> {
        let body: Vec<Block> = blocks.iter().map(|(t, n)| block(t, *n)).collect();
        body_roles(&body, &Shape::default(), &Hints::default())
    }

    #[test]
    fn article_numbers_read_in_every_form() {
        assert_eq!(cjk_numeral_value("二十四"), Some(24));
        assert_eq!(cjk_numeral_value("一百零五"), Some(105));
        assert_eq!(cjk_numeral_value("十"), Some(10));
        assert_eq!(article_number("第二十四條之一"), Some((24, 1)));
        assert_eq!(article_number("第 24-1 條"), Some((24, 1)));
        assert_eq!(article_number("Article 12a Scope"), Some((12, 1)));
        assert_eq!(article_number("第 5 條"), Some((5, 0)));
    }

    #[test]
    fn article_numbers_out_of_order_are_a_table_s_cells() {
        let roles = roles_of(&[
            ("Article 1", 1),
            (
                "The directive lays down measures for a high level of security across the Union.",
                2,
            ),
            ("Article 2", 1),
            (
                "It applies to entities of a type referred to in the annexes to this directive.",
                2,
            ),
            ("Article 3", 1),
            (
                "Member States shall establish a list of essential and important entities.",
                2,
            ),
            ("Article 1", 1),
            ("Article 2", 1),
        ]);
        let article = Role::Numbered(super::super::headings::rank::ARTICLE);
        assert_eq!(roles[0], article);
        assert_eq!(roles[2], article);
        assert_eq!(roles[4], article);
        assert_ne!(roles[6], article);
        assert_ne!(roles[7], article);
    }

    #[test]
    fn table_cells_one_per_line_are_figure_text() {
        let roles = roles_of(&[
            ("議程", 1),
            ("報 到", 1),
            ("開幕詞", 1),
            ("與會者自我介紹", 1),
            ("這是一段正文，說明了會議的安排與討論的重點。", 1),
        ]);
        assert_eq!(roles[..4], [Role::Figure; 4]);
        assert_eq!(roles[4], Role::Paragraph);
    }

    #[test]
    fn heads_inside_a_table_above_its_caption_are_cells() {
        let prose = "The perspectives of the participants fell into three major themes, shown in the table below.";
        let rows = [
            (prose, 2, 90),
            ("AI Should Follow Universal Principles", 1, 37),
            ("This theme argues for consistent global standards.", 1, 51),
            ("AI Should Adapt to Local Context", 1, 32),
            (
                "This theme advocates customising AI for local norms and a range of values.",
                2,
                55,
            ),
            ("Table 1: Summary of the deep dive", 1, 33),
            ("Conclusions", 1, 11),
            (prose, 2, 90),
        ];
        let roles = roles_in_wrapped_text(&rows);
        assert_eq!(roles[1], Role::Paragraph);
        assert_eq!(roles[3], Role::Paragraph);
        assert_eq!(roles[5], Role::Caption);
        assert_eq!(
            roles[6],
            Role::Unnumbered,
            "a heading under the caption stays"
        );
    }

    #[test]
    fn a_numbered_heading_over_a_chart_and_its_source_stays_a_heading() {
        let rows = [
            (
                "今年上半年出口較去年同期成長百分之十二，其中電子零組件與資通訊產品的貢獻最大，約占七成。",
                2,
                90,
            ),
            ("（二）出口表現", 1, 14),
            ("電子零組件", 1, 10),
            ("資通訊產品", 1, 10),
            ("傳統產業", 1, 8),
            ("資料來源：財政部統計處", 1, 22),
        ];
        let roles = roles_in_wrapped_text(&rows);
        assert!(matches!(roles[1], Role::Numbered(_)), "{roles:?}");
        assert_eq!(roles[5], Role::Caption);
    }

    #[test]
    fn a_heading_right_above_a_caption_stays_a_heading() {
        let rows = [
            ("Results", 1, 7),
            ("Table 1: Summary of the deep dive", 1, 33),
            (
                "The perspectives of the participants fell into three major themes, as the table shows.",
                2,
                90,
            ),
        ];
        assert_eq!(roles_in_wrapped_text(&rows)[0], Role::Unnumbered);
    }

    #[test]
    fn a_head_closed_by_the_next_sibling_of_its_section_heads_nothing() {
        let roles = roles_of(&[
            ("貳、報告事項", 1),
            ("「地方創生國家戰略計畫」簡報", 1),
            ("參、綜合交流", 1),
            ("Executive Summary", 1),
        ]);
        assert_eq!(roles[1], Role::Paragraph, "{roles:?}");
        let opening = roles_of(&[
            ("Executive Summary", 1),
            ("1. Introduction", 1),
            (
                "The summit produced a framework that both sides describe as constructive.",
                2,
            ),
        ]);
        assert_eq!(opening[0], Role::Unnumbered, "{opening:?}");
    }

    #[test]
    fn one_line_items_after_a_lone_bullet_are_a_list() {
        let roles = roles_of(&[
            (
                "Examples of monitoring activities include, in particular:",
                1,
            ),
            ("-", 1),
            ("Behavioural advertisement", 1),
            (
                "Online tracking through the use of cookies or other tracking techniques such as fingerprinting",
                1,
            ),
            ("CCTV", 1),
            (
                "Monitoring or regular reporting on an individual’s health status",
                1,
            ),
            (
                "The EDPB considers that the controller must be targeting individuals in the Union, and so on.",
                2,
            ),
        ]);
        assert!(
            roles[2..6].iter().all(|r| *r == Role::Paragraph),
            "{roles:?}"
        );
    }

    #[test]
    fn a_tagged_entry_over_the_next_entry_of_an_index_heads_nothing() {
        let roles = roles_of(&[
            ("科技创新与AI治理", 1),
            ("[P0] RAND｜欧洲AI安全与网络滥用桌面推演洞察", 1),
            (
                "[P0] Center for Security and Emerging Technology｜美国半导体与中国AI军事雄心",
                2,
            ),
            ("[P1] MERICS｜碎片化欧洲如何应对中国科技创新力量", 1),
            ("涉华判断", 1),
            (
                "报告聚焦中国医疗健康数据、跨境流动与AI治理之间的张力，强调健康数据既是AI训练和产业竞争资源。",
                2,
            ),
        ]);
        assert_eq!(roles[0], Role::Unnumbered, "{roles:?}");
        assert_eq!(roles[1], Role::Paragraph, "{roles:?}");
        assert_eq!(roles[2], Role::Paragraph, "{roles:?}");
        assert_eq!(roles[4], Role::Unnumbered, "{roles:?}");
    }

    #[test]
    fn a_label_repeated_mostly_in_tables_is_no_heading_where_it_stands_alone() {
        let mut roles = vec![
            Role::Unnumbered,
            Role::Figure,
            Role::Figure,
            Role::Unnumbered,
            Role::Paragraph,
        ];
        let body: Vec<Block> = ["Delivery", "Delivery", "Delivery", "Regulation", "Delivery"]
            .iter()
            .map(|t| block(t, 1))
            .collect();
        demote_repeated_labels(&body, &mut roles);
        assert_eq!(roles[0], Role::Paragraph);
        assert_eq!(roles[3], Role::Unnumbered);
        let mut heads = vec![Role::Unnumbered; 3];
        let recurring: Vec<Block> = (0..3).map(|_| block("Policy Actions", 1)).collect();
        demote_repeated_labels(&recurring, &mut heads);
        assert_eq!(heads, [Role::Unnumbered; 3], "a head that recurs stays one");
    }

    #[test]
    fn a_heading_at_a_page_foot_over_its_footnotes_heads_the_next_page() {
        let paged = |text: &str, lines: usize, page: u32| Block {
            pages: (page, page),
            ..block(text, lines)
        };
        let body = [
            paged("In total 700 people took part in our consultations.", 2, 3),
            paged("Stage 3: Face-to-face Deliberation", 1, 3),
            paged("4", 1, 3),
            paged("K-Means clustering, described in Polis (2021)", 1, 3),
            paged(
                "In the classic model, the outputs of this consultation were summarised and fed into a discussion.",
                4,
                4,
            ),
        ];
        let mut roles = vec![
            Role::Paragraph,
            Role::Unnumbered,
            Role::Paragraph,
            Role::Paragraph,
            Role::Paragraph,
        ];
        let mut unpaged = roles.clone();
        demote_headings_over_nothing(&body, &mut roles);
        assert_eq!(roles[1], Role::Unnumbered);
        let body = body.map(|b| Block { pages: (0, 0), ..b });
        demote_headings_over_nothing(&body, &mut unpaged);
        assert_eq!(
            unpaged[1],
            Role::Paragraph,
            "without pages a number is no note label"
        );
    }

    #[test]
    fn a_name_with_a_job_title_after_a_comma_heads_nothing() {
        assert!(!may_head_unnumbered(
            "The Rt Hon Keir Starmer KCB KC MP, Prime Minister"
        ));
        assert!(may_head_unnumbered("Research, Development and Deployment"));
    }

    #[test]
    fn a_footnote_number_and_a_web_address_make_no_table_with_a_heading() {
        let roles = roles_of(&[
            ("3", 1),
            ("www.recursivepublic.com", 1),
            ("Stage 2: Digital Participation", 1),
            (
                "The digital portion of the pilot took place on Pol.is, a tool for consensus.",
                2,
            ),
        ]);
        assert_eq!(roles[2], Role::Unnumbered);
    }

    #[test]
    fn a_short_line_over_running_text_is_a_heading() {
        let roles = roles_of(&[
            ("Trade and Tariffs", 1),
            (
                "The leaders agreed to lower tariffs on a range of goods.",
                1,
            ),
            ("Export Controls", 1),
            (
                "Both sides kept their controls on advanced chips in place.",
                1,
            ),
        ]);
        assert_eq!(
            roles,
            [
                Role::Unnumbered,
                Role::Paragraph,
                Role::Unnumbered,
                Role::Paragraph
            ]
        );
    }

    #[test]
    fn labels_counts_dates_and_fields_are_no_headings() {
        for text in [
            "Recommendation 7",
            "Spring 2025",
            "281 agree",
            "(77 agree / 3 disagree)",
            "16 November 2018",
            "機構：RAND",
            "紀錄：洪淑美",
            "Partially Agree. The Industrial",
            "Accountability, Privacy)",
        ] {
            assert!(!may_head_unnumbered(text), "{text}");
        }
        assert!(may_head_unnumbered("Recommended Policy Actions"));
        assert!(may_head_unnumbered(
            "各方關注中美構建「建設性戰略穩定關係」"
        ));
    }

    #[test]
    fn a_short_line_followed_by_a_short_line_heads_nothing() {
        let roles = roles_of(&[
            ("Purple", 1),
            ("Digital Rights", 1),
            ("The group asked for stronger rules on data.", 1),
        ]);
        assert_eq!(
            roles[0],
            Role::Unnumbered,
            "a heading over a heading over text"
        );
        let roles = roles_of(&[
            ("Cluster Interpretations", 1),
            ("Purple", 1),
            ("Teal", 1),
            ("Cyan", 1),
        ]);
        assert!(roles.iter().all(|r| *r == Role::Figure), "{roles:?}");
    }

    #[test]
    fn signatures_are_text_and_name_their_signers() {
        let body: Vec<Block> = [
            ("Introduction", 1),
            ("We set out the plan in what follows.", 1),
            ("Michael J. Kratsios", 1),
            ("Assistant to the President for Science and Technology", 1),
            ("David O. Sacks", 1),
            ("Special Advisor for AI and Crypto", 1),
        ]
        .iter()
        .map(|(t, n)| block(t, *n))
        .collect();
        let mut roles = body_roles(&body, &Shape::default(), &Hints::default());
        let names = signatures(&body, &mut roles);
        assert_eq!(names, ["Michael J. Kratsios", "David O. Sacks"]);
        assert!(
            roles[2..].iter().all(|r| *r == Role::Paragraph),
            "{roles:?}"
        );
        let lone = [
            block("Donald J. Trump", 1),
            block("45th President of the United States", 1),
        ];
        let mut roles = vec![Role::Unnumbered, Role::Unnumbered];
        assert!(signatures(&lone, &mut roles).is_empty());
        assert_eq!(roles, [Role::Paragraph, Role::Paragraph]);
    }

    #[test]
    fn a_family_of_short_first_sentences_is_a_set_of_run_in_headings() {
        let roles = roles_of(&[
            (
                "（一）聚焦扩大国内需求，着力促消费扩投资。创新供给引导需求、优化供给。",
                1,
            ),
            (
                "大力提振消费。实施提振消费专项行动，更大力度释放消费潜力。",
                1,
            ),
            (
                "（二）聚焦科技创新，着力建设现代化产业体系。坚持以科技创新引领产业创新。",
                1,
            ),
        ]);
        assert!(matches!(roles[0], Role::RunIn(_)), "{roles:?}");
        assert!(matches!(roles[2], Role::RunIn(_)), "{roles:?}");
        assert_eq!(
            split_run_in("（一）聚焦需求。创新供给。"),
            ("（一）聚焦需求。", "创新供给。")
        );
        let single = roles_of(&[
            (
                "一、有關委員所詢事項是否繼續列管部分，前開決議事項將持續追蹤進度及更新後續辦理情形。並於網站公告。",
                1,
            ),
            (
                "二、有關委員建議部分：目前政府除已規劃推動雙語國家政策，以提高國家競爭力為目標。",
                1,
            ),
        ]);
        assert!(single.iter().all(|r| *r == Role::Paragraph), "{single:?}");
    }

    #[test]
    fn a_family_of_form_fields_is_no_set_of_headings() {
        let roles = roles_of(&[
            ("一、時間：108 年 1 月 22 日下午 2 時 30 分", 1),
            ("二、地點：社會創新實驗中心", 1),
            ("三、討論主題：宜蘭青年農業的創新可能", 1),
            ("本場以視訊方式進行，歡迎各界踴躍參加並提供建議。", 1),
        ]);
        assert_eq!(roles[..3], [Role::Paragraph; 3]);
        let roles = roles_of(&[
            ("壹、主席致詞", 1),
            ("為期使政府施政更接近青年需求，本院成立青諮會。", 1),
            ("柒、散會：下午 4 時 20 分", 1),
        ]);
        assert!(matches!(roles[0], Role::Numbered(_)));
        assert!(matches!(roles[2], Role::Numbered(_)));
    }
}
