//! `gloss notes sync`: git as the transport for a team's notes. The data
//! folder is a git repository; each writer commits only its own store
//! files, so merges never conflict on notes (and when they do, both sides
//! are kept as files the reader merges). Anything interrupted — offline,
//! a rejected push, a kill at any moment — loses nothing: the next sync
//! picks up where it stopped.
//!
//! - [`git`]: running the `git` command.
//! - `recover`: clearing what a killed git left behind.
//! - `incoming`: counting what a merge brought in.
//! - `setup`: `--init URL`, and the `.gitignore` of local state.

pub mod git;
mod incoming;
mod recover;
mod setup;

use thiserror::Error;

use self::git::Git;
use super::error::StoreError;
use super::fsutil;
use super::index::DataDir;
use super::model::BriefInfo;
use super::writer::local_dir;
pub use incoming::Incoming;
pub use setup::{Setup, init};

/// The remote gloss syncs with.
const REMOTE: &str = "origin";
/// How often a push rejected because someone pushed first is retried.
const PUSH_ATTEMPTS: usize = 4;
/// How long a sync waits for another sync of the same data folder.
const SYNC_PATIENCE: std::time::Duration = std::time::Duration::from_secs(60);

/// Why a sync could not be done (or not finished); nothing is ever lost.
#[derive(Debug, Error)]
pub enum SyncError {
    /// The data folder is not a git repository.
    #[error(
        "the data folder {0} is not a git repository: set it up with `gloss notes sync --init URL`"
    )]
    NotARepository(String),
    /// The repository has no remote to sync with.
    #[error("the data folder has no remote `origin`: add one with `gloss notes sync --init URL`")]
    NoRemote,
    /// The git command could not be run.
    #[error("cannot run git ({0}): install git to sync notes")]
    NoGit(String),
    /// A git command failed.
    #[error("git {command} failed: {said}")]
    Git {
        /// The command's first words.
        command: String,
        /// What git said.
        said: String,
    },
    /// The remote could not be reached or refused the push; the notes are
    /// committed here and go out with the next sync.
    #[error(
        "{0}; your notes are safe and committed here, and the next `gloss notes sync` sends them"
    )]
    Incomplete(String),
    /// This writer's notes cannot be committed as written: they would
    /// never leave (or leave unreadable).
    #[error("your notes cannot be sent: {0}; they are safe here")]
    Unsent(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// Whether this writer's changes were committed.
    pub committed: bool,
    /// What came in from others.
    pub incoming: Incoming,
    /// Whether the push went out (false when there was nothing to push).
    pub pushed: bool,
}

impl SyncReport {
    /// One line for the user: "12 notes from 2 people came in; sent yours".
    pub fn summary(&self) -> String {
        let came = self.incoming.summary();
        let sent = if self.pushed {
            "your notes were sent"
        } else {
            "nothing of yours to send"
        };
        format!("{came}; {sent}")
    }
}

/// How often a failed fetch is tried again before the sync gives up.
const FETCH_ATTEMPTS: usize = 3;

/// Syncs the data folder with its remote: commit this writer's changes,
/// fetch, merge, push (again after merging when someone pushed first).
/// After a fresh clone (`cloned`), everything in it counts as come in.
pub fn sync(data: &DataDir, cloned: bool) -> Result<SyncReport, SyncError> {
    let root = data.root();
    if !root.join(".git").exists() {
        return Err(SyncError::NotARepository(root.display().to_string()));
    }
    fsutil::ensure_dir(&local_dir(root))?;
    // Two syncs of one folder at once would fight over git's own locks;
    // holding this also proves that git's lock files are stale.
    let _lock = fsutil::lock(&local_dir(root).join("sync"), SYNC_PATIENCE)?;
    let writer = data.writer().clone();
    let git = Git::new(root, &writer.author, &writer.id);
    if !git.check(&["remote", "get-url", REMOTE]) {
        return Err(SyncError::NoRemote);
    }
    recover::after_interruption(&git)?;
    setup::write_gitignore(root)?;
    setup::write_attributes(root)?;
    migrate_old_stores(data)?;
    let mut report = SyncReport::default();
    if cloned && has_commits(&git) {
        report.incoming = incoming::count(&git, data, None);
    }
    report.committed = commit_own(&git, data)?;
    for attempt in 1..=PUSH_ATTEMPTS {
        fetch(&git)?;
        let upstream = recover::upstream(&git)?;
        if let Some(upstream) = &upstream {
            let more = merge(&git, data, upstream)?;
            report.incoming.add(more);
        }
        if !has_commits(&git) {
            return Ok(report);
        }
        let branch = upstream
            .as_deref()
            .and_then(|u| u.strip_prefix("origin/"))
            .map(str::to_string)
            .unwrap_or(current_branch(&git)?);
        if let Some(upstream) = &upstream
            && git.run(&["rev-parse", "HEAD"])? == git.run(&["rev-parse", upstream])?
        {
            // The remote has everything this folder has.
            return Ok(report);
        }
        let target = format!("HEAD:refs/heads/{branch}");
        let out = git.output(&["push", "-q", REMOTE, &target])?;
        if out.status.success() {
            report.pushed = true;
            return Ok(report);
        }
        let said = git::failed(&["push"], &out).to_string();
        let rejected = said.contains("rejected") || said.contains("fetch first");
        if !rejected || attempt == PUSH_ATTEMPTS {
            return Err(SyncError::Incomplete(format!(
                "the push did not go through ({said})"
            )));
        }
    }
    Ok(report)
}

