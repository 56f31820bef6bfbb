//! Authors: an explicit byline ("作者：", "文／", "By ") or a line made
//! only of personal names in CJK or Latin script.

use super::chars::{Scan, is_han, width_within};

#[rustfmt::skip]
const BYLINE_PREFIXES: &[&str] = &[
    "作者：", "作者:", "作者／", "作者/", "文／", "文/", "撰文：", "撰稿：", "撰稿人：", "執筆：", "执笔：",
    "紀錄：", "记录：", "記錄：", "研究員：", "研究员：", "written by ", "by ", "authors:", "author:",
    "author(s):",
];
/// Offices a signature or a report's speaker is named with: "省长　胡玉亭".
#[rustfmt::skip]
const OFFICES: &[&str] = &[
    "省长", "省長", "市长", "市長", "县长", "縣長", "院长", "院長", "部长", "部長", "局长", "局長", "主任", "主席",
    "总理", "總理", "总统", "總統", "委员", "委員", "署长", "署長", "处长", "處長", "秘书长", "秘書長",
    "研究員", "研究员", "教授", "分析師", "分析师", "講師", "讲师", "顧問", "顾问", "所長", "所长",
    "執行長", "执行长", "董事長", "董事长", "博士",
];
/// Words of a job title under a signature: "Assistant to the President for …".
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "president", "minister", "secretary", "assistant", "advisor", "adviser", "director",
    "chair", "governor", "commissioner", "ambassador", "officer", "head of", "dean",
];
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "da", "du", "le", "la",
];
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "of",
    "in",
    "on",
    "for",
    "to",
    "after",
    "with",
    "a",
    "an",
    "at",
    "from",
    "between",
    "over",
    "under",
    "new",
    "policy",
    "strategy",
    "war",
    "peace",
    "china",
    "taiwan",
    "states",
    // Heads a brief opens with, in title case like names: "Key Takeaways".
    "key",
    "takeaways",
    "executive",
    "summary",
    "introduction",
    "overview",
    "background",
    "findings",
    "recommendations",
    "conclusion",
    "conclusions",
    "abstract",
    "contents",
    "highlights",
    "points",
    "foreword",
    "preface",
    "acknowledgements",
    "acknowledgments",
    // An address block or an organisation set like a name: "Committee
    // Secretary", "Spring Street", "Parliament House", "Social Security".
    "street",
    "road",
    "avenue",
    "house",
    "building",
    "secretary",
    "committee",
    "parliament",
    "council",
    "security",
    "issue",
    "brief",
    "report",
    "program",
    "programme",
    "project",
    "office",
    "department",
    "university",
    "institute",
    "center",
    "centre",
    "agency",
    "commission",
    "ministry",
    "group",
    "bank",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "corporation",
    "company",
];
/// Words of the post after a name: "Jane Doe, Senior Fellow".
const POST_WORDS: &[&str] = &[
    "fellow",
    "associate",
    "researcher",
    "professor",
    "analyst",
    "scholar",
    "lecturer",
    "director",
    "editor",
    "adviser",
    "advisor",
    "chair",
    "president",
    "head",
    "manager",
    "coordinator",
    "officer",
    "consultant",
    "student",
    "candidate",
    "member",
];

/// Authors named after an explicit byline prefix ("作者：", "文／", "By ").
pub(super) fn byline(text: &str) -> Option<Vec<String>> {
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|p| Scan::new(text).eat_word(p))?;
    let rest = text[prefix.len()..].trim();
    (!rest.is_empty()).then(|| names(rest).unwrap_or_else(|| vec![rest.to_string()]))
}

/// Authors named by a byline field set after another field on its line:
/// "主席：院長兼召集人賴清德　　紀錄：洪淑美" gives 洪淑美.
pub(super) fn trailing_byline(text: &str) -> Option<Vec<String>> {
    text.char_indices()
        .filter(|&(at, c)| c.is_whitespace() && at > 0)
        .map(|(at, c)| text[at + c.len_utf8()..].trim_start())
        .find(|rest| {
            BYLINE_PREFIXES
                .iter()
                .any(|p| p.ends_with(['：', '／']) && rest.starts_with(p))
        })
        .and_then(byline)
}

/// A byline whose names carry their posts ("作者：王小明（…研究員）"): the
/// names, and the text after the prefix, which is the affiliation.
pub(super) fn byline_with_posts(text: &str) -> Option<(Vec<String>, String)> {
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|p| Scan::new(text).eat_word(p))?;
    let rest = text[prefix.len()..].trim();
    names_with_posts(rest).map(|names| (names, rest.to_string()))
}

/// The office and the name after it: "省长　胡玉亭" gives 省长 and 胡玉亭.
pub(super) fn office_and_name(text: &str) -> Option<(String, String)> {
    let mut parts = text.split_whitespace();
    let (office, name) = (parts.next()?, parts.next()?);
    (parts.next().is_none() && OFFICES.iter().any(|o| office.ends_with(o)) && cjk_name(name))
        .then(|| (office.to_string(), name.to_string()))
}

/// True for the job-title line under a signature.
pub(super) fn job_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    width_within(text, 90).is_some()
        && !lower.trim_end().ends_with('.')
        && TITLE_WORDS.iter().any(|w| lower.contains(w))
}

