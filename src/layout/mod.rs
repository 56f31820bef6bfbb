//! UI-free layout: breaking paragraph text into lines of a given width,
//! caching the result per paragraph and width, and finding where a byte of
//! the text lands on screen.

pub mod cache;
pub mod classes;
pub mod locate;
pub mod wrap;

#[cfg(test)]
mod tests;

pub use cache::WrapCache;
pub use locate::{Position, locate, pieces_on_lines};
pub use wrap::wrap;
