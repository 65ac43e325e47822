//! Bytes to text: BOM sniffing, binary detection, legacy encodings, line endings.
//!
//! UTF-8 (with or without BOM) is the fast path: it costs one validation pass.
//! UTF-16 needs a BOM. Bytes that are not valid UTF-8 are decoded with the
//! charset an HTML/XML header declares, else Windows-1252 (a superset of the
//! printable Latin-1 range); a U+FFFD is never substituted wholesale.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::clipping::error::ParseError;

/// How many leading bytes are inspected for NULs and control characters.
const SNIFF_LEN: usize = 8 * 1024;

/// Decode one file's bytes to text with LF line endings.
///
/// Returns the text and, when it was not UTF-8, the name of the encoding used.
/// Errors: [`ParseError::Empty`] for no text, [`ParseError::Binary`] for NULs,
/// control bytes or archive/image/PDF signatures, [`ParseError::Encoding`] for
/// malformed UTF-16 or bytes that look like no supported text encoding.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), ParseError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ParseError::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let text = decode_utf16(enc, &bytes[bom_len..])?;
            return finish(text, Some(enc.name()));
        }
        check_binary(&bytes[bom_len..])?;
        return finish(utf8_or_legacy(&bytes[bom_len..])?.0, None);
    }
    check_binary(bytes)?;
    let (text, enc) = utf8_or_legacy(bytes)?;
    finish(text, enc)
}

/// Normalise line endings and reject text that is only whitespace.
fn finish(
    text: String,
    enc: Option<&'static str>,
) -> Result<(String, Option<&'static str>), ParseError> {
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok((text, enc))
}

/// UTF-16 without replacement characters: malformed input is an error.
fn decode_utf16(enc: &'static Encoding, body: &[u8]) -> Result<String, ParseError> {
    if !body.len().is_multiple_of(2) {
        return Err(ParseError::Encoding {
            reason: format!("{} byte order mark but an odd number of bytes", enc.name()),
        });
    }
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(text.into_owned()),
        None => Err(ParseError::Encoding {
            reason: format!(
                "{} byte order mark but malformed {} text",
                enc.name(),
                enc.name()
            ),
        }),
    }
}

/// Valid UTF-8 as is; otherwise the declared charset or Windows-1252.
fn utf8_or_legacy(bytes: &[u8]) -> Result<(String, Option<&'static str>), ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), None)),
        Err(_) => {
            let enc = declared_charset(bytes).unwrap_or(WINDOWS_1252);
            if enc == WINDOWS_1252 && mostly_high_bytes(bytes) {
                return Err(ParseError::Encoding {
                    reason: "not UTF-8, and too many non-ASCII bytes to be Windows-1252 text; \
                             re-save the file as UTF-8"
                        .into(),
                });
            }
            match enc.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) => Ok((text.into_owned(), Some(enc.name()))),
                None => Err(ParseError::Encoding {
                    reason: format!("not UTF-8 and not valid {} either", enc.name()),
                }),
            }
        }
    }
}

/// More than 40% of the sniffed bytes above 0x7F: not Western text.
fn mostly_high_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let high = head.iter().filter(|b| **b >= 0x80).count();
    high * 10 > head.len() * 4
}

/// A `charset=` / `encoding=` declaration in the first kilobyte (HTML, XML).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        if let Some(pos) = find(&lower, key) {
            let rest = &head[pos + key.len()..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
                .unwrap_or(rest.len());
            if let Some(enc) = Encoding::for_label(&rest[..end]) {
                return (enc != encoding_rs::UTF_8).then_some(enc);
            }
        }
    }
    None
}

/// Byte-substring search (short needles, short haystacks).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Binary signatures, NUL bytes or many control characters in the first 8 KB.
fn check_binary(bytes: &[u8]) -> Result<(), ParseError> {
    if let Some(kind) = magic_kind(bytes) {
        return Err(ParseError::Binary {
            reason: kind.into(),
        });
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let controls = count_binary_controls(head);
    if controls == 0 {
        return Ok(());
    }
    if let Some(pos) = head.iter().position(|b| *b == 0) {
        return Err(ParseError::Binary {
            reason: format!("NUL byte at offset {pos}"),
        });
    }
    if controls * 20 > head.len() {
        return Err(ParseError::Binary {
            reason: format!("{controls} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

/// Number of binary control bytes, counted in 64-byte chunks (vectorises).
fn count_binary_controls(head: &[u8]) -> usize {
    head.chunks(64)
        .map(|chunk| {
            let mut n = 0u8;
            for &b in chunk {
                n += u8::from(is_binary_control(b));
            }
            usize::from(n)
        })
        .sum()
}

/// Control bytes that do not occur in text (tab, LF, FF, CR and ESC do).
fn is_binary_control(b: u8) -> bool {
    let text_control = (b == b'\t') | (b == b'\n') | (b == 0x0c) | (b == b'\r') | (b == 0x1b);
    (b < 0x20) & !text_control
}

/// Name of a well-known binary format from its magic bytes.
fn magic_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x1f\x8b", "gzip archive (magic bytes 1f 8b)"),
        (b"PK\x03\x04", "zip archive (magic bytes PK 03 04)"),
        (b"PK\x05\x06", "empty zip archive"),
        (b"%PDF-", "PDF document"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
        .filter(|name| {
            !name.starts_with("bzip2") || bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b))
        })
}

/// CRLF and lone CR become LF; text without CR is returned untouched.
pub(crate) fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode(b"abc\n").unwrap(), ("abc\n".to_string(), None));
        assert_eq!(decode(b"\xef\xbb\xbfabc").unwrap().0, "abc");
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert_eq!(decode(b""), Err(ParseError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(ParseError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf  \n"), Err(ParseError::Empty));
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    }

    #[test]
    fn windows_1252_pound_and_quotes() {
        let (text, enc) = decode(b"Price \xa3600m, \x93quoted\x94 caf\xe9").unwrap();
        assert_eq!(text, "Price \u{a3}600m, \u{201c}quoted\u{201d} caf\u{e9}");
        assert_eq!(enc, Some("windows-1252"));
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi £".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), ("Hi £".to_string(), Some("UTF-16LE")));
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Hi".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap(), ("Hi".to_string(), Some("UTF-16BE")));
    }

    #[test]
    fn utf16_odd_length_is_encoding_error() {
        assert!(matches!(
            decode(b"\xff\xfeA\x00B"),
            Err(ParseError::Encoding { .. })
        ));
    }

    #[test]
    fn binary_inputs() {
        let gz = b"\x1f\x8b\x08\x00\x12\x34\x56\x78\x00\x03";
        assert!(matches!(decode(gz), Err(ParseError::Binary { .. })));
        assert!(matches!(
            decode(b"%PDF-1.4\n"),
            Err(ParseError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"text\x00more"),
            Err(ParseError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04abc"),
            Err(ParseError::Binary { .. })
        ));
    }

    #[test]
    fn declared_charset_is_honoured() {
        let html = b"<meta charset=\"iso-8859-2\"><p>\xb3\xf3d\xbc</p>";
        let (text, enc) = decode(html).unwrap();
        assert!(text.contains("łódź"), "{text}");
        assert_eq!(enc, Some("ISO-8859-2"));
    }

    #[test]
    fn mostly_high_bytes_is_encoding_error() {
        let bytes = [0xc1u8, 0xe2, 0xf3, 0xe5, 0x20].repeat(20);
        assert!(matches!(decode(&bytes), Err(ParseError::Encoding { .. })));
    }
}