/// Fetches from the remote, trying again a moment later if it fails (git
/// itself may be busy); an unreachable remote ends the sync.
fn fetch(git: &Git) -> Result<(), SyncError> {
    let mut last = None;
    for _ in 0..FETCH_ATTEMPTS {
        match git.run(&["fetch", "-q", REMOTE]) {
            Ok(_) => return Ok(()),
            Err(e) => last = Some(e),
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let why = last.map(|e| e.to_string()).unwrap_or_default();
    Err(SyncError::Incomplete(format!(
        "the remote could not be fetched from ({why})"
    )))
}

/// Saves every store still in the single-file layout from before teams
/// in this writer's own file, so that what is committed is the team layout.
fn migrate_old_stores(data: &DataDir) -> Result<(), StoreError> {
    for key in data.brief_keys()? {
        if !data.legacy_store_path(&key).exists() {
            continue;
        }
        let info = BriefInfo {
            key,
            ..BriefInfo::default()
        };
        let mut store = data.open_store(info)?;
        if store.needs_migration() && store.read_only().is_none() {
            store.save()?;
        }
    }
    Ok(())
}

/// This writer's files (relative to the root, `/`-separated): its own
/// store file of every brief.
fn own_files(data: &DataDir) -> Result<Vec<String>, StoreError> {
    let writer = &data.writer().id;
    Ok(data
        .brief_keys()?
        .into_iter()
        .map(|key| format!("notes/{key}/{writer}.json"))
        .collect())
}

/// Commits this writer's files (and the removal of migrated old stores);
/// true when there was something to commit. Other writers' files are never
/// committed from here: only the merge brings them.
fn commit_own(git: &Git, data: &DataDir) -> Result<bool, SyncError> {
    let root = data.root();
    let mut add = vec![".gitignore".to_string()];
    let mut remove = Vec::new();
    let tracked = git.run(&["ls-files", "-z", "--", "notes"])?;
    let tracked: Vec<&str> = tracked.split('\0').filter(|p| !p.is_empty()).collect();
    let own = own_files(data)?;
    for path in &own {
        if root.join(path).is_file() {
            add.push(path.clone());
        } else if tracked.contains(&path.as_str()) {
            remove.push(path.clone());
        }
    }
    // Old single stores, top level of notes/: migrated ones are gone.
    for path in &tracked {
        if is_old_store(path) && !root.join(path).exists() {
            remove.push((*path).to_string());
        }
    }
    // Forced: a `*.json` line a teammate put in `.gitignore` must not keep
    // this writer's notes from leaving.
    git.run_paths(&["add", "--force"], &add)
        .map_err(|e| unsent(&e.to_string()))?;
    if !remove.is_empty() {
        git.run_paths(&["rm", "-q", "--cached", "--ignore-unmatch"], &remove)?;
    }
    check_staged_as_written(git, &add)?;
    if git.check(&["diff", "--cached", "--quiet"]) {
        return Ok(false);
    }
    let message = format!("gloss: notes by {}", data.writer().author);
    git.run(&["commit", "-q", "--no-verify", "-m", &message])?;
    Ok(true)
}

fn unsent(cause: &str) -> SyncError {
    SyncError::Unsent(cause.to_string())
}

/// Fails unless git staged each of `paths` byte for byte as it is on disk:
/// a filter or re-encoding the attributes still apply would send notes no
/// reader can read, which is as bad as not sending them.
fn check_staged_as_written(git: &Git, paths: &[String]) -> Result<(), SyncError> {
    let staged = git.run_paths(&["ls-files", "-s", "-z"], paths)?;
    let staged: std::collections::HashMap<&str, &str> = staged
        .split('\0')
        .filter_map(|entry| {
            let (meta, path) = entry.split_once('\t')?;
            let mut fields = meta.split(' ');
            // A link is staged as its target's name, not its content.
            let mode = fields.next()?;
            (mode != "120000").then_some((path, fields.next()?))
        })
        .collect();
    let on_disk = git.run_paths(&["hash-object", "--no-filters"], paths)?;
    for (path, hash) in paths.iter().zip(on_disk.lines()) {
        if staged.get(path.as_str()).is_some_and(|s| *s != hash.trim()) {
            return Err(unsent(&format!(
                "git would send {path} changed from what gloss wrote (an attribute or filter of the repository rewrites it)"
            )));
        }
    }
    Ok(())
}

/// True for `notes/<key>.json`, a store from before teams.
fn is_old_store(path: &str) -> bool {
    path.strip_prefix("notes/")
        .is_some_and(|rest| !rest.contains('/') && rest.ends_with(".json"))
}

/// Merges `upstream` in; returns what came in. A conflict (only possible
/// on a file two writers both wrote) keeps both sides as files.
fn merge(git: &Git, data: &DataDir, upstream: &str) -> Result<Incoming, SyncError> {
    let before = git.run(&["rev-parse", "-q", "--verify", "HEAD"]).ok();
    recover::clear_others_changes(git, data, upstream)?;
    let out = git.output(&[
        "merge",
        "-q",
        "--no-edit",
        "--no-verify",
        "--allow-unrelated-histories",
        "-m",
        "gloss: merge notes",
        upstream,
    ])?;
    if !out.status.success() {
        let unmerged = git.run(&["diff", "--name-only", "-z", "--diff-filter=U"])?;
        if unmerged.is_empty() {
            return Err(git::failed(&["merge"], &out));
        }
        recover::keep_both_sides(git, &unmerged)?;
        git.run(&["commit", "-q", "--no-verify", "--no-edit"])?;
    }
    let before = before.map(|b| b.trim().to_string());
    Ok(incoming::count(git, data, before.as_deref()))
}

fn has_commits(git: &Git) -> bool {
    git.check(&["rev-parse", "-q", "--verify", "HEAD"])
}

fn current_branch(git: &Git) -> Result<String, SyncError> {
    Ok(git
        .run(&["symbolic-ref", "--short", "HEAD"])?
        .trim()
        .to_string())
}
