//! gloss: a terminal reader and annotator for policy briefs.
//!
//! Imports point down this list: a module uses only those below it
//! (`tests/module_layers.rs` checks it).
//!
//! - `commands`: the CLI (`commands::cli`), one module a subcommand, with
//!   the terminal session and a reading's settings and remembered place
//!   that the reader and the library share.
//! - `ui`: drawing only.
//! - `app`: reader state and the actions that change it, no drawing.
//! - `library`: a folder of briefs and where the reader left each one.
//! - `notes`: annotations kept beside the brief; the store and its sync.
//! - `config`: the settings (`config.toml`, the environment).
//! - `keys` (actions, keys, default bindings), `layout` (line breaking),
//!   `convert` (scripts, folding, the view script), `dict` (the
//!   Chinese-English dictionary), `theme`.
//! - `brief`: decode and load, no UI.
//! - `files` (capped reads, atomic writes), `output` (the sanitiser).

pub mod app;
pub mod brief;
pub mod commands;
pub mod config;
pub mod convert;
pub mod dict;
pub mod files;
pub mod keys;
pub mod layout;
pub mod library;
pub mod notes;
pub mod output;
pub mod theme;
pub mod ui;
