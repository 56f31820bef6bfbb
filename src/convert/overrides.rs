//! The user's own phrase file: replacements and protected terms that win
//! over every built-in dictionary, each for the directions it is written
//! for. The file format is read in [`super::phrases`].

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use thiserror::Error;

use super::config::{Script, Target};
pub use super::phrases::PhraseFile;

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
    /// One line is not an entry or a heading; it is skipped.
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

/// Which conversions an entry applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every conversion (entries before any heading, or under `[any]`).
    Any,
    /// Conversions to Simplified (`[to s]`).
    ToSimplified,
    /// Conversions to any Traditional form (`[to t]`).
    ToTraditional,
    /// Conversions to Taiwan Traditional only (`[to tw]`).
    ToTaiwan,
    /// Conversions to Hong Kong Traditional only (`[to hk]`).
    ToHongKong,
}

impl Scope {
    /// How specific the scope is: a more specific entry for the same term
    /// wins over a general one.
    fn rank(self) -> u8 {
        match self {
            Scope::Any => 0,
            Scope::ToSimplified | Scope::ToTraditional => 1,
            Scope::ToTaiwan | Scope::ToHongKong => 2,
        }
    }

    /// True when the scope covers conversions that write `target` (`None`:
    /// a direction gloss cannot tell, such as an OpenCC file).
    fn covers(self, target: Option<Target>) -> bool {
        match (self, target) {
            (Scope::Any, _) => true,
            (_, None) => false,
            (Scope::ToSimplified, Some(t)) => t == Target::Simplified,
            (Scope::ToTraditional, Some(t)) => t != Target::Simplified,
            (Scope::ToTaiwan, Some(t)) => t == Target::Taiwan,
            (Scope::ToHongKong, Some(t)) => t == Target::HongKong,
        }
    }
}

/// The target of a conversion that writes `script`, if it is one of
/// gloss's four.
pub fn target_of(script: Script) -> Option<Target> {
    match script {
        Script::Simplified => Some(Target::Simplified),
        Script::Traditional => Some(Target::Traditional),
        Script::Taiwan => Some(Target::Taiwan),
        Script::HongKong => Some(Target::HongKong),
        Script::Japanese => None,
    }
}

/// User replacements, matched longest first before the dictionaries run.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    sources: Vec<String>,
    targets: Vec<String>,
    scopes: Vec<Scope>,
    /// Where each source and scope is in the lists: a phrase file of tens
    /// of thousands of terms must not compare each with all before it.
    index: HashMap<(Scope, String), usize>,
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

    /// Loads the phrase file of the config folder; none when it does not
    /// exist. Bad lines are skipped and reported in the result.
    pub fn load_default() -> Result<PhraseFile, OverrideError> {
        match Overrides::config_dir() {
            Some(dir) => Overrides::load_optional(&dir.join(PHRASE_FILE_NAME)),
            None => Ok(PhraseFile::default()),
        }
    }

    /// Loads `path`; a missing file means no overrides. Bad lines are
    /// skipped and reported in the result.
    pub fn load_optional(path: &Path) -> Result<PhraseFile, OverrideError> {
        match crate::files::read_regular_string(path, crate::files::SETTINGS_CAP) {
            Ok(text) => Ok(PhraseFile::parse(&text, path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PhraseFile::default()),
            Err(e) => Err(OverrideError::Read {
                path: path.to_path_buf(),
                reason: e.to_string(),
            }),
        }
    }

    /// Parses phrase-file text strictly: the first bad line is an error
    /// (`path` is only used in messages).
    pub fn parse(text: &str, path: &Path) -> Result<Self, OverrideError> {
        let file = PhraseFile::parse(text, path);
        match file.warnings.into_iter().next() {
            Some(first) => Err(first),
            None => Ok(file.overrides),
        }
    }

    /// The entries that apply to conversions writing `target` (`None`:
    /// only those for every direction), a more specific entry for a term
    /// over a general one.
    pub fn toward(&self, target: Option<Target>) -> Overrides {
        let mut order: Vec<usize> = (0..self.sources.len())
            .filter(|&i| self.scopes[i].covers(target))
            .collect();
        // Stable: among equals, the later line still wins.
        order.sort_by_key(|&i| self.scopes[i].rank());
        let mut out = Overrides::default();
        for i in order {
            out.insert(&self.sources[i], &self.targets[i], Scope::Any);
        }
        out.rebuild();
        out
    }

    /// Adds or replaces one entry (the last one given for a source wins).
    pub fn add(&mut self, source: &str, target: &str) {
        if source.is_empty() {
            return;
        }
        self.insert(source, target, Scope::Any);
        self.rebuild();
    }

    /// Adds or replaces the entry for `source` in `scope` (the last one
    /// given for a source and scope wins); call [`Self::rebuild`] after.
    pub(super) fn insert(&mut self, source: &str, target: &str, scope: Scope) {
        match self.index.get(&(scope, source.to_string())) {
            Some(&i) => self.targets[i] = target.to_string(),
            None => {
                self.index
                    .insert((scope, source.to_string()), self.sources.len());
                self.sources.push(source.to_string());
                self.targets.push(target.to_string());
                self.scopes.push(scope);
            }
        }
    }

    /// Builds the matcher over the entries, whatever their scope.
    pub(super) fn rebuild(&mut self) {
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
        let file = Overrides::load_optional(&dir.path().join("phrases.txt")).unwrap();
        assert!(file.warnings.is_empty());
        let o = file.overrides;
        assert!(o.is_empty());
        assert_eq!(o.split("文字"), vec![Piece::Convert("文字")]);
    }

    #[test]
    fn entries_apply_toward_the_script_their_heading_names() {
        let o =
            parse("程序\n[to s]\n川普\t特朗普\n[to t]\n特朗普\t川普\n[to hk]\n特朗普\t特朗普\n")
                .unwrap();
        let fixed = |target, text| -> Vec<String> {
            o.toward(target)
                .split(text)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Fixed(t) => Some(t.to_string()),
                    Piece::Convert(_) => None,
                })
                .collect()
        };
        assert_eq!(
            fixed(Some(Target::Simplified), "川普的程序"),
            ["特朗普", "程序"]
        );
        // Not toward Traditional: 川普 stays for the dictionaries.
        assert_eq!(fixed(Some(Target::Taiwan), "川普的程序"), ["程序"]);
        assert_eq!(fixed(Some(Target::Taiwan), "特朗普"), ["川普"]);
        // The Hong Kong entry is more specific than the Traditional one.
        assert_eq!(fixed(Some(Target::HongKong), "特朗普"), ["特朗普"]);
        // A direction gloss cannot tell gets the entries for every one.
        assert_eq!(fixed(None, "川普的程序"), ["程序"]);
    }
}
