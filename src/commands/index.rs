//! `morgue index`: walk, parse and index clippings folders, then print a summary.

use std::collections::BTreeMap;
use std::io::Write;

use crate::cli::{index_options, Context, IndexArgs};
use crate::error::{Error, Result};
use crate::exit_codes::ExitCode;
use crate::index::{run_index, IndexReport, Progress};

/// Runs `morgue index` from its command-line arguments.
pub fn run_index_cli(
    args: &IndexArgs,
    ctx: &Context,
    progress: &dyn Progress,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let opts = index_options(args)?;
    let report = run_index(&ctx.location, &opts, progress)?;
    let written = if args.json {
        serde_json::to_writer(&mut *out, &report.summary)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else if args.quiet {
        Ok(())
    } else {
        write_summary(out, &report)
    };
    written.map_err(|e| Error::Output(e.to_string()))?;
    Ok(exit_code(&report))
}

/// Success, or partial failure when some files or folders could not be read.
pub fn exit_code(report: &IndexReport) -> ExitCode {
    if report.summary.failed > 0 || !report.problems.is_empty() {
        ExitCode::PartialFailure
    } else {
        ExitCode::Success
    }
}

/// The one-line summary (and a line grouping the reasons files were skipped).
pub fn write_summary(out: &mut impl Write, report: &IndexReport) -> std::io::Result<()> {
    let s = &report.summary;
    writeln!(
        out,
        "{} files seen: {} indexed ({} new, {} updated), {} unchanged, {} moved, {} deleted, \
         {} skipped; {} articles and {} quotes written in {:.2} s",
        s.seen,
        s.added + s.updated,
        s.added,
        s.updated,
        s.unchanged,
        s.moved,
        s.deleted,
        s.failed,
        s.articles,
        s.quotes,
        s.seconds
    )?;
    if !report.failures.is_empty() {
        let mut reasons: BTreeMap<String, u64> = BTreeMap::new();
        for (_, reason) in &report.failures {
            *reasons.entry(reason_kind(reason)).or_default() += 1;
        }
        let list: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
        writeln!(out, "skipped: {} (details: morgue status)", list.join(", "))?;
    }
    Ok(())
}

/// The kind of a failure, for grouping: its text up to the first ':' or '('.
fn reason_kind(reason: &str) -> String {
    let end = reason.find([':', '(']).unwrap_or(reason.len());
    reason[..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::RunSummary;

    #[test]
    fn summary_groups_skip_reasons() {
        let report = IndexReport {
            summary: RunSummary {
                seen: 3,
                added: 1,
                failed: 2,
                ..Default::default()
            },
            failures: vec![
                ("a".into(), "empty file".into()),
                ("b".into(), "cannot read: permission denied".into()),
            ],
            problems: vec![],
        };
        let mut out = Vec::new();
        write_summary(&mut out, &report).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("3 files seen: 1 indexed (1 new, 0 updated)"),
            "{text}"
        );
        assert!(
            text.contains("skipped: 1 cannot read, 1 empty file"),
            "{text}"
        );
        assert_eq!(exit_code(&report), ExitCode::PartialFailure);
    }
}
