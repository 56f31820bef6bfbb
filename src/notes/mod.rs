//! Notes and tags on paragraphs, kept in a JSON store that never loses one.
//!
//! - [`model`]: the records on disk (note, anchor, brief info, store file).
//! - [`anchor`]: finding a note's paragraph again after the brief changed
//!   (`similarity` scores candidate paragraphs); [`passage`]: a passage
//!   inside the paragraph (W3C TextQuoteSelector), found again in it.
//! - [`store`]: one brief's notes: every writer's files merged, this
//!   writer's saved (lock, merge, save); `storefile` reads one file (good,
//!   newer schema, or damaged and moved aside); [`merge`]: which revision
//!   of a note wins; [`writer`]: who writes (author, stable writer id).
//! - [`bounds`]: what a brief's record takes from another copy of it,
//!   checked and bounded.
//! - [`disk`]: the store file's layout (shared anchor contexts).
//! - [`fsutil`]: atomic replace, lock file, backup, moving a file aside.
//! - [`index`]: the data folder and finding a moved or edited brief again.
//! - [`session`]: the notes of an open brief, as the reader uses them.
//! - [`listing`], [`import`], [`export`]: what `gloss notes` prints and reads.

pub mod anchor;
pub mod annotated;
pub mod bounds;
pub mod cite;
pub mod disk;
pub mod error;
pub mod export;
pub mod fsutil;
pub mod import;
mod import_w3c;
pub mod index;
pub mod listing;
pub mod merge;
pub mod model;
pub mod passage;
pub mod session;
mod similarity;
pub mod store;
mod storefile;
pub mod sync;
pub mod writer;

pub use anchor::{AnchorStatus, BriefMap, Resolution};
pub use error::StoreError;
pub use index::DataDir;
pub use model::{Anchor, BriefInfo, Note, SCHEMA_VERSION};
pub use session::{BriefNotes, NoteView};
pub use store::NoteStore;
