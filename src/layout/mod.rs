//! UI-free layout: breaking paragraph text into lines of a given width.

pub mod wrap;

pub use wrap::wrap;
