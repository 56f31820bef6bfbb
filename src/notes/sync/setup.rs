//! Setting a data folder up for git (`gloss notes sync --init URL`) and
//! keeping each machine's own state out of the repository.

use std::path::Path;
use std::process::Command;

use super::SyncError;
use super::git::{Git, failed};
use crate::notes::fsutil;

/// What never leaves the machine: the writer id and other local state,
/// the index (paths are this machine's), reading state, locks, backups,
/// temporary files, damaged files moved aside and rescue files.
const GITIGNORE: &str = "\
# Written by gloss: this machine's own state is never shared.
/local/
/index.json
/state/
/notes/rescue/
*.lock
*.bak
*.bak-*
*.tmp
*.corrupt-*
";

/// Writes the data folder's `.gitignore` unless it already says this.
pub(super) fn write_gitignore(root: &Path) -> Result<(), SyncError> {
    let path = root.join(".gitignore");
    let current = crate::files::read_regular(&path, crate::files::SETTINGS_CAP).ok();
    if current.as_deref() != Some(GITIGNORE.as_bytes()) {
        fsutil::write_atomic(&path, GITIGNORE.as_bytes())?;
    }
    Ok(())
}

/// What `--init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// In words, for the user.
    pub said: String,
    /// True when the data folder was cloned (everything in it came in).
    pub cloned: bool,
}

/// Sets the data folder at `root` up to sync with `url`: a clone into a
/// missing or empty folder, else the remote added to (or changed in) its
/// repository, made first if need be.
pub fn init(root: &Path, url: &str) -> Result<Setup, SyncError> {
    let empty = std::fs::read_dir(root).map_or(true, |mut d| d.next().is_none());
    fsutil::ensure_dir(root)?;
    if empty {
        let mut clone = Command::new("git");
        clone
            .arg("-C")
            .arg(root)
            .args(["clone", "-q", "--", url, "."])
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C");
        super::git::die_with_parent(&mut clone);
        let out = clone
            .output()
            .map_err(|e| SyncError::NoGit(e.to_string()))?;
        if !out.status.success() {
            return Err(failed(&["clone"], &out));
        }
        return Ok(Setup {
            said: format!("cloned {url} into {}", root.display()),
            cloned: true,
        });
    }
    // The identity only matters for commits, which come later.
    let git = Git::new(root, "gloss", "gloss");
    if !root.join(".git").exists() {
        git.run(&["init", "-q"])?;
    }
    if git.check(&["remote", "get-url", super::REMOTE]) {
        git.run(&["remote", "set-url", super::REMOTE, url])?;
        Ok(Setup {
            said: format!("the remote of {} is now {url}", root.display()),
            cloned: false,
        })
    } else {
        git.run(&["remote", "add", super::REMOTE, url])?;
        Ok(Setup {
            said: format!("{} now syncs with {url}", root.display()),
            cloned: false,
        })
    }
}
