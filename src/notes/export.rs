//! Notes out of gloss: Markdown for reading, JSON for full records (and
//! import), CSV for spreadsheets, W3C Web Annotation JSON-LD for other tools.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value, json};

use super::anchor::AnchorStatus;
use super::model::{BriefInfo, Note, SCHEMA_VERSION};

/// Keys the JSON export adds to a note record; import drops them.
pub const EXPORT_ONLY_KEYS: [&str; 4] = ["status", "current_paragraph", "score", "pages"];

/// One note as exported: the record and where it stands in the brief now.
#[derive(Debug, Clone)]
pub struct ExportItem {
    /// The note record.
    pub note: Note,
    /// Anchor status; `None` when the brief file could not be found to check.
    pub status: Option<AnchorStatus>,
    /// The paragraph the note is on now.
    pub paragraph: Option<String>,
    /// Similarity of the note's quote to that paragraph.
    pub score: Option<f64>,
    /// Section path of the paragraph now (or as recorded, for an orphan).
    pub section: Vec<String>,
    /// The paragraph's text now (or the recorded quote, for an orphan).
    pub quote: String,
    /// The printed pages the paragraph is on now, for citing; empty when
    /// the brief has no pages or could not be read.
    pub pages: Vec<String>,
}

/// The notes of one brief to export.
#[derive(Debug, Clone)]
pub struct ExportBrief {
    /// What the store knows of the brief.
    pub info: BriefInfo,
    /// The notes, in reading order.
    pub items: Vec<ExportItem>,
    /// The brief's meta data as read now, for citations; `None` when its
    /// file could not be found.
    pub meta: Option<crate::brief::Meta>,
    /// The whole brief, for the annotated brief, when asked for
    /// (see `Filter::keeping_briefs`).
    pub brief: Option<std::sync::Arc<crate::brief::Brief>>,
}

impl ExportItem {
    fn status_str(&self) -> &'static str {
        self.status.map_or("unchecked", AnchorStatus::as_str)
    }

    /// The pages as a citation gives them: "p. 7", "pp. 7–8"; empty without.
    fn page_citation(&self) -> String {
        match (self.pages.first(), self.pages.last()) {
            (Some(first), Some(last)) if first != last => format!("pp. {first}–{last}"),
            (Some(first), _) => format!("p. {first}"),
            _ => String::new(),
        }
    }

    /// The pages as a W3C fragment: "page=7" (RFC 3778); `None` without.
    fn page_fragment(&self) -> Option<String> {
        self.pages.first().map(|p| format!("page={p}"))
    }
}

/// The brief's title, else its file name, else its key.
pub(super) fn brief_title(info: &BriefInfo) -> &str {
    info.title
        .as_deref()
        .or_else(|| {
            let path = info.paths.last()?;
            std::path::Path::new(path).file_name()?.to_str()
        })
        .unwrap_or(&info.key)
}

/// Markdown: a heading per brief and per section, each paragraph's text as
/// a block quote followed by its notes.
pub fn to_markdown(briefs: &[ExportBrief]) -> String {
    let mut out = String::new();
    for brief in briefs {
        out.push_str(&format!("# {}\n\n", brief_title(&brief.info)));
        if let Some(path) = brief.info.paths.last() {
            out.push_str(&format!("Source: `{path}`\n\n"));
        }
        let mut section: Option<String> = None;
        let mut last_quote: Option<(&str, Option<&str>)> = None;
        for item in &brief.items {
            let heading = if item.status == Some(AnchorStatus::Orphan) {
                "Orphaned notes (their paragraph is gone)".to_string()
            } else if item.section.is_empty() {
                "(no section)".to_string()
            } else {
                item.section.join(" › ")
            };
            if section.as_deref() != Some(heading.as_str()) {
                out.push_str(&format!("## {heading}\n\n"));
                section = Some(heading);
                last_quote = None;
            }
            let here = (item.quote.as_str(), item.paragraph.as_deref());
            if last_quote != Some(here) {
                for line in item.quote.lines() {
                    out.push_str(&format!("> {line}\n"));
                }
                out.push('\n');
                last_quote = Some(here);
            }
            let mut lines = item.note.text.lines();
            // A note on a passage names it before its text.
            let passage = item
                .note
                .anchor
                .passage
                .as_ref()
                .map_or(String::new(), |p| format!("「{}」 ", p.exact));
            out.push_str(&format!("- {passage}{}\n", lines.next().unwrap_or("")));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
            let mut facts: Vec<String> = Vec::new();
            let pages = item.page_citation();
            if !pages.is_empty() {
                facts.push(pages);
            }
            // The facts are one line: a line feed in a teammate's name or
            // tag must not start a line of its own.
            if let Some(author) = &item.note.author {
                facts.push(crate::output::visible_line(author).into_owned());
            }
            if let Some(editor) = &item.note.modified_by {
                let editor = crate::output::visible_line(editor);
                facts.push(format!("edited by {editor}"));
            }
            if !item.note.tags.is_empty() {
                let tags: Vec<String> = item
                    .note
                    .tags
                    .iter()
                    .map(|t| format!("#{}", crate::output::visible_line(t)))
                    .collect();
                facts.push(tags.join(" "));
            }
            facts.push(
                item.note
                    .modified
                    .strftime("%Y-%m-%d %H:%M UTC")
                    .to_string(),
            );
            if item.status != Some(AnchorStatus::Anchored) {
                facts.push(item.status_str().replace('_', " "));
            }
            out.push_str(&format!("  _{}_\n\n", facts.join(" · ")));
        }
    }
    out
}

