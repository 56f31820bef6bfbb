//! The built-in themes: the files in `themes/`, compiled into the binary so
//! an installed gloss has them without the repository.

use super::Theme;
use super::file::{Strictness, parse_theme};

/// The theme used when neither the command line nor the settings name one.
pub const DEFAULT_THEME: &str = "terminal";

/// Every built-in theme: its name and its TOML source.
pub const BUILTIN_THEMES: &[(&str, &str)] = &[
    ("terminal", include_str!("../../themes/terminal.toml")),
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// The TOML source of the built-in theme `name`.
pub fn builtin_source(name: &str) -> Option<&'static str> {
    BUILTIN_THEMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

/// The built-in theme `name`, resolved. A built-in that does not parse is
/// a bug caught by the tests; should one slip through, the hard-coded
/// default stands in rather than failing.
pub fn builtin(name: &str) -> Option<Theme> {
    let source = builtin_source(name)?;
    let file = format!("themes/{name}.toml (built-in)");
    Some(
        parse_theme(source, &file, Strictness::Strict)
            .map(|(theme, _)| theme)
            .unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::THEME_KEYS;

    #[test]
    fn every_builtin_parses_strictly_and_sets_every_key() {
        for (name, source) in BUILTIN_THEMES {
            let parsed = parse_theme(source, name, Strictness::Strict);
            assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
            let table: toml::Table = toml::from_str(source).unwrap();
            for key in THEME_KEYS {
                assert!(table.contains_key(key.name), "{name} lacks `{}`", key.name);
            }
            assert!(table.get("description").is_some_and(|d| d.is_str()));
        }
    }

    #[test]
    fn the_terminal_theme_file_is_the_hard_coded_default() {
        assert_eq!(builtin(DEFAULT_THEME), Some(Theme::default()));
    }

    #[test]
    fn builtins_differ_from_each_other() {
        let themes: Vec<_> = BUILTIN_THEMES
            .iter()
            .map(|(n, _)| builtin(n).unwrap())
            .collect();
        for (i, a) in themes.iter().enumerate() {
            for b in &themes[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn the_terminal_theme_uses_only_the_16_basic_colors() {
        use ratatui::style::Color;
        let mut theme = builtin(DEFAULT_THEME).unwrap();
        for key in THEME_KEYS {
            let style = crate::theme::style_mut(&mut theme, key.name).unwrap();
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                    "{}: {color:?}",
                    key.name
                );
            }
        }
    }
}
