//! Bytes to clean text. Only UTF-8 is handled so far; the other encodings
//! and the full clean-up come with the decoder's own work.

use thiserror::Error;

/// Text decoded from bytes, with the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The cleaned text: LF line ends, no control characters but `\n` and `\f`.
    pub text: String,
    /// The encoding's name, as shown to the user.
    pub encoding: &'static str,
}

/// Why bytes could not be taken as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The bytes look like a binary file (an image, an archive …).
    #[error("this looks like a binary file ({0}), not a brief")]
    Binary(&'static str),
    /// No supported encoding gives sensible text.
    #[error("the bytes do not decode as text in UTF-8, UTF-16, Big5 or GB18030")]
    Undecodable,
}

/// Decodes and cleans `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::Undecodable)?;
    Ok(Decoded {
        text: text.replace("\r\n", "\n"),
        encoding: "UTF-8",
    })
}
