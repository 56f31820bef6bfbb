//! Reading a store file: a good store, a newer schema, or damage (told
//! apart from an empty store), and moving a damaged file aside.

use std::path::Path;

use serde::Deserialize;

use super::disk;
use super::error::{StoreError, io_error};
use super::fsutil;
use super::model::{SCHEMA_VERSION, StoreFile};

/// What reading a store file found.
#[derive(Debug)]
pub enum ReadOutcome {
    /// No file yet.
    Missing,
    /// A store this gloss can write.
    Good(StoreFile),
    /// A store from a newer schema; its notes when they could be read.
    Newer(u32, Option<StoreFile>),
    /// The file does not parse; the reason in words.
    Damaged(String),
}

#[derive(Deserialize)]
struct SchemaProbe {
    schema: u32,
}

/// Reads and parses the store file at `path`.
pub fn read_store(path: &Path) -> Result<ReadOutcome, StoreError> {
    let bytes = match crate::files::read_regular(path, crate::files::DATA_CAP) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ReadOutcome::Missing),
        Err(e) => return Err(io_error("read", path, &e)),
    };
    Ok(parse_store(&bytes))
}

/// Parses store bytes, telling a newer schema from damage.
pub fn parse_store(bytes: &[u8]) -> ReadOutcome {
    match disk::decode(bytes) {
        Ok(file) if file.schema > SCHEMA_VERSION => ReadOutcome::Newer(file.schema, Some(file)),
        Ok(file) => ReadOutcome::Good(file),
        Err(reason) => match serde_json::from_slice::<SchemaProbe>(bytes) {
            Ok(probe) if probe.schema > SCHEMA_VERSION => ReadOutcome::Newer(probe.schema, None),
            _ if bytes.is_empty() => ReadOutcome::Damaged("the file is empty".into()),
            _ if bytes.iter().all(|&b| b == 0) => {
                ReadOutcome::Damaged("the file holds only NUL bytes".into())
            }
            _ => ReadOutcome::Damaged(reason),
        },
    }
}

/// The message for a store written by a newer schema.
pub(crate) fn newer_message(path: &Path, schema: u32) -> String {
    format!(
        "notes store {} was written by a newer gloss (schema {schema}, this one knows {SCHEMA_VERSION}): opened read-only, update gloss to change it",
        path.display()
    )
}

/// Moves a damaged store aside and says how to get the notes back. The
/// backup it points to is first kept under a name of its own
/// (`<key>.json.bak-<time>`), because the next saves rotate `.bak`: the
/// copy the message names must outlive every later save. `root` is the
/// data folder.
pub(crate) fn quarantine(root: &Path, path: &Path, reason: &str) -> Result<String, StoreError> {
    let aside = fsutil::move_aside(path)?;
    let bak = fsutil::backup_path(path);
    let backup_ok = matches!(read_store(&bak), Ok(ReadOutcome::Good(_)));
    let advice = if backup_ok {
        let kept = fsutil::keep_copy(root, &bak)?;
        format!(
            "the last good copy is {}: restore its notes with `gloss notes import {}`",
            kept.display(),
            kept.display()
        )
    } else {
        "no good backup exists; the damaged file is kept for recovery by hand".to_string()
    };
    Ok(format!(
        "notes store {} was damaged ({}) and was moved aside to {}; new notes go to a fresh store; {advice}",
        path.display(),
        reason.replace('\n', " "),
        aside.display()
    ))
}
