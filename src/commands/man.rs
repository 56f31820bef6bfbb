//! `gloss man`: the man page. The synopsis, options and commands come from
//! the clap definition and the keys from the default keymap (as the help
//! overlay does), so none of them can fall out of date; files, the
//! environment and exit codes are written here.

use clap::{Arg, Command};
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::app::{Keymap, help_rows};

/// The settings and data gloss reads and writes, with what each holds.
const FILES: [(&str, &str); 7] = [
    (
        "~/.config/gloss/config.toml",
        "settings: theme, view script, layout, note author, keys (gloss config --print shows them)",
    ),
    (
        "~/.config/gloss/phrases.txt",
        "your phrase overrides for Traditional/Simplified conversion, one entry a line",
    ),
    (
        "~/.config/gloss/themes/NAME.toml",
        "your themes, used with --theme NAME or theme = \"NAME\"",
    ),
    (
        "~/.local/share/gloss/index.json",
        "the briefs gloss knows: paths and content hashes",
    ),
    (
        "~/.local/share/gloss/notes/BRIEF/WRITER.json",
        "your notes on a brief, a file per writer, with .bak backups beside",
    ),
    (
        "~/.local/share/gloss/state/",
        "where you left each brief: place, marks, view script and theme",
    ),
    (
        "~/.local/share/gloss/local/",
        "this machine's writer id, never shared by notes sync",
    ),
];

/// The environment variables gloss reads.
const ENVIRONMENT: [(&str, &str); 6] = [
    (
        "GLOSS_CONFIG_DIR",
        "the settings folder instead of ~/.config/gloss (config.toml, phrases.txt, themes/)",
    ),
    (
        "GLOSS_DATA_DIR",
        "the data folder instead of ~/.local/share/gloss (notes, index, reading state)",
    ),
    (
        "GLOSS_THEME",
        "the theme, over config.toml; --theme wins over it",
    ),
    (
        "NO_COLOR",
        "when set and not empty, no colours: styles only",
    ),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME",
        "where the default folders are on Linux",
    ),
    (
        "USER, USERNAME",
        "the notes' author (with the host name) when config.toml names none",
    ),
];

/// What the exit codes mean.
const EXIT_STATUS: [(&str, &str); 3] = [
    ("0", "success; for search: something was found"),
    (
        "1",
        "an input error (a missing, unreadable, binary or empty file; a bad --at), one line on \
         stderr starting \"gloss: error:\"; for search: nothing was found",
    ),
    (
        "2",
        "a usage error (an unknown option, a missing argument); for search: a file could not be read",
    ),
];

/// The man page of `command` (gloss's own), as roff.
pub fn page(command: Command) -> Result<Vec<u8>, std::io::Error> {
    let mut command = command;
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut roff = Roff::new();
    commands(&mut roff, &command);
    keys(&mut roff);
    table(&mut roff, "FILES", &FILES);
    roff.control("PP", []);
    roff.text([roman(
        "The folders are those of the platform (on macOS ~/Library/Application Support/gloss); \
         GLOSS_CONFIG_DIR and GLOSS_DATA_DIR move them.",
    )]);
    table(&mut roff, "ENVIRONMENT", &ENVIRONMENT);
    table(&mut roff, "EXIT STATUS", &EXIT_STATUS);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([
        roman("gloss COMMAND --help for the options of each command; the "),
        italic("README.md"),
        roman(" of the source for the whole story."),
    ]);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Each subcommand (and theirs, as `gloss notes add`) with its usage,
/// what it does and its options.
fn commands(roff: &mut Roff, command: &Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands() {
        describe(roff, sub);
        for inner in sub.get_subcommands() {
            describe(roff, inner);
        }
    }
}

fn describe(roff: &mut Roff, sub: &Command) {
    if sub.get_name() == "help" {
        return;
    }
    let usage = sub.clone().render_usage().to_string();
    roff.control("TP", []);
    roff.text([bold(usage.trim_start_matches("Usage:").trim())]);
    let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
    roff.text([roman(about)]);
    for arg in sub.get_arguments().filter(|a| !is_builtin(a)) {
        roff.control("RS", []);
        roff.control("TP", []);
        roff.text([bold(arg_name(arg))]);
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        roff.text([roman(help)]);
        roff.control("RE", []);
    }
}

/// The reader's keys as the default keymap binds them.
fn keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The reader's keys by default; [keys] in config.toml binds others, and ? in the \
         reader lists the keys in force.",
    )]);
    for (keys, what) in help_rows(&Keymap::default()) {
        roff.control("TP", []);
        roff.text([bold(keys)]);
        roff.text([roman(what)]);
    }
}

fn table(roff: &mut Roff, title: &str, rows: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (name, what) in rows {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*what)]);
    }
}

fn is_builtin(arg: &Arg) -> bool {
    matches!(arg.get_id().as_str(), "help" | "version")
}

/// How an argument is written: `--long VALUE`, `-s`, or `VALUE`.
fn arg_name(arg: &Arg) -> String {
    let value = arg
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| arg.get_id().as_str().to_ascii_uppercase());
    let takes_value = arg.get_action().takes_values();
    let mut flags: Vec<String> = Vec::new();
    if let Some(short) = arg.get_short() {
        flags.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        flags.push(format!("--{long}"));
    }
    match (flags.is_empty(), takes_value) {
        (true, _) => value,
        (false, true) => format!("{} {value}", flags.join(", ")),
        (false, false) => flags.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn text() -> String {
        String::from_utf8(page(crate::commands::cli::Cli::command()).unwrap()).unwrap()
    }

    #[test]
    fn the_page_has_keys_files_environment_and_exit_codes() {
        let page = text();
        for section in [
            ".SH KEYS",
            ".SH FILES",
            ".SH ENVIRONMENT",
            ".SH \"EXIT STATUS\"",
            ".SH COMMANDS",
        ] {
            assert!(page.contains(section), "no {section} in\n{page}");
        }
        for name in [
            "GLOSS_DATA_DIR",
            "GLOSS_CONFIG_DIR",
            "GLOSS_THEME",
            "NO_COLOR",
        ] {
            assert!(page.contains(name), "no {name}");
        }
        assert!(page.contains("phrases.txt") && page.contains("config.toml"));
    }

    #[test]
    fn every_default_key_is_listed_and_no_missing_page_is_named() {
        let page = text();
        for (keys, what) in help_rows(&Keymap::default()) {
            // Roff writes an apostrophe as a string of its own, and a
            // hyphen escaped ("pop-up" is "pop\-up").
            let shown = what.replace('\'', "\\*(Aq").replace('-', "\\-");
            assert!(page.contains(&shown), "no {keys}: {what}");
        }
        assert!(!page.contains("gloss\\-outline(1)"), "{page}");
        assert!(page.contains("gloss search"), "{page}");
        assert!(page.contains("gloss notes add"), "{page}");
    }
}
