use super::*;
use crate::brief::{Align, Style};

fn texts(section: &Section) -> Vec<String> {
    section.paragraphs.iter().map(Paragraph::text).collect()
}

#[test]
fn atx_and_setext_headings_start_sections_at_their_level() {
    let b = parse("Title\n=====\n\nintro\n\nPart\n----\n\nbody\n\n### Detail\n\nmore\n");
    let heads: Vec<_> = b
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [(1, Some("Title")), (2, Some("Part")), (3, Some("Detail"))]
    );
    assert_eq!(texts(&b.sections[1]), ["body"]);
}

#[test]
fn text_before_the_first_heading_is_an_untitled_section() {
    let b = parse("opening words\n\n# First\n\ntext\n");
    assert_eq!(b.sections[0].level, 0);
    assert_eq!(b.sections[0].title, None);
    assert_eq!(texts(&b.sections[0]), ["opening words"]);
    assert_eq!(b.sections[1].title.as_deref(), Some("First"));
}

#[test]
fn no_untitled_section_when_a_heading_comes_first() {
    let b = parse("## Only\n\ntext\n");
    assert_eq!(b.sections.len(), 1);
    assert_eq!(b.sections[0].level, 2);
}

#[test]
fn front_matter_fills_meta() {
    let b = parse(
        "---\ntitle: 数字贸易规则\nsubtitle: 一个副标题\nauthor: 林若文\n\
         affiliation: 某研究院\ndate: 2025-03-18\nseries: 政策简报 第12期\n\
         publisher: Example Institute\n---\n\n# 标题一\n\n正文。\n",
    );
    let m = &b.meta;
    assert_eq!(m.title.as_deref(), Some("数字贸易规则"));
    assert_eq!(m.subtitle.as_deref(), Some("一个副标题"));
    assert_eq!(m.authors, ["林若文"]);
    assert_eq!(m.affiliation.as_deref(), Some("某研究院"));
    assert_eq!(m.date.as_deref(), Some("2025-03-18"));
    assert_eq!(m.series.as_deref(), Some("政策简报 第12期"));
    assert_eq!(m.publisher.as_deref(), Some("Example Institute"));
    // The front matter's title wins over the first heading, which stays a section.
    assert_eq!(b.sections[0].title.as_deref(), Some("标题一"));
}

#[test]
fn authors_as_a_list_of_strings_or_names() {
    let b = parse("---\nauthors:\n  - Ada Byron\n  - name: Alan Turing\n---\n\ntext\n");
    assert_eq!(b.meta.authors, ["Ada Byron", "Alan Turing"]);
}

#[test]
fn the_first_level_one_heading_is_the_title_without_front_matter() {
    let b = parse("## Not this\n\n# Export Controls\n\n# Second\n");
    assert_eq!(b.meta.title.as_deref(), Some("Export Controls"));
    assert_eq!(b.sections[1].title.as_deref(), Some("Export Controls"));
}

#[test]
fn front_matter_that_is_not_a_mapping_is_kept_as_text() {
    let b = parse("---\njust: [unclosed\n---\n\ntext\n");
    assert_eq!(b.front_matter.len(), 1);
    assert_eq!(b.front_matter[0].kind, ParagraphKind::Code);
    assert!(b.front_matter[0].text().contains("[unclosed"));
}

#[test]
fn yaml_escapes_cannot_smuggle_control_characters() {
    let b = parse("---\ntitle: \"red\\e[31m\\a title\"\n---\n\ntext\n");
    // The escape sequence goes whole, its "[31m" with it.
    assert_eq!(b.meta.title.as_deref(), Some("red title"));
}

#[test]
fn list_items_carry_depth_and_marker() {
    let b = parse("- one\n- two\n  1. inner\n  2. inner two\n\n3. three\n4. four\n");
    let items: Vec<_> = b.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.depth, p.marker.as_deref(), p.text()))
        .collect();
    let li = ParagraphKind::ListItem;
    assert_eq!(
        items,
        [
            (li, 0, Some("•"), "one".to_string()),
            (li, 0, Some("•"), "two".to_string()),
            (li, 1, Some("1."), "inner".to_string()),
            (li, 1, Some("2."), "inner two".to_string()),
            (li, 0, Some("3."), "three".to_string()),
            (li, 0, Some("4."), "four".to_string()),
        ]
    );
}

