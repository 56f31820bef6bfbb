//! The cells of a table row, kept as one string. A list of strings cost a
//! long table's row about 220 bytes for 60 of text (a list and a small
//! allocation for every cell); this costs the text and one byte a cell.

use serde::{Serialize, Serializer};

use super::{Span, Style};

/// What a table row's text puts between its cells.
pub const ROW_JOIN: &str = " | ";

/// What ends each cell in the string; a NUL in a cell's own text is
/// replaced (it would only have been drawn as a placeholder anyway).
const END: char = '\0';

/// The plain text of each cell of a table row, in order; empty for
/// anything that is not a table row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells(Option<Box<str>>);

impl Cells {
    /// The cells' texts, in order.
    pub fn iter(&self) -> std::str::Split<'_, char> {
        let mut split = self.0.as_deref().unwrap_or("").split(END);
        if self.0.is_none() {
            // No cells at all, rather than one empty cell.
            split.next();
        }
        split
    }

    /// How many cells there are.
    pub fn len(&self) -> usize {
        self.0
            .as_deref()
            .map_or(0, |text| text.matches(END).count() + 1)
    }

    /// Whether there are none (the paragraph is no table row).
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The pieces of the row's text: the cells with [`ROW_JOIN`] between.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        self.iter()
            .enumerate()
            .flat_map(|(i, cell)| [if i == 0 { "" } else { ROW_JOIN }, cell])
    }

    /// Whether a row's `spans` say no more than these cells do: no style,
    /// no footnote reference (found by its bracket), and the text of the
    /// cells joined by [`ROW_JOIN`]. Such a row keeps no spans.
    pub fn say_all_of(&self, spans: &[Span]) -> bool {
        if self.is_empty()
            || spans
                .iter()
                .any(|s| s.style != Style::default() || s.text.contains('['))
        {
            return false;
        }
        let joined = self.pieces().flat_map(str::bytes);
        joined.eq(spans.iter().flat_map(|s| s.text.bytes()))
    }

    /// The cells' texts joined by `separator`.
    pub fn join(&self, separator: &str) -> String {
        match self.0.as_deref() {
            Some(text) => text.replace(END, separator),
            None => String::new(),
        }
    }
}

impl Cells {
    /// The cells `cells`, in a string of exactly their size.
    pub fn from_slice<S: AsRef<str>>(cells: &[S]) -> Cells {
        let size = cells.iter().map(|c| c.as_ref().len() + 1).sum();
        Cells::gather(cells, String::with_capacity(size))
    }

    fn gather<S: AsRef<str>>(cells: impl IntoIterator<Item = S>, mut text: String) -> Cells {
        let mut any = false;
        for cell in cells {
            if any {
                text.push(END);
            }
            any = true;
            for (i, part) in cell.as_ref().split(END).enumerate() {
                if i > 0 {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                text.push_str(part);
            }
        }
        Cells(any.then(|| text.into_boxed_str()))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Cells {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Self {
        Cells::gather(cells, String::new())
    }
}

impl<const N: usize> PartialEq<[&str; N]> for Cells {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.len() == N && self.iter().zip(other).all(|(a, b)| a == *b)
    }
}

impl Serialize for Cells {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_come_back_as_given() {
        let cells: Cells = ["年份", "", "說明 | 註"].into_iter().collect();
        assert_eq!(cells.iter().collect::<Vec<_>>(), ["年份", "", "說明 | 註"]);
        assert_eq!(cells.len(), 3);
        assert!(!cells.is_empty());
        assert_eq!(cells.join(" │ "), "年份 │  │ 說明 | 註");
        assert_eq!(cells, ["年份", "", "說明 | 註"]);
    }

    #[test]
    fn no_cells_differ_from_one_empty_cell() {
        let none = Cells::default();
        assert!(none.is_empty());
        assert_eq!(none.len(), 0);
        assert_eq!(none.iter().count(), 0);
        let one: Cells = [""].into_iter().collect();
        assert!(!one.is_empty());
        assert_eq!(one.iter().collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn a_nul_inside_a_cell_does_not_split_it() {
        let cells: Cells = ["a\0b", "c"].into_iter().collect();
        assert_eq!(cells, ["a\u{FFFD}b", "c"]);
    }

    #[test]
    fn only_plain_spans_of_the_same_text_are_said_by_the_cells() {
        let cells: Cells = ["2025", "出口"].into_iter().collect();
        assert_eq!(cells.pieces().collect::<String>(), "2025 | 出口");
        assert!(cells.say_all_of(&[Span::plain("2025 | 出口")]));
        assert!(cells.say_all_of(&[Span::plain("2025 | "), Span::plain("出口")]));
        assert!(!cells.say_all_of(&[Span::plain("2025  |  出口")]));
        assert!(!cells.say_all_of(&[Span::plain("2025 | 出口[^1]")]));
        let strong = Span {
            text: "2025 | 出口".into(),
            style: Style {
                strong: true,
                ..Style::default()
            },
        };
        assert!(!cells.say_all_of(&[strong]));
        assert!(!Cells::default().say_all_of(&[]));
    }

    #[test]
    fn cells_serialize_as_a_list_of_strings() {
        let cells: Cells = ["x", "y"].into_iter().collect();
        assert_eq!(serde_json::to_string(&cells).unwrap(), r#"["x","y"]"#);
        assert_eq!(serde_json::to_string(&Cells::default()).unwrap(), "[]");
    }
}
