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

/// True on a thread reading the library's rows, whose panics are the row's
/// business: the screen goes on.
pub(crate) fn reading_rows() -> bool {
    std::thread::current().name() == Some(crate::library::peek::PEEK_THREAD)
}

/// Raw mode and the alternate screen, undone by `ratatui::restore` on a
/// panic, as `ratatui::try_init` sets them up.
pub(crate) fn init() -> io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if reading_rows() {
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
