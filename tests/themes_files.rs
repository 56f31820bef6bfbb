//! Theme files: built-ins parse strictly, user themes override only what
//! they set and may inherit, mistakes name the file, key and value, and a
//! broken theme falls back to the default.

use std::fs;
use std::path::Path;

use gloss::theme::{
    BUILTIN_THEMES, DEFAULT_THEME, Origin, Strictness, Theme, ThemeCatalog, ThemeError, builtin,
    parse_theme, select,
};
use ratatui::style::{Color, Modifier};

fn catalog_with(themes: &[(&str, &str)]) -> (tempfile::TempDir, ThemeCatalog) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("themes")).unwrap();
    for (name, text) in themes {
        fs::write(dir.path().join("themes").join(format!("{name}.toml")), text).unwrap();
    }
    let catalog = ThemeCatalog::new(Some(dir.path()));
    (dir, catalog)
}

#[test]
fn every_builtin_theme_parses_strictly() {
    assert!(BUILTIN_THEMES.len() >= 4);
    for (name, source) in BUILTIN_THEMES {
        let (theme, warnings) = parse_theme(source, name, Strictness::Strict).unwrap();
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_ne!(theme.search_match, theme.body, "{name}");
    }
    let names: Vec<_> = BUILTIN_THEMES.iter().map(|(n, _)| *n).collect();
    for wanted in ["terminal", "dark", "light", "high-contrast"] {
        assert!(names.contains(&wanted), "{wanted}");
    }
}

#[test]
fn the_rich_themes_use_true_color() {
    for name in ["dark", "light"] {
        let theme = builtin(name).unwrap();
        assert!(
            matches!(theme.header_title.fg, Some(Color::Rgb(..))),
            "{name}"
        );
    }
}

#[test]
fn a_user_theme_overrides_only_its_keys_on_top_of_what_it_inherits() {
    let text = "inherit = \"light\"\nheader_title = { fg = \"#102030\", bold = true }\n";
    let (theme, warnings) = parse_theme(text, "mine.toml", Strictness::Strict).unwrap();
    assert!(warnings.is_empty());
    let light = builtin("light").unwrap();
    assert_eq!(theme.header_title.fg, Some(Color::Rgb(0x10, 0x20, 0x30)));
    assert!(theme.header_title.add_modifier.contains(Modifier::BOLD));
    assert_eq!(theme.body, light.body);
    assert_eq!(theme.search_match, light.search_match);
    assert_ne!(theme.header_title, light.header_title);
}

#[test]
fn without_inherit_a_user_theme_starts_from_the_default() {
    let (theme, _) = parse_theme("body = \"light-cyan\"", "x.toml", Strictness::Strict).unwrap();
    assert_eq!(theme.body.fg, Some(Color::LightCyan));
    assert_eq!(theme.header_title, Theme::default().header_title);
}

#[test]
fn a_bad_color_names_the_file_the_key_and_the_value() {
    let text = "inherit = \"dark\"\n[search_match]\nfg = \"yelow\"\n";
    let err = parse_theme(text, "/home/u/themes/mine.toml", Strictness::Lenient).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("/home/u/themes/mine.toml"), "{message}");
    assert!(message.contains("search_match.fg"), "{message}");
    assert!(message.contains("\"yelow\""), "{message}");
    assert!(!message.contains('\n'));
}

#[test]
fn other_bad_values_are_named_too() {
    let cases = [
        ("body = { bold = \"yes\" }", "body.bold", "\"yes\""),
        ("body = 3", "`body`", "3"),
        ("inherit = \"sepia\"", "inherit", "\"sepia\""),
        ("link = { bg = 12.5 }", "link.bg", "12.5"),
    ];
    for (text, key, value) in cases {
        let message = parse_theme(text, "t.toml", Strictness::Lenient)
            .unwrap_err()
            .to_string();
        assert!(message.contains("t.toml"), "{message}");
        assert!(message.contains(key), "{text}: {message}");
        assert!(message.contains(value), "{text}: {message}");
    }
}

