//! The script the brief is shown in (original, Simplified, Taiwan
//! Traditional). Conversion is lazy: a block is converted the first time it
//! is laid out or painted in a script, and kept per (block, script). The
//! brief itself, its paragraph ids and its block indices never change with
//! the view, so notes and search stay anchored to the original text.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::doc::{CELL_SEPARATOR, Doc};
use super::{App, Pos};
use crate::convert::{Converter, Overrides, Script, Target, detect_script};

pub use crate::convert::ViewScript;

/// Converted blocks kept per script before the cache starts over (a long
/// read through a huge brief would otherwise keep all of it).
const CACHE_LIMIT: usize = 8192;

/// How much of the brief is looked at to tell its script.
const SAMPLE_BYTES: usize = 16 * 1024;

/// The conversion target of a view script; `None` for the original.
pub fn target_of(script: ViewScript) -> Option<Target> {
    match script {
        ViewScript::Original => None,
        ViewScript::Simplified => Some(Target::Simplified),
        ViewScript::Taiwan => Some(Target::Taiwan),
    }
}

/// The script `c` switches to after `script`: original → Simplified →
/// Traditional (Taiwan) → original.
pub fn next_script(script: ViewScript) -> ViewScript {
    match script {
        ViewScript::Original => ViewScript::Simplified,
        ViewScript::Simplified => ViewScript::Taiwan,
        ViewScript::Taiwan => ViewScript::Original,
    }
}

/// The short label the status bar shows for a script.
pub fn label(script: ViewScript) -> &'static str {
    match script {
        ViewScript::Original => "原文",
        ViewScript::Simplified => "简体",
        ViewScript::Taiwan => "繁體",
    }
}

/// The side-by-side compare view's own place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compare {
    /// The first row on screen: a block, and a row within its pair (the
    /// taller of the two sides).
    pub top: Pos,
}

/// The view script, its converters and the converted text cache.
#[derive(Debug, Default)]
pub struct View {
    script: ViewScript,
    /// The brief's own script, told once from a sample of its text.
    source: OnceCell<Script>,
    overrides: Overrides,
    simplified: OnceCell<Converter>,
    taiwan: OnceCell<Converter>,
    blocks: RefCell<HashMap<(usize, ViewScript), Rc<str>>>,
    strings: RefCell<HashMap<(String, ViewScript), Rc<str>>>,
    /// The compare view, when it is open.
    pub compare: Option<Compare>,
    pub(super) compare_cache: super::compare::SharedCompareCache,
}

impl View {
    /// The script the body is shown in.
    pub fn script(&self) -> ViewScript {
        self.script
    }

    /// The script the compare view puts beside the original: the current
    /// one, or Simplified while the view is the original.
    pub fn compare_script(&self) -> ViewScript {
        match self.script {
            ViewScript::Original => ViewScript::Simplified,
            other => other,
        }
    }

    /// Uses the user's phrase overrides from now on (they win over the
    /// dictionaries, as in `gloss convert`).
    pub fn set_overrides(&mut self, overrides: Overrides) {
        self.overrides = overrides;
        self.simplified = OnceCell::new();
        self.taiwan = OnceCell::new();
        self.forget();
    }

    /// Drops every converted text (they are converted again on demand).
    pub fn forget(&self) {
        self.blocks.borrow_mut().clear();
        self.strings.borrow_mut().clear();
        *self.compare_cache.borrow_mut() = Default::default();
    }

