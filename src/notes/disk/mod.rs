//! The store file's layout on disk. Many notes hang on the same paragraph,
//! so the anchor (fingerprint, paragraph id, text, neighbours, section,
//! position) is written once in a `contexts` list and each note's anchor
//! points to one by index; the brief's key is written once, not per note.
//! This keeps a store of 10,000 notes small and quick to read and write.
//! In memory every [`Note`] carries its full [`Anchor`] and brief key.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::model::{Anchor, BriefInfo, Note, StoreFile};

mod read;

#[derive(Deserialize)]
struct DiskStore {
    schema: u32,
    brief: BriefInfo,
    #[serde(default)]
    contexts: Vec<Context>,
    #[serde(default)]
    notes: Vec<DiskNote>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Context {
    fingerprint: String,
    paragraph: String,
    #[serde(default)]
    position: usize,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    section: Vec<String>,
}

/// A note as read from disk.
struct DiskNote {
    id: String,
    /// Only present when a note belongs elsewhere than the file's brief.
    brief: Option<String>,
    anchor: DiskAnchor,
    text: String,
    tags: Vec<String>,
    created: Timestamp,
    modified: Timestamp,
    deleted: Option<Timestamp>,
    author: Option<String>,
    extra: Map<String, Value>,
}

/// An anchor as read from disk: its context is an index into `contexts`.
struct DiskAnchor {
    context: usize,
    extra: Map<String, Value>,
}

/// A note as written: borrowed from the one in memory.
#[derive(Serialize)]
struct NoteOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    brief: Option<&'a str>,
    anchor: AnchorOut<'a>,
    text: &'a str,
    tags: &'a [String],
    created: Timestamp,
    modified: Timestamp,
    #[serde(skip_serializing_if = "is_zero")]
    revision: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified_by: Option<&'a str>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct AnchorOut<'a> {
    context: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<&'a super::passage::Passage>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

/// Encodes a store for writing.
pub fn encode(file: &StoreFile) -> serde_json::Result<Vec<u8>> {
    let mut contexts: Vec<Context> = Vec::new();
    let mut context_of: Vec<usize> = Vec::with_capacity(file.notes.len());
    // Contexts of one paragraph share its fingerprint; compare within it only.
    let mut by_fingerprint: HashMap<&str, Vec<usize>> = HashMap::new();
    for note in &file.notes {
        let a = &note.anchor;
        let same = |c: &Context| {
            c.paragraph == a.paragraph
                && c.position == a.position
                && c.quote == a.quote
                && c.prefix == a.prefix
                && c.suffix == a.suffix
                && c.section == a.section
        };
        let known = by_fingerprint.entry(&a.fingerprint).or_default();
        let context = match known.iter().copied().find(|&i| same(&contexts[i])) {
            Some(i) => i,
            None => {
                contexts.push(Context {
                    fingerprint: a.fingerprint.clone(),
                    paragraph: a.paragraph.clone(),
                    position: a.position,
                    quote: a.quote.clone(),
                    prefix: a.prefix.clone(),
                    suffix: a.suffix.clone(),
                    section: a.section.clone(),
                });
                known.push(contexts.len() - 1);
                contexts.len() - 1
            }
        };
        context_of.push(context);
    }
    let notes: Vec<NoteOut> = file
        .notes
        .iter()
        .zip(context_of)
        .map(|(n, context)| NoteOut {
            id: &n.id,
            brief: (n.brief != file.brief.key).then_some(n.brief.as_str()),
            anchor: AnchorOut {
                context,
                passage: n.anchor.passage.as_ref(),
                extra: &n.anchor.extra,
            },
            text: &n.text,
            tags: &n.tags,
            created: n.created,
            modified: n.modified,
            revision: n.revision,
            deleted: n.deleted,
            author: n.author.as_deref(),
            modified_by: n.modified_by.as_deref(),
            extra: &n.extra,
        })
        .collect();
    // One record a line, in a fixed order: a store kept in git or a synced
    // folder diffs note by note, and costs next to nothing more to write
    // or read than one long line.
    let mut buf = Vec::with_capacity(256 * file.notes.len() + 1024);
    buf.extend_from_slice(b"{\"schema\":");
    serde_json::to_writer(&mut buf, &file.schema)?;
    buf.extend_from_slice(b",\n\"brief\":");
    serde_json::to_writer(&mut buf, &file.brief)?;
    write_list(&mut buf, "contexts", &contexts)?;
    write_list(&mut buf, "notes", &notes)?;
    for (key, value) in &file.extra {
        if !matches!(key.as_str(), "schema" | "brief" | "contexts" | "notes") {
            buf.extend_from_slice(b",\n");
            serde_json::to_writer(&mut buf, key)?;
            buf.push(b':');
            serde_json::to_writer(&mut buf, value)?;
        }
    }
    buf.extend_from_slice(b"\n}\n");
    Ok(buf)
}

/// Writes `,"name":[` then each item on a line of its own, then `]`.
fn write_list<T: Serialize>(buf: &mut Vec<u8>, name: &str, items: &[T]) -> serde_json::Result<()> {
    buf.extend_from_slice(b",\n");
    serde_json::to_writer(&mut *buf, name)?;
    buf.extend_from_slice(b":[");
    for (i, item) in items.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut *buf, item)?;
    }
    buf.push(b']');
    Ok(())
}