/// JSON: every record in full with its anchor status; `gloss notes import` reads it.
pub fn to_json(briefs: &[ExportBrief]) -> Value {
    serde_json::to_value(JsonExport(briefs)).unwrap_or(Value::Null)
}

/// The JSON export as it is written: one note's record built at a time, so
/// a store of a hundred thousand notes is never held twice over as JSON.
/// Keys come in the order [`to_json`]'s value gives them (sorted).
pub struct JsonExport<'a>(pub &'a [ExportBrief]);

impl Serialize for JsonExport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let briefs = self.0;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("briefs", &Each(briefs, Records::Briefs))?;
        map.serialize_entry("notes", &Each(briefs, Records::Notes))?;
        map.serialize_entry("schema", &SCHEMA_VERSION)?;
        map.end()
    }
}

/// What an [`Each`] array holds.
#[derive(Clone, Copy)]
enum Records {
    /// What the store knows of each brief.
    Briefs,
    /// Each note's record, as [`json_record`] gives it.
    Notes,
    /// Each note as a W3C annotation.
    Annotations,
}

/// A JSON array of records of every brief, each made as it is written.
struct Each<'a>(&'a [ExportBrief], Records);

impl Serialize for Each<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for brief in self.0 {
            match self.1 {
                Records::Briefs => seq
                    .serialize_element(&serde_json::to_value(&brief.info).unwrap_or(Value::Null))?,
                Records::Notes => {
                    for item in &brief.items {
                        seq.serialize_element(&json_record(item))?;
                    }
                }
                Records::Annotations => {
                    for item in &brief.items {
                        seq.serialize_element(&annotation(brief, item))?;
                    }
                }
            }
        }
        seq.end()
    }
}

/// One note's record as the JSON export gives it.
fn json_record(item: &ExportItem) -> Value {
    let mut record = serde_json::to_value(&item.note).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut record {
        map.insert("status".into(), json!(item.status_str()));
        map.insert("current_paragraph".into(), json!(item.paragraph));
        map.insert("score".into(), json!(item.score));
        map.insert("pages".into(), json!(item.pages));
    }
    record
}

/// CSV for spreadsheets: UTF-8 with a byte-order mark so Chinese text opens
/// correctly, one row a note.
pub fn to_csv(briefs: &[ExportBrief]) -> Result<Vec<u8>, csv::Error> {
    let mut buf = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        w.write_record([
            "brief",
            "section",
            "paragraph",
            "pages",
            "status",
            "quote",
            "passage",
            "note",
            "tags",
            "created",
            "modified",
            "id",
            "author",
            "modified_by",
        ])?;
        for brief in briefs {
            for item in &brief.items {
                w.write_record([
                    inert_cell(brief_title(&brief.info)).as_ref(),
                    inert_cell(&item.section.join(" › ")).as_ref(),
                    item.paragraph.as_deref().unwrap_or(""),
                    &item.pages.join(", "),
                    item.status_str(),
                    inert_cell(&item.quote).as_ref(),
                    // Empty for a note on the whole paragraph.
                    inert_cell(
                        item.note
                            .anchor
                            .passage
                            .as_ref()
                            .map_or("", |p| p.exact.as_str()),
                    )
                    .as_ref(),
                    inert_cell(&item.note.text).as_ref(),
                    inert_cell(&item.note.tags.join(", ")).as_ref(),
                    &item.note.created.to_string(),
                    &item.note.modified.to_string(),
                    &item.note.id,
                    inert_cell(item.note.author.as_deref().unwrap_or("")).as_ref(),
                    inert_cell(item.note.modified_by.as_deref().unwrap_or("")).as_ref(),
                ])?;
            }
        }
        w.flush()?;
    }
    Ok(buf)
}

