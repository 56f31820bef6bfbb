//! The user's own phrase file: replacements and protected terms that win
//! over every built-in dictionary.
//!
//! Format, one entry a line: `# a comment`; `source<TAB>target` to replace
//! a term; `term<TAB>term` or the term alone on its line to protect it.

use std::ops::Range;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use thiserror::Error;

/// The name of the phrase file inside the config folder.
pub const PHRASE_FILE_NAME: &str = "phrases.txt";

/// A problem with the user's phrase file; the message names file and line.
#[derive(Debug, Error)]
pub enum OverrideError {
    /// The file exists but could not be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The phrase file.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// One line is not `source<TAB>target` or a lone term.
    #[error("{path}:{line}: {reason}")]
    BadLine {
        /// The phrase file (or `<phrases>` for text given directly).
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
}

/// User replacements, matched longest first before the dictionaries run.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    sources: Vec<String>,
    targets: Vec<String>,
    matcher: Option<AhoCorasick>,
}

/// One piece of a text split by the overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text the dictionaries should convert.
    Convert(&'a str),
    /// Text fixed by the user: emit as is.
    Fixed(&'a str),
}

impl Overrides {
    /// No overrides at all.
    pub fn none() -> Self {
        Overrides::default()
    }

    /// True when there is nothing to override.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// The config folder: `$GLOSS_CONFIG_DIR`, else `~/.config/gloss`.
    pub fn config_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("GLOSS_CONFIG_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(dir));
        }
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
        Some(PathBuf::from(home).join(".config").join("gloss"))
    }

    /// Loads the phrase file of the config folder; none when it does not exist.
    pub fn load_default() -> Result<Self, OverrideError> {
        match Overrides::config_dir() {
            Some(dir) => Overrides::load_optional(&dir.join(PHRASE_FILE_NAME)),
            None => Ok(Overrides::none()),
        }
    }

    /// Loads `path`; a missing file means no overrides.
    pub fn load_optional(path: &Path) -> Result<Self, OverrideError> {
        match crate::files::read_regular_string(path, crate::files::SETTINGS_CAP) {
            Ok(text) => Overrides::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Overrides::none()),
            Err(e) => Err(OverrideError::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }),
        }
    }

    /// Parses phrase-file text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, OverrideError> {
        let mut overrides = Overrides::default();
        for (index, raw) in text.lines().enumerate() {
            let bad = |reason: &str| OverrideError::BadLine {
                path: path.to_path_buf(),
                line: index + 1,
                reason: reason.to_string(),
            };
            let line = raw.trim_end_matches('\r');
            let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let source = fields.next().unwrap_or_default().trim();
            let target = fields.next().map(str::trim);
            if fields.next().is_some() {
                return Err(bad(
                    "more than one tab: write `source<TAB>target`, or the term alone to protect it",
                ));
            }
            if source.is_empty() {
                return Err(bad("the source term before the tab is empty"));
            }
            let target = match target {
                None => source,
                Some("") => {
                    return Err(bad(
                        "nothing after the tab: write a target, or the term alone to protect it",
                    ));
                }
                Some(t) => t,
            };
            overrides.insert(source, target);
        }
        overrides.rebuild();
        Ok(overrides)
    }

    /// Adds or replaces one entry (the last one given for a source wins).
    pub fn add(&mut self, source: &str, target: &str) {
        if source.is_empty() {
            return;
        }
        self.insert(source, target);
        self.rebuild();
    }

    fn insert(&mut self, source: &str, target: &str) {
        match self.sources.iter().position(|s| s == source) {
            Some(i) => self.targets[i] = target.to_string(),
            None => {
                self.sources.push(source.to_string());
                self.targets.push(target.to_string());
            }
        }
    }

    fn rebuild(&mut self) {
        self.matcher = if self.sources.is_empty() {
            None
        } else {
            // Leftmost-longest: at any position the longest user term wins,
            // as OpenCC's own maximum matching does.
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&self.sources)
                .ok()
        };
    }

    /// Byte ranges of `text` the overrides claim, with the replacement of each.
    pub fn matches<'s>(&'s self, text: &str) -> Vec<(Range<usize>, &'s str)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_iter(text)
            .map(|m| (m.range(), self.targets[m.pattern().as_usize()].as_str()))
            .collect()
    }

    /// Splits `text` into pieces to convert and pieces the user fixed.
    pub fn split<'a>(&'a self, text: &'a str) -> Vec<Piece<'a>> {
        let mut pieces = Vec::new();
        let mut last = 0;
        for (range, target) in self.matches(text) {
            if range.start > last {
                pieces.push(Piece::Convert(&text[last..range.start]));
            }
            pieces.push(Piece::Fixed(target));
            last = range.end;
        }
        if last < text.len() {
            pieces.push(Piece::Convert(&text[last..]));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Overrides, OverrideError> {
        Overrides::parse(text, Path::new("phrases.txt"))
    }

    #[test]
    fn entries_comments_and_protected_terms_parse() {
        let o = parse("# mine\n\n川普\t特朗普\n程序\t程序\n行程\n").unwrap();
        assert_eq!(o.len(), 3);
        assert_eq!(
            o.split("川普的行程程序"),
            vec![
                Piece::Fixed("特朗普"),
                Piece::Convert("的"),
                Piece::Fixed("行程"),
                Piece::Fixed("程序"),
            ]
        );
    }

    #[test]
    fn the_longest_term_wins() {
        let o = parse("台灣\t臺灣\n台灣大學\t國立臺灣大學\n").unwrap();
        assert_eq!(
            o.split("在台灣大學"),
            vec![Piece::Convert("在"), Piece::Fixed("國立臺灣大學")]
        );
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let err = parse("# ok\n川普\t\n").unwrap_err().to_string();
        assert!(
            err.starts_with("phrases.txt:2: nothing after the tab"),
            "{err}"
        );
        let err = parse("a\tb\tc\n").unwrap_err().to_string();
        assert!(err.starts_with("phrases.txt:1: more than one tab"), "{err}");
        let err = parse("\tb\n").unwrap_err().to_string();
        assert!(err.starts_with("phrases.txt:1: the source term"), "{err}");
    }

    #[test]
    fn a_missing_file_means_no_overrides() {
        let dir = tempfile::tempdir().unwrap();
        let o = Overrides::load_optional(&dir.path().join("phrases.txt")).unwrap();
        assert!(o.is_empty());
        assert_eq!(o.split("文字"), vec![Piece::Convert("文字")]);
    }
}
