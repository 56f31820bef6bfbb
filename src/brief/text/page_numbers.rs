//! Page numbers: "- 2 -", "第 2 頁", "第2页", "2 / 10", "Page 2 of 10", and a
//! bare number where a page begins or ends.

use super::chars::{Scan, width_within};

/// True for a page number line: "- 2 -", "第 2 頁", "第2页", "2 / 10",
/// "Page 2 of 10"; a bare number only when `bare` (next to a page break).
pub(super) fn is_page_number(line: &str, bare: bool) -> bool {
    if bare && is_roman_page(line) {
        return true;
    }
    let may_be = line.starts_with(|c: char| {
        c.is_ascii_digit()
            || c.is_numeric()
            || matches!(c, '-' | '‐' | '–' | '—' | '―' | '－' | '第' | 'P' | 'p')
    });
    if !may_be || width_within(line, 24).is_none() {
        return false;
    }
    let dashed = |s: &mut Scan| {
        let dash = |c: char| matches!(c, '-' | '‐' | '–' | '—' | '―' | '－');
        s.eat_if(dash).is_some()
            && s.skip_space().number(4).is_some()
            && s.skip_space().eat_if(dash).is_some()
    };
    let chinese = |s: &mut Scan| {
        let page = |s: &mut Scan| {
            s.eat('第')
                && s.skip_space().number(4).is_some()
                && s.skip_space().eat_if(|c| c == '頁' || c == '页').is_some()
        };
        let total = |s: &mut Scan| {
            s.skip_space()
                .eat_if(|c| matches!(c, '，' | ',' | '/' | '／'));
            s.skip_space().eat('共')
                && s.skip_space().number(4).is_some()
                && s.skip_space().eat_if(|c| c == '頁' || c == '页').is_some()
        };
        page(s) && (s.at_end() || total(s))
    };
    let of_total = |s: &mut Scan| {
        s.number(4).is_some()
            && s.skip_space().eat_if(|c| c == '/' || c == '／').is_some()
            && s.skip_space().number(4).is_some()
    };
    let english = |s: &mut Scan| {
        if !(s.eat_word("page") || s.eat_word("p.")) || s.skip_space().number(4).is_none() {
            return false;
        }
        let mut total = *s;
        total.skip_space();
        if (total.eat_word("of") || total.eat('/')) && total.skip_space().number(4).is_some() {
            *s = total;
        }
        true
    };
    let is = |f: &dyn Fn(&mut Scan) -> bool| {
        let mut s = Scan::new(line);
        f(&mut s) && s.at_end()
    };
    is(&dashed)
        || is(&chinese)
        || is(&of_total)
        || is(&english)
        || (bare && is(&|s| s.number(4).is_some()))
}

/// Front matter is numbered "i", "ii" … "xxx"; a lone one at a page edge is
/// a page number.
fn is_roman_page(line: &str) -> bool {
    (1..=6).contains(&line.len()) && line.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// The page number a page-number line prints: "7" for "- 7 -", "第 7 頁" or
/// "Page 7 of 10", "iv" for "iv"; `None` for any other line.
pub(super) fn page_label(line: &str) -> Option<String> {
    if !is_page_number(line, true) {
        return None;
    }
    if is_roman_page(line) {
        return Some(line.to_string());
    }
    let digits: String = line
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_every_usual_form() {
        for n in [
            "- 2 -",
            "— 12 —",
            "第 2 頁",
            "第2页",
            "第 3 頁，共 10 頁",
            "2 / 10",
            "Page 2 of 10",
            "page 7",
            "p. 4",
        ] {
            assert!(is_page_number(n, false), "{n}");
        }
        assert!(is_page_number("17", true));
        assert!(is_page_number("iv", true));
        assert!(!is_page_number("iv", false));
        assert!(!is_page_number("17", false));
        for not in [
            "2026年",
            "第二章",
            "Page Two",
            "- 2 - 3 -",
            "10 / 2 kilometres",
            "一、前言",
        ] {
            assert!(!is_page_number(not, true), "{not}");
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::page_label;

    #[test]
    fn the_printed_number_is_read_from_each_form() {
        for (line, label) in [
            ("- 7 -", "7"),
            ("第 12 頁，共 30 頁", "12"),
            ("Page 3 of 10", "3"),
            ("3 / 12", "3"),
            ("ii", "ii"),
            ("25", "25"),
        ] {
            assert_eq!(page_label(line).as_deref(), Some(label), "{line}");
        }
        assert_eq!(page_label("Annex"), None);
    }
}
