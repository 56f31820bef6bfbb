//! Notes on screen: the gutter (paragraph cursor and note markers), note
//! lines under paragraphs, the status message, the note editor, the tag
//! line and the notes pane.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::text::clean;
use crate::app::editor::Editor;
use crate::app::notes::overlay::{NoteEditor, Overlay, Pane, TagEditor};
use crate::app::{App, LineKind, VisualLine};
use crate::notes::{AnchorStatus, NoteView};

/// The mark beside a paragraph that has notes.
pub const NOTE_MARK: &str = "✎";
/// The mark of the paragraph cursor.
pub const CURSOR_MARK: &str = "▎";

/// The screen line of a note under its paragraph; `None` for other lines.
/// `picked` is which of the block's notes the note keys act on
/// ([`App::selected_note_index`], asked once per block).
pub(super) fn note_line(
    app: &App,
    block: usize,
    vl: &VisualLine,
    picked: Option<usize>,
) -> Option<Line<'static>> {
    let LineKind::Note { note, first } = vl.kind else {
        return None;
    };
    let text = app.note_text(block, note)?;
    let part = text.get(vl.range.clone()).unwrap_or("");
    // Of several notes on the cursor's paragraph, the one the note keys
    // act on is marked, so `e` and `d` are never a guess.
    let picked = picked == Some(note);
    let (lead, text_style) = match (first, picked) {
        (true, true) => ("▸ ", app.theme.note_text.add_modifier(Modifier::BOLD)),
        (false, true) => ("  ", app.theme.note_text.add_modifier(Modifier::BOLD)),
        (true, false) => ("✎ ", app.theme.note_text),
        (false, false) => ("  ", app.theme.note_text),
    };
    Some(Line::from(vec![
        Span::styled(lead, app.theme.note_marker),
        Span::styled(clean(part).into_owned(), text_style),
    ]))
}

/// The body's margin column on one row: the cursor bar on the cursor's
/// paragraph, the note mark on the first line of an annotated one.
pub(super) fn gutter(buf: &mut Buffer, app: &App, block: usize, vl: &VisualLine, x: u16, y: u16) {
    if app.notes.session().is_none() || vl.kind == LineKind::Gap {
        return;
    }
    let on_cursor = app.notes.cursor == block;
    let first = matches!(
        vl.kind,
        LineKind::Text { first: true } | LineKind::TableRow { .. } | LineKind::Contents { .. }
    ) && vl.range.start == 0;
    let annotated = first && app.notes.count_on(app.paragraph_id(block)) > 0;
    let style = app.theme.note_marker;
    let (mark, style) = match (annotated, on_cursor) {
        (true, true) => (NOTE_MARK, style.add_modifier(Modifier::REVERSED)),
        (true, false) => (NOTE_MARK, style),
        (false, true) => (CURSOR_MARK, style),
        (false, false) => return,
    };
    if let Some(cell) = buf.cell_mut(Position::new(x, y)) {
        cell.set_symbol(mark).set_style(style);
    }
}

/// Draws the open note overlay, if any.
pub(super) fn draw_overlay(frame: &mut Frame, app: &App) {
    match &app.notes.overlay {
        Some(Overlay::Note(ed)) => draw_editor(frame, app, ed),
        Some(Overlay::Tags(ed)) => draw_tags(frame, app, ed),
        Some(Overlay::Pane(pane)) => draw_pane(frame, app, pane),
        Some(Overlay::Links(list)) => super::links::draw(frame, app, list),
        None => {}
    }
}