#[test]
fn a_second_paragraph_of_an_item_has_no_marker() {
    let b = parse("- first para\n\n  second para\n");
    let p = &b.sections[0].paragraphs;
    assert_eq!(p[0].marker.as_deref(), Some("•"));
    assert_eq!(p[1].kind, ParagraphKind::ListItem);
    assert_eq!(p[1].marker, None);
}

#[test]
fn block_quotes_carry_depth() {
    let b = parse("> outer\n>\n> > inner\n");
    let q: Vec<_> = b.sections[0]
        .paragraphs
        .iter()
        .map(|p| (p.kind, p.depth, p.text()))
        .collect();
    assert_eq!(
        q,
        [
            (ParagraphKind::Quote, 0, "outer".to_string()),
            (ParagraphKind::Quote, 1, "inner".to_string()),
        ]
    );
}

#[test]
fn tables_give_one_row_each_with_cells() {
    let b = parse("| 指标 | 2025 年 |\n|---|---|\n| 增速 | **3.5%** |\n");
    let rows = &b.sections[0].paragraphs;
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.kind == ParagraphKind::TableRow));
    assert!(rows[0].header);
    assert!(!rows[1].header);
    assert_eq!(rows[0].cells, ["指标", "2025 年"]);
    assert_eq!(rows[1].cells, ["增速", "3.5%"]);
    assert_eq!(rows[1].text(), "增速 | 3.5%");
    assert!(rows[1].spans.iter().any(|s| s.style.strong));
}

#[test]
fn footnotes_go_to_back_matter_with_their_label() {
    let b = parse("# A\n\nClaim.[^src]\n\n[^src]: The source.\n\n# B\n\ntext\n");
    assert_eq!(texts(&b.sections[0]), ["Claim.[src]"]);
    assert_eq!(b.back_matter.len(), 1);
    assert_eq!(b.back_matter[0].kind, ParagraphKind::Footnote);
    assert_eq!(b.back_matter[0].marker.as_deref(), Some("src"));
    assert_eq!(b.back_matter[0].text(), "The source.");
}

#[test]
fn code_blocks_are_code_paragraphs() {
    let b = parse("```\nlet x = 1;\n  indented\n```\n");
    let p = &b.sections[0].paragraphs[0];
    assert_eq!(p.kind, ParagraphKind::Code);
    assert_eq!(p.text(), "let x = 1;\n  indented");
}

#[test]
fn inline_styles_become_span_styles() {
    let b = parse("plain *em* **strong** `code` [link](https://example.org/a)\n");
    let spans = &b.sections[0].paragraphs[0].spans;
    let find = |t: &str| &spans.iter().find(|s| s.text == t).unwrap().style;
    assert!(find("em").emphasis);
    assert!(find("strong").strong);
    assert!(find("code").code);
    assert_eq!(find("link").link.as_deref(), Some("https://example.org/a"));
    assert_eq!(find("plain ").clone(), Style::default());
}

#[test]
fn images_become_their_alt_text() {
    let b = parse("Before ![出口管制示意图](chart.png) after\n");
    assert_eq!(texts(&b.sections[0]), ["Before 出口管制示意图 after"]);
}

#[test]
fn raw_html_gives_its_text_never_its_tags() {
    let b = parse(
        "<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nSee <b>this</b>.\n\n\
         <table>\n<tr><td>面向</td><td>意涵</td></tr>\n</table>\n",
    );
    let p = &b.sections[0].paragraphs;
    assert_eq!(texts(&b.sections[0]), ["See this.", "面向 | 意涵"]);
    assert_eq!(p[1].kind, ParagraphKind::TableRow);
    assert_eq!(p[1].cells, ["面向", "意涵"]);
}

#[test]
fn an_html_heading_starts_a_section() {
    let b = parse("<h1>Title</h1>\n\nintro\n\n<h3>Part</h3>\n\nbody\n");
    assert_eq!(b.meta.title.as_deref(), Some("Title"));
    let heads: Vec<_> = b
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_deref()))
        .collect();
    assert_eq!(heads, [(1, Some("Title")), (3, Some("Part"))]);
    assert_eq!(texts(&b.sections[1]), ["body"]);
}

