//! `gloss FILE`: the reader. Loads the brief before touching the terminal
//! (so a load error is a plain line on a normal terminal), then runs the
//! event loop, and restores the terminal on quit, error and panic.

use std::path::Path;
use std::process::ExitCode;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, Event};
use ratatui::layout::Rect;

use super::read_settings::ReaderSettings;
pub(crate) use super::read_settings::{apply_settings, settings_for};
use super::reading::{self, ReaderSession};
use super::session::{TerminalGuard, draw, event_loop, handle_event, is_ctrl_c};
use super::signals::{self, Wait};
use super::terminal::Term;
use crate::app::{Action, App};
use crate::brief::source_lines::BlockRef;
use crate::brief::staged::Opened;
use crate::brief::{self, Brief};
use crate::config::{Settings, Warning};
use crate::library::StateDir;

/// Opens the reader on `file`, in `theme` if given (else the settings'),
/// at the paragraph or line `at` names if given (else where it was left).
/// No file, or a folder, opens the library of briefs instead.
///
/// A large text brief is parsed on another thread while the reader shows
/// its opening; notes and the remembered place wait for the whole brief,
/// so nothing is ever anchored to half of it. With `at` the whole brief is
/// read first, as the place to open is found in it. Notes are opened after
/// the first frame is drawn.
pub fn run(file: Option<&Path>, theme: Option<&str>, at: Option<&str>) -> anyhow::Result<ExitCode> {
    let file = match file {
        Some(path) if !path.is_dir() => path,
        _ if at.is_some() => anyhow::bail!("--at and --page need a brief to open, not a folder"),
        folder => return super::library::run(folder.unwrap_or(Path::new(".")), theme),
    };
    let mut target = None;
    let opened = match at {
        Some(at) => {
            let (brief, source) =
                brief::load::load_path_with_source(file, &mut |w| crate::output::warn(w))?;
            let shown = file.display().to_string();
            target = Some(super::at::resolve(&brief, source.as_deref(), at, &shown)?);
            Opened::Whole(Box::new(brief))
        }
        None => {
            let progress = super::page_progress::PageProgress::new(&file.display().to_string());
            brief::staged::open_path(file, &mut |w| crate::output::warn(w), &|read, all| {
                progress.on_page(read, all)
            })?
        }
    };
    let start = match opened {
        Opened::Whole(brief) => Start::Whole(Box::new(App::new(*brief))),
        Opened::Staged(staged) => {
            let mut app = App::new(staged.opening());
            app.opening_only = true;
            Start::Opening(Box::new(app), parse_in_background(move || staged.parse())?)
        }
    };
    let (settings, mut warnings) = settings_for(theme)?;
    let (Start::Whole(app) | Start::Opening(app, _)) = &start;
    // How the brief was read (pages of a damaged PDF lost) comes first.
    let read_warnings = app.doc.brief.meta.warnings.iter().cloned().map(Warning);
    warnings.splice(0..0, read_warnings);
    let (resolved, setting_warnings) = ReaderSettings::resolve(&settings);
    warnings.extend(setting_warnings);
    for warning in &warnings {
        crate::output::warn(&warning.to_string());
    }
    let reader = Reader {
        file,
        settings: &settings,
        shown: warnings.iter().map(ToString::to_string).collect(),
        target,
    };
    let mut app = None;
    let mut session = None;
    let outcome = {
        let _guard = TerminalGuard::enter()?;
        let mut terminal = super::terminal::init().context("cannot set up the terminal")?;
        reader.read(&mut terminal, start, resolved, &mut app, &mut session)
    };
    let Some(mut app) = app else {
        outcome?;
        return Ok(ExitCode::SUCCESS);
    };
    // The terminal is back to normal here, so the user can read these.
    if let Some(Err(e)) = session.as_mut().map(|s| s.close(&mut app)) {
        crate::output::warn(&format!("the place in the brief was not saved: {e}"));
    }
    let finished = app.notes.finish();
    // Everything is saved: the process ends now, and freeing the brief and
    // its notes one by one (a teammate's hundred thousand took most of a
    // second) would only delay the shell's prompt.
    std::mem::forget(app);
    if let Err(line) = finished {
        crate::output::stderr_text(&line);
        outcome?;
        return Ok(ExitCode::FAILURE);
    }
    outcome?;
    Ok(ExitCode::SUCCESS)
}

