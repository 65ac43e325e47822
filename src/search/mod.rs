//! Runs searches on an index: query building, collectors for totals, facets
//! and histograms, hits with snippets.

mod column_batch;
mod date_filter;
mod doc_ords;
mod engine;
mod extras;
mod facet_values;
mod facets;
mod histogram;
mod hits;
mod query_builder;
mod renames;
mod request;
mod results;
mod snippets;
mod speaker_names;
mod speakers;

pub use date_filter::DateRangeQuery;
pub use engine::Engine;
pub use histogram::{bucket_start, day_of, fold, DayCollector, DayCounts};
pub use query_builder::{any_of, build_query, default_fields, name_query};
pub use renames::{
    compute_renames, load_renames, renamed_into, renames_key, save_renames, several_word_spellings,
    RenameMap, RENAMES_FILE,
};
pub use request::{FacetName, Filters, Interval, SearchRequest, Sort};
pub use results::{Bucket, FacetCount, Histogram, Hit, SearchResults};
pub use snippets::opening;
pub use speaker_names::{all_speakers, load_aliases, BUILTIN_ALIASES, USER_ALIASES};
pub use speakers::{rank, Span, SpeakerCollector, SpeakerCount};