/// The names on a line made only of personal names: "盧政鋒", "王明、李華",
/// "Jane Doe and John Roe".
pub(crate) fn names(text: &str) -> Option<Vec<String>> {
    width_within(text, 80)?;
    let text = without_contacts(text);
    let normalised = text.replace(" and ", "、").replace(" & ", "、");
    let mut parts: Vec<&str> = normalised
        .split(['、', '，', ',', '；', ';', '|', '｜'])
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

/// `text` without the e-mail addresses set after names in brackets: "Nikos
/// Mavrogiannopoulos (help-libtasn1@gnu.org)", "Jane Doe <jane@example.org>".
fn without_contacts(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('@') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '<', '（']) {
        let close = match rest[open..].chars().next() {
            Some('(') => ')',
            Some('<') => '>',
            _ => '）',
        };
        let Some(len) = rest[open..].find(close) else {
            break;
        };
        let inner = &rest[open..open + len];
        out.push_str(&rest[..open]);
        if !inner.contains('@') {
            out.push_str(&rest[open..open + len + close.len_utf8()]);
        }
        rest = &rest[open + len + close.len_utf8()..];
    }
    out.push_str(rest);
    out.trim().to_string().into()
}

/// The names on a line that gives each name its post or affiliation:
/// "Jane Doe, Senior Fellow, and John Roe, Research Associate", "王小明
/// （國防安全研究院助理研究員）、李大華（中華經濟研究院研究員）".
pub(crate) fn names_with_posts(text: &str) -> Option<Vec<String>> {
    width_within(text, 160)?;
    let persons: Vec<&str> = text
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut names = Vec::new();
    let mut posted = false;
    for person in persons {
        let person = person
            .strip_prefix("and ")
            .or_else(|| person.strip_prefix("& "))
            .unwrap_or(person)
            .trim();
        // "王小明（國防安全研究院助理研究員）": the post in brackets.
        if let Some(open) = person.find(['（', '('])
            && person.ends_with(['）', ')'])
        {
            let name = person[..open].trim();
            if !(cjk_name(name) || latin_name(name)) {
                return None;
            }
            names.push(name.to_string());
            posted = true;
        } else if is_post(person) && !names.is_empty() {
            // "Senior Fellow" after "Jane Doe": the post of the name before.
            posted = true;
        } else if cjk_name(person) || latin_name(person) {
            names.push(person.to_string());
        } else {
            return None;
        }
    }
    (posted && !names.is_empty() && names.len() <= 8).then_some(names)
}

/// True for a post after a name: "Senior Fellow", "Research Associate".
fn is_post(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.split_whitespace().count() <= 6
        && lower
            .split_whitespace()
            .any(|w| POST_WORDS.contains(&w) || TITLE_WORDS.contains(&w))
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
            // A nickname in quotes: Jia-Wei ‘Peter’ Cui.
            let nickname = w.starts_with(['‘', '“', '\'', '"'])
                && w.chars().nth(1).is_some_and(char::is_uppercase);
            let shaped = (shaped || nickname) && !corporate_capitals(w);
            (shaped && !NOT_NAME_WORDS.contains(&lower.as_str()))
                || NAME_PARTICLES.contains(&lower.as_str())
        })
}

/// True for a word with capitals run together before its lower case, as
/// firms write their names ("JPMorgan", "BlackRock" aside): no person's name
/// is spelled so.
fn corporate_capitals(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_uppercase() && w[1].is_uppercase() && w[2].is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firm_spelled_with_capitals_run_together_is_no_name() {
        assert_eq!(names("JPMorgan Chase"), None);
        assert_eq!(
            names("Terry Belton"),
            Some(vec!["Terry Belton".to_string()])
        );
    }

    #[test]
    fn names_with_their_posts_give_the_names() {
        assert_eq!(
            names_with_posts("Jane Doe, Senior Fellow, and John Roe, Research Associate"),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
        assert_eq!(
            names_with_posts("王小明（國防安全研究院助理研究員）、李大華（中華經濟研究院研究員）"),
            Some(vec!["王小明".to_string(), "李大華".to_string()])
        );
        // Names alone have no posts; a sentence has no names.
        assert_eq!(names_with_posts("Jane Doe and John Roe"), None);
        assert_eq!(
            names_with_posts("The committee met, and the fellows agreed"),
            None
        );
        assert_eq!(names("Key Takeaways"), None);
    }

    #[test]
    fn a_byline_field_after_another_field_names_the_author() {
        assert_eq!(
            trailing_byline("主席：院長兼召集人賴清德                紀錄：洪淑美"),
            Some(vec!["洪淑美".to_string()])
        );
        assert_eq!(trailing_byline("主席：院長兼召集人賴清德"), None);
        assert_eq!(trailing_byline("紀錄：洪淑美"), None);
    }

    #[test]
    fn an_address_in_brackets_after_a_name_is_no_part_of_it() {
        assert_eq!(
            names("Nikos Mavrogiannopoulos (help-libtasn1@gnu.org)"),
            Some(vec!["Nikos Mavrogiannopoulos".to_string()])
        );
        assert_eq!(
            names("Jane Doe <jane@example.org>, John Roe"),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
        // A bracket without an address stays, and is no name.
        assert_eq!(names("Jane Doe (Chair)"), None);
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
        assert_eq!(byline("紀錄：洪淑美"), Some(vec!["洪淑美".to_string()]));
        assert_eq!(
            names("Jia-Wei ‘Peter’ Cui"),
            Some(vec!["Jia-Wei ‘Peter’ Cui".to_string()])
        );
        assert_eq!(
            office_and_name("省长　胡玉亭"),
            Some(("省长".to_string(), "胡玉亭".to_string()))
        );
        assert_eq!(
            office_and_name("助理研究員　陳美玲"),
            Some(("助理研究員".to_string(), "陳美玲".to_string()))
        );
        assert_eq!(office_and_name("各位 代表"), None);
        assert!(job_title(
            "Assistant to the President for Science and Technology"
        ));
        assert!(!job_title("The president said the plan would work."));
    }
}
