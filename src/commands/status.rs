//! `morgue status`: what the index holds and how its last run went.

use std::io::Write;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Order, Term};

use crate::cli::{Context, StatusArgs};
use crate::error::Result;
use crate::exit_codes::ExitCode;
use crate::index::{datetime_to_day, failed_files, kind, IndexState, RunSummary};
use crate::search::Engine;

use super::search::finish_output;

/// What `morgue status` reports.
#[derive(Debug, Serialize)]
pub struct Status {
    /// Index folder.
    pub index: String,
    /// Folders indexed.
    pub folders: Vec<String>,
    /// Files recorded.
    pub files: u64,
    /// Articles.
    pub articles: u64,
    /// Quotes.
    pub quotes: u64,
    /// Earliest article date.
    pub first_date: Option<String>,
    /// Latest article date.
    pub last_date: Option<String>,
    /// The last completed run.
    pub last_run: Option<RunSummary>,
    /// True when the last commit is from a run that did not finish.
    pub interrupted: bool,
    /// Failed files with reasons.
    pub failed: Vec<FailedFile>,
}

/// A file that could not be indexed.
#[derive(Debug, Serialize)]
pub struct FailedFile {
    /// The file.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// Runs `morgue status`.
pub fn run_status_cli(args: &StatusArgs, ctx: &Context, out: &mut impl Write) -> Result<ExitCode> {
    let engine = Engine::open(&ctx.location)?;
    let status = status(&engine, &ctx.location.root().to_string_lossy())?;
    finish_output(write_status(out, &status, args.json))
}

/// Gathers the status of an open index.
pub fn status(engine: &Engine, index: &str) -> Result<Status> {
    let state: IndexState = engine.index().state()?;
    let searcher = engine.searcher();
    let f = engine.fields();
    let count = |k: &str| -> Result<u64> {
        let q = TermQuery::new(Term::from_field_text(f.kind, k), IndexRecordOption::Basic);
        Ok(searcher.search(&q, &Count)? as u64)
    };
    let edge = |order: Order| -> Result<Option<String>> {
        let q = TermQuery::new(
            Term::from_field_text(f.kind, kind::ARTICLE),
            IndexRecordOption::Basic,
        );
        let top = TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>("date", order);
        let hits = searcher.search(&q, &top)?;
        Ok(hits
            .first()
            .and_then(|(d, _)| *d)
            .and_then(datetime_to_day)
            .map(|d| d.to_string()))
    };
    let failed = failed_files(searcher, f)?
        .into_iter()
        .map(|r| FailedFile {
            path: r.path,
            reason: r.error.unwrap_or_default(),
        })
        .collect();
    Ok(Status {
        index: index.to_string(),
        folders: state
            .roots
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect(),
        files: count(kind::FILE)?,
        articles: count(kind::ARTICLE)?,
        quotes: count(kind::QUOTE)?,
        first_date: edge(Order::Asc)?,
        last_date: edge(Order::Desc)?,
        last_run: state.last_run,
        interrupted: state.in_progress,
        failed,
    })
}

/// Prints the status for people or as JSON.
pub fn write_status(out: &mut impl Write, s: &Status, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, s)?;
        return writeln!(out);
    }
    writeln!(out, "index:    {}", s.index)?;
    writeln!(out, "folders:  {}", s.folders.join(", "))?;
    writeln!(out, "files:    {}", s.files)?;
    writeln!(out, "articles: {}  quotes: {}", s.articles, s.quotes)?;
    let dates = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "-".into(),
    };
    writeln!(out, "dates:    {dates}")?;
    if let Some(r) = &s.last_run {
        writeln!(
            out,
            "last run: {} ({:.1} s): {} added, {} updated, {} unchanged, {} moved, {} deleted, {} failed",
            r.started, r.seconds, r.added, r.updated, r.unchanged, r.moved, r.deleted, r.failed
        )?;
    }
    if s.interrupted {
        writeln!(
            out,
            "note:     the last run did not finish; the next `morgue index` completes it"
        )?;
    }
    if !s.failed.is_empty() {
        writeln!(out, "failed files ({}):", s.failed.len())?;
        for f in &s.failed {
            writeln!(out, "  {}: {}", f.path, f.reason)?;
        }
    }
    Ok(())
}
