//! The terminal session the reader and the library share: the guard that
//! takes the terminal and gives it back however gloss ends, and the
//! reader's event loop with what its events ask of the terminal (a copy)
//! and of the system (opening a link).

use std::io::stdout;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;

use super::signals::{self, Wait};
use super::terminal::Term;
use crate::app::{Action, App, Mode};

/// Hands `text` to the terminal's clipboard (OSC 52). A terminal that does
/// not support it ignores the sequence; a failed write only loses the copy.
fn copy_to_terminal(terminal: &mut Term, text: &str) {
    use std::io::Write;
    let backend = terminal.backend_mut();
    let _ = backend
        .write_all(crate::app::copy::osc52(text).as_bytes())
        .and_then(|()| backend.flush());
}

/// Hands `url` to the system's opener (`open` on macOS, `xdg-open`
/// elsewhere), detached and silent so it never draws over the reader.
fn open_url(url: &str) -> Result<(), String> {
    use std::process::{Command, Stdio};
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        // Reaped in the background so no zombie is left behind.
        .map(|mut child| drop(std::thread::spawn(move || child.wait())))
        .map_err(|e| format!("cannot open {url}: no {opener} here ({e}); y copies the paragraph"))
}

/// How often a failed notes save is retried.
const NOTES_RETRY: Duration = Duration::from_secs(2);
/// How often the notes on disk are checked for changes by other writers
/// (a sync while reading shows up without a restart).
const NOTES_REFRESH: Duration = Duration::from_secs(2);

/// Runs the reader until it quits (`app.quit`; Ctrl-C also sets
/// `app.resume.quit_all`).
pub(super) fn event_loop(terminal: &mut Term, app: &mut App) -> anyhow::Result<()> {
    draw(terminal, app)?;
    // The conversion dictionaries and the search's fold table take about
    // 0.2 s and 30 MB to load: only for a search (loaded in the background
    // while the query is typed) or a view in another script (`c` waits
    // for them once), never for just reading.
    let mut warming = false;
    while !app.quit {
        // Wake up on our own to retry a failed notes save and to clear a
        // status message whose time is up.
        let retry = if app.notes.has_unsaved() {
            NOTES_RETRY
        } else {
            NOTES_REFRESH
        };
        let wake = match (Some(retry), app.resume.message_time_left()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match signals::wait_event(wake)? {
            Wait::Event => {}
            Wait::Timeout => {
                if app.notes.has_unsaved() {
                    app.retry_notes_save();
                }
                app.reload_notes_if_changed();
                draw(terminal, app)?;
                continue;
            }
            Wait::Quit => {
                // As `q` then Ctrl-C: leave the library too; the callers
                // save the notes and the place and restore the terminal.
                app.quit = true;
                app.resume.quit_all = true;
                break;
            }
        }
        let event = event::read().context("cannot read from the terminal")?;
        handle_event(terminal, app, event);
        if !warming && app.mode == Mode::Search {
            std::thread::spawn(crate::convert::warm_up);
            warming = true;
        }
        // Draw only once the events that piled up are handled: holding a
        // key down or resizing must not queue frames.
        if !signals::event_waiting() && !signals::quit_requested() {
            draw(terminal, app)?;
        }
    }
    Ok(())
}

/// One terminal event on the reader, with what it asks of the terminal
/// (a copy) or the system (opening a link).
pub(super) fn handle_event(terminal: &mut Term, app: &mut App, event: Event) {
    let action = match event {
        Event::Paste(text) => {
            app.paste(&text);
            None
        }
        Event::Key(key) => {
            app.resume.quit_all |= is_ctrl_c(&key);
            app.handle_key(&key);
            None
        }
        Event::Mouse(mouse) => app.mouse_action(&mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    };
    if let Some(action) = action {
        app.apply(action);
    }
    if let Some(text) = app.take_clipboard() {
        copy_to_terminal(terminal, &text);
    }
    if let Some(url) = app.take_open_url()
        && let Err(why) = open_url(&url)
    {
        app.resume.show(why, true);
    }
    if let Some(page) = app.take_open_pdf() {
        let (said, warning) = super::viewer::open(&page);
        app.resume.show(said, warning);
    }
}

/// Whether `key` is Ctrl-C, which also leaves the library.
pub(super) fn is_ctrl_c(key: &event::KeyEvent) -> bool {
    key.code == event::KeyCode::Char('c') && key.modifiers.contains(event::KeyModifiers::CONTROL)
}

/// Draws one frame of the reader.
pub(super) fn draw(terminal: &mut Term, app: &mut App) -> anyhow::Result<()> {
    terminal
        .draw(|frame| crate::ui::draw(frame, app))
        .context("cannot draw on the terminal")?;
    Ok(())
}

/// Mouse capture and bracketed paste on while the reader runs; off again
/// however it ends. Raw mode and the alternate screen are set up by
/// [`super::terminal::init`] (with a panic hook that restores them) and
/// undone by `ratatui::restore` on drop.
pub(super) struct TerminalGuard;

impl TerminalGuard {
    /// Turns mouse capture and bracketed paste on, and off again on panic.
    pub(super) fn enter() -> anyhow::Result<TerminalGuard> {
        // Piped or redirected, the screen's escape sequences would only
        // garble a file or a pipe; say so instead.
        if !std::io::IsTerminal::is_terminal(&stdout()) {
            anyhow::bail!(
                "the reader needs a terminal; for plain text output try `gloss outline FILE`"
            );
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if super::terminal::behind_the_screen() {
                return;
            }
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            previous(info);
        }));
        // Installed before the terminal changes: a SIGTERM from here on
        // quits through the normal path, which puts the terminal back.
        signals::install()?;
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)
            .context("cannot set up the terminal")?;
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        // A hung-up terminal cannot be restored, and `ratatui::restore`'s
        // report of that would panic on the dead stderr before the place
        // and the notes are saved.
        let _ = ratatui::try_restore();
    }
}
