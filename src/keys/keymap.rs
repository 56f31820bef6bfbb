//! Keys to actions. The bindings are data with compiled-in defaults, so the
//! help overlay is generated from them and settings can remap them later.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// A key with the modifiers that matter for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl or Alt held with it (Shift is part of the character).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key pressed alone.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character pressed with Ctrl.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal key event. Shift is dropped because it is
    /// already in the character ("G", "?") and terminals disagree on
    /// reporting it.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            modifiers: event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT),
        }
    }

    /// The key's name as the help overlay shows it.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Backspace => "Bksp".to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", name.to_uppercase())
        } else {
            name
        }
    }
}

/// The bindings of the reader in its normal mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let p = Key::plain;
        let bindings = vec![
            (p(Char('j')), Action::Down),
            (p(Down), Action::Down),
            (p(Char('k')), Action::Up),
            (p(Up), Action::Up),
            (p(PageDown), Action::PageDown),
            (p(Char(' ')), Action::PageDown),
            (p(PageUp), Action::PageUp),
            (p(Char('b')), Action::PageUp),
            (Key::ctrl('d'), Action::HalfPageDown),
            (Key::ctrl('u'), Action::HalfPageUp),
            (p(Char('g')), Action::Top),
            (p(Home), Action::Top),
            (p(Char('G')), Action::Bottom),
            (p(End), Action::Bottom),
            (p(Tab), Action::ToggleFocus),
            (p(BackTab), Action::ToggleFocus),
            (p(Enter), Action::Activate),
            (p(Char(']')), Action::NextSection),
            (p(Char('[')), Action::PrevSection),
            (p(Char('/')), Action::StartSearch),
            (p(Char('n')), Action::NextMatch),
            (p(Char('N')), Action::PrevMatch),
            (p(Char('w')), Action::ToggleRegions),
            (p(Char('L')), Action::ToggleLinks),
            (p(Char('D')), Action::Define),
            (p(Char('?')), Action::ToggleHelp),
            (p(Esc), Action::Cancel),
            (p(Char('q')), Action::Quit),
            (Key::ctrl('c'), Action::Quit),
            // The view script and the compare view.
            (p(Char('c')), Action::CycleView),
            (p(Char('C')), Action::ToggleCompare),
            // Notes (issue 4).
            (p(Char('J')), Action::CursorDown),
            (p(Char('K')), Action::CursorUp),
            (p(Char('a')), Action::AddNote),
            (p(Char('e')), Action::EditNote),
            (p(Char('t')), Action::EditTags),
            (p(Char('d')), Action::DeleteNote),
            (p(Char('u')), Action::UndoDelete),
            (p(Char('o')), Action::ToggleNotes),
            (p(Char('M')), Action::NotesPane),
            (p(Char('}')), Action::NextNote),
            (p(Char('{')), Action::PrevNote),
            // Passages (issue 12).
            (p(Char('v')), Action::StartVisual),
            (p(Char('V')), Action::Reselect),
            (p(Char('y')), Action::Copy),
            (p(Char('Y')), Action::CopyCitation),
            (p(Char('f')), Action::FollowLink),
            (Key::ctrl('o'), Action::JumpBack),
            (p(Char('P')), Action::GoToPage),
            (p(Char('O')), Action::OpenPdf),
            // Library area: marks and themes.
            (p(Char('m')), Action::SetMark),
            (p(Char('\'')), Action::JumpToMark),
            (p(Char('T')), Action::CycleTheme),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// Every binding, in order (the first binding of a key wins).
    pub fn bindings(&self) -> &[(Key, Action)] {
        &self.bindings
    }

    /// Binds `action` to exactly `keys`: its old keys are dropped, and the
    /// keys are taken from whatever other action had them. The action keeps
    /// its place in the help overlay.
    pub fn rebind(&mut self, action: Action, keys: &[Key]) {
        let place = self
            .bindings
            .iter()
            .position(|(_, a)| *a == action)
            .unwrap_or(self.bindings.len());
        let before = self.bindings[..place]
            .iter()
            .filter(|(k, a)| *a == action || keys.contains(k))
            .count();
        self.bindings
            .retain(|(k, a)| *a != action && !keys.contains(k));
        let at = place - before;
        for (i, key) in keys.iter().enumerate() {
            self.bindings.insert(at + i, (*key, action));
        }
    }

    /// The action bound to a key press in normal mode. Key releases and
    /// repeats reported by some terminals are not presses.
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The name of the first key bound to `action`, for hints.
    pub fn key_for(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|(_, a)| *a == action)
            .map(|(k, _)| k.label())
    }

    /// Rows of the help overlay: the keys of each action, in binding order,
    /// with what the action does.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for (key, action) in &self.bindings {
            match rows.iter_mut().find(|(a, _)| a == action) {
                Some((_, keys)) => keys.push(key.label()),
                None => rows.push((*action, vec![key.label()])),
            }
        }
        rows.into_iter()
            .map(|(a, keys)| (keys.join(" "), a.description()))
            .collect()
    }
}

