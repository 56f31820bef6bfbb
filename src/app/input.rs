//! Keys and the mouse to actions: the mode decides which keys mean what,
//! a count typed before a key repeats it, and Esc read together with the
//! next key (as Alt+key) is taken apart again.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::{Action, App, MAX_COUNT, Mode, WHEEL_LINES, visual};
use crate::keys::keymap;

impl App {
    /// The action a key press asks for in the current mode.
    pub fn key_action(&self, event: &KeyEvent) -> Option<Action> {
        if self.notes.overlay.is_some() {
            return App::overlay_key_action(event);
        }
        if self.resume.pending.is_some() {
            return self.resume.pending_key_action(event);
        }
        match self.mode {
            Mode::Search => keymap::search_input_action(event),
            Mode::Visual => visual::visual_input_action(event),
            Mode::Normal | Mode::Help | Mode::Define => self.keymap.action(event),
        }
    }

    /// Handles a key press: finds its action and applies it.
    pub fn handle_key(&mut self, event: &KeyEvent) {
        // What the last key said is old news once another key is pressed;
        // the key's own message, if any, is set below.
        self.notes.message = None;
        self.resume.message = None;
        // In the help overlay `q` closes the overlay (as Esc does), so the
        // key that quits needs its own way out: Ctrl-C quits from anywhere.
        if self.mode == Mode::Help && is_ctrl_c(event) {
            self.quit = true;
            return;
        }
        // Esc and the next key in one read (typed quickly, or pasted)
        // arrive as Alt+key; nothing is bound to most of those, so they are
        // taken as the two keys they were.
        if let Some(plain) = split_alt(event)
            && self.key_action(event).is_none()
        {
            let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
            if let Some(action) = self.key_action(&esc) {
                self.apply(action);
            }
            if let Some(action) = self.key_action(&plain) {
                self.apply(action);
            }
            return;
        }
        if self.take_count_digit(event) {
            return;
        }
        let count = self.count.take();
        self.count_arg = count;
        if let Some(action) = self.key_action(event) {
            let times = if action.takes_count() {
                count.unwrap_or(1)
            } else {
                1
            };
            for _ in 0..times {
                self.apply(action);
            }
        }
    }

    /// Adds a digit to the count typed before a key, in the normal mode
    /// and when the digit is not bound to anything; a leading 0 is not a
    /// count. True when the key was taken.
    fn take_count_digit(&mut self, event: &KeyEvent) -> bool {
        let KeyCode::Char(c) = event.code else {
            return false;
        };
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        let normal = self.mode == Mode::Normal
            && self.notes.overlay.is_none()
            && self.resume.pending.is_none();
        if !normal
            || !(event.modifiers - KeyModifiers::SHIFT).is_empty()
            || (d == 0 && self.count.is_none())
            || self.keymap.action(event).is_some()
        {
            return false;
        }
        let n = self.count.unwrap_or(0) * 10 + d as usize;
        self.count = Some(n.min(MAX_COUNT));
        true
    }

    /// The action a mouse event asks for.
    pub fn mouse_action(&self, event: &MouseEvent) -> Option<Action> {
        let (column, row) = (event.column, event.row);
        match event.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                column,
                row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                column,
                row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
            _ => None,
        }
    }
}

/// Whether a key press is Ctrl-C, which quits from anywhere.
fn is_ctrl_c(event: &KeyEvent) -> bool {
    event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL)
}

/// The key without Alt, for an Alt+character press.
fn split_alt(event: &KeyEvent) -> Option<KeyEvent> {
    let KeyCode::Char(_) = event.code else {
        return None;
    };
    let rest = event.modifiers - KeyModifiers::ALT;
    (event.modifiers.contains(KeyModifiers::ALT) && !rest.contains(KeyModifiers::CONTROL))
        .then(|| KeyEvent::new(event.code, rest))
}
