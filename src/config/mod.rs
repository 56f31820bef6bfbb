//! Settings: `$GLOSS_CONFIG_DIR/config.toml` (default `~/.config/gloss/`)
//! over compiled-in defaults, then the environment. Every value remembers
//! where it came from, for `gloss config --print`. Mistakes never stop
//! gloss: they become [`Warning`]s and the default stands.

pub mod keys;
mod parse;
mod print;

use std::fmt;
use std::path::PathBuf;

use crate::keys::{Action, Key, Keymap};
use crate::theme::{DEFAULT_THEME, Theme, ThemeCatalog};

pub use crate::convert::ViewScript;
pub use print::render;

/// The environment variable naming the config folder.
pub const CONFIG_DIR_VAR: &str = "GLOSS_CONFIG_DIR";
/// The environment variable naming the theme (over `config.toml`).
pub const THEME_VAR: &str = "GLOSS_THEME";
/// The settings file's name in the config folder.
pub const CONFIG_FILE: &str = "config.toml";

/// A problem with the settings that gloss worked around.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Compiled into gloss.
    Default,
    /// The settings file.
    File(PathBuf),
    /// An environment variable.
    Environment(&'static str),
    /// A command-line flag.
    CommandLine(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(path) => write!(f, "{}", path.display()),
            Source::Environment(var) => write!(f, "environment {var}"),
            Source::CommandLine(flag) => write!(f, "command line {flag}"),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value in force.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

impl<T> Sourced<T> {
    fn default(value: T) -> Sourced<T> {
        Sourced {
            value,
            source: Source::Default,
        }
    }
}

/// The keys of one action, when `config.toml` remaps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    /// The action.
    pub action: Action,
    /// Its keys, replacing the defaults.
    pub keys: Vec<Key>,
    /// The settings file that says so.
    pub source: Source,
}

/// The reader's text column never grows beyond this by default.
pub const DEFAULT_WRAP_WIDTH: u16 = 80;

/// Every setting in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The config folder (themes and `config.toml`), if there is one.
    pub config_dir: Option<Sourced<PathBuf>>,
    /// The theme's name.
    pub theme: Sourced<String>,
    /// The script briefs open in.
    pub script: Sourced<ViewScript>,
    /// The widest the body's text column gets; 0 means the whole pane.
    /// A wider pane centers the column.
    pub wrap_width: Sourced<u16>,
    /// The section list's width in columns; `None` sizes it to the screen.
    pub list_width: Sourced<Option<u16>>,
    /// Whether colors are off (`NO_COLOR`).
    pub no_color: Sourced<bool>,
    /// Actions remapped to other keys, in the order of the file.
    pub rebindings: Vec<Rebinding>,
    /// The name recorded on notes (`author`); `None` gives the login and host.
    pub author: Sourced<Option<String>>,
}

/// What the settings read from the environment, gathered so tests can
/// supply their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `GLOSS_CONFIG_DIR`, if set and not empty.
    pub config_dir: Option<PathBuf>,
    /// The platform's config folder plus `gloss` (`~/.config/gloss`).
    pub default_config_dir: Option<PathBuf>,
    /// `GLOSS_THEME`, if set and not empty.
    pub theme: Option<String>,
    /// `NO_COLOR` set and not empty.
    pub no_color: bool,
}

impl Environment {
    /// The environment of this process.
    pub fn current() -> Environment {
        let non_empty = |var: &str| std::env::var_os(var).filter(|v| !v.is_empty());
        Environment {
            config_dir: non_empty(CONFIG_DIR_VAR).map(PathBuf::from),
            default_config_dir: dirs::config_dir().map(|d| d.join("gloss")),
            theme: non_empty(THEME_VAR).and_then(|v| v.into_string().ok()),
            no_color: crate::theme::no_color_requested(),
        }
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            config_dir: None,
            theme: Sourced::default(DEFAULT_THEME.to_string()),
            script: Sourced::default(ViewScript::Original),
            wrap_width: Sourced::default(DEFAULT_WRAP_WIDTH),
            list_width: Sourced::default(None),
            no_color: Sourced::default(false),
            rebindings: Vec::new(),
            author: Sourced::default(None),
        }
    }
}

impl Settings {
    /// The settings of this process: its environment and config file.
    pub fn load() -> (Settings, Vec<Warning>) {
        Settings::load_from(&Environment::current())
    }

    /// The settings for `env`: defaults, then `config.toml` in the config
    /// folder (if it exists), then the environment.
    pub fn load_from(env: &Environment) -> (Settings, Vec<Warning>) {
        let mut settings = Settings::default();
        let mut warnings = Vec::new();
        settings.config_dir = match (&env.config_dir, &env.default_config_dir) {
            (Some(dir), _) => Some(Sourced {
                value: dir.clone(),
                source: Source::Environment(CONFIG_DIR_VAR),
            }),
            (None, Some(dir)) => Some(Sourced::default(dir.clone())),
            (None, None) => None,
        };
        if let Some(file) = settings.config_file() {
            match crate::files::read_regular_string(&file, crate::files::SETTINGS_CAP) {
                Ok(text) => parse::apply(&mut settings, &text, &file, &mut warnings),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => warnings.push(Warning(format!(
                    "cannot read {}: {e}; using the defaults",
                    file.display()
                ))),
            }
        }
        if let Some(theme) = &env.theme {
            settings.theme = Sourced {
                value: theme.clone(),
                source: Source::Environment(THEME_VAR),
            };
        }
        if env.no_color {
            settings.no_color = Sourced {
                value: true,
                source: Source::Environment("NO_COLOR"),
            };
        }
        (settings, warnings)
    }

    /// The settings file, whether or not it exists.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.value.join(CONFIG_FILE))
    }

    /// The themes there are: the built-ins and the config folder's.
    pub fn theme_catalog(&self) -> ThemeCatalog {
        ThemeCatalog::new(self.config_dir.as_ref().map(|d| d.value.as_path()))
    }

    /// The theme to draw with; if it cannot be used, the default and a
    /// warning saying why.
    pub fn resolve_theme(&self) -> (Theme, Vec<Warning>) {
        let (theme, warnings) = crate::theme::select(
            &self.theme_catalog(),
            &self.theme.value,
            self.no_color.value,
        );
        (theme, warnings.into_iter().map(Warning).collect())
    }

    /// The default keymap with the rebindings applied. A key taken from an
    /// action that is left with no key at all is worth a warning.
    pub fn keymap(&self) -> (Keymap, Vec<Warning>) {
        let mut keymap = Keymap::default();
        for rebinding in &self.rebindings {
            keymap.rebind(rebinding.action, &rebinding.keys);
        }
        let mut warnings = Vec::new();
        let defaults = Keymap::default();
        for (name, action) in keys::ACTION_NAMES {
            let had_keys = defaults.key_for(*action).is_some();
            if had_keys && keymap.key_for(*action).is_none() {
                warnings.push(Warning(format!(
                    "[keys]: `{name}` has no key left after remapping"
                )));
            }
        }
        (keymap, warnings)
    }

    /// Uses `theme` whatever the file or environment said (`--theme`).
    pub fn set_theme_from_command_line(&mut self, theme: &str) {
        self.theme = Sourced {
            value: theme.to_string(),
            source: Source::CommandLine("--theme"),
        };
    }
}
