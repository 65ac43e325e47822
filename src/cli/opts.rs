//! The command line, declared with clap's derive API: the doc comments here
//! are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// morgue: full-text search for news clipping archives.
///
/// Index a folder of clippings, then ask who said what, where and when:
///
///   morgue index ~/clippings
///   morgue search ukraine --quotes --speaker rubio --month december
#[derive(Debug, Parser)]
#[command(name = "morgue", version, after_help = EXIT_CODES_HELP)]
pub struct Opts {
    /// Index folder (default: .morgue in the current directory).
    #[arg(long, global = true, env = "MORGUE_INDEX", value_name = "PATH")]
    pub index: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Exit codes, shown at the end of `--help`.
pub const EXIT_CODES_HELP: &str = "Exit codes:
  0  success
  1  finished, but some files could not be indexed (listed, and in `morgue status`)
  2  usage error, bad query or date, or a fatal error
  3  another `morgue index` holds the index (use --wait)";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index clippings folders (again: only what changed is read).
    Index(IndexArgs),
    /// Search articles or quotes.
    Search(SearchArgs),
    /// Who is quoted most on a subject in a period.
    Speakers(SpeakersArgs),
    /// Show what the parser sees in clipping files.
    Parse(ParseArgs),
    /// Show what the index holds: folders, counts, dates, last run, failed files.
    Status(StatusArgs),
    /// Time queries in-process (TSV like the raw-tantivy baseline's).
    Bench(BenchArgs),
}

/// `morgue bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Queries file: `text<TAB>from<TAB>to` per line (dates optional, inclusive), `#` comments.
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,

    /// Runs of each query; the median is reported.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub runs: usize,

    /// Search quotes instead of articles.
    #[arg(long)]
    pub quotes: bool,

    /// Also count these facets (speaker, dateline, source, section).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub facets: Vec<String>,

    /// Hits fetched (stored fields and snippet); 0 counts only.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// Rank the top N hits (scored, in order) without fetching them, as the
    /// raw-tantivy baseline's search does (with -n 0: the top one).
    #[arg(long)]
    pub ranked: bool,
}

/// `morgue index`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct IndexArgs {
    /// Folders to index; without any, the folders the index was built from.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// Build a fresh index (after a schema change) while the old one stays searchable.
    #[arg(long)]
    pub rebuild: bool,

    /// Wait for another running indexer instead of exiting with code 3.
    #[arg(long)]
    pub wait: bool,

    /// Read files that failed before even if they have not changed.
    #[arg(long)]
    pub retry_failed: bool,

    /// Print a JSON summary instead of the text one.
    #[arg(long)]
    pub json: bool,

    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,

    /// Indexing threads (default: the number of cores, at most 8).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Indexing memory budget in MB (bounds peak memory) [default: 512 for
    /// an archive of up to 150,000 files, else 256]
    #[arg(long, value_name = "MB")]
    pub memory: Option<usize>,

    /// Commit after this many files (a killed run resumes from the last commit).
    #[arg(long, value_name = "N", default_value_t = 250_000)]
    pub commit_every: usize,

    /// Commit at least this often, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub commit_secs: u64,

    /// Skip (and report) files larger than this many MB.
    #[arg(long, value_name = "MB", default_value_t = 50)]
    pub max_file_size: u64,

    /// Index articles only, without extracting quotes and speakers (faster).
    #[arg(long)]
    pub no_quotes: bool,
}

/// Output format of `morgue search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Sort order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

/// Histogram bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IntervalArg {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday first).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Filters shared by `search` and `speakers`.
#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only quotes by (or articles quoting) this speaker; any part of the name.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,

    /// Only this dateline place.
    #[arg(long, value_name = "PLACE")]
    pub dateline: Vec<String>,

    /// Only this source.
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,

    /// Only this section.
    #[arg(long, value_name = "NAME")]
    pub section: Vec<String>,

    /// Only this author.
    #[arg(long, value_name = "NAME")]
    pub author: Vec<String>,

    /// From this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Up to this date, inclusive of its whole month or year: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// One month: YYYY-MM, or a name ("december" = the most recent December that has begun).
    #[arg(long, value_name = "MONTH")]
    pub month: Option<String>,

    /// One year: YYYY.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,

    /// The last N days, weeks, months or years: 30d, 2w, 6m, 1y.
    #[arg(long, value_name = "SPAN")]
    pub since: Option<String>,

    /// One day: YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

/// `morgue search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query in tantivy's grammar (words are ANDed; "phrases", OR, -word, word~1),
    /// with fields speaker:, dateline:, source:, section:, author:, date:, kind:.
    /// Without a query, everything that passes the filters.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Search quotes instead of articles.
    #[arg(long)]
    pub quotes: bool,

    /// Filters (flags shared with `search`).
    #[command(flatten)]
    pub filters: FilterArgs,

    /// Count values over all matches: a comma-separated list of speaker, dateline, source, section.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub facets: Vec<String>,

    /// How many values of each facet to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub facet_limit: usize,

    /// Count matches per calendar day, week, month or year.
    #[arg(long, value_name = "INTERVAL")]
    pub histogram: Option<IntervalArg>,

    /// Order of the hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: SortArg,

    /// How many hits to show.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// Skip this many hits (paging).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,

    /// Also match words one typo away (misspelled names).
    #[arg(long)]
    pub fuzzy: bool,

    /// Show every copy of a story reprinted by several outlets.
    #[arg(long)]
    pub no_collapse: bool,

    /// Print one JSON object: total, hits, facets, histogram.
    #[arg(long, conflicts_with_all = ["ndjson", "csv"])]
    pub json: bool,

    /// Print one JSON object per hit, per line.
    #[arg(long, conflicts_with = "csv")]
    pub ndjson: bool,

    /// Print CSV with a header row.
    #[arg(long)]
    pub csv: bool,

    /// Bold matched words: auto (terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// `morgue speakers`.
#[derive(Debug, Args)]
pub struct SpeakersArgs {
    /// Query over the quotes' words (tantivy grammar, with fields); none = all quotes.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Filters (flags shared with `search`).
    #[command(flatten)]
    pub filters: FilterArgs,

    /// How many speakers to list.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `morgue parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Clipping files or folders (walked as `index` walks them).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// One JSON object per article per line (the format quote-score reads).
    #[arg(long)]
    pub json: bool,

    /// Skip (and report) files larger than this many MB, as `index` does.
    #[arg(long, value_name = "MB", default_value_t = 50)]
    pub max_file_size: u64,
}

/// `morgue status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
