//! `gloss config --print`: the settings in force as a valid `config.toml`,
//! each line commented with where its value came from.

use std::fmt::Write;

use super::keys::{ACTION_NAMES, key_name};
use super::{Settings, Source};
use crate::keys::{Action, Keymap};

/// The effective settings as TOML text, with sources as comments.
pub fn render(settings: &Settings) -> String {
    let mut out = String::new();
    let line = |out: &mut String, setting: String, source: &Source| {
        let _ = writeln!(out, "{setting:<40} # {source}");
    };
    match (&settings.config_dir, settings.config_file()) {
        (Some(dir), Some(file)) => {
            let state = if file.is_file() { "" } else { " (not found)" };
            let _ = writeln!(
                out,
                "# config folder: {} ({})",
                dir.value.display(),
                dir.source
            );
            let _ = writeln!(out, "# config file: {}{state}", file.display());
        }
        _ => out.push_str("# no config folder: only defaults and the environment apply\n"),
    }
    line(
        &mut out,
        format!("theme = {}", toml_string(&settings.theme.value)),
        &settings.theme.source,
    );
    line(
        &mut out,
        format!("script = \"{}\"", settings.script.value.name()),
        &settings.script.source,
    );
    line(
        &mut out,
        format!("wrap_width = {}", settings.wrap_width.value),
        &settings.wrap_width.source,
    );
    let list_width = settings
        .list_width
        .value
        .map_or_else(|| "\"auto\"".to_string(), |w| w.to_string());
    line(
        &mut out,
        format!("list_width = {list_width}"),
        &settings.list_width.source,
    );
    match &settings.author.value {
        Some(author) => line(
            &mut out,
            format!("author = {}", toml_string(author)),
            &settings.author.source,
        ),
        // Commented out, so the output stays a config.toml with defaults.
        None => {
            let _ = writeln!(
                out,
                "{:<40} # default: your login and host (user@host) on your notes",
                "# author = \"\""
            );
        }
    }
    let color = if settings.no_color.value { "off" } else { "on" };
    let _ = writeln!(out, "# colors: {color} ({})", settings.no_color.source);
    out.push_str("\n[keys]\n");
    let (keymap, _) = settings.keymap();
    for (name, action) in ACTION_NAMES {
        let keys: Vec<String> = keymap
            .bindings()
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| toml_string(&key_name(k)))
            .collect();
        let source = settings
            .rebindings
            .iter()
            .find(|b| b.action == *action)
            .map_or(Source::Default, |b| b.source.clone());
        let source = if source == Source::Default && !same_keys(&keymap, *action) {
            // Taken by another action's remapping.
            settings
                .rebindings
                .first()
                .map_or(Source::Default, |b| b.source.clone())
        } else {
            source
        };
        line(&mut out, format!("{name} = [{}]", keys.join(", ")), &source);
    }
    out
}

fn same_keys(keymap: &Keymap, action: Action) -> bool {
    let keys = |km: &Keymap| -> Vec<_> {
        km.bindings()
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    };
    keys(keymap) == keys(&Keymap::default())
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}
