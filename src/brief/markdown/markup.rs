//! Whether a `.md` file uses Markdown at all. Text copied out of a law
//! database or a PDF is often saved as `.md` with no markup in it; read as
//! Markdown its short heading lines are lost in soft-wrapped paragraphs,
//! while the plain-text loader sees them.

/// Lines looked at: markup, where a file has any, shows early and often.
const LINES_LOOKED_AT: usize = 2_000;

/// True when `text` shows any Markdown or HTML markup: a heading, list,
/// quote, fence, table, rule, emphasis, link, image or tag, or front matter.
pub fn has_markup(text: &str) -> bool {
    let mut lines = text.lines().take(LINES_LOOKED_AT).peekable();
    if lines.peek().is_some_and(|l| l.trim_end() == "---") {
        return true;
    }
    lines.any(|line| {
        let t = line.trim_start();
        let block = t.starts_with('#')
            || t.starts_with('>')
            || t.starts_with("```")
            || t.starts_with("~~~")
            || t.starts_with('|')
            || t.starts_with(['-', '*', '+']) && t[1..].starts_with(' ')
            || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_')))
            || ordered_item(t);
        let inline = t.contains("**")
            || t.contains("__")
            || t.contains("](")
            || t.contains("![")
            || t.contains('`')
            || t.contains("</")
            || t.contains("/>")
            || t.contains("<br");
        block || inline
    })
}

/// "1. text", "12) text": a Markdown ordered list item.
fn ordered_item(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t[digits..].starts_with(['.', ')'])
        && t[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::has_markup;

    #[test]
    fn text_with_no_markup_is_told_from_markdown() {
        let law =
            "法規名稱：個人資料保護法\n\n   第 一 章 總則\n\n第 1 條\n為規範個人資料之蒐集。\n";
        assert!(!has_markup(law));
        assert!(has_markup("# Title\n\nText.\n"));
        assert!(has_markup("Title\n=====\n\nText.\n"));
        assert!(has_markup("Some **bold** text.\n"));
        assert!(has_markup("- an item\n- another\n"));
        assert!(has_markup("1. first\n2. second\n"));
        assert!(has_markup("---\ntitle: x\n---\nText.\n"));
        assert!(has_markup("See [the plan](https://example.org).\n"));
        assert!(!has_markup("Plain words, one paragraph.\n\nAnother one.\n"));
    }
}
