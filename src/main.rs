//! The `gloss` binary: parse the command line, run the command, turn any
//! error into one line on stderr and exit code 1 (clap exits 2 on usage).

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    fixed_mmap_threshold();
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

/// Large allocations straight from the system, always. glibc raises this
/// threshold to the size of the largest block freed (the brief's bytes,
/// after decoding), and every block below it then came from a heap that
/// freed blocks fragment: a 9 MB table peaked 10% higher.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fixed_mmap_threshold() {
    /// glibc's own starting threshold.
    const THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: mallopt only sets an allocator parameter; it is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fixed_mmap_threshold() {}
