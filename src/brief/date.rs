//! Publication dates as briefs write them (`2026-05-20`, `2026年5月20日`,
//! `民國115年5月`, `Friday 7 July 2023`, `JULY 2025`), read into something
//! that sorts by time: the library sorts by it, citations give its parts.

/// A date as far as the brief gives it: year, then month and day, each 0
/// when not given (a year alone sorts before its dated days).
pub type DateKey = (i32, u8, u8);

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Taiwan counts years from 1912 (民國 1); a year under 1000 written
/// before 年 is one of those.
const ROC_OFFSET: i32 = 1911;

/// One number in the text and the character right after it.
struct Number {
    value: u32,
    digits: usize,
    next: Option<char>,
}

/// `text` read as a date, or `None` when it holds no year.
pub fn date_key(text: &str) -> Option<DateKey> {
    let numbers = numbers(text);
    let month_name = month_by_name(text);
    let after = |c: char| numbers.iter().find(|n| n.next == Some(c));
    if let Some(year) = after('年') {
        let year = i32::try_from(year.value).ok()?;
        let year = if year < 1000 { year + ROC_OFFSET } else { year };
        let month = after('月').map_or(0, |n| small(n.value, 12));
        let day = after('日')
            .or_else(|| after('号'))
            .or_else(|| after('號'))
            .map_or(0, |n| small(n.value, 31));
        return Some((year, month, day));
    }
    let year_at = numbers
        .iter()
        .position(|n| n.digits == 4 && (1800..=2200).contains(&n.value))?;
    let year = i32::try_from(numbers[year_at].value).ok()?;
    let others: Vec<u32> = numbers
        .iter()
        .enumerate()
        .filter(|(i, n)| *i != year_at && n.digits <= 2)
        .map(|(_, n)| n.value)
        .collect();
    if let Some(month) = month_name {
        let day = others.first().map_or(0, |&d| small(d, 31));
        return Some((year, month, day));
    }
    let (month, day) = match (year_at, others.as_slice()) {
        // 2026-05-20, 2026/5/20
        (0, [m, d, ..]) => (*m, *d),
        (0, [m]) => (*m, 0),
        // 20/05/2026 or 05/20/2026: a first number past 12 is the day.
        (_, [a, b, ..]) if *a > 12 => (*b, *a),
        (_, [a, b, ..]) => (*a, *b),
        _ => (0, 0),
    };
    Some((year, small(month, 12), small(day, 31)))
}

/// `value` when it is a plausible month or day (1 to `max`), else 0.
fn small(value: u32, max: u32) -> u8 {
    if (1..=max).contains(&value) {
        u8::try_from(value).unwrap_or(0)
    } else {
        0
    }
}

/// The month an English month name in `text` stands for (1 to 12).
fn month_by_name(text: &str) -> Option<u8> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .find_map(|word| {
            MONTHS
                .iter()
                .position(|m| word.starts_with(m))
                .and_then(|i| u8::try_from(i + 1).ok())
        })
}

/// The runs of digits in `text` (full-width digits too), with what follows.
fn numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(first) = digit(c) else {
            continue;
        };
        let (mut value, mut digits) = (first, 1usize);
        while let Some(d) = chars.peek().copied().and_then(digit) {
            value = value.saturating_mul(10).saturating_add(d);
            digits += 1;
            chars.next();
        }
        // `2026 年`: the unit may follow a space.
        let next = chars.clone().find(|c| !c.is_whitespace());
        out.push(Number {
            value,
            digits,
            next,
        });
    }
    out
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_briefs_write_dates() {
        assert_eq!(date_key("2026-05-20"), Some((2026, 5, 20)));
        assert_eq!(date_key("2026/5/2"), Some((2026, 5, 2)));
        assert_eq!(date_key("2026年5月20日"), Some((2026, 5, 20)));
        assert_eq!(date_key("２０２６年１１月"), Some((2026, 11, 0)));
        assert_eq!(date_key("中華民國115年5月20日"), Some((2026, 5, 20)));
        assert_eq!(date_key("Friday 7 July 2023"), Some((2023, 7, 7)));
        assert_eq!(date_key("July 7, 2023"), Some((2023, 7, 7)));
        assert_eq!(date_key("JULY 2025"), Some((2025, 7, 0)));
        assert_eq!(date_key("28 January 2022"), Some((2022, 1, 28)));
        assert_eq!(date_key("20/05/2026"), Some((2026, 5, 20)));
        assert_eq!(date_key("2019"), Some((2019, 0, 0)));
        assert_eq!(date_key("spring"), None);
        assert_eq!(date_key(""), None);
    }

    #[test]
    fn keys_sort_by_time_not_by_text() {
        let mut dates = [
            "Friday 7 July 2023",
            "2026-05-20",
            "April 2025",
            "2023年12月1日",
        ];
        dates.sort_by_key(|d| date_key(d));
        assert_eq!(
            dates,
            [
                "Friday 7 July 2023",
                "2023年12月1日",
                "April 2025",
                "2026-05-20"
            ]
        );
    }
}
