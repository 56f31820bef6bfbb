//! Tests of the whole plain-text loader: briefs in three scripts, a
//! synthetic multi-page brief, odd input that must never panic.

use std::collections::HashMap;

use proptest::prelude::*;

use super::parse;
use crate::brief::{Brief, ParagraphKind};

fn outline(brief: &Brief) -> Vec<(u8, Option<&str>, usize)> {
    brief
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_deref(), s.paragraphs.len()))
        .collect()
}

fn texts(paragraphs: &[crate::brief::Paragraph]) -> Vec<String> {
    paragraphs.iter().map(|p| p.text()).collect()
}

/// The section titles of `brief`, in order.
fn titles(brief: &Brief) -> Vec<&str> {
    brief
        .sections
        .iter()
        .filter_map(|s| s.title.as_deref())
        .collect()
}

const MULTI_PAGE: &str = "Prospect Forum\n\nThe Limits of Managed Rivalry\n\nJane Doe\n\nSenior Fellow, Prospect Foundation\n\nMay 13, 2026\n\n\
I. Introduction\n\nThe summit in Beijing produced a framework that both\nsides describe as constructive, yet the terms of the\n\
inter-\n\
\u{c}Prospect Forum · The Limits of Managed Rivalry\n- 2 -\n\
national order it assumes remain contested.\n\n\
II. Trade\n\nTariffs fell on both sides.\n\nA. Details follow\nin the annex.\n\n\
Source: Ministry of Commerce\n\n\
Negotiators will meet again in\n\
\u{c}Prospect Forum · The Limits of Managed Rivalry\n- 3 -\n\
Washington before the end of the year.\n\n\
III. Outlook\n\nWho sets the agenda next?\n\nThe answer is open.\n\n\
Editor's note: the views are the author's own.\n\nProspect Foundation\n\nTel: +886 2 2365 4366\n\nwww.pf.org.tw\n";

#[test]
fn a_synthetic_multi_page_english_brief() {
    let brief = parse(MULTI_PAGE);
    assert_eq!(brief.meta.series.as_deref(), Some("Prospect Forum"));
    assert_eq!(
        brief.meta.title.as_deref(),
        Some("The Limits of Managed Rivalry")
    );
    assert_eq!(brief.meta.authors, ["Jane Doe"]);
    assert_eq!(brief.meta.date.as_deref(), Some("May 13, 2026"));
    assert_eq!(brief.meta.publisher.as_deref(), Some("Prospect Foundation"));
    assert_eq!(
        outline(&brief),
        [
            (1, Some("I. Introduction"), 1),
            (1, Some("II. Trade"), 4),
            (1, Some("III. Outlook"), 0),
            (2, Some("Who sets the agenda next?"), 1),
        ]
    );
    let first = brief.sections[0].paragraphs[0].text();
    assert!(
        first.ends_with("yet the terms of the international order it assumes remain contested."),
        "{first}"
    );
    let trade = texts(&brief.sections[1].paragraphs);
    assert_eq!(trade[2], "Source: Ministry of Commerce");
    assert_eq!(brief.sections[1].paragraphs[2].kind, ParagraphKind::Caption);
    assert_eq!(
        trade[3],
        "Negotiators will meet again in Washington before the end of the year."
    );
    let all: String = brief.paragraphs().map(|p| p.text()).collect();
    assert!(
        !all.contains("- 2 -") && !all.contains("- 3 -"),
        "page numbers are dropped"
    );
    assert!(!all.contains('·'), "the running header is dropped: {all}");
    assert!(!all.contains('\u{c}'));
    assert_eq!(
        texts(&brief.back_matter),
        [
            "Editor's note: the views are the author's own.",
            "Prospect Foundation",
            "Tel: +886 2 2365 4366",
            "www.pf.org.tw"
        ]
    );
}

#[test]
fn question_lines_are_headings_but_prose_questions_are_not() {
    let brief = parse(
        "標題\n\n第一段。\n\n美中走向競爭有度？\n\n第二段。\n\n難道雙方不願意在這個關鍵時刻坐下來談一談，讓彼此的分歧得到控制嗎？\n\n第三段。",
    );
    let titles: Vec<_> = brief.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(titles, [None, Some("美中走向競爭有度？")]);
    assert_eq!(brief.sections[1].paragraphs.len(), 3);
}

