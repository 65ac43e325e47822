//! What a search returns: the total, the page of hits, facet counts and the
//! histogram. Serialised as-is for `--json`.

use serde::Serialize;

use super::Interval;

/// One hit: an article or a quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// `article` or `quote`.
    pub kind: String,
    /// Publication day, YYYY-MM-DD, when known.
    pub date: Option<String>,
    /// Publication.
    pub source: Option<String>,
    /// Section.
    pub section: Option<String>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// Headline (of the quote's article, for quotes).
    pub title: String,
    /// Clipping file.
    pub path: String,
    /// Text around the matched words (the whole quote, for quotes).
    pub snippet: String,
    /// Byte ranges of the matched words inside `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Relevance score (0 when sorted by date).
    pub score: f32,
    /// Who said it (quotes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The quoted words (quotes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Byline (when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// How many documents in the archive are copies of this one (1 = unique).
    pub copies: u64,
}

/// A facet value and how many matching documents carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value ("Marco Rubio").
    pub value: String,
    /// Matching documents with it.
    pub count: u64,
}

/// One calendar bucket of a histogram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// First day of the bucket, YYYY-MM-DD.
    pub start: String,
    /// A label: `2025-12-20`, `2025-W51`, `2025-12`, `2025`.
    pub label: String,
    /// Matching documents in it.
    pub count: u64,
}

/// A histogram over the matching set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Histogram {
    /// The bucket size.
    pub interval: Interval,
    /// Buckets from the first to the last date with a match, empty ones included.
    pub buckets: Vec<Bucket>,
    /// Matching documents without a known date.
    pub undated: u64,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching documents (copies included).
    pub total: u64,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts over every match, by facet name.
    pub facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
    /// Histogram, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub histogram: Option<Histogram>,
}

/// The answer to [`super::Engine::rank`]: a search's order without its
/// documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Matching documents (copies included).
    pub total: u64,
    /// The first hits' addresses, in the request's order.
    pub top: Vec<tantivy::DocAddress>,
    /// Facet counts over every match, by facet name.
    pub facets: std::collections::BTreeMap<String, Vec<FacetCount>>,
    /// Histogram, when asked for.
    pub histogram: Option<Histogram>,
}
