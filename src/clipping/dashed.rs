//! The Reuters 2006-2013 archive format:
//!
//! ```text
//! -- Exxon Mobil offers plan to end Alaska dispute
//! -- By  Yereth Rosen
//! -- Fri Oct 20, 2006 6:15pm EDT
//! -- http://www.reuters.com/article/2006/10/20/...
//!
//!  ANCHORAGE, Alaska  (Reuters) - Exxon Mobil offered
//! to pay a $20 million fine ...
//! ```
//!
//! Hard-wrapped lines are unwrapped (joined by a space); preamble paragraphs
//! such as `(Recasts ...)` and an in-text byline (`By Jane Doe NEW YORK ...`)
//! are removed from the body. The date is the printed calendar day, else a
//! `YYYYMMDD` folder in the path.

use chrono::NaiveDate;

use crate::clipping::assemble::{blank, fill_date_from_path, finish};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::dashed_body::clean_body;
use crate::clipping::dates::{check_range, parse_loose};
use crate::clipping::error::ParseError;
use crate::clipping::text::collect_paragraphs;

/// Words marking a job title after a byline name.
const ROLE_WORDS: [&str; 8] = [
    "correspondent",
    "editor",
    "columnist",
    "reporter",
    "writer",
    "analyst",
    "chief",
    "bureau",
];

/// Most `--` header lines read before the body.
const MAX_HEADER_LINES: usize = 6;

/// True when the text opens with at least three `--` header lines.
pub(crate) fn looks_like_dashed(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    text.starts_with("--")
        && text
            .lines()
            .take(MAX_HEADER_LINES)
            .take_while(|l| l.starts_with("--"))
            .count()
            >= 3
}

/// Parse one dashed-format file; `path_date` is the fallback date.
pub(crate) fn parse_dashed(
    text: &str,
    path_date: Option<NaiveDate>,
) -> Result<Clipping, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut clip = blank(Format::ReutersDashed);
    clip.source = Some("Reuters".into());
    let mut lines = text.lines().peekable();
    let mut header_count = 0;
    while header_count < MAX_HEADER_LINES {
        let Some(line) = lines.next_if(|l| l.starts_with("--")) else {
            break;
        };
        read_header_value(line[2..].trim(), header_count, &mut clip);
        header_count += 1;
    }
    if clip.title.is_empty() {
        return Err(ParseError::MissingTitle {
            reason: "the first '--' header line has no headline".into(),
        });
    }
    if clip.date.is_none() {
        clip.warnings
            .push("no date line among the '--' headers".into());
        fill_date_from_path(&mut clip, path_date);
    }
    clip.body = clean_body(collect_paragraphs(lines, " "), &mut clip.author);
    Ok(finish(clip))
}

/// Classify one header value: the first is the headline, then byline, URL, date.
fn read_header_value(value: &str, index: usize, clip: &mut Clipping) {
    if index == 0 {
        clip.title = value.to_string();
        return;
    }
    if value.is_empty() {
        return;
    }
    if value.starts_with("By ") || value.starts_with("BY ") {
        clip.author = byline_name(value);
    } else if value.starts_with("http://") || value.starts_with("https://") {
        clip.url = Some(value.to_string());
    } else if clip.date.is_none() {
        read_header_date(value, clip);
    }
}

/// "Fri Oct 20, 2006 4:25pm EDT" -> the printed day, range-checked.
fn read_header_date(value: &str, clip: &mut Clipping) {
    match parse_loose(value)
        .map_err(|r| r.to_string())
        .and_then(|d| check_range(d).map_err(|e| e.to_string()))
    {
        Ok(date) => clip.date = Some(date),
        Err(reason) => clip
            .warnings
            .push(format!("header date '{value}' ignored: {reason}")),
    }
}

