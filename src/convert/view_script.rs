//! The script the reader shows a brief in, by its name in `config.toml`:
//! the settings name it and the reader converts to it, so it sits here,
//! below both.

/// The script the reader shows a brief in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ViewScript {
    /// As the brief is written.
    #[default]
    Original,
    /// Converted to Simplified Chinese.
    Simplified,
    /// Converted to Traditional Chinese, Taiwan glyphs.
    Taiwan,
}

impl ViewScript {
    /// Every script with its name in `config.toml`.
    pub const NAMES: &[(&str, ViewScript)] = &[
        ("original", ViewScript::Original),
        ("s", ViewScript::Simplified),
        ("tw", ViewScript::Taiwan),
    ];

    /// The name `config.toml` uses.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("original", |(n, _)| n)
    }

    /// The script a `config.toml` name stands for, if any.
    pub fn from_name(name: &str) -> Option<ViewScript> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
    }
}