#[test]
fn a_traditional_brief_with_numbered_headings_and_page_numbers() {
    let text = "國防安全週報\n\n稀土管制與美中博弈\n\n作者：王明\n\n國防安全研究院研究員\n\n2026年5月13日\n\n\
壹、前言\n\n美中兩國於五月舉行峰會，雙方\n就關稅與出口管制\n\u{c}第 2 頁\n達成初步共識。\n\n\
一、關稅\n\n（一）稅率調整\n\n美方調降部分關稅。\n\n（二）執行期程\n\n分兩階段執行。\n\n\
貳、結論\n\n雙方仍有分歧。\n\n編按：本文僅代表作者個人觀點。\n";
    let brief = parse(text);
    assert_eq!(brief.meta.series.as_deref(), Some("國防安全週報"));
    assert_eq!(brief.meta.title.as_deref(), Some("稀土管制與美中博弈"));
    assert_eq!(brief.meta.authors, ["王明"]);
    assert_eq!(
        brief.meta.affiliation.as_deref(),
        Some("國防安全研究院研究員")
    );
    assert_eq!(brief.meta.date.as_deref(), Some("2026年5月13日"));
    assert_eq!(
        outline(&brief),
        [
            (1, Some("壹、前言"), 1),
            (2, Some("一、關稅"), 0),
            (3, Some("（一）稅率調整"), 1),
            (3, Some("（二）執行期程"), 1),
            (1, Some("貳、結論"), 1),
        ]
    );
    assert_eq!(
        brief.sections[0].paragraphs[0].text(),
        "美中兩國於五月舉行峰會，雙方就關稅與出口管制達成初步共識。"
    );
    assert_eq!(
        texts(&brief.back_matter),
        ["編按：本文僅代表作者個人觀點。"]
    );
}

#[test]
fn a_simplified_brief_with_unnumbered_headings() {
    let text = "远景论坛\n\n中美关系的新阶段\n\n卢政锋\n\n金门大学国际暨大陆事务学系副教授\n\n\
习近平表示，两国元首\n\n\n\n作为掌舵人，应当把握好方向。\n\n第二段正文。\n\n\
竞争有度？\n\n美方回应。\n\n编按：本文仅代表作者个人观点。\n\n财团法人两岸交流远景基金会\n\n电话：02-23654366\n";
    let brief = parse(text);
    assert_eq!(brief.meta.series.as_deref(), Some("远景论坛"));
    assert_eq!(brief.meta.title.as_deref(), Some("中美关系的新阶段"));
    assert_eq!(brief.meta.authors, ["卢政锋"]);
    assert_eq!(
        brief.meta.publisher.as_deref(),
        Some("财团法人两岸交流远景基金会")
    );
    assert_eq!(outline(&brief), [(0, None, 2), (1, Some("竞争有度？"), 1)]);
    assert_eq!(
        brief.sections[0].paragraphs[0].text(),
        "习近平表示，两国元首作为掌舵人，应当把握好方向。"
    );
    assert_eq!(brief.back_matter.len(), 3);
}

#[test]
fn list_items_keep_their_bullets() {
    let brief = parse("要點如下：\n• 關稅下調\n• 稀土出口\n恢復正常");
    let items: Vec<_> = brief.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.marker.as_deref(), p.text()))
        .collect();
    assert_eq!(
        items,
        [
            (ParagraphKind::Text, None, "要點如下：".to_string()),
            (ParagraphKind::ListItem, Some("•"), "關稅下調".to_string()),
            (
                ParagraphKind::ListItem,
                Some("•"),
                "稀土出口恢復正常".to_string()
            ),
        ]
    );
}

#[test]
fn a_four_megabyte_line_without_a_newline() {
    let line = "中文字".repeat(4 * 1024 * 1024 / 9);
    let brief = parse(&line);
    assert_eq!(brief.paragraphs().count(), 1);
    assert_eq!(
        brief.paragraphs().next().map(|p| p.text().len()),
        Some(line.len())
    );
}

#[test]
fn three_thousand_headings_and_no_text() {
    let brief = parse(&"一、標題\n".repeat(3000));
    assert_eq!(brief.sections.len(), 3000);
    assert!(brief.sections.iter().all(|s| s.paragraphs.is_empty()));
    let bare: String = (0..3000)
        .map(|i| format!("Heading {i} of the brief\n\nThe text under it.\n\n"))
        .collect();
    let brief = parse(&bare);
    assert!(brief.sections.len() >= 2990, "{}", brief.sections.len());
}

#[test]
fn empty_and_whitespace_input_gives_an_empty_brief() {
    for text in ["", "\n\n\n", "\u{c}\u{c}", "   \n\t\n"] {
        assert_eq!(parse(text).paragraphs().count(), 0, "{text:?}");
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn brief_like_text_never_panics_nor_invents_text(
        text in "[一二三壹（）()。，、？?：:「」第章節頁圖表來源編按基金會路號Tel:a-zA-Z0-9 .\\-•\n\u{c}]{0,400}"
    ) {
        let brief = parse(&text);
        // Every visible character shown comes from the input, no more often
        // than it occurs there (the publisher repeats a footer paragraph).
        let mut budget: HashMap<char, usize> = HashMap::new();
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            *budget.entry(c).or_default() += 1;
        }
        let meta = &brief.meta;
        // The byline's fields copy lines the text keeps (a search finds
        // them there): each of their characters is the input's.
        let copied = meta.authors.iter().chain([&meta.affiliation, &meta.date].into_iter().flatten());
        for c in copied.flat_map(|t| t.chars().collect::<Vec<_>>()).filter(|c| !c.is_whitespace()) {
            prop_assert!(budget.contains_key(&c), "{c:?} is not in the input");
        }
        let shown = brief
            .paragraphs()
            .map(|p| p.text())
            .chain(brief.sections.iter().filter_map(|s| s.title.clone()))
            .chain([&meta.title, &meta.subtitle, &meta.series].into_iter().flatten().cloned());
        for c in shown.flat_map(|t| t.chars().collect::<Vec<_>>()).filter(|c| !c.is_whitespace()) {
            let left = budget.entry(c).or_default();
            prop_assert!(*left > 0, "{c:?} appears more often than in the input");
            *left -= 1;
        }
    }
}

