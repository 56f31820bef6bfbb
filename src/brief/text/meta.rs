//! The first blocks of a brief: masthead (series), title, subtitle, authors,
//! affiliation and date; captions and source lines found there go to the
//! front matter.

use super::blocks::Block;
use super::chars::{Scan, ends_like_prose, is_cjk_numeral, is_han, starts_with_any, width_within};
use super::headings::{HEADING_MAX_WIDTH, numbering};
use crate::brief::{Meta, Paragraph, ParagraphKind};

/// The masthead, title and byline fit in this many blocks.
const LEAD_MAX_BLOCKS: usize = 12;
/// A title, byline or affiliation is no wider than this.
const LEAD_MAX_WIDTH: usize = 160;
/// Titles may run longer than section headings, up to two full lines.
const TITLE_MAX_WIDTH: usize = 2 * HEADING_MAX_WIDTH;
/// A caption is at most this many characters.
const CAPTION_MAX_WIDTH: usize = 600;
/// A masthead this narrow (six CJK characters) is no title.
const MASTHEAD_MAX_WIDTH: usize = 12;

const SOURCE_MARKERS: &[&str] = &[
    "圖片來源",
    "图片来源",
    "照片來源",
    "照片来源",
    "資料來源",
    "资料来源",
    "圖源",
    "图源",
    "來源：",
    "来源：",
    "來源:",
    "来源:",
    "攝影：",
    "摄影：",
    "source:",
    "sources:",
    "photo:",
    "photo credit",
    "photo source",
    "image:",
    "image source",
    "image credit",
    "credit:",
];
const FIGURE_MARKERS: &[&str] = &[
    "圖", "图", "表", "figure", "fig.", "table", "chart", "exhibit",
];
const SERIES_WORDS: &[&str] = &[
    "論壇",
    "论坛",
    "評論",
    "评论",
    "快評",
    "快评",
    "觀察",
    "观察",
    "簡報",
    "简报",
    "通訊",
    "通讯",
    "季刊",
    "月刊",
    "週報",
    "周报",
    "週刊",
    "周刊",
    "專刊",
    "专刊",
    "報告",
    "报告",
    "研析",
    "專欄",
    "专栏",
    "forum",
    "brief",
    "commentary",
    "perspective",
    "insight",
    "review",
    "bulletin",
    "newsletter",
    "quarterly",
    "series",
    "working paper",
    "report",
    "analysis",
    "digest",
    "monitor",
    "observer",
    "update",
];
const ORG_SUFFIXES: &[&str] = &[
    "基金會",
    "基金会",
    "研究院",
    "研究所",
    "研究中心",
    "中心",
    "學會",
    "学会",
    "協會",
    "协会",
    "智庫",
    "智库",
    "foundation",
    "institute",
    "institution",
    "center",
    "centre",
    "council",
    "association",
    "society",
    "think tank",
];
const AFFILIATION_WORDS: &[&str] = &[
    "大學",
    "大学",
    "學院",
    "学院",
    "研究院",
    "研究所",
    "研究中心",
    "學系",
    "学系",
    "教授",
    "研究員",
    "研究员",
    "講師",
    "讲师",
    "博士",
    "主任",
    "所長",
    "所长",
    "院長",
    "院长",
    "執行長",
    "执行长",
    "分析師",
    "分析师",
    "顧問",
    "顾问",
    "基金會",
    "基金会",
    "智庫",
    "智库",
    "中心",
    "university",
    "institute",
    "college",
    "center",
    "centre",
    "foundation",
    "school",
    "department",
    "professor",
    "fellow",
    "researcher",
    "research",
    "academy",
    "council",
    "director",
    "analyst",
    "lecturer",
    "ministry",
];
const BYLINE_PREFIXES: &[&str] = &[
    "作者：",
    "作者:",
    "作者／",
    "作者/",
    "文／",
    "文/",
    "撰文：",
    "撰稿：",
    "撰稿人：",
    "written by ",
    "by ",
    "authors:",
    "author:",
];
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "da", "du", "le", "la",
];
const NOT_NAME_WORDS: &[&str] = &[
    "the", "of", "in", "on", "for", "to", "after", "with", "a", "an", "at", "from", "between",
    "over", "under", "new", "policy", "strategy", "war", "peace", "china", "taiwan", "states",
];

/// True when `text` (a block) is an image caption or a source line.
pub(super) fn is_caption(text: &str) -> bool {
    if width_within(text, CAPTION_MAX_WIDTH).is_none() {
        return false;
    }
    if starts_with_any(text, SOURCE_MARKERS) || figure_label(text) {
        return true;
    }
    // "… (圖片來源：<url>)": a source in parentheses closing the block.
    let trimmed = text.trim_end();
    let Some(inner) = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))
    else {
        return false;
    };
    let open = inner.rfind(['(', '（']);
    open.is_some_and(|i| {
        let after = inner[i..].trim_start_matches(['(', '（']).trim_start();
        starts_with_any(after, SOURCE_MARKERS)
    })
}

