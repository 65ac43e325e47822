//! The commands of the binary, each split tantivy-cli style into
//! `run_x_cli(args)`, which turns arguments into typed configuration, and the
//! typed `run_x`, which does the work and writes to an `impl io::Write` (for
//! indexing, the typed run is the library's own `index::run_index`).

mod bench;
mod index;
mod parse;
mod search;
mod speakers;
mod status;

pub use bench::{read_queries, run_bench_cli, BenchQuery};
pub use index::{exit_code, run_index_cli, write_summary};
pub use parse::{parse_path, run_parse, run_parse_cli, ParseLine};
pub use search::{finish_output, run_search, run_search_cli};
pub use speakers::{run_speakers_cli, write_speakers};
pub use status::{run_status_cli, status, write_status, FailedFile, Status};