#[test]
fn a_page_of_one_short_line_is_shown_once() {
    let brief = parse("」a\n:\u{c}a\u{c}：a編A金、-編圖000二「源a節-、 ？表頁壹0\n、\n編");
    let shown: String = brief
        .paragraphs()
        .map(|p| p.text())
        .chain(brief.meta.title.clone())
        .collect();
    assert_eq!(shown.matches('a').count(), 4, "{brief:#?}");
}

#[test]
fn a_heading_after_the_particulars_starts_the_body() {
    let text = "国际科技智库动态简报（2026-07-04）\n新增概览\n新增条目：93\n涉及机构：17\n\nP0/P1重点\n[P0] 中国军事AI后勤：和平收益与战时脆弱性\n机构：Australian Strategic Policy Institute\n主题：国防AI\n摘要：该文分析中国军队将AI嵌入后勤体系的战略含义。其核心判断是，智能化调度、仓储、运输和保障体系可提升平时\n效率，但在台海和印太高强度作战中，数据依赖、网络暴露面、模型可靠性和战场干扰会转化为新的脆弱性。对后续跟踪而\n言，军民两用物流、智能供应链和网络安全能力将更频繁进入国防科技竞争视野。\n";
    let brief = parse(text);
    let titles: Vec<(u8, &str)> = brief
        .sections
        .iter()
        .filter_map(|s| Some((s.level, s.title.as_deref()?)))
        .collect();
    assert_eq!(
        titles,
        [
            (1, "新增概览"),
            (1, "P0/P1重点"),
            (2, "[P0] 中国军事AI后勤：和平收益与战时脆弱性")
        ]
    );
}

#[test]
fn an_agency_named_under_the_title_is_the_corporate_author() {
    const BODY: &str = "壹、緣起\n為面對我國總人口減少、高齡少子化、人口過度集中大都市，\n以及城鄉發展失衡等問題，行政院106年12月年終記者會宣示三大\n施政主軸，其中在「均衡台灣」方面，要根據地方特色，發展地\n方產業，讓人口回流，青年返鄉。\n";
    let brief = parse(&format!(
        "地方創生政策座談會\n議 程\n國家發展委員會\n\n108.1.11\n\n{BODY}"
    ));
    assert_eq!(brief.meta.authors, ["國家發展委員會"]);
    let one_line = parse(&format!(
        "地方創生政策座談會議程\n\n國家發展委員會 108.1.11\n\n{BODY}"
    ));
    assert_eq!(one_line.meta.authors, ["國家發展委員會"]);
    assert_eq!(one_line.meta.date.as_deref(), Some("108.1.11"));
    let signed = parse(&format!(
        "地方創生政策座談會\n議 程\n國家發展委員會\n作者：王小明\n\n{BODY}"
    ));
    assert_eq!(signed.meta.authors, ["王小明"]);
}

#[test]
fn a_bullet_glyph_set_apart_marks_the_next_item_and_is_no_paragraph() {
    let brief = parse(
        "Export controls after the summit\n\nThe measures include:\n\n•\n\nlicences for advanced chips\n\n●\n\nscreening of outbound investment\n",
    );
    assert_eq!(
        brief.meta.title.as_deref(),
        Some("Export controls after the summit")
    );
    let shown: Vec<(Option<&str>, String)> = brief
        .paragraphs()
        .map(|p| (p.marker.as_deref(), p.text()))
        .collect();
    assert!(shown.iter().all(|(_, text)| text != "•"), "{shown:?}");
    assert!(
        shown.contains(&(Some("•"), "licences for advanced chips".to_string())),
        "{shown:?}"
    );
    assert!(
        shown.contains(&(Some("●"), "screening of outbound investment".to_string())),
        "{shown:?}"
    );
}

#[test]
fn a_bullet_glyph_is_never_a_title() {
    let brief = parse("•\n\nThe measures include licences for advanced chips and screening.\n");
    assert_eq!(brief.meta.title, None);
}

#[test]
fn a_bare_chapter_number_over_dotted_sections_is_a_heading_over_them() {
    let text = "The Library Manual\n\n\
1 Introduction\n\nThis manual describes the library and what it is for, in brief.\n\n\
2 Structure handling\n\n2.1 Syntax\n\nThe syntax follows the standard closely.\n\n\
2.2 Naming\n\nNames are unique in a module.\n\n\
3 Utilities\n\n3.1 Invoking the parser\n\nThe parser reads one file.\n\n\
12 members of the group attended the first meeting.\n";
    let brief = parse(text);
    let heads: Vec<(u8, Option<&str>)> = outline(&brief)
        .into_iter()
        .filter(|(level, ..)| *level > 0)
        .map(|(level, title, _)| (level, title))
        .collect();
    assert_eq!(
        heads,
        [
            (1, Some("1 Introduction")),
            (1, Some("2 Structure handling")),
            (2, Some("2.1 Syntax")),
            (2, Some("2.2 Naming")),
            (1, Some("3 Utilities")),
            (2, Some("3.1 Invoking the parser")),
        ]
    );
}

