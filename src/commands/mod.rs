//! CLI entry points, one module a subcommand.

pub mod convert;
pub mod notes;
pub mod outline;
pub mod read;
pub mod search;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs what the command line asked for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Outline(args)) => outline::run(&args),
        Some(Command::Convert(args)) => convert::run(&args),
        Some(Command::Search(args)) => search::run(&args),
        Some(Command::Notes(args)) => notes::run(&args),
        None => read::run(cli.file.as_deref()),
    }
}
