//! Progress while a long PDF is read: "reading report.pdf ███░░ 120/308
//! pages" on standard error, when it is a terminal and the reading takes
//! long enough to be worth a line; gone before the reader draws.

use std::cell::Cell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Reading shorter than this shows nothing: a bar that flashes by is noise.
const SHOW_AFTER: Duration = Duration::from_millis(250);

/// A progress line for the pages of one PDF.
pub(crate) struct PageProgress {
    bar: ProgressBar,
    started: Instant,
    shown: Cell<bool>,
    terminal: bool,
}

impl PageProgress {
    /// A progress line for reading `name`, hidden until it has been a while.
    pub(crate) fn new(name: &str) -> PageProgress {
        Self::started(name, std::io::stderr().is_terminal(), Instant::now())
    }

    fn started(name: &str, terminal: bool, started: Instant) -> PageProgress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("reading {msg} {bar:30} {pos}/{len} pages")
        {
            bar.set_style(style);
        }
        bar.set_message(crate::output::visible_line(name).into_owned());
        PageProgress {
            bar,
            started,
            shown: Cell::new(false),
            terminal,
        }
    }

    /// Records that `read` of `all` pages are read.
    pub(crate) fn on_page(&self, read: usize, all: usize) {
        self.bar.set_length(all as u64);
        self.bar.set_position(read as u64);
        if self.terminal && !self.shown.get() && self.started.elapsed() >= SHOW_AFTER {
            self.shown.set(true);
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for PageProgress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_read_on_a_terminal_shows_its_pages_and_a_short_one_nothing() {
        let long_ago = Instant::now() - Duration::from_secs(1);
        let long = PageProgress::started("report.pdf", true, long_ago);
        long.on_page(1, 3);
        long.on_page(2, 3);
        assert!(long.shown.get());
        assert_eq!((long.bar.position(), long.bar.length()), (2, Some(3)));
        let short = PageProgress::started("brief.pdf", true, Instant::now());
        short.on_page(1, 3);
        assert!(!short.shown.get());
        let piped = PageProgress::started("report.pdf", false, long_ago);
        piped.on_page(1, 3);
        assert!(!piped.shown.get(), "no terminal, no progress");
    }
}
