//! Tables set on the page, found from positions alone: columns are x ranges
//! that stay apart by a blank gutter over several rows, rows are bands
//! separated by a blank across every column, and a table is only one when
//! the cells of several rows start side by side (top or middle aligned).
//! Text in columns that do not line up row by row (two columns of prose, a
//! chart's labels) is left to the reading order.

mod pieces;
mod row;

use std::collections::HashSet;

use super::extract::Run;
use super::order;
use pieces::{Piece, pieces, split_at_edges};
use row::is_marker;
pub use row::{Row, join_cell};

/// Two columns are apart by a blank at least this many ems wide: pieces
/// are parted at wider gaps or at a column's edge, so a narrow blank
/// between them is enough.
const GUTTER_EMS: f32 = 0.2;
/// A blank this many ems high across every column ends a row.
const ROW_GAP_EMS: f32 = 0.6;
/// A blank this many ems high ends the table whatever stands below.
const MAX_GAP_EMS: f32 = 3.0;
/// Cells whose tops (or middles) are this near start one row together.
const ALIGN_EMS: f32 = 0.35;
/// Rows with cells side by side that make a table.
const MIN_ROWS: usize = 2;
/// A table has at most this many columns; more is scattered text (or a
/// hostile page), and keeps the work per page bounded.
const MAX_COLUMNS: usize = 32;
/// Beside heads set in the margin stand sections of this many lines on
/// average; a table's cells beside bold labels are mostly shorter.
const SECTION_MIN_LINES: usize = 3;
/// Column heads stand at most this many ems over the first row.
const HEAD_GAP_EMS: f32 = 1.5;
/// A column whose median line is at most this share of its width is
/// ragged: cells, not running text.
const SHORT_SHARE: f32 = 0.6;
/// A column of running text is at least this many ems wide.
const PROSE_MIN_EMS: f32 = 15.0;
/// Lines over the first row that may still belong to the table: its column
/// heads set on a line of their own.
const MAX_HEAD_BANDS: usize = 2;

/// A table as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Top edge of its first line.
    pub top: f32,
    /// Left edge of its first column.
    pub x0: f32,
    /// Right edge of its last column.
    pub x1: f32,
    /// The left edge of each column.
    pub columns: Vec<f32>,
    /// True when it goes on from the last table of the page before.
    pub goes_on: bool,
    /// Its rows, top to bottom.
    pub rows: Vec<Row>,
}

/// Takes the tables off a page: the tables, and the runs left for the
/// reading order. `carried` is the left edges of the columns of the last
/// table on the page before: a table that goes on over the page break may
/// show a single row on this one.
pub fn take(runs: &[Run], carried: Option<&[f32]>) -> (Vec<Table>, Vec<Run>) {
    let mut bands: Vec<Vec<Piece>> = order::bands(runs).iter().map(|b| pieces(b)).collect();
    split_at_edges(&mut bands);
    let mut tables = Vec::new();
    let mut used: HashSet<*const Run> = HashSet::new();
    let mut i = 0;
    let mut floor = 0;
    while i < bands.len() {
        // Only the first table on the page can go on from the page before.
        let head_room = if tables.is_empty() && carried.is_some() {
            bands.len()
        } else {
            MAX_HEAD_BANDS
        };
        let Some((start, end)) = region(&bands, i, floor, head_room) else {
            i += 1;
            continue;
        };
        // A region that is no table is passed over whole: a part of it
        // is no table either.
        i = end;
        floor = end;
        let first = tables.is_empty().then_some(carried).flatten();
        let Some(table) = build(&bands[start..end], first) else {
            continue;
        };
        for piece in bands[start..end].iter().flatten() {
            used.extend(piece.runs.iter().map(|r| *r as *const Run));
        }
        tables.push(table);
    }
    if tables.is_empty() {
        return (tables, runs.to_vec());
    }
    let rest = runs
        .iter()
        .filter(|r| !used.contains(&(*r as *const Run)))
        .cloned()
        .collect();
    (tables, rest)
}

fn em(pieces: &[Piece]) -> f32 {
    pieces.iter().map(|p| p.line.size).fold(1.0, f32::max)
}

/// Merges x ranges into columns: ranges less than a gutter apart are one.
fn columns<'a>(pieces: impl Iterator<Item = &'a Piece<'a>>) -> Vec<(f32, f32)> {
    let mut cols = Vec::new();
    for piece in pieces {
        add_column(&mut cols, piece);
    }
    cols
}

/// Adds a piece's x range to sorted columns, merging those it comes
/// within a gutter of.
fn add_column(cols: &mut Vec<(f32, f32)>, piece: &Piece) {
    let gutter = GUTTER_EMS * piece.line.size.max(1.0);
    let (mut x0, mut x1) = (piece.line.x0, piece.line.x1);
    cols.retain(|&(a, b)| {
        let apart = a - x1 >= gutter || x0 - b >= gutter;
        if !apart {
            x0 = x0.min(a);
            x1 = x1.max(b);
        }
        apart
    });
    let at = cols.partition_point(|&(a, _)| a < x0);
    cols.insert(at, (x0, x1));
}

