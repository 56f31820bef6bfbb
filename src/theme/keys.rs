//! The keys of a theme file, one per style of [`Theme`]. One table drives
//! parsing, listing and the no-color rules, so a new style is one line here.

use ratatui::style::Style;

use super::Theme;

/// A style a theme file can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeKey {
    /// The key as written in a theme file.
    pub name: &'static str,
    /// What it styles, for `gloss themes --keys` and the README.
    pub doc: &'static str,
    /// Whether the part is told apart by its background (a selection, a
    /// match, a bar); without colors it is shown reversed instead.
    pub marks_by_background: bool,
}

macro_rules! theme_keys {
    ($($name:literal => $field:ident $([$index:literal])?, $marks:literal, $doc:literal;)*) => {
        /// Every key of a theme file, in the order the README lists them.
        pub const THEME_KEYS: &[ThemeKey] = &[
            $(ThemeKey { name: $name, doc: $doc, marks_by_background: $marks },)*
        ];

        /// The style a theme key names, to read or set it.
        pub fn style_mut<'a>(theme: &'a mut Theme, key: &str) -> Option<&'a mut Style> {
            match key {
                $($name => Some(&mut theme.$field $([$index])?),)*
                _ => None,
            }
        }
    };
}

theme_keys! {
    "header_title" => header_title, false, "the brief's title in the header";
    "header_meta" => header_meta, false, "authors, date and series in the header";
    "list_entry" => list_entry, false, "an entry of the section list";
    "list_matter" => list_matter, false, "front and back matter in the section list";
    "list_selected_focused" => list_selected_focused, true, "the current section while the list has the focus";
    "list_selected" => list_selected, false, "the current section while the body has the focus";
    "divider" => divider, false, "the line between the section list and the body";
    "heading1" => headings[0], false, "top-level headings in the body";
    "heading2" => headings[1], false, "second-level headings";
    "heading3" => headings[2], false, "third-level and deeper headings";
    "body" => body, false, "running text";
    "emphasis" => emphasis, false, "emphasised text";
    "strong" => strong, false, "strongly emphasised text";
    "code" => code, false, "inline code and code blocks";
    "link" => link, false, "the text of a link";
    "link_url" => link_url, false, "a link's address under its paragraph";
    "list_marker" => list_marker, false, "list bullets and numbers";
    "quote_bar" => quote_bar, false, "the bar in front of quoted text";
    "quote" => quote, false, "quoted text";
    "caption" => caption, false, "captions and source lines";
    "footnote" => footnote, false, "footnotes";
    "table_header" => table_header, false, "a table's header row";
    "table_border" => table_border, false, "the lines between table columns";
    "search_match" => search_match, true, "every search match";
    "search_current" => search_current, true, "the match n/N moved to";
    "status" => status, true, "the status bar";
    "status_key" => status_key, true, "key names in the status bar";
    "status_search" => status_search, true, "the search prompt in the status bar";
    "status_warning" => status_warning, true, "a warning in the status bar";
    "overlay" => overlay, false, "the help overlay's text";
    "overlay_key" => overlay_key, false, "key names in the help overlay";
    "overlay_border" => overlay_border, false, "the help overlay's border and title";
    "note_marker" => note_marker, false, "the mark beside a paragraph with notes";
    "note_text" => note_text, false, "the text of a note";
    "notes_pane" => notes_pane, false, "the notes pane's background";
    "notes_border" => notes_border, false, "the notes pane's border and title";
    "compare_changed" => compare_changed, false, "characters the conversion changed, in the compare view";
    "selection" => selection, true, "the passage selected in visual mode (v)";
    "passage" => passage, false, "a passage that carries a note";
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    /// Names every field without `..`, so adding a field to `Theme` fails
    /// to compile here until the count below (and the table) is updated.
    fn field_count(theme: &Theme) -> usize {
        let Theme {
            header_title: _,
            header_meta: _,
            list_entry: _,
            list_matter: _,
            list_selected_focused: _,
            list_selected: _,
            divider: _,
            headings,
            body: _,
            emphasis: _,
            strong: _,
            code: _,
            link: _,
            link_url: _,
            list_marker: _,
            quote_bar: _,
            quote: _,
            caption: _,
            footnote: _,
            table_header: _,
            table_border: _,
            search_match: _,
            search_current: _,
            status: _,
            status_key: _,
            status_search: _,
            status_warning: _,
            overlay: _,
            overlay_key: _,
            overlay_border: _,
            note_marker: _,
            note_text: _,
            notes_pane: _,
            notes_border: _,
            compare_changed: _,
            selection: _,
            passage: _,
        } = theme;
        36 + headings.len()
    }

    #[test]
    fn every_style_has_exactly_one_key() {
        let mut theme = Theme::default();
        assert_eq!(THEME_KEYS.len(), field_count(&theme));
        // Give each key its own color; if two keys shared a style, the
        // first would be overwritten and read back wrong.
        for (i, key) in THEME_KEYS.iter().enumerate() {
            let slot = style_mut(&mut theme, key.name).unwrap();
            *slot = Style::new().fg(Color::Indexed(i as u8));
        }
        for (i, key) in THEME_KEYS.iter().enumerate() {
            let slot = style_mut(&mut theme, key.name).unwrap();
            assert_eq!(slot.fg, Some(Color::Indexed(i as u8)), "{}", key.name);
        }
        assert!(style_mut(&mut theme, "headings").is_none());
    }
}
