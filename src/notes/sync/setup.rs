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

/// Adds to the data folder's `.gitignore` whatever of gloss's lines it
/// lacks; lines the team added are kept.
pub(super) fn write_gitignore(root: &Path) -> Result<(), SyncError> {
    let path = root.join(".gitignore");
    let current =
        crate::files::read_regular_string(&path, crate::files::SETTINGS_CAP).unwrap_or_default();
    let have: Vec<&str> = current.lines().map(str::trim).collect();
    let missing: Vec<&str> = GITIGNORE
        .lines()
        .filter(|l| !l.starts_with('#') && !have.contains(l))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = current.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if current.is_empty() {
        text.push_str(GITIGNORE);
    } else {
        for line in missing {
            text.push_str(line);
            text.push('\n');
        }
    }
    fsutil::write_atomic(root, &path, text.as_bytes())?;
    Ok(())
}

/// Attributes that undo, for gloss's own files, whatever the repository's
/// `.gitattributes` (which any teammate can push) says: no re-encoding, no
/// filter, no line-end or `$Id$` rewriting, no merge driver of its own.
/// `.git/info/attributes` outranks every `.gitattributes`.
const ATTRIBUTES: &str = "\
# Written by gloss: its notes are committed byte for byte.
/notes/** !working-tree-encoding !filter !ident !eol -text !merge !diff
/.gitignore !working-tree-encoding !filter !ident !eol -text !merge
";

/// Adds gloss's lines to the repository's own `.git/info/attributes`
/// (kept on this machine, never pushed), keeping the lines there.
pub(super) fn write_attributes(root: &Path) -> Result<(), SyncError> {
    let dir = root.join(".git").join("info");
    let path = dir.join("attributes");
    let current =
        crate::files::read_regular_string(&path, crate::files::SETTINGS_CAP).unwrap_or_default();
    let have: Vec<&str> = current.lines().map(str::trim).collect();
    let missing: Vec<&str> = ATTRIBUTES.lines().filter(|l| !have.contains(l)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = current;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    fsutil::ensure_dir(&dir)?;
    fsutil::write_atomic(root, &path, text.as_bytes())?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gitignore_gets_the_missing_lines_and_keeps_the_teams() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".gitignore");
        std::fs::write(&path, "drafts/\n*.lock").unwrap();
        write_gitignore(dir.path()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("drafts/\n*.lock\n/local/\n"), "{text}");
        assert_eq!(text.matches("*.lock").count(), 1);
        let before = text.clone();
        write_gitignore(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    }
}