/// Where the reader starts from.
enum Start {
    /// A brief parsed whole (a small one, a PDF, or any opened `--at` a place).
    Whole(Box<App>),
    /// A large text brief's opening, and the whole being parsed.
    Opening(Box<App>, JoinHandle<Brief>),
}

/// A brief to read, with what the reader needs besides the brief.
struct Reader<'a> {
    file: &'a Path,
    settings: &'a Settings,
    /// The warnings printed before the terminal was taken, for the status.
    shown: Vec<String>,
    /// The place asked for with `--at`.
    target: Option<BlockRef>,
}

impl Reader<'_> {
    /// Runs the reader from `start` on `terminal`; the app and session it
    /// reads with are left in `app` and `session`, to be closed after the
    /// terminal is restored.
    fn read(
        &self,
        terminal: &mut Term,
        start: Start,
        resolved: ReaderSettings,
        app: &mut Option<App>,
        session: &mut Option<ReaderSession>,
    ) -> anyhow::Result<()> {
        let parsing = match start {
            Start::Whole(whole) => {
                let app = app.insert(*whole);
                return self.read_whole(terminal, app, resolved, session);
            }
            Start::Opening(opening, parsing) => {
                let app = app.insert(*opening);
                resolved.apply(app);
                // The theme last picked with `T`, so the opening is not drawn
                // in another; this brief's own choice needs the whole brief.
                let last = StateDir::from_env()
                    .ok()
                    .and_then(|s| s.load_global().theme);
                reading::use_theme(app, self.settings, None, last.as_deref());
                parsing
            }
        };
        let Some(app) = app.as_mut() else {
            return Ok(());
        };
        let Some((brief, typed)) = show_opening(terminal, app, parsing)? else {
            return Ok(());
        };
        *app = App::new(brief);
        // Their warnings were shown with the opening.
        let _ = apply_settings(app, self.settings);
        *session = Some(ReaderSession::open(
            self.file,
            app,
            self.settings,
            &self.shown,
        ));
        replay(terminal, app, typed)?;
        if !open_notes(terminal, app, self.file)? {
            return Ok(());
        }
        event_loop(terminal, app)
    }

    /// Reads a brief parsed whole: at its remembered place (or `--at`'s),
    /// with its notes opened once the first frame is drawn (their marks
    /// come with the next, a moment later).
    fn read_whole(
        &self,
        terminal: &mut Term,
        app: &mut App,
        resolved: ReaderSettings,
        session: &mut Option<ReaderSession>,
    ) -> anyhow::Result<()> {
        resolved.apply(app);
        *session = Some(ReaderSession::open(
            self.file,
            app,
            self.settings,
            &self.shown,
        ));
        if let Some(target) = self.target {
            app.open_at(target);
        }
        if !open_notes(terminal, app, self.file)? {
            return Ok(());
        }
        event_loop(terminal, app)
    }
}

