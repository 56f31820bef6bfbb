//! Footnotes one by one: the small print at a page's foot holds several
//! notes, each opened by its label. Numbered labels count up through the
//! document, so a line opens the next note only when it starts with the next
//! number ("3 G 29 WP169 …" after note 2); a line that starts with some
//! other number ("2016 on the …") goes on the note above.

use super::order::Line;

/// Signs that label footnotes when they are not numbered.
const SIGNS: &[char] = &['*', '†', '‡', '§'];
/// Longest numeric label: no brief has a thousand notes on one count.
const MAX_LABEL_DIGITS: usize = 3;

/// A footnote's label and the text after it ("12 See …" → ("12", "See …")).
pub fn label(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let end = if digits > 0 {
        let rest = &text[digits..];
        // "2.5 percent" or "3,000" is a number in the text, not a label.
        let number_goes_on =
            rest.starts_with(['.', ',']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        if digits > MAX_LABEL_DIGITS || number_goes_on || rest.trim().is_empty() {
            return None;
        }
        digits
    } else {
        let signs = text.len() - text.trim_start_matches(SIGNS).len();
        if signs == 0 || text[signs..].trim().is_empty() {
            return None;
        }
        signs
    };
    Some((&text[..end], text[end..].trim_start()))
}

/// Splits a page's footnote lines into notes; `last` is the number of the
/// last numbered note so far, carried from page to page.
pub fn split<'a>(lines: &'a [Line], last: &mut Option<u32>) -> Vec<&'a [Line]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let number = label(&line.text).and_then(|(l, _)| l.parse::<u32>().ok());
        let signed = label(&line.text).is_some_and(|(l, _)| l.starts_with(SIGNS));
        let next = number.is_some() && number == last.map_or(Some(1), |n| n.checked_add(1));
        let opens = i == 0 || next || signed;
        if opens && i > start {
            out.push(&lines[start..i]);
            start = i;
        }
        if opens && number.is_some() {
            *last = number;
        }
    }
    if start < lines.len() {
        out.push(&lines[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            text: text.to_string(),
            x0: 70.0,
            x1: 500.0,
            top: 700.0,
            bottom: 710.0,
            size: 8.0,
            bold: false,
            italic: false,
            mark_at: None,
            shared: false,
            mixed: false,
        }
    }

    #[test]
    fn labels_are_short_numbers_or_signs_before_the_text() {
        assert_eq!(label("12 See the report"), Some(("12", "See the report")));
        assert_eq!(label("5www.claude.ai"), Some(("5", "www.claude.ai")));
        assert_eq!(
            label("* Not peer reviewed"),
            Some(("*", "Not peer reviewed"))
        );
        assert_eq!(label("2.5 percent of it"), None);
        assert_eq!(label("2016 on the protection"), None);
        assert_eq!(label("and more words"), None);
    }

    #[test]
    fn each_next_number_opens_a_note_and_others_run_on() {
        let lines = [
            line("1 Regulation (EU) 2016/679 of the Parliament and of the Council of 27 April"),
            line("27 April 2016 on the protection of natural persons."),
            line("2 Directive 95/46/EC of the Parliament."),
        ];
        let mut last = None;
        let notes = split(&lines, &mut last);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].len(), 2);
        assert_eq!(last, Some(2));
        // The count goes on over the next page.
        let more = [line("3 G 29 WP169."), line("4 The definition.")];
        assert_eq!(split(&more, &mut last).len(), 2);
        assert_eq!(last, Some(4));
    }
}
