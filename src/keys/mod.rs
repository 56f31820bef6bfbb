//! Keys and the actions they stand for, with the default bindings. Below
//! both `app`, which applies actions, and `config`, which remaps keys, so
//! neither has to import the other.

pub mod action;
pub mod keymap;

pub use action::Action;
pub use keymap::{Key, Keymap};