    /// `text` as the current view shows it: the one function for anything
    /// that is not a block (title, meta, section names, notes).
    pub fn display<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.display_in(text, self.script)
    }

    /// `text` shown in `script`, converted once and cached.
    pub fn display_in<'t>(&self, text: &'t str, script: ViewScript) -> Cow<'t, str> {
        if script == ViewScript::Original || !needs_conversion(text) {
            return Cow::Borrowed(text);
        }
        let key = (text.to_string(), script);
        if let Some(done) = self.strings.borrow().get(&key) {
            return Cow::Owned(done.to_string());
        }
        let converted: Rc<str> = self.convert(text, script).into();
        let mut strings = self.strings.borrow_mut();
        if strings.len() >= CACHE_LIMIT {
            strings.clear();
        }
        strings.insert(key, Rc::clone(&converted));
        Cow::Owned(converted.to_string())
    }

    /// Block `i`'s text in the current view.
    pub fn block_text<'d>(&self, doc: &'d Doc, i: usize) -> Cow<'d, str> {
        self.block_text_in(doc, i, self.script)
    }

    /// Block `i`'s text in `script`. Table cells are converted one by one
    /// so that the row still splits into the same cells.
    pub fn block_text_in<'d>(&self, doc: &'d Doc, i: usize, script: ViewScript) -> Cow<'d, str> {
        let original = doc.text(i);
        if script == ViewScript::Original || !needs_conversion(&original) {
            return original;
        }
        if let Some(done) = self.blocks.borrow().get(&(i, script)) {
            return Cow::Owned(done.to_string());
        }
        let converted: Rc<str> = match doc.paragraph(i) {
            Some(p) if !p.cells.is_empty() => p
                .cells
                .iter()
                .map(|cell| self.convert(cell, script))
                .collect::<Vec<_>>()
                .join(CELL_SEPARATOR)
                .into(),
            _ => self.convert(&original, script).into(),
        };
        let mut blocks = self.blocks.borrow_mut();
        if blocks.len() >= CACHE_LIMIT {
            blocks.clear();
        }
        blocks.insert((i, script), Rc::clone(&converted));
        Cow::Owned(converted.to_string())
    }

    /// How many blocks have been converted (and are cached) in `script`.
    pub fn converted_blocks(&self, script: ViewScript) -> usize {
        self.blocks
            .borrow()
            .keys()
            .filter(|(_, s)| *s == script)
            .count()
    }

    /// Tells the brief's script from its first blocks, once.
    fn learn_source(&self, doc: &Doc) {
        self.source.get_or_init(|| {
            let mut sample = String::new();
            for i in 0..doc.blocks.len() {
                if sample.len() >= SAMPLE_BYTES {
                    break;
                }
                sample.push_str(&doc.text(i));
                sample.push('\n');
            }
            detect_script(&sample)
        });
    }

    fn convert(&self, text: &str, script: ViewScript) -> String {
        let (cell, target) = match script {
            ViewScript::Original => return text.to_string(),
            ViewScript::Simplified => (&self.simplified, Target::Simplified),
            ViewScript::Taiwan => (&self.taiwan, Target::Taiwan),
        };
        let source = self.source.get().copied().unwrap_or(Script::Traditional);
        let converter = cell.get_or_init(|| {
            // The built-in dictionaries are compiled in, so building a
            // converter fails only on a broken build; show the original then.
            Converter::for_mixed(source, target, false)
                .unwrap_or_else(|_| Converter::identity())
                .with_overrides(self.overrides.toward(Some(target)))
        });
        converter.convert(text)
    }
}

/// Whether any character of `text` could change: ASCII never does, and
/// most of a brief's headings, numbers and English passages are ASCII.
fn needs_conversion(text: &str) -> bool {
    !text.is_ascii()
}

/// `ranges` (byte ranges of `from`) as byte ranges of `to`, by char index;
/// `None` when the two texts differ in length (a phrase conversion or an
/// override changed it), so no char index can be trusted.
pub fn map_ranges(from: &str, to: &str, ranges: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    if from.len() == to.len() && from == to {
        return Some(ranges.to_vec());
    }
    let from_bytes: Vec<usize> = char_starts(from);
    let to_bytes: Vec<usize> = char_starts(to);
    if from_bytes.len() != to_bytes.len() {
        return None;
    }
    let char_of = |b: usize| from_bytes.partition_point(|&s| s < b);
    let byte_in_to = |c: usize| to_bytes.get(c).copied().unwrap_or(to.len());
    Some(
        ranges
            .iter()
            .map(|r| byte_in_to(char_of(r.start))..byte_in_to(char_of(r.end)))
            .collect(),
    )
}

