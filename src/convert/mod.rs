//! Traditional/Simplified conversion and script-blind folding for search.
//!
//! [`Converter`] is the one entry point: pick a [`Target`] (or an OpenCC
//! [`ConfigName`]), optionally add the user's [`Overrides`], call
//! [`Converter::convert`]. [`fold_char`] and [`FoldedText`] serve search.

pub mod backend;
pub mod config;
pub mod converter;
pub mod detect;
pub mod find;
pub mod fold;
pub mod markdown;
pub mod overrides;
mod phrases;
mod runs;
#[cfg(feature = "system-opencc")]
pub mod system;
pub mod view_script;
pub mod words;

pub use backend::{Backend, BackendError, BuiltinBackend};
pub use config::{ConfigName, Script, Target};
pub use converter::{ConvertError, Converter};
pub use detect::detect_script;
pub use find::{FoldedText, find_all};
pub use fold::{fold_char, fold_str};
pub use overrides::{OverrideError, Overrides};
pub use view_script::ViewScript;
pub use words::regional_needles;

/// Loads the built-in dictionaries and the folding table now (about 0.2 s
/// together), e.g. on a background thread when the reader starts, so the
/// first view switch or search does not wait for them.
pub fn warm_up() {
    let _ = backend::builtin_engine();
    fold::warm_up();
}