/// What a count before a key does, for the help overlay.
pub const COUNT_HELP: (&str, &str) = ("1-9…", "a count before a move repeats it (5j, 3], 2n)");

/// Keys of the search being typed, for the help overlay; they are fixed
/// because typed text must reach the query.
pub const SEARCH_HELP: [(&str, &str); 3] = [
    ("Enter", "while searching: keep the matches"),
    ("Esc", "while searching: clear the search"),
    ("↓ ↑", "while searching: next / previous match"),
];

/// The action of a key press while a search is being typed: text goes into
/// the query, a few keys edit or end it.
pub fn search_input_action(event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = Key::from_event(event);
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Action::Quit),
        KeyCode::Char(c) if key.modifiers.is_empty() => Some(Action::SearchInput(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchConfirm),
        KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Down => Some(Action::NextMatch),
        KeyCode::Up => Some(Action::PrevMatch),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shifted_characters_match_without_shift() {
        let km = Keymap::default();
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.action(&g), Some(Action::Bottom));
    }

    #[test]
    fn releases_are_ignored() {
        let km = Keymap::default();
        let mut e = press(KeyCode::Char('j'), KeyModifiers::NONE);
        e.kind = KeyEventKind::Release;
        assert_eq!(km.action(&e), None);
    }

    #[test]
    fn help_lists_each_action_once_with_all_its_keys() {
        let rows = Keymap::default().help_rows();
        let down: Vec<_> = rows
            .iter()
            .filter(|(_, d)| d.contains("scroll down"))
            .collect();
        assert_eq!(down.len(), 1);
        assert_eq!(down[0].0, "j ↓");
        assert!(rows.iter().any(|(k, _)| k == "q Ctrl-C"));
    }

    #[test]
    fn rebinding_replaces_keys_in_place_and_takes_them_from_others() {
        let mut km = Keymap::default();
        let place = |km: &Keymap| {
            km.help_rows()
                .iter()
                .position(|(_, d)| *d == Action::Down.description())
        };
        let was = place(&km);
        km.rebind(
            Action::Down,
            &[Key::plain(KeyCode::Char('k')), Key::ctrl('e')],
        );
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        let k = press(KeyCode::Char('k'), KeyModifiers::NONE);
        let ctrl_e = press(KeyCode::Char('e'), KeyModifiers::CONTROL);
        assert_eq!(km.action(&j), None);
        assert_eq!(km.action(&k), Some(Action::Down));
        assert_eq!(km.action(&ctrl_e), Some(Action::Down));
        assert_eq!(km.key_for(Action::Up).as_deref(), Some("↑"));
        assert_eq!(place(&km), was);
    }

    #[test]
    fn typing_a_search_takes_letters_bound_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(search_input_action(&q), Some(Action::SearchInput('q')));
    }
}
