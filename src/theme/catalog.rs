//! Finding themes by name: user themes in `CONFIG_DIR/themes/NAME.toml`
//! first, then the built-ins; and choosing one for the reader, falling back
//! to the default with a warning when the chosen one is broken.

use std::path::{Path, PathBuf};

use super::Theme;
use super::builtin::{BUILTIN_THEMES, DEFAULT_THEME, builtin};
use super::file::{Strictness, ThemeError, description, parse_theme};

/// Where a theme comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into gloss.
    Builtin,
    /// A file in the user's themes folder.
    User(PathBuf),
}

/// A theme that can be chosen by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeEntry {
    /// The name to choose it by.
    pub name: String,
    /// Where it comes from.
    pub origin: Origin,
    /// The file's `description`, if it has one.
    pub description: Option<String>,
}

/// The themes available: the built-ins and those in a themes folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeCatalog {
    user_dir: Option<PathBuf>,
}

impl ThemeCatalog {
    /// The built-ins plus the themes in `config_dir/themes/` (if given).
    pub fn new(config_dir: Option<&Path>) -> ThemeCatalog {
        ThemeCatalog {
            user_dir: config_dir.map(|dir| dir.join("themes")),
        }
    }

    /// The folder user themes are looked for in.
    pub fn user_dir(&self) -> Option<&Path> {
        self.user_dir.as_deref()
    }

    /// Every theme, built-ins first, then user themes by name. A user theme
    /// named like a built-in replaces it and is listed once, as the user's.
    pub fn entries(&self) -> Vec<ThemeEntry> {
        let users = self.user_files();
        let mut entries: Vec<ThemeEntry> = BUILTIN_THEMES
            .iter()
            .filter(|(name, _)| !users.iter().any(|(n, _)| n == name))
            .map(|(name, source)| ThemeEntry {
                name: (*name).to_string(),
                origin: Origin::Builtin,
                description: description(source),
            })
            .collect();
        entries.extend(users.into_iter().map(|(name, path)| {
            ThemeEntry {
                description: crate::files::read_regular_string(&path, crate::files::SETTINGS_CAP)
                    .ok()
                    .and_then(|s| description(&s)),
                name,
                origin: Origin::User(path),
            }
        }));
        entries
    }

    /// The name after `name` in [`ThemeCatalog::entries`], wrapping round,
    /// for a key that cycles themes; the first theme if `name` is unknown.
    pub fn next_after(&self, name: &str) -> String {
        let names: Vec<String> = self.entries().into_iter().map(|e| e.name).collect();
        let next = names
            .iter()
            .position(|n| n == name)
            .map_or(0, |i| (i + 1) % names.len());
        names
            .get(next)
            .cloned()
            .unwrap_or_else(|| DEFAULT_THEME.to_string())
    }

    /// The theme called `name`, with warnings about skipped keys.
    pub fn load(
        &self,
        name: &str,
        strictness: Strictness,
    ) -> Result<(Theme, Vec<String>), ThemeError> {
        if let Some((_, path)) = self.user_files().into_iter().find(|(n, _)| n == name) {
            return load_file(&path, strictness);
        }
        match builtin(name) {
            Some(theme) => Ok((theme, Vec::new())),
            None => Err(ThemeError::NotFound {
                name: name.to_string(),
                known: self
                    .entries()
                    .iter()
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// `(name, path)` of each `*.toml` in the themes folder, by name.
    fn user_files(&self) -> Vec<(String, PathBuf)> {
        let Some(dir) = &self.user_dir else {
            return Vec::new();
        };
        // A missing or unreadable folder simply has no themes.
        let Ok(read) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<(String, PathBuf)> = read
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "toml") && path.is_file())
            .filter_map(|path| Some((path.file_stem()?.to_str()?.to_string(), path)))
            .collect();
        files.sort();
        files
    }
}

/// Reads and parses the theme file at `path`.
pub fn load_file(path: &Path, strictness: Strictness) -> Result<(Theme, Vec<String>), ThemeError> {
    let file = path.display().to_string();
    let source =
        crate::files::read_regular_string(path, crate::files::SETTINGS_CAP).map_err(|source| {
            ThemeError::Read {
                file: file.clone(),
                source,
            }
        })?;
    parse_theme(&source, &file, strictness)
}

/// The theme the reader should use: `name` from `catalog`, leniently. If
/// it cannot be used, the default theme with a warning saying why, so the
/// reader still starts. `no_color` strips the colors.
pub fn select(catalog: &ThemeCatalog, name: &str, no_color: bool) -> (Theme, Vec<String>) {
    let (theme, warnings) = match catalog.load(name, Strictness::Lenient) {
        Ok(loaded) => loaded,
        Err(e) => (
            builtin(DEFAULT_THEME).unwrap_or_default(),
            vec![format!("{e}; using the default theme \"{DEFAULT_THEME}\"")],
        ),
    };
    let theme = if no_color {
        theme.without_colors()
    } else {
        theme
    };
    (theme, warnings)
}
