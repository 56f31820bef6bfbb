//! The README's key tables cover the keymap: every default key and every
//! action name `[keys]` accepts is written there.

use gloss::app::Keymap;
use gloss::config::keys::ACTION_NAMES;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn every_default_key_is_in_the_readme() {
    let readme = readme();
    let missing: Vec<String> = Keymap::default()
        .bindings()
        .iter()
        .map(|(key, _)| key.label())
        .filter(|label| !readme.contains(&format!("`{label}`")))
        .collect();
    assert!(missing.is_empty(), "keys not in README.md: {missing:?}");
}

#[test]
fn every_action_name_is_in_the_readme() {
    let readme = readme();
    let missing: Vec<&str> = ACTION_NAMES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !readme.contains(&format!("`{name}`")))
        .collect();
    assert!(missing.is_empty(), "actions not in README.md: {missing:?}");
}