#[test]
fn a_bare_number_without_sections_under_it_heads_nothing() {
    // A count or a note opens with a number too; no "2.1" follows them.
    let text = "The Working Group\n\nThe group met twice in the spring.\n\n\
2 Members attended\n\nThey agreed on the agenda for the next meeting.\n";
    let brief = parse(text);
    assert!(
        brief
            .sections
            .iter()
            .all(|s| s.title.as_deref() != Some("2 Members attended")),
        "{:?}",
        outline(&brief)
    );
}

#[test]
fn a_table_read_a_cell_a_line_heads_nothing() {
    // pdftotext sets each cell of a ranking table on a line of its own:
    // "87.1" then "Finland" is a score and a country, not section 87.1.
    let text = "Tax Rankings\n\nThe table ranks each country on its score.\n\n\
Country\n\nRank\n\nScore\n\nDenmark\n\n14\n\n66.3\n\nEstonia\n\n1\n\n100.0\n\n\
12\n\n0.0\n\nFinland\n\n5\n\n0.2\n\nFrance\n\n32\n\n1.1\n\nGreece\n\n\
9\n\n87.1\n\nIreland\n\n7\n\n89.1\n\nItaly\n\n\
The ranks change little from year to year.\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert!(titles.is_empty(), "{titles:?}");
}

#[test]
fn a_contents_list_without_leaders_is_no_outline() {
    // The page numbers were extracted apart, as a column of their own.
    let text = "Dear Secretary,\n\nWe thank you for the chance to write to the committee.\n\n\
Core areas\nAdditional areas for consideration\n3. Proposed amendments\n\n2\n2\n3\n\n\
4. Case studies\n\n13\n\n5. Next steps\n\n15\n\n\
1. Background\n\nThe Act commenced in April, as part of the response to the attacks.\n\n\
2. Summary of concerns\n\nWe share the intent of the Act but not its reach.\n\n\
CORE AREAS\n\nThe reach of the Act is the first of our concerns.\n\n\
ADDITIONAL AREAS FOR CONSIDERATION\n\nThe review of the Act is the second.\n\n\
3. Proposed amendments\n\nA few small changes would make the law work better.\n\n\
4. Case studies\n\nThe studies show what the law costs in practice.\n\n\
5. Next steps\n\nWe would welcome a meeting.\n";
    let brief = parse(text);
    assert_eq!(
        titles(&brief),
        [
            "1. Background",
            "2. Summary of concerns",
            "CORE AREAS",
            "ADDITIONAL AREAS FOR CONSIDERATION",
            "3. Proposed amendments",
            "4. Case studies",
            "5. Next steps",
        ]
    );
}

#[test]
fn a_letter_alone_on_its_line_heads_nothing() {
    let text = "Proposed Amendments\n\nEach row of the table below is one amendment.\n\n\
A\n\nThe definition of recklessness in the Act needs a small change.\n\n\
B\n\nThe scope of the Act should leave out closed private groups.\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert!(titles.iter().all(|t| t.len() > 1), "{titles:?}");
}

#[test]
fn a_glossary_set_a_term_a_line_heads_nothing() {
    let text = "Digital Identity\n\nKey Definitions\n\nThe key terms are shown in the table below.\n\n\
Assurance\n\nA measure of certainty that a statement or fact is true.\n\n\
Authentication\n\nThe process of establishing truth or genuineness.\n\n\
Credential\n\nA unique physical or electronic object issued to a person.\n\n\
Evidence\n\nA record that supports a claim of identity.\n\n\
Identity\n\nThe fact of being who or what a person or thing is.\n\n\
Working Group Context\n\nThe group was charged with assessing roles and duties.\n\n\
The group met every month of the year and reported to the councils in the spring.\n";
    let brief = parse(text);
    assert_eq!(titles(&brief), ["Key Definitions", "Working Group Context"]);
}

#[test]
fn a_report_title_run_at_the_foot_of_every_page_is_furniture() {
    // 82 columns: a report's full title as its footer.
    let footer =
        "Canadian Joint Councils' Digital Identity Priority, Public Policy Recommendations";
    let page = |n: u32| {
        format!(
            "Section {n} of the report sets out the councils' view of the matter at hand.\n\
It goes on over a second line of running text, as a page does.\n\n{footer}\n\n{n}\n\u{c}"
        )
    };
    let text: String = (1..=4).map(page).collect();
    let brief = parse(&text);
    let all: Vec<String> = brief
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text().to_string()))
        .chain(brief.front_matter.iter().map(|p| p.text().to_string()))
        .collect();
    assert!(
        all.iter()
            .all(|p| !p.contains("Public Policy Recommendations")),
        "{all:?}"
    );
}

