//! Reading notes and anchors from disk while keeping unknown fields.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Map;

use super::{DiskAnchor, DiskNote};

/// A record's key: the index of a known field, or an unknown name kept for `extra`.
enum Key {
    Known(usize),
    Unknown(String),
}

/// Reads a key against a list of known field names without allocating for them.
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|k| *k == v) {
            Some(i) => Key::Known(i),
            None => Key::Unknown(v.to_string()),
        })
    }
}

fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

// Hand-written rather than `#[serde(flatten)]`, which buffers every field of
// every note before reading it: this halves the time to open a big store.
const NOTE_FIELDS: &[&str] = &[
    "id", "brief", "anchor", "text", "tags", "created", "modified", "deleted", "author",
];

impl<'de> Deserialize<'de> for DiskNote {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NoteVisitor;
        impl<'de> Visitor<'de> for NoteVisitor {
            type Value = DiskNote;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a note record")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DiskNote, A::Error> {
                let (mut id, mut brief, mut anchor) = (None, None, None);
                let (mut text, mut tags) = (None, None);
                let (mut created, mut modified, mut deleted) = (None, None, None);
                let mut author = None;
                let mut extra = Map::new();
                while let Some(key) = map.next_key_seed(KeySeed(NOTE_FIELDS))? {
                    match key {
                        Key::Known(0) => id = Some(map.next_value()?),
                        Key::Known(1) => brief = map.next_value()?,
                        Key::Known(2) => anchor = Some(map.next_value()?),
                        Key::Known(3) => text = Some(map.next_value()?),
                        Key::Known(4) => tags = Some(map.next_value()?),
                        Key::Known(5) => created = Some(map.next_value()?),
                        Key::Known(6) => modified = Some(map.next_value()?),
                        Key::Known(7) => deleted = map.next_value()?,
                        Key::Known(_) => author = map.next_value()?,
                        Key::Unknown(name) => {
                            extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(DiskNote {
                    id: required(id, "id")?,
                    brief,
                    anchor: required(anchor, "anchor")?,
                    text: text.unwrap_or_default(),
                    tags: tags.unwrap_or_default(),
                    created: required(created, "created")?,
                    modified: required(modified, "modified")?,
                    deleted,
                    author,
                    extra,
                })
            }
        }
        d.deserialize_map(NoteVisitor)
    }
}

const ANCHOR_FIELDS: &[&str] = &["context"];

impl<'de> Deserialize<'de> for DiskAnchor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnchorVisitor;
        impl<'de> Visitor<'de> for AnchorVisitor {
            type Value = DiskAnchor;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an anchor")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DiskAnchor, A::Error> {
                let mut context = None;
                let mut extra = Map::new();
                while let Some(key) = map.next_key_seed(KeySeed(ANCHOR_FIELDS))? {
                    match key {
                        Key::Known(_) => context = Some(map.next_value()?),
                        Key::Unknown(name) => {
                            extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(DiskAnchor {
                    context: required(context, "context")?,
                    extra,
                })
            }
        }
        d.deserialize_map(AnchorVisitor)
    }
}
