//! One reading of one brief, for the reader and the library alike: the
//! settings applied to the reader; on open, the reader goes to the
//! remembered place with its marks and theme; on close, the place, marks,
//! theme and time are written back. Failing to remember is a warning,
//! never a stop.

use std::path::Path;

use jiff::Timestamp;

use crate::app::App;
use crate::config::{Settings, Source};
use crate::library::{BriefState, StateDir};

/// The state of the brief being read, and where to write it back.
#[derive(Debug, Default)]
pub struct ReaderSession {
    states: Option<StateDir>,
    key: Option<String>,
    state: BriefState,
}

impl ReaderSession {
    /// Finds the state of the brief read from `file` and applies it to
    /// `app` (place, marks, theme by [`theme_precedence`]). Problems, and
    /// the settings `warnings`, go to the status bar for a few seconds.
    pub fn open(
        file: &Path,
        app: &mut App,
        settings: &Settings,
        warnings: &[String],
    ) -> ReaderSession {
        let mut messages: Vec<String> = warnings.to_vec();
        let states = StateDir::from_env()
            .map_err(|e| messages.push(format!("{e}; the place will not be remembered")))
            .ok();
        let key = states.as_ref().and_then(|s| {
            s.key_for(file, &app.doc.brief)
                .map_err(|e| messages.push(format!("{e}; the place will not be remembered")))
                .ok()
        });
        let state = match (&states, &key) {
            (Some(s), Some(k)) => s.load(k),
            _ => BriefState::default(),
        };
        let last = states.as_ref().and_then(|s| s.load_global().theme);
        app.restore_state(&state);
        messages.extend(use_theme(
            app,
            settings,
            state.theme.as_deref(),
            last.as_deref(),
        ));
        if !messages.is_empty() {
            app.resume.show(messages.join("; "), true);
        }
        ReaderSession { states, key, state }
    }

    /// Writes back the place, marks, theme (if picked with `T`, also as
    /// the last used theme) and the time of this reading.
    pub fn close(&mut self, app: &mut App) -> Result<(), String> {
        let (Some(states), Some(key)) = (&self.states, &self.key) else {
            return Ok(());
        };
        app.save_state(&mut self.state);
        self.state.last_read = Some(Timestamp::now());
        let saved = states.save(key, &self.state);
        if app.resume.theme_picked {
            let mut global = states.load_global();
            global.theme = Some(app.resume.theme_name.clone());
            states.save_global(&global).map_err(|e| e.to_string())?;
        }
        saved.map_err(|e| e.to_string())
    }
}

/// The theme to start in: `--theme` or `GLOSS_THEME`, then the theme
/// picked with `T` for this brief, then `config.toml`'s, then the theme
/// last picked with `T` anywhere, then the default.
pub fn theme_precedence<'a>(
    settings: &'a Settings,
    brief: Option<&'a str>,
    last: Option<&'a str>,
) -> &'a str {
    let configured = settings.theme.value.as_str();
    match settings.theme.source {
        Source::CommandLine(_) | Source::Environment(_) => configured,
        Source::File(_) => brief.unwrap_or(configured),
        Source::Default => brief.or(last).unwrap_or(configured),
    }
}

/// Sets `app`'s theme by [`theme_precedence`] and gives it the themes `T`
/// cycles through; returns warnings about a theme that did not load.
pub fn use_theme(
    app: &mut App,
    settings: &Settings,
    brief: Option<&str>,
    last: Option<&str>,
) -> Vec<String> {
    let catalog = settings.theme_catalog();
    let name = theme_precedence(settings, brief, last).to_string();
    let mut warnings = Vec::new();
    if name != settings.theme.value {
        let (theme, problems) = crate::theme::select(&catalog, &name, settings.no_color.value);
        app.theme = theme;
        warnings = problems;
    }
    app.resume.catalog = Some(catalog);
    app.resume.no_color = settings.no_color.value;
    app.resume.theme_name = name;
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Sourced;

    fn with_source(source: Source) -> Settings {
        Settings {
            theme: Sourced {
                value: "set".into(),
                source,
            },
            ..Settings::default()
        }
    }

    #[test]
    fn command_line_beats_brief_beats_file_beats_last_used() {
        let flag = with_source(Source::CommandLine("--theme"));
        assert_eq!(theme_precedence(&flag, Some("b"), Some("l")), "set");
        let env = with_source(Source::Environment("GLOSS_THEME"));
        assert_eq!(theme_precedence(&env, Some("b"), Some("l")), "set");
        let file = with_source(Source::File("config.toml".into()));
        assert_eq!(theme_precedence(&file, Some("b"), Some("l")), "b");
        assert_eq!(theme_precedence(&file, None, Some("l")), "set");
        let default = with_source(Source::Default);
        assert_eq!(theme_precedence(&default, None, Some("l")), "l");
        assert_eq!(theme_precedence(&default, Some("b"), Some("l")), "b");
        assert_eq!(theme_precedence(&default, None, None), "set");
    }
}
