//! Pandoc's own table syntaxes, which CommonMark reads as paragraphs of
//! border lines (`+-----+`, `------ ----`) and run-together cells, rewritten
//! before parsing:
//!
//! - a grid table (`+---+---+` borders, `| … | … |` rows) of several columns
//!   becomes a pipe table; one of a single column (a boxed case study) is a
//!   frame around text, so its text becomes a block quote;
//! - a multiline table (a full dash line, header lines, a line of column
//!   dashes, rows apart by blank lines, a closing dash line) and a simple
//!   table (a header line over column dashes, one row a line) become pipe
//!   tables, cells cut at the columns the dashes mark (in display width, so
//!   CJK lines up as pandoc wrote it);
//! - a caption line after a table (`: 表 1：…`, `Table: …`) loses its marker.
//!
//! Fenced code is left alone. Linear in the text; copied only when a table
//! is found.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use super::inline::is_cjk;

/// The text with pandoc tables rewritten as Markdown CommonMark reads.
pub(super) fn convert(text: &str) -> Cow<'_, str> {
    if !text.contains("+-") && !text.contains("--- ") && !text.contains(" ---") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Option<String> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut i = 0;
    let mut previous_blank = true;
    while i < lines.len() {
        let body = lines[i].trim_end_matches(['\n', '\r']);
        let rest = body.trim_start_matches(' ');
        let indent = body.len() - rest.len();
        if let Some((ch, len)) = fence {
            let run = rest.bytes().take_while(|&b| b == ch).count();
            if indent <= 3 && run >= len && rest[run..].trim().is_empty() {
                fence = None;
            }
        } else if indent <= 3 && super::dialects::code_fence(rest).is_some() {
            fence = super::dialects::code_fence(rest);
        } else if previous_blank && let Some((mut end, markdown)) = table_at(&lines, i) {
            let copy = out.get_or_insert_with(|| {
                let start: usize = lines[..i].iter().map(|l| l.len()).sum();
                let mut s = String::with_capacity(text.len());
                s.push_str(&text[..start]);
                s
            });
            copy.push_str(&markdown);
            // A caption after one blank line: its text, without the marker.
            let blank_then_caption = lines.get(end).is_some_and(|l| l.trim().is_empty())
                && lines.get(end + 1).and_then(|l| caption_text(l)).is_some();
            if blank_then_caption && let Some(caption) = caption_text(lines[end + 1]) {
                copy.push('\n');
                copy.push_str(caption);
                copy.push('\n');
                end += 2;
            }
            // The block must end before what follows it.
            if lines.get(end).is_some_and(|l| !l.trim().is_empty()) {
                copy.push('\n');
            }
            i = end;
            previous_blank = true;
            continue;
        }
        if let Some(copy) = out.as_mut() {
            copy.push_str(lines[i]);
        }
        previous_blank = body.trim().is_empty();
        i += 1;
    }
    match out {
        Some(copy) => Cow::Owned(copy),
        None => Cow::Borrowed(text),
    }
}

/// A table starting at line `start`: the line after it, and its Markdown.
fn table_at(lines: &[&str], start: usize) -> Option<(usize, String)> {
    let line = trim_line(lines[start]);
    if is_grid_border(line) {
        return grid_table(lines, start);
    }
    if is_full_dashes(line) {
        return multiline_table(lines, start);
    }
    if !line.trim().is_empty()
        && let Some(next) = lines.get(start + 1)
        && column_dashes(trim_line(next)).is_some_and(|c| c.len() >= 2)
    {
        return simple_table(lines, start);
    }
    None
}

