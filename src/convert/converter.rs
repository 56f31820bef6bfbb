//! [`Converter`]: one backend plus the user's overrides, the single entry
//! point the reader, the search and the command line call.

use std::ops::Range;

use thiserror::Error;

use super::backend::{Backend, BackendError, BuiltinBackend};
use super::config::{ConfigName, Script, Target};
use super::detect::detect_script;
use super::overrides::{OverrideError, Overrides, Piece};
use super::runs::script_runs;

/// Texts at least this long are split and converted on every core.
const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// Why a converter could not be built.
#[derive(Debug, Error)]
pub enum ConvertError {
    /// The backend would not start.
    #[error(transparent)]
    Backend(#[from] BackendError),
    /// The user's phrase file is wrong.
    #[error(transparent)]
    Overrides(#[from] OverrideError),
    /// `--phrases` was asked for a target that has no vocabulary tables.
    #[error("--phrases works with --to s and --to tw only (OpenCC has no {0} vocabulary tables)")]
    NoPhrases(Target),
}

/// Converts text by one configuration, with the user's overrides first;
/// or, built by [`Converter::for_mixed`], each run of the text by the
/// configuration for its own script.
pub struct Converter {
    backend: Option<Box<dyn Backend>>,
    overrides: Overrides,
    config: Option<ConfigName>,
    other: Option<OtherScript>,
}

/// The converter for runs not in the main script of a mixed text.
struct OtherScript {
    /// The text's main script, which `Converter::backend` reads.
    main: Script,
    converter: Box<Converter>,
}

impl std::fmt::Debug for Converter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converter")
            .field("config", &self.config)
            .field("overrides", &self.overrides.len())
            .field("other", &self.other.as_ref().map(|o| o.converter.config))
            .finish()
    }
}

impl Converter {
    /// A converter to `target` for text in the other script: Traditional for
    /// `s`, Simplified for `t`, `tw` and `hk`. Built-in backend, no overrides.
    pub fn new(target: Target, phrases: bool) -> Result<Self, ConvertError> {
        let assumed = if target == Target::Simplified {
            Script::Traditional
        } else {
            Script::Simplified
        };
        Converter::for_source(assumed, target, phrases)
    }

    /// A converter from `source` to `target`; text already in the target
    /// script is passed through unchanged.
    pub fn for_source(source: Script, target: Target, phrases: bool) -> Result<Self, ConvertError> {
        if phrases && matches!(target, Target::Traditional | Target::HongKong) {
            return Err(ConvertError::NoPhrases(target));
        }
        match ConfigName::for_conversion(source, target, phrases) {
            Some(config) => Converter::from_config(config),
            None => Ok(Converter::identity()),
        }
    }

    /// A converter to `target` for `sample`'s script (see [`detect_script`]).
    pub fn for_text(sample: &str, target: Target, phrases: bool) -> Result<Self, ConvertError> {
        Converter::for_source(detect_script(sample), target, phrases)
    }

    /// A converter to `target` for a text written mostly in `main` that may
    /// hold sentences in the other script: each run goes through the
    /// configuration for its own script (Simplified runs through `s2t`,
    /// `s2tw`…, Traditional runs through `t2s`, `t2tw`…).
    pub fn for_mixed(main: Script, target: Target, phrases: bool) -> Result<Self, ConvertError> {
        let other_script = if main.is_traditional() {
            Script::Simplified
        } else {
            Script::Traditional
        };
        let other = Converter::for_source(other_script, target, phrases)?;
        let mut converter = Converter::for_source(main, target, phrases)?;
        converter.other = Some(OtherScript {
            main,
            converter: Box::new(other),
        });
        Ok(converter)
    }

    /// A converter by an OpenCC config name, with the built-in backend.
    pub fn from_config(config: ConfigName) -> Result<Self, ConvertError> {
        Ok(Converter {
            backend: Some(Box::new(BuiltinBackend::new(config)?)),
            overrides: Overrides::none(),
            config: Some(config),
            other: None,
        })
    }

    /// A converter around any backend.
    pub fn with_backend(backend: Box<dyn Backend>, config: Option<ConfigName>) -> Self {
        Converter {
            backend: Some(backend),
            overrides: Overrides::none(),
            config,
            other: None,
        }
    }