/// A cell a spreadsheet will show as text: one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be taken for a formula (a
/// brief's text must never run as one), so it gets a leading apostrophe,
/// which spreadsheets hide.
fn inert_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// Characters kept as they are in a `file://` URL path.
const PATH_SAFE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// W3C Web Annotation JSON-LD: an annotation collection whose items target
/// the brief's file with a TextQuoteSelector (exact, prefix, suffix).
pub fn to_w3c(briefs: &[ExportBrief]) -> Value {
    serde_json::to_value(W3cExport(briefs)).unwrap_or(Value::Null)
}

/// The W3C export as it is written, one annotation built at a time (see
/// [`JsonExport`]).
pub struct W3cExport<'a>(pub &'a [ExportBrief]);

impl Serialize for W3cExport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let briefs = self.0;
        let total: usize = briefs.iter().map(|b| b.items.len()).sum();
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("@context", "http://www.w3.org/ns/anno.jsonld")?;
        map.serialize_entry("first", &W3cPage(briefs))?;
        map.serialize_entry("label", "gloss notes")?;
        map.serialize_entry("total", &total)?;
        map.serialize_entry("type", "AnnotationCollection")?;
        map.end()
    }
}

/// The one page of a W3C collection.
struct W3cPage<'a>(&'a [ExportBrief]);

impl Serialize for W3cPage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("items", &Each(self.0, Records::Annotations))?;
        map.serialize_entry("startIndex", &0)?;
        map.serialize_entry("type", "AnnotationPage")?;
        map.end()
    }
}

/// One note as a W3C annotation.
fn annotation(brief: &ExportBrief, item: &ExportItem) -> Value {
    let source = brief.info.paths.last().map_or_else(
        || format!("urn:gloss:brief:{}", brief.info.key),
        |p| format!("file://{}", utf8_percent_encode(p, PATH_SAFE)),
    );
    let note = &item.note;
    let mut body = vec![json!({
        "type": "TextualBody",
        "value": note.text,
        "format": "text/plain",
        "purpose": "commenting",
    })];
    body.extend(
        note.tags
            .iter()
            .map(|t| json!({ "type": "TextualBody", "value": t, "purpose": "tagging" })),
    );
    // A note on a passage selects the passage itself; the
    // paragraph's id goes beside it (the phrase may recur), as a
    // gloss term: the W3C vocabulary has none for it.
    let (exact, prefix, suffix) = match &note.anchor.passage {
        Some(p) => (&p.exact, &p.prefix, &p.suffix),
        None => (&note.anchor.quote, &note.anchor.prefix, &note.anchor.suffix),
    };
    let quote = json!({
        "type": "TextQuoteSelector",
        "exact": exact,
        "prefix": prefix,
        "suffix": suffix,
    });
    // With pages, the page is the broader selection and the quote
    // is found within it, as the W3C model nests them.
    let selector = match item.page_fragment() {
        Some(page) => json!({
            "type": "FragmentSelector",
            "conformsTo": "http://tools.ietf.org/rfc/rfc3778",
            "value": page,
            "refinedBy": quote,
        }),
        None => quote,
    };
    let mut target = json!({ "source": source, "selector": selector });
    if note.anchor.passage.is_some() {
        target["gloss:paragraph"] =
            json!(item.paragraph.as_deref().unwrap_or(&note.anchor.paragraph));
    }
    let mut annotation = json!({
        "id": format!("urn:uuid:{}", note.id),
        "type": "Annotation",
        "created": note.created.to_string(),
        "modified": note.modified.to_string(),
        "body": body,
        "target": target
    });
    if let Some(author) = &note.author {
        annotation["creator"] = json!({ "type": "Person", "name": author });
    }
    // A teammate who changed the note since is credited beside its
    // creator, not in their place.
    if let Some(editor) = &note.modified_by {
        annotation["contributor"] = json!({ "type": "Person", "name": editor });
    }
    annotation
}
