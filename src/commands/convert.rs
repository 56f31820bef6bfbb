//! `gloss convert`: not built yet.

use std::process::ExitCode;

use clap::Args;

/// Arguments of `gloss convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Arguments, not read yet.
    pub rest: Vec<String>,
}

/// Runs `gloss convert`.
pub fn run(_args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`gloss convert` is not available yet")
}
