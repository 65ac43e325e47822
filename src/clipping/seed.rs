//! The canonical seed format:
//!
//! ```text
//! date 2025-12-20 ETV Bharat / international
//!
//! Title of the article
//!
//! Miami: first paragraph ...
//!
//! second paragraph ...
//! ```
//!
//! Line 1 is `date YYYY-MM-DD Source / section` (leading spaces allowed,
//! section optional). A file holding only its date line parses to a clipping
//! with an empty title and body and a warning (the Reuters-21578 archive has
//! 737 such files). The body keeps each paragraph's lines (trimmed, joined
//! by "\n"); paragraphs are joined by a blank line; the dateline stays in it.

use chrono::NaiveDate;

use crate::clipping::assemble::{blank, finish};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::dates::{check_range, parse_iso_day};
use crate::clipping::error::ParseError;
use crate::clipping::text::{excerpt, paragraphs_to_body};

/// The header of a seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Header {
    date: NaiveDate,
    source: Option<String>,
    section: Option<String>,
}

/// True when the text looks like a seed file (first non-blank line `date <digit>`).
pub(crate) fn looks_like_seed(text: &str) -> bool {
    let first = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    first
        .strip_prefix("date")
        .and_then(|r| r.strip_prefix([' ', '\t']))
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Parse one seed-format article.
pub fn parse_seed(text: &str) -> Result<Clipping, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let (header_idx, header_line) = lines.next().ok_or(ParseError::Empty)?;
    let header = parse_header(header_line, header_idx + 1)?;
    let mut clip = blank(Format::Seed);
    clip.date = Some(header.date);
    clip.source = header.source;
    clip.section = header.section;
    if clip.source.is_none() {
        clip.warnings
            .push("no source after the date on line 1".into());
    }
    let mut rest = lines.map(|(_, l)| l).peekable();
    if rest.peek().is_some_and(|l| !l.trim().is_empty()) {
        clip.warnings
            .push("no blank line between the date line and the title".into());
    }
    while rest.peek().is_some_and(|l| l.trim().is_empty()) {
        rest.next();
    }
    clip.title = take_title(&mut rest);
    if clip.title.is_empty() {
        clip.warnings.push(format!(
            "no title: nothing follows the date line (line {})",
            header_idx + 1
        ));
    }
    clip.body = paragraphs_to_body(rest, "\n");
    Ok(finish(clip))
}

/// The title: the first run of non-blank lines, joined by a space.
fn take_title<'a, I: Iterator<Item = &'a str>>(lines: &mut std::iter::Peekable<I>) -> String {
    let mut title = String::new();
    while let Some(line) = lines.next_if(|l| !l.trim().is_empty()) {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(line.trim());
    }
    title
}

/// `date YYYY-MM-DD Source / section`.
fn parse_header(line: &str, line_no: usize) -> Result<Header, ParseError> {
    let trimmed = line.trim();
    let after = trimmed
        .strip_prefix("date")
        .filter(|r| r.starts_with([' ', '\t']))
        .ok_or_else(|| ParseError::BadHeader {
            line: line_no,
            reason: format!(
                "expected 'date YYYY-MM-DD Source / section', found '{}'",
                excerpt(trimmed, 60)
            ),
        })?
        .trim_start();
    let (value, rest) = after.split_once([' ', '\t']).unwrap_or((after, ""));
    let date = parse_iso_day(value).map_err(|reason| ParseError::BadDate {
        line: Some(line_no),
        value: value.to_string(),
        reason,
    })?;
    let date = check_range(date)?;
    let (source, section) = split_source(rest);
    Ok(Header {
        date,
        source,
        section,
    })
}

