//! The status bar: where the reader is, the search, key hints, and what
//! the last key did. A message that does not fit after the facts goes on
//! the rows just above the bar, wrapped rather than cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use unicode_width::UnicodeWidthStr;

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
    let path: Vec<String> = app
        .breadcrumb()
        .iter()
        .map(|t| clean(&app.display_text(t)).into_owned())
        .collect();
    // The path leaves room for the facts after it: about 50 columns, and
    // more while a search or a selection has something to say.
    let width = usize::from(area.width);
    let busy = app.search.is_active() || matches!(app.mode, Mode::Search | Mode::Visual);
    let room = if busy {
        width.saturating_sub(80).max(width / 4)
    } else {
        width.saturating_sub(50).max(width / 3)
    };
    let crumbs = breadcrumb(&path, room);
    // Before the whole brief is parsed, its size and the share read are
    // not known yet.
    let (entries, percent) = if app.opening_only {
        (
            "…".to_string(),
            "reading the rest of the brief…".to_string(),
        )
    } else {
        (entries.to_string(), format!("{percent}%"))
    };
    let mut left = vec![Span::styled(
        format!(
            " §{section}/{entries}{crumbs}  {percent}{}  {}",
            top_page(app),
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
        // The mode is shown while typing, when it is off, and when it
        // found other words; otherwise, or while selecting, it would only
        // take room.
        let label = match (app.mode, search.regions) {
            (Mode::Visual, _) => None,
            (_, false) => Some("  as typed"),
            (Mode::Search, true) => Some("  ⇄regions"),
            (_, true) => search.other_words.then_some("  ⇄regions"),
        };
        if let Some(label) = label {
            left.push(Span::styled(label, theme.status));
        }
        if let Some(wrapped) = search.wrapped {
            left.push(Span::styled(
                format!("  {}", wrapped.message()),
                theme.status_warning,
            ));
        }
    }
    if app.mode == Mode::Visual
        && let Some(sel) = app.selection
    {
        left.push(Span::styled(
            format!("  SELECT {} chars", sel.chars().len()),
            theme.status_search,
        ));
    }
    if let Some(n) = app.count {
        left.push(Span::styled(format!("  {n}"), theme.status_key));
    }
    let left = Line::from(left);
    let message = super::message::spans(app);
    let message_width: usize = message.iter().map(Span::width).sum();
    let mut left = left;
    if left.width() + message_width <= width {
        left.spans.extend(message);
    } else {
        draw_long_message(buf, app.screen.status, app.screen.body, &message);
    }
    buf.set_line(area.x, area.y, &left, area.width);
    let hints = hints(app);
    let hints_width = u16::try_from(hints.width()).unwrap_or(u16::MAX);
    let used = u16::try_from(left.width()).unwrap_or(u16::MAX);
    // Hints only where they fit after the facts; the facts matter more.
    if used + 2 + hints_width <= area.width {
        buf.set_line(area.right() - hints_width, area.y, &hints, hints_width);
    }
}

/// Most rows a message may take above the bar.
const MESSAGE_ROWS: usize = 3;

/// Draws `message` on the rows of `body` just above the bar, as many as it
/// needs when wrapped to the bar's width; cut with `…` only past
/// [`MESSAGE_ROWS`].
fn draw_long_message(buf: &mut Buffer, bar: Rect, body: Rect, message: &[Span<'static>]) {
    let style = message
        .iter()
        .map(|s| s.style)
        .find(|s| *s != Style::default())
        .unwrap_or_default();
    let text: String = message.iter().map(|s| s.content.as_ref()).collect();
    let text = format!(" {}", text.trim_start());
    let width = usize::from(bar.width);
    let ranges = crate::layout::wrap(&text, width.saturating_sub(1).max(1));
    let above = usize::from(bar.y.saturating_sub(body.y));
    let room = MESSAGE_ROWS.min(above);
    if room == 0 || message.is_empty() {
        return;
    }
    let mut rows: Vec<String> = ranges
        .iter()
        .take(room)
        .map(|r| text[r.clone()].trim().to_string())
        .collect();
    if let (Some(last), Some(from)) = (rows.last_mut(), ranges.get(room - 1))
        && ranges.len() > room
    {
        *last = cut(text[from.start..].trim(), width.saturating_sub(2));
    }
    let first = bar.y - u16::try_from(rows.len()).unwrap_or(0);
    for (k, row) in rows.iter().enumerate() {
        let y = first + u16::try_from(k).unwrap_or(0);
        let line_area = Rect::new(bar.x, y, bar.width, 1);
        buf.set_style(line_area, style);
        buf.set_string(bar.x, y, " ".repeat(width), style);
        buf.set_line(bar.x, y, &Line::styled(format!(" {row}"), style), bar.width);
    }
}

/// The section path in at most `width` columns, with a leading space:
/// whole when it fits, else with the outer titles cut short, else without
/// the outermost titles; at least the current section, cut to fit.
/// The page of the first paragraph at or below the top of the screen, for
/// citing ("  p. 7"); nothing when the brief has no pages.
fn top_page(app: &App) -> String {
    // A heading or two may stand above the paragraph; a few blocks suffice.
    (app.top.block..app.doc.blocks.len())
        .take(8)
        .find_map(|i| app.doc.paragraph(i))
        .and_then(|p| p.pages.first())
        .map(|page| format!("  p. {}", clean(page)))
        .unwrap_or_default()
}

fn breadcrumb(path: &[String], width: usize) -> String {
    const OUTER: usize = 7;
    let Some((last, _)) = path.split_last() else {
        return String::new();
    };
    if width < 8 {
        return String::new();
    }
    for skip in 0..path.len() {
        let shown = &path[skip..];
        let whole = format!(" {}", shown.join(" › "));
        if whole.width() <= width {
            return whole;
        }
        let (current, outer) = shown.split_last().unwrap_or((last, &[]));
        let mut parts: Vec<String> = outer.iter().map(|t| cut(t, OUTER)).collect();
        let used: usize = parts.iter().map(|p| p.width() + 3).sum::<usize>() + 1;
        if !outer.is_empty() && used + 6 <= width {
            parts.push(cut(current, width - used));
            return format!(" {}", parts.join(" › "));
        }
    }
    format!(" {}", cut(last, width - 1))
}

/// `text` in at most `width` columns, ending with `…` when cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn hints(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let shown: &[(Action, &str)] = match app.mode {
        Mode::Search | Mode::Visual => &[],
        Mode::Help => &[(Action::ToggleHelp, "close")],
        Mode::Define => &[
            (Action::Cancel, "close"),
            (Action::NextSection, "next word"),
        ],
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
    if app.mode == Mode::Visual {
        for (key, what) in [
            ("a", " note  "),
            ("y", " copy  "),
            ("w b h l $ 0", " extend  "),
            ("Esc", " leave  "),
        ] {
            spans.push(Span::styled(key, theme.status_key));
            spans.push(Span::styled(what, theme.status));
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

#[cfg(test)]
mod tests {
    use super::breadcrumb;

    #[test]
    fn the_path_is_whole_when_it_fits_and_cut_when_not() {
        let path = vec!["一、美中關係走向".to_string(), "（二）經貿".to_string()];
        assert_eq!(breadcrumb(&path, 60), " 一、美中關係走向 › （二）經貿");
        assert_eq!(breadcrumb(&path, 24), " 一、美… › （二）經貿");
        assert_eq!(breadcrumb(&path, 12), " （二）經貿");
        assert_eq!(breadcrumb(&path, 4), "");
        // The outermost title (often the brief's own) goes first.
        let deep = vec![
            "数字贸易规则的竞合格局与中国的应对选择".to_string(),
            "一、全球数字贸易规则的演进".to_string(),
            "（二）区域层面：高标准协定不断涌现".to_string(),
        ];
        assert_eq!(breadcrumb(&deep, 26), " 一、全… › （二）区域层面…");
    }
}
