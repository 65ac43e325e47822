//! The parsed form of one news article, whatever file format it came from.

use chrono::NaiveDate;
use serde::Serialize;

/// The file format a clipping was recognised as (by content, not only by extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// `date YYYY-MM-DD Source / section`, blank line, title, paragraphs.
    Seed,
    /// Reuters 2006-2013 archive: `-- title`, `-- By author`, `-- date`, `-- url`, body.
    ReutersDashed,
    /// Title on the first line, then the body; no date in the text.
    PlainTitle,
    /// Markdown with YAML front matter (web clippers, note tools).
    Markdown,
    /// One JSON article record.
    Json,
    /// Many JSON article records, one per line.
    Ndjson,
    /// An HTML page saved from a browser.
    Html,
}

impl Format {
    /// The name used in `morgue parse --json` and in the index (`seed`, `reuters-dashed`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Format::Seed => "seed",
            Format::ReutersDashed => "reuters-dashed",
            Format::PlainTitle => "plain-title",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
            Format::Html => "html",
        }
    }
}

/// One article: header fields, dateline and body text.
///
/// `body` keeps the article text as written, paragraphs separated by a blank
/// line (`"\n\n"`); quote offsets are byte offsets into it. The dateline, when
/// found, is also left in the body: it is a reading aid, not removed text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Clipping {
    /// Which format the file was recognised as.
    pub format: Format,
    /// Position of this article inside its file (0 for single-article files;
    /// the record number in an NDJSON file).
    pub ordinal: usize,
    /// Publication date as printed (calendar day, no time zone), when known.
    pub date: Option<NaiveDate>,
    /// Publication name, e.g. "ETV Bharat", "Reuters".
    pub source: Option<String>,
    /// Section or topic, e.g. "international", "crude".
    pub section: Option<String>,
    /// Headline.
    pub title: String,
    /// Byline author(s), when the format has one.
    pub author: Option<String>,
    /// Original URL, when the format has one.
    pub url: Option<String>,
    /// Place of the dateline in a readable normal form ("Washington", "Kyiv", "New York/London").
    pub dateline: Option<String>,
    /// Article text, paragraphs separated by a blank line.
    pub body: String,
    /// Things the parser noticed but could live with (e.g. "no dateline date").
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_are_their_json_names() {
        let all = [
            Format::Seed,
            Format::ReutersDashed,
            Format::PlainTitle,
            Format::Markdown,
            Format::Json,
            Format::Ndjson,
            Format::Html,
        ];
        for format in all {
            assert_eq!(serde_json::to_value(format).unwrap(), format.name());
        }
    }
}