#[test]
fn a_syntax_error_gives_the_file_and_line() {
    let text = "body = { fg = \"red\" }\nheader_title = { fg = \n";
    let err = parse_theme(text, "broken.toml", Strictness::Lenient).unwrap_err();
    assert!(matches!(err, ThemeError::Syntax { line: 2, .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("theme file broken.toml: line 2:")
    );
}

#[test]
fn unknown_keys_are_errors_when_strict_and_warnings_otherwise() {
    let text = "body = { fg = \"red\", blink = true }\nbodyy = { fg = \"blue\" }\n";
    let strict = parse_theme(text, "t.toml", Strictness::Strict).unwrap_err();
    assert!(matches!(strict, ThemeError::UnknownKey { .. }));
    assert!(strict.to_string().contains("body.blink"), "{strict}");
    let (theme, warnings) = parse_theme(text, "t.toml", Strictness::Lenient).unwrap();
    assert_eq!(theme.body.fg, Some(Color::Red));
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("`bodyy`")));
    assert!(warnings.iter().any(|w| w.contains("`body.blink`")));
}

#[test]
fn user_themes_are_listed_and_found_by_name_and_may_replace_a_builtin() {
    let (dir, catalog) = catalog_with(&[
        (
            "sepia",
            "description = \"warm\"\ninherit = \"light\"\nbody = \"#5b4636\"\n",
        ),
        ("dark", "body = \"red\"\n"),
    ]);
    let entries = catalog.entries();
    let sepia = entries.iter().find(|e| e.name == "sepia").unwrap();
    assert_eq!(sepia.description.as_deref(), Some("warm"));
    assert_eq!(
        sepia.origin,
        Origin::User(dir.path().join("themes/sepia.toml"))
    );
    let darks: Vec<_> = entries.iter().filter(|e| e.name == "dark").collect();
    assert_eq!(darks.len(), 1);
    assert!(matches!(darks[0].origin, Origin::User(_)));
    let (dark, _) = catalog.load("dark", Strictness::Strict).unwrap();
    assert_eq!(dark.body.fg, Some(Color::Red));
    assert!(
        entries
            .iter()
            .any(|e| e.name == "light" && e.origin == Origin::Builtin)
    );
}

#[test]
fn a_broken_theme_falls_back_to_the_default_with_a_warning() {
    let (dir, catalog) = catalog_with(&[("mine", "header_title = { fg = \"yelow\" }\n")]);
    let (theme, warnings) = select(&catalog, "mine", false);
    assert_eq!(Some(theme), builtin(DEFAULT_THEME));
    assert_eq!(warnings.len(), 1);
    let path = dir.path().join("themes/mine.toml");
    assert!(
        warnings[0].contains(&path.display().to_string()),
        "{warnings:?}"
    );
    assert!(warnings[0].contains("header_title.fg"));

    let (theme, warnings) = select(&catalog, "nonesuch", false);
    assert_eq!(theme, Theme::default());
    assert!(
        warnings[0].contains("no theme named \"nonesuch\""),
        "{warnings:?}"
    );
}

#[test]
fn no_color_strips_every_color_of_the_chosen_theme() {
    let catalog = ThemeCatalog::new(None::<&Path>);
    let (theme, warnings) = select(&catalog, "dark", true);
    assert!(warnings.is_empty());
    assert_eq!(theme.body.fg, None);
    assert_eq!(theme.search_match.bg, None);
    assert!(theme.search_match.add_modifier.contains(Modifier::REVERSED));
    assert!(theme.header_title.add_modifier.contains(Modifier::BOLD));
}

#[test]
fn cycling_visits_every_theme_and_wraps_round() {
    let (_dir, catalog) = catalog_with(&[("sepia", "inherit = \"light\"\n")]);
    let mut seen = vec![DEFAULT_THEME.to_string()];
    loop {
        let next = catalog.next_after(seen.last().unwrap());
        if next == DEFAULT_THEME {
            break;
        }
        assert!(!seen.contains(&next), "{seen:?} then {next}");
        seen.push(next);
    }
    assert_eq!(
        seen,
        ["terminal", "dark", "light", "high-contrast", "sepia"]
    );
    assert_eq!(catalog.next_after("nonesuch"), "terminal");
}