/// Decodes a store file; an anchor pointing at a missing context is damage.
pub fn decode(bytes: &[u8]) -> Result<StoreFile, String> {
    let disk: DiskStore = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let mut notes = Vec::with_capacity(disk.notes.len());
    for (i, n) in disk.notes.into_iter().enumerate() {
        let c = disk.contexts.get(n.anchor.context).ok_or_else(|| {
            format!(
                "note {} refers to context {}, which is missing",
                i + 1,
                n.anchor.context
            )
        })?;
        // A passage is the note's own (not the shared context's); it is
        // read from the note's anchor, where unknown keys also land. One
        // that does not parse stays there untouched rather than damage
        // the whole store.
        let mut anchor_extra = n.anchor.extra;
        let passage = anchor_extra
            .get("passage")
            .cloned()
            .and_then(|v| serde_json::from_value(v).ok());
        if passage.is_some() {
            anchor_extra.remove("passage");
        }
        // The revision lands among the unknown keys; one that is no count
        // is dropped rather than written twice.
        let mut extra = n.extra;
        let revision = extra
            .remove("revision")
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        // So is who changed a teammate's note; one that is no name is
        // dropped rather than written twice.
        let modified_by = extra
            .remove("modified_by")
            .and_then(|v| v.as_str().map(str::to_string));
        notes.push(Note {
            id: n.id,
            brief: n.brief.unwrap_or_else(|| disk.brief.key.clone()),
            anchor: Anchor {
                fingerprint: c.fingerprint.clone(),
                paragraph: c.paragraph.clone(),
                quote: c.quote.clone(),
                prefix: c.prefix.clone(),
                suffix: c.suffix.clone(),
                section: c.section.clone(),
                position: c.position,
                passage,
                extra: anchor_extra,
            },
            text: n.text,
            tags: n.tags,
            created: n.created,
            modified: n.modified,
            revision,
            deleted: n.deleted,
            author: n.author,
            modified_by,
            extra,
        });
    }
    Ok(StoreFile {
        schema: disk.schema,
        brief: disk.brief,
        notes,
        extra: disk.extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_survives_a_round_trip_and_old_stores_have_none() {
        let mut with = note("美中應建立建設性戰略穩定關係", "x");
        with.anchor.passage = Some(crate::notes::passage::Passage::new(
            &with.anchor.quote,
            5..14,
        ));
        let without = note("美中應建立建設性戰略穩定關係", "y");
        let file = StoreFile {
            schema: 1,
            brief: BriefInfo {
                key: "k".into(),
                ..BriefInfo::default()
            },
            notes: vec![with.clone(), without.clone()],
            extra: Map::new(),
        };
        let back = decode(&encode(&file).unwrap()).unwrap();
        assert_eq!(back.notes[0].anchor.passage, with.anchor.passage);
        assert_eq!(back.notes[1].anchor.passage, None);
        assert!(back.notes[0].anchor.extra.is_empty());
    }

    fn note(quote: &str, text: &str) -> Note {
        let anchor = Anchor {
            fingerprint: format!("p{}", quote.len()),
            paragraph: "p1".into(),
            quote: quote.into(),
            ..Anchor::default()
        };
        Note::new("k", anchor, text, vec!["t".into()])
    }

    #[test]
    fn shared_contexts_are_written_once_and_read_back_in_full() {
        let file = StoreFile {
            schema: 1,
            brief: BriefInfo::default(),
            notes: vec![
                note("同一段", "a"),
                note("同一段", "b"),
                note("另一段落", "c"),
            ],
            extra: Map::new(),
        };
        let bytes = encode(&file).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_eq!(text.matches("同一段").count(), 1);
        assert_eq!(decode(&bytes).unwrap(), file);
    }

    #[test]
    fn unknown_fields_of_notes_and_anchors_survive() {
        let mut n = note("段", "a");
        n.extra.insert("colour".into(), Value::from("amber"));
        n.anchor.extra.insert("page".into(), Value::from(3));
        let file = StoreFile {
            schema: 1,
            brief: BriefInfo::default(),
            notes: vec![n],
            extra: Map::from_iter([("sync".to_string(), Value::from(true))]),
        };
        assert_eq!(decode(&encode(&file).unwrap()).unwrap(), file);
    }

    #[test]
    fn a_note_without_an_id_is_damage() {
        let bad = br#"{"schema":1,"brief":{"key":"k"},"contexts":[{"fingerprint":"p","paragraph":"p","quote":"q"}],
            "notes":[{"anchor":{"context":0},"created":"2026-01-01T00:00:00Z",
            "modified":"2026-01-01T00:00:00Z"}]}"#;
        assert!(decode(bad).unwrap_err().contains("missing field `id`"));
    }

    #[test]
    fn a_dangling_context_is_damage() {
        let bad = br#"{"schema":1,"brief":{"key":"k"},"contexts":[],"notes":[{"id":"x","brief":"k",
            "anchor":{"context":3},"created":"2026-01-01T00:00:00Z",
            "modified":"2026-01-01T00:00:00Z"}]}"#;
        assert!(decode(bad).unwrap_err().contains("context 3"));
    }
}