/// "圖 1：…", "表二 …", "Figure 3.", "Table 2:" — a label with a number.
fn figure_label(text: &str) -> bool {
    FIGURE_MARKERS.iter().any(|marker| {
        let mut s = Scan::new(text);
        s.eat_word(marker)
            && (s.skip_space().number(3).is_some() || {
                let mut numeral = false;
                while s.eat_if(is_cjk_numeral).is_some() {
                    numeral = true;
                }
                numeral
            })
            && (s.at_end()
                || s.rest().starts_with(|c: char| {
                    c.is_whitespace() || matches!(c, '：' | ':' | '、' | '.' | '．' | '-' | '—')
                }))
    })
}

/// The date, when the whole line is one ("2026年5月13日", "2026-05-13",
/// "May 13, 2026"), possibly after a label such as "日期：" or "Date:".
pub(super) fn date_of(line: &str) -> Option<&str> {
    let line = line.trim();
    let unlabelled = match line.find(['：', ':']) {
        Some(i)
            if line[..i].chars().count() <= 8 && !line[..i].chars().any(|c| c.is_ascii_digit()) =>
        {
            line[i..].trim_start_matches(['：', ':']).trim()
        }
        _ => line,
    };
    [cjk_date, numeric_date, english_date]
        .iter()
        .any(|parse| {
            let mut s = Scan::new(unlabelled);
            parse(&mut s) && s.at_end()
        })
        .then_some(unlabelled)
}

fn cjk_date(s: &mut Scan) -> bool {
    if s.eat_word("民國") || s.eat_word("民国") || s.eat_word("中華民國") || s.eat_word("中华民国")
    {
        s.skip_space();
    }
    let year = s.number(4).is_some() && s.skip_space().eat('年');
    let month = year && s.skip_space().number(2).is_some() && s.skip_space().eat('月');
    if month && s.skip_space().number(2).is_some() {
        return s
            .skip_space()
            .eat_if(|c| c == '日' || c == '號' || c == '号')
            .is_some();
    }
    month
}

fn numeric_date(s: &mut Scan) -> bool {
    if s.number(4).is_none() {
        return false;
    }
    let Some(sep) = s.eat_if(|c| matches!(c, '-' | '/' | '.')) else {
        return false;
    };
    s.number(2).is_some() && s.eat(sep) && s.number(2).is_some()
}

fn english_date(s: &mut Scan) -> bool {
    let month = |s: &mut Scan| {
        const MONTHS: [&str; 24] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ];
        let word: String = s
            .rest()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let lower = word.to_ascii_lowercase();
        let known = MONTHS.contains(&lower.as_str());
        if known {
            s.eat_word(&word);
            s.eat('.');
        }
        known
    };
    if s.at_digit() {
        // "13 May 2026"
        return s.number(2).is_some()
            && month(s.skip_space())
            && s.skip_space().number(4).is_some();
    }
    // "May 13, 2026" or "May 2026"
    if !month(s) {
        return false;
    }
    s.skip_space();
    let day_or_year = s.number(4);
    match day_or_year {
        Some(d) if d <= 31 => {
            s.eat(',');
            s.skip_space().number(4).is_some()
        }
        Some(_) => true,
        None => false,
    }
}

/// Authors named after an explicit byline prefix ("作者：", "文／", "By ").
fn byline(text: &str) -> Option<Vec<String>> {
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|p| Scan::new(text).eat_word(p))?;
    let rest = text[prefix.len()..].trim();
    (!rest.is_empty()).then(|| names(rest).unwrap_or_else(|| vec![rest.to_string()]))
}

