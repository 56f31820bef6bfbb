//! The conversion engines behind [`super::Converter`]: a pure-Rust one with
//! embedded dictionaries (always there) and, with the `system-opencc`
//! feature, the system's OpenCC library.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
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
    #[error("the built-in {config} dictionaries cannot be loaded: {reason}")]
    Builtin {
        /// The configuration asked for.
        config: ConfigName,
        /// What the dictionary library said.
        reason: String,
    },
    /// The system's OpenCC refused a configuration.
    #[error("the system OpenCC cannot use {config}: {reason}")]
    System {
        /// The configuration name or file as given.
        config: String,
        /// What went wrong.
        reason: String,
    },
}

/// The default backend: `ferrous-opencc`, pure Rust, dictionaries compiled in.
pub struct BuiltinBackend {
    engine: OpenCC,
}

impl BuiltinBackend {
    /// Opens the embedded dictionaries of `config`.
    pub fn new(config: ConfigName) -> Result<Self, BackendError> {
        let engine =
            OpenCC::from_config(builtin_config(config)).map_err(|e| BackendError::Builtin {
                config,
                reason: e.to_string(),
            })?;
        Ok(BuiltinBackend { engine })
    }
}

impl Backend for BuiltinBackend {
    fn convert(&self, text: &str) -> String {
        self.engine.convert(text)
    }
}

fn builtin_config(config: ConfigName) -> BuiltinConfig {
    match config {
        ConfigName::S2t => BuiltinConfig::S2t,
        ConfigName::T2s => BuiltinConfig::T2s,
        ConfigName::S2tw => BuiltinConfig::S2tw,
        ConfigName::Tw2s => BuiltinConfig::Tw2s,
        ConfigName::S2hk => BuiltinConfig::S2hk,
        ConfigName::Hk2s => BuiltinConfig::Hk2s,
        ConfigName::S2twp => BuiltinConfig::S2twp,
        ConfigName::Tw2sp => BuiltinConfig::Tw2sp,
        ConfigName::T2tw => BuiltinConfig::T2tw,
        ConfigName::Tw2t => BuiltinConfig::Tw2t,
        ConfigName::T2hk => BuiltinConfig::T2hk,
        ConfigName::Hk2t => BuiltinConfig::Hk2t,
        ConfigName::T2jp => BuiltinConfig::T2jp,
        ConfigName::Jp2t => BuiltinConfig::Jp2t,
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
