//! `gloss FILE`: the reader. Loads the brief before touching the terminal
//! (so a load error is a plain line on a normal terminal), then runs the
//! event loop, and restores the terminal on quit, error and panic.

use std::io::stdout;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::{Action, App};
use crate::brief;

/// Opens the reader on `file`.
pub fn run(file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(file) = file else {
        bail!("no brief given: try `gloss FILE` (the library of briefs is still to come)");
    };
    let brief = brief::load_path(file)?;
    let mut app = App::new(brief);
    let _guard = TerminalGuard::enter()?;
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    event_loop(&mut terminal, &mut app)?;
    Ok(ExitCode::SUCCESS)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    draw(terminal, app)?;
    // Folding the brief for search costs a moment on a huge brief; doing it
    // after the first frame keeps opening quick.
    app.prepare_search();
    while !app.quit {
        let action = match event::read().context("cannot read from the terminal")? {
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
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture).context("cannot set up the terminal")?;
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}
