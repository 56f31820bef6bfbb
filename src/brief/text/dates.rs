//! Date lines: "2026年5月13日", "2026-05-13", "May 13, 2026", "13 May 2026",
//! possibly after a label such as "日期：" or "Date:".

use super::chars::Scan;

/// The date, when the whole line is one ("2026年5月13日", "2026-05-13",
/// "May 13, 2026"), possibly after a label such as "日期：" or "Date:".
pub(crate) fn date_of(line: &str) -> Option<&str> {
    let line = line.trim();
    let unlabelled = match line.find(['：', ':']) {
        Some(i)
            if line[..i].chars().count() <= 8 && !line[..i].chars().any(|c| c.is_ascii_digit()) =>
        {
            line[i..].trim_start_matches(['：', ':']).trim()
        }
        _ => line,
    };
    [cjk_date, numeric_date, english_date]
        .iter()
        .any(|parse| {
            let mut s = Scan::new(unlabelled);
            parse(&mut s) && s.at_end()
        })
        .then_some(unlabelled)
}

/// True when `line` opens with a date and goes on after it: "中華民國105年
/// 8月16日行政院…函訂定", "2024-03-01 Version 2 released".
pub(crate) fn opens_with_date(line: &str) -> bool {
    [cjk_date, numeric_date, english_date].iter().any(|parse| {
        let mut s = Scan::new(line.trim());
        parse(&mut s) && !s.at_end()
    })
}

fn cjk_date(s: &mut Scan) -> bool {
    if s.eat_word("民國") || s.eat_word("民国") || s.eat_word("中華民國") || s.eat_word("中华民国")
    {
        s.skip_space();
    }
    let year = s.number(4).is_some() && s.skip_space().eat('年');
    let month = year && s.skip_space().number(2).is_some() && s.skip_space().eat('月');
    if month && s.skip_space().number(2).is_some() {
        return s
            .skip_space()
            .eat_if(|c| c == '日' || c == '號' || c == '号')
            .is_some();
    }
    month
}

fn numeric_date(s: &mut Scan) -> bool {
    if s.number(4).is_none() {
        return false;
    }
    let Some(sep) = s.eat_if(|c| matches!(c, '-' | '/' | '.')) else {
        return false;
    };
    s.number(2).is_some() && s.eat(sep) && s.number(2).is_some()
}

fn english_date(s: &mut Scan) -> bool {
    // "Friday 7 July 2023", "Friday, July 7, 2023": the weekday adds nothing.
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if let Some(day) = WEEKDAYS.iter().find(|d| {
        s.rest()
            .get(..d.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(d))
    }) {
        s.eat_word(day);
        s.eat(',');
        s.skip_space();
    }
    let month = |s: &mut Scan| {
        const MONTHS: [&str; 24] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ];
        let word: String = s
            .rest()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let lower = word.to_ascii_lowercase();
        let known = MONTHS.contains(&lower.as_str());
        if known {
            s.eat_word(&word);
            s.eat('.');
        }
        known
    };
    if s.at_digit() {
        // "13 May 2026"
        return s.number(2).is_some()
            && month(s.skip_space())
            && s.skip_space().number(4).is_some();
    }
    // "May 13, 2026" or "May 2026"
    if !month(s) {
        return false;
    }
    s.skip_space();
    let day_or_year = s.number(4);
    match day_or_year {
        Some(d) if d <= 31 => {
            s.eat(',');
            s.skip_space().number(4).is_some()
        }
        Some(_) => true,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekday_before_a_date_is_part_of_it() {
        assert!(date_of("Friday 7 July 2023").is_some());
        assert!(date_of("Friday, July 7, 2023").is_some());
        assert!(date_of("Friday night lights").is_none());
    }

    #[test]
    fn dates_in_the_usual_forms() {
        for (line, date) in [
            ("2026年5月13日", "2026年5月13日"),
            ("2026 年 5 月 13 日", "2026 年 5 月 13 日"),
            ("2026-05-13", "2026-05-13"),
            ("2026/5/13", "2026/5/13"),
            ("May 13, 2026", "May 13, 2026"),
            ("13 May 2026", "13 May 2026"),
            ("Sept. 3, 2025", "Sept. 3, 2025"),
            ("日期：2026年5月", "2026年5月"),
            ("Date: 2026-05-13", "2026-05-13"),
            ("民國115年5月13日", "民國115年5月13日"),
        ] {
            assert_eq!(date_of(line), Some(date), "{line}");
        }
        for not in [
            "2026年5月13日至15日，美國總統川普訪問中國。",
            "May the leaders agree",
            "2026",
            "Maybe 13, 2026",
        ] {
            assert_eq!(date_of(not), None, "{not}");
        }
    }
}