/// The names on a line made only of personal names: "盧政鋒", "王明、李華",
/// "Jane Doe and John Roe".
fn names(text: &str) -> Option<Vec<String>> {
    width_within(text, 80)?;
    let normalised = text.replace(" and ", "、").replace(" & ", "、");
    let mut parts: Vec<&str> = normalised
        .split(['、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // CJK names side by side are set apart by spaces alone.
    if parts.len() == 1 && parts[0].split_whitespace().all(cjk_name) {
        parts = parts[0].split_whitespace().collect();
    }
    (!parts.is_empty() && parts.len() <= 8 && parts.iter().all(|p| cjk_name(p) || latin_name(p)))
        .then(|| parts.iter().map(|p| p.to_string()).collect())
}

/// Common Chinese surnames, Traditional and Simplified. Surnames that are
/// also everyday words opening a heading (安, 和, 國, 平 …) are left out: a
/// short heading such as 安全 must not pass for a name.
const SURNAMES: &str = "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯\
    鄧邓曹彭曾蕭萧肖田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石\
    廖賈贾夏韋韦付傅方白鄒邹孟熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严\
    覃武戴莫孔向湯汤常溫温康施牛樊葛邢齊齐易喬乔伍龐庞顏颜倪莊庄聶聂章魯鲁岳翟殷詹申歐欧耿關\
    关蘭兰焦俞左柳甘祝包寧宁尚符舒阮柯紀纪梅童凌畢毕單单季裴霍涂苗谷盛曲翁冉駱骆藍蓝游辛靳\
    管柴蒙鮑鲍喻祁蒲房滕屈饒饶牟艾尤陽阳穆卓繆缪簡简車车項项麥麦褚婁娄竇窦戚岑黨党宮宫費费\
    卜冷晏席衛卫米柏宗瞿桂佟臧閔闵苟鄔邬卞姬仇欒栾隋刁沙榮荣巫寇桑郎甄叢丛仲虞敖鞏巩佘池\
    查麻苑遲迟鄺邝談谈匡鞠荊荆冀郁胥班儲储栗燕楚鄢勞劳諶谌奚皮粟冼藺蔺樓楼滿满聞闻厲厉仝區\
    区郜闞阚屠豆朴蓋盖練练廉禹井祖漆巴豐丰卿狄晉晋扈晁芮闕阙浦戈伏鹿薄邸雍辜羊烏乌裘亓邰赫\
    杭況况宿鮮鲜逯茹諸诸慕嵇哈湛賓宾戎勾茅呼揭尉斯束檀衣昝堯尧";

fn cjk_name(part: &str) -> bool {
    let count = part.chars().count();
    let is_dot = |c: char| matches!(c, '·' | '‧' | '・');
    if !part.chars().all(|c| is_han(c) || is_dot(c)) {
        return false;
    }
    if part.chars().any(is_dot) {
        // A transliterated foreign name: 馬克·宏.
        return (3..=12).contains(&count);
    }
    (2..=4).contains(&count) && part.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

fn latin_name(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            let shaped = w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
            (shaped && !NOT_NAME_WORDS.contains(&lower.as_str()))
                || NAME_PARTICLES.contains(&lower.as_str())
        })
}

fn contains_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// True for the name of an organisation: "財團法人兩岸交流遠景基金會", "Prospect Foundation".
pub(super) fn is_org_name(text: &str) -> bool {
    if width_within(text, 80).is_none() || ends_like_prose(text) {
        return false;
    }
    let lower = text.trim().to_lowercase();
    starts_with_any(&lower, &["財團法人", "财团法人", "社團法人", "社团法人"])
        || ORG_SUFFIXES.iter().any(|s| lower.ends_with(s))
}

fn masthead_like(text: &str) -> bool {
    contains_word(text, SERIES_WORDS)
        || is_org_name(text)
        || width_within(text, MASTHEAD_MAX_WIDTH).is_some()
        || (text.chars().any(|c| c.is_ascii_alphabetic()) && !text.chars().any(char::is_lowercase))
}

/// What a block at the head of a brief is.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Caption,
    Date(String),
    Authors(Vec<String>),
    Affiliation,
    /// A title, subtitle or masthead; which one is settled by position.
    Plain,
}

impl Role {
    fn is_byline(&self) -> bool {
        matches!(self, Role::Date(_) | Role::Authors(_) | Role::Affiliation)
    }
}

fn role(block: &Block, title_seen: bool) -> Option<Role> {
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
    if let Some(authors) = byline(text) {
        return Some(Role::Authors(authors));
    }
    if title_seen {
        if contains_word(text, AFFILIATION_WORDS) && !text.trim_end().ends_with('。') {
            return Some(Role::Affiliation);
        }
        if let Some(authors) = names(text) {
            return Some(Role::Authors(authors));
        }
    }
    let plain = width_within(text, TITLE_MAX_WIDTH).is_some() && !ends_like_prose(text);
    plain.then_some(Role::Plain)
}

