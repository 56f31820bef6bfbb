//! CLI entry points, one module a subcommand.

mod at;
pub mod cli;
pub mod config;
pub mod convert;
pub mod define;
pub mod library;
mod man;
pub mod notes;
pub mod outline;
mod page_progress;
mod quote;
pub mod read;
mod read_settings;
pub mod reading;
pub mod search;
mod session;
pub mod shell;
mod signals;
mod terminal;
pub mod themes;
mod viewer;

use std::process::ExitCode;

use cli::{Cli, Command};

/// Runs what the command line asked for.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Outline(args)) => outline::run(&args),
        Some(Command::Convert(args)) => convert::run(&args),
        Some(Command::Define(args)) => define::run(&args),
        Some(Command::Search(args)) => search::run(&args),
        Some(Command::Notes(args)) => notes::run(&args),
        Some(Command::Themes(args)) => themes::run(&args),
        Some(Command::Config(args)) => config::run(&args),
        Some(Command::Completions(args)) => shell::completions(&args),
        Some(Command::Man(args)) => shell::man(&args),
        None => {
            // `--page 7` is `--at p7`.
            let at = cli.page.map(|page| format!("p{page}")).or(cli.at);
            read::run(cli.file.as_deref(), cli.theme.as_deref(), at.as_deref())
        }
    }
}
