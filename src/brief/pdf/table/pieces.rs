//! Pieces: the runs of one band that read as one text, parted at gaps
//! wide enough to part cells and at the left edges of columns.

use std::collections::HashMap;

use super::super::extract::Run;
use super::super::order::{self, Line};

/// A gap this many ems wide between runs on one band separates two cells.
const CELL_GAP_EMS: f32 = 0.5;
/// A left edge where this many pieces start is a column's.
const MIN_EDGE_STARTS: usize = 3;

/// Runs of one band close enough to read as one piece of text.
pub(super) struct Piece<'a> {
    pub(super) line: Line,
    pub(super) runs: Vec<&'a Run>,
}

/// Splits a band (sorted left to right) at gaps wide enough to part cells.
pub(super) fn pieces<'a>(band: &[&'a Run]) -> Vec<Piece<'a>> {
    let mut out: Vec<Vec<&Run>> = Vec::new();
    for &run in band {
        match out.last_mut() {
            Some(piece)
                if piece.last().is_some_and(|last| {
                    run.x0 - last.x1 <= CELL_GAP_EMS * last.size.max(run.size).max(1.0)
                        || spaced_letters(last, run)
                }) =>
            {
                piece.push(run)
            }
            _ => out.push(vec![run]),
        }
    }
    out.into_iter()
        .map(|runs| Piece {
            line: order::make_line(&runs),
            runs,
        })
        .collect()
}

/// Splits pieces where one of their runs starts at a left edge that starts
/// several pieces of the page: a cell's text that comes closer than a gap
/// to the next column's is still two cells.
pub(super) fn split_at_edges(bands: &mut [Vec<Piece>]) {
    let key = |x: f32| (x * 2.0).round() as i32;
    let mut starts: HashMap<i32, usize> = HashMap::new();
    for piece in bands.iter().flatten() {
        *starts.entry(key(piece.line.x0)).or_default() += 1;
    }
    let edge = |x: f32| {
        (-1..=1).any(|d| {
            starts
                .get(&(key(x) + d))
                .is_some_and(|&n| n >= MIN_EDGE_STARTS)
        })
    };
    for band in bands.iter_mut() {
        if !band
            .iter()
            .any(|p| p.runs.iter().skip(1).any(|r| edge(r.x0)))
        {
            continue;
        }
        let mut split = Vec::with_capacity(band.len() + 1);
        for piece in band.drain(..) {
            let mut part: Vec<&Run> = Vec::new();
            for run in piece.runs {
                let cut = part
                    .last()
                    .is_some_and(|last| run.x0 >= last.x1 && edge(run.x0));
                if cut {
                    let runs = std::mem::take(&mut part);
                    split.push(Piece {
                        line: order::make_line(&runs),
                        runs,
                    });
                }
                part.push(run);
            }
            split.push(Piece {
                line: order::make_line(&part),
                runs: part,
            });
        }
        *band = split;
    }
}

/// True for two single characters set apart on one line: a word set
/// letter-spaced ("議   程"), not two cells.
fn spaced_letters(a: &Run, b: &Run) -> bool {
    let single = |r: &Run| r.text.trim().chars().count() == 1;
    single(a) && single(b)
}
