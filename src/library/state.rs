//! Where the reader left each brief: the paragraph at the top, marks, the
//! view script and the theme picked for it, plus the theme last picked
//! anywhere. One small JSON file per brief, named by the notes index's key
//! for the brief (so a moved or renamed brief keeps its place), written
//! atomically.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::notes::{DataDir, StoreError, fsutil};

/// A place in a brief that survives re-wrapping: the block's key (its
/// paragraph id, or `§` and the section id for a heading) and its index as
/// a fallback when the text changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The paragraph id (or `§section-id`) of the block.
    pub key: String,
    /// The block's index when the place was taken.
    pub block: usize,
    /// The byte of the block's text the top line started at, so the same
    /// line comes back whatever the width.
    #[serde(default)]
    pub offset: usize,
}

/// What is remembered of one brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BriefState {
    /// The block at the top of the screen when the brief was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Mark>,
    /// Marks set with `m` + letter.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<char, Mark>,
    /// The view script in use (`original`, `s`, `tw`), when the reader has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// The theme picked with `T` while reading this brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// When the brief was last closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_read: Option<Timestamp>,
    /// The note being written when a signal ended the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A note being written when a signal (a closed window, a logout) ended
/// the reader: kept with the place, and back in the editor the next time
/// the brief opens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The text typed so far.
    pub text: String,
    /// The paragraph a new note was for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// The passage of that paragraph a new passage note was for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<crate::notes::passage::Passage>,
    /// The note being edited, when it was one already saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What is remembered across briefs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GlobalState {
    /// The theme last picked with `T`, in any brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Fields written by another version of gloss, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The folder of state files: `state/` beside the notes' `index.json`.
#[derive(Debug, Clone)]
pub struct StateDir {
    data: DataDir,
    dir: PathBuf,
}

const GLOBAL_FILE: &str = "last.json";

impl StateDir {
    /// The state folder of the data folder `data`.
    pub fn new(data: DataDir) -> StateDir {
        let dir = data.index_path().with_file_name("state");
        StateDir { data, dir }
    }

    /// The state folder of `$GLOSS_DATA_DIR` (or the platform's).
    pub fn from_env() -> Result<StateDir, StoreError> {
        DataDir::from_env().map(StateDir::new)
    }

    /// The data folder this belongs to (notes and their index).
    pub fn data(&self) -> &DataDir {
        &self.data
    }

    /// The state file of the brief with this key.
    pub fn path_for(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The key of the brief read from `file`, as the notes index knows it
    /// (by content, path or paragraphs), recorded in the index so that the
    /// library finds it by path without reading it whole.
    pub fn key_for(&self, file: &Path, brief: &crate::brief::Brief) -> Result<String, StoreError> {
        let info = self.data.locate(file, Some(brief))?;
        self.data.register(&info)?;
        Ok(info.key)
    }

    /// The state of the brief with this key; a missing or unreadable file
    /// is a brief never read (the state is a convenience, not a record).
    pub fn load(&self, key: &str) -> BriefState {
        read_json(&self.path_for(key)).unwrap_or_default()
    }

    /// Writes the state of the brief with this key, atomically.
    pub fn save(&self, key: &str, state: &BriefState) -> Result<(), StoreError> {
        write_json(self.data.root(), &self.dir, &self.path_for(key), state)
    }

    /// What is remembered across briefs.
    pub fn load_global(&self) -> GlobalState {
        read_json(&self.dir.join(GLOBAL_FILE)).unwrap_or_default()
    }

    /// Writes what is remembered across briefs, atomically.
    pub fn save_global(&self, state: &GlobalState) -> Result<(), StoreError> {
        write_json(
            self.data.root(),
            &self.dir,
            &self.dir.join(GLOBAL_FILE),
            state,
        )
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let bytes = crate::files::read_regular(path, crate::files::DATA_CAP).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes `value` at `path` in `dir`, never through a link out of the data
/// folder `root` (a team repository may hold one).
fn write_json<T: Serialize>(
    root: &Path,
    dir: &Path,
    path: &Path,
    value: &T,
) -> Result<(), StoreError> {
    fsutil::ensure_dir(dir)?;
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Encode(e.to_string()))?;
    fsutil::write_atomic(root, path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_keeps_unknown_fields() {
        let data = tempfile::tempdir().unwrap();
        let dir = StateDir::new(DataDir::at(data.path().to_path_buf()));
        let mut state = BriefState::default();
        state.marks.insert(
            'a',
            Mark {
                key: "p1".into(),
                block: 3,
                offset: 12,
            },
        );
        state.theme = Some("light".into());
        state.extra.insert("later".into(), Value::Bool(true));
        dir.save("k", &state).unwrap();
        assert_eq!(dir.load("k"), state);
        assert_eq!(dir.load("missing"), BriefState::default());
        std::fs::write(dir.path_for("bad"), b"{").unwrap();
        assert_eq!(dir.load("bad"), BriefState::default());
    }
}
