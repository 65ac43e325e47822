//! Markdown clippings (web clippers, note tools), usually with YAML front
//! matter: `title`, `source`/`site`/`publisher`, `url`/`source_url`,
//! `author`/`authors`, `published`/`date`/`created`, `tags`.
//!
//! The body is the Markdown text lightly cleaned: the `# Title` heading is
//! dropped when it repeats the title, links keep only their text, images go.

use std::sync::OnceLock;

use regex::Regex;

use crate::clipping::assemble::{blank, finish};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::error::ParseError;
use crate::clipping::frontmatter::read_front_matter;
use crate::clipping::path_hints::PathHints;
use crate::clipping::record::fill_from_record;
use crate::clipping::text::{collapse_whitespace, paragraphs_to_body};

/// Parse a Markdown file, with or without front matter.
pub(crate) fn parse_markdown(text: &str, hints: &PathHints) -> Result<Clipping, ParseError> {
    let mut clip = blank(Format::Markdown);
    let body_text = match read_front_matter(text)? {
        Some(fm) => {
            let record_body = fill_from_record(&fm.map, &mut clip);
            if fm.body.trim().is_empty() {
                record_body
            } else {
                fm.body.to_string()
            }
        }
        None => text.trim_start_matches('\u{feff}').to_string(),
    };
    let heading = first_h1(&body_text);
    if clip.title.is_empty() {
        clip.title = heading.map(|(_, h)| h.to_string()).unwrap_or_default();
    }
    if clip.title.is_empty() {
        return Err(ParseError::MissingTitle {
            reason: "no 'title' in the front matter and no '# ' heading".into(),
        });
    }
    let skip = heading
        .filter(|(_, h)| same_title(h, &clip.title))
        .map(|(i, _)| i);
    clip.body = clean_markdown(&body_text, skip);
    if clip.date.is_none() {
        clip.date = hints.date;
    }
    Ok(finish(clip))
}

/// The first `# Heading` line: its index and text.
fn first_h1(text: &str) -> Option<(usize, &str)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let h = l.trim_start().strip_prefix("# ")?;
        let h = h.trim().trim_end_matches('#').trim();
        (!h.is_empty()).then_some((i, h))
    })
}

/// Titles equal up to case, whitespace and Markdown emphasis.
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| collapse_whitespace(&s.replace(['*', '_', '`'], "")).to_lowercase();
    norm(a) == norm(b)
}

/// Body paragraphs with links reduced to their text and images removed;
/// line `skip` (the repeated title heading) is left out.
fn clean_markdown(text: &str, skip: Option<usize>) -> String {
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| if Some(i) == skip { "" } else { l });
    let body = paragraphs_to_body(lines, "\n");
    let body = image_regex().replace_all(&body, "");
    let body = link_regex().replace_all(&body, "$1");
    paragraphs_to_body(body.lines(), "\n")
}

/// `![alt](src "title")`.
fn image_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r#"!\[[^\]\n]*\]\([^)\n]*\)"#).expect("valid image regex"))
}

/// `[text](href "title")`.
fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)"#).expect("valid link regex")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::Path;

    const DOC: &str = "---\ntitle: Rubio says no forced deal\nurl: https://www.reuters.com/world/x\nauthors: [Jane Doe, John Roe]\npublished: \"December 20, 2025\"\ntags: [ukraine, talks]\n---\n\n# Rubio says no forced deal\n\nMIAMI (Reuters) - Rubio spoke in [Miami](https://x.com/m \"t\").\n![photo](a.jpg)\n\nSecond *paragraph*.\n";

    #[test]
    fn front_matter_document() {
        let c = parse_markdown(DOC, &PathHints::default()).unwrap();
        assert_eq!(c.format, Format::Markdown);
        assert_eq!(c.title, "Rubio says no forced deal");
        assert_eq!(c.source.as_deref(), Some("reuters.com"));
        assert_eq!(c.author.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
        assert_eq!(c.dateline.as_deref(), Some("Miami"));
        assert_eq!(
            c.body,
            "MIAMI (Reuters) - Rubio spoke in Miami.\n\nSecond *paragraph*."
        );
    }

    #[test]
    fn heading_title_without_front_matter() {
        let hints = PathHints::from_path(Path::new("notes/2025-12-20-rubio.md"));
        let c = parse_markdown("# A Title\n\nText here.", &hints).unwrap();
        assert_eq!(c.title, "A Title");
        assert_eq!(c.body, "Text here.");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
    }

    #[test]
    fn different_heading_is_kept() {
        let c = parse_markdown("---\ntitle: T\n---\n# Other\n\nx", &PathHints::default()).unwrap();
        assert_eq!(c.body, "# Other\n\nx");
    }

    #[test]
    fn missing_title_and_bad_date() {
        let e = parse_markdown("---\nauthor: X\n---\nbody", &PathHints::default()).unwrap_err();
        assert!(matches!(e, ParseError::MissingTitle { .. }));
        let c = parse_markdown(
            "---\ntitle: T\ndate: 2025-13-45\n---\nbody",
            &PathHints::default(),
        )
        .unwrap();
        assert_eq!(c.date, None);
        assert!(
            c.warnings[0].contains("month 13 is out of range"),
            "{:?}",
            c.warnings
        );
    }
}
