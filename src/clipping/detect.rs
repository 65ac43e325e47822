//! Recognising a file's format from its content, with the extension as a
//! tie-breaker (`.md`, `.ndjson`/`.jsonl`, `.html`).

use crate::clipping::clipping::Format;
use crate::clipping::dashed::looks_like_dashed;
use crate::clipping::frontmatter::has_front_matter;
use crate::clipping::html::looks_like_html;
use crate::clipping::json::{looks_like_json, looks_like_ndjson};
use crate::clipping::path_hints::PathHints;
use crate::clipping::seed::looks_like_seed;

/// The format of decoded text.
pub(crate) fn detect(text: &str, hints: &PathHints) -> Format {
    let ext = hints.ext.as_str();
    if looks_like_seed(text) {
        Format::Seed
    } else if looks_like_dashed(text) {
        Format::ReutersDashed
    } else if has_front_matter(text) && (is_markdown_ext(ext) || yaml_key_follows(text)) {
        Format::Markdown
    } else if looks_like_json(text) {
        json_kind(text, ext)
    } else if looks_like_html(text)
        || (matches!(ext, "html" | "htm" | "xhtml") && text.trim_start().starts_with('<'))
    {
        Format::Html
    } else if is_markdown_ext(ext) {
        Format::Markdown
    } else {
        Format::PlainTitle
    }
}

/// `.md` / `.markdown`.
fn is_markdown_ext(ext: &str) -> bool {
    matches!(ext, "md" | "markdown" | "mdown" | "mkd")
}

/// NDJSON by extension or by shape (several one-line objects), else JSON.
fn json_kind(text: &str, ext: &str) -> Format {
    if matches!(ext, "ndjson" | "jsonl") || looks_like_ndjson(text) {
        Format::Ndjson
    } else {
        Format::Json
    }
}

/// The line after the opening `---` looks like `key: value` (front matter,
/// not a horizontal rule).
fn yaml_key_follows(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            l.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.len() <= 40
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fmt(text: &str, path: &str) -> Format {
        detect(text, &PathHints::from_path(Path::new(path)))
    }

    #[test]
    fn by_content() {
        assert_eq!(fmt(" date 2025-12-20 X / y\n\nT\n\nB", "a"), Format::Seed);
        assert_eq!(
            fmt(
                "-- T\n-- \n-- Fri Oct 20, 2006 4:25pm EDT\n-- http://x\n\nB",
                "x"
            ),
            Format::ReutersDashed
        );
        assert_eq!(fmt("---\ntitle: T\n---\nB", "a.txt"), Format::Markdown);
        assert_eq!(fmt("{\"title\": \"T\"}", "a"), Format::Json);
        assert_eq!(
            fmt("{\"title\": \"A\"}\n{\"title\": \"B\"}\n", "a.json"),
            Format::Ndjson
        );
        assert_eq!(fmt("<!doctype html><p>x", "a"), Format::Html);
        assert_eq!(fmt("Title\n\nBody", "a.txt"), Format::PlainTitle);
    }

    #[test]
    fn extension_tie_breaks() {
        assert_eq!(fmt("{\"title\": \"A\"}", "a.jsonl"), Format::Ndjson);
        assert_eq!(fmt("# T\n\nB", "a.md"), Format::Markdown);
        assert_eq!(fmt("<div>x</div>", "a.html"), Format::Html);
        assert_eq!(fmt("---\n\nA rule, then text", "a.txt"), Format::PlainTitle);
    }
}
