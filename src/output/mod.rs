//! Everything gloss prints on stdout and stderr passes through here, and
//! through the one sanitiser in [`sanitize`]: text from briefs, notes,
//! imports, themes and file names never reaches a terminal as a control
//! sequence. Only gloss's own escapes (search hit colours) are added after.

pub mod sanitize;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

pub use sanitize::{json_safe, visible, visible_line};

/// `gloss: error: MSG` on stderr, on one line.
pub fn error(msg: &str) {
    eprintln!("gloss: error: {}", visible_line(msg));
}

/// `gloss: warning: MSG` on stderr, on one line.
pub fn warn(msg: &str) {
    eprintln!("gloss: warning: {}", visible_line(msg));
}

/// `gloss: MSG` on stderr, on one line (per-file messages of convert and search).
pub fn error_line(msg: &str) {
    eprintln!("gloss: {}", visible_line(msg));
}

/// A message already prefixed by its caller, on stderr; its lines are kept.
pub fn stderr_text(msg: &str) {
    eprintln!("{}", visible(msg));
}

/// Text (a listing, Markdown, CSV) on stdout, controls escaped.
pub fn print_text(text: &str) -> anyhow::Result<ExitCode> {
    write_stdout(visible(text).as_bytes())
}

/// Text gloss assembled (settings, theme lists) that may quote data from
/// files, on stdout with controls escaped.
pub fn print_text_bytes(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    print_text(&String::from_utf8_lossy(bytes))
}

/// JSON on stdout, with the characters serde_json leaves raw escaped.
pub fn print_json(text: &str) -> anyhow::Result<ExitCode> {
    write_stdout(json_safe(text).as_bytes())
}

/// Bytes gloss made itself (completions, the man page) on stdout as they
/// are; a closed pipe (`gloss … | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}
