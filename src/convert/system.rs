//! The second backend: the system's OpenCC library through `opencc-rust`
//! (feature `system-opencc`), which also reads any OpenCC JSON config file.

use std::path::{Path, PathBuf};

use opencc_rust::OpenCC;

use super::backend::{Backend, BackendError};
use super::config::ConfigName;

/// Where Debian and most distributions install OpenCC's configs.
const SYSTEM_CONFIG_DIRS: [&str; 2] = ["/usr/share/opencc", "/usr/local/share/opencc"];

/// OpenCC's own C++ library, by config name or by config file.
pub struct SystemBackend {
    engine: OpenCC,
}

impl SystemBackend {
    /// Opens the system's copy of a built-in configuration.
    pub fn new(config: ConfigName) -> Result<Self, BackendError> {
        let file = format!("{}.json", config.name());
        let path = SYSTEM_CONFIG_DIRS
            .iter()
            .map(|dir| Path::new(dir).join(&file))
            .find(|p| p.is_file())
            // OpenCC also looks a bare name up in its own data folder.
            .unwrap_or_else(|| PathBuf::from(&file));
        SystemBackend::open(&path, config.name())
    }

    /// Opens an OpenCC JSON config file, with the dictionaries it names.
    pub fn from_file(path: &Path) -> Result<Self, BackendError> {
        if !path.is_file() {
            return Err(BackendError::System {
                config: path.display().to_string(),
                reason: "no such file".to_string(),
            });
        }
        SystemBackend::open(path, &path.display().to_string())
    }

    fn open(path: &Path, shown: &str) -> Result<Self, BackendError> {
        let failed = |reason: &str| BackendError::System {
            config: shown.to_string(),
            reason: reason.to_string(),
        };
        // opencc-rust panics on paths that are not UTF-8 or hold a NUL.
        let Some(text_path) = path.to_str().filter(|p| !p.contains('\0')) else {
            return Err(failed("the path is not valid UTF-8"));
        };
        let engine = OpenCC::new(text_path).map_err(failed)?;
        Ok(SystemBackend { engine })
    }
}

impl Backend for SystemBackend {
    fn convert(&self, text: &str) -> String {
        // The C interface reads NUL-terminated strings: convert around NULs.
        if text.contains('\0') {
            return text
                .split('\0')
                .map(|part| self.engine.convert(part))
                .collect::<Vec<_>>()
                .join("\0");
        }
        self.engine.convert(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_configs_open_and_convert() {
        let t2s = SystemBackend::new(ConfigName::T2s).unwrap();
        assert_eq!(t2s.convert("臺灣習近平"), "台湾习近平");
        assert_eq!(t2s.convert("a\0臺灣"), "a\0台湾");
    }

    #[test]
    fn a_missing_config_file_is_an_error() {
        let err = SystemBackend::from_file(Path::new("/nonexistent/x.json"))
            .err()
            .unwrap();
        assert!(err.to_string().contains("no such file"), "{err}");
    }
}
