//! `gloss search`: not built yet.

use std::process::ExitCode;

use clap::Args;

/// Arguments of `gloss search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Arguments, not read yet.
    pub rest: Vec<String>,
}

/// Runs `gloss search`.
pub fn run(_args: &SearchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`gloss search` is not available yet")
}
