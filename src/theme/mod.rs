//! Theme: the style of every part of the reader's screen. Built-in themes
//! live in `themes/*.toml` (compiled in); user themes in the config folder
//! override the keys they set. Both resolve into the [`Theme`] struct.

mod builtin;
mod catalog;
mod file;
mod keys;
mod nocolor;

use ratatui::style::{Color, Modifier, Style};

pub use builtin::{BUILTIN_THEMES, DEFAULT_THEME, builtin, builtin_source};
pub use catalog::{Origin, ThemeCatalog, ThemeEntry, load_file, select};
pub use file::{Strictness, ThemeError, parse_theme};
pub use keys::{THEME_KEYS, style_mut};
pub use nocolor::no_color_requested;

/// Resolved styles for every part of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The brief's title in the header.
    pub header_title: Style,
    /// Authors, date and series in the header.
    pub header_meta: Style,
    /// An entry of the section list.
    pub list_entry: Style,
    /// Front and back matter entries of the section list.
    pub list_matter: Style,
    /// The current section in the list while the list has the focus.
    pub list_selected_focused: Style,
    /// The current section in the list while the body has the focus.
    pub list_selected: Style,
    /// The line between the section list and the body.
    pub divider: Style,
    /// Section headings in the body, by level (1, 2, 3 and deeper).
    pub headings: [Style; 3],
    /// Ordinary running text.
    pub body: Style,
    /// Emphasised text.
    pub emphasis: Style,
    /// Strongly emphasised text.
    pub strong: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// The text of a link.
    pub link: Style,
    /// A link's address, shown under its paragraph.
    pub link_url: Style,
    /// List markers ("•", "1.").
    pub list_marker: Style,
    /// The bar in front of quoted text.
    pub quote_bar: Style,
    /// Quoted text.
    pub quote: Style,
    /// Captions and source lines.
    pub caption: Style,
    /// Footnotes.
    pub footnote: Style,
    /// A table's header row.
    pub table_header: Style,
    /// The lines between table columns.
    pub table_border: Style,
    /// Every search match.
    pub search_match: Style,
    /// The match `n`/`N` moved to.
    pub search_current: Style,
    /// The status bar.
    pub status: Style,
    /// Key names in the status bar hints.
    pub status_key: Style,
    /// The search prompt in the status bar.
    pub status_search: Style,
    /// The help overlay's text.
    pub overlay: Style,
    /// Key names in the help overlay.
    pub overlay_key: Style,
    /// The help overlay's border and title.
    pub overlay_border: Style,
    /// A warning in the status bar (e.g. a theme that did not load).
    pub status_warning: Style,
    /// The mark beside a paragraph that has notes.
    pub note_marker: Style,
    /// The text of a note.
    pub note_text: Style,
    /// The notes pane's background.
    pub notes_pane: Style,
    /// The notes pane's border and title.
    pub notes_border: Style,
    /// Characters a conversion changed, on the compare view's right side.
    pub compare_changed: Style,
    /// The passage selected in visual mode.
    pub selection: Style,
    /// A passage that carries a note.
    pub passage: Style,
}

impl Theme {
    /// The style of a heading at `level` (1 is the top).
    pub fn heading(&self, level: u8) -> Style {
        let i = usize::from(level.max(1) - 1).min(self.headings.len() - 1);
        self.headings[i]
    }
}

impl Default for Theme {
    /// The built-in `terminal` theme (dark, in the 16 colors of the
    /// terminal's own palette, so it reads on any terminal); a test checks
    /// that `themes/terminal.toml` says exactly the same.
    fn default() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            header_title: Style::new().fg(Color::Yellow).add_modifier(bold),
            header_meta: Style::new().fg(Color::Gray),
            list_entry: Style::new(),
            list_matter: Style::new().fg(Color::DarkGray),
            list_selected_focused: Style::new().fg(Color::Black).bg(Color::Cyan),
            list_selected: Style::new().fg(Color::Cyan).add_modifier(bold),
            divider: Style::new().fg(Color::DarkGray),
            headings: [
                Style::new().fg(Color::Yellow).add_modifier(bold),
                Style::new().fg(Color::Cyan).add_modifier(bold),
                Style::new().fg(Color::Green).add_modifier(bold),
            ],
            body: Style::new(),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(bold),
            code: Style::new().fg(Color::LightGreen),
            link: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            link_url: Style::new().fg(Color::DarkGray),
            list_marker: Style::new().fg(Color::Cyan),
            quote_bar: Style::new().fg(Color::Magenta),
            quote: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            caption: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            footnote: Style::new().fg(Color::Gray),
            table_header: Style::new().add_modifier(bold),
            table_border: Style::new().fg(Color::DarkGray),
            search_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(bold),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            status_key: Style::new()
                .fg(Color::Yellow)
                .bg(Color::DarkGray)
                .add_modifier(bold),
            status_search: Style::new().fg(Color::Black).bg(Color::Yellow),
            overlay: Style::new().fg(Color::White).bg(Color::Black),
            overlay_key: Style::new()
                .fg(Color::Yellow)
                .bg(Color::Black)
                .add_modifier(bold),
            overlay_border: Style::new().fg(Color::Cyan).bg(Color::Black),
            status_warning: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            note_marker: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            note_text: Style::new().fg(Color::White),
            notes_pane: Style::new().bg(Color::Black),
            notes_border: Style::new().fg(Color::Magenta),
            compare_changed: Style::new()
                .fg(Color::LightCyan)
                .add_modifier(Modifier::UNDERLINED),
            selection: Style::new().fg(Color::Black).bg(Color::LightBlue),
            passage: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_headings_share_the_last_style() {
        let t = Theme::default();
        assert_eq!(t.heading(0), t.headings[0]);
        assert_eq!(t.heading(1), t.headings[0]);
        assert_eq!(t.heading(3), t.headings[2]);
        assert_eq!(t.heading(6), t.headings[2]);
    }

    #[test]
    fn a_search_match_stands_out_from_the_body() {
        let t = Theme::default();
        assert_ne!(t.search_match, t.body);
        assert_ne!(t.search_current, t.search_match);
    }
}
