//! Merging every writer's files of one brief: per note id the highest
//! revision, then the newest, wins; on the same time a deletion wins (a note never comes back
//! by accident), then the larger writer id, then the larger record, so that
//! every machine picks the same revision whatever order it read the files in.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::model::Note;

/// One store file in a brief's folder and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file.
    pub path: PathBuf,
    /// The writer id its name gives (a conflict copy keeps its writer's).
    pub writer: String,
}

/// The writer a store file's name belongs to: `<writer>.json`, or a sync
/// tool's conflict copy of it (`<writer> (… conflicted copy …).json`,
/// `<writer>.sync-conflict-….json`); `None` for anything else (hidden and
/// temporary files, backups, damaged files moved aside).
pub fn writer_of(file_name: &str) -> Option<String> {
    let stem = file_name.strip_suffix(".json")?;
    if stem.is_empty() || stem.starts_with('.') || stem.contains(".corrupt-") {
        return None;
    }
    let base = match (stem.find(" ("), stem.find(".sync-conflict")) {
        (Some(a), Some(b)) => &stem[..a.min(b)],
        (Some(a), None) | (None, Some(a)) => &stem[..a],
        (None, None) => stem,
    };
    let base = base.trim_end();
    (!base.is_empty()).then(|| base.to_string())
}

/// The store files in `dir` with their writers, sorted by name; a missing
/// folder has none.
pub fn source_files(dir: &Path) -> Vec<SourceFile> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<SourceFile> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
        .filter_map(|e| {
            let name = e.file_name();
            let writer = writer_of(name.to_str()?)?;
            Some(SourceFile {
                path: e.path(),
                writer,
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// How revision `a` (from writer `aw`) compares with `b` (from `bw`):
/// `Greater` when `a` wins.
pub fn compare(a: &Note, aw: &str, b: &Note, bw: &str) -> Ordering {
    a.revision
        .cmp(&b.revision)
        .then_with(|| a.modified.cmp(&b.modified))
        .then_with(|| a.deleted.is_some().cmp(&b.deleted.is_some()))
        .then_with(|| aw.cmp(bw))
        .then_with(|| {
            // The same writer and time with different contents only comes
            // from a conflict copy: any fixed order will do.
            let text = |n: &Note| serde_json::to_string(n).unwrap_or_default();
            text(a).cmp(&text(b))
        })
}

/// The winning revision of every note among `sources` (writer, notes),
/// with the writer it came from; in the order the notes were made.
pub fn merge<'a>(sources: impl IntoIterator<Item = (&'a str, &'a [Note])>) -> Vec<(Note, String)> {
    let mut best: HashMap<&'a str, (&'a Note, &'a str)> = HashMap::new();
    for (writer, notes) in sources {
        for note in notes {
            match best.get_mut(note.id.as_str()) {
                None => {
                    best.insert(&note.id, (note, writer));
                }
                Some(slot) => {
                    if compare(note, writer, slot.0, slot.1) == Ordering::Greater {
                        *slot = (note, writer);
                    }
                }
            }
        }
    }
    let mut out: Vec<(Note, String)> = best
        .into_values()
        .map(|(n, w)| (n.clone(), w.to_string()))
        .collect();
    out.sort_by(|a, b| a.0.created.cmp(&b.0.created).then(a.0.id.cmp(&b.0.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Anchor;

    fn rev(id: &str, at: &str, text: &str, deleted: bool) -> Note {
        let t: jiff::Timestamp = at.parse().unwrap();
        let mut n = Note::new("b", Anchor::default(), text, vec![]);
        n.id = id.into();
        n.created = "2026-01-01T00:00:00Z".parse().unwrap();
        n.modified = t;
        n.deleted = deleted.then_some(t);
        n
    }

    #[test]
    fn conflict_copies_belong_to_their_writer() {
        assert_eq!(writer_of("ann-1a2b.json").as_deref(), Some("ann-1a2b"));
        assert_eq!(
            writer_of("ann-1a2b (Bob's conflicted copy 2026-01-02).json").as_deref(),
            Some("ann-1a2b")
        );
        assert_eq!(
            writer_of("ann-1a2b.sync-conflict-20260102-101010-ABCDEFG.json").as_deref(),
            Some("ann-1a2b")
        );
        assert_eq!(writer_of(".ann.json.x.tmp"), None);
        assert_eq!(writer_of("ann.json.bak"), None);
        assert_eq!(writer_of("ann.corrupt-20260101T000000Z.json"), None);
        assert_eq!(writer_of(".ann.json"), None);
    }

    #[test]
    fn the_newest_wins_and_ties_break_the_same_in_any_order() {
        let a = [
            rev("1", "2026-01-02T00:00:00Z", "a-new", false),
            rev("2", "2026-01-01T00:00:00Z", "a", false),
            rev("3", "2026-01-01T00:00:00Z", "a", false),
        ];
        let b = [
            rev("1", "2026-01-01T00:00:00Z", "b-old", false),
            rev("2", "2026-01-01T00:00:00Z", "b", true),
            rev("3", "2026-01-01T00:00:00Z", "b", false),
        ];
        let one = merge([("w-a", &a[..]), ("w-b", &b[..])]);
        let two = merge([("w-b", &b[..]), ("w-a", &a[..])]);
        assert_eq!(one, two);
        let text: Vec<(&str, bool)> = one
            .iter()
            .map(|(n, _)| (n.text.as_str(), n.is_live()))
            .collect();
        // Newest edit; deletion on a tie; larger writer id on a tie.
        assert_eq!(text, vec![("a-new", true), ("b", false), ("b", true)]);
    }
}
