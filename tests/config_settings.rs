//! Settings: defaults, config.toml, the environment, their sources, the
//! warnings for mistakes, key remapping, and the reader taking them up.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::app::{Action, App, ScreenPrefs};
use gloss::config::{Environment, Settings, Source, ViewScript, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn env_for(dir: &Path) -> Environment {
    Environment {
        config_dir: Some(dir.to_path_buf()),
        default_config_dir: None,
        theme: None,
        no_color: false,
    }
}

fn with_config(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    fs::write(&file, text).unwrap();
    (dir, file)
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn without_a_file_every_setting_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let (s, warnings) = Settings::load_from(&env_for(dir.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(s.theme.value, "terminal");
    assert_eq!(s.theme.source, Source::Default);
    assert_eq!(s.script.value, ViewScript::Original);
    assert_eq!(s.wrap_width.value, 80);
    assert_eq!(s.list_width.value, None);
    assert!(s.rebindings.is_empty());
    assert_eq!(s.config_file(), Some(dir.path().join("config.toml")));
    assert_eq!(
        s.config_dir.unwrap().source,
        Source::Environment("GLOSS_CONFIG_DIR")
    );
}

#[test]
fn the_file_sets_every_key_and_is_named_as_the_source() {
    let (_dir, file) = with_config(
        "theme = \"light\"\nscript = \"tw\"\nwrap_width = 72\nlist_width = 24\n\
         [keys]\nscroll_down = [\"j\", \"Down\", \"C-e\"]\nquit = \"Q\"\n",
    );
    let (s, warnings) = Settings::load_from(&env_for(file.parent().unwrap()));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(s.theme.value, "light");
    assert_eq!(s.script.value, ViewScript::Taiwan);
    assert_eq!(s.wrap_width.value, 72);
    assert_eq!(s.list_width.value, Some(24));
    for source in [&s.theme.source, &s.script.source, &s.wrap_width.source] {
        assert_eq!(*source, Source::File(file.clone()));
    }
    let (keymap, warnings) = s.keymap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let ctrl_e = press(KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(keymap.action(&ctrl_e), Some(Action::Down));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.action(&q), None);
    let big_q = press(KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert_eq!(keymap.action(&big_q), Some(Action::Quit));
}

#[test]
fn the_environment_wins_over_the_file() {
    let (dir, _) = with_config("theme = \"light\"\n");
    let mut env = env_for(dir.path());
    env.theme = Some("dark".to_string());
    env.no_color = true;
    let (s, _) = Settings::load_from(&env);
    assert_eq!(s.theme.value, "dark");
    assert_eq!(s.theme.source, Source::Environment("GLOSS_THEME"));
    assert!(s.no_color.value);
    let (theme, warnings) = s.resolve_theme();
    assert!(warnings.is_empty());
    assert_eq!(theme.header_title.fg, None);
}

#[test]
fn mistakes_are_warnings_naming_key_and_value_and_defaults_stay() {
    let (dir, file) = with_config(
        "theme = 7\nscript = \"simplified\"\nwrap_width = 5\nlist_width = \"wide\"\n\
         colour = \"red\"\n[keys]\nfly = \"x\"\nhelp = [\"Dwon\"]\nquit = [\"q\", 3]\n",
    );
    let (s, warnings) = Settings::load_from(&env_for(dir.path()));
    let text: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let has = |needles: &[&str]| {
        text.iter()
            .any(|w| needles.iter().all(|n| w.contains(n)) && w.contains(&*file.to_string_lossy()))
    };
    assert!(has(&["`theme`", "7"]), "{text:#?}");
    assert!(has(&["`script`", "\"simplified\""]), "{text:#?}");
    assert!(has(&["`wrap_width`", "5"]), "{text:#?}");
    assert!(has(&["`list_width`", "\"wide\""]), "{text:#?}");
    assert!(has(&["unknown key `colour`"]), "{text:#?}");
    assert!(has(&["unknown action `keys.fly`"]), "{text:#?}");
    assert!(has(&["`keys.help`", "\"Dwon\""]), "{text:#?}");
    assert!(has(&["`keys.quit`", "3"]), "{text:#?}");
    assert_eq!(warnings.len(), 8, "{text:#?}");
    assert_eq!(s.theme.value, "terminal");
    assert_eq!(s.script.value, ViewScript::Original);
    assert_eq!(s.wrap_width.value, 80);
    assert_eq!(s.list_width.value, None);
    assert!(s.rebindings.is_empty());
}

#[test]
fn a_file_that_is_not_toml_gives_its_line_and_the_defaults() {
    let (dir, file) = with_config("theme = \"light\"\nwrap_width = = 3\n");
    let (s, warnings) = Settings::load_from(&env_for(dir.path()));
    assert_eq!(warnings.len(), 1);
    let w = warnings[0].to_string();
    assert!(
        w.starts_with(&format!("{}: line 2:", file.display())),
        "{w}"
    );
    assert_eq!(s.theme.value, "terminal");
}

#[test]
fn a_key_taken_from_an_action_that_is_left_keyless_is_reported() {
    let (dir, _) = with_config("[keys]\nhelp = [\"q\", \"C-c\"]\n");
    let (s, _) = Settings::load_from(&env_for(dir.path()));
    let (keymap, warnings) = s.keymap();
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.action(&q), Some(Action::ToggleHelp));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].to_string().contains("`quit`"));
}

#[test]
fn print_names_every_source_and_reads_back_as_the_same_settings() {
    let (dir, file) = with_config("wrap_width = 100\n[keys]\nsearch = [\"/\", \"C-f\"]\n");
    let mut env = env_for(dir.path());
    env.theme = Some("high-contrast".to_string());
    let (s, _) = Settings::load_from(&env);
    let printed = render(&s);
    let line = |key: &str| {
        printed
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} in {printed}"))
            .to_string()
    };
    assert!(line("wrap_width = 100").ends_with(&format!("# {}", file.display())));
    assert!(line("theme = \"high-contrast\"").ends_with("# environment GLOSS_THEME"));
    assert!(line("script = \"original\"").ends_with("# default"));
    assert!(line("search = [\"/\", \"C-f\"]").contains(&*file.to_string_lossy()));
    assert!(line("quit = [\"q\", \"C-c\"]").ends_with("# default"));

    // The printout is a config file that says the same thing.
    let again = tempfile::tempdir().unwrap();
    fs::write(again.path().join("config.toml"), &printed).unwrap();
    let (reread, warnings) = Settings::load_from(&env_for(again.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(reread.theme.value, "high-contrast");
    assert_eq!(reread.wrap_width.value, 100);
    assert_eq!(reread.keymap().0, s.keymap().0);
}

#[test]
fn the_reader_centers_its_text_column_at_the_wrap_width() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt");
    let mut app = App::new(gloss::brief::load_path(&seed).unwrap());
    app.set_screen_prefs(ScreenPrefs {
        list_width: Some(20),
        wrap_width: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(160, 20)).unwrap();
    terminal.draw(|f| gloss::ui::draw(f, &mut app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    // The body spans columns 21..160; a 41-column body sits in its middle.
    let start = 21 + (139 - 41) / 2;
    assert_eq!(app.screen.body.x, start);
    let blank = |x: u16, y: u16| buf[(x, y)].symbol().trim().is_empty();
    let mut text_cells = 0;
    for y in 2..19 {
        for x in 21..160 {
            let inside = (start..start + 41).contains(&x);
            if !inside {
                assert!(blank(x, y), "({x}, {y}) is outside the column");
            } else if !blank(x, y) {
                text_cells += 1;
            }
        }
    }
    assert!(text_cells > 200, "the column has text");
}

#[test]
fn a_number_too_large_costs_its_key_not_the_file() {
    let (dir, file) =
        with_config("theme = \"light\"\nwrap_width = 99999999999999999999999\nscript = \"tw\"\n");
    let (s, warnings) = Settings::load_from(&env_for(dir.path()));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = warnings[0].to_string();
    assert!(
        w.starts_with(&format!("{}: line 2:", file.display())) && w.contains("`wrap_width`"),
        "{w}"
    );
    assert_eq!(s.theme.value, "light");
    assert_eq!(s.script.value, ViewScript::Taiwan);
    assert_eq!(s.wrap_width.value, 80);
}
