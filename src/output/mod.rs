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
    to_stderr(format_args!("gloss: error: {}", visible_line(msg)));
}

/// `gloss: warning: MSG` on stderr, on one line.
pub fn warn(msg: &str) {
    to_stderr(format_args!("gloss: warning: {}", visible_line(msg)));
}

/// `gloss: MSG` on stderr, on one line (per-file messages of convert and search).
pub fn error_line(msg: &str) {
    to_stderr(format_args!("gloss: {}", visible_line(msg)));
}

/// A message already prefixed by its caller, on stderr; its lines are kept.
pub fn stderr_text(msg: &str) {
    to_stderr(format_args!("{}", visible(msg)));
}

/// One line on stderr. Unlike `eprintln!`, a stderr that cannot be
/// written (a terminal hung up as the reader quits) is no panic: the
/// message is lost, not the work after it.
fn to_stderr(line: std::fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(line).and_then(|()| err.write_all(b"\n"));
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

/// `value` as pretty JSON on stdout, written as it is serialised, with
/// the characters serde_json leaves raw escaped (as [`print_json`]).
pub fn write_json<T: serde::Serialize>(value: &T) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout().lock();
    let mut out = JsonSafe(std::io::BufWriter::new(stdout));
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Passes serde_json's output on through [`json_safe`]. serde_json writes
/// whole characters in each call (it cuts strings only at the ASCII
/// characters it escapes), so each write is checked on its own.
struct JsonSafe<W: Write>(W);

impl<W: Write> Write for JsonSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(json_safe(&text).as_bytes())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_written_in_pieces_is_escaped_as_json_printed_whole() {
        let value = serde_json::json!({
            "title": "a\u{1b}]52;c;aGk=\u{7}\u{9b}31m\r\u{202e}b\u{7f} 臺灣",
            "rows": ["\u{2066}x\u{2069}", "plain"],
        });
        let mut streamed = Vec::new();
        serde_json::to_writer_pretty(JsonSafe(&mut streamed), &value).unwrap();
        let whole = serde_json::to_string_pretty(&value).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), json_safe(&whole));
        assert!(json_safe(&whole).contains("\\u009b"));
    }
}