/// A box of at most `width`×`height` centered in the frame.
pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (w, h) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears the box and the wide character just left of it, whose right
/// half the box would otherwise cut (the terminal would draw it whole over
/// the box's border).
pub(super) fn clear_box(frame: &mut Frame, popup: Rect) {
    frame.render_widget(Clear, popup);
    if popup.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in popup.top()..popup.bottom() {
        if let Some(cell) = buf.cell_mut(Position::new(popup.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

fn frame_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::bordered()
        .title(clean(&title).into_owned())
        .style(app.theme.notes_pane)
        .border_style(app.theme.notes_border)
}

/// Byte ranges of `line` that fit `width` columns each, cut between
/// graphemes (so a wide character is never split).
fn soft_wrap(line: &str, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, g) in line.grapheme_indices(true) {
        let w = g.width();
        if used + w > width && i > start {
            out.push(start..i);
            start = i;
            used = 0;
        }
        used += w;
    }
    out.push(start..line.len());
    out
}

/// The editor's text as screen rows of `width`, and the cursor's row and
/// column among them.
fn editor_rows(editor: &Editor, width: usize) -> (Vec<String>, (usize, usize)) {
    let (crow, ccol) = editor.cursor();
    let mut rows = Vec::new();
    let mut cursor = (0, 0);
    for (r, line) in editor.lines().iter().enumerate() {
        let chunks = soft_wrap(line, width.max(1));
        let last = chunks.len() - 1;
        for (k, chunk) in chunks.iter().enumerate() {
            let holds = chunk.start <= ccol && (ccol < chunk.end || k == last);
            if r == crow && holds {
                cursor = (rows.len(), line[chunk.start..ccol].width());
            }
            rows.push(line[chunk.clone()].to_string());
        }
    }
    (rows, cursor)
}

fn draw_editor(frame: &mut Frame, app: &App, ed: &NoteEditor) {
    let area = frame.area();
    let popup = centered(area, 72, 14);
    let title = if ed.confirming {
        " Save this note?  y save · n discard · Esc keep editing ".to_string()
    } else if ed.kept {
        " Note kept when gloss was closed · Ctrl-S save · Esc close ".to_string()
    } else {
        " Note · Ctrl-S save · Esc close ".to_string()
    };
    let block = frame_block(app, title);
    let inner = block.inner(popup);
    clear_box(frame, popup);
    frame.render_widget(block, popup);
    if inner.is_empty() {
        return;
    }
    let (rows, (crow, ccol)) = editor_rows(&ed.editor, usize::from(inner.width) - 1);
    let height = usize::from(inner.height);
    let skip = (crow + 1).saturating_sub(height);
    let lines: Vec<Line> = rows
        .iter()
        .skip(skip)
        .map(|r| Line::styled(clean(r).into_owned(), app.theme.note_text))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if !ed.confirming {
        let x = inner.x + u16::try_from(ccol).unwrap_or(0);
        let y = inner.y + u16::try_from(crow - skip).unwrap_or(0);
        frame.set_cursor_position(Position::new(x.min(inner.right() - 1), y));
    }
}

fn draw_tags(frame: &mut Frame, app: &App, ed: &TagEditor) {
    let area = frame.area();
    let popup = centered(area, 64, 4);
    let block = frame_block(
        app,
        " Tags (comma or space) · Tab completes · Enter save · Esc cancel ".to_string(),
    );
    let inner = block.inner(popup);
    clear_box(frame, popup);
    frame.render_widget(block, popup);
    if inner.is_empty() {
        return;
    }
    let text = ed.editor.text();
    let (_, column) = ed.editor.cursor_column();
    let width = usize::from(inner.width).saturating_sub(1).max(1);
    // Keep the cursor in view on a long line.
    let skip_cols = column.saturating_sub(width);
    let mut shown = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        used += g.width();
        if used > skip_cols {
            shown.push_str(g);
        }
    }
    let mut lines = vec![Line::styled(
        clean(&shown).into_owned(),
        app.theme.note_text,
    )];
    let word = ed.editor.current_word();
    if !word.is_empty() {
        let hints: Vec<String> = ed
            .known
            .iter()
            .filter(|t| t.starts_with(word) && t.as_str() != word)
            .take(6)
            .map(|t| format!("#{t}"))
            .collect();
        lines.push(Line::styled(hints.join(" "), app.theme.overlay_key));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + u16::try_from(column - skip_cols).unwrap_or(0);
    frame.set_cursor_position(Position::new(x.min(inner.right() - 1), inner.y));
}

/// `text` on one line in at most `width` columns, cut with `…`.
pub fn truncate(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.width() <= width {
        return one_line;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in one_line.graphemes(true) {
        if used + g.width() + 1 > width {
            break;
        }
        used += g.width();
        out.push_str(g);
    }
    out.push('…');
    out
}

/// Rows each note takes in the pane.
const ROWS_PER_NOTE: usize = 3;

fn draw_pane(frame: &mut Frame, app: &App, pane: &Pane) {
    let area = frame.area();
    let popup = centered(
        area,
        // The whole width: on a wide terminal quotes and paths fit.
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    let Some(session) = app.notes.session() else {
        return;
    };
    let views = session.views();
    let rows: Vec<_> = views
        .iter()
        .filter(|v| crate::app::notes::pane::filter_matches(v, &pane.filter))
        .collect();
    let title = format!(
        " Notes {} of {} · / filter · Enter go · e edit · d delete · r re-attach to cursor · Esc close ",
        rows.len(),
        views.len()
    );
    let block = frame_block(app, title);
    let inner = block.inner(popup);
    clear_box(frame, popup);
    frame.render_widget(block, popup);
    if inner.is_empty() {
        return;
    }
    let theme = &app.theme;
    let width = usize::from(inner.width);
    let cursor = if pane.typing { "▏" } else { "" };
    let first_line = match &pane.confirm_delete {
        Some((_, author)) => format!(
            "delete {}'s note? y deletes it, any other key keeps it",
            clean(author)
        ),
        None => format!("filter: {}{cursor}", clean(&pane.filter)),
    };
    let mut lines = vec![Line::styled(first_line, theme.overlay_key)];
    if rows.is_empty() {
        lines.push(Line::styled("no notes here", theme.notes_pane));
    }
    let per_page = (usize::from(inner.height).saturating_sub(1) / ROWS_PER_NOTE).max(1);
    let first = pane.selected.saturating_sub(per_page - 1);
    for (k, view) in rows.iter().enumerate().skip(first).take(per_page) {
        let note = view.note;
        let (mark, status) = match view.resolution.status {
            AnchorStatus::Anchored => (NOTE_MARK, ""),
            AnchorStatus::NeedsReview => ("?", "[needs review] "),
            AnchorStatus::Orphan => ("✗", "[orphan: lost its paragraph] "),
        };
        // Where the note is now, else where it was made: a note made before
        // the front matter had a name has no section stored.
        let section = view
            .resolution
            .position
            .and_then(|i| session.map().section(i))
            .unwrap_or(&note.anchor.section);
        let section = if section.is_empty() {
            "(no section)".to_string()
        } else {
            section.join(" › ")
        };
        let time = note.modified.strftime("%Y-%m-%d %H:%M UTC").to_string();
        let tags: Vec<String> = note.tags.iter().map(|t| format!("#{t}")).collect();
        let selected = k == pane.selected;
        let base = if selected {
            theme.notes_pane.add_modifier(Modifier::REVERSED)
        } else {
            theme.notes_pane
        };
        // What matters most comes first, so a cut line keeps it: the
        // status, the tags, the date, and the section path last.
        let mut facts: Vec<String> = Vec::new();
        if let Some(author) = view.from_other {
            facts.push(author.to_string());
        }
        if let Some(editor) = &note.modified_by {
            facts.push(format!("edited by {editor}"));
        }
        if !tags.is_empty() {
            facts.push(tags.join(" "));
        }
        if let Some(page) = page_of(app, view) {
            facts.push(format!("p. {page}"));
        }
        facts.push(time);
        facts.push(section);
        let head = format!("{mark} {status}{}", facts.join(" · "));
        lines.push(Line::styled(
            clean(&truncate(&head, width)).into_owned(),
            base,
        ));
        // A passage note quotes its passage, else the paragraph.
        let quote = match &note.anchor.passage {
            Some(p) => format!("“{}”", p.exact),
            None => format!("“{}”", note.anchor.quote),
        };
        let inner_width = width.saturating_sub(2);
        lines.push(Line::styled(
            format!("  {}", clean(&truncate(&quote, inner_width))),
            base.patch(Style::new().add_modifier(Modifier::DIM)),
        ));
        lines.push(Line::styled(
            format!("  {}", clean(&truncate(&note.text, inner_width))),
            base.patch(theme.note_text),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The first printed page of the paragraph a note is on now, for citing.
fn page_of<'a>(app: &'a App, view: &NoteView) -> Option<&'a str> {
    let map = app.notes.session()?.map();
    let at = map.position_of(view.resolution.paragraph.as_deref()?)?;
    map.paragraph(at)?.pages.first().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_wide_characters_and_ends_with_an_ellipsis() {
        assert_eq!(truncate("美中關係", 8), "美中關係");
        assert_eq!(truncate("美中關係", 7), "美中關…");
        assert_eq!(truncate("a\nb  c", 10), "a b c");
    }

    #[test]
    fn soft_wrap_never_splits_a_wide_character() {
        assert_eq!(soft_wrap("ab美中", 3), vec![0..2, 2..5, 5..8]);
        assert_eq!(soft_wrap("", 3), vec![0..0]);
    }

    #[test]
    fn the_editor_cursor_lands_on_the_wrapped_row() {
        let mut e = Editor::new("美中關係");
        e.left();
        let (rows, cursor) = editor_rows(&e, 4);
        assert_eq!(rows, vec!["美中", "關係"]);
        assert_eq!(cursor, (1, 2));
    }
}