fn top(band: &[Piece]) -> f32 {
    band.iter()
        .map(|p| p.line.top)
        .fold(f32::INFINITY, f32::min)
}

fn bottom(band: &[Piece]) -> f32 {
    band.iter()
        .map(|p| p.line.bottom)
        .fold(f32::NEG_INFINITY, f32::max)
}

/// The bands from `i` that could hold a table: from a band of two or more
/// pieces down while a gutter stays open, less lines trailing after a row
/// gap, plus up to `head_room` lines just above that keep to the columns
/// (column heads, or a row going on from the page before).
fn region(
    bands: &[Vec<Piece>],
    i: usize,
    floor: usize,
    head_room: usize,
) -> Option<(usize, usize)> {
    if bands[i].len() < 2 || bands[i].len() > MAX_COLUMNS {
        return None;
    }
    let mut end = i + 1;
    let mut low = bottom(&bands[i]);
    let mut cols = columns(bands[i].iter());
    let size = em(&bands[i]);
    while end < bands.len() {
        // Far below, or in larger type (a heading), is past the table.
        let gap = top(&bands[end]) - low;
        if gap > MAX_GAP_EMS * size || em(&bands[end]) > size * 1.1 {
            break;
        }
        let mut wider = cols.clone();
        for piece in &bands[end] {
            add_column(&mut wider, piece);
        }
        if wider.len() < 2 || wider.len() > MAX_COLUMNS {
            break;
        }
        cols = wider;
        low = low.max(bottom(&bands[end]));
        end += 1;
    }
    // A single piece after a blank is text under the table, not a cell.
    while end - i > 1 && bands[end - 1].len() < 2 {
        let gap = top(&bands[end - 1]) - bottom(&bands[end - 2]);
        if gap < ROW_GAP_EMS * em(&bands[end - 1]) {
            break;
        }
        end -= 1;
    }
    let mut start = i;
    let size = bands[i..end]
        .iter()
        .flatten()
        .map(|p| p.line.size)
        .fold(0.0, f32::max);
    while start > floor && i - start < head_room {
        let above = &bands[start - 1];
        let gap = top(&bands[start]) - bottom(above);
        let fits = columns(bands[start - 1..end].iter().flatten()).len()
            == columns(bands[start..end].iter().flatten()).len();
        // Column heads sit close over the table; the rest of a row from the
        // page before may stand as far off as rows stand apart.
        let room = if head_room > MAX_HEAD_BANDS {
            MAX_GAP_EMS
        } else {
            HEAD_GAP_EMS
        };
        if gap > room * size || above.iter().any(|p| p.line.size > size + 0.1) || !fits {
            break;
        }
        start -= 1;
    }
    Some((start, end))
}

/// One row under construction: for each column, its pieces top to bottom.
type Cells<'a, 'b> = Vec<Vec<&'b Piece<'a>>>;

