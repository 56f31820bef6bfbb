//! The settings as the reader uses them. They are resolved (theme, keys,
//! phrase file read) before there is a brief to apply them to, so the
//! reader can do that while a brief is still being parsed, and their
//! warnings are printed before the terminal is taken.

use crate::app::{App, Keymap, ScreenPrefs, ViewScript};
use crate::config::{Settings, Warning};
use crate::convert::Overrides;
use crate::theme::{Strictness, Theme, ThemeError};

/// The settings, with `theme` from the command line over them. A name
/// typed on the command line that names nothing is a usage mistake, unlike
/// a broken theme file, which falls back.
pub(crate) fn settings_for(theme: Option<&str>) -> anyhow::Result<(Settings, Vec<Warning>)> {
    let (mut settings, warnings) = Settings::load();
    if let Some(name) = theme {
        if let Err(e @ ThemeError::NotFound { .. }) =
            settings.theme_catalog().load(name, Strictness::Lenient)
        {
            return Err(e.into());
        }
        settings.set_theme_from_command_line(name);
    }
    Ok((settings, warnings))
}

/// Theme, keys, layout, view script and phrase overrides from the
/// settings; returns their warnings.
pub(crate) fn apply_settings(app: &mut App, settings: &Settings) -> Vec<Warning> {
    let (resolved, warnings) = ReaderSettings::resolve(settings);
    resolved.apply(app);
    warnings
}

/// What the settings make of the reader, ready to apply to one.
pub(crate) struct ReaderSettings {
    theme: Theme,
    keymap: Keymap,
    prefs: ScreenPrefs,
    script: ViewScript,
    overrides: Option<Overrides>,
}

impl ReaderSettings {
    /// Resolves `settings`; returns their warnings too.
    pub(crate) fn resolve(settings: &Settings) -> (ReaderSettings, Vec<Warning>) {
        let (theme, mut warnings) = settings.resolve_theme();
        let (keymap, key_warnings) = settings.keymap();
        warnings.extend(key_warnings);
        let overrides = match Overrides::load_default() {
            Ok(file) => {
                warnings.extend(
                    file.warnings
                        .iter()
                        .map(|w| Warning(format!("{w} (line skipped)"))),
                );
                Some(file.overrides)
            }
            Err(e) => {
                warnings.push(Warning(format!(
                    "{e} (the view converts without your phrases)"
                )));
                None
            }
        };
        let resolved = ReaderSettings {
            theme,
            keymap,
            prefs: ScreenPrefs {
                list_width: settings.list_width.value,
                wrap_width: settings.wrap_width.value,
            },
            script: settings.script.value,
            overrides,
        };
        (resolved, warnings)
    }

    /// Puts these settings into `app`.
    pub(crate) fn apply(self, app: &mut App) {
        app.theme = self.theme;
        app.keymap = self.keymap;
        app.set_screen_prefs(self.prefs);
        app.set_view_script(self.script);
        if let Some(overrides) = self.overrides {
            app.view.set_overrides(overrides);
        }
    }
}
