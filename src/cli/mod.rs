//! The command line: clap options (the `--help` text) and their conversion
//! into typed configuration before any work is done.

mod config;
mod opts;

pub use config::{
    date_range, facet_list, filters, index_options, parse_query_text, search_config, style,
    Context, SearchConfig,
};
pub use opts::{
    BenchArgs, ColorChoice, Command, FilterArgs, IndexArgs, IntervalArg, Opts, ParseArgs,
    SearchArgs, SortArg, SpeakersArgs, StatusArgs, EXIT_CODES_HELP,
};
