//! `morgue speakers`: who is quoted most on a subject in a period.

use std::io::Write;

use crate::cli::{filters, parse_query_text, Context, SpeakersArgs};
use crate::error::Result;
use crate::exit_codes::ExitCode;
use crate::query::Kind;
use crate::search::{Engine, SearchRequest, SpeakerCount};

use super::search::finish_output;

/// Runs `morgue speakers` from its command-line arguments.
pub fn run_speakers_cli(
    args: &SpeakersArgs,
    ctx: &Context,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let text = args.query.clone().unwrap_or_default();
    let parsed = parse_query_text(&text, ctx.today)?;
    let request = SearchRequest {
        text: parsed.text.trim().to_string(),
        kind: Kind::Quote,
        filters: filters(&args.filters, &parsed, ctx.today)?,
        ..SearchRequest::default()
    };
    let engine = Engine::open(&ctx.location)?;
    let list = engine.speakers(&request, args.limit)?;
    finish_output(write_speakers(out, &list, args.json))
}

/// Prints the ranking as an aligned table or as JSON.
pub fn write_speakers(
    out: &mut impl Write,
    list: &[SpeakerCount],
    json: bool,
) -> std::io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, list)?;
        return writeln!(out);
    }
    let w = list
        .iter()
        .map(|s| s.speaker.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    writeln!(
        out,
        "{:<w$}  {:>6}  {:<10}  {:<10}",
        "speaker", "quotes", "first", "last"
    )?;
    for s in list {
        let first = s.first.as_deref().unwrap_or("-");
        let last = s.last.as_deref().unwrap_or("-");
        writeln!(
            out,
            "{:<w$}  {:>6}  {first:<10}  {last:<10}",
            s.speaker, s.quotes
        )?;
    }
    Ok(())
}
