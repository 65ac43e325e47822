//! `morgue bench`: times queries in-process, as tantivy-cli's `bench` does,
//! printing the same TSV as the raw-tantivy baseline in `../shared/bench`
//! (`median_us min_us first_us hits query from to`), so the two line up.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::cli::{facet_list, parse_query_text, BenchArgs, Context};
use crate::error::{Error, Result};
use crate::exit_codes::ExitCode;
use crate::query::{DateRange, Kind};
use crate::search::{Engine, Filters, SearchRequest};

use super::search::finish_output;

/// One line of a queries file: `text<TAB>from<TAB>to`.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchQuery {
    /// The query text.
    pub text: String,
    /// Inclusive date range.
    pub range: DateRange,
}

/// Reads a queries file; `#` lines and blank lines are skipped.
pub fn read_queries(path: &Path) -> Result<Vec<BenchQuery>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let query = cols.next().unwrap_or_default().to_string();
        let day = |s: Option<&str>| -> Result<Option<chrono::NaiveDate>> {
            match s.map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => crate::query::parse_on(s)
                    .map(|r| r.from)
                    .map_err(|e| Error::Usage(format!("{}:{}: {e}", path.display(), n + 1))),
            }
        };
        let range = DateRange::new(day(cols.next())?, day(cols.next())?);
        out.push(BenchQuery { text: query, range });
    }
    Ok(out)
}

/// Runs `morgue bench`.
pub fn run_bench_cli(args: &BenchArgs, ctx: &Context, out: &mut impl Write) -> Result<ExitCode> {
    let engine = Engine::open(&ctx.location)?;
    let queries = read_queries(&args.queries)?;
    let base = SearchRequest {
        kind: if args.quotes {
            Kind::Quote
        } else {
            Kind::Article
        },
        facets: facet_list(&args.facets)?,
        limit: args.limit,
        collapse: false,
        ..SearchRequest::default()
    };
    let mut lines = vec!["median_us\tmin_us\tfirst_us\thits\tquery\tfrom\tto".to_string()];
    for q in &queries {
        let runs = args.runs.max(1);
        let (times, hits) = time_query(&engine, &base, q, runs, args.ranked, ctx)?;
        lines.push(format_line(&times, hits, q));
    }
    finish_output(lines.iter().try_for_each(|l| writeln!(out, "{l}")))
}

fn time_query(
    engine: &Engine,
    base: &SearchRequest,
    q: &BenchQuery,
    runs: usize,
    ranked: bool,
    ctx: &Context,
) -> Result<(Vec<Duration>, u64)> {
    let mut times = Vec::with_capacity(runs);
    let mut hits = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let parsed = parse_query_text(&q.text, ctx.today)?;
        let req = SearchRequest {
            text: parsed.text.trim().to_string(),
            filters: Filters {
                dates: q.range,
                ..Filters::default()
            },
            ..base.clone()
        };
        hits = match ranked {
            true => engine.rank(&req)?.total,
            false => engine.search(&req)?.total,
        };
        times.push(start.elapsed());
    }
    Ok((times, hits))
}

fn format_line(times: &[Duration], hits: u64, q: &BenchQuery) -> String {
    let mut sorted = times.to_vec();
    sorted.sort();
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{hits}\t{}\t{}\t{}",
        sorted[sorted.len() / 2].as_micros(),
        sorted[0].as_micros(),
        times[0].as_micros(),
        q.text,
        day(q.range.from),
        day(q.range.to)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_baselines_query_format() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("q.tsv");
        std::fs::write(
            &path,
            "# comment\nsaid\t\t\nlehman\t2008-09-01\t2008-09-30\n",
        )
        .unwrap();
        let qs = read_queries(&path).unwrap();
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].range, DateRange::all());
        assert_eq!(qs[1].range.to.unwrap().to_string(), "2008-09-30");
    }

    #[test]
    fn a_bad_date_names_the_line() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("q.tsv");
        std::fs::write(&path, "said\t2008-13-01\t\n").unwrap();
        let err = read_queries(&path).unwrap_err().to_string();
        assert!(err.contains("q.tsv:1:"), "{err}");
    }
}
