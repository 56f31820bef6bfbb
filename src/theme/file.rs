//! The theme file format: TOML, one key per part of the screen, each an
//! inline table of colors and attributes, optionally on top of a built-in:
//!
//! ```toml
//! inherit = "light"
//! header_title = { fg = "#8b4000", bold = true }
//! search_match = { fg = "black", bg = "yellow" }
//! ```

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use toml::{Table, Value};

use super::keys::{THEME_KEYS, style_mut};
use super::{Theme, builtin};

/// How a theme file's unknown keys are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Unknown keys are errors (`gloss themes --check`, built-in themes).
    Strict,
    /// Unknown keys are reported as warnings and skipped (the reader).
    Lenient,
}

/// What can be wrong with a theme, written for the user: the file, the key
/// and the value at fault.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The file could not be read.
    #[error("cannot read theme file {file}: {source}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("theme file {file}: line {line}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// The line the parser stopped at (1-based).
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// A known key with a value that cannot be used.
    #[error("theme file {file}: key `{key}`: {problem}")]
    BadValue {
        /// The file.
        file: String,
        /// The key, with its attribute (`header_title.fg`).
        key: String,
        /// What is wrong, quoting the value.
        problem: String,
    },
    /// A key no theme has (only an error when checking strictly).
    #[error("theme file {file}: unknown key `{key}` (`gloss themes --keys` lists them)")]
    UnknownKey {
        /// The file.
        file: String,
        /// The key.
        key: String,
    },
    /// No built-in or user theme of that name.
    #[error("no theme named \"{name}\" (themes: {known})")]
    NotFound {
        /// The name asked for.
        name: String,
        /// The names there are, comma-separated.
        known: String,
    },
}

/// Keys of a theme file that are not styles.
const INHERIT: &str = "inherit";
const DESCRIPTION: &str = "description";

/// Parses a theme file's text; `file` names it in messages. The result is
/// the inherited built-in (or the default theme) with the file's keys set,
/// and the warnings about keys that were skipped (lenient only).
pub fn parse_theme(
    source: &str,
    file: &str,
    strictness: Strictness,
) -> Result<(Theme, Vec<String>), ThemeError> {
    let table: Table = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |span| span.start);
        let line = source
            .get(..offset)
            .map_or(1, |before| before.matches('\n').count() + 1);
        ThemeError::Syntax {
            file: file.to_string(),
            line,
            message: e.message().trim().replace('\n', " "),
        }
    })?;
    let mut reader = Reader {
        file,
        strictness,
        warnings: Vec::new(),
    };
    let mut theme = match table.get(INHERIT) {
        None => Theme::default(),
        Some(Value::String(name)) => builtin(name).ok_or_else(|| {
            let names: Vec<_> = super::BUILTIN_THEMES.iter().map(|(n, _)| *n).collect();
            reader.bad(
                INHERIT,
                format!(
                    "no built-in theme \"{name}\" (built-in: {})",
                    names.join(", ")
                ),
            )
        })?,
        Some(other) => {
            return Err(reader.bad(INHERIT, format!("expected a theme name, found {other}")));
        }
    };
    for (key, value) in &table {
        match key.as_str() {
            INHERIT => {}
            DESCRIPTION if value.is_str() => {}
            DESCRIPTION => return Err(reader.bad(key, format!("expected text, found {value}"))),
            _ => {
                let style = reader.style(key, value)?;
                match (style_mut(&mut theme, key), style) {
                    (Some(slot), Some(style)) => *slot = style,
                    (Some(_), None) => {}
                    (None, _) => reader.unknown(key)?,
                }
            }
        }
    }
    Ok((theme, reader.warnings))
}

/// The file being read, with what it takes to report on it.
struct Reader<'a> {
    file: &'a str,
    strictness: Strictness,
    warnings: Vec<String>,
}

impl Reader<'_> {
    fn bad(&self, key: &str, problem: String) -> ThemeError {
        ThemeError::BadValue {
            file: self.file.to_string(),
            key: key.to_string(),
            problem,
        }
    }

    /// An unknown key: an error when strict, a warning otherwise.
    fn unknown(&mut self, key: &str) -> Result<(), ThemeError> {
        match self.strictness {
            Strictness::Strict => Err(ThemeError::UnknownKey {
                file: self.file.to_string(),
                key: key.to_string(),
            }),
            Strictness::Lenient => {
                let file = self.file;
                self.warnings
                    .push(format!("theme file {file}: unknown key `{key}` ignored"));
                Ok(())
            }
        }
    }

    /// One style: a table of `fg`, `bg` and attribute flags, or a color
    /// name alone as the foreground. `None` for a key that is no style
    /// (its value is not looked at: the key itself is reported).
    fn style(&mut self, key: &str, value: &Value) -> Result<Option<Style>, ThemeError> {
        if !THEME_KEYS.iter().any(|k| k.name == key) {
            return Ok(None);
        }
        let attributes = match value {
            Value::String(_) => return Ok(Some(Style::new().fg(self.color(key, "fg", value)?))),
            Value::Table(t) => t,
            other => {
                return Err(self.bad(
                    key,
                    format!(
                        "expected a table like {{ fg = \"yellow\", bold = true }}, found {other}"
                    ),
                ));
            }
        };
        let mut style = Style::new();
        for (attribute, v) in attributes {
            let modifier = match attribute.as_str() {
                "fg" => {
                    style = style.fg(self.color(key, attribute, v)?);
                    continue;
                }
                "bg" => {
                    style = style.bg(self.color(key, attribute, v)?);
                    continue;
                }
                "bold" => Modifier::BOLD,
                "dim" => Modifier::DIM,
                "italic" => Modifier::ITALIC,
                "underline" => Modifier::UNDERLINED,
                "reverse" => Modifier::REVERSED,
                "strikethrough" => Modifier::CROSSED_OUT,
                _ => {
                    self.unknown(&format!("{key}.{attribute}"))?;
                    continue;
                }
            };
            match v {
                Value::Boolean(true) => style = style.add_modifier(modifier),
                Value::Boolean(false) => {}
                other => {
                    return Err(self.bad(
                        &format!("{key}.{attribute}"),
                        format!("expected true or false, found {other}"),
                    ));
                }
            }
        }
        Ok(Some(style))
    }

    fn color(&self, key: &str, attribute: &str, value: &Value) -> Result<Color, ThemeError> {
        let at = format!("{key}.{attribute}");
        let Value::String(text) = value else {
            return Err(self.bad(&at, format!("expected a color in quotes, found {value}")));
        };
        Color::from_str(text).map_err(|_| {
            self.bad(
                &at,
                format!(
                    "bad color \"{text}\" (use a name like \"yellow\" or \"light-blue\", \"#rrggbb\", or 0-255)"
                ),
            )
        })
    }
}

/// The `description` a theme file gives, if it parses and has one.
pub(super) fn description(source: &str) -> Option<String> {
    let table: Table = toml::from_str(source).ok()?;
    table.get(DESCRIPTION)?.as_str().map(str::to_string)
}
