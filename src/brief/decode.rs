//! Bytes to clean text: detect the encoding (BOM, UTF-8, UTF-16, Big5,
//! GB18030 …), refuse binary files, then clean the text so that no control
//! character can reach a terminal (see [`clean`]).

mod clean;
mod radicals;

use std::borrow::Cow;

use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8};
use thiserror::Error;

pub use clean::{clean, clean_fragment};

/// Text decoded from bytes, with the name of the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The cleaned text: LF line ends, no control characters but `\n` and `\f`.
    pub text: String,
    /// The encoding's name, as shown to the user.
    pub encoding: &'static str,
    /// One line for the user when the bytes needed repair (invalid UTF-8
    /// replaced); the text is still usable.
    pub warning: Option<String>,
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

/// File signatures of formats that are certainly not a brief's text.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (
        b"%PDF-",
        "a PDF document; extract its text first, e.g. with pdftotext",
    ),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
];

/// Above this share of control or replacement characters, text is noise.
const MAX_NOISE_PER_MILLE: usize = 50;

/// Up to this many control characters, a short file is still text (a stray
/// BEL in a note): the share alone would refuse it.
const CONTROLS_ALWAYS_ALLOWED: usize = 8;

/// Decodes and cleans `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((_, what)) = MAGIC.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(DecodeError::Binary(what));
    }
    let (raw, encoding, warning) = detect_and_decode(bytes)?;
    if is_noise(&raw) {
        return Err(if raw.contains('\u{FFFD}') {
            DecodeError::Undecodable
        } else {
            DecodeError::Binary("mostly control characters")
        });
    }
    Ok(Decoded {
        text: clean(&raw),
        encoding,
        warning,
    })
}

/// Decoded text, its encoding's name and a warning about repairs made.
type Detected<'a> = (Cow<'a, str>, &'static str, Option<String>);

/// Finds the encoding and decodes without any clean-up yet.
fn detect_and_decode(bytes: &[u8]) -> Result<Detected<'_>, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        // A BOM is a strong statement, so malformed sequences are replaced
        // rather than sending the bytes to a guess; the noise check decides.
        let (text, _) = encoding.decode_without_bom_handling(body);
        return Ok((text, encoding.name(), None));
    }
    // Valid UTF-8 is taken as UTF-8: legacy CJK text is almost never valid
    // UTF-8. A stray NUL is dropped by the clean-up; many mean binary data
    // (or UTF-16 without its byte-order mark).
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !nuls_are_stray(bytes) {
            return Err(DecodeError::Binary(
                "it contains NUL bytes; UTF-16 text needs a byte-order mark",
            ));
        }
        return Ok((Cow::Borrowed(text), UTF_8.name(), None));
    }
    // UTF-8 damaged in a few places (a cut last character, a stray byte) is
    // still UTF-8: read as GB18030 it would turn entirely into mojibake.
    if nuls_are_stray(bytes)
        && let Some(bad) = mostly_utf8(bytes)
    {
        let warning = format!(
            "the text is UTF-8 with {bad} invalid byte sequence{}, shown as \u{FFFD}",
            if bad == 1 { "" } else { "s" }
        );
        return Ok((String::from_utf8_lossy(bytes), UTF_8.name(), Some(warning)));
    }
    if bytes.contains(&0) {
        // Legacy encodings never use NUL in text; UTF-16 needs its BOM here.
        return Err(DecodeError::Binary(
            "it contains NUL bytes; UTF-16 text needs a byte-order mark",
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Only the legacy encodings briefs come in are accepted: a single-byte
    // guess (windows-1256, say) would turn any noise into "text". GBK is
    // decoded as GB18030, its superset (encoding_rs decodes both alike).
    let preferred = match guess {
        g if g == GBK || g == GB18030 => GB18030,
        g if g == BIG5 => BIG5,
        _ => GB18030,
    };
    for encoding in [preferred, GB18030, BIG5] {
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
            && !is_noise(&text)
        {
            return Ok((text, encoding.name(), None));
        }
    }
    // A few malformed sequences in otherwise good text are replaced.
    let (text, _) = preferred.decode_without_bom_handling(bytes);
    if is_noise(&text) {
        return Err(DecodeError::Undecodable);
    }
    Ok((text, preferred.name(), None))
}

/// Valid multi-byte characters needed for each invalid sequence before
/// damaged bytes are taken as UTF-8. Legacy CJK bytes read as UTF-8 give
/// about as many invalid sequences as valid characters, UTF-8 with a few
/// damaged bytes hundreds of valid characters per invalid one.
const UTF8_GOOD_PER_BAD: usize = 20;

/// The number of invalid sequences when `bytes` are UTF-8 with only a few
/// of them, else `None`. A sequence cut off at the very end (a truncated
/// file) counts like any other. One pass, no allocation.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let mut good = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        // Non-ASCII characters are told apart from ASCII by their lead bytes.
        good += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (bad > 0 && good >= bad.saturating_mul(UTF8_GOOD_PER_BAD)).then_some(bad)
}

/// True when the NUL bytes are few enough to be damage in a text file (at
/// most one in a thousand bytes, or a single one in a short file).
fn nuls_are_stray(bytes: &[u8]) -> bool {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    nuls <= 1 || nuls.saturating_mul(1000) <= bytes.len()
}

/// True when too many characters are replacement or control characters
/// other than the line and page breaks and tabs text legitimately holds, and
/// ESC: text saved with colour codes is still text (the clean-up drops them).
/// Works on the UTF-8 bytes: this runs over every brief, so it must be quick.
fn is_noise(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut noise = 0usize;
    let mut replaced = 0usize;
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| NOISE_LEAD[usize::from(b)]) {
        i += found;
        let next = |k: usize| bytes.get(i + k).copied();
        match bytes[i] {
            // C1 controls, U+0080–U+009F.
            0xC2 => noise += usize::from(matches!(next(1), Some(0x80..=0x9F))),
            // U+FFFD, the replacement character.
            0xEF => {
                let is_replacement = next(1) == Some(0xBF) && next(2) == Some(0xBD);
                noise += usize::from(is_replacement);
                replaced += usize::from(is_replacement);
            }
            _ => noise += 1,
        }
        i += 1;
    }
    if noise == 0 || (replaced == 0 && noise <= CONTROLS_ALWAYS_ALLOWED) {
        return false;
    }
    let chars = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    noise * 1000 > chars * MAX_NOISE_PER_MILLE
}

/// Bytes that are, or may start, a noise character: ASCII controls other
/// than line and page breaks, tab and ESC; DEL; the lead bytes of C1
/// controls (0xC2) and of U+FFFD (0xEF).
const NOISE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x1B);
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xEF] = true;
    table
};

#[cfg(test)]
mod tests;
