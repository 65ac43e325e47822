//! What a search asks for, in typed form: the binary builds it from the
//! command line, tests and benches build it directly.

use serde::Serialize;

use crate::query::{DateRange, Kind};

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Latest date first.
    Newest,
    /// Earliest date first.
    Oldest,
}

/// A facet that can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetName {
    /// Who is quoted.
    Speaker,
    /// Dateline place.
    Dateline,
    /// Publication.
    Source,
    /// Section or topic.
    Section,
}

impl FacetName {
    /// Every facet, in display order.
    pub const ALL: [FacetName; 4] = [
        FacetName::Speaker,
        FacetName::Dateline,
        FacetName::Source,
        FacetName::Section,
    ];

    /// The facet's name on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetName::Speaker => "speaker",
            FacetName::Dateline => "dateline",
            FacetName::Source => "source",
            FacetName::Section => "section",
        }
    }

    /// Parses `speaker`, `dateline`, `source` or `section`.
    pub fn parse(name: &str) -> Option<FacetName> {
        FacetName::ALL.into_iter().find(|f| f.name() == name.trim())
    }
}

/// Calendar bucket of a histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    /// Calendar days.
    Day,
    /// ISO weeks, starting on Monday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Filters that narrow a search, from flags and from `field:value` in the query.
/// Several values of one field are all required.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Matched against any part of the speaker's name (`rubio` finds "Marco Rubio").
    pub speakers: Vec<String>,
    /// Matched against the dateline place.
    pub datelines: Vec<String>,
    /// Matched against the source name.
    pub sources: Vec<String>,
    /// Matched against the section.
    pub sections: Vec<String>,
    /// Matched against the byline.
    pub authors: Vec<String>,
    /// Calendar days allowed (inclusive).
    pub dates: DateRange,
}

/// One search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// Text query in tantivy's grammar (friendly fields already pulled out); empty = everything.
    pub text: String,
    /// Articles or quotes.
    pub kind: Kind,
    /// Filters.
    pub filters: Filters,
    /// Facets to count over the whole matching set.
    pub facets: Vec<FacetName>,
    /// How many values of each facet to show.
    pub facet_limit: usize,
    /// Count matches per calendar bucket.
    pub histogram: Option<Interval>,
    /// Order of the hits.
    pub sort: Sort,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    /// Match words within one edit (typos in names).
    pub fuzzy: bool,
    /// Show copies of one story once, with a count.
    pub collapse: bool,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            text: String::new(),
            kind: Kind::Article,
            filters: Filters::default(),
            facets: Vec::new(),
            facet_limit: 10,
            histogram: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            fuzzy: false,
            collapse: true,
            snippet_chars: 200,
        }
    }
}
