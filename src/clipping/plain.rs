//! Title-first plain text with no date in it (e.g. the BBC 2004-2005 corpus):
//! the title on line 1, a blank line, then the body. The date comes from the
//! path when it holds one; the section from a well-known parent folder.

use crate::clipping::assemble::{blank, finish};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::error::ParseError;
use crate::clipping::path_hints::PathHints;
use crate::clipping::text::paragraphs_to_body;

/// Longest first line still taken as a title (in characters).
const MAX_TITLE_CHARS: usize = 300;

/// Parse title-first plain text.
pub(crate) fn parse_plain(text: &str, hints: &PathHints) -> Result<Clipping, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty()).peekable();
    let title = lines.next().map(str::trim).unwrap_or_default();
    if title.is_empty() {
        return Err(ParseError::Empty);
    }
    let title_chars = title.chars().count();
    if title_chars > MAX_TITLE_CHARS {
        return Err(ParseError::Unrecognised {
            reason: format!(
                "the first line is {title_chars} characters long, too long for a title; \
                 expected a title line, a blank line, then the body"
            ),
        });
    }
    let mut clip = blank(Format::PlainTitle);
    clip.title = title.to_string();
    if lines.peek().is_some_and(|l| !l.trim().is_empty()) {
        clip.warnings.push("no blank line after the title".into());
    }
    clip.body = paragraphs_to_body(lines, "\n");
    clip.date = hints.date;
    clip.section = hints.section.clone();
    Ok(finish(clip))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    #[test]
    fn title_body_and_path_hints() {
        let hints = PathHints::from_path(Path::new("news/business/2025/12/20/a.txt"));
        let c = parse_plain(
            "Ad sales boost profit\n\nQuarterly profits jumped.\n\nMore.\n",
            &hints,
        )
        .unwrap();
        assert_eq!(c.title, "Ad sales boost profit");
        assert_eq!(c.body, "Quarterly profits jumped.\n\nMore.");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
        assert_eq!(c.section, None);
        let hints = PathHints::from_path(Path::new("bbc/business/001.txt"));
        let c = parse_plain("T\n\nB", &hints).unwrap();
        assert_eq!(c.section.as_deref(), Some("business"));
        assert_eq!(c.date, None);
        assert_eq!(c.source, None);
    }

    #[test]
    fn long_first_line_is_unrecognised() {
        let text = "word ".repeat(100);
        let e = parse_plain(&text, &PathHints::default()).unwrap_err();
        assert!(matches!(e, ParseError::Unrecognised { .. }));
    }

    #[test]
    fn dateline_in_plain_text() {
        let c = parse_plain("Title\n\nLONDON (Reuters) - Text.", &PathHints::default()).unwrap();
        assert_eq!(c.dateline.as_deref(), Some("London"));
    }

    #[test]
    fn missing_blank_line_warns() {
        let c = parse_plain("Title\nBody line", &PathHints::default()).unwrap();
        assert_eq!(c.body, "Body line");
        assert_eq!(
            c.warnings,
            vec!["no blank line after the title".to_string()]
        );
    }
}
