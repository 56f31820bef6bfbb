//! The first blocks of a brief: masthead (series), title, subtitle, authors,
//! affiliation and date; captions and source lines found there go to the
//! front matter.

use super::blocks::Block;
use super::captions::is_caption;
use super::chars::{ends_like_prose, starts_with_any, width_within};
use super::dates::date_of;
use super::fields::{field, is_field};
use super::headings::{HEADING_MAX_WIDTH, numbering};
use super::names::{byline, names, office_and_name};
use super::pages::{PageNames, is_classification};
use crate::brief::{Meta, Paragraph, ParagraphKind};
use unicode_normalization::UnicodeNormalization;

/// The masthead, title and byline fit in this many blocks.
const LEAD_MAX_BLOCKS: usize = 12;
/// A title, byline or affiliation is no wider than this.
const LEAD_MAX_WIDTH: usize = 160;
/// Titles may run longer than section headings, up to two full lines.
const TITLE_MAX_WIDTH: usize = 2 * HEADING_MAX_WIDTH;
/// A masthead this narrow (six CJK characters) is no title.
const MASTHEAD_MAX_WIDTH: usize = 12;

#[rustfmt::skip]
const SERIES_WORDS: &[&str] = &[
    "論壇", "论坛", "評論", "评论", "快評", "快评", "觀察", "观察", "簡報", "简报", "通訊", "通讯", "季刊", "月刊", "週報",
    "周报", "週刊", "周刊", "專刊", "专刊", "報告", "报告", "研析", "專欄", "专栏", "forum", "brief", "commentary",
    "perspective", "insight", "review", "bulletin", "newsletter", "quarterly", "series",
    "working paper", "report", "analysis", "digest", "monitor", "observer", "update",
];
#[rustfmt::skip]
const ORG_SUFFIXES: &[&str] = &[
    "基金會", "基金会", "研究院", "研究所", "研究中心", "中心", "學會", "学会", "協會", "协会", "智庫", "智库", "foundation",
    "institute", "institution", "center", "centre", "council", "association", "society",
    "think tank", "委員會", "委员会", "辦公室", "办公室", "commission", "committee",
    "corporation", "endowment", "laboratory", "ministry", "bureau", "研究會", "研究会", "研究室",
    "office", "agency", "department",
];
#[rustfmt::skip]
const AFFILIATION_WORDS: &[&str] = &[
    "大學", "大学", "學院", "学院", "研究院", "研究所", "研究中心", "學系", "学系", "教授", "研究員", "研究员", "講師", "讲师",
    "博士", "主任", "所長", "所长", "院長", "院长", "執行長", "执行长", "分析師", "分析师", "顧問", "顾问", "基金會", "基金会",
    "智庫", "智库", "中心", "university", "institute", "college", "center", "centre", "foundation",
    "school", "department", "professor", "fellow", "researcher", "research", "academy",
    "council", "director", "analyst", "lecturer", "ministry",
];
fn contains_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// True for the name of an organisation: "財團法人兩岸交流遠景基金會", "Prospect Foundation".
pub(super) fn is_org_name(text: &str) -> bool {
    if width_within(text, 80).is_none() || ends_like_prose(text) {
        return false;
    }
    // NFKC first: a PDF's ligatures ("Ofﬁce") hide the words otherwise.
    let lower: String = text.trim().nfkc().collect::<String>().to_lowercase();
    starts_with_any(&lower, &["財團法人", "财团法人", "社團法人", "社团法人"])
        || ORG_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

/// A series name is short, or carries an issue number; a long line with a
/// series word ("…工作报告", "…动态简报（2026-07-04）") is a title.
const SERIES_MAX_WIDTH: usize = 20;

fn series_like(text: &str) -> bool {
    let lower = text.to_lowercase();
    let numbered = ["期", "號", "号", "no.", "vol.", "issue", "#"]
        .iter()
        .any(|w| lower.contains(w));
    (contains_word(text, SERIES_WORDS)
        && (numbered || width_within(text, SERIES_MAX_WIDTH).is_some()))
        || volume_and_issue(text)
        || issue_number(&lower)
        || is_classification(text)
}

/// A series band's issue number opening its line: "No. 3856 | October 22,
/// 2024", "No. 12".
fn issue_number(lower: &str) -> bool {
    lower
        .strip_prefix("no.")
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// A place of publication: "Washington, DC", "Canberra ACT 2600".
fn is_place(text: &str) -> bool {
    let Some((city, region)) = text.trim().rsplit_once([',', ' ']) else {
        return false;
    };
    let region = region.trim();
    let code = region.len() == 2 && region.chars().all(|c| c.is_ascii_uppercase());
    let city_words = city.split_whitespace().count();
    code && (1..=3).contains(&city_words) && city.starts_with(char::is_uppercase)
}

/// True for a journal's volume and issue: "第68卷第2期", "Vol. 12, No. 3".
fn volume_and_issue(text: &str) -> bool {
    let counted = |unit: &str| {
        text.split('第').skip(1).any(|after| {
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && after[digits..].starts_with(unit)
        })
    };
    let lower = text.to_lowercase();
    (counted("卷") && counted("期")) || (lower.contains("vol.") && lower.contains("no."))
}

/// A few words in capitals, not a series or an organisation: lines of a
/// title set large on a cover, a word or two a line.
fn capital_words(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 3
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        && !series_like(text)
        && !is_org_name(text)
}

fn masthead_like(text: &str) -> bool {
    series_like(text)
        || is_org_name(text)
        || width_within(text, MASTHEAD_MAX_WIDTH).is_some()
        || (text.chars().any(|c| c.is_ascii_alphabetic()) && !text.chars().any(char::is_lowercase))
}

/// True for an official document's number: "国发〔2024〕12号",
/// "院臺教字第1050033957號", "(2024) 12號".
fn is_document_number(text: &str) -> bool {
    let text = text.trim();
    if width_within(text, 40).is_none() || !text.ends_with(['号', '號']) {
        return false;
    }
    let year_in_brackets = ["〔", "[", "（", "(", "［"].iter().any(|open| {
        text.split(open).skip(1).any(|after| {
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            digits == 4 && after[digits..].starts_with(['〕', ']', '）', ')', '］'])
        })
    });
    let numbered_word = text.contains("字第");
    year_in_brackets || numbered_word
}

/// True when `next` finishes a title wrapped after `title`: `title` stops
/// mid-phrase ("…Russia to"), or `next` opens in lower case or is the
/// question's last words ("Income?"). Latin script only: a Chinese title's
/// second line is as often its subtitle.
fn title_goes_on(title: &str, next: &str) -> bool {
    let latin =
        |t: &str| !t.chars().any(super::chars::is_cjk) && t.chars().any(char::is_alphabetic);
    if !latin(title) || !latin(next) || ends_like_prose(title) || title.ends_with(['?', ':', '.']) {
        return false;
    }
    super::headings::ends_mid_phrase(&title.to_lowercase())
        || next.starts_with(char::is_lowercase)
        || (next.ends_with('?') && next.split_whitespace().count() <= 3)
        || head_noun(next)
}

/// True for a title's head noun alone on its last line ("Framework"): one
/// capitalised word, which no subtitle is.
fn head_noun(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && line.starts_with(|c: char| c.is_ascii_uppercase())
        && line.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && line.chars().count() >= 4
}

/// True when `after` ends a title set over three lines, with `next` in
/// between: a question's last words ("How Would Joe Biden Reform" / "Social
/// Security and Supplemental Security" / "Income?"), or the title's head
/// noun alone on the last line ("…Access Management (GC ICAM)" /
/// "Framework"). A subtitle neither asks the title's question nor is one
/// word.
fn title_ends_after(title: &str, next: &str, after: &str) -> bool {
    let latin = |t: &str| {
        !t.chars().any(super::chars::is_cjk)
            && t.chars().any(char::is_alphabetic)
            && !t.chars().any(|c| c.is_ascii_digit())
    };
    if ![title, next, after].iter().all(|t| latin(t))
        || [title, next]
            .iter()
            .any(|t| ends_like_prose(t) || t.ends_with(['?', ':', '.']))
    {
        return false;
    }
    let question_end = after.ends_with('?') && after.split_whitespace().count() <= 3;
    question_end || head_noun(after)
}

/// True for a line set letter-spaced, a space between each letter ("O c t o
/// b e r", "2 0 1 8"): a cover's ornament (a date, a band), never its title.
fn letter_spaced(text: &str) -> bool {
    let mut words = 0;
    for word in text.split(' ') {
        if word.chars().count() != 1 {
            return false;
        }
        words += 1;
    }
    words >= 4
}

/// What a block at the head of a brief is.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Caption,
    Date(String),
    Authors(Vec<String>),
    Affiliation,
    /// A particular of a meeting or record: "時間：…", "地點：…".
    Field,
    /// Names with their posts: the names are the authors, the line (after
    /// a byline prefix) the affiliation.
    AuthorsPosted(Vec<String>, String),
    /// Particulars with a byline among them, kept whole as a field:
    /// "主席：…　紀錄：洪淑美".
    FieldBy(Vec<String>),
    /// An issuing agency and a date on one line: "國家發展委員會 108.1.11".
    DatedAgency {
        agency: String,
        date: String,
    },
    /// A title, subtitle or masthead; which one is settled by position.
    Plain,
}

impl Role {
    fn is_byline(&self) -> bool {
        matches!(
            self,
            Role::Date(_)
                | Role::Authors(_)
                | Role::AuthorsPosted(..)
                | Role::Affiliation
                | Role::Field
                | Role::FieldBy(_)
                | Role::DatedAgency { .. }
        )
    }
}

/// How far the head of the brief has got when a block is read.
#[derive(Debug, Clone, Copy, Default)]
struct Progress {
    /// Plain lines so far (mastheads and titles).
    plains: usize,
    /// Plain lines that cannot be a masthead: a title has been seen.
    titles: usize,
    /// Author lines so far.
    bylines: usize,
    /// Particulars ("時間：…") so far.
    fields: usize,
}

fn role(block: &Block, progress: Progress) -> Option<Role> {
    let text = block.text.as_str();
    if is_caption(text) {
        return Some(Role::Caption);
    }
    if block.marker.is_some()
        || numbering(text).is_some()
        || block.lines > 3
        || width_within(text, LEAD_MAX_WIDTH).is_none()
    {
        return None;
    }
    if let Some(date) = date_of(text) {
        return Some(Role::Date(date.to_string()));
    }
    // "国发〔2024〕12号": the document's number stays with its particulars;
    // so do a classification mark and a place of publication.
    if is_document_number(text) || is_classification(text) || is_place(text) {
        return Some(Role::Field);
    }
    if let Some((agency, date)) = text.rsplit_once(char::is_whitespace)
        && date_of(date).is_some_and(|d| d.len() == date.len())
        && is_org_name(agency.trim())
    {
        return Some(Role::DatedAgency {
            agency: agency.trim().to_string(),
            date: date.to_string(),
        });
    }
    if let Some((authors, posts)) = super::names::byline_with_posts(text) {
        return Some(Role::AuthorsPosted(authors, posts));
    }
    if let Some(authors) = byline(text) {
        return Some(Role::Authors(authors));
    }
    // The office stays, as the affiliation: "研究員　陳美玲".
    if let Some((office, name)) = office_and_name(text) {
        return Some(Role::AuthorsPosted(vec![name], office));
    }
    if is_field(text) {
        return Some(match super::names::trailing_byline(text) {
            Some(authors) => Role::FieldBy(authors),
            None => Role::Field,
        });
    }
    // A short title may look like a masthead; names may follow two lines.
    // An affiliation's words ("大學", "Research") also appear in titles,
    // so it needs a surer title, or a name, before it.
    if (progress.titles >= 1 || progress.plains >= 2)
        && let Some(authors) = super::names::names_with_posts(text)
    {
        return Some(Role::AuthorsPosted(authors, text.to_string()));
    }
    let affiliation_due = progress.titles >= 1 || progress.bylines >= 1;
    if affiliation_due && contains_word(text, AFFILIATION_WORDS) && !text.trim_end().ends_with('。')
    {
        return Some(Role::Affiliation);
    }
    if (progress.titles >= 1 || progress.plains >= 2)
        && let Some(authors) = names(text)
    {
        return Some(Role::Authors(authors));
    }
    // A title has words: a bullet glyph alone ("•") is none.
    let plain = width_within(text, TITLE_MAX_WIDTH).is_some()
        && !ends_like_prose(text)
        && text.chars().any(char::is_alphanumeric);
    plain.then_some(Role::Plain)
}

/// True when the fields that open `blocks` are counts ("新增条目：93",
/// "涉及机构：17"): a summary's figures, not a meeting's particulars, so
/// the short line above them is their heading, no subtitle.
fn heads_counts(blocks: &[Block]) -> bool {
    let fields: Vec<&str> = blocks
        .iter()
        .map_while(|b| field(&b.text).map(|(_, value)| value))
        .collect();
    fields.len() >= 2
        && fields
            .iter()
            .any(|v| v.chars().all(|c| c.is_ascii_digit() || c == ','))
}

/// Reads the masthead, title and byline from the first of `blocks` into
/// `meta`, captions among them into `front`; returns how many blocks it used.
pub(super) fn read_lead(
    blocks: &[Block],
    meta: &mut Meta,
    front: &mut Vec<Paragraph>,
    page_names: &PageNames,
) -> usize {
    let mut roles = Vec::new();
    let mut progress = Progress::default();
    for (i, block) in blocks.iter().enumerate().take(LEAD_MAX_BLOCKS) {
        let Some(mut role) = role(block, progress) else {
            break;
        };
        // "政策簡報：出口管制的下一步" opening the brief, with its text or
        // its first heading right after it, is its title set with a colon,
        // not a field: particulars stand together, and a title follows one.
        let text_follows = blocks.get(1).is_some_and(|next| {
            !super::fields::is_field(&next.text)
                && (next.lines > 1
                    || ends_like_prose(&next.text)
                    || numbering(&next.text).is_some())
        });
        if role == Role::Field
            && i == 0
            && text_follows
            && width_within(&block.text, TITLE_MAX_WIDTH).is_some()
            && !ends_like_prose(&block.text)
        {
            role = Role::Plain;
        }
        if role == Role::Plain && progress.titles > 0 && heads_counts(&blocks[i + 1..]) {
            break;
        }
        // A plain line after the particulars heads the body ("P0/P1重点"
        // after "新增条目：93"), it is no second title.
        if role == Role::Plain && progress.fields > 0 && progress.titles > 0 {
            break;
        }
        match role {
            Role::Plain => {
                progress.plains += 1;
                if !masthead_like(&block.text) {
                    progress.titles += 1;
                }
            }
            Role::Authors(_) | Role::AuthorsPosted(..) => progress.bylines += 1,
            Role::Field => progress.fields += 1,
            Role::FieldBy(_) => {
                progress.fields += 1;
                progress.bylines += 1;
            }
            _ => {}
        }
        roles.push(role);
    }
    let end = match roles.iter().rposition(Role::is_byline) {
        Some(last) => last + 1,
        // No byline: mastheads that name a series or an organisation
        // ("立法會CB(4)…號文件", "…事務委員會"), then at most a masthead and a
        // title open the brief.
        None => {
            let mut plain_positions = roles.iter().enumerate().filter(|(_, r)| **r == Role::Plain);
            // A masthead over an organisation's name is one more masthead.
            let positions: Vec<usize> = plain_positions.clone().map(|(at, _)| at).collect();
            let named = positions
                .windows(2)
                .take(2)
                .take_while(|w| {
                    masthead_like(&blocks[w[0]].text)
                        && (series_like(&blocks[w[1]].text) || is_org_name(&blocks[w[1]].text))
                })
                .count();
            for _ in 0..named {
                plain_positions.next();
            }
            match (plain_positions.next(), plain_positions.next()) {
                (Some((first, _)), Some((second, _))) if masthead_like(&blocks[first].text) => {
                    second + 1
                }
                (Some((first, _)), _) => first + 1,
                (None, _) => 0,
            }
        }
    };
    // Captions right after the title block still belong to the front matter.
    let end = end
        + roles[end..]
            .iter()
            .take_while(|r| **r == Role::Caption)
            .count();
    // A character alone on its line is a letter of text set vertically (a
    // sidebar's "金" / "融" / "工" / "程"), never a title.
    let plain_indices: Vec<usize> = (0..end)
        .filter(|&i| {
            roles[i] == Role::Plain
                && blocks[i].text.chars().nth(1).is_some()
                && !letter_spaced(&blocks[i].text)
        })
        .collect();
    let mut plain_texts = plain_indices
        .iter()
        .map(|&i| blocks[i].text.as_str())
        .peekable();
    // A cover title set word by word in capitals ("RECURSIVE" / "PUBLIC")
    // reads as one title, not as a run of mastheads.
    let set_apart: Vec<&Block> = plain_indices
        .iter()
        .enumerate()
        .take_while(|&(k, &i)| i == plain_indices[0] + k && capital_words(&blocks[i].text))
        .map(|(_, &i)| &blocks[i])
        .collect();
    let lines: usize = set_apart.iter().map(|b| b.lines).sum();
    let mut joined_title = None;
    if lines >= 2 && set_apart.len() < plain_indices.len() {
        let set_apart: Vec<&str> = set_apart.iter().map(|b| b.text.as_str()).collect();
        joined_title = Some(set_apart.join(" "));
        for _ in 0..set_apart.len() {
            plain_texts.next();
        }
    }
    // Mastheads (a publisher, a series) come first; one plain line at least
    // is left for the title.
    let mut left = plain_indices.len();
    while joined_title.is_none()
        && left >= 2
        && let Some(masthead) = plain_texts.next_if(|t| masthead_like(t))
    {
        left -= 1;
        let slot = if is_org_name(masthead) && !series_like(masthead) {
            &mut meta.publisher
        } else {
            &mut meta.series
        };
        match slot {
            Some(known) => {
                // A space, not a separator of our own: the loader never
                // shows a character the brief does not have.
                known.push(' ');
                known.push_str(masthead);
            }
            None => *slot = Some(masthead.to_string()),
        }
    }
    meta.title = joined_title.or_else(|| plain_texts.next().map(str::to_string));
    // A title wrapped over lines the extraction set apart goes on where its
    // line stops mid-phrase or the next opens in lower case ("The Long-Run
    // Effects of Federal Budget Deficits" / "on National Saving …").
    while let Some(title) = meta.title.as_mut() {
        let mut ahead = plain_texts.clone();
        let (Some(next), after) = (ahead.next(), ahead.next()) else {
            break;
        };
        let lines = if title_goes_on(title, next) {
            1
        } else if after.is_some_and(|after| title_ends_after(title, next, after)) {
            2
        } else {
            break;
        };
        for _ in 0..lines {
            if let Some(rest) = plain_texts.next() {
                title.push(' ');
                title.push_str(rest);
            }
        }
    }
    meta.subtitle = plain_texts.next().map(str::to_string);
    let extra: Vec<&str> = plain_texts.collect();
    let mut agencies: Vec<&str> = Vec::new();
    for (i, role) in roles[..end].iter().enumerate() {
        let text = &blocks[i].text;
        // A byline line stays in the text, where a search finds it: the
        // meta data copies it, it does not take it away.
        if matches!(
            role,
            Role::Authors(_)
                | Role::AuthorsPosted(..)
                | Role::Affiliation
                | Role::Date(_)
                | Role::DatedAgency { .. }
        ) {
            front.push(Paragraph {
                pages: page_names.span(blocks[i].pages),
                ..Paragraph::plain(ParagraphKind::Text, text.clone())
            });
        }
        match role {
            Role::Caption => front.push(Paragraph {
                pages: page_names.span(blocks[i].pages),
                ..Paragraph::plain(ParagraphKind::Caption, text.clone())
            }),
            Role::Date(date) => {
                meta.date.get_or_insert_with(|| date.clone());
            }
            Role::Authors(names) => meta.authors.extend(names.iter().cloned()),
            Role::AuthorsPosted(names, posts) => {
                meta.authors.extend(names.iter().cloned());
                match &mut meta.affiliation {
                    Some(a) => {
                        a.push(' ');
                        a.push_str(posts);
                    }
                    None => meta.affiliation = Some(posts.clone()),
                }
            }
            Role::DatedAgency { agency, date } => {
                meta.date.get_or_insert_with(|| date.clone());
                agencies.push(agency.as_str());
            }
            Role::Affiliation => match &mut meta.affiliation {
                Some(a) => {
                    a.push(' ');
                    a.push_str(text);
                }
                None => meta.affiliation = Some(text.clone()),
            },
            Role::Field => front.push(Paragraph {
                pages: page_names.span(blocks[i].pages),
                ..Paragraph::plain(ParagraphKind::Text, text.clone())
            }),
            Role::FieldBy(names) => {
                meta.authors.extend(names.iter().cloned());
                front.push(Paragraph {
                    pages: page_names.span(blocks[i].pages),
                    ..Paragraph::plain(ParagraphKind::Text, text.clone())
                });
            }
            Role::Plain if extra.contains(&text.as_str()) => front.push(Paragraph {
                pages: page_names.span(blocks[i].pages),
                ..Paragraph::plain(ParagraphKind::Text, text.clone())
            }),
            Role::Plain => {}
        }
    }
    // An agency named under the title, with no person signing, issued the
    // brief: it is the corporate author ("國家發展委員會" under an agenda).
    if meta.authors.is_empty()
        && let Some(agency) = agencies
            .first()
            .copied()
            .or_else(|| extra.iter().copied().find(|t| is_org_name(t)))
    {
        meta.authors.push(agency.to_string());
    }
    end
}

/// Many reports run their title as the page header: when a block of the
/// first page starts with a running header, that header is the title, and
/// what was taken for the title is its subtitle. Authors that are words of
/// the title were its lines.
pub(super) fn title_from_running_header(blocks: &[Block], running: &[String], meta: &mut Meta) {
    let squeeze = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    // A title set over several lines may have been read as several blocks,
    // and the inside cover often repeats the cover.
    let first_page = blocks
        .iter()
        .take(LEAD_MAX_BLOCKS)
        .take_while(|b| b.pages.0 <= 1)
        .count();
    let mut running: Vec<&String> = running.iter().collect();
    running.sort_by_key(|r| std::cmp::Reverse(r.len()));
    let found = (0..first_page).find_map(|i| {
        let text: String = blocks[i..first_page.min(i + 3)]
            .iter()
            .map(|b| squeeze(&b.text))
            .collect();
        running.iter().copied().find(|r| {
            r.chars().filter(|c| c.is_alphabetic()).count() >= 8 && text.starts_with(&squeeze(r))
        })
    });
    let Some(title) = found else {
        return;
    };
    let title_key = squeeze(title);
    if meta
        .title
        .as_deref()
        .is_some_and(|t| squeeze(t) == title_key)
    {
        return;
    }
    if let Some(old) = meta.title.take()
        && !title_key.contains(&squeeze(&old))
    {
        meta.subtitle = Some(old);
    }
    meta.authors.retain(|a| !title_key.contains(&squeeze(a)));
    meta.title = Some(title.clone());
}

/// Labels that name the document itself: "法規名稱：勞動基準法" in a law
/// database's print, "Title: …" in a record.
const TITLE_LABELS: &[&str] = &[
    "法規名稱",
    "法规名称",
    "標題",
    "标题",
    "題目",
    "题目",
    "title",
];

/// The title a labelled field at the head of the brief states, which
/// outranks any guess from position: statutes printed from a law database
/// open with their particulars, the name first.
pub(super) fn title_from_label(lead: &[Block], meta: &mut Meta) {
    let stated = lead.iter().take(LEAD_MAX_BLOCKS).find_map(|b| {
        let (label, value) = field(&b.text)?;
        let label = label.to_lowercase();
        (TITLE_LABELS.contains(&label.as_str()) && width_within(value, TITLE_MAX_WIDTH).is_some())
            .then(|| value.to_string())
    });
    if let Some(title) = stated {
        meta.title = Some(title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_set_word_by_word_in_capitals_is_one_title() {
        let (meta, ..) = lead(
            "RECURSIVE\nPUBLIC\nPiloting Connected Democratic Engagement with AI Governance\nFlynn Devine\nCarl Miller\n\nNovember 2023\n\nThe project team set out to pilot a way of sourcing democratic signals.",
        );
        assert_eq!(meta.title.as_deref(), Some("RECURSIVE PUBLIC"));
        assert!(
            meta.subtitle
                .as_deref()
                .is_some_and(|s| s.starts_with("Piloting Connected")),
            "{meta:?}"
        );
        assert!(meta.series.is_none(), "{meta:?}");
    }

    fn lead(text: &str) -> (Meta, Vec<Paragraph>, usize, usize) {
        let (blocks, _) = super::super::blocks::blocks(super::super::pages::page_items(text));
        let mut meta = Meta::default();
        let mut front = Vec::new();
        let used = read_lead(&blocks, &mut meta, &mut front, &PageNames::default());
        (meta, front, used, blocks.len())
    }

    #[test]
    fn classification_marks_and_places_are_no_titles() {
        let (meta, _, _, _) = lead(
            "UNCLASSIFIED\n\nWorking Paper Series\n\nWashington, DC\n\nThe Long-Run Effects of Deficits\n\nJane Doe\n\nThe text begins here and runs on for a while, as text does.",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("The Long-Run Effects of Deficits")
        );
    }

    #[test]
    fn traditional_masthead_title_byline() {
        let (meta, front, used, _) = lead(
            "遠景論壇\n\n\n\n某日川普訪問中國。(圖片來源：<https://example.org>)\n\n川習北京峰會後的美中外交動向\n\n盧政鋒\n\n金門大學國際暨大陸事務學系副教授\n\n正文第一段。",
        );
        assert_eq!(meta.series.as_deref(), Some("遠景論壇"));
        assert_eq!(meta.title.as_deref(), Some("川習北京峰會後的美中外交動向"));
        assert_eq!(meta.authors, ["盧政鋒"]);
        assert_eq!(
            meta.affiliation.as_deref(),
            Some("金門大學國際暨大陸事務學系副教授")
        );
        assert_eq!(meta.date, None, "no date is taken out of a caption");
        assert_eq!(front[0].kind, ParagraphKind::Caption);
        // The byline's lines stay in the text, copied to the meta data.
        let kept: Vec<String> = front[1..].iter().map(Paragraph::text).collect();
        assert_eq!(kept, ["盧政鋒", "金門大學國際暨大陸事務學系副教授"]);
        assert_eq!(used, 5);
    }

    #[test]
    fn simplified_with_date_and_subtitle() {
        let (meta, _, used, _) = lead(
            "国防观察\n\n稀土出口管制的新局\n\n——中美博弈的下一步\n\n作者：王明、李小华\n\n国立政治大学国际关系研究中心研究员\n\n2026年5月13日\n\n一、前言\n\n正文。",
        );
        assert_eq!(meta.series.as_deref(), Some("国防观察"));
        assert_eq!(meta.title.as_deref(), Some("稀土出口管制的新局"));
        assert_eq!(meta.subtitle.as_deref(), Some("——中美博弈的下一步"));
        assert_eq!(meta.authors, ["王明", "李小华"]);
        assert_eq!(
            meta.affiliation.as_deref(),
            Some("国立政治大学国际关系研究中心研究员")
        );
        assert_eq!(meta.date.as_deref(), Some("2026年5月13日"));
        assert_eq!(used, 6, "the numbered heading starts the body");
    }

    #[test]
    fn a_publisher_and_a_series_above_the_title_without_blank_lines() {
        let (meta, _, used, _) = lead(
            "國防安全研究院\n國防安全週報 第 152 期\n美國印太戰略的調整與臺灣的因應\n李明華\n國防安全研究院國家安全研究所助理研究員\n2026 年 5 月 20 日\n壹、前言\n　　正文從這裡開始，內容相當長，足以讓文字換行到下一行去，\n並且繼續說明。",
        );
        assert_eq!(meta.publisher.as_deref(), Some("國防安全研究院"));
        assert_eq!(meta.series.as_deref(), Some("國防安全週報 第 152 期"));
        assert_eq!(
            meta.title.as_deref(),
            Some("美國印太戰略的調整與臺灣的因應")
        );
        assert_eq!(meta.authors, ["李明華"]);
        assert_eq!(meta.date.as_deref(), Some("2026 年 5 月 20 日"));
        assert_eq!(used, 6);
    }

    #[test]
    fn a_title_with_affiliation_words_after_two_mastheads_stays_a_title() {
        let (meta, _, _, _) = lead(
            "國防安全研究院\n\n國防安全週報\n\n美國大學研究\n\n王明\n\n政治大學教授\n\n正文。",
        );
        assert_eq!(meta.title.as_deref(), Some("美國大學研究"));
        assert_eq!(meta.authors, ["王明"]);
        assert_eq!(meta.affiliation.as_deref(), Some("政治大學教授"));
    }

    #[test]
    fn english_lead() {
        let (meta, _, used, _) = lead(
            "Prospect Forum\n\nThe Limits of Managed Rivalry\n\nJane Doe\n\nSenior Fellow, Prospect Foundation\n\nMay 13, 2026\n\nIntroduction\n\nThe summit ended.",
        );
        assert_eq!(meta.series.as_deref(), Some("Prospect Forum"));
        assert_eq!(meta.title.as_deref(), Some("The Limits of Managed Rivalry"));
        assert_eq!(meta.authors, ["Jane Doe"]);
        assert_eq!(
            meta.affiliation.as_deref(),
            Some("Senior Fellow, Prospect Foundation")
        );
        assert_eq!(meta.date.as_deref(), Some("May 13, 2026"));
        assert_eq!(
            used, 5,
            "the short line after the byline is a heading of the body"
        );
    }

    #[test]
    fn a_line_over_a_summary_of_counts_heads_it_and_is_no_subtitle() {
        let (meta, _, used, _) = lead(
            "国际科技智库动态简报（2026-07-04）\n新增概览\n新增条目：93\n涉及机构：17\n高频主题：AI治理, 数字经济\n\n重点\n该文分析中国军队将AI嵌入后勤体系的战略含义，其核心判断是智能化调度、仓储、运输和保障体系可提升平时\n该文分析中国军队将AI嵌入后勤体系的战略含义，其核心判断是智能化调度、仓储、运输和保障体系可提升平时\n该文分析中国军队将AI嵌入后勤体系的战略含义，其核心判断是智能化调度、仓储、运输和保障体系可提升平时\n该文分析中国军队将AI嵌入后勤体系的战略含义，其核心判断是智能化调度、仓储、运输和保障体系可提升平时\n效率。",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("国际科技智库动态简报（2026-07-04）")
        );
        assert_eq!(meta.subtitle, None);
        assert_eq!(used, 1);
        let (meta, ..) = lead(
            "美中關係的新階段\n\n座談會紀要\n時間：107 年 12 月 7 日\n地點：本院大禮堂\n\n正文。",
        );
        assert_eq!(
            meta.subtitle.as_deref(),
            Some("座談會紀要"),
            "particulars are no counts: {meta:?}"
        );
    }

    #[test]
    fn a_title_alone_and_then_the_body() {
        let (meta, _, used, _) = lead("美中關係的新階段\n\n前言\n\n本文討論美中關係。");
        assert_eq!(meta.title.as_deref(), Some("美中關係的新階段"));
        assert_eq!(meta.series, None);
        assert_eq!(used, 1);
    }

    #[test]
    fn a_brief_that_opens_with_prose_has_no_title() {
        let (meta, _, used, _) = lead("本文討論美中關係。\n\n第二段。");
        assert_eq!(meta.title, None);
        assert_eq!(used, 0);
    }
}
