//! Traditional/Simplified conversion and script-blind folding for search.

pub mod fold;

pub use fold::fold_char;