    /// A converter that changes nothing but what the overrides say.
    pub fn identity() -> Self {
        Converter {
            backend: None,
            overrides: Overrides::none(),
            config: None,
            other: None,
        }
    }

    /// Uses the system's OpenCC library for the same configuration.
    #[cfg(feature = "system-opencc")]
    pub fn using_system_opencc(mut self) -> Result<Self, ConvertError> {
        if let Some(other) = self.other.take() {
            self.other = Some(OtherScript {
                main: other.main,
                converter: Box::new(other.converter.using_system_opencc()?),
            });
        }
        let Some(config) = self.config else {
            return Ok(self);
        };
        let backend = super::system::SystemBackend::new(config)?;
        Ok(Converter {
            backend: Some(Box::new(backend)),
            ..self
        })
    }

    /// A converter by an OpenCC JSON config file, with the system's OpenCC.
    #[cfg(feature = "system-opencc")]
    pub fn from_opencc_file(path: &std::path::Path) -> Result<Self, ConvertError> {
        let backend = super::system::SystemBackend::from_file(path)?;
        Ok(Converter::with_backend(Box::new(backend), None))
    }

    /// Adds the user's overrides (they win over the dictionaries).
    pub fn with_overrides(mut self, overrides: Overrides) -> Self {
        if let Some(other) = &mut self.other {
            other.converter.overrides = overrides.clone();
        }
        self.overrides = overrides;
        self
    }

    /// The configuration used; `None` for the identity converter or a file.
    pub fn config(&self) -> Option<ConfigName> {
        self.config
    }