#[test]
fn inline_br_is_a_line_break() {
    let b = parse("* **Todd Park**<br />U.S. Chief Technology Officer\n");
    assert_eq!(
        texts(&b.sections[0]),
        ["Todd Park\nU.S. Chief Technology Officer"]
    );
}

#[test]
fn a_figure_caption_in_html_is_a_caption() {
    let b = parse(
        "<figure>\n<img src=\"a.png\" alt=\"\">\n<figcaption>取自網站。</figcaption>\n</figure>\n",
    );
    let p = &b.sections[0].paragraphs;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, ParagraphKind::Caption);
    assert_eq!(p[0].text(), "取自網站。");
}

#[test]
fn a_footnote_marker_is_not_part_of_a_heading() {
    let b = parse("## a. Use open formats [^19]\n\ntext[^19]\n\n[^19]: Note.\n");
    assert_eq!(b.sections[0].title.as_deref(), Some("a. Use open formats"));
    assert_eq!(texts(&b.sections[0]), ["text[19]"]);
}

#[test]
fn an_undefined_footnote_marker_is_not_part_of_a_heading_either() {
    let b = parse("## a. Use open formats [^19][^x]\n\n## [^only]\n");
    assert_eq!(b.sections[0].title.as_deref(), Some("a. Use open formats"));
    assert_eq!(b.sections[1].title.as_deref(), Some("[^only]"));
}

#[test]
fn dialect_markup_never_reaches_the_body() {
    let b = parse(
        ":::success\n## 關鍵結論\n\n內容\n:::\n\n**Subject:**{: .from} Open Data&#8212;Policy\n\n\
         * Table of Contents\n{:toc}\n\n## Next {#next}\n",
    );
    let all: Vec<String> = b.sections.iter().flat_map(texts).collect();
    assert_eq!(all, ["內容", "Subject: Open Data—Policy"]);
    assert_eq!(b.sections[1].title.as_deref(), Some("Next"));
}

#[test]
fn soft_breaks_join_cjk_without_space_and_latin_with_one() {
    let b = parse("两国元首\n作为掌舵人\n\nexport\ncontrols\n\n2025\n年\n");
    assert_eq!(
        texts(&b.sections[0]),
        ["两国元首作为掌舵人", "export controls", "2025 年"]
    );
}

#[test]
fn hard_breaks_are_newlines_in_the_text() {
    let b = parse("line one  \nline two\\\nline three\n");
    assert_eq!(texts(&b.sections[0]), ["line one\nline two\nline three"]);
}

#[test]
fn character_references_cannot_produce_control_characters() {
    let b = parse("bell&#7; escape&#27;[2J&#x9b; end&Tab;tab\n");
    assert_eq!(texts(&b.sections[0]), ["bell escape[2J end tab"]);
}

#[test]
fn a_heading_inside_a_quote_is_not_a_section() {
    let b = parse("# Real\n\n> ## Quoted heading\n");
    assert_eq!(b.sections.len(), 1);
    assert_eq!(b.sections[0].paragraphs[0].kind, ParagraphKind::Quote);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let lists = "- ".repeat(2_000) + "deep\n";
    let b = parse(&lists);
    let deepest = b.paragraphs().map(|p| p.depth).max();
    assert_eq!(deepest, Some(1_999));
    let quotes = ">".repeat(5_000) + " deep\n";
    let b = parse(&quotes);
    assert_eq!(b.paragraphs().map(|p| p.depth).max(), Some(4_999));
}

#[test]
fn many_headings_without_text() {
    let text: String = (0..3_000).map(|i| format!("## Heading {i}\n")).collect();
    let b = parse(&text);
    assert_eq!(b.sections.len(), 3_000);
    assert!(b.sections.iter().all(|s| s.paragraphs.is_empty()));
}

