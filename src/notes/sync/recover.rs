//! Making the repository fit for a sync again after whatever stopped the
//! last one: git's stale lock files, a half-done merge, files of other
//! writers half written by a killed checkout, and conflicts.

use std::path::Path;

use super::git::Git;
use super::{REMOTE, SyncError};
use crate::notes::fsutil;
use crate::notes::index::DataDir;

/// Removes the lock files a killed git leaves (`index.lock`,
/// `AUTO_MERGE.lock`, ref locks…) and undoes a merge that was cut short;
/// this writer's own files are never touched by either. Only called under
/// the sync lock, so no other gloss sync owns them (gloss owns this
/// repository; git itself dies with the gloss that ran it).
pub(super) fn after_interruption(git: &Git) -> Result<(), SyncError> {
    let dot_git = git.dir().join(".git");
    remove_locks(&dot_git, false);
    remove_locks(&dot_git.join("refs"), true);
    if dot_git.join("MERGE_HEAD").exists() && !git.check(&["merge", "--abort"]) {
        git.run(&["reset", "-q", "--merge"])?;
    }
    Ok(())
}

/// Removes `*.lock` files in `dir` (and below, when `deep`).
fn remove_locks(dir: &Path, deep: bool) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if deep {
                remove_locks(&path, true);
            }
        } else if path.extension().is_some_and(|e| e == "lock") {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The remote branch to merge and push to: the current branch's namesake
/// on the remote, else the remote's only branch; `None` on an empty remote.
pub(super) fn upstream(git: &Git) -> Result<Option<String>, SyncError> {
    if let Ok(branch) = git.run(&["symbolic-ref", "--short", "HEAD"]) {
        let remote = format!("refs/remotes/{REMOTE}/{}", branch.trim());
        if git.check(&["rev-parse", "-q", "--verify", &remote]) {
            return Ok(Some(format!("{REMOTE}/{}", branch.trim())));
        }
    }
    let prefix = format!("refs/remotes/{REMOTE}");
    let refs = git.run(&["for-each-ref", "--format=%(refname:short)", &prefix])?;
    let head = format!("{REMOTE}/HEAD");
    let branches: Vec<&str> = refs
        .lines()
        .map(str::trim)
        .filter(|r| !r.is_empty() && *r != head && *r != REMOTE)
        .collect();
    Ok(match branches.as_slice() {
        [only] => Some((*only).to_string()),
        _ => None,
    })
}

/// True for this writer's own store file (`notes/<key>/<writer>.json`).
fn is_own(path: &str, writer: &str) -> bool {
    let mut parts = path.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("notes"), Some(_), Some(name), None) if name.strip_suffix(".json") == Some(writer)
    )
}

/// Puts other writers' files back as the last commit has them (a checkout
/// killed half way leaves them changed or half written) and removes
/// untracked ones the merge is about to bring whole. Only git ever writes
/// other writers' files here, so nothing of anyone's is lost.
pub(super) fn clear_others_changes(
    git: &Git,
    data: &DataDir,
    upstream: &str,
) -> Result<(), SyncError> {
    let writer = data.writer().id.clone();
    let status = git.run(&[
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--",
        "notes",
    ])?;
    let mut restore = Vec::new();
    for entry in status.split('\0').filter(|e| e.len() > 3) {
        let (code, path) = entry.split_at(3);
        if is_own(path, &writer) || !path.ends_with(".json") {
            continue;
        }
        if code.starts_with("??") {
            let spec = format!("{upstream}:{path}");
            if git.check(&["cat-file", "-e", &spec]) {
                let _ = std::fs::remove_file(git.dir().join(path));
            }
        } else if git.check(&["cat-file", "-e", &format!("HEAD:{path}")]) {
            restore.push(path.to_string());
        }
    }
    if !restore.is_empty() {
        git.run_paths(&["checkout", "-q", "HEAD"], &restore)?;
    }
    Ok(())
}

/// Resolves a conflicted merge without choosing: each conflicted store
/// file keeps this side's version and gets the other side's as a conflict
/// copy beside it, which every reader merges in.
pub(super) fn keep_both_sides(git: &Git, unmerged: &str) -> Result<(), SyncError> {
    for path in unmerged.split('\0').filter(|p| !p.is_empty()) {
        let ours = stage(git, 2, path);
        let theirs = stage(git, 3, path);
        let full = git.dir().join(path);
        if !path.ends_with(".json") {
            let side = if ours.is_some() { "--ours" } else { "--theirs" };
            git.run_paths(&["checkout", side], &[path.to_string()])?;
            git.run_paths(&["add"], &[path.to_string()])?;
            continue;
        }
        match &ours {
            Some(bytes) => fsutil::write_atomic(git.dir(), &full, bytes)?,
            None => {
                let _ = std::fs::remove_file(&full);
            }
        }
        let mut add = Vec::new();
        if let Some(bytes) = &theirs {
            let stem = path.trim_end_matches(".json");
            let hash = blake3::hash(bytes).to_hex();
            let copy = format!("{stem}.sync-conflict-git-{}.json", &hash[..12]);
            fsutil::write_atomic(git.dir(), &git.dir().join(&copy), bytes)?;
            add.push(copy);
        }
        if ours.is_some() {
            add.push(path.to_string());
        } else {
            git.run_paths(
                &["rm", "-q", "--cached", "--ignore-unmatch"],
                &[path.to_string()],
            )?;
        }
        if !add.is_empty() {
            git.run_paths(&["add"], &add)?;
        }
    }
    Ok(())
}

/// The bytes of `path` at merge stage `n` (2 ours, 3 theirs).
fn stage(git: &Git, n: u8, path: &str) -> Option<Vec<u8>> {
    let spec = format!(":{n}:{path}");
    let out = git.output(&["show", &spec]).ok()?;
    out.status.success().then_some(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_writers_own_store_files_are_its_own() {
        assert!(is_own("notes/k/ann-1.json", "ann-1"));
        assert!(!is_own("notes/k/bob-2.json", "ann-1"));
        assert!(!is_own("notes/k.json", "ann-1"));
        assert!(!is_own("notes/k/ann-1 (copy).json", "ann-1"));
        assert!(!is_own("notes/k/sub/ann-1.json", "ann-1"));
    }
}