/// "By  Jane Doe" -> "Jane Doe": whitespace collapsed, and job titles
/// dropped ("Jane Doe , European Markets Correspondent", "Jane Doe - Analysis").
fn byline_name(value: &str) -> Option<String> {
    let rest = value
        .strip_prefix("By ")
        .or_else(|| value.strip_prefix("BY "))?;
    let name = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name
        .split(" - ")
        .next()
        .unwrap_or_default()
        .replace(" ,", ",");
    let parts: Vec<&str> = name
        .split(", ")
        .filter(|part| {
            !part
                .split(' ')
                .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
        })
        .collect();
    let name = parts.join(", ").trim_end_matches(',').trim().to_string();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "-- Exxon offers plan to end Alaska dispute\n-- By  Yereth Rosen\n-- Fri Oct 20, 2006 6:15pm EDT\n-- http://www.reuters.com/article/2006/10/20/x\n\n \n\n ANCHORAGE, Alaska  (Reuters) - Exxon offered \nto pay a fine. \n\n  In a proposal \nsent this week. \n";

    #[test]
    fn parses_wrapped_article() {
        let c = parse_dashed(WRAPPED, None).unwrap();
        assert_eq!(c.format, Format::ReutersDashed);
        assert_eq!(c.title, "Exxon offers plan to end Alaska dispute");
        assert_eq!(c.author.as_deref(), Some("Yereth Rosen"));
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2006, 10, 20));
        assert_eq!(
            c.url.as_deref(),
            Some("http://www.reuters.com/article/2006/10/20/x")
        );
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        assert_eq!(c.dateline.as_deref(), Some("Anchorage"));
        assert_eq!(c.body, "ANCHORAGE, Alaska  (Reuters) - Exxon offered to pay a fine.\n\nIn a proposal sent this week.");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn drops_preamble_and_inline_byline() {
        let text = "-- UPDATE 4-Reckson postpones meeting\n-- \n-- Mon Nov 27, 2006 6:44pm EST\n-- http://x.com/a\n\n  (Adds Icahn stakes, updates prices) \n\n  By  Ilaina Jonas NEW YORK  Nov 27 (Reuters) - Reckson said\non Monday.\n";
        let c = parse_dashed(text, None).unwrap();
        assert_eq!(c.author.as_deref(), Some("Ilaina Jonas"));
        assert_eq!(c.dateline.as_deref(), Some("New York"));
        assert_eq!(
            c.body,
            "NEW YORK  Nov 27 (Reuters) - Reckson said on Monday."
        );
    }

    #[test]
    fn byline_roles_are_dropped() {
        let name = |v: &str| byline_name(v).unwrap_or_default();
        assert_eq!(
            name("By  Lisa Jucca , European Wealth Management Correspondent"),
            "Lisa Jucca"
        );
        assert_eq!(
            name("By Pedro Nicolaci da Costa - Analysis"),
            "Pedro Nicolaci da Costa"
        );
        assert_eq!(
            name("By Sinead Carew , Clare Baldwin and Liana B. Baker"),
            "Sinead Carew, Clare Baldwin and Liana B. Baker"
        );
        assert_eq!(byline_name("By "), None);
        assert_eq!(byline_name("By a Reuters staff reporter"), None);
    }

    #[test]
    fn date_falls_back_to_path() {
        let text = "-- Title\n-- \n-- sometime\n-- http://x.com/a\n\nLONDON (Reuters) - Text.";
        let c = parse_dashed(text, NaiveDate::from_ymd_opt(2011, 3, 3)).unwrap();
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2011, 3, 3));
        assert!(c
            .warnings
            .iter()
            .any(|w| w.contains("taken from the file path")));
        assert!(c.warnings.iter().any(|w| w.contains("'sometime' ignored")));
    }

    #[test]
    fn missing_title() {
        assert!(matches!(
            parse_dashed("-- \n-- \n-- \n", None),
            Err(ParseError::MissingTitle { .. })
        ));
    }

    #[test]
    fn detection() {
        assert!(looks_like_dashed(WRAPPED));
        assert!(!looks_like_dashed("-- just one\nline\n"));
    }
}
