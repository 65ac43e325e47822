//! HTML pages saved from a browser: metadata from [`crate::clipping::html_meta`],
//! article text from [`crate::clipping::html_body`].

use scraper::Html;

use crate::clipping::assemble::{blank, finish, metadata_date};
use crate::clipping::clipping::{Clipping, Format};
use crate::clipping::error::ParseError;
use crate::clipping::html_body::article_paragraphs;
use crate::clipping::html_meta::read_meta;
use crate::clipping::path_hints::PathHints;
use crate::clipping::text::normalize_body;

/// Tags whose presence near the start marks a document as HTML.
const HTML_MARKERS: [&str; 7] = [
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<article",
    "<meta",
    "<p>",
];

/// True when the text starts with `<` and an HTML tag appears in the first 2 KB.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let mut end = t.len().min(2048);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t[..end].to_ascii_lowercase();
    HTML_MARKERS.iter().any(|m| head.contains(m))
}

/// Parse one saved article page.
pub(crate) fn parse_html(text: &str, hints: &PathHints) -> Result<Clipping, ParseError> {
    let doc = Html::parse_document(text);
    let meta = read_meta(&doc);
    let mut clip = blank(Format::Html);
    clip.title = meta.title.unwrap_or_default();
    if clip.title.is_empty() {
        return Err(ParseError::MissingTitle {
            reason: "the page has no og:title, <h1> or <title>".into(),
        });
    }
    clip.source = meta.source;
    clip.author = meta.author;
    clip.url = meta.url;
    clip.section = meta.section;
    if let Some((field, value)) = meta.date {
        clip.date = metadata_date(&value, &field, &mut clip.warnings);
    }
    if clip.date.is_none() {
        clip.date = hints.date;
    }
    let paragraphs = article_paragraphs(&doc);
    clip.body = if paragraphs.is_empty() {
        meta.ld_body
            .as_deref()
            .map(normalize_body)
            .unwrap_or_default()
    } else {
        paragraphs.join("\n\n")
    };
    Ok(finish(clip))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\n <html lang=en>"));
        assert!(!looks_like_html("<Avana Group Plc> said"));
        assert!(!looks_like_html("plain <html> later"));
    }

    #[test]
    fn full_page() {
        let html = r#"<html><head><meta property="og:title" content="Storm hits coast">
            <meta property="og:site_name" content="Coast Herald">
            <meta property="article:published_time" content="2025-12-20T06:00:00-05:00"></head>
            <body><nav><a>Home</a></nav><article><h1>Storm hits coast</h1>
            <p>MIAMI (AP) &mdash; A storm hit the coast on Friday, knocking out power to thousands.</p>
            <p>Officials said repairs would take days.</p></article></body></html>"#;
        let c = parse_html(html, &PathHints::default()).unwrap();
        assert_eq!(c.format, Format::Html);
        assert_eq!(c.title, "Storm hits coast");
        assert_eq!(c.source.as_deref(), Some("Coast Herald"));
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2025, 12, 20));
        assert_eq!(c.dateline.as_deref(), Some("Miami"));
        assert!(c
            .body
            .ends_with("\n\nOfficials said repairs would take days."));
    }

    #[test]
    fn json_ld_body_fallback_and_missing_title() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"One.\nTwo."}</script>"#;
        let c = parse_html(html, &PathHints::default()).unwrap();
        assert_eq!(c.body, "One.\n\nTwo.");
        assert!(matches!(
            parse_html("<p>x</p>", &PathHints::default()),
            Err(ParseError::MissingTitle { .. })
        ));
    }
}
