//! OpenCC configuration names and the scripts they convert between.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// A writing system a text can be in, as OpenCC distinguishes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Simplified Chinese (mainland standard).
    Simplified,
    /// Traditional Chinese as OpenCC standardises it.
    Traditional,
    /// Traditional Chinese with Taiwan glyph variants.
    Taiwan,
    /// Traditional Chinese with Hong Kong glyph variants.
    HongKong,
    /// Japanese Shinjitai.
    Japanese,
}

impl Script {
    /// True for every Traditional form (OpenCC standard, Taiwan, Hong Kong).
    pub fn is_traditional(self) -> bool {
        matches!(
            self,
            Script::Traditional | Script::Taiwan | Script::HongKong
        )
    }
}

/// Where `gloss convert --to` sends a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Simplified Chinese (`s`).
    Simplified,
    /// Traditional Chinese, OpenCC standard (`t`).
    Traditional,
    /// Traditional Chinese, Taiwan (`tw`).
    Taiwan,
    /// Traditional Chinese, Hong Kong (`hk`).
    HongKong,
}

impl Target {
    /// Every target, in the order the reader cycles through them.
    pub const ALL: [Target; 4] = [
        Target::Simplified,
        Target::Traditional,
        Target::Taiwan,
        Target::HongKong,
    ];

    /// The short name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Target::Simplified => "s",
            Target::Traditional => "t",
            Target::Taiwan => "tw",
            Target::HongKong => "hk",
        }
    }

    /// The script a text is in after conversion to this target.
    pub fn script(self) -> Script {
        match self {
            Target::Simplified => Script::Simplified,
            Target::Traditional => Script::Traditional,
            Target::Taiwan => Script::Taiwan,
            Target::HongKong => Script::HongKong,
        }
    }
}

/// A target name that is not `s`, `t`, `tw` or `hk`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown target {0:?}: use s, t, tw or hk")]
pub struct UnknownTarget(pub String);

impl FromStr for Target {
    type Err = UnknownTarget;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "s" | "simplified" | "zh-hans" | "zh-cn" => Ok(Target::Simplified),
            "t" | "traditional" | "zh-hant" => Ok(Target::Traditional),
            "tw" | "zh-tw" => Ok(Target::Taiwan),
            "hk" | "zh-hk" => Ok(Target::HongKong),
            _ => Err(UnknownTarget(s.to_string())),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One of OpenCC's built-in conversion configurations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConfigName {
    /// Simplified → Traditional.
    S2t,
    /// Traditional → Simplified.
    T2s,
    /// Simplified → Taiwan glyphs.
    S2tw,
    /// Taiwan glyphs → Simplified.
    Tw2s,
    /// Simplified → Hong Kong glyphs.
    S2hk,
    /// Hong Kong glyphs → Simplified.
    Hk2s,
    /// Simplified → Taiwan glyphs and vocabulary.
    S2twp,
    /// Taiwan glyphs and vocabulary → Simplified (mainland vocabulary).
    Tw2sp,
    /// Traditional → Taiwan glyphs.
    T2tw,
    /// Taiwan glyphs → Traditional.
    Tw2t,
    /// Traditional → Hong Kong glyphs.
    T2hk,
    /// Hong Kong glyphs → Traditional.
    Hk2t,
    /// Traditional (Kyūjitai) → Japanese Shinjitai.
    T2jp,
    /// Japanese Shinjitai → Traditional.
    Jp2t,
    /// Simplified → Hong Kong glyphs and vocabulary.
    S2hkp,
    /// Hong Kong glyphs and vocabulary → Simplified (mainland vocabulary).
    Hk2sp,
    /// Traditional → Taiwan glyphs and vocabulary.
    T2twp,
    /// Taiwan glyphs and vocabulary → Traditional.
    Tw2tp,
    /// Traditional → Hong Kong glyphs and vocabulary.
    T2hkp,
    /// Hong Kong glyphs and vocabulary → Traditional.
    Hk2tp,
}

