//! The `gloss` binary: parse the command line, run the command, turn any
//! error into one line on stderr and exit code 1 (clap exits 2 on usage).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gloss::cli::Cli::parse();
    match gloss::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            // One line: the chain of causes joined, never a backtrace.
            let msg = format!("{e:#}").replace('\n', " ");
            gloss::output::error(&msg);
            ExitCode::from(1)
        }
    }
}
