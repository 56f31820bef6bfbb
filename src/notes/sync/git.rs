//! Running the `git` command in the data folder: no prompts, messages in
//! English (so a rejected push can be told from an unreachable remote),
//! and an identity of its own when the machine has none configured.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::SyncError;

/// `git` in one working tree.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    /// `user.name` and `user.email` to pass when git has none configured.
    identity: Option<(String, String)>,
}

impl Git {
    /// Git in `dir`; commits are signed by `author` (with a made-up address
    /// from `writer`) only where git knows no identity of its own.
    pub fn new(dir: &Path, author: &str, writer: &str) -> Git {
        let mut git = Git {
            dir: dir.to_path_buf(),
            identity: None,
        };
        let configured = |key: &str| {
            git.output(&["config", "--get", key])
                .is_ok_and(|o| o.status.success() && !o.stdout.trim_ascii().is_empty())
        };
        if !(configured("user.name") && configured("user.email")) {
            git.identity = Some((author.to_string(), format!("{writer}@gloss.invalid")));
        }
        git
    }

    /// The working tree.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.dir).arg("--literal-pathspecs");
        if let Some((name, email)) = &self.identity {
            cmd.arg("-c").arg(format!("user.name={name}"));
            cmd.arg("-c").arg(format!("user.email={email}"));
        }
        cmd.args(args)
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            // Never wait on an editor or a pager.
            .env("GIT_EDITOR", "true")
            .env("GIT_PAGER", "cat")
            .stdin(Stdio::null());
        die_with_parent(&mut cmd);
        cmd
    }

    /// Runs git with `args` and returns what it did, success or not.
    pub fn output(&self, args: &[&str]) -> Result<Output, SyncError> {
        self.command(args)
            .output()
            .map_err(|e| SyncError::NoGit(e.to_string()))
    }

    /// Runs git with `args`; its standard output, or an error naming what
    /// failed with git's own words.
    pub fn run(&self, args: &[&str]) -> Result<String, SyncError> {
        let out = self.output(args)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(failed(args, &out))
        }
    }

    /// Runs git with `args` and the paths after `--`.
    pub fn run_paths(&self, args: &[&str], paths: &[String]) -> Result<String, SyncError> {
        let mut all: Vec<&str> = args.to_vec();
        all.push("--");
        all.extend(paths.iter().map(String::as_str));
        self.run(&all)
    }

    /// True when git with `args` succeeds.
    pub fn check(&self, args: &[&str]) -> bool {
        self.output(args).is_ok_and(|o| o.status.success())
    }

    /// The bytes of `path` at `rev`, if it is there.
    pub fn show(&self, rev: &str, path: &str) -> Option<Vec<u8>> {
        let spec = format!("{rev}:{path}");
        let out = self.output(&["show", &spec]).ok()?;
        out.status.success().then_some(out.stdout)
    }
}

/// Makes git die when gloss dies: a git left running after gloss was
/// killed would race the next sync for git's own locks.
#[cfg(target_os = "linux")]
pub fn die_with_parent(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: prctl is async-signal-safe and touches only the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
}

/// Elsewhere a killed gloss leaves git to finish; the next sync waits on
/// git's locks or clears them.
#[cfg(not(target_os = "linux"))]
pub fn die_with_parent(_cmd: &mut Command) {}

/// The error for a failed git command: its first words and git's message.
pub fn failed(args: &[&str], out: &Output) -> SyncError {
    let said = String::from_utf8_lossy(&out.stderr);
    let said = said
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:"))
        .collect::<Vec<_>>()
        .join(" ");
    SyncError::Git {
        command: args.iter().take(2).copied().collect::<Vec<_>>().join(" "),
        said,
    }
}