/// Byte offset of every char of `text`, then its length.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

impl App {
    /// `text` in the script the reader currently shows (for notes and any
    /// other text that is not a block of the brief).
    pub fn display_text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        self.view.display(text)
    }

    /// Block `i`'s text as shown in the current view.
    pub fn shown_text(&self, i: usize) -> Cow<'_, str> {
        self.view.block_text(&self.doc, i)
    }

    /// Shows the brief in `script`, keeping the top on the same block and
    /// at the same share of its lines.
    pub fn set_view_script(&mut self, script: ViewScript) {
        if script == self.view.script {
            return;
        }
        if script != ViewScript::Original {
            self.view.learn_source(&self.doc);
        }
        // Before the first size nothing is laid out, so there is no place
        // to keep (and laying out at width 1 would be wasted work).
        if self.screen.area.is_empty() {
            self.view.script = script;
            return;
        }
        let block = self.top.block;
        let (line, before) = (self.top.line, self.line_count(block));
        let jumped = self.jumped_entry;
        self.view.script = script;
        let after = self.line_count(block);
        let line = (line * after / before.max(1)).min(after.saturating_sub(1));
        self.set_top(Pos { block, line });
        self.jumped_entry = jumped;
    }

    /// The `c` key: original → Simplified → Taiwan → original.
    pub(super) fn cycle_view(&mut self) {
        self.set_view_script(next_script(self.view.script));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_script_and_returns() {
        let mut script = ViewScript::Original;
        let mut seen = Vec::new();
        for _ in 0..3 {
            script = next_script(script);
            seen.push(script);
        }
        assert_eq!(
            seen,
            [
                ViewScript::Simplified,
                ViewScript::Taiwan,
                ViewScript::Original
            ]
        );
        assert_eq!(target_of(ViewScript::Original), None);
        assert_eq!(target_of(ViewScript::Taiwan), Some(Target::Taiwan));
    }

    #[test]
    fn ranges_follow_chars_when_lengths_match() {
        // Full-width Ｇ２ take 3 bytes each and G2 one: bytes shift, chars do not.
        let from = "Ｇ２臺灣";
        let to = "G2台湾";
        let start = from.find('臺').unwrap();
        let mapped = map_ranges(from, to, std::slice::from_ref(&(start..from.len()))).unwrap();
        assert_eq!(&to[mapped[0].clone()], "台湾");
        assert_eq!(
            map_ranges("行程", "进程了", std::slice::from_ref(&(0..3))),
            None
        );
    }

    #[test]
    fn strings_are_converted_once_and_ascii_never() {
        let view = View {
            script: ViewScript::Simplified,
            ..View::default()
        };
        assert!(matches!(view.display("G20 summit"), Cow::Borrowed(_)));
        assert_eq!(view.display("川習北京峰會"), "川习北京峰会");
        assert_eq!(view.strings.borrow().len(), 1);
        assert_eq!(view.display("川習北京峰會"), "川习北京峰会");
        assert_eq!(view.strings.borrow().len(), 1);
    }

    #[test]
    fn overrides_win_in_the_view() {
        let mut view = View {
            script: ViewScript::Simplified,
            ..View::default()
        };
        let overrides =
            Overrides::parse("川普\t特朗普\n", std::path::Path::new("phrases.txt")).unwrap();
        view.set_overrides(overrides);
        assert_eq!(view.display("川普訪問臺灣"), "特朗普访问台湾");
    }

    #[test]
    fn an_entry_for_one_direction_leaves_the_other_views_alone() {
        let overrides = Overrides::parse(
            "[to s]\n川普\t特朗普\n",
            std::path::Path::new("phrases.txt"),
        )
        .unwrap();
        let view_in = |script| {
            let mut view = View {
                script,
                ..View::default()
            };
            view.set_overrides(overrides.clone());
            view.display("川普訪問臺灣").into_owned()
        };
        assert_eq!(view_in(ViewScript::Simplified), "特朗普访问台湾");
        assert_eq!(view_in(ViewScript::Taiwan), "川普訪問臺灣");
    }
}
