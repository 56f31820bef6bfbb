//! The status bar: where the reader is, the search, and key hints.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::text::clean;
use crate::app::{Action, App, Mode};

pub(super) fn draw(buf: &mut Buffer, app: &mut App) {
    let area = app.screen.status;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let percent = app.percent();
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    let entries = app.doc.entries.len();
    let section = (app.current_entry() + 1).min(entries);
    let mut left = vec![Span::styled(
        format!(
            " §{section}/{entries}  {percent}%  {}",
            app.doc.brief.meta.encoding
        ),
        theme.status,
    )];
    left.extend(super::view::status_label(app));
    let search = &app.search;
    if app.mode == Mode::Search || search.is_active() {
        let cursor = if app.mode == Mode::Search { "▏" } else { "" };
        left.push(Span::styled(
            format!("  /{}{cursor}", clean(&search.query)),
            theme.status_search,
        ));
        let count = match (search.matches.len(), search.current) {
            (0, _) if search.query.is_empty() => String::new(),
            (0, _) => "no match".to_string(),
            (n, Some(i)) => format!("match {} of {n}", i + 1),
            (n, None) => format!("{n} matches"),
        };
        if !count.is_empty() {
            left.push(Span::styled(format!("  {count}"), theme.status));
        }
        if let Some(wrapped) = search.wrapped {
            left.push(Span::styled(
                format!("  {}", wrapped.message()),
                theme.status_warning,
            ));
        }
    }
    left.extend(super::notes::status_span(app));
    let left = Line::from(left);
    buf.set_line(area.x, area.y, &left, area.width);
    let hints = hints(app);
    let hints_width = u16::try_from(hints.width()).unwrap_or(u16::MAX);
    let used = u16::try_from(left.width()).unwrap_or(u16::MAX);
    // Hints only where they fit after the facts; the facts matter more.
    if used + 2 + hints_width <= area.width {
        buf.set_line(area.right() - hints_width, area.y, &hints, hints_width);
    }
}

fn hints(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let shown: &[(Action, &str)] = match app.mode {
        Mode::Search => &[],
        Mode::Help => &[(Action::ToggleHelp, "close")],
        Mode::Normal => &[
            (Action::ToggleHelp, "help"),
            (Action::StartSearch, "search"),
            (Action::ToggleFocus, "focus"),
            (Action::Quit, "quit"),
        ],
    };
    let mut spans = Vec::new();
    for (action, what) in shown {
        if let Some(key) = app.keymap.key_for(*action) {
            spans.push(Span::styled(key, theme.status_key));
            spans.push(Span::styled(format!(" {what}  "), theme.status));
        }
    }
    if app.mode == Mode::Search {
        spans.push(Span::styled("Enter", theme.status_key));
        spans.push(Span::styled(" keep  ", theme.status));
        spans.push(Span::styled("Esc", theme.status_key));
        spans.push(Span::styled(" clear  ", theme.status));
    }
    Line::from(spans)
}
