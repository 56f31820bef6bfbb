//! The annotated brief: the whole brief as Markdown, each note right under
//! the paragraph it is on, the passages notes quote highlighted (`==…==`).

use std::collections::HashMap;

use super::anchor::AnchorStatus;
use super::export::{ExportBrief, ExportItem, brief_title, to_markdown};
use crate::brief::{Brief, Paragraph};

/// Every brief of `briefs` annotated; a brief whose file is gone is given
/// as the Markdown listing, with a line saying why.
pub fn to_annotated(briefs: &[ExportBrief]) -> String {
    let mut out = String::new();
    for exported in briefs.iter().filter(|b| !b.items.is_empty()) {
        match &exported.brief {
            Some(brief) => annotate(&mut out, exported, brief),
            None => {
                out.push_str(&format!(
                    "<!-- {}: the brief's file was not found; its notes follow. -->\n\n",
                    brief_title(&exported.info)
                ));
                out.push_str(&to_markdown(std::slice::from_ref(exported)));
            }
        }
    }
    out
}

fn annotate(out: &mut String, exported: &ExportBrief, brief: &Brief) {
    let mut on: HashMap<&str, Vec<&ExportItem>> = HashMap::new();
    let mut orphans: Vec<&ExportItem> = Vec::new();
    for item in &exported.items {
        match (&item.paragraph, item.status) {
            (Some(id), status) if status != Some(AnchorStatus::Orphan) => {
                on.entry(id.as_str()).or_default().push(item)
            }
            _ => orphans.push(item),
        }
    }
    let meta = &brief.meta;
    let heading = meta.title.as_deref().unwrap_or(brief_title(&exported.info));
    out.push_str(&format!("# {heading}\n\n"));
    let facts: Vec<String> = [
        Some(meta.authors.join(", ")),
        meta.date.clone(),
        meta.series.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect();
    if !facts.is_empty() {
        out.push_str(&format!("_{}_\n\n", facts.join(" · ")));
    }
    for p in &brief.front_matter {
        paragraph(out, p, &on);
    }
    for section in &brief.sections {
        // The brief's own title as its first heading is the `#` above.
        if let Some(title) = section.title.as_ref().filter(|t| t.as_str() != heading) {
            let level = usize::from(section.level.clamp(1, 5)) + 1;
            out.push_str(&format!("{} {title}\n\n", "#".repeat(level)));
        }
        for p in &section.paragraphs {
            paragraph(out, p, &on);
        }
    }
    for p in &brief.back_matter {
        paragraph(out, p, &on);
    }
    if !orphans.is_empty() {
        out.push_str("## Notes whose paragraph is gone\n\n");
        for item in orphans {
            out.push_str(&format!("> {}\n\n", item.quote.replace('\n', " ")));
            note(out, item);
        }
    }
}

/// One paragraph, the passages its notes quote highlighted, then its notes.
fn paragraph(out: &mut String, p: &Paragraph, on: &HashMap<&str, Vec<&ExportItem>>) {
    let mut text = p.text();
    let notes = on.get(p.id.as_str());
    for item in notes.into_iter().flatten() {
        if let Some(passage) = &item.note.anchor.passage
            && !passage.exact.is_empty()
            && let Some(at) = find_unmarked(&text, &passage.exact)
        {
            let end = at + passage.exact.len();
            text = format!("{}=={}=={}", &text[..at], &text[at..end], &text[end..]);
        }
    }
    out.push_str(text.trim_end());
    out.push_str("\n\n");
    for item in notes.into_iter().flatten() {
        note(out, item);
    }
}

/// Where `exact` first occurs in `text` outside a highlight already made.
fn find_unmarked(text: &str, exact: &str) -> Option<usize> {
    text.match_indices(exact)
        .map(|(at, _)| at)
        .find(|&at| text[..at].matches("==").count().is_multiple_of(2))
}

/// A note as a block quote: its passage, its text, who and when.
fn note(out: &mut String, item: &ExportItem) {
    let passage = item
        .note
        .anchor
        .passage
        .as_ref()
        .map_or(String::new(), |p| format!("「{}」 ", p.exact));
    let mut lines = item.note.text.lines();
    out.push_str(&format!(
        "> **Note:** {passage}{}\n",
        lines.next().unwrap_or("")
    ));
    for line in lines {
        out.push_str(&format!("> {line}\n"));
    }
    let mut facts: Vec<String> = Vec::new();
    if let Some(author) = &item.note.author {
        facts.push(crate::output::visible_line(author).into_owned());
    }
    if !item.note.tags.is_empty() {
        let tags: Vec<String> = item.note.tags.iter().map(|t| format!("#{t}")).collect();
        facts.push(tags.join(" "));
    }
    facts.push(item.note.modified.strftime("%Y-%m-%d").to_string());
    out.push_str(&format!(">\n> _{}_\n\n", facts.join(" · ")));
}
