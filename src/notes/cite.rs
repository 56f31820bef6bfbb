//! The briefs that were noted, as references for a bibliography: BibTeX,
//! RIS and CSL-JSON, one entry a brief, with the pages its notes are on.

use serde_json::{Value, json};

use super::export::{ExportBrief, brief_title};
use crate::brief::date::date_key;

/// One brief as a reference: what every format is written from.
struct Reference {
    key: String,
    title: String,
    authors: Vec<String>,
    /// The date as the brief writes it, and as (year, month, day).
    date: Option<(String, (i32, u8, u8))>,
    publisher: Option<String>,
    series: Option<String>,
    /// The printed pages the notes are on, in reading order, no repeats.
    pages: Vec<String>,
    /// Where the file was last seen.
    file: Option<String>,
}

fn references(briefs: &[ExportBrief]) -> Vec<Reference> {
    let mut used: Vec<String> = Vec::new();
    briefs
        .iter()
        .filter(|b| !b.items.is_empty())
        .map(|brief| {
            let meta = brief.meta.as_ref();
            let authors = meta.map(|m| m.authors.clone()).unwrap_or_default();
            let date = meta
                .and_then(|m| m.date.clone())
                .and_then(|d| date_key(&d).map(|k| (d, k)));
            let mut pages: Vec<String> = Vec::new();
            for page in brief.items.iter().flat_map(|i| &i.pages) {
                if !pages.contains(page) {
                    pages.push(page.clone());
                }
            }
            let title = meta
                .and_then(|m| m.title.clone())
                .unwrap_or_else(|| brief_title(&brief.info).to_string());
            let key = unique_key(&authors, date.as_ref().map(|d| d.1.0), &title, &mut used);
            Reference {
                key,
                title,
                authors,
                date,
                publisher: meta.and_then(|m| m.publisher.clone()),
                series: meta.and_then(|m| m.series.clone()),
                pages,
                file: brief.info.paths.last().cloned(),
            }
        })
        .collect()
}

/// A citation key of ASCII letters and digits: the first author's last
/// word (else the title's first) and the year, `a`, `b`… added when taken.
fn unique_key(
    authors: &[String],
    year: Option<i32>,
    title: &str,
    used: &mut Vec<String>,
) -> String {
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let name = authors
        .first()
        .and_then(|a| a.split_whitespace().last())
        .map(ascii)
        .filter(|s| !s.is_empty())
        .or_else(|| title.split_whitespace().map(ascii).find(|s| !s.is_empty()))
        .unwrap_or_else(|| "brief".to_string());
    let base = format!("{name}{}", year.map_or(String::new(), |y| y.to_string()));
    let mut key = base.clone();
    let mut suffix = b'a';
    while used.contains(&key) {
        key = format!("{base}{}", char::from(suffix));
        suffix = suffix.saturating_add(1);
    }
    used.push(key.clone());
    key
}

/// The pages for a reference: `7--8, 12` in BibTeX's way, or with `–`.
fn page_list(pages: &[String], dash: &str) -> String {
    pages
        .iter()
        .map(|p| p.replace(['-', '–'], dash))
        .collect::<Vec<_>>()
        .join(", ")
}

/// BibTeX: an `@report` a brief, braces and backslashes in values escaped.
pub fn to_bibtex(briefs: &[ExportBrief]) -> String {
    let escape = |s: &str| -> String {
        let mut out = String::new();
        for c in crate::output::visible_line(s).chars() {
            match c {
                '{' | '}' | '\\' | '%' | '&' | '$' | '#' | '_' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        out
    };
    let mut out = String::new();
    for r in references(briefs) {
        // The title in a second pair of braces keeps its capitals.
        let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", escape(&r.title)))];
        if !r.authors.is_empty() {
            let names: Vec<String> = r.authors.iter().map(|a| escape(a)).collect();
            fields.push(("author", names.join(" and ")));
        }
        if let Some((_, (year, month, day))) = &r.date {
            fields.push(("year", year.to_string()));
            if *month > 0 {
                fields.push(("month", month.to_string()));
            }
            let date = match (month, day) {
                (0, _) => year.to_string(),
                (m, 0) => format!("{year}-{m:02}"),
                (m, d) => format!("{year}-{m:02}-{d:02}"),
            };
            fields.push(("date", date));
        }
        if let Some(publisher) = &r.publisher {
            fields.push(("institution", escape(publisher)));
        }
        if let Some(series) = &r.series {
            fields.push(("series", escape(series)));
        }
        if !r.pages.is_empty() {
            fields.push(("pages", page_list(&r.pages, "--")));
        }
        if let Some(file) = &r.file {
            fields.push(("file", escape(file)));
        }
        out.push_str(&format!("@report{{{},\n", r.key));
        for (name, value) in fields {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// RIS: a `TY  - RPRT` record a brief, one tag a line.
pub fn to_ris(briefs: &[ExportBrief]) -> String {
    let line =
        |tag: &str, value: &str| format!("{tag}  - {}\n", crate::output::visible_line(value));
    let mut out = String::new();
    for r in references(briefs) {
        out.push_str(&line("TY", "RPRT"));
        out.push_str(&line("ID", &r.key));
        out.push_str(&line("TI", &r.title));
        for author in &r.authors {
            out.push_str(&line("AU", author));
        }
        if let Some((written, (year, month, day))) = &r.date {
            out.push_str(&line("PY", &year.to_string()));
            let part = |n: &u8| {
                if *n == 0 {
                    String::new()
                } else {
                    format!("{n:02}")
                }
            };
            out.push_str(&line(
                "DA",
                &format!("{year}/{}/{}/", part(month), part(day)),
            ));
            out.push_str(&line("N1", &format!("date as printed: {written}")));
        }
        if let Some(publisher) = &r.publisher {
            out.push_str(&line("PB", publisher));
        }
        if let Some(series) = &r.series {
            out.push_str(&line("T3", series));
        }
        if let (Some(first), Some(last)) = (r.pages.first(), r.pages.last()) {
            out.push_str(&line("SP", first));
            out.push_str(&line("EP", last));
        }
        if let Some(file) = &r.file {
            out.push_str(&line("L1", file));
        }
        out.push_str("ER  - \n\n");
    }
    out
}

/// CSL-JSON: an array of `report` items, as Zotero and pandoc read them.
pub fn to_csl_json(briefs: &[ExportBrief]) -> Value {
    let items: Vec<Value> = references(briefs)
        .into_iter()
        .map(|r| {
            let mut item = json!({
                "id": r.key,
                "type": "report",
                "title": r.title,
            });
            if !r.authors.is_empty() {
                item["author"] = r.authors.iter().map(|a| json!({ "literal": a })).collect();
            }
            if let Some((written, (year, month, day))) = &r.date {
                let parts: Vec<i32> = [*year, i32::from(*month), i32::from(*day)]
                    .into_iter()
                    .take_while(|n| *n > 0)
                    .collect();
                item["issued"] = json!({ "date-parts": [parts], "raw": written });
            }
            if let Some(publisher) = &r.publisher {
                item["publisher"] = json!(publisher);
            }
            if let Some(series) = &r.series {
                item["collection-title"] = json!(series);
            }
            if !r.pages.is_empty() {
                item["page"] = json!(page_list(&r.pages, "–"));
            }
            item
        })
        .collect();
    Value::Array(items)
}