/// Reads the masthead, title and byline from the first of `blocks` into
/// `meta`, captions among them into `front`; returns how many blocks it used.
pub(super) fn read_lead(blocks: &[Block], meta: &mut Meta, front: &mut Vec<Paragraph>) -> usize {
    let mut roles = Vec::new();
    let mut plains = 0;
    let mut plain_titles = 0;
    for block in blocks.iter().take(LEAD_MAX_BLOCKS) {
        let title_seen = plains >= 2 || plain_titles >= 1;
        let Some(role) = role(block, title_seen) else {
            break;
        };
        if role == Role::Plain {
            plains += 1;
            if !masthead_like(&block.text) {
                plain_titles += 1;
            }
        }
        roles.push(role);
    }
    let end = match roles.iter().rposition(Role::is_byline) {
        Some(last) => last + 1,
        // No byline: at most a masthead and a title open the brief.
        None => {
            let mut plain_positions = roles.iter().enumerate().filter(|(_, r)| **r == Role::Plain);
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
    let plain_indices: Vec<usize> = (0..end).filter(|&i| roles[i] == Role::Plain).collect();
    let mut plain_texts = plain_indices
        .iter()
        .map(|&i| blocks[i].text.as_str())
        .peekable();
    if plain_indices.len() >= 2
        && let Some(first) = plain_texts.next_if(|t| masthead_like(t))
    {
        if is_org_name(first) && !contains_word(first, SERIES_WORDS) {
            meta.publisher = Some(first.to_string());
        } else {
            meta.series = Some(first.to_string());
        }
    }
    meta.title = plain_texts.next().map(str::to_string);
    meta.subtitle = plain_texts.next().map(str::to_string);
    let extra: Vec<&str> = plain_texts.collect();
    for (i, role) in roles[..end].iter().enumerate() {
        let text = &blocks[i].text;
        match role {
            Role::Caption => front.push(Paragraph::plain(ParagraphKind::Caption, text.clone())),
            Role::Date(date) => {
                meta.date.get_or_insert_with(|| date.clone());
            }
            Role::Authors(names) => meta.authors.extend(names.iter().cloned()),
            Role::Affiliation => match &mut meta.affiliation {
                Some(a) => {
                    a.push_str("; ");
                    a.push_str(text);
                }
                None => meta.affiliation = Some(text.clone()),
            },
            Role::Plain if extra.contains(&text.as_str()) => {
                front.push(Paragraph::plain(ParagraphKind::Text, text.clone()));
            }
            Role::Plain => {}
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_source_lines() {
        assert!(is_caption(
            "2026年5月13日至15日，美國總統川普時隔近九年再度訪問中國。(圖片來源：<https://www.flickr.com/x>)"
        ));
        assert!(is_caption("圖片來源：路透社"));
        assert!(is_caption("资料来源：作者整理"));
        assert!(is_caption("圖 1：美中貿易額"));
        assert!(is_caption("表二 關稅稅率"));
        assert!(is_caption("Source: IMF World Economic Outlook"));
        assert!(is_caption("Figure 3. Trade volumes"));
        assert!(!is_caption("圖書館藏書豐富。"));
        assert!(!is_caption("表示支持。"));
        assert!(!is_caption("美方（國務卿）表示支持。"));
    }

    #[test]
    fn dates_in_the_usual_forms() {
        for (line, date) in [
            ("2026年5月13日", "2026年5月13日"),
            ("2026 年 5 月 13 日", "2026 年 5 月 13 日"),
            ("2026-05-13", "2026-05-13"),
            ("2026/5/13", "2026/5/13"),
            ("May 13, 2026", "May 13, 2026"),
            ("13 May 2026", "13 May 2026"),
            ("Sept. 3, 2025", "Sept. 3, 2025"),
            ("日期：2026年5月", "2026年5月"),
            ("Date: 2026-05-13", "2026-05-13"),
            ("民國115年5月13日", "民國115年5月13日"),
        ] {
            assert_eq!(date_of(line), Some(date), "{line}");
        }
        for not in [
            "2026年5月13日至15日，美國總統川普訪問中國。",
            "May the leaders agree",
            "2026",
            "Maybe 13, 2026",
        ] {
            assert_eq!(date_of(not), None, "{not}");
        }
    }

    #[test]
    fn names_in_cjk_and_latin() {
        assert_eq!(names("盧政鋒"), Some(vec!["盧政鋒".to_string()]));
        assert_eq!(
            names("王明、李小華"),
            Some(vec!["王明".to_string(), "李小華".to_string()])
        );
        assert_eq!(
            names("Jane Doe and John van Roe"),
            Some(vec!["Jane Doe".to_string(), "John van Roe".to_string()])
        );
        assert_eq!(names("川習北京峰會後的美中外交動向"), None);
        assert_eq!(names("Managing Rivalry After Beijing"), None);
        assert_eq!(byline("作者：盧政鋒"), Some(vec!["盧政鋒".to_string()]));
        assert_eq!(byline("By Jane Doe"), Some(vec!["Jane Doe".to_string()]));
    }

    fn lead(text: &str) -> (Meta, Vec<Paragraph>, usize, usize) {
        let (blocks, _) = super::super::blocks::blocks(&super::super::pages::page_items(text));
        let mut meta = Meta::default();
        let mut front = Vec::new();
        let used = read_lead(&blocks, &mut meta, &mut front);
        (meta, front, used, blocks.len())
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
        assert_eq!(front.len(), 1);
        assert_eq!(front[0].kind, ParagraphKind::Caption);
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
