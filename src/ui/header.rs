//! The header: the title, then authors · date · series.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::text::{clean, fit_spans};
use crate::app::App;

pub(super) fn draw(buf: &mut Buffer, app: &App) {
    let area = app.screen.header;
    if area.height == 0 {
        return;
    }
    let meta = &app.doc.brief.meta;
    let theme = &app.theme;
    let title = meta
        .title
        .clone()
        .or_else(|| meta.source.clone())
        .unwrap_or_else(|| "(untitled brief)".to_string());
    let title = app.display_text(&title);
    let mut line = vec![Span::styled(
        format!(" {}", clean(&title)),
        theme.header_title,
    )];
    if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.is_empty()) {
        line.push(Span::styled(
            format!(" — {}", clean(&app.display_text(sub))),
            theme.header_meta,
        ));
    }
    buf.set_style(area, theme.header_meta);
    let width = usize::from(area.width);
    buf.set_line(
        area.x,
        area.y,
        &Line::from(fit_spans(line, width)),
        area.width,
    );
    let facts: Vec<String> = [
        Some(meta.authors.join(", ")),
        meta.date.clone(),
        meta.series.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .map(|s| clean(&app.display_text(&s)).into_owned())
    .collect();
    if area.height > 1 && !facts.is_empty() {
        let line = vec![Span::styled(
            format!(" {}", facts.join(" · ")),
            theme.header_meta,
        )];
        let line = Line::from(fit_spans(line, width));
        buf.set_line(area.x, area.y + 1, &line, area.width);
    }
}
