//! `gloss themes`: list the themes, check theme files strictly, or list
//! the keys a theme file can set.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::config::Settings;
use crate::theme::{Origin, Strictness, THEME_KEYS, ThemeCatalog, load_file};

/// Arguments of `gloss themes`.
#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// Check theme files strictly (unknown keys are errors): the FILEs, or
    /// without FILE every theme in the config folder. Exits 1 on a mistake.
    #[arg(long)]
    pub check: bool,
    /// List the keys a theme file can set, with what each styles.
    #[arg(long, conflicts_with = "check")]
    pub keys: bool,
    /// Theme files to check (with --check).
    #[arg(value_name = "FILE", requires = "check")]
    pub files: Vec<PathBuf>,
}

/// Runs `gloss themes`.
pub fn run(args: &ThemesArgs) -> anyhow::Result<ExitCode> {
    let (settings, warnings) = Settings::load();
    for warning in &warnings {
        crate::output::warn(&warning.to_string());
    }
    let catalog = settings.theme_catalog();
    if args.check && args.files.is_empty() {
        check_all(&catalog)
    } else if args.check {
        check(&args.files)
    } else if args.keys {
        crate::output::print_text_bytes(keys_text().as_bytes())
    } else {
        crate::output::print_text_bytes(list_text(&catalog, &settings).as_bytes())
    }
}

/// The themes, one a line, the one in force marked with `*`.
fn list_text(catalog: &ThemeCatalog, settings: &Settings) -> String {
    let mut out = String::new();
    let entries = catalog.entries();
    let width = entries.iter().map(|e| e.name.len()).max().unwrap_or(0);
    for entry in &entries {
        let mark = if entry.name == settings.theme.value {
            '*'
        } else {
            ' '
        };
        let origin = match &entry.origin {
            Origin::Builtin => "built-in".to_string(),
            Origin::User(path) => path.display().to_string(),
        };
        let description = entry.description.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{mark} {:<width$}  {description}  [{origin}]",
            entry.name
        );
    }
    let _ = writeln!(
        out,
        "\nin use (*): {} ({}); user themes go in {}",
        settings.theme.value,
        settings.theme.source,
        catalog.user_dir().map_or_else(
            || "(no config folder)".to_string(),
            |d| d.display().to_string()
        )
    );
    out
}

fn keys_text() -> String {
    let width = THEME_KEYS.iter().map(|k| k.name.len()).max().unwrap_or(0);
    THEME_KEYS
        .iter()
        .map(|k| format!("{:<width$}  {}\n", k.name, k.doc))
        .collect()
}

/// Checks every user theme (none is fine: there is nothing wrong).
fn check_all(catalog: &ThemeCatalog) -> anyhow::Result<ExitCode> {
    let files: Vec<PathBuf> = catalog
        .entries()
        .into_iter()
        .filter_map(|e| match e.origin {
            Origin::User(path) => Some(path),
            Origin::Builtin => None,
        })
        .collect();
    if files.is_empty() {
        let folder = catalog.user_dir().map_or_else(
            || "(no config folder)".to_string(),
            |d| d.display().to_string(),
        );
        crate::output::print_text_bytes(format!("no user themes in {folder}\n").as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    check(&files)
}

/// Checks each file strictly: "ok: FILE" on stdout, or the mistake on
/// stderr and exit code 1.
fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let mut out = String::new();
    for file in files {
        match load_file(file, Strictness::Strict) {
            Ok(_) => {
                let _ = writeln!(out, "ok: {}", file.display());
            }
            Err(e) => {
                crate::output::error(&e.to_string());
                failed = true;
            }
        }
    }
    crate::output::print_text_bytes(out.as_bytes())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
