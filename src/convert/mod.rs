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
#[cfg(feature = "system-opencc")]
pub mod system;

pub use backend::{Backend, BackendError, BuiltinBackend};
pub use config::{ConfigName, Script, Target};
pub use converter::{ConvertError, Converter};
pub use detect::detect_script;
pub use find::{FoldedText, find_all};
pub use fold::{fold_char, fold_str};
pub use overrides::{OverrideError, Overrides};
