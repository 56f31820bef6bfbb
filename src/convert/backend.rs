//! The conversion engines behind [`super::Converter`]: a pure-Rust one with
//! embedded dictionaries (always there) and, with the `system-opencc`
//! feature, the system's OpenCC library.

use std::sync::OnceLock;

use opencc_fmmseg::{DictionaryMaxlength, OpenCC, OpenccConfig};
use thiserror::Error;

use super::config::ConfigName;

/// Something that converts text by one fixed OpenCC configuration.
pub trait Backend: Send + Sync {
    /// Converts `text`; characters the dictionaries do not know pass through.
    fn convert(&self, text: &str) -> String;
}

/// Why a backend could not be set up.
#[derive(Debug, Error)]
pub enum BackendError {
    /// The embedded dictionaries could not be opened (a build problem).
    #[error("the built-in dictionaries cannot be loaded: {0}")]
    Builtin(String),
    /// The system's OpenCC refused a configuration.
    #[error("the system OpenCC cannot use {config}: {reason}")]
    System {
        /// The configuration name or file as given.
        config: String,
        /// What went wrong.
        reason: String,
    },
}

/// The default backend: `opencc-fmmseg`, pure Rust, OpenCC's current
/// dictionaries compiled in, OpenCC's segment-then-convert rounds.
pub struct BuiltinBackend {
    engine: &'static OpenCC,
    config: OpenccConfig,
}

impl BuiltinBackend {
    /// The built-in dictionaries with the rounds of `config`.
    pub fn new(config: ConfigName) -> Result<Self, BackendError> {
        Ok(BuiltinBackend {
            engine: builtin_engine()?,
            config: builtin_config(config),
        })
    }
}

impl Backend for BuiltinBackend {
    fn convert(&self, text: &str) -> String {
        self.engine.convert_with_config(text, self.config, false)
    }
}

/// The process-wide dictionary set: decompressed once (about 0.1 s), then
/// shared by every converter and thread.
pub fn builtin_engine() -> Result<&'static OpenCC, BackendError> {
    static ENGINE: OnceLock<Result<OpenCC, String>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dictionary = DictionaryMaxlength::new().map_err(|e| e.to_string())?;
            let mut engine = OpenCC::from_dictionary(dictionary);
            // `Converter` already splits long texts over the cores; a second
            // layer of threads inside would only contend with it.
            engine.set_parallel(false);
            Ok(engine)
        })
        .as_ref()
        .map_err(|e| BackendError::Builtin(e.clone()))
}

fn builtin_config(config: ConfigName) -> OpenccConfig {
    match config {
        ConfigName::S2t => OpenccConfig::S2t,
        ConfigName::T2s => OpenccConfig::T2s,
        ConfigName::S2tw => OpenccConfig::S2tw,
        ConfigName::Tw2s => OpenccConfig::Tw2s,
        ConfigName::S2hk => OpenccConfig::S2hk,
        ConfigName::Hk2s => OpenccConfig::Hk2s,
        ConfigName::S2twp => OpenccConfig::S2twp,
        ConfigName::Tw2sp => OpenccConfig::Tw2sp,
        ConfigName::T2tw => OpenccConfig::T2tw,
        ConfigName::Tw2t => OpenccConfig::Tw2t,
        ConfigName::T2hk => OpenccConfig::T2hk,
        ConfigName::Hk2t => OpenccConfig::Hk2t,
        ConfigName::T2jp => OpenccConfig::T2jp,
        ConfigName::Jp2t => OpenccConfig::Jp2t,
        ConfigName::S2hkp => OpenccConfig::S2hkp,
        ConfigName::Hk2sp => OpenccConfig::Hk2sp,
        ConfigName::T2twp => OpenccConfig::T2twp,
        ConfigName::Tw2tp => OpenccConfig::Tw2tp,
        ConfigName::T2hkp => OpenccConfig::T2hkp,
        ConfigName::Hk2tp => OpenccConfig::Hk2tp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_config_opens_and_converts() {
        for config in ConfigName::ALL {
            let backend = BuiltinBackend::new(config).unwrap();
            // Plain ASCII is never touched by any configuration.
            assert_eq!(backend.convert("G2 summit, 2026"), "G2 summit, 2026");
        }
        let t2s = BuiltinBackend::new(ConfigName::T2s).unwrap();
        assert_eq!(t2s.convert("臺灣習近平"), "台湾习近平");
    }
}
