//! Prints a PDF's lines in reading order with their typography, one a line:
//! page, top, x0, size, bold/italic, text. For tuning the PDF rules.
//!
//!     cargo run --example pdf_lines -- FILE.pdf [PAGES]

use gloss::brief::pdf::{extract, order};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: pdf_lines FILE.pdf [PAGES]")?;
    let pages = args.next().and_then(|n| n.parse().ok());
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let extracted = extract::extract(&bytes, pages).map_err(|e| e.to_string())?;
    for (i, page) in extracted.pages.iter().enumerate() {
        for line in order::lines_in_order(&page.runs) {
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
    }
    Ok(())
}
