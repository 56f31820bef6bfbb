//! `gloss completions SHELL` and `gloss man`: shell completions and a roff
//! man page, both generated from the same clap definition as the parser.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::cli::Cli;

/// Arguments of `gloss completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for (bash, zsh, fish, elvish, powershell).
    pub shell: Shell,
}

/// Arguments of `gloss man`.
#[derive(Debug, Args)]
pub struct ManArgs {}

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "gloss", &mut script);
    write_stdout(&script)
}

/// Prints the man page (roff) to standard output.
pub fn man(_args: &ManArgs) -> anyhow::Result<ExitCode> {
    let page = super::man::page(Cli::command()).context("cannot render the man page")?;
    write_stdout(&page)
}

/// Writes gloss's own bytes to standard output (see [`crate::output::write_stdout`]).
pub(crate) fn write_stdout(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    crate::output::write_stdout(bytes)
}
