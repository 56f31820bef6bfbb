//! Reading `config.toml` onto the settings. Each key is checked on its own:
//! a bad value is a warning quoting it and the default stays; an unknown
//! key is a warning naming it.

use std::path::Path;

use toml::{Table, Value};

use super::keys::{action_named, parse_key};
use super::{Rebinding, Settings, Source, Sourced, ViewScript, Warning};
use crate::keys::Key;

/// Narrowest text column worth reading in; 0 turns the limit off.
const MIN_WRAP_WIDTH: i64 = 20;
/// Bounds of a fixed section list width.
const LIST_WIDTHS: std::ops::RangeInclusive<i64> = 8..=80;

/// The settings file being applied, and what it has to say.
struct Reader<'a> {
    file: &'a Path,
    warnings: &'a mut Vec<Warning>,
}

impl Reader<'_> {
    fn source(&self) -> Source {
        Source::File(self.file.to_path_buf())
    }

    fn sourced<T>(&self, value: T) -> Sourced<T> {
        Sourced {
            value,
            source: self.source(),
        }
    }

    fn bad(&mut self, key: &str, problem: String) {
        let file = self.file.display();
        self.warnings.push(Warning(format!(
            "{file}: key `{key}`: {problem}; using the default"
        )));
    }

    fn unknown(&mut self, key: &str) {
        let file = self.file.display();
        self.warnings
            .push(Warning(format!("{file}: unknown key `{key}` ignored")));
    }
}

/// Applies the settings file's text (read from `file`) to `settings`.
pub(super) fn apply(settings: &mut Settings, text: &str, file: &Path, warnings: &mut Vec<Warning>) {
    let mut text = text.to_string();
    let table: Table = loop {
        match toml::from_str(&text) {
            Ok(table) => break table,
            Err(e) => {
                let offset = e.span().map_or(0, |span| span.start);
                let line = text
                    .get(..offset)
                    .map_or(1, |before| before.matches('\n').count() + 1);
                // A number too large for any setting costs its key, not the file.
                if let Some(key) = text.lines().nth(line - 1).and_then(oversized_integer_key) {
                    warnings.push(Warning(format!(
                        "{}: line {line}: key `{key}`: the number is too large; the key is ignored",
                        file.display()
                    )));
                    text = without_line(&text, line - 1);
                    continue;
                }
                let message = e.message().trim().replace('\n', " ");
                warnings.push(Warning(format!(
                    "{}: line {line}: {message}; using the defaults",
                    file.display()
                )));
                return;
            }
        }
    };
    let mut r = Reader { file, warnings };
    for (key, value) in &table {
        match key.as_str() {
            "theme" => match value {
                Value::String(name) if !name.is_empty() => settings.theme = r.sourced(name.clone()),
                other => r.bad(key, format!("expected a theme name, found {other}")),
            },
            "script" => {
                let found = value.as_str().and_then(|name| {
                    ViewScript::NAMES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, s)| *s)
                });
                match found {
                    Some(script) => settings.script = r.sourced(script),
                    None => r.bad(
                        key,
                        format!("expected \"original\", \"s\" or \"tw\", found {value}"),
                    ),
                }
            }
            "wrap_width" => match value.as_integer().map(u16::try_from) {
                Some(Ok(w)) if w == 0 || i64::from(w) >= MIN_WRAP_WIDTH => {
                    settings.wrap_width = r.sourced(w)
                }
                _ => r.bad(
                    key,
                    format!(
                        "expected 0 (no limit) or at least {MIN_WRAP_WIDTH} columns, found {value}"
                    ),
                ),
            },
            "list_width" => match value {
                Value::String(s) if s == "auto" => settings.list_width = r.sourced(None),
                Value::Integer(w) if LIST_WIDTHS.contains(w) => {
                    settings.list_width = r.sourced(u16::try_from(*w).ok())
                }
                other => r.bad(
                    key,
                    format!(
                        "expected \"auto\" or {}-{} columns, found {other}",
                        LIST_WIDTHS.start(),
                        LIST_WIDTHS.end()
                    ),
                ),
            },
            "author" => match value {
                Value::String(name) if !name.trim().is_empty() => {
                    settings.author = r.sourced(Some(name.trim().to_string()))
                }
                other => r.bad(key, format!("expected a name, found {other}")),
            },
            "keys" => match value {
                Value::Table(keys) => apply_keys(settings, keys, &mut r),
                other => r.bad(key, format!("expected a [keys] table, found {other}")),
            },
            _ => r.unknown(key),
        }
    }
}

/// The key of a `key = 123…` line whose integer does not fit in 64 bits
/// (the one kind of bad value the TOML parser itself refuses).
fn oversized_integer_key(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    let value = value.split('#').next().unwrap_or("").trim();
    let digits = value.strip_prefix(['+', '-']).unwrap_or(value);
    let is_integer = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '_');
    let valid_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    (valid_key && is_integer && value.replace('_', "").parse::<i64>().is_err())
        .then(|| key.to_string())
}

/// `text` with line `index` (from 0) emptied, the other lines where they were.
fn without_line(text: &str, index: usize) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| if i == index { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `[keys]`: `action = "key"` or `action = ["key", …]`. An action whose
/// keys do not all parse keeps its default keys.
fn apply_keys(settings: &mut Settings, keys: &Table, r: &mut Reader) {
    for (name, value) in keys {
        let at = format!("keys.{name}");
        let Some(action) = action_named(name) else {
            let names: Vec<_> = super::keys::ACTION_NAMES.iter().map(|(n, _)| *n).collect();
            let file = r.file.display();
            r.warnings.push(Warning(format!(
                "{file}: unknown action `{at}` ignored (actions: {})",
                names.join(", ")
            )));
            continue;
        };
        let names: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            single => vec![single],
        };
        let mut parsed: Vec<Key> = Vec::new();
        let mut failed = false;
        for item in names {
            match item.as_str().map(parse_key) {
                Some(Ok(event)) => parsed.push(Key::from_event(&event)),
                Some(Err(problem)) => {
                    r.bad(&at, problem);
                    failed = true;
                }
                None => {
                    r.bad(&at, format!("expected a key name in quotes, found {item}"));
                    failed = true;
                }
            }
        }
        if failed {
            continue;
        }
        if parsed.is_empty() {
            r.bad(&at, "needs at least one key".to_string());
            continue;
        }
        parsed.dedup();
        settings.rebindings.retain(|b| b.action != action);
        settings.rebindings.push(Rebinding {
            action,
            keys: parsed,
            source: r.source(),
        });
    }
}
