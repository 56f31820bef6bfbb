//! `NO_COLOR` (https://no-color.org): no colors at all, the parts told
//! apart by bold, underline and reverse video alone.

use ratatui::style::{Modifier, Style};

use super::Theme;
use super::keys::{THEME_KEYS, style_mut};

/// Whether the environment asks for no color (`NO_COLOR` set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

impl Theme {
    /// This theme with every color removed. Parts that stand out by their
    /// background (selection, matches, bars) are shown reversed instead, so
    /// they still stand out; every other attribute is kept.
    pub fn without_colors(&self) -> Theme {
        let mut theme = self.clone();
        for key in THEME_KEYS {
            if let Some(style) = style_mut(&mut theme, key.name) {
                let mut plain = Style::new()
                    .add_modifier(style.add_modifier)
                    .remove_modifier(style.sub_modifier);
                if key.marks_by_background {
                    plain = plain.add_modifier(Modifier::REVERSED);
                }
                *style = plain;
            }
        }
        theme
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{BUILTIN_THEMES, builtin};

    #[test]
    fn no_style_keeps_a_color_and_marks_stay_visible() {
        for (name, _) in BUILTIN_THEMES {
            let mut theme = builtin(name).unwrap().without_colors();
            for key in THEME_KEYS {
                let style = style_mut(&mut theme, key.name).unwrap();
                assert_eq!((style.fg, style.bg), (None, None), "{name} {}", key.name);
                if key.marks_by_background {
                    assert!(style.add_modifier.contains(Modifier::REVERSED));
                }
            }
            assert_ne!(theme.search_match, theme.body, "{name}");
            assert_ne!(theme.search_current, theme.search_match, "{name}");
            assert_ne!(theme.list_selected_focused, theme.list_entry, "{name}");
        }
    }

    #[test]
    fn attributes_survive() {
        let theme = Theme::default().without_colors();
        assert!(theme.header_title.add_modifier.contains(Modifier::BOLD));
        assert!(theme.link.add_modifier.contains(Modifier::UNDERLINED));
    }
}