#[test]
fn a_title_over_three_lines_ends_at_its_question_or_its_head_noun() {
    for (text, title) in [
        (
            "PROGRAM ON RETIREMENT POLICY\n\nHow Would Joe Biden Reform\n\
Social Security and Supplemental Security\nIncome?\n\
Karen E. Smith, Richard W. Johnson, and Melissa M. Favreault\nOctober 2020\n\n\
In August 2020, Social Security, the nation's largest federal program, paid monthly cash\n\
benefits worth $90.4 billion to 64.7 million retirees; people with disabilities; and\n\
spouses, dependents, and survivors. However, the program faces a long-term financing\n\
gap that could within a decade jeopardize its ability to pay full benefits.\n",
            "How Would Joe Biden Reform Social Security and Supplemental Security Income?",
        ),
        (
            "Government of Canada\n\nIdentity, Credential and Access Management (GC ICAM)\n\n\
Framework\n\n28 January 2022\n\n\
The framework sets out how departments manage identities and credentials.\n",
            "Government of Canada Identity, Credential and Access Management (GC ICAM) Framework",
        ),
    ] {
        let brief = parse(text);
        assert_eq!(brief.meta.title.as_deref(), Some(title));
    }
}

#[test]
fn a_character_set_alone_on_its_line_is_never_the_title() {
    let text = "金\n\n融\n\n工\n\n程\n\n2020 年 07 月 21 日\n\n\
动量效应是指过去收益较高的股票，在未来一段时间内仍具有相对较好的收益。\n";
    let brief = parse(text);
    assert!(
        brief
            .meta
            .title
            .as_ref()
            .is_none_or(|t| t.chars().count() > 1),
        "{:?}",
        brief.meta.title
    );
}

#[test]
fn citations_amendment_marks_and_small_words_head_nothing() {
    let text = "Directive on Security\n\nThe correlation table maps the old provisions to the new.\n\n\
\u{25ba}B\n\nThe text below is the consolidated version of the directive.\n\n\
OF\n\nThe directive applies to essential and important entities alike.\n\n\
Article 10(3), second subparagraph\n\nThis Directive replaces the earlier rule.\n\n\
Annex I, point (2)(b)\n\nThe sectors are listed in the annexes of the directive.\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert!(titles.is_empty(), "{titles:?}");
}

#[test]
fn a_letter_spaced_date_is_no_title_and_a_head_noun_ends_the_title() {
    let text = "Hutchins Center Working Paper #46\n\nO c t o b e r\n\n2 0 1 8\n\n\
Optimizing the Maturity Structure of\nU.S. Treasury Debt: A Model-Based\nFramework\n\
Terry Belton\n\nHuachen Li\n\nJPMorgan Chase\n\n\
This paper describes a model that can be used to inform debt management choices facing the\n\
Treasury. The model captures the dynamic interactions between economic conditions, budget\n\
deficits, and interest rates at various maturities, and it uses that structure to assess them.\n";
    let brief = parse(text);
    assert_eq!(
        brief.meta.title.as_deref(),
        Some("Optimizing the Maturity Structure of U.S. Treasury Debt: A Model-Based Framework")
    );
    assert!(
        !brief.meta.authors.iter().any(|a| a.contains("JPMorgan")),
        "{:?}",
        brief.meta.authors
    );
}

#[test]
fn a_section_number_after_an_address_opens_the_next_section() {
    let text = "Codebook\n\nThe survey holds questions on the internet and social media in each country.\n\
For more information, please visit http://www.example.org\n\n1.1\n\nFunders\n\n\
The institute provided the use of its infrastructure for this data collection project.\n\n\
1.2\n\nVariable Types\n\nThe data is gathered following the rules of the institute.\n";
    let brief = parse(text);
    assert_eq!(titles(&brief), ["1.1 Funders", "1.2 Variable Types"]);
}

#[test]
fn markup_and_code_quoted_in_a_brief_head_nothing() {
    let text = "Data Formats\n\nThe source files are written in XML, as below.\n\n\
<comment>Differences between files</comment>\n\nEach type has one comment.\n\n\
Version ::= INTEGER\n\nThe version is a plain integer.\n\n\
$ asn1Coding pkix.asn assign.asn\n\nThe tool writes its output next to the input.\n\n\
[50:text/x-diff]\\n\n\nA rule opens with its priority.\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert!(titles.is_empty(), "{titles:?}");
}

#[test]
fn the_body_adopting_an_act_opens_its_preamble_and_heads_nothing() {
    let text = "Guidelines 3/2018 on the territorial scope\n\n\
The European Data Protection Board\n\
Having regard to Article 70 (1)(e) of the Regulation, and to the opinion\n\
of the Board of 12 November 2018.\n\n\
HAS ADOPTED THE FOLLOWING GUIDELINES:\n\n\
INTRODUCTION\n\n\
The territorial scope of the Regulation is determined by Article 3.\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert_eq!(titles, ["INTRODUCTION"]);
}

/// Prose hard-wrapped at about 100 columns, so the wrap width is known.
const WIDE_PROSE: &str = "Whilst case law gives a clear understanding of the effect of processing in the context of the\n\
activities of an establishment of the controller, the effect for a processor is far less clear, and\n\
the guidelines set out how the Board reads it in the cases that it has seen so far in its work.\n\n";

