//! Turns the parsed command line into the typed requests the library runs,
//! before any work: dates resolved against today, filters merged from flags
//! and query fields, output format and colour decided.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;

use super::opts::{ColorChoice, FilterArgs, IndexArgs, IntervalArg, SearchArgs, SortArg};
use crate::error::{Error, Result};
use crate::index::{IndexLocation, IndexOptions};
use crate::query::{self, render_caret, DateRange, Kind, ParsedQuery};
use crate::render::{OutputFormat, Style};
use crate::search::{FacetName, Filters, Interval, SearchRequest, Sort};

/// What every command needs to know about its environment.
#[derive(Debug, Clone)]
pub struct Context {
    /// The index folder.
    pub location: IndexLocation,
    /// Today's date (the `MORGUE_TODAY` environment variable pins it).
    pub today: NaiveDate,
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Standard error is a terminal.
    pub stderr_tty: bool,
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
}

impl Context {
    /// The context of this process: `--index`/`MORGUE_INDEX` or `.morgue`, the clock, the terminal.
    pub fn from_env(index: Option<PathBuf>) -> Result<Context> {
        let today_var = std::env::var("MORGUE_TODAY").ok();
        let today = query::today_from_env(today_var.as_deref())?;
        Ok(Context {
            location: IndexLocation::new(index.unwrap_or_else(|| PathBuf::from(".morgue"))),
            today,
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        })
    }
}

/// The typed form of `morgue search`.
#[derive(Debug, Clone)]
pub struct SearchConfig {
    /// What to search.
    pub request: SearchRequest,
    /// How to print it.
    pub format: OutputFormat,
    /// Terminal styling.
    pub style: Style,
}

/// Index options from `morgue index` arguments; folders are made absolute.
pub fn index_options(args: &IndexArgs) -> Result<IndexOptions> {
    let mut roots = Vec::new();
    for dir in &args.dirs {
        let abs = std::path::absolute(dir).map_err(|e| Error::io(dir, e))?;
        roots.push(abs);
    }
    let defaults = IndexOptions::default();
    Ok(IndexOptions {
        roots,
        rebuild: args.rebuild,
        wait: args.wait,
        retry_failed: args.retry_failed,
        threads: args.threads.unwrap_or(defaults.threads),
        heap_bytes: args.memory.map(|mb| mb.max(16) << 20),
        commit_files: args.commit_every.max(1),
        commit_interval: Duration::from_secs(args.commit_secs),
        max_file_size: args.max_file_size.saturating_mul(1 << 20),
        quotes: !args.no_quotes,
    })
}

/// Parses the query string, pointing at the problem when it is malformed.
pub fn parse_query_text(text: &str, today: NaiveDate) -> Result<ParsedQuery> {
    query::parse_query(text, today)
        .map_err(|e| Error::QuerySyntax(format!("{e}\n{}", render_caret(text, &e))))
}

/// Filters from flags and query fields (all of them apply).
pub fn filters(args: &FilterArgs, parsed: &ParsedQuery, today: NaiveDate) -> Result<Filters> {
    let join = |flags: &[String], fields: &[String]| -> Vec<String> {
        flags.iter().chain(fields).cloned().collect()
    };
    Ok(Filters {
        speakers: join(&args.speaker, &parsed.speakers),
        datelines: join(&args.dateline, &parsed.datelines),
        sources: join(&args.source, &parsed.sources),
        sections: join(&args.section, &parsed.sections),
        authors: join(&args.author, &parsed.authors),
        dates: date_range(args, parsed, today)?,
    })
}

