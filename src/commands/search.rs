//! `morgue search`: run a search and print it as a table, JSON, NDJSON or CSV.

use std::io::{self, Write};

use crate::cli::{search_config, Context, SearchArgs, SearchConfig};
use crate::error::{Error, Result};
use crate::exit_codes::ExitCode;
use crate::render::{write_csv, write_json, write_ndjson, write_table, OutputFormat};
use crate::search::Engine;

/// Runs `morgue search` from its command-line arguments.
pub fn run_search_cli(args: &SearchArgs, ctx: &Context, out: &mut impl Write) -> Result<ExitCode> {
    let config = search_config(args, ctx)?;
    let engine = Engine::open(&ctx.location)?;
    run_search(&engine, &config, out)
}

/// Runs a typed search and prints it. A closed pipe (`| head`) ends quietly.
pub fn run_search(
    engine: &Engine,
    config: &SearchConfig,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let results = engine.search(&config.request)?;
    let written = match config.format {
        OutputFormat::Table => write_table(
            out,
            &results,
            config.request.kind,
            config.request.offset,
            config.style,
        ),
        OutputFormat::Json => write_json(out, &results),
        OutputFormat::Ndjson => write_ndjson(out, &results.hits),
        OutputFormat::Csv => write_csv(out, &results.hits),
    };
    finish_output(written.and_then(|()| out.flush()))
}

/// Success, also when the reader closed the pipe; an output error otherwise.
pub fn finish_output(written: io::Result<()>) -> Result<ExitCode> {
    match written {
        Ok(()) => Ok(ExitCode::Success),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::Success),
        Err(e) => Err(Error::Output(e.to_string())),
    }
}
