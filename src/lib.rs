//! gloss: a terminal reader and annotator for policy briefs.
//!
//! Data flows one way: `brief` (decode and load) → `layout` (wrap) and
//! `convert` (script) → `app` (state, actions) → `ui` (drawing). `notes`
//! keeps annotations beside the brief; `commands` are the CLI entry points.

pub mod app;
pub mod brief;
pub mod commands;
pub mod config;
pub mod convert;
pub mod files;
pub mod keys;
pub mod layout;
pub mod library;
pub mod notes;
pub mod output;
pub mod theme;
pub mod ui;
