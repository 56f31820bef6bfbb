//! Reading back gloss's own W3C Web Annotation export: each annotation
//! targets a brief file with a TextQuoteSelector, so the brief is read
//! again and the note anchored on the paragraph (or passage) it quotes.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use jiff::Timestamp;
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value};

use super::anchor::BriefMap;
use super::index::DataDir;
use super::model::{Anchor, BriefInfo, Note};
use super::passage::{Passage, find_quote};

/// Whether `value` looks like an annotation collection.
pub fn is_w3c(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("AnnotationCollection")
}

/// A brief named by the export, read and mapped once however many notes
/// it has.
struct Source {
    info: BriefInfo,
    map: BriefMap,
}

/// Notes grouped by brief key, with what is known of the briefs.
pub type Grouped = (BTreeMap<String, Vec<Note>>, Vec<BriefInfo>);

/// The notes of a W3C export, grouped by brief key, with the briefs; an
/// error (the reason) names the annotation that cannot be read.
pub fn w3c_notes(data: &DataDir, value: &Value) -> Result<Grouped, String> {
    let items = value
        .pointer("/first/items")
        .and_then(Value::as_array)
        .ok_or("its annotation collection has no items")?;
    let mut sources: HashMap<String, Source> = HashMap::new();
    let mut by_brief: BTreeMap<String, Vec<Note>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let source = item
            .pointer("/target/source")
            .and_then(Value::as_str)
            .ok_or(format!("annotation {n} has no target source"))?;
        if !sources.contains_key(source) {
            sources.insert(source.to_string(), open_source(data, source, n)?);
        }
        let Some(src) = sources.get(source) else {
            continue;
        };
        let note = note_of(item, src).map_err(|why| format!("annotation {n} {why}"))?;
        by_brief.entry(note.brief.clone()).or_default().push(note);
    }
    let infos = sources.into_values().map(|s| s.info).collect();
    Ok((by_brief, infos))
}

/// Reads the brief a `file://` source names.
fn open_source(data: &DataDir, source: &str, n: usize) -> Result<Source, String> {
    let Some(path) = source.strip_prefix("file://") else {
        return Err(format!(
            "annotation {n} targets {source:?}, not a brief file: only a file:// source can be anchored again"
        ));
    };
    let path = PathBuf::from(percent_decode_str(path).decode_utf8_lossy().into_owned());
    let brief = crate::brief::load_path(&path).map_err(|e| {
        format!(
            "annotation {n} is on {}, which cannot be read: {e}",
            path.display()
        )
    })?;
    let info = data
        .locate(&path, Some(&brief))
        .map_err(|e| e.to_string())?;
    Ok(Source {
        info,
        map: BriefMap::new(&brief),
    })
}

/// One annotation as a note of `src`'s brief.
fn note_of(item: &Value, src: &Source) -> Result<Note, String> {
    let text_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let id = text_of(item, "id")
        .and_then(|id| id.strip_prefix("urn:uuid:").map(str::to_string))
        .ok_or("has no urn:uuid: id")?;
    let time = |key: &str| -> Result<Timestamp, String> {
        text_of(item, key)
            .and_then(|t| t.parse().ok())
            .ok_or(format!("has no valid {key:?} time"))
    };
    let (created, modified) = (time("created")?, time("modified")?);
    let bodies = item
        .get("body")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let purpose = |b: &Value, p: &str| b.get("purpose").and_then(Value::as_str) == Some(p);
    let text = bodies
        .iter()
        .find(|b| purpose(b, "commenting"))
        .and_then(|b| text_of(b, "value"))
        .unwrap_or_default();
    let tags = bodies
        .iter()
        .filter(|b| purpose(b, "tagging"))
        .filter_map(|b| text_of(b, "value"))
        .collect();
    let person = |key: &str| item.get(key).and_then(|p| text_of(p, "name"));
    let target = item.get("target").ok_or("has no target")?;
    Ok(Note {
        id,
        brief: src.info.key.clone(),
        anchor: anchor_of(target, &src.map)?,
        text,
        tags,
        created,
        modified,
        revision: 0,
        deleted: None,
        author: person("creator"),
        modified_by: person("contributor"),
        extra: Map::new(),
    })
}

/// The anchor a target's quote selector names: the paragraph it quotes
/// whole, or the passage in the paragraph `gloss:paragraph` names. A quote
/// the brief no longer has is kept as it is, to be re-attached by hand.
fn anchor_of(target: &Value, map: &BriefMap) -> Result<Anchor, String> {
    let selector = target.get("selector").ok_or("has no selector")?;
    // With pages, the quote refines the page fragment.
    let quote = selector.get("refinedBy").unwrap_or(selector);
    let field = |key: &str| quote.get(key).and_then(Value::as_str).unwrap_or("");
    let exact = field("exact");
    if exact.is_empty() {
        return Err("has no TextQuoteSelector with an exact quote".into());
    }
    let paragraph = target.get("gloss:paragraph").and_then(Value::as_str);
    if let Some(id) = paragraph
        && let Some(mut anchor) = map.anchor_for(id)
    {
        let text = anchor.quote.clone();
        if let Ok((_, chars)) = find_quote([(id, text.as_str())], exact) {
            anchor.passage = Some(Passage::new(&text, chars));
            return Ok(anchor);
        }
    }
    let whole = (0..map.len()).find(|&i| map.text(i).trim() == exact.trim());
    if paragraph.is_none()
        && let Some(anchor) = whole
            .and_then(|i| map.paragraph(i))
            .and_then(|p| map.anchor_for(&p.id))
    {
        return Ok(anchor);
    }
    Ok(Anchor {
        paragraph: paragraph.unwrap_or_default().to_string(),
        quote: exact.to_string(),
        prefix: field("prefix").to_string(),
        suffix: field("suffix").to_string(),
        ..Anchor::default()
    })
}
