//! A folder of briefs and where the reader left each one, UI-free.
//!
//! - [`scan`]: every brief under a folder with its meta data (read from the
//!   first few KB of each file), notes count and last reading, in parallel.
//! - [`state`]: per-brief reading state (place, marks, view script, theme)
//!   and the last theme picked, kept in `$GLOSS_DATA_DIR/state/`.

pub mod scan;
pub mod state;

pub use scan::{LibraryEntry, scan, scan_files};
pub use state::{BriefState, Draft, Mark, StateDir};