#[test]
fn deeply_nested_front_matter_does_not_overflow_the_stack() {
    for nested in [
        "- ".repeat(30_000),
        "[".repeat(30_000),
        "a:\n ".repeat(15_000),
    ] {
        let text = format!("---\n{nested}x\n---\n\ntext\n");
        let b = parse(&text);
        assert_eq!(b.meta.title, None);
        assert_eq!(b.sections[0].paragraphs.len(), 1);
    }
}

#[test]
fn yaml_aliases_are_refused() {
    let b = parse("---\na: &x [1, 2]\nb: *x\ntitle: T\n---\n\ntext\n");
    assert_eq!(b.meta.title, None);
    assert_eq!(b.front_matter.len(), 1);
}

#[test]
fn a_soft_break_before_a_link_is_not_link_text() {
    let b = parse("see the\n[Register](https://example.org/) now\n");
    let spans = &b.sections[0].paragraphs[0].spans;
    assert_eq!(spans[0].text, "see the ");
    assert_eq!(spans[0].style.link, None);
    assert_eq!(spans[1].text, "Register");
    assert!(spans[1].style.link.is_some());
}

/// The same document parsed in one piece, whatever its size.
fn parse_whole(text: &str) -> Brief {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut builder = Builder::default();
    for event in Parser::new_ext(text, options) {
        builder.event(event);
    }
    builder.finish()
}

/// A block of Markdown full of lines that look like cut points but are not.
fn tricky_block(n: usize) -> String {
    format!(
        "## Section {n}\n\nText with a [reference link][far] and *style*.\n\n\
         ```\ncode\n\n# not a heading {n}\n```\n\n\
         <!-- a comment\n\n# not a heading either\n-->\n\n\
         <pre>\n\n# preformatted\n</pre>\n\n\
         - item\n\n  # heading inside an item\n\n\
         > quoted\n\n\
         | a | b |\n|---|---|\n| {n} | 二〇二五 |\n\n\
         ~~~~\n\n# tilde fence\n~~~~\n\n\
         Claim.[^n{n}]\n\n[^n{n}]: Note {n}.\n\n\
         #not-a-heading\n\n"
    )
}

#[test]
fn a_large_document_parses_the_same_in_pieces() {
    let mut text = String::from("---\ntitle: Pieces\n---\n\n# Pieces\n\n");
    let mut n = 0;
    while text.len() < 3 * 1024 * 1024 {
        text.push_str(&tricky_block(n));
        n += 1;
    }
    text.push_str("[far]: https://example.org/far\n");
    let cut = pieces::pieces(&text);
    assert!(cut.len() > 4, "{} pieces", cut.len());
    assert_eq!(cut.iter().map(|p| p.body).collect::<String>(), text);
    // Before a heading, or between a table's rows with its head repeated.
    let at_heading = |p: &pieces::Piece<'_>| p.head.is_none() && p.body.starts_with("## Section ");
    let in_table = |p: &pieces::Piece<'_>| p.head == Some("| a | b |\n|---|---|\n");
    assert!(cut[1..].iter().all(|p| at_heading(p) || in_table(p)));
    let whole = parse_whole(&text);
    assert_eq!(parse(&text), whole);
    let link = whole.sections[1].paragraphs[0].spans[1]
        .style
        .link
        .as_deref();
    assert_eq!(link, Some("https://example.org/far"));
}

#[test]
fn small_documents_are_one_piece() {
    let text = tricky_block(1);
    let whole = pieces::Piece {
        head: None,
        body: text.as_str(),
    };
    assert_eq!(pieces::pieces(&text), [whole]);
}

#[test]
fn a_long_table_is_cut_between_rows_and_parses_as_one() {
    let mut text =
        String::from("# Tables\n\nBefore.\n\n| Year | Item \\| note | Value |\n|---|:-:|--:|\n");
    let mut i = 0;
    while text.len() < 3 * 1024 * 1024 {
        text.push_str(&format!(
            "| {} | 出口管制項目 *{i}* | {} |\n",
            2000 + i % 30,
            i * 37
        ));
        i += 1;
    }
    text.push_str("\nAfter the table | with a pipe.\n\n| not | a table |\n| still not |\n");
    let cut = pieces::pieces(&text);
    assert!(cut.len() > 4, "{} pieces", cut.len());
    assert_eq!(cut.iter().map(|p| p.body).collect::<String>(), text);
    let head = "| Year | Item \\| note | Value |\n|---|:-:|--:|\n";
    assert!(
        cut[1..].iter().all(|p| p.head == Some(head)),
        "{:?}",
        cut[1].head
    );
    assert!(cut[1..].iter().all(|p| p.body.starts_with("| 20")));
    let whole = parse_whole(&text);
    assert_eq!(parse(&text), whole);
    let rows = whole.sections[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::TableRow)
        .count();
    assert_eq!(rows, i + 1, "every row once, the head once");
}

