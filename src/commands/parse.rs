//! `morgue parse`: what the parser sees in clipping files, one JSON object
//! per article per line (the input of `quote-score`), or a readable outline.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::cli::ParseArgs;
use crate::clipping::Clipping;
use crate::corpus::{self, Article};
use crate::error::Result;
use crate::exit_codes::ExitCode;
use crate::quotes::Quote;

use super::search::finish_output;

/// One line of `morgue parse --json`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ParseLine {
    /// An article.
    Article {
        /// The file.
        path: String,
        /// Header fields, dateline, body, warnings.
        #[serde(flatten)]
        clipping: Box<Clipping>,
        /// Quotes, with byte offsets into `body`.
        quotes: Vec<Quote>,
    },
    /// A file that could not be parsed.
    Failed {
        /// The file.
        path: String,
        /// Why.
        error: String,
    },
}

/// Runs `morgue parse` from its command-line arguments.
pub fn run_parse_cli(args: &ParseArgs, out: &mut impl Write) -> Result<ExitCode> {
    let max_size = args.max_file_size.saturating_mul(1 << 20);
    run_parse(&args.paths, args.json, max_size, out)
}

/// Parses files and folders (walked like `index` walks them) and prints what
/// was found; files over `max_size` bytes are reported as failed, as `index`
/// reports them.
pub fn run_parse(
    paths: &[PathBuf],
    json: bool,
    max_size: u64,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let files = files_of(paths);
    let mut failed = false;
    let mut written = Ok(());
    for chunk in files.chunks(1024) {
        let lines: Vec<Vec<ParseLine>> =
            chunk.par_iter().map(|p| parse_path(p, max_size)).collect();
        for line in lines.iter().flatten() {
            failed |= matches!(line, ParseLine::Failed { .. });
            written = written.and_then(|()| write_line(out, line, json));
        }
    }
    let code = finish_output(written)?;
    Ok(if failed {
        ExitCode::PartialFailure
    } else {
        code
    })
}

fn files_of(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walk = corpus::walk(std::slice::from_ref(path));
            let mut found: Vec<PathBuf> = walk.files.into_iter().map(|f| f.path).collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
}

/// The lines for one file: one per article, or one error (among them a file
/// over `max_size` bytes).
pub fn parse_path(path: &Path, max_size: u64) -> Vec<ParseLine> {
    let shown = path.to_string_lossy().to_string();
    let parsed = corpus::read_file(path, max_size)
        .and_then(|bytes| Article::parse_file(path, &bytes, true).map_err(|e| e.to_string()));
    match parsed {
        Ok(articles) => articles
            .into_iter()
            .map(|a| ParseLine::Article {
                path: shown.clone(),
                clipping: Box::new(a.clipping),
                quotes: a.quotes,
            })
            .collect(),
        Err(error) => vec![ParseLine::Failed { path: shown, error }],
    }
}

fn write_line(out: &mut impl Write, line: &ParseLine, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, line)?;
        return writeln!(out);
    }
    match line {
        ParseLine::Failed { path, error } => writeln!(out, "{path}: error: {error}"),
        ParseLine::Article {
            path,
            clipping: c,
            quotes,
        } => {
            let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
            writeln!(out, "{path} [{}]", c.format.name())?;
            writeln!(
                out,
                "  date: {}",
                c.date.map_or("-".into(), |d| d.to_string())
            )?;
            writeln!(
                out,
                "  source: {} / section: {}",
                opt(&c.source),
                opt(&c.section)
            )?;
            writeln!(out, "  title: {}", c.title)?;
            writeln!(out, "  dateline: {}", opt(&c.dateline))?;
            for q in quotes {
                writeln!(
                    out,
                    "  quote: {}: “{}”",
                    q.speaker.as_deref().unwrap_or("?"),
                    q.text
                )?;
            }
            for w in &c.warnings {
                writeln!(out, "  warning: {w}")?;
            }
            Ok(())
        }
    }
}