    /// Converts `text`. Long texts are split at line ends and converted on
    /// all cores; no dictionary entry spans a line end, so the result is
    /// the same.
    pub fn convert(&self, text: &str) -> String {
        if text.len() < PARALLEL_MIN_BYTES {
            return self.convert_serial(text);
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads < 2 {
            return self.convert_serial(text);
        }
        let chunks = split_at_lines(text, threads * 4);
        let mut parts: Vec<String> = vec![String::new(); chunks.len()];
        std::thread::scope(|scope| {
            // Each worker takes every `threads`-th chunk; results land in place.
            let mut slots: Vec<Vec<(usize, &mut String)>> =
                (0..threads).map(|_| Vec::new()).collect();
            for (i, slot) in parts.iter_mut().enumerate() {
                slots[i % threads].push((i, slot));
            }
            for worker in slots {
                let chunks = &chunks;
                scope.spawn(move || {
                    for (i, slot) in worker {
                        *slot = self.convert_serial(chunks[i]);
                    }
                });
            }
        });
        parts.concat()
    }

    /// Converts `text` except the byte ranges in `keep` (sorted, disjoint),
    /// which are copied unchanged: code and URLs in Markdown.
    pub fn convert_except(&self, text: &str, keep: &[Range<usize>]) -> String {
        if keep.is_empty() {
            return self.convert(text);
        }
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        let mut last = 0;
        for range in keep {
            let start = range.start.clamp(last, text.len());
            let end = range.end.clamp(start, text.len());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            out.push_str(&self.convert(&text[last..start]));
            out.push_str(&text[start..end]);
            last = end;
        }
        out.push_str(&self.convert(&text[last..]));
        out
    }

    fn convert_serial(&self, text: &str) -> String {
        let Some(other) = &self.other else {
            return self.convert_one_script(text);
        };
        let runs = script_runs(text, other.main);
        if let [only] = runs.as_slice() {
            return self.pick(other, only.script).convert_one_script(text);
        }
        runs.iter()
            .map(|run| {
                self.pick(other, run.script)
                    .convert_one_script(&text[run.range.clone()])
            })
            .collect()
    }

    /// The converter for a run in `script`.
    fn pick<'a>(&'a self, other: &'a OtherScript, script: Script) -> &'a Converter {
        if script.is_traditional() == other.main.is_traditional() {
            self
        } else {
            &other.converter
        }
    }

    fn convert_one_script(&self, text: &str) -> String {
        if self.overrides.is_empty() {
            return self.backend_convert(text);
        }
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        for piece in self.overrides.split(text) {
            match piece {
                Piece::Convert(part) => out.push_str(&self.backend_convert(part)),
                Piece::Fixed(fixed) => out.push_str(fixed),
            }
        }
        out
    }

    fn backend_convert(&self, text: &str) -> String {
        match &self.backend {
            Some(backend) if !text.is_empty() => backend.convert(text),
            _ => text.to_string(),
        }
    }
}

/// Splits `text` into about `pieces` parts, each ending after a `\n`.
fn split_at_lines(text: &str, pieces: usize) -> Vec<&str> {
    let target = text.len() / pieces.max(1) + 1;
    let mut chunks = Vec::with_capacity(pieces + 1);
    let mut rest = text;
    while rest.len() > target {
        // Bytes, not chars: `target` may fall inside a character, and a
        // `\n` byte is always a whole character in UTF-8.
        let cut = rest.as_bytes()[target..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| target + i + 1);
        let (head, tail) = rest.split_at(cut);
        chunks.push(head);
        rest = tail;
    }
    if !rest.is_empty() {
        chunks.push(rest);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn glyph_level_conversion_both_ways() {
        let to_s = Converter::new(Target::Simplified, false).unwrap();
        assert_eq!(
            to_s.convert("川習北京峰會後的美中外交動向"),
            "川习北京峰会后的美中外交动向"
        );
        let to_tw = Converter::new(Target::Taiwan, false).unwrap();
        assert_eq!(to_tw.convert("台湾的软件"), "臺灣的軟件");
    }

    #[test]
    fn phrases_swap_regional_vocabulary_only_when_asked() {
        let glyphs = Converter::new(Target::Taiwan, false).unwrap();
        let vocabulary = Converter::new(Target::Taiwan, true).unwrap();
        assert_eq!(glyphs.convert("软件"), "軟件");
        assert_eq!(vocabulary.convert("软件"), "軟體");
        assert!(matches!(
            Converter::new(Target::HongKong, true),
            Err(ConvertError::NoPhrases(Target::HongKong))
        ));
    }

    #[test]
    fn overrides_win_over_the_dictionaries() {
        let overrides = Overrides::parse("程序\n川普\t特朗普\n", Path::new("p")).unwrap();
        let converter = Converter::from_config(ConfigName::Tw2sp)
            .unwrap()
            .with_overrides(overrides);
        assert_eq!(converter.convert("川普的程序與行程"), "特朗普的程序与进程");
    }

    #[test]
    fn text_already_in_the_target_script_is_unchanged() {
        let converter =
            Converter::for_text("这是简体中文的文字", Target::Simplified, false).unwrap();
        assert_eq!(converter.config(), None);
        assert_eq!(converter.convert("这是简体"), "这是简体");
    }

    #[test]
    fn long_texts_convert_in_parallel_to_the_same_result() {
        let line = "臺灣與美國的關係，2026 年的峰會。\n";
        let text = line.repeat(PARALLEL_MIN_BYTES / line.len() + 50);
        let converter = Converter::from_config(ConfigName::T2s).unwrap();
        let expected = converter.convert_serial(&text);
        assert_eq!(converter.convert(&text), expected);
        assert!(expected.starts_with("台湾与美国的关系"));
    }

    #[test]
    fn kept_ranges_are_copied_verbatim() {
        let converter = Converter::from_config(ConfigName::T2s).unwrap();
        let text = "臺灣 `臺灣` 臺灣";
        let start = text.find('`').unwrap();
        let end = text.rfind('`').unwrap() + 1;
        assert_eq!(
            converter.convert_except(text, std::slice::from_ref(&(start..end))),
            "台湾 `臺灣` 台湾"
        );
    }

    #[test]
    fn converters_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Converter>();
    }

    #[test]
    fn the_identity_converter_still_applies_overrides() {
        let overrides = Overrides::parse("川普\t特朗普\n", Path::new("p")).unwrap();
        let converter = Converter::identity().with_overrides(overrides);
        assert_eq!(converter.convert("川普與臺灣"), "特朗普與臺灣");
    }

    #[test]
    fn line_chunks_cover_the_text_exactly() {
        let text = "一\n二二\n三三三\n四\n";
        for pieces in 1..6 {
            let chunks = split_at_lines(text, pieces);
            assert_eq!(chunks.concat(), text);
            assert!(chunks.iter().all(|c| c.ends_with('\n')));
        }
    }
}