#[test]
fn no_cut_inside_an_unclosed_fence() {
    let mut text = String::from("```\n");
    while text.len() < 2 * 1024 * 1024 {
        text.push_str("\n# looks like a heading\n");
    }
    assert_eq!(pieces::pieces(&text).len(), 1);
}

#[test]
fn a_pandoc_chapter_with_boxes_tables_and_figures_keeps_only_its_headings() {
    let b = parse(
        "**第三章 发展情况**\n\n**3.1 核心要素**\n\n**AI开源生态是一个创新生态圈。**\n\n\
         +--------------------+\n| **案例：魔搭**     |\n|                    |\n| 魔搭社区是平台。   |\n\
         +====================+\n\n\
         ![图 2：示意图](./media/image2.png){width=\"5.7in\" height=\"2.6in\"}\n\n\
         **3.2 生态模式**\n\n\
         \x20 ------------------------------\n\
         \x20  **类型**    **内涵**\n\
         \x20 ---------- -------------------\n\
         \x20  推理变现    按调用收费\n\n\
         \x20 ------------------------------\n\n\
         \x20 : 表 1：一览\n\n\
         **首先，开源是引擎**。正文。\n",
    );
    let heads: Vec<(u8, &str)> = b
        .sections
        .iter()
        .filter_map(|s| Some((s.level, s.title.as_deref()?)))
        .collect();
    assert_eq!(
        heads,
        [
            (1, "第三章 发展情况"),
            (2, "3.1 核心要素"),
            (2, "3.2 生态模式")
        ]
    );
    let all: Vec<String> = b.sections.iter().flat_map(texts).collect();
    assert!(
        all.iter()
            .all(|t| !t.contains("+--") && !t.contains("{width") && !t.contains("---")),
        "{all:?}"
    );
    assert!(all.contains(&"案例：魔搭".to_string()), "{all:?}");
    assert!(
        all.contains(&"**类型** | **内涵**".replace("**", "")),
        "{all:?}"
    );
    assert!(all.contains(&"表 1：一览".to_string()), "{all:?}");
}

proptest::proptest! {
    /// The pre-passes slice text at markup they find; input dense in that
    /// markup (fences, braces, table borders, tags, CJK) must never panic.
    #[test]
    fn markup_dense_text_never_panics(
        text in "[:{}#.=\"+|\\-<>/a-z 表中\n`*\\[\\]()!^]{0,300}"
    ) {
        let b = parse(&text);
        // And text comes out only from the input's characters.
        for p in b.paragraphs() {
            let shown = p.text();
            proptest::prop_assert!(shown.chars().all(|c| c == '\n' || c == ' ' || c == '|' || text.contains(c)), "{shown:?}");
        }
    }
}

#[test]
fn strikethrough_is_a_style_of_its_own() {
    let b = parse("keep ~~drop~~ keep\n");
    let spans = &b.sections[0].paragraphs[0].spans;
    let struck: Vec<_> = spans
        .iter()
        .filter(|s| s.style.strikethrough)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(struck, ["drop"]);
    assert_eq!(b.sections[0].paragraphs[0].text(), "keep drop keep");
}

#[test]
fn table_rows_carry_the_declared_alignment() {
    let b = parse("| a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 | 3 | 4 |\n");
    let rows = &b.sections[0].paragraphs;
    let want = [Align::Default, Align::Left, Align::Center, Align::Right];
    assert!(rows.iter().all(|r| *r.align == want), "{rows:?}");
    let plain = parse("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert!(
        plain.sections[0]
            .paragraphs
            .iter()
            .all(|r| r.align.is_empty())
    );
}
