//! `gloss notes`: not built yet.

use std::process::ExitCode;

use clap::Args;

/// Arguments of `gloss notes`.
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// Arguments, not read yet.
    pub rest: Vec<String>,
}

/// Runs `gloss notes`.
pub fn run(_args: &NotesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`gloss notes` is not available yet")
}
