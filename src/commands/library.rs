//! `gloss DIR` (or `gloss` alone, for the current folder): the library
//! screen. The folder is listed before the terminal is taken, Enter opens a
//! brief in the reader, `q` there comes back here, `q` here quits.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use crossterm::event::{self, Event};

use super::read_settings::{apply_settings, settings_for};
use super::reading::{ReaderSession, theme_precedence};
use super::session::{TerminalGuard, event_loop};
use super::terminal::Term;
use crate::app::App;
use crate::app::library::LibraryView;
use crate::config::Settings;
use crate::library::{PEEK_BUDGET, Peeks, StateDir, scan_files, unread, walk};
use crate::theme::Theme;

/// Lists the briefs under `dir` and runs the library screen.
pub fn run(dir: &Path, theme: Option<&str>) -> anyhow::Result<ExitCode> {
    let (settings, mut warnings) = settings_for(theme)?;
    let states = StateDir::from_env().ok();
    // The list shows at once; each brief's row fills in as it is read.
    let found = walk(dir).map_err(anyhow::Error::msg)?;
    let entries = found.iter().map(|item| unread(item, dir)).collect();
    let peeks = Peeks::start(found, dir.to_path_buf(), states.clone(), PEEK_BUDGET);
    let mut view = LibraryView::new(dir.display().to_string(), entries);
    let last = states.as_ref().and_then(|s| s.load_global().theme);
    let name = theme_precedence(&settings, None, last.as_deref()).to_string();
    let (library_theme, theme_warnings) =
        crate::theme::select(&settings.theme_catalog(), &name, settings.no_color.value);
    warnings.extend(theme_warnings.into_iter().map(crate::config::Warning));
    warnings.extend(settings.keymap().1);
    for warning in &warnings {
        crate::output::warn(&warning.to_string());
    }
    if !warnings.is_empty() {
        let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        view.show(text.join("; "), true);
    }
    let mut library = LibraryScreen {
        view,
        theme: library_theme,
        peeks: Some(peeks),
    };
    let _guard = TerminalGuard::enter()?;
    let mut terminal = super::terminal::init().context("cannot set up the terminal")?;
    let mut screen = Screen::Library;
    loop {
        screen = match screen {
            Screen::Library => match library.run(&mut terminal)? {
                Some(path) => match library.open(&path, &settings) {
                    Some(reading) => Screen::Reader(Box::new(reading)),
                    None => Screen::Library,
                },
                None => break,
            },
            Screen::Reader(mut reading) => {
                // Closed (place, notes, a draft saved) even when the
                // terminal failed, as it does once hung up.
                let app = &mut reading.app;
                let ended = match super::read::open_notes(&mut terminal, app, &reading.path) {
                    Ok(true) => event_loop(&mut terminal, app),
                    other => other.map(|_| ()),
                };
                library.close(*reading, states.as_ref());
                ended?;
                if library.view.quit {
                    break;
                }
                Screen::Library
            }
        };
    }
    Ok(ExitCode::SUCCESS)
}

/// How often the list is drawn again while rows are being read.
const READ_TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// What is on the terminal.
enum Screen {
    /// The list of briefs.
    Library,
    /// A brief in the reader; `q` goes back to the library.
    Reader(Box<Reading>),
}

/// A brief being read.
struct Reading {
    path: PathBuf,
    app: App,
    session: ReaderSession,
}

struct LibraryScreen {
    view: LibraryView,
    theme: Theme,
    /// The rows still being read, until all are.
    peeks: Option<Peeks>,
}

impl LibraryScreen {
    /// Runs the library until a brief is to be opened (its path) or the
    /// user quits (`None`).
    fn run(&mut self, terminal: &mut Term) -> anyhow::Result<Option<PathBuf>> {
        loop {
            if let Some(peeks) = &mut self.peeks {
                self.view.apply_updates(peeks.arrived());
                if peeks.done() {
                    self.peeks = None;
                }
            }
            terminal
                .draw(|frame| crate::ui::library::draw(frame, &mut self.view, &self.theme))
                .context("cannot draw on the terminal")?;
            // The filter folds scripts with a table that takes a moment to
            // build: build it while the user looks at the list.
            crate::convert::warm_up();
            if self.view.quit {
                return Ok(None);
            }
            let mut wait = self
                .view
                .message
                .as_ref()
                .filter(|m| m.is_due())
                .map(|m| m.until.saturating_duration_since(std::time::Instant::now()));
            if self.peeks.is_some() {
                // Rows arriving are drawn a moment later; keys at once.
                wait = Some(wait.map_or(READ_TICK, |w| w.min(READ_TICK)));
            }
            match super::signals::wait_event(wait)? {
                super::signals::Wait::Event => {}
                super::signals::Wait::Timeout => continue,
                super::signals::Wait::Quit => return Ok(None),
            }
            if let Event::Key(key) = event::read().context("cannot read from the terminal")?
                && let Some(action) = self.view.key_action(&key)
                && let Some(path) = self.view.apply(action)
            {
                return Ok(Some(path));
            }
        }
    }

    /// The reader on the brief at `path`, at its remembered place. A brief
    /// that cannot be loaded stays in the library with a message.
    fn open(&mut self, path: &Path, settings: &Settings) -> Option<Reading> {
        let brief = match crate::brief::load_path(path) {
            Ok(brief) => brief,
            Err(e) => {
                self.view.show(e.to_string(), true);
                return None;
            }
        };
        let mut app = App::new(brief);
        // Settings warnings were shown on the library screen already.
        apply_settings(&mut app, settings);
        // The notes are opened once the brief is drawn.
        let session = ReaderSession::open(path, &mut app, settings, &[]);
        Some(Reading {
            path: path.to_path_buf(),
            app,
            session,
        })
    }

    /// Saves where the reading ended and refreshes the brief's row.
    fn close(&mut self, mut reading: Reading, states: Option<&StateDir>) {
        if let Err(e) = reading.session.close(&mut reading.app) {
            self.view
                .show(format!("the place in the brief was not saved: {e}"), true);
        }
        // Notes a failed save still holds go to a rescue file; say where.
        if let Err(line) = reading.app.notes.finish() {
            self.view.show(line, true);
        }
        reading.app.notes.release();
        if reading.app.resume.theme_picked {
            self.theme = reading.app.theme.clone();
        }
        self.view.quit = reading.app.resume.quit_all;
        let meta = reading.app.doc.brief.meta.clone();
        self.refresh_entry(&reading.path, states, Some(meta));
    }

    /// Reads the row of the brief at `path` again (notes, last read); with
    /// `read`, the meta data the reader found in the whole brief, which the
    /// list's quick look at its first pages may lack (a PDF's credits).
    fn refresh_entry(
        &mut self,
        path: &Path,
        states: Option<&StateDir>,
        read: Option<crate::brief::Meta>,
    ) {
        let Some(parent) = path.parent() else {
            return;
        };
        for mut entry in scan_files(&[path.to_path_buf()], parent, states) {
            if let Some(old) = self.view.entries.iter().find(|e| e.path == entry.path) {
                entry.name = old.name.clone();
            }
            if let (Some(meta), Ok(_)) = (&read, &entry.meta) {
                entry.meta = Ok(meta.clone());
            }
            self.view.update_entry(entry);
        }
    }
}
