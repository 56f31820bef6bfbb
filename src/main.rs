//! The `gloss` binary: parse the command line, run the command, turn any
//! error into one line on stderr and exit code 1 (clap exits 2 on usage).

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = match gloss::commands::cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version are gloss's own text: clap prints them styled.
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            // A usage error quotes what was typed, which may be anything
            // (a pasted file name with escapes): plain, through the sanitiser.
            gloss::output::stderr_text(e.render().to_string().trim_end());
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
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
