//! Drawing the reader's screen from its state: header, section list, body,
//! status bar and the help overlay. Nothing here changes what the reader
//! shows, only how.

mod body;
mod define;
mod header;
mod help;
pub mod library;
mod links;
mod message;
mod notes;
mod passage;
mod sections;
mod status;
mod text;
mod view;

use ratatui::Frame;

use crate::app::{App, Mode};

pub use text::clean;

/// Draws the whole screen. The frame's size is the truth about the
/// terminal, so the app's layout is brought in line with it first.
pub fn draw(frame: &mut Frame, app: &mut App) {
    app.resize(frame.area());
    let buf = frame.buffer_mut();
    header::draw(buf, app);
    if app.view.compare.is_some() {
        view::draw_compare(buf, app);
    } else {
        sections::draw(buf, app);
        body::draw(buf, app);
    }
    status::draw(buf, app);
    if app.mode == Mode::Help {
        help::draw(frame, app);
    }
    if app.mode == Mode::Define {
        define::draw(frame, app);
    }
    notes::draw_overlay(frame, app);
}