#[test]
fn a_numbered_heading_as_wide_as_the_text_is_still_a_heading() {
    let text = format!(
        "Guidelines on scope\n\n1. Introduction\n\n{WIDE_PROSE}\
ii) Processing in the context of the activities of an establishment of a processor in the Union\n\
Whilst case law provides us with a clear understanding of the effect of processing carried out in\n\
the context of the activities of an establishment, the effect for a processor is less clear.\n"
    );
    let brief = parse(&text);
    assert!(
        brief.sections.iter().any(|s| s.title.as_deref()
            == Some("ii) Processing in the context of the activities of an establishment of a processor in the Union")),
        "{:?}",
        outline(&brief)
    );
}

#[test]
fn a_numbered_paragraph_as_wide_as_the_text_with_a_comma_is_text() {
    let text = format!(
        "Guidelines on scope\n\n1. Introduction\n\n{WIDE_PROSE}\
a) The processing is carried out by the controller, in the context of its activities in the European\n\
Union as a whole and in each of its Member States, whatever the place where it is carried out.\n"
    );
    let brief = parse(&text);
    assert!(
        brief.sections.iter().all(|s| !s
            .title
            .as_deref()
            .unwrap_or("")
            .starts_with("a) The processing")),
        "{:?}",
        outline(&brief)
    );
}

#[test]
fn a_title_set_with_a_colon_over_the_text_is_the_title_not_a_field() {
    let text = "政策簡報：出口管制的下一步\n\n\
委員會檢視出口管制制度後發現，許可審查的延宕在過去兩年持續增加，中小企業受到\n\
的影響最大。\n\n一、背景\n\n制度沿革如下。\n";
    assert_eq!(
        parse(text).meta.title.as_deref(),
        Some("政策簡報：出口管制的下一步")
    );
    // A particular over a short line stays a particular.
    let text = "發文單位：國家發展委員會\n\n出口管制的下一步\n\n\
委員會檢視出口管制制度後發現，許可審查的延宕在過去兩年持續增加。\n";
    assert_ne!(
        parse(text).meta.title.as_deref(),
        Some("發文單位：國家發展委員會")
    );
}

#[test]
fn bullets_on_lines_of_their_own_mark_the_items_under_their_heading() {
    let text = "Securing Critical Minerals\n\n\
Some intro text that is long enough to be a paragraph of prose, ending here.\n\n\
Key Takeaways\n•\nChina controls most of the processing capacity.\n•\n\
Allied stockpiles cover less than three months.\n\n\
Executive Summary\n\nThe supply of critical minerals is a matter of security.\n";
    let brief = parse(text);
    let takeaways = brief
        .sections
        .iter()
        .find(|s| s.title.as_deref() == Some("Key Takeaways"))
        .expect("Key Takeaways heads its list");
    let items: Vec<(Option<&str>, String)> = takeaways
        .paragraphs
        .iter()
        .map(|p| (p.marker.as_deref(), p.text()))
        .collect();
    assert_eq!(
        items,
        [
            (
                Some("•"),
                "China controls most of the processing capacity.".to_string()
            ),
            (
                Some("•"),
                "Allied stockpiles cover less than three months.".to_string()
            ),
        ]
    );
}

