//! The phrase file's format, one entry a line:
//!
//! - `# a comment` and blank lines are skipped;
//! - `source<TAB>target` replaces a term; `term<TAB>term`, or the term
//!   alone, protects it from the dictionaries;
//! - a heading `[to s]`, `[to t]`, `[to tw]` or `[to hk]` makes the entries
//!   under it apply only to conversions to Simplified, to any Traditional,
//!   to Taiwan or to Hong Kong; `[any]` (and the top of the file) to all.
//!
//! A line that is none of these is skipped with a warning naming its line,
//! so one typo never stops a conversion.

use std::path::Path;

use super::overrides::{OverrideError, Overrides, Scope};

/// The longest term an entry may have, in characters: far beyond any
/// phrase, short enough that no entry makes matching slow.
pub const MAX_TERM_CHARS: usize = 200;

/// The phrase file as read: its entries, and a warning for each line that
/// was skipped.
#[derive(Debug, Default)]
pub struct PhraseFile {
    /// The entries, each with its scope.
    pub overrides: Overrides,
    /// The lines skipped, in file order.
    pub warnings: Vec<OverrideError>,
}

impl PhraseFile {
    /// Reads phrase-file `text`; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> PhraseFile {
        let mut file = PhraseFile::default();
        let mut scope = Scope::Any;
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let read = if trimmed.starts_with('[') {
                heading(trimmed).map(|s| scope = s)
            } else {
                entry(line).map(|(source, target)| file.overrides.insert(source, target, scope))
            };
            if let Err(reason) = read {
                file.warnings.push(OverrideError::BadLine {
                    path: path.to_path_buf(),
                    line: index + 1,
                    reason,
                });
            }
        }
        file.overrides.rebuild();
        file
    }
}

/// The scope a heading line (`[to s]`, `[any]` …) opens.
fn heading(line: &str) -> Result<Scope, String> {
    let inner = line
        .strip_prefix('[')
        .and_then(|l| l.strip_suffix(']'))
        .map(|l| l.split_whitespace().collect::<Vec<_>>());
    match inner.as_deref() {
        Some(["any"]) => Ok(Scope::Any),
        Some(["to", "s"]) => Ok(Scope::ToSimplified),
        Some(["to", "t"]) => Ok(Scope::ToTraditional),
        Some(["to", "tw"]) => Ok(Scope::ToTaiwan),
        Some(["to", "hk"]) => Ok(Scope::ToHongKong),
        _ => Err(format!(
            "unknown heading {line}: write [to s], [to t], [to tw], [to hk] or [any]"
        )),
    }
}

/// The source and target of an entry line (the same for a protected term).
fn entry(line: &str) -> Result<(&str, &str), String> {
    let mut fields = line.split('\t');
    let source = fields.next().unwrap_or_default().trim();
    let target = fields.next().map(str::trim);
    if fields.next().is_some() {
        return Err(
            "more than one tab: write `source<TAB>target`, or the term alone to protect it"
                .to_string(),
        );
    }
    if source.is_empty() {
        return Err("the source term before the tab is empty".to_string());
    }
    let longest = source
        .chars()
        .count()
        .max(target.map_or(0, |t| t.chars().count()));
    if longest > MAX_TERM_CHARS {
        return Err(format!(
            "a term of {longest} characters: at most {MAX_TERM_CHARS} are allowed, so the entry is skipped"
        ));
    }
    match target {
        None => Ok((source, source)),
        Some("") => Err(
            "nothing after the tab: write a target, or the term alone to protect it".to_string(),
        ),
        Some(t) => Ok((source, t)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_skipped_with_their_line_numbers_and_the_rest_is_kept() {
        let text = "# mine\n川普\t\n[to s]\n川普\t特朗普\n[to mars]\n行程\ta\tb\n程序\n";
        let file = PhraseFile::parse(text, Path::new("phrases.txt"));
        let warnings: Vec<String> = file.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].starts_with("phrases.txt:2: nothing after the tab"));
        assert!(warnings[1].starts_with("phrases.txt:5: unknown heading [to mars]"));
        assert!(warnings[2].starts_with("phrases.txt:6: more than one tab"));
        // The good lines after the bad ones still count, in their scope:
        // the bad heading left `[to s]` open.
        assert_eq!(file.overrides.len(), 2);
        let to_s = file
            .overrides
            .toward(Some(super::super::Target::Simplified));
        assert_eq!(to_s.len(), 2);
        let to_t = file
            .overrides
            .toward(Some(super::super::Target::Traditional));
        assert_eq!(to_t.len(), 0);
    }

    #[test]
    fn an_entry_too_long_to_be_a_phrase_is_skipped_with_its_line() {
        let text = format!(
            "川普\t特朗普\n{}\n程序\t{}\n",
            "長".repeat(100_000),
            "序".repeat(201)
        );
        let file = PhraseFile::parse(&text, Path::new("phrases.txt"));
        let warnings: Vec<String> = file.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("phrases.txt:2: a term of 100000 characters"),
            "{warnings:?}"
        );
        assert!(warnings[1].starts_with("phrases.txt:3: a term of 201"));
        assert_eq!(file.overrides.len(), 1);
    }

    #[test]
    fn headings_allow_spaces_and_any_goes_back_to_every_direction() {
        let file = PhraseFile::parse("[ to  tw ]\na\tb\n[any]\nc\n", Path::new("p"));
        assert!(file.warnings.is_empty());
        let general = file.overrides.toward(None);
        assert_eq!(general.len(), 1);
        let tw = file.overrides.toward(Some(super::super::Target::Taiwan));
        assert_eq!(tw.len(), 2);
    }
}
