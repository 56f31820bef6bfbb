//! `gloss FILE`: the reader. Loads the brief before touching the terminal
//! (so a load error is a plain line on a normal terminal), then runs the
//! event loop, and restores the terminal on quit, error and panic.

use std::io::stdout;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::{Action, App, ScreenPrefs};
use crate::brief;
use crate::config::Settings;
use crate::convert::Overrides;
use crate::theme::{Strictness, ThemeError};

/// Opens the reader on `file`, in `theme` if given (else the settings').
pub fn run(file: Option<&Path>, theme: Option<&str>) -> anyhow::Result<ExitCode> {
    let Some(file) = file else {
        bail!("no brief given: try `gloss FILE` (the library of briefs is still to come)");
    };
    let brief = brief::load_path(file)?;
    let mut app = App::new(brief);
    apply_settings(&mut app, theme)?;
    app.open_notes(crate::notes::DataDir::from_env(), file);
    let outcome = {
        let _guard = TerminalGuard::enter()?;
        let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
        event_loop(&mut terminal, &mut app)
    };
    // The terminal is back to normal here, so the user can read this.
    if let Err(line) = app.notes.finish() {
        eprintln!("{line}");
        outcome?;
        return Ok(ExitCode::FAILURE);
    }
    outcome?;
    Ok(ExitCode::SUCCESS)
}

/// Theme, keys and layout from the settings. Their warnings go to stderr
/// before the reader takes the screen, so they are there when it quits.
fn apply_settings(app: &mut App, theme: Option<&str>) -> anyhow::Result<()> {
    let (mut settings, mut warnings) = Settings::load();
    if let Some(name) = theme {
        // A name typed on the command line that names nothing is a usage
        // mistake, unlike a broken theme file, which falls back.
        if let Err(e @ ThemeError::NotFound { .. }) =
            settings.theme_catalog().load(name, Strictness::Lenient)
        {
            return Err(e.into());
        }
        settings.set_theme_from_command_line(name);
    }
    let (resolved, theme_warnings) = settings.resolve_theme();
    let (keymap, key_warnings) = settings.keymap();
    warnings.extend(theme_warnings);
    warnings.extend(key_warnings);
    app.theme = resolved;
    app.keymap = keymap;
    app.set_screen_prefs(ScreenPrefs {
        list_width: settings.list_width.value,
        wrap_width: settings.wrap_width.value,
    });
    for warning in &warnings {
        eprintln!("gloss: warning: {warning}");
    }
    app.set_view_script(settings.script.value);
    match Overrides::load_default() {
        Ok(overrides) => app.view.set_overrides(overrides),
        Err(e) => eprintln!("gloss: warning: {e} (the view converts without your phrases)"),
    }
    Ok(())
}

/// How often a failed notes save is retried.
const NOTES_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    // The conversion dictionaries and the search's fold table take about
    // 0.2 s to load: in the background, the first frame does not wait for
    // them (unless it is itself converted), and the first `c` rarely does.
    std::thread::spawn(crate::convert::warm_up);
    draw(terminal, app)?;
    // Folding the brief for search costs a moment on a huge brief; doing it
    // after the first frame keeps opening quick.
    app.prepare_search();
    while !app.quit {
        // While notes wait to be saved, wake up now and then to retry.
        if app.notes.has_unsaved() && !event::poll(NOTES_RETRY).unwrap_or(true) {
            app.retry_notes_save();
            draw(terminal, app)?;
            continue;
        }
        let action = match event::read().context("cannot read from the terminal")? {
            Event::Paste(text) => {
                app.paste(&text);
                None
            }
            Event::Key(key) => app.key_action(&key),
            Event::Mouse(mouse) => app.mouse_action(&mouse),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            app.apply(action);
        }
        // Draw only once the events that piled up are handled: holding a
        // key down or resizing must not queue frames.
        if !event::poll(std::time::Duration::ZERO).unwrap_or(false) {
            draw(terminal, app)?;
        }
    }
    Ok(())
}

fn draw(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    terminal
        .draw(|frame| crate::ui::draw(frame, app))
        .context("cannot draw on the terminal")?;
    Ok(())
}

/// Mouse capture on while the reader runs; off again however it ends.
/// Raw mode and the alternate screen are ratatui's (`try_init` installs a
/// panic hook that restores them, `restore` on drop).
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> anyhow::Result<TerminalGuard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)
            .context("cannot set up the terminal")?;
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui::restore();
    }
}
