//! The terminal the reader and the library draw on: ratatui's crossterm
//! backend writing through a buffer. Straight onto stdout every cell's
//! move, colours and text was a write of its own into stdout's line
//! buffer, and a frame reached the terminal in many pieces.

use std::io::{self, BufWriter, Stdout, stdout};

use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// A terminal whose frames are written in one piece (ratatui flushes the
/// buffer at the end of every draw).
pub(crate) type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a full frame of a large, colourful screen.
const FRAME_BUFFER: usize = 64 * 1024;

/// The thread that reads and anchors the notes while the reader shows the
/// brief.
pub(crate) const NOTES_THREAD: &str = "gloss-notes";

/// True on a thread working behind the screen (reading the library's rows,
/// or the notes), whose panics are that work's business (a row's error,
/// notes off): the screen goes on, neither restored nor written on.
pub(crate) fn behind_the_screen() -> bool {
    let name = std::thread::current().name().map(str::to_string);
    matches!(
        name.as_deref(),
        Some(crate::library::peek::PEEK_THREAD | NOTES_THREAD)
    )
}

/// Raw mode and the alternate screen, undone by `ratatui::restore` on a
/// panic, as `ratatui::try_init` sets them up.
pub(crate) fn init() -> io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if behind_the_screen() {
            return;
        }
        let _ = ratatui::try_restore();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout(),
    )))
}
