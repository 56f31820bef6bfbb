//! `gloss FILE`: the reader. Until the reader screen lands it prints the outline.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

/// Opens the reader on `file`.
pub fn run(file: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(file) = file else {
        bail!("no brief given: try `gloss FILE` or `gloss --help`");
    };
    super::outline::print_outline(file, false)
}