impl ConfigName {
    /// Every built-in configuration.
    pub const ALL: [ConfigName; 20] = [
        ConfigName::S2t,
        ConfigName::T2s,
        ConfigName::S2tw,
        ConfigName::Tw2s,
        ConfigName::S2hk,
        ConfigName::Hk2s,
        ConfigName::S2twp,
        ConfigName::Tw2sp,
        ConfigName::T2tw,
        ConfigName::Tw2t,
        ConfigName::T2hk,
        ConfigName::Hk2t,
        ConfigName::T2jp,
        ConfigName::Jp2t,
        ConfigName::S2hkp,
        ConfigName::Hk2sp,
        ConfigName::T2twp,
        ConfigName::Tw2tp,
        ConfigName::T2hkp,
        ConfigName::Hk2tp,
    ];

    /// OpenCC's name for it, without `.json`.
    pub fn name(self) -> &'static str {
        match self {
            ConfigName::S2t => "s2t",
            ConfigName::T2s => "t2s",
            ConfigName::S2tw => "s2tw",
            ConfigName::Tw2s => "tw2s",
            ConfigName::S2hk => "s2hk",
            ConfigName::Hk2s => "hk2s",
            ConfigName::S2twp => "s2twp",
            ConfigName::Tw2sp => "tw2sp",
            ConfigName::T2tw => "t2tw",
            ConfigName::Tw2t => "tw2t",
            ConfigName::T2hk => "t2hk",
            ConfigName::Hk2t => "hk2t",
            ConfigName::T2jp => "t2jp",
            ConfigName::Jp2t => "jp2t",
            ConfigName::S2hkp => "s2hkp",
            ConfigName::Hk2sp => "hk2sp",
            ConfigName::T2twp => "t2twp",
            ConfigName::Tw2tp => "tw2tp",
            ConfigName::T2hkp => "t2hkp",
            ConfigName::Hk2tp => "hk2tp",
        }
    }

    /// The script the configuration reads.
    pub fn source(self) -> Script {
        match self {
            ConfigName::S2t
            | ConfigName::S2tw
            | ConfigName::S2hk
            | ConfigName::S2twp
            | ConfigName::S2hkp => Script::Simplified,
            ConfigName::T2s
            | ConfigName::T2tw
            | ConfigName::T2hk
            | ConfigName::T2jp
            | ConfigName::T2twp
            | ConfigName::T2hkp => Script::Traditional,
            ConfigName::Tw2s | ConfigName::Tw2sp | ConfigName::Tw2t | ConfigName::Tw2tp => {
                Script::Taiwan
            }
            ConfigName::Hk2s | ConfigName::Hk2t | ConfigName::Hk2sp | ConfigName::Hk2tp => {
                Script::HongKong
            }
            ConfigName::Jp2t => Script::Japanese,
        }
    }

    /// The script the configuration writes.
    pub fn target(self) -> Script {
        match self {
            ConfigName::T2s
            | ConfigName::Tw2s
            | ConfigName::Hk2s
            | ConfigName::Tw2sp
            | ConfigName::Hk2sp => Script::Simplified,
            ConfigName::S2t
            | ConfigName::Tw2t
            | ConfigName::Hk2t
            | ConfigName::Jp2t
            | ConfigName::Tw2tp
            | ConfigName::Hk2tp => Script::Traditional,
            ConfigName::S2tw | ConfigName::S2twp | ConfigName::T2tw | ConfigName::T2twp => {
                Script::Taiwan
            }
            ConfigName::S2hk | ConfigName::T2hk | ConfigName::S2hkp | ConfigName::T2hkp => {
                Script::HongKong
            }
            ConfigName::T2jp => Script::Japanese,
        }
    }

    /// The configuration that takes a text from `source` to `target`, or `None`
    /// when the text needs no conversion (it is already in the target script).
    ///
    /// Any Traditional text bound for Simplified goes through `t2s`: its
    /// character table already folds the Taiwan and Hong Kong variants, and
    /// the regional variant of a brief cannot be told reliably from its text.
    pub fn for_conversion(source: Script, target: Target, phrases: bool) -> Option<ConfigName> {
        let from_simplified = !source.is_traditional();
        match (target, from_simplified, phrases) {
            (Target::Simplified, true, _) => None,
            (Target::Simplified, false, false) => Some(ConfigName::T2s),
            (Target::Simplified, false, true) => Some(ConfigName::Tw2sp),
            (Target::Traditional, true, _) => Some(ConfigName::S2t),
            (Target::Traditional, false, _) => match source {
                Script::Taiwan => Some(ConfigName::Tw2t),
                Script::HongKong => Some(ConfigName::Hk2t),
                _ => None,
            },
            (Target::Taiwan, true, false) => Some(ConfigName::S2tw),
            (Target::Taiwan, true, true) => Some(ConfigName::S2twp),
            (Target::Taiwan, false, false) => Some(ConfigName::T2tw),
            (Target::Taiwan, false, true) => Some(ConfigName::T2twp),
            (Target::HongKong, true, false) => Some(ConfigName::S2hk),
            (Target::HongKong, true, true) => Some(ConfigName::S2hkp),
            (Target::HongKong, false, false) => Some(ConfigName::T2hk),
            (Target::HongKong, false, true) => Some(ConfigName::T2hkp),
        }
    }
}

