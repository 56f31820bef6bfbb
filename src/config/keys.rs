//! Key remapping in `config.toml`: action names, and key names such as
//! `j`, `Down`, `C-e`, `S-Tab`, `F5` parsed into crossterm key events.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::keys::{Action, Key};

/// The actions that can be bound to keys, by their name in `[keys]`.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("scroll_down", Action::Down),
    ("scroll_up", Action::Up),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("toggle_focus", Action::ToggleFocus),
    ("activate", Action::Activate),
    ("next_section", Action::NextSection),
    ("prev_section", Action::PrevSection),
    ("search", Action::StartSearch),
    ("next_match", Action::NextMatch),
    ("prev_match", Action::PrevMatch),
    ("toggle_regions", Action::ToggleRegions),
    ("toggle_links", Action::ToggleLinks),
    ("define", Action::Define),
    ("help", Action::ToggleHelp),
    ("cancel", Action::Cancel),
    ("quit", Action::Quit),
    ("cycle_view", Action::CycleView),
    ("compare", Action::ToggleCompare),
    // Notes (issue 4).
    ("cursor_down", Action::CursorDown),
    ("cursor_up", Action::CursorUp),
    ("add_note", Action::AddNote),
    ("edit_note", Action::EditNote),
    ("edit_tags", Action::EditTags),
    ("delete_note", Action::DeleteNote),
    ("undo_delete", Action::UndoDelete),
    ("toggle_notes", Action::ToggleNotes),
    ("notes_pane", Action::NotesPane),
    ("next_note", Action::NextNote),
    ("prev_note", Action::PrevNote),
    ("select", Action::StartVisual),
    ("reselect", Action::Reselect),
    ("copy", Action::Copy),
    ("copy_citation", Action::CopyCitation),
    ("follow_link", Action::FollowLink),
    ("jump_back", Action::JumpBack),
    ("go_to_page", Action::GoToPage),
    ("open_pdf", Action::OpenPdf),
    ("set_mark", Action::SetMark),
    ("jump_to_mark", Action::JumpToMark),
    ("cycle_theme", Action::CycleTheme),
];

/// The action called `name` in `[keys]`.
pub fn action_named(name: &str) -> Option<Action> {
    ACTION_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| *a)
}

/// The name of `action` in `[keys]`.
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTION_NAMES
        .iter()
        .find(|(_, a)| *a == action)
        .map(|(n, _)| *n)
}

/// Named keys: (name in config, other accepted spellings, key).
const NAMED_KEYS: &[(&str, &[&str], KeyCode)] = &[
    ("Up", &[], KeyCode::Up),
    ("Down", &[], KeyCode::Down),
    ("Left", &[], KeyCode::Left),
    ("Right", &[], KeyCode::Right),
    ("PageUp", &["PgUp"], KeyCode::PageUp),
    ("PageDown", &["PgDn", "PgDown"], KeyCode::PageDown),
    ("Home", &[], KeyCode::Home),
    ("End", &[], KeyCode::End),
    ("Tab", &[], KeyCode::Tab),
    ("BackTab", &[], KeyCode::BackTab),
    ("Enter", &["Return", "CR"], KeyCode::Enter),
    ("Esc", &["Escape"], KeyCode::Esc),
    ("Backspace", &["BS", "Bksp"], KeyCode::Backspace),
    ("Delete", &["Del"], KeyCode::Delete),
    ("Insert", &["Ins"], KeyCode::Insert),
    ("Space", &[], KeyCode::Char(' ')),
];

