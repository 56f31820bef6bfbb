//! Quit signals while the terminal is ours. SIGTERM, SIGINT or SIGQUIT
//! from another process would end gloss with the terminal in raw mode, on
//! the alternate screen, with mouse reporting on; SIGHUP (the window
//! closed, an ssh connection dropped) would end it with nothing saved.
//! Instead they set a flag that the event loops poll, and gloss quits as
//! on `q` (notes, place and a note being written saved, terminal
//! restored). A second SIGTERM, SIGINT or SIGQUIT ends gloss at once, for
//! a user who really means it; a second SIGHUP does not, as a hangup
//! often comes twice (from the kernel and from the shell).

use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event;

/// How often a waiting event loop looks at the flag.
const TICK: Duration = Duration::from_millis(100);

static QUIT: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Installs the handlers (once per process).
pub(crate) fn install() -> anyhow::Result<()> {
    if QUIT.get().is_some() {
        return Ok(());
    }
    let flag = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGHUP, Arc::clone(&flag))
        .context("cannot install a signal handler")?;
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        // The conditional shutdown first: it sees the flag as it was
        // before this signal, so only a second signal ends the process.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&flag))
            .context("cannot install a signal handler")?;
        signal_hook::flag::register(signal, Arc::clone(&flag))
            .context("cannot install a signal handler")?;
    }
    let _ = QUIT.set(flag);
    Ok(())
}

/// True once a quit signal arrived.
pub(crate) fn quit_requested() -> bool {
    QUIT.get().is_some_and(|f| f.load(Ordering::Relaxed))
}

/// What waiting for the terminal gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wait {
    /// An event is ready to read.
    Event,
    /// `wait` passed without one.
    Timeout,
    /// A quit signal arrived.
    Quit,
}

/// Waits up to `wait` (`None`: for ever) for a terminal event, in short
/// slices so that a quit signal is noticed within [`TICK`]. A terminal
/// that hung up (its window closed) is a quit too; crossterm is not asked
/// to read from it, as its reader then loops for ever on the dead
/// terminal and the quit signal that comes with the hangup is never seen.
pub(crate) fn wait_event(wait: Option<Duration>) -> anyhow::Result<Wait> {
    let deadline = wait.map(|w| Instant::now() + w);
    let watched = stdin_is_terminal();
    loop {
        if quit_requested() {
            return Ok(Wait::Quit);
        }
        let slice = deadline.map_or(TICK, |d| {
            d.saturating_duration_since(Instant::now()).min(TICK)
        });
        if watched {
            // Events crossterm has already read and parsed come first.
            if hung_up(Duration::ZERO) {
                return Ok(hang_up());
            }
            if event::poll(Duration::ZERO).context("cannot read from the terminal")? {
                return Ok(Wait::Event);
            }
            if hung_up(slice) {
                return Ok(hang_up());
            }
        } else if event::poll(slice).context("cannot read from the terminal")? {
            return Ok(Wait::Event);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Wait::Timeout);
        }
    }
}

/// Whether another terminal event is ready at once (crossterm is not
/// asked on a hung-up terminal, which then counts as a quit).
pub(crate) fn event_waiting() -> bool {
    if stdin_is_terminal() && hung_up(Duration::ZERO) {
        hang_up();
        return false;
    }
    event::poll(Duration::ZERO).unwrap_or(false)
}

/// Whether standard input is the terminal (crossterm then reads it;
/// otherwise it opens `/dev/tty`, which is left to crossterm to watch).
fn stdin_is_terminal() -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(libc::STDIN_FILENO) == 1 }
}

/// Waits up to `wait` for standard input to have something to say;
/// true when what it says is that the terminal hung up.
fn hung_up(wait: Duration) -> bool {
    let mut watch = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(wait.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one pollfd we own, for the duration of the call.
    let ready = unsafe { libc::poll(&mut watch, 1, ms) };
    // An interrupted wait (a signal, a resize) is nothing yet: the caller
    // looks at the quit flag and at crossterm's events again.
    ready > 0 && watch.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// The terminal hung up: quit as on SIGHUP, which may not have come yet.
fn hang_up() -> Wait {
    if let Some(flag) = QUIT.get() {
        flag.store(true, Ordering::Relaxed);
    }
    Wait::Quit
}