fn trim_line(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// `+---+---+`, `+===+`, `+:--+`: a grid table border.
fn is_grid_border(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3
        && line.starts_with('+')
        && line.ends_with('+')
        && line.contains(['-', '='])
        && line.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
}

/// One run of at least three dashes, nothing else: a multiline table's edge.
fn is_full_dashes(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.bytes().all(|b| b == b'-') && line.len() - line.trim_start().len() <= 3
}

/// The display-column ranges of the dash runs of a column-dashes line
/// (`----- ---- ---`), or `None` when the line is something else.
fn column_dashes(line: &str) -> Option<Vec<(usize, usize)>> {
    if line.trim().is_empty() || !line.bytes().all(|b| b == b'-' || b == b' ') {
        return None;
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (i, b) in line.bytes().chain([b' ']).enumerate() {
        match (b, start) {
            (b'-', None) => start = Some(i),
            (b' ', Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    runs.iter().all(|(s, e)| e - s >= 1).then_some(runs)
}

/// A grid table from its top border to the last border.
fn grid_table(lines: &[&str], start: usize) -> Option<(usize, String)> {
    let columns = trim_line(lines[start])
        .trim()
        .matches('+')
        .count()
        .checked_sub(1)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<Vec<String>> = vec![Vec::new(); columns];
    let mut end = start + 1;
    let mut saw_content = false;
    while let Some(raw) = lines.get(end) {
        let line = trim_line(raw).trim();
        if is_grid_border(line) {
            if current.iter().any(|c| !c.is_empty()) {
                rows.push(current.iter().map(|c| join_lines(c)).collect());
            }
            current = vec![Vec::new(); columns];
            end += 1;
            continue;
        }
        if !(line.starts_with('|') && line.ends_with('|') && line.len() >= 2) {
            break;
        }
        saw_content = true;
        let inner = &line[1..line.len() - 1];
        let cells: Vec<&str> = inner.split('|').collect();
        if cells.len() == columns {
            for (cell, text) in current.iter_mut().zip(cells) {
                cell.push(text.trim().to_string());
            }
        } else if let Some(first) = current.first_mut() {
            // A `|` inside a cell's text: keep the line whole in the first cell.
            first.push(inner.trim().to_string());
        }
        end += 1;
    }
    // The table must close with a border; else it is not one.
    if !saw_content || !is_grid_border(trim_line(lines[end - 1]).trim()) {
        return None;
    }
    let markdown = if columns == 1 {
        boxed_text(lines, start, end)
    } else {
        pipe_table(&rows)
    };
    Some((end, markdown))
}

/// The text of a one-column grid table as a block quote, its blank lines
/// and inner borders kept as paragraph breaks.
fn boxed_text(lines: &[&str], start: usize, end: usize) -> String {
    let mut out = String::new();
    let mut needs_break = false;
    for raw in &lines[start..end] {
        let line = trim_line(raw).trim();
        let text = if is_grid_border(line) {
            ""
        } else {
            line[1..line.len() - 1].trim()
        };
        if text.is_empty() {
            needs_break = !out.is_empty();
            continue;
        }
        if needs_break {
            out.push_str(">\n");
            needs_break = false;
        }
        out.push_str("> ");
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// A multiline table: full dashes, header lines, column dashes, rows apart
/// by blank lines, full dashes.
fn multiline_table(lines: &[&str], start: usize) -> Option<(usize, String)> {
    // The column dashes come within a few header lines, none blank.
    let mut dashes_at = None;
    let end = lines.len().min(start + 6);
    for (k, raw) in lines.iter().enumerate().take(end).skip(start + 1) {
        let line = trim_line(raw);
        if line.trim().is_empty() {
            return None;
        }
        if column_dashes(line).is_some_and(|c| c.len() >= 2) {
            dashes_at = Some(k);
            break;
        }
    }
    let dashes_at = dashes_at?;
    let columns = column_dashes(trim_line(lines[dashes_at]))?;
    let header: Vec<&str> = lines[start + 1..dashes_at]
        .iter()
        .map(|l| trim_line(l))
        .collect();
    let close = (dashes_at + 1..lines.len()).find(|&k| is_full_dashes(trim_line(lines[k])))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    if !header.is_empty() {
        rows.push(cut_row(&header, &columns));
    }
    let mut pending: Vec<&str> = Vec::new();
    for raw in &lines[dashes_at + 1..close] {
        let line = trim_line(raw);
        if line.trim().is_empty() {
            if !pending.is_empty() {
                rows.push(cut_row(&pending, &columns));
                pending.clear();
            }
        } else {
            pending.push(line);
        }
    }
    if !pending.is_empty() {
        rows.push(cut_row(&pending, &columns));
    }
    Some((close + 1, pipe_table(&rows)))
}

/// A simple table: a header line, column dashes, one row a line up to a
/// blank line (or a closing dash line).
fn simple_table(lines: &[&str], start: usize) -> Option<(usize, String)> {
    let columns = column_dashes(trim_line(lines[start + 1]))?;
    let mut rows = vec![cut_row(&[trim_line(lines[start])], &columns)];
    let mut end = start + 2;
    while let Some(raw) = lines.get(end) {
        let line = trim_line(raw);
        if line.trim().is_empty() {
            break;
        }
        end += 1;
        if column_dashes(line).is_some() {
            break;
        }
        rows.push(cut_row(&[line], &columns));
    }
    if rows.len() < 2 {
        return None;
    }
    Some((end, pipe_table(&rows)))
}

/// The cells of one row from its lines, cut at the columns' display
/// positions: a column runs from its dashes' start to the next one's.
fn cut_row(lines: &[&str], columns: &[(usize, usize)]) -> Vec<String> {
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    for line in lines {
        let mut parts = vec![String::new(); columns.len()];
        let mut at = 0usize;
        for c in line.chars() {
            let index = columns.iter().rposition(|(s, _)| *s <= at).unwrap_or(0);
            if let Some(part) = parts.get_mut(index) {
                part.push(c);
            }
            at += c.width().unwrap_or(0);
        }
        for (cell, part) in cells.iter_mut().zip(parts) {
            let part = part.trim();
            if !part.is_empty() {
                cell.push(part.to_string());
            }
        }
    }
    cells.iter().map(|c| join_lines(c)).collect()
}

/// The lines of a cell as one text: CJK joined without a space.
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let joins =
            out.chars().next_back().is_some_and(is_cjk) && line.chars().next().is_some_and(is_cjk);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Rows as a pipe table, the first as its header; ends with a line end.
fn pipe_table(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for cell in row {
            out.push(' ');
            out.push_str(&cell.replace('|', "\\|"));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(row.len()));
            out.push('\n');
        }
    }
    out
}

/// The caption text of a pandoc caption line, without its marker.
fn caption_text(line: &str) -> Option<&str> {
    let t = line.trim();
    t.strip_prefix(": ")
        .or_else(|| t.strip_prefix("Table: "))
        .or_else(|| t.strip_prefix("table: "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_column_grid_table_is_a_block_quote() {
        let text = "before\n\n+----------+\n| 案例：CUDA |\n|          |\n| 正文一行。 |\n+==========+\n\nafter\n";
        assert_eq!(
            convert(text),
            "before\n\n> 案例：CUDA\n>\n> 正文一行。\n\nafter\n"
        );
    }

    #[test]
    fn a_grid_table_of_columns_is_a_pipe_table() {
        let text = "+-----+-----+\n| A   | B   |\n+=====+=====+\n| 一  | x   |\n| 二  | y   |\n+-----+-----+\n";
        assert_eq!(convert(text), "| A | B |\n| --- | --- |\n| 一二 | x y |\n");
    }

    #[test]
    fn a_multiline_table_is_a_pipe_table() {
        let text = "  ----------------------------\n   **类型**  **内涵**\n  ---------- -----------------\n    推理变现  按调用收费\n\n    原生SaaS  订阅\n  ----------------------------\n\n  : 表 1：一览\n";
        let out = convert(text);
        assert_eq!(
            out,
            "| **类型** | **内涵** |\n| --- | --- |\n| 推理变现 | 按调用收费 |\n| 原生SaaS | 订阅 |\n\n表 1：一览\n"
        );
    }

    #[test]
    fn a_simple_table_is_a_pipe_table() {
        let text = "Name   Role\n------ -------\nAda    Chair\nAlan   Member\n\ntext\n";
        assert_eq!(
            convert(text),
            "| Name | Role |\n| --- | --- |\n| Ada | Chair |\n| Alan | Member |\n\ntext\n"
        );
    }

    #[test]
    fn thematic_breaks_setext_headings_and_code_stay() {
        let text = "Title\n-----\n\n---\n\n```\n+---+\n| a |\n+---+\n```\n\na --- b\n";
        assert_eq!(convert(text), text);
    }

    #[test]
    fn caption_markers() {
        assert_eq!(caption_text("  : 表 1：一览"), Some("表 1：一览"));
        assert_eq!(caption_text("Table: Results"), Some("Results"));
        assert_eq!(caption_text("plain"), None);
    }
}
