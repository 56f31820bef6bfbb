//! Lists: bulleted items, and numbered items where the text announces a
//! list (a colon) or continues one; elsewhere a number opens a heading.

use super::headings::{arabic_ordinal, bullet, numbering};

/// Whether a list is open, and of which kind: numbers continue a list only
/// after a colon or after items numbered the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    /// No list: a number opens a heading.
    None,
    /// A line ending with a colon announced a list.
    Announced,
    /// Bulleted items so far.
    Bullets,
    /// Items numbered in the family of this rank so far, and the number of
    /// the last one when the family counts in arabic numbers.
    Numbers(u8, Option<u32>),
}

impl List {
    /// The list marker opening `line`, and the list it leaves open.
    pub(super) fn item(self, line: &str) -> Option<(&str, List)> {
        if let Some((marker, _)) = bullet(line) {
            return Some((marker, List::Bullets));
        }
        let number = numbering(line)?;
        let ordinal = arabic_ordinal(line);
        // "1." after item 2 starts something new: a heading, not item 3.
        let continues = match self {
            List::Announced => true,
            List::Numbers(rank, last) => {
                rank == number.rank
                    && match (last, ordinal) {
                        (Some(last), Some(n)) => n == last + 1,
                        _ => true,
                    }
            }
            List::None | List::Bullets => false,
        };
        let marker = line.get(..line.len() - number.body.len())?.trim_end();
        continues.then_some((marker, List::Numbers(number.rank, ordinal)))
    }

    /// The list state after a line that is no list item.
    pub(super) fn after(self, line: &str, is_item: bool) -> List {
        if line.ends_with(['：', ':']) {
            List::Announced
        } else if is_item {
            self
        } else {
            List::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::headings::rank::ARABIC;
    use super::*;

    #[test]
    fn a_number_is_an_item_only_inside_an_announced_or_numbered_list() {
        assert_eq!(List::None.item("1. 降低關稅"), None);
        assert_eq!(
            List::Announced.item("1. 降低關稅"),
            Some(("1.", List::Numbers(ARABIC, Some(1))))
        );
        assert_eq!(
            List::Numbers(ARABIC, Some(1)).item("2. 開放市場"),
            Some(("2.", List::Numbers(ARABIC, Some(2))))
        );
        assert_eq!(List::Numbers(ARABIC, Some(1)).item("（一）經貿"), None);
        assert_eq!(List::Bullets.item("2. Outlook"), None);
        assert_eq!(List::None.item("• 關稅"), Some(("•", List::Bullets)));
    }

    #[test]
    fn a_number_that_does_not_count_on_ends_the_list() {
        assert_eq!(
            List::Numbers(ARABIC, Some(2)).item("1. AI Summarisation"),
            None
        );
        assert_eq!(
            List::Numbers(ARABIC, Some(3)).item("3. Human Outputs"),
            None
        );
    }

    #[test]
    fn a_colon_announces_a_list_and_prose_closes_it() {
        assert_eq!(List::None.after("要求如下：", false), List::Announced);
        assert_eq!(List::Bullets.after("continued", true), List::Bullets);
        assert_eq!(List::Bullets.after("正文。", false), List::None);
    }
}
