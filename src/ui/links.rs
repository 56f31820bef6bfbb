//! The list `f` shows when the cursor's paragraph has several links: each
//! link as written, with where it leads.

use ratatui::Frame;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::text::clean;
use crate::app::App;
use crate::app::links::{LinkList, LinkTarget};

/// Longest part of a footnote's text shown after its mark.
const GLIMPSE_COLUMNS: usize = 60;

pub(super) fn draw(frame: &mut Frame, app: &App, list: &LinkList) {
    let theme = &app.theme;
    let lines: Vec<Line> = list
        .links
        .iter()
        .enumerate()
        .map(|(i, (text, target))| {
            let leads = match target {
                LinkTarget::Block(block) => glimpse(&app.doc.text(*block)),
                LinkTarget::External(url) if url != text => format!("opens {url}"),
                LinkTarget::External(_) => "opens in the browser".to_string(),
                LinkTarget::Unfollowable(why) => why.clone(),
            };
            let style = if i == list.selected {
                theme.overlay.add_modifier(Modifier::REVERSED)
            } else {
                theme.overlay
            };
            Line::from(vec![
                Span::styled(format!(" {} ", i + 1), theme.overlay_key),
                Span::styled(format!("{}  ", clean(text)), style),
                Span::styled(clean(&leads).into_owned(), theme.overlay),
            ])
        })
        .collect();
    let area = frame.area();
    let widest = lines.iter().map(Line::width).max().unwrap_or(0) + 2;
    let width = u16::try_from(widest.max(44))
        .unwrap_or(u16::MAX)
        .min(area.width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let popup = super::notes::centered(area, width, height);
    // Rows past the box's height follow the selection.
    let shown = usize::from(height.saturating_sub(2)).max(1);
    let skip = (list.selected + 1).saturating_sub(shown);
    let block = Block::bordered()
        .title(" Links · j k move · Enter follows · Esc closes ")
        .style(theme.overlay)
        .border_style(theme.overlay_border);
    super::notes::clear_box(frame, popup);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()).block(block),
        popup,
    );
}

/// The start of a note's text, cut to a glimpse.
fn glimpse(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if (out.as_str().width() + 1) >= GLIMPSE_COLUMNS {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}
