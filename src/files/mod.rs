//! Every file gloss reads or writes on the user's behalf goes through here.
//!
//! - [`read`]: only regular files, never more than a cap, never blocking on
//!   a FIFO or a device (briefs, configs, themes, stores, imports).
//! - [`write`]: a temporary file in the target's folder, synced, renamed
//!   over the target, so a crash or a full disk leaves the old file whole;
//!   a symlink is written through to its target.

pub mod read;
pub mod write;

pub use read::{
    BRIEF_CAP, DATA_CAP, SETTINGS_CAP, hash_regular, open_regular, read_regular,
    read_regular_string,
};
pub use write::{
    resolve_links, sync_dir, write_atomic, write_new_output, write_output, write_within,
};