#[test]
fn names_with_their_posts_are_the_authors_and_the_line_the_affiliation() {
    let text = "POLICY BRIEF\nJune 2025\n\nSecuring Critical Minerals Supply Chains\n\n\
Jane Doe, Senior Fellow, and John Roe, Research Associate\n\n\
Executive Summary\n\nThe supply of critical minerals is a matter of national security.\n";
    let meta = parse(text).meta;
    assert_eq!(meta.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(
        meta.affiliation.as_deref(),
        Some("Jane Doe, Senior Fellow, and John Roe, Research Associate")
    );
    let text = "中共對臺灰色地帶行動的新趨勢\n\n\
作者：王小明（國防安全研究院助理研究員）、李大華（中華經濟研究院研究員）\n\n\
壹、前言\n\n中共海警頻繁進入金門限制水域。\n";
    let meta = parse(text).meta;
    assert_eq!(meta.authors, ["王小明", "李大華"]);
}

#[test]
fn an_organisation_over_the_title_is_the_publisher_and_an_office_the_affiliation() {
    let text = "RAND Corporation\n\nThe Future of Semiconductor\nExport Controls\n\n\
Dr. Jane Doe and Prof. John Roe\n\nMarch 2025\n\nSummary\n\n\
Export controls on chips were tightened again in 2025, and this report reviews them.\n";
    let meta = parse(text).meta;
    assert_eq!(meta.publisher.as_deref(), Some("RAND Corporation"));
    assert_eq!(
        meta.title.as_deref(),
        Some("The Future of Semiconductor Export Controls")
    );
    assert_eq!(meta.authors, ["Dr. Jane Doe", "Prof. John Roe"]);

    let text = "臺灣經濟研究院\n\n半導體出口管制的新局勢\n\n研究員　陳美玲\n\n中華民國114年3月\n\n\
壹、前言\n\n美國於2025年再度收緊晶片出口管制，本文檢視其內容與影響。\n";
    let meta = parse(text).meta;
    assert_eq!(meta.authors, ["陳美玲"]);
    assert_eq!(meta.affiliation.as_deref(), Some("研究員"));
}

#[test]
fn purpose_as_a_heading_is_a_word_not_an_unfinished_phrase() {
    let text = "數據開放的最新進展\n\n背景\n\n本文件旨在向委員匯報政府推動數據開放的最新進展。\n\n\
目的\n\n政府於2018年推出開放數據政策。\n\n貳、目的\n\n說明如下。\n";
    let brief = parse(text);
    let titles = titles(&brief);
    assert_eq!(titles, ["背景", "目的", "貳、目的"]);
}

#[test]
fn a_paper_number_and_a_committee_over_the_title_are_mastheads() {
    let text = "立法會CB(4)1234/2024(01)號文件\n\n立法會資訊科技及廣播事務委員會\n\n\
數據開放的最新進展\n\n目的\n\n本文件旨在向委員匯報政府推動數據開放的最新進展。\n\n\
背景\n\n政府於2018年推出「開放數據政策」。\n";
    let brief = parse(text);
    assert_eq!(brief.meta.title.as_deref(), Some("數據開放的最新進展"));
    assert_eq!(
        brief.meta.publisher.as_deref(),
        Some("立法會資訊科技及廣播事務委員會")
    );
    let titles: Vec<&str> = brief
        .sections
        .iter()
        .filter_map(|s| s.title.as_deref())
        .collect();
    assert_eq!(titles, ["目的", "背景"]);
}

#[test]
fn a_document_number_under_the_title_is_a_particular_not_a_heading() {
    let text = concat!(
        "国务院关于加快推进数据要素市场化配置的意见\n国发〔2024〕12号\n\n",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n",
        "\u{3000}\u{3000}为加快培育数据要素市场，现提出如下意见。\n",
        "\u{3000}\u{3000}一、总体要求\n",
        "\u{3000}\u{3000}（一）指导思想。加快构建数据基础制度。\n",
    );
    let brief = parse(text);
    assert_eq!(
        brief.meta.title.as_deref(),
        Some("国务院关于加快推进数据要素市场化配置的意见")
    );
    assert!(
        brief
            .front_matter
            .iter()
            .any(|p| p.text() == "国发〔2024〕12号")
    );
    assert!(
        brief
            .sections
            .iter()
            .all(|s| s.title.as_deref() != Some("国发〔2024〕12号"))
    );
}

#[test]
fn a_journal_with_its_volume_and_issue_over_the_title_is_the_series() {
    let text = "中國大陸研究\n第68卷第2期\n\n中共「新質生產力」的\n政策意涵與挑戰\n\n林大明\n\n\
國立政治大學東亞研究所教授\n\n摘要\n\n本文分析新質生產力的政策意涵。\n";
    let meta = parse(text).meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("中共「新質生產力」的政策意涵與挑戰")
    );
    assert_eq!(meta.series.as_deref(), Some("中國大陸研究第68卷第2期"));
    assert_eq!(meta.authors, ["林大明"]);
}

/// Statutes from two jurisdictions: a bare article number heads its
/// article, with the caption under it when there is one; a run-in article
/// ("第一条 为了…") and a sentence citing an article head nothing.
#[test]
fn a_statute_s_bare_article_numbers_head_their_articles() {
    let eu = "CHAPTER II\n\nCOORDINATED FRAMEWORKS\n\nArticle 7\nNational cybersecurity strategy\n1.\n\
Each Member State shall adopt a national strategy.\n\nArticle 8\n\
Supervisory and enforcement measures in relation to essential\nentities\n1.\n\
Member States shall ensure that measures are taken, as Article 7 of this Directive\n\
requires of them.\n\nArticle 9\nPenalties\n\nMember States shall lay down rules on penalties.\n";
    let brief = parse(eu);
    assert_eq!(
        titles(&brief)
            .into_iter()
            .filter(|t| t.starts_with("Article"))
            .collect::<Vec<_>>(),
        [
            "Article 7 National cybersecurity strategy",
            "Article 8 Supervisory and enforcement measures in relation to essential entities",
            "Article 9 Penalties",
        ]
    );
    let tw = "第 一 章 總則\n第 1 條\n為管理不動產經紀業，特制定本條例。\n第 2 條\n\
經紀業之管理，依本條例之規定。\n第 二 章 經紀業\n第 3 條\n本條例用辭定義如下︰\n\
一、不動產︰指土地。\n二、成屋︰指建築物。\n第 24-1 條\n經紀業應申報登錄。\n";
    let brief = parse(tw);
    let heads: Vec<(u8, &str)> = brief
        .sections
        .iter()
        .filter_map(|s| Some((s.level, s.title.as_deref()?)))
        .collect();
    let level = |title: &str| heads.iter().find(|(_, t)| *t == title).map(|(l, _)| *l);
    for article in ["第 1 條", "第 2 條", "第 3 條", "第 24-1 條"] {
        assert!(
            level(article) > level("第 一 章 總則"),
            "{article} in {heads:?}"
        );
    }
    assert!(
        heads.iter().all(|(_, t)| !t.starts_with("一、")),
        "{heads:?}"
    );
    let run_in = "第一章 总则\n\n第一条 为了调整劳动关系，建立和维护劳动合同制度，根据法律，制定本条例。\n\n\
第二条 在本市行政区域内的企业，适用本条例。\n";
    assert_eq!(titles(&parse(run_in)), ["第一章 总则"]);
}

