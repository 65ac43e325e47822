//! Runs searches on an index: query building, collectors for totals, facets
//! and histograms, hits with snippets.

mod column_batch;
mod complement;
mod date_filter;
mod date_filtered;
mod doc_bits;
mod doc_ords;
mod engine;
mod extras;
mod facet_values;
mod facet_values_file;
mod facets;
mod histogram;
mod hits;
mod kept;
mod parallel;
mod query_builder;
mod renames;
mod request;
mod results;
mod snippets;
mod speaker_names;
mod speakers;
mod text_parser;
mod value_table;

pub use date_filter::DateRangeQuery;
pub use date_filtered::DateFilteredQuery;
pub use engine::Engine;
pub use facet_values::FacetValues;
pub use facet_values_file::{facet_values_path, load_facet_values, save_facet_values};
pub use histogram::{bucket_start, day_of, fold, DayCollector, DayCounts};
pub use kept::keep_derived;
pub use parallel::{per_core, SearchThreads, PARALLEL_FROM};
pub use query_builder::{any_of, build_query, default_fields, name_query};
pub use renames::{
    compute_renames, load_renames, renamed_into, renames_key, save_renames, several_word_spellings,
    RenameMap, RENAMES_FILE,
};
pub use request::{FacetName, Filters, Interval, SearchRequest, Sort};
pub use results::{Bucket, FacetCount, Histogram, Hit, Ranked, SearchResults};
pub use snippets::opening;
pub use speaker_names::{all_speakers, load_aliases, BUILTIN_ALIASES, USER_ALIASES};
pub use speakers::{rank, Span, SpeakerCollector, SpeakerCount};
pub use value_table::ValueTable;