/// "ETV Bharat / international" -> (Some("ETV Bharat"), Some("international")).
/// The last '/' with a space on either side separates the section.
fn split_source(rest: &str) -> (Option<String>, Option<String>) {
    let rest = rest.trim();
    let split_at = rest.char_indices().rev().find(|&(i, c)| {
        c == '/'
            && (rest[..i].ends_with(char::is_whitespace)
                || rest[i + 1..].starts_with(char::is_whitespace))
    });
    let (source, section) = match split_at {
        Some((i, _)) => (rest[..i].trim(), rest[i + 1..].trim()),
        None => (rest, ""),
    };
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    (opt(source), opt(section))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = " date 2025-12-20 ETV Bharat / international\n\nUS Secretary Rubio Says Won't Force Deal\n\nMiami: US Secretary of State Marco Rubio on Friday promised.\n\n\"There's no peace deal,\" Rubio  said.\n";

    #[test]
    fn parses_sample() {
        let c = parse_seed(SAMPLE).unwrap();
        assert_eq!(c.format, Format::Seed);
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
        assert_eq!(c.source.as_deref(), Some("ETV Bharat"));
        assert_eq!(c.section.as_deref(), Some("international"));
        assert_eq!(c.title, "US Secretary Rubio Says Won't Force Deal");
        assert_eq!(c.dateline.as_deref(), Some("Miami"));
        assert!(c.body.starts_with("Miami: US Secretary"));
        assert!(c
            .body
            .ends_with("\n\n\"There's no peace deal,\" Rubio  said."));
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn source_without_section_and_crlf() {
        let c = parse_seed(
            "date 1987-03-09 Reuters\r\n\r\nTITLE\r\n\r\nWASHINGTON, March 9 - Text.\r\n",
        )
        .unwrap();
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        assert_eq!(c.section, None);
        assert_eq!(c.dateline.as_deref(), Some("Washington"));
        assert_eq!(c.body, "WASHINGTON, March 9 - Text.");
    }

    #[test]
    fn title_only_is_fine_with_warning() {
        let c = parse_seed("date 1987-03-23 Reuters / earn\n\nHUMANA INC 2ND QTR SHR 44 CTS\n")
            .unwrap();
        assert_eq!(c.body, "");
        assert_eq!(c.warnings, vec!["no body text".to_string()]);
    }

    #[test]
    fn bad_dates() {
        let e = parse_seed("date 2025-13-45 X\n\nT\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1: invalid date '2025-13-45': month 13 is out of range"
        );
        let e = parse_seed("date 1700-01-01 X\n\nT\n").unwrap_err();
        assert!(matches!(e, ParseError::DateOutOfRange { .. }));
        let e = parse_seed("date soon X\n\nT\n").unwrap_err();
        assert!(matches!(e, ParseError::BadDate { line: Some(1), .. }));
    }

    #[test]
    fn header_and_title_errors() {
        assert!(matches!(
            parse_seed("dated 2025\n\nT"),
            Err(ParseError::BadHeader { line: 1, .. })
        ));
        assert!(matches!(
            parse_seed("\n\nhello\n"),
            Err(ParseError::BadHeader { line: 3, .. })
        ));
        let c = parse_seed("date 2025-12-20 X\n\n\n").unwrap();
        assert_eq!((c.title.as_str(), c.body.as_str()), ("", ""));
        assert_eq!(c.warnings.len(), 2);
        assert_eq!(parse_seed("  \n"), Err(ParseError::Empty));
    }

    #[test]
    fn source_splitting() {
        assert_eq!(
            split_source("AP / Reuters / world"),
            (Some("AP / Reuters".into()), Some("world".into()))
        );
        assert_eq!(
            split_source("Reuters/ money-fx"),
            (Some("Reuters".into()), Some("money-fx".into()))
        );
        assert_eq!(
            split_source("Reuters/AP"),
            (Some("Reuters/AP".into()), None)
        );
        assert_eq!(split_source(""), (None, None));
        assert_eq!(split_source("Le Monde / "), (Some("Le Monde".into()), None));
    }

    #[test]
    fn missing_blank_line_is_a_warning() {
        let c = parse_seed("date 2025-12-20 X\nTitle\n\nBody").unwrap();
        assert_eq!(c.title, "Title");
        assert!(c.warnings[0].contains("no blank line"));
    }

    #[test]
    fn detection() {
        assert!(looks_like_seed(" date 2025-12-20 X"));
        assert!(looks_like_seed("\u{feff}date 1987-03-09 Reuters"));
        assert!(!looks_like_seed("date night in Paris"));
        assert!(!looks_like_seed("dated 2025"));
    }
}