/// The days every date flag and `date:` field allows, intersected.
pub fn date_range(args: &FilterArgs, parsed: &ParsedQuery, today: NaiveDate) -> Result<DateRange> {
    let flag = |name: &str, e: query::DateError| Error::Usage(format!("--{name}: {e}"));
    let mut ranges = parsed.dates.clone();
    if let Some(v) = &args.from {
        let day = query::parse_from(v, today).map_err(|e| flag("from", e))?;
        ranges.push(DateRange::new(Some(day), None));
    }
    if let Some(v) = &args.to {
        let day = query::parse_to(v, today).map_err(|e| flag("to", e))?;
        ranges.push(DateRange::new(None, Some(day)));
    }
    if let Some(v) = &args.month {
        ranges.push(query::parse_month(v, today).map_err(|e| flag("month", e))?);
    }
    if let Some(v) = &args.year {
        ranges.push(query::parse_year(v).map_err(|e| flag("year", e))?);
    }
    if let Some(v) = &args.since {
        ranges.push(query::parse_since(v, today).map_err(|e| flag("since", e))?);
    }
    if let Some(v) = &args.on {
        ranges.push(query::parse_on(v).map_err(|e| flag("on", e))?);
    }
    ranges
        .iter()
        .try_fold(DateRange::all(), |acc, r| acc.intersect(r))
        .ok_or_else(|| Error::Usage("the date filters share no day: nothing can match".into()))
}

/// The typed search from `morgue search` arguments.
pub fn search_config(args: &SearchArgs, ctx: &Context) -> Result<SearchConfig> {
    let text = args.query.clone().unwrap_or_default();
    let parsed = parse_query_text(&text, ctx.today)?;
    let kind = match (args.quotes, parsed.kind) {
        (true, Some(Kind::Article)) => {
            return Err(Error::Usage(
                "--quotes and kind:article contradict each other".into(),
            ))
        }
        (true, _) => Kind::Quote,
        (false, kind) => kind.unwrap_or(Kind::Article),
    };
    let request = SearchRequest {
        text: parsed.text.trim().to_string(),
        kind,
        filters: filters(&args.filters, &parsed, ctx.today)?,
        facets: facet_list(&args.facets)?,
        facet_limit: args.facet_limit,
        histogram: args.histogram.map(interval),
        sort: match sort(args.sort) {
            // With nothing to rank by, the newest first is what people expect.
            Sort::Relevance if parsed.text.trim().is_empty() => Sort::Newest,
            chosen => chosen,
        },
        limit: args.limit,
        offset: args.offset,
        fuzzy: args.fuzzy,
        collapse: !args.no_collapse,
        snippet_chars: 200,
    };
    Ok(SearchConfig {
        request,
        format: output_format(args),
        style: style(args.color, ctx),
    })
}

/// Parses `--facets speaker,dateline`.
pub fn facet_list(names: &[String]) -> Result<Vec<FacetName>> {
    let mut out = Vec::new();
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        let facet = FacetName::parse(name).ok_or_else(|| {
            Error::Usage(format!(
                "--facets: unknown facet '{name}' (expected speaker, dateline, source or section)"
            ))
        })?;
        if !out.contains(&facet) {
            out.push(facet);
        }
    }
    Ok(out)
}

fn interval(arg: IntervalArg) -> Interval {
    match arg {
        IntervalArg::Day => Interval::Day,
        IntervalArg::Week => Interval::Week,
        IntervalArg::Month => Interval::Month,
        IntervalArg::Year => Interval::Year,
    }
}

fn sort(arg: SortArg) -> Sort {
    match arg {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Newest => Sort::Newest,
        SortArg::Oldest => Sort::Oldest,
    }
}

fn output_format(args: &SearchArgs) -> OutputFormat {
    match (args.json, args.ndjson, args.csv) {
        (true, _, _) => OutputFormat::Json,
        (_, true, _) => OutputFormat::Ndjson,
        (_, _, true) => OutputFormat::Csv,
        _ => OutputFormat::Table,
    }
}

/// Colour on or off from `--color`, the terminal and `NO_COLOR`.
pub fn style(choice: ColorChoice, ctx: &Context) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => ctx.stdout_tty && !ctx.no_color,
    };
    Style { color }
}
