//! Runs searches on an index: query building, collectors for totals, facets
//! and histograms, hits with snippets.

mod engine;
mod facets;
mod histogram;
mod hits;
mod query_builder;
mod request;
mod results;
mod snippets;
mod speakers;

pub use engine::Engine;
pub use histogram::{bucket_start, day_of, fold, DayCollector, DayCounts};
pub use query_builder::{build_query, default_fields, name_query};
pub use request::{FacetName, Filters, Interval, SearchRequest, Sort};
pub use results::{Bucket, FacetCount, Histogram, Hit, SearchResults};
pub use snippets::opening;
pub use speakers::{rank, Span, SpeakerCollector, SpeakerCount};
