//! Prints a PDF's lines in reading order with their typography, one a line:
//! page, top, x0, size, bold/italic, text; then the tables found, a row a
//! line. For tuning the PDF rules.
//!
//!     cargo run --example pdf_lines -- FILE.pdf [PAGES]

use gloss::brief::pdf::{extract, order, table};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: pdf_lines FILE.pdf [PAGES]")?;
    let pages = args.next().and_then(|n| n.parse().ok());
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let extracted = extract::extract(bytes, pages).map_err(|e| e.to_string())?;
    let mut carried: Option<Vec<f32>> = None;
    for (i, page) in extracted.pages.iter().enumerate() {
        let (tables, rest) = table::take(&page.runs, carried.as_deref());
        carried = tables.last().map(|t| t.columns.clone());
        for line in order::lines_in_order(&rest) {
            println!(
                "{:>3} {:>6.1} {:>6.1} {:>5.1} {}{} {}",
                i + 1,
                line.top,
                line.x0,
                line.size,
                if line.bold { 'B' } else { '-' },
                if line.italic { 'I' } else { '-' },
                gloss::brief::decode::clean_fragment(&line.text)
            );
        }
        for found in tables {
            println!("{:>3} table at {:.1}", i + 1, found.top);
            for row in found.rows {
                let cells: Vec<_> = row
                    .cells
                    .iter()
                    .map(|c| gloss::brief::decode::clean_fragment(c))
                    .collect();
                println!(
                    "    {}{}",
                    if row.header { "H " } else { "" },
                    cells.join(" | ")
                );
            }
        }
    }
    Ok(())
}
