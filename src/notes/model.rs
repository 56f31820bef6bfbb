//! The records kept on disk: a note, its anchor, the brief it belongs to and
//! the store file that holds them. Every record keeps fields it does not know
//! in `extra`, so a store written by a later gloss survives a load and save.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The schema version this gloss writes; a store with a higher one is read-only.
pub const SCHEMA_VERSION: u32 = 1;

/// One note on one paragraph of a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// A random 128-bit id (UUID v4), unique across briefs and machines.
    pub id: String,
    /// The key of the brief the note belongs to (see [`BriefInfo::key`]).
    pub brief: String,
    /// Where in the brief the note was made.
    pub anchor: Anchor,
    /// The note's text, as typed.
    #[serde(default)]
    pub text: String,
    /// Tags, in the order given, without duplicates.
    #[serde(default)]
    pub tags: Vec<String>,
    /// When the note was made.
    pub created: Timestamp,
    /// When the note last changed (text, tags, anchor or deletion).
    pub modified: Timestamp,
    /// How many edits led to this revision: an edit always counts one more
    /// than the revision it was made on, so it wins over that revision
    /// whatever the clocks say (old stores have none: 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    /// Set when the note was deleted; the record stays so merges keep the deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Timestamp>,
    /// Who made the note (`author` in config.toml); stores written before
    /// teams shared notes have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who made the latest change when that was not the author: a
    /// teammate's edit is credited to them, not to the note's author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<String>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How a note finds its paragraph again when the brief changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// Hash of the paragraph's whitespace-free text: the paragraph id without
    /// its ordinal suffix.
    pub fingerprint: String,
    /// The full paragraph id when the note was anchored (ordinal included).
    pub paragraph: String,
    /// The paragraph's text.
    pub quote: String,
    /// The end of the preceding paragraph.
    #[serde(default)]
    pub prefix: String,
    /// The start of the following paragraph.
    #[serde(default)]
    pub suffix: String,
    /// Titles of the enclosing sections, outermost first.
    #[serde(default)]
    pub section: Vec<String>,
    /// The paragraph's index in reading order.
    #[serde(default)]
    pub position: usize,
    /// The passage inside the paragraph the note is on, if it is on one
    /// (stores written before passages have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<super::passage::Passage>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What the store knows of a brief: enough to find it again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefInfo {
    /// The store's name for the brief; also the store file's stem.
    pub key: String,
    /// The brief's title when it was last seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Canonical paths the brief was seen at, the latest last.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Content hashes (blake3 of the file's bytes) it was seen with, the latest last.
    #[serde(default)]
    pub hashes: Vec<String>,
    /// Fingerprints of some of its longer paragraphs, to recognise it when
    /// it was both moved and edited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sample: Vec<String>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The contents of one brief's store file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreFile {
    /// The schema version the file was written with.
    pub schema: u32,
    /// The brief the notes belong to.
    pub brief: BriefInfo,
    /// Every note, deleted ones included as tombstones.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Note {
    /// A new note made now on `anchor`.
    pub fn new(brief: &str, anchor: Anchor, text: &str, tags: Vec<String>) -> Note {
        let now = Timestamp::now();
        Note {
            id: uuid::Uuid::new_v4().to_string(),
            brief: brief.to_string(),
            anchor,
            text: text.to_string(),
            tags: clean_tags(tags),
            created: now,
            modified: now,
            revision: 0,
            deleted: None,
            author: None,
            modified_by: None,
            extra: Map::new(),
        }
    }

    /// Brings the times of a record read from another writer back to at
    /// most `limit` (now plus a little clock skew): a stamp in the far
    /// future would otherwise win every merge against any later edit.
    pub fn clamp_times(&mut self, limit: Timestamp) {
        self.created = self.created.min(limit);
        self.modified = self.modified.min(limit);
        if let Some(deleted) = &mut self.deleted {
            *deleted = (*deleted).min(limit);
        }
    }

    /// True unless the note has been deleted.
    pub fn is_live(&self) -> bool {
        self.deleted.is_none()
    }

    /// True when `self` should win over `other` in a merge: the higher
    /// revision, then the later change wins; on a tie a deletion wins, so a
    /// note never comes back by accident.
    pub fn supersedes(&self, other: &Note) -> bool {
        match (self.revision, self.modified).cmp(&(other.revision, other.modified)) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => self.deleted.is_some() || other.deleted.is_none(),
        }
    }
}

/// How far ahead of this machine's clock another writer's may be.
pub const CLOCK_SKEW: jiff::SignedDuration = jiff::SignedDuration::from_secs(300);

/// The latest time a record read from another writer may carry: now plus
/// [`CLOCK_SKEW`].
pub fn latest_credible() -> Timestamp {
    let now = Timestamp::now();
    now.checked_add(CLOCK_SKEW).unwrap_or(now)
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Trims tags, drops a leading `#`, the empty ones and repeats.
pub fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().trim_start_matches('#').trim();
        if !tag.is_empty() && !out.iter().any(|t| t == tag) {
            out.push(tag.to_string());
        }
    }
    out
}

/// Splits what a user typed for tags: commas (ASCII or full-width) and spaces.
pub fn parse_tag_list(input: &str) -> Vec<String> {
    clean_tags(
        input
            .split(|c: char| c == ',' || c == '，' || c == '、' || c.is_whitespace())
            .map(str::to_string)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note_at(modified: &str, deleted: bool) -> Note {
        let t: Timestamp = modified.parse().unwrap();
        Note {
            id: "n".into(),
            brief: "b".into(),
            anchor: Anchor::default(),
            text: String::new(),
            tags: vec![],
            created: t,
            modified: t,
            revision: 0,
            deleted: deleted.then_some(t),
            author: None,
            modified_by: None,
            extra: Map::new(),
        }
    }

    #[test]
    fn later_change_wins_and_deletion_wins_a_tie() {
        let old = note_at("2026-01-01T00:00:00Z", false);
        let new = note_at("2026-01-02T00:00:00Z", false);
        assert!(new.supersedes(&old));
        assert!(!old.supersedes(&new));
        let gone = note_at("2026-01-01T00:00:00Z", true);
        assert!(gone.supersedes(&old));
        assert!(!old.supersedes(&gone));
    }

    #[test]
    fn tags_are_cleaned_and_split() {
        assert_eq!(
            parse_tag_list("#外交, 美中，外交 G2、 "),
            vec!["外交", "美中", "G2"]
        );
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"id":"x","brief":"b","anchor":{"fingerprint":"p1","paragraph":"p1",
            "quote":"q","future_anchor":[1,2]},"text":"t","created":"2026-01-01T00:00:00Z",
            "modified":"2026-01-01T00:00:00Z","colour":"red"}"#;
        let note: Note = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&note).unwrap();
        assert_eq!(back["colour"], "red");
        assert_eq!(back["anchor"]["future_anchor"], serde_json::json!([1, 2]));
    }
}