/// A table of figures set one row a line ("85.0 Israel") numbers nothing:
/// its numbers follow no outline, while a report's "2.1", "2.2" do.
#[test]
fn rows_of_figures_are_no_numbered_headings_but_an_outline_is() {
    let text = "1. Introduction\n\nThe index ranks countries by their tax systems, as the table below shows.\n\n\
100.0 New Zealand\n\n91.6 Corporate\n\n88.0 Switzerland\n\n84.6 Sweden\n\n\
2. Method\n\nWe score each country on forty variables and add the scores up.\n\n\
2.1 Variables\n\nThe variables cover five kinds of tax.\n\n2.2 Weights\n\nEach kind has its weight.\n";
    let brief = parse(text);
    let heads = titles(&brief);
    assert_eq!(
        heads,
        [
            "1. Introduction",
            "2. Method",
            "2.1 Variables",
            "2.2 Weights"
        ]
    );
}

/// A section's number set alone at the end of a paragraph's lines, with
/// its title after a blank line (LaTeX and Word reports through
/// pdftotext), heads the section with that title.
#[test]
fn a_section_number_alone_before_a_gap_heads_the_title_after_it() {
    let text = "1.9 Identifier Variables\n\nThe identifiers follow.\n\
Response: Text.\n1.9.4\n\nYear (year)\n\nV-Dem year coded annually from 2000 to 2021, in every dataset.\n\n\
1.9.5\n\nHistorical Date (historical_date)\n\nThe date of the observation, in every dataset.\n";
    let brief = parse(text);
    let heads = titles(&brief);
    assert!(heads.contains(&"1.9.4 Year (year)"), "{heads:?}");
    assert!(
        heads.contains(&"1.9.5 Historical Date (historical_date)"),
        "{heads:?}"
    );
}

/// Text set one paragraph a line, with no blank lines (a work report saved
/// from a word processor): each line that ends a sentence ends its
/// paragraph, however long the lines run.
#[test]
fn text_set_a_paragraph_a_line_keeps_its_paragraphs_apart() {
    let long = |head: &str| {
        format!(
            "{head}{}。",
            "采取一揽子增量措施，稳住了经济基本盘".repeat(8)
        )
    };
    let lines = [
        "一、2024年工作回顾".to_string(),
        "2024年是关键一年。".to_string(),
        "主要做了以下工作。".to_string(),
        long("一是全力拼经济稳增长。"),
        long("二是全力培育新质生产力。"),
        "三是全力发展现代化大农业。发挥优势。".to_string(),
        long("四是全力深化改革扩大开放。"),
        "各位代表！".to_string(),
        long("过去一年的成绩来之不易。"),
    ];
    let brief = parse(&lines.join("\n"));
    let paragraphs: Vec<String> = brief.paragraphs().map(|p| p.text()).collect();
    for line in &lines[3..] {
        assert!(
            paragraphs.contains(line),
            "{line:?} is not a paragraph of its own"
        );
    }
}

/// The dated lines of an act's history stay one a line, and a sentence
/// re-wrapped with a short line after a comma stays one paragraph.
#[test]
fn dated_entries_stay_apart_and_a_comma_never_ends_a_paragraph() {
    let text = "行政院青年諮詢委員會設置要點\n\
中華民國105年 8月16日行政院院臺教字第1050033957號函訂定\n\
中華民國106年 9月12日行政院院臺教字第1060029806號函修正\n\n\
今年政府工作的重点是推动高质量发展，持续扩大内需，\n促进\n\
消费和投资协同发力，稳定就业和物价水平，确保经济运行在合理区间。\n";
    let brief = parse(text);
    let paragraphs: Vec<String> = brief.paragraphs().map(|p| p.text()).collect();
    assert!(
        paragraphs.iter().any(|p| p.ends_with("函訂定")),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.iter().any(|p| p.starts_with("中華民國106年")),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("持续扩大内需，促进消费和投资")),
        "{paragraphs:?}"
    );
    assert!(titles(&brief).iter().all(|t| *t != "促进"));
}

/// A classification stamped on every page is furniture: it neither heads
/// nor joins the text, and a section's number over it finds its title.
/// Cells citing articles ("Article 9(1), (2) and (3)") head nothing.
#[test]
fn classification_marks_are_furniture_and_citations_head_nothing() {
    let text = "UNCLASSIFIED\n\n2.2 Scope\n\nThe framework covers every department of the government, as set out here.\n\n\
UNCLASSIFIED\n\n2.3\n\nUNCLASSIFIED\n\nMapping to the Standards\n\nThe framework maps to each of the standards, one by one.\n\n\
Directive 2016/1148\n\nArticle 9(1), (2) and (3)\n\nArticle 10(1)\n\nThis Directive\n";
    let brief = parse(text);
    let heads = titles(&brief);
    assert!(
        heads.iter().all(|t| !t.contains("UNCLASSIFIED")),
        "{heads:?}"
    );
    assert!(heads.contains(&"2.3 Mapping to the Standards"), "{heads:?}");
    assert!(heads.iter().all(|t| !t.starts_with("Article")), "{heads:?}");
    assert!(
        brief
            .paragraphs()
            .all(|p| !p.text().contains("UNCLASSIFIED"))
    );
}
