//! morgue's integration tests: one test binary driving the real `morgue`
//! executable on `sample-corpus/` and on temporary folders.

mod corpora;
mod counts;
mod docs;
mod env;
mod fields;
mod incremental;
mod indexing;
mod parse;
mod queries;
mod search;
mod speakers;