/// A configuration name OpenCC does not ship.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "unknown OpenCC config {0:?}: use one of s2t, t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, s2hkp, hk2sp, t2tw, tw2t, t2twp, tw2tp, t2hk, hk2t, t2hkp, hk2tp, t2jp, jp2t"
)]
pub struct UnknownConfig(pub String);

impl FromStr for ConfigName {
    type Err = UnknownConfig;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bare = s.trim().to_ascii_lowercase();
        let bare = bare.strip_suffix(".json").unwrap_or(&bare);
        ConfigName::ALL
            .into_iter()
            .find(|c| c.name() == bare)
            .ok_or_else(|| UnknownConfig(s.to_string()))
    }
}

impl fmt::Display for ConfigName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_config_name_round_trips() {
        for config in ConfigName::ALL {
            assert_eq!(config.name().parse::<ConfigName>(), Ok(config));
        }
        assert_eq!("T2S.json".parse::<ConfigName>(), Ok(ConfigName::T2s));
        assert!("t2x".parse::<ConfigName>().is_err());
    }

    #[test]
    fn targets_parse_from_their_short_names() {
        for target in Target::ALL {
            assert_eq!(target.name().parse::<Target>(), Ok(target));
        }
        assert!("jp".parse::<Target>().is_err());
    }

    #[test]
    fn traditional_to_simplified_uses_t2s_whatever_the_variant() {
        for source in [Script::Traditional, Script::Taiwan, Script::HongKong] {
            assert_eq!(
                ConfigName::for_conversion(source, Target::Simplified, false),
                Some(ConfigName::T2s)
            );
        }
        assert_eq!(
            ConfigName::for_conversion(Script::Taiwan, Target::Simplified, true),
            Some(ConfigName::Tw2sp)
        );
    }

    #[test]
    fn text_already_in_the_target_script_is_left_alone() {
        assert_eq!(
            ConfigName::for_conversion(Script::Simplified, Target::Simplified, false),
            None
        );
        assert_eq!(
            ConfigName::for_conversion(Script::Traditional, Target::Traditional, false),
            None
        );
    }

    #[test]
    fn configs_know_their_direction() {
        assert_eq!(ConfigName::S2twp.source(), Script::Simplified);
        assert_eq!(ConfigName::S2twp.target(), Script::Taiwan);
        assert_eq!(ConfigName::Hk2t.source(), Script::HongKong);
        assert_eq!(ConfigName::Jp2t.target(), Script::Traditional);
    }
}
