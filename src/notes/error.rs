//! What can go wrong with the notes store, each a one-line message fit for
//! a status bar or stderr.

use std::path::Path;

use thiserror::Error;

/// A notes store failure.
#[derive(Debug, Error)]
pub enum StoreError {
    /// A file operation failed.
    #[error("cannot {action} {path}: {reason}")]
    Io {
        /// What gloss was doing, e.g. "write".
        action: String,
        /// The file or folder concerned.
        path: String,
        /// What the operating system said.
        reason: String,
    },
    /// The store was written by a newer gloss and is only read.
    #[error("{0}")]
    ReadOnly(String),
    /// No folder to keep notes in could be found.
    #[error("no data folder found: set GLOSS_DATA_DIR to a folder for the notes")]
    NoDataDir,
    /// No note has this id.
    #[error("no note with id {0}")]
    UnknownNote(String),
    /// The brief has no paragraph with this id.
    #[error("no paragraph with id {0} in this brief (see `gloss outline --json`)")]
    UnknownParagraph(String),
    /// Another gloss held the store's lock for too long.
    #[error("the notes store is busy: another gloss holds {0}")]
    Locked(String),
    /// A file to import is not a notes export or store.
    #[error("{path} is not a gloss notes export: {reason}")]
    BadImport {
        /// The file given.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An edit was kept in this writer's file but another writer's
    /// revision of the note still wins, so the edit does not show.
    #[error(
        "your change is kept in your notes file but does not show: {0}'s revision of the note outranks any edit (a forged revision?)"
    )]
    Outranked(String),
    /// A store file could not be encoded.
    #[error("cannot encode the notes: {0}")]
    Encode(String),
}

/// An [`StoreError::Io`] for `action` on `path`.
pub fn io_error(action: &str, path: &Path, e: &std::io::Error) -> StoreError {
    let reason = e.to_string();
    let reason = match reason.find(" (os error") {
        Some(i) => reason[..i].to_string(),
        None => reason,
    };
    StoreError::Io {
        action: action.to_string(),
        path: path.display().to_string(),
        reason: reason.to_lowercase(),
    }
}