/// Draws the brief, then opens its notes on another thread, answering the
/// quit key (typed first), Ctrl-C and quit signals at once meanwhile: false
/// then, the reading is over. Other keys wait for the notes, then are
/// handled as if they came now. A teammate's store of a hundred thousand
/// notes takes seconds to read and anchor.
pub(super) fn open_notes(terminal: &mut Term, app: &mut App, file: &Path) -> anyhow::Result<bool> {
    draw(terminal, app)?;
    let opener = app.notes_opener(crate::notes::DataDir::from_env(), file);
    let opening = match std::thread::Builder::new()
        .name(super::terminal::NOTES_THREAD.to_string())
        .spawn(opener)
    {
        Ok(opening) => opening,
        Err(_) => {
            app.open_notes(crate::notes::DataDir::from_env(), file);
            return Ok(true);
        }
    };
    let mut typed = Vec::new();
    while !opening.is_finished() {
        match signals::wait_event(Some(PARSE_POLL))? {
            Wait::Event => {}
            Wait::Timeout => continue,
            Wait::Quit => {
                app.quit = true;
                app.resume.quit_all = true;
                return Ok(false);
            }
        }
        let event = event::read().context("cannot read from the terminal")?;
        match &event {
            Event::Key(key) if quits(app, key, typed.is_empty()) => {
                app.quit = true;
                app.resume.quit_all = is_ctrl_c(key);
                return Ok(false);
            }
            Event::Resize(..) => {
                let size = terminal.size().context("cannot read the terminal's size")?;
                app.resize(Rect::new(0, 0, size.width, size.height));
                draw(terminal, app)?;
            }
            _ => {}
        }
        typed.push(event);
    }
    let opened = opening.join().unwrap_or_else(|_| {
        Err(crate::notes::StoreError::Io {
            action: "read the notes of".to_string(),
            path: file.display().to_string(),
            reason: "their reader failed".to_string(),
        })
    });
    app.notes_opened(opened);
    replay(terminal, app, typed)?;
    Ok(true)
}

fn loader_failed() -> anyhow::Error {
    anyhow::anyhow!("cannot read the brief: its loader failed")
}

/// Stack for the parsing thread: the main thread's, as the loaders were
/// written and fuzzed on it.
const PARSE_STACK: usize = 8 * 1024 * 1024;

fn parse_in_background<T: Send + 'static>(
    parse: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<JoinHandle<T>> {
    std::thread::Builder::new()
        .name("parse".to_string())
        .stack_size(PARSE_STACK)
        .spawn(parse)
        .context("cannot start reading the brief")
}

/// How often the opening checks whether the whole brief is parsed.
const PARSE_POLL: Duration = Duration::from_millis(5);

/// Shows the opening of a large brief until the whole is parsed and
/// returns it with the events that came meanwhile, to be replayed on it;
/// `None` when the user quit first (Ctrl-C, a signal, or the quit key
/// before any other key).
fn show_opening(
    terminal: &mut Term,
    app: &mut App,
    parsing: JoinHandle<Brief>,
) -> anyhow::Result<Option<(Brief, Vec<Event>)>> {
    draw(terminal, app)?;
    let mut typed = Vec::new();
    while !parsing.is_finished() {
        match signals::wait_event(Some(PARSE_POLL))? {
            Wait::Event => {}
            Wait::Timeout => continue,
            Wait::Quit => return Ok(None),
        }
        let event = event::read().context("cannot read from the terminal")?;
        match &event {
            Event::Key(key) if quits(app, key, typed.is_empty()) => return Ok(None),
            Event::Resize(..) => draw(terminal, app)?,
            _ => {}
        }
        typed.push(event);
    }
    let brief = parsing.join().map_err(|_| loader_failed())?;
    Ok(Some((brief, typed)))
}

/// Whether `key`, typed on the opening, quits: Ctrl-C always, the quit
/// key only as the `first` key (after others it may be a search's text).
fn quits(app: &App, key: &event::KeyEvent, first: bool) -> bool {
    key.kind == event::KeyEventKind::Press
        && (is_ctrl_c(key) || (first && app.key_action(key) == Some(Action::Quit)))
}

/// Handles the events that came while the opening was shown, on the whole
/// brief, as if they had come now.
fn replay(terminal: &mut Term, app: &mut App, events: Vec<Event>) -> anyhow::Result<()> {
    let size = terminal.size().context("cannot read the terminal's size")?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    for event in events {
        handle_event(terminal, app, event);
    }
    Ok(())
}