/// Parses a key name: a character (`j`, `G`, `/`), a named key (`Down`,
/// `PageDown`, `Esc`, `F5`, `Space`), optionally after modifiers `C-`
/// (Ctrl), `A-` or `M-` (Alt) and `S-` (Shift, with letters and Tab only).
/// Names are case-insensitive except single characters.
pub fn parse_key(name: &str) -> Result<KeyEvent, String> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = name;
    // A modifier prefix needs something after it: "-" and "C-" alone are
    // keys or mistakes, not modifiers.
    while let Some((prefix, after)) = rest.split_once('-') {
        if after.is_empty() || prefix.is_empty() {
            break;
        }
        modifiers |= match prefix.to_ascii_lowercase().as_str() {
            "c" | "ctrl" => KeyModifiers::CONTROL,
            "a" | "alt" | "m" | "meta" => KeyModifiers::ALT,
            "s" | "shift" => KeyModifiers::SHIFT,
            _ => {
                return Err(format!(
                    "unknown modifier \"{prefix}-\" in \"{name}\" (use C-, A- or S-)"
                ));
            }
        };
        rest = after;
    }
    let mut chars = rest.chars();
    let mut code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => named_key(rest).ok_or_else(|| {
            format!("unknown key \"{name}\" (a character, or Up, Down, PageDown, Home, Enter, Esc, Tab, Space, F1-F12…)")
        })?,
    };
    if modifiers.contains(KeyModifiers::SHIFT) {
        // Shift is part of the character (`S-g` is `G`) and of BackTab;
        // terminals do not report it reliably on anything else.
        code = match code {
            KeyCode::Char(c) if c.is_alphabetic() => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::Tab | KeyCode::BackTab => KeyCode::BackTab,
            _ => return Err(format!("\"{name}\": S- goes only with letters and Tab")),
        };
        modifiers.remove(KeyModifiers::SHIFT);
    }
    if modifiers.contains(KeyModifiers::CONTROL)
        && let KeyCode::Char(c) = code
    {
        // Terminals send Ctrl with the lower-case letter.
        code = KeyCode::Char(c.to_ascii_lowercase());
    }
    Ok(KeyEvent::new(code, modifiers))
}

fn named_key(name: &str) -> Option<KeyCode> {
    let found = NAMED_KEYS.iter().find(|(main, others, _)| {
        main.eq_ignore_ascii_case(name) || others.iter().any(|o| o.eq_ignore_ascii_case(name))
    });
    if let Some((_, _, code)) = found {
        return Some(*code);
    }
    let number = name.strip_prefix(['F', 'f'])?.parse::<u8>().ok()?;
    (1..=24).contains(&number).then_some(KeyCode::F(number))
}

/// The name of `key` as `config.toml` writes it (the inverse of
/// [`parse_key`]).
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED_KEYS
            .iter()
            .find(|(_, _, c)| *c == code)
            .map_or_else(|| format!("{code:?}"), |(name, _, _)| (*name).to_string()),
    };
    let mut name = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        name.push_str("C-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        name.push_str("A-");
    }
    name + &base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Keymap;

    fn key(name: &str) -> Key {
        Key::from_event(&parse_key(name).unwrap())
    }

    #[test]
    fn names_parse_to_the_keys_the_terminal_sends() {
        assert_eq!(key("j"), Key::plain(KeyCode::Char('j')));
        assert_eq!(key("G"), Key::plain(KeyCode::Char('G')));
        assert_eq!(key("S-g"), Key::plain(KeyCode::Char('G')));
        assert_eq!(key("C-e"), Key::ctrl('e'));
        assert_eq!(key("Ctrl-E"), Key::ctrl('e'));
        assert_eq!(key("down"), Key::plain(KeyCode::Down));
        assert_eq!(key("PgDn"), Key::plain(KeyCode::PageDown));
        assert_eq!(key("S-Tab"), Key::plain(KeyCode::BackTab));
        assert_eq!(key("Space"), Key::plain(KeyCode::Char(' ')));
        assert_eq!(key("F5"), Key::plain(KeyCode::F(5)));
        assert_eq!(key("-"), Key::plain(KeyCode::Char('-')));
        let alt_x = key("A-x");
        assert_eq!(alt_x.modifiers, KeyModifiers::ALT);
    }

    #[test]
    fn bad_names_are_reported_with_the_name() {
        for bad in ["Dwon", "X-j", "S-Down", "F99", "", "C-"] {
            let err = parse_key(bad).unwrap_err();
            assert!(
                err.contains(&format!("\"{bad}")) || err.contains("X-"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn every_default_binding_round_trips_and_has_an_action_name() {
        for (k, action) in Keymap::default().bindings() {
            assert_eq!(key(&key_name(k)), *k, "{}", key_name(k));
            let name = action_name(*action).unwrap();
            assert_eq!(action_named(name), Some(*action));
        }
    }
}