/// The table in these bands, when their cells line up row by row.
fn build(bands: &[Vec<Piece>], carried: Option<&[f32]>) -> Option<Table> {
    let cols = columns(bands.iter().flatten());
    if cols.len() < 2 {
        return None;
    }
    let size = em(&bands[0]);
    let goes_on = carried.is_some_and(|lefts| {
        lefts.len() == cols.len() && lefts.iter().zip(&cols).all(|(a, c)| (a - c.0).abs() < size)
    });
    let column_of = |p: &Piece| {
        cols.iter()
            .position(|&(x0, x1)| p.line.x0 >= x0 - 0.5 && p.line.x1 <= x1 + 0.5)
            .unwrap_or(0)
    };
    // Rows: bands grouped until a blank across every column.
    let mut groups: Vec<Vec<&Vec<Piece>>> = Vec::new();
    let mut low = f32::NEG_INFINITY;
    for band in bands {
        let starts_row = top(band) - low >= ROW_GAP_EMS * em(band);
        match groups.last_mut() {
            Some(group) if !starts_row => group.push(band),
            _ => groups.push(vec![band]),
        }
        low = low.max(bottom(band));
    }
    // A row of single lines that fill every band is a dense table: each
    // band is a row of its own.
    let mut rows: Vec<Cells> = Vec::new();
    for group in groups {
        let split =
            group.len() > 1 && group.iter().all(|b| b.len() >= cols.len()) && ragged(&group, &cols);
        let parts: Vec<Vec<&Vec<Piece>>> = if split {
            group.into_iter().map(|b| vec![b]).collect()
        } else {
            vec![group]
        };
        for part in parts {
            let mut cells: Cells = vec![Vec::new(); cols.len()];
            for piece in part.into_iter().flatten() {
                cells[column_of(piece)].push(piece);
            }
            // Text in one column only, after a blank, goes on a cell above
            // (its next paragraph), unless that row is the head.
            let lone = cells.iter().filter(|c| !c.is_empty()).count() == 1;
            match rows.last_mut() {
                Some(last) if lone && (!bold_cells(last) || bold_cells(&cells)) => {
                    for (into, from) in last.iter_mut().zip(cells) {
                        into.extend(from);
                    }
                }
                _ => rows.push(cells),
            }
        }
    }
    // Two columns, the first of bullets or numbers: a list set with hanging
    // markers.
    let markers = rows
        .iter()
        .filter_map(|r| r[0].first().map(|_| cell_text(&r[0])))
        .all(|c| is_marker(&c));
    if cols.len() == 2 && markers {
        return None;
    }
    // Two columns, the first all set larger beside paragraphs of text: heads
    // set in the margin beside their sections. (Labels in the body's size,
    // bold or not, are a table's.)
    let heads = |cells: &Cells| {
        let body = cells[1..]
            .iter()
            .flatten()
            .map(|p| p.line.size)
            .fold(0.0, f32::max);
        cells[0].iter().all(|p| p.line.size > body * 1.1)
    };
    let beside = rows.iter().flat_map(|r| r[1..].iter().flatten()).count();
    let running = beside >= SECTION_MIN_LINES * rows.len();
    if cols.len() == 2 && running && rows.iter().all(heads) {
        return None;
    }
    // Running text in every column (two columns of prose) needs more rows
    // that start together before it is taken for a table.
    let all_bands: Vec<&Vec<Piece>> = bands.iter().collect();
    let min_rows = if goes_on {
        1
    } else if ragged(&all_bands, &cols) {
        MIN_ROWS
    } else {
        MIN_ROWS + 1
    };
    let side_by_side = rows.iter().filter(|r| aligned(r)).count();
    if side_by_side < min_rows || side_by_side * 2 < rows.len() {
        return None;
    }
    let header = bold_cells(&rows[0]) && rows.iter().skip(1).any(|r| !bold_cells(r));
    Some(Table {
        columns: cols.iter().map(|c| c.0).collect(),
        goes_on,
        top: top(&bands[0]),
        x0: cols[0].0,
        x1: cols[cols.len() - 1].1,
        rows: rows
            .iter()
            .enumerate()
            .map(|(k, cells)| Row {
                cells: cells.iter().map(|c| cell_text(c)).collect(),
                header: header && k == 0,
                cut: false,
            })
            .collect(),
    })
}

/// True when every piece of the row is bold.
fn bold_cells(cells: &Cells) -> bool {
    cells.iter().flatten().all(|p| p.line.bold)
}

/// True when two or more cells of a row start together: their first lines
/// share a top, or the cells share a middle (set vertically centred).
fn aligned(cells: &Cells) -> bool {
    let spans: Vec<(f32, f32, f32)> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let top = c.iter().map(|p| p.line.top).fold(f32::INFINITY, f32::min);
            let bottom = c
                .iter()
                .map(|p| p.line.bottom)
                .fold(f32::NEG_INFINITY, f32::max);
            let size = c.iter().map(|p| p.line.size).fold(1.0, f32::max);
            (top, (top + bottom) / 2.0, size)
        })
        .collect();
    spans.iter().enumerate().any(|(k, a)| {
        spans[k + 1..].iter().any(|b| {
            let near = ALIGN_EMS * a.2.max(b.2);
            (a.0 - b.0).abs() <= near || (a.1 - b.1).abs() <= near
        })
    })
}

/// A cell's lines as one text.
fn cell_text(pieces: &[&Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        join_cell(&mut out, &piece.line.text);
    }
    out
}

/// True when some column is no column of running text: too narrow for it,
/// or its lines mostly stop well short of its width.
fn ragged(bands: &[&Vec<Piece>], cols: &[(f32, f32)]) -> bool {
    cols.iter().any(|&(x0, x1)| {
        let mut widths: Vec<(f32, f32)> = bands
            .iter()
            .flat_map(|b| b.iter())
            .filter(|p| p.line.x0 >= x0 - 0.5 && p.line.x1 <= x1 + 0.5)
            .map(|p| (p.line.x1 - p.line.x0, p.line.size.max(1.0)))
            .collect();
        widths.sort_by(|a, b| a.0.total_cmp(&b.0));
        widths.get(widths.len() / 2).is_some_and(|&(w, size)| {
            x1 - x0 < PROSE_MIN_EMS * size || w <= SHORT_SHARE * (x1 - x0)
        })
    })
}

#[cfg(test)]
mod tests;
