//! The entry point: one file's bytes to its clippings.

use std::path::Path;

use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::dashed::parse_dashed;
use crate::clipping::decode::decode;
use crate::clipping::detect::detect;
use crate::clipping::error::ParseError;
use crate::clipping::html::parse_html;
use crate::clipping::json::{parse_json, parse_ndjson};
use crate::clipping::markdown::parse_markdown;
use crate::clipping::path_hints::PathHints;
use crate::clipping::plain::parse_plain;
use crate::clipping::seed::parse_seed;

/// Parse one file's bytes into its clippings (several for NDJSON/JSON arrays).
///
/// `path` is only read as text: for a date (`2025/12/20/`, `20251220-`),
/// a section folder and the extension; the file is never opened. When the
/// bytes were not UTF-8, each clipping carries a warning naming the encoding.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<Vec<Clipping>, ParseError> {
    let (text, encoding) = decode(bytes)?;
    let hints = PathHints::from_path(path);
    let mut clips = match detect(&text, &hints) {
        Format::Seed => vec![parse_seed(&text)?],
        Format::ReutersDashed => vec![parse_dashed(&text, hints.date)?],
        Format::PlainTitle => vec![parse_plain(&text, &hints)?],
        Format::Markdown => vec![parse_markdown(&text, &hints)?],
        Format::Json => parse_json(&text).or_else(|e| not_json_after_all(&text, &hints, e))?,
        Format::Ndjson => parse_ndjson(&text)?,
        Format::Html => vec![parse_html(&text, &hints)?],
    };
    if let Some(name) = encoding {
        for clip in &mut clips {
            clip.warnings
                .push(format!("decoded as {name} (the file is not UTF-8)"));
        }
    }
    Ok(clips)
}

/// Text that merely starts with `{` or `[` ("[Updated] Title") in a file not
/// named `.json` is read as plain text; otherwise the JSON error stands.
fn not_json_after_all(
    text: &str,
    hints: &PathHints,
    json_error: ParseError,
) -> Result<Vec<Clipping>, ParseError> {
    if hints.ext == "json" {
        return Err(json_error);
    }
    parse_plain(text, hints)
        .map(|c| vec![c])
        .map_err(|_| json_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_bytes() {
        let v = parse_file(
            Path::new("x.txt"),
            b"date 1987-03-09 Reuters\n\nT\n\nWASHINGTON, March 9 - B",
        )
        .unwrap();
        assert_eq!(v[0].format, Format::Seed);
        assert_eq!(v[0].dateline.as_deref(), Some("Washington"));
    }

    #[test]
    fn latin1_plain_text_warns_encoding() {
        let v = parse_file(
            Path::new("bbc/business/001.txt"),
            b"Profit \xa3600m\n\nBody \x93quoted\x94.",
        )
        .unwrap();
        assert_eq!(v[0].title, "Profit \u{a3}600m");
        assert_eq!(v[0].body, "Body \u{201c}quoted\u{201d}.");
        assert_eq!(
            v[0].warnings,
            vec!["decoded as windows-1252 (the file is not UTF-8)".to_string()]
        );
    }

    #[test]
    fn bracketed_title_is_plain_text_unless_named_json() {
        let text = b"[Updated] Council votes on budget\n\nThe council voted.";
        let v = parse_file(Path::new("a.txt"), text).unwrap();
        assert_eq!(v[0].format, Format::PlainTitle);
        assert!(matches!(
            parse_file(Path::new("a.json"), text),
            Err(ParseError::Json { .. })
        ));
    }

    #[test]
    fn errors_pass_through() {
        assert_eq!(parse_file(Path::new("a"), b""), Err(ParseError::Empty));
        assert!(matches!(
            parse_file(Path::new("153.tar.gz"), b"\x1f\x8b\x08\x00"),
            Err(ParseError::Binary { .. })
        ));
    }
}
