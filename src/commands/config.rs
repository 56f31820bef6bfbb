//! `gloss config`: the settings in force and where each comes from.

use std::process::ExitCode;

use clap::Args;

use crate::config::{Settings, render};

/// Arguments of `gloss config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the effective settings as TOML, each with its source (the
    /// default when no flag is given).
    #[arg(long)]
    pub print: bool,
    /// Print only the path of the settings file.
    #[arg(long, conflicts_with = "print")]
    pub path: bool,
}

/// Runs `gloss config`. Warnings about the settings go to stderr; they do
/// not make it fail, as they do not stop the reader.
pub fn run(args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    let (settings, mut warnings) = Settings::load();
    let (_, key_warnings) = settings.keymap();
    warnings.extend(key_warnings);
    if !args.path {
        let (_, theme_warnings) = settings.resolve_theme();
        warnings.extend(theme_warnings);
    }
    for warning in &warnings {
        crate::output::warn(&warning.to_string());
    }
    if args.path {
        let Some(file) = settings.config_file() else {
            anyhow::bail!("no config folder: set GLOSS_CONFIG_DIR or HOME");
        };
        return crate::output::print_text_bytes(format!("{}\n", file.display()).as_bytes());
    }
    crate::output::print_text_bytes(render(&settings).as_bytes())
}
