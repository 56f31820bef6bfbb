//! Reading the library's rows off the screen's thread: the folder is
//! walked first (quick) and shown at once; each brief's meta data, notes
//! count and last reading are read on a few worker threads and sent back
//! as they come. Each look at a brief has a time budget: past it the row
//! keeps its file name and the workers go on to the next brief (a late
//! result still fills the row). A cut or hostile PDF thus costs one row
//! a few seconds, never the screen.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::scan::{Found, Known, LibraryEntry, entry_for, known_briefs};
use super::state::StateDir;

/// How long one brief may take before its row shows only its file name.
pub const PEEK_BUDGET: Duration = Duration::from_secs(3);

/// The name of the threads that read rows. A panic on one (the PDF reader
/// catches its own) becomes that row's error: it must neither restore the
/// terminal under the screen nor print on it.
pub const PEEK_THREAD: &str = "gloss-peek";

/// Where a row's reading is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Peek {
    /// Meta data, notes and last reading are filled in (or the error).
    #[default]
    Done,
    /// Still being read: the row shows its file name.
    Reading,
    /// Not read within [`PEEK_BUDGET`]: the row shows its file name, and is
    /// filled in if the reading ends after all.
    Slow,
}

/// News of one row, by its index in the walk's order.
#[derive(Debug)]
pub enum Update {
    /// The row as read.
    Read(usize, Box<LibraryEntry>),
    /// The row's reading passed its budget.
    Slow(usize),
    /// The reading ended without a row (the reader failed on the file).
    Failed(usize),
}

impl Update {
    /// The index of the row this is news of.
    pub fn index(&self) -> usize {
        match self {
            Update::Read(i, _) | Update::Slow(i) | Update::Failed(i) => *i,
        }
    }
}

/// The rows being read in the background.
#[derive(Debug)]
pub struct Peeks {
    updates: Receiver<Update>,
    /// Rows read, failed or past their budget.
    settled: Vec<bool>,
    /// Rows not yet settled.
    left: usize,
}

impl Peeks {
    /// Starts reading the `found` briefs (below `dir`), `budget` each.
    pub fn start(
        found: Vec<Found>,
        dir: PathBuf,
        state: Option<StateDir>,
        budget: Duration,
    ) -> Peeks {
        let (tx, updates) = mpsc::channel();
        let left = found.len();
        // Text briefs first: a look at one is quick, and a PDF may take
        // its whole budget.
        let mut order: Vec<(usize, Found)> = found.into_iter().enumerate().collect();
        order.sort_by_key(|(_, item)| item.as_ref().is_ok_and(|p| is_pdf(p)));
        let jobs = Arc::new(Mutex::new(order.into_iter()));
        let shared = Arc::new(Shared {
            dir,
            known: Mutex::new(None),
            state,
        });
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
        for _ in 0..threads.min(left) {
            let (jobs, shared, tx) = (Arc::clone(&jobs), Arc::clone(&shared), tx.clone());
            let work = move || work(&jobs, &shared, &tx, budget);
            // Without a thread the rows keep their file names.
            let _ = std::thread::Builder::new()
                .name(PEEK_THREAD.into())
                .spawn(work);
        }
        Peeks {
            updates,
            settled: vec![false; left],
            left,
        }
    }

    /// True once every row has been read, has failed or has passed its
    /// budget.
    pub fn done(&self) -> bool {
        self.left == 0
    }

    /// The news that has arrived, without waiting.
    pub fn arrived(&mut self) -> Vec<Update> {
        let news: Vec<Update> = self.updates.try_iter().collect();
        news.iter().for_each(|u| self.settle(u));
        news
    }

    /// Waits until every row is settled; all the news.
    pub fn wait_all(mut self) -> Vec<Update> {
        let mut news = Vec::new();
        while self.left > 0 {
            let Ok(update) = self.updates.recv() else {
                break;
            };
            self.settle(&update);
            news.push(update);
        }
        news
    }

    fn settle(&mut self, update: &Update) {
        if let Some(settled) = self.settled.get_mut(update.index())
            && !*settled
        {
            *settled = true;
            self.left -= 1;
        }
    }
}

/// What every worker reads from.
#[derive(Debug)]
struct Shared {
    dir: PathBuf,
    /// What the notes index knows, read by the first worker that needs it
    /// (off the screen's thread, as a large index takes a while).
    known: Mutex<Option<Arc<Known>>>,
    state: Option<StateDir>,
}

impl Shared {
    fn known(&self) -> Arc<Known> {
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let known = known.get_or_insert_with(|| {
            Arc::new(self.state.as_ref().map(known_briefs).unwrap_or_default())
        });
        Arc::clone(known)
    }
}

type Jobs = Mutex<std::vec::IntoIter<(usize, Found)>>;

fn is_pdf(path: &std::path::Path) -> bool {
    crate::brief::load::Format::from_path(path) == crate::brief::load::Format::Pdf
}

/// One worker: takes the next brief, reads it on a thread of its own and
/// waits for it at most `budget`.
fn work(jobs: &Jobs, shared: &Arc<Shared>, tx: &Sender<Update>, budget: Duration) {
    loop {
        let next = jobs.lock().unwrap_or_else(|e| e.into_inner()).next();
        let Some((index, item)) = next else {
            return;
        };
        let (done_tx, done) = mpsc::channel::<()>();
        let deadline = Instant::now() + budget;
        let (shared_peek, tx_peek) = (Arc::clone(shared), tx.clone());
        let peek = move || {
            let known = shared_peek.known();
            let entry = entry_for(
                &item,
                &shared_peek.dir,
                &known,
                shared_peek.state.as_ref(),
                Some(deadline),
            );
            let _ = tx_peek.send(Update::Read(index, Box::new(entry)));
            let _ = done_tx.send(());
        };
        let spawned = std::thread::Builder::new()
            .name(PEEK_THREAD.into())
            .spawn(peek);
        if spawned.is_err() {
            // The row keeps its file name; the budget is spent.
            let _ = tx.send(Update::Slow(index));
            continue;
        }
        match done.recv_timeout(budget) {
            Ok(()) => {}
            // The look goes on alone; its row is filled if it ends.
            Err(RecvTimeoutError::Timeout) => {
                let _ = tx.send(Update::Slow(index));
            }
            // It ended without sending its row: it panicked.
            Err(RecvTimeoutError::Disconnected) => {
                let _ = tx.send(Update::Failed(index));
            }
        }
    }
}
