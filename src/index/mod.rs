//! The tantivy index: schema (from `index-schema/schema.toml`), documents,
//! the incremental indexer and where an index lives on disk.

mod doc_batch;
mod documents;
mod fields;
mod file_job;
mod file_record;
mod indexer;
mod location;
mod morgue_index;
mod moves;
mod plan;
mod progress;
mod schema_file;
mod state;
mod stem_cache;
pub mod tokenizers;
mod word_tokenizer;

pub use doc_batch::DocBatch;
pub use documents::{
    datetime_to_day, day_to_datetime, dup_bucket, fingerprint, kind, DocumentBuilder,
};
pub use fields::{Fields, EXPECTED_FIELDS};
pub use file_record::{
    dictionary_strings, failed_files, load_records, FileRecord, FileStatus, Records,
};
pub use indexer::{run_index, IndexOptions, IndexReport};
pub use location::{IndexLocation, IndexLock};
#[cfg(test)]
pub use morgue_index::temp_index;
pub use morgue_index::MorgueIndex;
pub use plan::{plan, Job, Plan};
pub use progress::{NoProgress, Progress};
pub use schema_file::{FieldSpec, FieldType, SchemaFile, SCHEMA_TOML};
pub use state::{IndexState, RunSummary};
pub use stem_cache::stem_in_place;
pub use word_tokenizer::{Openings, WordTokenizer};
