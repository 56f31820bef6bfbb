//! Folding for search: two texts that differ only in letter case or
//! full-width forms fold to the same characters. One char in, one char out,
//! so a hit's char index in the folded text is its index in the original.

/// Folds one character for comparison.
pub fn fold_char(c: char) -> char {
    let c = match c {
        // Full-width ASCII forms sit at a fixed offset from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    }
}
